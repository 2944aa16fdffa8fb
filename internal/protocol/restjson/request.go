package restjson

import (
	"bytes"
	"errors"
	"io"
	"net/http"

	"github.com/aws/smithy-go"
	smithyhttp "github.com/aws/smithy-go/transport/http"

	"github.com/gosmith/gosmith/internal/protocol/jsonwire"
)

// Request is what a generated binder fills for one call: the path's
// labels, the query, the headers and the body. The serializer middleware
// puts it on the HTTP request.
type Request struct {
	// Header is the HTTP request's header.
	Header http.Header
	// Query collects the query parameters; it already holds the endpoint's
	// own and the uri's literal ones.
	Query Query

	http   *smithyhttp.Request
	uri    *URI
	json   *jsonwire.Encoder // the JSON body being written, if any
	bytes  []byte            // a body known in full, if any
	stream io.Reader         // a streamed body, if any
}

// Path expands the uri's labels (their values in uri order, already
// formatted) onto the endpoint's path. An empty value is a *LabelError in a
// *smithy.SerializationError: aws-sdk-go-v2's binder returns that, and its
// serializer wraps it once more, so the error reads "serialization failed:
// serialization failed: input member X must not be empty" on both.
func (r *Request) Path(labels ...string) error {
	path, raw, err := r.uri.Expand(r.http.URL.Path, r.http.URL.RawPath, labels...)
	var le *LabelError
	if errors.As(err, &le) {
		return &smithy.SerializationError{Err: err}
	}
	if err != nil {
		return err
	}
	r.http.URL.Path, r.http.URL.RawPath = path, raw
	return nil
}

// JSONBody starts the JSON object of the input's body members; its
// Content-Type is application/json whatever a member set.
func (r *Request) JSONBody() *jsonwire.Encoder {
	r.Header.Set("Content-Type", JSONContentType)
	r.json = jsonwire.NewEncoder(make([]byte, 0, 256))
	return r.json
}

// EventStream marks the body as an input event stream: it has the event
// stream's Content-Type, whatever a member bound to the header set, as in
// aws-sdk-go-v2; the client's stack gives it its body.
func (r *Request) EventStream() {
	r.Header.Set("Content-Type", EventStreamPayload.ContentType(""))
}

// JSONPayload starts a structure, union or document payload, with
// contentType unless a member set the header.
func (r *Request) JSONPayload(contentType string) *jsonwire.Encoder {
	SetContentType(r.Header, contentType)
	r.json = jsonwire.NewEncoder(make([]byte, 0, 256))
	return r.json
}

// EmptyJSONPayload sends an unset structure payload: "{}".
func (r *Request) EmptyJSONPayload(contentType string) {
	SetContentType(r.Header, contentType)
	r.bytes, _ = StructurePayload.Unset()
}

// DefaultContentType sets the Content-Type of a payload that is not set, as
// aws-sdk-go-v2 does, unless a member set the header.
func (r *Request) DefaultContentType(contentType string) {
	SetContentType(r.Header, contentType)
}

// Blob sends a blob payload as it is; nil sends no body.
func (r *Request) Blob(b []byte, contentType string) {
	SetContentType(r.Header, contentType)
	if b != nil {
		r.bytes = b
	}
}

// Text sends a string payload as it is; nil sends no body.
func (r *Request) Text(s *string, contentType string) {
	SetContentType(r.Header, contentType)
	if s != nil {
		r.bytes = []byte(*s)
	}
}

// Stream sends a streaming payload as the client reads it; nil sends no
// body.
func (r *Request) Stream(body io.Reader, contentType string) {
	SetContentType(r.Header, contentType)
	if body != nil {
		r.stream = body
	}
}

// body is the request body the binder produced: bytes (possibly empty),
// or a stream; ok is false when there is none.
func (r *Request) body() (b []byte, stream io.Reader, err error) {
	switch {
	case r.json != nil:
		if err := r.json.Err(); err != nil {
			return nil, nil, err
		}
		return r.json.Bytes(), nil, nil
	case r.stream != nil:
		if br, ok := r.stream.(*bytes.Reader); ok && br.Len() == 0 {
			return nil, nil, nil
		}
		return nil, r.stream, nil
	}
	return r.bytes, nil, nil
}
