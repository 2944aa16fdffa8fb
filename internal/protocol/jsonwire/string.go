package jsonwire

import (
	"encoding/base64"
	"encoding/binary"
	"math/bits"
	"time"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// Word-at-a-time helpers: they test eight string bytes per step. A flagged
// byte is exact for the least significant match, which is all we use.
const (
	lsb = 0x0101010101010101
	msb = 0x8080808080808080
)

// specialMask flags bytes that end the fast scan of a string: control
// characters, '"' and '\\'; non-ASCII bytes too when strict is set.
func specialMask(x uint64, strict bool) uint64 {
	q := x ^ (lsb * '"')
	b := x ^ (lsb * '\\')
	if strict {
		// Below the first flagged byte every byte is ASCII and no
		// subtraction borrows, so a byte's high bit after subtracting is
		// set just when it underflowed: a control character, '"' or '\\'.
		// The and-nots of the general form, which drop bytes whose own high
		// bit was set, are not needed when those bytes are flagged anyway.
		return ((x - lsb*0x20) | (q - lsb) | (b - lsb) | x) & msb
	}
	return ((x-lsb*0x20)&^x | (q-lsb)&^q | (b-lsb)&^b) & msb
}

// scanPlain scans the string contents starting at data[i] (just after the
// opening quote). If the string needs no unescaping or UTF-8 repair it
// returns the index of the closing quote and true; otherwise it returns the
// index of the first byte that needs attention (or len(data)) and false.
func scanPlain(data []byte, i int) (int, bool) {
	for {
		if i < len(data) {
			// Words of rest, whose length alone the loop tests: no index
			// to bounds-check against the buffer per word.
			rest := data[i:]
			for len(rest) >= 8 {
				if m := specialMask(binary.LittleEndian.Uint64(rest), true); m != 0 {
					rest = rest[bits.TrailingZeros64(m)>>3:]
					break
				}
				rest = rest[8:]
			}
			i = len(data) - len(rest)
		}
		if i >= len(data) {
			return i, false
		}
		c := data[i]
		switch {
		case c == '"':
			return i, true
		case c == '\\' || c < 0x20:
			return i, false
		case c < utf8.RuneSelf:
			i++
		default:
			r, size := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && size == 1 {
				return i, false
			}
			i += size
		}
	}
}

// skipString consumes the string at d.pos, validating escapes and rejecting
// control characters. UTF-8 is not checked: decoding repairs it instead.
// When a stream's buffer runs out it refills and resumes where it was.
func (d *Decoder) skipString() error {
	data := d.data
	i := d.pos + 1
	for {
		for i+8 <= len(data) {
			m := specialMask(binary.LittleEndian.Uint64(data[i:]), false)
			if m != 0 {
				i += bits.TrailingZeros64(m) >> 3
				break
			}
			i += 8
		}
		if i >= len(data) {
			if !d.streaming() {
				return d.errEOF(len(data))
			}
			data, i = d.refillAt(i)
			continue
		}
		switch c := data[i]; {
		case c == '"':
			d.pos = i + 1
			return nil
		case c == '\\':
			n, err := d.escapeLen(i)
			if err == errShort {
				data, i = d.refillAt(i)
				continue
			}
			if err != nil {
				return err
			}
			i += n
		case c < 0x20:
			return d.errAt(i, "invalid control character "+quoteChar(c)+" in string")
		default:
			i++
		}
	}
}

// escapeLen validates the escape sequence at d.data[i] ('\\') and returns
// its length.
func (d *Decoder) escapeLen(i int) (int, error) {
	data := d.data
	if i+1 >= len(data) {
		return 0, d.errEOF(len(data))
	}
	switch data[i+1] {
	case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
		return 2, nil
	case 'u':
		if i+6 > len(data) {
			return 0, d.errEOF(len(data))
		}
		if hex4(data[i+2:]) < 0 {
			return 0, d.errAt(i, "invalid \\u escape in string")
		}
		return 6, nil
	}
	return 0, d.errAt(i+1, "invalid escape character "+quoteChar(data[i+1])+" in string")
}

// hex4 decodes the four hex digits at the start of b, or returns -1.
func hex4(b []byte) rune {
	if len(b) < 4 {
		return -1
	}
	var r rune
	for _, c := range b[:4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			c = c - 'A' + 10
		default:
			return -1
		}
		r = r<<4 | rune(c)
	}
	return r
}

// unquoteSlow appends the unescaped string contents data[start:] to dst,
// where data[start:stop] is already known to be plain. It returns dst and the
// index just past the closing quote. Lone surrogates and invalid UTF-8 become
// U+FFFD exactly as in encoding/json.
func (d *Decoder) unquoteSlow(dst []byte, start, stop int) ([]byte, int, error) {
	data := d.data
	dst = append(dst, data[start:stop]...)
	i := stop
	for i < len(data) {
		c := data[i]
		switch {
		case c == '"':
			return dst, i + 1, nil
		case c == '\\':
			n, err := d.escapeLen(i)
			if err != nil {
				return dst, 0, err
			}
			switch e := data[i+1]; e {
			case 'b':
				dst = append(dst, '\b')
			case 'f':
				dst = append(dst, '\f')
			case 'n':
				dst = append(dst, '\n')
			case 'r':
				dst = append(dst, '\r')
			case 't':
				dst = append(dst, '\t')
			case 'u':
				r := hex4(data[i+2:])
				if utf16.IsSurrogate(r) {
					// Only a following \uXXXX completing the pair is consumed.
					r2 := rune(-1)
					if i+7 < len(data) && data[i+6] == '\\' && data[i+7] == 'u' {
						r2 = hex4(data[i+8:])
					}
					if dec := utf16.DecodeRune(r, r2); dec != unicode.ReplacementChar {
						r = dec
						n += 6
					} else {
						r = unicode.ReplacementChar
					}
				}
				dst = utf8.AppendRune(dst, r)
			default: // '"', '\\', '/'
				dst = append(dst, e)
			}
			i += n
		case c < 0x20:
			return dst, 0, d.errAt(i, "invalid control character "+quoteChar(c)+" in string")
		case c < utf8.RuneSelf:
			dst = append(dst, c)
			i++
		default:
			r, size := utf8.DecodeRune(data[i:])
			dst = utf8.AppendRune(dst, r)
			i += size
		}
	}
	return dst, 0, d.errEOF(len(data))
}

// stringBytes reads the string at d.pos. The result aliases the input or
// d.scratch and is valid until the next read.
func (d *Decoder) stringBytes() ([]byte, error) {
	d.scratch = d.scratch[:0]
	b, _, err := d.stringInto(&d.scratch)
	return b, err
}

// stringInto reads the string at d.pos. One without escapes aliases the
// input (at is its index in d.data); another is unescaped onto the end of
// *buf, after what it holds (at is -1). A stream refills as needed.
func (d *Decoder) stringInto(buf *[]byte) (b []byte, at int, err error) {
	for {
		start := d.pos + 1
		end, ok := scanPlain(d.data, start)
		if ok {
			d.pos = end + 1
			return d.data[start:end], start, nil
		}
		if end >= len(d.data) && d.streaming() {
			d.more() // a plain string cut by the buffer's end
			continue
		}
		mark := len(*buf)
		out, next, err := d.unquoteSlow(*buf, start, end)
		if err == nil {
			*buf = out
			d.pos = next
			return out[mark:], -1, nil
		}
		*buf = out[:mark] // keep the capacity it grew to
		if !d.short(err) {
			return nil, -1, err
		}
	}
}

// plainString reads, in one step, the common string: at d.pos, wholly in
// the buffer, with nothing to unescape or repair. The result aliases the
// input. ok is false for anything else, which stringValue then reads.
func (d *Decoder) plainString() (b []byte, ok bool) {
	if d.pos >= len(d.data) || d.data[d.pos] != '"' {
		return nil, false
	}
	start := d.pos + 1
	end, ok := scanPlain(d.data, start)
	if !ok {
		return nil, false
	}
	d.pos = end + 1
	return d.data[start:end], true
}

// stringValue reads a string or null, reporting other types as errors.
func (d *Decoder) stringValue() (b []byte, isNull bool, err error) {
	c := d.next()
	if c == 0 {
		if c, err = d.peek(); err != nil {
			return nil, false, err
		}
	}
	switch c {
	case '"':
		b, err = d.stringBytes()
		return b, false, err
	case 'n':
		return nil, true, d.literal("null")
	}
	return nil, false, d.typeError("string", c)
}

// String reads a JSON string into *p; null leaves *p unchanged. The bytes
// go into the decoder's string chunks: no allocation per string.
func (d *Decoder) String(p *string) error {
	if b, ok := d.plainString(); ok {
		*p = d.arena.internString(b)
		return nil
	}
	b, isNull, err := d.stringValue()
	if err != nil || isNull {
		return err
	}
	*p = d.arena.internString(b)
	return nil
}

// StringPtr reads a JSON string into a new *string; null sets *p to nil.
// The *string comes from the decoder's arena.
func (d *Decoder) StringPtr(p **string) error {
	if b, ok := d.plainString(); ok {
		*p = take(&d.arena.strs, d.arena.internString(b))
		return nil
	}
	b, isNull, err := d.stringValue()
	if err != nil {
		return err
	}
	if isNull {
		*p = nil
		return nil
	}
	*p = take(&d.arena.strs, d.arena.internString(b))
	return nil
}

// Blob reads a base64 (standard alphabet) string into a new slice; null sets
// *p to nil and "" yields an empty, non-nil slice.
func (d *Decoder) Blob(p *[]byte) error {
	if _, err := d.peek(); err != nil {
		return err
	}
	start := d.Offset()
	b, isNull, err := d.stringValue()
	if err != nil {
		return err
	}
	if isNull {
		*p = nil
		return nil
	}
	dst := make([]byte, base64.StdEncoding.DecodedLen(len(b)))
	n, err := base64.StdEncoding.Decode(dst, b)
	if err != nil {
		return &Error{Offset: start, Err: err}
	}
	*p = dst[:n]
	return nil
}

// timeString reads a string timestamp with parse, ParseDateTime or
// ParseHTTPDate.
func (d *Decoder) timeString(parse func(string) (time.Time, bool), kind string) (t time.Time, isNull bool, err error) {
	if _, err := d.peek(); err != nil {
		return t, false, err
	}
	start := d.Offset()
	b, isNull, err := d.stringValue()
	if err != nil || isNull {
		return t, isNull, err
	}
	s := string(b)
	if t, ok := parse(s); ok {
		return t, false, nil
	}
	return t, false, errAtOffset(start, "cannot parse "+quoteString(s)+" as "+kind)
}

// DateTime reads an RFC 3339 timestamp string as smithytime.ParseDateTime
// does; null leaves *p unchanged.
func (d *Decoder) DateTime(p *time.Time) error {
	t, isNull, err := d.timeString(ParseDateTime, "date-time")
	if err == nil && !isNull {
		*p = t
	}
	return err
}

// DateTimePtr is DateTime into a new *time.Time; null sets *p to nil.
func (d *Decoder) DateTimePtr(p **time.Time) error {
	t, isNull, err := d.timeString(ParseDateTime, "date-time")
	return putPtr(&d.arena.times, p, t, isNull, err)
}

// HTTPDate reads an RFC 7231 date string as smithytime.ParseHTTPDate does;
// null leaves *p unchanged.
func (d *Decoder) HTTPDate(p *time.Time) error {
	t, isNull, err := d.timeString(ParseHTTPDate, "http-date")
	if err == nil && !isNull {
		*p = t
	}
	return err
}

// HTTPDatePtr is HTTPDate into a new *time.Time; null sets *p to nil.
func (d *Decoder) HTTPDatePtr(p **time.Time) error {
	t, isNull, err := d.timeString(ParseHTTPDate, "http-date")
	return putPtr(&d.arena.times, p, t, isNull, err)
}

// setPtr stores v in a new *T, or nil for null, unless err is set.
func setPtr[T any](p **T, v T, isNull bool, err error) error {
	if err != nil {
		return err
	}
	if isNull {
		*p = nil
	} else {
		*p = &v
	}
	return nil
}

// quoteString quotes s for error messages, truncating long values.
func quoteString(s string) string {
	const maxLen = 64
	if len(s) > maxLen {
		return string(appendString(nil, s[:maxLen])) + "..."
	}
	return string(appendString(nil, s))
}
