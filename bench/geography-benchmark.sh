#!/usr/bin/env bash
# Official geography benchmark: ./bench/geography-benchmark.sh [look-ups, default 10,000,000]
# What the reference costs a process (first use, memory kept, warm reload) and a code check against HashSet.Contains of
# the same codes, in Release. Needs no server.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dotnet build "$ROOT/bench/Platform.Benchmarks" -c Release -nologo -v:q -clp:ErrorsOnly >/dev/null
dotnet "$ROOT/bench/Platform.Benchmarks/bin/Release/net10.0/Platform.Benchmarks.dll" geography "${1:-10000000}"
