package awsjson

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/smithy-go"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"

	"github.com/gosmith/gosmith/internal/protocol/client"
	"github.com/gosmith/gosmith/internal/protocol/jsonbody"
	"github.com/gosmith/gosmith/internal/protocol/jsonwire"
)

// serializer writes the awsJson request: POST /, the protocol headers and the
// JSON body.
type serializer struct {
	svc *Service
	cfg *client.Config
	op  *opRuntime
}

func (*serializer) ID() string { return "OperationSerializer" }

func (m *serializer) HandleSerialize(ctx context.Context, in middleware.SerializeInput, next middleware.SerializeHandler) (
	middleware.SerializeOutput, middleware.Metadata, error,
) {
	request, ok := in.Request.(*smithyhttp.Request)
	if !ok {
		return middleware.SerializeOutput{}, middleware.Metadata{}, &smithy.SerializationError{Err: fmt.Errorf("unknown transport type %T", in.Request)}
	}
	e := jsonwire.NewEncoder(make([]byte, 0, 256))
	if err := m.op.serialize(e, in.Parameters); err != nil {
		return middleware.SerializeOutput{}, middleware.Metadata{}, &smithy.SerializationError{Err: err}
	}
	if err := e.Err(); err != nil {
		return middleware.SerializeOutput{}, middleware.Metadata{}, &smithy.SerializationError{Err: err}
	}
	request.Method = "POST"
	request.Header.Set("Content-Type", m.svc.ContentType)
	request.Header.Set("X-Amz-Target", m.svc.TargetPrefix+"."+m.op.name)
	if m.svc.QueryCompatible {
		request.Header.Set("X-Amzn-Query-Mode", "true")
	}
	body := e.Bytes()
	if m.op.compress {
		var gzipped bool
		var err error
		if body, gzipped, err = client.CompressBody(m.cfg, body); err != nil {
			return middleware.SerializeOutput{}, middleware.Metadata{}, &smithy.SerializationError{Err: err}
		}
		if gzipped {
			request.Header.Set("Content-Encoding", "gzip")
		}
	}
	rc, err := request.SetStream(bytes.NewReader(body))
	if err != nil {
		return middleware.SerializeOutput{}, middleware.Metadata{}, &smithy.SerializationError{Err: err}
	}
	in.Request = rc
	return next.HandleSerialize(ctx, in)
}

// deserializer decodes a successful response's output as its body arrives;
// an error response (or one whose body is to be logged) is read whole first.
type deserializer struct {
	op   *opRuntime
	svc  *Service
	mode aws.ClientLogMode
}

func (*deserializer) ID() string { return "OperationDeserializer" }

func (m *deserializer) HandleDeserialize(ctx context.Context, in middleware.DeserializeInput, next middleware.DeserializeHandler) (
	middleware.DeserializeOutput, middleware.Metadata, error,
) {
	out, metadata, err := next.HandleDeserialize(ctx, in)
	if err != nil {
		return out, metadata, err
	}
	resp, ok := out.RawResponse.(*smithyhttp.Response)
	if !ok {
		return out, metadata, &smithy.DeserializationError{Err: fmt.Errorf("unknown transport type %T", out.RawResponse)}
	}
	if resp.Body == nil {
		resp.Body = http.NoBody // a careless HTTPClient
	}
	ok2xx := resp.StatusCode >= 200 && resp.StatusCode < 300
	if ok2xx && !m.mode.IsResponseWithBody() {
		client.LogResponse(ctx, m.mode, nil, resp, nil)
		defer resp.Body.Close()
		out.Result, err = m.decodeOutput(resp.Body, resp.ContentLength)
		return out, metadata, err
	}
	body, err := client.ReadBody(resp)
	if err != nil {
		// A transfer cut short is a network fault, not a bad response: the
		// retryer may try again (connection resets it recognises itself).
		return out, metadata, &smithy.DeserializationError{Err: client.BodyReadError(err)}
	}
	client.LogResponse(ctx, m.mode, m.svc.Redact, resp, body)
	if !ok2xx {
		return out, metadata, decodeError(m.svc, resp.Header, body, m.op.errors)
	}
	out.Result, err = m.decodeOutput(bytes.NewReader(body), -1)
	return out, metadata, err
}

// decodeOutput decodes the operation's output from a 2xx body (of length
// bytes when that is positive). A nil output goes with an error.
func (m *deserializer) decodeOutput(body io.Reader, length int64) (any, error) {
	output := m.op.newOutput()
	if err := jsonbody.DecodeStream(body, length, func(d *jsonwire.Decoder) error { return m.op.deserialize(d, output) }); err != nil {
		return nil, err
	}
	return output, nil
}
