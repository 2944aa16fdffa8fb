package lambda

// Lambda InvokeWithResponseStream, generated from the real model
// (restJson1): output members from the status line and headers, an
// @eventPayload blob, and the completion event.

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/google/go-cmp/cmp"

	"github.com/gosmith/gosmith/internal/eventstreamtest"
	"github.com/gosmith/gosmith/internal/protocol/eventstream"

	"$PKG/types" // the generated package's types
)

func TestInvokeWithResponseStreamReadsHeadersPayloadChunksAndCompletion(t *testing.T) {
	srv := eventstreamtest.NewServer(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/2021-11-15/functions/echo/response-streaming-invocations" {
			http.Error(w, "unexpected path "+r.URL.Path, http.StatusBadRequest)
			return
		}
		w.Header().Set("X-Amz-Executed-Version", "$LATEST")
		sw := eventstreamtest.NewWriter(w)
		sw.Send(
			eventstream.NewEvent("PayloadChunk", "application/octet-stream", []byte("first part, ")),
			eventstream.NewEvent("PayloadChunk", "application/octet-stream", []byte{0, 1, 2, 0xff}),
			eventstreamtest.Event("InvokeComplete", `{"ErrorCode":"Unhandled","ErrorDetails":"boom","LogResult":"bG9n"}`),
		)
	})
	c := New(Options{Region: "us-east-1", BaseEndpoint: aws.String(srv.URL), HTTPClient: srv.Client(), RetryMaxAttempts: 1})
	out, err := c.InvokeWithResponseStream(context.Background(), &InvokeWithResponseStreamInput{FunctionName: aws.String("echo"), Payload: []byte(`{}`)})
	if err != nil {
		t.Fatal(err)
	}
	if out.StatusCode != 200 || aws.ToString(out.ExecutedVersion) != "$LATEST" || !strings.HasPrefix(aws.ToString(out.ResponseStreamContentType), "application/vnd.amazon.eventstream") {
		t.Errorf("StatusCode %d, ExecutedVersion %v, ResponseStreamContentType %v", out.StatusCode, out.ExecutedVersion, out.ResponseStreamContentType)
	}
	s := out.GetStream()
	defer s.Close()
	var got []types.InvokeWithResponseStreamResponseEvent
	for e := range s.Events() {
		got = append(got, e)
	}
	want := []types.InvokeWithResponseStreamResponseEvent{
		&types.InvokeWithResponseStreamResponseEventMemberPayloadChunk{Value: types.InvokeResponseStreamUpdate{Payload: []byte("first part, ")}},
		&types.InvokeWithResponseStreamResponseEventMemberPayloadChunk{Value: types.InvokeResponseStreamUpdate{Payload: []byte{0, 1, 2, 0xff}}},
		&types.InvokeWithResponseStreamResponseEventMemberInvokeComplete{Value: types.InvokeWithResponseStreamCompleteEvent{
			ErrorCode: aws.String("Unhandled"), ErrorDetails: aws.String("boom"), LogResult: aws.String("bG9n")}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("events (-want +got):\n%s", diff)
	}
	if err := s.Err(); err != nil {
		t.Errorf("Err = %v", err)
	}
}
