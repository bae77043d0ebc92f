#!/usr/bin/env bash
# Discovery benchmark (issue 20): an emulated organization of 2,000 projects x 40 regions with NasJobs
# in 150 scopes (2 jobs each). The first sync by --organization (one Cloud Asset Inventory search,
# Resource Manager for the ids) against the first sync by --projects with every project named and no
# --locations (ListLocations per project, then ListNasJobs in all 80,000 scopes): API calls and wall time.
# Target: at most 1% of the calls and 10% of the wall time. LATENCY_MS (default 50, as in sync.sh) is added to every call.
set -euo pipefail
. "$(dirname "$0")/common.sh"

# Exactly the emulator's 40 Vertex AI regions (emulator Regions.VERTEX_AI; RegionsTest checks they agree), so that
# ListLocations names no region beyond them and the named sync lists 2,000 x 40 scopes.
regions=us-central1,us-east1,us-east4,us-east5,us-south1,us-west1,us-west2,us-west3,us-west4,northamerica-northeast1,\
northamerica-northeast2,northamerica-south1,southamerica-east1,southamerica-west1,europe-central2,europe-north1,\
europe-southwest1,europe-west1,europe-west2,europe-west3,europe-west4,europe-west6,europe-west8,europe-west9,\
europe-west10,europe-west12,me-central1,me-central2,me-west1,africa-south1,asia-east1,asia-east2,asia-northeast1,\
asia-northeast2,asia-northeast3,asia-south1,asia-southeast1,asia-southeast2,australia-southeast1,australia-southeast2
latency="${LATENCY_MS:-50}"
org=100000000001

"$nasql" --version > /dev/null   # builds the jar first, so that the emulator starts in time
start_emulator --projects 2000 --locations "$regions" --jobs-per-scope 2 --scopes-with-jobs 150 \
  --organization "$org" --folders 20 --latency-ms "$latency"
common=(--endpoint "$endpoint" --plaintext)

# run NAME ARGS...: one first sync into a fresh inventory; prints its summary, wall and CPU seconds.
run() {
  local name=$1; shift
  local t0 t1
  t0=$(now_ms)
  /usr/bin/time -f "%U %S" -o "$work/$name.cpu" "$nasql" --db "jdbc:h2:file:$work/$name/google" "${common[@]}" "$@" sync \
    > "$work/$name.txt" 2> "$work/$name.err" || { cat "$work/$name.err" >&2; exit 1; }
  t1=$(now_ms)
  echo $((t1 - t0)) > "$work/$name.ms"
  echo "$name: $(head -1 "$work/$name.txt")"
  echo "$name: $(awk '{ printf "%.1f", $1 + $2 }' "$work/$name.cpu") s CPU (user+sys), $(awk '{ printf "%.1f", $1 / 1000 }' "$work/$name.ms") s wall"
}

echo "== first sync by --organization $org"
run org --organization "$org"
echo "== first sync by --projects (2,000 named, no --locations)"
run named --projects "$(projects 2000)"

calls() { sed -n 's/.*; \([0-9]*\) API calls$/\1/p' "$work/$1.txt"; }
awk -v oc="$(calls org)" -v nc="$(calls named)" -v ow="$(cat "$work/org.ms")" -v nw="$(cat "$work/named.ms")" 'BEGIN {
  printf "by organization: %d calls, %.1f s; by named projects: %d calls, %.1f s\n", oc, ow / 1000, nc, nw / 1000
  printf "calls: %.2f%% (target <= 1%%); wall time: %.1f%% (target <= 10%%)\n", 100 * oc / nc, 100 * ow / nw }'
