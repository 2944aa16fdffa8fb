package bench

import (
	"context"
	"errors"
	"runtime"
	"strconv"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v2 "github.com/aws/aws-sdk-go-v2/service/storagegateway"
	v2types "github.com/aws/aws-sdk-go-v2/service/storagegateway/types"
	"github.com/aws/smithy-go/middleware"

	gs "github.com/gosmith/gosmith/service/storagegateway"
	gstypes "github.com/gosmith/gosmith/service/storagegateway/types"
)

// Sub-benchmarks are named impl=gosmith and impl=v2 so that
// `benchstat -col /impl` puts the two clients side by side.

// call is one DescribeTapeRecoveryPoints call through one client; every
// benchmark drives both clients through the same func signature.
type call func(ctx context.Context) (int, error)

// impl builds a client of one implementation and returns its call.
type impl struct {
	name string
	// newCall returns a call over hc with the given max attempts (0 =
	// default) and APIOptions.
	newCall func(hc *cannedClient, maxAttempts int, apiOptions ...func(*middleware.Stack) error) call
}

var impls = []impl{
	{"gosmith", func(hc *cannedClient, maxAttempts int, apiOptions ...func(*middleware.Stack) error) call {
		c := newGosmith(hc, maxAttempts, apiOptions...)
		in := &gs.DescribeTapeRecoveryPointsInput{GatewayARN: aws.String(gatewayARN), Limit: aws.Int32(1000), Marker: aws.String(inputMarker)}
		return func(ctx context.Context) (int, error) {
			out, err := c.DescribeTapeRecoveryPoints(ctx, in)
			if err != nil {
				return 0, err
			}
			return len(out.TapeRecoveryPointInfos), nil
		}
	}},
	{"v2", func(hc *cannedClient, maxAttempts int, apiOptions ...func(*middleware.Stack) error) call {
		c := newV2(hc, maxAttempts, apiOptions...)
		in := &v2.DescribeTapeRecoveryPointsInput{GatewayARN: aws.String(gatewayARN), Limit: aws.Int32(1000), Marker: aws.String(inputMarker)}
		return func(ctx context.Context) (int, error) {
			out, err := c.DescribeTapeRecoveryPoints(ctx, in)
			if err != nil {
				return 0, err
			}
			return len(out.TapeRecoveryPointInfos), nil
		}
	}},
}

const inputMarker = "eyJ0YXBlQVJOIjoiYXJuOmF3czpzdG9yYWdlZ2F0ZXdheTp1cy1lYXN0LTEifQ=="

// BenchmarkDescribeTapeRecoveryPoints is the whole call: the middleware
// stack (v2 builds one per call; gosmith runs the operation's prepared
// stack, the client having no APIOptions), validate, serialize, sign, "send"
// (in memory), read and decode a response of N recovery points.
func BenchmarkDescribeTapeRecoveryPoints(b *testing.B) {
	ctx := context.Background()
	for _, im := range impls {
		b.Run("impl="+im.name, func(b *testing.B) {
			for _, n := range []int{1, 100, 1000} {
				b.Run("items="+strconv.Itoa(n), func(b *testing.B) {
					body := recoveryPointsBody(n)
					do := im.newCall(newCannedClient(200, body), 0)
					mustItems(b, do, n)
					b.SetBytes(int64(len(body)))
					b.ReportAllocs()
					b.ResetTimer()
					for i := 0; i < b.N; i++ {
						if _, err := do(ctx); err != nil {
							b.Fatal(err)
						}
					}
				})
			}
		})
	}
}

// errStop is the sentinel the serialize bracket returns to end a call early.
var errStop = errors.New("bench: stop")

// serializeBracket returns an APIOption that inserts two middlewares into the
// Serialize step: benchOpen, which notes the time, and benchClose, which adds
// the time since benchOpen to *total and ends the call with errStop (nothing
// after it runs: no Build or Finalize step, no signing, no transport).
// With around, the pair brackets "OperationSerializer" (the ID under which
// both clients register their request serializer); without it, the pair
// sits directly before it, adjacent, and the serializer never runs. The two
// variants add the same middlewares and differ only in whether the
// serializer runs.
func serializeBracket(total *time.Duration, around bool) func(*middleware.Stack) error {
	var start time.Time
	return func(s *middleware.Stack) error {
		err := s.Serialize.Insert(middleware.SerializeMiddlewareFunc("benchOpen",
			func(ctx context.Context, in middleware.SerializeInput, next middleware.SerializeHandler) (middleware.SerializeOutput, middleware.Metadata, error) {
				start = time.Now()
				return next.HandleSerialize(ctx, in)
			}), "OperationSerializer", middleware.Before)
		if err != nil {
			return err
		}
		pos := middleware.Before
		if around {
			pos = middleware.After
		}
		return s.Serialize.Insert(middleware.SerializeMiddlewareFunc("benchClose",
			func(context.Context, middleware.SerializeInput, middleware.SerializeHandler) (middleware.SerializeOutput, middleware.Metadata, error) {
				*total += time.Since(start)
				return middleware.SerializeOutput{}, middleware.Metadata{}, errStop
			}), "OperationSerializer", pos)
	}
}

// deserializeBracket returns an APIOption that brackets
// "OperationDeserializer" (the ID of both clients' response deserializer):
// benchInner, directly below it, notes the time when the transport's
// response comes back up; benchOuter, directly above it, adds the time since
// then to *total. The window is exactly the deserializer's own work: read
// the body, decode the output (or error).
func deserializeBracket(total *time.Duration) func(*middleware.Stack) error {
	var start time.Time
	return func(s *middleware.Stack) error {
		err := s.Deserialize.Insert(middleware.DeserializeMiddlewareFunc("benchOuter",
			func(ctx context.Context, in middleware.DeserializeInput, next middleware.DeserializeHandler) (middleware.DeserializeOutput, middleware.Metadata, error) {
				out, md, err := next.HandleDeserialize(ctx, in)
				*total += time.Since(start)
				return out, md, err
			}), "OperationDeserializer", middleware.Before)
		if err != nil {
			return err
		}
		return s.Deserialize.Insert(middleware.DeserializeMiddlewareFunc("benchInner",
			func(ctx context.Context, in middleware.DeserializeInput, next middleware.DeserializeHandler) (middleware.DeserializeOutput, middleware.Metadata, error) {
				out, md, err := next.HandleDeserialize(ctx, in)
				start = time.Now()
				return out, md, err
			}), "OperationDeserializer", middleware.After)
	}
}

// loopCost runs do b.N times, checking each error against wantErr, and
// returns the loop's wall time, heap bytes and heap objects, read with
// runtime.ReadMemStats as testing.B reads them.
func loopCost(b *testing.B, do call, wantErr error) (wall time.Duration, bytes, allocs uint64) {
	ctx := context.Background()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	for i := 0; i < b.N; i++ {
		if _, err := do(ctx); !errors.Is(err, wantErr) {
			b.Fatalf("got error %v, want %v", err, wantErr)
		}
	}
	wall = time.Since(start)
	runtime.ReadMemStats(&after)
	return wall, after.TotalAlloc - before.TotalAlloc, after.Mallocs - before.Mallocs
}

// isolate runs the baseline loop then the measured loop (b.N calls each;
// their clients differ only in the work under test) and reports:
//
//   - ns/op: measured bracket time minus baseline bracket time, per call
//     (bracket overhead and any fixed work inside the bracket cancel);
//   - B/op, allocs/op: measured loop minus baseline loop, per call;
//   - call-ns/op, call-allocs/op: the measured loop's own per-call cost;
//   - MB/s, when bytes > 0: bytes over ns/op.
//
// ns/op, B/op, allocs/op and MB/s override testing.B's own figures (which
// would cover both loops together).
func isolate(b *testing.B, baseline, measured call, baseWin, measWin *time.Duration, wantErr error, bytes int) {
	b.ReportAllocs()
	b.ResetTimer()
	*baseWin, *measWin = 0, 0
	_, baseB, baseA := loopCost(b, baseline, wantErr)
	wall, measB, measA := loopCost(b, measured, wantErr)
	b.StopTimer()
	n := float64(b.N)
	ns := float64(measWin.Nanoseconds()-baseWin.Nanoseconds()) / n
	b.ReportMetric(ns, "ns/op")
	b.ReportMetric((float64(measB)-float64(baseB))/n, "B/op")
	b.ReportMetric((float64(measA)-float64(baseA))/n, "allocs/op")
	b.ReportMetric(float64(wall.Nanoseconds())/n, "call-ns/op")
	b.ReportMetric(float64(measA)/n, "call-allocs/op")
	if bytes > 0 && ns > 0 {
		b.ReportMetric(float64(bytes)/ns*1e3, "MB/s")
	}
}

// BenchmarkSerializeInput isolates the request serializer
// ("OperationSerializer" in both stacks): see serializeBracket and isolate.
// Baseline: the bracket sits before the serializer and the call stops there;
// measured: the bracket surrounds the serializer and the call stops right
// after it. call-ns/op and call-allocs/op are the measured call itself: a
// fresh middleware stack, the Initialize step (validation, metadata) and
// the Serialize step up to and including the serializer.
func BenchmarkSerializeInput(b *testing.B) {
	for _, im := range impls {
		b.Run("impl="+im.name, func(b *testing.B) {
			hc := newCannedClient(200, recoveryPointsBody(1))
			var baseWin, measWin time.Duration
			baseline := im.newCall(hc, 0, serializeBracket(&baseWin, false))
			measured := im.newCall(hc, 0, serializeBracket(&measWin, true))
			isolate(b, baseline, measured, &baseWin, &measWin, errStop, 0)
		})
	}
}

// BenchmarkDeserializeOutput isolates reading and decoding the 1000 recovery
// points: see deserializeBracket and isolate. Baseline: full calls answered
// with the same response but an empty TapeRecoveryPointInfos list; measured:
// full calls answered with 1000 recovery points. The fixed part of the
// deserializer's work (GatewayARN, Marker, the output struct, decoder set-up)
// cancels out; window-ns/op is the measured bracket alone (the whole
// deserializer on the 1000-item body), and MB/s is the 1000-item body's
// length over ns/op.
func BenchmarkDeserializeOutput(b *testing.B) {
	const n = 1000
	for _, im := range impls {
		b.Run("impl="+im.name, func(b *testing.B) {
			b.Run("items="+strconv.Itoa(n), func(b *testing.B) {
				body := recoveryPointsBody(n)
				var baseWin, measWin time.Duration
				baseline := im.newCall(newCannedClient(200, recoveryPointsBody(0)), 0, deserializeBracket(&baseWin))
				measured := im.newCall(newCannedClient(200, body), 0, deserializeBracket(&measWin))
				mustItems(b, baseline, 0)
				mustItems(b, measured, n)
				isolate(b, baseline, measured, &baseWin, &measWin, nil, len(body))
				b.ReportMetric(float64(measWin.Nanoseconds())/float64(b.N), "window-ns/op")
			})
		})
	}
}

// BenchmarkErrorPath is a full call answered with a modeled error (400
// InvalidGatewayRequestException with message and error{errorCode,
// errorDetails}), retries off (RetryMaxAttempts 1) in both clients.
func BenchmarkErrorPath(b *testing.B) {
	ctx := context.Background()
	for _, im := range impls {
		b.Run("impl="+im.name, func(b *testing.B) {
			do := im.newCall(newCannedClient(400, errorBody), 1)
			check := func(err error) {
				var gsErr *gstypes.InvalidGatewayRequestException
				var v2Err *v2types.InvalidGatewayRequestException
				if !errors.As(err, &gsErr) && !errors.As(err, &v2Err) {
					b.Fatalf("got %v, want InvalidGatewayRequestException", err)
				}
			}
			_, err := do(ctx)
			check(err)
			b.SetBytes(int64(len(errorBody)))
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if _, err := do(ctx); err == nil {
					b.Fatal("no error")
				}
			}
		})
	}
}

// mustItems makes one call and fails unless it returned n items.
func mustItems(tb testing.TB, do call, n int) {
	tb.Helper()
	got, err := do(context.Background())
	if err != nil {
		tb.Fatal(err)
	}
	if got != n {
		tb.Fatalf("got %d items, want %d", got, n)
	}
}
