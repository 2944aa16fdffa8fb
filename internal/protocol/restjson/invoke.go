package restjson

import (
	"context"
	"io"
	"sync"

	"github.com/aws/smithy-go"
	"github.com/aws/smithy-go/middleware"

	"github.com/gosmith/gosmith/internal/protocol/client"
	"github.com/gosmith/gosmith/internal/protocol/eventstreamapi"
	"github.com/gosmith/gosmith/internal/protocol/jsonwire"
)

// Service holds the facts every operation of one restJson1 service shares.
type Service struct {
	client.Service
}

// Operation describes one restJson1 operation to the runtime: the neutral
// Spec, its @http method and uri, and the generated functions that bind
// its input to a request and a response to its output. The input and
// output are the operation's *XInput and *XOutput, passed as any
// (client.Spec says why). A generated descriptor is a constant.
type Operation struct {
	client.Spec
	// New returns a new, empty output.
	New func() any
	// Method and URI are the operation's @http trait; URI is parsed once,
	// on first use.
	Method, URI string
	// Serialize binds the input to the request: labels, query parameters,
	// headers and body.
	Serialize func(*Request, any) error
	// Deserialize binds a 2xx response to the output: headers, status code
	// and body.
	Deserialize func(*Response, any) error
	// Errors are the operation's modeled errors, matched by code.
	Errors []ErrorType
	// Compress gzips the request body of an operation that allows it
	// (client.CompressBody); nil for the others, so that only a client
	// with such operations links the compressor.
	Compress func(cfg *client.Config, body []byte) ([]byte, bool, error)
	// EventStream reads the output's event stream, the response body,
	// into the output once Deserialize has bound its headers: generated as
	// a call of ReadEventStream, so that only a client with event streams
	// links their reader. nil when the output has none.
	EventStream func(ctx context.Context, r *Response, out any) error

	uriOnce sync.Once
	uri     *URI
	uriErr  error
}

// parsedURI is URI parsed.
func (op *Operation) parsedURI() (*URI, error) {
	op.uriOnce.Do(func() { op.uri, op.uriErr = ParseURI(op.URI) })
	return op.uri, op.uriErr
}

// ErrorType binds a modeled error's code to the function that decodes it.
type ErrorType struct {
	Code   string
	Decode func(*Response) (error, error)
}

// DecodeError decodes a modeled error into v: its body with the generated
// body deserializer, then its header members with their binder (nil when
// it has none). It is what a generated error binding's decoder does, in
// one line.
func DecodeError[P error](r *Response, v P, body func(*jsonwire.Decoder, P) error, headers func(*Response, P) error) (error, error) {
	if err := r.JSON(func(d *jsonwire.Decoder) error { return body(d, v) }); err != nil {
		return nil, err
	}
	if headers != nil {
		if err := headers(r, v); err != nil {
			return nil, err
		}
	}
	return v, nil
}

// Invoke runs one operation through the client stack with restJson1's
// serializer and deserializer, and returns the decoded output (Out is its
// *XOutput) with the call's metadata. Errors are wrapped in
// *smithy.OperationError, as aws-sdk-go-v2 clients do.
func Invoke[Out any](ctx context.Context, svc *Service, cfg *client.Config, op *Operation, params any) (Out, middleware.Metadata, error) {
	var zero Out
	if _, err := op.parsedURI(); err != nil {
		return zero, middleware.Metadata{}, &smithy.OperationError{ServiceID: svc.ID, OperationName: op.Name, Err: err}
	}
	return client.InvokeOutput[Out](ctx, &svc.Service, cfg, &op.Spec, func() *client.Operation { return op.stack(svc, cfg) }, params)
}

// stack is the stack's view of the operation for calls with cfg.
func (op *Operation) stack(svc *Service, cfg *client.Config) *client.Operation {
	mode := cfg.ClientLogMode
	if op.EventStream != nil {
		mode = eventstreamapi.LogMode(mode)
	}
	return &client.Operation{
		Spec:         op.Spec,
		Serializer:   &serializer{cfg: cfg, op: op},
		Deserializer: client.Deserializer(&svc.Service, mode, responses{op: op}),
	}
}

// ReadEventStream starts reading the event stream of r's body into out
// with start, as the caller receives the events (or, for an input-only
// stream, gives out the stream to write to). Closing the stream closes
// the response body, whether the binder read it or not: an input-only
// stream's body stays open until then, as closing it would end the
// request's too.
func ReadEventStream(ctx context.Context, r *Response, out any, start func(context.Context, any, *eventstreamapi.Body) error) error {
	return start(ctx, out, eventstreamapi.NewBody(struct {
		io.Reader
		io.Closer
	}{r.Stream(), r.Body}))
}
