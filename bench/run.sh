#!/usr/bin/env bash
# Benchmark gosmith's Storage Gateway client against aws-sdk-go-v2's
# (service/storagegateway v1.43.18, pinned in bench/go.mod) and compare them
# with benchstat. Run from anywhere: bench/run.sh [COUNT]
#
# It first generates code into bench/gen/ (git-ignored) for the packages
# behind the gosmith_gen build tag: bench/serfn (the generated serializer
# function alone) always, and bench/ddb (DynamoDB Query vs aws-sdk-go-v2
# service/dynamodb v1.74.0) when the reference model
# ../shared/models/dynamodb.json (beside the repository) is there; otherwise
# it says so and skips bench/ddb.
#
# Environment (all optional):
#   COUNT      runs of each benchmark, as interleaved rounds (default 10; or
#              the first argument)
#   BENCHTIME  -benchtime per run (default 1s)
#   OUT        directory for raw output and profiles (default bench/out)
#   MODELS     the reference models (default ../shared/models beside the
#              repository, i.e. bench/../../shared/models)
#   CPU1       1 (default) also runs the 1- and 1000-item benchmarks with
#              -cpu 1 (one core: the decode-throughput target) into
#              OUT/bench-cpu1.txt
#   PROFILE    1 (default) also profiles gosmith's 1000-item call and prints
#              pprof's top 10 by CPU, allocated bytes and allocated objects
set -euo pipefail

cd "$(dirname "$0")"
GO=${GO:-go}
COUNT=${COUNT:-${1:-10}}
BENCHTIME=${BENCHTIME:-1s}
OUT=${OUT:-out}
PROFILE=${PROFILE:-1}
CPU1=${CPU1:-1}
# golang.org/x/perf has no tagged releases; this is the module proxy's latest
# pseudo-version when the bench was written.
BENCHSTAT="golang.org/x/perf/cmd/benchstat@v0.0.0-20260908200009-22c9c6c9d4da"

mkdir -p "$OUT"

# Generated code for the tagged packages (build tag gosmith_gen), all under
# bench/gen/ (git-ignored):
#  - bench/gen/sgop: the one-operation Storage Gateway client from the
#    repository's models/storagegateway.json plus zz_bench_export.go, which
#    exports its serializer function for bench/serfn;
#  - bench/gen/dynamodb: the full DynamoDB client from the reference model,
#    for bench/ddb (skipped when the model is absent).
echo "== generate bench/gen/sgop from models/storagegateway.json"
(cd .. && $GO run ./codegen -model models/storagegateway.json -out bench/gen/sgop \
	-import github.com/gosmith/gosmith/bench/gen/sgop | tail -n 1)
cmp gen/sgop/serializers.go ../service/storagegateway/serializers.go ||
	echo "   note: bench/gen/sgop/serializers.go differs from service/storagegateway/serializers.go (run make generate?)"
cat >gen/sgop/zz_bench_export.go <<'GO'
package storagegateway

// SerializeDescribeTapeRecoveryPointsInput exports the generated serializer
// for bench/serfn. Written by bench/run.sh; not generator output.
var SerializeDescribeTapeRecoveryPointsInput = serializeOpDescribeTapeRecoveryPointsInput
GO
TAGGED=./serfn

MODELS=${MODELS:-../../shared/models}
case $MODELS in /*) ;; *) MODELS=$PWD/$MODELS ;; esac # codegen runs from the root
DDB_MODEL=$MODELS/dynamodb.json
if [ -f "$DDB_MODEL" ]; then
	echo "== generate bench/gen/dynamodb from $DDB_MODEL"
	(cd .. && $GO run ./codegen -model "$DDB_MODEL" -out bench/gen/dynamodb \
		-import github.com/gosmith/gosmith/bench/gen/dynamodb | tail -n 1)
	TAGGED="$TAGGED ./ddb"
else
	echo "== SKIPPING the DynamoDB Query benchmark (bench/ddb): $DDB_MODEL not found; it is needed to generate bench/gen/dynamodb"
fi

echo "== $(date -u +%Y-%m-%dT%H:%M:%SZ)  $($GO version)  nproc=$(nproc)  load: $(cut -d' ' -f1-3 /proc/loadavg)"

# The comparison only means something if both clients do the same work:
# same request, same decoded output, same modeled error.
echo "== equivalence tests"
$GO test -count=1 -run . .
$GO vet -tags gosmith_gen $TAGGED
$GO test -tags gosmith_gen -count=1 -run . $TAGGED

# Interleaved rounds: each round runs every benchmark once (-count 1), so
# gosmith and v2 of the same benchmark run seconds apart. With a plain
# -count N all N runs of one implementation come before the other's, and on
# a shared machine whose speed drifts by tens of percent from minute to
# minute that skews the ratio (seen here: a 1-item call at 1.11x in one
# -count 10 run, 1.77x in every interleaved pair).
# rounds FILE GO-TEST-ARGS...: COUNT rounds appended to FILE.
rounds() {
	local file=$1
	shift
	for i in $(seq "$COUNT"); do
		$GO test -run '^$' -benchmem -count 1 -benchtime "$BENCHTIME" "$@"
	done | grep -v -e '^PASS$' -e '^ok ' | tee -a "$file"
}
echo "== benchmarks ($COUNT interleaved rounds, -benchtime $BENCHTIME)"
: >"$OUT/bench.txt"
: >"$OUT/serfn.txt"
: >"$OUT/bench-cpu1.txt"
: >"$OUT/floor.txt"
: >"$OUT/floor-cpu1.txt"
DDB_PKG=
case $TAGGED in *ddb*) DDB_PKG=./ddb ;; esac
for i in $(seq "$COUNT"); do
	echo "-- round $i/$COUNT  load: $(cut -d' ' -f1-3 /proc/loadavg)"
	COUNT=1 rounds "$OUT/bench.txt" -bench . .
	if [ -n "$DDB_PKG" ]; then
		COUNT=1 rounds "$OUT/bench.txt" -tags gosmith_gen -bench 'DynamoDBQuery$' ./ddb
		COUNT=1 rounds "$OUT/floor.txt" -tags gosmith_gen -bench 'DynamoDBQueryFloor$' ./ddb
	fi
	# gosmith only (no v2 column): its own file and plain benchstat.
	COUNT=1 rounds "$OUT/serfn.txt" -tags gosmith_gen -bench . ./serfn
	if [ "$CPU1" = 1 ]; then
		# One core: the 1000-item benchmarks (the decode-throughput target).
		COUNT=1 rounds "$OUT/bench-cpu1.txt" -cpu 1 -bench 'DeserializeOutput|DescribeTapeRecoveryPoints/impl=.*/items=(1|1000)$' .
		if [ -n "$DDB_PKG" ]; then
			COUNT=1 rounds "$OUT/bench-cpu1.txt" -tags gosmith_gen -cpu 1 -bench 'DynamoDBQuery$/impl=.*/items=1000$' ./ddb
			COUNT=1 rounds "$OUT/floor-cpu1.txt" -tags gosmith_gen -cpu 1 -bench 'DynamoDBQueryFloor$' ./ddb
		fi
	fi
done
echo "== load after the benchmarks: $(cut -d' ' -f1-3 /proc/loadavg)"

# Sub-benchmarks are named impl=gosmith / impl=v2: one column per client,
# v2 first so the delta column reads "gosmith relative to v2".
echo "== benchstat"
$GO run "$BENCHSTAT" -col '/impl@(v2 gosmith)' "$OUT/bench.txt" | tee "$OUT/benchstat.txt"
$GO run "$BENCHSTAT" "$OUT/serfn.txt" | tee -a "$OUT/benchstat.txt"
if [ "$CPU1" = 1 ]; then
	echo "== benchstat, one core"
	$GO run "$BENCHSTAT" -col '/impl@(v2 gosmith)' "$OUT/bench-cpu1.txt" | tee "$OUT/benchstat-cpu1.txt"
fi

# floorratios BENCH FLOOR: per round, v2's 1000-item Query time over
# gosmith's, over the types floor's, and over the types and scan floors'
# sum (bench/ddb/floor_test.go), then the median of each. Round i of BENCH
# is its i-th v2 (and gosmith) 1000-item Query line, of FLOOR its i-th
# types and scan lines: both were run in the same round, seconds apart.
floorratios() {
	awk '
		FNR == 1 { f++ }
		f == 1 && /DynamoDBQuery\/impl=v2\/items=1000(-[0-9]+)?[ \t]/ { v2[++nv] = $3 }
		f == 1 && /DynamoDBQuery\/impl=gosmith\/items=1000(-[0-9]+)?[ \t]/ { gs[++ng] = $3 }
		f == 2 && /floor=types/ { ty[++nt] = $3 }
		f == 2 && /floor=scan/ { sc[++ns] = $3 }
		function median(a, n,   i, j, t) {
			for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j-1] > a[j]; j--) { t = a[j]; a[j] = a[j-1]; a[j-1] = t }
			return (n % 2) ? a[(n+1)/2] : (a[n/2] + a[n/2+1]) / 2
		}
		END {
			n = nv
			if (ng < n) n = ng
			if (nt < n) n = nt
			if (ns < n) n = ns
			for (i = 1; i <= n; i++) {
				r1[i] = v2[i] / gs[i]; r2[i] = v2[i] / ty[i]; r3[i] = v2[i] / (ty[i] + sc[i])
				printf "   round %2d: v2/gosmith %.2f  v2/types %.2f  v2/(types+scan) %.2f\n", i, r1[i], r2[i], r3[i]
			}
			if (n > 0) printf "   median:   v2/gosmith %.2f  v2/types %.2f  v2/(types+scan) %.2f\n", median(r1, n), median(r2, n), median(r3, n)
		}' "$1" "$2"
}
if [ -n "$DDB_PKG" ]; then
	echo "== DynamoDB Query against its floors (bench/ddb/floor_test.go): no client returning v2's types gets past v2/types"
	floorratios "$OUT/bench.txt" "$OUT/floor.txt" | tee "$OUT/floor-ratios.txt"
	if [ "$CPU1" = 1 ]; then
		echo "-- one core"
		floorratios "$OUT/bench-cpu1.txt" "$OUT/floor-cpu1.txt" | tee -a "$OUT/floor-ratios.txt"
	fi
fi

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
