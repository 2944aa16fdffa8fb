package eventstream

import (
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"hash/maphash"
	"io"
)

// initialBufferSize is the Decoder's first buffer: a few typical events
// (a few hundred bytes each) per Read, so a stream of small events costs
// one Read for several messages.
const initialBufferSize = 4 << 10

// maxEmptyReads is how many (0, nil) Reads in a row the Decoder accepts
// before it gives up with io.ErrNoProgress, as bufio does.
const maxEmptyReads = 100

// Decoder reads messages from a stream as their frames arrive.
//
// Memory is bounded: one buffer, reused for every message, grows to the
// largest frame seen (and never past the limit, MaxMessageLength unless
// SetMaxMessageLength says otherwise); a frame declaring more is refused
// before anything is allocated for it. Decoded header names and short
// string values that repeat from message to message are kept in a small
// cache, so a steady stream of events decodes without allocating.
//
// Make one with NewDecoder; a Decoder is not safe for concurrent use.
type Decoder struct {
	r   io.Reader
	buf []byte
	// buf[start:end] has been read and not yet decoded; start is the next
	// frame's first byte.
	start, end int
	// offset is the stream offset of buf[start]; index counts the messages
	// decoded so far.
	offset int64
	index  int
	max    int // the longest frame accepted
	// readErr is an error the reader returned with the last bytes of a
	// frame; it is reported when more bytes are needed.
	readErr error
	// err is the error Decode returned, returned again by every later call.
	err     error
	strings stringCache
}

// NewDecoder returns a Decoder reading from r.
func NewDecoder(r io.Reader) *Decoder {
	d := &Decoder{r: r, max: MaxMessageLength}
	d.strings.seed = maphash.MakeSeed()
	return d
}

// Reset makes d read a new stream from r, keeping its buffer, its cache
// and its limit.
func (d *Decoder) Reset(r io.Reader) {
	d.r = r
	d.start, d.end, d.offset, d.index = 0, 0, 0, 0
	d.readErr, d.err = nil, nil
}

// SetMaxMessageLength sets the longest frame Decode accepts, in bytes;
// n <= 0 restores the default, MaxMessageLength. A longer frame is an
// ErrMessageTooLarge error, found from its prelude alone.
func (d *Decoder) SetMaxMessageLength(n int) {
	if n <= 0 {
		n = MaxMessageLength
	}
	d.max = n
}

// Decode reads the next message into m, reusing m.Headers' array.
//
// m.Payload and the bytes of byte array and UUID values share the
// Decoder's buffer: they are valid until the next Decode or Reset. Use
// m.Clone to keep them longer. Header names and string values are
// ordinary strings.
//
// At the end of the stream, between frames, Decode returns io.EOF. Any
// other problem, including a stream cut inside a frame
// (io.ErrUnexpectedEOF), is a *DecodeError. A frame's checksums are
// verified before its headers are read. After an error m is emptied and
// every later call returns the same error: a stream cannot be
// resynchronised.
func (d *Decoder) Decode(m *Message) error {
	if err := d.decode(m); err != nil {
		d.err = err
		m.Headers, m.Payload = m.Headers[:0], nil
		return err
	}
	return nil
}

func (d *Decoder) decode(m *Message) error {
	if d.err != nil {
		return d.err
	}
	if err := d.fill(preludeLength); err != nil {
		if err == io.EOF && d.end == d.start {
			return io.EOF // a clean end, between frames
		}
		return d.readFailed(err, preludeLength, "prelude")
	}
	p := d.buf[d.start : d.start+preludeLength]
	total := binary.BigEndian.Uint32(p[0:4])
	headersLen := binary.BigEndian.Uint32(p[4:8])
	crc := crc32.ChecksumIEEE(p[:8])
	if want := binary.BigEndian.Uint32(p[8:12]); crc != want {
		return d.fail(0, ErrPreludeChecksum, fmt.Sprintf("computed %#08x, frame has %#08x (total length %d, headers length %d)", crc, want, total, headersLen))
	}
	switch {
	case total < minMessageLength:
		return d.fail(0, ErrInvalidLength, fmt.Sprintf("total length %d is less than the %d bytes of prelude and checksums", total, minMessageLength))
	case int64(total) > int64(d.max):
		return d.fail(0, ErrMessageTooLarge, fmt.Sprintf("declared total length %d, limit %d", total, d.max))
	case headersLen > total-minMessageLength:
		return d.fail(0, ErrInvalidLength, fmt.Sprintf("headers length %d overruns the %d bytes a %d-byte frame leaves for headers and payload", headersLen, total-minMessageLength, total))
	case headersLen > MaxHeadersLength:
		// The specification leaves this check to services, but a header
		// can decode to 24 times its wire size (3 bytes to a 72-byte
		// Header): this is what bounds the memory headers take.
		return d.fail(0, ErrHeadersTooLarge, fmt.Sprintf("headers length %d, at most %d", headersLen, MaxHeadersLength))
	}

	n := int(total)
	if err := d.fill(n); err != nil {
		return d.readFailed(err, n, "frame")
	}
	frame := d.buf[d.start : d.start+n]
	crc = crc32.Update(crc, crc32.IEEETable, frame[8:n-crcLength])
	if want := binary.BigEndian.Uint32(frame[n-crcLength:]); crc != want {
		return d.fail(int64(n-crcLength), ErrMessageChecksum, fmt.Sprintf("computed %#08x, frame has %#08x", crc, want))
	}

	headersEnd := preludeLength + int(headersLen)
	hs, err := d.parseHeaders(m.Headers[:0], frame[preludeLength:headersEnd])
	m.Headers = hs
	if err != nil {
		return err
	}
	m.Payload = nil
	if headersEnd < n-crcLength {
		// Capped, so that appending to the payload cannot overwrite the
		// next frame.
		m.Payload = frame[headersEnd : n-crcLength : n-crcLength]
	}
	d.start += n
	d.offset += int64(n)
	d.index++
	return nil
}

// fail returns a *DecodeError for the current message at offset at (from
// the frame's first byte).
func (d *Decoder) fail(at int64, cause error, detail string) error {
	return &DecodeError{Index: d.index, Offset: d.offset + at, Err: cause, Detail: detail}
}

// readFailed reports the reader error err met while reading the first
// want bytes of the current frame (what names them).
func (d *Decoder) readFailed(err error, want int, what string) error {
	have := d.end - d.start
	if err == io.EOF {
		return d.fail(int64(have), io.ErrUnexpectedEOF, fmt.Sprintf("stream ended after %d of the %s's %d bytes", have, what, want))
	}
	return d.fail(int64(have), err, fmt.Sprintf("reading the %s (%d of %d bytes read)", what, have, want))
}

// fill reads until buf[start:end] holds at least n bytes, moving the
// unread bytes to the front of the buffer, or to a larger one, when the
// frame would not fit after them. It returns the reader's error if the
// stream gives out first.
func (d *Decoder) fill(n int) error {
	if d.end-d.start >= n {
		return nil
	}
	if d.readErr != nil {
		return d.readErr
	}
	if len(d.buf)-d.start < n {
		if n > len(d.buf) {
			// Double to amortise a run of growing frames, but never past
			// what the limit lets a frame need.
			size := max(n, initialBufferSize, min(2*len(d.buf), d.max))
			nb := make([]byte, size)
			d.end = copy(nb, d.buf[d.start:d.end])
			d.buf = nb
		} else {
			d.end = copy(d.buf, d.buf[d.start:d.end])
		}
		d.start = 0
	}
	for empty := 0; d.end-d.start < n; {
		k, err := d.r.Read(d.buf[d.end:])
		if k < 0 || k > len(d.buf)-d.end {
			return fmt.Errorf("eventstream: reader returned %d from a Read of %d bytes", k, len(d.buf)-d.end)
		}
		d.end += k
		if err != nil {
			if d.end-d.start >= n {
				d.readErr = err // for when more is needed
				return nil
			}
			return err
		}
		if k > 0 {
			empty = 0
		} else if empty++; empty >= maxEmptyReads {
			return io.ErrNoProgress
		}
	}
	return nil
}

// parseHeaders appends the headers encoded in b, the current frame's
// header bytes, to hs.
func (d *Decoder) parseHeaders(hs Headers, b []byte) (Headers, error) {
	rest := b
	for len(rest) > 0 {
		// at is the header's offset from the frame's first byte.
		at := int64(preludeLength + len(b) - len(rest))
		bad := func(cause error, format string, args ...any) error {
			return d.fail(at, cause, fmt.Sprintf("header %d: ", len(hs))+fmt.Sprintf(format, args...))
		}
		nameLen := int(rest[0])
		if nameLen == 0 {
			return hs, bad(ErrInvalidHeader, "empty name")
		}
		if 1+nameLen+1 > len(rest) {
			return hs, bad(ErrInvalidHeader, "name of %d bytes and type run past the %d header bytes left", nameLen, len(rest)-1)
		}
		// A stream's messages tend to repeat one header layout, so the
		// header this one overwrites (the last message's, when m is
		// reused) most likely has the same name and string value.
		var old Header
		if len(hs) < cap(hs) {
			old = hs[:len(hs)+1][len(hs)]
		}
		name := old.Name
		if name != string(rest[1:1+nameLen]) {
			name = d.strings.get(rest[1 : 1+nameLen])
		}
		t := Type(rest[1+nameLen])
		rest = rest[2+nameLen:]
		if int(t) >= len(fixedSize) {
			return hs, bad(ErrUnknownHeaderType, "%q has type %d", name, t)
		}
		v := Value{kind: uint8(t) + 1}
		size := fixedSize[t]
		if size < 0 {
			if len(rest) < 2 {
				return hs, bad(ErrInvalidHeader, "%q: %s length runs past the headers", name, t)
			}
			size = int(binary.BigEndian.Uint16(rest))
			if size > MaxHeaderValueLength {
				return hs, bad(ErrInvalidHeader, "%q: %s of %d bytes, at most %d", name, t, size, MaxHeaderValueLength)
			}
			rest = rest[2:]
		}
		if size > len(rest) {
			return hs, bad(ErrInvalidHeader, "%q: %s value of %d bytes runs past the %d header bytes left", name, t, size, len(rest))
		}
		val := rest[:size:size]
		rest = rest[size:]
		switch t {
		case TypeByte:
			v.n = int64(int8(val[0]))
		case TypeInt16:
			v.n = int64(int16(binary.BigEndian.Uint16(val)))
		case TypeInt32:
			v.n = int64(int32(binary.BigEndian.Uint32(val)))
		case TypeInt64, TypeTimestamp:
			v.n = int64(binary.BigEndian.Uint64(val))
		case TypeString:
			if v.s = old.Value.s; v.s != string(val) {
				v.s = d.strings.get(val)
			}
		case TypeByteArray, TypeUUID:
			v.b = val
		}
		hs = append(hs, Header{Name: name, Value: v})
	}
	return hs, nil
}

// stringCache turns header bytes into strings, allocating once for a name
// or short value that recurs (":event-type", "application/json", an event
// type name) instead of once per message. It is direct-mapped: a string
// evicts whatever shared its slot, so its size stays fixed whatever the
// stream sends.
type stringCache struct {
	seed  maphash.Seed
	slots [256]string
}

// maxCachedString bounds what the cache keeps (and pins): longer values,
// such as error messages, are rarely repeated.
const maxCachedString = 64

func (c *stringCache) get(b []byte) string {
	if len(b) > maxCachedString || len(b) == 0 {
		return string(b)
	}
	s := &c.slots[maphash.Bytes(c.seed, b)%uint64(len(c.slots))]
	if *s != string(b) { // compared without a conversion
		*s = string(b)
	}
	return *s
}
