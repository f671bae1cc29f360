#!/usr/bin/env bash
# Gateway benchmark: ./bench/gateway-benchmark.sh [seconds per run, default 10] [connections, default 32]
# One cheap read route (GET /api/missions/sites, a few sites), measured with wrk in one run:
#   direct      wrk → Missions
#   nginx       wrk → nginx (plain reverse proxy, keep-alive upstream) → Missions
#   gateway+    wrk → gateway with an API key, role policy, the Redis rate limit and the signed identity → Missions
#   yarp        wrk → YARP's forwarder alone (bench/Platform.BareProxy: no auth, transforms, telemetry) → Missions,
#               the floor of any YARP gateway on this machine
# Prints req/s and p99 latency of each, and the ratios gateway+ ÷ nginx (req/s, goal ≥ 1.0) and
# gateway+ p99 ÷ direct p99 (goal ≤ 1.2), then the same for the yarp floor and gateway+ ÷ yarp (what the gateway's
# own features cost). Everything is built in Release and runs on this machine.
# Every path is warmed up first (BENCH_WARMUP seconds each, default 5), then measured in BENCH_ROUNDS rounds (default
# 3, order rotating); the figures and ratios are the medians.
# BENCH_PIN=1 runs the backend and PostgreSQL on one core and the proxies and wrk on the other (see below).
# BENCH_PATHS="gateway_auth yarp" measures only some paths (ratios need direct, nginx and gateway_auth).
# Missions requires a platform identity on every request, as in production: the paths that do not go through the
# gateway (direct, nginx, yarp) send one made for each wrk run (eng/platform-token.sh, valid 60 s: runs and warm-ups
# must be shorter). The gateway makes its own from the API key. (A gateway route left anonymous cannot reach a service
# any more, so that path is gone; YARP alone is the gateway's floor.)
# BENCH_GATEWAY_ENV="NAME=value ..." adds settings to both gateways (e.g. DOTNET_gcServer=1, OTEL_SDK_DISABLED=true).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DURATION="${1:-10}"
CONNECTIONS="${2:-32}"
WARMUP="${BENCH_WARMUP:-5}"
ROUNDS="${BENCH_ROUNDS:-3}"
# BENCH_PIN=1: the backend and PostgreSQL on the last core, the proxies and wrk on the first, as when the gateway runs
# on its own node: the proxies then no longer take CPU from the backend.
PIN="${BENCH_PIN:-0}"
FRONT_CPU=0
BACK_CPU=$(($(nproc) - 1))
FRONT=()
[ "$PIN" = 1 ] && FRONT=(taskset -c "$FRONT_CPU")
source "$ROOT/eng/servers.sh"
source "$ROOT/eng/platform-token.sh"
[ "$DURATION" -le 55 ] && [ "$WARMUP" -le 55 ] || die "runs and warm-ups last at most 55 s (the identity sent to Missions lives 60 s)"
start_servers
for tool in wrk nginx; do
  command -v "$tool" >/dev/null || { sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"; DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq wrk nginx-light >/dev/null; }
done

WORK="$(mktemp -d)"
PIDS=()
cleanup() {
  [ "$PIN" = 1 ] && for pid in $(pgrep -x postgres); do taskset -apc "0-$BACK_CPU" "$pid" >/dev/null 2>&1 || true; done
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
  psql_local -qc "drop database if exists bench_missions" >/dev/null 2>&1 || true
  rm -rf "$WORK"
  stop_servers
}
trap cleanup EXIT

log "building Missions and the gateway in Release"
dotnet build "$ROOT/services/Missions/Platform.Missions" -c Release -nologo -v:q -clp:ErrorsOnly >/dev/null
dotnet build "$ROOT/gateway/Platform.Gateway" -c Release -nologo -v:q -clp:ErrorsOnly >/dev/null
dotnet build "$ROOT/bench/Platform.BareProxy" -c Release -nologo -v:q -clp:ErrorsOnly >/dev/null
psql_local -qc "drop database if exists bench_missions" >/dev/null
psql_local -qc "create database bench_missions" >/dev/null
[ "$PIN" = 1 ] && for pid in $(pgrep -x postgres); do taskset -apc "$BACK_CPU" "$pid" >/dev/null; done

MISSIONS=5911 MISSIONS_GRPC=5912 GATEWAY=5913 GATEWAY_METRICS=5915 NGINX=5917 YARP=5919
KEY="bench-$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')"
IDENTITY="$(od -An -tx1 -N24 /dev/urandom | tr -d ' \n')"
quiet=(Logging__LogLevel__Default=Warning Logging__LogLevel__Microsoft.AspNetCore=Warning)

run() { # name, dll, env...
  local name="$1" dll="$2"; shift 2
  local pin=(); [ "$PIN" = 1 ] && { [ "$name" = missions ] && pin=(taskset -c "$BACK_CPU") || pin=(taskset -c "$FRONT_CPU"); }
  (cd "$(dirname "$dll")" && exec "${pin[@]}" env "$@" dotnet "$dll") >"$WORK/$name.log" 2>&1 &
  PIDS+=($!)
  eval "PID_${name//[^a-z]/_}=$!"
}
wait_up() {
  local i
  for i in $(seq 1 100); do curl -fsS -o /dev/null "$1" 2>/dev/null && return 0; sleep 0.2; done
  die "$1 did not come up: $(tail -5 "$WORK"/*.log)"
}

# Missions in Development (it migrates its database at start), checking every caller's identity as in production.
identity() { printf 'Authorization: Bearer %s' "$(platform_token bench platform-admin region missions "$IDENTITY")"; }
run missions "$ROOT/services/Missions/Platform.Missions/bin/Release/net10.0/Platform.Missions.dll" ASPNETCORE_ENVIRONMENT=Development \
  "${quiet[@]}" ConnectionStrings__missionsdb="${PLATFORM_POSTGRES};Database=bench_missions" Platform__Identity__Key="$IDENTITY" \
  Kestrel__Endpoints__Http__Url="http://127.0.0.1:$MISSIONS" Kestrel__Endpoints__Grpc__Url="http://127.0.0.1:$MISSIONS_GRPC"
wait_up "http://127.0.0.1:$MISSIONS/health"
for s in "Centre de santé de Craon|53084" "Antenne de Cossé-le-Vivien|53077" "Maison de santé d'Évron|53097"; do
  IFS='|' read -r name commune <<<"$s"
  curl -fsS -o /dev/null -X POST "http://127.0.0.1:$MISSIONS/api/missions/sites" -H 'Content-Type: application/json' -H "$(identity)" \
    -d "{\"name\":\"$name\",\"kind\":\"CentreDeSante\",\"communeCode\":\"$commune\",\"linesPerWeek\":1}"
done

gateway_env=(ASPNETCORE_ENVIRONMENT=Production "${quiet[@]}" Platform__Identity__Key="$IDENTITY"
  services__missions__http__0="http://127.0.0.1:$MISSIONS" services__missions__grpc__0="http://127.0.0.1:$MISSIONS_GRPC"
  services__patients__http__0="http://127.0.0.1:$MISSIONS" services__funding__http__0="http://127.0.0.1:$MISSIONS"
  services__coordination__http__0="http://127.0.0.1:$MISSIONS"
  Gateway__Partners__bench__KeyHash="$(printf '%s' "$KEY" | sha256sum | cut -d' ' -f1)" Gateway__Partners__bench__Role=platform-admin \
  Gateway__Partners__bench__Scope=region
  Gateway__RateLimit__PermitPerSecond=10000000 ${BENCH_GATEWAY_ENV:-})
GATEWAY_DLL="$ROOT/gateway/Platform.Gateway/bin/Release/net10.0/Platform.Gateway.dll"
run gateway "$GATEWAY_DLL" "${gateway_env[@]}" Kestrel__Endpoints__Http__Url="http://127.0.0.1:$GATEWAY" \
  Kestrel__Endpoints__Grpc__Url="http://127.0.0.1:$((GATEWAY + 1))" Kestrel__Endpoints__Grpc__Protocols=Http2 \
  Kestrel__Endpoints__Metrics__Url="http://127.0.0.1:$GATEWAY_METRICS"
run yarp "$ROOT/bench/Platform.BareProxy/bin/Release/net10.0/Platform.BareProxy.dll" DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=1 \
  BareProxy__Destination="http://127.0.0.1:$MISSIONS" ASPNETCORE_URLS="http://127.0.0.1:$YARP"
wait_up "http://127.0.0.1:$GATEWAY/alive"
wait_up "http://127.0.0.1:$YARP/health"

cat >"$WORK/nginx.conf" <<EOF
worker_processes 2;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  upstream missions { server 127.0.0.1:$MISSIONS; keepalive 64; }
  server {
    listen 127.0.0.1:$NGINX;
    location / {
      proxy_pass http://missions;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
    }
  }
}
EOF
"${FRONT[@]}" nginx -c "$WORK/nginx.conf" -p "$WORK"
wait_up "http://127.0.0.1:$NGINX/health"

allocated() { # bytes the gateway has allocated so far (the runtime's counter, from its Prometheus endpoint, as the chart scrapes it)
  curl -fsS "http://127.0.0.1:$GATEWAY_METRICS/metrics" 2>/dev/null | awk '!found && /^dotnet_gc_heap_total_allocated_bytes_total[{ ]/ { sub(/^[^ ]*\} |^[^ ]* /, ""); print $1; found = 1 }'
}
ticks() { # CPU time (clock ticks) used so far by the given processes
  local t=0 pid; for pid in "$@"; do [ -r "/proc/$pid/stat" ] && t=$((t + $(awk '{print $14 + $15}' "/proc/$pid/stat"))); done; echo "$t"
}
still() { # those of the given processes still running (PostgreSQL's backends come and go)
  local pid; for pid in "$@"; do [ -r "/proc/$pid/stat" ] && echo "$pid"; done
}
measure() { # label, proxy pids (quoted list), url, extra wrk args...: one run, printed and appended to $WORK/<label>
  local label="$1" proxy="$2" url="$3"; shift 3
  local postgres; postgres="$(pgrep -x postgres || pgrep -f 'postgres:' || true)"
  local p0 b0 d0 p1 b1 d1
  local a0="" a1=""; [ "$label" = gateway_auth ] && a0="$(allocated)"
  p0=$(ticks $proxy); b0=$(ticks "$PID_missions"); d0=$(ticks $postgres)
  local out; out="$("${FRONT[@]}" wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "$@" "$url")"
  p1=$(ticks $proxy); b1=$(ticks "$PID_missions")
  d1=$(ticks $postgres)
  [ "$label" = gateway_auth ] && a1="$(allocated)"
  local rps p99 errors
  rps="$(awk '/Requests\/sec/ {print $2}' <<<"$out")"
  p99="$(awk '$1 == "99%" {print $2}' <<<"$out")"
  errors="$(awk '/Non-2xx/ {print $NF}' <<<"$out")"
  # CPU per request, in µs: what the proxy, the backend and PostgreSQL each spent on one request.
  local cpu; cpu="$(awk -v r="$rps" -v d="$DURATION" -v hz="$(getconf CLK_TCK)" -v p=$((p1 - p0)) -v b=$((b1 - b0)) -v g=$((d1 - d0)) \
    'BEGIN { n = r * d; printf "%.0f %.0f %.0f", p * 1e6 / hz / n, b * 1e6 / hz / n, g * 1e6 / hz / n }')"
  read -r cpu_proxy cpu_backend cpu_db <<<"$cpu"
  local alloc="-"
  [ -n "$a0" ] && [ -n "$a1" ] && alloc="$(awk -v a="$a0" -v b="$a1" -v r="$rps" -v d="$DURATION" 'BEGIN { printf "%.1f", (b - a) / (r * d) / 1024 }')"
  # A PostgreSQL process that ended during the run took its ticks with it: its share is then unknown.
  [ "$(still $postgres)" = "$(printf '%s\n' $postgres)" ] || cpu_db="?"
  printf '  %-12s %10s req/s   p99 %8s   CPU µs/request: proxy %4s  backend %4s  postgres %4s   proxy allocated %5s KB/request %s\n' \
    "$label" "$rps" "$p99" "$cpu_proxy" "$cpu_backend" "$cpu_db" "$alloc" "${errors:+non-2xx: $errors}"
  echo "$rps $(to_ms "$p99") $cpu_proxy ${alloc/-/0}" >>"$WORK/$label"
  [ -z "$errors" ] || die "$label: $errors answers were not 2xx (see $WORK/*.log): the figures would measure refusals"
}
to_ms() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) printf "%.3f", v / 1000; else if (v ~ /ms$/) printf "%.3f", v + 0; else printf "%.3f", v * 1000 }'; }
median() { # column of $WORK/<label>
  sort -g -k"$2" "$WORK/$1" | awk -v c="$2" '{ v[NR] = $c } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# Warm-up of every path before any measurement: the backend serves all four, and a .NET process reaches its steady
# code (tiered JIT with PGO) and pools only after thousands of requests. Measured first without it, the backend is
# still warming during the first run (direct once measured 1,400 req/s cold, 2,500 warm). Two passes, then a pause:
# the JIT recompiles hot code in the background after a burst, and that CPU would otherwise be charged to whichever
# path is measured next (a gateway idle since its warm-up was seen costing the next run 200 µs a request).
log "warming up every path (2 × ${WARMUP}s each)"
for pass in 1 2; do
  for target in "http://127.0.0.1:$MISSIONS" "http://127.0.0.1:$NGINX" "http://127.0.0.1:$YARP"; do
    "${FRONT[@]}" wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" -H "$(identity)" "$target/api/missions/sites" >/dev/null
  done
  "${FRONT[@]}" wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" -H "X-Api-Key: $KEY" "http://127.0.0.1:$GATEWAY/api/missions/sites" >/dev/null
  sleep 5
done

# Then the two .NET proxies until their CPU per request stops falling: the gateway runs more code than YARP alone and
# reaches its steady code later (tier-1 of everything on its path: seen still falling, 113 -> 88 µs a request, a minute
# after two passes). Measured before that, the gateway's ratios would charge it for its JIT. A pass that is not 3 %
# below the best so far, twice in a row, ends it (at most BENCH_SETTLE_PASSES passes, default 12).
settle() { # label, pid, url, header (or "identity": a fresh one each pass, each lives 60 s)
  local best="" calm=0 pass cpu t0 t1 out header
  for ((pass = 1; pass <= ${BENCH_SETTLE_PASSES:-12}; pass++)); do
    header="$4"; [ "$header" = identity ] && header="$(identity)"
    t0=$(ticks "$2")
    out="$("${FRONT[@]}" wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" -H "$header" "$3")"
    t1=$(ticks "$2")
    cpu="$(awk -v t=$((t1 - t0)) -v hz="$(getconf CLK_TCK)" '/requests in/ { printf "%.1f", t * 1e6 / hz / $1 }' <<<"$out")"
    if [ -n "$best" ] && awk -v c="$cpu" -v b="$best" 'BEGIN { exit !(c > b * 0.97) }'; then
      calm=$((calm + 1))
    else
      calm=0
    fi
    [ -z "$best" ] || awk -v c="$cpu" -v b="$best" 'BEGIN { exit !(c < b) }' && best="$cpu"
    [ "$calm" -lt 2 ] || break
  done
  log "$1 steady after $((pass > ${BENCH_SETTLE_PASSES:-12} ? pass - 1 : pass)) passes of ${WARMUP}s (best $best µs of proxy CPU a request)"
}
settle gateway "$PID_gateway" "http://127.0.0.1:$GATEWAY/api/missions/sites" "X-Api-Key: $KEY"
settle yarp "$PID_yarp" "http://127.0.0.1:$YARP/api/missions/sites" identity
sleep 5

# Rounds: every path once per round, the order rotating, so a slow spell of the machine does not fall on one path.
echo
echo "GET /api/missions/sites — "${FRONT[@]}" wrk -t2 -c$CONNECTIONS -d${DURATION}s, $ROUNDS rounds, $(nproc) cores, $(date -u +%F)"
read -r -a paths <<<"${BENCH_PATHS:-direct nginx gateway_auth yarp}"
for ((round = 0; round < ROUNDS; round++)); do
  echo "round $((round + 1))"
  for ((i = 0; i < ${#paths[@]}; i++)); do
    case "${paths[$(((i + round) % ${#paths[@]}))]}" in
      direct) measure direct "" "http://127.0.0.1:$MISSIONS/api/missions/sites" -H "$(identity)" ;;
      nginx) measure nginx "$(pgrep -P "$(cat "$WORK/nginx.pid")" | tr '\n' ' ')" "http://127.0.0.1:$NGINX/api/missions/sites" -H "$(identity)" ;;
      gateway_auth) measure gateway_auth "$PID_gateway" "http://127.0.0.1:$GATEWAY/api/missions/sites" -H "X-Api-Key: $KEY" ;;
      yarp) measure yarp "$PID_yarp" "http://127.0.0.1:$YARP/api/missions/sites" -H "$(identity)" ;;
    esac
  done
done

echo
echo "median of $ROUNDS rounds"
for label in "${paths[@]}"; do
  printf '  %-12s %10.0f req/s   p99 %8.2fms   proxy CPU %4.0f µs/request\n' "$label" "$(median "$label" 1)" "$(median "$label" 2)" "$(median "$label" 3)"
done
echo
if [ -f "$WORK/gateway_auth" ] && [ -f "$WORK/yarp" ]; then
  awk -v g="$(median gateway_auth 1)" -v y="$(median yarp 1)" -v gc="$(median gateway_auth 3)" -v yc="$(median yarp 3)" -v ga="$(median gateway_auth 4)" 'BEGIN {
    printf "gateway features: gateway ÷ YARP alone, req/s:            %.2f  (goal ≥ 0.95)\n", g / y
    printf "gateway features: gateway ÷ YARP alone, CPU per request:  %.2f  (goal ≤ 1.25)\n", gc / yc
    printf "gateway features: allocated per request:                  %.1f KB  (goal ≤ 4 KB)\n", ga
  }'
fi
[ -f "$WORK/nginx" ] && [ -f "$WORK/direct" ] && [ -f "$WORK/gateway_auth" ] || exit 0
awk -v g="$(median gateway_auth 1)" -v n="$(median nginx 1)" -v gp="$(median gateway_auth 2)" -v dp="$(median direct 2)" 'BEGIN {
  printf "gateway (auth + rate limit) ÷ nginx, req/s:   %.2f  (goal ≥ 1.0)\n", g / n
  printf "gateway (auth + rate limit) p99 ÷ direct p99: %.2f  (goal ≤ 1.2)\n", gp / dp
}'
[ -f "$WORK/yarp" ] || exit 0
awk -v y="$(median yarp 1)" -v n="$(median nginx 1)" -v yp="$(median yarp 2)" -v dp="$(median direct 2)" -v g="$(median gateway_auth 1)" 'BEGIN {
  printf "floor: YARP alone ÷ nginx, req/s:             %.2f\n", y / n
  printf "floor: YARP alone p99 ÷ direct p99:           %.2f\n", yp / dp
  printf "gateway (auth + rate limit) ÷ YARP alone:     %.2f  (the cost of the gateway features)\n", g / y
}'
