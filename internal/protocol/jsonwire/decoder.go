package jsonwire

import (
	"errors"
	"strconv"
)

// DefaultMaxDepth is the nesting limit (objects plus arrays) a new Decoder
// enforces. It is far deeper than any AWS shape yet keeps recursion in
// generated code and in Skip bounded.
const DefaultMaxDepth = 1000

// Decoder reads one JSON document held in memory. It is a pull parser:
// callers walk objects and arrays with Object and Array and read scalars with
// the typed readers, skipping what they do not know with Skip.
//
// Use NewDecoder, or Reset on a zero Decoder. After any method returns an
// error the Decoder's position is unspecified; call Reset before using it
// again. A Decoder is not safe for concurrent use.
type Decoder struct {
	data     []byte
	pos      int
	depth    int
	maxDepth int

	// scratch receives unescaped string values; they are copied out at once.
	scratch []byte
	// keys receives unescaped object keys as a stack, so a key stays intact
	// while its callback decodes nested objects.
	keys []byte

	// arena hands out pointer targets and string bytes in chunks.
	arena arena
	// slabs hold generated types handed out by Alloc, by slab id.
	slabs []any
}

// NewDecoder returns a Decoder reading data, which must not be modified while
// the Decoder is in use.
func NewDecoder(data []byte) *Decoder {
	return &Decoder{data: data, maxDepth: DefaultMaxDepth}
}

// Reset makes d read data from the start, keeping its buffers and depth limit.
func (d *Decoder) Reset(data []byte) {
	d.data = data
	d.pos = 0
	d.depth = 0
	d.keys = d.keys[:0]
	d.arena = arena{} // the old chunks belong to what was decoded
	d.slabs = nil
	if d.maxDepth == 0 {
		d.maxDepth = DefaultMaxDepth
	}
}

// SetMaxDepth sets how deeply objects and arrays may nest (DefaultMaxDepth
// unless changed). Exceeding it, also inside Skip, is an error. n < 1 means 1.
func (d *Decoder) SetMaxDepth(n int) {
	d.maxDepth = max(n, 1)
}

// Offset returns the byte offset of the next unread byte, for Snapshot.
func (d *Decoder) Offset() int64 { return int64(d.pos) }

// peek skips whitespace and returns the next byte without consuming it.
func (d *Decoder) peek() (byte, error) {
	for d.pos < len(d.data) {
		c := d.data[d.pos]
		if c > ' ' {
			return c, nil
		}
		if c != ' ' && c != '\t' && c != '\n' && c != '\r' {
			return c, nil
		}
		d.pos++
	}
	return 0, errEOF(d.pos)
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
	return errAt(d.pos, "expected "+expected+", found "+found)
}

func (d *Decoder) invalidChar(c byte, context string) error {
	return errAt(d.pos, "invalid character "+quoteChar(c)+" "+context)
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

// literal consumes the literal lit (null, true or false) at d.pos.
func (d *Decoder) literal(lit string) error {
	if len(d.data)-d.pos >= len(lit) && string(d.data[d.pos:d.pos+len(lit)]) == lit {
		d.pos += len(lit)
		return nil
	}
	// Find the first offending byte so the offset points at it.
	i := 0
	for d.pos+i < len(d.data) && i < len(lit) && d.data[d.pos+i] == lit[i] {
		i++
	}
	if d.pos+i >= len(d.data) {
		return errEOF(len(d.data))
	}
	d.pos += i
	return d.invalidChar(d.data[d.pos], "in literal "+lit)
}

// Null consumes a null and returns true if the next value is null; otherwise
// it consumes nothing (beyond whitespace) and returns false.
func (d *Decoder) Null() bool {
	c, err := d.peek()
	if err != nil || c != 'n' {
		return false
	}
	start := d.pos
	if d.literal("null") != nil {
		d.pos = start // leave the malformed literal for the next reader to report
		return false
	}
	return true
}

// errNoValue reports a callback that returned nil without reading its value,
// which would otherwise surface later as a confusing syntax error.
var errNoValue = errors.New("callback returned without decoding the value")

// Object decodes a JSON object, calling fn once per member with the member's
// unescaped key; fn must consume the value (decode it or call Skip). A null
// object calls fn zero times and returns nil. Duplicate keys call fn again.
//
// key is only valid during the call (it may alias the input or a scratch
// buffer) but stays valid while fn decodes nested values. fn must not be
// retained; a closure passed here does not escape to the heap.
//
// An error from fn, or from decoding inside it, is returned as an *Error whose
// path includes key.
func (d *Decoder) Object(fn func(d *Decoder, key []byte) error) error {
	c, err := d.peek()
	if err != nil {
		return err
	}
	if c != '{' {
		if c == 'n' {
			return d.literal("null")
		}
		return d.typeError("object", c)
	}
	if d.depth >= d.maxDepth {
		return d.depthError()
	}
	d.depth++
	d.pos++
	if c, err = d.peek(); err != nil {
		return err
	}
	if c == '}' {
		d.pos++
		d.depth--
		return nil
	}
	mark := len(d.keys)
	for {
		if c != '"' {
			return d.invalidChar(c, "looking for beginning of object key string")
		}
		key, err := d.readKey()
		if err != nil {
			return err
		}
		if c, err = d.peek(); err != nil {
			return err
		}
		if c != ':' {
			return d.invalidChar(c, "after object key")
		}
		d.pos++
		if _, err = d.peek(); err != nil {
			return err
		}
		start := d.pos
		if err := fn(d, key); err != nil {
			return wrapErr(err, d.pos, pathSeg{key: string(key)})
		}
		if d.pos == start {
			return wrapErr(errNoValue, d.pos, pathSeg{key: string(key)})
		}
		d.keys = d.keys[:mark]
		if c, err = d.peek(); err != nil {
			return err
		}
		switch c {
		case ',':
			d.pos++
			if c, err = d.peek(); err != nil {
				return err
			}
		case '}':
			d.pos++
			d.depth--
			return nil
		default:
			return d.invalidChar(c, "after object key:value pair")
		}
	}
}

// readKey reads the object key string at d.pos. Keys without escapes alias
// the input; others are unescaped onto the key stack so nothing allocates.
func (d *Decoder) readKey() ([]byte, error) {
	start := d.pos + 1
	end, ok := scanPlain(d.data, start)
	if ok {
		d.pos = end + 1
		return d.data[start:end], nil
	}
	mark := len(d.keys)
	out, next, err := d.unquoteSlow(d.keys, start, end)
	if err != nil {
		return nil, err
	}
	d.keys = out
	d.pos = next
	return out[mark:], nil
}

// Array decodes a JSON array, calling fn once per element; fn must consume
// the element. A null array calls fn zero times and returns nil. fn must not
// be retained; a closure passed here does not escape to the heap.
//
// An error from fn is returned as an *Error whose path includes the index.
func (d *Decoder) Array(fn func(d *Decoder) error) error {
	c, err := d.peek()
	if err != nil {
		return err
	}
	if c != '[' {
		if c == 'n' {
			return d.literal("null")
		}
		return d.typeError("array", c)
	}
	if d.depth >= d.maxDepth {
		return d.depthError()
	}
	d.depth++
	d.pos++
	if c, err = d.peek(); err != nil {
		return err
	}
	if c == ']' {
		d.pos++
		d.depth--
		return nil
	}
	for i := 0; ; i++ {
		start := d.pos
		if err := fn(d); err != nil {
			return wrapErr(err, d.pos, pathSeg{index: i, isIndex: true})
		}
		if d.pos == start {
			return wrapErr(errNoValue, d.pos, pathSeg{index: i, isIndex: true})
		}
		if c, err = d.peek(); err != nil {
			return err
		}
		switch c {
		case ',':
			d.pos++
			if _, err = d.peek(); err != nil {
				return err
			}
		case ']':
			d.pos++
			d.depth--
			return nil
		default:
			return d.invalidChar(c, "after array element")
		}
	}
}

func (d *Decoder) depthError() error {
	return errAt(d.pos, "exceeded max depth of "+strconv.Itoa(d.maxDepth))
}

// End reports an error unless only whitespace remains after the value read.
func (d *Decoder) End() error {
	c, err := d.peek()
	if err != nil {
		return nil // end of input: nothing remains
	}
	return d.invalidChar(c, "after top-level value")
}

// Raw validates the next value and returns its bytes, which alias the input.
func (d *Decoder) Raw() ([]byte, error) {
	if _, err := d.peek(); err != nil {
		return nil, err
	}
	start := d.pos
	if err := d.Skip(); err != nil {
		return nil, err
	}
	return d.data[start:d.pos], nil
}

// Skip consumes and validates the next value of any type. It is iterative,
// so hostile nesting costs at most the depth limit, never the stack.
func (d *Decoder) Skip() error {
	// stack records the open containers ('{' or '['); it lives on the Go
	// stack for typical documents.
	var stackBuf [32]byte
	stack := stackBuf[:0]
	for {
		c, err := d.peek()
		if err != nil {
			return err
		}
		switch c {
		case '{', '[':
			if d.depth+len(stack) >= d.maxDepth {
				return d.depthError()
			}
			d.pos++
			next, err := d.peek()
			if err != nil {
				return err
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
			c, err := d.peek()
			if err != nil {
				return err
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
	c, err := d.peek()
	if err != nil {
		return err
	}
	if c != '"' {
		return d.invalidChar(c, "looking for beginning of object key string")
	}
	if err := d.skipString(); err != nil {
		return err
	}
	if c, err = d.peek(); err != nil {
		return err
	}
	if c != ':' {
		return d.invalidChar(c, "after object key")
	}
	d.pos++
	return nil
}
