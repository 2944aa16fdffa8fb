package client

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"

	"github.com/gosmith/gosmith/internal/protocol/eventstream"
)

// An operation with an input event stream sends its request as aws-sdk-go-v2
// does: signed with the payload hash STREAMING-AWS4-HMAC-SHA256-EVENTS (also
// sent as X-Amz-Content-Sha256), its body a pipe the output's stream writer
// writes signed messages to, each signature chained from the request's.
// HTTP/2 is required, so that the response arrives while the body is still
// being written.

// streamSigning is what signed an attempt's request with SigV4: the
// identity and scope its event stream's messages are signed with.
type streamSigning struct {
	creds        aws.Credentials
	name, region string
	ok           bool
}

type streamSigningKey struct{}

// set records a successful SigV4 signing; s may be nil (no stream).
func (s *streamSigning) set(creds aws.Credentials, name, region string) {
	if s != nil {
		*s = streamSigning{creds: creds, name: name, region: region, ok: true}
	}
}

// InputEventStream is an attempt's input event stream: the write end of its
// request body and the signer of its messages.
type InputEventStream struct {
	Pipe   *io.PipeWriter
	Signer *eventstream.Signer
}

type inputEventStreamKey struct{}

// ErrResponseClosed is why an input event stream's body ends when the
// response's does: the call is over.
var ErrResponseClosed = errors.New("event stream: the response ended, and the request with it")

// WithInputEventStream returns ctx with the attempt's input event stream.
func WithInputEventStream(ctx context.Context, s *InputEventStream) context.Context {
	return middleware.WithStackValue(ctx, inputEventStreamKey{}, s)
}

// InputEventStreamOf returns the input event stream of the attempt ctx is
// the context of; nil when the operation has none.
func InputEventStreamOf(ctx context.Context) *InputEventStream {
	in, _ := middleware.GetStackValue(ctx, inputEventStreamKey{}).(*InputEventStream)
	return in
}

// inputEventStream gives each attempt's signed request a pipe for its body
// and the signer of its messages (aws-sdk-go-v2's InitializeStreamWriter).
// It sits after Signing, so the seed is the attempt's own signature.
type inputEventStream struct{}

func (inputEventStream) ID() string { return "InitializeStreamWriter" }

func (inputEventStream) HandleFinalize(ctx context.Context, in middleware.FinalizeInput, next middleware.FinalizeHandler) (
	out middleware.FinalizeOutput, metadata middleware.Metadata, err error,
) {
	req, ok := in.Request.(*smithyhttp.Request)
	if !ok {
		return out, metadata, fmt.Errorf("unknown transport type %T", in.Request)
	}
	signed, _ := middleware.GetStackValue(ctx, streamSigningKey{}).(*streamSigning)
	if signed == nil || !signed.ok {
		return out, metadata, errors.New("event stream: the request must be signed with SigV4 credentials, which sign its messages")
	}
	seed, err := v4.GetSignedRequestSignature(req.Request)
	if err != nil {
		return out, metadata, fmt.Errorf("failed to get event stream seed signature: %w", err)
	}
	body, pipe := io.Pipe()
	if req, err = req.SetStream(body); err != nil {
		return out, metadata, err
	}
	in.Request = req
	ctx = WithInputEventStream(ctx, &InputEventStream{
		Pipe:   pipe,
		Signer: eventstream.NewSigner(signed.creds, signed.name, signed.region, seed),
	})
	// A transport blocked reading the body returns only when the pipe
	// closes: when the call's context ends, so does the body (an HTTP/1.1
	// transport that fails waits for its body writer first).
	context.AfterFunc(ctx, func() { pipe.CloseWithError(ctx.Err()) })
	out, metadata, err = next.HandleFinalize(ctx, in)
	if err != nil {
		pipe.CloseWithError(err) // no stream reaches the caller
	}
	return out, metadata, err
}

// inputStreamResponse ties the response to the request's input stream:
// closing its body ends the request body first (the HTTP/2 transport
// waits for a request body it is reading to end before a response body's
// Close returns, and a pipe's Read is not interrupted otherwise). And it
// fails a response that did not come over HTTP/2, before it is decoded,
// with aws-sdk-go-v2's *smithyhttp.MinimumProtocolError. It sits between
// the deserializer and the transport.
type inputStreamResponse struct{}

func (inputStreamResponse) ID() string { return "RequireMinimumProtocol" }

func (inputStreamResponse) HandleDeserialize(ctx context.Context, in middleware.DeserializeInput, next middleware.DeserializeHandler) (
	out middleware.DeserializeOutput, metadata middleware.Metadata, err error,
) {
	check := smithyhttp.RequireMinimumProtocol{ProtoMajor: 2}
	out, metadata, err = check.HandleDeserialize(ctx, in, middleware.DeserializeHandlerFunc(func(ctx context.Context, in middleware.DeserializeInput) (
		middleware.DeserializeOutput, middleware.Metadata, error,
	) {
		out, metadata, err := next.HandleDeserialize(ctx, in)
		if resp, ok := out.RawResponse.(*smithyhttp.Response); ok && resp != nil && resp.Body != nil {
			if s := InputEventStreamOf(ctx); s != nil {
				resp.Body = responseBody{resp.Body, s.Pipe}
			}
		}
		return out, metadata, err
	}))
	if err != nil {
		if resp, ok := out.RawResponse.(*smithyhttp.Response); ok && resp != nil && resp.Body != nil {
			resp.Body.Close()
		}
	}
	return out, metadata, err
}

// responseBody is the response body of a call with an input stream.
type responseBody struct {
	io.ReadCloser
	pipe *io.PipeWriter
}

func (b responseBody) Close() error {
	b.pipe.CloseWithError(ErrResponseClosed)
	return b.ReadCloser.Close()
}

// addInputEventStream adds what an operation with an input event stream
// needs to the stack, under aws-sdk-go-v2's IDs: the streaming payload hash
// in place of the body's, its header, the body pipe, and the HTTP/2 check.
func addInputEventStream(stack *middleware.Stack) error {
	return errors.Join(
		stack.Finalize.Insert(&v4.ContentSHA256Header{}, (*v4.ComputePayloadSHA256)(nil).ID(), middleware.After),
		stack.Finalize.Add(inputEventStream{}, middleware.After),
		stack.Deserialize.Insert(inputStreamResponse{}, "OperationDeserializer", middleware.After),
	)
}
