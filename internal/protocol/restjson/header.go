package restjson

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Request headers. name is the header as the generator canonicalized it
// (X-Amz-Meta, not x-amz-meta); it is used as the key of h as it is.

// SetHeader sets an @httpHeader member's header to value, replacing what it
// had. An empty value is sent: only an unset member is left out.
func SetHeader(h http.Header, name, value string) {
	h[name] = append(h[name][:0], value)
}

// AddHeaderStrings adds a list of strings or enum values to a header, one
// field value per element as aws-sdk-go-v2 sends them (they read as one
// comma-separated list): an element containing ',' or '"' is quoted with
// strconv.Quote, empty elements are left out, and an empty list sends the
// header with an empty value. Call it only for a list that is set.
func AddHeaderStrings[S ~string](h http.Header, name string, values []S) {
	vs := slices.Grow(h[name], max(len(values), 1))
	if len(values) == 0 {
		vs = append(vs, "")
	}
	for _, v := range values {
		switch s := string(v); {
		case s == "":
		case strings.ContainsAny(s, `,"`):
			vs = append(vs, strconv.Quote(s))
		default:
			vs = append(vs, s)
		}
	}
	h[name] = vs
}

// AddHeaderList adds a list of other values (numbers, booleans, timestamps,
// @mediaType strings) to a header, each formatted by format and never
// quoted, so an http-date list is "Mon, 16 Dec 2019 23:48:18 GMT, Mon, ...".
// An empty list sends the header with an empty value. Call it only for a
// list that is set.
func AddHeaderList[T any](h http.Header, name string, values []T, format func(T) string) {
	vs := slices.Grow(h[name], max(len(values), 1))
	if len(values) == 0 {
		vs = append(vs, "")
	}
	for _, v := range values {
		vs = append(vs, format(v))
	}
	h[name] = vs
}

// SetPrefixHeaders sets one header per entry of an @httpPrefixHeaders map:
// prefix followed by the key in canonical form (prefix "X-Foo-" and key
// "abc" give X-Foo-Abc), empty values included. A header an @httpHeader
// member already set keeps its value, as the Smithy spec requires, so
// SetPrefixHeaders comes after the bound members.
func SetPrefixHeaders(h http.Header, prefix string, m map[string]string) {
	prefix = strings.TrimSpace(prefix)
	for key, v := range m {
		name := strings.TrimSpace(prefix + strings.TrimSpace(http.CanonicalHeaderKey(key)))
		if !hasHeaderFold(h, name) {
			h[name] = []string{v}
		}
	}
}

// Response headers.

// Header reads an @httpHeader member: the header's first value, trimmed,
// parsed by parse (ParseInt[int32], ParseHTTPDate, ParseString[string],
// ...). ok is false when the header is absent; an error is a *HeaderError
// naming it.
func Header[T any](h http.Header, name string, parse func(string) (T, error)) (v T, ok bool, err error) {
	vs := h.Values(name)
	if len(vs) == 0 {
		return v, false, nil
	}
	s := strings.TrimSpace(vs[0])
	if v, err = parse(s); err != nil {
		return v, false, named(err, name, s)
	}
	return v, true, nil
}

// HeaderPtr is Header for a pointer member: nil when the header is absent.
func HeaderPtr[T any](h http.Header, name string, parse func(string) (T, error)) (*T, error) {
	v, ok, err := Header(h, name, parse)
	if !ok {
		return nil, err
	}
	return &v, nil
}

// HeaderList reads a list member from every value of its header, split as
// SplitHeaderList splits them, each element trimmed and parsed by parse. It
// is nil when the header is absent.
func HeaderList[T any](h http.Header, name string, parse func(string) (T, error)) ([]T, error) {
	return headerList(h, name, SplitHeaderList, parse)
}

// HeaderHTTPDates reads a list of http-date timestamps, whose elements
// contain commas themselves; see SplitHTTPDateList.
func HeaderHTTPDates(h http.Header, name string) ([]time.Time, error) {
	return headerList(h, name, SplitHTTPDateList, ParseHTTPDate)
}

func headerList[T any](h http.Header, name string, split func([]string) ([]string, error), parse func(string) (T, error)) ([]T, error) {
	vs := h.Values(name)
	if len(vs) == 0 {
		return nil, nil
	}
	parts, err := split(vs)
	if err != nil {
		return nil, named(err, name, "")
	}
	list := make([]T, len(parts))
	for i, p := range parts {
		p = strings.TrimSpace(p)
		if list[i], err = parse(p); err != nil {
			return nil, named(err, name, p)
		}
	}
	return list, nil
}

// PrefixHeaders reads an @httpPrefixHeaders map: every header whose name
// begins with prefix in any letter case, keyed by the rest of its name in
// lower case, with its first value trimmed. It is nil when no header
// matches; an empty prefix takes every header.
func PrefixHeaders(h http.Header, prefix string) map[string]string {
	var m map[string]string
	for name, vs := range h {
		if len(name) < len(prefix) || !strings.EqualFold(name[:len(prefix)], prefix) || len(vs) == 0 {
			continue
		}
		if m == nil {
			m = make(map[string]string)
		}
		m[strings.ToLower(name[len(prefix):])] = strings.TrimSpace(vs[0])
	}
	return m
}

// A HeaderError is a response header value that does not parse as its
// member's type, or a header list that does not split.
type HeaderError struct {
	Name   string // the header; empty from a Parse function called alone
	Value  string // the value, or the list element, that failed
	Reason string // what is wrong, as "is not an integer"
	Err    error  // the underlying error, if any
}

// Error reads as `X-Foo: "abc" is not an integer`; a long value is
// shortened.
func (e *HeaderError) Error() string {
	v := e.Value
	const maxLen = 64
	if len(v) > maxLen {
		v = strconv.Quote(v[:maxLen]) + "..."
	} else {
		v = strconv.Quote(v)
	}
	if e.Name == "" {
		return v + " " + e.Reason
	}
	return e.Name + ": " + v + " " + e.Reason
}

// Unwrap returns the underlying error.
func (e *HeaderError) Unwrap() error { return e.Err }

// named sets the header name of a *HeaderError, or makes one of another
// parser's error about value.
func named(err error, name, value string) error {
	if e, ok := err.(*HeaderError); ok && e.Name == "" {
		e.Name = name
		return e
	}
	return &HeaderError{Name: name, Value: value, Reason: "cannot be read: " + err.Error(), Err: err}
}

// hasHeaderFold reports whether h holds name in any letter case: bound
// headers keep the model's spelling, which need not be canonical.
func hasHeaderFold(h http.Header, name string) bool {
	if _, ok := h[name]; ok {
		return true
	}
	for k := range h {
		if strings.EqualFold(k, name) {
			return true
		}
	}
	return false
}
