#!/usr/bin/env bash
# Start-up benchmark (issue 8): `nasql -e "SELECT 1"` on an existing inventory against `java -version`,
# the median of 5 runs each, after one warm-up run that also writes the class-data sharing archive.
set -euo pipefail
. "$(dirname "$0")/common.sh"

export HOME="$work/home"
mkdir -p "$HOME"
"$nasql" -e "SELECT 1" > /dev/null   # creates the inventory (and the CDS archive on first use)

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
time_ms() { local t0 t1; t0=$(now_ms); "$@" > /dev/null 2>&1; t1=$(now_ms); echo $((t1 - t0)); }

java_ms=$(for _ in 1 2 3 4 5; do time_ms java -version; done | median)
nasql_ms=$(for _ in 1 2 3 4 5; do time_ms "$nasql" -e "SELECT 1"; done | median)
nocds_ms=$(for _ in 1 2 3 4 5; do time_ms env NASQL_JAVA_OPTS="-Xshare:off" "$nasql" -e "SELECT 1"; done | median)
echo "java -version:                      ${java_ms} ms (median of 5)"
echo "nasql -e \"SELECT 1\":               ${nasql_ms} ms (median of 5)"
echo "nasql -e \"SELECT 1\", no CDS:       ${nocds_ms} ms (median of 5)"
