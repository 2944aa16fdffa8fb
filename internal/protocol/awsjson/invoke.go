// Package awsjson is the awsJson1_0/awsJson1_1 protocol of generated
// clients: every call is a POST to the endpoint's root path naming the
// operation in X-Amz-Target, with the whole input as the JSON body; errors
// are identified by code. The protocol-neutral stack (retries, signing,
// endpoints, logging) is package client's.
package awsjson

import (
	"context"
	"sync"

	"github.com/aws/smithy-go/middleware"

	"github.com/gosmith/gosmith/internal/protocol/client"
	"github.com/gosmith/gosmith/internal/protocol/eventstreamapi"
	"github.com/gosmith/gosmith/internal/protocol/jsonwire"
)

// Service holds the facts every operation of one generated service shares:
// the protocol-neutral ones and awsJson's own.
type Service struct {
	client.Service
	// TargetPrefix is the X-Amz-Target prefix: the service shape's name.
	TargetPrefix string
	// ContentType is "application/x-amz-json-1.0" or "application/x-amz-json-1.1".
	ContentType string
	// QueryCompatible services (aws.protocols#awsQueryCompatible) get the
	// x-amzn-query-mode header, and their error codes may come from
	// x-amzn-query-error.
	QueryCompatible bool
}

// Operation describes one operation to the runtime: the neutral Spec and
// the generated functions that encode and decode its shapes as JSON. In
// and Out are pointer types (*XInput, *XOutput): every instantiation then
// has the same GC shape, so the generic code is compiled once for all
// operations of a package instead of once per operation.
type Operation[In, Out any] struct {
	client.Spec[In]
	// New returns a new, empty output.
	New func() Out
	// Serialize writes the input as the JSON request body.
	Serialize func(*jsonwire.Encoder, In)
	// Deserialize reads a 2xx response body into the output; nil (an
	// operation without an output shape) discards the body unread, as
	// aws-sdk-go-v2 does.
	Deserialize func(*jsonwire.Decoder, Out) error
	// Errors are the operation's modeled errors, matched by code.
	Errors []ErrorType
	// Compress: the operation allows gzip request compression.
	Compress bool
	// EventStream starts reading the output's event stream, from the
	// message after the initial response, into the output; nil when the
	// output has none.
	EventStream func(context.Context, Out, *eventstreamapi.Body) error

	once sync.Once
	rt   *opRuntime
}

// opRuntime is an operation with its Go types erased: the client stack's
// description and awsJson's codecs. The middleware, the bulk of the runtime,
// works on it, so it is compiled once rather than once per operation
// (generic code over struct types is instantiated per type: with 96
// operations that was most of a client's build time).
type opRuntime struct {
	common      client.Operation
	name        string
	serialize   func(*jsonwire.Encoder, any) error
	newOutput   func() any
	deserialize func(*jsonwire.Decoder, any) error
	errors      []ErrorType
	compress    bool
	events      func(context.Context, any, *eventstreamapi.Body) error
}

// runtime builds the type-erased view once.
func (op *Operation[In, Out]) runtime() *opRuntime {
	op.once.Do(func() {
		op.rt = &opRuntime{
			common: op.Erase(),
			name:   op.Name,
			errors: op.Errors,
			serialize: func(e *jsonwire.Encoder, v any) error {
				p, err := client.Input[In](v)
				if err == nil {
					op.Serialize(e, p)
				}
				return err
			},
			newOutput: func() any { return op.New() },
			compress:  op.Compress,
		}
		if op.Deserialize != nil {
			op.rt.deserialize = func(d *jsonwire.Decoder, v any) error { return op.Deserialize(d, v.(Out)) }
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
	Decode func(*jsonwire.Decoder) (error, error)
}

// ErrorDecoder adapts a generated error-structure deserializer into the form
// ErrorType wants, so generated code needs no wrapper per error.
func ErrorDecoder[T any, P interface {
	*T
	error
}](decode func(*jsonwire.Decoder, P) error) func(*jsonwire.Decoder) (error, error) {
	return func(d *jsonwire.Decoder) (error, error) {
		v := P(new(T))
		if err := decode(d, v); err != nil {
			return nil, err
		}
		return v, nil
	}
}

// Invoke runs one operation through the client stack with awsJson's
// serializer and deserializer, and returns the decoded output with the
// call's metadata. Errors are wrapped in *smithy.OperationError, as
// aws-sdk-go-v2 clients do.
func Invoke[In, Out any](ctx context.Context, svc *Service, cfg *client.Config, op *Operation[In, Out], params In) (Out, middleware.Metadata, error) {
	rt := op.runtime()
	call := rt.common
	call.Serializer = &serializer{svc: svc, cfg: cfg, op: rt}
	mode := cfg.ClientLogMode
	if rt.events != nil {
		mode = eventstreamapi.LogMode(mode)
	}
	call.Deserializer = client.Deserializer(&svc.Service, mode, responses{svc: svc, op: rt})
	return client.InvokeOutput[Out](ctx, &svc.Service, cfg, &call, params)
}
