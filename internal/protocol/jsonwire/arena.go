package jsonwire

import (
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
	// chunk holds string bytes: chunk[:used] is handed out (the strings
	// view it) and never written again. Only a new chunk stores a pointer
	// into the arena (a strings.Builder, which saved clearing the chunk,
	// stored its buffer back for each string: a write barrier per string
	// while the garbage collector marks, which cost more than the clearing).
	chunk []byte
	used  int
	strs  slab[string]
	i64s  slab[int64]
	i32s  slab[int32]
	bools slab[bool]
	f64s  slab[float64]
	times slab[time.Time]
}

// A slab hands out the elements of buf, a chunk of its full length, one
// at a time; n counts those handed out. Only a new chunk stores a pointer
// into the slab: were the slice stored back for each element, each would
// cost a write barrier while the garbage collector marks, which on one
// core is much of a large decode.
type slab[T any] struct {
	buf []T
	n   int
}

// slab limits: chunks start small so small responses waste little, and
// double up to a cap so one retained pointer keeps at most a few KiB alive.
const (
	minSlab = 8
	maxSlab = 512
)

// take returns a pointer to v stored in the slab.
func take[T any](s *slab[T], v T) *T {
	p := s.next()
	*p = v
	return p
}

// next returns the slab's next element, zero.
func (s *slab[T]) next() *T {
	if s.n == len(s.buf) {
		s.buf = make([]T, min(max(2*len(s.buf), minSlab), maxSlab))
		s.n = 0
	}
	p := &s.buf[s.n]
	s.n++
	return p
}

// putPtr stores v in the slab and points *p at it, or sets nil for null,
// unless err is set.
func putPtr[T any](slab *slab[T], p **T, v T, isNull bool, err error) error {
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
// its chunk alive (never the whole input). The last chunk of a response is
// on average half unused, so the largest is kept small: with 64 KiB chunks
// a Storage Gateway response of 70 KB of strings allocated 127 KB for them,
// and its call ran 28 % more garbage collections than with 16 KiB.
const (
	minStrChunk = 1 << 10
	maxStrChunk = 16 << 10
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
	if len(a.chunk)-a.used < len(b) {
		size := min(max(2*len(a.chunk), minStrChunk), maxStrChunk)
		if a.bodyLen > 0 && int64(size) > a.bodyLen {
			size = int(a.bodyLen)
		}
		a.chunk = make([]byte, max(size, len(b)))
		a.used = 0
	}
	dst := a.chunk[a.used : a.used+len(b)]
	a.used += len(b)
	copy(dst, b)
	return unsafe.String(&dst[0], len(dst))
}

// SetLength tells d the length of the document it reads, when it is known
// before reading it all (a body's Content-Length): string chunks are then
// made no larger than the document, so a small response takes a small
// chunk.
func (d *Decoder) SetLength(n int64) { d.arena.bodyLen = n }

// KeyString returns an object key as a string, for map keys. A key equal
// to one handed out before, and still remembered in the slot its length
// and first, middle and last bytes pick, is that string again; another is
// copied into the decoder's string chunks. So the maps of a list of items
// (DynamoDB's, a resource's tags) share one string per attribute name,
// where each would hold its own copy, and neither way allocates per key.
func (d *Decoder) KeyString(key []byte) string {
	if len(key) == 0 {
		return ""
	}
	t := d.mapKeys
	if t == nil {
		t = new([mapKeySlots]string)
		d.mapKeys = t
	}
	d.mapKeysUsed = true
	n := len(key)
	h := uint64(n)<<24 | uint64(key[0])<<16 | uint64(key[n/2])<<8 | uint64(key[n-1])
	slot := &t[h*0x9e3779b97f4a7c15>>(64-mapKeyBits)]
	if *slot == string(key) {
		return *slot
	}
	s := d.arena.internString(key)
	*slot = s
	return s
}

// KeyString remembers mapKeySlots keys: enough for the attribute names of
// typical items, few enough that clearing them at Reset costs little.
const (
	mapKeyBits  = 6
	mapKeySlots = 1 << mapKeyBits
)

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
	s, _ := (*slot).(*slab[T])
	if s == nil {
		s = new(slab[T])
		*slot = s
	}
	return s.next()
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
