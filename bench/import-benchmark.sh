#!/usr/bin/env bash
# Bulk import benchmark: ./bench/import-benchmark.sh [rows, default 1000000]
# Starts the servers (through the AppHost, as ./platform does), builds the Patients service in Release, generates the rows, times a
# raw PostgreSQL COPY of them and the platform's import of the same file, and prints both and the ratio.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/eng/servers.sh"
trap stop_servers EXIT
start_servers
export PLATFORM_POSTGRES ConnectionStrings__messaging
dotnet build "$ROOT/bench/Platform.Benchmarks" -c Release -nologo -v:q -clp:ErrorsOnly
dotnet "$ROOT/bench/Platform.Benchmarks/bin/Release/net10.0/Platform.Benchmarks.dll" "${1:-1000000}" Release
