package surfacetest

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"sort"
	"sync"
	"testing"

	"github.com/aws/smithy-go/metrics"
	"github.com/aws/smithy-go/tracing"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// server answers DescribeTapeRecoveryPoints with the statuses given, in
// turn (200 once they run out), and records every request.
type server struct {
	*httptest.Server
	mu       sync.Mutex
	requests []*http.Request
	statuses []int
}

func newServer(t *testing.T, statuses ...int) *server {
	s := &server{statuses: statuses}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		s.mu.Lock()
		s.requests = append(s.requests, r)
		status := 200
		if len(s.statuses) > 0 {
			status, s.statuses = s.statuses[0], s.statuses[1:]
		}
		s.mu.Unlock()
		w.Header().Set("Content-Type", "application/x-amz-json-1.1")
		w.Header().Set("X-Amzn-Requestid", "req-1")
		w.WriteHeader(status)
		if status >= 500 {
			_, _ = io.WriteString(w, `{"__type":"InternalServerError","message":"try again"}`)
			return
		}
		_, _ = io.WriteString(w, `{"GatewayARN":"arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-1"}`)
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *server) last(t *testing.T) *http.Request {
	t.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.requests) == 0 {
		t.Fatal("the server got no request")
	}
	return s.requests[len(s.requests)-1]
}

func (s *server) count() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.requests)
}

// tracer records every span it starts.
type tracer struct {
	mu     sync.Mutex
	scopes []string
	spans  []*span
}

type span struct {
	t      *tracer
	name   string
	kind   tracing.SpanKind
	props  map[any]any
	status tracing.SpanStatus
	ended  bool
}

func (t *tracer) Tracer(scope string, _ ...tracing.TracerOption) tracing.Tracer {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.scopes = append(t.scopes, scope)
	return t
}

func (t *tracer) StartSpan(ctx context.Context, name string, opts ...tracing.SpanOption) (context.Context, tracing.Span) {
	var o tracing.SpanOptions
	for _, fn := range opts {
		fn(&o)
	}
	s := &span{t: t, name: name, kind: o.Kind, props: map[any]any{}}
	for k, v := range o.Properties.Values() {
		s.props[k] = v
	}
	t.mu.Lock()
	t.spans = append(t.spans, s)
	t.mu.Unlock()
	return tracing.WithSpan(ctx, s), s
}

// names are the names of the spans started, sorted.
func (t *tracer) names() []string {
	t.mu.Lock()
	defer t.mu.Unlock()
	var out []string
	for _, s := range t.spans {
		out = append(out, s.name)
	}
	sort.Strings(out)
	return out
}

func (s *span) Name() string                            { return s.name }
func (s *span) Context() tracing.SpanContext            { return tracing.SpanContext{} }
func (s *span) AddEvent(string, ...tracing.EventOption) {}
func (s *span) SetStatus(st tracing.SpanStatus) {
	s.t.mu.Lock()
	defer s.t.mu.Unlock()
	s.status = st
}
func (s *span) SetProperty(k, v any) {
	s.t.mu.Lock()
	defer s.t.mu.Unlock()
	s.props[k] = v
}
func (s *span) End() {
	s.t.mu.Lock()
	defer s.t.mu.Unlock()
	s.ended = true
}

// meter records the instruments created and the measurements recorded,
// by instrument name.
type meter struct {
	metrics.NopMeter
	mu       sync.Mutex
	scopes   []string
	recorded map[string]int
	props    map[string]map[any]any // last properties per instrument
}

func newMeter() *meter { return &meter{recorded: map[string]int{}, props: map[string]map[any]any{}} }

func (m *meter) Meter(scope string, _ ...metrics.MeterOption) metrics.Meter {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.scopes = append(m.scopes, scope)
	return m
}

func (m *meter) record(name string, opts []metrics.RecordMetricOption) {
	var o metrics.RecordMetricOptions
	for _, fn := range opts {
		fn(&o)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.recorded[name]++
	m.props[name] = o.Properties.Values()
}

// names are the instruments something was recorded on, sorted.
func (m *meter) names() []string {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []string
	for n := range m.recorded {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

type instrument struct {
	m    *meter
	name string
}

func (i instrument) Add(_ context.Context, _ int64, opts ...metrics.RecordMetricOption) {
	i.m.record(i.name, opts)
}
func (i instrument) Record(_ context.Context, _ int64, opts ...metrics.RecordMetricOption) {
	i.m.record(i.name, opts)
}

type floatInstrument instrument

func (i floatInstrument) Add(_ context.Context, _ float64, opts ...metrics.RecordMetricOption) {
	i.m.record(i.name, opts)
}
func (i floatInstrument) Record(_ context.Context, _ float64, opts ...metrics.RecordMetricOption) {
	i.m.record(i.name, opts)
}

func (m *meter) Int64Counter(name string, _ ...metrics.InstrumentOption) (metrics.Int64Counter, error) {
	return instrument{m, name}, nil
}
func (m *meter) Int64UpDownCounter(name string, _ ...metrics.InstrumentOption) (metrics.Int64UpDownCounter, error) {
	return instrument{m, name}, nil
}
func (m *meter) Int64Histogram(name string, _ ...metrics.InstrumentOption) (metrics.Int64Histogram, error) {
	return instrument{m, name}, nil
}
func (m *meter) Float64Counter(name string, _ ...metrics.InstrumentOption) (metrics.Float64Counter, error) {
	return floatInstrument{m, name}, nil
}
func (m *meter) Float64UpDownCounter(name string, _ ...metrics.InstrumentOption) (metrics.Float64UpDownCounter, error) {
	return floatInstrument{m, name}, nil
}
func (m *meter) Float64Histogram(name string, _ ...metrics.InstrumentOption) (metrics.Float64Histogram, error) {
	return floatInstrument{m, name}, nil
}

// hooks records which interceptor hooks ran, in order.
type hooks struct {
	mu    sync.Mutex
	calls []string
}

func (h *hooks) add(name string) error {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.calls = append(h.calls, name)
	return nil
}

func (h *hooks) BeforeExecution(context.Context, *smithyhttp.InterceptorContext) error {
	return h.add("BeforeExecution")
}
func (h *hooks) BeforeSerialization(context.Context, *smithyhttp.InterceptorContext) error {
	return h.add("BeforeSerialization")
}
func (h *hooks) AfterSerialization(context.Context, *smithyhttp.InterceptorContext) error {
	return h.add("AfterSerialization")
}
func (h *hooks) BeforeRetryLoop(context.Context, *smithyhttp.InterceptorContext) error {
	return h.add("BeforeRetryLoop")
}
func (h *hooks) BeforeAttempt(context.Context, *smithyhttp.InterceptorContext) error {
	return h.add("BeforeAttempt")
}
func (h *hooks) BeforeSigning(context.Context, *smithyhttp.InterceptorContext) error {
	return h.add("BeforeSigning")
}
func (h *hooks) AfterSigning(_ context.Context, c *smithyhttp.InterceptorContext) error {
	if c.Request.Header.Get("Authorization") == "" {
		return h.add("AfterSigning (unsigned)")
	}
	return h.add("AfterSigning")
}
func (h *hooks) BeforeTransmit(context.Context, *smithyhttp.InterceptorContext) error {
	return h.add("BeforeTransmit")
}
func (h *hooks) AfterTransmit(_ context.Context, c *smithyhttp.InterceptorContext) error {
	return h.add("AfterTransmit " + http.StatusText(c.Response.StatusCode))
}
func (h *hooks) BeforeDeserialization(context.Context, *smithyhttp.InterceptorContext) error {
	return h.add("BeforeDeserialization")
}
func (h *hooks) AfterDeserialization(context.Context, *smithyhttp.InterceptorContext) error {
	return h.add("AfterDeserialization")
}
func (h *hooks) AfterAttempt(context.Context, *smithyhttp.InterceptorContext) error {
	return h.add("AfterAttempt")
}
func (h *hooks) AfterExecution(context.Context, *smithyhttp.InterceptorContext) error {
	return h.add("AfterExecution")
}

// registry registers h at every hook.
func (h *hooks) registry() smithyhttp.InterceptorRegistry {
	var r smithyhttp.InterceptorRegistry
	r.AddBeforeExecution(h)
	r.AddBeforeSerialization(h)
	r.AddAfterSerialization(h)
	r.AddBeforeRetryLoop(h)
	r.AddBeforeAttempt(h)
	r.AddBeforeSigning(h)
	r.AddAfterSigning(h)
	r.AddBeforeTransmit(h)
	r.AddAfterTransmit(h)
	r.AddBeforeDeserialization(h)
	r.AddAfterDeserialization(h)
	r.AddAfterAttempt(h)
	r.AddAfterExecution(h)
	return r
}
