package bedrockruntime

// Bedrock Runtime's output event streams, generated from the real model,
// against a local HTTP/2 server that sends real frames: every event type,
// modeled and unmodeled errors mid-stream, corrupt, cut and reset streams,
// slow readers, cancellation and many streams at once.

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/smithy-go"
	"github.com/google/go-cmp/cmp"

	"github.com/gosmith/gosmith/internal/eventstreamtest"
	"github.com/gosmith/gosmith/internal/protocol/eventstream"

	"$PKG/types" // the generated package's types
)

var ev = eventstreamtest.Event

func newClient(srv *httptest.Server) *Client {
	creds := aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
		return aws.Credentials{AccessKeyID: "AKID", SecretAccessKey: "SECRET"}, nil
	})
	return New(Options{Region: "us-east-1", BaseEndpoint: aws.String(srv.URL), HTTPClient: srv.Client(), Credentials: creds, RetryMaxAttempts: 1})
}

var converseInput = &ConverseStreamInput{ModelId: aws.String("anthropic.claude")}

// everyEvent is a ConverseStream response with every event type, in the
// order a tool-using answer sends them, and one this client does not know.
var everyEvent = []eventstream.Message{
	ev("messageStart", `{"role":"assistant"}`),
	ev("contentBlockDelta", `{"contentBlockIndex":0,"delta":{"text":"Hello"}}`),
	ev("contentBlockDelta", `{"contentBlockIndex":0,"delta":{"reasoningContent":{"text":"thinking"}}}`),
	ev("contentBlockStop", `{"contentBlockIndex":0}`),
	ev("contentBlockStart", `{"contentBlockIndex":1,"start":{"toolUse":{"toolUseId":"t-1","name":"get_weather"}}}`),
	ev("contentBlockDelta", `{"contentBlockIndex":1,"delta":{"toolUse":{"input":"{\"city\":\"Paris\"}"}}}`),
	ev("contentBlockStop", `{"contentBlockIndex":1}`),
	ev("messageStop", `{"stopReason":"tool_use","additionalModelResponseFields":{"k":[1,"two"]}}`),
	ev("metadata", `{"usage":{"inputTokens":12,"outputTokens":34,"totalTokens":46},"metrics":{"latencyMs":789}}`),
	ev("somethingNew", `{"x":1}`),
}

func TestConverseStreamDecodesEveryEvent(t *testing.T) {
	srv := eventstreamtest.NewServer(t, func(w http.ResponseWriter, r *http.Request) {
		if r.ProtoMajor != 2 || r.Method != "POST" || r.URL.Path != "/model/anthropic.claude/converse-stream" || !strings.HasPrefix(r.Header.Get("Authorization"), "AWS4-HMAC-SHA256") {
			http.Error(w, fmt.Sprintf("unexpected request %s %s %s", r.Proto, r.Method, r.URL.Path), http.StatusBadRequest)
			return
		}
		eventstreamtest.NewWriter(w).Send(everyEvent...)
	})
	out, err := newClient(srv).ConverseStream(context.Background(), converseInput)
	if err != nil {
		t.Fatal(err)
	}
	stream := out.GetStream()
	defer stream.Close()
	var got []types.ConverseStreamOutput
	for e := range stream.Events() {
		got = append(got, e)
	}
	if err := stream.Err(); err != nil {
		t.Fatalf("Err = %v", err)
	}
	if len(got) != len(everyEvent) {
		t.Fatalf("%d events, want %d", len(got), len(everyEvent))
	}
	stop := got[7].(*types.ConverseStreamOutputMemberMessageStop)
	var fields map[string]any
	if err := stop.Value.AdditionalModelResponseFields.UnmarshalSmithyDocument(&fields); err != nil || fmt.Sprint(fields) != "map[k:[1 two]]" {
		t.Errorf("additionalModelResponseFields = %v (%v)", fields, err)
	}
	stop.Value.AdditionalModelResponseFields = nil
	unknown := got[9].(*types.UnknownUnionMember)
	if want := eventstreamtest.Frames(t, everyEvent[9]); unknown.Tag != "somethingNew" || string(unknown.Value) != string(want) {
		t.Errorf("unknown event: tag %q, value %q (want the whole message)", unknown.Tag, unknown.Value)
	}
	want := []types.ConverseStreamOutput{
		&types.ConverseStreamOutputMemberMessageStart{Value: types.MessageStartEvent{Role: types.ConversationRoleAssistant}},
		&types.ConverseStreamOutputMemberContentBlockDelta{Value: types.ContentBlockDeltaEvent{ContentBlockIndex: aws.Int32(0), Delta: &types.ContentBlockDeltaMemberText{Value: "Hello"}}},
		&types.ConverseStreamOutputMemberContentBlockDelta{Value: types.ContentBlockDeltaEvent{ContentBlockIndex: aws.Int32(0),
			Delta: &types.ContentBlockDeltaMemberReasoningContent{Value: &types.ReasoningContentBlockDeltaMemberText{Value: "thinking"}}}},
		&types.ConverseStreamOutputMemberContentBlockStop{Value: types.ContentBlockStopEvent{ContentBlockIndex: aws.Int32(0)}},
		&types.ConverseStreamOutputMemberContentBlockStart{Value: types.ContentBlockStartEvent{ContentBlockIndex: aws.Int32(1),
			Start: &types.ContentBlockStartMemberToolUse{Value: types.ToolUseBlockStart{ToolUseId: aws.String("t-1"), Name: aws.String("get_weather")}}}},
		&types.ConverseStreamOutputMemberContentBlockDelta{Value: types.ContentBlockDeltaEvent{ContentBlockIndex: aws.Int32(1),
			Delta: &types.ContentBlockDeltaMemberToolUse{Value: types.ToolUseBlockDelta{Input: aws.String(`{"city":"Paris"}`)}}}},
		&types.ConverseStreamOutputMemberContentBlockStop{Value: types.ContentBlockStopEvent{ContentBlockIndex: aws.Int32(1)}},
		&types.ConverseStreamOutputMemberMessageStop{Value: types.MessageStopEvent{StopReason: types.StopReasonToolUse}},
		&types.ConverseStreamOutputMemberMetadata{Value: types.ConverseStreamMetadataEvent{
			Usage:   &types.TokenUsage{InputTokens: aws.Int32(12), OutputTokens: aws.Int32(34), TotalTokens: aws.Int32(46)},
			Metrics: &types.ConverseStreamMetrics{LatencyMs: aws.Int64(789)},
		}},
		unknown,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("events (-want +got):\n%s", diff)
	}
}

func TestInvokeModelWithResponseStreamReadsHeadersAndChunks(t *testing.T) {
	srv := eventstreamtest.NewServer(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Amzn-Bedrock-Content-Type", "application/json")
		w.Header().Set("X-Amzn-Bedrock-PerformanceConfig-Latency", "optimized")
		eventstreamtest.NewWriter(w).Send(
			ev("chunk", `{"bytes":"eyJjb21wbGV0aW9uIjoiSGkifQ=="}`),
			ev("chunk", `{"bytes":"eyJzdG9wIjp0cnVlfQ=="}`))
	})
	out, err := newClient(srv).InvokeModelWithResponseStream(context.Background(), &InvokeModelWithResponseStreamInput{ModelId: aws.String("m"), Body: []byte(`{}`)})
	if err != nil {
		t.Fatal(err)
	}
	if aws.ToString(out.ContentType) != "application/json" || out.PerformanceConfigLatency != types.PerformanceConfigLatencyOptimized {
		t.Errorf("headers: ContentType %v, PerformanceConfigLatency %q", out.ContentType, out.PerformanceConfigLatency)
	}
	var chunks []string
	for e := range out.GetStream().Events() {
		chunks = append(chunks, string(e.(*types.ResponseStreamMemberChunk).Value.Bytes))
	}
	if strings.Join(chunks, "|") != `{"completion":"Hi"}|{"stop":true}` || out.GetStream().Err() != nil {
		t.Errorf("chunks %q, Err %v", chunks, out.GetStream().Err())
	}
}

// stream opens a ConverseStream from a server running handler and returns
// the events received and the stream's error.
func stream(t *testing.T, handler http.HandlerFunc) ([]types.ConverseStreamOutput, error) {
	t.Helper()
	out, err := newClient(eventstreamtest.NewServer(t, handler)).ConverseStream(context.Background(), converseInput)
	if err != nil {
		t.Fatal(err)
	}
	s := out.GetStream()
	var got []types.ConverseStreamOutput
	for e := range s.Events() {
		got = append(got, e)
	}
	if err := s.Close(); err != s.Err() {
		t.Errorf("Close returned %v, not Err's %v", err, s.Err())
	}
	return got, s.Err()
}

var twoDeltas = []eventstream.Message{
	ev("contentBlockDelta", `{"contentBlockIndex":0,"delta":{"text":"a"}}`),
	ev("contentBlockDelta", `{"contentBlockIndex":0,"delta":{"text":"b"}}`),
}

func TestAModeledExceptionMidStreamIsItsTypedError(t *testing.T) {
	got, err := stream(t, func(w http.ResponseWriter, r *http.Request) {
		sw := eventstreamtest.NewWriter(w)
		sw.Send(twoDeltas...)
		sw.Send(eventstreamtest.Exception("modelStreamErrorException", `{"message":"model crashed","originalStatusCode":500,"originalMessage":"boom"}`))
		sw.Send(twoDeltas...) // never delivered: the exception ends the stream
	})
	if len(got) != 2 {
		t.Errorf("%d events, want the 2 before the exception", len(got))
	}
	var e *types.ModelStreamErrorException
	if !errors.As(err, &e) || aws.ToString(e.Message) != "model crashed" || aws.ToInt32(e.OriginalStatusCode) != 500 || aws.ToString(e.OriginalMessage) != "boom" {
		t.Fatalf("Err = %#v, want *types.ModelStreamErrorException with its members", err)
	}
	var api smithy.APIError
	if !errors.As(err, &api) || api.ErrorCode() != "ModelStreamErrorException" || api.ErrorFault() != smithy.FaultClient {
		t.Errorf("as smithy.APIError: %v", api)
	}
}

func TestAnErrorMessageIsAGenericAPIError(t *testing.T) {
	got, err := stream(t, func(w http.ResponseWriter, r *http.Request) {
		sw := eventstreamtest.NewWriter(w)
		sw.Send(twoDeltas[0], eventstream.NewError("InternalFailure", "try again later"))
	})
	var e *smithy.GenericAPIError
	if len(got) != 1 || !errors.As(err, &e) || e.Code != "InternalFailure" || e.Message != "try again later" {
		t.Errorf("%d events, Err %#v", len(got), err)
	}
}

func TestAServiceErrorBeforeTheStreamFailsTheCall(t *testing.T) {
	srv := eventstreamtest.NewServer(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Amzn-Errortype", "ThrottlingException")
		w.WriteHeader(http.StatusTooManyRequests)
		io.WriteString(w, `{"message":"slow down"}`)
	})
	_, err := newClient(srv).ConverseStream(context.Background(), converseInput)
	var e *types.ThrottlingException
	if !errors.As(err, &e) || aws.ToString(e.Message) != "slow down" {
		t.Errorf("err = %v, want *types.ThrottlingException", err)
	}
}

func TestABadChecksumEndsTheStream(t *testing.T) {
	got, err := stream(t, func(w http.ResponseWriter, r *http.Request) {
		sw := eventstreamtest.NewWriter(w)
		sw.Send(twoDeltas[0])
		bad := eventstreamtest.Frames(t, twoDeltas[1])
		bad[len(bad)-8] ^= 0x20 // a payload byte
		sw.Raw(bad)
		sw.Send(twoDeltas...)
	})
	if len(got) != 1 || !errors.Is(err, eventstream.ErrMessageChecksum) {
		t.Errorf("%d events, Err %v; want 1 and a checksum error", len(got), err)
	}
}

func TestAFrameCutShortEndsTheStream(t *testing.T) {
	got, err := stream(t, func(w http.ResponseWriter, r *http.Request) {
		sw := eventstreamtest.NewWriter(w)
		sw.Send(twoDeltas[0])
		frame := eventstreamtest.Frames(t, twoDeltas[1])
		sw.Raw(frame[:len(frame)/2]) // and the response ends
	})
	if len(got) != 1 || !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Errorf("%d events, Err %v; want 1 and an unexpected EOF", len(got), err)
	}
}

// The events sent before a reset arrive; then the stream fails. The server
// resets only once they are received: a TCP reset may discard what the
// client has not read yet.
func TestAResetStreamEndsTheStream(t *testing.T) {
	for _, tc := range []struct {
		name  string
		serve func(testing.TB, http.HandlerFunc) *httptest.Server
		reset func(http.ResponseWriter)
	}{
		{"HTTP/2 stream reset", eventstreamtest.NewServer, func(http.ResponseWriter) {
			panic(http.ErrAbortHandler) // RST_STREAM
		}},
		{"TCP connection reset", eventstreamtest.NewHTTP1Server, func(w http.ResponseWriter) {
			conn, _, err := http.NewResponseController(w).Hijack()
			if err != nil {
				panic(err)
			}
			conn.(*net.TCPConn).SetLinger(0) // close with RST
			conn.Close()
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			received := make(chan struct{})
			srv := tc.serve(t, func(w http.ResponseWriter, r *http.Request) {
				eventstreamtest.NewWriter(w).Send(twoDeltas...)
				<-received
				tc.reset(w)
			})
			out, err := newClient(srv).ConverseStream(context.Background(), converseInput)
			if err != nil {
				t.Fatal(err)
			}
			s := out.GetStream()
			<-s.Events()
			<-s.Events()
			close(received)
			if e, ok := <-s.Events(); ok {
				t.Errorf("an event after the reset: %v", e)
			}
			if err := s.Err(); err == nil {
				t.Error("Err = nil after a reset")
			}
		})
	}
}

// endlessDeltas writes deltas of 1 KiB until the client goes away or max
// bytes are written; written counts them.
func endlessDeltas(written *eventstreamtest.Writer, r *http.Request, max int64) {
	delta := ev("contentBlockDelta", `{"contentBlockIndex":0,"delta":{"text":"`+strings.Repeat("x", 1024)+`"}}`)
	for written.Written.Load() < max {
		if err := written.Send(delta); err != nil || r.Context().Err() != nil {
			return
		}
	}
}

// A reader that stops receiving holds the whole chain back: the decoder,
// HTTP/2 flow control, the server's writes. Memory stays bounded.
func TestASlowReaderHoldsTheServerBack(t *testing.T) {
	const total = 256 << 20
	writers := make(chan *eventstreamtest.Writer, 1)
	handlerDone := make(chan struct{})
	srv := eventstreamtest.NewServer(t, func(w http.ResponseWriter, r *http.Request) {
		defer close(handlerDone)
		sw := eventstreamtest.NewWriter(w)
		writers <- sw
		endlessDeltas(sw, r, total)
	})
	var before runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	out, err := newClient(srv).ConverseStream(context.Background(), converseInput)
	if err != nil {
		t.Fatal(err)
	}
	s := out.GetStream()
	sw := <-writers
	for range 10 {
		<-s.Events()
	}
	// Nothing is received for a while: the server's writes stall.
	var stalled int64
	for i := 0; ; i++ {
		time.Sleep(100 * time.Millisecond)
		now := sw.Written.Load()
		if now == stalled {
			break
		}
		if i == 50 {
			t.Fatalf("the server is still writing (%d bytes) to a reader that receives nothing", now)
		}
		stalled = now
	}
	if stalled > 32<<20 {
		t.Errorf("the server wrote %d MiB ahead of a reader that received 10 KiB", stalled>>20)
	}
	var during runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&during)
	if grown := int64(during.HeapAlloc) - int64(before.HeapAlloc); grown > 32<<20 {
		t.Errorf("the heap grew by %d MiB while the stream was held back", grown>>20)
	}
	// Receiving again resumes the stream.
	for range 1000 {
		if _, ok := <-s.Events(); !ok {
			t.Fatalf("stream ended: %v", s.Err())
		}
	}
	if err := s.Close(); err != nil {
		t.Errorf("Close = %v", err)
	}
	select {
	case <-handlerDone:
	case <-time.After(10 * time.Second):
		t.Fatal("the server handler still runs after Close: the stream was not reset")
	}
}

// baseline opens and finishes one stream so the client's connection and
// its goroutines exist, and returns the goroutine count then.
func baseline(t *testing.T, c *Client) int {
	t.Helper()
	out, err := c.ConverseStream(context.Background(), converseInput)
	if err != nil {
		t.Fatal(err)
	}
	for range out.GetStream().Events() {
	}
	runtime.Gosched()
	time.Sleep(50 * time.Millisecond)
	return runtime.NumGoroutine()
}

func TestCancellingOrClosingMidStreamLeaksNothing(t *testing.T) {
	for _, how := range []string{"cancel while receiving", "cancel while not receiving", "close"} {
		t.Run(how, func(t *testing.T) {
			handlers := sync.WaitGroup{}
			first := true
			var mu sync.Mutex
			srv := eventstreamtest.NewServer(t, func(w http.ResponseWriter, r *http.Request) {
				mu.Lock()
				warmup := first
				first = false
				mu.Unlock()
				if warmup {
					eventstreamtest.NewWriter(w).Send(twoDeltas...)
					return
				}
				handlers.Add(1)
				defer handlers.Done()
				sw := eventstreamtest.NewWriter(w)
				for r.Context().Err() == nil {
					if sw.Send(twoDeltas[0]) != nil {
						return
					}
					time.Sleep(time.Millisecond)
				}
			})
			c := newClient(srv)
			base := baseline(t, c)
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			out, err := c.ConverseStream(ctx, converseInput)
			if err != nil {
				t.Fatal(err)
			}
			s := out.GetStream()
			for range 5 {
				<-s.Events()
			}
			switch how {
			case "cancel while receiving":
				go cancel()
				for range s.Events() {
				}
			case "cancel while not receiving":
				time.Sleep(20 * time.Millisecond) // an event waits to be sent
				cancel()
				// The reader goroutine ends without anyone receiving.
				eventstreamtest.Settle(t, base, nil)
			case "close":
				if err := s.Close(); err != nil {
					t.Errorf("Close = %v", err)
				}
			}
			if e, ok := <-s.Events(); ok {
				t.Errorf("an event after the stream was stopped: %v", e)
			}
			if how == "close" {
				if err := s.Err(); err != nil {
					t.Errorf("Err after Close = %v", err)
				}
			} else if err := s.Err(); !errors.Is(err, context.Canceled) {
				t.Errorf("Err = %v, want context.Canceled", err)
			}
			waited := make(chan struct{})
			go func() { handlers.Wait(); close(waited) }()
			select {
			case <-waited:
			case <-time.After(10 * time.Second):
				t.Fatal("the server handler still runs: the stream was not reset")
			}
			eventstreamtest.Settle(t, base, nil)
		})
	}
}

func TestManyStreamsAtOnce(t *testing.T) {
	const streams, events = 64, 50
	srv := eventstreamtest.NewServer(t, func(w http.ResponseWriter, r *http.Request) {
		id := r.URL.Path[len("/model/") : len(r.URL.Path)-len("/converse-stream")]
		sw := eventstreamtest.NewWriter(w)
		for i := range events {
			sw.Send(ev("contentBlockDelta", fmt.Sprintf(`{"contentBlockIndex":%d,"delta":{"text":"%s-%d"}}`, i, id, i)))
		}
		sw.Send(ev("messageStop", `{"stopReason":"end_turn"}`))
	})
	c := newClient(srv)
	base := baseline(t, c)
	var wg sync.WaitGroup
	errs := make(chan error, streams)
	for n := range streams {
		wg.Add(1)
		go func() {
			defer wg.Done()
			id := fmt.Sprintf("model-%d", n)
			out, err := c.ConverseStream(context.Background(), &ConverseStreamInput{ModelId: aws.String(id)})
			if err != nil {
				errs <- err
				return
			}
			s := out.GetStream()
			defer s.Close()
			i := 0
			for e := range s.Events() {
				switch e := e.(type) {
				case *types.ConverseStreamOutputMemberContentBlockDelta:
					text := e.Value.Delta.(*types.ContentBlockDeltaMemberText).Value
					if want := fmt.Sprintf("%s-%d", id, i); text != want || aws.ToInt32(e.Value.ContentBlockIndex) != int32(i) {
						errs <- fmt.Errorf("stream %s: event %d is %q, want %q", id, i, text, want)
						return
					}
					i++
				case *types.ConverseStreamOutputMemberMessageStop:
					if i != events || e.Value.StopReason != types.StopReasonEndTurn {
						errs <- fmt.Errorf("stream %s: stopped after %d events (%q)", id, i, e.Value.StopReason)
					}
				}
			}
			if err := s.Err(); err != nil || i != events {
				errs <- fmt.Errorf("stream %s: %d events, Err %v", id, i, err)
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	eventstreamtest.Settle(t, base+2, srv.Client().CloseIdleConnections)
}

// memHTTP answers every request with body, from memory.
type memHTTP struct{ body []byte }

func (m memHTTP) Do(r *http.Request) (*http.Response, error) {
	return &http.Response{StatusCode: 200, Header: http.Header{}, Body: io.NopCloser(bytes.NewReader(m.body)), Request: r}, nil
}

// Events cost no allocation of their own: members, strings and pointers
// come from chunks shared along the stream. What a call costs is measured
// with one event and with many; the difference is the events'.
func TestEventsAllocateLittle(t *testing.T) {
	frame := eventstreamtest.Frames(t, twoDeltas[0])
	mallocs := func(n int) uint64 {
		c := New(Options{Region: "us-east-1", BaseEndpoint: aws.String("http://stream.invalid"), HTTPClient: memHTTP{bytes.Repeat(frame, n)}})
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		out, err := c.ConverseStream(context.Background(), converseInput)
		if err != nil {
			t.Fatal(err)
		}
		received := 0
		for range out.GetStream().Events() {
			received++
		}
		runtime.ReadMemStats(&after)
		if received != n {
			t.Fatalf("%d events, Err %v", received, out.GetStream().Err())
		}
		return after.Mallocs - before.Mallocs
	}
	const n = 5000
	mallocs(1) // first use: descriptors, endpoint rules
	one, many := mallocs(1), mallocs(n)
	per := float64(many-one) / (n - 1)
	if per > 0.1 {
		t.Errorf("%.2f allocations per event", per)
	}
	t.Logf("%.3f allocations per event", per)
}

// A stream can be mocked through its Reader, as with aws-sdk-go-v2.
type mockReader struct {
	events chan types.ConverseStreamOutput
	closed int
}

func (m *mockReader) Events() <-chan types.ConverseStreamOutput { return m.events }
func (m *mockReader) Close() error                              { m.closed++; return nil }
func (m *mockReader) Err() error                                { return nil }

func TestAStreamCanBeMocked(t *testing.T) {
	r := &mockReader{events: make(chan types.ConverseStreamOutput, 1)}
	r.events <- &types.ConverseStreamOutputMemberMessageStart{Value: types.MessageStartEvent{Role: types.ConversationRoleAssistant}}
	close(r.events)
	s := NewConverseStreamEventStream(func(s *ConverseStreamEventStream) { s.Reader = r })
	var _ ConverseStreamOutputReader = r
	if e := <-s.Events(); e.(*types.ConverseStreamOutputMemberMessageStart).Value.Role != types.ConversationRoleAssistant {
		t.Errorf("event %v", e)
	}
	if s.Close() != nil || r.closed != 1 || s.Err() != nil {
		t.Error("Close and Err do not reach the Reader")
	}
}
