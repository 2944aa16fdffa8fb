package jsonerror

import (
	"bytes"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"testing"

	v2restjson "github.com/aws/aws-sdk-go-v2/aws/protocol/restjson"
)

func TestSanitize(t *testing.T) {
	for in, want := range map[string]string{
		"FooError":                            "FooError",
		"aws.protocoltests.restjson#FooError": "FooError",
		"FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/":                            "FooError",
		"aws.protocoltests.restjson#FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/": "FooError",
		"a#b#c": "b#c",
		"":      "",
	} {
		if got := Sanitize(in); got != want {
			t.Errorf("Sanitize(%q) = %q, want %q", in, got, want)
		}
	}
}

// The restJson1 compliance cases (RestJsonFooError*, RestJsonInvalidGreetingError,
// RestJsonComplexErrorWithNoMessage) and the rules where restJson1 and awsJson differ.
func TestIdentify(t *testing.T) {
	const uri = ":http://internal.amazon.com/coral/com.amazon.coral.validate/"
	tests := []struct {
		name             string
		header, body     string
		rest, restMsg    string // RESTJSON
		awsJSON, awsJMsg string // AWSJSON
	}{
		{"RestJsonFooErrorUsingXAmznErrorType", "FooError", "", "FooError", "UnknownError", "FooError", "UnknownError"},
		{"RestJsonFooErrorUsingXAmznErrorTypeWithUri", "FooError" + uri, "", "FooError", "UnknownError", "FooError", "UnknownError"},
		{"RestJsonFooErrorUsingXAmznErrorTypeWithUriAndNamespace", "aws.protocoltests.restjson#FooError" + uri, "", "FooError", "UnknownError", "FooError", "UnknownError"},
		{"RestJsonFooErrorUsingXAmznErrorTypeWithUriAndDifferentNamespace", "aws.different.namespace#FooError" + uri, "", "FooError", "UnknownError", "FooError", "UnknownError"},
		{"RestJsonFooErrorUsingCode", "", `{"code": "FooError"}`, "FooError", "UnknownError", "FooError", "UnknownError"},
		{"RestJsonFooErrorUsingCodeAndNamespace", "", `{"code": "aws.protocoltests.restjson#FooError"}`, "FooError", "UnknownError", "FooError", "UnknownError"},
		{"RestJsonFooErrorUsingCodeUriAndNamespace", "", `{"code": "aws.protocoltests.restjson#FooError` + uri + `"}`, "FooError", "UnknownError", "FooError", "UnknownError"},
		{"RestJsonFooErrorWithDunderType", "", `{"__type": "FooError"}`, "FooError", "UnknownError", "FooError", "UnknownError"},
		{"RestJsonFooErrorWithDunderTypeAndNamespace", "", `{"__type": "aws.protocoltests.restjson#FooError"}`, "FooError", "UnknownError", "FooError", "UnknownError"},
		{"RestJsonFooErrorWithDunderTypeUriAndNamespace", "", `{"__type": "aws.protocoltests.restjson#FooError` + uri + `"}`, "FooError", "UnknownError", "FooError", "UnknownError"},
		{"RestJsonFooErrorWithNestedTypeProperty", "", `{"__type": "aws.protocoltests.restjson#FooError", "ErrorDetails": [{"__type": "com.amazon.internal#ErrorDetails", "reason": "Some reason"}]}`, "FooError", "UnknownError", "FooError", "UnknownError"},
		{"RestJsonInvalidGreetingError", "InvalidGreeting", `{"Message": "Hi"}`, "InvalidGreeting", "Hi", "InvalidGreeting", "Hi"},
		{"RestJsonComplexErrorWithNoMessage", "ComplexError", `{"TopLevel": "Top level", "Nested": {"Fooooo": "bar"}}`, "ComplexError", "UnknownError", "ComplexError", "UnknownError"},
		{"the header wins over the body", "HeaderCode", `{"__type":"T","code":"C"}`, "HeaderCode", "UnknownError", "HeaderCode", "UnknownError"},
		{"restJson reads code before __type", "", `{"__type":"T","code":"C"}`, "C", "UnknownError", "T", "UnknownError"},
		{"restJson matches keys in any case", "", `{"Code":"C","__TYPE":"T","MESSAGE":"m"}`, "C", "m", "UnknownError", "m"},
		{"restJson falls back to __type", "", `{"__Type":"T"}`, "T", "UnknownError", "UnknownError", "UnknownError"},
		{"the last of repeated members wins", "", `{"code":"A","CODE":"B","message":"x","Message":"y"}`, "B", "y", "A", "y"},
		{"a non-string code is ignored", "", `{"code":404,"message":"not here"}`, "UnknownError", "not here", "UnknownError", "not here"},
		{"an empty code falls through", "", `{"code":"","__type":"T"}`, "T", "UnknownError", "T", "UnknownError"},
		{"null members are absent", "", `{"code":null,"__type":null,"message":null}`, "UnknownError", "UnknownError", "UnknownError", "UnknownError"},
		// aws-sdk-go-v2 sanitizes a restJson body code twice, a header code once.
		{"a restJson body code is sanitized twice", "", `{"code":"a#b#c"}`, "c", "UnknownError", "b#c", "UnknownError"},
		{"a restJson body code that sanitizes to nothing is unknown", "", `{"code":"#","__type":"T"}`, "UnknownError", "UnknownError", "T", "UnknownError"},
		{"a header code is sanitized once", "a#b#c", ``, "b#c", "UnknownError", "b#c", "UnknownError"},
		{"an empty body", "", ``, "UnknownError", "UnknownError", "UnknownError", "UnknownError"},
		{"a blank body", "", " \n\t", "UnknownError", "UnknownError", "UnknownError", "UnknownError"},
		{"a null body", "", `null`, "UnknownError", "UnknownError", "UnknownError", "UnknownError"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := http.Header{}
			if tt.header != "" {
				h.Set("X-Amzn-Errortype", tt.header)
			}
			for _, p := range []struct {
				p         Protocol
				code, msg string
				name      string
			}{{RESTJSON, tt.rest, tt.restMsg, "RESTJSON"}, {AWSJSON, tt.awsJSON, tt.awsJMsg, "AWSJSON"}} {
				code, msg, err := Identify(p.p, h, []byte(tt.body))
				if err != nil || code != p.code || msg != p.msg {
					t.Errorf("%s: Identify = (%q, %q, %v), want (%q, %q)", p.name, code, msg, err, p.code, p.msg)
				}
			}
		})
	}
}

func TestIdentifyRejectsMalformedBodies(t *testing.T) {
	for _, body := range []string{`<html>`, `[]`, `"x"`, `{"__type":1}`, `{"message":{}}`, `{"MESSAGE":true}`, `{"__type":"T"`, `{} x`} {
		for _, p := range []Protocol{RESTJSON, AWSJSON} {
			if code, msg, err := Identify(p, http.Header{}, []byte(body)); err == nil {
				t.Errorf("Identify(%d, %q) = (%q, %q), want an error", p, body, code, msg)
			}
		}
	}
	// restJson matches "__type" in any case, so a bad "__TYPE" is its error only.
	if _, _, err := Identify(RESTJSON, http.Header{}, []byte(`{"__TYPE":1}`)); err == nil {
		t.Error(`RESTJSON accepted {"__TYPE":1}`)
	}
	if _, _, err := Identify(AWSJSON, http.Header{}, []byte(`{"__TYPE":1}`)); err != nil {
		t.Errorf(`AWSJSON rejected {"__TYPE":1}, a member it does not read: %v`, err)
	}
}

// FuzzIdentifyRESTJSON checks Identify(RESTJSON, ...) against aws-sdk-go-v2's
// own restjson.GetErrorInfo and the error deserializer's use of it: where
// both read the body, they agree on the code and message. Where they do not
// both succeed, the differences are the deliberate ones: a "code" that is not
// a string (v2 fails the whole response; we ignore the member), bodies
// nested deeper than jsonwire allows, trailing data after the object (v2
// reads only the first value), and blank bodies JSON does not call blank
// ("\v": no members for us, as in awsjson).
func FuzzIdentifyRESTJSON(f *testing.F) {
	f.Add("", []byte(`{"code":"aws.protocoltests.restjson#FooError:http://x/","message":"m"}`))
	f.Add("FooError", []byte(`{"__type":"T","Message":"Hi"}`))
	f.Add("", []byte(`{"Code":404,"MESSAGE":"x","x":[{"__type":[1,2,{}]}]}`))
	f.Add("", []byte(`{"code":"a#b#c","code":"d:e"}`))
	f.Add("", []byte(``))
	f.Add("", []byte(`null`))
	f.Add("", []byte(`{"__type":1}`))
	f.Fuzz(func(t *testing.T, header string, body []byte) {
		h := http.Header{}
		if header != "" {
			h.Set("X-Amzn-ErrorType", header)
		}
		code, message, err := Identify(RESTJSON, h, body)
		if strings.Contains(code, ":") {
			t.Fatalf("code %q contains ':'", code)
		}
		if len(bytes.TrimSpace(body)) == 0 {
			// Blank, including \v and U+0085 which JSON does not call
			// whitespace: no members, as for an empty body.
			if err != nil || message != "UnknownError" {
				t.Fatalf("Identify(%q) = (%q, %q, %v) for a blank body", body, code, message, err)
			}
			return
		}
		if !json.Valid(body) {
			if err == nil {
				t.Fatalf("Identify accepted a body that is not JSON: %q", body)
			}
			return
		}
		v2code, v2message, v2err := v2restjson.GetErrorInfo(json.NewDecoder(bytes.NewReader(body)))
		switch {
		case err == nil && v2err == nil:
			want, wantMessage := "UnknownError", "UnknownError"
			if hc := h.Get("X-Amzn-ErrorType"); hc != "" {
				want = v2restjson.SanitizeErrorCode(hc)
			} else if v2code != "" {
				want = v2restjson.SanitizeErrorCode(v2code)
			}
			if v2message != "" {
				wantMessage = v2message
			}
			if code != want || message != wantMessage {
				t.Fatalf("Identify(%q, %q) = (%q, %q); aws-sdk-go-v2 gives (%q, %q)", header, body, code, message, want, wantMessage)
			}
		case err == nil:
			var typeErr *json.UnmarshalTypeError
			if !errors.As(v2err, &typeErr) || !strings.EqualFold(typeErr.Field, "code") {
				t.Fatalf("Identify(%q) = (%q, %q), but aws-sdk-go-v2 fails: %v", body, code, message, v2err)
			}
		case v2err == nil:
			if !strings.Contains(err.Error(), "exceeded max depth") {
				t.Fatalf("Identify(%q) failed (%v), but aws-sdk-go-v2 reads it: (%q, %q)", body, err, v2code, v2message)
			}
		}
	})
}
