package jsonwire

import (
	"errors"
	"io"
	"strconv"
	"strings"
)

// Error is the error returned by Decoder methods. It names where the problem
// was found both as a byte offset and as a JSON path such as
// $.TapeRecoveryPointInfos[3].TapeSizeInBytes.
type Error struct {
	// Offset is the byte offset in the input at which the problem was found.
	Offset int64
	// Err is the cause: a syntax or type problem found by the decoder, or the
	// error returned by an Object or Array callback.
	Err error

	// segs holds the path innermost segment first; it is filled in only while
	// an error unwinds through Object and Array, so success costs nothing.
	segs []pathSeg
}

// pathSeg is one step of a JSON path: an object key or an array index.
type pathSeg struct {
	key     string
	index   int
	isIndex bool
}

// Path returns the JSON path of the value that failed, starting with "$".
// Keys that are not plain identifiers are written as ["quoted key"].
func (e *Error) Path() string {
	var b strings.Builder
	b.WriteByte('$')
	for i := len(e.segs) - 1; i >= 0; i-- {
		s := e.segs[i]
		switch {
		case s.isIndex:
			b.WriteByte('[')
			b.WriteString(strconv.Itoa(s.index))
			b.WriteByte(']')
		case isIdent(s.key):
			b.WriteByte('.')
			b.WriteString(s.key)
		default:
			b.WriteByte('[')
			b.WriteString(strconv.Quote(s.key))
			b.WriteByte(']')
		}
	}
	return b.String()
}

// Error formats the error as "jsonwire: <path> (offset <n>): <cause>".
func (e *Error) Error() string {
	msg := "<nil>"
	if e.Err != nil {
		msg = e.Err.Error()
	}
	return "jsonwire: " + e.Path() + " (offset " + strconv.FormatInt(e.Offset, 10) + "): " + msg
}

// Unwrap returns the cause so errors.Is and errors.As see callback errors.
func (e *Error) Unwrap() error { return e.Err }

// isIdent reports whether key can be written in a path as .key unambiguously.
func isIdent(key string) bool {
	if key == "" {
		return false
	}
	for i := 0; i < len(key); i++ {
		c := key[i]
		if c == '_' || c == '-' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || i > 0 && '0' <= c && c <= '9' {
			continue
		}
		return false
	}
	return true
}

// errUnexpectedEnd is a truncated document; it wraps io.ErrUnexpectedEOF so
// callers can test for truncation as they do with encoding/json.
var errUnexpectedEnd error = unexpectedEnd{}

type unexpectedEnd struct{}

func (unexpectedEnd) Error() string { return "unexpected end of JSON input" }
func (unexpectedEnd) Unwrap() error { return io.ErrUnexpectedEOF }

// errShort is what token readers return when a stream's input runs out in
// the middle of their token: not an error, but a request for more input.
// It never reaches a caller: each reader refills and scans again.
var errShort = &Error{Err: errUnexpectedEnd}

// errEOF reports the input ending at data[i], or errShort when more of the
// stream may follow.
func (d *Decoder) errEOF(i int) *Error {
	if d.streaming() {
		return errShort
	}
	return &Error{Offset: d.base + int64(i), Err: errUnexpectedEnd}
}

// errAt reports a problem found at data[i].
func (d *Decoder) errAt(i int, msg string) *Error {
	return errAtOffset(d.base+int64(i), msg)
}

// errAtOffset reports a problem found at offset off of the input.
func errAtOffset(off int64, msg string) *Error {
	return &Error{Offset: off, Err: errors.New(msg)}
}

// wrapErr turns err into an *Error positioned at the current offset
// (keeping an existing *Error as is) and records seg as the next-outer path
// segment.
func (d *Decoder) wrapErr(err error, seg pathSeg) error {
	e, ok := err.(*Error)
	if !ok {
		e = &Error{Offset: d.Offset(), Err: err}
	}
	e.segs = append(e.segs, seg)
	return e
}

// snapshotRadius is how many bytes Snapshot keeps on each side of the offset.
const snapshotRadius = 32

// Snapshot returns the part of body around offset (up to 32 bytes before and
// 32 bytes after it) for error reports such as
// smithy.DeserializationError.Snapshot. Invalid UTF-8 (including runes cut at
// the window edges) is replaced with U+FFFD so the result is printable.
func Snapshot(body []byte, offset int64) string {
	if offset < 0 {
		offset = 0
	}
	if offset > int64(len(body)) {
		offset = int64(len(body))
	}
	lo := max(int(offset)-snapshotRadius, 0)
	hi := min(int(offset)+snapshotRadius, len(body))
	return strings.ToValidUTF8(string(body[lo:hi]), "\uFFFD")
}
