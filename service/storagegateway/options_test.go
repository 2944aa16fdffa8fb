package storagegateway

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/smithy-go"
	"github.com/aws/smithy-go/logging"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

type captureLogger struct {
	mu  sync.Mutex
	buf strings.Builder
}

func (l *captureLogger) Logf(_ logging.Classification, format string, v ...any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	fmt.Fprintf(&l.buf, format+"\n", v...)
}

func TestClientLogModeRedactsCredentials(t *testing.T) {
	logger := &captureLogger{}
	c, fake := newTestClient(t, func(_ int, _ recorded, w http.ResponseWriter) {
		reply(w, 200, `{"GatewayARN":"from-the-response"}`)
	}, func(o *Options) {
		o.Logger = logger
		o.ClientLogMode = aws.LogRequestWithBody | aws.LogResponseWithBody
	})
	if _, err := c.DescribeTapeRecoveryPoints(context.Background(), &DescribeTapeRecoveryPointsInput{GatewayARN: aws.String(gatewayARN)}); err != nil {
		t.Fatal(err)
	}
	log := logger.buf.String()
	for _, want := range []string{"X-Amz-Target: StorageGateway_20130630.DescribeTapeRecoveryPoints", gatewayARN, "from-the-response", "Authorization: [REDACTED]"} {
		if !strings.Contains(log, want) {
			t.Errorf("log lacks %q:\n%s", want, log)
		}
	}
	signature := fake.requests[0].Header.Get("Authorization")
	signature = signature[strings.LastIndex(signature, "=")+1:]
	for _, secret := range []string{"SESSION", "SECRET", signature} {
		if strings.Contains(log, secret) {
			t.Errorf("log leaks %q:\n%s", secret, log)
		}
	}
}

func TestAPIOptionsMiddleware(t *testing.T) {
	addHeader := func(stack *middleware.Stack) error {
		return stack.Build.Add(middleware.BuildMiddlewareFunc("AddHeader", func(ctx context.Context, in middleware.BuildInput, next middleware.BuildHandler) (middleware.BuildOutput, middleware.Metadata, error) {
			in.Request.(*smithyhttp.Request).Header.Set("X-Custom", "yes")
			return next.HandleBuild(ctx, in)
		}), middleware.After)
	}
	c, fake := newTestClient(t, func(_ int, _ recorded, w http.ResponseWriter) { reply(w, 200, `{}`) },
		func(o *Options) { o.APIOptions = append(o.APIOptions, addHeader) })
	if _, err := c.DescribeTapeRecoveryPoints(context.Background(), &DescribeTapeRecoveryPointsInput{GatewayARN: aws.String(gatewayARN)}); err != nil {
		t.Fatal(err)
	}
	if got := fake.requests[0].Header.Get("X-Custom"); got != "yes" {
		t.Errorf("X-Custom = %q: APIOptions middleware did not run", got)
	}

	boom := errors.New("middleware says no")
	_, err := c.DescribeTapeRecoveryPoints(context.Background(), &DescribeTapeRecoveryPointsInput{GatewayARN: aws.String(gatewayARN)},
		func(o *Options) {
			o.APIOptions = append(o.APIOptions, func(*middleware.Stack) error { return boom })
		})
	var opErr *smithy.OperationError
	if !errors.Is(err, boom) || !errors.As(err, &opErr) {
		t.Fatalf("want the middleware's error inside *smithy.OperationError, got %v", err)
	}
	if n := fake.count(); n != 1 {
		t.Errorf("requests = %d, want 1 (the failing call sends nothing)", n)
	}
	// Per-call options do not leak into the client.
	if len(c.Options().APIOptions) != 1 {
		t.Errorf("client APIOptions = %d, want 1", len(c.Options().APIOptions))
	}
}

func TestClientIsSafeForConcurrentUse(t *testing.T) {
	c, fake := newTestClient(t, pagedServer(3))
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	for i := 0; i < 64; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out, err := c.DescribeTapeRecoveryPoints(context.Background(), &DescribeTapeRecoveryPointsInput{GatewayARN: aws.String(gatewayARN)})
			if err == nil && len(out.TapeRecoveryPointInfos) != 2 {
				err = fmt.Errorf("got %d items", len(out.TapeRecoveryPointInfos))
			}
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	if fake.count() != 64 {
		t.Errorf("requests = %d", fake.count())
	}
}

func TestZeroOptionsFailCleanly(t *testing.T) {
	var c *Client
	func() {
		defer func() {
			if r := recover(); r != nil {
				t.Fatalf("New(Options{}) panicked: %v", r)
			}
		}()
		c = New(Options{})
	}()
	_, err := c.DescribeTapeRecoveryPoints(context.Background(), &DescribeTapeRecoveryPointsInput{GatewayARN: aws.String(gatewayARN)})
	if err == nil || !strings.Contains(strings.ToLower(err.Error()), "region") {
		t.Fatalf("want a missing-region error, got %v", err)
	}
	// Per-call options that unset everything are just as safe.
	c, _ = newTestClient(t, func(int, recorded, http.ResponseWriter) {})
	_, err = c.DescribeTapeRecoveryPoints(context.Background(), &DescribeTapeRecoveryPointsInput{GatewayARN: aws.String(gatewayARN)},
		func(o *Options) { *o = Options{} })
	if err == nil {
		t.Fatal("want an error with every option unset")
	}
}

func TestCancelMidPagination(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	pages := pagedServer(9)
	c, fake := newTestClient(t, pages)
	p := NewDescribeTapeRecoveryPointsPaginator(c, &DescribeTapeRecoveryPointsInput{GatewayARN: aws.String(gatewayARN)},
		func(o *DescribeTapeRecoveryPointsPaginatorOptions) { o.Limit = 3 })
	first, err := p.NextPage(ctx)
	if err != nil || len(first.TapeRecoveryPointInfos) != 3 {
		t.Fatalf("first page: %v, %v", first, err)
	}
	cancel()
	if !p.HasMorePages() {
		t.Fatal("the paginator lost its place")
	}
	_, err = p.NextPage(ctx)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("want context.Canceled, got %v", err)
	}
	if n := fake.count(); n != 1 {
		t.Errorf("requests = %d: nothing is sent after cancellation", n)
	}
	// A fresh context resumes where the paginator stopped: no gap, no repeat.
	var rest []string
	for p.HasMorePages() {
		out, err := p.NextPage(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		for _, it := range out.TapeRecoveryPointInfos {
			rest = append(rest, aws.ToString(it.TapeARN))
		}
	}
	if strings.Join(rest, ",") != "tape-3,tape-4,tape-5,tape-6,tape-7,tape-8" {
		t.Errorf("resumed items = %v", rest)
	}
}
