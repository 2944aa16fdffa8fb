package restjson

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/url"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	smithyendpoints "github.com/aws/smithy-go/endpoints"

	"github.com/gosmith/gosmith/internal/protocol/client"
	"github.com/gosmith/gosmith/internal/protocol/eventstream"
	"github.com/gosmith/gosmith/internal/protocol/eventstreamapi"
)

// streamOutput is a restJson1 event stream output: a member bound to a
// header, and the body's events (their payload text).
type streamOutput struct {
	Version *string
	stream  *eventstreamapi.Reader[string]
}

type streamInput struct{}

// trackedBody records whether the binder closed the body it handed on.
type trackedBody struct {
	io.Reader
	closed bool
}

func (b *trackedBody) Close() error { b.closed = true; return nil }

func TestHeadersBindTheOutputAndTheBodyIsTheStream(t *testing.T) {
	var data []byte
	for _, text := range []string{"one", "two"} {
		data, _ = eventstream.AppendMessage(data, eventstream.NewEvent("chunk", "application/octet-stream", []byte(text)))
	}
	body := &trackedBody{Reader: bytes.NewReader(data)}
	op := &Operation{
		Spec:      client.Spec{Name: "Stream"},
		New:       func() any { return &streamOutput{} },
		Method:    "POST",
		URI:       "/stream",
		Serialize: func(*Request, any) error { return nil },
		Deserialize: func(r *Response, out any) error {
			p, err := HeaderPtr(r.Header, "X-Version", ParseString[string])
			out.(*streamOutput).Version = p
			return err
		},
		EventStream: func(ctx context.Context, r *Response, out any) error {
			return ReadEventStream(ctx, r, out, func(ctx context.Context, out any, b *eventstreamapi.Body) error {
				out.(*streamOutput).stream = eventstreamapi.NewReader(ctx, b,
					func(m *eventstreamapi.Message, typ string) (string, error) { return string(m.Payload), nil },
					func(*eventstreamapi.Message, string) (error, error) { return nil, nil })
				return nil
			})
		},
	}
	cfg := &client.Config{
		Region: "us-east-1",
		HTTPClient: doFunc(func(r *http.Request) (*http.Response, error) {
			return &http.Response{StatusCode: 200, Header: http.Header{"X-Version": {"7"}}, Body: body, Request: r}, nil
		}),
		ClientLogMode: aws.LogResponseWithBody,
		ResolveEndpoint: func(context.Context, any) (smithyendpoints.Endpoint, error) {
			u, _ := url.Parse("https://stream.invalid")
			return smithyendpoints.Endpoint{URI: *u}, nil
		},
	}
	out, _, err := Invoke[*streamOutput](context.Background(), &Service{}, cfg, op, &streamInput{})
	if err != nil {
		t.Fatal(err)
	}
	if aws.ToString(out.Version) != "7" {
		t.Errorf("Version = %v, want the header's", out.Version)
	}
	if body.closed {
		t.Fatal("the binder closed the body the stream reads")
	}
	var got []string
	for e := range out.stream.Events() {
		got = append(got, e)
	}
	if len(got) != 2 || got[0] != "one" || got[1] != "two" || out.stream.Err() != nil {
		t.Errorf("events %q, Err %v", got, out.stream.Err())
	}
	if !body.closed {
		t.Error("the stream did not close the body at its end")
	}
}

type doFunc func(*http.Request) (*http.Response, error)

func (f doFunc) Do(r *http.Request) (*http.Response, error) { return f(r) }
