// Package canned is the in-memory transport and the credentials of the
// tagged benchmark packages (bench/ddb, bench/lambda): both clients of a
// comparison sign with the same credentials and get the same response bytes,
// with no network.
package canned

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"strconv"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
)

// Credentials never change and never expire. gosmith's New wraps a provider
// in aws.CredentialsCache itself; aws-sdk-go-v2's New does not
// (config.LoadDefaultConfig would), so a v2 client is handed
// aws.NewCredentialsCache(Credentials).
var Credentials = aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
	return aws.Credentials{
		AccessKeyID:     "AKIDEXAMPLE",
		SecretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
		Source:          "bench",
	}, nil
})

// Client answers every request with the same status, headers and body. It
// drains and closes the request body as a transport would: io.Copy into
// io.Discard reads a bytes.Reader without copying it, so what a benchmark
// allocates is the clients' own. The header map is shared between
// responses; neither client writes to response headers.
type Client struct {
	Status int
	Header http.Header
	Body   []byte
	// Seen, when set, receives each request and its body (nil without
	// one); tests only.
	Seen func(*http.Request, []byte)
}

// New returns a Client answering status with body, its Content-Type,
// Content-Length, a request ID and a fixed Date.
func New(status int, contentType, requestID string, body []byte) *Client {
	h := http.Header{}
	h.Set("Content-Type", contentType)
	h.Set("X-Amzn-Requestid", requestID)
	h.Set("Content-Length", strconv.Itoa(len(body)))
	h.Set("Date", "Mon, 15 Apr 2024 12:00:00 GMT")
	return &Client{Status: status, Header: h, Body: body}
}

// Do implements both clients' HTTPClient.
func (c *Client) Do(req *http.Request) (*http.Response, error) {
	var seen []byte
	if req.Body != nil {
		var err error
		if c.Seen != nil {
			seen, err = io.ReadAll(req.Body)
		} else {
			_, err = io.Copy(io.Discard, req.Body)
		}
		if err != nil {
			return nil, err
		}
		req.Body.Close()
	}
	if c.Seen != nil {
		c.Seen(req, seen)
	}
	return &http.Response{
		Status:        strconv.Itoa(c.Status) + " " + http.StatusText(c.Status),
		StatusCode:    c.Status,
		Proto:         "HTTP/1.1",
		ProtoMajor:    1,
		ProtoMinor:    1,
		Header:        c.Header,
		Body:          io.NopCloser(bytes.NewReader(c.Body)),
		ContentLength: int64(len(c.Body)),
		Request:       req,
	}, nil
}

// Measure benchmarks do, one call of a client: a first call must return
// want (items decoded, say), then b.N calls are timed with their
// allocations; B/s counts size bytes per call.
func Measure(b *testing.B, size int64, want int, do func(context.Context) (int, error)) {
	ctx := context.Background()
	if got, err := do(ctx); err != nil || got != want {
		b.Fatalf("got %d, %v; want %d", got, err, want)
	}
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := do(ctx); err != nil {
			b.Fatal(err)
		}
	}
}
