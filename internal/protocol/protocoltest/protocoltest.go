// Package protocoltest is what generated protocol compliance tests call: a
// capturing HTTP client, canned responses, and checks of requests and typed
// values, so each generated case is only data.
package protocoltest

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/url"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/smithy-go/middleware"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/gosmith/gosmith/internal/protocol/document"
)

// Credentials sign protocol-test requests.
var Credentials = aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
	return aws.Credentials{AccessKeyID: "AKID", SecretAccessKey: "SECRET", SessionToken: "TOKEN", Source: "protocoltest"}, nil
})

// Endpoint is the base endpoint of a case: https:// and the case's host
// (which may carry a path), or example.com.
func Endpoint(host string) string {
	if host == "" {
		host = "example.com"
	}
	return "https://" + host
}

// IdempotencyTokens gives the token the compliance cases expect of a client
// whose random source is all zero bytes.
type IdempotencyTokens struct{}

// GetIdempotencyToken returns the all-zero version 4 UUID.
func (IdempotencyTokens) GetIdempotencyToken() (string, error) {
	return "00000000-0000-4000-8000-000000000000", nil
}

// Capture is an HTTP client that records the request and answers 200 {}.
type Capture struct {
	Request *http.Request
	Body    []byte
}

// Do records r.
func (c *Capture) Do(r *http.Request) (*http.Response, error) {
	c.Request = r
	if r.Body != nil {
		body, err := io.ReadAll(r.Body)
		if err != nil {
			return nil, err
		}
		c.Body = body
	}
	return &http.Response{
		StatusCode: 200,
		Header:     http.Header{"Content-Type": {"application/json"}},
		Body:       io.NopCloser(strings.NewReader("{}")),
		Request:    r,
	}, nil
}

// Request is what a request case expects.
type Request struct {
	Method, URI, ResolvedHost string
	Headers                   map[string]string
	ForbidHeaders             []string
	RequireHeaders            []string
	// QueryParams are "key=value" pairs (encoded) the query must hold;
	// ForbidQuery and RequireQuery name keys it must not or must hold.
	QueryParams               []string
	ForbidQuery, RequireQuery []string
	Body                      *string
	BodyMediaType             string
}

// CheckRequest compares the captured request with the case.
func CheckRequest(t testing.TB, want Request, got *Capture) {
	t.Helper()
	if got.Request == nil {
		t.Fatal("no request was sent")
	}
	r := got.Request
	if want.Method != "" && r.Method != want.Method {
		t.Errorf("method = %s, want %s", r.Method, want.Method)
	}
	if want.URI != "" && r.URL.EscapedPath() != want.URI {
		t.Errorf("path = %q, want %q", r.URL.EscapedPath(), want.URI)
	}
	checkQuery(t, want, r.URL.RawQuery)
	if want.ResolvedHost != "" && r.URL.Host != want.ResolvedHost {
		t.Errorf("host = %q, want %q", r.URL.Host, want.ResolvedHost)
	}
	for k, v := range want.Headers {
		if got := strings.Join(headerValues(r.Header, k), ", "); got != v {
			t.Errorf("header %s = %q, want %q", k, got, v)
		}
	}
	for _, k := range want.RequireHeaders {
		if headerValues(r.Header, k) == nil && !(strings.EqualFold(k, "Content-Length") && r.ContentLength > 0) {
			t.Errorf("header %s is required but absent", k)
		}
	}
	for _, k := range want.ForbidHeaders {
		if v := headerValues(r.Header, k); v != nil {
			t.Errorf("header %s is forbidden but present: %q", k, v)
		}
	}
	if want.Body == nil {
		return
	}
	body := got.Body
	if r.Header.Get("Content-Encoding") == "gzip" {
		zr, err := gzip.NewReader(bytes.NewReader(body))
		if err != nil {
			t.Fatalf("gzip body: %v", err)
		}
		if body, err = io.ReadAll(zr); err != nil {
			t.Fatalf("gzip body: %v", err)
		}
	}
	if strings.Contains(want.BodyMediaType, "json") && *want.Body != "" {
		if diff := JSONDiff(*want.Body, string(body)); diff != "" {
			t.Errorf("body differs (-want +got):\n%s", diff)
		}
		return
	}
	if string(body) != *want.Body {
		t.Errorf("body = %q, want %q", body, *want.Body)
	}
}

// headerValues is every value of header name, in any letter case: a header
// bound in the model keeps the model's spelling on the wire, as in
// aws-sdk-go-v2.
func headerValues(h http.Header, name string) []string {
	var out []string
	for k, vs := range h {
		if strings.EqualFold(k, name) {
			out = append(out, vs...)
		}
	}
	return out
}

// checkQuery compares the query with the case's expectations: each
// expected pair appears as often as it is expected, in the case's order
// for repeated keys (values compared as they travel, percent-escaping
// normalised).
func checkQuery(t testing.TB, want Request, raw string) {
	t.Helper()
	var got []string
	keys := map[string]bool{}
	if raw != "" {
		for _, p := range strings.Split(raw, "&") {
			got = append(got, normalizeQuery(p))
			k, _, _ := strings.Cut(p, "=")
			keys[normalizeQuery(k)] = true
		}
	}
	rest := append([]string(nil), got...)
	for _, w := range want.QueryParams {
		w = normalizeQuery(w)
		found := false
		for i, g := range rest {
			if g == w {
				rest = append(rest[:i], rest[i+1:]...)
				found = true
				break
			}
		}
		if !found {
			t.Errorf("query %q lacks %q", raw, w)
		}
	}
	for _, k := range want.RequireQuery {
		if !keys[normalizeQuery(k)] {
			t.Errorf("query %q lacks required key %q", raw, k)
		}
	}
	for _, k := range want.ForbidQuery {
		if keys[normalizeQuery(k)] {
			t.Errorf("query %q holds forbidden key %q", raw, k)
		}
	}
}

// normalizeQuery decodes and re-escapes one query component, so "%2F" and
// "%2f", or "+" and "%20", compare equal.
func normalizeQuery(s string) string {
	k, v, _ := strings.Cut(s, "=")
	dk, err1 := url.QueryUnescape(k)
	dv, err2 := url.QueryUnescape(v)
	if err1 != nil || err2 != nil {
		return s
	}
	// "flag" and "flag=" are the same parameter.
	return url.QueryEscape(dk) + "=" + url.QueryEscape(dv)
}

// JSONDiff compares two JSON texts as values (numbers by value, object key
// order ignored).
func JSONDiff(want, got string) string {
	var w, g interface{}
	if err := decode(want, &w); err != nil {
		return "want is not JSON: " + err.Error()
	}
	if err := decode(got, &g); err != nil {
		return "got is not JSON: " + err.Error() + "\n" + got
	}
	return cmp.Diff(w, g, cmp.Comparer(func(a, b json.Number) bool {
		if a == b {
			return true
		}
		fa, errA := a.Float64()
		fb, errB := b.Float64()
		return errA == nil && errB == nil && fa == fb
	}))
}

func decode(s string, v *interface{}) error {
	d := json.NewDecoder(strings.NewReader(s))
	d.UseNumber()
	return d.Decode(v)
}

// Response is a canned response for a response case.
type Response struct {
	Code    int
	Headers map[string]string
	Body    string
}

// Do answers every request with the canned response.
func (r Response) Do(req *http.Request) (*http.Response, error) {
	h := http.Header{}
	for k, v := range r.Headers {
		h.Set(k, v)
	}
	return &http.Response{
		StatusCode:    r.Code,
		Status:        http.StatusText(r.Code),
		Header:        h,
		Body:          io.NopCloser(strings.NewReader(r.Body)),
		ContentLength: int64(len(r.Body)),
		Request:       req,
	}, nil
}

// SkipValidation removes input validation: response cases call operations
// with empty inputs.
func SkipValidation(stack *middleware.Stack) error {
	_, err := stack.Initialize.Remove("OperationInputValidation")
	if err != nil && !strings.Contains(err.Error(), "not found") {
		return err
	}
	return nil
}

// Diff compares typed values: NaNs are equal, times compare as instants,
// documents as JSON, ResultMetadata and unexported fields are ignored.
func Diff(want, got interface{}) string {
	return cmp.Diff(want, got, options()...)
}

func options() []cmp.Option {
	return []cmp.Option{
		cmpopts.EquateNaNs(),
		cmp.Comparer(func(a, b time.Time) bool { return a.Equal(b) }),
		cmp.Comparer(document.Equal),
		// A streamed payload compares by its content, read once.
		streamContent(),
		cmp.FilterPath(func(p cmp.Path) bool {
			sf, ok := p.Last().(cmp.StructField)
			return ok && sf.Name() == "ResultMetadata"
		}, cmp.Ignore()),
	}
}

// streamContent compares io.ReadCloser values by what they hold. cmp may
// call a transformer more than once for a value, so each stream is read
// once and remembered.
func streamContent() cmp.Option {
	read := map[io.ReadCloser]string{}
	return cmp.Transformer("ReadAll", func(r io.ReadCloser) string {
		if r == nil {
			return ""
		}
		if s, ok := read[r]; ok {
			return s
		}
		b, _ := io.ReadAll(r)
		read[r] = string(b)
		return string(b)
	})
}

// CheckError finds an error of want's type in err's chain and compares its
// members; code, when set, is the error code the case says callers see
// (ErrorCodeOverride is checked through it, not compared as a member).
func CheckError(t testing.TB, want error, code string, err error) {
	t.Helper()
	if err == nil {
		t.Fatalf("want error %T, got none", want)
	}
	target := reflect.New(reflect.TypeOf(want))
	if !errors.As(err, target.Interface()) {
		t.Fatalf("want error %T in the chain, got %T: %v", want, err, err)
	}
	got := target.Elem().Interface()
	if diff := cmp.Diff(want, got, append(options(), cmpopts.IgnoreFields(reflect.ValueOf(want).Elem().Interface(), "ErrorCodeOverride"))...); diff != "" {
		t.Errorf("error differs (-want +got):\n%s", diff)
	}
	if code != "" {
		if c := got.(interface{ ErrorCode() string }).ErrorCode(); c != code {
			t.Errorf("ErrorCode() = %q, want %q", c, code)
		}
	}
}
