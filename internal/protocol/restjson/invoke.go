package restjson

import (
	"context"
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
// its input to a request and a response to its output. In and Out are
// pointer types, so the generic code is compiled once per package.
type Operation[In, Out any] struct {
	client.Spec[In]
	// New returns a new, empty output.
	New func() Out
	// Method and URI are the operation's @http trait; URI is parsed once.
	Method, URI string
	// Serialize binds the input to the request: labels, query parameters,
	// headers and body.
	Serialize func(*Request, In) error
	// Deserialize binds a 2xx response to the output: headers, status code
	// and body.
	Deserialize func(*Response, Out) error
	// Errors are the operation's modeled errors, matched by code.
	Errors []ErrorType
	// Compress: the operation allows gzip request compression.
	Compress bool
	// EventStream starts reading the output's event stream, the response
	// body, into the output once Deserialize has bound its headers; nil
	// when the output has none.
	EventStream func(context.Context, Out, *eventstreamapi.Body) error

	once sync.Once
	rt   *opRuntime
}

// opRuntime is an operation with its Go types erased, so the middleware is
// compiled once for all operations.
type opRuntime struct {
	common      client.Operation
	name        string
	method      string
	uri         *URI
	uriErr      error
	serialize   func(*Request, any) error
	newOutput   func() any
	deserialize func(*Response, any) error
	errors      []ErrorType
	compress    bool
	events      func(context.Context, any, *eventstreamapi.Body) error
}

func (op *Operation[In, Out]) runtime() *opRuntime {
	op.once.Do(func() {
		uri, err := ParseURI(op.URI)
		op.rt = &opRuntime{
			common: op.Erase(),
			name:   op.Name,
			method: op.Method,
			uri:    uri,
			uriErr: err,
			serialize: func(r *Request, v any) error {
				p, err := client.Input[In](v)
				if err != nil {
					return err
				}
				return op.Serialize(r, p)
			},
			newOutput:   func() any { return op.New() },
			deserialize: func(r *Response, v any) error { return op.Deserialize(r, v.(Out)) },
			errors:      op.Errors,
			compress:    op.Compress,
		}
		if op.EventStream != nil {
			op.rt.events = func(ctx context.Context, v any, b *eventstreamapi.Body) error { return op.EventStream(ctx, v.(Out), b) }
		}
	})
	return op.rt
}

// ErrorType binds a modeled error's code to the function that decodes it.
type ErrorType struct {
	Code   string
	Decode func(*Response) (error, error)
}

// ErrorDecoder adapts a generated error structure's body deserializer, and
// the binder of its header members (nil when it has none), into the form
// ErrorType wants.
func ErrorDecoder[T any, P interface {
	*T
	error
}](body func(*jsonwire.Decoder, P) error, headers func(*Response, P) error) func(*Response) (error, error) {
	return func(r *Response) (error, error) {
		v := P(new(T))
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
}

// Invoke runs one operation through the client stack with restJson1's
// serializer and deserializer, and returns the decoded output with the
// call's metadata. Errors are wrapped in *smithy.OperationError, as
// aws-sdk-go-v2 clients do.
func Invoke[In, Out any](ctx context.Context, svc *Service, cfg *client.Config, op *Operation[In, Out], params In) (Out, middleware.Metadata, error) {
	var zero Out
	rt := op.runtime()
	if rt.uriErr != nil {
		return zero, middleware.Metadata{}, &smithy.OperationError{ServiceID: svc.ID, OperationName: op.Name, Err: rt.uriErr}
	}
	call := rt.common
	call.Serializer = &serializer{cfg: cfg, op: rt}
	mode := cfg.ClientLogMode
	if rt.events != nil {
		mode = eventstreamapi.LogMode(mode)
	}
	call.Deserializer = client.Deserializer(&svc.Service, mode, responses{op: rt})
	return client.InvokeOutput[Out](ctx, &svc.Service, cfg, &call, params)
}
