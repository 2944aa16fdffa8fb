package jsonbody

import (
	"net/http"
	"testing"
)

func TestSanitizeErrorCode(t *testing.T) {
	for in, want := range map[string]string{
		"FooError":                            "FooError",
		"aws.protocoltests.restjson#FooError": "FooError",
		"FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/":                            "FooError",
		"aws.protocoltests.restjson#FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/": "FooError",
		"": "",
	} {
		if got := SanitizeErrorCode(in); got != want {
			t.Errorf("SanitizeErrorCode(%q) = %q, want %q", in, got, want)
		}
	}
}

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
