package eventstream

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

func TestEncodeRefusesWhatTheFormatCannotCarry(t *testing.T) {
	big := strings.Repeat("v", MaxHeaderValueLength+1)
	var manyHeaders Headers
	for i := 0; i < 5; i++ {
		manyHeaders = append(manyHeaders, Header{strings.Repeat("n", i+1), String(big[:MaxHeaderValueLength])})
	}
	cases := []struct {
		name   string
		m      Message
		cause  error
		detail string
	}{
		{"empty name", Message{Headers: Headers{{"", Bool(true)}}}, ErrInvalidHeader, `header 0 (""): invalid header: name of 0 bytes`},
		{"name over 255", Message{Headers: Headers{{"ok", Bool(true)}, {strings.Repeat("n", 256), Bool(true)}}}, ErrInvalidHeader, "header 1"},
		{"zero Value", Message{Headers: Headers{{"v", Value{}}}}, ErrInvalidHeader, "no value"},
		{"string over 2^15-1", Message{Headers: Headers{{"s", String(big)}}}, ErrInvalidHeader, "string of 32768 bytes"},
		{"byte array over 2^15-1", Message{Headers: Headers{{"b", ByteArray([]byte(big))}}}, ErrInvalidHeader, "byte array of 32768 bytes"},
		{"headers over 128 KiB", Message{Headers: manyHeaders}, ErrHeadersTooLarge, "at most 131072"},
		{"payload over 24 MiB", Message{Payload: make([]byte, MaxPayloadLength+1)}, ErrPayloadTooLarge, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			prefix := []byte("kept")
			got, err := AppendMessage(prefix, c.m)
			if !errors.Is(err, c.cause) || !strings.Contains(err.Error(), c.detail) {
				t.Fatalf("got %v, want %v with %q", err, c.cause, c.detail)
			}
			if !bytes.Equal(got, prefix) {
				t.Errorf("dst changed to %q on error", got)
			}
			var w bytes.Buffer
			if err := NewEncoder(&w).Encode(c.m); !errors.Is(err, c.cause) || w.Len() != 0 {
				t.Errorf("Encoder: %v, wrote %d bytes", err, w.Len())
			}
		})
	}
}

// countingWriter counts Write calls.
type countingWriter struct {
	bytes.Buffer
	writes int
}

func (w *countingWriter) Write(p []byte) (int, error) {
	w.writes++
	return w.Buffer.Write(p)
}

func TestEncoderWritesOneFramePerWrite(t *testing.T) {
	msgs := realisticEvents(3)
	var w countingWriter
	e := NewEncoder(&w)
	for _, m := range msgs {
		if err := e.Encode(m); err != nil {
			t.Fatal(err)
		}
	}
	if w.writes != 3 {
		t.Errorf("%d writes for 3 messages", w.writes)
	}
	if !bytes.Equal(w.Bytes(), mustEncode(t, msgs...)) {
		t.Error("Encoder and AppendMessage disagree")
	}
}

func TestAppendMessageAppends(t *testing.T) {
	m := NewEvent("e", "text/plain", []byte("hi"))
	one := mustEncode(t, m)
	got, err := AppendMessage([]byte("prefix"), m)
	if err != nil || !bytes.Equal(got, append([]byte("prefix"), one...)) {
		t.Errorf("got %q, %v", got, err)
	}
}

func TestHeadersSetAndGet(t *testing.T) {
	var hs Headers
	hs.Set("a", Int32(1))
	hs.Set("b", String("x"))
	hs.Set("a", Int32(2)) // replaced in place
	if len(hs) != 2 || hs[0].Name != "a" || hs[0].Value.Int() != 2 {
		t.Errorf("headers %v", hs)
	}
	if _, ok := hs.Get("missing"); ok {
		t.Error("Get found a missing header")
	}
	// A repeated name (from a peer): Get returns the first.
	hs = append(hs, Header{"a", Int32(3)})
	if v, _ := hs.Get("a"); v.Int() != 2 {
		t.Errorf("Get of a repeated name returned %v", v)
	}
}

func TestCloneSharesNothing(t *testing.T) {
	m := Message{Headers: Headers{{"b", ByteArray([]byte("bytes"))}, {"u", UUID([16]byte{1})}, {"s", String("s")}}, Payload: []byte("payload")}
	c := m.Clone()
	m.Payload[0] = 'X'
	m.Headers[0].Value.b[0] = 'X'
	m.Headers[1].Value.b[0] = 9
	m.Headers[2].Name = "renamed"
	if string(c.Payload) != "payload" || string(c.Headers[0].Value.Bytes()) != "bytes" || c.Headers[1].Value.UUID() != [16]byte{1} || c.Headers[2].Name != "s" {
		t.Errorf("clone changed with the original: %+v", c)
	}
	// Appending to one cloned slice must not run into the next.
	_ = append(c.Headers[0].Value.b, "XXXXXXXXXXXXXXXXXXXX"...)
	if c.Headers[1].Value.UUID() != [16]byte{1} || string(c.Payload) != "payload" {
		t.Error("append to a cloned value overwrote its neighbours")
	}
	if e := (Message{}).Clone(); e.Headers != nil || e.Payload != nil {
		t.Errorf("clone of the empty message: %#v", e)
	}
}
