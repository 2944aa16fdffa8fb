package jsonwire

import (
	"encoding/json"
	"errors"
	"math"
	"runtime"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

// Limits: what the decoder does with hostile or extreme input. Nothing here
// times anything; costs are measured in allocations and bytes.

// nestedUnknown returns a response whose only known member, NextMarker,
// follows an unknown member holding depth nested containers.
func nestedUnknown(depth int, open, close string) []byte {
	var b strings.Builder
	b.WriteString(`{"Unknown":`)
	b.WriteString(strings.Repeat(open, depth))
	b.WriteString(`1`)
	b.WriteString(strings.Repeat(close, depth))
	b.WriteString(`,"NextMarker":"after"}`)
	return []byte(b.String())
}

func TestLimitHostileNestingIsAnErrorNotAStackOverflow(t *testing.T) {
	for name, doc := range map[string][]byte{
		"100k arrays":               nestedUnknown(100_000, "[", "]"),
		"100k objects":              nestedUnknown(100_000, `{"a":`, "}"),
		"100k arrays, never closed": []byte(`{"Unknown":` + strings.Repeat("[", 100_000)),
		"100k mixed":                nestedUnknown(50_000, `[{"k":`, "}]"),
	} {
		t.Run(name, func(t *testing.T) {
			_, err := decodeTapes(string(doc))
			var e *Error
			if !errors.As(err, &e) || !strings.Contains(err.Error(), "exceeded max depth of 1000") {
				t.Fatalf("got %v, want a max depth *Error", err)
			}
			if e.Path() != "$.Unknown" {
				t.Errorf("path %s, want $.Unknown", e.Path())
			}
			// A document member (awsjson.ReadDocument) goes through Raw.
			d := NewDecoder(doc)
			err = d.Object(func(d *Decoder, key []byte) error {
				_, err := d.Raw()
				return err
			})
			if err == nil || !strings.Contains(err.Error(), "max depth") {
				t.Errorf("Raw: got %v, want a max depth error", err)
			}
		})
	}
}

func TestLimitDeeplyNestedUnknownMembersAreSkipped(t *testing.T) {
	// The top-level object is one level, so 999 more is the most accepted.
	for _, shape := range [][2]string{{"[", "]"}, {`{"a":`, "}"}} {
		doc := nestedUnknown(DefaultMaxDepth-1, shape[0], shape[1])
		out, err := decodeTapes(string(doc))
		if err != nil {
			t.Fatalf("%s×%d: %v", shape[0], DefaultMaxDepth-1, err)
		}
		if out.Next == nil || *out.Next != "after" {
			t.Errorf("%s×%d: the member after the skipped one was not decoded: %+v", shape[0], DefaultMaxDepth-1, out)
		}
		if _, err := decodeTapes(string(nestedUnknown(DefaultMaxDepth, shape[0], shape[1]))); err == nil {
			t.Errorf("%s×%d accepted beyond the limit", shape[0], DefaultMaxDepth)
		}
	}

	// Skip keeps its container stack on the Go stack up to 32 levels and
	// grows it by doubling beyond: a handful of allocations at the limit,
	// none for ordinary documents.
	deep := nestedUnknown(DefaultMaxDepth-1, "[", "]")
	shallow := nestedUnknown(30, "[", "]")
	d := NewDecoder(nil)
	skip := func(doc []byte) func() {
		return func() {
			d.Reset(doc)
			if err := d.Skip(); err != nil {
				t.Fatal(err)
			}
		}
	}
	if n := testing.AllocsPerRun(20, skip(shallow)); n != 0 {
		t.Errorf("skipping 31 levels allocated %v times, want 0", n)
	}
	n := testing.AllocsPerRun(20, skip(deep))
	t.Logf("skipping %d levels: %v allocations", DefaultMaxDepth, n)
	if n > 8 {
		t.Errorf("skipping %d levels allocated %v times, want at most 8", DefaultMaxDepth, n)
	}
}

// jsonwire rejects numbers that do not fit the target type, as encoding/json
// does: an out-of-range float is an error, never ±Inf; underflow is 0.
func TestLimitHugeNumbers(t *testing.T) {
	tenThousandDigits := "1" + strings.Repeat("0", 9_999)
	tests := []struct {
		in      string
		int64OK bool
		floatOK bool
		float   float64
	}{
		{in: "1e999999"},
		{in: "-1e999999"},
		{in: "1E400"},
		{in: tenThousandDigits},
		{in: "-" + tenThousandDigits},
		{in: "0." + strings.Repeat("0", 9_999) + "1", floatOK: true, float: 0},
		{in: "1e-999999", floatOK: true, float: 0},
		{in: "1" + strings.Repeat("0", 300), floatOK: true, float: 1e300},
		{in: "9223372036854775808", floatOK: true, float: 9223372036854775808},
		{in: "-9223372036854775808", int64OK: true, floatOK: true, float: -9223372036854775808},
		{in: "1.7976931348623157e308", floatOK: true, float: math.MaxFloat64},
		{in: "1.7976931348623159e308"}, // rounds past MaxFloat64
	}
	for _, tt := range tests {
		name := tt.in
		if len(name) > 24 {
			name = name[:24] + "…"
		}
		t.Run(name, func(t *testing.T) {
			var i int64
			err := NewDecoder([]byte(tt.in)).Int64(&i)
			var stdI int64
			stdErr := json.Unmarshal([]byte(tt.in), &stdI)
			if (err == nil) != tt.int64OK || (stdErr == nil) != tt.int64OK {
				t.Errorf("Int64: %v (encoding/json: %v), want ok=%v", err, stdErr, tt.int64OK)
			}
			var f float64
			err = NewDecoder([]byte(tt.in)).Float64(&f)
			var stdF float64
			stdErr = json.Unmarshal([]byte(tt.in), &stdF)
			if (err == nil) != tt.floatOK || (stdErr == nil) != tt.floatOK {
				t.Errorf("Float64: %v (encoding/json: %v), want ok=%v", err, stdErr, tt.floatOK)
			}
			if math.IsInf(f, 0) || f != tt.float || f != stdF {
				t.Errorf("Float64 = %v, want %v (encoding/json %v)", f, tt.float, stdF)
			}
			var e *Error
			if err != nil && !errors.As(err, &e) {
				t.Errorf("error %T is not *Error", err)
			}
			// A float that fits is still no timestamp when its milliseconds
			// overflow int64 (beyond about 292 million years).
			var ts time.Time
			tsOK := tt.floatOK && math.Abs(f) < 9.2e15
			if err := NewDecoder([]byte(tt.in)).EpochSeconds(&ts); (err == nil) != tsOK {
				t.Errorf("EpochSeconds: %v, want ok=%v", err, tsOK)
			}
		})
	}
	var f32 float32
	if err := NewDecoder([]byte("1e39")).Float32(&f32); err == nil || math.IsInf(float64(f32), 0) {
		t.Errorf("Float32(1e39) = %v, %v; want an error", f32, err)
	}
}

// A number that does not fit its type is shortened in the error, so an
// n-byte number cannot make an n-byte error message.
func TestHugeNumberErrorMessageIsBounded(t *testing.T) {
	num := []byte(strings.Repeat("9", 1<<20))
	var v int64
	var f float64
	var ts time.Time
	for name, err := range map[string]error{
		"Int64":        NewDecoder(num).Int64(&v),
		"Float64":      NewDecoder(num).Float64(&f),
		"EpochSeconds": NewDecoder(num).EpochSeconds(&ts),
	} {
		if err == nil {
			t.Fatalf("%s accepted %d nines", name, len(num))
		}
		if n := len(err.Error()); n > 256 {
			t.Errorf("%s: error message is %d bytes for a %d-byte number", name, n, len(num))
		}
	}
}

// TestHugeNumberErrorCost records what the bug above costs today, without
// failing: bytes allocated to reject one 1 MiB number.
func TestHugeNumberErrorCost(t *testing.T) {
	num := []byte(strings.Repeat("9", 1<<20))
	var v int64
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	err := NewDecoder(num).Int64(&v)
	runtime.ReadMemStats(&after)
	if err == nil {
		t.Fatal("accepted")
	}
	t.Logf("rejecting a %d-byte integer allocated %d bytes; error message %d bytes",
		len(num), after.TotalAlloc-before.TotalAlloc, len(err.Error()))
}

// Invalid UTF-8 and lone surrogates become U+FFFD exactly as in
// encoding/json, in values (String, StringPtr) and in object keys.
func TestLimitInvalidUTF8IsReplacedLikeEncodingJSON(t *testing.T) {
	for _, s := range []string{
		"\xff",
		"a\xffb",
		"\xc3",             // truncated two-byte sequence
		"\xe2\x82",         // truncated three-byte sequence
		"\xc0\xaf",         // overlong '/'
		"\xed\xa0\x80",     // a surrogate encoded in UTF-8
		"\xf4\x90\x80\x80", // beyond U+10FFFF
		"\xf8\x88\x80\x80\x80",
		`\ud800`,                    // lone high surrogate
		`\udc00x`,                   // lone low surrogate
		`\ud800\u0041`,              // high surrogate followed by a non-surrogate escape
		`\ud83d\ude00`,              // a valid pair
		"\xff\\n\xfe",               // invalid bytes around an escape (slow path)
		strings.Repeat("é\xff", 20), // past the 8-byte fast scan
	} {
		doc := []byte(`"` + s + `"`)
		var want string
		if err := json.Unmarshal(doc, &want); err != nil {
			t.Fatalf("encoding/json rejects %q: %v", doc, err)
		}
		if !utf8.ValidString(want) {
			t.Fatalf("encoding/json left invalid UTF-8 for %q", doc)
		}
		var got string
		if err := NewDecoder(doc).String(&got); err != nil || got != want {
			t.Errorf("String(%q) = %q, %v; want %q", doc, got, err, want)
		}
		var p *string
		if err := NewDecoder(doc).StringPtr(&p); err != nil || p == nil || *p != want {
			t.Errorf("StringPtr(%q) = %v, %v; want %q", doc, p, err, want)
		}

		obj := []byte(`{` + string(doc) + `:1}`)
		var wantMap map[string]int
		if err := json.Unmarshal(obj, &wantMap); err != nil {
			t.Fatal(err)
		}
		gotMap := map[string]int{}
		err := NewDecoder(obj).Object(func(d *Decoder, key []byte) error {
			var n int64
			err := d.Int64(&n)
			gotMap[string(key)] = int(n)
			return err
		})
		if err != nil || !cmp.Equal(gotMap, wantMap) {
			t.Errorf("key %q = %v, %v; encoding/json %v", doc, gotMap, err, wantMap)
		}
	}
}

// With duplicate keys the last occurrence wins for every reader generated
// code uses, as in encoding/json (null resets a pointer and leaves a plain
// value alone there too).
func TestLimitDuplicateKeysLastWins(t *testing.T) {
	type std struct {
		S  string
		P  *string
		I  *int64
		F  *float64
		L  []int64
		PN *string
	}
	doc := []byte(`{"S":"first","P":"first","I":1,"F":1.5,"L":[1,2,3],"PN":"set",
		"S":"second","P":"second","I":2,"F":2.5,"L":[4],"PN":null,"S":null}`)
	var want std
	if err := json.Unmarshal(doc, &want); err != nil {
		t.Fatal(err)
	}
	var got std
	d := NewDecoder(doc)
	err := d.Object(func(d *Decoder, key []byte) error {
		switch string(key) {
		case "S":
			return d.String(&got.S)
		case "P":
			return d.StringPtr(&got.P)
		case "I":
			return d.Int64Ptr(&got.I)
		case "F":
			return d.Float64Ptr(&got.F)
		case "PN":
			return d.StringPtr(&got.PN)
		case "L":
			// The shape the generator emits for a list: a fresh slice per
			// occurrence, assigned when the array ends.
			s := []int64{}
			err := d.Array(func(d *Decoder) error {
				s = append(s, 0)
				return d.Int64(&s[len(s)-1])
			})
			got.L = s
			return err
		}
		return d.Skip()
	})
	if err == nil {
		err = d.End()
	}
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("duplicate keys (-encoding/json +jsonwire):\n%s", diff)
	}
	if got.S != "second" || *got.P != "second" || *got.I != 2 || len(got.L) != 1 || got.PN != nil {
		t.Errorf("last occurrence did not win: %+v", got)
	}
}
