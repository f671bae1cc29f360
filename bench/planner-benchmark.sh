#!/usr/bin/env bash
# Coverage planner benchmark: ./bench/planner-benchmark.sh [seed]
# A generated national instance (151 zones × 3 sites, 26 fortnights, 5,000 volunteers) planned in Release; prints the
# time, the coverage, the max-flow bound and the ratio to a greedy baseline on the same instance. Needs no server.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dotnet build "$ROOT/bench/Platform.Benchmarks" -c Release -nologo -v:q -clp:ErrorsOnly >/dev/null
dotnet "$ROOT/bench/Platform.Benchmarks/bin/Release/net10.0/Platform.Benchmarks.dll" planner "${1:-2026}"
