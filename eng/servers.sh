#!/usr/bin/env bash
# Servers for scripts (the benchmarks): the AppHost's own PostgreSQL, RabbitMQ and Redis, started alone
# (--Platform:Only=servers) in the background on free ports, with a data folder of their own. The AppHost writes their
# connection strings to servers.env once they are healthy; start_servers exports them (ConnectionStrings__*,
# PLATFORM_POSTGRES, PLATFORM_RABBIT_MANAGEMENT, and PGHOST/PGPORT/PGUSER/PGPASSWORD for psql). No port, name or
# connection string is written here: the AppHost is the one description of the topology.
#
# Servers of your own instead: set PLATFORM_POSTGRES and ConnectionStrings__messaging / __cache, and nothing starts.

PLATFORM_LOCAL="${PLATFORM_LOCAL:-$ROOT/.local}"

log() { printf '\033[1;34m[platform]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[platform]\033[0m %s\n' "$*" >&2; exit 1; }

# The OS packages the AppHost's local servers run from (installed once, with sudo when not root).
install_servers() {
  local missing=()
  compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)
  [ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || missing+=(rabbitmq-server)
  command -v redis-server >/dev/null || missing+=(redis-server)
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing ${missing[*]} from the OS packages"
  local sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

SERVERS_PID=""
start_servers() {
  if [ -n "${PLATFORM_POSTGRES:-}" ] && [ -n "${ConnectionStrings__messaging:-}" ]; then
    log "using the servers given in the environment"
    return 0
  fi
  install_servers
  local data="$PLATFORM_LOCAL/script-servers"
  mkdir -p "$data" && rm -f "$data/servers.env"
  dotnet build "$ROOT/apphost/Platform.AppHost" -nologo -v:q -clp:ErrorsOnly >/dev/null || die "the AppHost did not build"
  log "starting the servers through the AppHost (logs: ${data#"$ROOT"/}/apphost.log)"
  dotnet run --project "$ROOT/apphost/Platform.AppHost" --no-build --no-launch-profile -- --Platform:Only=servers \
    --Platform:Servers=local --Platform:Dashboard=false --Platform:DynamicPorts=true --Platform:DataDirectory="$data" \
    >"$data/apphost.log" 2>&1 &
  SERVERS_PID=$!
  local i
  for i in $(seq 1 240); do
    [ -s "$data/servers.env" ] && break
    kill -0 "$SERVERS_PID" 2>/dev/null || die "the servers did not start: $(tail -n 20 "$data/apphost.log")"
    sleep 0.5
  done
  [ -s "$data/servers.env" ] || die "the servers were not healthy within 120 s: see $data/apphost.log"
  set -a; . "$data/servers.env"; set +a
}

stop_servers() {
  [ -n "$SERVERS_PID" ] || return 0
  kill -TERM "$SERVERS_PID" 2>/dev/null || true
  wait "$SERVERS_PID" 2>/dev/null || true
  SERVERS_PID=""
}

psql_local() { psql -d postgres "$@"; }
