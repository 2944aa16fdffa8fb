//go:build gosmith_gen

// Package serfn measures gosmith's generated request serializer function on
// its own, outside the middleware stack. The generated function
// (serializeOpDescribeTapeRecoveryPointsInput) is unexported, so bench/run.sh
// generates the one-operation Storage Gateway client from the repository's
// models/storagegateway.json into bench/gen/sgop (git-ignored; the same
// generator output as service/storagegateway, which run.sh checks) and adds
// one file, zz_bench_export.go, that exports it as a func variable:
//
//	var SerializeDescribeTapeRecoveryPointsInput = serializeOpDescribeTapeRecoveryPointsInput
//
// Like bench/ddb, every file here has the gosmith_gen build tag, so the
// bench module builds and vets without the generated code.
package serfn

import (
	"encoding/json"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/gosmith/gosmith/internal/protocol/jsonwire"

	sg "github.com/gosmith/gosmith/bench/gen/sgop"
)

// The same input as the Storage Gateway benchmarks in bench/.
const (
	gatewayARN  = "arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-12A3456B"
	inputMarker = "eyJ0YXBlQVJOIjoiYXJuOmF3czpzdG9yYWdlZ2F0ZXdheTp1cy1lYXN0LTEifQ=="
)

func input() *sg.DescribeTapeRecoveryPointsInput {
	return &sg.DescribeTapeRecoveryPointsInput{GatewayARN: aws.String(gatewayARN), Limit: aws.Int32(1000), Marker: aws.String(inputMarker)}
}

// serialize is called through a func variable, as the runtime's serializer
// middleware calls it (m.op.Serialize(e, in.Parameters)).
var serialize = sg.SerializeDescribeTapeRecoveryPointsInput

func TestSerializerOutput(t *testing.T) {
	e := jsonwire.NewEncoder(make([]byte, 0, 256))
	if err := serialize(e, input()); err != nil {
		t.Fatal(err)
	}
	if err := e.Err(); err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal(e.Bytes(), &got); err != nil {
		t.Fatalf("%s: %v", e.Bytes(), err)
	}
	want := map[string]any{"GatewayARN": gatewayARN, "Limit": 1000.0, "Marker": inputMarker}
	if len(got) != len(want) || got["GatewayARN"] != want["GatewayARN"] || got["Limit"] != want["Limit"] || got["Marker"] != want["Marker"] {
		t.Errorf("got %s", e.Bytes())
	}
}

// BenchmarkSerializerFunc/encoder=fresh is what the serializer middleware
// does per call: a new Encoder over a new 256-byte buffer, then the
// generated function. encoder=reused resets one Encoder and buffer: the
// generated function's own cost.
func BenchmarkSerializerFunc(b *testing.B) {
	in := input()
	b.Run("encoder=fresh", func(b *testing.B) {
		b.ReportAllocs()
		n := 0
		for i := 0; i < b.N; i++ {
			e := jsonwire.NewEncoder(make([]byte, 0, 256))
			serialize(e, in)
			n += len(e.Bytes())
		}
		b.SetBytes(int64(n / max(b.N, 1)))
	})
	b.Run("encoder=reused", func(b *testing.B) {
		b.ReportAllocs()
		buf := make([]byte, 0, 256)
		e := jsonwire.NewEncoder(buf)
		n := 0
		for i := 0; i < b.N; i++ {
			e.Reset(buf)
			serialize(e, in)
			n += len(e.Bytes())
		}
		b.SetBytes(int64(n / max(b.N, 1)))
	})
}
