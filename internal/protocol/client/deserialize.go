package client

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/smithy-go"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// ResponseBinding is what a protocol knows of responses: how a successful
// one becomes the operation's output, and which error an unsuccessful one
// names.
type ResponseBinding interface {
	// Output decodes a 2xx response. body is the whole body when it was
	// read first (to be logged); nil means Output reads resp.Body as it
	// arrives, and closes it unless the output keeps it as a stream. ctx
	// is the call's: an event stream the output keeps ends with it.
	Output(ctx context.Context, resp *smithyhttp.Response, body []byte) (any, error)
	// Error decodes a non-2xx response, whose body was read whole.
	Error(resp *smithyhttp.Response, body []byte) error
}

// Deserializer returns the operation's deserializer middleware: a
// successful response is decoded as its body arrives; an error response, or
// one whose body the log mode asks for, is read whole first. A body cut
// short is a retryable read error.
func Deserializer(svc *Service, mode aws.ClientLogMode, b ResponseBinding) middleware.DeserializeMiddleware {
	return &deserializer{svc: svc, mode: mode, binding: b}
}

type deserializer struct {
	svc     *Service
	mode    aws.ClientLogMode
	binding ResponseBinding
}

func (*deserializer) ID() string { return "OperationDeserializer" }

func (m *deserializer) HandleDeserialize(ctx context.Context, in middleware.DeserializeInput, next middleware.DeserializeHandler) (
	middleware.DeserializeOutput, middleware.Metadata, error,
) {
	out, metadata, err := next.HandleDeserialize(ctx, in)
	if err != nil {
		return out, metadata, err
	}
	resp, err := HTTPResponse(out)
	if err != nil {
		return out, metadata, err
	}
	ok2xx := resp.StatusCode >= 200 && resp.StatusCode < 300
	if ok2xx && !m.mode.IsResponseWithBody() {
		LogResponse(ctx, m.mode, nil, resp, nil)
		out.Result, err = m.binding.Output(ctx, resp, nil)
		return out, metadata, err
	}
	body, err := ReadBody(resp)
	if err != nil {
		// A transfer cut short is a network fault, not a bad response: the
		// retryer may try again (connection resets it recognises itself).
		return out, metadata, &smithy.DeserializationError{Err: BodyReadError(err)}
	}
	LogResponse(ctx, m.mode, m.svc.Redact, resp, body)
	if !ok2xx {
		return out, metadata, m.binding.Error(resp, body)
	}
	out.Result, err = m.binding.Output(ctx, resp, body)
	return out, metadata, err
}
