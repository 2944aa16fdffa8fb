package eventstream

import (
	"fmt"

	"github.com/aws/smithy-go"
)

// Headers with a meaning to AWS protocols (string-valued unless noted).
const (
	// HeaderMessageType says what a message is: MessageTypeEvent,
	// MessageTypeException or MessageTypeError.
	HeaderMessageType = ":message-type"
	// HeaderEventType names the event stream union member an event is.
	HeaderEventType = ":event-type"
	// HeaderExceptionType names the union member a modeled error is.
	HeaderExceptionType = ":exception-type"
	// HeaderErrorCode is an unmodeled error's code.
	HeaderErrorCode = ":error-code"
	// HeaderErrorMessage is an unmodeled error's message.
	HeaderErrorMessage = ":error-message"
	// HeaderContentType is the media type of the payload.
	HeaderContentType = ":content-type"
	// HeaderDate is a signed message's signing time (a timestamp).
	HeaderDate = ":date"
	// HeaderChunkSignature is a signed message's signature (a byte array).
	HeaderChunkSignature = ":chunk-signature"
)

// The values of HeaderMessageType.
const (
	MessageTypeEvent     = "event"
	MessageTypeException = "exception"
	MessageTypeError     = "error"
)

// NewEvent returns an event message of the given type, in the header order
// aws-sdk-go-v2 writes; contentType "" leaves out :content-type (an event
// with no payload member has none).
func NewEvent(eventType, contentType string, payload []byte) Message {
	return typedMessage(MessageTypeEvent, HeaderEventType, eventType, contentType, payload)
}

// NewException returns a modeled error message of the given exception
// type; contentType "" leaves out :content-type.
func NewException(exceptionType, contentType string, payload []byte) Message {
	return typedMessage(MessageTypeException, HeaderExceptionType, exceptionType, contentType, payload)
}

func typedMessage(messageType, typeHeader, typ, contentType string, payload []byte) Message {
	hs := make(Headers, 2, 3)
	hs[0] = Header{HeaderMessageType, String(messageType)}
	hs[1] = Header{typeHeader, String(typ)}
	if contentType != "" {
		hs = append(hs, Header{HeaderContentType, String(contentType)})
	}
	return Message{Headers: hs, Payload: payload}
}

// NewError returns an unmodeled error message.
func NewError(code, message string) Message {
	return Message{Headers: Headers{
		{HeaderMessageType, String(MessageTypeError)},
		{HeaderErrorCode, String(code)},
		{HeaderErrorMessage, String(message)},
	}}
}

// Kind is what a received message carries, by its :message-type.
type Kind uint8

// The kinds Classify reports; an unmodeled error is returned as an error.
const (
	// KindEvent is an event; its type names an event stream union member.
	KindEvent Kind = iota + 1
	// KindException is a modeled error; its type names the union member
	// whose error shape the payload holds.
	KindException
)

// String returns "event" or "exception".
func (k Kind) String() string {
	switch k {
	case KindEvent:
		return MessageTypeEvent
	case KindException:
		return MessageTypeException
	}
	return fmt.Sprintf("Kind(%d)", uint8(k))
}

// Classify says what m is: KindEvent and its :event-type, or KindException
// and its :exception-type, for the generated code to decode the payload
// into. An unmodeled error message is returned as the error a call fails
// with, a *smithy.GenericAPIError of its :error-code and :error-message
// ("UnknownError" when missing, as in aws-sdk-go-v2). A message whose
// :message-type is missing or not a string, or an event or exception
// without its type header, is an error wrapping ErrInvalidHeader; an
// unknown :message-type is an *UnknownMessageError.
func Classify(m *Message) (Kind, string, error) {
	mt, err := stringHeader(m.Headers, HeaderMessageType)
	if err != nil {
		return 0, "", err
	}
	switch mt {
	case MessageTypeEvent:
		t, err := stringHeader(m.Headers, HeaderEventType)
		return KindEvent, t, err
	case MessageTypeException:
		t, err := stringHeader(m.Headers, HeaderExceptionType)
		return KindException, t, err
	case MessageTypeError:
		code := "UnknownError"
		if v, ok := m.Headers.Get(HeaderErrorCode); ok {
			code = v.String()
		}
		msg := code
		if v, ok := m.Headers.Get(HeaderErrorMessage); ok {
			msg = v.String()
		}
		return 0, "", &smithy.GenericAPIError{Code: code, Message: msg}
	}
	return 0, "", &UnknownMessageError{Type: mt, Message: m.Clone()}
}

// stringHeader returns the string header called name, which must be there.
func stringHeader(hs Headers, name string) (string, error) {
	for i := range hs {
		if hs[i].Name != name {
			continue
		}
		// Read in place: this runs for every event received.
		if v := &hs[i].Value; v.Type() == TypeString {
			return v.s, nil
		}
		return "", fmt.Errorf("eventstream: %w: %s header is a %s, not a string", ErrInvalidHeader, name, hs[i].Value.Type())
	}
	return "", fmt.Errorf("eventstream: %w: no %s header", ErrInvalidHeader, name)
}

// UnknownMessageError is a message whose :message-type is none of event,
// exception and error.
type UnknownMessageError struct {
	// Type is the :message-type.
	Type string
	// Message is a copy of the message (it outlives the next Decode).
	Message Message
}

// Error says which message type was not recognised.
func (e *UnknownMessageError) Error() string {
	return fmt.Sprintf("eventstream: unknown %s %q", HeaderMessageType, e.Type)
}
