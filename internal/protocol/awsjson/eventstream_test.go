package awsjson

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/smithy-go"
	smithyendpoints "github.com/aws/smithy-go/endpoints"
	smithyhttp "github.com/aws/smithy-go/transport/http"

	"github.com/gosmith/gosmith/internal/eventstreamtest"
	"github.com/gosmith/gosmith/internal/protocol/client"
	"github.com/gosmith/gosmith/internal/protocol/eventstream"
	"github.com/gosmith/gosmith/internal/protocol/eventstreamapi"
	"github.com/gosmith/gosmith/internal/protocol/jsonwire"
)

// streamOutput is an event stream operation's output: one member from the
// initial response and the stream of "tick" events (their payload text).
type streamOutput struct {
	Shard  *string
	stream *eventstreamapi.Reader[string]
}

type streamInput struct{}

func streamOperation() *Operation {
	deserialize := func(d *jsonwire.Decoder, out any) error {
		v := out.(*streamOutput)
		return d.Object(func(d *jsonwire.Decoder, key []byte) error {
			if string(key) == "Shard" {
				return d.StringPtr(&v.Shard)
			}
			return d.Skip()
		})
	}
	start := func(ctx context.Context, out any, b *eventstreamapi.Body) error {
		out.(*streamOutput).stream = eventstreamapi.NewReader(ctx, b,
			func(m *eventstreamapi.Message, typ string) (string, error) { return string(m.Payload), nil },
			func(*eventstreamapi.Message, string) (error, error) { return nil, nil })
		return nil
	}
	return &Operation{
		Spec:        client.Spec{Name: "Subscribe"},
		New:         func() any { return &streamOutput{} },
		Serialize:   func(e *jsonwire.Encoder, _ any) error { e.ObjectStart(); e.ObjectEnd(); return nil },
		Deserialize: deserialize,
		EventStream: func(ctx context.Context, resp *smithyhttp.Response, out any) error {
			return ReadEventStream(ctx, resp, out, deserialize, start)
		},
	}
}

// streamHTTP answers every request with status 200 and body, counting calls.
type streamHTTP struct {
	body  func() io.ReadCloser
	calls int
}

func (h *streamHTTP) Do(r *http.Request) (*http.Response, error) {
	h.calls++
	return &http.Response{StatusCode: 200, Header: http.Header{"Content-Type": {"application/vnd.amazon.eventstream"}}, Body: h.body(), Request: r}, nil
}

func subscribe(t *testing.T, h *streamHTTP, mode aws.ClientLogMode) (*streamOutput, error) {
	t.Helper()
	cfg := &client.Config{
		Region:        "us-east-1",
		HTTPClient:    h,
		Retryer:       retry.NewStandard(func(o *retry.StandardOptions) { o.MaxAttempts = 2 }),
		ClientLogMode: mode,
		ResolveEndpoint: func(context.Context, any) (smithyendpoints.Endpoint, error) {
			return smithyendpoints.Endpoint{URI: mustURL("https://stream.invalid")}, nil
		},
	}
	out, _, err := Invoke[*streamOutput](context.Background(), &Service{TargetPrefix: "Svc", ContentType: "application/x-amz-json-1.1"}, cfg, streamOperation(), &streamInput{})
	return out, err
}

func receive(out *streamOutput) []string {
	var got []string
	for e := range out.stream.Events() {
		got = append(got, e)
	}
	return got
}

func TestTheInitialResponseFillsTheOutputAndEventsFollow(t *testing.T) {
	data := eventstreamtest.Frames(t,
		eventstream.NewEvent("initial-response", "application/json", []byte(`{"Shard":"shard-1"}`)),
		eventstream.NewEvent("tick", "text/plain", []byte("one")),
		eventstream.NewEvent("tick", "text/plain", []byte("two")))
	h := &streamHTTP{body: func() io.ReadCloser { return io.NopCloser(bytes.NewReader(data)) }}
	out, err := subscribe(t, h, 0)
	if err != nil {
		t.Fatal(err)
	}
	if aws.ToString(out.Shard) != "shard-1" {
		t.Errorf("Shard = %v, want the initial response's", out.Shard)
	}
	if got := receive(out); len(got) != 2 || got[0] != "one" || got[1] != "two" {
		t.Errorf("events %q", got)
	}
	if err := out.stream.Err(); err != nil {
		t.Errorf("Err = %v", err)
	}
}

func TestAStreamWithoutAnInitialResponseStartsWithItsFirstEvent(t *testing.T) {
	data := eventstreamtest.Frames(t, eventstream.NewEvent("tick", "text/plain", []byte("first")))
	h := &streamHTTP{body: func() io.ReadCloser { return io.NopCloser(bytes.NewReader(data)) }}
	out, err := subscribe(t, h, 0)
	if err != nil {
		t.Fatal(err)
	}
	if got := receive(out); len(got) != 1 || got[0] != "first" || out.Shard != nil {
		t.Errorf("events %q, Shard %v", got, out.Shard)
	}
	empty := &streamHTTP{body: func() io.ReadCloser { return io.NopCloser(bytes.NewReader(nil)) }}
	if out, err = subscribe(t, empty, 0); err != nil {
		t.Fatal(err)
	}
	if got := receive(out); len(got) != 0 || out.stream.Err() != nil {
		t.Errorf("an empty stream: events %q, Err %v", got, out.stream.Err())
	}
}

func TestAStreamThatFailsBeforeItsInitialResponseFailsTheCall(t *testing.T) {
	good := eventstreamtest.Frames(t, eventstream.NewEvent("initial-response", "application/json", []byte(`{}`)))
	corrupt := append([]byte{}, good...)
	corrupt[len(corrupt)-5] ^= 1
	bad := eventstreamtest.Frames(t, eventstream.NewEvent("initial-response", "application/json", []byte(`{"Shard":1}`)))
	tests := []struct {
		name      string
		data      []byte
		retryable bool
	}{
		{"a corrupt frame", corrupt, false},
		{"a frame cut short is retried", good[:len(good)-3], true},
		{"an initial response that does not decode", bad, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := &streamHTTP{body: func() io.ReadCloser { return io.NopCloser(bytes.NewReader(tt.data)) }}
			_, err := subscribe(t, h, 0)
			var de *smithy.DeserializationError
			if !errors.As(err, &de) {
				t.Fatalf("err = %v, want a deserialization error", err)
			}
			if want := map[bool]int{true: 2, false: 1}[tt.retryable]; h.calls != want {
				t.Errorf("%d attempts, want %d", h.calls, want)
			}
		})
	}
}

// Logging response bodies must not read the stream whole: this one never
// ends, so the call would not return.
func TestLoggingBodiesLeavesTheStreamUnread(t *testing.T) {
	pr, pw := io.Pipe()
	go pw.Write(eventstreamtest.Frames(t,
		eventstream.NewEvent("initial-response", "application/json", []byte(`{"Shard":"s"}`)),
		eventstream.NewEvent("tick", "text/plain", []byte("live"))))
	h := &streamHTTP{body: func() io.ReadCloser { return pr }}
	type result struct {
		out *streamOutput
		err error
	}
	done := make(chan result, 1)
	go func() {
		out, err := subscribe(t, h, aws.LogResponseWithBody)
		done <- result{out, err}
	}()
	var out *streamOutput
	select {
	case r := <-done:
		if r.err != nil {
			t.Fatal(r.err)
		}
		out = r.out
	case <-time.After(5 * time.Second):
		pr.Close()
		t.Fatal("the call is reading the stream whole to log it")
	}
	if e := <-out.stream.Events(); e != "live" {
		t.Errorf("first event %q", e)
	}
	if err := out.stream.Close(); err != nil {
		t.Errorf("Close = %v", err)
	}
}

func mustURL(s string) url.URL {
	u, err := url.Parse(s)
	if err != nil {
		panic(err)
	}
	return *u
}
