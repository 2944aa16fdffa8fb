#!/usr/bin/env bash
# Benchmark gosmith's Lambda client (restJson1) against aws-sdk-go-v2's
# service/lambda v1.71.1 (pinned in bench/go.mod): ListFunctions with 1 and
# 1,000 functions, and Invoke with a 1 MiB payload on the request or on the
# response. Run from anywhere: bash bench/lambda.sh [COUNT]
#
# It generates bench/gen/lambda (git-ignored) from the reference model
# ../shared/models/lambda.json beside the repository (skips with a message
# when it is absent), runs the equivalence tests of bench/lambda, then COUNT
# interleaved rounds of the benchmarks (as bench/run.sh does, so both
# clients of a benchmark run seconds apart on a machine whose speed drifts),
# and benchstat with v2 as the base column.
#
# Environment (all optional): COUNT (default 10, or the first argument),
# BENCHTIME (default 1s), OUT (default bench/out), MODELS (default
# ../shared/models beside the repository), CPU (the -cpu list, default: the
# machine's GOMAXPROCS).
set -euo pipefail

cd "$(dirname "$0")"
GO=${GO:-go}
COUNT=${COUNT:-${1:-10}}
BENCHTIME=${BENCHTIME:-1s}
OUT=${OUT:-out}
CPU=${CPU:-}
# The same pinned benchstat as bench/run.sh.
BENCHSTAT="golang.org/x/perf/cmd/benchstat@v0.0.0-20260908200009-22c9c6c9d4da"
MODELS=${MODELS:-../../shared/models}
case $MODELS in /*) ;; *) MODELS=$PWD/$MODELS ;; esac
MODEL=$MODELS/lambda.json
if [ ! -f "$MODEL" ]; then
	echo "== SKIPPING the Lambda benchmarks (bench/lambda): $MODEL not found; it is needed to generate bench/gen/lambda"
	exit 0
fi
mkdir -p "$OUT"

echo "== generate bench/gen/lambda from $MODEL"
(cd .. && $GO run ./codegen -model "$MODEL" -out bench/gen/lambda \
	-import github.com/gosmith/gosmith/bench/gen/lambda | tail -n 1)

echo "== $(date -u +%Y-%m-%dT%H:%M:%SZ)  $($GO version)  nproc=$(nproc)  load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== equivalence and copy tests"
$GO vet -tags gosmith_gen ./lambda
$GO test -tags gosmith_gen -count=1 -v -run . ./lambda | grep -E -e '^(--- |ok|FAIL|PASS)' -e 'allocated'

cpu=()
[ -z "$CPU" ] || cpu=(-cpu "$CPU")
echo "== benchmarks ($COUNT interleaved rounds, -benchtime $BENCHTIME)"
: >"$OUT/lambda.txt"
for i in $(seq "$COUNT"); do
	echo "-- round $i/$COUNT  load: $(cut -d' ' -f1-3 /proc/loadavg)"
	$GO test -tags gosmith_gen -run '^$' -bench . -benchmem -count 1 -benchtime "$BENCHTIME" "${cpu[@]}" ./lambda |
		grep -v -e '^PASS$' -e '^ok ' | tee -a "$OUT/lambda.txt"
done
echo "== load after the benchmarks: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== benchstat"
$GO run "$BENCHSTAT" -col '/impl@(v2 gosmith)' "$OUT/lambda.txt" | tee "$OUT/lambda-benchstat.txt"
