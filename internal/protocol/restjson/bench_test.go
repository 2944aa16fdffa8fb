package restjson

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/aws/smithy-go/encoding/httpbinding"
	smithytime "github.com/aws/smithy-go/time"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// A typical restJson1 request's bindings: two labels (one greedy), a
// literal and three bound query parameters (one a list), and five headers
// (a string, a number, a timestamp, a list and a prefix map).
var (
	benchURI  = MustParseURI("/v1/buckets/{Bucket}/objects/{Key+}?x-id=GetObject")
	benchTime = time.Unix(1576540098, 0)
	benchTags = []string{"red", "green,blue"}
	benchMeta = map[string]string{"owner": "me"}
)

func buildTypicalRequest(h http.Header) (path, rawPath, query string, err error) {
	path, rawPath, err = benchURI.Expand("/prefix", "", "my-bucket", "photos/2024/cat 1.jpg")
	if err != nil {
		return "", "", "", err
	}
	var q Query
	q.AddLiteral(benchURI)
	q.Add("max-keys", FormatInt(int32(50)))
	q.Add("prefix", "photos/")
	for _, t := range benchTags {
		q.Add("tag", t)
	}
	SetHeader(h, "If-Match", `"etag"`)
	SetHeader(h, "X-Amz-Count", FormatInt(int64(12345)))
	SetHeader(h, "X-Amz-Since", FormatHTTPDate(benchTime))
	AddHeaderStrings(h, "X-Amz-Tags", benchTags)
	SetPrefixHeaders(h, "X-Amz-Meta-", benchMeta)
	return path, rawPath, q.Encode(), nil
}

func BenchmarkBuildRequest(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		h := make(http.Header, 8)
		if _, _, _, err := buildTypicalRequest(h); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBuildRequestHTTPBinding is the same request built as
// aws-sdk-go-v2's serializers build it, for comparison.
func BenchmarkBuildRequestHTTPBinding(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		req := &http.Request{URL: &url.URL{}, Header: http.Header{}}
		opPath, opQuery := httpbinding.SplitURI("/v1/buckets/{Bucket}/objects/{Key+}?x-id=GetObject")
		req.URL.Path = smithyhttp.JoinPath("/prefix", opPath)
		req.URL.RawQuery = smithyhttp.JoinRawQuery(req.URL.RawQuery, opQuery)
		enc, err := httpbinding.NewEncoder(req.URL.Path, req.URL.RawQuery, req.Header)
		if err != nil {
			b.Fatal(err)
		}
		_ = enc.SetURI("Bucket").String("my-bucket")
		_ = enc.SetURI("Key").String("photos/2024/cat 1.jpg")
		enc.SetQuery("max-keys").Integer(50)
		enc.SetQuery("prefix").String("photos/")
		for _, t := range benchTags {
			enc.AddQuery("tag").String(t)
		}
		enc.SetHeader("If-Match").String(`"etag"`)
		enc.SetHeader("X-Amz-Count").Long(12345)
		enc.SetHeader("X-Amz-Since").String(smithytime.FormatHTTPDate(benchTime))
		for _, t := range benchTags {
			if strings.ContainsAny(t, `,"`) {
				t = strconv.Quote(t)
			}
			enc.AddHeader("X-Amz-Tags").String(t)
		}
		hv := enc.Headers("X-Amz-Meta-")
		for k, v := range benchMeta {
			hv.SetHeader(http.CanonicalHeaderKey(k)).String(v)
		}
		if _, err := enc.Encode(req); err != nil {
			b.Fatal(err)
		}
	}
}

func TestTypicalRequest(t *testing.T) {
	h := http.Header{}
	path, raw, query, err := buildTypicalRequest(h)
	if err != nil {
		t.Fatal(err)
	}
	if path != "/prefix/v1/buckets/my-bucket/objects/photos/2024/cat 1.jpg" || raw != "/prefix/v1/buckets/my-bucket/objects/photos/2024/cat%201.jpg" {
		t.Errorf("path %q, raw %q", path, raw)
	}
	if want := "max-keys=50&prefix=photos%2F&tag=red&tag=green%2Cblue&x-id=GetObject"; query != want {
		t.Errorf("query %q, want %q", query, want)
	}
	if got := h.Values("X-Amz-Tags"); len(got) != 2 || got[1] != `"green,blue"` {
		t.Errorf("X-Amz-Tags = %q", got)
	}
	// 13: one for both paths, two for the query (its pairs and its
	// string), one per formatted value that is not a small integer (2),
	// one per header's value slice (5), one for the quoted tag, and two
	// for the prefix header's name (canonical key, then prefix + key).
	if raceEnabled {
		return // the race detector's instrumentation allocates too
	}
	allocs := testing.AllocsPerRun(100, func() {
		clear(h) // the map is the caller's
		_, _, _, _ = buildTypicalRequest(h)
	})
	if allocs > 13 {
		t.Errorf("%v allocations per request, want at most 13", allocs)
	}
}
