package eventstream

import (
	"errors"
	"strconv"
)

// The causes of decode and encode errors; test for them with errors.Is. A
// stream that ends inside a frame fails with io.ErrUnexpectedEOF, and a
// reader's own error is passed on as the cause.
var (
	// ErrPreludeChecksum: the CRC32 of a frame's first 8 bytes is not the
	// one that follows them, so its lengths cannot be trusted.
	ErrPreludeChecksum = errors.New("prelude checksum mismatch")
	// ErrMessageChecksum: the CRC32 of a frame is not the one that ends it.
	ErrMessageChecksum = errors.New("message checksum mismatch")
	// ErrInvalidLength: a frame's declared lengths contradict each other
	// (shorter than a frame can be, or headers longer than the frame).
	ErrInvalidLength = errors.New("invalid length")
	// ErrMessageTooLarge: a frame is longer than the Decoder's limit.
	ErrMessageTooLarge = errors.New("message too large")
	// ErrHeadersTooLarge: encoded headers are longer than MaxHeadersLength.
	ErrHeadersTooLarge = errors.New("headers too large")
	// ErrPayloadTooLarge: a payload to encode is longer than
	// MaxPayloadLength.
	ErrPayloadTooLarge = errors.New("payload too large")
	// ErrUnknownHeaderType: a header's type tag is not one of the ten.
	ErrUnknownHeaderType = errors.New("unknown header value type")
	// ErrInvalidHeader: a header breaks the format: an empty or overlong
	// name or value, a value missing from it or running past the headers,
	// or (when encoding) the zero Value.
	ErrInvalidHeader = errors.New("invalid header")
)

// DecodeError is the error Decoder.Decode returns for anything but a clean
// end of stream: it says which message failed, where, and why.
type DecodeError struct {
	// Index is the failing message's position in the stream, from 0.
	Index int
	// Offset is the stream offset of the fault: the frame's first byte for
	// a prelude problem, the header's first byte for a header problem, the
	// checksum's for a checksum mismatch, the end of the input for a cut.
	Offset int64
	// Err is the cause: one of the Err values of this package,
	// io.ErrUnexpectedEOF, or the reader's error.
	Err error
	// Detail says what was found, e.g. "declared total length 4294967295,
	// limit 25296912".
	Detail string
}

// Error formats the error as
// "eventstream: message <i> at offset <n>: <cause>: <detail>".
func (e *DecodeError) Error() string {
	msg := "eventstream: message " + strconv.Itoa(e.Index) + " at offset " + strconv.FormatInt(e.Offset, 10) + ": "
	if e.Err != nil {
		msg += e.Err.Error()
	}
	if e.Detail != "" {
		msg += ": " + e.Detail
	}
	return msg
}

// Unwrap returns the cause, for errors.Is and errors.As.
func (e *DecodeError) Unwrap() error { return e.Err }
