package restjson

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/aws/smithy-go"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"

	"github.com/gosmith/gosmith/internal/protocol/client"
)

// serializer builds the restJson1 request: the @http method, the uri with
// its labels, the query, the headers and the body the generated binder
// chose.
type serializer struct {
	cfg *client.Config
	op  *Operation
}

func (*serializer) ID() string { return "OperationSerializer" }

// Reentrant: the serializer keeps nothing of a call (client.Reentrant).
func (*serializer) Reentrant() {}

func (m *serializer) HandleSerialize(ctx context.Context, in middleware.SerializeInput, next middleware.SerializeHandler) (
	middleware.SerializeOutput, middleware.Metadata, error,
) {
	fail := func(err error) (middleware.SerializeOutput, middleware.Metadata, error) {
		return middleware.SerializeOutput{}, middleware.Metadata{}, &smithy.SerializationError{Err: err}
	}
	request, ok := in.Request.(*smithyhttp.Request)
	if !ok {
		return fail(fmt.Errorf("unknown transport type %T", in.Request))
	}
	uri, _ := m.op.parsedURI() // Invoke checked it
	r := &Request{Header: request.Header, http: request, uri: uri}
	if err := r.Query.AddRaw(request.URL.RawQuery); err != nil {
		return fail(err)
	}
	r.Query.AddLiteral(uri)
	if err := m.op.Serialize(r, in.Parameters); err != nil {
		return fail(err)
	}
	request.Method = m.op.Method
	request.URL.RawQuery = r.Query.Encode()
	body, stream, err := r.body()
	if err != nil {
		return fail(err)
	}
	if body != nil && m.op.Compress != nil {
		var gzipped bool
		if body, gzipped, err = m.op.Compress(m.cfg, body); err != nil {
			return fail(err)
		}
		if gzipped {
			request.Header.Add("Content-Encoding", "gzip")
		}
	}
	switch {
	case stream != nil:
		request, err = request.SetStream(stream)
	case body != nil:
		request, err = request.SetStream(bytes.NewReader(body))
	}
	if err != nil {
		return fail(err)
	}
	in.Request = request
	return next.HandleSerialize(ctx, in)
}

// responses is restJson1's response binding: the generated binder reads
// headers, status code and body into the output; an error is identified
// by its code and decoded from its body and headers.
type responses struct {
	op *Operation
}

func (b responses) Output(ctx context.Context, resp *smithyhttp.Response, body []byte) (any, error) {
	r := &Response{Response: resp, whole: body, read: body != nil}
	output := b.op.New()
	err := b.op.Deserialize(r, output)
	if err == nil && b.op.EventStream != nil {
		// The body is the event stream, read as the caller receives it.
		err = b.op.EventStream(ctx, r, output)
	}
	if !r.streamed || err != nil {
		// Whatever the binder left unread is drained, so the connection
		// can be reused.
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, drainLimit))
		resp.Body.Close()
	}
	if err != nil {
		var de *smithy.DeserializationError
		if !errors.As(err, &de) {
			err = &smithy.DeserializationError{Err: err}
		}
		return nil, err
	}
	return output, nil
}

// drainLimit bounds what is read of an unread body before closing it.
const drainLimit = 4 << 10

// decodeError turns a non-2xx response into the operation's modeled error
// when its code matches one (case-insensitively, as aws-sdk-go-v2 does), and
// into a *smithy.GenericAPIError otherwise.
func (b responses) Error(resp *smithyhttp.Response, body []byte) error {
	r := &Response{Response: resp, whole: body, read: true}
	code, message, err := ErrorInfo(r.Header, r.whole)
	if err != nil {
		return &smithy.DeserializationError{
			Err:      fmt.Errorf("failed to decode error response body: %w", err),
			Snapshot: snapshotOf(r.whole),
		}
	}
	for _, t := range b.op.Errors {
		if strings.EqualFold(t.Code, code) {
			modeled, err := t.Decode(r)
			if err != nil {
				return err
			}
			return modeled
		}
	}
	return &smithy.GenericAPIError{Code: code, Message: message}
}
