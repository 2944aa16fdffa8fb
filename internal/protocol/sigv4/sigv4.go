// Package sigv4 signs HTTP requests with AWS Signature Version 4 exactly as
// aws-sdk-go-v2's v4.Signer.SignHTTP does: the same canonical request, the
// same headers set (X-Amz-Date, X-Amz-Security-Token, Authorization), the
// query rewritten in canonical order and a default port dropped from Host.
// It builds the canonical request in one buffer and keeps, per day, region
// and service, the signing key and keyed HMACs, so a signature costs two
// hashes and a few allocations instead of v4.Signer's few dozen.
// sigv4_test.go checks it against v4.Signer on random requests.
package sigv4

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"hash"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
)

const (
	algorithm  = "AWS4-HMAC-SHA256"
	timeFormat = "20060102T150405Z"
	dayFormat  = "20060102"
)

// Signer signs requests as v4.Signer does; it is safe for concurrent use.
type Signer struct {
	options v4.SignerOptions
	// logged signs when signing is logged: the log shows v4.Signer's
	// canonical request and string to sign, in its words.
	logged *v4.Signer
	keys   keyCache
}

// NewSigner returns a Signer with v4.Signer's options.
func NewSigner(optFns ...func(*v4.SignerOptions)) *Signer {
	s := &Signer{logged: v4.NewSigner(optFns...)}
	for _, fn := range optFns {
		fn(&s.options)
	}
	return s
}

// Options returns the Signer's options.
func (s *Signer) Options() v4.SignerOptions { return s.options }

// SignHTTP signs r in place, as v4.Signer.SignHTTP does.
func (s *Signer) SignHTTP(ctx context.Context, credentials aws.Credentials, r *http.Request, payloadHash, service, region string, signingTime time.Time, optFns ...func(*v4.SignerOptions)) error {
	options := s.options
	for _, fn := range optFns {
		fn(&options)
	}
	return s.Sign(ctx, credentials, r, payloadHash, service, region, signingTime, options)
}

// Sign is SignHTTP with the call's options resolved.
func (s *Signer) Sign(ctx context.Context, credentials aws.Credentials, r *http.Request, payloadHash, service, region string, signingTime time.Time, options v4.SignerOptions) error {
	if options.LogSigning {
		return s.logged.SignHTTP(ctx, credentials, r, payloadHash, service, region, signingTime, func(o *v4.SignerOptions) { *o = options })
	}
	t := signingTime.UTC()
	var dateBuf [len(timeFormat)]byte
	amzDate := string(t.AppendFormat(dateBuf[:0], timeFormat))
	day := amzDate[:len(dayFormat)]

	r.Header[amzDateHeader] = append(r.Header[amzDateHeader][:0], amzDate)
	if !options.DisableSessionToken && credentials.SessionToken != "" {
		r.Header[securityTokenHeader] = append(r.Header[securityTokenHeader][:0], credentials.SessionToken)
	}
	sanitizeHost(r)
	host := r.URL.Host
	if r.Host != "" {
		host = r.Host
	}

	// The canonical request, with the signed header names kept aside.
	var stack [2048]byte
	c := stack[:0]
	c = append(c, r.Method...)
	c = append(c, '\n')
	c = appendURIPath(c, r.URL, !options.DisableURIPathEscaping)
	c = append(c, '\n')
	var query string
	if r.URL.RawQuery != "" {
		query = canonicalQuery(r.URL.Query())
		c = append(c, query...)
	}
	c = append(c, '\n')
	var names [128]byte
	c, signed := appendCanonicalHeaders(c, names[:0], host, r.Header, r.ContentLength)
	c = append(c, '\n')
	c = append(c, signed...)
	c = append(c, '\n')
	c = append(c, payloadHash...)
	requestHash := sha256.Sum256(c)

	// The string to sign, reusing the buffer; the scope is its third line.
	c = append(c[:0], algorithm+"\n"...)
	c = append(c, amzDate...)
	c = append(c, '\n')
	scopeStart := len(c)
	c = append(c, day...)
	c = append(c, '/')
	c = append(c, region...)
	c = append(c, '/')
	c = append(c, service...)
	c = append(c, "/aws4_request"...)
	scopeEnd := len(c)
	c = append(c, '\n')
	c = hex.AppendEncode(c, requestHash[:])

	var sum [sha256.Size]byte
	s.keys.get(credentials, day, region, service).sign(&sum, c)

	var auth strings.Builder
	auth.Grow(len(algorithm) + len(" Credential=") + len(credentials.AccessKeyID) + 1 + (scopeEnd - scopeStart) +
		len(", SignedHeaders=") + len(signed) + len(", Signature=") + 2*sha256.Size)
	auth.WriteString(algorithm + " Credential=")
	auth.WriteString(credentials.AccessKeyID)
	auth.WriteByte('/')
	auth.Write(c[scopeStart:scopeEnd])
	auth.WriteString(", SignedHeaders=")
	auth.Write(signed)
	auth.WriteString(", Signature=")
	var sig [2 * sha256.Size]byte
	hex.Encode(sig[:], sum[:])
	auth.Write(sig[:])
	r.Header[authorizationHeader] = append(r.Header[authorizationHeader][:0], auth.String())
	r.URL.RawQuery = query
	return nil
}

const (
	amzDateHeader       = "X-Amz-Date"
	securityTokenHeader = "X-Amz-Security-Token"
	authorizationHeader = "Authorization"
)

// ignoredHeaders are never signed (v4's IgnoredHeaders); the match is on
// the header map's key as it is, case included.
func ignoredHeader(key string) bool {
	switch key {
	case "Authorization", "User-Agent", "X-Amzn-Trace-Id", "Expect", "Transfer-Encoding":
		return true
	}
	return false
}

// signedHeader is one canonical header: its lower-case name (a span of the
// names buffer) and the values of every header key that lowers to it.
type signedHeader struct {
	start, end int
	key        string // the header map's key; "" for host and content-length
	value      string // host and content-length
}

// appendCanonicalHeaders appends the canonical headers to c and returns the
// signed header names, ';'-separated, in names: host, content-length when
// the body has a length, and every header not ignored, lower-cased, sorted,
// with the values of keys that lower to one name joined by commas.
func appendCanonicalHeaders(c, names []byte, host string, header http.Header, length int64) ([]byte, []byte) {
	var hsBuf [16]signedHeader
	hs := hsBuf[:0]
	var lowered [256]byte
	low := lowered[:0]
	add := func(name, key, value string) {
		start := len(low)
		for i := 0; i < len(name); i++ {
			b := name[i]
			if 'A' <= b && b <= 'Z' {
				b += 'a' - 'A'
			}
			low = append(low, b)
		}
		hs = append(hs, signedHeader{start: start, end: len(low), key: key, value: value})
	}
	add("host", "", host)
	if length > 0 {
		add("content-length", "", strconv.FormatInt(length, 10))
	}
	for k := range header {
		if ignoredHeader(k) || strings.EqualFold(k, "content-length") {
			continue
		}
		add(k, k, "")
	}
	name := func(h signedHeader) []byte { return low[h.start:h.end] }
	// Insertion sort: a request has a dozen headers, and a generic sort
	// would be a sort compiled for this type alone.
	for i := 1; i < len(hs); i++ {
		for j := i; j > 0 && bytes.Compare(name(hs[j]), name(hs[j-1])) < 0; j-- {
			hs[j], hs[j-1] = hs[j-1], hs[j]
		}
	}
	for i := 0; i < len(hs); {
		n := name(hs[i])
		if i > 0 {
			names = append(names, ';')
		}
		names = append(names, n...)
		c = append(c, n...)
		c = append(c, ':')
		if string(n) == "host" {
			// v4.Signer signs the request's host, whatever a Host header says.
			c = append(c, stripExcessSpaces(host)...)
		}
		first := true
		j := i
		for ; j < len(hs) && bytes.Equal(name(hs[j]), n); j++ {
			switch {
			case string(n) == "host":
			case hs[j].key == "": // content-length
				c = append(c, hs[j].value...)
				first = false
			default:
				for _, v := range header[hs[j].key] {
					if !first {
						c = append(c, ',')
					}
					first = false
					c = append(c, strings.TrimSpace(stripExcessSpaces(v))...)
				}
			}
		}
		c = append(c, '\n')
		i = j
	}
	return c, names
}

// stripExcessSpaces trims spaces from both ends of s and collapses inner
// runs of spaces to one, as v4's StripExcessSpaces does.
func stripExcessSpaces(s string) string {
	s = strings.Trim(s, " ")
	i := strings.Index(s, "  ")
	if i < 0 {
		return s
	}
	b := []byte(s)
	m := i
	spaces := 0
	for k := i; k < len(b); k++ {
		if b[k] == ' ' {
			if spaces == 0 {
				b[m] = b[k]
				m++
			}
			spaces++
		} else {
			spaces = 0
			b[m] = b[k]
			m++
		}
	}
	return string(b[:m])
}

// appendURIPath appends the canonical URI: the escaped path (or the path
// of an opaque URL), "/" when empty, escaped once more unless disabled.
func appendURIPath(c []byte, u *url.URL, escape bool) []byte {
	var p string
	if u.Opaque != "" {
		opaque := u.Opaque
		if i := strings.IndexByte(opaque, '?'); i >= 0 {
			opaque = opaque[:i]
		}
		opaque = strings.TrimPrefix(opaque, "//")
		if i := strings.IndexByte(opaque, '/'); i >= 0 {
			p = opaque[i:]
		}
	} else {
		p = u.EscapedPath()
	}
	if p == "" {
		p = "/"
	}
	if !escape {
		return append(c, p...)
	}
	const upperHex = "0123456789ABCDEF"
	for i := 0; i < len(p); i++ {
		b := p[i]
		if unreserved(b) || b == '/' {
			c = append(c, b)
		} else {
			c = append(c, '%', upperHex[b>>4], upperHex[b&15])
		}
	}
	return c
}

func unreserved(b byte) bool {
	return 'A' <= b && b <= 'Z' || 'a' <= b && b <= 'z' || '0' <= b && b <= '9' || b == '-' || b == '.' || b == '_' || b == '~'
}

// canonicalQuery is the query in canonical form: every key=value pair
// escaped (space as %20), sorted by key, then value.
func canonicalQuery(query url.Values) string {
	type pair struct{ key, value string }
	pairs := make([]pair, 0, len(query))
	for k, vs := range query {
		ek := escapeQuery(k)
		for _, v := range vs {
			pairs = append(pairs, pair{ek, escapeQuery(v)})
		}
	}
	sort.Slice(pairs, func(i, j int) bool {
		if pairs[i].key != pairs[j].key {
			return pairs[i].key < pairs[j].key
		}
		return pairs[i].value < pairs[j].value
	})
	var b strings.Builder
	for i, p := range pairs {
		if i > 0 {
			b.WriteByte('&')
		}
		b.WriteString(p.key)
		b.WriteByte('=')
		b.WriteString(p.value)
	}
	return b.String()
}

func escapeQuery(s string) string {
	return strings.ReplaceAll(url.QueryEscape(s), "+", "%20")
}

// sanitizeHost drops the scheme's default port from the request's host,
// as v4's SanitizeHostForHeader does.
func sanitizeHost(r *http.Request) {
	host := r.Host
	if host == "" {
		host = r.URL.Host
	}
	port := portOnly(host)
	if port != "" && defaultPort(r.URL.Scheme, port) {
		r.Host = stripPort(host)
	}
}

func stripPort(hostport string) string {
	colon := strings.IndexByte(hostport, ':')
	if colon == -1 {
		return hostport
	}
	if i := strings.IndexByte(hostport, ']'); i != -1 {
		return strings.TrimPrefix(hostport[:i], "[")
	}
	return hostport[:colon]
}

func portOnly(hostport string) string {
	colon := strings.IndexByte(hostport, ':')
	if colon == -1 {
		return ""
	}
	if i := strings.Index(hostport, "]:"); i != -1 {
		return hostport[i+len("]:"):]
	}
	if strings.Contains(hostport, "]") {
		return ""
	}
	return hostport[colon+len(":"):]
}

func defaultPort(scheme, port string) bool {
	scheme = strings.ToLower(scheme)
	return scheme == "http" && port == "80" || scheme == "https" && port == "443"
}

// keyCache holds the signing key of each credentials, day, region and
// service seen, as keyed HMACs; a new day replaces its predecessor.
type keyCache struct {
	mu   sync.RWMutex
	keys map[scope]*keyedMAC
}

type scope struct {
	accessKey, secret, region, service string
}

type keyedMAC struct {
	day  string
	macs sync.Pool // of *macState under the signing key
}

// macState is an HMAC-SHA256 under a signing key with buffers of its own:
// what it hashes is copied in, so the caller's buffer can stay on its
// stack.
type macState struct {
	h   hash.Hash
	msg []byte
	sum []byte
}

func (k *keyCache) get(c aws.Credentials, day, region, service string) *keyedMAC {
	id := scope{c.AccessKeyID, c.SecretAccessKey, region, service}
	k.mu.RLock()
	m := k.keys[id]
	k.mu.RUnlock()
	if m != nil && m.day == day {
		return m
	}
	key := deriveKey(c.SecretAccessKey, day, region, service)
	m = &keyedMAC{day: day}
	m.macs.New = func() any { return &macState{h: hmac.New(sha256.New, key)} }
	k.mu.Lock()
	if k.keys == nil {
		k.keys = map[scope]*keyedMAC{}
	}
	if len(k.keys) >= maxKeys {
		clear(k.keys)
	}
	k.keys[id] = m
	k.mu.Unlock()
	return m
}

// maxKeys bounds the cache: credentials that rotate often never make it
// grow without end.
const maxKeys = 64

// sign writes HMAC-SHA256(signing key, msg) to sum.
func (m *keyedMAC) sign(sum *[sha256.Size]byte, msg []byte) {
	s := m.macs.Get().(*macState)
	s.msg = append(s.msg[:0], msg...)
	s.h.Reset()
	s.h.Write(s.msg)
	s.sum = s.h.Sum(s.sum[:0])
	copy(sum[:], s.sum)
	m.macs.Put(s)
}

func deriveKey(secret, day, region, service string) []byte {
	k := hmacSHA256([]byte("AWS4"+secret), day)
	k = hmacSHA256(k, region)
	k = hmacSHA256(k, service)
	return hmacSHA256(k, "aws4_request")
}

func hmacSHA256(key []byte, data string) []byte {
	h := hmac.New(sha256.New, key)
	h.Write([]byte(data))
	return h.Sum(nil)
}
