//go:build gosmith_gen

// Package lambda benchmarks Lambda's ListFunctions and Invoke through
// gosmith's client, generated from the reference model into bench/gen/lambda
// (git-ignored), against aws-sdk-go-v2's service/lambda v1.71.1 (pinned in
// bench/go.mod). Both are restJson1.
//
// The generated package only exists after
//
//	go run ./codegen -model ../shared/models/lambda.json -out bench/gen/lambda \
//		-import github.com/gosmith/gosmith/bench/gen/lambda
//
// (run from the repository root; bench/lambda.sh does it). Every file here
// carries the gosmith_gen build tag, as bench/ddb's do.
package lambda

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	v2 "github.com/aws/aws-sdk-go-v2/service/lambda"
	v2types "github.com/aws/aws-sdk-go-v2/service/lambda/types"
	"github.com/google/go-cmp/cmp"

	"github.com/gosmith/gosmith/bench/canned"
	gs "github.com/gosmith/gosmith/bench/gen/lambda"
	gstypes "github.com/gosmith/gosmith/bench/gen/lambda/types"
)

const (
	region     = "us-east-1"
	account    = "111122223333"
	requestID  = "5d8a1f2e-7c3b-4e9a-b6d0-3f2a1c9e8b47"
	function   = "bench-orders-handler"
	payloadLen = 1 << 20 // Invoke's payloads: 1 MiB
)

// newCannedClient answers with status and body, and the extra headers.
func newCannedClient(status int, body []byte, header map[string]string) *canned.Client {
	c := canned.New(status, "application/json", requestID, body)
	for k, v := range header {
		c.Header.Set(k, v)
	}
	return c
}

// listFunctionsBody is a ListFunctions response with n functions, each with
// the members a real one carries (VPC, environment, layers, logging,
// SnapStart, …), ~1.3 KB each. Deterministic.
func listFunctionsBody(n int) []byte {
	var b strings.Builder
	b.Grow(64 + n*1400)
	runtimes := []string{"python3.12", "nodejs20.x", "java21", "provided.al2023", "go1.x"}
	b.WriteString(`{"Functions":[`)
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		name := fmt.Sprintf("orders-%04d-handler", i)
		arn := "arn:aws:lambda:" + region + ":" + account + ":function:" + name
		fmt.Fprintf(&b, `{"FunctionName":"%s","FunctionArn":"%s","Runtime":"%s","Role":"arn:aws:iam::%s:role/service-role/%s-role-%06x",`,
			name, arn, runtimes[i%len(runtimes)], account, name, i*7919)
		fmt.Fprintf(&b, `"Handler":"handler.main","CodeSize":%d,"Description":"Processes order events for shard %d \u2013 see runbook \"orders\"","Timeout":%d,"MemorySize":%d,`,
			1024+i*311, i%64, 3+i%900, 128<<(i%4))
		fmt.Fprintf(&b, `"LastModified":"2024-04-%02dT%02d:%02d:%02d.%03d+0000","CodeSha256":"%s","Version":"$LATEST",`,
			1+i%28, i%24, i%60, (i*7)%60, i%1000, codeSha(i))
		fmt.Fprintf(&b, `"VpcConfig":{"SubnetIds":["subnet-%08x","subnet-%08x"],"SecurityGroupIds":["sg-%08x"],"VpcId":"vpc-%08x","Ipv6AllowedForDualStack":false},`,
			i, i+1, i*3, i%7)
		fmt.Fprintf(&b, `"Environment":{"Variables":{"TABLE":"orders-%d","STAGE":"prod","LOG_LEVEL":"info"}},"TracingConfig":{"Mode":"PassThrough"},"RevisionId":"%08x-1c2d-4e5f-8a9b-%012x",`,
			i%16, i*2654435761%(1<<32), i)
		fmt.Fprintf(&b, `"Layers":[{"Arn":"arn:aws:lambda:%s:%s:layer:shared-deps:%d","CodeSize":%d}],"PackageType":"Zip","Architectures":["%s"],`,
			region, account, 1+i%9, 4096+i, []string{"x86_64", "arm64"}[i%2])
		fmt.Fprintf(&b, `"EphemeralStorage":{"Size":512},"SnapStart":{"ApplyOn":"None","OptimizationStatus":"Off"},"State":"Active","LastUpdateStatus":"Successful",`)
		fmt.Fprintf(&b, `"LoggingConfig":{"LogFormat":"Text","LogGroup":"/aws/lambda/%s"}}`, name)
	}
	fmt.Fprintf(&b, `],"NextMarker":"%s"}`, codeSha(n))
	return []byte(b.String())
}

// codeSha is a base64 string the length of a SHA-256, different per i.
func codeSha(i int) string {
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
	var s [44]byte
	x := uint32(i)*2654435761 + 12345
	for j := range 43 {
		x = x*1664525 + 1013904223
		s[j] = alphabet[x>>26]
	}
	s[43] = '='
	return string(s[:])
}

// payload is n bytes of a JSON document, as an Invoke payload would be.
func payload(n int, seed byte) []byte {
	b := make([]byte, 0, n)
	b = append(b, `{"records":[`...)
	for i := 0; len(b) < n-40; i++ {
		if i > 0 {
			b = append(b, ',')
		}
		b = fmt.Appendf(b, `{"id":%d,"v":"%c%06d"}`, i, 'a'+seed%26, i)
	}
	b = append(b, `],"pad":"`...)
	for len(b) < n-2 {
		b = append(b, 'x')
	}
	return append(b, `"}`...)
}

// newGosmith and newV2 build each client with default settings except
// RetryMaxAttempts 1. gosmith's New wraps the provider in
// aws.CredentialsCache; v2's New does not, so it gets one explicitly.
func newGosmith(hc gs.HTTPClient) *gs.Client {
	return gs.New(gs.Options{Region: region, Credentials: canned.Credentials, HTTPClient: hc, RetryMaxAttempts: 1})
}

func newV2(hc v2.HTTPClient) *v2.Client {
	return v2.New(v2.Options{Region: region, Credentials: aws.NewCredentialsCache(canned.Credentials), HTTPClient: hc, RetryMaxAttempts: 1})
}

// The same inputs in both clients.
func gsList() *gs.ListFunctionsInput {
	return &gs.ListFunctionsInput{MaxItems: aws.Int32(1000), Marker: aws.String("bWFya2VyLTAwMDE=")}
}

func v2List() *v2.ListFunctionsInput {
	return &v2.ListFunctionsInput{MaxItems: aws.Int32(1000), Marker: aws.String("bWFya2VyLTAwMDE=")}
}

func gsInvoke(p []byte) *gs.InvokeInput {
	return &gs.InvokeInput{FunctionName: aws.String(function), Qualifier: aws.String("live"),
		InvocationType: gstypes.InvocationTypeRequestResponse, LogType: gstypes.LogTypeNone, Payload: p}
}

func v2Invoke(p []byte) *v2.InvokeInput {
	return &v2.InvokeInput{FunctionName: aws.String(function), Qualifier: aws.String("live"),
		InvocationType: v2types.InvocationTypeRequestResponse, LogType: v2types.LogTypeNone, Payload: p}
}

// invokeHeaders are the headers of an Invoke response besides the body.
var invokeHeaders = map[string]string{"X-Amz-Executed-Version": "7"}

// call is one call through one client; it returns a count of what it
// decoded (functions, or payload bytes).
type call func(context.Context) (int, error)

type impl struct {
	name       string
	listCall   func(*canned.Client) call
	invokeCall func(*canned.Client, []byte) call
}

var impls = []impl{
	{
		name: "gosmith",
		listCall: func(hc *canned.Client) call {
			c, in := newGosmith(hc), gsList()
			return func(ctx context.Context) (int, error) {
				out, err := c.ListFunctions(ctx, in)
				if err != nil {
					return 0, err
				}
				return len(out.Functions), nil
			}
		},
		invokeCall: func(hc *canned.Client, p []byte) call {
			c, in := newGosmith(hc), gsInvoke(p)
			return func(ctx context.Context) (int, error) {
				out, err := c.Invoke(ctx, in)
				if err != nil {
					return 0, err
				}
				return len(out.Payload), nil
			}
		},
	},
	{
		name: "v2",
		listCall: func(hc *canned.Client) call {
			c, in := newV2(hc), v2List()
			return func(ctx context.Context) (int, error) {
				out, err := c.ListFunctions(ctx, in)
				if err != nil {
					return 0, err
				}
				return len(out.Functions), nil
			}
		},
		invokeCall: func(hc *canned.Client, p []byte) call {
			c, in := newV2(hc), v2Invoke(p)
			return func(ctx context.Context) (int, error) {
				out, err := c.Invoke(ctx, in)
				if err != nil {
					return 0, err
				}
				return len(out.Payload), nil
			}
		},
	},
}

// BenchmarkLambdaListFunctions is the whole ListFunctions call (stack,
// validation, serialization, signing, in-memory send, read, decode) with a
// response of N functions. B/s is response bytes per second.
func BenchmarkLambdaListFunctions(b *testing.B) {
	for _, im := range impls {
		b.Run("impl="+im.name, func(b *testing.B) {
			for _, n := range []int{1, 1000} {
				b.Run("functions="+strconv.Itoa(n), func(b *testing.B) {
					body := listFunctionsBody(n)
					canned.Measure(b, int64(len(body)), n, im.listCall(newCannedClient(200, body, nil)))
				})
			}
		})
	}
}

// invokeCases are the Invoke benchmarks' directions: a 1 MiB payload sent
// (and a small response), or a small payload sent and 1 MiB received.
var invokeCases = []struct {
	name          string
	request, resp []byte
}{
	{"payload=request", payload(payloadLen, 1), []byte(`{"ok":true}`)},
	{"payload=response", []byte(`{"orderId":42}`), payload(payloadLen, 2)},
}

// BenchmarkLambdaInvoke is the whole Invoke call with a 1 MiB payload on
// the request or on the response. Besides B/op it reports
// alloc-bytes/payload: the bytes allocated per call over the payload's
// size, i.e. how many copies of the payload a call makes (plus the call's
// own small allocations, ~0.02 of 1 MiB). B/s is payload bytes per second.
func BenchmarkLambdaInvoke(b *testing.B) {
	ctx := context.Background()
	for _, im := range impls {
		b.Run("impl="+im.name, func(b *testing.B) {
			for _, tc := range invokeCases {
				b.Run(tc.name, func(b *testing.B) {
					do := im.invokeCall(newCannedClient(200, tc.resp, invokeHeaders), tc.request)
					if got, err := do(ctx); err != nil || got != len(tc.resp) {
						b.Fatalf("got %d payload bytes, %v; want %d", got, err, len(tc.resp))
					}
					b.SetBytes(payloadLen)
					b.ReportAllocs()
					var before, after runtime.MemStats
					runtime.ReadMemStats(&before)
					b.ResetTimer()
					for i := 0; i < b.N; i++ {
						if _, err := do(ctx); err != nil {
							b.Fatal(err)
						}
					}
					b.StopTimer()
					runtime.ReadMemStats(&after)
					b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/float64(b.N)/payloadLen, "alloc-bytes/payload")
				})
			}
		})
	}
}

// allocatedPerCall is the bytes one call of do allocates, averaged over runs.
func allocatedPerCall(t *testing.T, do call, runs int) float64 {
	t.Helper()
	ctx := context.Background()
	if _, err := do(ctx); err != nil { // warm up: the once-per-client setup
		t.Fatal(err)
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	for range runs {
		if _, err := do(ctx); err != nil {
			t.Fatal(err)
		}
	}
	runtime.ReadMemStats(&after)
	return float64(after.TotalAlloc-before.TotalAlloc) / float64(runs)
}

// TestInvokeHoldsOneCopyOfThePayload: gosmith's Invoke sends the caller's
// 1 MiB payload without copying it (the request body reads the caller's
// slice), and reads a 1 MiB response payload into memory once. The bound
// leaves the call's own allocations (~20 KiB) room.
func TestInvokeHoldsOneCopyOfThePayload(t *testing.T) {
	gosmith := impls[0]
	for _, tc := range []struct {
		name          string
		request, resp []byte
		maxCopies     float64
	}{
		{"request", payload(payloadLen, 1), []byte(`{"ok":true}`), 0.1},
		{"response", []byte(`{"orderId":42}`), payload(payloadLen, 2), 1.1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			do := gosmith.invokeCall(newCannedClient(200, tc.resp, invokeHeaders), tc.request)
			got := allocatedPerCall(t, do, 20) / payloadLen
			t.Logf("allocated %.3f × the payload per call", got)
			if got > tc.maxCopies {
				t.Errorf("allocated %.3f × the 1 MiB payload per call, want <= %.1f", got, tc.maxCopies)
			}
		})
	}
}

// sent is an implementation-neutral request.
type sent struct {
	Method, Path, Query string
	Header              map[string]string
	Body                []byte
}

// capture records the request a client sends, with the headers both
// clients must agree on.
func capture(t *testing.T, dst *sent, status int, body []byte, header map[string]string) *canned.Client {
	hc := newCannedClient(status, body, header)
	hc.Seen = func(r *http.Request, b []byte) {
		q, _ := url.ParseQuery(r.URL.RawQuery)
		*dst = sent{Method: r.Method, Path: r.URL.EscapedPath(), Query: q.Encode(), Header: map[string]string{}, Body: b}
		for _, k := range []string{"Content-Type", "Content-Length", "X-Amz-Invocation-Type", "X-Amz-Log-Type", "X-Amz-Client-Context"} {
			if v := r.Header.Get(k); v != "" {
				dst.Header[k] = v
			}
		}
		if r.ContentLength != int64(len(b)) {
			t.Errorf("%s %s: ContentLength %d, body %d bytes", r.Method, r.URL.Path, r.ContentLength, len(b))
		}
		if !strings.HasPrefix(r.Header.Get("Authorization"), "AWS4-HMAC-SHA256 ") {
			t.Errorf("%s %s is not signed", r.Method, r.URL.Path)
		}
	}
	return hc
}

// TestSameListFunctions checks both clients send the same request and decode
// the same output (compared as JSON: the two clients' output types have the
// same fields) for 0, 1 and 1000 functions.
func TestSameListFunctions(t *testing.T) {
	ctx := context.Background()
	for _, n := range []int{0, 1, 1000} {
		t.Run("functions="+strconv.Itoa(n), func(t *testing.T) {
			body := listFunctionsBody(n)
			var gSent, vSent sent
			gOut, err := newGosmith(capture(t, &gSent, 200, body, nil)).ListFunctions(ctx, gsList())
			if err != nil {
				t.Fatal(err)
			}
			vOut, err := newV2(capture(t, &vSent, 200, body, nil)).ListFunctions(ctx, v2List())
			if err != nil {
				t.Fatal(err)
			}
			if gSent.Path != "/2015-03-31/functions" || gSent.Query != "Marker=bWFya2VyLTAwMDE%3D&MaxItems=1000" {
				t.Errorf("gosmith sent %s ?%s", gSent.Path, gSent.Query)
			}
			if diff := cmp.Diff(vSent, gSent); diff != "" {
				t.Errorf("requests differ (-v2 +gosmith):\n%s", diff)
			}
			if len(gOut.Functions) != n {
				t.Fatalf("gosmith decoded %d functions, want %d", len(gOut.Functions), n)
			}
			if n > 0 {
				f := gOut.Functions[n-1]
				if f.VpcConfig == nil || len(f.VpcConfig.SubnetIds) != 2 || f.Environment == nil || len(f.Environment.Variables) != 3 ||
					len(f.Layers) != 1 || f.LoggingConfig == nil || f.SnapStart == nil || f.MemorySize == nil {
					t.Errorf("last function decoded without its nested members: %+v", f)
				}
			}
			gOut.ResultMetadata, vOut.ResultMetadata = gs.ListFunctionsOutput{}.ResultMetadata, v2.ListFunctionsOutput{}.ResultMetadata
			if diff := cmp.Diff(asJSON(t, vOut), asJSON(t, gOut)); diff != "" {
				t.Errorf("outputs differ (-v2 +gosmith):\n%s", diff)
			}
		})
	}
}

// TestSameInvoke checks both clients send the same Invoke request (method,
// path, query, headers, the 1 MiB body) and decode the same output.
func TestSameInvoke(t *testing.T) {
	ctx := context.Background()
	for _, tc := range invokeCases {
		t.Run(tc.name, func(t *testing.T) {
			var gSent, vSent sent
			gOut, err := newGosmith(capture(t, &gSent, 200, tc.resp, invokeHeaders)).Invoke(ctx, gsInvoke(tc.request))
			if err != nil {
				t.Fatal(err)
			}
			vOut, err := newV2(capture(t, &vSent, 200, tc.resp, invokeHeaders)).Invoke(ctx, v2Invoke(tc.request))
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(gSent.Body, tc.request) {
				t.Errorf("gosmith sent a body of %d bytes, not the %d-byte payload", len(gSent.Body), len(tc.request))
			}
			if gSent.Path != "/2015-03-31/functions/"+function+"/invocations" || gSent.Query != "Qualifier=live" {
				t.Errorf("gosmith sent %s ?%s", gSent.Path, gSent.Query)
			}
			if diff := cmp.Diff(vSent, gSent); diff != "" {
				t.Errorf("requests differ (-v2 +gosmith):\n%s", diff)
			}
			if !bytes.Equal(gOut.Payload, tc.resp) || aws.ToString(gOut.ExecutedVersion) != "7" || gOut.StatusCode != 200 {
				t.Errorf("gosmith decoded %d payload bytes, executed version %q, status %d", len(gOut.Payload), aws.ToString(gOut.ExecutedVersion), gOut.StatusCode)
			}
			gOut.ResultMetadata, vOut.ResultMetadata = gs.InvokeOutput{}.ResultMetadata, v2.InvokeOutput{}.ResultMetadata
			if diff := cmp.Diff(asJSON(t, vOut), asJSON(t, gOut)); diff != "" {
				t.Errorf("outputs differ (-v2 +gosmith):\n%s", diff)
			}
		})
	}
}

// asJSON is v as a JSON value (maps, slices, strings, float64s).
func asJSON(t *testing.T, v any) any {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var out any
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	return out
}
