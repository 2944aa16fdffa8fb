package storagegateway

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/smithy-go"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/gosmith/gosmith/service/storagegateway/types"
)

const gatewayARN = "arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-12A3456B"

// recorded is one request the test server saw.
type recorded struct {
	Header http.Header
	Path   string
	Method string
	Body   []byte
}

// fakeService is a local Storage Gateway: handle answers each request and
// every request is recorded.
type fakeService struct {
	mu       sync.Mutex
	requests []recorded
	handle   func(n int, r recorded, w http.ResponseWriter)
}

func (f *fakeService) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	rec := recorded{Header: r.Header.Clone(), Path: r.URL.Path, Method: r.Method, Body: body}
	f.mu.Lock()
	f.requests = append(f.requests, rec)
	n := len(f.requests)
	f.mu.Unlock()
	f.handle(n, rec, w)
}

func (f *fakeService) count() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.requests)
}

func staticCredentials(id, secret, token string) aws.CredentialsProvider {
	return aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
		return aws.Credentials{AccessKeyID: id, SecretAccessKey: secret, SessionToken: token, Source: "test"}, nil
	})
}

// noDelay retries at once so fault tests stay fast.
func noDelay() aws.Retryer {
	return retry.NewStandard(func(o *retry.StandardOptions) {
		o.Backoff = retry.BackoffDelayerFunc(func(int, error) (time.Duration, error) { return 0, nil })
	})
}

func newTestClient(t *testing.T, handle func(n int, r recorded, w http.ResponseWriter), optFns ...func(*Options)) (*Client, *fakeService) {
	t.Helper()
	fake := &fakeService{handle: handle}
	srv := httptest.NewServer(fake)
	t.Cleanup(srv.Close)
	c := New(Options{
		Region:       "us-east-1",
		BaseEndpoint: aws.String(srv.URL),
		Credentials:  staticCredentials("AKIDEXAMPLE", "SECRET", "SESSION"),
		Retryer:      noDelay(),
	}, optFns...)
	return c, fake
}

func reply(w http.ResponseWriter, status int, body string, headers ...string) {
	for i := 0; i+1 < len(headers); i += 2 {
		w.Header().Set(headers[i], headers[i+1])
	}
	w.Header().Set("Content-Type", "application/x-amz-json-1.1")
	w.WriteHeader(status)
	io.WriteString(w, body)
}

// The seed's example: the request the docs show, and its Expected Output
// decoded into the typed output.
func TestDescribeTapeRecoveryPointsSeedExample(t *testing.T) {
	c, fake := newTestClient(t, func(_ int, _ recorded, w http.ResponseWriter) {
		reply(w, 200, `{
			"GatewayARN": "`+gatewayARN+`",
			"Marker": "1",
			"TapeRecoveryPointInfos": [{
				"TapeARN": "arn:aws:storagegateway:us-east-1:999999999:tape/AMZN01A2A4",
				"TapeRecoveryPointTime": 1481896200,
				"TapeSizeInBytes": 1471550497,
				"TapeStatus": "AVAILABLE"
			}]
		}`, "X-Amzn-RequestId", "req-1234")
	})
	out, err := c.DescribeTapeRecoveryPoints(context.Background(), &DescribeTapeRecoveryPointsInput{
		GatewayARN: aws.String(gatewayARN),
		Limit:      aws.Int32(1),
		Marker:     aws.String("1"),
	})
	if err != nil {
		t.Fatal(err)
	}

	want := &DescribeTapeRecoveryPointsOutput{
		GatewayARN: aws.String(gatewayARN),
		Marker:     aws.String("1"),
		TapeRecoveryPointInfos: []types.TapeRecoveryPointInfo{{
			TapeARN:               aws.String("arn:aws:storagegateway:us-east-1:999999999:tape/AMZN01A2A4"),
			TapeRecoveryPointTime: aws.Time(time.Date(2016, 12, 16, 13, 50, 0, 0, time.UTC)),
			TapeSizeInBytes:       aws.Int64(1471550497),
			TapeStatus:            aws.String("AVAILABLE"),
		}},
	}
	if diff := cmp.Diff(want, out, cmpopts.IgnoreFields(DescribeTapeRecoveryPointsOutput{}, "ResultMetadata")); diff != "" {
		t.Errorf("output (-want +got):\n%s", diff)
	}
	if id, _ := awsmiddleware.GetRequestIDMetadata(out.ResultMetadata); id != "req-1234" {
		t.Errorf("request ID = %q, want req-1234", id)
	}

	req := fake.requests[0]
	if req.Method != "POST" || req.Path != "/" {
		t.Errorf("request line = %s %s, want POST /", req.Method, req.Path)
	}
	for header, want := range map[string]string{
		"Content-Type":         "application/x-amz-json-1.1",
		"X-Amz-Target":         "StorageGateway_20130630.DescribeTapeRecoveryPoints",
		"X-Amz-Security-Token": "SESSION",
	} {
		if got := req.Header.Get(header); got != want {
			t.Errorf("%s = %q, want %q", header, got, want)
		}
	}
	// aws-sdk-go-v2 writes members sorted by name.
	if got, want := string(req.Body), `{"GatewayARN":"`+gatewayARN+`","Limit":1,"Marker":"1"}`; got != want {
		t.Errorf("body = %s\nwant  %s", got, want)
	}
	auth := req.Header.Get("Authorization")
	date := req.Header.Get("X-Amz-Date")
	if len(date) < 8 || !strings.HasPrefix(auth, "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/"+date[:8]+"/us-east-1/storagegateway/aws4_request, SignedHeaders=") {
		t.Errorf("Authorization = %q, want SigV4 for storagegateway in us-east-1", auth)
	}
	if !strings.Contains(auth, "x-amz-target") || !strings.Contains(auth, "x-amz-security-token") {
		t.Errorf("Authorization %q does not sign X-Amz-Target and the session token", auth)
	}
}

func TestDefaultEndpointIsRegional(t *testing.T) {
	var got string
	c := New(Options{
		Region:      "eu-west-3",
		Credentials: aws.AnonymousCredentials{},
		HTTPClient: doFunc(func(r *http.Request) (*http.Response, error) {
			got = r.URL.String()
			return &http.Response{StatusCode: 200, Body: io.NopCloser(strings.NewReader("{}")), Header: http.Header{}}, nil
		}),
	})
	if _, err := c.DescribeTapeRecoveryPoints(context.Background(), &DescribeTapeRecoveryPointsInput{GatewayARN: aws.String(gatewayARN)}); err != nil {
		t.Fatal(err)
	}
	if want := "https://storagegateway.eu-west-3.amazonaws.com/"; got != want {
		t.Errorf("URL = %s, want %s", got, want)
	}
}

type doFunc func(*http.Request) (*http.Response, error)

func (f doFunc) Do(r *http.Request) (*http.Response, error) { return f(r) }

func TestModeledErrors(t *testing.T) {
	tests := []struct {
		name    string
		status  int
		headers []string
		body    string
		check   func(t *testing.T, err error)
	}{{
		name:   "InvalidGatewayRequestException from __type with namespace",
		status: 400,
		body:   `{"__type":"com.amazonaws.storagegateway#InvalidGatewayRequestException","message":"no such gateway","error":{"errorCode":"GatewayNotFound","errorDetails":{"gateway":"sgw-1"}}}`,
		check: func(t *testing.T, err error) {
			var e *types.InvalidGatewayRequestException
			if !errors.As(err, &e) {
				t.Fatalf("errors.As(%T) failed for %v", e, err)
			}
			want := &types.InvalidGatewayRequestException{
				Message: aws.String("no such gateway"),
				Error_:  &types.StorageGatewayError{ErrorCode: types.ErrorCodeGatewayNotFound, ErrorDetails: map[string]string{"gateway": "sgw-1"}},
			}
			if diff := cmp.Diff(want, e); diff != "" {
				t.Errorf("error (-want +got):\n%s", diff)
			}
			if e.ErrorFault() != smithy.FaultClient {
				t.Errorf("fault = %v, want client", e.ErrorFault())
			}
		},
	}, {
		name:    "code from X-Amzn-ErrorType wins and loses its suffix",
		status:  400,
		headers: []string{"X-Amzn-ErrorType", "InvalidGatewayRequestException:http://internal.amazon.com/coral/"},
		body:    `{"__type":"SomethingElse","Message":"capital M"}`,
		check: func(t *testing.T, err error) {
			var e *types.InvalidGatewayRequestException
			if !errors.As(err, &e) {
				t.Fatalf("want InvalidGatewayRequestException, got %v", err)
			}
			if e.ErrorMessage() != "capital M" {
				t.Errorf("message = %q", e.ErrorMessage())
			}
		},
	}, {
		name:   "code from the code member, matched case-insensitively",
		status: 400,
		body:   `{"code":"invalidgatewayrequestexception","message":"m"}`,
		check: func(t *testing.T, err error) {
			var e *types.InvalidGatewayRequestException
			if !errors.As(err, &e) {
				t.Fatalf("want InvalidGatewayRequestException, got %v", err)
			}
		},
	}, {
		name:   "unknown code becomes a GenericAPIError",
		status: 400,
		body:   `{"__type":"aws.foo#BrandNewException","message":"what is this"}`,
		check: func(t *testing.T, err error) {
			var g *smithy.GenericAPIError
			if !errors.As(err, &g) {
				t.Fatalf("want GenericAPIError, got %T %v", err, err)
			}
			if g.Code != "BrandNewException" || g.Message != "what is this" {
				t.Errorf("generic error = %+v", g)
			}
		},
	}, {
		name:   "no code at all is UnknownError",
		status: 403,
		body:   ``,
		check: func(t *testing.T, err error) {
			var api smithy.APIError
			if !errors.As(err, &api) || api.ErrorCode() != "UnknownError" {
				t.Fatalf("want UnknownError, got %v", err)
			}
		},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, fake := newTestClient(t, func(_ int, _ recorded, w http.ResponseWriter) {
				reply(w, tt.status, tt.body, append([]string{"X-Amzn-RequestId", "req-err"}, tt.headers...)...)
			})
			_, err := c.DescribeTapeRecoveryPoints(context.Background(), &DescribeTapeRecoveryPointsInput{GatewayARN: aws.String(gatewayARN)})
			if err == nil {
				t.Fatal("want an error")
			}
			tt.check(t, err)
			var opErr *smithy.OperationError
			if !errors.As(err, &opErr) || opErr.Service() != "Storage Gateway" || opErr.Operation() != "DescribeTapeRecoveryPoints" {
				t.Errorf("want *smithy.OperationError for Storage Gateway DescribeTapeRecoveryPoints, got %v", err)
			}
			var respErr *awshttp.ResponseError
			if !errors.As(err, &respErr) || respErr.ServiceRequestID() != "req-err" || respErr.HTTPStatusCode() != tt.status {
				t.Errorf("want the request ID and status in the error chain, got %v", err)
			}
			if n := fake.count(); n != 1 {
				t.Errorf("a %d is not retried, but %d requests were sent", tt.status, n)
			}
		})
	}
}

func TestInternalServerErrorIsRetriedThenSucceeds(t *testing.T) {
	c, fake := newTestClient(t, func(n int, _ recorded, w http.ResponseWriter) {
		if n == 1 {
			reply(w, 500, `{"__type":"InternalServerError","message":"try again"}`)
			return
		}
		reply(w, 200, `{"GatewayARN":"`+gatewayARN+`"}`)
	})
	out, err := c.DescribeTapeRecoveryPoints(context.Background(), &DescribeTapeRecoveryPointsInput{GatewayARN: aws.String(gatewayARN)})
	if err != nil {
		t.Fatal(err)
	}
	if aws.ToString(out.GatewayARN) != gatewayARN {
		t.Errorf("GatewayARN = %v", out.GatewayARN)
	}
	if n := fake.count(); n != 2 {
		t.Fatalf("requests = %d, want 2", n)
	}
	first, second := fake.requests[0], fake.requests[1]
	if first.Header.Get("Authorization") == "" || second.Header.Get("Authorization") == "" {
		t.Error("every attempt must be signed")
	}
	if got := second.Header.Get("Amz-Sdk-Request"); !strings.HasPrefix(got, "attempt=2") {
		t.Errorf("amz-sdk-request on the retry = %q, want attempt=2", got)
	}
	if string(first.Body) != string(second.Body) {
		t.Errorf("the retry sent a different body: %s vs %s", first.Body, second.Body)
	}
}

func TestServerErrorsExhaustRetries(t *testing.T) {
	c, fake := newTestClient(t, func(_ int, _ recorded, w http.ResponseWriter) {
		reply(w, 500, `{"__type":"InternalServerError","message":"down"}`)
	})
	_, err := c.DescribeTapeRecoveryPoints(context.Background(), &DescribeTapeRecoveryPointsInput{GatewayARN: aws.String(gatewayARN)})
	var e *types.InternalServerError
	if !errors.As(err, &e) || e.ErrorFault() != smithy.FaultServer {
		t.Fatalf("want InternalServerError, got %v", err)
	}
	if n := fake.count(); n != 3 {
		t.Errorf("requests = %d, want the default 3 attempts", n)
	}
}

func TestRetryMaxAttemptsPerCall(t *testing.T) {
	c, fake := newTestClient(t, func(_ int, _ recorded, w http.ResponseWriter) {
		reply(w, 503, `{"__type":"ServiceUnavailable"}`)
	})
	_, err := c.DescribeTapeRecoveryPoints(context.Background(), &DescribeTapeRecoveryPointsInput{GatewayARN: aws.String(gatewayARN)},
		func(o *Options) { o.RetryMaxAttempts = 5 })
	if err == nil {
		t.Fatal("want an error")
	}
	if n := fake.count(); n != 5 {
		t.Errorf("requests = %d, want 5", n)
	}
}

// pagedServer serves recovery points "tape-0" … in pages of Limit (default
// 2), using the index of the next item as the marker.
func pagedServer(total int) func(n int, r recorded, w http.ResponseWriter) {
	return func(_ int, r recorded, w http.ResponseWriter) {
		var in struct {
			Marker *string
			Limit  *int
		}
		if err := json.Unmarshal(r.Body, &in); err != nil {
			reply(w, 400, `{"__type":"InvalidGatewayRequestException","message":"bad body"}`)
			return
		}
		start, limit := 0, 2
		if in.Marker != nil {
			fmt.Sscan(*in.Marker, &start)
		}
		if in.Limit != nil {
			limit = *in.Limit
		}
		var items []string
		for i := start; i < total && i < start+limit; i++ {
			items = append(items, fmt.Sprintf(`{"TapeARN":"tape-%d"}`, i))
		}
		marker := ""
		if start+limit < total {
			marker = fmt.Sprintf(`,"Marker":"%d"`, start+limit)
		}
		reply(w, 200, `{"TapeRecoveryPointInfos":[`+strings.Join(items, ",")+`]`+marker+`}`)
	}
}

func TestPaginatorReturnsEveryItemOnce(t *testing.T) {
	c, fake := newTestClient(t, pagedServer(7))
	p := NewDescribeTapeRecoveryPointsPaginator(c, &DescribeTapeRecoveryPointsInput{GatewayARN: aws.String(gatewayARN)},
		func(o *DescribeTapeRecoveryPointsPaginatorOptions) { o.Limit = 3 })
	var got []string
	pages := 0
	for p.HasMorePages() {
		out, err := p.NextPage(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		pages++
		for _, item := range out.TapeRecoveryPointInfos {
			got = append(got, aws.ToString(item.TapeARN))
		}
	}
	want := []string{"tape-0", "tape-1", "tape-2", "tape-3", "tape-4", "tape-5", "tape-6"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("items (-want +got):\n%s", diff)
	}
	if pages != 3 || fake.count() != 3 {
		t.Errorf("pages = %d, requests = %d, want 3 and 3", pages, fake.count())
	}
	for i, r := range fake.requests {
		if !strings.Contains(string(r.Body), `"Limit":3`) {
			t.Errorf("request %d body %s lacks the page size", i, r.Body)
		}
	}
	if _, err := p.NextPage(context.Background()); err == nil {
		t.Error("NextPage after the last page must fail")
	}
}

func TestPaginatorStartsFromTheCallersMarkerAndLimit(t *testing.T) {
	c, _ := newTestClient(t, pagedServer(5))
	p := NewDescribeTapeRecoveryPointsPaginator(c, &DescribeTapeRecoveryPointsInput{
		GatewayARN: aws.String(gatewayARN), Marker: aws.String("3"), Limit: aws.Int32(1),
	})
	var got []string
	for p.HasMorePages() {
		out, err := p.NextPage(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		for _, item := range out.TapeRecoveryPointInfos {
			got = append(got, aws.ToString(item.TapeARN))
		}
	}
	if diff := cmp.Diff([]string{"tape-3", "tape-4"}, got); diff != "" {
		t.Errorf("items (-want +got):\n%s", diff)
	}
}

func TestPaginatorStopOnDuplicateToken(t *testing.T) {
	stuck := func(_ int, _ recorded, w http.ResponseWriter) {
		reply(w, 200, `{"TapeRecoveryPointInfos":[{"TapeARN":"same"}],"Marker":"again"}`)
	}
	c, fake := newTestClient(t, stuck)
	p := NewDescribeTapeRecoveryPointsPaginator(c, &DescribeTapeRecoveryPointsInput{GatewayARN: aws.String(gatewayARN)},
		func(o *DescribeTapeRecoveryPointsPaginatorOptions) { o.StopOnDuplicateToken = true })
	for i := 0; p.HasMorePages(); i++ {
		if i == 10 {
			t.Fatal("the paginator did not stop on a repeated token")
		}
		if _, err := p.NextPage(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
	if n := fake.count(); n != 2 {
		t.Errorf("requests = %d, want 2 (the first page, then the page repeating its token)", n)
	}

	// Without the option the paginator follows the service, as v2's does.
	c, _ = newTestClient(t, stuck)
	p = NewDescribeTapeRecoveryPointsPaginator(c, &DescribeTapeRecoveryPointsInput{GatewayARN: aws.String(gatewayARN)})
	for i := 0; i < 4; i++ {
		if !p.HasMorePages() {
			t.Fatalf("page %d: stopped without StopOnDuplicateToken", i)
		}
		if _, err := p.NextPage(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
}

func TestPaginatorErrorKeepsItsPlace(t *testing.T) {
	var failed atomic.Bool
	pages := pagedServer(4)
	c, _ := newTestClient(t, func(n int, r recorded, w http.ResponseWriter) {
		if strings.Contains(string(r.Body), `"Marker":"2"`) && !failed.Swap(true) {
			reply(w, 400, `{"__type":"InvalidGatewayRequestException","message":"flaky"}`)
			return
		}
		pages(n, r, w)
	})
	p := NewDescribeTapeRecoveryPointsPaginator(c, &DescribeTapeRecoveryPointsInput{GatewayARN: aws.String(gatewayARN)})
	var got []string
	errs := 0
	for p.HasMorePages() {
		out, err := p.NextPage(context.Background())
		if err != nil {
			errs++
			if errs > 1 {
				t.Fatal(err)
			}
			continue // the caller retries the same page
		}
		for _, item := range out.TapeRecoveryPointInfos {
			got = append(got, aws.ToString(item.TapeARN))
		}
	}
	if diff := cmp.Diff([]string{"tape-0", "tape-1", "tape-2", "tape-3"}, got); diff != "" || errs != 1 {
		t.Errorf("errors = %d, items (-want +got):\n%s", errs, diff)
	}
}

func TestMissingRequiredMemberFailsBeforeSending(t *testing.T) {
	for name, input := range map[string]*DescribeTapeRecoveryPointsInput{
		"no GatewayARN": {Limit: aws.Int32(1)},
		"nil input":     nil,
	} {
		t.Run(name, func(t *testing.T) {
			c, fake := newTestClient(t, func(int, recorded, http.ResponseWriter) {})
			_, err := c.DescribeTapeRecoveryPoints(context.Background(), input)
			var invalid smithy.InvalidParamsError
			if !errors.As(err, &invalid) {
				t.Fatalf("want smithy.InvalidParamsError, got %T %v", err, err)
			}
			if !strings.Contains(err.Error(), "GatewayARN") {
				t.Errorf("error %q does not name GatewayARN", err)
			}
			var opErr *smithy.OperationError
			if !errors.As(err, &opErr) {
				t.Errorf("want the error wrapped in *smithy.OperationError, got %T", err)
			}
			if n := fake.count(); n != 0 {
				t.Errorf("%d requests were sent", n)
			}
		})
	}
}

func TestCancelledContext(t *testing.T) {
	c, fake := newTestClient(t, func(int, recorded, http.ResponseWriter) {})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := c.DescribeTapeRecoveryPoints(ctx, &DescribeTapeRecoveryPointsInput{GatewayARN: aws.String(gatewayARN)})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("want context.Canceled in the chain, got %v", err)
	}
	if n := fake.count(); n != 0 {
		t.Errorf("%d requests were sent with a cancelled context", n)
	}
}

func TestDeadlineStopsAHungServer(t *testing.T) {
	release := make(chan struct{})
	c, _ := newTestClient(t, func(int, recorded, http.ResponseWriter) { <-release })
	defer close(release)
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	_, err := c.DescribeTapeRecoveryPoints(ctx, &DescribeTapeRecoveryPointsInput{GatewayARN: aws.String(gatewayARN)})
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("want context.DeadlineExceeded, got %v", err)
	}
}

func TestMalformedResponseBodies(t *testing.T) {
	tests := []struct {
		name, body string
		mention    []string
	}{
		{"truncated", `{"GatewayARN":"arn","TapeRecoveryPointInfos":[{"TapeARN":"t"`, nil},
		{"not JSON", `<html>502 Bad Gateway</html>`, nil},
		{"wrong type", `{"GatewayARN":42}`, []string{"GatewayARN"}},
		{"integer overflow", `{"TapeRecoveryPointInfos":[{},{"TapeSizeInBytes":92233720368547758070}]}`, []string{"TapeRecoveryPointInfos[1].TapeSizeInBytes"}},
		{"fraction in an integer", `{"TapeRecoveryPointInfos":[{"TapeSizeInBytes":1.5}]}`, []string{"TapeSizeInBytes"}},
		{"list is an object", `{"TapeRecoveryPointInfos":{"TapeARN":"t"}}`, []string{"TapeRecoveryPointInfos"}},
		{"bad timestamp", `{"TapeRecoveryPointInfos":[{"TapeRecoveryPointTime":"yesterday"}]}`, []string{"TapeRecoveryPointTime"}},
		{"trailing garbage", `{"GatewayARN":"arn"} {}`, nil},
		{"top level array", `[]`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, fake := newTestClient(t, func(_ int, _ recorded, w http.ResponseWriter) { reply(w, 200, tt.body) })
			out, err := c.DescribeTapeRecoveryPoints(context.Background(), &DescribeTapeRecoveryPointsInput{GatewayARN: aws.String(gatewayARN)})
			if out != nil {
				t.Errorf("got output %+v with a malformed body", out)
			}
			var de *smithy.DeserializationError
			if !errors.As(err, &de) {
				t.Fatalf("want *smithy.DeserializationError, got %T %v", err, err)
			}
			if len(de.Snapshot) == 0 {
				t.Error("the error carries no snapshot of the body")
			}
			for _, m := range tt.mention {
				if !strings.Contains(err.Error(), m) {
					t.Errorf("error %q does not name %s", err, m)
				}
			}
			if n := fake.count(); n != 1 {
				t.Errorf("requests = %d: a malformed 200 is not retried", n)
			}
		})
	}
}

func TestResponseDecodingRules(t *testing.T) {
	c, _ := newTestClient(t, func(_ int, _ recorded, w http.ResponseWriter) {
		reply(w, 200, `{"Unknown":{"nested":[1,{"x":null}]},"GatewayARN":null,"TapeRecoveryPointInfos":[],
			"Marker":"caf\u00e9","Extra":true}`)
	})
	out, err := c.DescribeTapeRecoveryPoints(context.Background(), &DescribeTapeRecoveryPointsInput{GatewayARN: aws.String(gatewayARN)})
	if err != nil {
		t.Fatal(err)
	}
	if out.GatewayARN != nil {
		t.Errorf("null must decode as absent, got %q", *out.GatewayARN)
	}
	if out.TapeRecoveryPointInfos == nil || len(out.TapeRecoveryPointInfos) != 0 {
		t.Errorf("[] must decode as an empty non-nil slice, got %#v", out.TapeRecoveryPointInfos)
	}
	if aws.ToString(out.Marker) != "café" {
		t.Errorf("Marker = %q", aws.ToString(out.Marker))
	}
}

func TestTimestampFractionsAndLargeNumbers(t *testing.T) {
	c, _ := newTestClient(t, func(_ int, _ recorded, w http.ResponseWriter) {
		reply(w, 200, `{"TapeRecoveryPointInfos":[{"TapeRecoveryPointTime":1481896200.004,"TapeSizeInBytes":9007199254740993}]}`)
	})
	out, err := c.DescribeTapeRecoveryPoints(context.Background(), &DescribeTapeRecoveryPointsInput{GatewayARN: aws.String(gatewayARN)})
	if err != nil {
		t.Fatal(err)
	}
	info := out.TapeRecoveryPointInfos[0]
	if want := time.Date(2016, 12, 16, 13, 50, 0, 4_000_000, time.UTC); !info.TapeRecoveryPointTime.Equal(want) {
		t.Errorf("time = %v, want %v", info.TapeRecoveryPointTime, want)
	}
	if *info.TapeSizeInBytes != 9007199254740993 {
		t.Errorf("size = %d: 64-bit integers must keep full precision", *info.TapeSizeInBytes)
	}
}

func TestNewFromConfig(t *testing.T) {
	var seen *http.Request
	cfg := aws.Config{
		Region:      "ap-southeast-2",
		Credentials: staticCredentials("AKID", "SECRET", ""),
		HTTPClient: doFunc(func(r *http.Request) (*http.Response, error) {
			seen = r
			return &http.Response{StatusCode: 200, Body: io.NopCloser(strings.NewReader("{}")), Header: http.Header{}}, nil
		}),
		RetryMaxAttempts: 7,
	}
	c := NewFromConfig(cfg)
	if got := c.Options().Retryer.MaxAttempts(); got != 7 {
		t.Errorf("MaxAttempts = %d, want 7 from aws.Config", got)
	}
	if _, err := c.DescribeTapeRecoveryPoints(context.Background(), &DescribeTapeRecoveryPointsInput{GatewayARN: aws.String(gatewayARN)}); err != nil {
		t.Fatal(err)
	}
	if seen.URL.Host != "storagegateway.ap-southeast-2.amazonaws.com" {
		t.Errorf("host = %s", seen.URL.Host)
	}
	if !strings.Contains(seen.Header.Get("Authorization"), "/ap-southeast-2/storagegateway/") {
		t.Errorf("Authorization = %s", seen.Header.Get("Authorization"))
	}
}

func TestMissingRegionIsAClearError(t *testing.T) {
	c := New(Options{Credentials: aws.AnonymousCredentials{}})
	_, err := c.DescribeTapeRecoveryPoints(context.Background(), &DescribeTapeRecoveryPointsInput{GatewayARN: aws.String(gatewayARN)})
	if err == nil || !strings.Contains(strings.ToLower(err.Error()), "missing region") {
		t.Fatalf("want a missing-region error, got %v", err)
	}
}

func TestAnonymousCredentialsSendUnsigned(t *testing.T) {
	c, fake := newTestClient(t, func(_ int, _ recorded, w http.ResponseWriter) { reply(w, 200, `{}`) },
		func(o *Options) { o.Credentials = aws.AnonymousCredentials{} })
	if _, err := c.DescribeTapeRecoveryPoints(context.Background(), &DescribeTapeRecoveryPointsInput{GatewayARN: aws.String(gatewayARN)}); err != nil {
		t.Fatal(err)
	}
	if auth := fake.requests[0].Header.Get("Authorization"); auth != "" {
		t.Errorf("Authorization = %q, want none", auth)
	}
}
