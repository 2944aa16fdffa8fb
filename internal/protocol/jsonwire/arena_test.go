package jsonwire

import (
	"fmt"
	"reflect"
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

// TestListScratch decodes nested lists of one shape through List and Own:
// each level has its own scratch slice, the results have their exact
// length, and the scratch slices are left empty, holding nothing decoded.
func TestListScratch(t *testing.T) {
	id := NewSlabID()
	type node struct {
		name     string
		children []node
	}
	var decodeList func(d *Decoder, v *[]node) error
	decodeList = func(d *Decoder, v *[]node) error {
		s := List[node](d, id)
		err := d.Array(func(d *Decoder) error {
			*s = append(*s, node{})
			n := &(*s)[len(*s)-1]
			return d.Object(func(d *Decoder, key []byte) error {
				switch string(key) {
				case "name":
					return d.String(&n.name)
				case "children":
					return decodeList(d, &n.children)
				}
				return d.Skip()
			})
		})
		*v = Own(s)
		return err
	}
	d := NewDecoder(nil)
	for round := range 3 { // a warm decoder reuses its scratch slices
		d.Reset([]byte(`[{"name":"a","children":[{"name":"a1"},{"name":"a2","children":[]}]},{"name":"b","children":[{"name":"b1"}]},{"name":"c"}]`))
		var got []node
		if err := decodeList(d, &got); err != nil {
			t.Fatal(err)
		}
		want := []node{
			{name: "a", children: []node{{name: "a1"}, {name: "a2", children: []node{}}}},
			{name: "b", children: []node{{name: "b1"}}},
			{name: "c"},
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("round %d: got %+v, want %+v", round, got, want)
		}
		if cap(got) != 3 || cap(got[0].children) != 2 || got[0].children[1].children == nil {
			t.Errorf("round %d: capacities %d, %d; empty list nil: %v", round, cap(got), cap(got[0].children), got[0].children[1].children == nil)
		}
		for depth, s := range (*d.lists.slot(id)).(*lists[node]).levels {
			if len(*s) != 0 {
				t.Errorf("round %d: scratch at depth %d holds %d elements", round, depth, len(*s))
			}
			for _, n := range (*s)[:cap(*s)] {
				if n.name != "" || n.children != nil {
					t.Errorf("round %d: scratch at depth %d still refers to %+v", round, depth, n)
				}
			}
		}
	}
}

// TestOwnDropsAHugeScratch: a scratch slice larger than maxKeptList is not
// kept for the next list.
func TestOwnDropsAHugeScratch(t *testing.T) {
	s := make([]int64, maxKeptList/8+1)
	if out := Own(&s); len(out) != maxKeptList/8+1 || s != nil {
		t.Errorf("got %d elements; scratch kept with capacity %d", len(out), cap(s))
	}
	s = make([]int64, 3, maxKeptList/8)
	if Own(&s); s == nil || len(s) != 0 {
		t.Errorf("a scratch slice within the limit was not kept empty: %v", s)
	}
}

// TestIDTableIsSparse: a decoder meeting only high ids (a program linking
// many clients numbers them all) makes pages for those, not slots for every
// id below them; Reset empties the slabs' slots and keeps the pages.
func TestIDTableIsSparse(t *testing.T) {
	d := NewDecoder(nil)
	const id = 1<<20 + 5
	v := Alloc[struct{ Value string }](d, id)
	v.Value = "kept"
	pages := 0
	for _, pg := range d.slabs.pages {
		if pg != nil {
			pages++
		}
	}
	if pages != 1 || len(d.slabs.pages) != id>>6+1 {
		t.Fatalf("%d pages made, index of %d", pages, len(d.slabs.pages))
	}
	d.Reset(nil)
	if *d.slabs.slot(id) != nil {
		t.Error("Reset kept a slab: the next document would hand out memory the last one's values own")
	}
	if w := Alloc[struct{ Value string }](d, id); w == v || v.Value != "kept" {
		t.Error("a value decoded before Reset was handed out again")
	}
}

func TestStringsLargerThanTheNextChunkKeepTheirBytes(t *testing.T) {
	var a arena
	var want, got []string
	// Sizes around the first chunk's (minStrChunk) and past it, up to the
	// largest string a chunk takes (maxStrChunk/4), each filling the
	// current chunk so the next needs a new one.
	for i, n := range []int{10, minStrChunk - 5, minStrChunk + 1, 3 * minStrChunk, maxStrChunk / 4, 7, maxStrChunk/4 - 1} {
		s := strings.Repeat(string(rune('a'+i)), n)
		want = append(want, s)
		got = append(got, a.internString([]byte(s)))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("string %d (%d bytes) changed: got %d bytes starting %q", i, len(want[i]), len(got[i]), got[i][:min(len(got[i]), 8)])
		}
	}
}

// TestKeyStringSharesRepeatedKeys decodes lists of maps: every key comes
// back right, whatever shares a slot with it; a key seen before in the
// document is the same string (one copy for all the items), for every
// attribute name of the DynamoDB benchmark's items; and Reset leaves the
// decoder holding no key of the document it ends.
func TestKeyStringSharesRepeatedKeys(t *testing.T) {
	// 200 distinct keys, far more than the slots, some only in their
	// middle byte apart (name/note), empty and one-byte ones too.
	var many []string
	for i := range 200 {
		many = append(many, fmt.Sprintf("k%dx", i))
	}
	many = append(many, "name", "note", "nome", "", "a", "b", strings.Repeat("long", 40))
	ddb := []string{"id", "amount", "shipped", "tags", "customer", "note", "name", "visits", "address", "city", "zip"}
	for _, tc := range []struct {
		names   []string
		wantAll bool // every key of the third item is the first's string
	}{{many, false}, {ddb, true}} {
		names := tc.names
		var doc strings.Builder
		doc.WriteString("[")
		for item := range 3 {
			if item > 0 {
				doc.WriteString(",")
			}
			doc.WriteString("{")
			for i, k := range names {
				if i > 0 {
					doc.WriteString(",")
				}
				fmt.Fprintf(&doc, "%q:%d", k, i)
			}
			doc.WriteString("}")
		}
		doc.WriteString("]")
		for _, streaming := range []bool{false, true} {
			where := fmt.Sprintf("%d keys, streaming %v", len(names), streaming)
			var d *Decoder
			if streaming {
				d = NewReaderDecoder(strings.NewReader(doc.String()), make([]byte, 64))
			} else {
				d = NewDecoder([]byte(doc.String()))
			}
			var items []map[string]int
			err := d.Array(func(d *Decoder) error {
				m := map[string]int{}
				var it Members
				for {
					key, ok := d.Member(&it)
					if !ok {
						break
					}
					k := d.KeyString(key)
					var v int64
					it.Err = d.Int64(&v)
					if names[v] != k {
						return fmt.Errorf("key %q came back as %q", names[v], k)
					}
					m[k] = int(v)
				}
				items = append(items, m)
				return it.Err
			})
			if err != nil {
				t.Fatalf("%s: %v", where, err)
			}
			if len(items) != 3 || len(items[2]) != len(names) {
				t.Fatalf("%s: %d items, the last of %d keys; want 3 of %d", where, len(items), len(items[len(items)-1]), len(names))
			}
			first := map[string]*byte{}
			for k := range items[0] {
				first[k] = unsafe.StringData(k)
			}
			shared := 0
			for k := range items[2] {
				if k != "" && unsafe.StringData(k) == first[k] {
					shared++
				}
			}
			if shared == 0 || tc.wantAll && shared != len(names) {
				t.Errorf("%s: %d keys of the third item share the first's strings", where, shared)
			}
			d.Reset(nil)
			if d.mapKeys == nil {
				t.Fatalf("%s: no key table after decoding maps", where)
			}
			for i, s := range d.mapKeys {
				if s != "" {
					t.Fatalf("%s: after Reset slot %d still holds %q", where, i, s)
				}
			}
		}
	}
}
