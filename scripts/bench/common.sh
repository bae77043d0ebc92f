# Shared by the benchmarks: the launcher, a standalone emulator, and timing helpers.
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
nasql="$root/scripts/nasql"
work="$(mktemp -d /tmp/nasql-bench.XXXXXX)"
emulator_pid=""

cleanup() {
  if [ -n "$emulator_pid" ]; then
    kill "$emulator_pid" 2>/dev/null || true
    wait "$emulator_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# start_emulator ARGS...: runs `nasql emulator` on a free port and sets $endpoint.
start_emulator() {
  "$nasql" emulator --port 0 "$@" > "$work/emulator.out" 2> "$work/emulator.err" &
  emulator_pid=$!
  for _ in $(seq 1 600); do
    endpoint="$(sed -n 's/^nasql emulator listening on //p' "$work/emulator.out")"
    [ -n "$endpoint" ] && return 0
    sleep 0.1
  done
  echo "the emulator did not start:" >&2; cat "$work/emulator.err" >&2; exit 1
}

# projects N: proj-001,...,proj-N
projects() { seq -f 'proj-%03g' 1 "$1" | paste -sd, -; }

now_ms() { date +%s%3N; }
