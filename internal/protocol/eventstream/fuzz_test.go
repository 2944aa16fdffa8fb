package eventstream

import (
	"bytes"
	"errors"
	"io"
	"testing"
	"testing/iotest"
	"time"
)

// FuzzDecoder checks that no input makes the Decoder panic, that every
// error is io.EOF or a *DecodeError, that reading one byte at a time
// decodes exactly as reading at once, and that every decoded message
// re-encodes to the very bytes it was decoded from.
func FuzzDecoder(f *testing.F) {
	// Seeds from our own encoder: every header type, headers alone, a
	// payload alone, and the first of these spoiled by one bit in each part
	// of the frame (lengths, prelude checksum, headers, payload, checksum).
	everyType := Message{Headers: Headers{
		{"true", Bool(true)},
		{"false", Bool(false)},
		{"byte", Byte(-128)},
		{"short", Int16(32767)},
		{"int", Int32(-1 << 31)},
		{"long", Int64(1<<63 - 1)},
		{"bytes", ByteArray([]byte{0, 1, 0xff})},
		{"string", String("héllo")},
		{"timestamp", Timestamp(time.UnixMilli(1709251199123))},
		{"uuid", UUID([16]byte{0: 0x12, 6: 0x40, 8: 0x80, 15: 0xff})},
	}, Payload: []byte(`{"seed":true}`)}
	frame := mustEncode(f, everyType)
	f.Add(frame)
	f.Add(mustEncode(f, Message{Headers: Headers{{"n", Int32(42)}}}))
	f.Add(mustEncode(f, Message{Payload: []byte("payload alone")}))
	for _, at := range []int{3, 7, 11, 14, len(frame) - 6, len(frame) - 1} {
		spoiled := bytes.Clone(frame)
		spoiled[at] ^= 1
		f.Add(spoiled)
	}
	var stream []byte
	for _, m := range append(realisticEvents(2), NewError("E", "m"), Message{}) {
		stream, _ = AppendMessage(stream, m)
	}
	f.Add(stream)
	f.Add(rawFrame([]byte{1, 'a', 0, 1, 'b', 9, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}, []byte("p")))
	f.Add(rawFrame([]byte{1, 'h', 10}, nil))
	f.Add(prelude(1<<32-1, 0))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		whole, errWhole := decodeAll(bytes.NewReader(data))
		if errWhole != io.EOF {
			var de *DecodeError
			if !errors.As(errWhole, &de) {
				t.Fatalf("error %v (%T) is neither io.EOF nor *DecodeError", errWhole, errWhole)
			}
		}
		bytewise, errBytewise := decodeAll(iotest.OneByteReader(bytes.NewReader(data)))
		if len(bytewise) != len(whole) || errBytewise.Error() != errWhole.Error() {
			t.Fatalf("one byte at a time: %d messages, %v; at once: %d, %v", len(bytewise), errBytewise, len(whole), errWhole)
		}
		off := 0
		for i, m := range whole {
			if len(m.Payload) > MaxPayloadLength {
				return // accepted (clients must not check), but not for sending
			}
			re, err := AppendMessage(nil, m)
			if err != nil {
				t.Fatalf("message %d decoded but does not encode: %v", i, err)
			}
			if !bytes.Equal(re, data[off:min(off+len(re), len(data))]) {
				t.Fatalf("message %d re-encodes to\n%x\nnot\n%x", i, re, data[off:min(off+len(re), len(data))])
			}
			if !equalMessages(m, bytewise[i]) {
				t.Fatalf("message %d differs read one byte at a time", i)
			}
			off += len(re)
			_, _, _ = Classify(&m) // must not panic
		}
	})
}

func equalMessages(a, b Message) bool {
	if len(a.Headers) != len(b.Headers) || !bytes.Equal(a.Payload, b.Payload) {
		return false
	}
	for i := range a.Headers {
		if a.Headers[i].Name != b.Headers[i].Name || !a.Headers[i].Value.Equal(b.Headers[i].Value) {
			return false
		}
	}
	return true
}
