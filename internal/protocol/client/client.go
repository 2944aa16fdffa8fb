// Package client is the protocol-neutral runtime of generated clients: it
// builds the smithy-go middleware stack of one call (validation,
// idempotency tokens, endpoint resolution, retries, signing, logging) and
// leaves the wire format to a protocol package (awsjson, ...), which
// supplies the operation's serializer and deserializer middleware.
package client

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/smithy-go"
	smithyauth "github.com/aws/smithy-go/auth"
	smithyendpoints "github.com/aws/smithy-go/endpoints"
	"github.com/aws/smithy-go/logging"
	"github.com/aws/smithy-go/metrics"
	"github.com/aws/smithy-go/middleware"
	"github.com/aws/smithy-go/tracing"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// Service holds the protocol-neutral facts every operation of one
// generated service shares.
type Service struct {
	// ID is the SDK service ID (aws.api#service sdkId), e.g. "Storage Gateway";
	// it names the service in *smithy.OperationError.
	ID string
	// SigningName is the SigV4 service name (aws.auth#sigv4 name).
	SigningName string
	// EndpointPrefix is the host prefix of the default regional endpoint.
	EndpointPrefix string
	// Redact returns a request or response body fit for a log: the values
	// of @sensitive members hidden. Nil logs bodies as they are.
	Redact func(body []byte) []byte
	// APIName and APIVersion are the service's name (its SDK ID,
	// lower-case, without spaces: storagegateway) and its model's version
	// (2013-06-30), sent in the User-Agent's api/ token.
	APIName, APIVersion string
	// ImportPath is the generated package's import path: the scope of its
	// tracer and meter, as aws-sdk-go-v2 names its package.
	ImportPath string
}

// Config is one call's resolved client settings, copied from the generated
// package's Options.
type Config struct {
	Region        string
	Credentials   aws.CredentialsProvider
	HTTPClient    smithyhttp.ClientDo
	Retryer       aws.Retryer
	APIOptions    []func(*middleware.Stack) error
	Logger        logging.Logger
	ClientLogMode aws.ClientLogMode
	// ResolveEndpoint picks the endpoint of a call from its input (the
	// generated client's EndpointResolverV2 over its options and the
	// input's endpoint parameters). Required.
	ResolveEndpoint func(ctx context.Context, input any) (smithyendpoints.Endpoint, error)
	// Signer signs requests when AuthSchemes is nil; nil means a default
	// v4.Signer.
	Signer HTTPSigner
	// AuthSchemeResolver lists an operation's auth options in order of
	// preference; nil means the service's default: SigV4 with its signing
	// name and the call's region, then anonymous.
	AuthSchemeResolver func(ctx context.Context, operation string) ([]*smithyauth.Option, error)
	// AuthSchemes are the schemes a call may use; nil means SigV4 with
	// Signer.
	AuthSchemes []smithyhttp.AuthScheme
	// AuthSchemePreference puts these scheme names ("sigv4", "sigv4a",
	// ...) first, in this order.
	AuthSchemePreference []string
	// Identities gives an auth scheme its identity resolver: the generated
	// Options.
	Identities smithyauth.IdentityResolverOptions
	// DisableHTTPS sends requests over http (EndpointOptions.DisableHTTPS),
	// unless a v1 endpoint marks its hostname immutable.
	DisableHTTPS bool
	// LegacyEndpoint is the generated ResolveEndpoint middleware over the
	// deprecated v1 EndpointResolver, which then picks the call's endpoint;
	// nil when the option is unset.
	LegacyEndpoint middleware.SerializeMiddleware
	// AppID identifies the application in the User-Agent (app/AppID).
	AppID string
	// Interceptors run at smithy-go's interceptor hooks, as in
	// aws-sdk-go-v2; nil means none.
	Interceptors *smithyhttp.InterceptorRegistry
	// TracerProvider and MeterProvider receive the call's spans and
	// metrics; nil or no-op providers cost nothing.
	TracerProvider tracing.TracerProvider
	MeterProvider  metrics.MeterProvider
	// DisableRequestCompression turns off @requestCompression.
	DisableRequestCompression bool
	// RequestMinCompressSizeBytes is the smallest body that is compressed;
	// 0 means the default of 10240 bytes.
	RequestMinCompressSizeBytes int64
	// IdempotencyTokenProvider makes the tokens of idempotency token
	// members the caller left unset; nil means random UUIDs.
	IdempotencyTokenProvider IdempotencyTokenProvider
	// EndpointDiscovery discovers the endpoint of operations marked for it;
	// nil when the service has none or it is off.
	EndpointDiscovery *EndpointDiscovery
	// Customizations add what the service needs beyond its protocol
	// (package customizations), as the call's options configure it, to the
	// call's stack before the caller's APIOptions.
	Customizations []func(*middleware.Stack) error

	// prepared holds the operations' prepared stacks of a shared Config
	// (Share); nil for one call's own settings.
	prepared *preparedStacks
}

// IdempotencyTokenProvider makes idempotency tokens; generated packages
// expose it under the same name, as aws-sdk-go-v2 does.
type IdempotencyTokenProvider interface {
	GetIdempotencyToken() (string, error)
}

// HTTPSigner signs a request with SigV4; *v4.Signer is one, and the
// generated Options.HTTPSignerV4 (as in aws-sdk-go-v2) takes any.
type HTTPSigner interface {
	SignHTTP(ctx context.Context, credentials aws.Credentials, r *http.Request, payloadHash, service, region string, signingTime time.Time, optFns ...func(*v4.SignerOptions)) error
}

// Operation is what the stack needs of one operation: its Spec and the
// protocol's middleware.
type Operation struct {
	Spec
	// Serializer binds the input to the HTTP request (registered as
	// "OperationSerializer"); Deserializer turns the HTTP response into the
	// output or the operation's error ("OperationDeserializer").
	Serializer   middleware.SerializeMiddleware
	Deserializer middleware.DeserializeMiddleware
}

// Invoke runs one operation and returns the result the deserializer
// produced, with the call's metadata. describe returns the stack's view of
// the operation for cfg; key names the operation among a shared cfg's
// prepared stacks (the protocols pass their descriptor's &Spec). A call whose stack
// nobody can see runs the operation's prepared stack (prepared.go); any
// other builds a fresh one. Errors are wrapped in *smithy.OperationError,
// as aws-sdk-go-v2 clients do.
func Invoke(ctx context.Context, svc *Service, cfg *Config, key any, describe func() *Operation, params any) (any, middleware.Metadata, error) {
	if p := cfg.preparedStack(svc, key, describe); p != nil {
		result, metadata, err := p.handler.Handle(callContext(ctx, svc, p.name), params)
		if err != nil {
			return nil, metadata, &smithy.OperationError{ServiceID: svc.ID, OperationName: p.name, Err: err}
		}
		return result, metadata, nil
	}
	op := describe()
	ctx = callContext(ctx, svc, op.Name)
	stack := middleware.NewStack(op.Name, smithyhttp.NewStackRequest)
	wrap := func(err error) error {
		return &smithy.OperationError{ServiceID: svc.ID, OperationName: op.Name, Err: err}
	}
	tel, err := newTelemetry(svc, cfg, op.Name)
	if err != nil {
		return nil, middleware.Metadata{}, wrap(err)
	}
	if err := buildStack(stack, svc, cfg, op, tel); err != nil {
		return nil, middleware.Metadata{}, wrap(err)
	}
	// The service's customizations first, then the caller's APIOptions.
	for _, fns := range [2][]func(*middleware.Stack) error{cfg.Customizations, cfg.APIOptions} {
		for _, fn := range fns {
			if err := fn(stack); err != nil {
				return nil, middleware.Metadata{}, wrap(err)
			}
		}
	}
	if err := addUserAgent(stack, svc, cfg); err != nil {
		return nil, middleware.Metadata{}, wrap(err)
	}
	client := cfg.HTTPClient
	if client == nil {
		client = ResolveHTTPClient(nil, "")
	}
	handler := middleware.DecorateHandler(tel.clientHandler(client), stack)
	ctx, endCall := tel.startCall(ctx)
	result, metadata, err := handler.Handle(ctx, params)
	endCall(err)
	if err != nil {
		return nil, metadata, wrap(err)
	}
	return result, metadata, nil
}

// callContext is the context a call's stack runs in: the caller's, with
// the stack values of an outer call cleared and the service and operation
// named, as aws-sdk-go-v2 starts a call.
func callContext(ctx context.Context, svc *Service, operation string) context.Context {
	ctx = middleware.ClearStackValues(ctx)
	ctx = middleware.WithServiceID(ctx, svc.ID)
	return middleware.WithOperationName(ctx, operation)
}

// InvokeOutput is Invoke for a protocol package's typed Invoke: the result
// comes back as Out, the operation's output type.
func InvokeOutput[Out any](ctx context.Context, svc *Service, cfg *Config, key any, describe func() *Operation, params any) (Out, middleware.Metadata, error) {
	var zero Out
	result, metadata, err := Invoke(ctx, svc, cfg, key, describe, params)
	if err != nil {
		return zero, metadata, err
	}
	out, ok := result.(Out)
	if !ok {
		// Only a misbehaving APIOptions middleware can replace the result.
		return zero, metadata, &smithy.OperationError{ServiceID: svc.ID, OperationName: describe().Name, Err: fmt.Errorf("unexpected result type %T", result)}
	}
	return out, metadata, nil
}

// buildStack adds the middleware in aws-sdk-go-v2's order and under its
// IDs, so APIOptions written against v2 find the same anchors. The one
// difference: the endpoint is resolved in the Serialize step
// (ResolveEndpointV2, before the serializer), where v2 resolves it during
// Finalize.
func buildStack(stack *middleware.Stack, svc *Service, cfg *Config, op *Operation, tel *telemetry) error {
	logger := cfg.Logger
	if logger == nil {
		logger = logging.Nop{}
	}
	retryer := cfg.Retryer
	if retryer == nil {
		retryer = retry.NewStandard()
	}
	serializer, deserializer := op.Serializer, op.Deserializer
	if tel != nil {
		serializer = &timedSerializer{SerializeMiddleware: serializer, tel: tel}
		deserializer = &timedDeserializer{DeserializeMiddleware: deserializer, tel: tel}
	}
	steps := []error{
		middleware.AddSetLoggerMiddleware(stack, logger),
		stack.Initialize.Add(&awsmiddleware.RegisterServiceMetadata{
			ServiceID: svc.ID, Region: cfg.Region, OperationName: op.Name,
		}, middleware.Before),
		stack.Serialize.Add(&resolveEndpoint{cfg: cfg, hostPrefix: op.HostPrefix, tel: tel}, middleware.After),
		stack.Serialize.Add(serializer, middleware.After),
		awsmiddleware.AddClientRequestIDMiddleware(stack),
		stack.Finalize.Add(retry.NewAttemptMiddleware(retryer, smithyhttp.RequestCloner, func(m *retry.Attempt) {
			m.LogAttempts = cfg.ClientLogMode.IsRetries()
			if tel != nil && tel.meter != nil {
				m.OperationMeter = tel.meter
			}
		}), middleware.After),
		stack.Finalize.Add(payloadHash(op), middleware.After),
		stack.Finalize.Add(&signer{svc: svc, cfg: cfg, op: op.Name, noAuth: op.NoAuth, tel: tel, stream: op.InputEventStream}, middleware.After),
		stack.Finalize.Add(&logRequest{mode: requestLogMode(cfg.ClientLogMode, op), redact: svc.Redact}, middleware.After),
		stack.Deserialize.Add(deserializer, middleware.After),
		awsmiddleware.AddRequestIDRetrieverMiddleware(stack),
		awshttp.AddResponseErrorMiddleware(stack),
	}
	// The v1 resolver's middleware sits where aws-sdk-go-v2 has it, so
	// anchors on "ResolveEndpoint" hold with or without one.
	if cfg.LegacyEndpoint != nil {
		steps = append(steps,
			stack.Serialize.Insert(cfg.LegacyEndpoint, "ResolveEndpointV2", middleware.Before),
			stack.Initialize.Add(legacyEndpointContextSetter{}, middleware.Before))
	} else {
		steps = append(steps, stack.Serialize.Insert(noLegacyEndpoint{}, "ResolveEndpointV2", middleware.Before))
	}
	if op.IdempotencyToken != nil {
		steps = append(steps, stack.Initialize.Add(&idempotencyToken{fill: op.IdempotencyToken, provider: cfg.IdempotencyTokenProvider}, middleware.After))
	}
	if op.ChecksumRequired {
		steps = append(steps, stack.Build.Add(contentMD5{}, middleware.After))
	}
	if op.Validate != nil {
		steps = append(steps, stack.Initialize.Add(&validator{validate: op.Validate}, middleware.After))
	}
	if tel != nil && tel.tracer != nil {
		steps = append(steps, stack.Finalize.Insert(&retryLoopSpan{tel: tel}, "Retry", middleware.Before))
	}
	if cfg.EndpointDiscovery.applies(op.Discovery) {
		steps = append(steps, stack.Finalize.Insert(&discoverEndpoint{discovery: cfg.EndpointDiscovery, required: op.Discovery == DiscoveryRequired}, "Retry", middleware.After))
	}
	if op.InputEventStream {
		steps = append(steps, addInputEventStream(stack))
	}
	if cfg.Interceptors != nil {
		steps = append(steps, addInterceptors(stack, cfg.Interceptors))
	}
	return errors.Join(steps...)
}

// requestLogMode is the log mode of an operation's request: an input event
// stream's body is the stream, written after the request is logged, so it
// is logged without it, as aws-sdk-go-v2 does.
func requestLogMode(mode aws.ClientLogMode, op *Operation) aws.ClientLogMode {
	if op.InputEventStream && mode.IsRequestWithBody() {
		mode.ClearRequestWithBody()
		mode |= aws.LogRequest
	}
	return mode
}

// payloadHash is the middleware that gives the signer the request's payload
// hash: the body's SHA-256, or for an input event stream (a body still to be
// written) the hash that says its messages are signed one by one.
func payloadHash(op *Operation) middleware.FinalizeMiddleware {
	if op.InputEventStream {
		return &v4.StreamingEventsPayload{}
	}
	return &v4.ComputePayloadSHA256{}
}

// Spec is the protocol-neutral part of an operation's generated
// descriptor: its name and the functions the stack calls on its input. A
// protocol's descriptor embeds it. The input is the operation's *XInput,
// passed as any: Go types are erased in descriptors, so a client's
// operations share one descriptor type (a generic one would be a type per
// operation, with its field types, in every program that keeps methods for
// reflection). The generated functions check the input's type, as
// aws-sdk-go-v2's middleware does (Input).
type Spec struct {
	Name string
	// Validate checks required members before anything is sent; nil when the
	// input has nothing to check.
	Validate func(any) error
	// HostPrefix returns the @endpoint host prefix for an input; nil when
	// the operation has none.
	HostPrefix func(any) (string, error)
	// IdempotencyToken returns the input with its idempotency token filled
	// in from newToken when the caller left it nil (a copy; the caller's
	// value is not changed); nil when the operation has no token.
	IdempotencyToken func(v any, newToken func() (string, error)) (any, error)
	// ChecksumRequired: @httpChecksumRequired, the request carries the
	// Content-MD5 of its body.
	ChecksumRequired bool
	// Discovery: the operation may go to a discovered endpoint.
	Discovery DiscoveryMode
	// NoAuth: the operation's @auth is empty; its default auth option is
	// anonymous.
	NoAuth bool
	// InputEventStream: the request body is an event stream.
	InputEventStream bool
}

// Input converts a type-erased input back to In, or says what it got.
func Input[In any](v any) (In, error) {
	p, ok := v.(In)
	if !ok {
		return p, fmt.Errorf("unknown input parameters type %T", v)
	}
	return p, nil
}
