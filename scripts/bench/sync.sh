#!/usr/bin/env bash
# Sync benchmark (issue 4): 1,000 scopes x 20 jobs at 50 ms latency with concurrency 64, against
# the ideal of calls x latency / concurrency; then the unchanged re-sync; then 100,000 jobs in
# 2,000 scopes synced by a nasql held to -Xmx256m; then one scope of 10,000 jobs, also in -Xmx256m.
# KEEP_INVENTORY=DIR keeps the 100k inventory for reports.sh; SKIP_100K=1 stops after the first part.
set -euo pipefail
. "$(dirname "$0")/common.sh"

echo "== 1,000 scopes x 20 jobs, 50 ms per call, concurrency 64"
start_emulator --projects 500 --locations us-central1,europe-west4 --jobs-per-scope 20 --latency-ms 50
db="jdbc:h2:file:$work/a/google"
args=(--db "$db" --endpoint "$endpoint" --plaintext --projects "$(projects 500)" --locations us-central1,europe-west4)
t0=$(now_ms); "$nasql" "${args[@]}" sync --concurrency 64 | tee "$work/first.txt"; t1=$(now_ms)
calls=$(sed -n 's/.*; \([0-9]*\) API calls$/\1/p' "$work/first.txt")
awk -v ms=$((t1 - t0)) -v calls="$calls" 'BEGIN { ideal = calls * 0.050 / 64;
  printf "first sync: %.1f s wall (process included), %d calls, ideal %.1f s, ratio %.2f\n", ms / 1000, calls, ideal, ms / 1000 / ideal }'
t0=$(now_ms); "$nasql" "${args[@]}" sync --concurrency 64 | tee "$work/second.txt"; t1=$(now_ms)
calls=$(sed -n 's/.*; \([0-9]*\) API calls$/\1/p' "$work/second.txt")
awk -v ms=$((t1 - t0)) -v calls="$calls" 'BEGIN { printf "unchanged re-sync: %.1f s wall, %d calls (ListNasJobs only), ideal %.1f s\n", ms / 1000, calls, calls * 0.050 / 64 }'
kill "$emulator_pid"; wait "$emulator_pid" 2>/dev/null || true; emulator_pid=""

[ -n "${SKIP_100K:-}" ] && exit 0
echo "== 100,000 jobs in 2,000 scopes, nasql in -Xmx256m"
start_emulator --projects 1000 --locations us-central1,europe-west4 --jobs-per-scope 50
inventory="${KEEP_INVENTORY:-$work/b}"
rm -rf "$inventory"
db="jdbc:h2:file:$inventory/google"
t0=$(now_ms)
NASQL_JAVA_OPTS="-Xmx256m" /usr/bin/time -f "max RSS %M KB" "$nasql" --db "$db" --endpoint "$endpoint" --plaintext \
  --projects "$(projects 1000)" --locations us-central1,europe-west4 sync --concurrency 64
t1=$(now_ms)
echo "100k sync: $(( (t1 - t0) / 1000 )) s wall in -Xmx256m"
NASQL_JAVA_OPTS="-Xmx256m" "$nasql" --db "$db" -o text -e "SELECT COUNT(*) AS jobs, COUNT(DISTINCT projectsId || '/' || locationsId) AS scopes FROM google.aiplatform.nas_jobs; SELECT COUNT(*) AS trials FROM google.aiplatform.nas_trials"
kill "$emulator_pid"; wait "$emulator_pid" 2>/dev/null || true; emulator_pid=""

# The per-scope limit (540 a minute, under the real quota) would make this 19 minutes; the emulator has no quota here.
echo "== one scope of 10,000 jobs, nasql in -Xmx256m, no per-scope rate limit"
start_emulator --project-ids big --locations us-central1 --jobs-per-scope 10000 --quota-per-minute 0
t0=$(now_ms)
NASQL_JAVA_OPTS="-Xmx256m" /usr/bin/time -f "max RSS %M KB" "$nasql" --db "jdbc:h2:file:$work/c/google" --endpoint "$endpoint" --plaintext \
  --projects big --locations us-central1 sync --concurrency 64 --calls-per-minute 100000
t1=$(now_ms)
echo "10k-job scope: $(( (t1 - t0) / 1000 )) s wall in -Xmx256m"
