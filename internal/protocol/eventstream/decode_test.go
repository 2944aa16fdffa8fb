package eventstream

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"runtime"
	"strings"
	"testing"
	"testing/iotest"
	"time"

	"github.com/google/go-cmp/cmp"
)

// rawFrame builds a frame around raw header bytes and a payload with
// correct lengths and checksums, so that tests can send headers the
// Encoder would refuse to write.
func rawFrame(headers, payload []byte) []byte {
	total := minMessageLength + len(headers) + len(payload)
	f := binary.BigEndian.AppendUint32(nil, uint32(total))
	f = binary.BigEndian.AppendUint32(f, uint32(len(headers)))
	f = binary.BigEndian.AppendUint32(f, crc32.ChecksumIEEE(f))
	f = append(f, headers...)
	f = append(f, payload...)
	return binary.BigEndian.AppendUint32(f, crc32.ChecksumIEEE(f))
}

// prelude returns a frame's first 12 bytes declaring the given lengths,
// with a correct prelude checksum.
func prelude(total, headersLen uint32) []byte {
	p := binary.BigEndian.AppendUint32(nil, total)
	p = binary.BigEndian.AppendUint32(p, headersLen)
	return binary.BigEndian.AppendUint32(p, crc32.ChecksumIEEE(p))
}

func mustEncode(t testing.TB, msgs ...Message) []byte {
	t.Helper()
	var b []byte
	for _, m := range msgs {
		var err error
		if b, err = AppendMessage(b, m); err != nil {
			t.Fatal(err)
		}
	}
	return b
}

// decodeAll decodes every message of stream (cloned) and the error that
// ended it.
func decodeAll(r io.Reader) ([]Message, error) {
	d := NewDecoder(r)
	var out []Message
	var m Message
	for {
		if err := d.Decode(&m); err != nil {
			return out, err
		}
		out = append(out, m.Clone())
	}
}

// decodeAgain decodes stream to its end with d, r and m, reusing all
// three: the steady state the allocation test and BenchmarkDecode measure.
func decodeAgain(tb testing.TB, d *Decoder, r *bytes.Reader, m *Message, stream []byte) {
	r.Reset(stream)
	d.Reset(r)
	for {
		if err := d.Decode(m); err != nil {
			if err != io.EOF {
				tb.Fatal(err)
			}
			return
		}
	}
}

// realisticEvents returns n Bedrock ConverseStream-like events.
func realisticEvents(n int) []Message {
	msgs := make([]Message, n)
	for i := range msgs {
		payload := fmt.Sprintf(`{"contentBlockIndex":0,"delta":{"text":"token %d of the answer, with a few more words"},"p":"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCD"}`, i)
		msgs[i] = Message{Headers: Headers{
			{HeaderEventType, String("contentBlockDelta")},
			{HeaderContentType, String("application/json")},
			{HeaderMessageType, String(MessageTypeEvent)},
		}, Payload: []byte(payload)}
	}
	return msgs
}

func TestDecodeStreamOfMessages(t *testing.T) {
	want := append(realisticEvents(50),
		Message{}, // no headers, no payload
		Message{Payload: []byte("only a payload")}, // no headers
		Message{Headers: Headers{{"only", Bool(true)}}},
	)
	stream := mustEncode(t, want...)
	readers := map[string]func() io.Reader{
		"whole":             func() io.Reader { return bytes.NewReader(stream) },
		"one byte per Read": func() io.Reader { return iotest.OneByteReader(bytes.NewReader(stream)) },
		"half a buffer":     func() io.Reader { return iotest.HalfReader(bytes.NewReader(stream)) },
		"data with EOF":     func() io.Reader { return iotest.DataErrReader(bytes.NewReader(stream)) },
		"empty Reads":       func() io.Reader { return &stutterReader{r: bytes.NewReader(stream)} },
	}
	for name, r := range readers {
		t.Run(name, func(t *testing.T) {
			got, err := decodeAll(r())
			if err != io.EOF {
				t.Fatalf("stream ended with %v, want io.EOF", err)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// stutterReader answers every other Read with (0, nil).
type stutterReader struct {
	r    io.Reader
	flip bool
}

func (s *stutterReader) Read(p []byte) (int, error) {
	if s.flip = !s.flip; s.flip {
		return 0, nil
	}
	return s.r.Read(p)
}

func TestEveryHeaderTypeRoundTrips(t *testing.T) {
	long := strings.Repeat("n", MaxHeaderNameLength)
	want := Message{Headers: Headers{
		{"true", Bool(true)},
		{"false", Bool(false)},
		{"byte min", Byte(-128)},
		{"byte max", Byte(127)},
		{"short min", Int16(-32768)},
		{"short max", Int16(32767)},
		{"int min", Int32(-1 << 31)},
		{"int max", Int32(1<<31 - 1)},
		{"long min", Int64(-1 << 63)},
		{"long max", Int64(1<<63 - 1)},
		{"bytes", ByteArray([]byte{0, 1, 0xff})},
		{"empty bytes", ByteArray([]byte{})},
		{"longest bytes", ByteArray(bytes.Repeat([]byte{0xab}, MaxHeaderValueLength))},
		{"string", String("héllo, \x00 world")},
		{"empty string", String("")},
		{"longest string", String(strings.Repeat("s", MaxHeaderValueLength))},
		{"timestamp", Timestamp(time.Date(2024, 2, 29, 23, 59, 59, 123e6, time.UTC))},
		{"before 1970", Timestamp(time.UnixMilli(-1))},
		{"uuid", UUID([16]byte{0x12, 0x3e, 0x45, 0x67, 0xe8, 0x9b, 0x12, 0xd3, 0xa4, 0x56, 0x42, 0x66, 0x14, 0x17, 0x40, 0x00})},
		{long, String("longest name")},
		{"x", Byte(0)}, // shortest name
	}, Payload: []byte("payload")}
	frame := mustEncode(t, want)
	got, err := decodeAll(bytes.NewReader(frame))
	if err != io.EOF || len(got) != 1 {
		t.Fatalf("decoded %d messages, error %v", len(got), err)
	}
	if diff := cmp.Diff(want, got[0]); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	// The accessors give back what the constructors took.
	hs := got[0].Headers
	get := func(name string) Value {
		v, ok := hs.Get(name)
		if !ok {
			t.Fatalf("no header %q", name)
		}
		return v
	}
	checks := []struct {
		name string
		got  any
		want any
	}{
		{"true", get("true").Bool(), true},
		{"false", get("false").Bool(), false},
		{"byte min", get("byte min").Int(), int64(-128)},
		{"short min", get("short min").Int(), int64(-32768)},
		{"int min", get("int min").Int(), int64(-1 << 31)},
		{"long max", get("long max").Int(), int64(1<<63 - 1)},
		{"bytes", get("bytes").Bytes(), []byte{0, 1, 0xff}},
		{"string", get("string").String(), "héllo, \x00 world"},
		{"timestamp", get("timestamp").Time(), time.Date(2024, 2, 29, 23, 59, 59, 123e6, time.UTC)},
		{"timestamp ms", get("timestamp").Int(), int64(1709251199123)},
		{"uuid", get("uuid").String(), "123e4567-e89b-12d3-a456-426614174000"},
		{"uuid bytes", get("uuid").UUID(), [16]byte{0x12, 0x3e, 0x45, 0x67, 0xe8, 0x9b, 0x12, 0xd3, 0xa4, 0x56, 0x42, 0x66, 0x14, 0x17, 0x40, 0x00}},
		{"type", get("longest bytes").Type(), TypeByteArray},
	}
	for _, c := range checks {
		if !cmp.Equal(c.got, c.want) {
			t.Errorf("%s: got %v, want %v", c.name, c.got, c.want)
		}
	}
}

func TestValueString(t *testing.T) {
	for _, c := range []struct {
		v    Value
		want string
	}{
		{Bool(true), "true"},
		{Bool(false), "false"},
		{Byte(-3), "-3"},
		{Int16(300), "300"},
		{Int32(-70000), "-70000"},
		{Int64(1 << 40), "1099511627776"},
		{ByteArray([]byte("hi")), "aGk="},
		{String("text"), "text"},
		{Timestamp(time.UnixMilli(1500)), "1970-01-01T00:00:01.5Z"},
		{UUID([16]byte{15: 1}), "00000000-0000-0000-0000-000000000001"},
		{Value{}, "<no value>"},
	} {
		if got := c.v.String(); got != c.want {
			t.Errorf("%v: String() = %q, want %q", c.v.Type(), got, c.want)
		}
	}
	if got := (Value{}).Type().String(); got != "type 255" {
		t.Errorf("zero Value's type prints %q", got)
	}
}

// TestDecodeErrors: each malformed frame fails with its cause, at the
// message and offset where the fault is, and never panics.
func TestDecodeErrors(t *testing.T) {
	good := mustEncode(t, Message{Headers: Headers{{"a", String("b")}}, Payload: []byte("xyz")})
	flip := func(b []byte, i int) []byte {
		c := bytes.Clone(b)
		c[i] ^= 0x01
		return c
	}
	cases := []struct {
		name   string
		stream []byte
		cause  error
		offset int64 // from the start of the bad frame
		detail string
	}{
		{"prelude checksum", flip(good, 9), ErrPreludeChecksum, 0, "computed"},
		{"total length changed", flip(good, 3), ErrPreludeChecksum, 0, ""},
		{"message checksum", flip(good, len(good)-1), ErrMessageChecksum, int64(len(good) - 4), ""},
		{"payload changed", flip(good, len(good)-5), ErrMessageChecksum, int64(len(good) - 4), ""},
		{"header changed", flip(good, 13), ErrMessageChecksum, int64(len(good) - 4), ""},
		{"total under 16", prelude(15, 0), ErrInvalidLength, 0, "total length 15"},
		{"total 0", prelude(0, 0), ErrInvalidLength, 0, ""},
		{"headers overrun the frame", prelude(20, 5), ErrInvalidLength, 0, "headers length 5 overruns"},
		{"headers over 128 KiB", prelude(MaxHeadersLength+17, MaxHeadersLength+1), ErrHeadersTooLarge, 0, ""},
		{"frame over the limit", prelude(1<<32-1, 0), ErrMessageTooLarge, 0, "declared total length 4294967295"},
		{"unknown type", rawFrame([]byte{1, 'h', 10}, nil), ErrUnknownHeaderType, 12, `header 0: "h" has type 10`},
		{"unknown type 255", rawFrame([]byte{1, 'h', 255}, nil), ErrUnknownHeaderType, 12, ""},
		{"empty name", rawFrame([]byte{0, 0}, nil), ErrInvalidHeader, 12, "empty name"},
		{"name past the headers", rawFrame([]byte{5, 'a', 'b'}, []byte("payload")), ErrInvalidHeader, 12, "name of 5 bytes"},
		{"no type byte", rawFrame([]byte{1, 'a'}, nil), ErrInvalidHeader, 12, ""},
		{"int32 cut short", rawFrame([]byte{1, 'a', 4, 0, 0}, []byte("pay")), ErrInvalidHeader, 12, "integer value of 4 bytes runs past"},
		{"uuid cut short", rawFrame([]byte{1, 'a', 9, 1, 2, 3}, nil), ErrInvalidHeader, 12, ""},
		{"string length cut", rawFrame([]byte{1, 'a', 7, 0}, nil), ErrInvalidHeader, 12, "string length runs past"},
		{"string past the headers", rawFrame([]byte{1, 'a', 7, 0, 9, 'x'}, []byte("payload")), ErrInvalidHeader, 12, ""},
		{"string over 2^15-1", rawFrame(append([]byte{1, 'a', 7, 0x80, 0x00}, make([]byte, 1<<15)...), nil), ErrInvalidHeader, 12, "string of 32768 bytes"},
		{"byte array over 2^15-1", rawFrame(append([]byte{1, 'a', 6, 0xff, 0xff}, make([]byte, 1<<16-1)...), nil), ErrInvalidHeader, 12, ""},
		{"second header bad", rawFrame([]byte{1, 'a', 0, 1, 'b', 42}, nil), ErrUnknownHeaderType, 15, "header 1"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			// Two good messages first, so the index and offset are the
			// stream's, not the frame's.
			stream := append(bytes.Repeat(good, 2), c.stream...)
			got, err := decodeAll(bytes.NewReader(stream))
			if len(got) != 2 {
				t.Errorf("decoded %d messages before the error, want 2", len(got))
			}
			var de *DecodeError
			if !errors.As(err, &de) || !errors.Is(err, c.cause) {
				t.Fatalf("got %v, want a *DecodeError for %v", err, c.cause)
			}
			if de.Index != 2 {
				t.Errorf("Index %d, want 2", de.Index)
			}
			if want := int64(2*len(good)) + c.offset; de.Offset != want {
				t.Errorf("Offset %d, want %d (%v)", de.Offset, want, err)
			}
			if !strings.Contains(err.Error(), c.detail) || !strings.HasPrefix(err.Error(), "eventstream: message 2 at offset ") {
				t.Errorf("error %q, want it to contain %q", err, c.detail)
			}
		})
	}
}

func TestDecodeErrorIsSticky(t *testing.T) {
	d := NewDecoder(bytes.NewReader(prelude(3, 0)))
	m := Message{Headers: Headers{{"stale", Bool(true)}}, Payload: []byte("stale")}
	first := d.Decode(&m)
	if first == nil {
		t.Fatal("no error")
	}
	if len(m.Headers) != 0 || m.Payload != nil {
		t.Errorf("after an error the message holds %+v", m)
	}
	if again := d.Decode(&m); again != first {
		t.Errorf("second call: %v, want the first error %v", again, first)
	}
	// Reset starts over.
	d.Reset(bytes.NewReader(mustEncode(t, Message{Payload: []byte("ok")})))
	if err := d.Decode(&m); err != nil || string(m.Payload) != "ok" {
		t.Errorf("after Reset: %v %q", err, m.Payload)
	}
}

// TestStreamCutAtEveryOffset: a stream that stops anywhere inside a frame
// is io.ErrUnexpectedEOF naming the message it stopped in; one that stops
// between frames is a clean io.EOF after the messages before the cut.
func TestStreamCutAtEveryOffset(t *testing.T) {
	msgs := []Message{
		{Headers: Headers{{HeaderEventType, String("a")}, {"n", Int64(7)}}, Payload: []byte("first")},
		{},
		{Headers: Headers{{"u", UUID([16]byte{1})}}, Payload: []byte("third")},
	}
	var ends []int // where each frame ends
	var stream []byte
	for _, m := range msgs {
		stream = append(stream, mustEncode(t, m)...)
		ends = append(ends, len(stream))
	}
	for cut := 0; cut <= len(stream); cut++ {
		got, err := decodeAll(iotest.HalfReader(bytes.NewReader(stream[:cut])))
		complete := 0
		for _, e := range ends {
			if e <= cut {
				complete++
			}
		}
		if len(got) != complete {
			t.Fatalf("cut at %d: %d messages, want %d", cut, len(got), complete)
		}
		atBoundary := cut == 0 || complete > 0 && ends[complete-1] == cut
		if atBoundary {
			if err != io.EOF {
				t.Fatalf("cut at %d (between frames): %v, want io.EOF", cut, err)
			}
			continue
		}
		var de *DecodeError
		if !errors.As(err, &de) || !errors.Is(err, io.ErrUnexpectedEOF) || de.Index != complete || de.Offset != int64(cut) {
			t.Fatalf("cut at %d: %v (%+v), want io.ErrUnexpectedEOF in message %d at offset %d", cut, err, de, complete, cut)
		}
	}
}

// TestReaderErrorMidFrame: the reader's own error is the cause, wrapped
// with where it struck; a stream cut by the transport is not a clean EOF.
func TestReaderErrorMidFrame(t *testing.T) {
	stream := mustEncode(t, realisticEvents(3)...)
	boom := errors.New("connection reset")
	cut := len(stream) - 40 // inside the third frame
	r := io.MultiReader(bytes.NewReader(stream[:cut]), iotest.ErrReader(boom))
	got, err := decodeAll(r)
	if len(got) != 2 {
		t.Errorf("%d messages before the error, want 2", len(got))
	}
	var de *DecodeError
	if !errors.As(err, &de) || !errors.Is(err, boom) || de.Index != 2 || de.Offset != int64(cut) {
		t.Fatalf("got %v, want connection reset in message 2 at offset %d", err, cut)
	}
	if !strings.Contains(err.Error(), "reading the frame") {
		t.Errorf("error %q does not say what was being read", err)
	}

	// An error between frames is still the reader's error, not io.EOF.
	r = io.MultiReader(bytes.NewReader(stream), iotest.ErrReader(boom))
	if got, err = decodeAll(r); len(got) != 3 || !errors.Is(err, boom) {
		t.Errorf("error after the last frame: %d messages, %v", len(got), err)
	}
}

func TestReaderThatNeverProgresses(t *testing.T) {
	_, err := decodeAll(stuck{})
	if !errors.Is(err, io.ErrNoProgress) {
		t.Errorf("got %v, want io.ErrNoProgress", err)
	}
}

type stuck struct{}

func (stuck) Read([]byte) (int, error) { return 0, nil }

// badCountReader claims to have read more than it was given room for.
type badCountReader struct{}

func (badCountReader) Read(p []byte) (int, error) { return len(p) + 1, nil }

func TestReaderWithImpossibleCountIsAnErrorNotAPanic(t *testing.T) {
	if _, err := decodeAll(badCountReader{}); err == nil || !strings.Contains(err.Error(), "reader returned") {
		t.Errorf("got %v", err)
	}
}

// TestOversizeFrameIsRefusedBeforeAllocating: a prelude declaring 4 GiB
// (or anything over the limit) is refused from its 12 bytes: the reader is
// never asked for more and the decoder allocates nothing near that size.
func TestOversizeFrameIsRefusedBeforeAllocating(t *testing.T) {
	for _, total := range []uint32{1<<32 - 1, MaxMessageLength + 1, 1 << 20} {
		t.Run(fmt.Sprint(total), func(t *testing.T) {
			d := NewDecoder(nil)
			if total == 1<<20 {
				d.SetMaxMessageLength(1<<20 - 1)
			}
			var m Message
			var err error
			var before, after runtime.MemStats
			r := &onlyReader{data: prelude(total, 0)}
			runtime.ReadMemStats(&before)
			allocs := testing.AllocsPerRun(20, func() {
				r.done = false
				d.Reset(r)
				err = d.Decode(&m)
			})
			runtime.ReadMemStats(&after)
			if !errors.Is(err, ErrMessageTooLarge) {
				t.Fatalf("got %v, want ErrMessageTooLarge", err)
			}
			// The error and its detail: a few small allocations (more
			// under the race detector), never the frame.
			if allocs > 8 {
				t.Errorf("%v allocations per refused frame", allocs)
			}
			if grew := after.TotalAlloc - before.TotalAlloc; grew > 64<<10 {
				t.Errorf("allocated %d bytes refusing 21 frames", grew)
			}
		})
	}
}

// onlyReader returns data and then fails the test's expectation loudly: a
// decoder that asks for more wanted bytes past the prelude.
type onlyReader struct {
	data []byte
	done bool
}

func (r *onlyReader) Read(p []byte) (int, error) {
	if r.done {
		return 0, errors.New("read past the prelude")
	}
	r.done = true
	return copy(p, r.data), nil
}

func TestSetMaxMessageLength(t *testing.T) {
	frame := mustEncode(t, Message{Payload: make([]byte, 100)})
	d := NewDecoder(bytes.NewReader(frame))
	d.SetMaxMessageLength(len(frame) - 1)
	var m Message
	if err := d.Decode(&m); !errors.Is(err, ErrMessageTooLarge) {
		t.Errorf("frame one byte over the limit: %v", err)
	}
	d.Reset(bytes.NewReader(frame))
	d.SetMaxMessageLength(len(frame))
	if err := d.Decode(&m); err != nil {
		t.Errorf("frame at the limit: %v", err)
	}
	d.Reset(bytes.NewReader(frame))
	d.SetMaxMessageLength(0)
	if d.max != MaxMessageLength {
		t.Errorf("SetMaxMessageLength(0) left %d", d.max)
	}
}

// TestLargestFramesDecode: the largest payload and headers the
// specification allows are accepted by default.
func TestLargestFramesDecode(t *testing.T) {
	if testing.Short() {
		t.Skip("24 MiB frame")
	}
	var hs Headers
	for i := 0; len(hs) < 3; i++ {
		hs = append(hs, Header{fmt.Sprint("h", i), ByteArray(make([]byte, MaxHeaderValueLength))})
	}
	hb, err := AppendHeaders(nil, hs)
	if err != nil {
		t.Fatal(err)
	}
	// Pad with a string header to exactly MaxHeadersLength.
	pad := MaxHeadersLength - len(hb) - len("\x03pad\x07\x00\x00")
	hs = append(hs, Header{"pad", String(strings.Repeat("p", pad))})
	m := Message{Headers: hs, Payload: bytes.Repeat([]byte{'x'}, MaxPayloadLength)}
	frame := mustEncode(t, m)
	if len(frame) != MaxMessageLength {
		t.Fatalf("frame of %d bytes, want %d", len(frame), MaxMessageLength)
	}
	got, err := decodeAll(bytes.NewReader(frame))
	if err != io.EOF || len(got) != 1 || !bytes.Equal(got[0].Payload, m.Payload) || len(got[0].Headers) != 4 {
		t.Fatalf("decoded %d messages, %v", len(got), err)
	}
}

// TestPayloadValidUntilNextDecode documents the aliasing: a payload is the
// decoder's buffer, so it changes under a later Decode; a clone does not.
func TestPayloadValidUntilNextDecode(t *testing.T) {
	a := Message{Headers: Headers{{"b", ByteArray([]byte("AAAA"))}}, Payload: []byte("first")}
	b := Message{Headers: Headers{{"b", ByteArray([]byte("BBBB"))}}, Payload: []byte("secnd")}
	d := NewDecoder(bytes.NewReader(mustEncode(t, a, b)))
	var m Message
	if err := d.Decode(&m); err != nil {
		t.Fatal(err)
	}
	kept := m.Clone()
	if err := d.Decode(&m); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(a, kept); diff != "" {
		t.Errorf("clone changed (-want +got):\n%s", diff)
	}
	// Appending to a decoded payload must not write into the next frame.
	d = NewDecoder(bytes.NewReader(mustEncode(t, a, b)))
	if err := d.Decode(&m); err != nil {
		t.Fatal(err)
	}
	_ = append(m.Payload, "XXXXXXXXXXXX"...)
	if err := d.Decode(&m); err != nil {
		t.Fatalf("append to a payload corrupted the next frame: %v", err)
	}
}

func TestDecodeReusesHeadersAndAllocatesNothingPerEvent(t *testing.T) {
	const n = 1000
	stream := mustEncode(t, realisticEvents(n)...)
	d := NewDecoder(nil)
	var m Message
	r := bytes.NewReader(stream)
	decode := func() { decodeAgain(t, d, r, &m, stream) }
	decode() // warm the buffer and the string cache
	if allocs := testing.AllocsPerRun(10, decode); allocs > 0 {
		t.Errorf("%v allocations for %d events, want 0", allocs, n)
	}
	if len(m.Headers) != 0 || cap(m.Headers) < 3 {
		t.Errorf("headers: len %d cap %d", len(m.Headers), cap(m.Headers))
	}
}

func TestStringCacheReturnsEqualStrings(t *testing.T) {
	var c stringCache
	d := NewDecoder(nil)
	c.seed = d.strings.seed
	// More distinct strings than slots: evictions must never return a
	// wrong string.
	for i := 0; i < 3*len(c.slots); i++ {
		for _, s := range []string{fmt.Sprint("name-", i), fmt.Sprint("name-", i/2), strings.Repeat("l", maxCachedString+i%3), ""} {
			if got := c.get([]byte(s)); got != s {
				t.Fatalf("get(%q) = %q", s, got)
			}
		}
	}
}
