package restjson

// The restJson1 compliance suite's smithy.test#eventStreamTests for its
// output streams (OutputStream, OutputStreamWithInitialResponse, and the
// responses of DuplexStream and DuplexStreamWithInitialMessages), replayed
// byte for byte: vectors.json holds the client cases as the codegen test
// extracts them from the model; the values each must decode to are
// written out below. The cases of input streams are input_test.go's.

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/smithy-go"
	"github.com/google/go-cmp/cmp"

	"github.com/gosmith/gosmith/internal/eventstreamtest"

	"$PKG/types" // the generated package's types
)

// vector is one client case of the suite.
type vector struct {
	ID        string
	Operation string
	// Frames are the response's messages, encoded; InitialResponse the
	// HTTP response that opens them, when the case gives one.
	Frames          [][]byte
	InitialResponse *struct {
		Code    int
		Headers map[string]string
		Body    string
	}
	// Requests are the request's messages, encoded (unsigned), that the
	// client must send; InitialRequest the HTTP request that opens them.
	Requests       [][]byte
	InitialRequest *struct {
		Method  string
		URI     string
		Headers map[string]string
	}
	// Failure: the call or the stream must fail; ErrorID names the modeled
	// error it must fail with, when set.
	Failure bool
	ErrorID string
}

// wantEvents are the events each successful case decodes to.
var wantEvents = map[string][]types.EventStream{
	"BooleanHeaderOutput": {&types.EventStreamMemberHeaders{Value: types.HeadersEvent{BooleanHeader: aws.Bool(true)}}},
	"ByteHeaderOutput":    {&types.EventStreamMemberHeaders{Value: types.HeadersEvent{ByteHeader: aws.Int8(1)}}},
	"ShortHeaderOutput":   {&types.EventStreamMemberHeaders{Value: types.HeadersEvent{ShortHeader: aws.Int16(2)}}},
	"IntegerHeaderOutput": {&types.EventStreamMemberHeaders{Value: types.HeadersEvent{IntHeader: aws.Int32(3)}}},
	"LongHeaderOutput":    {&types.EventStreamMemberHeaders{Value: types.HeadersEvent{LongHeader: aws.Int64(4294967294)}}},
	"BlobHeaderOutput":    {&types.EventStreamMemberHeaders{Value: types.HeadersEvent{BlobHeader: []byte("foo")}}},
	"StringHeaderOutput":  {&types.EventStreamMemberHeaders{Value: types.HeadersEvent{StringHeader: aws.String("foo")}}},
	"TimestampHeaderOutput": {&types.EventStreamMemberHeaders{Value: types.HeadersEvent{
		TimestampHeader: aws.Time(time.Date(2024, 10, 31, 14, 15, 14, 0, time.UTC))}}},
	"MultipleHeaderOutput": {&types.EventStreamMemberHeaders{Value: types.HeadersEvent{
		BooleanHeader: aws.Bool(true), StringHeader: aws.String("foo"), BlobHeader: []byte("bar")}}},
	"StringPayloadOutput": {&types.EventStreamMemberStringPayload{Value: types.StringPayloadEvent{Payload: aws.String("foo")}}},
	"BlobPayloadOutput":   {&types.EventStreamMemberBlobPayload{Value: types.BlobPayloadEvent{Payload: []byte("bar")}}},
	"StructurePayloadOutput": {&types.EventStreamMemberStructurePayload{Value: types.StructurePayloadEvent{
		Payload: &types.PayloadStructure{StructureMember: aws.String("foo")}}}},
	"UnionPayloadOutput": {&types.EventStreamMemberUnionPayload{Value: types.UnionPayloadEvent{
		Payload: &types.PayloadUnionMemberUnionMember{Value: "bar"}}}},
	"HeadersAndExplicitPayloadOutput": {&types.EventStreamMemberHeadersAndExplicitPayload{Value: types.HeadersAndExplicitPayloadEvent{
		Header: aws.String("foo"), Payload: &types.PayloadStructure{StructureMember: aws.String("bar")}}}},
	"HeadersAndImplicitPayloadOutput": {&types.EventStreamMemberHeadersAndImplicitPayload{Value: types.HeadersAndImplicitPayloadEvent{
		Header: aws.String("foo"), Payload: aws.String("bar")}}},
	"InitialResponseOutput": nil,
}

// notChecked are cases this client does not pass, as aws-sdk-go-v2 does
// not: it checks no required member of an output.
var notChecked = map[string]string{
	"MissingRequiredInitialResponseOutput":       "outputs are not validated (a missing required member is not an error), as in aws-sdk-go-v2",
	"DuplexMissingRequiredInitialResponseOutput": "outputs are not validated (a missing required member is not an error), as in aws-sdk-go-v2",
}

// isInputCase: the case is about what the client sends (input_test.go).
func isInputCase(v vector) bool { return len(v.Requests) > 0 || v.InitialRequest != nil }

// readVectors reads vectors.json.
func readVectors(t *testing.T) []vector {
	t.Helper()
	raw, err := os.ReadFile("vectors.json")
	if err != nil {
		t.Fatal(err)
	}
	var vectors []vector
	if err := json.Unmarshal(raw, &vectors); err != nil {
		t.Fatal(err)
	}
	if len(vectors) < 20 {
		t.Fatalf("only %d vectors", len(vectors))
	}
	return vectors
}

func TestEventStreamComplianceVectors(t *testing.T) {
	for _, v := range readVectors(t) {
		if isInputCase(v) {
			continue
		}
		t.Run(v.ID, func(t *testing.T) {
			if why, ok := notChecked[v.ID]; ok {
				t.Skip(why)
			}
			// A duplex stream's responses are the output stream's cases.
			want, known := wantEvents[strings.TrimPrefix(v.ID, "Duplex")]
			if !v.Failure && !known {
				t.Fatalf("no expected events written for %s", v.ID)
			}
			srv := eventstreamtest.NewServer(t, func(w http.ResponseWriter, r *http.Request) {
				if r.URL.Path != "/"+v.Operation {
					http.Error(w, "unexpected path "+r.URL.Path, http.StatusBadRequest)
					return
				}
				if ir := v.InitialResponse; ir != nil {
					for k, val := range ir.Headers {
						w.Header().Set(k, val)
					}
					if ir.Code != http.StatusOK {
						w.WriteHeader(ir.Code)
						w.Write([]byte(ir.Body))
						return
					}
				}
				sw := eventstreamtest.NewWriter(w)
				for _, f := range v.Frames {
					sw.Raw(f)
				}
			})
			// Signed: a duplex stream's messages are signed with the request's
			// credentials.
			c := New(Options{
				Region: "us-west-2", BaseEndpoint: aws.String(srv.URL), HTTPClient: srv.Client(), RetryMaxAttempts: 1,
				Credentials: aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) { return testCreds, nil }),
			})
			var stream interface {
				Events() <-chan types.EventStream
				Close() error
				Err() error
			}
			var initialMember *string
			switch v.Operation {
			case "OutputStream":
				out, err := c.OutputStream(context.Background(), &OutputStreamInput{})
				if err != nil {
					checkFailure(t, v, err)
					return
				}
				stream = out.GetStream()
			case "OutputStreamWithInitialResponse":
				out, err := c.OutputStreamWithInitialResponse(context.Background(), &OutputStreamWithInitialResponseInput{})
				if err != nil {
					checkFailure(t, v, err)
					return
				}
				stream, initialMember = out.GetStream(), out.InitialResponseMember
			case "DuplexStream":
				out, err := c.DuplexStream(context.Background(), &DuplexStreamInput{})
				if err != nil {
					checkFailure(t, v, err)
					return
				}
				stream = out.GetStream()
			case "DuplexStreamWithInitialMessages":
				out, err := c.DuplexStreamWithInitialMessages(context.Background(), &DuplexStreamWithInitialMessagesInput{InitialRequestMember: aws.String("foo")})
				if err != nil {
					checkFailure(t, v, err)
					return
				}
				stream, initialMember = out.GetStream(), out.InitialResponseMember
			default:
				t.Fatalf("operation %s", v.Operation)
			}
			defer stream.Close()
			var got []types.EventStream
			for e := range stream.Events() {
				got = append(got, e)
			}
			if v.Failure {
				checkFailure(t, v, stream.Err())
				return
			}
			if err := stream.Err(); err != nil {
				t.Fatalf("Err = %v", err)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("events (-want +got):\n%s", diff)
			}
			if strings.HasSuffix(v.ID, "InitialResponseOutput") && aws.ToString(initialMember) != "foo" {
				t.Errorf("InitialResponseMember = %v, want the header's foo", initialMember)
			}
		})
	}
}

// checkFailure checks the error a failing case ended with.
func checkFailure(t *testing.T, v vector, err error) {
	t.Helper()
	if !v.Failure {
		t.Fatalf("unexpected error: %v", err)
	}
	if err == nil {
		t.Fatal("the case must fail; it did not")
	}
	switch v.ErrorID {
	case "":
	case "aws.protocoltests.restjson#ErrorEvent":
		var e *types.ErrorEvent
		if !errors.As(err, &e) || aws.ToString(e.Message) != "foo" {
			t.Errorf("err = %v, want *types.ErrorEvent", err)
		}
	case "aws.protocoltests.restjson#ServiceUnavailableError":
		var e *types.ServiceUnavailableError
		if !errors.As(err, &e) {
			t.Errorf("err = %v, want *types.ServiceUnavailableError", err)
		}
	default:
		t.Errorf("no check for error %s", v.ErrorID)
	}
	if strings.TrimPrefix(v.ID, "Duplex") == "ClientUnexpectedErrorOutput" {
		var g *smithy.GenericAPIError
		if !errors.As(err, &g) || g.Code != "internal-error" || g.Message != "An unknown error occurred." {
			t.Errorf("err = %#v, want the error message's code and message", err)
		}
	}
}
