package client

import (
	"context"
	"sync"

	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// A prepared stack is an operation's stack for a client's own settings,
// built once by the same code that builds a call's stack, then linked into
// a handler that calls the same middleware in the same order. smithy-go's
// Stack links its steps anew on every call (each step points its last
// middleware at the next step), so one Stack cannot serve two calls at
// once; the links of a prepared stack never change, and every middleware
// in it keeps nothing of a call in itself, so it serves any number of calls
// at once.
//
// A call uses its client's prepared stack only when nobody can see the
// stack: no optFns (which may add APIOptions or change the settings), no
// APIOptions, no interceptors, no tracing or metrics. Everything else gets
// a stack of its own, as in aws-sdk-go-v2.

// preparedStacks are the prepared stacks of one client's shared Config,
// by operation.
type preparedStacks struct {
	// usable: the settings leave the stack unseen (see above).
	usable bool
	stacks sync.Map // operation key -> *preparedStack
}

// preparedStack is one operation's prepared stack; handler is nil when the
// stack holds middleware that is not known to be reentrant, and every call
// then builds its own.
type preparedStack struct {
	handler middleware.Handler
	name    string // the operation's
}

// Share marks cfg as the settings of every call its client makes without
// optFns, resolved once: calls with it reuse each operation's prepared
// stack when they can (see preparedStack). cfg must not change afterwards.
func (cfg *Config) Share() *Config {
	cfg.prepared = &preparedStacks{
		usable: len(cfg.APIOptions) == 0 && !hasInterceptors(cfg.Interceptors) &&
			(cfg.TracerProvider == nil || isNopTracerProvider(cfg.TracerProvider)) &&
			(cfg.MeterProvider == nil || isNopMeterProvider(cfg.MeterProvider)),
	}
	return cfg
}

// preparedStack returns the prepared stack of the operation key names
// (describe builds its description), or nil when the call must build its
// own.
func (cfg *Config) preparedStack(svc *Service, key any, describe func() *Operation) *preparedStack {
	p := cfg.prepared
	if p == nil || !p.usable {
		return nil
	}
	s, ok := p.stacks.Load(key)
	if !ok {
		s, _ = p.stacks.LoadOrStore(key, prepare(svc, cfg, describe()))
	}
	if s := s.(*preparedStack); s.handler != nil {
		return s
	}
	return nil
}

// prepare builds the operation's stack as a call would (without APIOptions,
// which a prepared stack never has) and links it. A stack that fails to
// build is not prepared: each call then builds it and reports the error.
func prepare(svc *Service, cfg *Config, op *Operation) *preparedStack {
	stack := middleware.NewStack(op.Name, smithyhttp.NewStackRequest)
	if err := buildStack(stack, svc, cfg, op, nil); err != nil {
		return &preparedStack{}
	}
	for _, fn := range cfg.Customizations {
		if err := fn(stack); err != nil {
			return &preparedStack{}
		}
	}
	if err := addUserAgent(stack, svc, cfg); err != nil {
		return &preparedStack{}
	}
	client := cfg.HTTPClient
	if client == nil {
		client = ResolveHTTPClient(nil, "")
	}
	h, ok := link(stack, transport{client})
	if !ok {
		return &preparedStack{}
	}
	return &preparedStack{handler: h, name: op.Name}
}

// Reentrant is implemented by middleware that keeps nothing of a call in
// itself, so one value can serve concurrent calls of a prepared stack. The
// runtime's own middleware and the aws-sdk-go-v2 middleware it adds are
// known to be; a service customization says so with this method.
type Reentrant interface {
	Reentrant()
}

// reentrant reports whether m can serve concurrent calls.
func reentrant(m any) bool {
	switch m.(type) {
	case Reentrant,
		*validator, *idempotencyToken, contentMD5, *resolveEndpoint, noLegacyEndpoint,
		legacyEndpointContextSetter, *userAgent, *signer, *logRequest, *deserializer,
		*discoverEndpoint,
		*awsmiddleware.RegisterServiceMetadata, *awsmiddleware.ClientRequestID,
		*awsmiddleware.RequestIDRetriever, *awshttp.ResponseErrorWrapper,
		*v4.ComputePayloadSHA256, *retry.Attempt:
		return true
	}
	// smithy-go's setLogger (AddSetLoggerMiddleware) is unexported; it
	// only holds the logger.
	if m, ok := m.(middleware.InitializeMiddleware); ok && m.ID() == "SetLogger" {
		return true
	}
	return false
}

// link links the stack's middleware into one handler, ending in h (the
// transport), with the hand-offs between steps smithy-go's steps make; ok
// is false when a middleware is not known to be reentrant.
func link(s *middleware.Stack, h middleware.Handler) (_ middleware.Handler, ok bool) {
	deserialize, ok := linkStep[middleware.DeserializeHandler](s.Deserialize.List(), s.Deserialize.Get, deserializeEnd{h},
		func(m middleware.DeserializeMiddleware, next middleware.DeserializeHandler) middleware.DeserializeHandler {
			return &deserializeLink{m, next}
		})
	if !ok {
		return nil, false
	}
	finalize, ok := linkStep[middleware.FinalizeHandler](s.Finalize.List(), s.Finalize.Get, finalizeEnd{deserialize},
		func(m middleware.FinalizeMiddleware, next middleware.FinalizeHandler) middleware.FinalizeHandler {
			return &finalizeLink{m, next}
		})
	if !ok {
		return nil, false
	}
	build, ok := linkStep[middleware.BuildHandler](s.Build.List(), s.Build.Get, buildEnd{finalize},
		func(m middleware.BuildMiddleware, next middleware.BuildHandler) middleware.BuildHandler {
			return &buildLink{m, next}
		})
	if !ok {
		return nil, false
	}
	serialize, ok := linkStep[middleware.SerializeHandler](s.Serialize.List(), s.Serialize.Get, serializeEnd{build},
		func(m middleware.SerializeMiddleware, next middleware.SerializeHandler) middleware.SerializeHandler {
			return &serializeLink{m, next}
		})
	if !ok {
		return nil, false
	}
	initialize, ok := linkStep[middleware.InitializeHandler](s.Initialize.List(), s.Initialize.Get, initializeEnd{serialize},
		func(m middleware.InitializeMiddleware, next middleware.InitializeHandler) middleware.InitializeHandler {
			return &initializeLink{m, next}
		})
	if !ok {
		return nil, false
	}
	return stackHandler{initialize}, true
}

// linkStep links one step's middleware (ids, in order) in front of next;
// ok is false when one is not known to be reentrant.
func linkStep[H, M any](ids []string, get func(string) (M, bool), next H, wrap func(M, H) H) (_ H, ok bool) {
	for i := len(ids) - 1; i >= 0; i-- {
		m, _ := get(ids[i])
		if !reentrant(m) {
			return next, false
		}
		next = wrap(m, next)
	}
	return next, true
}

// The links: each calls its middleware with the next handler. The ends
// hand over to the next step as smithy-go's steps do: Serialize gets the
// parameters and a new request, Build, Finalize and Deserialize the
// request, the transport handler the request; each step returns the
// result below it, and Deserialize's starts out as the raw response.

type stackHandler struct{ next middleware.InitializeHandler }

func (h stackHandler) Handle(ctx context.Context, params any) (any, middleware.Metadata, error) {
	out, metadata, err := h.next.HandleInitialize(ctx, middleware.InitializeInput{Parameters: params})
	return out.Result, metadata, err
}

type initializeLink struct {
	m    middleware.InitializeMiddleware
	next middleware.InitializeHandler
}

func (l *initializeLink) HandleInitialize(ctx context.Context, in middleware.InitializeInput) (middleware.InitializeOutput, middleware.Metadata, error) {
	return l.m.HandleInitialize(ctx, in, l.next)
}

type initializeEnd struct{ next middleware.SerializeHandler }

func (e initializeEnd) HandleInitialize(ctx context.Context, in middleware.InitializeInput) (middleware.InitializeOutput, middleware.Metadata, error) {
	out, metadata, err := e.next.HandleSerialize(ctx, middleware.SerializeInput{Parameters: in.Parameters, Request: smithyhttp.NewStackRequest()})
	return middleware.InitializeOutput(out), metadata, err
}

type serializeLink struct {
	m    middleware.SerializeMiddleware
	next middleware.SerializeHandler
}

func (l *serializeLink) HandleSerialize(ctx context.Context, in middleware.SerializeInput) (middleware.SerializeOutput, middleware.Metadata, error) {
	return l.m.HandleSerialize(ctx, in, l.next)
}

type serializeEnd struct{ next middleware.BuildHandler }

func (e serializeEnd) HandleSerialize(ctx context.Context, in middleware.SerializeInput) (middleware.SerializeOutput, middleware.Metadata, error) {
	out, metadata, err := e.next.HandleBuild(ctx, middleware.BuildInput{Request: in.Request})
	return middleware.SerializeOutput(out), metadata, err
}

type buildLink struct {
	m    middleware.BuildMiddleware
	next middleware.BuildHandler
}

func (l *buildLink) HandleBuild(ctx context.Context, in middleware.BuildInput) (middleware.BuildOutput, middleware.Metadata, error) {
	return l.m.HandleBuild(ctx, in, l.next)
}

type buildEnd struct{ next middleware.FinalizeHandler }

func (e buildEnd) HandleBuild(ctx context.Context, in middleware.BuildInput) (middleware.BuildOutput, middleware.Metadata, error) {
	out, metadata, err := e.next.HandleFinalize(ctx, middleware.FinalizeInput(in))
	return middleware.BuildOutput(out), metadata, err
}

type finalizeLink struct {
	m    middleware.FinalizeMiddleware
	next middleware.FinalizeHandler
}

func (l *finalizeLink) HandleFinalize(ctx context.Context, in middleware.FinalizeInput) (middleware.FinalizeOutput, middleware.Metadata, error) {
	return l.m.HandleFinalize(ctx, in, l.next)
}

type finalizeEnd struct{ next middleware.DeserializeHandler }

func (e finalizeEnd) HandleFinalize(ctx context.Context, in middleware.FinalizeInput) (middleware.FinalizeOutput, middleware.Metadata, error) {
	out, metadata, err := e.next.HandleDeserialize(ctx, middleware.DeserializeInput(in))
	return middleware.FinalizeOutput{Result: out.Result}, metadata, err
}

type deserializeLink struct {
	m    middleware.DeserializeMiddleware
	next middleware.DeserializeHandler
}

func (l *deserializeLink) HandleDeserialize(ctx context.Context, in middleware.DeserializeInput) (middleware.DeserializeOutput, middleware.Metadata, error) {
	return l.m.HandleDeserialize(ctx, in, l.next)
}

type deserializeEnd struct{ next middleware.Handler }

func (e deserializeEnd) HandleDeserialize(ctx context.Context, in middleware.DeserializeInput) (middleware.DeserializeOutput, middleware.Metadata, error) {
	res, metadata, err := e.next.Handle(ctx, in.Request)
	return middleware.DeserializeOutput{RawResponse: res}, metadata, err
}
