package eventstream

// Limits of the wire format (the Amazon Event Stream specification).
const (
	// MaxHeaderNameLength is the longest header name: its length is one byte.
	MaxHeaderNameLength = 255
	// MaxHeaderValueLength is the longest byte array or string value
	// (2^15-1 bytes), though its length prefix has 16 bits.
	MaxHeaderValueLength = 1<<15 - 1
	// MaxHeadersLength is the most encoded header bytes a message may carry
	// (128 KiB).
	MaxHeadersLength = 128 << 10
	// MaxPayloadLength is the largest payload a message may carry (24 MiB).
	MaxPayloadLength = 24 << 20
	// MaxMessageLength is the largest frame the limits above allow, and the
	// Decoder's default limit: the specification forbids clients to reject
	// anything smaller.
	MaxMessageLength = preludeLength + MaxHeadersLength + MaxPayloadLength + crcLength
)

const (
	// preludeLength is total length, headers length and prelude CRC.
	preludeLength = 12
	crcLength     = 4
	// minMessageLength is a frame without headers or payload.
	minMessageLength = preludeLength + crcLength
)

// Message is one event stream message: typed headers and an opaque payload.
type Message struct {
	Headers Headers
	Payload []byte
}

// Header is one named header value.
type Header struct {
	Name  string
	Value Value
}

// Headers are a message's headers in wire order. A name should appear once;
// Get returns the first when a peer repeats one.
type Headers []Header

// Get returns the value of the header called name, and whether there is one.
func (hs Headers) Get(name string) (Value, bool) {
	for i := range hs {
		if hs[i].Name == name {
			return hs[i].Value, true
		}
	}
	return Value{}, false
}

// Set gives the header called name the value v: in place if there is one,
// otherwise appended (so headers keep the order they were first set in).
func (hs *Headers) Set(name string, v Value) {
	for i := range *hs {
		if (*hs)[i].Name == name {
			(*hs)[i].Value = v
			return
		}
	}
	*hs = append(*hs, Header{Name: name, Value: v})
}

// Clone returns a copy of m that shares no memory with it: a decoded
// message's payload and byte array values live in the Decoder's buffer
// until the next Decode, the clone for as long as it is used. A clone
// without headers has nil Headers.
func (m Message) Clone() Message {
	size := len(m.Payload)
	for _, h := range m.Headers {
		size += len(h.Value.b)
	}
	// One allocation for every byte slice; each piece is capped so that an
	// append to one cannot run into the next.
	buf := make([]byte, 0, size)
	carve := func(b []byte) []byte {
		if b == nil {
			return nil
		}
		start := len(buf)
		buf = append(buf, b...)
		return buf[start:len(buf):len(buf)]
	}
	c := Message{Payload: carve(m.Payload)}
	if len(m.Headers) > 0 {
		c.Headers = make(Headers, len(m.Headers))
		for i, h := range m.Headers {
			h.Value.b = carve(h.Value.b)
			c.Headers[i] = h
		}
	}
	return c
}
