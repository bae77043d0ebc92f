#!/usr/bin/env bash
# Report benchmark (issue 9): every built-in report over 100,000 jobs in 2,000 scopes.
set -euo pipefail
. "$(dirname "$0")/common.sh"

start_emulator --projects 1000 --locations us-central1,europe-west4 --jobs-per-scope 50
db="jdbc:h2:file:$work/r/google"
"$nasql" --db "$db" --endpoint "$endpoint" --plaintext --projects "$(projects 1000)" --locations us-central1,europe-west4 sync --concurrency 64
kill "$emulator_pid"; wait "$emulator_pid" 2>/dev/null || true; emulator_pid=""

for report in $("$nasql" report --list | awk '{print $1}'); do
  for format in csv html; do
    t0=$(now_ms)
    "$nasql" --db "$db" report "$report" -o "$format" --out "$work/$report.$format"
    t1=$(now_ms)
    printf "%-16s %-4s %6.2f s  %8d bytes\n" "$report" "$format" "$(awk -v ms=$((t1 - t0)) 'BEGIN{print ms/1000}')" "$(stat -c %s "$work/$report.$format")"
  done
done
