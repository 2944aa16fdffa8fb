package restjson

import (
	"bytes"
	"io"

	smithyhttp "github.com/aws/smithy-go/transport/http"

	"github.com/gosmith/gosmith/internal/protocol/client"
	"github.com/gosmith/gosmith/internal/protocol/jsonbody"
	"github.com/gosmith/gosmith/internal/protocol/jsonwire"
)

// Response is what a generated binder reads one response from: status,
// headers and body. The body is either still arriving (a 2xx response that
// is not logged) or already read whole.
type Response struct {
	*smithyhttp.Response
	whole    []byte // the body read whole, when read is true
	read     bool
	streamed bool // the binder took the body as a stream: it is the caller's to close
}

// JSON decodes the body as JSON with decode, as it arrives; an empty body
// decodes nothing. A body that fails or is cut short is a retryable read
// error; one that is not the JSON expected is a decode error showing where.
func (r *Response) JSON(decode func(*jsonwire.Decoder) error) error {
	if r.read {
		return jsonbody.DecodeBody(r.whole, decode)
	}
	r.read = true
	return jsonbody.DecodeStream(r.Body, r.ContentLength, decode)
}

// Blob reads the whole body; an empty one is nil, as aws-sdk-go-v2 leaves
// it.
func (r *Response) Blob() ([]byte, error) {
	b, err := r.readAll()
	if err != nil || len(b) == 0 {
		return nil, err
	}
	return b, nil
}

// Text reads the whole body as text; an empty one is nil.
func (r *Response) Text() (*string, error) {
	b, err := r.readAll()
	if err != nil || len(b) == 0 {
		return nil, err
	}
	s := string(b)
	return &s, nil
}

// Stream hands the body to the output as it arrives: the caller reads it
// and must close it.
func (r *Response) Stream() io.ReadCloser {
	r.streamed = true
	if r.read {
		return io.NopCloser(bytes.NewReader(r.whole))
	}
	return r.Body
}

func (r *Response) readAll() ([]byte, error) {
	if r.read {
		return r.whole, nil
	}
	r.read = true
	b, err := client.ReadBody(r.Response)
	if err != nil {
		return nil, client.BodyReadError(err)
	}
	r.whole = b
	return b, nil
}

// snapshotOf is the start of a bad body, for an error to show.
func snapshotOf(body []byte) []byte {
	return jsonbody.Snapshot(body, nil)
}
