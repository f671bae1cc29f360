#!/usr/bin/env bash
# Event pipeline benchmark: ./bench/pipeline-benchmark.sh [seconds per path, default 60] [burst, default 100000]
# Starts the servers (through the AppHost, as ./platform does), builds the benchmarks in Release and measures, on three
# paths in the same run (RabbitMQ.Client alone; the same database writes by hand; the platform's EF outbox, MassTransit
# and inbox with Missions' real consumer), sustained events/s end to end, latency from commit to projection, and the
# drain of a burst written as an import writes. Knobs (environment): BENCH_PRODUCERS, BENCH_WINDOW, BENCH_PATHS
# (e.g. Platform), BENCH_RAW_PREFETCH, BENCH_RAW_CONCURRENCY, and the services' own Messaging__* settings.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/eng/servers.sh"
trap stop_servers EXIT
start_servers
export PLATFORM_POSTGRES ConnectionStrings__messaging PLATFORM_RABBIT_MANAGEMENT
dotnet build "$ROOT/bench/Platform.Benchmarks" -c Release -nologo -v:q -clp:ErrorsOnly
dotnet "$ROOT/bench/Platform.Benchmarks/bin/Release/net10.0/Platform.Benchmarks.dll" pipeline "${1:-60}" "${2:-100000}"
