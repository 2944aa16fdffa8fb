package jsonwire

import (
	"strings"
	"sync/atomic"
	"time"
	"unsafe"
)

// A decode of a typical AWS response would make one small allocation per
// pointer member (*string, *int64, *time.Time) and one per string. The
// arena turns those into a few chunk allocations: pointer targets are
// handed out from slabs, and string bytes are copied into shared chunks.

// arena holds the slabs pointer targets are taken from. A slab is never
// reused: its elements stay owned by the values decoded into them.
type arena struct {
	// bodyLen, when positive, is the length of the whole document: its
	// strings cannot take more, so no string chunk is made larger.
	bodyLen int64
	// chunk holds string bytes. A strings.Builder, grown once to the
	// chunk's size and never past it, so its buffer never moves: the
	// strings handed out view it, and it is not zeroed first (Grow does
	// not clear what Write will fill).
	chunk strings.Builder
	strs  []string
	i64s  []int64
	i32s  []int32
	bools []bool
	f64s  []float64
	times []time.Time
}

// slab limits: chunks start small so small responses waste little, and
// double up to a cap so one retained pointer keeps at most a few KiB alive.
const (
	minSlab = 8
	maxSlab = 512
)

// take returns a pointer to v stored in the slab.
func take[T any](slab *[]T, v T) *T {
	s := *slab
	if len(s) == cap(s) {
		s = make([]T, 0, min(max(2*cap(s), minSlab), maxSlab))
	}
	s = append(s, v)
	*slab = s
	return &s[len(s)-1]
}

// putPtr stores v in the slab and points *p at it, or sets nil for null,
// unless err is set.
func putPtr[T any](slab *[]T, p **T, v T, isNull bool, err error) error {
	if err != nil {
		return err
	}
	if isNull {
		*p = nil
	} else {
		*p = take(slab, v)
	}
	return nil
}

// String chunk sizes: strings are copied into chunks so a response of many
// small strings costs a few allocations, and a retained string keeps at most
// its chunk alive (never the whole input).
const (
	minStrChunk = 1 << 10
	maxStrChunk = 64 << 10
)

// internString copies b into the current string chunk and returns a string
// viewing the copy. The chunk's written bytes never change again: later
// strings are appended past them, so the views stay immutable.
func (a *arena) internString(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	if len(b) > maxStrChunk/4 {
		return string(b) // large strings get their own allocation
	}
	if a.chunk.Cap()-a.chunk.Len() < len(b) {
		size := min(max(2*a.chunk.Cap(), minStrChunk), maxStrChunk)
		if a.bodyLen > 0 && int64(size) > a.bodyLen {
			size = max(int(a.bodyLen), len(b))
		}
		a.chunk = strings.Builder{}
		a.chunk.Grow(size)
	}
	start := a.chunk.Len()
	a.chunk.Write(b)
	return a.chunk.String()[start:]
}

// SetLength tells d the length of the document it reads, when it is known
// before reading it all (a body's Content-Length): string chunks are then
// made no larger than the document, so a small response takes a small
// chunk.
func (d *Decoder) SetLength(n int64) { d.arena.bodyLen = n }

// KeyString returns an object key as a string from the decoder's string
// chunks, for map keys: no allocation per key.
func (d *Decoder) KeyString(key []byte) string { return d.arena.internString(key) }

// An idTable holds a decoder's values by the ids NewSlabID hands out. The
// ids number the union members and list types of every client linked into
// a program, so a program of many clients has many of them; the table
// makes pages of 64 slots only where the ids a decoder meets fall, so
// serving one client costs a few pages, not a slot for every id in the
// program.
type idTable struct{ pages []*[64]any }

// slot returns the slot of id, making its page as needed.
func (t *idTable) slot(id int) *any {
	p := id >> 6
	if p >= len(t.pages) {
		t.pages = append(t.pages, make([]*[64]any, p+1-len(t.pages))...)
	}
	pg := t.pages[p]
	if pg == nil {
		pg = new([64]any)
		t.pages[p] = pg
	}
	return &pg[id&63]
}

// empty clears every slot, keeping the pages.
func (t *idTable) empty() {
	for _, pg := range t.pages {
		if pg != nil {
			*pg = [64]any{}
		}
	}
}

// slabIDs numbers the generated types that Alloc hands out.
var slabIDs atomic.Int32

// NewSlabID reserves a slab for one Go type; generated code calls it once
// per type (for example per union member struct) in a package variable.
func NewSlabID() int { return int(slabIDs.Add(1)) - 1 }

// Alloc returns a new zero T from the decoder's slab id, so decoding many
// small values of a generated type (union members) costs a chunk
// allocation now and then instead of one allocation each. id must come from
// NewSlabID and be used for T only.
func Alloc[T any](d *Decoder, id int) *T {
	slot := d.slabs.slot(id)
	s, _ := (*slot).(*[]T)
	if s == nil {
		s = new([]T)
		*slot = s
	}
	var zero T
	return take(s, zero)
}

// A list is decoded into the decoder's scratch slice for its shape and
// depth, then copied out at its exact length: one allocation of the right
// size instead of a slice grown by doubling (three allocations for three
// elements, and up to twice the memory for a long list). Scratch slices
// stay with the decoder, which is pooled, so a warm decoder allocates only
// the copies. A list nested in an element of the same shape is one level
// deeper, so it has a scratch slice of its own.

// lists are one list shape's scratch slices, by depth. Each is a pointer
// of its own: a deeper level added later must not move a level in use.
type lists[T any] struct{ levels []*[]T }

// maxKeptList is the largest scratch slice, in bytes, that Own keeps for
// the next list.
const maxKeptList = 256 << 10

// List returns the scratch slice, empty, for decoding a list of shape id
// (from NewSlabID, used for one element type T only) at the decoder's
// current depth. The list's elements are appended to it, then Own copies
// them out. Neither is inlined: a client has a list decoder per list type,
// and each would compile its own copy.
//
//go:noinline
func List[T any](d *Decoder, id int) *[]T {
	slot := d.lists.slot(id)
	l, _ := (*slot).(*lists[T])
	if l == nil {
		l = new(lists[T])
		*slot = l
	}
	for len(l.levels) <= d.depth {
		l.levels = append(l.levels, new([]T))
	}
	return l.levels[d.depth]
}

// Own returns the elements appended to s (from List) in a new slice of
// exactly their number, non-nil even when empty, and empties s, dropping
// its references so the decoder keeps nothing decoded alive.
//
//go:noinline
func Own[T any](s *[]T) []T {
	out := make([]T, len(*s))
	copy(out, *s)
	clear(*s)
	*s = (*s)[:0]
	var zero T
	if uintptr(cap(*s))*unsafe.Sizeof(zero) > maxKeptList {
		*s = nil
	}
	return out
}
