package eventstreamapi

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/gosmith/gosmith/internal/protocol/client"
	"github.com/gosmith/gosmith/internal/protocol/eventstream"
	"github.com/gosmith/gosmith/internal/protocol/jsonwire"
)

// EventEncoder writes an event, a value of the stream's union E, into m:
// its :event-type, then its headers and payload (see OutMessage).
// Generated per input union.
type EventEncoder[E any] func(m *OutMessage, event E) error

// OutMessage is an event being written, in the header order aws-sdk-go-v2
// writes: :event-type, :message-type, the @eventHeader members, then
// :content-type with the payload.
type OutMessage struct {
	msg  eventstream.Message
	json jsonwire.Encoder
}

// Event starts the message of an event of type eventType.
func (m *OutMessage) Event(eventType string) {
	m.msg.Headers = append(m.msg.Headers[:0],
		eventstream.Header{Name: eventstream.HeaderEventType, Value: eventstream.String(eventType)},
		eventstream.Header{Name: eventstream.HeaderMessageType, Value: eventstream.String(eventstream.MessageTypeEvent)})
	m.msg.Payload = nil
}

// Header adds an @eventHeader member.
func (m *OutMessage) Header(name string, v eventstream.Value) {
	m.msg.Headers = append(m.msg.Headers, eventstream.Header{Name: name, Value: v})
}

// Blob sets the payload to an @eventPayload blob; nil sends none.
func (m *OutMessage) Blob(b []byte) {
	if b != nil {
		m.payload("application/octet-stream", b)
	}
}

// Text sets the payload to an @eventPayload string; nil sends none.
func (m *OutMessage) Text(s *string) {
	if s != nil {
		m.payload("text/plain", []byte(*s))
	}
}

// JSON sets the payload to the JSON document write writes: the event's
// members that are not headers, or its @eventPayload structure or union.
func (m *OutMessage) JSON(write func(*jsonwire.Encoder)) error {
	m.json.Reset(m.json.Bytes()[:0])
	write(&m.json)
	if err := m.json.Err(); err != nil {
		return err
	}
	m.payload("application/json", m.json.Bytes())
	return nil
}

func (m *OutMessage) payload(contentType string, b []byte) {
	m.Header(eventstream.HeaderContentType, eventstream.String(contentType))
	m.msg.Payload = b
}

// Writer writes an input event stream: each event Send is given is
// encoded, signed (the signature chained from the one before it, the
// first from the request's own) and written to the request body as one
// frame. It satisfies the XxxWriter interfaces of generated packages
// (Send, Close, Err).
//
// Sends may come from several goroutines: each event is written whole, in
// the order the Sends took their turn. A send that fails, or whose context
// ends while its frame is being written, ends the stream (a frame cut
// short cannot be taken back); Err then says why and later Sends fail.
type Writer[E any] struct {
	encode EventEncoder[E]
	pipe   *io.PipeWriter
	signer *eventstream.Signer
	now    func() time.Time

	mu     sync.Mutex // held while an event is encoded, signed and written
	msg    OutMessage
	frame  []byte // the encoded event
	signed []byte // the frame signed, as written
	closed bool   // Close has taken its turn

	closeOnce sync.Once
	errMu     sync.Mutex
	err       error // why the stream ended, for Err
}

// NewWriter returns the writer of the input event stream the call's
// request carries (set up by the client's stack), encoding events with
// encode.
func NewWriter[E any](ctx context.Context, encode EventEncoder[E]) (*Writer[E], error) {
	in := client.InputEventStreamOf(ctx)
	if in == nil {
		return nil, errors.New("event stream: the request has no input event stream")
	}
	return &Writer[E]{encode: encode, pipe: in.Pipe, signer: in.Signer, now: time.Now}, nil
}

// ErrWriterClosed is the error of a Send after Close.
var ErrWriterClosed = errors.New("event stream: the writer is closed")

// Send writes event to the stream and returns once the transport has
// taken the whole frame (not when the service has received it). It fails
// when the stream has ended, and ends the stream when ctx ends before the
// frame is taken.
func (w *Writer[E]) Send(ctx context.Context, event E) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed {
		return ErrWriterClosed
	}
	if err := w.Err(); err != nil {
		return err
	}
	w.msg.msg.Headers = w.msg.msg.Headers[:0]
	w.msg.msg.Payload = nil
	if err := w.encode(&w.msg, event); err != nil {
		// Nothing was written: the stream goes on.
		return fmt.Errorf("event stream: encode event: %w", err)
	}
	var err error
	if w.frame, err = eventstream.AppendMessage(w.frame[:0], w.msg.msg); err != nil {
		return fmt.Errorf("event stream: encode event: %w", err)
	}
	return w.write(ctx, w.frame)
}

// write signs frame and writes it; the caller holds mu. Any failure ends
// the stream.
func (w *Writer[E]) write(ctx context.Context, frame []byte) error {
	m, err := w.signer.Sign(ctx, frame, w.now().UTC())
	if err == nil {
		w.signed, err = eventstream.AppendMessage(w.signed[:0], m)
	}
	if err != nil {
		return w.fail(fmt.Errorf("event stream: sign event: %w", err))
	}
	// A write blocked on a transport that does not take the frame returns
	// when ctx ends: closing the pipe unblocks it, and the service sees
	// the request body fail rather than a frame cut short.
	stop := context.AfterFunc(ctx, func() { w.pipe.CloseWithError(ctx.Err()) })
	_, err = w.pipe.Write(w.signed)
	if !stop() && ctx.Err() != nil {
		err = ctx.Err()
	}
	if err != nil {
		if errors.Is(err, io.ErrClosedPipe) {
			err = fmt.Errorf("event stream: the request body is closed (the call or its response ended): %w", err)
		}
		return w.fail(err)
	}
	return nil
}

// fail ends the stream with err, unless it has ended already.
func (w *Writer[E]) fail(err error) error {
	w.errMu.Lock()
	if w.err == nil {
		w.err = err
	}
	w.errMu.Unlock()
	w.pipe.CloseWithError(err)
	return err
}

// closeTimeout bounds how long Close waits, for a Send in progress to
// finish and for the transport to take the end-of-stream message, as
// aws-sdk-go-v2 waits a second.
const closeTimeout = time.Second

// errCloseTimeout ends a stream whose transport took nothing for
// closeTimeout after Close.
var errCloseTimeout = errors.New("event stream: Close timed out waiting for the transport to take the stream's last frame")

// Close ends the stream: it writes the signed empty message that tells the
// service no events follow, then closes the request body. It returns Err,
// and may be called more than once and from any goroutine.
func (w *Writer[E]) Close() error {
	w.closeOnce.Do(func() {
		// A Send blocked on the transport holds mu: after closeTimeout the
		// pipe is closed under it.
		timer := time.AfterFunc(closeTimeout, func() { w.fail(errCloseTimeout) })
		defer timer.Stop()
		w.mu.Lock()
		defer w.mu.Unlock()
		w.closed = true
		if w.Err() != nil {
			return
		}
		ctx, cancel := context.WithTimeout(context.Background(), closeTimeout)
		defer cancel()
		if w.write(ctx, nil) == nil {
			w.pipe.Close()
		}
	})
	return w.Err()
}

// Err returns why the stream ended early: nil while it runs and after a
// clean Close; otherwise the error that ended it.
func (w *Writer[E]) Err() error {
	w.errMu.Lock()
	defer w.errMu.Unlock()
	return w.err
}

// InputResponse returns the closer of an input-only stream's response
// body, for the stream's Close to call after its Writer's: it waits for
// the service to end the response (up to a second, reading at most 64 KiB
// of it), so that closing it does not cut the request's last frames short,
// then closes it.
func InputResponse(body *Body) io.Closer { return inputResponse{body} }

type inputResponse struct{ body *Body }

func (r inputResponse) Close() error {
	timer := time.AfterFunc(closeTimeout, func() { r.body.Close() })
	defer timer.Stop()
	_, _ = io.Copy(io.Discard, io.LimitReader(r.body.rc, 64<<10))
	return r.body.Close()
}
