#!/usr/bin/env bash
# Differential test of gosmith's generated clients against aws-sdk-go-v2's
# (see README.md): Storage Gateway and Kinesis (awsJson1_1), DynamoDB
# (awsJson1_0), Lambda and API Gateway V2 (restJson1). Regenerates the
# clients from the reference models outside the repo, then runs the tests of
# this module.
#
#   internal/difftest/run.sh                       # all five, seed and cases by default
#   internal/difftest/run.sh -seed=7 -cases=100    # extra args go to go test
#   internal/difftest/run.sh -services=dynamodb    # one service (or a comma-separated list)
#
# With CATALOGUE set to an aws/api-models-aws checkout, it also compares
# Transcribe Streaming's input event stream (transcribe_test.go, whose model
# is not among ../shared's):
#
#   CATALOGUE=/path/to/api-models-aws internal/difftest/run.sh
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
models="$root/../shared/models"

# model file -> package directory under internal/difftest
clients=(
	"storage-gateway.json sgfull"
	"lambda.json lambdafull"
	"apigatewayv2.json apigatewayv2full"
	"dynamodb.json ddbfull"
	"kinesis.json kinesisfull"
)

for c in "${clients[@]}"; do
	read -r model dir <<<"$c"
	if [ ! -f "$models/$model" ]; then
		echo "skipped: ../shared/models/$model not found"
		exit 0
	fi
done

cd "$root"
bin="$(mktemp -d)"
trap 'rm -rf "$bin"' EXIT
go build -o "$bin/codegen" ./codegen
for c in "${clients[@]}"; do
	read -r model dir <<<"$c"
	"$bin/codegen" -model "$models/$model" -out "internal/difftest/$dir" \
		-import "github.com/gosmith/gosmith/internal/difftest/$dir" >/dev/null
done

tags=()
if [ -n "${CATALOGUE:-}" ]; then
	"$bin/codegen" -model "$CATALOGUE/transcribe-streaming/service/2017-10-26/transcribe-streaming-2017-10-26.json" \
		-out internal/difftest/transcribefull -import github.com/gosmith/gosmith/internal/difftest/transcribefull >/dev/null
	tags=(-tags catalogue)
fi

cd "$here"
# -v so the per-check summary TestMain prints shows on success too; the
# per-subtest RUN/PASS/SKIP lines are dropped (a skip's reason stays).
go test "${tags[@]}" -count=1 -v . "$@" | grep -v -e '^=== RUN' -e '^=== PAUSE' -e '^=== CONT' -e '--- PASS: ' -e '--- SKIP: '
