package restjson

import (
	"math"
	"math/rand/v2"
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/aws/smithy-go/encoding/httpbinding"
	smithytime "github.com/aws/smithy-go/time"
)

func TestFormat(t *testing.T) {
	tests := []struct{ got, want string }{
		{FormatInt(int8(-128)), "-128"},
		{FormatInt(int64(math.MaxInt64)), "9223372036854775807"},
		{FormatInt(integerEnum(3)), "3"},
		{FormatFloat(float32(1.1)), "1.1"}, // the float32 nearest 1.1, not 1.100000023841858
		{FormatFloat(1.1), "1.1"},
		{FormatFloat(5.1), "5.1"},
		{FormatFloat(1e21), "1000000000000000000000"}, // never an exponent
		{FormatFloat(1e-7), "0.0000001"},
		{FormatFloat(math.Copysign(0, -1)), "-0"},
		{FormatFloat(nan()), "NaN"},
		{FormatFloat(float32(inf(1))), "Infinity"},
		{FormatFloat(inf(-1)), "-Infinity"},
		{FormatDateTime(suiteTime), "2019-12-16T23:48:18Z"},
		{FormatDateTime(suiteTime.Add(520 * time.Millisecond)), "2019-12-16T23:48:18.52Z"},
		{FormatDateTime(suiteTime.Add(999_999 * time.Microsecond)), "2019-12-16T23:48:18.999Z"},
		{FormatHTTPDate(suiteTime), "Mon, 16 Dec 2019 23:48:18 GMT"},
		{FormatEpochSeconds(suiteTime), "1576540098"},
		{FormatEpochSeconds(suiteTime.Add(520 * time.Millisecond)), "1576540098.52"},
		{FormatEpochSeconds(time.Unix(-1, -500_000_000)), "-1.5"},
		{FormatMediaType("true"), "dHJ1ZQ=="},
		{FormatMediaType(""), ""},
	}
	for i, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%d: got %q, want %q", i, tt.got, tt.want)
		}
	}
}

// The formatters write what smithy-go's httpbinding writes for the same
// values in a header (and, the same way, in a query string or a label).
func TestFormatMatchesHTTPBinding(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	specials := []float64{0, 1, -1, 0.1, 1e21, 1e-7, math.MaxFloat64, math.SmallestNonzeroFloat64, nan(), inf(1), inf(-1)}
	for i := range 3000 {
		f := r.NormFloat64() * math.Pow(10, float64(r.IntN(40)-20))
		if i < len(specials) {
			f = specials[i]
		}
		h := http.Header{}
		enc, _ := httpbinding.NewEncoder("/", "", h)
		enc.SetHeader("D").Double(f)
		enc.SetHeader("F").Float(float32(f))
		ts := time.UnixMilli(r.Int64N(1 << 42)).Add(-1 << 41 * time.Millisecond)
		enc.SetHeader("T").String(smithytime.FormatHTTPDate(ts))
		enc.SetHeader("S").String(smithytime.FormatDateTime(ts))
		enc.SetHeader("E").Double(smithytime.FormatEpochSeconds(ts))
		req, err := enc.Encode(&http.Request{URL: &url.URL{}})
		if err != nil {
			t.Fatal(err)
		}
		for name, got := range map[string]string{
			"D": FormatFloat(f), "F": FormatFloat(float32(f)),
			"T": FormatHTTPDate(ts), "S": FormatDateTime(ts), "E": FormatEpochSeconds(ts),
		} {
			if want := req.Header.Get(name); got != want {
				t.Fatalf("%s of %v / %v: got %q, httpbinding writes %q", name, f, ts, got, want)
			}
		}
	}
}

func TestParse(t *testing.T) {
	ok := func(v any, err error) any {
		if err != nil {
			t.Helper()
			t.Errorf("unexpected error %v", err)
		}
		return v
	}
	tests := []struct {
		got, want any
	}{
		{ok(ParseInt[int32]("123")), int32(123)},
		{ok(ParseInt[int32]("-0x10")), int32(-16)}, // base prefixes, as strconv.ParseInt(s, 0, ...)
		{ok(ParseInt[int64]("1_000")), int64(1000)},
		{ok(ParseInt[integerEnum]("2")), integerEnum(2)},
		{ok(ParseFloat[float32]("1.1")), float32(1.1)},
		{ok(ParseFloat[float64]("-Infinity")), inf(-1)},
		{ok(ParseBool("TRUE")), true},
		{ok(ParseBool("0")), false},
		{ok(ParseString[fooEnum]("Foo")), fooEnum("Foo")},
		{ok(ParseMediaType("dHJ1ZQ==")), "true"},
		{ok(ParseDateTime("2019-12-16T23:48:18Z")), suiteTime.UTC()},
		{ok(ParseHTTPDate("Mon, 16 Dec 2019 23:48:18 GMT")), suiteTime.UTC()},
		{ok(ParseEpochSeconds("1576540098")), suiteTime.UTC()},
		{ok(ParseEpochSeconds("1576540098.5209")), suiteTime.Add(520 * time.Millisecond).UTC()},
	}
	for i, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%d: got %#v, want %#v", i, tt.got, tt.want)
		}
	}
	for _, bad := range []string{"", "NaN", "Infinity", "1e400", "x"} {
		if v, err := ParseEpochSeconds(bad); err == nil {
			t.Errorf("ParseEpochSeconds(%q) = %v, want an error", bad, v)
		}
	}
	if _, err := ParseInt[int16](""); err == nil {
		t.Error(`ParseInt("") succeeded`)
	}
	// A Parse function alone reports the value without a header name.
	if _, err := ParseBool("maybe"); err == nil || err.Error() != `"maybe" is not a boolean` {
		t.Errorf("ParseBool error = %v", err)
	}
}
