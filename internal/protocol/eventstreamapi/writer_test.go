package eventstreamapi

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/gosmith/gosmith/internal/protocol/client"
	"github.com/gosmith/gosmith/internal/protocol/eventstream"
	"github.com/gosmith/gosmith/internal/protocol/jsonwire"
)

// testEvent is a union of the tests: a text is sent as a JSON object, a
// blob as the payload, with a header.
type testEvent struct {
	text string
	blob []byte
	fail bool
}

func encodeTestEvent(m *OutMessage, e testEvent) error {
	switch {
	case e.fail:
		return errors.New("no such member")
	case e.blob != nil:
		m.Event("blob")
		m.Header("n", eventstream.Int32(int32(len(e.blob))))
		m.Blob(e.blob)
		return nil
	}
	m.Event("text")
	return m.JSON(func(e2 *jsonwire.Encoder) {
		e2.ObjectStart()
		e2.Key("text")
		e2.String(e.text)
		e2.ObjectEnd()
	})
}

var seed = bytes.Repeat([]byte{7}, 32)

// newTestWriter returns a writer over a pipe, and the pipe's read end.
func newTestWriter(t *testing.T) (*Writer[testEvent], *io.PipeReader) {
	t.Helper()
	r, pw := io.Pipe()
	ctx := client.WithInputEventStream(context.Background(), &client.InputEventStream{
		Pipe:   pw,
		Signer: eventstream.NewSigner(aws.Credentials{AccessKeyID: "AKID", SecretAccessKey: "SECRET"}, "svc", "us-east-1", seed),
	})
	w, err := NewWriter(ctx, encodeTestEvent)
	if err != nil {
		t.Fatal(err)
	}
	return w, r
}

// readAll reads the signed messages of r and returns the events inside
// them, checking the chain of signatures, until the end-of-stream message.
func readAll(r io.Reader) ([]eventstream.Message, error) {
	dec := eventstream.NewDecoder(r)
	verify := eventstream.NewSigner(aws.Credentials{AccessKeyID: "AKID", SecretAccessKey: "SECRET"}, "svc", "us-east-1", seed)
	var out []eventstream.Message
	for {
		var signed eventstream.Message
		if err := dec.Decode(&signed); err != nil {
			return out, err
		}
		date, _ := signed.Headers.Get(eventstream.HeaderDate)
		sig, _ := signed.Headers.Get(eventstream.HeaderChunkSignature)
		want, err := verify.Sign(context.Background(), signed.Payload, date.Time())
		if err != nil {
			return out, err
		}
		if got, _ := want.Headers.Get(eventstream.HeaderChunkSignature); !bytes.Equal(got.Bytes(), sig.Bytes()) {
			return out, fmt.Errorf("message %d: signature %x, want %x", len(out), sig.Bytes(), got.Bytes())
		}
		if len(signed.Payload) == 0 {
			return out, nil
		}
		var m eventstream.Message
		if err := eventstream.NewDecoder(bytes.NewReader(signed.Payload)).Decode(&m); err != nil {
			return out, err
		}
		out = append(out, m.Clone())
	}
}

// readAsync reads r with readAll as the writer writes; the function it
// returns waits for the result.
func readAsync(r io.Reader) func() ([]eventstream.Message, error) {
	type result struct {
		ms  []eventstream.Message
		err error
	}
	done := make(chan result, 1)
	go func() {
		ms, err := readAll(r)
		done <- result{ms, err}
	}()
	return func() ([]eventstream.Message, error) {
		res := <-done
		return res.ms, res.err
	}
}

func TestWriterSendsSignedEventsInOrderAndEnds(t *testing.T) {
	w, r := newTestWriter(t)
	read := readAsync(r)
	ctx := context.Background()
	for _, e := range []testEvent{{text: "a"}, {blob: []byte("bb")}, {text: `"q"`}} {
		if err := w.Send(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	ms, err := read()
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) != 3 {
		t.Fatalf("%d events, want 3", len(ms))
	}
	headers := func(m eventstream.Message) string {
		var b strings.Builder
		for _, h := range m.Headers {
			fmt.Fprintf(&b, "%s=%s;", h.Name, h.Value)
		}
		return b.String()
	}
	want := []string{
		`:event-type=text;:message-type=event;:content-type=application/json;|{"text":"a"}`,
		`:event-type=blob;:message-type=event;n=2;:content-type=application/octet-stream;|bb`,
		`:event-type=text;:message-type=event;:content-type=application/json;|{"text":"\"q\""}`,
	}
	for i, m := range ms {
		if s := headers(m) + "|" + string(m.Payload); s != want[i] {
			t.Errorf("event %d: %s\nwant %s", i, s, want[i])
		}
	}
	if err := w.Send(ctx, testEvent{text: "late"}); !errors.Is(err, ErrWriterClosed) {
		t.Errorf("Send after Close = %v, want ErrWriterClosed", err)
	}
	if err := w.Close(); err != nil {
		t.Errorf("second Close = %v", err)
	}
}

func TestWriterEncodeErrorKeepsTheStream(t *testing.T) {
	w, r := newTestWriter(t)
	done := make(chan []eventstream.Message, 1)
	go func() { ms, _ := readAll(r); done <- ms }()
	if err := w.Send(context.Background(), testEvent{fail: true}); err == nil || !strings.Contains(err.Error(), "no such member") {
		t.Fatalf("Send = %v, want the encoder's error", err)
	}
	if err := w.Send(context.Background(), testEvent{text: "after"}); err != nil {
		t.Fatalf("Send after an encode error = %v", err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if ms := <-done; len(ms) != 1 {
		t.Errorf("%d events read, want 1", len(ms))
	}
}

// Concurrent sends each go out whole, and the signatures still chain.
func TestWriterConcurrentSends(t *testing.T) {
	w, r := newTestWriter(t)
	read := readAsync(r)
	var wg sync.WaitGroup
	for i := range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range 20 {
				if err := w.Send(context.Background(), testEvent{text: fmt.Sprint(i, "-", j)}); err != nil {
					t.Error(err)
				}
			}
		}()
	}
	wg.Wait()
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	ms, err := read()
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) != 320 {
		t.Errorf("%d events, want 320", len(ms))
	}
}

// A send blocked on a transport that takes nothing ends when its context
// does, and the stream with it: the reader sees the body fail.
func TestWriterSendCanceledMidWriteEndsTheStream(t *testing.T) {
	w, r := newTestWriter(t)
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	if err := w.Send(ctx, testEvent{text: "stuck"}); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("Send = %v, want the context's error", err)
	}
	if err := w.Err(); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Err = %v, want the context's error", err)
	}
	if err := w.Send(context.Background(), testEvent{text: "next"}); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Send after = %v, want the stream's end", err)
	}
	if _, err := io.ReadAll(r); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("the body read %v, want it to fail", err)
	}
	if err := w.Close(); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Close = %v, want Err", err)
	}
}

// Close returns within its bound when the transport takes nothing.
func TestWriterCloseIsBounded(t *testing.T) {
	w, _ := newTestWriter(t)
	start := time.Now()
	err := w.Close()
	if err == nil || time.Since(start) > 3*closeTimeout {
		t.Errorf("Close = %v after %v; want an error within %v", err, time.Since(start), closeTimeout)
	}
}

// A send fails once the request body is gone (the call or its response
// ended).
func TestWriterSendAfterTheBodyClosed(t *testing.T) {
	w, r := newTestWriter(t)
	r.Close()
	if err := w.Send(context.Background(), testEvent{text: "x"}); !errors.Is(err, io.ErrClosedPipe) {
		t.Errorf("Send = %v, want io.ErrClosedPipe", err)
	}
}

func TestNewWriterWithoutAStream(t *testing.T) {
	if _, err := NewWriter(context.Background(), encodeTestEvent); err == nil {
		t.Error("NewWriter without an input stream: no error")
	}
}
