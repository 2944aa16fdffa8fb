package eventstream

import (
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"io"
)

// AppendMessage appends m, encoded as one frame, to dst. On error dst is
// returned unchanged. Headers are written in order, as given.
func AppendMessage(dst []byte, m Message) ([]byte, error) {
	if len(m.Payload) > MaxPayloadLength {
		return dst, fmt.Errorf("eventstream: %w: %d bytes, at most %d", ErrPayloadTooLarge, len(m.Payload), MaxPayloadLength)
	}
	start := len(dst)
	// The prelude is written once the headers' length is known.
	dst = append(dst, make([]byte, preludeLength)...)
	dst, err := AppendHeaders(dst, m.Headers)
	if err != nil {
		return dst[:start], err
	}
	headersLen := len(dst) - start - preludeLength
	dst = append(dst, m.Payload...)
	total := len(dst) - start + crcLength

	frame := dst[start:]
	binary.BigEndian.PutUint32(frame[0:4], uint32(total))
	binary.BigEndian.PutUint32(frame[4:8], uint32(headersLen))
	crc := crc32.ChecksumIEEE(frame[:8])
	binary.BigEndian.PutUint32(frame[8:12], crc)
	crc = crc32.Update(crc, crc32.IEEETable, frame[8:])
	return binary.BigEndian.AppendUint32(dst, crc), nil
}

// AppendHeaders appends the wire form of hs to dst: what a frame carries
// between its prelude and its payload, and what an event signature covers.
// On error dst is returned unchanged.
func AppendHeaders(dst []byte, hs Headers) ([]byte, error) {
	start := len(dst)
	for i, h := range hs {
		var err error
		if dst, err = appendHeader(dst, h); err != nil {
			return dst[:start], fmt.Errorf("eventstream: header %d (%q): %w", i, h.Name, err)
		}
	}
	if n := len(dst) - start; n > MaxHeadersLength {
		return dst[:start], fmt.Errorf("eventstream: %w: %d bytes, at most %d", ErrHeadersTooLarge, n, MaxHeadersLength)
	}
	return dst, nil
}

func appendHeader(dst []byte, h Header) ([]byte, error) {
	if len(h.Name) == 0 || len(h.Name) > MaxHeaderNameLength {
		return dst, fmt.Errorf("%w: name of %d bytes, want 1 to %d", ErrInvalidHeader, len(h.Name), MaxHeaderNameLength)
	}
	v := h.Value
	if !v.valid() {
		return dst, fmt.Errorf("%w: no value (the zero Value)", ErrInvalidHeader)
	}
	dst = append(dst, byte(len(h.Name)))
	dst = append(dst, h.Name...)
	dst = append(dst, byte(v.Type()))
	switch v.Type() {
	case TypeBoolTrue, TypeBoolFalse:
	case TypeByte:
		dst = append(dst, byte(v.n))
	case TypeInt16:
		dst = binary.BigEndian.AppendUint16(dst, uint16(v.n))
	case TypeInt32:
		dst = binary.BigEndian.AppendUint32(dst, uint32(v.n))
	case TypeInt64, TypeTimestamp:
		dst = binary.BigEndian.AppendUint64(dst, uint64(v.n))
	case TypeByteArray:
		if len(v.b) > MaxHeaderValueLength {
			return dst, fmt.Errorf("%w: byte array of %d bytes, at most %d", ErrInvalidHeader, len(v.b), MaxHeaderValueLength)
		}
		dst = binary.BigEndian.AppendUint16(dst, uint16(len(v.b)))
		dst = append(dst, v.b...)
	case TypeString:
		if len(v.s) > MaxHeaderValueLength {
			return dst, fmt.Errorf("%w: string of %d bytes, at most %d", ErrInvalidHeader, len(v.s), MaxHeaderValueLength)
		}
		dst = binary.BigEndian.AppendUint16(dst, uint16(len(v.s)))
		dst = append(dst, v.s...)
	case TypeUUID:
		dst = append(dst, v.b...) // always 16 bytes: UUID and the Decoder make it so
	}
	return dst, nil
}

// Encoder writes messages to a stream, one Write per message.
type Encoder struct {
	w   io.Writer
	buf []byte // reused for every frame
}

// NewEncoder returns an Encoder that writes to w.
func NewEncoder(w io.Writer) *Encoder { return &Encoder{w: w} }

// Encode writes m as one frame. Nothing is written if m cannot be encoded.
func (e *Encoder) Encode(m Message) error {
	var err error
	if e.buf, err = AppendMessage(e.buf[:0], m); err != nil {
		return err
	}
	_, err = e.w.Write(e.buf)
	return err
}
