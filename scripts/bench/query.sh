#!/usr/bin/env bash
# Query benchmark (issue 14): a 500,000-job inventory (2,500 projects x 2 locations x 100 jobs, each
# nasJobSpec about 1.3 KB, no nasJobOutput) written straight through the store, then each query of the
# issue's table in a fresh process (`nasql --db ... -o csv -e "..."`), as the median wall time above
# `SELECT 1` on the same inventory, with the median CPU (user+sys) beside it.
#   INVENTORY=DIR      reuse DIR/google.mv.db (built there first when missing)
#   NASQL_HOME=DIR     measure another build: DIR/scripts/nasql and DIR/shell/target/nasql.jar (e.g. a copy of main)
#   RUNS=N             runs per query (default 3)
#   PROJECTS=N         projects (default 2500; x 2 locations x 100 jobs)
# Last, the shell's first screen (issue 17): `SELECT * FROM google.aiplatform.nas_jobs;` typed at the prompt of
# the interactive shell on a 40-line pseudo-terminal (util-linux `script`), timed from the keystroke until a
# pager that keeps the first 30 lines and quits has them (the median of RUNS).
set -euo pipefail
. "$(dirname "$0")/common.sh"

home="${NASQL_HOME:-$root}"
nasql="$home/scripts/nasql"
runs="${RUNS:-3}"
projects="${PROJECTS:-2500}"
export HOME="$work/home"
mkdir -p "$HOME"
"$nasql" --version > /dev/null   # builds the jar when the sources changed

build() { # build DIR PROJECTS LOCATIONS JOBS
  local t0 t1
  t0=$(now_ms)
  /usr/bin/time -f "%e s wall, %U s user, %S s sys, max RSS %M KB" java -XX:TieredStopAtLevel=1 \
    -cp "$home/shell/target/nasql.jar" io.nasql.shell.bench.BenchInventory "jdbc:h2:file:$1/google" "$2" "$3" "$4" \
    2> >(grep -v -e '^INFO' -e '^[A-Z][a-z][a-z] [0-9]' >&2)
  t1=$(now_ms)
  echo "built $(( $2 * $3 * $4 )) jobs in $1 in $(( (t1 - t0) / 1000 )) s, file $(( $(stat -c %s "$1/google.mv.db") / 1048576 )) MB" >&2
}

big="${INVENTORY:-$work/big}"
[ -f "$big/google.mv.db" ] || build "$big" "$projects" 2 100
small="$work/small"
build "$small" 10 2 100 2> /dev/null
big_db="jdbc:h2:file:$big/google"

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

# measure DB ARGS...: "wall cpu" medians in seconds over $runs fresh processes
measure() {
  local db="$1"; shift
  local walls=() cpus=() out
  for _ in $(seq 1 "$runs"); do
    /usr/bin/time -o "$work/time" -f "%e %U %S" "$nasql" --db "$db" "$@" > /dev/null 2> "$work/stderr" || true
    out=$(tail -n 1 "$work/time")
    if grep -q '^error' "$work/stderr"; then cat "$work/stderr" >&2; exit 1; fi
    walls+=("$(echo "$out" | awk '{print $1}')"); cpus+=("$(echo "$out" | awk '{print $2 + $3}')")
  done
  echo "$(printf '%s\n' "${walls[@]}" | median) $(printf '%s\n' "${cpus[@]}" | median)"
}

base_big=$(measure "$big_db" -o csv -e "SELECT 1")
base_small=$(measure "jdbc:h2:file:$small/google" -o csv -e "SELECT 1")
bw=${base_big% *}
bc=${base_big#* }

row() { # row LABEL WALL_CPU
  awk -v label="$1" -v w="${2% *}" -v c="${2#* }" -v b="$bw" -v bc="$bc" \
    'BEGIN { printf "| %-62s | %6.2f s | %6.2f s | %6.2f s | %6.2f s |\n", label, w - b, c - bc, w, c }'
}

echo "| query (500,000 jobs unless said) | wall above SELECT 1 | cpu above SELECT 1 | wall | cpu (user+sys) |"
echo "|---|---|---|---|---|"
awk -v w="${base_small% *}" -v c="${base_small#* }" 'BEGIN { printf "| %-62s |          |          | %6.2f s | %6.2f s |\n", "SELECT 1, small inventory (2,000 jobs)", w, c }'
awk -v w="${base_big% *}" -v c="${base_big#* }" 'BEGIN { printf "| %-62s |          |          | %6.2f s | %6.2f s |\n", "SELECT 1", w, c }'

trust="SET max_age = 3650d;"   # the inventory is trusted as it is: no read-through sync in these rows
q() { row "$1" "$(measure "$big_db" -o csv -e "$trust $2")"; }
q "the page's SELECT, one scope (100 rows)" \
  "SELECT name, createTime, displayName, enableRestrictedImageTraining, encryptionSpec, endTime, error, labels, nasJobOutput, nasJobSpec, satisfiesPzi, satisfiesPzs, startTime, state, updateTime FROM google.aiplatform.nas_jobs WHERE locationsId = 'europe-west4' AND projectsId = 'proj-1234'"
q "one job by its keys, every column" \
  "SELECT * FROM google.aiplatform.nas_jobs WHERE projectsId = 'proj-1234' AND locationsId = 'europe-west4' AND nasJobsId = '1000012340100042'"
q "GROUP BY state" "SELECT state, COUNT(*) AS jobs FROM google.aiplatform.nas_jobs GROUP BY state"
q "GROUP BY projectsId, state" "SELECT projectsId, state, COUNT(*) AS jobs FROM google.aiplatform.nas_jobs GROUP BY projectsId, state"
q "GROUP BY json_value(labels, '\$.team')" \
  "SELECT json_value(labels, '\$.team') AS team, COUNT(*) AS jobs FROM google.aiplatform.nas_jobs GROUP BY json_value(labels, '\$.team')"
q "GROUP BY the job's metric (json_value of nasJobSpec)" \
  "SELECT json_value(nasJobSpec, '\$.multiTrialAlgorithmSpec.metric.metricId') AS metric, COUNT(*) AS jobs FROM google.aiplatform.nas_jobs GROUP BY json_value(nasJobSpec, '\$.multiTrialAlgorithmSpec.metric.metricId')"
q "failed jobs with json_value(error, '\$.message'), newest 10" \
  "SELECT projectsId, nasJobsId, endTime, json_value(error, '\$.message') AS why FROM google.aiplatform.nas_jobs WHERE state = 'JOB_STATE_FAILED' ORDER BY endTime DESC LIMIT 10"

for report in $("$nasql" report --list | awk '{print $1}'); do
  for format in csv html; do
    row "report $report -o $format" "$(measure "$big_db" report "$report" -o "$format" --out "$work/$report.$format")"
  done
done

# first_screen DB: ms from typing the statement at the shell's prompt until the pager holds its first screen.
first_screen() {
  local keys="$work/keys" screen="$work/screen" paged="$work/paged" pid t0 t1 waited=0
  rm -f "$keys" "$screen" "$paged"
  mkfifo "$keys"
  PAGER="head -n 30 > '$paged'" script -qfec "stty rows 40 cols 200; '$nasql' --db '$1'" "$screen" < "$keys" > /dev/null 2>&1 &
  pid=$!
  exec 9> "$keys"
  until grep -q 'nasql.*> ' "$screen" 2> /dev/null; do
    sleep 0.05; waited=$((waited + 1))
    if [ "$waited" -gt 6000 ]; then echo "the shell showed no prompt:" >&2; cat "$screen" >&2; exit 1; fi
  done
  t0=$(now_ms)
  printf '%s\n' "$trust SELECT * FROM google.aiplatform.nas_jobs;" >&9
  until [ -f "$paged" ] && [ "$(wc -l < "$paged")" -ge 30 ]; do
    sleep 0.01
    if [ $(( $(now_ms) - t0 )) -gt 600000 ]; then echo "no first screen after 600 s:" >&2; cat "$screen" >&2; exit 1; fi
  done
  t1=$(now_ms)
  printf 'exit\n' >&9
  exec 9>&-
  wait "$pid" || true
  echo $(( t1 - t0 ))
}
screens=()
for _ in $(seq 1 "$runs"); do screens+=("$(first_screen "$big_db")"); done
first_ms=$(printf '%s\n' "${screens[@]}" | median)

# Read-through: 1,000 pinned scopes (500 projects x 2 locations), all fresh, against the same query unpinned.
pins="projectsId IN ($(seq -f "'proj-%04g'" 1 500 | paste -sd, -)) AND locationsId IN ('us-central1', 'europe-west4')"
group="SELECT state, COUNT(*) AS jobs FROM google.aiplatform.nas_jobs"
# nasql refuses plain writes to its own tables, so the bench marks the scopes fresh with H2's own shell.
java -cp "$home/shell/target/nasql.jar" org.h2.tools.Shell -url "$big_db" -user "" -password "$(cat "$big/google.password")" \
  -sql 'UPDATE "aiplatform"."sync_scopes" SET "lastSuccessAt" = CURRENT_TIMESTAMP' > /dev/null
unpinned=$(measure "$big_db" -o csv -e "$trust $group WHERE projectsId <= 'proj-0500' GROUP BY state")
pinned=$(measure "$big_db" -o csv -e "$group WHERE $pins GROUP BY state")
row "100,000 jobs of 1,000 scopes, not pinned (trusted)" "$unpinned"
row "the same 1,000 scopes pinned, all fresh (read-through check)" "$pinned"
awk -v a="${pinned% *}" -v b="${unpinned% *}" 'BEGIN { printf "read-through check of 1,000 fresh scopes: %.2f s (pinned minus unpinned)\n", a - b }'
echo "inventory file: $(( $(stat -c %s "$big/google.mv.db") / 1048576 )) MB ($big/google.mv.db)"
awk -v ms="$first_ms" 'BEGIN { printf "shell, SELECT * FROM google.aiplatform.nas_jobs; typed at the prompt: first screen in the pager after %.2f s\n", ms / 1000 }'
