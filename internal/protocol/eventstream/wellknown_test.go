package eventstream

import (
	"errors"
	"testing"

	"github.com/aws/smithy-go"
	"github.com/google/go-cmp/cmp"
)

func TestClassify(t *testing.T) {
	withoutHeader := func(m Message, name string) Message {
		var hs Headers
		for _, h := range m.Headers {
			if h.Name != name {
				hs = append(hs, h)
			}
		}
		m.Headers = hs
		return m
	}
	cases := []struct {
		name     string
		m        Message
		kind     Kind
		typ      string
		apiError *smithy.GenericAPIError
		invalid  bool   // an error wrapping ErrInvalidHeader
		unknown  string // an *UnknownMessageError of this type
	}{
		{name: "event", m: NewEvent("contentBlockDelta", "application/json", []byte("{}")), kind: KindEvent, typ: "contentBlockDelta"},
		{name: "event without content type", m: NewEvent("headersOnly", "", nil), kind: KindEvent, typ: "headersOnly"},
		{name: "exception", m: NewException("ThrottlingException", "application/json", []byte(`{"message":"slow down"}`)), kind: KindException, typ: "ThrottlingException"},
		{name: "error", m: NewError("InternalError", "An internal server error occurred."), apiError: &smithy.GenericAPIError{Code: "InternalError", Message: "An internal server error occurred."}},
		{name: "error without message", m: withoutHeader(NewError("Boom", "x"), HeaderErrorMessage), apiError: &smithy.GenericAPIError{Code: "Boom", Message: "Boom"}},
		{name: "error without code", m: withoutHeader(NewError("x", "went wrong"), HeaderErrorCode), apiError: &smithy.GenericAPIError{Code: "UnknownError", Message: "went wrong"}},
		{name: "bare error", m: Message{Headers: Headers{{HeaderMessageType, String("error")}}}, apiError: &smithy.GenericAPIError{Code: "UnknownError", Message: "UnknownError"}},
		{name: "no message type", m: withoutHeader(NewEvent("e", "", nil), HeaderMessageType), invalid: true},
		{name: "message type not a string", m: Message{Headers: Headers{{HeaderMessageType, Int32(1)}}}, invalid: true},
		{name: "event without its type", m: withoutHeader(NewEvent("e", "", nil), HeaderEventType), kind: KindEvent, invalid: true},
		{name: "exception without its type", m: withoutHeader(NewException("e", "", nil), HeaderExceptionType), kind: KindException, invalid: true},
		{name: "unknown message type", m: Message{Headers: Headers{{HeaderMessageType, String("ping")}}, Payload: []byte("p")}, unknown: "ping"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			kind, typ, err := Classify(&c.m)
			if kind != c.kind || typ != c.typ {
				t.Errorf("got %v %q, want %v %q", kind, typ, c.kind, c.typ)
			}
			var apiErr *smithy.GenericAPIError
			var unknown *UnknownMessageError
			switch {
			case c.apiError != nil:
				if !errors.As(err, &apiErr) || !cmp.Equal(apiErr, c.apiError) {
					t.Errorf("got %#v, want %#v", err, c.apiError)
				}
			case c.invalid:
				if !errors.Is(err, ErrInvalidHeader) {
					t.Errorf("got %v, want ErrInvalidHeader", err)
				}
			case c.unknown != "":
				if !errors.As(err, &unknown) || unknown.Type != c.unknown || string(unknown.Message.Payload) != "p" {
					t.Errorf("got %v, want an UnknownMessageError for %q", err, c.unknown)
				}
			default:
				if err != nil {
					t.Errorf("error %v", err)
				}
			}
		})
	}
}

func TestBuiltMessagesHaveV2HeaderOrder(t *testing.T) {
	names := func(m Message) []string {
		var n []string
		for _, h := range m.Headers {
			n = append(n, h.Name)
		}
		return n
	}
	for _, c := range []struct {
		m    Message
		want []string
	}{
		{NewEvent("E", "application/json", nil), []string{":message-type", ":event-type", ":content-type"}},
		{NewEvent("E", "", nil), []string{":message-type", ":event-type"}},
		{NewException("X", "application/json", nil), []string{":message-type", ":exception-type", ":content-type"}},
		{NewError("C", "M"), []string{":message-type", ":error-code", ":error-message"}},
	} {
		if got := names(c.m); !cmp.Equal(got, c.want) {
			t.Errorf("headers %v, want %v", got, c.want)
		}
	}
	if KindEvent.String() != "event" || KindException.String() != "exception" || Kind(9).String() != "Kind(9)" {
		t.Error("Kind.String")
	}
}
