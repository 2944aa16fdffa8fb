package model

import (
	"encoding/json"
	"errors"
	"fmt"
)

// Trait IDs the loader and its typed accessors understand.
const (
	TraitBox              ShapeID = "smithy.api#box"
	TraitClientOptional   ShapeID = "smithy.api#clientOptional"
	TraitDefault          ShapeID = "smithy.api#default"
	TraitDeprecated       ShapeID = "smithy.api#deprecated"
	TraitDocumentation    ShapeID = "smithy.api#documentation"
	TraitEndpoint         ShapeID = "smithy.api#endpoint"
	TraitEnum             ShapeID = "smithy.api#enum"
	TraitEnumValue        ShapeID = "smithy.api#enumValue"
	TraitError            ShapeID = "smithy.api#error"
	TraitEventHeader      ShapeID = "smithy.api#eventHeader"
	TraitEventPayload     ShapeID = "smithy.api#eventPayload"
	TraitHostLabel        ShapeID = "smithy.api#hostLabel"
	TraitHTTP             ShapeID = "smithy.api#http"
	TraitHTTPError        ShapeID = "smithy.api#httpError"
	TraitHTTPHeader       ShapeID = "smithy.api#httpHeader"
	TraitHTTPLabel        ShapeID = "smithy.api#httpLabel"
	TraitHTTPPayload      ShapeID = "smithy.api#httpPayload"
	TraitHTTPPrefixHeader ShapeID = "smithy.api#httpPrefixHeaders"
	TraitHTTPQuery        ShapeID = "smithy.api#httpQuery"
	TraitHTTPQueryParams  ShapeID = "smithy.api#httpQueryParams"
	TraitHTTPRespCode     ShapeID = "smithy.api#httpResponseCode"
	TraitMediaType        ShapeID = "smithy.api#mediaType"
	TraitIdempotencyToken ShapeID = "smithy.api#idempotencyToken"
	TraitInput            ShapeID = "smithy.api#input"
	TraitJSONName         ShapeID = "smithy.api#jsonName"
	TraitMixin            ShapeID = "smithy.api#mixin"
	TraitOutput           ShapeID = "smithy.api#output"
	TraitPaginated        ShapeID = "smithy.api#paginated"
	TraitRequired         ShapeID = "smithy.api#required"
	TraitRetryable        ShapeID = "smithy.api#retryable"
	TraitSensitive        ShapeID = "smithy.api#sensitive"
	TraitSparse           ShapeID = "smithy.api#sparse"
	TraitStreaming        ShapeID = "smithy.api#streaming"
	TraitTimestampFormat  ShapeID = "smithy.api#timestampFormat"
	TraitTitle            ShapeID = "smithy.api#title"
	TraitUniqueItems      ShapeID = "smithy.api#uniqueItems"
	TraitUnitType         ShapeID = "smithy.api#unitType"
)

// ErrTraitAbsent is returned (wrapped) by Traits.Decode when the trait is
// not applied.
var ErrTraitAbsent = errors.New("trait not present")

// Traits maps absolute trait shape IDs to their raw JSON values. Values are
// kept raw because most traits are only meaningful to specific generators.
type Traits map[ShapeID]json.RawMessage

// Has reports whether the trait is applied.
func (t Traits) Has(id ShapeID) bool {
	_, ok := t[id]
	return ok
}

// Raw returns the trait's JSON value.
func (t Traits) Raw(id ShapeID) (json.RawMessage, bool) {
	v, ok := t[id]
	return v, ok
}

// Decode unmarshals the trait's value into v. It returns an error wrapping
// ErrTraitAbsent when the trait is not applied.
func (t Traits) Decode(id ShapeID, v any) error {
	raw, ok := t[id]
	if !ok {
		return fmt.Errorf("%s: %w", id, ErrTraitAbsent)
	}
	if err := json.Unmarshal(raw, v); err != nil {
		return fmt.Errorf("trait %s: %w", id, err)
	}
	return nil
}

// clone returns a shallow copy; values are immutable byte slices in
// practice, so sharing them is safe.
func (t Traits) clone() Traits {
	out := make(Traits, len(t))
	for k, v := range t {
		out[k] = v
	}
	return out
}

// decodeOr decodes the trait into v and reports success; malformed values
// read as absent because Load has already rejected them.
func (t Traits) decodeOr(id ShapeID, v any) bool {
	raw, ok := t[id]
	return ok && json.Unmarshal(raw, v) == nil
}

// Paginated is the value of smithy.api#paginated.
type Paginated struct {
	InputToken  string `json:"inputToken,omitempty"`
	OutputToken string `json:"outputToken,omitempty"`
	Items       string `json:"items,omitempty"`
	PageSize    string `json:"pageSize,omitempty"`
}

// Retryable is the value of smithy.api#retryable.
type Retryable struct {
	Throttling bool `json:"throttling,omitempty"`
}

// Deprecated is the value of smithy.api#deprecated.
type Deprecated struct {
	Message string `json:"message,omitempty"`
	Since   string `json:"since,omitempty"`
}

// Endpoint is the value of smithy.api#endpoint.
type Endpoint struct {
	HostPrefix string `json:"hostPrefix"`
}

// EnumDefinition is one entry of the Smithy 1.0 smithy.api#enum trait.
type EnumDefinition struct {
	Value         string   `json:"value"`
	Name          string   `json:"name,omitempty"`
	Documentation string   `json:"documentation,omitempty"`
	Deprecated    bool     `json:"deprecated,omitempty"`
	Tags          []string `json:"tags,omitempty"`
}

// mixinTrait is the value of smithy.api#mixin.
type mixinTrait struct {
	LocalTraits []ShapeID `json:"localTraits"`
}

func (t Traits) str(id ShapeID) string {
	var s string
	t.decodeOr(id, &s)
	return s
}

// Documentation returns smithy.api#documentation.
func (t Traits) Documentation() string { return t.str(TraitDocumentation) }

// Required reports smithy.api#required.
func (t Traits) Required() bool { return t.Has(TraitRequired) }

// Default returns the smithy.api#default value (which may be JSON null).
func (t Traits) Default() (json.RawMessage, bool) { return t.Raw(TraitDefault) }

// ClientOptional reports smithy.api#clientOptional.
func (t Traits) ClientOptional() bool { return t.Has(TraitClientOptional) }

// Paginated returns smithy.api#paginated, or nil.
func (t Traits) Paginated() *Paginated {
	var p Paginated
	if !t.decodeOr(TraitPaginated, &p) {
		return nil
	}
	return &p
}

// ErrorKind returns smithy.api#error: "client", "server" or "".
func (t Traits) ErrorKind() string { return t.str(TraitError) }

// HTTPError returns smithy.api#httpError, or 0.
func (t Traits) HTTPError() int {
	var n int
	t.decodeOr(TraitHTTPError, &n)
	return n
}

// Retryable returns smithy.api#retryable, or nil.
func (t Traits) Retryable() *Retryable {
	var r Retryable
	if !t.decodeOr(TraitRetryable, &r) {
		return nil
	}
	return &r
}

// TimestampFormat returns smithy.api#timestampFormat, or "".
func (t Traits) TimestampFormat() string { return t.str(TraitTimestampFormat) }

// Sparse reports smithy.api#sparse.
func (t Traits) Sparse() bool { return t.Has(TraitSparse) }

// EnumDefinitions returns the Smithy 1.0 smithy.api#enum definitions, or nil.
func (t Traits) EnumDefinitions() []EnumDefinition {
	var defs []EnumDefinition
	t.decodeOr(TraitEnum, &defs)
	return defs
}

// EnumValue returns smithy.api#enumValue: a JSON string for enum members,
// a JSON integer for intEnum members.
func (t Traits) EnumValue() (json.RawMessage, bool) { return t.Raw(TraitEnumValue) }

// IdempotencyToken reports smithy.api#idempotencyToken.
func (t Traits) IdempotencyToken() bool { return t.Has(TraitIdempotencyToken) }

// Deprecated returns smithy.api#deprecated, or nil.
func (t Traits) Deprecated() *Deprecated {
	var d Deprecated
	if !t.decodeOr(TraitDeprecated, &d) {
		return nil
	}
	return &d
}

// Sensitive reports smithy.api#sensitive.
func (t Traits) Sensitive() bool { return t.Has(TraitSensitive) }

// Endpoint returns smithy.api#endpoint, or nil.
func (t Traits) Endpoint() *Endpoint {
	var e Endpoint
	if !t.decodeOr(TraitEndpoint, &e) {
		return nil
	}
	return &e
}

// HostLabel reports smithy.api#hostLabel.
func (t Traits) HostLabel() bool { return t.Has(TraitHostLabel) }

// IsInput reports smithy.api#input.
func (t Traits) IsInput() bool { return t.Has(TraitInput) }

// IsOutput reports smithy.api#output.
func (t Traits) IsOutput() bool { return t.Has(TraitOutput) }

// Streaming reports smithy.api#streaming.
func (t Traits) Streaming() bool { return t.Has(TraitStreaming) }

// EventHeader reports whether an event's member travels in a message header.
func (t Traits) EventHeader() bool { return t.Has(TraitEventHeader) }

// EventPayload reports whether an event's member is the message payload.
func (t Traits) EventPayload() bool { return t.Has(TraitEventPayload) }

// Box reports the Smithy 1.0 smithy.api#box trait.
func (t Traits) Box() bool { return t.Has(TraitBox) }

// JSONName returns smithy.api#jsonName, or "".
func (t Traits) JSONName() string { return t.str(TraitJSONName) }

// UniqueItems reports smithy.api#uniqueItems (also set on upgraded sets).
func (t Traits) UniqueItems() bool { return t.Has(TraitUniqueItems) }

// Title returns smithy.api#title, or "".
func (t Traits) Title() string { return t.str(TraitTitle) }

// HTTP is the smithy.api#http trait of an operation.
type HTTP struct {
	Method string `json:"method"`
	URI    string `json:"uri"`
	Code   int    `json:"code"` // 0 when absent: 200
}

// HTTP returns smithy.api#http, or nil.
func (t Traits) HTTP() *HTTP {
	var h *HTTP
	t.decodeOr(TraitHTTP, &h)
	return h
}

// HTTPHeader returns the header name of smithy.api#httpHeader, or "".
func (t Traits) HTTPHeader() string { return t.str(TraitHTTPHeader) }

// HTTPQuery returns the query key of smithy.api#httpQuery, or "".
func (t Traits) HTTPQuery() string { return t.str(TraitHTTPQuery) }

// HTTPPrefixHeaders returns the prefix of smithy.api#httpPrefixHeaders
// (possibly ""), and whether the trait is applied.
func (t Traits) HTTPPrefixHeaders() (string, bool) {
	return t.str(TraitHTTPPrefixHeader), t.Has(TraitHTTPPrefixHeader)
}

// MediaType returns smithy.api#mediaType, or "".
func (t Traits) MediaType() string { return t.str(TraitMediaType) }

// traitChecks describes the JSON value each eagerly checked trait must
// decode into, so that a malformed value fails at load time instead of
// reading as absent in a generator.
var traitChecks = map[ShapeID]func() any{
	TraitDocumentation:    func() any { return new(string) },
	TraitPaginated:        func() any { return new(*Paginated) },
	TraitError:            func() any { return new(string) },
	TraitHTTPError:        func() any { return new(int) },
	TraitRetryable:        func() any { return new(*Retryable) },
	TraitTimestampFormat:  func() any { return new(string) },
	TraitEnum:             func() any { return new([]EnumDefinition) },
	TraitDeprecated:       func() any { return new(*Deprecated) },
	TraitEndpoint:         func() any { return new(*Endpoint) },
	TraitJSONName:         func() any { return new(string) },
	TraitTitle:            func() any { return new(string) },
	TraitHTTP:             func() any { return new(*HTTP) },
	TraitHTTPHeader:       func() any { return new(string) },
	TraitHTTPQuery:        func() any { return new(string) },
	TraitHTTPPrefixHeader: func() any { return new(string) },
	TraitMediaType:        func() any { return new(string) },
	TraitMixin:            func() any { return new(*mixinTrait) },
}

// checkTraits validates the JSON types of eagerly parsed traits.
func checkTraits(t Traits) (ShapeID, error) {
	for _, id := range sortedTraitIDs(t) {
		mk, ok := traitChecks[id]
		if !ok {
			continue
		}
		raw := t[id]
		if string(raw) == "null" {
			return id, fmt.Errorf("trait %s: null value", id)
		}
		if err := json.Unmarshal(raw, mk()); err != nil {
			return id, fmt.Errorf("trait %s has an invalid value: %v", id, err)
		}
		if id == TraitError {
			var s string
			_ = json.Unmarshal(raw, &s)
			if s != "client" && s != "server" {
				return id, fmt.Errorf("trait %s must be \"client\" or \"server\", got %q", id, s)
			}
		}
	}
	return "", nil
}
