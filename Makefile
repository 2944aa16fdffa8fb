# gosmith: regenerate the SDK from models/, test it, and prove the committed
# code is what the generator writes today.

GO ?= go
STATICCHECK := $(GO) run honnef.co/go/tools/cmd/staticcheck@v0.8.2
# Every Go file we own (generated ones included); testdata holds goldens.
GOFILES = $(shell git ls-files '*.go' 2>/dev/null || find . -name '*.go' -not -path './testdata/*')
FUZZTIME ?= 10s

.PHONY: generate test check fmt-check vet staticcheck generated-check fuzz bench size difftest catalogue

## generate: regenerate service/storagegateway from models/storagegateway.json and show what was written
generate:
	$(GO) run ./codegen -model models/storagegateway.json -out service/storagegateway

## test: every test, with the race detector (the 100 MiB memory tests without it), the exported-name comparison with aws-sdk-go-v2, then the differential test against it
test: SHELL := bash
test: .SHELLFLAGS := -o pipefail -c
test:
	@echo "== go test -race ./... (a few minutes on 2 cores; each package's result as it finishes, then every skip with its reason)"
	$(GO) test -race -count=1 -json ./... | $(GO) run ./internal/testreport
	@echo "== the 100 MiB response tests, without the race detector (it inflates memory)"
	$(GO) test -count=1 -run 'TestLargeResponse|TestOneKeptStringDoesNotPinTheBody' ./service/storagegateway/
	@echo "== the Storage Gateway example's tests (its own module; the DynamoDB and Kinesis examples ran above, in ./examples)"
	cd examples/listrecoverypoints && $(GO) test -race -count=1 ./...
	@echo "== the exported names of generated packages against aws-sdk-go-v2's, and a program over the whole client API (their own modules)"
	cd internal/apisurface && $(GO) test -count=1 ./...
	cd internal/surfacetest && $(GO) test -race -count=1 ./...
	@echo "== the differential test against aws-sdk-go-v2 (its own module; the first build takes a few minutes)"
	bash internal/difftest/run.sh

## check: gofmt, go vet, staticcheck, and the committed generated code equals the generator's output
check: fmt-check vet staticcheck generated-check

fmt-check:
	@out="$$(gofmt -l $(GOFILES))"; if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet ./...
	cd examples/listrecoverypoints && $(GO) vet ./...
	cd internal/apisurface && $(GO) vet ./...
	cd internal/surfacetest && $(GO) vet ./...
	cd bench && $(GO) vet ./...

staticcheck:
	$(STATICCHECK) ./...

generated-check:
	$(GO) run ./codegen -model models/storagegateway.json -out service/storagegateway -check
	$(GO) test -count=1 -run 'TestGolden|TestGenerationIsDeterministic' ./codegen/

# fuzz_one runs fuzz target $(1) in package $(2) for FUZZTIME. Go 1.26's fuzz
# coordinator can end a run that found nothing with "context deadline
# exceeded" as the time runs out (golang/go#75804, fixed in Go 1.27): that
# is reported and the next target runs; a failing input still fails.
define fuzz_one
	@log=$$(mktemp); \
	$(GO) test -run '^$$' -fuzz '^$(1)$$' -fuzztime $(FUZZTIME) $(2) 2>&1 | tee $$log; \
	rc=$${PIPESTATUS[0]}; \
	if [ $$rc -ne 0 ] && ! grep -q 'Failing input written to' $$log && tail -n 5 $$log | grep -q 'context deadline exceeded'; then \
		echo "== $(1): stopped by Go's fuzz-coordinator deadline race (golang/go#75804) with no failing input; not a finding"; rc=0; \
	fi; \
	rm -f $$log; exit $$rc
endef

## fuzz: run each fuzz target for FUZZTIME (make fuzz FUZZTIME=5m for a long run)
fuzz: SHELL := bash
fuzz:
	$(call fuzz_one,FuzzDecoder,./internal/protocol/jsonwire/)
	$(call fuzz_one,FuzzParse,./codegen/model/)
	$(call fuzz_one,FuzzErrorInfo,./internal/protocol/awsjson/)
	$(call fuzz_one,FuzzIdentifyRESTJSON,./internal/protocol/jsonerror/)
	$(call fuzz_one,FuzzSplitHeaderList,./internal/protocol/restjson/)
	$(call fuzz_one,FuzzSplitHTTPDateList,./internal/protocol/restjson/)
	$(call fuzz_one,FuzzExpandMatchesHTTPBinding,./internal/protocol/restjson/)
	$(call fuzz_one,FuzzCompile,./internal/protocol/jmespath/)
	$(call fuzz_one,FuzzDescribeTapeRecoveryPointsResponse,./service/storagegateway/)
	$(call fuzz_one,FuzzDecoder,./internal/protocol/eventstream/)

## bench: gosmith vs aws-sdk-go-v2 benchmarks with benchstat (BENCHMARKS.md)
bench:
	bash bench/run.sh

## size: generated lines, stripped binaries (one call; every method kept, Storage Gateway and DynamoDB), build time and memory, generation time against v2 (BENCHMARKS.md)
size:
	bash bench/size.sh

DIFFTEST_ARGS ?=

## difftest: compare the generated Storage Gateway, Lambda, API Gateway V2, DynamoDB and Kinesis clients with aws-sdk-go-v2's (skips without ../shared/models); e.g. make difftest DIFFTEST_ARGS="-seed=7 -cases=100"
difftest:
	bash internal/difftest/run.sh $(DIFFTEST_ARGS)

CATALOGUE ?=
PROTOCOLS ?= awsJson1_0,awsJson1_1
CATALOGUE_ARGS ?=

## catalogue: generate, build, vet and test a client for every model of a catalogue whose protocol is in PROTOCOLS (long; not in CI); e.g. make catalogue CATALOGUE=/path/to/api-models-aws CATALOGUE_ARGS="-o /tmp/cat -s glue,codebuild"
catalogue:
	@test -n "$(CATALOGUE)" || { echo "make catalogue: set CATALOGUE=/path/to/api-models-aws"; exit 2; }
	bash scripts/catalogue.sh -p $(PROTOCOLS) $(CATALOGUE_ARGS) $(CATALOGUE)
