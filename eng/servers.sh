#!/usr/bin/env bash
# Local PostgreSQL, RabbitMQ and Redis for development and tests, from the OS packages, with their data under
# .local/ (ignored by git). Sourced by ./platform; every function is idempotent.
#
# If the caller already gives connection strings (ConnectionStrings__messaging, ConnectionStrings__cache and
# PLATFORM_POSTGRES, or the four ConnectionStrings__*db), nothing is installed or started: the developer's own
# servers are used.

PLATFORM_LOCAL="${PLATFORM_LOCAL:-$ROOT/.local}"
# Under root, PostgreSQL and RabbitMQ run as their own users, who must be able to reach their data folder. A checkout
# under a private home (/root/...) is out of their reach: their data then goes to a folder of its own in /var/tmp.
resolve_server_data() {
  SERVER_DATA="$PLATFORM_LOCAL"
  if [ "$(id -u)" = 0 ] && ! runuser -u postgres -- test -x "$ROOT" 2>/dev/null; then
    SERVER_DATA="/var/tmp/platform-$(printf '%s' "$ROOT" | md5sum | cut -c1-12)"
  fi
}
PG_PORT="${PLATFORM_PG_PORT:-55432}"
AMQP_PORT="${PLATFORM_AMQP_PORT:-55672}"
RABBIT_MGMT_PORT="${PLATFORM_RABBIT_MGMT_PORT:-55673}"
REDIS_PORT="${PLATFORM_REDIS_PORT:-56379}"
RABBIT_NODE="platform-${AMQP_PORT}@localhost"
SERVICE_DATABASES=(patientsdb missionsdb fundingdb coordinationdb)

log() { printf '\033[1;34m[platform]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[platform]\033[0m %s\n' "$*" >&2; exit 1; }

pg_bin() {
  local d
  for d in /usr/lib/postgresql/*/bin; do [ -x "$d/initdb" ] && { echo "$d"; return; }; done
  return 1
}

# Runs a command as the owner a server wants: root hands postgres/rabbitmq their own users, a developer runs as self.
as_user() {
  local user="$1"; shift
  if [ "$(id -u)" = 0 ]; then $DETACH runuser -u "$user" -- "$@"; else $DETACH "$@"; fi
}
DETACH=""

own_dir() {
  local user="$1" dir="$2"
  mkdir -p "$dir"
  if [ "$(id -u)" = 0 ]; then chown -R "$user" "$dir"; fi
}

uses_external_servers() {
  [ -n "${ConnectionStrings__messaging:-}" ] && [ -n "${ConnectionStrings__patientsdb:-}" ]
}

install_servers() {
  local missing=()
  pg_bin >/dev/null || missing+=(postgresql)
  [ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || missing+=(rabbitmq-server)
  command -v redis-server >/dev/null || missing+=(redis-server)
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing ${missing[*]} from the OS packages"
  local sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

secret() {
  # A random credential, generated once per machine and kept under .local/ (never in the repository).
  local file="$PLATFORM_LOCAL/secrets/$1"
  if [ ! -s "$file" ]; then
    mkdir -p "$PLATFORM_LOCAL/secrets"; chmod 700 "$PLATFORM_LOCAL/secrets"
    (umask 077; od -An -tx1 -N16 /dev/urandom | tr -d ' \n' >"$file")
  fi
  cat "$file"
}

start_postgres() {
  local bin data="$SERVER_DATA/postgres/data" run="$SERVER_DATA/postgres/run"
  bin="$(pg_bin)" || die "PostgreSQL binaries not found"
  local pw; pw="$(secret postgres)"
  own_dir postgres "$SERVER_DATA/postgres"
  if [ ! -s "$data/PG_VERSION" ]; then
    log "initialising PostgreSQL in $data"
    local pwfile="$SERVER_DATA/postgres/.pw"
    printf '%s' "$pw" >"$pwfile"; [ "$(id -u)" = 0 ] && chown postgres "$pwfile"
    as_user postgres "$bin/initdb" -D "$data" -U platform --pwfile="$pwfile" --auth-local=trust \
      --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null
    rm -f "$pwfile"
  fi
  own_dir postgres "$run"
  if ! as_user postgres "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    log "starting PostgreSQL on 127.0.0.1:$PG_PORT"
    as_user postgres "$bin/pg_ctl" -D "$data" -w -l "$SERVER_DATA/postgres/server.log" \
      -o "-c listen_addresses=127.0.0.1 -c port=$PG_PORT -c unix_socket_directories=$run -c max_connections=400" \
      start >/dev/null || die "PostgreSQL did not start: see $SERVER_DATA/postgres/server.log"
  fi
  # Data kept outside the checkout (/var/tmp) may predate this checkout's secrets: align the password through the
  # local socket (trusted), without putting it on a command line.
  if ! psql_local -tAc 'select 1' >/dev/null 2>&1; then
    log "setting the PostgreSQL password from $PLATFORM_LOCAL/secrets"
    printf "ALTER USER platform PASSWORD '%s';\n" "$pw" | as_user postgres psql -q -h "$run" -p "$PG_PORT" -U platform -d postgres >/dev/null
  fi
}

create_databases() {
  local db
  for db in "${SERVICE_DATABASES[@]}"; do
    if ! psql_local -tAc "select 1 from pg_database where datname='$db'" | grep -q 1; then
      psql_local -qc "create database $db" >/dev/null
    fi
  done
}

psql_local() { PGPASSWORD="$(secret postgres)" psql -h 127.0.0.1 -p "$PG_PORT" -U platform -d postgres "$@"; }

rabbit() {
  # Runs a RabbitMQ script (rabbitmq-server, rabbitmqctl) against the local node, as the rabbitmq user under root.
  local base="$SERVER_DATA/rabbitmq" script="$1"; shift
  as_user rabbitmq env HOME="$base" RABBITMQ_NODENAME="$RABBIT_NODE" RABBITMQ_MNESIA_BASE="$base/mnesia" \
    RABBITMQ_LOG_BASE="$base/log" RABBITMQ_CONFIG_FILE="$base/rabbitmq.conf" \
    RABBITMQ_ENABLED_PLUGINS_FILE="$base/enabled_plugins" RABBITMQ_PID_FILE="$base/rabbit.pid" \
    "/usr/lib/rabbitmq/bin/$script" "$@"
}

rabbitmqctl_local() { rabbit rabbitmqctl -n "$RABBIT_NODE" "$@"; }

start_rabbitmq() {
  local base="$SERVER_DATA/rabbitmq"
  local pw; pw="$(secret rabbitmq)"
  mkdir -p "$base/mnesia" "$base/log"
  cat >"$base/rabbitmq.conf" <<EOF
listeners.tcp.default = 127.0.0.1:$AMQP_PORT
management.tcp.ip = 127.0.0.1
management.tcp.port = $RABBIT_MGMT_PORT
loopback_users.guest = true
EOF
  echo '[rabbitmq_management].' >"$base/enabled_plugins"
  [ -f "$base/.erlang.cookie" ] || (umask 077; secret erlang-cookie >"$base/.erlang.cookie")
  own_dir rabbitmq "$base"
  chmod 400 "$base/.erlang.cookie"
  if rabbitmqctl_local -q status >/dev/null 2>&1; then return 0; fi
  log "starting RabbitMQ on 127.0.0.1:$AMQP_PORT (management on :$RABBIT_MGMT_PORT)"
  # In its own session, so a Ctrl-C in the terminal does not reach it: ./platform stops it cleanly.
  ( cd "$base" && DETACH=setsid rabbit rabbitmq-server ) </dev/null >"$base/log/stdout.log" 2>&1 &
  local i
  for i in $(seq 1 120); do
    rabbitmqctl_local -q await_startup --timeout 60 >/dev/null 2>&1 && break
    [ "$i" = 120 ] && die "RabbitMQ did not start: see $base/log"
    sleep 0.5
  done
  if ! rabbitmqctl_local -q list_users 2>/dev/null | grep -q '^platform'; then
    rabbitmqctl_local -q add_user platform "$pw" >/dev/null
    rabbitmqctl_local -q set_user_tags platform administrator >/dev/null
    rabbitmqctl_local -q set_permissions -p / platform '.*' '.*' '.*' >/dev/null
  else
    rabbitmqctl_local -q change_password platform "$pw" >/dev/null # data may predate this checkout's secrets
  fi
}

start_redis() {
  local base="$PLATFORM_LOCAL/redis"
  mkdir -p "$base"
  local pw; pw="$(secret redis)"
  if redis-cli -p "$REDIS_PORT" -a "$pw" --no-auth-warning ping >/dev/null 2>&1; then return 0; fi
  log "starting Redis on 127.0.0.1:$REDIS_PORT"
  redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --dir "$base" --daemonize yes --requirepass "$pw" \
    --pidfile "$base/redis.pid" --logfile "$base/redis.log" --appendonly yes >/dev/null
  local i
  for i in $(seq 1 50); do
    redis-cli -p "$REDIS_PORT" -a "$pw" --no-auth-warning ping >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  die "Redis did not start: see $base/redis.log"
}

# Exports the connection strings (Aspire names) for the local servers.
export_local_connection_strings() {
  local pgpw rbpw rdpw
  pgpw="$(secret postgres)"; rbpw="$(secret rabbitmq)"; rdpw="$(secret redis)"
  export PLATFORM_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=platform;Password=$pgpw"
  local db
  for db in "${SERVICE_DATABASES[@]}"; do
    export "ConnectionStrings__$db=$PLATFORM_POSTGRES;Database=$db"
  done
  export ConnectionStrings__messaging="amqp://platform:$rbpw@127.0.0.1:$AMQP_PORT/"
  export ConnectionStrings__cache="127.0.0.1:$REDIS_PORT,password=$rdpw"
  export PLATFORM_RABBIT_MANAGEMENT="http://127.0.0.1:$RABBIT_MGMT_PORT"
}

start_servers() {
  if uses_external_servers; then
    log "using the servers given by ConnectionStrings__* in the environment"
    return 0
  fi
  install_servers
  resolve_server_data
  start_postgres
  start_rabbitmq
  start_redis
  export_local_connection_strings
  create_databases
}

stop_servers() {
  resolve_server_data
  local bin; bin="$(pg_bin)" || true
  if [ -n "$bin" ] && [ -d "$SERVER_DATA/postgres/data" ]; then
    as_user postgres "$bin/pg_ctl" -D "$SERVER_DATA/postgres/data" -m fast stop >/dev/null 2>&1 && log "PostgreSQL stopped"
  fi
  if [ -d "$SERVER_DATA/rabbitmq" ]; then
    rabbitmqctl_local -q stop >/dev/null 2>&1 && log "RabbitMQ stopped"
  fi
  if [ -f "$PLATFORM_LOCAL/redis/redis.pid" ]; then
    redis-cli -p "$REDIS_PORT" -a "$(secret redis)" --no-auth-warning shutdown >/dev/null 2>&1 && log "Redis stopped"
  fi
}
