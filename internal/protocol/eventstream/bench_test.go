package eventstream

import (
	"bytes"
	"io"
	"testing"
)

// The side-by-side comparison with aws-sdk-go-v2's decoder is in bench/
// (BenchmarkEventStream); these measure the package alone.

func BenchmarkDecode(b *testing.B) {
	const n = 1000
	stream := mustEncode(b, realisticEvents(n)...)
	r := bytes.NewReader(stream)
	d := NewDecoder(r)
	var m Message
	b.SetBytes(int64(len(stream)))
	b.ReportAllocs()
	for b.Loop() {
		decodeAgain(b, d, r, &m, stream)
	}
	b.ReportMetric(float64(b.N)*n/b.Elapsed().Seconds(), "events/s")
}

func BenchmarkEncode(b *testing.B) {
	msgs := realisticEvents(1000)
	e := NewEncoder(io.Discard)
	b.ReportAllocs()
	for b.Loop() {
		for _, m := range msgs {
			if err := e.Encode(m); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.N)*float64(len(msgs))/b.Elapsed().Seconds(), "events/s")
}
