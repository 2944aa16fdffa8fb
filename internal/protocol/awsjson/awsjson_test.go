package awsjson

import (
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/smithy-go"

	"github.com/gosmith/gosmith/internal/protocol/jsonwire"
)

type testError struct{ Message *string }

func (e *testError) Error() string { return "TestError" }

func decodeTestError(d *jsonwire.Decoder, v *testError) error {
	return d.Object(func(d *jsonwire.Decoder, key []byte) error {
		if string(key) == "message" {
			return d.StringPtr(&v.Message)
		}
		return d.Skip()
	})
}

func TestDecodeErrorPicksTheModeledType(t *testing.T) {
	types := []ErrorType{{Code: "TestError", Decode: ErrorDecoder(decodeTestError)}}
	err := decodeError(&Service{}, http.Header{}, []byte(`{"__type":"ns#TestError","message":"hi"}`), types)
	var te *testError
	if !errors.As(err, &te) || aws.ToString(te.Message) != "hi" {
		t.Fatalf("want *testError with message, got %#v", err)
	}
	err = decodeError(&Service{}, http.Header{}, []byte(`{"__type":"Other"}`), types)
	var generic *smithy.GenericAPIError
	if !errors.As(err, &generic) || generic.Code != "Other" {
		t.Fatalf("want GenericAPIError, got %#v", err)
	}
	err = decodeError(&Service{}, http.Header{"X-Amzn-Errortype": {"TestError"}}, nil, types)
	if !errors.As(err, &te) {
		t.Fatalf("an empty body still gives the modeled type, got %#v", err)
	}
	err = decodeError(&Service{}, http.Header{}, []byte(`{"__type":"TestError","message":7}`), types)
	var de *smithy.DeserializationError
	if !errors.As(err, &de) || !strings.Contains(err.Error(), "message") || len(de.Snapshot) == 0 {
		t.Fatalf("want a DeserializationError naming the member, got %v", err)
	}
}
