#!/usr/bin/env bash
# Report benchmark (issue 9): every built-in report over 100,000 jobs in 2,000 scopes.
# INVENTORY=DIR reuses an inventory that `KEEP_INVENTORY=DIR sync.sh` left; else this one syncs it first.
set -euo pipefail
. "$(dirname "$0")/common.sh"

if [ -n "${INVENTORY:-}" ]; then
  db="jdbc:h2:file:$INVENTORY/google"
else
  start_emulator --projects 1000 --locations us-central1,europe-west4 --jobs-per-scope 50
  db="jdbc:h2:file:$work/r/google"
  "$nasql" --db "$db" --endpoint "$endpoint" --plaintext --projects "$(projects 1000)" --locations us-central1,europe-west4 sync --concurrency 64
  kill "$emulator_pid"; wait "$emulator_pid" 2>/dev/null || true; emulator_pid=""
fi
"$nasql" --db "$db" -o text -e "SELECT COUNT(*) AS jobs, COUNT(DISTINCT projectsId || '/' || locationsId) AS scopes FROM google.aiplatform.nas_jobs; SELECT COUNT(*) AS trials FROM google.aiplatform.nas_trials"

for report in $("$nasql" report --list | awk '{print $1}'); do
  for format in csv html; do
    t0=$(now_ms)
    "$nasql" --db "$db" report "$report" -o "$format" --out "$work/$report.$format"
    t1=$(now_ms)
    printf "%-16s %-4s %6.2f s  %8d bytes\n" "$report" "$format" "$(awk -v ms=$((t1 - t0)) 'BEGIN{print ms/1000}')" "$(stat -c %s "$work/$report.$format")"
  done
done
