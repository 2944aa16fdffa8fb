#!/usr/bin/env bash
# Differential test of gosmith's generated Storage Gateway client against
# aws-sdk-go-v2's (see README.md). Regenerates sgfull/ from the reference
# model outside the repo, then runs the tests of this module.
#
#   internal/difftest/run.sh                      # seed and cases by default
#   internal/difftest/run.sh -seed=7 -cases=100   # extra args go to go test
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"

if [ ! -f "$root/../shared/models/storage-gateway.json" ]; then
	echo "skipped: ../shared/models/storage-gateway.json not found"
	exit 0
fi

cd "$root"
go run ./codegen -model ../shared/models/storage-gateway.json -out internal/difftest/sgfull \
	-import github.com/gosmith/gosmith/internal/difftest/sgfull >/dev/null

cd "$here"
# -v so the per-check summary TestMain prints shows on success too; the
# per-subtest RUN/PASS lines are dropped.
go test -count=1 -v ./... "$@" | grep -v -e '^=== RUN' -e '^=== PAUSE' -e '^=== CONT' -e '--- PASS: '
