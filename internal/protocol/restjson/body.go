package restjson

import "net/http"

// Content types of restJson1 bodies without a @mediaType trait.
const (
	JSONContentType   = "application/json"         // body members, structure, union and document payloads
	BinaryContentType = "application/octet-stream" // blob payloads
	TextContentType   = "text/plain"               // string and enum payloads
	// EventStreamContentType is the Content-Type of an input event stream.
	EventStreamContentType = "application/vnd.amazon.eventstream"
)

// A Body is what an operation's input puts in the request body; the
// generator picks one per operation. It decides the Content-Type and what is
// sent when the members are unset, as aws-sdk-go-v2 does:
//
//   - A request with no body (NoBody, or a payload member that is unset and
//     has no Unset body) has no Content-Type, unless a member bound to the
//     Content-Type header sets one.
//   - Otherwise Content-Type is the payload's @mediaType, else ContentType's
//     default, unless a member bound to the header set it (SetContentType).
//
// On the response side an empty body leaves the output's body members, or
// its payload member, unset; jsonwire.Decoder.Empty tells.
type Body uint8

const (
	// NoBody: no body members and no @httpPayload. No body is sent.
	NoBody Body = iota
	// MembersBody: top-level body members, sent as a JSON object; "{}"
	// when all are unset.
	MembersBody
	// BlobPayload: an @httpPayload blob, its bytes as they are.
	BlobPayload
	// StringPayload: an @httpPayload string or enum, its text as it is.
	StringPayload
	// StructurePayload: an @httpPayload structure, as a JSON object; "{}"
	// when unset (RestJsonHttpWithEmptyStructurePayload).
	StructurePayload
	// UnionPayload: an @httpPayload union, as a JSON object; no body when
	// unset (RestJsonHttpPayloadWithUnsetUnion).
	UnionPayload
	// DocumentPayload: an @httpPayload document, as any JSON value; no
	// body when unset.
	DocumentPayload
	// EventStreamPayload: an @httpPayload event stream, the frames the
	// output's stream writer writes (see client.InputEventStreamOf).
	EventStreamPayload
)

// ContentType returns the Content-Type of a body of kind b whose payload
// shape has the @mediaType mediaType ("" for none); "" for NoBody.
func (b Body) ContentType(mediaType string) string {
	switch {
	case b == NoBody:
		return ""
	case b == EventStreamPayload:
		return EventStreamContentType
	case mediaType != "":
		return mediaType
	case b == BlobPayload:
		return BinaryContentType
	case b == StringPayload:
		return TextContentType
	default:
		return JSONContentType
	}
}

// emptyObject is the body of an unset structure payload or of body members
// that are all unset.
var emptyObject = []byte("{}")

// Unset returns the body sent when the payload member is unset, or every
// body member is: "{}" for MembersBody and StructurePayload. ok is false
// when no body is sent, and then no default Content-Type either. The caller
// must not modify the slice.
func (b Body) Unset() (body []byte, ok bool) {
	if b == MembersBody || b == StructurePayload {
		return emptyObject, true
	}
	return nil, false
}

// SetContentType sets the Content-Type of a request that has a body to
// contentType (Body.ContentType), unless a member bound to the header
// already set it (RestJsonTestPayloadBlob sends its own "image/jpg").
func SetContentType(h http.Header, contentType string) {
	if _, bound := h["Content-Type"]; !bound && contentType != "" {
		h["Content-Type"] = []string{contentType}
	}
}
