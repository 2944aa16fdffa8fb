package eventstreamapi

import (
	"context"
	"io"
	"sync"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/smithy-go"

	"github.com/gosmith/gosmith/internal/protocol/eventstream"
	"github.com/gosmith/gosmith/internal/protocol/jsonerror"
)

// EventDecoder turns an event into the stream's union value E: the member
// eventType names, or the union's unknown member for a type the client
// does not know. Generated per union.
type EventDecoder[E any] func(m *Message, eventType string) (E, error)

// ExceptionDecoder turns a modeled exception into its error value; modeled
// is nil when the union has no member called exceptionType. Generated per
// union.
type ExceptionDecoder func(m *Message, exceptionType string) (modeled error, err error)

// Reader reads an output event stream in a goroutine of its own and hands
// its events out on a channel. It satisfies the XxxReader interfaces of
// generated packages (Events, Close, Err).
//
// The goroutine ends, closing the channel and the response body, when the
// stream ends, fails, is closed, or when the context of the call that
// opened it is done; it never outlives any of these, whether or not the
// caller is reading the channel.
type Reader[E any] struct {
	events    chan E
	done      chan struct{} // closed by Close
	closeOnce sync.Once
	body      *Body

	mu  sync.Mutex
	err error
}

// NewReader starts reading body's events (from the message Peek left, if
// any) with the generated decoders of the stream's union. ctx is the
// context of the call: when it is done the stream ends with its error.
func NewReader[E any](ctx context.Context, body *Body, event EventDecoder[E], exception ExceptionDecoder) *Reader[E] {
	r := &Reader[E]{events: make(chan E), done: make(chan struct{}), body: body}
	go r.run(ctx, event, exception)
	return r
}

// Events returns the channel the stream's events arrive on, in order. It
// is closed when the stream ends; Err then says why.
func (r *Reader[E]) Events() <-chan E { return r.events }

// Close stops reading and closes the response body; events not yet
// received are dropped. It returns Err, and may be called more than once
// and from any goroutine.
func (r *Reader[E]) Close() error {
	r.closeOnce.Do(func() {
		close(r.done)
		r.body.Close()
	})
	return r.Err()
}

// Err returns why the stream ended: nil while it runs, at its clean end
// and after Close; otherwise the modeled error of an exception message
// (e.g. *types.ThrottlingException), a *smithy.GenericAPIError for an
// error message or an exception the client does not know, the context's
// error, or what went wrong reading the stream (a cut or corrupt frame, a
// reset connection, a payload that does not decode).
func (r *Reader[E]) Err() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.err
}

func (r *Reader[E]) run(ctx context.Context, event EventDecoder[E], exception ExceptionDecoder) {
	// A read blocked on a body whose transport ignores the context still
	// returns: closing the body unblocks it.
	stop := context.AfterFunc(ctx, func() { r.body.Close() })
	defer stop()
	defer close(r.events)
	defer r.body.Close()
	for {
		ev, err := r.next(event, exception)
		if err != nil {
			r.end(ctx, err)
			return
		}
		select {
		case r.events <- ev:
		case <-r.done:
			return
		case <-ctx.Done():
			r.end(ctx, ctx.Err())
			return
		}
	}
}

// next reads and decodes the next event; an exception or error message
// is returned as the error it carries.
func (r *Reader[E]) next(event EventDecoder[E], exception ExceptionDecoder) (E, error) {
	var zero E
	m, err := r.body.next()
	if err != nil {
		return zero, err
	}
	kind, typ, err := eventstream.Classify(&m.Message)
	if err != nil {
		return zero, err
	}
	if kind == eventstream.KindEvent {
		return event(m, typ)
	}
	modeled, err := exception(m, typ)
	switch {
	case err != nil:
		return zero, err
	case modeled != nil:
		return zero, modeled
	}
	return zero, unmodeledException(m, typ)
}

// unmodeledException is an exception the stream's union does not name, as
// aws-sdk-go-v2 reports it: its type as the code, the payload's message.
func unmodeledException(m *Message, typ string) error {
	_, message, err := jsonerror.Identify(jsonerror.RESTJSON, nil, m.Payload)
	if err != nil {
		message = "UnknownError"
	}
	return &smithy.GenericAPIError{Code: typ, Message: message}
}

// end records why the stream ended: nothing at its clean end or after
// Close, the context's error once it is done.
func (r *Reader[E]) end(ctx context.Context, err error) {
	select {
	case <-r.done:
		return
	default:
	}
	if err == io.EOF { // a clean end, between frames
		return
	}
	if ctx.Err() != nil {
		err = ctx.Err()
	}
	r.mu.Lock()
	r.err = err
	r.mu.Unlock()
}

// LogMode is the log mode of an event stream call: the response is logged
// without its body, which is the stream (logging it would read it whole
// before the call returns), as aws-sdk-go-v2 does.
func LogMode(mode aws.ClientLogMode) aws.ClientLogMode {
	if mode.IsResponseWithBody() {
		mode.ClearResponseWithBody()
		mode |= aws.LogResponse
	}
	return mode
}
