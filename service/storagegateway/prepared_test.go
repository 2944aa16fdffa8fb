package storagegateway

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/aws/smithy-go/middleware"
	"github.com/google/go-cmp/cmp"
)

// A call without optFns on a client without APIOptions runs the
// operation's prepared stack; any APIOption gives the call a stack of its
// own. These tests run the same calls both ways and want the same
// requests, outputs, errors and metadata.

// scriptedHTTP answers the n-th request of a call with script[n] (the
// last one over and over) and records every request as sent.
type scriptedHTTP struct {
	mu       sync.Mutex
	script   []scriptedReply
	sent     int
	requests []sentRequest
}

type scriptedReply struct {
	status int
	body   string
}

type sentRequest struct {
	Method, URL, Host string
	ContentLength     int64
	Header            http.Header
	Body              string
}

func (h *scriptedHTTP) Do(r *http.Request) (*http.Response, error) {
	var body []byte
	if r.Body != nil {
		body, _ = io.ReadAll(r.Body)
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	h.requests = append(h.requests, sentRequest{r.Method, r.URL.String(), r.Host, r.ContentLength, r.Header.Clone(), string(body)})
	rep := h.script[min(h.sent, len(h.script)-1)]
	h.sent++
	header := http.Header{"Content-Type": {"application/x-amz-json-1.1"}, "X-Amzn-Requestid": {"req-" + strconv.Itoa(h.sent)}}
	if rep.status >= 300 {
		var e struct {
			Type string `json:"__type"`
		}
		_ = json.Unmarshal([]byte(rep.body), &e)
		header.Set("X-Amzn-Errortype", e.Type)
	}
	return &http.Response{StatusCode: rep.status, Status: strconv.Itoa(rep.status) + " " + http.StatusText(rep.status),
		Header: header, Body: io.NopCloser(strings.NewReader(rep.body)), ContentLength: int64(len(rep.body)), Request: r}, nil
}

func TestPreparedStackCallsAsAFreshStack(t *testing.T) {
	ok := scriptedReply{200, `{"GatewayARN":"` + gatewayARN + `","TapeRecoveryPointInfos":[{"TapeARN":"tape-1","TapeRecoveryPointTime":1712345678.123,"TapeSizeInBytes":107374182400,"TapeStatus":"AVAILABLE"}]}`}
	internal := scriptedReply{500, `{"__type":"InternalServerError","message":"try again"}`}
	invalid := scriptedReply{400, `{"__type":"InvalidGatewayRequestException","message":"no such gateway","error":{"errorCode":"GatewayNotFound"}}`}
	tests := []struct {
		name   string
		script []scriptedReply
		opts   func(*Options)
	}{
		{"success", []scriptedReply{ok}, nil},
		{"retried then success", []scriptedReply{internal, internal, ok}, nil},
		{"retries exhausted", []scriptedReply{internal}, nil},
		{"modeled error", []scriptedReply{invalid}, nil},
		{"session token and app ID", []scriptedReply{ok}, func(o *Options) {
			o.Credentials = staticCredentials("AKIDEXAMPLE", "SECRET", "SESSION")
			o.AppID = "my-app"
		}},
		{"base endpoint with a path and a port", []scriptedReply{ok}, func(o *Options) { o.BaseEndpoint = aws.String("https://example.com:443/base") }},
		{"anonymous", []scriptedReply{ok}, func(o *Options) { o.Credentials = aws.AnonymousCredentials{} }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got [2]string
			var sent [2][]sentRequest
			for i, fresh := range []bool{false, true} {
				h := &scriptedHTTP{script: tt.script}
				opts := Options{
					Region:      "us-east-1",
					Credentials: staticCredentials("AKIDEXAMPLE", "SECRET", ""),
					HTTPClient:  h,
					Retryer:     noDelay(),
				}
				if tt.opts != nil {
					tt.opts(&opts)
				}
				if fresh {
					opts.APIOptions = append(opts.APIOptions, func(*middleware.Stack) error { return nil })
				}
				c := New(opts)
				var calls []string
				for range 2 { // the second call reuses the prepared stack
					h.sent = 0
					out, err := c.DescribeTapeRecoveryPoints(context.Background(), &DescribeTapeRecoveryPointsInput{GatewayARN: aws.String(gatewayARN), Limit: aws.Int32(5)})
					calls = append(calls, describeCall(out, err))
				}
				got[i] = strings.Join(calls, "\n")
				sent[i] = h.requests
			}
			if got[0] != got[1] {
				t.Errorf("prepared stack:\n%s\nfresh stack:\n%s", got[0], got[1])
			}
			for i := range sent {
				for _, r := range sent[i] {
					checkSignature(t, r)
				}
			}
			if diff := cmp.Diff(comparable(sent[1]), comparable(sent[0])); diff != "" {
				t.Errorf("requests (-fresh stack +prepared):\n%s", diff)
			}
		})
	}
}

// describeCall is what a caller can see of a call: the output, the error,
// and the metadata's request ID and attempts.
func describeCall(out *DescribeTapeRecoveryPointsOutput, err error) string {
	var md middleware.Metadata
	var b strings.Builder
	if err != nil {
		fmt.Fprintf(&b, "error %T: %v\n", err, err)
	} else {
		md = out.ResultMetadata
		out.ResultMetadata = middleware.Metadata{}
		j, _ := json.Marshal(out)
		fmt.Fprintf(&b, "output %s\n", j)
		id, _ := awsmiddleware.GetRequestIDMetadata(md)
		fmt.Fprintf(&b, "request ID %s\n", id)
		attempts, _ := retry.GetAttemptResults(md)
		for _, a := range attempts.Results {
			id, _ := awsmiddleware.GetRequestIDMetadata(a.ResponseMetadata)
			fmt.Fprintf(&b, "attempt retried=%v retryable=%v err=%v request ID %s\n", a.Retried, a.Retryable, a.Err, id)
		}
	}
	return b.String()
}

// comparable drops what differs from call to call: the invocation ID, the
// signing time and the signature over it (checkSignature checks that).
func comparable(rs []sentRequest) []sentRequest {
	var out []sentRequest
	for _, r := range rs {
		r.Header = r.Header.Clone()
		for _, h := range []string{"Amz-Sdk-Invocation-Id", "X-Amz-Date", "Authorization"} {
			r.Header.Del(h)
		}
		out = append(out, r)
	}
	return out
}

// checkSignature signs the request again with aws-sdk-go-v2's signer at
// its X-Amz-Date and wants the same Authorization.
func checkSignature(t *testing.T, r sentRequest) {
	t.Helper()
	auth := r.Header.Get("Authorization")
	if auth == "" {
		return
	}
	when, err := time.Parse("20060102T150405Z", r.Header.Get("X-Amz-Date"))
	if err != nil {
		t.Fatal(err)
	}
	req, _ := http.NewRequest(r.Method, r.URL, bytes.NewReader([]byte(r.Body)))
	req.Host, req.ContentLength, req.Header = r.Host, r.ContentLength, r.Header.Clone()
	req.Header.Del("Authorization")
	creds := aws.Credentials{AccessKeyID: "AKIDEXAMPLE", SecretAccessKey: "SECRET", SessionToken: r.Header.Get("X-Amz-Security-Token")}
	hash := r.Header.Get("X-Amz-Content-Sha256")
	if hash == "" {
		hash = v4PayloadHash(r.Body)
	}
	if err := v4.NewSigner().SignHTTP(context.Background(), creds, req, hash, "storagegateway", "us-east-1", when); err != nil {
		t.Fatal(err)
	}
	if want := req.Header.Get("Authorization"); auth != want {
		t.Errorf("Authorization\n got %s\nwant %s", auth, want)
	}
}

// TestPreparedStackServesConcurrentCalls: calls at once on one client, each
// with its own input, each get their own answer (run with -race).
func TestPreparedStackServesConcurrentCalls(t *testing.T) {
	echo := echoGatewayHTTP{}
	c := New(Options{Region: "us-east-1", Credentials: staticCredentials("AKIDEXAMPLE", "SECRET", ""), HTTPClient: echo, Retryer: noDelay()})
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 50 {
				arn := fmt.Sprintf("%s-%d-%d", gatewayARN, g, i)
				out, err := c.DescribeTapeRecoveryPoints(context.Background(), &DescribeTapeRecoveryPointsInput{GatewayARN: aws.String(arn)})
				if err != nil {
					t.Error(err)
					return
				}
				if aws.ToString(out.GatewayARN) != arn {
					t.Errorf("asked for %s, got the answer for %s", arn, aws.ToString(out.GatewayARN))
				}
				if id, _ := awsmiddleware.GetRequestIDMetadata(out.ResultMetadata); id != arn {
					t.Errorf("request ID %s for %s", id, arn)
				}
			}
		}()
	}
	wg.Wait()
}

// echoGatewayHTTP answers with the request's GatewayARN, also as the
// request ID.
type echoGatewayHTTP struct{}

func (echoGatewayHTTP) Do(r *http.Request) (*http.Response, error) {
	var in struct{ GatewayARN string }
	if err := json.NewDecoder(r.Body).Decode(&in); err != nil {
		return nil, err
	}
	body := `{"GatewayARN":"` + in.GatewayARN + `"}`
	return &http.Response{StatusCode: 200, Header: http.Header{"X-Amzn-Requestid": {in.GatewayARN}},
		Body: io.NopCloser(strings.NewReader(body)), ContentLength: int64(len(body))}, nil
}

func v4PayloadHash(body string) string {
	sum := sha256.Sum256([]byte(body))
	return hex.EncodeToString(sum[:])
}
