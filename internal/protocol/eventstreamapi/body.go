package eventstreamapi

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"sync"

	"github.com/aws/smithy-go"

	"github.com/gosmith/gosmith/internal/protocol/client"
	"github.com/gosmith/gosmith/internal/protocol/eventstream"
	"github.com/gosmith/gosmith/internal/protocol/jsonbody"
	"github.com/gosmith/gosmith/internal/protocol/jsonwire"
)

// Body is the response body of an event stream operation, read one
// message at a time as its frames arrive. It is read by one goroutine at a
// time; Close may be called from any.
type Body struct {
	rc        io.ReadCloser
	frames    *eventstream.Decoder
	msg       Message
	pending   bool // msg was returned by Peek and not yet taken
	closeOnce sync.Once
}

// NewBody returns a Body reading rc.
func NewBody(rc io.ReadCloser) *Body {
	return &Body{rc: rc, frames: eventstream.NewDecoder(rc)}
}

// Peek reads the next message without taking it: the message after it is
// read only once Discard drops it, and a Reader started on the Body
// begins with it. At the end of the stream it returns io.EOF; any other
// error is the decoder's (*eventstream.DecodeError).
func (b *Body) Peek() (*Message, error) {
	if !b.pending {
		if err := b.frames.Decode(&b.msg.Message); err != nil {
			return nil, err
		}
		b.pending = true
	}
	return &b.msg, nil
}

// Discard drops the message Peek returned.
func (b *Body) Discard() { b.pending = false }

// next returns the next message, the one Peek returned first. It is valid
// until the next call.
func (b *Body) next() (*Message, error) {
	m, err := b.Peek()
	b.pending = false
	return m, err
}

// Close closes the response body, once; a read in progress returns.
func (b *Body) Close() error {
	var err error
	b.closeOnce.Do(func() { err = b.rc.Close() })
	return err
}

// Message is one received message as generated decoders read it: its
// headers and payload, valid until the next message is read, and the JSON
// decoder its payload is read with.
type Message struct {
	eventstream.Message
	json jsonwire.Decoder
}

// JSON decodes the payload as a JSON document with decode; an empty
// payload decodes nothing (an event whose members are all absent). A
// payload that is not the JSON expected is a *smithy.DeserializationError
// with a snapshot of the bytes around the fault. Strings and pointer
// targets come from chunks shared with the stream's earlier events (see
// jsonwire.Decoder.Continue), so a stream of small events allocates now
// and then, not for every event.
func (m *Message) JSON(decode func(*jsonwire.Decoder) error) error {
	if len(bytes.TrimSpace(m.Payload)) == 0 {
		return nil
	}
	d := &m.json
	d.Continue(m.Payload)
	err := decode(d)
	if err == nil {
		err = d.End()
	}
	d.Continue(nil) // the payload is the frame decoder's buffer
	if err != nil {
		return &smithy.DeserializationError{
			Err:      fmt.Errorf("failed to decode event payload: %w", err),
			Snapshot: jsonbody.Snapshot(m.Payload, err),
		}
	}
	return nil
}

// Blob returns a copy of the payload (an @eventPayload blob); nil when it
// is empty.
func (m *Message) Blob() []byte {
	if len(m.Payload) == 0 {
		return nil
	}
	return bytes.Clone(m.Payload)
}

// Text returns the payload as a string (an @eventPayload string); nil when
// it is empty.
func (m *Message) Text() *string {
	if len(m.Payload) == 0 {
		return nil
	}
	s := string(m.Payload)
	return &s
}

// Encoded returns the message encoded as a frame, as aws-sdk-go-v2 keeps
// an event of a type the client does not know (UnknownUnionMember.Value).
func (m *Message) Encoded() []byte {
	// A message that was decoded can be encoded again.
	b, _ := eventstream.AppendMessage(nil, m.Message)
	return b
}

// StartError is the error a call fails with when its event stream fails
// before the message a protocol reads first (awsJson's initial-response):
// a read that failed or was cut short is retryable like any response body
// read; a malformed frame is not.
func StartError(err error) error {
	for _, malformed := range []error{
		eventstream.ErrPreludeChecksum, eventstream.ErrMessageChecksum, eventstream.ErrInvalidLength,
		eventstream.ErrMessageTooLarge, eventstream.ErrHeadersTooLarge, eventstream.ErrUnknownHeaderType,
		eventstream.ErrInvalidHeader,
	} {
		if errors.Is(err, malformed) {
			return &smithy.DeserializationError{Err: fmt.Errorf("event stream: %w", err)}
		}
	}
	return &smithy.DeserializationError{Err: client.BodyReadError(err)}
}

// Alloc returns a new zero T from the stream's slab id (see jsonwire.Alloc):
// the union member structs events are handed out in cost an allocation
// now and then, not one per event.
func Alloc[T any](m *Message, id int) *T { return jsonwire.Alloc[T](&m.json, id) }
