package client

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/aws/smithy-go"
	"github.com/aws/smithy-go/metrics"
	"github.com/aws/smithy-go/middleware"
	"github.com/aws/smithy-go/tracing"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// The operation metrics aws-sdk-go-v2 records, under its instrument names
// and descriptions; every one is a histogram of seconds.
const (
	metricCallDuration    = "client.call.duration"
	metricSerialize       = "client.call.serialization_duration"
	metricResolveIdentity = "client.call.auth.resolve_identity_duration"
	metricResolveEndpoint = "client.call.resolve_endpoint_duration"
	metricSignRequest     = "client.call.auth.signing_duration"
	metricDeserialize     = "client.call.deserialization_duration"
)

var operationMetrics = []struct{ name, description string }{
	{metricCallDuration, "Overall call duration (including retries and time to send or receive request and response body)"},
	{metricSerialize, "The time it takes to serialize a message body"},
	{metricResolveIdentity, "The time taken to acquire an identity (AWS credentials, bearer token, etc) from an Identity Provider"},
	{metricResolveEndpoint, "The time it takes to resolve an endpoint (endpoint resolver, not DNS) for the request"},
	{metricSignRequest, "The time it takes to sign a request"},
	{metricDeserialize, "The time it takes to deserialize a message body"},
}

// telemetry is one call's tracer and meter. A nil *telemetry (no providers,
// or aws-sdk-go-v2's no-op ones) records nothing and costs nothing.
type telemetry struct {
	tracer     tracing.Tracer // nil: not tracing
	meter      metrics.Meter  // nil: no metrics
	histograms map[string]metrics.Float64Histogram
	service    string
	operation  string
}

// newTelemetry sets up a call's telemetry, as aws-sdk-go-v2 does: the
// tracer and meter are named after the generated package.
func newTelemetry(svc *Service, cfg *Config, operation string) (*telemetry, error) {
	tracing := cfg.TracerProvider != nil && !isNopTracerProvider(cfg.TracerProvider)
	metering := cfg.MeterProvider != nil && !isNopMeterProvider(cfg.MeterProvider)
	if !tracing && !metering {
		return nil, nil
	}
	t := &telemetry{service: svc.ID, operation: operation}
	if tracing {
		t.tracer = cfg.TracerProvider.Tracer(svc.ImportPath)
	}
	if metering {
		t.meter = cfg.MeterProvider.Meter(svc.ImportPath)
		t.histograms = make(map[string]metrics.Float64Histogram, len(operationMetrics))
		for _, m := range operationMetrics {
			h, err := t.meter.Float64Histogram(m.name, func(o *metrics.InstrumentOptions) {
				o.UnitLabel = "s"
				o.Description = m.description
			})
			if err != nil {
				return nil, err
			}
			t.histograms[m.name] = h
		}
	}
	return t, nil
}

func isNopTracerProvider(p tracing.TracerProvider) bool {
	switch p.(type) {
	case tracing.NopTracerProvider, *tracing.NopTracerProvider:
		return true
	}
	return false
}

func isNopMeterProvider(p metrics.MeterProvider) bool {
	switch p.(type) {
	case metrics.NopMeterProvider, *metrics.NopMeterProvider:
		return true
	}
	return false
}

// startCall opens the call's span ("Service ID.Operation", kind client) and
// starts the call-duration timer.
func (t *telemetry) startCall(ctx context.Context) (context.Context, func(error)) {
	if t == nil {
		return ctx, func(error) {}
	}
	var span tracing.Span
	if t.tracer != nil {
		ctx = tracing.WithOperationTracer(ctx, t.tracer)
		ctx, span = t.tracer.StartSpan(ctx, t.service+"."+t.operation, func(o *tracing.SpanOptions) {
			o.Kind = tracing.SpanKindClient
			o.Properties.Set("rpc.system", "aws-api")
			o.Properties.Set("rpc.method", t.operation)
			o.Properties.Set("rpc.service", t.service)
		})
	}
	stop := t.timer(ctx, metricCallDuration)
	return ctx, func(err error) {
		stop()
		if span == nil {
			return
		}
		if err != nil {
			span.SetProperty("exception.type", fmt.Sprintf("%T", err))
			span.SetProperty("exception.message", err.Error())
			var aerr smithy.APIError
			if errors.As(err, &aerr) {
				span.SetProperty("api.error_code", aerr.ErrorCode())
				span.SetProperty("api.error_message", aerr.ErrorMessage())
				span.SetProperty("api.error_fault", aerr.ErrorFault().String())
			}
		}
		span.SetProperty("error", err != nil)
		if err == nil {
			span.SetStatus(tracing.SpanStatusOK)
		} else {
			span.SetStatus(tracing.SpanStatusError)
		}
		span.End()
	}
}

// span starts a span under the call's, or returns a no-op one.
func (t *telemetry) span(ctx context.Context, name string) (context.Context, tracing.Span) {
	if t == nil || t.tracer == nil {
		return ctx, noSpan
	}
	return tracing.StartSpan(ctx, name)
}

var _, noSpan = tracing.NopTracerProvider{}.Tracer("").StartSpan(context.Background(), "")

// setProperty sets a span property while tracing; the value is not even
// boxed otherwise.
func (t *telemetry) setProperty(span tracing.Span, key string, value string) {
	if t != nil && t.tracer != nil {
		span.SetProperty(key, value)
	}
}

// timer starts timing one of operationMetrics; the returned func records
// it, once, with the call's rpc.service and rpc.method and any extra
// properties.
func (t *telemetry) timer(ctx context.Context, metric string, props ...any) func() {
	if t == nil || t.histograms == nil {
		return func() {}
	}
	h := t.histograms[metric]
	start := time.Now()
	done := false
	return func() {
		if done {
			return
		}
		done = true
		h.Record(ctx, time.Since(start).Seconds(), func(o *metrics.RecordMetricOptions) {
			o.Properties.Set("rpc.service", t.service)
			o.Properties.Set("rpc.method", t.operation)
			for i := 0; i+1 < len(props); i += 2 {
				o.Properties.Set(props[i], props[i+1])
			}
		})
	}
}

// clientHandler is the transport handler: with metrics, smithy-go's HTTP
// client metrics (client.http.*) go to the call's meter.
func (t *telemetry) clientHandler(c smithyhttp.ClientDo) smithyhttp.ClientHandler {
	if t == nil || t.meter == nil {
		return smithyhttp.NewClientHandlerWithOptions(c)
	}
	return smithyhttp.NewClientHandlerWithOptions(c, func(o *smithyhttp.ClientHandler) { o.Meter = t.meter })
}

// retryLoopSpan wraps the retry loop in a "RetryLoop" span, as
// aws-sdk-go-v2 does; it is on the stack only while tracing.
type retryLoopSpan struct{ tel *telemetry }

func (*retryLoopSpan) ID() string { return "spanRetryLoop" }

func (m *retryLoopSpan) HandleFinalize(ctx context.Context, in middleware.FinalizeInput, next middleware.FinalizeHandler) (
	middleware.FinalizeOutput, middleware.Metadata, error,
) {
	ctx, span := m.tel.span(ctx, "RetryLoop")
	defer span.End()
	return next.HandleFinalize(ctx, in)
}

// timedSerializer gives the protocol's serializer aws-sdk-go-v2's
// "OperationSerializer" span and serialization-duration metric, which end
// when it hands the request on.
type timedSerializer struct {
	middleware.SerializeMiddleware
	tel *telemetry
}

func (m *timedSerializer) HandleSerialize(ctx context.Context, in middleware.SerializeInput, next middleware.SerializeHandler) (
	middleware.SerializeOutput, middleware.Metadata, error,
) {
	_, span := m.tel.span(ctx, "OperationSerializer")
	stop := m.tel.timer(ctx, metricSerialize)
	defer span.End()
	defer stop()
	return m.SerializeMiddleware.HandleSerialize(ctx, in, middleware.SerializeHandlerFunc(
		func(ctx context.Context, in middleware.SerializeInput) (middleware.SerializeOutput, middleware.Metadata, error) {
			stop()
			span.End()
			return next.HandleSerialize(ctx, in)
		}))
}

// timedDeserializer gives the protocol's deserializer the
// "OperationDeserializer" span and deserialization-duration metric, which
// start when the response is back.
type timedDeserializer struct {
	middleware.DeserializeMiddleware
	tel *telemetry
}

func (m *timedDeserializer) HandleDeserialize(ctx context.Context, in middleware.DeserializeInput, next middleware.DeserializeHandler) (
	middleware.DeserializeOutput, middleware.Metadata, error,
) {
	span, stop := noSpan, func() {}
	defer func() {
		stop()
		span.End()
	}()
	return m.DeserializeMiddleware.HandleDeserialize(ctx, in, middleware.DeserializeHandlerFunc(
		func(ctx context.Context, in middleware.DeserializeInput) (middleware.DeserializeOutput, middleware.Metadata, error) {
			out, metadata, err := next.HandleDeserialize(ctx, in)
			if err == nil {
				_, span = m.tel.span(ctx, "OperationDeserializer")
				stop = m.tel.timer(ctx, metricDeserialize)
			}
			return out, metadata, err
		}))
}
