package eventstreamapi

import (
	"bytes"
	"context"
	"errors"
	"io"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/smithy-go"

	"github.com/gosmith/gosmith/internal/eventstreamtest"
	"github.com/gosmith/gosmith/internal/protocol/eventstream"
	"github.com/gosmith/gosmith/internal/protocol/jsonwire"
)

// A test stream's union: every event is a note with its type and text.
type note struct {
	typ, text string
}

// testError is the one modeled exception of the test union ("boom").
type testError struct{ message string }

func (e *testError) Error() string { return "boom: " + e.message }

// decodeNote reads a "note" event's {"text": ...} payload; other types are
// returned with an empty text, as a generated decoder returns the unknown
// member.
func decodeNote(m *Message, typ string) (note, error) {
	n := note{typ: typ}
	if typ != "note" {
		return n, nil
	}
	return n, m.JSON(func(d *jsonwire.Decoder) error {
		return d.Object(func(d *jsonwire.Decoder, key []byte) error {
			if string(key) == "text" {
				return d.String(&n.text)
			}
			return d.Skip()
		})
	})
}

func decodeBoom(m *Message, typ string) (error, error) {
	if typ != "boom" {
		return nil, nil
	}
	e := &testError{}
	return e, m.JSON(func(d *jsonwire.Decoder) error {
		return d.Object(func(d *jsonwire.Decoder, key []byte) error {
			if string(key) == "message" {
				return d.String(&e.message)
			}
			return d.Skip()
		})
	})
}

func event(typ, text string) eventstream.Message {
	return eventstream.NewEvent(typ, "application/json", []byte(`{"text":"`+text+`"}`))
}

// body is a response body that records being closed; its reads come from r.
type body struct {
	r      io.Reader
	closed atomic.Bool
	read   atomic.Int64
	onEnd  func() // called by Close
}

func (b *body) Read(p []byte) (int, error) {
	n, err := b.r.Read(p)
	b.read.Add(int64(n))
	return n, err
}

func (b *body) Close() error {
	if b.closed.CompareAndSwap(false, true) && b.onEnd != nil {
		b.onEnd()
	}
	return nil
}

// blockingBody serves data, then blocks in Read until closed, as a
// connection that stays open does.
func blockingBody(data []byte) *body {
	pr, pw := io.Pipe()
	go func() {
		pw.Write(data)
	}()
	return &body{r: pr, onEnd: func() { pr.Close() }}
}

func start(ctx context.Context, b *body) *Reader[note] {
	return NewReader(ctx, NewBody(b), decodeNote, decodeBoom)
}

func collect(r *Reader[note]) []note {
	var got []note
	for n := range r.Events() {
		got = append(got, n)
	}
	return got
}

// noReaders waits for every Reader goroutine to end, failing after a while:
// a goroutine left behind is a leak.
func noReaders(t *testing.T) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		buf := make([]byte, 1<<20)
		stacks := string(buf[:runtime.Stack(buf, true)])
		if !strings.Contains(stacks, "eventstreamapi.(*Reader[...]).run") {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("a Reader goroutine is still running:\n%s", stacks)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func TestEventsArriveInOrderAndTheStreamEndsCleanly(t *testing.T) {
	b := &body{r: bytes.NewReader(eventstreamtest.Frames(t, event("note", "one"), event("note", "two"), eventstream.NewEvent("later", "", nil)))}
	r := start(context.Background(), b)
	got := collect(r)
	want := []note{{"note", "one"}, {"note", "two"}, {"later", ""}}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("event %d: %v, want %v", i, got[i], want[i])
		}
	}
	if err := r.Err(); err != nil {
		t.Errorf("Err = %v at a clean end", err)
	}
	noReaders(t)
	if !b.closed.Load() {
		t.Error("the body was not closed at the end of the stream")
	}
	if err := r.Close(); err != nil {
		t.Errorf("Close after the end = %v", err)
	}
}

func TestAPeekedMessageIsTheFirstEventUnlessDiscarded(t *testing.T) {
	for _, discard := range []bool{false, true} {
		b := NewBody(&body{r: bytes.NewReader(eventstreamtest.Frames(t, event("note", "first"), event("note", "second")))})
		m, err := b.Peek()
		if err != nil {
			t.Fatal(err)
		}
		if again, _ := b.Peek(); again != m {
			t.Fatal("a second Peek read another message")
		}
		if discard {
			b.Discard()
		}
		got := collect(NewReader(context.Background(), b, decodeNote, decodeBoom))
		want := "first"
		if discard {
			want = "second"
		}
		if len(got) == 0 || got[0].text != want {
			t.Errorf("discard %v: events %v, want %q first", discard, got, want)
		}
	}
}

func TestStreamErrorsEndTheStreamThroughErr(t *testing.T) {
	good := eventstreamtest.Frames(t, event("note", "before"))
	corrupt := eventstreamtest.Frames(t, event("note", "corrupt"))
	corrupt[len(corrupt)-6] ^= 0xff // a payload byte: the message CRC fails
	tests := []struct {
		name  string
		after []byte
		check func(error) bool
	}{
		{"a modeled exception is its typed error",
			eventstreamtest.Frames(t, eventstream.NewException("boom", "application/json", []byte(`{"message":"it broke"}`)), event("note", "never")),
			func(err error) bool {
				var e *testError
				return errors.As(err, &e) && e.message == "it broke"
			}},
		{"an exception the union does not name is a generic API error with the payload's message",
			eventstreamtest.Frames(t, eventstream.NewException("Mystery", "application/json", []byte(`{"Message":"who knows"}`))),
			func(err error) bool {
				var e *smithy.GenericAPIError
				return errors.As(err, &e) && e.Code == "Mystery" && e.Message == "who knows"
			}},
		{"an error message is a generic API error",
			eventstreamtest.Frames(t, eventstream.NewError("InternalFailure", "try later")),
			func(err error) bool {
				var e *smithy.GenericAPIError
				return errors.As(err, &e) && e.Code == "InternalFailure" && e.Message == "try later"
			}},
		{"a bad checksum",
			corrupt,
			func(err error) bool { return errors.Is(err, eventstream.ErrMessageChecksum) }},
		{"a frame cut short",
			eventstreamtest.Frames(t, event("note", "cut"))[:20],
			func(err error) bool { return errors.Is(err, io.ErrUnexpectedEOF) }},
		{"an unknown message type",
			eventstreamtest.Frames(t, eventstream.Message{Headers: eventstream.Headers{{Name: ":message-type", Value: eventstream.String("gossip")}}}),
			func(err error) bool {
				var e *eventstream.UnknownMessageError
				return errors.As(err, &e) && e.Type == "gossip"
			}},
		{"a payload that does not decode names the payload",
			eventstreamtest.Frames(t, eventstream.NewEvent("note", "application/json", []byte(`{"text":42}`))),
			func(err error) bool {
				var e *smithy.DeserializationError
				return errors.As(err, &e) && strings.Contains(err.Error(), "event payload") && len(e.Snapshot) > 0
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := start(context.Background(), &body{r: bytes.NewReader(append(append([]byte{}, good...), tt.after...))})
			got := collect(r)
			if len(got) != 1 || got[0].text != "before" {
				t.Errorf("events %v, want the one before the failure", got)
			}
			if err := r.Err(); err == nil || !tt.check(err) {
				t.Errorf("Err = %v (%T)", err, err)
			}
			if err := r.Close(); err == nil || !tt.check(err) {
				t.Errorf("Close = %v, want the stream's error", err)
			}
		})
	}
	noReaders(t)
}

func TestAResetConnectionEndsTheStream(t *testing.T) {
	reset := errors.New("connection reset by peer")
	r := start(context.Background(), &body{r: io.MultiReader(bytes.NewReader(eventstreamtest.Frames(t, event("note", "one"))), iotestErr{reset})})
	if got := collect(r); len(got) != 1 {
		t.Errorf("events %v", got)
	}
	if err := r.Err(); !errors.Is(err, reset) {
		t.Errorf("Err = %v, want the read error", err)
	}
	noReaders(t)
}

type iotestErr struct{ err error }

func (e iotestErr) Read([]byte) (int, error) { return 0, e.err }

func TestCloseEndsTheGoroutineWhereverItWaits(t *testing.T) {
	t.Run("blocked sending an event nobody reads", func(t *testing.T) {
		b := blockingBody(eventstreamtest.Frames(t, event("note", "unread")))
		r := start(context.Background(), b)
		time.Sleep(10 * time.Millisecond)
		if err := r.Close(); err != nil {
			t.Errorf("Close = %v", err)
		}
		noReaders(t)
		if !b.closed.Load() {
			t.Error("body not closed")
		}
		for range r.Events() {
		}
		if err := r.Close(); err != nil {
			t.Errorf("second Close = %v", err)
		}
	})
	t.Run("blocked reading a quiet connection", func(t *testing.T) {
		b := blockingBody(nil)
		r := start(context.Background(), b)
		time.Sleep(10 * time.Millisecond)
		done := make(chan error)
		go func() { done <- r.Close() }()
		go func() { r.Close() }() // concurrent Close calls are safe
		if err := <-done; err != nil {
			t.Errorf("Close = %v: the read error after Close is not the stream's", err)
		}
		noReaders(t)
		if _, open := <-r.Events(); open {
			t.Error("Events still open")
		}
	})
}

func TestCancellingTheCallEndsTheStream(t *testing.T) {
	for _, tc := range []struct {
		name   string
		unread bool // an event is waiting to be received
	}{
		{"while an event waits to be read", true},
		{"while the connection is quiet", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var data []byte
			if tc.unread {
				data = eventstreamtest.Frames(t, event("note", "unread"))
			}
			ctx, cancel := context.WithCancel(context.Background())
			b := blockingBody(data) // ignores the context: only Close unblocks it
			r := start(ctx, b)
			time.Sleep(10 * time.Millisecond)
			cancel()
			noReaders(t)
			if err := r.Err(); !errors.Is(err, context.Canceled) {
				t.Errorf("Err = %v, want context.Canceled", err)
			}
			if !b.closed.Load() {
				t.Error("body not closed")
			}
		})
	}
}

// endless serves the same frame forever.
type endless struct {
	frame []byte
	off   int
}

func (e *endless) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		c := copy(p[n:], e.frame[e.off:])
		n += c
		e.off = (e.off + c) % len(e.frame)
	}
	return n, nil
}

// A reader that stops receiving holds the decoder back: the body is read no
// further than the decoder's buffer ahead of the last event received.
func TestASlowReaderHoldsTheStreamBack(t *testing.T) {
	frame := eventstreamtest.Frames(t, event("note", strings.Repeat("x", 1000)))
	b := &body{r: &endless{frame: frame}}
	r := start(context.Background(), b)
	for range 10 {
		<-r.Events()
	}
	time.Sleep(20 * time.Millisecond)
	stalled := b.read.Load()
	time.Sleep(20 * time.Millisecond)
	if again := b.read.Load(); again != stalled {
		t.Errorf("the body was read on (%d then %d bytes) while no event was received", stalled, again)
	}
	if limit := int64(11*len(frame) + 64<<10); stalled > limit {
		t.Errorf("read %d bytes for 10 events received, want at most %d", stalled, limit)
	}
	r.Close()
	noReaders(t)
}

func TestHeadersParseByTheirTypes(t *testing.T) {
	at := time.UnixMilli(1730384114000).UTC()
	m := &Message{Message: eventstream.Message{Headers: eventstream.Headers{
		{Name: "bool", Value: eventstream.Bool(true)},
		{Name: "byte", Value: eventstream.Byte(-3)},
		{Name: "long", Value: eventstream.Int64(4294967294)},
		{Name: "string", Value: eventstream.String("foo")},
		{Name: "blob", Value: eventstream.ByteArray([]byte("bar"))},
		{Name: "time", Value: eventstream.Timestamp(at)},
	}}}
	if v, err := HeaderPtr(m, "bool", Bool); err != nil || v == nil || !*v {
		t.Errorf("bool: %v, %v", v, err)
	}
	if v, err := HeaderPtr(m, "byte", Int[int8]); err != nil || *v != -3 {
		t.Errorf("byte: %v, %v", v, err)
	}
	if v, err := HeaderPtr(m, "long", Int[int64]); err != nil || *v != 4294967294 {
		t.Errorf("long: %v, %v", v, err)
	}
	type color string
	if v, err := Header(m, "string", String[color]); err != nil || v != "foo" {
		t.Errorf("string: %v, %v", v, err)
	}
	blob, err := Header(m, "blob", Blob)
	if err != nil || string(blob) != "bar" {
		t.Errorf("blob: %q, %v", blob, err)
	}
	m.Headers[4].Value.Bytes()[0] = 'X' // the frame buffer is reused
	if string(blob) != "bar" {
		t.Error("a blob header shares the message's bytes")
	}
	if v, err := HeaderPtr(m, "time", Timestamp); err != nil || !v.Equal(at) {
		t.Errorf("timestamp: %v, %v", v, err)
	}
	if v, err := HeaderPtr(m, "absent", Bool); v != nil || err != nil {
		t.Errorf("absent: %v, %v", v, err)
	}
	for _, bad := range []func() error{
		func() error { _, err := HeaderPtr(m, "string", Bool); return err },
		func() error { _, err := HeaderPtr(m, "long", Int[int32]); return err },
		func() error { _, err := HeaderPtr(m, "bool", String[string]); return err },
		func() error { _, err := Header(m, "string", Blob); return err },
		func() error { _, err := HeaderPtr(m, "long", Timestamp); return err },
	} {
		var de *smithy.DeserializationError
		if err := bad(); !errors.As(err, &de) {
			t.Errorf("a mismatched header: %v, want a deserialization error", err)
		}
	}
}

func TestPayloadAccessorsCopy(t *testing.T) {
	buf := []byte("payload")
	m := &Message{Message: eventstream.Message{Payload: buf}}
	blob, text := m.Blob(), m.Text()
	copy(buf, "XXXXXXX")
	if string(blob) != "payload" || *text != "payload" {
		t.Errorf("Blob %q, Text %q share the frame buffer", blob, *text)
	}
	empty := &Message{}
	if empty.Blob() != nil || empty.Text() != nil {
		t.Error("an empty payload is not nil")
	}
	e := eventstream.NewEvent("x", "", []byte("p"))
	m = &Message{Message: e}
	want := eventstreamtest.Frames(t, e)
	if !bytes.Equal(m.Encoded(), want) {
		t.Error("Encoded differs from the frame")
	}
}

func TestStreamsDecodeWithFewAllocations(t *testing.T) {
	const n = 2000
	var msgs []eventstream.Message
	for range n {
		msgs = append(msgs, event("note", "a short delta of text"))
	}
	data := eventstreamtest.Frames(t, msgs...)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	r := start(context.Background(), &body{r: bytes.NewReader(data)})
	count := 0
	for range r.Events() {
		count++
	}
	runtime.ReadMemStats(&after)
	if count != n {
		t.Fatalf("%d events", count)
	}
	// Each note allocates nothing of its own here (its text is interned in
	// shared chunks); allow the goroutine, the buffers and some slack.
	if per := float64(after.Mallocs-before.Mallocs) / n; per > 0.5 {
		t.Errorf("%.2f allocations per event", per)
	}
}
