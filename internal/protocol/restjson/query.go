package restjson

import (
	"fmt"
	"net/url"
	"slices"
	"strings"
)

// A Query collects a request's query parameters and encodes them as
// aws-sdk-go-v2 does: url.Values.Encode of the endpoint's query, the uri's
// literal query and the bound members together, so keys are sorted, a key's
// values keep the order they were added in, and every byte but the RFC 3986
// unreserved ones is percent-escaped, a space as '+'. (SigV4 signing then
// rewrites the query with "%20" for a space and values sorted too, as it
// does for aws-sdk-go-v2.) The zero value is empty and ready to use.
type Query struct {
	pairs []queryPair
}

type queryPair struct{ key, value string }

// Add adds a value to key: one call for an @httpQuery member, one per
// element for a list, whose empty elements are sent too.
func (q *Query) Add(key, value string) {
	q.reserve(1)
	q.pairs = append(q.pairs, queryPair{key, value})
}

// reserve makes room for n more pairs, and for a few after them, so a
// typical request's query takes one allocation.
func (q *Query) reserve(n int) {
	if cap(q.pairs)-len(q.pairs) < n {
		q.pairs = slices.Grow(q.pairs, max(n, 8))
	}
}

// Has reports whether key has a value.
func (q *Query) Has(key string) bool {
	for _, p := range q.pairs {
		if p.key == key {
			return true
		}
	}
	return false
}

// AddLiteral adds the literal query of u's pattern ("?x-id=GetObject&tagging"
// gives x-id=GetObject and tagging=).
func (q *Query) AddLiteral(u *URI) {
	q.reserve(len(u.query))
	q.pairs = append(q.pairs, u.query...)
}

// AddRaw adds the parameters of an already encoded query, such as the
// endpoint URL's RawQuery, read as url.ParseQuery reads it.
func (q *Query) AddRaw(raw string) error {
	if raw == "" {
		return nil
	}
	values, err := url.ParseQuery(raw)
	if err != nil {
		return fmt.Errorf("failed to parse query string: %w", err)
	}
	for key, vs := range values {
		for _, v := range vs {
			q.Add(key, v)
		}
	}
	return nil
}

// AddParams adds an @httpQueryParams map of strings. A key an @httpQuery
// member (or the uri) already set keeps its value, as the Smithy spec
// requires, so AddParams comes after the bound members.
func (q *Query) AddParams(m map[string]string) {
	bound := len(q.pairs)
	for key, v := range m {
		if !q.boundBefore(key, bound) {
			q.Add(key, v)
		}
	}
}

// AddParamLists adds an @httpQueryParams map of string lists, each value of
// a key in order. Keys already set are skipped, as for AddParams.
func (q *Query) AddParamLists(m map[string][]string) {
	bound := len(q.pairs)
	for key, vs := range m {
		if q.boundBefore(key, bound) {
			continue
		}
		for _, v := range vs {
			q.Add(key, v)
		}
	}
}

// boundBefore reports whether key is among the first n pairs.
func (q *Query) boundBefore(key string, n int) bool {
	for _, p := range q.pairs[:n] {
		if p.key == key {
			return true
		}
	}
	return false
}

// Encode returns the query string for URL.RawQuery, "" when there is no
// parameter.
func (q *Query) Encode() string {
	if len(q.pairs) == 0 {
		return ""
	}
	// Stable: a key's values stay in the order they were added.
	slices.SortStableFunc(q.pairs, func(a, b queryPair) int { return strings.Compare(a.key, b.key) })
	n := len(q.pairs)*2 - 1
	for _, p := range q.pairs {
		n += escapedQueryLen(p.key) + escapedQueryLen(p.value)
	}
	var b strings.Builder
	b.Grow(n)
	for i, p := range q.pairs {
		if i > 0 {
			b.WriteByte('&')
		}
		writeEscapedQuery(&b, p.key)
		b.WriteByte('=')
		writeEscapedQuery(&b, p.value)
	}
	return b.String()
}

func escapedQueryLen(s string) int {
	n := len(s)
	for i := 0; i < len(s); i++ {
		if !unreserved[s[i]] && s[i] != ' ' {
			n += 2
		}
	}
	return n
}

// writeEscapedQuery writes s as url.QueryEscape does.
func writeEscapedQuery(b *strings.Builder, s string) {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case unreserved[c]:
			b.WriteByte(c)
		case c == ' ':
			b.WriteByte('+')
		default:
			b.WriteByte('%')
			b.WriteByte(upperHex[c>>4])
			b.WriteByte(upperHex[c&15])
		}
	}
}
