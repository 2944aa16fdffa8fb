package client

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"sync"

	"github.com/aws/smithy-go"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// transport sends the request of a prepared stack: smithy-go's
// ClientHandler without what costs without being seen there. The call's
// stack values were cleared when it started, so its tracer is the no-op
// one and there is no span to fill; there are no HTTP metrics. And the
// request handed to the HTTP client shares its headers and URL with the
// attempt's request instead of copying them once more: the retry
// middleware gives each attempt a copy of its own, which nothing reads
// once it is sent.
type transport struct {
	client smithyhttp.ClientDo
}

func (t transport) Handle(ctx context.Context, input any) (any, middleware.Metadata, error) {
	var metadata middleware.Metadata
	req, ok := input.(*smithyhttp.Request)
	if !ok {
		return nil, metadata, fmt.Errorf("expect Smithy http.Request value as input, got unsupported type %T", input)
	}
	built := buildRequest(ctx, req)
	if err := smithyhttp.ValidateEndpointHost(built.Host); err != nil {
		return nil, metadata, err
	}
	if _, _, err := req.StreamLength(); err != nil {
		return nil, metadata, err
	}
	resp, err := t.client.Do(built)
	if resp == nil {
		resp = &http.Response{Header: http.Header{}, Body: http.NoBody}
	}
	if err != nil {
		err = &smithyhttp.RequestSendError{Err: err}
		select {
		case <-ctx.Done():
			err = &smithy.CanceledError{Err: ctx.Err()}
		default:
		}
	}
	if built.Body != nil {
		_ = built.Body.Close()
	}
	return &smithyhttp.Response{Response: resp}, metadata, err
}

// buildRequest is smithyhttp.Request.Build over a shallow copy: the
// request with ctx and the body the stream gives.
func buildRequest(ctx context.Context, r *smithyhttp.Request) *http.Request {
	req := r.Request.WithContext(ctx)
	stream := r.GetStream()
	if stream == nil && req.ContentLength == -1 {
		req.ContentLength = 0
	}
	switch s := stream.(type) {
	case *io.PipeReader:
		req.Body = io.NopCloser(s)
		req.ContentLength = -1
	default:
		if req.ContentLength != 0 && stream != nil {
			req.Body = newSafeBody(stream)
		}
	}
	return req
}

// safeBody is the request body smithy-go gives the HTTP client: reads and
// closing are serialized, and once closed it reads as empty, so a
// transport still reading after the call has moved on (to rewind the
// stream for a retry) reads nothing. Closing leaves the stream open, as
// smithy-go's io.NopCloser does.
type safeBody struct {
	mu     sync.Mutex
	r      io.Reader
	closed bool
}

// newSafeBody returns a safeBody over r that is an io.WriterTo when r is.
func newSafeBody(r io.Reader) io.ReadCloser {
	if _, ok := r.(io.WriterTo); ok {
		return &safeBodyWriterTo{safeBody{r: r}}
	}
	return &safeBody{r: r}
}

func (b *safeBody) Read(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		return 0, io.EOF
	}
	return b.r.Read(p)
}

func (b *safeBody) Close() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.closed = true
	b.r = nil
	return nil
}

type safeBodyWriterTo struct{ safeBody }

func (b *safeBodyWriterTo) WriteTo(w io.Writer) (int64, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		return 0, io.EOF
	}
	return b.r.(io.WriterTo).WriteTo(w)
}
