package client

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/aws/smithy-go/middleware"
	"github.com/aws/smithy-go/tracing"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// recorder is a middleware of every step that notes what it was handed
// and what came back, and changes both a little, so a run through
// smithy-go's Stack and one through the linked handler can be compared.
type recorder struct {
	id    string
	trace *[]string
}

func (r recorder) ID() string { return r.id }
func (recorder) Reentrant()   {}

func (r recorder) note(format string, args ...any) {
	*r.trace = append(*r.trace, r.id+": "+fmt.Sprintf(format, args...))
}

func (r recorder) HandleInitialize(ctx context.Context, in middleware.InitializeInput, next middleware.InitializeHandler) (middleware.InitializeOutput, middleware.Metadata, error) {
	r.note("params %v", in.Parameters)
	in.Parameters = fmt.Sprintf("%v+%s", in.Parameters, r.id)
	out, md, err := next.HandleInitialize(ctx, in)
	r.note("result %v, %v", out.Result, err)
	md.Set(r.id, true)
	return out, md, err
}

func (r recorder) HandleSerialize(ctx context.Context, in middleware.SerializeInput, next middleware.SerializeHandler) (middleware.SerializeOutput, middleware.Metadata, error) {
	req := in.Request.(*smithyhttp.Request)
	r.note("params %v, request %T with %d headers", in.Parameters, in.Request, len(req.Header))
	req.Header.Add("X-Trace", r.id)
	out, md, err := next.HandleSerialize(ctx, in)
	r.note("result %v", out.Result)
	return out, md, err
}

func (r recorder) HandleBuild(ctx context.Context, in middleware.BuildInput, next middleware.BuildHandler) (middleware.BuildOutput, middleware.Metadata, error) {
	r.note("request %v", in.Request.(*smithyhttp.Request).Header["X-Trace"])
	in.Request.(*smithyhttp.Request).Header.Add("X-Trace", r.id)
	out, md, err := next.HandleBuild(ctx, in)
	r.note("result %v", out.Result)
	return out, md, err
}

func (r recorder) HandleFinalize(ctx context.Context, in middleware.FinalizeInput, next middleware.FinalizeHandler) (middleware.FinalizeOutput, middleware.Metadata, error) {
	r.note("request %v", in.Request.(*smithyhttp.Request).Header["X-Trace"])
	in.Request.(*smithyhttp.Request).Header.Add("X-Trace", r.id)
	out, md, err := next.HandleFinalize(ctx, in)
	r.note("result %v", out.Result)
	return out, md, err
}

func (r recorder) HandleDeserialize(ctx context.Context, in middleware.DeserializeInput, next middleware.DeserializeHandler) (middleware.DeserializeOutput, middleware.Metadata, error) {
	r.note("request %v", in.Request.(*smithyhttp.Request).Header["X-Trace"])
	out, md, err := next.HandleDeserialize(ctx, in)
	r.note("raw %v, result %v", out.RawResponse, out.Result)
	if out.Result == nil {
		out.Result = "decoded"
	} else {
		out.Result = fmt.Sprintf("%v+%s", out.Result, r.id)
	}
	return out, md, err
}

// recordingStack has two recorders in every step (none in Build when
// empty is set: a step without middleware hands over directly).
func recordingStack(trace *[]string, emptyBuild bool) *middleware.Stack {
	s := middleware.NewStack("op", smithyhttp.NewStackRequest)
	rec := func(id string) recorder { return recorder{id: id, trace: trace} }
	s.Initialize.Add(rec("i1"), middleware.After)
	s.Initialize.Add(rec("i0"), middleware.Before)
	s.Serialize.Add(rec("s1"), middleware.After)
	s.Serialize.Add(rec("s2"), middleware.After)
	if !emptyBuild {
		s.Build.Add(rec("b1"), middleware.After)
	}
	s.Finalize.Add(rec("f1"), middleware.After)
	s.Finalize.Insert(rec("f0"), "f1", middleware.Before)
	s.Deserialize.Add(rec("d1"), middleware.After)
	s.Deserialize.Add(rec("d2"), middleware.After)
	return s
}

func TestLinkedStackHandsOverAsSmithyGoDoes(t *testing.T) {
	for _, emptyBuild := range []bool{false, true} {
		t.Run(fmt.Sprintf("empty build step %v", emptyBuild), func(t *testing.T) {
			var traces [2][]string
			var results [2]string
			for i := range traces {
				trace := &traces[i]
				end := middleware.HandlerFunc(func(_ context.Context, in any) (any, middleware.Metadata, error) {
					*trace = append(*trace, fmt.Sprintf("transport: %T %v", in, in.(*smithyhttp.Request).Header["X-Trace"]))
					var md middleware.Metadata
					md.Set("transport", true)
					return "raw", md, nil
				})
				stack := recordingStack(trace, emptyBuild)
				var h middleware.Handler
				if i == 0 {
					h = middleware.DecorateHandler(end, stack)
				} else {
					var ok bool
					if h, ok = link(stack, end); !ok {
						t.Fatal("the recorders are reentrant, yet the stack was not linked")
					}
				}
				out, md, err := h.Handle(context.Background(), "in")
				results[i] = fmt.Sprintf("%v %v %v %v %v", out, err, md.Get("i0"), md.Get("i1"), md.Get("transport"))
			}
			if len(traces[0]) < 14 {
				t.Fatalf("the stack ran only %d steps: %q", len(traces[0]), traces[0])
			}
			if strings.Join(traces[0], "\n") != strings.Join(traces[1], "\n") || results[0] != results[1] {
				t.Errorf("smithy-go's stack:\n%s\n=> %s\nlinked:\n%s\n=> %s",
					strings.Join(traces[0], "\n"), results[0], strings.Join(traces[1], "\n"), results[1])
			}
		})
	}
}

type keepsState struct{ calls int }

func (*keepsState) ID() string { return "keepsState" }

func (m *keepsState) HandleFinalize(ctx context.Context, in middleware.FinalizeInput, next middleware.FinalizeHandler) (middleware.FinalizeOutput, middleware.Metadata, error) {
	m.calls++
	return next.HandleFinalize(ctx, in)
}

func TestLinkRefusesMiddlewareNotKnownReentrant(t *testing.T) {
	var trace []string
	s := recordingStack(&trace, false)
	s.Finalize.Add(&keepsState{}, middleware.After)
	if _, ok := link(s, middleware.HandlerFunc(func(context.Context, any) (any, middleware.Metadata, error) {
		return nil, middleware.Metadata{}, nil
	})); ok {
		t.Error("a stack with a middleware that keeps state was linked")
	}
}

type tracerProvider struct{ tracing.NopTracerProvider }

func TestSharedConfigPreparesOnlyUnseenStacks(t *testing.T) {
	noop := func(*middleware.Stack) error { return nil }
	tests := []struct {
		name string
		cfg  Config
		want bool
	}{
		{"defaults", Config{}, true},
		{"no-op providers", Config{TracerProvider: tracing.NopTracerProvider{}}, true},
		{"APIOptions", Config{APIOptions: []func(*middleware.Stack) error{noop}}, false},
		{"interceptors", Config{Interceptors: &smithyhttp.InterceptorRegistry{BeforeAttempt: []smithyhttp.BeforeAttemptInterceptor{nil}}}, false},
		{"no interceptors", Config{Interceptors: &smithyhttp.InterceptorRegistry{}}, true},
		{"a tracer", Config{TracerProvider: tracerProvider{}}, false},
	}
	for _, tt := range tests {
		cfg := tt.cfg
		if got := cfg.Share().prepared.usable; got != tt.want {
			t.Errorf("%s: usable = %v, want %v", tt.name, got, tt.want)
		}
	}
	var own Config
	if own.preparedStack(&Service{}, 1, func() *Operation { panic("described") }) != nil {
		t.Error("a Config that is not shared has a prepared stack")
	}
}

func TestPreparedStackIsBuiltOnce(t *testing.T) {
	cfg := (&Config{}).Share()
	described := 0
	describe := func() *Operation {
		described++
		return &Operation{Spec: Spec{Name: "Op"}, Serializer: passSerialize{}, Deserializer: passDeserialize{}}
	}
	for range 3 {
		if cfg.preparedStack(&Service{ID: "Svc"}, "op", describe) == nil {
			t.Fatal("no prepared stack")
		}
	}
	if described != 1 {
		t.Errorf("described %d times, want once", described)
	}
	if reflect.TypeOf(cfg.preparedStack(&Service{}, "op", describe).handler) != reflect.TypeOf(stackHandler{}) {
		t.Error("unexpected handler")
	}
}

type passSerialize struct{}

func (passSerialize) ID() string { return "OperationSerializer" }
func (passSerialize) Reentrant() {}
func (passSerialize) HandleSerialize(ctx context.Context, in middleware.SerializeInput, next middleware.SerializeHandler) (middleware.SerializeOutput, middleware.Metadata, error) {
	return next.HandleSerialize(ctx, in)
}

type passDeserialize struct{}

func (passDeserialize) ID() string { return "OperationDeserializer" }
func (passDeserialize) Reentrant() {}
func (passDeserialize) HandleDeserialize(ctx context.Context, in middleware.DeserializeInput, next middleware.DeserializeHandler) (middleware.DeserializeOutput, middleware.Metadata, error) {
	return next.HandleDeserialize(ctx, in)
}
