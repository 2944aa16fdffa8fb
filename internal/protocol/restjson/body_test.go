package restjson

import (
	"net/http"
	"testing"
)

func TestBodyContentType(t *testing.T) {
	tests := []struct {
		name      string
		body      Body
		mediaType string
		want      string
		unset     string // "" and unsetOK false: no body
		unsetOK   bool
	}{
		{"RestJsonHttpPostWithNoModeledBody: no body, no Content-Type", NoBody, "", "", "", false},
		{"RestJsonHttpWithEmptyBody: body members, all unset", MembersBody, "", "application/json", "{}", true},
		{"RestJsonHttpPayloadTraitsWithBlob", BlobPayload, "", "application/octet-stream", "", false},
		{"RestJsonHttpPayloadTraitsWithMediaTypeWithBlob", BlobPayload, "text/plain", "text/plain", "", false},
		{"RestJsonStringPayloadRequest", StringPayload, "", "text/plain", "", false},
		{"RestJsonEnumPayloadRequest", StringPayload, "", "text/plain", "", false},
		{"RestJsonHttpWithEmptyStructurePayload", StructurePayload, "", "application/json", "{}", true},
		{"RestJsonHttpPayloadWithUnsetUnion", UnionPayload, "", "application/json", "", false},
		{"DocumentTypeAsPayloadInput", DocumentPayload, "", "application/json", "", false},
		{"a @mediaType on a structure payload", StructurePayload, "application/vnd.x+json", "application/vnd.x+json", "{}", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.body.ContentType(tt.mediaType); got != tt.want {
				t.Errorf("ContentType(%q) = %q, want %q", tt.mediaType, got, tt.want)
			}
			body, ok := tt.body.Unset()
			if string(body) != tt.unset || ok != tt.unsetOK {
				t.Errorf("Unset() = %q, %v; want %q, %v", body, ok, tt.unset, tt.unsetOK)
			}
		})
	}
}

func TestSetContentType(t *testing.T) {
	h := http.Header{}
	SetContentType(h, MembersBody.ContentType(""))
	if got := h.Get("Content-Type"); got != "application/json" {
		t.Errorf("Content-Type = %q", got)
	}
	// RestJsonTestPayloadBlob: a member bound to Content-Type wins.
	h = http.Header{}
	SetHeader(h, "Content-Type", "image/jpg")
	SetContentType(h, BlobPayload.ContentType(""))
	if got := h.Get("Content-Type"); got != "image/jpg" {
		t.Errorf("Content-Type = %q, want the bound image/jpg", got)
	}
	h = http.Header{}
	SetContentType(h, NoBody.ContentType(""))
	if _, ok := h["Content-Type"]; ok {
		t.Error("NoBody set a Content-Type")
	}
}

func TestErrorInfoUsesRestJSONRules(t *testing.T) {
	// RestJsonFooErrorUsingCodeUriAndNamespace, and code before __type.
	code, msg, err := ErrorInfo(http.Header{}, []byte(`{"__type":"T","Code":"aws.protocoltests.restjson#FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/","Message":"m"}`))
	if err != nil || code != "FooError" || msg != "m" {
		t.Errorf("ErrorInfo = %q, %q, %v", code, msg, err)
	}
	h := http.Header{}
	h.Set("X-Amzn-Errortype", "InvalidGreeting")
	if code, msg, err := ErrorInfo(h, nil); err != nil || code != "InvalidGreeting" || msg != "UnknownError" {
		t.Errorf("ErrorInfo = %q, %q, %v", code, msg, err)
	}
}
