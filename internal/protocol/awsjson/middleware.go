package awsjson

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"path"

	"github.com/aws/smithy-go"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"

	"github.com/gosmith/gosmith/internal/protocol/client"
	"github.com/gosmith/gosmith/internal/protocol/eventstream"
	"github.com/gosmith/gosmith/internal/protocol/eventstreamapi"
	"github.com/gosmith/gosmith/internal/protocol/jsonbody"
	"github.com/gosmith/gosmith/internal/protocol/jsonwire"
)

// serializer writes the awsJson request: POST /, the protocol headers and the
// JSON body.
type serializer struct {
	svc    *Service
	cfg    *client.Config
	op     *Operation
	target string // X-Amz-Target: the service's prefix and the operation's name
}

func (*serializer) ID() string { return "OperationSerializer" }

// Reentrant: the serializer keeps nothing of a call (client.Reentrant).
func (*serializer) Reentrant() {}

func (m *serializer) HandleSerialize(ctx context.Context, in middleware.SerializeInput, next middleware.SerializeHandler) (
	middleware.SerializeOutput, middleware.Metadata, error,
) {
	request, ok := in.Request.(*smithyhttp.Request)
	if !ok {
		return middleware.SerializeOutput{}, middleware.Metadata{}, &smithy.SerializationError{Err: fmt.Errorf("unknown transport type %T", in.Request)}
	}
	e := jsonwire.NewEncoder(make([]byte, 0, 256))
	if err := m.op.Serialize(e, in.Parameters); err != nil {
		return middleware.SerializeOutput{}, middleware.Metadata{}, &smithy.SerializationError{Err: err}
	}
	if err := e.Err(); err != nil {
		return middleware.SerializeOutput{}, middleware.Metadata{}, &smithy.SerializationError{Err: err}
	}
	body := e.Bytes()
	gzipped := false
	if m.op.Compress != nil {
		var err error
		if body, gzipped, err = m.op.Compress(m.cfg, body); err != nil {
			return middleware.SerializeOutput{}, middleware.Metadata{}, &smithy.SerializationError{Err: err}
		}
	}
	// SetStream copies the request: before its headers are set, that is
	// a copy of nearly nothing.
	rc, err := request.SetStream(bytes.NewReader(body))
	if err != nil {
		return middleware.SerializeOutput{}, middleware.Metadata{}, &smithy.SerializationError{Err: err}
	}
	// The operation path "/" is appended to the endpoint's path, keeping
	// the trailing slash, as aws-sdk-go-v2 does: https://h/custom → /custom/.
	rc.URL.Path = path.Join("/", rc.URL.Path)
	if rc.URL.Path != "/" {
		rc.URL.Path += "/"
	}
	rc.URL.RawPath = ""
	rc.Method = "POST"
	// The keys are canonical already: no need for Header.Set's work.
	rc.Header["Content-Type"] = []string{m.svc.ContentType}
	rc.Header["X-Amz-Target"] = []string{m.target}
	if m.svc.QueryCompatible {
		rc.Header["X-Amzn-Query-Mode"] = []string{"true"}
	}
	if gzipped {
		rc.Header["Content-Encoding"] = []string{"gzip"}
	}
	in.Request = rc
	return next.HandleSerialize(ctx, in)
}

// responses is awsJson's response binding: the JSON body is the output,
// and an error is identified by its code.
type responses struct {
	svc *Service
	op  *Operation
}

func (b responses) Output(ctx context.Context, resp *smithyhttp.Response, body []byte) (any, error) {
	if b.op.EventStream != nil {
		output := b.op.New()
		if err := b.op.EventStream(ctx, resp, output); err != nil {
			return nil, err
		}
		return output, nil
	}
	if body != nil {
		return b.decodeOutput(bytes.NewReader(body), -1)
	}
	defer resp.Body.Close()
	return b.decodeOutput(resp.Body, resp.ContentLength)
}

func (b responses) Error(resp *smithyhttp.Response, body []byte) error {
	return decodeError(b.svc, resp.Header, body, b.op.Errors)
}

// decodeOutput decodes the operation's output from a 2xx body (of length
// bytes when that is positive). A nil output goes with an error.
func (b responses) decodeOutput(body io.Reader, length int64) (any, error) {
	output := b.op.New()
	if b.op.Deserialize == nil {
		if _, err := io.Copy(io.Discard, body); err != nil {
			return nil, &smithy.DeserializationError{Err: fmt.Errorf("failed to discard response body, %w", err)}
		}
		return output, nil
	}
	if err := jsonbody.DecodeStream(body, length, func(d *jsonwire.Decoder) error { return b.op.Deserialize(d, output) }); err != nil {
		return nil, err
	}
	return output, nil
}

// initialResponse is the :event-type of the message that opens an awsJson
// event stream: its payload is the JSON of the output's other members.
const initialResponse = "initial-response"

// ReadEventStream reads the response of an event stream operation into
// out: the initial-response message, if the stream starts with one, gives
// the output's members (decoded with deserialize, nil when the output has
// none); start then reads the stream's events from the rest of the body
// as the caller receives them. A stream that fails before its first
// message fails the call.
func ReadEventStream(ctx context.Context, resp *smithyhttp.Response, out any, deserialize func(*jsonwire.Decoder, any) error, start func(context.Context, any, *eventstreamapi.Body) error) error {
	stream := eventstreamapi.NewBody(resp.Body)
	m, err := stream.Peek()
	if err != nil && err != io.EOF {
		stream.Close()
		return eventstreamapi.StartError(err)
	}
	if err == nil {
		if kind, typ, cerr := eventstream.Classify(&m.Message); cerr == nil && kind == eventstream.KindEvent && typ == initialResponse {
			stream.Discard()
			if deserialize != nil {
				if err := m.JSON(func(d *jsonwire.Decoder) error { return deserialize(d, out) }); err != nil {
					stream.Close()
					return err
				}
			}
		}
	}
	if err := start(ctx, out, stream); err != nil {
		stream.Close()
		return err
	}
	return nil
}
