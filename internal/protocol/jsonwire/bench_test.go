package jsonwire

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	smithyjson "github.com/aws/smithy-go/encoding/json"
	smithytime "github.com/aws/smithy-go/time"
)

// tapesDoc is a typical AWS JSON response: an array of 1000 small objects of
// strings and numbers plus a few members the client does not model.
var tapesDoc = func() []byte {
	var b strings.Builder
	b.WriteString(`{"GatewayARN":"arn:aws:storagegateway:us-east-1:999999999999:gateway/sgw-12A3456B","TapeRecoveryPointInfos":[`)
	for i := range 1000 {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"TapeARN":"arn:aws:storagegateway:us-east-1:999999999999:tape/TEST%05d","TapeRecoveryPointTime":%d.%03d,`+
			`"TapeSizeInBytes":%d,"TapeStatus":"AVAILABLE","PoolId":"GLACIER","Worm":false,"Tags":[{"Key":"k","Value":"v%d"}]}`,
			i, 1481896200+i, i%1000, 107374182400+int64(i)*1024, i)
	}
	b.WriteString(`],"NextMarker":null}`)
	return []byte(b.String())
}()

func BenchmarkDecodeTapesTyped(b *testing.B) {
	b.SetBytes(int64(len(tapesDoc)))
	b.ReportAllocs()
	d := NewDecoder(nil)
	for b.Loop() {
		d.Reset(tapesDoc)
		var out tapeOutput
		if err := decodeTapeOutput(d, &out); err != nil {
			b.Fatal(err)
		}
		if len(out.Infos) != 1000 {
			b.Fatal(len(out.Infos))
		}
	}
}

// BenchmarkDecodeTapesTypedStream is BenchmarkDecodeTapesTyped reading the
// document as a stream through a 32 KiB buffer, as the client reads a body.
func BenchmarkDecodeTapesTypedStream(b *testing.B) {
	b.SetBytes(int64(len(tapesDoc)))
	b.ReportAllocs()
	d := NewDecoder(nil)
	buf := make([]byte, 32<<10)
	var r bytes.Reader
	for b.Loop() {
		r.Reset(tapesDoc)
		d.ResetReader(&r, buf)
		var out tapeOutput
		if err := decodeTapeOutput(d, &out); err != nil {
			b.Fatal(err)
		}
		if len(out.Infos) != 1000 {
			b.Fatal(len(out.Infos))
		}
	}
}

func BenchmarkDecodeTapesSkip(b *testing.B) {
	b.SetBytes(int64(len(tapesDoc)))
	b.ReportAllocs()
	d := NewDecoder(nil)
	for b.Loop() {
		d.Reset(tapesDoc)
		if err := d.Skip(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDecodeTapesStdlibInterface is the reference point: roughly what
// aws-sdk-go-v2 does before walking the resulting map.
func BenchmarkDecodeTapesStdlibInterface(b *testing.B) {
	b.SetBytes(int64(len(tapesDoc)))
	b.ReportAllocs()
	for b.Loop() {
		var v any
		if err := json.Unmarshal(tapesDoc, &v); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecodeStringEscaped(b *testing.B) {
	doc := []byte(`"` + strings.Repeat(`line\n\"quoted\" caf\u00e9 `, 20) + `"`)
	b.SetBytes(int64(len(doc)))
	b.ReportAllocs()
	d := NewDecoder(nil)
	var s string
	for b.Loop() {
		d.Reset(doc)
		if err := d.String(&s); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkEncodeTapeStruct(b *testing.B) {
	ts := time.Unix(1481896200, 4_000_000)
	var e Encoder
	encodeSample(&e, ts)
	b.SetBytes(int64(len(e.Bytes())))
	b.ReportAllocs()
	for b.Loop() {
		e.Reset(e.Bytes())
		encodeSample(&e, ts)
	}
}

func BenchmarkEncodeTapeStructSmithy(b *testing.B) {
	ts := time.Unix(1481896200, 4_000_000)
	b.ReportAllocs()
	for b.Loop() {
		enc := smithyjson.NewEncoder()
		o := enc.Object()
		o.Key("TapeARN").String("arn:aws:storagegateway:us-east-1:999999999999:tape/TEST12345")
		o.Key("TapeRecoveryPointTime").Double(smithytime.FormatEpochSeconds(ts))
		o.Key("TapeSizeInBytes").Long(107374182400)
		o.Key("TapeStatus").String("AVAILABLE")
		o.Key("Ratio").Double(0.25)
		o.Close()
		_ = enc.Bytes()
	}
}

func BenchmarkEncodeTapes1000(b *testing.B) {
	ts := time.Unix(1481896200, 4_000_000)
	var e Encoder
	run := func() {
		e.Reset(e.Bytes())
		e.ObjectStart()
		e.Key("TapeRecoveryPointInfos")
		e.ArrayStart()
		for range 1000 {
			encodeSample(&e, ts)
		}
		e.ArrayEnd()
		e.ObjectEnd()
	}
	run()
	b.SetBytes(int64(len(e.Bytes())))
	b.ReportAllocs()
	for b.Loop() {
		run()
	}
}
