package sigv4

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/url"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
)

// TestSameAsV4Signer signs random requests with both signers and wants the
// same headers, query and host: the same bytes on the wire.
func TestSameAsV4Signer(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	ours := NewSigner()
	for i := range 5000 {
		// A v4.Signer of its own: its key cache tells credentials apart by
		// access key alone, and the cases reuse access keys with other
		// secrets.
		theirs := v4.NewSigner()
		req, creds, service, region, when, opts := randomRequest(rng)
		a, b := req.Clone(context.Background()), req.Clone(context.Background())
		optFn := func(o *v4.SignerOptions) { *o = opts }
		const hash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
		errA := ours.SignHTTP(context.Background(), creds, a, hash, service, region, when, optFn)
		errB := theirs.SignHTTP(context.Background(), creds, b, hash, service, region, when, optFn)
		if errA != nil || errB != nil {
			t.Fatalf("case %d: errors %v, %v", i, errA, errB)
		}
		if !reflect.DeepEqual(a.Header, b.Header) || a.URL.RawQuery != b.URL.RawQuery || a.Host != b.Host {
			t.Fatalf("case %d: %s %s host %q\nours:   %q %q %v\nv4:     %q %q %v", i, req.Method, req.URL, req.Host,
				a.Host, a.URL.RawQuery, a.Header, b.Host, b.URL.RawQuery, b.Header)
		}
	}
}

// TestKeysFollowCredentialsAndDays: a cached key is only reused for the
// same credentials, day, region and service.
func TestKeysFollowCredentialsAndDays(t *testing.T) {
	ours := NewSigner()
	day := time.Date(2024, 4, 5, 23, 59, 59, 0, time.UTC)
	credsA := aws.Credentials{AccessKeyID: "AKIDA", SecretAccessKey: "secret-a"}
	credsB := aws.Credentials{AccessKeyID: "AKIDA", SecretAccessKey: "secret-b"}
	for _, c := range []struct {
		creds  aws.Credentials
		when   time.Time
		region string
	}{
		{credsA, day, "us-east-1"},
		{credsA, day.Add(time.Second), "us-east-1"}, // the next day
		{credsB, day, "us-east-1"},
		{credsA, day, "eu-west-1"},
		{credsA, day, "us-east-1"},
	} {
		a, _ := http.NewRequest("POST", "https://svc.example.com/", nil)
		b, _ := http.NewRequest("POST", "https://svc.example.com/", nil)
		if err := ours.SignHTTP(context.Background(), c.creds, a, "UNSIGNED-PAYLOAD", "svc", c.region, c.when); err != nil {
			t.Fatal(err)
		}
		if err := v4.NewSigner().SignHTTP(context.Background(), c.creds, b, "UNSIGNED-PAYLOAD", "svc", c.region, c.when); err != nil {
			t.Fatal(err)
		}
		if got, want := a.Header.Get("Authorization"), b.Header.Get("Authorization"); got != want {
			t.Errorf("%s %v %s:\n got %s\nwant %s", c.creds.SecretAccessKey, c.when, c.region, got, want)
		}
	}
}

func TestSigningAllocates(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector makes sync.Pool drop what it holds")
	}
	ours := NewSigner()
	creds := aws.Credentials{AccessKeyID: "AKID", SecretAccessKey: "SECRET", SessionToken: "TOKEN"}
	req, _ := http.NewRequest("POST", "https://storagegateway.us-east-1.amazonaws.com/", strings.NewReader("{}"))
	req.Header.Set("Content-Type", "application/x-amz-json-1.1")
	req.Header.Set("X-Amz-Target", "StorageGateway_20130630.ListGateways")
	req.Header.Set("User-Agent", "gosmith/dev")
	req.Header.Set("Amz-Sdk-Invocation-Id", "c0f8a7d2-5a3e-4f0b-9d7c-2b1e6f4a8c31")
	req.Header.Set("Amz-Sdk-Request", "attempt=1; max=3")
	now := time.Now()
	allocs := testing.AllocsPerRun(100, func() {
		_ = ours.Sign(context.Background(), creds, req, "UNSIGNED-PAYLOAD", "storagegateway", "us-east-1", now, v4.SignerOptions{})
	})
	// X-Amz-Date's value and the Authorization header.
	if allocs > 2 {
		t.Errorf("%v allocations per signature, want at most 2", allocs)
	}
}

// randomRequest is a request with the parts signing reads drawn from
// awkward values: ports, opaque URLs, escapes, repeated query keys, header
// keys v4 ignores or lowers, values with runs of spaces.
func randomRequest(rng *rand.Rand) (*http.Request, aws.Credentials, string, string, time.Time, v4.SignerOptions) {
	pick := func(s ...string) string { return s[rng.IntN(len(s))] }
	scheme := pick("https", "http", "HTTPS")
	host := pick("svc.us-east-1.amazonaws.com", "localhost:80", "localhost:443", "127.0.0.1:8080", "[::1]:443", "[::1]", "h")
	var path strings.Builder
	for range rng.IntN(4) {
		path.WriteString("/" + pick("a", "b c", "x%2Fy", "ü", "a+b", "~_.-", "", "=&?", "%"))
	}
	u := &url.URL{Scheme: scheme, Host: host, Path: path.String()}
	if rng.IntN(5) == 0 {
		u.RawPath = strings.ReplaceAll(u.EscapedPath(), "%20", "+")
	}
	if rng.IntN(8) == 0 {
		u.Opaque = "//" + host + pick("/op/aque", "/a b?x=y", "", "/")
	}
	var q []string
	for range rng.IntN(4) {
		q = append(q, pick("a", "b", "A", "x y", "x+y", "%zz", "", "k%20")+pick("", "=", "=1", "=b c", "=%2B", "=z&", "=a=b"))
	}
	u.RawQuery = strings.Join(q, "&")
	req := &http.Request{Method: pick("GET", "POST", "PUT", "DELETE"), URL: u, Header: http.Header{}, Host: pick("", "", "other.example.com", "other:443", "other:80")}
	names := []string{"Content-Type", "X-Amz-Target", "User-Agent", "user-agent", "Authorization", "Content-Length",
		"X-Amz-Date", "X-Amz-Meta-Foo", "Expect", "Host", "Amz-Sdk-Request", "X-Amzn-Trace-Id", "Transfer-Encoding",
		"content-md5", "X-Amz-Security-Token", "Accept-Encoding", "Zz"}
	for _, n := range names {
		if rng.IntN(3) != 0 {
			continue
		}
		var vs []string
		for range rng.IntN(3) {
			vs = append(vs, pick("v", " v ", "a  b   c", "\tx\t", "", "a, b", "  "))
		}
		req.Header[n] = vs
	}
	req.ContentLength = int64(pick3(rng, -1, 0, 17))
	creds := aws.Credentials{AccessKeyID: pick("AKID", "AKIA2"), SecretAccessKey: pick("s1", "s2")}
	if rng.IntN(2) == 0 {
		creds.SessionToken = "token"
	}
	when := time.Date(2024, 4, 5, 0, 0, 0, 0, time.UTC).Add(time.Duration(rng.IntN(3*24*3600)) * time.Second)
	if rng.IntN(4) == 0 {
		when = when.In(time.FixedZone("x", 5*3600))
	}
	opts := v4.SignerOptions{DisableURIPathEscaping: rng.IntN(3) == 0, DisableSessionToken: rng.IntN(4) == 0}
	return req, creds, pick("storagegateway", "s3", "execute-api"), pick("us-east-1", "eu-west-1"), when, opts
}

func pick3(rng *rand.Rand, a, b, c int) int {
	return []int{a, b, c}[rng.IntN(3)]
}

func ExampleSigner() {
	req, _ := http.NewRequest("POST", "https://svc.us-east-1.amazonaws.com/", nil)
	creds := aws.Credentials{AccessKeyID: "AKID", SecretAccessKey: "SECRET"}
	_ = NewSigner().SignHTTP(context.Background(), creds, req, "UNSIGNED-PAYLOAD", "svc", "us-east-1", time.Date(2024, 4, 5, 12, 0, 0, 0, time.UTC))
	fmt.Println(req.Header.Get("Authorization"))
	// Output: AWS4-HMAC-SHA256 Credential=AKID/20240405/us-east-1/svc/aws4_request, SignedHeaders=host;x-amz-date, Signature=e025e6f786a66b50a6f4310e852ad3ce894dafe2a12034e62e6c3c6d838fa739
}
