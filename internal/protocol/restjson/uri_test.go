package restjson

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/aws/smithy-go"
	"github.com/aws/smithy-go/encoding/httpbinding"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// The instant of the compliance suite's timestamp cases (1576540098).
var suiteTime = time.Unix(1576540098, 0)

// Expected paths are the "uri" of the compliance cases named, as the
// request puts them on the wire (URL.EscapedPath).
func TestExpand(t *testing.T) {
	const labels = "/HttpRequestWithLabels/{string}/{short}/{integer}/{long}/{float}/{double}/{boolean}/{timestamp}"
	numbers := []string{FormatInt(int16(1)), FormatInt(int32(2)), FormatInt(int64(3)), FormatFloat(float32(4.1)), FormatFloat(5.1), strconv.FormatBool(true), FormatDateTime(suiteTime)}
	tests := []struct {
		name              string
		pattern           string
		prefix, rawPre    string
		labels            []string
		wantPath, wantRaw string
	}{
		{
			"RestJsonInputWithHeadersAndAllParams", labels, "", "",
			append([]string{"string"}, numbers...),
			"/HttpRequestWithLabels/string/1/2/3/4.1/5.1/true/2019-12-16T23:48:18Z",
			"/HttpRequestWithLabels/string/1/2/3/4.1/5.1/true/2019-12-16T23%3A48%3A18Z",
		},
		{
			"RestJsonHttpRequestLabelEscaping", labels, "", "",
			append([]string{" %:/?#[]@!$&'()*+,;=😹"}, numbers...),
			"/HttpRequestWithLabels/ %:/?#[]@!$&'()*+,;=😹/1/2/3/4.1/5.1/true/2019-12-16T23:48:18Z",
			"/HttpRequestWithLabels/%20%25%3A%2F%3F%23%5B%5D%40%21%24%26%27%28%29%2A%2B%2C%3B%3D%F0%9F%98%B9/1/2/3/4.1/5.1/true/2019-12-16T23%3A48%3A18Z",
		},
		{
			"RestJsonHttpRequestWithGreedyLabelInPath", "/HttpRequestWithGreedyLabelInPath/foo/{foo}/baz/{baz+}", "", "",
			[]string{"hello/escape", "there/guy"},
			"/HttpRequestWithGreedyLabelInPath/foo/hello/escape/baz/there/guy",
			"/HttpRequestWithGreedyLabelInPath/foo/hello%2Fescape/baz/there/guy",
		},
		{
			"RestJsonHttpRequestWithLabelsAndTimestampFormat",
			"/HttpRequestWithLabelsAndTimestampFormat/{memberEpochSeconds}/{memberHttpDate}/{memberDateTime}/{defaultFormat}/{targetEpochSeconds}/{targetHttpDate}/{targetDateTime}", "", "",
			[]string{FormatEpochSeconds(suiteTime), FormatHTTPDate(suiteTime), FormatDateTime(suiteTime), FormatDateTime(suiteTime), FormatEpochSeconds(suiteTime), FormatHTTPDate(suiteTime), FormatDateTime(suiteTime)},
			"/HttpRequestWithLabelsAndTimestampFormat/1576540098/Mon, 16 Dec 2019 23:48:18 GMT/2019-12-16T23:48:18Z/2019-12-16T23:48:18Z/1576540098/Mon, 16 Dec 2019 23:48:18 GMT/2019-12-16T23:48:18Z",
			"/HttpRequestWithLabelsAndTimestampFormat/1576540098/Mon%2C%2016%20Dec%202019%2023%3A48%3A18%20GMT/2019-12-16T23%3A48%3A18Z/2019-12-16T23%3A48%3A18Z/1576540098/Mon%2C%2016%20Dec%202019%2023%3A48%3A18%20GMT/2019-12-16T23%3A48%3A18Z",
		},
		{"RestJsonSupportsNaNFloatLabels", "/FloatHttpLabels/{float}/{double}", "", "", []string{FormatFloat(float32(nan())), FormatFloat(nan())}, "/FloatHttpLabels/NaN/NaN", "/FloatHttpLabels/NaN/NaN"},
		{"RestJsonSupportsInfinityFloatLabels", "/FloatHttpLabels/{float}/{double}", "", "", []string{FormatFloat(float32(inf(1))), FormatFloat(inf(1))}, "/FloatHttpLabels/Infinity/Infinity", "/FloatHttpLabels/Infinity/Infinity"},
		{"RestJsonSupportsNegativeInfinityFloatLabels", "/FloatHttpLabels/{float}/{double}", "", "", []string{FormatFloat(float32(inf(-1))), FormatFloat(inf(-1))}, "/FloatHttpLabels/-Infinity/-Infinity", "/FloatHttpLabels/-Infinity/-Infinity"},
		{"RestJsonToleratesRegexCharsInSegments", "/ReDosLiteral/{str}/(a+)+", "", "", []string{"abc"}, "/ReDosLiteral/abc/(a+)+", "/ReDosLiteral/abc/(a+)+"},
		{"RestJsonConstantQueryString keeps the query out of the path", "/ConstantQueryString/{hello}?foo=bar&hello", "", "", []string{"hi"}, "/ConstantQueryString/hi", "/ConstantQueryString/hi"},
		{"GlacierVersionHeader", "/{accountId}/vaults/{vaultName}/archives", "", "", []string{"foo", "bar"}, "/foo/vaults/bar/archives", "/foo/vaults/bar/archives"},
		{"RestJsonHostWithPath: the endpoint's path comes first", "/HostWithPathOperation", "/custom", "", nil, "/custom/HostWithPathOperation", "/custom/HostWithPathOperation"},
		{"no double slash after an endpoint path ending in /", "/Op/{a}", "/custom/", "", []string{"x"}, "/custom/Op/x", "/custom/Op/x"},
		{"an endpoint path of /", "/Op", "/", "", nil, "/Op", "/Op"},
		{"an endpoint path without its leading /", "/Op", "custom", "", nil, "/custom/Op", "/custom/Op"},
		{"a root pattern leaves the endpoint path as it is", "/", "/custom", "", nil, "/custom", "/custom"},
		{"a root pattern and no endpoint path", "/", "", "", nil, "/", "/"},
		{"a trailing slash is kept", "/Op/{a}/", "", "", []string{"x"}, "/Op/x/", "/Op/x/"},
		{"an escaped endpoint path is used for the raw path", "/Op/{a}", "/my path", "/my%20path", []string{"a b"}, "/my path/Op/a b", "/my%20path/Op/a%20b"},
		{"a greedy label escapes all but its slashes", "/{Key+}", "", "", []string{"a b/c+d/é"}, "/a b/c+d/é", "/a%20b/c%2Bd/%C3%A9"},
		{"a greedy label in the middle", "/{Bucket}/{Key+}/tail", "", "", []string{"b", "k/1"}, "/b/k/1/tail", "/b/k/1/tail"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u, err := ParseURI(tt.pattern)
			if err != nil {
				t.Fatal(err)
			}
			path, raw, err := u.Expand(tt.prefix, tt.rawPre, tt.labels...)
			if err != nil {
				t.Fatal(err)
			}
			if path != tt.wantPath || raw != tt.wantRaw {
				t.Errorf("Expand = %q, %q\nwant      %q, %q", path, raw, tt.wantPath, tt.wantRaw)
			}
			// What net/http writes on the wire for these.
			wire := (&url.URL{Path: path, RawPath: raw}).EscapedPath()
			if wire != tt.wantRaw {
				t.Errorf("URL.EscapedPath() = %q, want %q", wire, tt.wantRaw)
			}
		})
	}
}

func nan() float64      { return inf(1) - inf(1) }
func inf(s int) float64 { return float64(s) * 1e308 * 10 }

func TestExpandRejectsEmptyLabels(t *testing.T) {
	u := MustParseURI("/ConstantQueryString/{hello}?foo=bar&hello")
	_, _, err := u.Expand("", "", "")
	var le *LabelError
	if !errors.As(err, &le) || le.Member != "hello" {
		t.Fatalf("Expand with an empty label = %v, want a *LabelError for hello", err)
	}
	// aws-sdk-go-v2's message for the same mistake.
	if got, want := err.Error(), "input member hello must not be empty"; got != want {
		t.Errorf("error = %q, want %q", got, want)
	}
	// Request.Path wraps it as aws-sdk-go-v2's binder does; the serializer
	// middleware wraps it once more, as v2's does.
	r := &Request{http: smithyhttp.NewStackRequest().(*smithyhttp.Request), uri: u}
	err = r.Path("")
	var se *smithy.SerializationError
	if !errors.As(err, &se) || !errors.As(err, &le) {
		t.Errorf("Request.Path with an empty label = %#v, want a *LabelError in a *smithy.SerializationError", err)
	} else if got, want := err.Error(), "serialization failed: input member hello must not be empty"; got != want {
		t.Errorf("Request.Path error = %q, want %q", got, want)
	}
	// With several empty labels, the first by name, as aws-sdk-go-v2
	// checks them (API Gateway V2's GetApiMapping).
	m := MustParseURI("/v2/domainnames/{DomainName}/apimappings/{ApiMappingId}")
	if _, _, err := m.Expand("", "", "", ""); !errors.As(err, &le) || le.Member != "ApiMappingId" {
		t.Errorf("two empty labels: %v, want a *LabelError for ApiMappingId", err)
	}
	g := MustParseURI("/{Bucket}/{Key+}")
	if _, _, err := g.Expand("", "", "b", ""); !errors.As(err, &le) || le.Member != "Key" {
		t.Errorf("empty greedy label: %v, want a *LabelError for Key", err)
	}
	if _, _, err := g.Expand("", "", "b"); err == nil || !strings.Contains(err.Error(), "2 labels, but 1 values") {
		t.Errorf("too few values: %v", err)
	}
}

func TestParseURI(t *testing.T) {
	u := MustParseURI("/{Bucket}/x/{Key+}?x-id=GetObject&tagging")
	if got := strings.Join(u.Labels(), ","); got != "Bucket,Key" {
		t.Errorf("Labels = %s", got)
	}
	if u.String() != "/{Bucket}/x/{Key+}?x-id=GetObject&tagging" {
		t.Errorf("String = %s", u)
	}
	for _, bad := range []string{
		"",
		"noslash",
		"/{a}{b}",
		"/a{b}",
		"/{a}b",
		"/{}",
		"/{+}",
		"/{a}/{a}",
		"/{a+}/{b+}",
		"/{a",
		"/a}",
		"/{a}?x=%zz",
	} {
		if _, err := ParseURI(bad); err == nil {
			t.Errorf("ParseURI(%q) accepted a malformed pattern", bad)
		}
	}
	defer func() {
		if recover() == nil {
			t.Error("MustParseURI did not panic on a malformed pattern")
		}
	}()
	MustParseURI("/{a")
}

// FuzzExpandMatchesHTTPBinding compares Expand with what aws-sdk-go-v2's
// serializers do: smithyhttp.JoinPath of the endpoint's path and the
// pattern, then httpbinding's SetURI for each label.
func FuzzExpandMatchesHTTPBinding(f *testing.F) {
	f.Add("/custom", "hello/escape", "there/guy")
	f.Add("", " %:/?#[]@!$&'()*+,;=😹", "a b")
	f.Add("base/", "x", "/")
	f.Fuzz(func(t *testing.T, prefix, a, b string) {
		if a == "" || b == "" || strings.ContainsAny(prefix+a+b, "{}") || strings.ContainsAny(prefix, "%?#") {
			return // empty labels are errors; v2 re-scans values for "{name}"
		}
		const pattern = "/x/{a}/y/{b+}"
		path, raw, err := MustParseURI(pattern).Expand(prefix, "", a, b)
		if err != nil {
			t.Fatal(err)
		}
		joined := smithyhttp.JoinPath(prefix, pattern)
		enc, err := httpbinding.NewEncoder(joined, "", http.Header{})
		if err != nil {
			t.Fatal(err)
		}
		if err := enc.SetURI("a").String(a); err != nil {
			t.Fatal(err)
		}
		if err := enc.SetURI("b").String(b); err != nil {
			t.Fatal(err)
		}
		req, err := enc.Encode(&http.Request{URL: &url.URL{}})
		if err != nil {
			t.Fatal(err)
		}
		if path != req.URL.Path || raw != req.URL.RawPath {
			t.Fatalf("Expand(%q, %q, %q) = %q, %q; aws-sdk-go-v2 gives %q, %q", prefix, a, b, path, raw, req.URL.Path, req.URL.RawPath)
		}
	})
}
