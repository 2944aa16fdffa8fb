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
	chunk   []byte // string bytes
	strs    []string
	i64s    []int64
	i32s    []int32
	bools   []bool
	f64s    []float64
	times   []time.Time
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
	if cap(a.chunk)-len(a.chunk) < len(b) {
		size := min(max(2*cap(a.chunk), minStrChunk), maxStrChunk)
		if a.bodyLen > 0 && int64(size) > a.bodyLen {
			size = max(int(a.bodyLen), len(b))
		}
		a.chunk = make([]byte, 0, size)
	}
	start := len(a.chunk)
	a.chunk = append(a.chunk, b...)
	return unsafe.String(&a.chunk[start], len(b))
}

// SetLength tells d the length of the document it reads, when it is known
// before reading it all (a body's Content-Length): string chunks are then
// made no larger than the document, so a small response takes a small
// chunk.
func (d *Decoder) SetLength(n int64) { d.arena.bodyLen = n }

// KeyString returns an object key as a string from the decoder's string
// chunks, for map keys: no allocation per key.
func (d *Decoder) KeyString(key []byte) string { return d.arena.internString(key) }

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
	for len(d.slabs) <= id {
		d.slabs = append(d.slabs, nil)
	}
	s, _ := d.slabs[id].(*[]T)
	if s == nil {
		s = new([]T)
		d.slabs[id] = s
	}
	var zero T
	return take(s, zero)
}
