package restjson

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"runtime"
	"testing"

	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// payloadSize is the blob payload the copy tests move: 1 MiB.
const payloadSize = 1 << 20

// allocated is the bytes f allocates per run, averaged over runs.
func allocated(runs int, f func()) float64 {
	f()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	for range runs {
		f()
	}
	runtime.ReadMemStats(&after)
	return float64(after.TotalAlloc-before.TotalAlloc) / float64(runs)
}

// A blob payload is sent as the caller's bytes: the request body reads the
// caller's slice, so a 1 MiB payload costs no copy (Lambda's Invoke).
func TestBlobPayloadIsSentWithoutACopy(t *testing.T) {
	payload := bytes.Repeat([]byte("0123456789abcdef"), payloadSize/16)
	op := &Operation{
		Method: http.MethodPost,
		URI:    "/functions/{Name}/invocations",
		Serialize: func(r *Request, _ any) error {
			if err := r.Path("f"); err != nil {
				return err
			}
			r.Blob(payload, BinaryContentType)
			return nil
		},
	}
	ser := &serializer{op: op}
	var sent int64
	next := middleware.SerializeHandlerFunc(func(ctx context.Context, in middleware.SerializeInput) (middleware.SerializeOutput, middleware.Metadata, error) {
		req := in.Request.(*smithyhttp.Request)
		if req.GetStream() == nil {
			t.Fatal("no request body")
		}
		// Read it as the signer (payload hash) and the transport would.
		n, err := io.Copy(io.Discard, req.GetStream())
		sent = n
		return middleware.SerializeOutput{}, middleware.Metadata{}, err
	})
	call := func() {
		in := middleware.SerializeInput{Request: smithyhttp.NewStackRequest(), Parameters: struct{}{}}
		if _, _, err := ser.HandleSerialize(context.Background(), in, next); err != nil {
			t.Fatal(err)
		}
	}
	perCall := allocated(20, call)
	if sent != payloadSize {
		t.Fatalf("sent %d bytes, want %d", sent, payloadSize)
	}
	if perCall > payloadSize/16 {
		t.Errorf("serializing a %d-byte blob payload allocated %.0f bytes per call: the payload is copied", payloadSize, perCall)
	}
}

// A blob payload in a response is read into memory once: the body is read
// into a buffer of its Content-Length, and the output's []byte is that
// buffer.
func TestBlobPayloadIsReadOnce(t *testing.T) {
	body := bytes.Repeat([]byte("fedcba9876543210"), payloadSize/16)
	var got []byte
	op := &Operation{
		New: func() any { return new([]byte) },
		Deserialize: func(r *Response, out any) error {
			b, err := r.Blob()
			*out.(*[]byte) = b
			return err
		},
	}
	call := func() {
		resp := &smithyhttp.Response{Response: &http.Response{
			StatusCode:    200,
			Header:        http.Header{},
			Body:          io.NopCloser(bytes.NewReader(body)),
			ContentLength: int64(len(body)),
		}}
		out, err := responses{op: op}.Output(context.Background(), resp, nil)
		if err != nil {
			t.Fatal(err)
		}
		got = *out.(*[]byte)
	}
	perCall := allocated(20, call)
	if !bytes.Equal(got, body) {
		t.Fatalf("read %d bytes, not the %d-byte body", len(got), len(body))
	}
	if perCall > payloadSize*9/8 {
		t.Errorf("reading a %d-byte blob payload allocated %.0f bytes per call: more than one copy", payloadSize, perCall)
	}
}
