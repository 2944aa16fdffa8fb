//go:build !race

// Large responses: memory measured with the race detector off only, since
// -race multiplies allocation sizes and time.

package storagegateway

import (
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strconv"
	"sync"
	"testing"
	"time"
	"unsafe"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/google/go-cmp/cmp"

	"github.com/gosmith/gosmith/service/storagegateway/types"
)

var largeStatuses = [...]string{"AVAILABLE", "RECOVERED", "IN_TRANSIT_TO_VTS", "ARCHIVED"}

// largePoint is recovery point i of a generated response.
func largePoint(i int) types.TapeRecoveryPointInfo {
	return types.TapeRecoveryPointInfo{
		TapeARN:               aws.String(fmt.Sprintf("arn:aws:storagegateway:us-east-1:111122223333:tape/TEST%07X", i)),
		TapeRecoveryPointTime: aws.Time(time.UnixMilli(1481896200004 + int64(i)*1001).UTC()),
		TapeSizeInBytes:       aws.Int64(107374182400 + int64(i)*4096),
		TapeStatus:            aws.String(largeStatuses[i%len(largeStatuses)]),
	}
}

// largeBody builds a DescribeTapeRecoveryPoints response of at least size
// bytes and returns it with its number of recovery points. Each point is
// about 260 bytes: the four modeled members plus a KMSKey member this
// client does not model (as a newer service model might send), so 100 MiB
// holds about 400,000 points.
func largeBody(size int) ([]byte, int) { return largeBodyOf(size, true) }

// largeBodyOf is largeBody, optionally without the unmodeled member (about
// 175 bytes a point).
func largeBodyOf(size int, unmodeled bool) ([]byte, int) {
	b := make([]byte, 0, size+512)
	b = append(b, `{"GatewayARN":"`+gatewayARN+`","TapeRecoveryPointInfos":[`...)
	n := 0
	for ; len(b) < size; n++ {
		if n > 0 {
			b = append(b, ',')
		}
		p := largePoint(n)
		b = append(b, `{"TapeARN":"`...)
		b = append(b, *p.TapeARN...)
		b = append(b, `","TapeRecoveryPointTime":`...)
		ms := p.TapeRecoveryPointTime.UnixMilli()
		b = strconv.AppendInt(b, ms/1000, 10)
		b = append(b, '.')
		b = append(b, fmt.Sprintf("%03d", ms%1000)...)
		b = append(b, `,"TapeSizeInBytes":`...)
		b = strconv.AppendInt(b, *p.TapeSizeInBytes, 10)
		b = append(b, `,"TapeStatus":"`...)
		b = append(b, *p.TapeStatus...)
		b = append(b, '"')
		if unmodeled {
			b = append(b, `,"KMSKey":"arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"`...)
		}
		b = append(b, '}')
	}
	b = append(b, `],"Marker":"next-page"}`...)
	return b, n
}

// largeClient answers every call with body from memory, with its
// Content-Length set as a real transport would.
func largeClient(body []byte) *Client {
	return New(Options{
		Region:           "us-east-1",
		Credentials:      aws.AnonymousCredentials{},
		RetryMaxAttempts: 1,
		HTTPClient: doFunc(func(r *http.Request) (*http.Response, error) {
			return &http.Response{
				StatusCode:    200,
				Header:        http.Header{"Content-Type": {"application/x-amz-json-1.1"}},
				ContentLength: int64(len(body)),
				Body:          io.NopCloser(bytes.NewReader(body)),
				Request:       r,
			}, nil
		}),
	})
}

// heapSampler records the largest heap-objects figure (what
// MemStats.HeapAlloc reports) it sees while running.
type heapSampler struct {
	stop chan struct{}
	done chan uint64
}

func startHeapSampler() *heapSampler {
	s := &heapSampler{stop: make(chan struct{}), done: make(chan uint64)}
	go func() {
		sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		var peak uint64
		for {
			metrics.Read(sample)
			peak = max(peak, sample[0].Value.Uint64())
			select {
			case <-s.stop:
				s.done <- peak
				return
			default:
				time.Sleep(20 * time.Microsecond)
			}
		}
	}()
	return s
}

func (s *heapSampler) peak() uint64 {
	close(s.stop)
	return <-s.done
}

// decodeCost is what one call cost in heap bytes, relative to the heap
// before the call.
type decodeCost struct {
	peakGrowth uint64 // largest heap growth seen during the call
	allocated  uint64 // bytes allocated during the call (TotalAlloc)
	retained   uint64 // heap growth after the call and a GC: the result
}

func measureCall(c *Client, gcPercent int) (*DescribeTapeRecoveryPointsOutput, decodeCost, error) {
	defer debug.SetGCPercent(debug.SetGCPercent(gcPercent))
	runtime.GC()
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	s := startHeapSampler()
	out, err := describe(c)
	peak := s.peak()
	runtime.ReadMemStats(&after)
	runtime.GC()
	runtime.GC()
	var kept runtime.MemStats
	runtime.ReadMemStats(&kept)
	runtime.KeepAlive(out)
	sub := func(a, b uint64) uint64 {
		if a < b {
			return 0
		}
		return a - b
	}
	return out, decodeCost{
		peakGrowth: sub(max(peak, after.HeapAlloc), before.HeapAlloc),
		allocated:  after.TotalAlloc - before.TotalAlloc,
		retained:   sub(kept.HeapAlloc, before.HeapAlloc),
	}, err
}

func mib(n uint64) string { return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20)) }

// TestLargeResponse decodes a 100 MiB response (about 400,000 recovery
// points, or 600,000 without unmodeled members) through the client, checks
// that every point arrives intact, and holds peak heap growth during the
// call to the bound: at most twice the decoded result. The body is
// decoded as it arrives, so it is never held beside the result; the peak is
// the result plus the read buffer and the list's growth. Numbers: -v.
func TestLargeResponse(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and decodes a 100 MiB response")
	}
	if _, err := describe(largeClient([]byte(`{}`))); err != nil {
		t.Fatal(err) // warms up lazily initialised state outside the measurement
	}
	for _, unmodeled := range []bool{true, false} {
		t.Run(fmt.Sprintf("unmodeled=%v", unmodeled), func(t *testing.T) {
			body, n := largeBodyOf(100<<20, unmodeled)
			c := largeClient(body)
			for _, gc := range []int{100, 10} {
				out, cost, err := measureCall(c, gc)
				if err != nil {
					t.Fatal(err)
				}
				checkLargeOutput(t, out, n)
				size := resultSize(out)
				ratio := float64(cost.peakGrowth) / float64(size)
				t.Logf("GOGC=%d: body %s, %d points; result %s (heap retained after the call %s); peak heap growth %s = %.2f× the result; allocated %s = %.2f× the result",
					gc, mib(uint64(len(body))), n, mib(size), mib(cost.retained), mib(cost.peakGrowth), ratio,
					mib(cost.allocated), float64(cost.allocated)/float64(size))
				if ratio > 2 {
					t.Errorf("GOGC=%d: peak heap growth is %.2f× the decoded result, want at most 2×", gc, ratio)
				}
				// Size classes and append slack add well under a third; far
				// more left after the call means the result keeps the body
				// (or garbage) alive.
				if limit := size + size/3 + 1<<20; cost.retained > limit {
					t.Errorf("GOGC=%d: %s stays on the heap after the call for a %s result: is the response body retained?", gc, mib(cost.retained), mib(size))
				}
			}
		})
	}
}

// resultSize is the decoded result's own size: the slice's backing array,
// and for each pointer member its target (a string's header and bytes).
func resultSize(out *DescribeTapeRecoveryPointsOutput) uint64 {
	str := func(p *string) uint64 {
		if p == nil {
			return 0
		}
		return uint64(unsafe.Sizeof(*p)) + uint64(len(*p))
	}
	n := uint64(cap(out.TapeRecoveryPointInfos))*uint64(unsafe.Sizeof(types.TapeRecoveryPointInfo{})) + str(out.GatewayARN) + str(out.Marker)
	for _, p := range out.TapeRecoveryPointInfos {
		n += str(p.TapeARN) + str(p.TapeStatus)
		if p.TapeRecoveryPointTime != nil {
			n += uint64(unsafe.Sizeof(*p.TapeRecoveryPointTime))
		}
		if p.TapeSizeInBytes != nil {
			n += uint64(unsafe.Sizeof(*p.TapeSizeInBytes))
		}
	}
	return n
}

// Keeping one string from a large result must not keep the response body
// alive (a string that views the body pins all of it).
func TestOneKeptStringDoesNotPinTheBody(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and decodes a 100 MiB response")
	}
	body, _ := largeBody(100 << 20)
	c := largeClient(body)
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	out, err := describe(c)
	if err != nil {
		t.Fatal(err)
	}
	kept := out.TapeRecoveryPointInfos[len(out.TapeRecoveryPointInfos)/2].TapeARN
	out = nil
	runtime.GC()
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(kept)
	if grew := int64(after.HeapAlloc) - int64(before.HeapAlloc); grew > 8<<20 {
		t.Errorf("keeping one %d-byte TapeARN keeps %s of heap alive after the call", len(*kept), mib(uint64(grew)))
	}
}

func checkLargeOutput(t *testing.T, out *DescribeTapeRecoveryPointsOutput, n int) {
	t.Helper()
	if got := len(out.TapeRecoveryPointInfos); got != n {
		t.Fatalf("%d recovery points decoded, want %d", got, n)
	}
	if aws.ToString(out.GatewayARN) != gatewayARN || aws.ToString(out.Marker) != "next-page" {
		t.Errorf("GatewayARN %q, Marker %q", aws.ToString(out.GatewayARN), aws.ToString(out.Marker))
	}
	spots := []int{0, 1, n / 2, n - 2, n - 1}
	r := rand.New(rand.NewPCG(1, 2))
	for range 1000 {
		spots = append(spots, r.IntN(n))
	}
	for _, i := range spots {
		if diff := cmp.Diff(largePoint(i), out.TapeRecoveryPointInfos[i]); diff != "" {
			t.Fatalf("recovery point %d (-want +got):\n%s", i, diff)
		}
	}
	// Every point: cheap checks that would catch a shifted or lost element.
	for i, p := range out.TapeRecoveryPointInfos {
		if p.TapeSizeInBytes == nil || *p.TapeSizeInBytes != 107374182400+int64(i)*4096 || p.TapeARN == nil || p.TapeRecoveryPointTime == nil || p.TapeStatus == nil {
			t.Fatalf("recovery point %d is wrong: %+v", i, p)
		}
	}
}

var largeBodies sync.Map // size → []byte

// BenchmarkDecodeSizes decodes responses of 1, 10 and 100 MiB through the
// client, to show cost grows linearly with size:
//
//	go test -run '^$' -bench DecodeSizes -benchtime 3x ./service/storagegateway/
//
// ns/byte is the whole call (read, decode, build the result) per body byte.
func BenchmarkDecodeSizes(b *testing.B) {
	for _, size := range []int{1 << 20, 10 << 20, 100 << 20} {
		b.Run(fmt.Sprintf("%dMB", size>>20), func(b *testing.B) {
			v, ok := largeBodies.Load(size)
			if !ok {
				body, _ := largeBody(size)
				v, _ = largeBodies.LoadOrStore(size, body)
			}
			body := v.([]byte)
			c := largeClient(body)
			b.SetBytes(int64(len(body)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := describe(c); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(body)), "ns/byte")
		})
	}
}

// A broken proxy or hostile endpoint that announces a huge Content-Length
// and sends "{}" must not make the client allocate what it announced.
func TestAnnouncedContentLengthIsNotPreallocatedBlindly(t *testing.T) {
	c := New(Options{
		Region:           "us-east-1",
		Credentials:      aws.AnonymousCredentials{},
		RetryMaxAttempts: 1,
		HTTPClient: doFunc(func(r *http.Request) (*http.Response, error) {
			return &http.Response{StatusCode: 200, Header: http.Header{}, ContentLength: 1 << 30,
				Body: io.NopCloser(bytes.NewReader([]byte(`{}`))), Request: r}, nil
		}),
	})
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err := describe(c)
	runtime.ReadMemStats(&after)
	if err == nil {
		t.Error("a body shorter than its Content-Length was accepted")
	}
	if n := after.TotalAlloc - before.TotalAlloc; n > 64<<20 {
		t.Errorf("a 2-byte body announced as 1 GiB made the call allocate %s", mib(n))
	}
}
