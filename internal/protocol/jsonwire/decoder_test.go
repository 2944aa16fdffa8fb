package jsonwire

import (
	"errors"
	"io"
	"slices"
	"strings"
	"testing"
	"testing/iotest"
	"time"

	"github.com/google/go-cmp/cmp"
)

type tapeInfo struct {
	TapeARN               *string
	TapeRecoveryPointTime *time.Time
	TapeSizeInBytes       int64
	TapeStatus            *string
}

type tapeOutput struct {
	Infos []tapeInfo
	Next  *string
}

// decodeTapeInfo is shaped like the code the generator emits.
func decodeTapeInfo(d *Decoder, v *tapeInfo) error {
	var it Members
	for {
		key, ok := d.Member(&it)
		if !ok {
			break
		}
		switch string(key) {
		case "TapeARN":
			it.Err = d.StringPtr(&v.TapeARN)
		case "TapeRecoveryPointTime":
			it.Err = d.EpochSecondsPtr(&v.TapeRecoveryPointTime)
		case "TapeSizeInBytes":
			it.Err = d.Int64(&v.TapeSizeInBytes)
		case "TapeStatus":
			it.Err = d.StringPtr(&v.TapeStatus)
		default:
			it.Err = d.Skip()
		}
	}
	return it.Err
}

func decodeTapeOutput(d *Decoder, v *tapeOutput) error {
	var it Members
	for {
		key, ok := d.Member(&it)
		if !ok {
			break
		}
		switch string(key) {
		case "TapeRecoveryPointInfos":
			var el Elements
			for d.Element(&el) {
				v.Infos = append(v.Infos, tapeInfo{})
				el.Err = decodeTapeInfo(d, &v.Infos[len(v.Infos)-1])
			}
			it.Err = el.Err
		case "NextMarker":
			it.Err = d.StringPtr(&v.Next)
		default:
			it.Err = d.Skip()
		}
	}
	return it.Err
}

func decodeTapes(data string) (tapeOutput, error) {
	var out tapeOutput
	d := NewDecoder([]byte(data))
	if err := decodeTapeOutput(d, &out); err != nil {
		return out, err
	}
	return out, d.End()
}

func TestDecodeGeneratedStyleStruct(t *testing.T) {
	doc := ` {"Unknown": {"x":[1,{"y":null}], "z":"\u00e9"},
		"TapeRecoveryPointInfos": [
			{"TapeARN":"arn:a","TapeRecoveryPointTime":1481896200.004,"TapeSizeInBytes":9007199254740993,"TapeStatus":"OK"},
			{"TapeARN":null,"TapeSizeInBytes":null,"Extra":[true,false]},
			{}
		],
		"NextMarker": "m\"1" } `
	got, err := decodeTapes(doc)
	if err != nil {
		t.Fatal(err)
	}
	want := tapeOutput{
		Infos: []tapeInfo{
			{TapeARN: new("arn:a"), TapeRecoveryPointTime: new(time.Date(2016, 12, 16, 13, 50, 0, 4_000_000, time.UTC)), TapeSizeInBytes: 9007199254740993, TapeStatus: new("OK")},
			{},
			{},
		},
		Next: new(`m"1`),
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("decoded value mismatch (-want +got):\n%s", diff)
	}
}

func TestDecodeErrorsNameThePath(t *testing.T) {
	tests := []struct {
		name, doc, wantPath, wantMsg string
	}{
		{"number too large in nested element", `{"TapeRecoveryPointInfos":[{},{},{},{"TapeSizeInBytes":1e99}]}`, "$.TapeRecoveryPointInfos[3].TapeSizeInBytes", "value 1e99 does not fit int64"},
		{"wrong type for string", `{"NextMarker":5}`, "$.NextMarker", "expected string, found number"},
		{"wrong type for array", `{"TapeRecoveryPointInfos":{}}`, "$.TapeRecoveryPointInfos", "expected array, found object"},
		{"syntax error inside skipped value", `{"Other":[1,2,}`, "$.Other", "invalid character '}' looking for beginning of value"},
		{"escaped key keeps its name", `{"TapeRecoveryPointInfos":[{"Tape\u0041RN":1}]}`, "$.TapeRecoveryPointInfos[0].TapeARN", "expected string, found number"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := decodeTapes(tt.doc)
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("got %v, want *Error", err)
			}
			if e.Path() != tt.wantPath || !strings.Contains(e.Error(), tt.wantMsg) {
				t.Errorf("got %q (path %q), want path %q and message containing %q", e.Error(), e.Path(), tt.wantPath, tt.wantMsg)
			}
		})
	}
}

func TestLoopsEndOnce(t *testing.T) {
	d := NewDecoder([]byte(`[{"a":1},{"a":}]`))
	var el Elements
	n := 0
	for d.Element(&el) {
		var it Members
		for _, ok := d.Member(&it); ok; _, ok = d.Member(&it) {
			n++
			it.Err = d.Skip()
		}
		el.Err = it.Err
		if _, ok := d.Member(&it); ok {
			t.Fatal("Member after the object's end reported another member")
		}
	}
	var e *Error
	if !errors.As(el.Err, &e) || e.Path() != "$[1].a" {
		t.Fatalf("got %v, want an *Error at $[1].a", el.Err)
	}
	if n != 2 {
		t.Errorf("visited %d members, want 2", n)
	}
	if d.Element(&el) {
		t.Error("Element after the array failed reported another element")
	}
}

func TestErrorFormat(t *testing.T) {
	d := NewDecoder([]byte(`{"a b":[0,{"Items":[{"Size":1e99}]}]}`))
	var n int64
	var walk func(d *Decoder) error
	walk = func(d *Decoder) error {
		c, _ := d.peek()
		switch c {
		case '{':
			return d.Object(func(d *Decoder, key []byte) error { return walk(d) })
		case '[':
			return d.Array(walk)
		}
		return d.Int64(&n)
	}
	err := walk(d)
	want := `jsonwire: $["a b"][1].Items[0].Size (offset 28): value 1e99 does not fit int64`
	if err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
}

func TestCallbackErrorsAreWrappedAndUnwrappable(t *testing.T) {
	sentinel := errors.New("boom")
	d := NewDecoder([]byte(`{"A":[1,2]}`))
	err := d.Object(func(d *Decoder, key []byte) error {
		return d.Array(func(d *Decoder) error {
			var v int32
			if err := d.Int32(&v); err != nil {
				return err
			}
			if v == 2 {
				return sentinel
			}
			return nil
		})
	})
	var e *Error
	if !errors.Is(err, sentinel) || !errors.As(err, &e) || e.Path() != "$.A[1]" {
		t.Errorf("got %v, want sentinel at $.A[1]", err)
	}
}

func TestCallbackThatConsumesNothingIsAnError(t *testing.T) {
	d := NewDecoder([]byte(`{"A":1}`))
	err := d.Object(func(d *Decoder, key []byte) error { return nil })
	if !errors.Is(err, errNoValue) {
		t.Errorf("got %v, want errNoValue", err)
	}
	d = NewDecoder([]byte(`[1]`))
	if err := d.Array(func(d *Decoder) error { return nil }); !errors.Is(err, errNoValue) {
		t.Errorf("got %v, want errNoValue", err)
	}
}

func TestNullContainersNeverCallBack(t *testing.T) {
	for _, doc := range []string{"null", " null "} {
		d := NewDecoder([]byte(doc))
		if err := d.Object(func(*Decoder, []byte) error { t.Error("called"); return nil }); err != nil {
			t.Error(err)
		}
		d.Reset([]byte(doc))
		if err := d.Array(func(*Decoder) error { t.Error("called"); return nil }); err != nil {
			t.Error(err)
		}
		if err := d.End(); err != nil {
			t.Error(err)
		}
	}
}

func TestDuplicateKeysCallTheCallbackTwice(t *testing.T) {
	d := NewDecoder([]byte(`{"a":1,"a":2}`))
	var got []int64
	err := d.Object(func(d *Decoder, key []byte) error {
		var v int64
		err := d.Int64(&v)
		got = append(got, v)
		return err
	})
	if err != nil || !cmp.Equal(got, []int64{1, 2}) {
		t.Errorf("got %v, %v; want [1 2]", got, err)
	}
}

func TestKeyStaysValidWhileDecodingNestedValues(t *testing.T) {
	d := NewDecoder([]byte(`{"k\u00e9y1":{"n\u00e9sted":"v\u00e9"},"key2":{"x\n":"y\t"}}`))
	got := map[string]map[string]string{}
	err := d.Object(func(d *Decoder, key []byte) error {
		inner := map[string]string{}
		err := d.Object(func(d *Decoder, k []byte) error {
			var s string
			err := d.String(&s)
			inner[string(k)] = s
			return err
		})
		got[string(key)] = inner // key read after nested keys and values
		return err
	})
	want := map[string]map[string]string{"kéy1": {"nésted": "vé"}, "key2": {"x\n": "y\t"}}
	if err != nil || !cmp.Equal(got, want) {
		t.Errorf("got %v, %v; want %v", got, err, want)
	}
}

func TestNullConsumesOnlyNull(t *testing.T) {
	d := NewDecoder([]byte(` null 1`))
	if !d.Null() {
		t.Fatal("Null() = false on null")
	}
	if d.Null() {
		t.Fatal("Null() = true on a number")
	}
	var v int64
	if err := d.Int64(&v); err != nil || v != 1 {
		t.Errorf("after Null got %d, %v", v, err)
	}
	if d.Null() {
		t.Error("Null() = true at end of input")
	}
	d.Reset([]byte(`nul`))
	if d.Null() || d.Offset() != 0 {
		t.Errorf("Null() on a truncated literal consumed input (offset %d)", d.Offset())
	}
	if err := d.Skip(); err == nil {
		t.Error("truncated null accepted")
	}
}

func TestRawReturnsValidatedValueBytes(t *testing.T) {
	d := NewDecoder([]byte(`{"doc": {"a":[1,"x",null]} , "b":[1,}`))
	var raws []string
	err := d.Object(func(d *Decoder, key []byte) error {
		b, err := d.Raw()
		raws = append(raws, string(b))
		return err
	})
	if want := []string{`{"a":[1,"x",null]}`, ""}; !cmp.Equal(raws, want) || err == nil {
		t.Errorf("got %q, %v; want %q and an error", raws, err, want)
	}
}

func TestEndRejectsTrailingData(t *testing.T) {
	for doc, wantErr := range map[string]bool{"1 ": false, "1 2": true, "{} x": true, "[]\n\t\r ": false} {
		d := NewDecoder([]byte(doc))
		if err := d.Skip(); err != nil {
			t.Fatal(err)
		}
		if err := d.End(); (err != nil) != wantErr {
			t.Errorf("End on %q = %v, want error %v", doc, err, wantErr)
		}
	}
}

func TestMalformedInputIsAnError(t *testing.T) {
	docs := []string{
		``, ` `, `{`, `[`, `{"a":`, `{"a"`, `{"a" 1}`, `{"a":1,}`, `[1,]`, `[1,`, `[1 2]`, `{,}`, `[,]`,
		`{"a":1 "b":2}`, `{a:1}`, `{'a':1}`, `{"a":1]`, `[1}`, `01`, `-`, `-a`, `1.`, `1.e3`, `.5`, `1e`, `1e+`,
		`+1`, `0x10`, `tru`, `nul`, `fals`, `truE`, `"abc`, `"\`, `"\u12"`, `"\x"`, `"a` + "\x01" + `"`,
		`"tab` + "\t" + `"`, `NaN`, `Infinity`, `]`, `}`, `:`, `1 1`, `{"a":1}}`, "\x00",
	}
	for _, doc := range docs {
		d := NewDecoder([]byte(doc))
		err := d.Skip()
		if err == nil {
			err = d.End()
		}
		var e *Error
		if !errors.As(err, &e) {
			t.Errorf("Skip+End on %q = %v, want *Error", doc, err)
		} else if e.Offset < 0 || e.Offset > int64(len(doc)) {
			t.Errorf("offset %d out of range for %q", e.Offset, doc)
		}
	}
}

func TestDepthLimit(t *testing.T) {
	deep := strings.Repeat("[", 1_000_000)
	t.Run("skip of a million open brackets fails without overflow", func(t *testing.T) {
		if err := NewDecoder([]byte(deep)).Skip(); err == nil || !strings.Contains(err.Error(), "max depth") {
			t.Errorf("got %v, want depth error", err)
		}
	})
	t.Run("recursive Array walk of a million open brackets fails", func(t *testing.T) {
		var walk func(d *Decoder) error
		walk = func(d *Decoder) error { return d.Array(walk) }
		if err := walk(NewDecoder([]byte(deep))); err == nil || !strings.Contains(err.Error(), "max depth") {
			t.Errorf("got %v, want depth error", err)
		}
	})
	t.Run("nesting at the limit is accepted", func(t *testing.T) {
		doc := strings.Repeat(`{"a":[`, 5) + strings.Repeat("]}", 5)
		d := NewDecoder([]byte(doc))
		d.SetMaxDepth(10)
		if err := d.Skip(); err != nil {
			t.Error(err)
		}
		d.Reset([]byte(doc))
		d.SetMaxDepth(9)
		if err := d.Skip(); err == nil {
			t.Error("depth 10 accepted with limit 9")
		}
	})
	t.Run("skip inside callbacks counts outer depth", func(t *testing.T) {
		d := NewDecoder([]byte(`[[[1]]]`))
		d.SetMaxDepth(2)
		err := d.Array(func(d *Decoder) error { return d.Skip() })
		if err == nil {
			t.Error("depth 3 accepted with limit 2")
		}
	})
}

func TestSnapshotIsShortExcerptAroundOffset(t *testing.T) {
	body := []byte(strings.Repeat("a", 100) + "X" + strings.Repeat("b", 100))
	got := Snapshot(body, 100)
	if want := strings.Repeat("a", 32) + "X" + strings.Repeat("b", 31); got != want {
		t.Errorf("Snapshot = %q, want %q", got, want)
	}
	if got := Snapshot([]byte("short"), 99); got != "short" {
		t.Errorf("Snapshot past end = %q", got)
	}
	if got := Snapshot([]byte("\xff"), -1); got != "\ufffd" {
		t.Errorf("Snapshot of invalid UTF-8 = %q", got)
	}
}

func TestDecoderAllocations(t *testing.T) {
	doc := []byte(`{"Key":"value","Esc\u0061ped":"x","Num":12,"Skip":[1,{"a":"b"}]}`)
	d := NewDecoder(doc)
	var s string
	var n int64
	run := func() {
		d.Reset(doc)
		_ = d.Object(func(d *Decoder, key []byte) error {
			switch string(key) {
			case "Key":
				return d.String(&s)
			case "Num":
				return d.Int64(&n)
			}
			return d.Skip()
		})
	}
	run()
	if allocs := testing.AllocsPerRun(100, run); allocs != 1 {
		t.Errorf("decode allocated %v times, want 1 (the string)", allocs)
	}
}

func TestTruncatedInputWrapsUnexpectedEOF(t *testing.T) {
	for _, in := range []string{`{"a":`, `[1,`, `"abc`, `{"a":12`, `tr`} {
		d := NewDecoder([]byte(in))
		err := d.Skip()
		if !errors.Is(err, io.ErrUnexpectedEOF) {
			t.Errorf("%q: error %v does not wrap io.ErrUnexpectedEOF", in, err)
		}
	}
}

// walk decodes the value at d: objects and arrays all the way down, every
// other value skipped. member sees each member's key before its value is
// read, element each element before it is read.
func walk(d *Decoder, member func(key []byte), element func(el *Elements)) error {
	switch c, err := d.peek(); {
	case err != nil:
		return err
	case c == '{':
		var it Members
		for {
			key, ok := d.Member(&it)
			if !ok {
				return it.Err
			}
			member(key)
			it.Err = walk(d, member, element)
		}
	case c == '[':
		var el Elements
		for d.Element(&el) {
			element(&el)
			el.Err = walk(d, member, element)
		}
		return el.Err
	}
	return d.Skip()
}

// reserveAt walks the document and returns what Reserve said at every
// second element of every array, in document order.
func reserveAt(t *testing.T, d *Decoder) []int {
	t.Helper()
	var got []int
	err := walk(d, func([]byte) {}, func(el *Elements) {
		if el.index == 1 {
			got = append(got, d.Reserve(el))
		} else if n := d.Reserve(el); n != 0 {
			t.Errorf("Reserve at element %d = %d, want 0 but at the second", el.index, n)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func TestReserve(t *testing.T) {
	const elem = `{"n":"abcdefgh"}` // 16 bytes; 17 with its comma
	list := func(n int) string { return strings.TrimSuffix(strings.Repeat(elem+",", n), ",") }
	// 100 elements, then a member after the array: the first element and its
	// comma take 17 bytes, and what follows the second's start is counted.
	doc := `{"items":[` + list(100) + `],"tail":"x"}`
	second := int64(len(`{"items":[`) + 17)
	want := int((int64(len(doc)) - second) / 17)
	if want < 99 || want > 101 {
		t.Fatalf("test arithmetic: want %d", want)
	}
	if got := reserveAt(t, NewDecoder([]byte(doc))); !slices.Equal(got, []int{want}) {
		t.Errorf("in memory: Reserve said %v, want [%d]", got, want)
	}
	stream := func(doc string, length int64) *Decoder {
		d := NewReaderDecoder(iotest.OneByteReader(strings.NewReader(doc)), make([]byte, 64))
		d.SetLength(length)
		return d
	}
	if got := reserveAt(t, stream(doc, int64(len(doc)))); !slices.Equal(got, []int{want}) {
		t.Errorf("streaming, length known: Reserve said %v, want [%d]", got, want)
	}
	if got := reserveAt(t, stream(doc, 0)); !slices.Equal(got, []int{0}) {
		t.Errorf("streaming, length unknown: Reserve said %v, want [0]", got)
	}
	// A list nested in each item reserves nothing: it would count the whole
	// rest of the document.
	nested := `{"items":[{"sub":[` + list(3) + `]},{"sub":[` + list(3) + `]}]}`
	if got := reserveAt(t, NewDecoder([]byte(nested))); !slices.Equal(got, []int{0, 1, 0}) {
		t.Errorf("nested lists: Reserve said %v, want [0 1 0] (the first inner list, the outer list at its second item, the second inner list)", got)
	}
	// A small first element before a large rest reserves at most maxReserve.
	huge := `{"items":[{},` + list(10000) + `]}`
	if got := reserveAt(t, NewDecoder([]byte(huge))); !slices.Equal(got, []int{maxReserve}) {
		t.Errorf("small first element: Reserve said %v, want [%d]", got, maxReserve)
	}
}
