package restjson

import (
	"fmt"
	"net/url"
	"sort"
	"strings"
)

// A URI is an @http uri pattern parsed once: the literal segments and
// labels of its path, and the literal query after '?', as in
// "/{Bucket}/{Key+}?x-id=GetObject&tagging".
type URI struct {
	pattern string
	path    string    // the path without its leading '/', labels unexpanded
	parts   []uriPart // path in order
	labels  []string  // label names in the order Expand takes their values
	// byName indexes labels sorted by name: the order aws-sdk-go-v2
	// checks them for an empty value in, so both name the same one.
	byName []int
	query  []queryPair
}

// uriPart is a literal run of the path (slashes included) or a label.
type uriPart struct {
	text   string // the literal text, or the label's name
	label  bool
	greedy bool // {Name+}: may span segments, its '/' kept
}

// ParseURI parses an @http uri pattern. Labels must span whole path
// segments, be named once and be greedy ("{Key+}") at most once; the query
// after '?' is read as url.ParseQuery reads it.
func ParseURI(pattern string) (*URI, error) {
	path, query, _ := strings.Cut(pattern, "?")
	if !strings.HasPrefix(path, "/") {
		return nil, fmt.Errorf("uri %q: the path must start with '/'", pattern)
	}
	u := &URI{pattern: pattern, path: path[1:]}
	greedy := false
	var lit strings.Builder
	for i, seg := range strings.Split(u.path, "/") {
		if i > 0 {
			lit.WriteByte('/')
		}
		if !strings.ContainsAny(seg, "{}") {
			lit.WriteString(seg)
			continue
		}
		inner, opened := strings.CutPrefix(seg, "{")
		name, closed := strings.CutSuffix(inner, "}")
		if !opened || !closed || strings.ContainsAny(name, "{}") {
			return nil, fmt.Errorf("uri %q: segment %q: a label must be a whole segment, {Name} or {Name+}", pattern, seg)
		}
		name, isGreedy := strings.CutSuffix(name, "+")
		switch {
		case name == "":
			return nil, fmt.Errorf("uri %q: segment %q: a label needs a name", pattern, seg)
		case isGreedy && greedy:
			return nil, fmt.Errorf("uri %q: more than one greedy label", pattern)
		}
		for _, l := range u.labels {
			if l == name {
				return nil, fmt.Errorf("uri %q: label %s appears twice", pattern, name)
			}
		}
		greedy = greedy || isGreedy
		if lit.Len() > 0 {
			u.parts = append(u.parts, uriPart{text: lit.String()})
			lit.Reset()
		}
		u.parts = append(u.parts, uriPart{text: name, label: true, greedy: isGreedy})
		u.labels = append(u.labels, name)
	}
	if lit.Len() > 0 {
		u.parts = append(u.parts, uriPart{text: lit.String()})
	}
	u.byName = make([]int, len(u.labels))
	for i := range u.byName {
		u.byName[i] = i
	}
	sort.Slice(u.byName, func(i, j int) bool { return u.labels[u.byName[i]] < u.labels[u.byName[j]] })
	if query != "" {
		values, err := url.ParseQuery(query)
		if err != nil {
			return nil, fmt.Errorf("uri %q: query: %w", pattern, err)
		}
		for key, vs := range values {
			for _, v := range vs {
				u.query = append(u.query, queryPair{key, v})
			}
		}
	}
	return u, nil
}

// MustParseURI is ParseURI for patterns the generator has already checked;
// it panics on an error.
func MustParseURI(pattern string) *URI {
	u, err := ParseURI(pattern)
	if err != nil {
		panic(err)
	}
	return u
}

// String returns the pattern u was parsed from.
func (u *URI) String() string { return u.pattern }

// Labels returns the names of u's labels, in the order Expand takes their
// values. The caller must not modify the slice.
func (u *URI) Labels() []string { return u.labels }

// A LabelError is an @httpLabel member that is unset or empty; the request
// is not sent. The message is aws-sdk-go-v2's.
type LabelError struct {
	Member string // the member's name, which is the label's
}

// Error reads as "input member Bucket must not be empty".
func (e *LabelError) Error() string {
	return "input member " + e.Member + " must not be empty"
}

// Expand returns the request's path and its escaped form: the endpoint's
// path joined with u's, as smithy-go's JoinPath joins them, with each label
// replaced by its value. labels holds one value per label, in the order of
// Labels, already formatted (FormatInt, FormatDateTime, ...). In rawPath a
// value has every byte but the RFC 3986 unreserved ones percent-escaped,
// '/' included except in a greedy label. rawPrefix is the endpoint's
// URL.RawPath, or "" to use prefix, its URL.Path. An empty value is a
// *LabelError naming the first empty label by name, as aws-sdk-go-v2
// checks them.
//
// The caller sets URL.Path and URL.RawPath to the results, so that Go writes
// rawPath on the wire.
func (u *URI) Expand(prefix, rawPrefix string, labels ...string) (path, rawPath string, err error) {
	if len(labels) != len(u.labels) {
		return "", "", fmt.Errorf("uri %q has %d labels, but %d values were given", u.pattern, len(u.labels), len(labels))
	}
	for _, i := range u.byName {
		if labels[i] == "" {
			return "", "", &LabelError{Member: u.labels[i]}
		}
	}
	if rawPrefix == "" {
		rawPrefix = prefix
	}
	prefix, sep := joinPrefix(prefix, u.path != "")
	rawPrefix, rawSep := joinPrefix(rawPrefix, u.path != "")
	n := len(prefix) + len(rawPrefix) + 2 // room for both separators
	next := 0
	for _, p := range u.parts {
		if !p.label {
			n += 2 * len(p.text)
			continue
		}
		v := labels[next]
		next++
		n += len(v) + escapedPathLen(v, p.greedy)
	}
	// One string holds both results; path and rawPath are its two halves.
	var b strings.Builder
	b.Grow(n)
	u.write(&b, prefix, sep, labels, false)
	half := b.Len()
	u.write(&b, rawPrefix, rawSep, labels, true)
	s := b.String()
	return s[:half], s[half:], nil
}

func (u *URI) write(b *strings.Builder, prefix string, sep bool, labels []string, escape bool) {
	b.WriteString(prefix)
	if sep {
		b.WriteByte('/')
	}
	next := 0
	for _, p := range u.parts {
		if !p.label {
			b.WriteString(p.text)
			continue
		}
		v := labels[next]
		next++
		if escape {
			writeEscapedPath(b, v, p.greedy)
		} else {
			b.WriteString(v)
		}
	}
}

// joinPrefix is the endpoint path as smithy-go's JoinPath(prefix, rest)
// begins the joined path: "/" when empty, a leading '/' added, and sep when
// a '/' must follow it before a non-empty rest.
func joinPrefix(prefix string, hasRest bool) (_ string, sep bool) {
	if prefix == "" {
		prefix = "/"
	} else if prefix[0] != '/' {
		prefix = "/" + prefix
	}
	return prefix, hasRest && prefix[len(prefix)-1] != '/'
}

// unreserved marks the bytes aws-sdk-go-v2 leaves unescaped in paths and
// query strings: RFC 3986's unreserved set.
var unreserved = func() (t [256]bool) {
	for c := 0; c < 256; c++ {
		t[c] = 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' ||
			c == '-' || c == '.' || c == '_' || c == '~'
	}
	return t
}()

const upperHex = "0123456789ABCDEF"

func escapedPathLen(v string, greedy bool) int {
	n := len(v)
	for i := 0; i < len(v); i++ {
		if !unreserved[v[i]] && !(greedy && v[i] == '/') {
			n += 2
		}
	}
	return n
}

// writeEscapedPath writes v as smithy-go's httpbinding.EscapePath(v, !greedy)
// does.
func writeEscapedPath(b *strings.Builder, v string, greedy bool) {
	for i := 0; i < len(v); i++ {
		c := v[i]
		if unreserved[c] || greedy && c == '/' {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(upperHex[c>>4])
		b.WriteByte(upperHex[c&15])
	}
}
