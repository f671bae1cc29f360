#!/usr/bin/env bash
# The platform's processes for local runs. Sourced by ./platform. The same names and ports are in
# apphost/Platform.AppHost/AppHost.cs (tests/Platform.UnitTests checks that both agree).

# service name | http port | grpc port | database connection name
PLATFORM_SERVICES=(
  "patients|5101|5102|patientsdb"
  "missions|5201|5202|missionsdb"
  "funding|5301|5302|fundingdb"
  "coordination|5401|5402|coordinationdb"
)
GATEWAY_PORT="${PLATFORM_GATEWAY_PORT:-5000}"
CONFIGURATION="${PLATFORM_CONFIGURATION:-Debug}"
PIDS=()

service_dll() {
  local name="$1" project
  if [ "$name" = gateway ]; then project="$ROOT/gateway/Platform.Gateway"; else
    project="$(ls -d "$ROOT"/services/*/Platform."${name^}" | head -n1)"; fi
  echo "$project/bin/$CONFIGURATION/net10.0/$(basename "$project").dll"
}

# services__<name>__http__0 / __grpc__0 for every service: what service discovery resolves.
export_service_addresses() {
  local entry name http grpc
  for entry in "${PLATFORM_SERVICES[@]}"; do
    IFS='|' read -r name http grpc _ <<<"$entry"
    export "services__${name}__http__0=http://127.0.0.1:$http"
    export "services__${name}__grpc__0=http://127.0.0.1:$grpc"
  done
}

build_apps() {
  log "building the services and the gateway ($CONFIGURATION)"
  dotnet build "$ROOT/Platform.Apps.slnf" -c "$CONFIGURATION" -nologo -v:q -clp:ErrorsOnly ||
    die "build failed"
}

start_process() {
  local name="$1" dll; dll="$(service_dll "$1")"; shift
  mkdir -p "$PLATFORM_LOCAL/logs"
  ( cd "$(dirname "$dll")" && exec env ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}" "$@" \
      dotnet "$dll" ) >>"$PLATFORM_LOCAL/logs/$name.log" 2>&1 &
  PIDS+=($!)
}

start_services() {
  export_service_addresses
  # Secrets of the services, generated once per machine into .local/secrets (never in the repository).
  Patients__Pseudonyms__Key="$(secret pseudonym-key)"; export Patients__Pseudonyms__Key
  # The key the gateway signs callers' identities with, and the services verify them with.
  Platform__Identity__Key="$(secret identity-key)"; export Platform__Identity__Key
  local entry name http grpc
  for entry in "${PLATFORM_SERVICES[@]}"; do
    IFS='|' read -r name http grpc _ <<<"$entry"
    start_process "$name" Kestrel__Endpoints__Http__Url="http://127.0.0.1:$http" \
      Kestrel__Endpoints__Grpc__Url="http://127.0.0.1:$grpc"
  done
  for entry in "${PLATFORM_SERVICES[@]}"; do
    IFS='|' read -r name http _ <<<"$entry"
    wait_healthy "$name" "http://127.0.0.1:$http/health"
  done
  # One demo partner per role, keys generated once into .local/secrets and listed in .platform/partner-keys.json.
  local role key partner_env=() keys_json=""
  for role in platform-admin cpts-coordinator centre-staff practitioner funder ars-analyst; do
    key="$(secret "partner-key-$role")"
    partner_env+=("Gateway__Partners__demo-${role}__KeyHash=$(printf '%s' "$key" | sha256sum | cut -d' ' -f1)"
      "Gateway__Partners__demo-${role}__Role=$role")
    keys_json+="${keys_json:+,}"$'\n'"  \"$role\": \"$key\""
  done
  mkdir -p "$ROOT/.platform"
  (umask 077; printf '{%s\n}\n' "$keys_json" >"$ROOT/.platform/partner-keys.json")
  start_process gateway Kestrel__Endpoints__Http__Url="http://127.0.0.1:$GATEWAY_PORT" \
    Kestrel__Endpoints__Grpc__Url="http://127.0.0.1:$((GATEWAY_PORT + 2))" Kestrel__Endpoints__Grpc__Protocols=Http2 \
    Gateway__Partners__developer__KeyHash="$(printf '%s' "$PLATFORM_API_KEY" | sha256sum | cut -d' ' -f1)" \
    Gateway__Partners__developer__Role=platform-admin "${partner_env[@]}"
  wait_healthy gateway "http://127.0.0.1:$GATEWAY_PORT/health"
}

wait_healthy() {
  local name="$1" url="$2" i
  for i in $(seq 1 120); do
    if curl -fsS -o /dev/null "$url" 2>/dev/null; then log "$name is up ($url)"; return 0; fi
    sleep 0.5
  done
  die "$name did not become healthy: see $PLATFORM_LOCAL/logs/$name.log"
}

stop_processes() {
  local pid
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  PIDS=()
}
