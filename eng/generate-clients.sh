#!/usr/bin/env bash
# Regenerates the C# partner clients (tests/Platform.EndToEndTests/PartnerClients) with Kiota from the OpenAPI
# documents a running gateway serves, as a partner would:
#   ./platform up            # in another terminal
#   ./eng/generate-clients.sh [gateway URL, default http://localhost:5000]
# The end-to-end tests fail when the committed clients differ from what the documents generate.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
GATEWAY="${1:-http://localhost:5000}"
OUT="${PARTNER_CLIENTS_OUT:-$ROOT/tests/Platform.EndToEndTests/PartnerClients}"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
cd "$ROOT" && dotnet tool restore >/dev/null
for service in patients coordination; do
  name="${service^}"
  curl -fsS "$GATEWAY/openapi/$service.json" -o "$tmp/$service.json"
  dotnet tool run kiota generate --language CSharp --openapi "$tmp/$service.json" --class-name "${name}Client" \
    --namespace-name "Platform.PartnerClients.$name" --output "$OUT/$name" --exclude-backward-compatible --clean-output \
    --log-level Warning >/dev/null
  rm -f "$OUT/$name/kiota-lock.json" # names the temporary document: not reproducible
done
echo "clients written to ${OUT#"$ROOT"/}"
