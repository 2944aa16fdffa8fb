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

func TestErrorInfo(t *testing.T) {
	tests := []struct {
		name, header, body, code, message string
	}{
		{"header wins over the body", "HeaderCode", `{"__type":"BodyType","code":"BodyCode"}`, "HeaderCode", "UnknownError"},
		{"__type before code", "", `{"code":"BodyCode","__type":"ns#BodyType"}`, "BodyType", "UnknownError"},
		{"code when nothing else", "", `{"code":"BodyCode","message":"m"}`, "BodyCode", "m"},
		{"a non-string code is ignored", "", `{"code":404,"Message":"not here"}`, "UnknownError", "not here"},
		{"message in any case", "", `{"__type":"T","MESSAGE":"loud"}`, "T", "loud"},
		{"empty body", "", ``, "UnknownError", "UnknownError"},
		{"unknown members are skipped", "", `{"x":{"y":[1,2,{}]},"__type":"T"}`, "T", "UnknownError"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := http.Header{}
			if tt.header != "" {
				h.Set("X-Amzn-ErrorType", tt.header)
			}
			code, msg, err := ErrorInfo(h, []byte(tt.body))
			if err != nil {
				t.Fatal(err)
			}
			if code != tt.code || msg != tt.message {
				t.Errorf("got (%q, %q), want (%q, %q)", code, msg, tt.code, tt.message)
			}
		})
	}
	for _, bad := range []string{`<html>`, `[]`, `{"__type":1}`, `{"__type":"T"`, `{} x`} {
		if _, _, err := ErrorInfo(http.Header{}, []byte(bad)); err == nil {
			t.Errorf("ErrorInfo(%q) accepted a malformed body", bad)
		}
	}
}

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
	types := []ErrorType{{Code: "TestError", Decode: func(d *jsonwire.Decoder) (error, error) { return DecodeError(d, new(testError), decodeTestError) }}}
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
