package storagegateway

// A successful response is decoded as its body arrives, through a read
// buffer and decoder the client reuses across calls. These tests hold the
// streaming path to what reading the whole body first gave: intact outputs,
// retryable read faults, clear decode errors.

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/iotest"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/smithy-go"
	"github.com/google/go-cmp/cmp"

	"github.com/gosmith/gosmith/service/storagegateway/types"
)

// streamClient answers attempt n (from 0) with respond(n).
func streamClient(attempts int, respond func(n int, r *http.Request) *http.Response) (*Client, *atomic.Int32) {
	var calls atomic.Int32
	return New(Options{
		Region:           "us-east-1",
		Credentials:      aws.AnonymousCredentials{},
		Retryer:          noDelay(),
		RetryMaxAttempts: attempts,
		HTTPClient: doFunc(func(r *http.Request) (*http.Response, error) {
			return respond(int(calls.Add(1)-1), r), nil
		}),
	}), &calls
}

func okResponse(r *http.Request, body io.Reader, length int64) *http.Response {
	return &http.Response{StatusCode: 200, Header: http.Header{}, ContentLength: length, Body: io.NopCloser(body), Request: r}
}

// pointsBody is a response of n points whose strings all carry tag.
func pointsBody(tag string, n int) ([]byte, []types.TapeRecoveryPointInfo) {
	var b bytes.Buffer
	var want []types.TapeRecoveryPointInfo
	b.WriteString(`{"TapeRecoveryPointInfos":[`)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		arn := fmt.Sprintf("arn:aws:storagegateway:us-east-1:111122223333:tape/%s%05d", tag, i)
		status := tag + `-\"quoted\"` // escaped: unescaped through the decoder's scratch buffer
		fmt.Fprintf(&b, `{"TapeARN":%q,"TapeStatus":"%s","TapeSizeInBytes":%d}`, arn, status, i)
		want = append(want, types.TapeRecoveryPointInfo{TapeARN: aws.String(arn), TapeStatus: aws.String(tag + `-"quoted"`), TapeSizeInBytes: aws.Int64(int64(i))})
	}
	b.WriteString(`]}`)
	return b.Bytes(), want
}

// An output must not share memory with the buffers the next call reuses:
// outputs decoded earlier stay intact while 64 goroutines decode others.
func TestOutputsSurviveLaterCalls(t *testing.T) {
	first, want := pointsBody("first", 2000)
	bodies := make([][]byte, 8)
	for i := range bodies {
		bodies[i], _ = pointsBody(fmt.Sprintf("other%d", i), 500+i*300)
	}
	c, _ := streamClient(1, func(n int, r *http.Request) *http.Response {
		body := first
		if n > 0 {
			body = bodies[n%len(bodies)]
		}
		return okResponse(r, iotest.HalfReader(bytes.NewReader(body)), int64(len(body)))
	})
	out, err := describe(c)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 64 {
		wg.Go(func() {
			for range 5 {
				if _, err := describe(c); err != nil {
					t.Error(err)
				}
			}
		})
	}
	wg.Wait()
	if diff := cmp.Diff(want, out.TapeRecoveryPointInfos); diff != "" {
		t.Fatalf("an earlier output changed under later calls (-want +got):\n%s", diff)
	}
}

// A body that fails or does not match its Content-Length is a network
// fault: retried, and reported as a read failure when retries run out.
func TestBodyReadFaultsAreRetried(t *testing.T) {
	good, _ := pointsBody("ok", 3)
	faults := []struct {
		name string
		resp func(r *http.Request) *http.Response
	}{
		{"read error mid-body", func(r *http.Request) *http.Response {
			return okResponse(r, io.MultiReader(bytes.NewReader(good[:len(good)/2]), iotest.ErrReader(errors.New("connection reset by peer"))), int64(len(good)))
		}},
		{"shorter than Content-Length", func(r *http.Request) *http.Response {
			return okResponse(r, bytes.NewReader(good[:len(good)-5]), int64(len(good)))
		}},
		{"longer than Content-Length", func(r *http.Request) *http.Response {
			return okResponse(r, bytes.NewReader(append(bytes.Clone(good), "   "...)), int64(len(good)))
		}},
		{"reader that never progresses", func(r *http.Request) *http.Response {
			return okResponse(r, iotest.ErrReader(nil), -1)
		}},
	}
	for _, f := range faults {
		t.Run(f.name, func(t *testing.T) {
			c, calls := streamClient(2, func(n int, r *http.Request) *http.Response {
				if n == 0 {
					return f.resp(r)
				}
				return okResponse(r, bytes.NewReader(good), int64(len(good)))
			})
			out, err := describe(c)
			if err != nil || len(out.TapeRecoveryPointInfos) != 3 || calls.Load() != 2 {
				t.Fatalf("want success on the second attempt; got %v after %d attempts", err, calls.Load())
			}

			c, calls = streamClient(2, func(_ int, r *http.Request) *http.Response { return f.resp(r) })
			_, err = describe(c)
			if err == nil || !strings.Contains(err.Error(), "failed to read response body") || calls.Load() != 2 {
				t.Fatalf("want a read failure after 2 attempts; got %v after %d", err, calls.Load())
			}
		})
	}
}

// A malformed body far into a large response is reported where it is, with
// the bytes around it, though the decoder has long dropped the start.
func TestDecodeErrorDeepInAStreamedBody(t *testing.T) {
	good, _ := pointsBody("deep", 3000)
	bad := bytes.Replace(good, []byte(`"TapeSizeInBytes":2500`), []byte(`"TapeSizeInBytes":"2500"`), 1)
	at := bytes.Index(bad, []byte(`"2500"`))
	c, calls := streamClient(3, func(_ int, r *http.Request) *http.Response {
		return okResponse(r, iotest.OneByteReader(bytes.NewReader(bad)), int64(len(bad)))
	})
	_, err := describe(c)
	var de *smithy.DeserializationError
	if !errors.As(err, &de) {
		t.Fatalf("want a DeserializationError, got %T %v", err, err)
	}
	for _, want := range []string{"$.TapeRecoveryPointInfos[2500].TapeSizeInBytes", fmt.Sprintf("offset %d", at), "expected number, found string"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
	// The 32 bytes either side, as when the body was read whole.
	if want := bad[at-32 : at+32]; !bytes.Equal(de.Snapshot, want) {
		t.Errorf("snapshot %q, want the bytes around the fault %q", de.Snapshot, want)
	}
	if calls.Load() != 1 {
		t.Errorf("a malformed body was retried: %d attempts", calls.Load())
	}
}

func TestEmptyAndMissingBodies(t *testing.T) {
	for _, tt := range []struct {
		name string
		body io.ReadCloser
	}{
		{"nil Body from the HTTP client", nil},
		{"empty", http.NoBody},
		{"whitespace", io.NopCloser(strings.NewReader(" \r\n\t"))},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c, _ := streamClient(1, func(_ int, r *http.Request) *http.Response {
				return &http.Response{StatusCode: 200, Header: http.Header{}, ContentLength: -1, Body: tt.body, Request: r}
			})
			out, err := describe(c)
			if err != nil || out.TapeRecoveryPointInfos != nil || out.GatewayARN != nil {
				t.Fatalf("want an empty output, got %+v, %v", out, err)
			}
		})
	}
}

// With response bodies logged, the body is read whole for the log and
// decoded from memory: the same output.
func TestLoggedResponseDecodesTheSame(t *testing.T) {
	body, want := pointsBody("logged", 50)
	logger := &captureLogger{}
	c := New(Options{
		Region:        "us-east-1",
		Credentials:   aws.AnonymousCredentials{},
		Logger:        logger,
		ClientLogMode: aws.LogResponseWithBody,
		HTTPClient: doFunc(func(r *http.Request) (*http.Response, error) {
			return okResponse(r, bytes.NewReader(body), int64(len(body))), nil
		}),
	})
	out, err := describe(c)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, out.TapeRecoveryPointInfos); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if !strings.Contains(logger.buf.String(), "logged00049") {
		t.Error("the response body was not logged")
	}
}

func describe(c *Client) (*DescribeTapeRecoveryPointsOutput, error) {
	return c.DescribeTapeRecoveryPoints(context.Background(), &DescribeTapeRecoveryPointsInput{GatewayARN: aws.String(gatewayARN)})
}

// Logging the response body must not change what it decodes to: the same
// bodies are empty, or malformed, with and without ClientLogMode.
func TestLoggingDoesNotChangeDecoding(t *testing.T) {
	for _, body := range []string{"", " \r\n\t", "\f", "\u00a0", `{"Marker":"m"}`, `{"Marker":`} {
		var results []string
		for _, mode := range []aws.ClientLogMode{0, aws.LogResponseWithBody} {
			c := New(Options{
				Region:        "us-east-1",
				Credentials:   aws.AnonymousCredentials{},
				Logger:        &captureLogger{},
				ClientLogMode: mode,
				HTTPClient: doFunc(func(r *http.Request) (*http.Response, error) {
					return okResponse(r, strings.NewReader(body), int64(len(body))), nil
				}),
			})
			out, err := describe(c)
			results = append(results, fmt.Sprintf("output %v, error %v", out != nil, err != nil))
		}
		if results[0] != results[1] {
			t.Errorf("body %q: without logging %s; with logging %s", body, results[0], results[1])
		}
	}
}

// A response's list of results takes room for what the body has left once
// its first element is read, instead of growing by doubling (which leaves
// 1,100 points in a slice of 2,048). The points are the same either way;
// a body of unknown length grows by doubling.
func TestResultListIsSizedFromTheBody(t *testing.T) {
	body, want := pointsBody("sized", 1100)
	for _, tc := range []struct {
		name   string
		length int64
		maxCap int // 0: any
	}{
		{"announced length", int64(len(body)), 1100 + 1100/20},
		{"unknown length", -1, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, _ := streamClient(1, func(n int, r *http.Request) *http.Response {
				return okResponse(r, iotest.HalfReader(bytes.NewReader(body)), tc.length)
			})
			out, err := describe(c)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want, out.TapeRecoveryPointInfos); diff != "" {
				t.Fatalf("points differ (-want +got):\n%s", diff)
			}
			if got := cap(out.TapeRecoveryPointInfos); tc.maxCap > 0 && got > tc.maxCap {
				t.Errorf("1,100 points in a slice of capacity %d, want at most %d", got, tc.maxCap)
			}
		})
	}
}
