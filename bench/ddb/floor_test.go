//go:build gosmith_gen

package ddb

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"unsafe"

	"github.com/google/go-cmp/cmp"
	"github.com/gosmith/gosmith/bench/canned"
	gstypes "github.com/gosmith/gosmith/bench/gen/dynamodb/types"
)

// The floors bound from below what any client that returns aws-sdk-go-v2's
// types can do with the 1,000-item Query, so BenchmarkDynamoDBQuery's ratio
// can be read against them.
//
//   - types: builds the same Items again from values already decoded, with
//     nothing read: every map v2's type needs (made with its exact size, which
//     a decoder cannot know before it has read the map), every attribute value
//     from slabs of 64 (v2's types need one pointer each; a slab is as cheap as
//     a pointer can come), every string copied into 16 KiB buffers as
//     gosmith's decoder does. It is the work the result's types impose
//     (gosmith's types are v2's, field for field).
//   - scan: the whole gosmith call on the same body with the Items array
//     renamed, so the deserializer skips it: the call, the read and the JSON
//     scan of the same bytes, with nothing built.
//
// types alone bounds every client that returns these types, whatever its
// reader; types + scan is about what a client reading with gosmith's scanner
// cannot go below: the result built and the bytes read, with none of the
// work of matching one to the other. bench/run.sh prints v2's time over
// each, round by round.

// floorBuild copies items with the allocation pattern the types impose.
type floorBuild struct {
	buf []byte
	s   []gstypes.AttributeValueMemberS
	n   []gstypes.AttributeValueMemberN
	bo  []gstypes.AttributeValueMemberBOOL
	l   []gstypes.AttributeValueMemberL
	m   []gstypes.AttributeValueMemberM
}

func (f *floorBuild) str(s string) string {
	if len(f.buf)+len(s) > cap(f.buf) {
		f.buf = make([]byte, 0, max(16<<10, len(s)))
	}
	start := len(f.buf)
	f.buf = append(f.buf, s...)
	b := f.buf[start:len(f.buf):len(f.buf)]
	return unsafeString(b)
}

func slabOf[T any](s *[]T) *T {
	if len(*s) == cap(*s) {
		*s = make([]T, 0, 64)
	}
	*s = (*s)[:len(*s)+1]
	return &(*s)[len(*s)-1]
}

// tapeOp is one step of a flattened Items value, so that building from
// it reads a slice in order: none of the map iteration or type switching
// that reading the decoded values would add to the floor.
type tapeOp struct {
	kind byte   // 'S', 'N', 'B' (BOOL), 'L', 'M' (n entries follow), 'I' (an item: n entries follow)
	key  string // the map key, when the op is an entry of an item or an M
	str  string
	b    bool
	n    int
}

func flatten(tape []tapeOp, key string, v gstypes.AttributeValue) []tapeOp {
	switch v := v.(type) {
	case *gstypes.AttributeValueMemberS:
		return append(tape, tapeOp{kind: 'S', key: key, str: v.Value})
	case *gstypes.AttributeValueMemberN:
		return append(tape, tapeOp{kind: 'N', key: key, str: v.Value})
	case *gstypes.AttributeValueMemberBOOL:
		return append(tape, tapeOp{kind: 'B', key: key, b: v.Value})
	case *gstypes.AttributeValueMemberL:
		tape = append(tape, tapeOp{kind: 'L', key: key, n: len(v.Value)})
		for _, e := range v.Value {
			tape = flatten(tape, "", e)
		}
		return tape
	case *gstypes.AttributeValueMemberM:
		return flattenMap(append(tape, tapeOp{kind: 'M', key: key, n: len(v.Value)}), v.Value)
	}
	panic("floor: attribute value not in the benchmark body")
}

func flattenMap(tape []tapeOp, m map[string]gstypes.AttributeValue) []tapeOp {
	for k, v := range m {
		tape = flatten(tape, k, v)
	}
	return tape
}

func flattenItems(items []map[string]gstypes.AttributeValue) []tapeOp {
	var tape []tapeOp
	for _, m := range items {
		tape = flattenMap(append(tape, tapeOp{kind: 'I', n: len(m)}), m)
	}
	return tape
}

// value builds the value at tape[0] and returns it with the rest of the tape.
func (f *floorBuild) value(tape []tapeOp) (gstypes.AttributeValue, []tapeOp) {
	op := &tape[0]
	tape = tape[1:]
	switch op.kind {
	case 'S':
		o := slabOf(&f.s)
		o.Value = f.str(op.str)
		return o, tape
	case 'N':
		o := slabOf(&f.n)
		o.Value = f.str(op.str)
		return o, tape
	case 'B':
		o := slabOf(&f.bo)
		o.Value = op.b
		return o, tape
	case 'L':
		o := slabOf(&f.l)
		o.Value = make([]gstypes.AttributeValue, op.n)
		for i := range o.Value {
			o.Value[i], tape = f.value(tape)
		}
		return o, tape
	default: // 'M'
		o := slabOf(&f.m)
		o.Value, tape = f.entries(tape, op.n)
		return o, tape
	}
}

// entries makes a map of the next n entries.
func (f *floorBuild) entries(tape []tapeOp, n int) (map[string]gstypes.AttributeValue, []tapeOp) {
	out := make(map[string]gstypes.AttributeValue, n)
	for range n {
		k := tape[0].key
		out[k], tape = f.value(tape)
	}
	return out, tape
}

func (f *floorBuild) items(tape []tapeOp, n int) []map[string]gstypes.AttributeValue {
	*f = floorBuild{}
	out := make([]map[string]gstypes.AttributeValue, 0, n)
	for len(tape) > 0 {
		n := tape[0].n
		var m map[string]gstypes.AttributeValue
		m, tape = f.entries(tape[1:], n)
		out = append(out, m)
	}
	return out
}

// skippedBody is queryBody(n) with its items under a member the output does
// not have, so the deserializer skips them.
func skippedBody(n int) []byte {
	b := queryBody(n)
	i := strings.Index(string(b), `"Items":`)
	copy(b[i:], `"Xtems":`)
	return b
}

var floorSink []map[string]gstypes.AttributeValue

func BenchmarkDynamoDBQueryFloor(b *testing.B) {
	const n = 1000
	body := queryBody(n)
	out, err := newGosmith(newCannedClient(body)).Query(context.Background(), gsInput())
	if err != nil {
		b.Fatal(err)
	}
	b.Run("floor=types/items=1000", func(b *testing.B) {
		var f floorBuild
		tape := flattenItems(out.Items)
		b.SetBytes(int64(len(body)))
		b.ReportAllocs()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			floorSink = f.items(tape, len(out.Items))
		}
	})
	b.Run("floor=scan/items=1000", func(b *testing.B) {
		c, in := newGosmith(newCannedClient(skippedBody(n))), gsInput()
		canned.Measure(b, int64(len(body)), 0, func(ctx context.Context) (int, error) {
			out, err := c.Query(ctx, in)
			if err != nil {
				return 0, err
			}
			return len(out.Items), nil
		})
	})
}

// TestFloorsDoTheWork checks the floors are what they claim: the types floor
// rebuilds equal items, and the scan floor's body is the benchmark's body but
// for the member name, and decodes to no items with the same count.
func TestFloorsDoTheWork(t *testing.T) {
	for _, n := range []int{1, 1000} {
		t.Run("items="+strconv.Itoa(n), func(t *testing.T) {
			body := queryBody(n)
			out, err := newGosmith(newCannedClient(body)).Query(context.Background(), gsInput())
			if err != nil {
				t.Fatal(err)
			}
			var f floorBuild
			got := f.items(flattenItems(out.Items), n)
			var want, have []map[string]any
			for i := range out.Items {
				want = append(want, neutralGSMap(out.Items[i]))
				have = append(have, neutralGSMap(got[i]))
			}
			if diff := cmp.Diff(want, have); diff != "" {
				t.Errorf("types floor rebuilt different items (-decoded +rebuilt):\n%s", diff)
			}
			skipped := skippedBody(n)
			if len(skipped) != len(body) || strings.Replace(string(skipped), `"Xtems":`, `"Items":`, 1) != string(body) {
				t.Fatal("scan floor's body differs from the benchmark's by more than the member name")
			}
			sOut, err := newGosmith(newCannedClient(skipped)).Query(context.Background(), gsInput())
			if err != nil {
				t.Fatal(err)
			}
			if sOut.Items != nil || sOut.Count != int32(n) || sOut.ScannedCount != int32(n) {
				t.Errorf("scan floor decoded %d items, Count %d, ScannedCount %d; want none, %d, %d",
					len(sOut.Items), sOut.Count, sOut.ScannedCount, n, n)
			}
		})
	}
}

func unsafeString(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }
