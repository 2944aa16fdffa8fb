package restjson

// The suite's cases for input streams (InputStream, InputStreamWithInitialRequest,
// and the requests of DuplexStream and DuplexStreamWithInitialMessages),
// sent through the client to a local HTTP/2 server that reads them as a
// service does: each message's signature is checked, chained from the
// request's, and the message inside it must be the case's (the same
// headers, the same payload bytes; the client writes the headers in
// aws-sdk-go-v2's order, :event-type first, where the suite lists
// :message-type first).

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	smithyhttp "github.com/aws/smithy-go/transport/http"
	"github.com/google/go-cmp/cmp"

	"github.com/gosmith/gosmith/internal/eventstreamtest"
	"github.com/gosmith/gosmith/internal/protocol/eventstream"

	"$PKG/types"
)

var testCreds = aws.Credentials{AccessKeyID: "AKID", SecretAccessKey: "SECRET", SessionToken: "TOKEN"}

// notSent are input cases this client does not pass, with the reason.
var notSent = map[string]string{
	"ClientErrorInput":       "a stream's union has its events only as members, as in aws-sdk-go-v2: a client cannot send a modeled error",
	"DuplexClientErrorInput": "a stream's union has its events only as members, as in aws-sdk-go-v2: a client cannot send a modeled error",
}

// inputStream is what the tests use of a stream the client writes: the
// stream of an operation without an output stream, or the Writer of a
// duplex one.
type inputStream interface {
	Send(context.Context, types.EventStream) error
	Close() error
	Err() error
}

// received is what the server read of a request.
type received struct {
	frames [][]byte
	err    error
}

func TestEventStreamComplianceInputVectors(t *testing.T) {
	n := 0
	for _, v := range readVectors(t) {
		if !isInputCase(v) {
			continue
		}
		n++
		t.Run(v.ID, func(t *testing.T) {
			if why, ok := notSent[v.ID]; ok {
				t.Skip(why)
			}
			var send []types.EventStream
			for range v.Requests {
				// An input case sends what the output case of its name
				// receives.
				name := strings.TrimSuffix(strings.TrimPrefix(v.ID, "Duplex"), "Input") + "Output"
				want, ok := wantEvents[name]
				if !ok || len(want) != 1 {
					t.Fatalf("no event written for %s (as %s)", v.ID, name)
				}
				send = append(send, want[0])
			}
			got := make(chan received, 1)
			srv := eventstreamtest.NewServer(t, func(w http.ResponseWriter, r *http.Request) {
				got <- readInput(w, r, v)
			})
			c := New(Options{
				Region: "us-west-2", BaseEndpoint: aws.String(srv.URL), HTTPClient: srv.Client(), RetryMaxAttempts: 1,
				Credentials: aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) { return testCreds, nil }),
			})
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			stream, finish := open(ctx, t, c, v.Operation)
			for _, e := range send {
				if err := stream.Send(ctx, e); err != nil {
					t.Fatalf("Send: %v", err)
				}
			}
			if err := stream.Close(); err != nil {
				t.Fatalf("Close: %v", err)
			}
			if err := finish(); err != nil {
				t.Fatalf("finish: %v", err)
			}
			r := <-got
			if r.err != nil {
				t.Fatal(r.err)
			}
			if len(r.frames) != len(v.Requests) {
				t.Fatalf("the server read %d events, want %d", len(r.frames), len(v.Requests))
			}
			for i, frame := range r.frames {
				if diff := cmp.Diff(decode(t, v.Requests[i]), decode(t, frame)); diff != "" {
					t.Errorf("event %d (-suite +sent):\n%s", i, diff)
				}
			}
		})
	}
	if n < 30 {
		t.Errorf("only %d input cases", n)
	}
}

// open calls an operation with an input stream, its required members set,
// and returns what to send to and close to end the input, and what ends
// the call once the input has ended: for a duplex stream, receiving its
// events until the service ends them, then closing it.
func open(ctx context.Context, t *testing.T, c *Client, op string) (stream inputStream, finish func() error) {
	t.Helper()
	finish = func() error { return nil }
	duplex := func(s interface {
		Events() <-chan types.EventStream
		Close() error
	}) {
		finish = func() error {
			for range s.Events() {
			}
			return s.Close()
		}
	}
	var err error
	switch op {
	case "InputStream":
		var out *InputStreamOutput
		if out, err = c.InputStream(ctx, &InputStreamInput{}); err == nil {
			stream = out.GetStream()
		}
	case "InputStreamWithInitialRequest":
		var out *InputStreamWithInitialRequestOutput
		if out, err = c.InputStreamWithInitialRequest(ctx, &InputStreamWithInitialRequestInput{InitialRequestMember: aws.String("foo")}); err == nil {
			stream = out.GetStream()
		}
	case "DuplexStream":
		var out *DuplexStreamOutput
		if out, err = c.DuplexStream(ctx, &DuplexStreamInput{}); err == nil {
			stream = out.GetStream().Writer
			duplex(out.GetStream())
		}
	case "DuplexStreamWithInitialMessages":
		var out *DuplexStreamWithInitialMessagesOutput
		if out, err = c.DuplexStreamWithInitialMessages(ctx, &DuplexStreamWithInitialMessagesInput{InitialRequestMember: aws.String("foo")}); err == nil {
			stream = out.GetStream().Writer
			duplex(out.GetStream())
		}
	default:
		t.Fatalf("operation %s", op)
	}
	if err != nil {
		t.Fatalf("%s: %v", op, err)
	}
	return stream, finish
}

// readInput answers the request at once (the call returns when the
// response starts), then reads its events to the end of the stream.
func readInput(w http.ResponseWriter, r *http.Request, v vector) received {
	fail := func(err error) received {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return received{err: err}
	}
	if r.Method != http.MethodPost || r.URL.Path != "/"+v.Operation {
		return fail(fmt.Errorf("request %s %s, want POST /%s", r.Method, r.URL.Path, v.Operation))
	}
	if ir := v.InitialRequest; ir != nil {
		if r.Method != ir.Method || r.URL.RequestURI() != ir.URI {
			return fail(fmt.Errorf("request %s %s, want %s %s", r.Method, r.URL.RequestURI(), ir.Method, ir.URI))
		}
		for k, want := range ir.Headers {
			if got := r.Header.Get(k); got != want {
				return fail(fmt.Errorf("header %s = %q, want %q", k, got, want))
			}
		}
	}
	in, err := eventstreamtest.NewInputReader(r, testCreds, "restjson", "us-west-2")
	if err != nil {
		return fail(err)
	}
	if strings.HasPrefix(v.Operation, "Duplex") {
		w.Header().Set("Content-Type", "application/vnd.amazon.eventstream") // an output stream without events
	}
	w.WriteHeader(http.StatusOK)
	w.(http.Flusher).Flush()
	var got received
	for {
		frame, _, err := in.Next()
		if errors.Is(err, eventstreamtest.ErrEndOfStream) {
			return got
		}
		if err != nil {
			got.err = err
			return got
		}
		got.frames = append(got.frames, frame)
	}
}

// message is a decoded event in a form cmp compares: its headers by name
// (their order aside) and its payload.
type message struct {
	Headers map[string]string
	Payload string
}

func decode(t *testing.T, frame []byte) message {
	t.Helper()
	var m eventstream.Message
	if err := eventstream.NewDecoder(strings.NewReader(string(frame))).Decode(&m); err != nil {
		t.Fatalf("decode %q: %v", frame, err)
	}
	out := message{Headers: map[string]string{}, Payload: string(m.Payload)}
	for _, h := range m.Headers {
		out.Headers[h.Name] = h.Value.Type().String() + ":" + h.Value.String()
	}
	return out
}

// An input stream needs HTTP/2 (the response comes while the request is
// still being written). Go's HTTP/1.1 transport holds a request's headers
// until its body is written, so over HTTP/1.1 the call waits; it must not
// outlive its context (the transport, failing, waits for its body writer,
// which the context's end releases), and if a response does come it fails
// with aws-sdk-go-v2's *smithyhttp.MinimumProtocolError.
func TestInputStreamOverHTTP1(t *testing.T) {
	srv := eventstreamtest.NewHTTP1Server(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/vnd.amazon.eventstream")
		w.WriteHeader(http.StatusOK)
		w.(http.Flusher).Flush()
		io.Copy(io.Discard, r.Body) // until the client ends the request
	})
	c := New(Options{
		Region: "us-west-2", BaseEndpoint: aws.String(srv.URL), HTTPClient: srv.Client(), RetryMaxAttempts: 1,
		Credentials: aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) { return testCreds, nil }),
	})
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	start := time.Now()
	_, err := c.DuplexStream(ctx, &DuplexStreamInput{})
	var proto *smithyhttp.MinimumProtocolError
	if !errors.As(err, &proto) && !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want *smithyhttp.MinimumProtocolError or the context's deadline", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("the call returned %v after its context ended", d-time.Second)
	}
}

// When the service ends the call, the input ends with it: a later Send
// fails, saying so, and Err keeps why.
func TestInputStreamEndsWithTheResponse(t *testing.T) {
	srv := eventstreamtest.NewServer(t, func(w http.ResponseWriter, r *http.Request) {
		eventstreamtest.NewWriter(w).Send(eventstreamtest.Event("headers", ""))
	})
	c := New(Options{
		Region: "us-west-2", BaseEndpoint: aws.String(srv.URL), HTTPClient: srv.Client(), RetryMaxAttempts: 1,
		Credentials: aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) { return testCreds, nil }),
	})
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	out, err := c.DuplexStream(ctx, &DuplexStreamInput{})
	if err != nil {
		t.Fatal(err)
	}
	stream := out.GetStream()
	defer stream.Close()
	for range stream.Events() {
	}
	var sendErr error
	for range 3 { // the transport may still take the first frame
		if sendErr = stream.Send(ctx, &types.EventStreamMemberStringPayload{Value: types.StringPayloadEvent{Payload: aws.String("late")}}); sendErr != nil {
			break
		}
	}
	if sendErr == nil || !strings.Contains(sendErr.Error(), "request body is closed") && !strings.Contains(sendErr.Error(), "response ended") {
		t.Fatalf("Send after the response ended = %v, want an error saying the request body is closed", sendErr)
	}
	if stream.Writer.Err() == nil {
		t.Error("Writer.Err() = nil after a failed Send")
	}
}
