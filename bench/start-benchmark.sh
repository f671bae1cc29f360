#!/usr/bin/env bash
# Start benchmark: ./bench/start-benchmark.sh [warm runs, default 3]
# How long ./platform up (the AppHost) takes to a healthy gateway with the demo data loaded, measured as a developer
# meets it:
#   cold   a fresh clone of this checkout (HEAD): build, first servers (initdb, a new broker), demo data created
#   warm   this checkout, already built, data kept from the previous run: the everyday start
# Goal: warm ≤ 30 s on the project's 2-core machines. Prints each run and the medians. The NuGet cache is shared with
# this checkout, so "cold" leaves out package downloads (they depend on the network, not on the platform).
# BENCH_COLD=0 measures the warm starts only.
# Each stack runs with its ports moved (--Platform:PortOffset) so a developer's own ./platform up is not disturbed.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${1:-3}"
OFFSET="${BENCH_PORT_OFFSET:-300}"
source "$ROOT/eng/servers.sh"
install_servers

CLONE="$(mktemp -d)/platform"
UP_PID=""
cleanup() {
  [ -n "$UP_PID" ] && kill -TERM "$UP_PID" 2>/dev/null && wait "$UP_PID" 2>/dev/null || true
  # Under root, a clone in a private temporary folder keeps its servers' data in /var/tmp (see docs/aspire.md).
  rm -rf "$(dirname "$CLONE")" "/var/tmp/platform-$(printf '%s' "$CLONE/.local-bench" | sha256sum | cut -c1-12)"
}
trap cleanup EXIT

# Runs ./platform up in $1 until the demo data is loaded; prints the seconds it took, then stops it.
measure() {
  local dir="$1" log="$1/.local-bench-up.log" t0 t1
  t0=$(date +%s.%N)
  (cd "$dir" && exec ./platform up --Platform:PortOffset="$OFFSET" --Platform:DataDirectory=.local-bench) >"$log" 2>&1 &
  UP_PID=$!
  while ! grep -q "demo-data is loaded" "$log"; do
    if ! kill -0 "$UP_PID" 2>/dev/null || grep -q "did not start\|demo-data failed" "$log"; then
      echo "the platform did not come up; last lines of $log:" >&2; tail -n 30 "$log" >&2; exit 1
    fi
    sleep 0.2
  done
  t1=$(date +%s.%N)
  local apphost; apphost="$(cat "$dir/.local-bench/apphost.pid" 2>/dev/null || true)"
  kill -TERM "$UP_PID"; wait "$UP_PID" 2>/dev/null || true; UP_PID=""
  # Let Aspire's orchestrator (which watches the AppHost) finish stopping the servers before the next start, and the
  # servers let their ports go (a broker takes seconds to stop after it is told to).
  while [ -n "$apphost" ] && pgrep -f -- "--monitor $apphost( |$)" >/dev/null; do sleep 0.2; done
  local port waited=0
  for port in 5000 5002 15432 16672 16673 16674 16675 16379; do
    while (exec 3<>"/dev/tcp/127.0.0.1/$((port + OFFSET))") 2>/dev/null; do
      [ "$waited" -lt 300 ] || { echo "port $((port + OFFSET)) is still listened on 60 s after the platform stopped" >&2; exit 1; }
      sleep 0.2; waited=$((waited + 1))
    done
  done
  awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f\n", b - a }'
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

cold="-"
if [ "${BENCH_COLD:-1}" = 1 ]; then
  log "cold start: a fresh clone of HEAD in $CLONE"
  git clone -q "$ROOT" "$CLONE"
  cold="$(measure "$CLONE")"
  echo "cold start (clone, build, first servers, demo data created): ${cold} s"
fi

log "warm starts: this checkout, built, data kept ($RUNS runs)"
measure "$ROOT" >/dev/null # the first run here may build, and create the data folder: not counted
warm=()
for i in $(seq 1 "$RUNS"); do
  warm+=("$(measure "$ROOT")")
  echo "warm start $i: ${warm[-1]} s"
done
w="$(printf '%s\n' "${warm[@]}" | median)"
echo
echo "start to a healthy gateway with demo data (./platform up, AppHost):"
printf '  %-8s %6s s\n' cold "$cold" warm "$w"
awk -v w="$w" 'BEGIN { printf "  warm ÷ goal (30 s): %.2f\n", w / 30 }'
