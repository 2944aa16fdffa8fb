// Package awsjson is the awsJson1_0/awsJson1_1 protocol of generated
// clients: every call is a POST to the endpoint's root path naming the
// operation in X-Amz-Target, with the whole input as the JSON body; errors
// are identified by code. The protocol-neutral stack (retries, signing,
// endpoints, logging) is package client's.
package awsjson

import (
	"context"

	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"

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
// the generated functions that encode and decode its shapes as JSON. The
// input and output are the operation's *XInput and *XOutput, passed as any
// (client.Spec says why). A generated descriptor is a constant: a package
// variable the linker lays out, with no code to build it.
type Operation struct {
	client.Spec
	// New returns a new, empty output.
	New func() any
	// Serialize writes the input as the JSON request body; it fails only
	// for an input of another type.
	Serialize func(*jsonwire.Encoder, any) error
	// Deserialize reads a 2xx response body into the output; nil (an
	// operation without an output shape) discards the body unread, as
	// aws-sdk-go-v2 does.
	Deserialize func(*jsonwire.Decoder, any) error
	// Errors are the operation's modeled errors, matched by code.
	Errors []ErrorType
	// Compress gzips the request body of an operation that allows it
	// (client.CompressBody); nil for the others, so that only a client
	// with such operations links the compressor.
	Compress func(cfg *client.Config, body []byte) ([]byte, bool, error)
	// EventStream reads the response of an event stream operation into
	// the output: generated as a call of ReadEventStream, so that only a
	// client with event streams links their reader. nil when the output
	// has none.
	EventStream func(ctx context.Context, resp *smithyhttp.Response, out any) error
}

// ErrorType binds a modeled error's code to the function that decodes it.
type ErrorType struct {
	Code   string
	Decode func(*jsonwire.Decoder) (error, error)
}

// DecodeError decodes a modeled error's body into v with its generated
// deserializer: what a generated error binding's decoder does, in one
// line.
func DecodeError[P error](d *jsonwire.Decoder, v P, decode func(*jsonwire.Decoder, P) error) (error, error) {
	if err := decode(d, v); err != nil {
		return nil, err
	}
	return v, nil
}

// Invoke runs one operation through the client stack with awsJson's
// serializer and deserializer, and returns the decoded output (Out is its
// *XOutput) with the call's metadata. Errors are wrapped in
// *smithy.OperationError, as aws-sdk-go-v2 clients do.
func Invoke[Out any](ctx context.Context, svc *Service, cfg *client.Config, op *Operation, params any) (Out, middleware.Metadata, error) {
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
		Serializer:   &serializer{svc: svc, cfg: cfg, op: op, target: svc.TargetPrefix + "." + op.Name},
		Deserializer: client.Deserializer(&svc.Service, mode, responses{svc: svc, op: op}),
	}
}
