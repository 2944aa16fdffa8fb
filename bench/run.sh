#!/usr/bin/env bash
# Benchmark gosmith's Storage Gateway client against aws-sdk-go-v2's
# (service/storagegateway v1.43.18, pinned in bench/go.mod) and compare them
# with benchstat. Run from anywhere: bench/run.sh [COUNT]
#
# Environment (all optional):
#   COUNT      runs of each benchmark (default 10; or the first argument)
#   BENCHTIME  -benchtime per run (default 1s)
#   OUT        directory for raw output and profiles (default bench/out)
#   PROFILE    1 (default) also profiles gosmith's 1000-item call and prints
#              pprof's top 10 by CPU, allocated bytes and allocated objects
set -euo pipefail

cd "$(dirname "$0")"
GO=${GO:-go}
COUNT=${COUNT:-${1:-10}}
BENCHTIME=${BENCHTIME:-1s}
OUT=${OUT:-out}
PROFILE=${PROFILE:-1}
# golang.org/x/perf has no tagged releases; this is the module proxy's latest
# pseudo-version when the bench was written.
BENCHSTAT="golang.org/x/perf/cmd/benchstat@v0.0.0-20260908200009-22c9c6c9d4da"

mkdir -p "$OUT"

echo "== $(date -u +%Y-%m-%dT%H:%M:%SZ)  $($GO version)  nproc=$(nproc)  load: $(cut -d' ' -f1-3 /proc/loadavg)"

# The comparison only means something if both clients do the same work:
# same request, same decoded output, same modeled error.
echo "== equivalence tests"
$GO test -count=1 -run . .

echo "== benchmarks (-count $COUNT -benchtime $BENCHTIME)"
$GO test -run '^$' -bench . -benchmem -count "$COUNT" -benchtime "$BENCHTIME" . | tee "$OUT/bench.txt"

# Sub-benchmarks are named impl=gosmith / impl=v2: one column per client,
# v2 first so the delta column reads "gosmith relative to v2".
echo "== benchstat"
$GO run "$BENCHSTAT" -col '/impl@(v2 gosmith)' "$OUT/bench.txt" | tee "$OUT/benchstat.txt"

if [ "$PROFILE" = 1 ]; then
	# Two runs: a memory profile at -memprofilerate 1 unwinds a stack on every
	# allocation, which would swamp a CPU profile taken at the same time.
	echo "== profile: gosmith, 1000-item call"
	bench='BenchmarkDescribeTapeRecoveryPoints/impl=gosmith/items=1000$'
	$GO test -run '^$' -bench "$bench" -benchmem -count 1 -benchtime 5s \
		-o "$OUT/bench.test" -cpuprofile "$OUT/cpu.pprof" . | grep -E '^(Benchmark|ok|FAIL)'
	$GO test -run '^$' -bench "$bench" -benchmem -count 1 -benchtime 300x \
		-o "$OUT/bench.test" -memprofile "$OUT/mem.pprof" -memprofilerate 1 . | grep -E '^(Benchmark|ok|FAIL)'
	{
		echo "-- cpu (flat)"
		$GO tool pprof -top -nodecount 10 "$OUT/bench.test" "$OUT/cpu.pprof" 2>/dev/null
		echo "-- cpu (cumulative)"
		$GO tool pprof -top -cum -nodecount 25 "$OUT/bench.test" "$OUT/cpu.pprof" 2>/dev/null
		echo "-- alloc_space"
		$GO tool pprof -top -nodecount 10 -sample_index alloc_space "$OUT/bench.test" "$OUT/mem.pprof" 2>/dev/null
		echo "-- alloc_objects"
		$GO tool pprof -top -nodecount 10 -sample_index alloc_objects "$OUT/bench.test" "$OUT/mem.pprof" 2>/dev/null
	} | tee "$OUT/profile.txt"
fi
