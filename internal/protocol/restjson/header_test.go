package restjson

import (
	"errors"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

type (
	fooEnum     string
	integerEnum int32
)

// Requests of the compliance suite's header cases. Names are canonical, as
// the generator passes them; want is what the case compares, every value of
// a header joined with ", ".
func TestRequestHeaders(t *testing.T) {
	tests := []struct {
		name  string
		build func(h http.Header)
		want  map[string]string
	}{
		{
			"RestJsonInputAndOutputWithStringHeaders",
			func(h http.Header) {
				SetHeader(h, "X-String", "Hello")
				AddHeaderStrings(h, "X-Stringlist", []string{"a", "b", "c"})
				AddHeaderStrings(h, "X-Stringset", []string{"a", "b", "c"})
			},
			map[string]string{"X-String": "Hello", "X-StringList": "a, b, c", "X-StringSet": "a, b, c"},
		},
		{
			"RestJsonInputAndOutputWithQuotedStringHeaders",
			func(h http.Header) { AddHeaderStrings(h, "X-Stringlist", []string{"b,c", `"def"`, "a"}) },
			map[string]string{"X-StringList": `"b,c", "\"def\"", a`},
		},
		{
			"RestJsonInputAndOutputWithNumericHeaders",
			func(h http.Header) {
				SetHeader(h, "X-Byte", FormatInt(int8(1)))
				SetHeader(h, "X-Short", FormatInt(int16(123)))
				SetHeader(h, "X-Integer", FormatInt(int32(123)))
				SetHeader(h, "X-Long", FormatInt(int64(123)))
				SetHeader(h, "X-Float", FormatFloat(float32(1.1)))
				SetHeader(h, "X-Double", FormatFloat(1.1))
				AddHeaderList(h, "X-Integerlist", []int32{1, 2, 3}, FormatInt[int32])
			},
			map[string]string{"X-Byte": "1", "X-Short": "123", "X-Integer": "123", "X-Long": "123", "X-Float": "1.1", "X-Double": "1.1", "X-IntegerList": "1, 2, 3"},
		},
		{
			"RestJsonInputAndOutputWithBooleanHeaders",
			func(h http.Header) {
				SetHeader(h, "X-Boolean1", strconv.FormatBool(true))
				SetHeader(h, "X-Boolean2", strconv.FormatBool(false))
				AddHeaderList(h, "X-Booleanlist", []bool{true, false, true}, strconv.FormatBool)
			},
			map[string]string{"X-Boolean1": "true", "X-Boolean2": "false", "X-BooleanList": "true, false, true"},
		},
		{
			"RestJsonInputAndOutputWithTimestampHeaders: http-dates are not quoted",
			func(h http.Header) {
				AddHeaderList(h, "X-Timestamplist", []time.Time{suiteTime, suiteTime}, FormatHTTPDate)
			},
			map[string]string{"X-TimestampList": "Mon, 16 Dec 2019 23:48:18 GMT, Mon, 16 Dec 2019 23:48:18 GMT"},
		},
		{
			"RestJsonInputAndOutputWithEnumHeaders",
			func(h http.Header) {
				SetHeader(h, "X-Enum", string(fooEnum("Foo")))
				AddHeaderStrings(h, "X-Enumlist", []fooEnum{"Foo", "Bar", "Baz"})
			},
			map[string]string{"X-Enum": "Foo", "X-EnumList": "Foo, Bar, Baz"},
		},
		{
			"RestJsonInputAndOutputWithIntEnumHeaders",
			func(h http.Header) {
				SetHeader(h, "X-Integerenum", FormatInt(integerEnum(1)))
				AddHeaderList(h, "X-Integerenumlist", []integerEnum{1, 2, 3}, FormatInt[integerEnum])
			},
			map[string]string{"X-IntegerEnum": "1", "X-IntegerEnumList": "1, 2, 3"},
		},
		{
			"RestJsonSupportsNaNFloatHeaderInputs",
			func(h http.Header) {
				SetHeader(h, "X-Float", FormatFloat(float32(nan())))
				SetHeader(h, "X-Double", FormatFloat(nan()))
			},
			map[string]string{"X-Float": "NaN", "X-Double": "NaN"},
		},
		{
			"RestJsonSupportsInfinityFloatHeaderInputs",
			func(h http.Header) {
				SetHeader(h, "X-Float", FormatFloat(float32(inf(1))))
				SetHeader(h, "X-Double", FormatFloat(inf(1)))
			},
			map[string]string{"X-Float": "Infinity", "X-Double": "Infinity"},
		},
		{
			"RestJsonSupportsNegativeInfinityFloatHeaderInputs",
			func(h http.Header) {
				SetHeader(h, "X-Float", FormatFloat(float32(inf(-1))))
				SetHeader(h, "X-Double", FormatFloat(inf(-1)))
			},
			map[string]string{"X-Float": "-Infinity", "X-Double": "-Infinity"},
		},
		{
			"RestJsonTimestampFormatHeaders",
			func(h http.Header) {
				SetHeader(h, "X-Memberepochseconds", FormatEpochSeconds(suiteTime))
				SetHeader(h, "X-Memberhttpdate", FormatHTTPDate(suiteTime))
				SetHeader(h, "X-Memberdatetime", FormatDateTime(suiteTime))
				SetHeader(h, "X-Defaultformat", FormatHTTPDate(suiteTime))
			},
			map[string]string{
				"X-memberEpochSeconds": "1576540098",
				"X-memberHttpDate":     "Mon, 16 Dec 2019 23:48:18 GMT",
				"X-memberDateTime":     "2019-12-16T23:48:18Z",
				"X-defaultFormat":      "Mon, 16 Dec 2019 23:48:18 GMT",
			},
		},
		{"MediaTypeHeaderInputBase64", func(h http.Header) { SetHeader(h, "X-Json", FormatMediaType("true")) }, map[string]string{"X-Json": "dHJ1ZQ=="}},
		{
			"RestJsonNullAndEmptyHeaders: an empty string and an empty list are sent",
			func(h http.Header) { SetHeader(h, "X-B", ""); AddHeaderStrings(h, "X-C", []string{}) },
			map[string]string{"X-B": "", "X-C": ""},
		},
		{
			"RestJsonHttpPrefixHeadersArePresent",
			func(h http.Header) {
				SetHeader(h, "X-Foo", "Foo")
				SetPrefixHeaders(h, "X-Foo-", map[string]string{"abc": "Abc value", "def": "Def value"})
			},
			map[string]string{"x-foo": "Foo", "x-foo-abc": "Abc value", "x-foo-def": "Def value"},
		},
		{
			"RestJsonHttpPrefixHeadersAreNotPresent",
			func(h http.Header) { SetHeader(h, "X-Foo", "Foo"); SetPrefixHeaders(h, "X-Foo-", map[string]string{}) },
			map[string]string{"x-foo": "Foo"},
		},
		{
			"RestJsonHttpPrefixEmptyHeaders",
			func(h http.Header) { SetPrefixHeaders(h, "X-Foo-", map[string]string{"abc": ""}) },
			map[string]string{"x-foo-abc": ""},
		},
		{
			"RestJsonHttpEmptyPrefixHeadersRequestClient: a bound header beats the map's",
			func(h http.Header) {
				SetHeader(h, "Hello", "There")
				SetPrefixHeaders(h, "", map[string]string{"x-foo": "Foo", "hello": "Hello"})
			},
			map[string]string{"x-foo": "Foo", "hello": "There"},
		},
		{"GlacierVersionHeader", func(h http.Header) { SetHeader(h, "X-Amz-Glacier-Version", "2012-06-01") }, map[string]string{"X-Amz-Glacier-Version": "2012-06-01"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := http.Header{}
			tt.build(h)
			got := map[string]string{}
			for k := range tt.want {
				// A header without values is not sent at all.
				if vs := h.Values(k); len(vs) > 0 {
					got[k] = strings.Join(vs, ", ")
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("headers (-want +got):\n%s", diff)
			}
			if len(h) != len(tt.want) {
				t.Errorf("%d headers set, want %d: %v", len(h), len(tt.want), h)
			}
		})
	}
}

// aws-sdk-go-v2 adds a list's elements as separate field values, so Go
// writes one header line per element; an empty string element is left out.
func TestListHeadersAreOneFieldValuePerElement(t *testing.T) {
	h := http.Header{}
	AddHeaderStrings(h, "X-List", []string{"a", "", "b,c"})
	AddHeaderList(h, "X-Ints", []int64{-1, 0}, FormatInt[int64])
	want := http.Header{"X-List": {"a", `"b,c"`}, "X-Ints": {"-1", "0"}}
	if diff := cmp.Diff(want, h); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	SetHeader(h, "X-List", "replaced")
	if got := h["X-List"]; !slices.Equal(got, []string{"replaced"}) {
		t.Errorf("SetHeader left %q", got)
	}
}

func TestPrefixHeaderNamesAsV2(t *testing.T) {
	h := http.Header{}
	SetPrefixHeaders(h, " X-Amz-Meta- ", map[string]string{"color": "red", "two-words": "x", " padded ": "y"})
	want := http.Header{"X-Amz-Meta-Color": {"red"}, "X-Amz-Meta-Two-Words": {"x"}, "X-Amz-Meta-padded": {"y"}}
	if diff := cmp.Diff(want, h); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// Responses of the compliance suite's header cases.
func TestResponseHeaders(t *testing.T) {
	h := http.Header{}
	for k, v := range map[string]string{
		"X-String": "Hello", "X-StringList": "a, b, c", "X-StringSet": "a, b, c",
		"X-Quoted": `"b,c", "\"def\"", a`,
		"X-Byte":   "1", "X-Short": "123", "X-Integer": "123", "X-Long": "123", "X-Float": "1.1", "X-Double": "1.1",
		"X-IntegerList": "1, 2, 3", "X-Boolean1": "true", "X-Boolean2": "false", "X-BooleanList": "true, false, true",
		"X-TimestampList": "Mon, 16 Dec 2019 23:48:18 GMT, Mon, 16 Dec 2019 23:48:18 GMT",
		"X-Enum":          "Foo", "X-EnumList": "Foo, Bar, Baz", "X-IntegerEnum": "1", "X-IntegerEnumList": "1, 2, 3",
		"X-NaN": "NaN", "X-Inf": "Infinity", "X-NegInf": "-Infinity",
		"X-memberEpochSeconds": "1576540098", "X-memberHttpDate": "Mon, 16 Dec 2019 23:48:18 GMT", "X-memberDateTime": "2019-12-16T23:48:18Z",
		"X-Json":   "dHJ1ZQ==",
		"X-Padded": "  42\t",
	} {
		h.Set(k, v)
	}
	check := func(name string, got, want any, err error) {
		t.Helper()
		if err != nil {
			t.Errorf("%s: %v", name, err)
			return
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", name, diff)
		}
	}
	// RestJsonInputAndOutputWithStringHeaders, ...QuotedStringHeaders
	s, err := HeaderPtr(h, "X-String", ParseString[string])
	check("X-String", *s, "Hello", err)
	sl, err := HeaderList(h, "X-StringList", ParseString[string])
	check("X-StringList", sl, []string{"a", "b", "c"}, err)
	sl, err = HeaderList(h, "X-StringSet", ParseString[string])
	check("X-StringSet", sl, []string{"a", "b", "c"}, err)
	sl, err = HeaderList(h, "X-Quoted", ParseString[string])
	check("X-Quoted", sl, []string{"b,c", `"def"`, "a"}, err)
	// RestJsonInputAndOutputWithNumericHeaders
	i8, err := HeaderPtr(h, "X-Byte", ParseInt[int8])
	check("X-Byte", *i8, int8(1), err)
	i16, err := HeaderPtr(h, "X-Short", ParseInt[int16])
	check("X-Short", *i16, int16(123), err)
	i32, err := HeaderPtr(h, "X-Integer", ParseInt[int32])
	check("X-Integer", *i32, int32(123), err)
	i64, err := HeaderPtr(h, "X-Long", ParseInt[int64])
	check("X-Long", *i64, int64(123), err)
	f32, err := HeaderPtr(h, "X-Float", ParseFloat[float32])
	check("X-Float", *f32, float32(1.1), err)
	f64, err := HeaderPtr(h, "X-Double", ParseFloat[float64])
	check("X-Double", *f64, 1.1, err)
	il, err := HeaderList(h, "X-IntegerList", ParseInt[int32])
	check("X-IntegerList", il, []int32{1, 2, 3}, err)
	// RestJsonInputAndOutputWithBooleanHeaders
	b1, err := HeaderPtr(h, "X-Boolean1", ParseBool)
	check("X-Boolean1", *b1, true, err)
	b2, err := HeaderPtr(h, "X-Boolean2", ParseBool)
	check("X-Boolean2", *b2, false, err)
	bl, err := HeaderList(h, "X-BooleanList", ParseBool)
	check("X-BooleanList", bl, []bool{true, false, true}, err)
	// RestJsonInputAndOutputWithTimestampHeaders
	tl, err := HeaderHTTPDates(h, "X-TimestampList")
	check("X-TimestampList", tl, []time.Time{suiteTime.UTC(), suiteTime.UTC()}, err)
	// RestJsonInputAndOutputWithEnumHeaders, ...IntEnumHeaders
	e, ok, err := Header(h, "X-Enum", ParseString[fooEnum])
	check("X-Enum", e, fooEnum("Foo"), err)
	if !ok {
		t.Error("X-Enum: not found")
	}
	el, err := HeaderList(h, "X-EnumList", ParseString[fooEnum])
	check("X-EnumList", el, []fooEnum{"Foo", "Bar", "Baz"}, err)
	ie, _, err := Header(h, "X-IntegerEnum", ParseInt[integerEnum])
	check("X-IntegerEnum", ie, integerEnum(1), err)
	iel, err := HeaderList(h, "X-IntegerEnumList", ParseInt[integerEnum])
	check("X-IntegerEnumList", iel, []integerEnum{1, 2, 3}, err)
	// RestJsonSupportsNaNFloatHeaderOutputs and the infinities
	nanv, _, err := Header(h, "X-NaN", ParseFloat[float64])
	if err != nil || nanv == nanv {
		t.Errorf("X-NaN = %v, %v", nanv, err)
	}
	pinf, _, err := Header(h, "X-Inf", ParseFloat[float32])
	check("X-Inf", float64(pinf), inf(1), err)
	ninf, _, err := Header(h, "X-NegInf", ParseFloat[float64])
	check("X-NegInf", ninf, inf(-1), err)
	// RestJsonTimestampFormatHeaders
	for name, parse := range map[string]func(string) (time.Time, error){
		"X-memberEpochSeconds": ParseEpochSeconds, "X-memberHttpDate": ParseHTTPDate, "X-memberDateTime": ParseDateTime,
	} {
		ts, err := HeaderPtr(h, name, parse)
		check(name, *ts, suiteTime.UTC(), err)
	}
	// MediaTypeHeaderOutputBase64
	js, err := HeaderPtr(h, "X-Json", ParseMediaType)
	check("X-Json", *js, "true", err)
	// Values are trimmed; absent headers are nil and not ok.
	pad, err := HeaderPtr(h, "X-Padded", ParseInt[int32])
	check("X-Padded", *pad, int32(42), err)
	if p, err := HeaderPtr(h, "X-Absent", ParseInt[int32]); p != nil || err != nil {
		t.Errorf("absent header: %v, %v", p, err)
	}
	if _, ok, err := Header(h, "X-Absent", ParseBool); ok || err != nil {
		t.Errorf("absent header: ok %v, %v", ok, err)
	}
	if l, err := HeaderList(h, "X-Absent", ParseBool); l != nil || err != nil {
		t.Errorf("absent list header: %v, %v", l, err)
	}
	if l, err := HeaderHTTPDates(h, "X-Absent"); l != nil || err != nil {
		t.Errorf("absent date list header: %v, %v", l, err)
	}
}

// A list spread over several field values reads as one list, as when
// aws-sdk-go-v2 sent it; a scalar reads the first value only.
func TestResponseHeaderFieldValues(t *testing.T) {
	h := http.Header{"X-List": {"a, b", `"c,d"`}, "X-Dates": {"Mon, 16 Dec 2019 23:48:18 GMT", "Tue, 17 Dec 2019 23:48:18 GMT, Wed, 18 Dec 2019 23:48:18 GMT"}, "X-One": {"1", "2"}}
	l, err := HeaderList(h, "x-list", ParseString[string])
	if err != nil || !slices.Equal(l, []string{"a", "b", "c,d"}) {
		t.Errorf("X-List = %q, %v", l, err)
	}
	d, err := HeaderHTTPDates(h, "X-Dates")
	if err != nil || len(d) != 3 || d[2].Day() != 18 {
		t.Errorf("X-Dates = %v, %v", d, err)
	}
	// Quoted elements are trimmed after unquoting too, as aws-sdk-go-v2 does.
	q, err := HeaderList(http.Header{"X-Q": {`" a ", b`}}, "X-Q", ParseString[string])
	if err != nil || !slices.Equal(q, []string{"a", "b"}) {
		t.Errorf("X-Q = %q, %v", q, err)
	}
	one, _, err := Header(h, "X-One", ParseInt[int64])
	if err != nil || one != 1 {
		t.Errorf("X-One = %v, %v", one, err)
	}
}

func TestMalformedResponseHeadersNameTheHeader(t *testing.T) {
	h := http.Header{}
	for k, v := range map[string]string{
		"X-Foo": "abc", "X-Byte": "300", "X-Bool": "yes", "X-Float": "1.1.1", "X-Big": "1e39",
		"X-Date": "2019-12-16", "X-Epoch": "soon", "X-Json": "not base64!", "X-List": `"open, b`, "X-Ints": "1, two",
		"X-Dates": "Mon, 16 Dec 2019 23:48:18 GMT, Mon", "X-Long": strings.Repeat("9", 100),
	} {
		h.Set(k, v)
	}
	tests := []struct {
		name string
		read func() error
		want string
	}{
		{"X-Foo", func() error { _, err := HeaderPtr(h, "X-Foo", ParseInt[int32]); return err }, `X-Foo: "abc" is not an integer`},
		{"X-Byte", func() error { _, err := HeaderPtr(h, "X-Byte", ParseInt[int8]); return err }, `X-Byte: "300" is out of range for an 8-bit integer`},
		{"X-Bool", func() error { _, err := HeaderPtr(h, "X-Bool", ParseBool); return err }, `X-Bool: "yes" is not a boolean`},
		{"X-Float", func() error { _, err := HeaderPtr(h, "X-Float", ParseFloat[float64]); return err }, `X-Float: "1.1.1" is not a number`},
		{"X-Big", func() error { _, err := HeaderPtr(h, "X-Big", ParseFloat[float32]); return err }, `X-Big: "1e39" is out of range for a 32-bit float`},
		{"X-Date", func() error { _, err := HeaderPtr(h, "X-Date", ParseHTTPDate); return err }, `X-Date: "2019-12-16" is not an http-date timestamp`},
		{"X-Date as date-time", func() error { _, err := HeaderPtr(h, "X-Date", ParseDateTime); return err }, `X-Date: "2019-12-16" is not a date-time timestamp`},
		{"X-Epoch", func() error { _, err := HeaderPtr(h, "X-Epoch", ParseEpochSeconds); return err }, `X-Epoch: "soon" is not an epoch-seconds timestamp`},
		{"X-Json", func() error { _, err := HeaderPtr(h, "X-Json", ParseMediaType); return err }, `X-Json: "not base64!" is not base64`},
		{"X-List", func() error { _, err := HeaderList(h, "X-List", ParseString[string]); return err }, `X-List: "\"open, b" has a quoted list element without its closing quote`},
		{"X-Ints", func() error { _, err := HeaderList(h, "X-Ints", ParseInt[int32]); return err }, `X-Ints: "two" is not an integer`},
		{"X-Dates", func() error { _, err := HeaderHTTPDates(h, "X-Dates"); return err }, `X-Dates: "Mon, 16 Dec 2019 23:48:18 GMT, Mon" is not a list of http-date timestamps (an even number of commas)`},
		{"X-Long", func() error { _, err := HeaderPtr(h, "X-Long", ParseInt[int64]); return err }, `X-Long: "` + strings.Repeat("9", 64) + `"... is out of range for a 64-bit integer`},
		{"another parser's error", func() error {
			_, err := HeaderPtr(h, "X-Foo", func(string) (int, error) { return 0, errors.New("no") })
			return err
		}, `X-Foo: "abc" cannot be read: no`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.read()
			var he *HeaderError
			if !errors.As(err, &he) {
				t.Fatalf("error %v is not a *HeaderError", err)
			}
			if err.Error() != tt.want {
				t.Errorf("error = %s\nwant    %s", err, tt.want)
			}
		})
	}
}

// Response tests RestJsonHttpPrefixHeadersArePresent, HttpPrefixHeadersResponse
// and RestJsonHttpEmptyPrefixHeadersResponseClient.
func TestPrefixHeaders(t *testing.T) {
	tests := []struct {
		name    string
		headers map[string]string
		prefix  string
		want    map[string]string
	}{
		{"RestJsonHttpPrefixHeadersArePresent", map[string]string{"x-foo": "Foo", "x-foo-abc": "Abc value", "x-foo-def": "Def value"}, "X-Foo-", map[string]string{"abc": "Abc value", "def": "Def value"}},
		{"HttpPrefixHeadersResponse: an empty prefix takes every header", map[string]string{"x-foo": "Foo", "hello": "Hello"}, "", map[string]string{"x-foo": "Foo", "hello": "Hello"}},
		{"RestJsonHttpEmptyPrefixHeadersResponseClient", map[string]string{"x-foo": "Foo", "hello": "There"}, "", map[string]string{"x-foo": "Foo", "hello": "There"}},
		{"no header matches: nil", map[string]string{"x-foo": "Foo"}, "X-Bar-", nil},
		{"values are trimmed", map[string]string{"X-Meta-A": " v "}, "x-meta-", map[string]string{"a": "v"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := http.Header{}
			for k, v := range tt.headers {
				h.Set(k, v)
			}
			if diff := cmp.Diff(tt.want, PrefixHeaders(h, tt.prefix)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}
