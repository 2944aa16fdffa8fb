package storagegateway

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/smithy-go"
)

// faultServer is a raw TCP server, so a test can misbehave below HTTP:
// reset the connection mid-body or close it early. Each connection gets the
// next behaviour from the script; the last one repeats.
type faultServer struct {
	ln     net.Listener
	mu     sync.Mutex
	script []func(net.Conn, *http.Request)
	n      int
}

func newFaultServer(t *testing.T, script ...func(net.Conn, *http.Request)) *faultServer {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := &faultServer{ln: ln, script: script}
	t.Cleanup(func() { ln.Close() })
	go s.serve()
	return s
}

func (s *faultServer) url() string { return "http://" + s.ln.Addr().String() }

func (s *faultServer) requests() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.n
}

func (s *faultServer) serve() {
	for {
		conn, err := s.ln.Accept()
		if err != nil {
			return
		}
		go func() {
			defer conn.Close()
			r := bufio.NewReader(conn)
			for {
				req, err := http.ReadRequest(r)
				if err != nil {
					return
				}
				io.Copy(io.Discard, req.Body)
				s.mu.Lock()
				step := s.script[min(s.n, len(s.script)-1)]
				s.n++
				s.mu.Unlock()
				step(conn, req)
			}
		}()
	}
}

func respond(status int, body string) func(net.Conn, *http.Request) {
	return func(c net.Conn, _ *http.Request) {
		fmt.Fprintf(c, "HTTP/1.1 %d %s\r\nContent-Type: application/x-amz-json-1.1\r\nContent-Length: %d\r\n\r\n%s", status, http.StatusText(status), len(body), body)
	}
}

// resetMidBody announces a body, sends part of it, then resets the
// connection (RST, not FIN).
func resetMidBody(c net.Conn, _ *http.Request) {
	fmt.Fprintf(c, "HTTP/1.1 200 OK\r\nContent-Type: application/x-amz-json-1.1\r\nContent-Length: 500\r\n\r\n{\"TapeRecoveryPointInfos\":[{\"TapeARN\":\"t")
	time.Sleep(10 * time.Millisecond)
	if tc, ok := c.(*net.TCPConn); ok {
		tc.SetLinger(0)
	}
	c.Close()
}

// closeEarly announces more body than it sends, then closes cleanly.
func closeEarly(c net.Conn, _ *http.Request) {
	fmt.Fprintf(c, "HTTP/1.1 200 OK\r\nContent-Length: 500\r\n\r\n{\"GatewayARN\":")
	c.Close()
}

func faultClient(url string, optFns ...func(*Options)) *Client {
	return New(Options{
		Region:       "us-east-1",
		BaseEndpoint: aws.String(url),
		Credentials:  staticCredentials("AKID", "SECRET", ""),
		Retryer:      noDelay(),
		HTTPClient:   &http.Client{Transport: &http.Transport{DisableKeepAlives: true}},
	}, optFns...)
}

const okBody = `{"GatewayARN":"` + gatewayARN + `","TapeRecoveryPointInfos":[{"TapeARN":"t1"}]}`

func TestFaultsAreRetriedUntilSuccess(t *testing.T) {
	tests := []struct {
		name   string
		script []func(net.Conn, *http.Request)
		tries  int
	}{
		{"500 then success", []func(net.Conn, *http.Request){respond(500, `{"__type":"InternalServerError"}`), respond(200, okBody)}, 2},
		{"503 twice then success", []func(net.Conn, *http.Request){respond(503, `{}`), respond(503, `{}`), respond(200, okBody)}, 3},
		{"throttling then success", []func(net.Conn, *http.Request){respond(400, `{"__type":"ThrottlingException","message":"slow down"}`), respond(200, okBody)}, 2},
		{"connection reset mid-body then success", []func(net.Conn, *http.Request){resetMidBody, respond(200, okBody)}, 2},
		{"body cut short then success", []func(net.Conn, *http.Request){closeEarly, respond(200, okBody)}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newFaultServer(t, tt.script...)
			out, err := faultClient(srv.url()).DescribeTapeRecoveryPoints(context.Background(), &DescribeTapeRecoveryPointsInput{GatewayARN: aws.String(gatewayARN)})
			if err != nil {
				t.Fatalf("want success after retries, got %v", err)
			}
			if len(out.TapeRecoveryPointInfos) != 1 {
				t.Errorf("output = %+v", out)
			}
			if n := srv.requests(); n != tt.tries {
				t.Errorf("requests = %d, want %d", n, tt.tries)
			}
		})
	}
}

func TestFaultsThatAreNotRetried(t *testing.T) {
	// A complete response whose JSON is truncated is a bad response, not a
	// network fault: one attempt, a DeserializationError.
	srv := newFaultServer(t, respond(200, `{"GatewayARN":"arn","TapeRecoveryPointInfos":[{`))
	_, err := faultClient(srv.url()).DescribeTapeRecoveryPoints(context.Background(), &DescribeTapeRecoveryPointsInput{GatewayARN: aws.String(gatewayARN)})
	var de *smithy.DeserializationError
	if !errors.As(err, &de) || !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Fatalf("want a DeserializationError for truncated JSON, got %v", err)
	}
	if n := srv.requests(); n != 1 {
		t.Errorf("requests = %d, want 1", n)
	}

	// Faults that persist exhaust the attempts and return the last error.
	srv = newFaultServer(t, resetMidBody)
	_, err = faultClient(srv.url()).DescribeTapeRecoveryPoints(context.Background(), &DescribeTapeRecoveryPointsInput{GatewayARN: aws.String(gatewayARN)})
	// The reset surfaces as "connection reset" or "use of closed network
	// connection", depending on when the kernel reports it.
	if err == nil || !strings.Contains(err.Error(), "failed to read response body") || !strings.Contains(err.Error(), "maximum number of attempts") {
		t.Fatalf("want the body read failure after the last attempt, got %v", err)
	}
	if n := srv.requests(); n != 3 {
		t.Errorf("requests = %d, want 3 attempts", n)
	}
}

func TestDeadlineStopsBackoff(t *testing.T) {
	srv := newFaultServer(t, respond(503, `{}`))
	// The default retryer's backoff can wait up to seconds; the deadline
	// must cut it short rather than wait it out.
	c := faultClient(srv.url(), func(o *Options) { o.Retryer = nil; o.RetryMaxAttempts = 10 })
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := c.DescribeTapeRecoveryPoints(ctx, &DescribeTapeRecoveryPointsInput{GatewayARN: aws.String(gatewayARN)})
	if err == nil {
		t.Fatal("want an error")
	}
	if elapsed := time.Since(start); elapsed > 5*time.Second {
		t.Errorf("the call took %v after a 300ms deadline", elapsed)
	}
}

// A paginator run against a flaky service returns every item exactly once,
// or an error: never a silent gap.
func TestPaginatorUnderFaults(t *testing.T) {
	const total = 40
	pages := pagedServer(total)
	var mu sync.Mutex
	calls := 0
	c, _ := newTestClient(t, func(n int, r recorded, w http.ResponseWriter) {
		mu.Lock()
		calls++
		k := calls
		mu.Unlock()
		switch k % 4 {
		case 1: // every fourth call fails once with a retryable error
			reply(w, 500, `{"__type":"InternalServerError"}`)
		case 3:
			reply(w, 400, `{"__type":"ThrottlingException"}`)
		default:
			pages(n, r, w)
		}
	})
	p := NewDescribeTapeRecoveryPointsPaginator(c, &DescribeTapeRecoveryPointsInput{GatewayARN: aws.String(gatewayARN)},
		func(o *DescribeTapeRecoveryPointsPaginatorOptions) { o.Limit = 3 })
	seen := map[string]int{}
	for p.HasMorePages() {
		out, err := p.NextPage(context.Background())
		if err != nil {
			t.Fatalf("NextPage: %v (retries should absorb these faults)", err)
		}
		for _, it := range out.TapeRecoveryPointInfos {
			seen[aws.ToString(it.TapeARN)]++
		}
	}
	if len(seen) != total {
		t.Errorf("got %d distinct items, want %d", len(seen), total)
	}
	for k, n := range seen {
		if n != 1 {
			t.Errorf("%s returned %d times", k, n)
		}
	}
}
