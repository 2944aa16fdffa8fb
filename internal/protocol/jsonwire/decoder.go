package jsonwire

import (
	"errors"
	"io"
	"strconv"
)

// DefaultMaxDepth is the nesting limit (objects plus arrays) a new Decoder
// enforces. It is far deeper than any AWS shape yet keeps recursion in
// generated code and in Skip bounded.
const DefaultMaxDepth = 1000

// Decoder reads one JSON document, held in memory (NewDecoder) or read from
// a stream (NewReaderDecoder). It is a pull parser: callers walk objects and
// arrays with Member and Element (or Object and Array, which take a
// callback), read scalars with the typed readers and skip what they do not
// know with Skip.
//
// Use NewDecoder or NewReaderDecoder, or Reset on a zero Decoder. After any
// method returns an error the Decoder's position is unspecified; call Reset
// before using it again. A Decoder is not safe for concurrent use.
type Decoder struct {
	// data is the input; when streaming, the window of the stream read so
	// far that is still needed, starting at stream offset base.
	data     []byte
	pos      int
	base     int64
	depth    int
	maxDepth int

	// Streaming state: r is nil for an in-memory document.
	r      io.Reader
	eof    bool  // r has returned io.EOF or failed
	rerr   error // the error r failed with, other than io.EOF
	pinned bool  // Raw is collecting a value that starts at data[pin]
	pin    int
	// live holds, per open Object, where its current key is: in data
	// (aliased) until a refill moves data, then in saved. A refill saves
	// the keys it would move and copies the saved keys still current into
	// spare, which becomes saved: keys no longer current (a later member's
	// took their place, or their Object ended) are dropped then, so a
	// member only writes its entry.
	live  []liveKey
	saved []byte
	spare []byte

	// scratch receives unescaped string values; they are copied out at once.
	scratch []byte
	// keys receives unescaped object keys as a stack, so a key stays intact
	// while its callback decodes nested objects.
	keys []byte

	// arena hands out pointer targets and string bytes in chunks.
	arena arena
	// slabs hold generated types handed out by Alloc, by slab id; Reset
	// empties them (what was handed out belongs to the decoded values).
	slabs idTable
	// lists hold the scratch slices of List, by list shape id; they are
	// kept for the next document, empty.
	lists idTable
	// mapKeys holds map keys KeyString has handed out since the last
	// Reset (Continue keeps them: its documents share their chunks), made
	// on first use; Reset clears it when used, so it never keeps an earlier
	// document's strings alive.
	mapKeys     *[mapKeySlots]string
	mapKeysUsed bool
}

// NewDecoder returns a Decoder reading data, which must not be modified while
// the Decoder is in use.
func NewDecoder(data []byte) *Decoder {
	return &Decoder{data: data, maxDepth: DefaultMaxDepth}
}

// liveKey is the key of the member an Object is decoding, when streaming.
type liveKey struct {
	start, end int  // data[start:end], or saved[start:end] once saved
	aliased    bool // the key is in data (not yet saved)
	saved      bool
}

// NewReaderDecoder returns a Decoder reading r through buf, which it reads
// into and grows only when a single token (or a value passed to Raw) does
// not fit in it. Memory use is then bounded by the buffer and what is
// decoded, not by the document's size; no decoded value refers to buf.
//
// A failed Read ends the input: the method reading reports a truncated
// document, and ReadErr returns the Read error.
func NewReaderDecoder(r io.Reader, buf []byte) *Decoder {
	d := NewDecoder(buf[:0])
	d.r = r
	return d
}

// ResetReader makes d read r through buf from the start, as
// NewReaderDecoder does, keeping its other buffers and depth limit.
func (d *Decoder) ResetReader(r io.Reader, buf []byte) {
	d.Reset(buf[:0])
	d.r = r
}

// ReadErr returns the error, other than io.EOF, that the stream of a
// NewReaderDecoder failed with, or nil. A document that ends early because
// the stream failed is a read error, not a malformed document.
func (d *Decoder) ReadErr() error { return d.rerr }

// Reset makes d read data from the start, keeping its buffers and depth limit.
func (d *Decoder) Reset(data []byte) {
	d.reset(data)
	d.arena = arena{} // the old chunks belong to what was decoded
	d.slabs.empty()
	if d.mapKeysUsed {
		*d.mapKeys = [mapKeySlots]string{}
		d.mapKeysUsed = false
	}
}

// reset is Reset but for the arena and slabs.
func (d *Decoder) reset(data []byte) {
	d.data = data
	d.pos = 0
	d.base = 0
	d.r, d.eof, d.rerr, d.pinned = nil, false, nil, false
	d.live, d.saved, d.spare = d.live[:0], d.saved[:0], d.spare[:0]
	d.depth = 0
	d.keys = d.keys[:0]
	if cap(d.scratch) > maxKeptBuffer {
		d.scratch = nil // one huge escaped string should not stay with d
	}
	if cap(d.keys) > maxKeptBuffer {
		d.keys = nil
	}
	if d.maxDepth == 0 {
		d.maxDepth = DefaultMaxDepth
	}
}

// Continue makes d read data from the start, as Reset does, but keeps
// handing out strings and pointer targets from the chunks it has: a run of
// small documents (the events of a stream) then costs a chunk allocation
// now and then instead of one per document. What earlier documents
// decoded stays valid, as chunks are only ever appended to; a value kept
// from any of them keeps at most its chunk alive.
func (d *Decoder) Continue(data []byte) {
	d.reset(data) // the arena stays in place: its chunk must not be copied
}

// maxKeptBuffer is the largest scratch buffer Reset keeps for reuse.
const maxKeptBuffer = 64 << 10

// SetMaxDepth sets how deeply objects and arrays may nest (DefaultMaxDepth
// unless changed). Exceeding it, also inside Skip, is an error. n < 1 means 1.
func (d *Decoder) SetMaxDepth(n int) {
	d.maxDepth = max(n, 1)
}

// Offset returns the byte offset in the input of the next unread byte.
func (d *Decoder) Offset() int64 { return d.base + int64(d.pos) }

// Snapshot returns the input around offset as the package function Snapshot
// does. A streaming Decoder still holds the bytes around where it failed;
// the window may be shorter there, never wrong.
func (d *Decoder) Snapshot(offset int64) string {
	if offset < d.base {
		offset = d.base
	}
	return Snapshot(d.data, offset-d.base)
}

// lookbehind is how many bytes before the current token a refill keeps, so
// a streaming Decoder's Snapshot shows what led up to an error.
const lookbehind = snapshotRadius

// minGrowth is the smallest buffer a refill grows to. It is small so tests
// with tiny buffers put refills everywhere; real callers pass a buffer of a
// few KiB or more.
const minGrowth = 16

// maxZeroReads is how many (0, nil) reads in a row a refill accepts before
// failing with io.ErrNoProgress, as bufio does.
const maxZeroReads = 100

// streaming reports whether more input may follow what d.data holds.
func (d *Decoder) streaming() bool { return d.r != nil && !d.eof }

// more reads further input into d.data, keeping the current token (from
// d.pos, or from the pinned start of a Raw value) and a few bytes before it.
// It reports whether anything was added; false means the input is
// exhausted (or failed: see ReadErr). Token readers that run out of input
// call it and then scan their token again from the start, so indices into
// d.data never live across a call. The buffer doubles when the kept part
// would fill more than half of it, so a long token is rescanned a bounded
// number of times and reading stays linear.
func (d *Decoder) more() bool {
	if !d.streaming() {
		return false
	}
	from := d.pos
	if d.pinned {
		from = min(from, d.pin)
	}
	from = max(from-lookbehind, 0)
	kept := len(d.data) - from
	d.saveKeys()
	buf := d.data[:cap(d.data)]
	if len(buf) == 0 || kept > len(buf)/2 {
		buf = make([]byte, max(2*len(buf), 2*kept, minGrowth))
	}
	copy(buf, d.data[from:])
	d.base += int64(from)
	d.pos -= from
	d.pin -= from
	n, zero := kept, 0
	for n < len(buf) {
		m, err := d.r.Read(buf[n:])
		n += m
		if err == io.EOF {
			d.eof = true
			break
		}
		if err != nil {
			d.eof, d.rerr = true, err
			break
		}
		if m > 0 {
			zero = 0
		} else if zero++; zero >= maxZeroReads {
			d.eof, d.rerr = true, io.ErrNoProgress
			break
		}
	}
	d.data = buf[:n]
	return n > kept
}

// refillAt refills in the middle of the token at d.pos, which a reader has
// scanned up to data[i], and returns the new data and where i is in it.
func (d *Decoder) refillAt(i int) ([]byte, int) {
	i -= d.pos // a refill moves the token to d.pos
	d.more()
	return d.data, i + d.pos
}

// short reports whether a token reader returned errShort; if so it refills,
// and the reader scans its token again (with more input, or with the input
// known to be complete, when it reports the real error).
func (d *Decoder) short(err error) bool {
	if err != errShort {
		return false
	}
	d.more()
	return true
}

// next returns the next byte when it is buffered and not whitespace, else
// 0; then peek must be asked. It inlines where peek (which may refill)
// cannot, so the hottest loops try it first:
//
//	if c = d.next(); c == 0 {
//		if c, err = d.peek(); err != nil { ... }
//	}
func (d *Decoder) next() byte {
	if d.pos < len(d.data) && d.data[d.pos] > ' ' {
		return d.data[d.pos]
	}
	return 0
}

// peek skips whitespace and returns the next byte without consuming it.
func (d *Decoder) peek() (byte, error) {
	for {
		for d.pos < len(d.data) {
			c := d.data[d.pos]
			if c > ' ' || c != ' ' && c != '\t' && c != '\n' && c != '\r' {
				return c, nil
			}
			d.pos++
		}
		if !d.more() {
			return 0, d.errEOF(d.pos) // more is false only at the end
		}
	}
}

// Empty reports whether nothing but whitespace remains of the input. It is
// for an empty body, which callers may treat as an empty object.
func (d *Decoder) Empty() bool {
	_, err := d.peek()
	return err != nil
}

// kindName names the JSON type that starts with c, for type mismatch errors.
func kindName(c byte) string {
	switch c {
	case '{':
		return "object"
	case '[':
		return "array"
	case '"':
		return "string"
	case 't', 'f':
		return "boolean"
	case 'n':
		return "null"
	case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		return "number"
	}
	return ""
}

// typeError reports that the value at d.pos, starting with c, is not of the
// expected JSON type (or is not a JSON value at all).
func (d *Decoder) typeError(expected string, c byte) error {
	found := kindName(c)
	if found == "" {
		return d.invalidChar(c, "looking for beginning of value")
	}
	return d.errAt(d.pos, "expected "+expected+", found "+found)
}

func (d *Decoder) invalidChar(c byte, context string) error {
	return d.errAt(d.pos, "invalid character "+quoteChar(c)+" "+context)
}

func quoteChar(c byte) string {
	if c == '\'' {
		return `'\''`
	}
	if c == '"' {
		return `'"'`
	}
	s := strconv.Quote(string(rune(c)))
	if c >= 0x80 {
		s = `"\x` + string(hexDigits[c>>4]) + string(hexDigits[c&0xF]) + `"`
	}
	return "'" + s[1:len(s)-1] + "'"
}

// atLiteral reports whether the input at d.pos starts with lit, reading
// more of a stream as needed; it consumes nothing.
func (d *Decoder) atLiteral(lit string) bool {
	for len(d.data)-d.pos < len(lit) && d.more() {
	}
	return len(d.data)-d.pos >= len(lit) && string(d.data[d.pos:d.pos+len(lit)]) == lit
}

// literal consumes the literal lit (null, true or false) at d.pos.
func (d *Decoder) literal(lit string) error {
	if d.atLiteral(lit) {
		d.pos += len(lit)
		return nil
	}
	// Find the first offending byte so the offset points at it.
	i := 0
	for d.pos+i < len(d.data) && i < len(lit) && d.data[d.pos+i] == lit[i] {
		i++
	}
	if d.pos+i >= len(d.data) {
		return d.errEOF(len(d.data))
	}
	d.pos += i
	return d.invalidChar(d.data[d.pos], "in literal "+lit)
}

// Null consumes a null and returns true if the next value is null; otherwise
// it consumes nothing (beyond whitespace) and returns false.
func (d *Decoder) Null() bool {
	// Inlined: most values start right at d.pos and are not null.
	if i := d.pos; i < len(d.data) {
		if c := d.data[i]; c > ' ' && c != 'n' {
			return false
		}
	}
	return d.null()
}

func (d *Decoder) null() bool {
	c, err := d.peek()
	if err != nil || c != 'n' {
		return false
	}
	if !d.atLiteral("null") {
		return false // leave the malformed literal for the next reader to report
	}
	d.pos += len("null")
	return true
}

// errNoValue reports a callback that returned nil without reading its value,
// which would otherwise surface later as a confusing syntax error.
var errNoValue = errors.New("callback returned without decoding the value")

// Object decodes a JSON object, calling fn once per member with the member's
// unescaped key; fn must consume the value (decode it or call Skip). A null
// object calls fn zero times and returns nil. Duplicate keys call fn again.
//
// key is only valid during the call, as Member's is. fn must not be
// retained; a closure passed here does not escape to the heap.
//
// An error from fn, or from decoding inside it, is returned as an *Error whose
// path includes key.
func (d *Decoder) Object(fn func(d *Decoder, key []byte) error) error {
	var it Members
	for {
		key, ok := d.Member(&it)
		if !ok {
			return it.Err
		}
		it.Err = fn(d, key)
	}
}

// Members walks the members of one JSON object with Decoder.Member, the
// loop form of Object:
//
//	var it jsonwire.Members
//	for {
//		key, ok := d.Member(&it)
//		if !ok {
//			break
//		}
//		switch string(key) {
//		case "Name":
//			it.Err = d.String(&v.Name)
//		default:
//			it.Err = d.Skip()
//		}
//	}
//	return it.Err
//
// Generated deserializers use it: a loop compiles to one function where a
// callback compiles to two, which is most of a large client's build.
type Members struct {
	// Err is the error decoding the current member's value, set by the
	// loop's body; once Member returns false, the object's error (nil at
	// its end), with the member's key in its path.
	Err error

	// start is the offset of the current member's value; 0 before the
	// object is opened (no value starts at 0 inside one), -1 once it has
	// ended or failed.
	start int64
	mark  int // len(d.keys) when the object opened
	live  int // when streaming, this object's d.live entry; else -1 (also once the stream has ended)
	// The current member's key, for its error path: data[keyAt:][:keyLen]
	// (unless a refill has saved it since), or at keys[mark:] when it was
	// unescaped there (keyAt -1).
	keyAt, keyLen int
}

// Member advances it to the object's next member and returns its
// unescaped key, or false when there is none; the loop's body must consume
// the value (decode it or call Skip) and set it.Err to the error doing so.
// A null object has no members. Duplicate keys are each visited. When
// Member returns false, it.Err holds the object's error, or nil.
//
// In memory the key stays valid while the value is decoded; when
// streaming, only until decoding the value starts (a refill may move the
// input): copy it first, with KeyString, if it is needed after. It is
// returned, not stored in it: a pointer stored through a pointer costs a
// write barrier while the garbage collector marks.
func (d *Decoder) Member(it *Members) ([]byte, bool) {
	if it.start > 0 {
		if it.Err != nil || d.Offset() == it.start {
			d.memberFailed(it)
			return nil, false
		}
		if len(d.keys) != it.mark { // a key unescaped onto the key stack
			d.keys = d.keys[:it.mark]
		}
		var err error
		c := d.next()
		if c == 0 {
			if c, err = d.peek(); err != nil {
				return nil, it.fail(err)
			}
		}
		if c != ',' {
			if c != '}' {
				return nil, it.fail(d.invalidChar(c, "after object key:value pair"))
			}
			d.pos++
			d.depth--
			if it.live >= 0 {
				d.live = d.live[:it.live]
			}
			it.start = -1
			return nil, false
		}
		d.pos++
	} else if it.start < 0 || !d.openObject(it) {
		return nil, false
	}
	// The common case in one step: `"key":` and the value's first byte,
	// all in the buffer, with no whitespace and nothing to unescape.
	data, p := d.data, d.pos
	if p < len(data) && data[p] == '"' {
		if end, ok := scanPlain(data, p+1); ok && end+2 < len(data) && data[end+1] == ':' && data[end+2] > ' ' {
			if it.live >= 0 {
				d.live[it.live] = liveKey{start: p + 1, end: end, aliased: true}
			}
			d.pos = end + 2
			it.start = d.base + int64(d.pos)
			it.keyAt, it.keyLen = p+1, end-(p+1)
			return data[p+1 : end], true
		}
	}
	return d.memberKey(it)
}

// fail ends the object with err.
func (it *Members) fail(err error) bool {
	it.Err = err
	it.start = -1
	return false
}

// memberFailed ends the object after its current member's value failed
// (it.Err) or was not consumed, naming the member in the error's path.
func (d *Decoder) memberFailed(it *Members) {
	it.fail(d.valueFailed(it.Err, pathSeg{key: string(d.memberName(it))}))
}

// valueFailed is the error of a member's or an element's value, at seg in
// the path: err, or errNoValue when the value was not consumed.
func (d *Decoder) valueFailed(err error, seg pathSeg) error {
	if err == nil {
		err = errNoValue
	}
	return d.wrapErr(err, seg)
}

// memberName returns the key of it's current member, wherever it is now.
func (d *Decoder) memberName(it *Members) []byte {
	switch {
	case it.keyAt < 0:
		return d.keys[it.mark:][:it.keyLen]
	case it.live >= 0 && d.live[it.live].saved:
		k := d.live[it.live]
		return d.saved[k.start:k.end]
	}
	return d.data[it.keyAt:][:it.keyLen]
}

// openObject opens the object for Member, reporting whether it has a
// member: d.pos is then at or before its key.
func (d *Decoder) openObject(it *Members) bool {
	ok, err := d.open('{', '}', "object")
	if !ok {
		return it.fail(err)
	}
	it.mark = len(d.keys)
	it.live = -1
	// Once a stream has been read to its end, no refill can move its keys:
	// an object opened then (every object of a body the buffer holds
	// whole) keeps no entry.
	if d.streaming() {
		it.live = len(d.live)
		d.live = append(d.live, liveKey{})
	}
	return true
}

// open opens the object or array starting with the byte open and ending
// with end, reporting whether it has a first member or element, or the
// error reading it. A null opens nothing, and is no error.
func (d *Decoder) open(open, end byte, what string) (bool, error) {
	var err error
	c := d.next()
	if c == 0 {
		if c, err = d.peek(); err != nil {
			return false, err
		}
	}
	if c != open {
		if c == 'n' {
			return false, d.literal("null")
		}
		return false, d.typeError(what, c)
	}
	if d.depth >= d.maxDepth {
		return false, d.depthError()
	}
	d.depth++
	d.pos++
	if c = d.next(); c == 0 {
		if c, err = d.peek(); err != nil {
			return false, err
		}
	}
	if c == end {
		d.pos++
		d.depth--
		return false, nil
	}
	return true, nil
}

// memberKey reads a member's key and colon and moves to its value: Member's
// way for what its one step does not cover.
func (d *Decoder) memberKey(it *Members) ([]byte, bool) {
	var err error
	c := d.next()
	if c == 0 {
		if c, err = d.peek(); err != nil {
			return nil, it.fail(err)
		}
	}
	if c != '"' {
		return nil, it.fail(d.invalidChar(c, "looking for beginning of object key string"))
	}
	key, at, err := d.readKey()
	if err != nil {
		return nil, it.fail(err)
	}
	if it.live >= 0 {
		d.live[it.live] = liveKey{start: at, end: at + len(key), aliased: at >= 0}
	}
	it.keyAt, it.keyLen = at, len(key)
	if c = d.next(); c == 0 {
		if c, err = d.peek(); err != nil {
			return nil, it.fail(err)
		}
	}
	if c != ':' {
		return nil, it.fail(d.invalidChar(c, "after object key"))
	}
	d.pos++
	if d.next() == 0 {
		if _, err = d.peek(); err != nil {
			return nil, it.fail(err)
		}
	}
	it.start = d.Offset()
	return d.memberName(it), true // where the key is now, after any refill
}

// saveKeys, before a refill moves data, copies the keys the open Objects
// still need (for their error paths) into saved: those in data, and those
// saved at an earlier refill; nothing else.
func (d *Decoder) saveKeys() {
	kept := d.spare[:0]
	for i := range d.live {
		k := &d.live[i]
		var key []byte
		switch {
		case k.aliased:
			key = d.data[k.start:k.end]
		case k.saved:
			key = d.saved[k.start:k.end]
		default:
			continue
		}
		n := len(kept)
		kept = append(kept, key...)
		*k = liveKey{start: n, end: len(kept), saved: true}
	}
	d.saved, d.spare = kept, d.saved[:0]
}

// readKey reads the object key string at d.pos. Keys without escapes alias
// the input (at is their index in d.data); others are unescaped onto the key
// stack so nothing allocates (at is -1).
func (d *Decoder) readKey() (key []byte, at int, err error) {
	return d.stringInto(&d.keys)
}

// Array decodes a JSON array, calling fn once per element; fn must consume
// the element. A null array calls fn zero times and returns nil. fn must not
// be retained; a closure passed here does not escape to the heap.
//
// An error from fn is returned as an *Error whose path includes the index.
func (d *Decoder) Array(fn func(d *Decoder) error) error {
	var it Elements
	for d.Element(&it) {
		it.Err = fn(d)
	}
	return it.Err
}

// Elements walks the elements of one JSON array with Decoder.Element, the
// loop form of Array:
//
//	var it jsonwire.Elements
//	for d.Element(&it) {
//		s = append(s, "")
//		it.Err = d.String(&s[len(s)-1])
//	}
//	return it.Err
type Elements struct {
	// Err is the error decoding the current element, set by the loop's
	// body; once Element returns false, the array's error (nil at its
	// end), with the element's index in its path.
	Err error

	// start is the offset of the current element; 0 before the array is
	// opened, -1 once it has ended or failed.
	start int64
	first int64 // the offset of the first element
	index int   // the current element's index
}

// Element advances it to the array's next element and reports whether there
// is one; the loop's body must consume the element and set it.Err to the
// error doing so. A null array has no elements. When Element returns false,
// it.Err holds the array's error, or nil.
func (d *Decoder) Element(it *Elements) bool {
	if it.start <= 0 {
		return it.start == 0 && d.openArray(it)
	}
	if it.Err != nil || d.Offset() == it.start {
		return it.fail(d.valueFailed(it.Err, pathSeg{index: it.index, isIndex: true}))
	}
	data, p := d.data, d.pos
	if p+1 < len(data) && data[p] == ',' && data[p+1] > ' ' {
		// The common case in one step: a comma, then the next element.
		d.pos = p + 1
	} else {
		var err error
		c := d.next()
		if c == 0 {
			if c, err = d.peek(); err != nil {
				return it.fail(err)
			}
		}
		switch c {
		case ',':
			d.pos++
			if d.next() == 0 {
				if _, err = d.peek(); err != nil {
					return it.fail(err)
				}
			}
		case ']':
			d.pos++
			d.depth--
			it.start = -1
			return false
		default:
			return it.fail(d.invalidChar(c, "after array element"))
		}
	}
	it.index++
	it.start = d.Offset()
	return true
}

// fail ends the array with err.
func (it *Elements) fail(err error) bool {
	it.Err = err
	it.start = -1
	return false
}

// openArray opens the array for Element and moves to its first element.
func (d *Decoder) openArray(it *Elements) bool {
	ok, err := d.open('[', ']', "array")
	if !ok {
		return it.fail(err)
	}
	it.start = d.Offset()
	it.first = it.start
	return true
}

// Reserve returns how many more elements a list should make room for, when
// called at the second element of an array that is a member of the
// document's top-level object (a response's list of results) and the
// document's length is known: the bytes left over the bytes the first
// element took, at most maxReserve. Elsewhere it returns 0 and the list
// grows by doubling, which allocates about twice its final size: a list
// nested in each of many items would reserve from the whole rest of the
// document. The estimate counts what follows the array too, so a list
// whose first element is small against the rest can reserve up to
// maxReserve slots it never fills.
func (d *Decoder) Reserve(it *Elements) int {
	if it.index != 1 || d.depth != 2 || it.start <= 0 {
		return 0
	}
	total := d.arena.bodyLen
	if total <= 0 {
		if d.streaming() {
			return 0
		}
		total = d.base + int64(len(d.data)) // the rest of the document is in data
	}
	per, left := it.start-it.first, total-it.start
	if per <= 0 || left <= 0 {
		return 0
	}
	return int(min(left/per, maxReserve))
}

// maxReserve bounds Reserve's estimate: at most a few thousand slots
// reserved for nothing, whatever the document.
const maxReserve = 4096

func (d *Decoder) depthError() error {
	return d.errAt(d.pos, "exceeded max depth of "+strconv.Itoa(d.maxDepth))
}

// End reports an error unless only whitespace remains after the value read.
// It allocates nothing when the input has ended, as it does after every
// well-formed document.
func (d *Decoder) End() error {
	for {
		for d.pos < len(d.data) {
			c := d.data[d.pos]
			if c != ' ' && c != '\t' && c != '\n' && c != '\r' {
				return d.invalidChar(c, "after top-level value")
			}
			d.pos++
		}
		if !d.more() {
			return nil // end of input: nothing remains
		}
	}
}

// Raw validates the next value and returns its bytes, which alias the input
// (when streaming, d's buffer: valid until the next read).
func (d *Decoder) Raw() ([]byte, error) {
	if _, err := d.peek(); err != nil {
		return nil, err
	}
	d.pinned, d.pin = true, d.pos
	err := d.Skip()
	d.pinned = false
	if err != nil {
		return nil, err
	}
	return d.data[d.pin:d.pos], nil
}

// Skip consumes and validates the next value of any type. It is iterative,
// so hostile nesting costs at most the depth limit, never the stack.
func (d *Decoder) Skip() error {
	// stack records the open containers ('{' or '['); it lives on the Go
	// stack for typical documents.
	var stackBuf [32]byte
	stack := stackBuf[:0]
	for {
		c := d.next()
		if c == 0 {
			var err error
			if c, err = d.peek(); err != nil {
				return err
			}
		}
		switch c {
		case '{', '[':
			if d.depth+len(stack) >= d.maxDepth {
				return d.depthError()
			}
			d.pos++
			next := d.next()
			if next == 0 {
				var err error
				if next, err = d.peek(); err != nil {
					return err
				}
			}
			if c == '{' && next == '}' || c == '[' && next == ']' {
				d.pos++
				break
			}
			stack = append(stack, c)
			if c == '{' {
				if err := d.skipKey(); err != nil {
					return err
				}
			}
			continue
		case '"':
			if err := d.skipString(); err != nil {
				return err
			}
		case 't':
			if err := d.literal("true"); err != nil {
				return err
			}
		case 'f':
			if err := d.literal("false"); err != nil {
				return err
			}
		case 'n':
			if err := d.literal("null"); err != nil {
				return err
			}
		default:
			if _, _, err := d.scanNumber(); err != nil {
				return err
			}
		}
		// A value is complete: close containers until another value is due.
		for {
			if len(stack) == 0 {
				return nil
			}
			c := d.next()
			if c == 0 {
				var err error
				if c, err = d.peek(); err != nil {
					return err
				}
			}
			top := stack[len(stack)-1]
			if c == ',' {
				d.pos++
				if top == '{' {
					if err := d.skipKey(); err != nil {
						return err
					}
				}
				break
			}
			if top == '{' && c == '}' || top == '[' && c == ']' {
				d.pos++
				stack = stack[:len(stack)-1]
				continue
			}
			if top == '{' {
				return d.invalidChar(c, "after object key:value pair")
			}
			return d.invalidChar(c, "after array element")
		}
	}
}

// skipKey consumes `"key" :` inside an object being skipped.
func (d *Decoder) skipKey() error {
	var err error
	c := d.next()
	if c == 0 {
		if c, err = d.peek(); err != nil {
			return err
		}
	}
	if c != '"' {
		return d.invalidChar(c, "looking for beginning of object key string")
	}
	if err := d.skipString(); err != nil {
		return err
	}
	if c = d.next(); c == 0 {
		if c, err = d.peek(); err != nil {
			return err
		}
	}
	if c != ':' {
		return d.invalidChar(c, "after object key")
	}
	d.pos++
	return nil
}
