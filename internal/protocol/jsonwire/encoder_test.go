package jsonwire

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	smithyjson "github.com/aws/smithy-go/encoding/json"
	smithytime "github.com/aws/smithy-go/time"
)

// smithyFloat writes v the way aws-sdk-go-v2 generated serializers do.
func smithyFloat(v smithyjson.Value, f float64, bits int) {
	switch {
	case math.IsNaN(f):
		v.String("NaN")
	case math.IsInf(f, 1):
		v.String("Infinity")
	case math.IsInf(f, -1):
		v.String("-Infinity")
	case bits == 32:
		v.Float(float32(f))
	default:
		v.Double(f)
	}
}

var encoderStrings = []string{
	"", "plain", `quote " and backslash \`, "slash /", "<html> & 'apos'",
	"\n\r\t\b\f", "\x00\x01\x1f\x7f", "héllo wörld", "日本語", "emoji 😀",
	"\u2028 and \u2029", "bad utf8 \xff\xfe end", "truncated \xe6\x97", "\xed\xa0\x80 surrogate",
	"\ufffd literal", strings.Repeat("long ", 100),
}

func TestEncoderStringMatchesSmithy(t *testing.T) {
	for _, s := range encoderStrings {
		checkStringEncoding(t, s)
	}
}

func TestEncoderRandomStringsMatchSmithy(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	alphabet := []string{"a", "Z", "\"", "\\", "\n", "\x01", "\x7f", "\x80", "\xc3", "é", "\u2028", "😀", "<", "&", " "}
	for range 2000 {
		var b strings.Builder
		for range r.IntN(20) {
			b.WriteString(alphabet[r.IntN(len(alphabet))])
		}
		checkStringEncoding(t, b.String())
	}
}

func checkStringEncoding(t *testing.T, s string) {
	t.Helper()
	want := smithyjson.NewEncoder()
	o := want.Object()
	o.Key(s).String(s)
	o.Close()

	e := NewEncoder(nil)
	e.ObjectStart()
	e.Key(s)
	e.String(s)
	e.ObjectEnd()
	if got := string(e.Bytes()); got != want.String() {
		t.Errorf("string %q:\n got %s\nwant %s", s, got, want.String())
	}
}

func TestEncoderNumbersMatchSmithy(t *testing.T) {
	ints := []int64{0, 1, -1, 127, -128, 32767, math.MaxInt32, math.MinInt32, math.MaxInt64, math.MinInt64, 9007199254740993}
	floats := []float64{
		0, math.Copysign(0, -1), 1, -1, 0.1, 1.5, 1e20, 1e21, 123456789e13, 1e-6, 1e-7, 9.99e-7, 5e-324,
		math.MaxFloat64, -math.MaxFloat64, math.SmallestNonzeroFloat64, 1481896200.004, math.Pi,
		math.NaN(), math.Inf(1), math.Inf(-1), math.MaxFloat32, 3.4e38, 1.0000001,
	}
	r := rand.New(rand.NewPCG(3, 4))
	for range 2000 {
		floats = append(floats, math.Float64frombits(r.Uint64()), r.NormFloat64()*math.Pow(10, float64(r.IntN(60)-30)))
	}

	want := smithyjson.NewEncoder()
	a := want.Array()
	for _, v := range ints {
		a.Value().Long(v)
	}
	a.Value().Byte(-8)
	a.Value().Short(-16)
	a.Value().Integer(-32)
	for _, f := range floats {
		smithyFloat(a.Value(), f, 64)
		smithyFloat(a.Value(), float64(float32(f)), 32)
	}
	a.Close()

	e := NewEncoder(nil)
	e.ArrayStart()
	for _, v := range ints {
		e.Int64(v)
	}
	e.Int8(-8)
	e.Int16(-16)
	e.Int32(-32)
	for _, f := range floats {
		e.Float64(f)
		e.Float32(float32(f))
	}
	e.ArrayEnd()
	if got := string(e.Bytes()); got != want.String() {
		t.Errorf("numbers differ:\n got %s\nwant %s", got, want.String())
	}
}

func TestEncoderStructureMatchesSmithy(t *testing.T) {
	blob := []byte("any binary \x00\xff data")
	ts := time.Date(2016, 12, 16, 13, 50, 0, 4_500_000, time.FixedZone("X", 3600))
	times := []time.Time{ts, ts.Truncate(time.Second), time.Unix(0, 0), time.Unix(-1, -1), time.Date(1969, 12, 31, 23, 59, 59, 999_999_999, time.UTC)}

	want := smithyjson.NewEncoder()
	o := want.Object()
	o.Key("Empty").Object().Close()
	o.Key("EmptyList").Array().Close()
	l := o.Key("List").Array()
	l.Value().Boolean(true)
	l.Value().Null()
	inner := l.Value().Object()
	inner.Key("B").Boolean(false)
	inner.Key("Blob").Base64EncodeBytes(blob)
	inner.Key("EmptyBlob").Base64EncodeBytes([]byte{})
	inner.Key("NilBlob").Base64EncodeBytes(nil)
	inner.Close()
	l.Value().Array().Close()
	l.Value().Write([]byte(`{"raw":[1,2]}`))
	l.Close()
	tl := o.Key("Times").Array()
	for _, tm := range times {
		tl.Value().Double(smithytime.FormatEpochSeconds(tm))
		tl.Value().String(smithytime.FormatDateTime(tm))
		tl.Value().String(smithytime.FormatHTTPDate(tm))
	}
	tl.Close()
	o.Key("Last").Long(1)
	o.Close()

	e := NewEncoder(make([]byte, 0, 8))
	e.ObjectStart()
	e.Key("Empty")
	e.ObjectStart()
	e.ObjectEnd()
	e.Key("EmptyList")
	e.ArrayStart()
	e.ArrayEnd()
	e.Key("List")
	e.ArrayStart()
	e.Bool(true)
	e.Null()
	e.ObjectStart()
	e.Key("B")
	e.Bool(false)
	e.Key("Blob")
	e.Blob(blob)
	e.Key("EmptyBlob")
	e.Blob([]byte{})
	e.Key("NilBlob")
	e.Blob(nil)
	e.ObjectEnd()
	e.ArrayStart()
	e.ArrayEnd()
	e.Raw([]byte(`{"raw":[1,2]}`))
	e.ArrayEnd()
	e.Key("Times")
	e.ArrayStart()
	for _, tm := range times {
		e.EpochSeconds(tm)
		e.DateTime(tm)
		e.HTTPDate(tm)
	}
	e.ArrayEnd()
	e.Key("Last")
	e.Int64(1)
	e.ObjectEnd()

	if got := string(e.Bytes()); got != want.String() {
		t.Errorf("documents differ:\n got %s\nwant %s", got, want.String())
	}
}

func TestEncoderResetReusesBuffer(t *testing.T) {
	e := NewEncoder(nil)
	e.Int64(1)
	e.Reset(e.Bytes())
	e.Int64(2)
	if got := string(e.Bytes()); got != "2" {
		t.Errorf("after Reset got %q, want %q", got, "2")
	}
}

func encodeSample(e *Encoder, ts time.Time) {
	e.ObjectStart()
	e.Key("TapeARN")
	e.String("arn:aws:storagegateway:us-east-1:999999999999:tape/TEST12345")
	e.Key("TapeRecoveryPointTime")
	e.EpochSeconds(ts)
	e.Key("TapeSizeInBytes")
	e.Int64(107374182400)
	e.Key("TapeStatus")
	e.String("AVAILABLE")
	e.Key("Ratio")
	e.Float64(0.25)
	e.ObjectEnd()
}

func TestEncoderDoesNotAllocateWithWarmBuffer(t *testing.T) {
	var e Encoder
	ts := time.Unix(1481896200, 4_000_000)
	encodeSample(&e, ts)
	allocs := testing.AllocsPerRun(100, func() {
		e.Reset(e.Bytes())
		encodeSample(&e, ts)
	})
	if allocs != 0 {
		t.Errorf("encoding allocated %v times per run, want 0", allocs)
	}
}
