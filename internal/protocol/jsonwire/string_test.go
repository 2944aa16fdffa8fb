package jsonwire

import (
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"math/bits"
	"math/rand/v2"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	smithytime "github.com/aws/smithy-go/time"
)

func TestStringsDecodeLikeEncodingJSON(t *testing.T) {
	docs := []string{
		`""`, `"plain"`, `"\"\\\/\b\f\n\r\t"`, `"\u0041\u00e9\u65e5"`, `"\ud83d\ude00"`, `"\uD83D\uDE00"`,
		`"\ud83d"`, `"\ude00"`, `"\ud83d\u0041"`, `"\ud83dx"`, `"\ud83d\ud83d\ude00"`, `"\u0000"`,
		"\"bad \xff utf8\"", "\"cut \xe6\x97\"", "\"\xed\xa0\x80\"", "\"ok \xe6\x97\xa5\"", "\"\x7f\"",
		`"` + strings.Repeat("0123456789", 10) + `\n"`, "\"long plain text with ünïcödé and more than eight bytes\"",
	}
	for _, doc := range docs {
		checkStringDecoding(t, doc)
	}
}

func TestRandomStringsDecodeLikeEncodingJSON(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	pieces := []string{"a", "xyzxyzxyz", `\n`, `\"`, `\\`, `\u00e9`, `\ud83d`, `\ude00`, `\uDBFF\uDFFF`, "\xff", "\xc3", "é", "😀", "\x01", `\`, `\u12`, `"`}
	for range 5000 {
		var b strings.Builder
		b.WriteByte('"')
		for range r.IntN(12) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		b.WriteByte('"')
		checkStringDecoding(t, b.String())
	}
}

// checkStringDecoding requires String to agree with encoding/json on both
// success and the decoded value for a whole document.
func checkStringDecoding(t *testing.T, doc string) {
	t.Helper()
	var want string
	wantErr := json.Unmarshal([]byte(doc), &want)
	var got string
	d := NewDecoder([]byte(doc))
	err := d.String(&got)
	if err == nil {
		err = d.End()
	}
	if (err != nil) != (wantErr != nil) || wantErr == nil && got != want {
		t.Errorf("String(%q) = %q, %v; encoding/json gives %q, %v", doc, got, err, want, wantErr)
	}
	// Skip must agree on validity too.
	d.Reset([]byte(doc))
	err = d.Skip()
	if err == nil {
		err = d.End()
	}
	if (err != nil) != (wantErr != nil) {
		t.Errorf("Skip(%q) = %v; encoding/json gives %v", doc, err, wantErr)
	}
}

func TestStringErrors(t *testing.T) {
	tests := []struct{ name, in, wantErr string }{
		{"raw control character", "\"a\x01b\"", `invalid control character '\x01' in string`},
		{"raw newline", "\"a\nb\"", "invalid control character"},
		{"unterminated", `"abc`, "unexpected end of JSON input"},
		{"unterminated after escape", `"abc\`, "unexpected end of JSON input"},
		{"bad escape", `"\q"`, `invalid escape character 'q'`},
		{"bad unicode escape", `"\u12g4"`, `invalid \u escape`},
		{"number is wrong type", `12`, "expected string, found number"},
		{"object is wrong type", `{"a":1}`, "expected string, found object"},
		{"not a value", `x`, "invalid character 'x' looking for beginning of value"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var s string
			err := NewDecoder([]byte(tt.in)).String(&s)
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("got %v, want error containing %q", err, tt.wantErr)
			}
		})
	}
}

func TestStringPtrAndNull(t *testing.T) {
	s := "keep"
	p := &s
	d := NewDecoder([]byte(`[null,null,"x"]`))
	i := 0
	err := d.Array(func(d *Decoder) error {
		i++
		if i == 1 {
			return d.String(&s)
		}
		return d.StringPtr(&p)
	})
	if err != nil || s != "keep" || p == nil || *p != "x" {
		t.Errorf("got %q %v, %v", s, p, err)
	}
}

func TestBlobs(t *testing.T) {
	data := []byte("binary\x00\xff data that is longer than a few bytes")
	enc := base64.StdEncoding.EncodeToString(data)
	tests := []struct {
		name    string
		in      string
		want    []byte
		wantErr bool
	}{
		{"standard base64", `"` + enc + `"`, data, false},
		{"escaped slash", `"` + strings.ReplaceAll(base64.StdEncoding.EncodeToString([]byte{0xff, 0xff, 0xff}), "/", `\/`) + `"`, []byte{0xff, 0xff, 0xff}, false},
		{"empty string is empty slice", `""`, []byte{}, false},
		{"null is nil", `null`, nil, false},
		{"url alphabet is rejected", `"-_-_"`, nil, true},
		{"missing padding is rejected", `"YQ"`, nil, true},
		{"number is wrong type", `1`, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := []byte("previous")
			err := NewDecoder([]byte(tt.in)).Blob(&got)
			if tt.wantErr {
				if err == nil {
					t.Errorf("got %q, want error", got)
				}
				return
			}
			if err != nil || string(got) != string(tt.want) || (got == nil) != (tt.want == nil) {
				t.Errorf("got %q (nil=%v), %v; want %q", got, got == nil, err, tt.want)
			}
		})
	}
}

func TestDateTimeAndHTTPDateMatchSmithy(t *testing.T) {
	dateTimes := []string{"2016-12-16T13:50:00Z", "1985-04-12T23:20:50.52Z", "1985-04-12T23:20:50.123456789Z",
		"1985-04-12T23:20:50", "1996-12-19T16:39:57-08:00", "2016-12-16T13:50:00.5+01:00", "not a date", "2016-13-01T00:00:00Z"}
	for _, s := range dateTimes {
		want, wantErr := smithytime.ParseDateTime(s)
		var got time.Time
		var gotPtr *time.Time
		err := NewDecoder([]byte(`"` + s + `"`)).DateTime(&got)
		errPtr := NewDecoder([]byte(`"` + s + `"`)).DateTimePtr(&gotPtr)
		if (err != nil) != (wantErr != nil) || (errPtr != nil) != (wantErr != nil) || !got.Equal(want) || got.String() != want.String() ||
			err == nil && (gotPtr == nil || !gotPtr.Equal(want)) {
			t.Errorf("DateTime(%q) = %v, %v; smithy %v, %v", s, got, err, want, wantErr)
		}
	}
	httpDates := []string{"Tue, 29 Apr 2014 18:30:38 GMT", "Tue, 9 Apr 2014 18:30:38 GMT", "Tue,  9 Apr 14 18:30:38 GMT",
		"Tuesday, 29-Apr-14 18:30:38 GMT", "Tue Apr 29 18:30:38 2014", "2014-04-29"}
	for _, s := range httpDates {
		want, wantErr := smithytime.ParseHTTPDate(s)
		var got time.Time
		var gotPtr *time.Time
		err := NewDecoder([]byte(`"` + s + `"`)).HTTPDate(&got)
		errPtr := NewDecoder([]byte(`"` + s + `"`)).HTTPDatePtr(&gotPtr)
		if (err != nil) != (wantErr != nil) || (errPtr != nil) != (wantErr != nil) || !got.Equal(want) || got.String() != want.String() {
			t.Errorf("HTTPDate(%q) = %v, %v; smithy %v, %v", s, got, err, want, wantErr)
		}
	}
	p := new(time.Time)
	if err := NewDecoder([]byte(`null`)).DateTimePtr(&p); err != nil || p != nil {
		t.Errorf("DateTimePtr(null) = %v, %v", p, err)
	}
}

func TestPlainStringCostsOneAllocation(t *testing.T) {
	doc := []byte(`"a plain string without escapes, but with ünïcödé"`)
	d := NewDecoder(doc)
	var s string
	allocs := testing.AllocsPerRun(100, func() {
		d.Reset(doc)
		_ = d.String(&s)
	})
	if allocs != 1 {
		t.Errorf("String allocated %v times, want 1", allocs)
	}
}

// TestSpecialMaskFlagsTheFirstSpecialByte checks specialMask's one promise,
// in both modes, against the byte-by-byte definition: its least significant
// flag is the first special byte, and it flags nothing when there is none.
func TestSpecialMaskFlagsTheFirstSpecialByte(t *testing.T) {
	special := func(c byte, strict bool) bool {
		return c < 0x20 || c == '"' || c == '\\' || strict && c >= utf8.RuneSelf
	}
	// Bytes around every boundary the formulas turn on, plus a few others.
	edges := []byte{0x00, 0x01, 0x1f, 0x20, 0x21, '"', '"' + 1, '\\' - 1, '\\', '\\' + 1, 'a', 0x7f, 0x80, 0x9f, 0xa0, 0xa1, 0xa2, 0xdc, 0xdd, 0xff}
	rng := rand.New(rand.NewPCG(1, 2))
	check := func(w [8]byte) {
		x := binary.LittleEndian.Uint64(w[:])
		for _, strict := range []bool{false, true} {
			want := 8
			for i, c := range w {
				if special(c, strict) {
					want = i
					break
				}
			}
			m := specialMask(x, strict)
			got := 8
			if m != 0 {
				got = bits.TrailingZeros64(m) >> 3
			}
			if got != want {
				t.Fatalf("specialMask(% x, strict %v): first flag at byte %d, want %d", w, strict, got, want)
			}
		}
	}
	var w [8]byte
	for range 200000 {
		for i := range w {
			w[i] = edges[rng.IntN(len(edges))]
		}
		check(w)
	}
	// Every byte value in every position, in a word of plain bytes.
	for pos := range 8 {
		for c := range 256 {
			w = [8]byte{'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'}
			w[pos] = byte(c)
			check(w)
		}
	}
}
