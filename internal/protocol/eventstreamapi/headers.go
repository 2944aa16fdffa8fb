package eventstreamapi

import (
	"bytes"
	"fmt"
	"time"

	"github.com/aws/smithy-go"

	"github.com/gosmith/gosmith/internal/protocol/eventstream"
)

// The functions below read the @eventHeader members of an event: generated
// code calls HeaderPtr or Header with the parser of the member's type. An
// absent header leaves the member unset; a header of another type is a
// *smithy.DeserializationError naming it.

// HeaderPtr reads the header called name with parse; nil when it is absent.
func HeaderPtr[T any](m *Message, name string, parse func(eventstream.Value) (T, error)) (*T, error) {
	x, ok, err := header(m, name, parse)
	if !ok || err != nil {
		return nil, err
	}
	return &x, nil
}

// Header reads the header called name with parse; the zero value when it
// is absent.
func Header[T any](m *Message, name string, parse func(eventstream.Value) (T, error)) (T, error) {
	x, _, err := header(m, name, parse)
	return x, err
}

func header[T any](m *Message, name string, parse func(eventstream.Value) (T, error)) (x T, ok bool, err error) {
	v, ok := m.Headers.Get(name)
	if !ok {
		return x, false, nil
	}
	if x, err = parse(v); err != nil {
		return x, true, headerError(name, v, err)
	}
	return x, true, nil
}

func headerError(name string, v eventstream.Value, err error) error {
	return &smithy.DeserializationError{Err: fmt.Errorf("event header %q (a %s): %w", name, v.Type(), err)}
}

// Bool parses a boolean header.
func Bool(v eventstream.Value) (bool, error) {
	switch v.Type() {
	case eventstream.TypeBoolTrue, eventstream.TypeBoolFalse:
		return v.Bool(), nil
	}
	return false, fmt.Errorf("want a boolean")
}

// Int parses an integer header (byte, short, integer or long) into an
// integer member, whose type must hold its value.
func Int[T ~int8 | ~int16 | ~int32 | ~int64](v eventstream.Value) (T, error) {
	switch v.Type() {
	case eventstream.TypeByte, eventstream.TypeInt16, eventstream.TypeInt32, eventstream.TypeInt64:
		n := v.Int()
		if int64(T(n)) != n {
			return 0, fmt.Errorf("%d overflows the member", n)
		}
		return T(n), nil
	}
	return 0, fmt.Errorf("want an integer")
}

// String parses a string header into a string or enum member.
func String[T ~string](v eventstream.Value) (T, error) {
	if v.Type() != eventstream.TypeString {
		return "", fmt.Errorf("want a string")
	}
	return T(v.String()), nil
}

// Blob parses a byte array header; the bytes are copied, as the message's
// are reused for the next one.
func Blob(v eventstream.Value) ([]byte, error) {
	if v.Type() != eventstream.TypeByteArray {
		return nil, fmt.Errorf("want a byte_array")
	}
	return bytes.Clone(v.Bytes()), nil
}

// Timestamp parses a timestamp header (milliseconds since the Unix epoch).
func Timestamp(v eventstream.Value) (time.Time, error) {
	if v.Type() != eventstream.TypeTimestamp {
		return time.Time{}, fmt.Errorf("want a timestamp")
	}
	return v.Time(), nil
}
