package endpoints

import (
	"net"
	"net/url"
	"strings"
)

// function is a library function: its signature, checked at Parse time, and
// its implementation.
type function struct {
	name string
	args []typ
	ret  typ
	impl func(st *state, args []expr) value
}

// functions is the library: the Smithy standard library plus the AWS
// extensions. getAttr is not listed because Parse compiles it to an
// attrExpr (its path must be a literal).
var functions = map[string]*function{}

func init() {
	for _, f := range []*function{
		{"isSet", []typ{tAny}, tBool, fnIsSet},
		{"not", []typ{tBool}, tBool, fnNot},
		{"booleanEquals", []typ{tBool, tBool}, tBool, fnBooleanEquals},
		{"stringEquals", []typ{tString, tString}, tBool, fnStringEquals},
		{"substring", []typ{tString, tInt, tInt, tBool}, tString, fnSubstring},
		{"uriEncode", []typ{tString}, tString, fnURIEncode},
		{"parseURL", []typ{tString}, tURL, fnParseURL},
		{"isValidHostLabel", []typ{tString, tBool}, tBool, fnIsValidHostLabel},
		{"aws.partition", []typ{tString}, tPartition, fnPartition},
		{"aws.parseArn", []typ{tString}, tARN, fnParseArn},
		{"aws.isVirtualHostableS3Bucket", []typ{tString, tBool}, tBool, fnIsVirtualHostableS3Bucket},
	} {
		functions[f.name] = f
	}
}

// Implementations return unset when an argument is unset, so a condition
// over a missing value is simply false.

func fnIsSet(st *state, args []expr) value {
	return boolValue(args[0].eval(st).kind != kindNone)
}

func fnNot(st *state, args []expr) value {
	v := args[0].eval(st)
	if v.kind != kindBool {
		return none
	}
	return boolValue(!v.b)
}

func fnBooleanEquals(st *state, args []expr) value {
	a, b := args[0].eval(st), args[1].eval(st)
	if a.kind != kindBool || b.kind != kindBool {
		return none
	}
	return boolValue(a.b == b.b)
}

func fnStringEquals(st *state, args []expr) value {
	a, b := args[0].eval(st), args[1].eval(st)
	if a.kind != kindString || b.kind != kindString {
		return none
	}
	return boolValue(a.s == b.s)
}

func fnSubstring(st *state, args []expr) value {
	s, start, stop, rev := args[0].eval(st), args[1].eval(st), args[2].eval(st), args[3].eval(st)
	if s.kind != kindString || start.kind != kindInt || stop.kind != kindInt || rev.kind != kindBool {
		return none
	}
	out, ok := substring(s.s, start.i, stop.i, rev.b)
	if !ok {
		return none
	}
	return strValue(out)
}

func fnURIEncode(st *state, args []expr) value {
	s := args[0].eval(st)
	if s.kind != kindString {
		return none
	}
	return strValue(uriEncode(s.s))
}

func fnParseURL(st *state, args []expr) value {
	s := args[0].eval(st)
	if s.kind != kindString {
		return none
	}
	u := parseURL(s.s)
	if u == nil {
		return none
	}
	return value{kind: kindRecord, rec: u}
}

func fnIsValidHostLabel(st *state, args []expr) value {
	s, sub := args[0].eval(st), args[1].eval(st)
	if s.kind != kindString || sub.kind != kindBool {
		return none
	}
	return boolValue(isValidHostLabel(s.s, sub.b))
}

func fnPartition(st *state, args []expr) value {
	s := args[0].eval(st)
	if s.kind != kindString {
		return none
	}
	return value{kind: kindRecord, rec: partitionFor(s.s)}
}

func fnParseArn(st *state, args []expr) value {
	s := args[0].eval(st)
	if s.kind != kindString {
		return none
	}
	a := parseARN(s.s)
	if a == nil {
		return none
	}
	return value{kind: kindRecord, rec: a}
}

func fnIsVirtualHostableS3Bucket(st *state, args []expr) value {
	s, sub := args[0].eval(st), args[1].eval(st)
	if s.kind != kindString || sub.kind != kindBool {
		return none
	}
	return boolValue(isVirtualHostableS3Bucket(s.s, sub.b))
}

// substring returns input[start:stop], or, when reverse is set, the same
// span counted from the end. It refuses non-ASCII input because the spec
// defines indexes over ASCII characters only.
func substring(input string, start, stop int, reverse bool) (string, bool) {
	if start < 0 || start >= stop || stop > len(input) {
		return "", false
	}
	for i := 0; i < len(input); i++ {
		if input[i] > 0x7f {
			return "", false
		}
	}
	if reverse {
		start, stop = len(input)-stop, len(input)-start
	}
	return input[start:stop], true
}

// uriEncode percent-encodes everything but the RFC 3986 unreserved
// characters, with upper-case hex, as the spec requires (url.PathEscape
// and url.QueryEscape each leave some reserved characters alone).
func uriEncode(s string) string {
	const hex = "0123456789ABCDEF"
	n := 0
	for i := 0; i < len(s); i++ {
		if !unreserved(s[i]) {
			n++
		}
	}
	if n == 0 {
		return s
	}
	b := make([]byte, 0, len(s)+2*n)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if unreserved(c) {
			b = append(b, c)
		} else {
			b = append(b, '%', hex[c>>4], hex[c&15])
		}
	}
	return string(b)
}

func unreserved(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
		c == '-' || c == '_' || c == '.' || c == '~'
}

// urlValue is the record parseURL returns.
type urlValue struct {
	scheme, authority, path, normalizedPath string
	isIP                                    bool
}

func (u *urlValue) attr(name string) value {
	switch name {
	case "scheme":
		return strValue(u.scheme)
	case "authority":
		return strValue(u.authority)
	case "path":
		return strValue(u.path)
	case "normalizedPath":
		return strValue(u.normalizedPath)
	case "isIp":
		return boolValue(u.isIP)
	}
	return none
}

// urlAttrs are the attributes Parse accepts in getAttr on a parseURL result.
var urlAttrs = map[string]typ{"scheme": tString, "authority": tString, "path": tString, "normalizedPath": tString, "isIp": tBool}

// parseURL parses an endpoint URL. It returns nil for anything that is not
// a plain http or https URL, and for URLs with a query string, which the
// spec rejects because endpoints cannot carry one.
func parseURL(s string) *urlValue {
	u, err := url.Parse(s)
	if err != nil || u.RawQuery != "" || u.ForceQuery || u.Fragment != "" || u.User != nil {
		return nil
	}
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" || u.Opaque != "" {
		return nil
	}
	path := u.EscapedPath()
	norm := path
	if !strings.HasPrefix(norm, "/") {
		norm = "/" + norm
	}
	if !strings.HasSuffix(norm, "/") {
		norm += "/"
	}
	return &urlValue{
		scheme:         u.Scheme,
		authority:      u.Host,
		path:           path,
		normalizedPath: norm,
		isIP:           net.ParseIP(u.Hostname()) != nil,
	}
}

// isValidHostLabel reports whether s is a DNS host label (1-63 letters,
// digits and hyphens, starting with a letter or digit). With
// allowSubDomains, s may be several such labels joined by dots.
func isValidHostLabel(s string, allowSubDomains bool) bool {
	if !allowSubDomains {
		return hostLabel(s)
	}
	for label := range strings.SplitSeq(s, ".") {
		if !hostLabel(label) {
			return false
		}
	}
	return true
}

func hostLabel(s string) bool {
	if len(s) == 0 || len(s) > 63 || !alnum(s[0]) {
		return false
	}
	for i := 1; i < len(s); i++ {
		if !alnum(s[i]) && s[i] != '-' {
			return false
		}
	}
	return true
}

func alnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// isVirtualHostableS3Bucket reports whether an S3 bucket name can be used as
// a host name label: 3-63 lower-case letters, digits and hyphens, starting
// and ending with a letter or digit, and — with allowSubDomains — dots
// between labels, as long as the name does not look like an IP address.
func isVirtualHostableS3Bucket(s string, allowSubDomains bool) bool {
	if len(s) < 3 || len(s) > 63 || !lowerAlnum(s[0]) || !lowerAlnum(s[len(s)-1]) {
		return false
	}
	for i := 1; i < len(s)-1; i++ {
		c := s[i]
		switch {
		case lowerAlnum(c) || c == '-':
		case c == '.' && allowSubDomains:
			// Each dot must sit between two letters or digits, so that
			// every label stays a valid host label.
			if !lowerAlnum(s[i-1]) || !lowerAlnum(s[i+1]) {
				return false
			}
		default:
			return false
		}
	}
	return !allowSubDomains || net.ParseIP(s) == nil
}

func lowerAlnum(c byte) bool { return 'a' <= c && c <= 'z' || '0' <= c && c <= '9' }
