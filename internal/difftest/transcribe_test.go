//go:build catalogue

package difftest

// Transcribe Streaming's StartStreamTranscription, an input (duplex) event
// stream, sent by both clients to one local HTTP/2 server: the request
// (method, path, query, every header but those that vary per call, the
// headers signed), every message each client sends (the event inside the
// signed message, byte for byte; each signature checked, chained from the
// request's), the output's header members and the events received must
// agree. The model is not among ../shared's: run.sh generates the client
// from the catalogue when CATALOGUE names an api-models-aws checkout, and
// runs this file with -tags catalogue.

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v2 "github.com/aws/aws-sdk-go-v2/service/transcribestreaming"
	v2types "github.com/aws/aws-sdk-go-v2/service/transcribestreaming/types"
	"github.com/google/go-cmp/cmp"

	transcribefull "github.com/gosmith/gosmith/internal/difftest/transcribefull"
	"github.com/gosmith/gosmith/internal/difftest/transcribefull/types"
	"github.com/gosmith/gosmith/internal/eventstreamtest"
)

var transcribeCreds = aws.Credentials{AccessKeyID: "AKID", SecretAccessKey: "SECRET", SessionToken: "TOKEN"}

// transcribeCall is what the server saw of one call.
type transcribeCall struct {
	method, uri string
	header      http.Header
	signed      []string // the SignedHeaders of Authorization
	events      [][]byte // the messages inside the signed ones
	err         error
}

// transcriptEvent is the event the server answers with once the input
// ends, with the output's header members.
var transcriptEvent = eventstreamtest.Event("TranscriptEvent", `{"Transcript":{"Results":[{"Alternatives":[{"Transcript":"hello world",`+
	`"Items":[{"Content":"hello","StartTime":0.1,"EndTime":0.5,"Type":"pronunciation","Confidence":0.99,"Speaker":"0","Stable":true}]}],`+
	`"ChannelId":"ch_0","EndTime":1.5,"IsPartial":false,"ResultId":"r1","StartTime":0.1,"LanguageCode":"en-US"}]}}`)

func transcribeServer(t *testing.T) (url string, client *http.Client, calls func() []transcribeCall) {
	var mu sync.Mutex
	var seen []transcribeCall
	srv := eventstreamtest.NewServer(t, func(w http.ResponseWriter, r *http.Request) {
		call := transcribeCall{method: r.Method, uri: r.URL.RequestURI(), header: r.Header.Clone()}
		defer func() {
			mu.Lock()
			seen = append(seen, call)
			mu.Unlock()
		}()
		auth := r.Header.Get("Authorization")
		if i := strings.Index(auth, "SignedHeaders="); i >= 0 {
			call.signed = strings.Split(strings.SplitN(auth[i+len("SignedHeaders="):], ",", 2)[0], ";")
		}
		in, err := eventstreamtest.NewInputReader(r, transcribeCreds, "transcribe", "us-west-2")
		if err != nil {
			call.err = err
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		w.Header().Set("x-amzn-request-id", "req-1")
		w.Header().Set("x-amzn-transcribe-language-code", "en-US")
		w.Header().Set("x-amzn-transcribe-sample-rate", "16000")
		w.Header().Set("x-amzn-transcribe-media-encoding", "pcm")
		w.Header().Set("x-amzn-transcribe-session-id", "session-1")
		sw := eventstreamtest.NewWriter(w)
		w.(http.Flusher).Flush()
		for {
			frame, _, err := in.Next()
			if errors.Is(err, eventstreamtest.ErrEndOfStream) {
				break
			}
			if err != nil {
				call.err = err
				return
			}
			call.events = append(call.events, frame)
		}
		call.err = sw.Send(transcriptEvent)
	})
	return srv.URL, srv.Client(), func() []transcribeCall {
		mu.Lock()
		defer mu.Unlock()
		return append([]transcribeCall(nil), seen...)
	}
}

func TestTranscribeStreamingInputStream(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	url, httpClient, calls := transcribeServer(t)
	creds := aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) { return transcribeCreds, nil })
	audio := [][]byte{[]byte("\x00\x01\x02\x03 first chunk"), make([]byte, 3200), []byte("last")}

	// aws-sdk-go-v2
	v2c := v2.New(v2.Options{Region: "us-west-2", BaseEndpoint: aws.String(url), HTTPClient: httpClient, Credentials: creds, RetryMaxAttempts: 1})
	v2out, err := v2c.StartStreamTranscription(ctx, &v2.StartStreamTranscriptionInput{
		LanguageCode: v2types.LanguageCodeEnUs, MediaEncoding: v2types.MediaEncodingPcm, MediaSampleRateHertz: aws.Int32(16000),
		ShowSpeakerLabel: true, VocabularyName: aws.String("words"), EnablePartialResultsStabilization: true,
		PartialResultsStability: v2types.PartialResultsStabilityHigh, SessionId: aws.String("session-1"),
	})
	if err != nil {
		t.Fatalf("v2: %v", err)
	}
	v2s := v2out.GetStream()
	for i, chunk := range audio {
		if err := v2s.Send(ctx, &v2types.AudioStreamMemberAudioEvent{Value: v2types.AudioEvent{AudioChunk: chunk}}); err != nil {
			t.Fatalf("v2 Send: %v", err)
		}
		if i == 0 {
			if err := v2s.Send(ctx, &v2types.AudioStreamMemberConfigurationEvent{Value: v2types.ConfigurationEvent{
				ChannelDefinitions:        []v2types.ChannelDefinition{{ChannelId: 0, ParticipantRole: v2types.ParticipantRoleAgent}, {ChannelId: 1, ParticipantRole: v2types.ParticipantRoleCustomer}},
				PostCallAnalyticsSettings: &v2types.PostCallAnalyticsSettings{OutputLocation: aws.String("s3://bucket/key"), DataAccessRoleArn: aws.String("arn:aws:iam::111122223333:role/r")},
			}}); err != nil {
				t.Fatalf("v2 Send: %v", err)
			}
		}
	}
	if err := v2s.Writer.Close(); err != nil {
		t.Fatalf("v2 Writer.Close: %v", err)
	}
	var v2events []v2types.TranscriptResultStream
	for e := range v2s.Events() {
		v2events = append(v2events, e)
	}
	if err := v2s.Err(); err != nil {
		t.Fatalf("v2 stream: %v", err)
	}
	v2s.Close()

	// gosmith
	c := transcribefull.New(transcribefull.Options{Region: "us-west-2", BaseEndpoint: aws.String(url), HTTPClient: httpClient, Credentials: creds, RetryMaxAttempts: 1})
	out, err := c.StartStreamTranscription(ctx, &transcribefull.StartStreamTranscriptionInput{
		LanguageCode: types.LanguageCodeEnUs, MediaEncoding: types.MediaEncodingPcm, MediaSampleRateHertz: aws.Int32(16000),
		ShowSpeakerLabel: true, VocabularyName: aws.String("words"), EnablePartialResultsStabilization: true,
		PartialResultsStability: types.PartialResultsStabilityHigh, SessionId: aws.String("session-1"),
	})
	if err != nil {
		t.Fatalf("gosmith: %v", err)
	}
	s := out.GetStream()
	for i, chunk := range audio {
		if err := s.Send(ctx, &types.AudioStreamMemberAudioEvent{Value: types.AudioEvent{AudioChunk: chunk}}); err != nil {
			t.Fatalf("gosmith Send: %v", err)
		}
		if i == 0 {
			if err := s.Send(ctx, &types.AudioStreamMemberConfigurationEvent{Value: types.ConfigurationEvent{
				ChannelDefinitions:        []types.ChannelDefinition{{ChannelId: 0, ParticipantRole: types.ParticipantRoleAgent}, {ChannelId: 1, ParticipantRole: types.ParticipantRoleCustomer}},
				PostCallAnalyticsSettings: &types.PostCallAnalyticsSettings{OutputLocation: aws.String("s3://bucket/key"), DataAccessRoleArn: aws.String("arn:aws:iam::111122223333:role/r")},
			}}); err != nil {
				t.Fatalf("gosmith Send: %v", err)
			}
		}
	}
	if err := s.Writer.Close(); err != nil {
		t.Fatalf("gosmith Writer.Close: %v", err)
	}
	var events []types.TranscriptResultStream
	for e := range s.Events() {
		events = append(events, e)
	}
	if err := s.Err(); err != nil {
		t.Fatalf("gosmith stream: %v", err)
	}
	s.Close()

	seen := calls()
	if len(seen) != 2 {
		t.Fatalf("the server saw %d calls, want 2", len(seen))
	}
	want, got := seen[0], seen[1]
	for i, c := range seen {
		if c.err != nil {
			t.Errorf("call %d (%s): %v", i, []string{"v2", "gosmith"}[i], c.err)
		}
	}
	if want.method != got.method || want.uri != got.uri {
		t.Errorf("request %s %s, v2 %s %s", got.method, got.uri, want.method, want.uri)
	}
	if diff := cmp.Diff(want.signed, got.signed); diff != "" {
		t.Errorf("signed headers (-v2 +gosmith):\n%s", diff)
	}
	// Headers that vary per call or by SDK.
	for _, h := range []string{"Authorization", "X-Amz-Date", "Amz-Sdk-Invocation-Id", "User-Agent"} {
		want.header.Del(h)
		got.header.Del(h)
	}
	if diff := cmp.Diff(want.header, got.header); diff != "" {
		t.Errorf("request headers (-v2 +gosmith):\n%s", diff)
	}
	if len(want.events) != len(got.events) {
		t.Fatalf("gosmith sent %d events, v2 %d", len(got.events), len(want.events))
	}
	for i := range want.events {
		if string(want.events[i]) != string(got.events[i]) {
			t.Errorf("event %d: gosmith sent %q\nv2 sent %q", i, got.events[i], want.events[i])
		}
	}
	if diff := cmp.Diff(indentedJSON(t, v2events), indentedJSON(t, events)); diff != "" {
		t.Errorf("events received (-v2 +gosmith):\n%s", diff)
	}
	if diff := cmp.Diff(indentedJSON(t, v2out), indentedJSON(t, out)); diff != "" {
		t.Errorf("output (-v2 +gosmith):\n%s", diff)
	}
	names := make([]string, 0, len(got.header))
	for k := range got.header {
		names = append(names, k)
	}
	sort.Strings(names)
	t.Logf("identical: request %s %s with headers %v, signed %v; %d events, each byte for byte; the output and %d events received",
		got.method, got.uri, names, got.signed, len(got.events), len(events))
}

// indentedJSON renders v (both clients' types have the same field names) for
// comparison.
func indentedJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.MarshalIndent(v, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
