# gosmith: regenerate the SDK from models/, test it, and prove the committed
# code is what the generator writes today.

GO ?= go
STATICCHECK := $(GO) run honnef.co/go/tools/cmd/staticcheck@v0.8.2
# Every Go file we own (generated ones included); testdata holds goldens.
GOFILES = $(shell git ls-files '*.go' 2>/dev/null || find . -name '*.go' -not -path './testdata/*')
FUZZTIME ?= 10s

.PHONY: generate test check fmt-check vet staticcheck generated-check fuzz bench size difftest

## generate: regenerate service/storagegateway from models/storagegateway.json and show what was written
generate:
	$(GO) run ./codegen -model models/storagegateway.json -out service/storagegateway

## test: every test, with the race detector (the 100 MiB memory tests without it), then the differential test against aws-sdk-go-v2
test:
	$(GO) test -race -count=1 ./...
	$(GO) test -count=1 -run 'TestLargeResponse|TestOneKeptStringDoesNotPinTheBody' ./service/storagegateway/
	cd examples/listrecoverypoints && $(GO) test -race -count=1 ./...
	bash internal/difftest/run.sh

## check: gofmt, go vet, staticcheck, and the committed generated code equals the generator's output
check: fmt-check vet staticcheck generated-check

fmt-check:
	@out="$$(gofmt -l $(GOFILES))"; if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet ./...
	cd examples/listrecoverypoints && $(GO) vet ./...
	cd bench && $(GO) vet ./...

staticcheck:
	$(STATICCHECK) ./...

generated-check:
	$(GO) run ./codegen -model models/storagegateway.json -out service/storagegateway -check
	$(GO) test -count=1 -run 'TestGolden|TestGenerationIsDeterministic' ./codegen/

## fuzz: run each fuzz target for FUZZTIME (make fuzz FUZZTIME=5m for a long run)
fuzz:
	$(GO) test -run '^$$' -fuzz '^FuzzDecoder$$' -fuzztime $(FUZZTIME) ./internal/protocol/jsonwire/
	$(GO) test -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(FUZZTIME) ./codegen/model/
	$(GO) test -run '^$$' -fuzz '^FuzzErrorInfo$$' -fuzztime $(FUZZTIME) ./internal/protocol/awsjson/
	$(GO) test -run '^$$' -fuzz '^FuzzDescribeTapeRecoveryPointsResponse$$' -fuzztime $(FUZZTIME) ./service/storagegateway/

## bench: gosmith vs aws-sdk-go-v2 benchmarks with benchstat (BENCHMARKS.md)
bench:
	bash bench/run.sh

## size: generated lines, stripped binary, build time and memory, generation time against v2 (BENCHMARKS.md)
size:
	bash bench/size.sh

DIFFTEST_ARGS ?=

## difftest: compare the generated Storage Gateway client with aws-sdk-go-v2's (skips without ../shared/models/storage-gateway.json); e.g. make difftest DIFFTEST_ARGS="-seed=7 -cases=100"
difftest:
	bash internal/difftest/run.sh $(DIFFTEST_ARGS)
