package jsonwire

import (
	"fmt"
	"strings"
	"testing"
	"time"
	"unsafe"
)

func TestDecodedStringsNeverAliasTheInput(t *testing.T) {
	data := []byte(`["plain","esc\u00e9aped"]`)
	d := NewDecoder(data)
	var got []string
	if err := d.Array(func(d *Decoder) error {
		var s string
		err := d.String(&s)
		got = append(got, s)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if got[0] != "plain" || got[1] != "escéaped" {
		t.Fatalf("got %q", got)
	}
	base := uintptr(unsafe.Pointer(unsafe.SliceData(data)))
	for _, s := range got {
		if p := uintptr(unsafe.Pointer(unsafe.StringData(s))); p >= base && p < base+uintptr(len(data)) {
			t.Errorf("%q views the caller's buffer", s)
		}
	}
	for i := range data {
		data[i] = 'x' // the caller may reuse its buffer
	}
	if got[0] != "plain" || got[1] != "escéaped" {
		t.Errorf("decoded strings changed with the input: %q", got)
	}
}

func TestArenaPointersAreDistinctAndStable(t *testing.T) {
	var items []string
	for i := 0; i < 2000; i++ {
		items = append(items, fmt.Sprintf(`{"s":"v%d","n":%d,"t":%d}`, i, i, i))
	}
	data := []byte("[" + strings.Join(items, ",") + "]")
	type rec struct {
		s *string
		n *int64
		t *time.Time
	}
	var recs []rec
	d := NewDecoder(data)
	err := d.Array(func(d *Decoder) error {
		var r rec
		err := d.Object(func(d *Decoder, key []byte) error {
			switch string(key) {
			case "s":
				return d.StringPtr(&r.s)
			case "n":
				return d.Int64Ptr(&r.n)
			default:
				return d.EpochSecondsPtr(&r.t)
			}
		})
		recs = append(recs, r)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range recs {
		if *r.s != fmt.Sprintf("v%d", i) || *r.n != int64(i) || r.t.Unix() != int64(i) {
			t.Fatalf("record %d = %q %d %v", i, *r.s, *r.n, r.t)
		}
	}
	*recs[0].n = 99 // one pointer's target is its own
	if *recs[1].n != 1 {
		t.Error("arena pointers share a target")
	}
}

func TestDecodingAllocatesPerChunkNotPerValue(t *testing.T) {
	var items []string
	for i := 0; i < 1000; i++ {
		items = append(items, fmt.Sprintf(`{"a":"arn:aws:x:%d","b":"AVAILABLE","n":%d,"t":1481896200.5}`, i, i))
	}
	data := []byte("[" + strings.Join(items, ",") + "]")
	allocs := testing.AllocsPerRun(20, func() {
		d := NewDecoder(data)
		var a, b *string
		var n *int64
		var tm *time.Time
		d.Array(func(d *Decoder) error {
			return d.Object(func(d *Decoder, key []byte) error {
				switch string(key) {
				case "a":
					return d.StringPtr(&a)
				case "b":
					return d.StringPtr(&b)
				case "n":
					return d.Int64Ptr(&n)
				default:
					return d.EpochSecondsPtr(&tm)
				}
			})
		})
	})
	// 4,000 pointer values and 2,000 strings: chunks make that about 30
	// allocations instead of 6,000.
	if allocs > 50 {
		t.Errorf("decoding 4,000 pointer values took %.0f allocations", allocs)
	}
}

// Continue shares chunks between documents, and what an earlier document
// decoded survives the later ones and the reuse of their input; a small
// document then costs no allocation of its own (End included).
func TestContinueKeepsEarlierValuesAndSharesChunks(t *testing.T) {
	var d Decoder
	input := make([]byte, 0, 64)
	var kept []*string
	for i := range 100 {
		input = fmt.Appendf(input[:0], `{"s":"value %d"}`, i)
		d.Continue(input)
		var s *string
		if err := d.Object(func(d *Decoder, key []byte) error { return d.StringPtr(&s) }); err != nil {
			t.Fatal(err)
		}
		kept = append(kept, s)
	}
	for i, s := range kept {
		if want := fmt.Sprintf("value %d", i); s == nil || *s != want {
			t.Fatalf("document %d decoded %v, want %q", i, s, want)
		}
	}
	if a, b := unsafe.StringData(*kept[0]), unsafe.StringData(*kept[1]); uintptr(unsafe.Pointer(b))-uintptr(unsafe.Pointer(a)) != uintptr(len(*kept[0])) {
		t.Error("consecutive documents' strings are not in one chunk")
	}
	small := []byte(`{"s":"value"}`)
	allocs := testing.AllocsPerRun(100, func() {
		d.Continue(small)
		var s *string
		if d.Object(func(d *Decoder, key []byte) error { return d.StringPtr(&s) }) != nil || d.End() != nil {
			t.Fatal("small document failed")
		}
	})
	if allocs > 0.1 {
		t.Errorf("%.2f allocations per small document, want chunk allocations only now and then", allocs)
	}
}
