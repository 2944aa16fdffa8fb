package jsonwire

import (
	"encoding/base64"
	"math"
	"strconv"
	"time"
	"unicode/utf8"
)

// Encoder appends JSON to a byte slice. The zero value is ready to use.
//
// Commas are managed without a stack: a value written while a comma is
// pending gets a leading ','; '{', '[' and a key clear the pending comma and
// every completed value sets it. Value methods therefore work both as array
// elements and after Key. The caller is responsible for balancing
// ObjectStart/ObjectEnd and ArrayStart/ArrayEnd and for writing a value after
// every Key.
type Encoder struct {
	buf       []byte
	needComma bool
	err       error
}

// NewEncoder returns an Encoder that appends to buf[:0], reusing its capacity.
func NewEncoder(buf []byte) *Encoder {
	return &Encoder{buf: buf[:0]}
}

// Reset discards the encoded output and continues appending to buf[:0].
func (e *Encoder) Reset(buf []byte) {
	e.buf = buf[:0]
	e.needComma = false
	e.err = nil
}

// SetError records that a value could not be written (a document that
// fails to marshal, an unknown union member), naming where: the JSON path
// of the value being written, read back from what was written so far (so
// the path costs nothing until there is an error). Only the first error is
// kept; writing goes on so generated code needs no error checks, and the
// caller reads Err once at the end.
func (e *Encoder) SetError(err error) {
	if e.err == nil {
		e.err = &PathError{Path: pathAt(e.buf), Err: err}
	}
}

// PathError is an error of a value an Encoder could not write, with the
// JSON path of the value ("$.Items[2].Key" for the member Key of the third
// element of Items).
type PathError struct {
	Path string
	Err  error
}

func (e *PathError) Error() string { return e.Path + ": " + e.Err.Error() }

func (e *PathError) Unwrap() error { return e.Err }

// Err returns the first error recorded by SetError.
func (e *Encoder) Err() error { return e.err }

// Bytes returns the encoded JSON. It aliases the Encoder's buffer, so it is
// valid until the next write or Reset.
func (e *Encoder) Bytes() []byte { return e.buf }

// comma writes the separator owed by the previous value, if any.
func (e *Encoder) comma() {
	if e.needComma {
		e.buf = append(e.buf, ',')
	}
}

// ObjectStart writes '{'.
//
// ObjectStart, ObjectEnd, ArrayStart and ArrayEnd are not inlined
// (go:noinline): a large client calls them from thousands of places, and
// an inlined copy at each (with append's growth path) is a twentieth of
// its package's compile memory. The call costs a few nanoseconds per
// object or array written.
//
//go:noinline
func (e *Encoder) ObjectStart() {
	e.comma()
	e.buf = append(e.buf, '{')
	e.needComma = false
}

// ObjectEnd writes '}'.
//
//go:noinline
func (e *Encoder) ObjectEnd() {
	e.buf = append(e.buf, '}')
	e.needComma = true
}

// ArrayStart writes '['.
//
//go:noinline
func (e *Encoder) ArrayStart() {
	e.comma()
	e.buf = append(e.buf, '[')
	e.needComma = false
}

// ArrayEnd writes ']'.
//
//go:noinline
func (e *Encoder) ArrayEnd() {
	e.buf = append(e.buf, ']')
	e.needComma = true
}

// Key writes an object member name followed by ':', preceded by ',' when
// needed. It must be followed by exactly one value.
func (e *Encoder) Key(k string) {
	e.comma()
	e.buf = appendString(e.buf, k)
	e.buf = append(e.buf, ':')
	e.needComma = false
}

// String writes v as a JSON string, escaped exactly as smithy-go does.
func (e *Encoder) String(v string) {
	e.comma()
	e.buf = appendString(e.buf, v)
	e.needComma = true
}

// Bool writes true or false.
func (e *Encoder) Bool(v bool) {
	e.comma()
	e.buf = strconv.AppendBool(e.buf, v)
	e.needComma = true
}

// Null writes null.
func (e *Encoder) Null() {
	e.comma()
	e.buf = append(e.buf, "null"...)
	e.needComma = true
}

// Int8 writes v as a JSON number.
func (e *Encoder) Int8(v int8) { e.Int64(int64(v)) }

// Int16 writes v as a JSON number.
func (e *Encoder) Int16(v int16) { e.Int64(int64(v)) }

// Int32 writes v as a JSON number.
func (e *Encoder) Int32(v int32) { e.Int64(int64(v)) }

// Int64 writes v as a JSON number.
func (e *Encoder) Int64(v int64) {
	e.comma()
	e.buf = strconv.AppendInt(e.buf, v, 10)
	e.needComma = true
}

// Float32 writes v as smithy-go's Value.Float does; NaN and ±Inf are written
// as the strings "NaN", "Infinity" and "-Infinity" as aws-sdk-go-v2 does.
func (e *Encoder) Float32(v float32) { e.float(float64(v), 32) }

// Float64 writes v as smithy-go's Value.Double does; NaN and ±Inf are written
// as the strings "NaN", "Infinity" and "-Infinity" as aws-sdk-go-v2 does.
func (e *Encoder) Float64(v float64) { e.float(v, 64) }

func (e *Encoder) float(v float64, bits int) {
	e.comma()
	switch {
	case math.IsNaN(v):
		e.buf = append(e.buf, `"NaN"`...)
	case math.IsInf(v, 1):
		e.buf = append(e.buf, `"Infinity"`...)
	case math.IsInf(v, -1):
		e.buf = append(e.buf, `"-Infinity"`...)
	default:
		e.buf = appendFloat(e.buf, v, bits)
	}
	e.needComma = true
}

// appendFloat mirrors smithy-go's encoding.EncodeFloat (itself the ES6
// number formatting of encoding/json) for finite values.
func appendFloat(dst []byte, v float64, bits int) []byte {
	abs := math.Abs(v)
	format := byte('f')
	if abs != 0 {
		if bits == 64 && (abs < 1e-6 || abs >= 1e21) || bits == 32 && (float32(abs) < 1e-6 || float32(abs) >= 1e21) {
			format = 'e'
		}
	}
	dst = strconv.AppendFloat(dst, v, format, -1, bits)
	if format == 'e' {
		// Clean up e-09 to e-9, as encoding/json does.
		n := len(dst)
		if n >= 4 && dst[n-4] == 'e' && dst[n-3] == '-' && dst[n-2] == '0' {
			dst[n-2] = dst[n-1]
			dst = dst[:n-1]
		}
	}
	return dst
}

// Blob writes v base64-encoded (standard alphabet, padded) in a JSON string.
// A nil slice is written as null, as smithy-go does.
func (e *Encoder) Blob(v []byte) {
	e.comma()
	if v == nil {
		e.buf = append(e.buf, "null"...)
	} else {
		e.buf = append(e.buf, '"')
		e.buf = base64.StdEncoding.AppendEncode(e.buf, v)
		e.buf = append(e.buf, '"')
	}
	e.needComma = true
}

// EpochSeconds writes t as fractional Unix seconds with millisecond
// precision, exactly as smithy-go writes smithytime.FormatEpochSeconds(t).
func (e *Encoder) EpochSeconds(t time.Time) {
	e.comma()
	ms := t.UnixNano() / int64(time.Millisecond)
	e.buf = appendFloat(e.buf, float64(ms)/1e3, 64)
	e.needComma = true
}

// DateTime writes t as an RFC 3339 string in UTC with a millisecond fraction
// only when it is nonzero, as smithytime.FormatDateTime does.
func (e *Encoder) DateTime(t time.Time) {
	e.comma()
	e.buf = append(e.buf, '"')
	e.buf = AppendDateTime(e.buf, t)
	e.buf = append(e.buf, '"')
	e.needComma = true
}

// HTTPDate writes t as an IMF-fixdate string (RFC 7231), as
// smithytime.FormatHTTPDate does.
func (e *Encoder) HTTPDate(t time.Time) {
	e.comma()
	e.buf = append(e.buf, '"')
	e.buf = AppendHTTPDate(e.buf, t)
	e.buf = append(e.buf, '"')
	e.needComma = true
}

// Raw writes b, which must be one complete, valid JSON value, verbatim.
func (e *Encoder) Raw(b []byte) {
	e.comma()
	e.buf = append(e.buf, b...)
	e.needComma = true
}

// encSafe marks the ASCII bytes smithy-go copies into a string verbatim.
// Unlike encoding/json it does not escape '<', '>' or '&'.
var encSafe = func() (t [utf8.RuneSelf]bool) {
	for c := ' '; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

const hexDigits = "0123456789abcdef"

// appendString appends s as a quoted JSON string, escaping like smithy-go:
// short escapes for \n \r \t, \u00XX for other control bytes, \ufffd for each
// invalid UTF-8 byte and \u2028/\u2029 for the JavaScript line separators.
func appendString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		b := s[i]
		if b < utf8.RuneSelf {
			if encSafe[b] {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch b {
			case '\\', '"':
				dst = append(dst, '\\', b)
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hexDigits[b>>4], hexDigits[b&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i++
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}
