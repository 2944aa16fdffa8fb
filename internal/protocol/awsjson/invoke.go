// Package awsjson is the runtime that generated awsJson1_0/awsJson1_1 clients
// call: it builds the smithy-go middleware stack for one operation (validate,
// serialize, sign, retry, deserialize) so generated code only describes the
// operation and its codecs.
package awsjson

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/smithy-go"
	smithyendpoints "github.com/aws/smithy-go/endpoints"
	"github.com/aws/smithy-go/logging"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"

	"github.com/gosmith/gosmith/internal/protocol/jsonwire"
)

// Service holds the facts every operation of one generated service shares.
type Service struct {
	// ID is the SDK service ID (aws.api#service sdkId), e.g. "Storage Gateway";
	// it names the service in *smithy.OperationError.
	ID string
	// TargetPrefix is the X-Amz-Target prefix: the service shape's name.
	TargetPrefix string
	// ContentType is "application/x-amz-json-1.0" or "application/x-amz-json-1.1".
	ContentType string
	// SigningName is the SigV4 service name (aws.auth#sigv4 name).
	SigningName string
	// EndpointPrefix is the host prefix of the default regional endpoint.
	EndpointPrefix string
	// QueryCompatible services (aws.protocols#awsQueryCompatible) get the
	// x-amzn-query-mode header, and their error codes may come from
	// x-amzn-query-error.
	QueryCompatible bool
	// SensitiveKeys are the JSON names of @sensitive members; their values
	// are redacted from logged request and response bodies.
	SensitiveKeys map[string]bool
}

// Config is one call's resolved client settings, copied from the generated
// package's Options.
type Config struct {
	Region        string
	Credentials   aws.CredentialsProvider
	HTTPClient    smithyhttp.ClientDo
	Retryer       aws.Retryer
	BaseEndpoint  *string
	APIOptions    []func(*middleware.Stack) error
	Logger        logging.Logger
	ClientLogMode aws.ClientLogMode
	// ResolveEndpoint picks the endpoint of a call (the generated client's
	// EndpointResolverV2 over its options); nil means BaseEndpoint or the
	// regional default.
	ResolveEndpoint func(context.Context) (smithyendpoints.Endpoint, error)
	// Signer signs requests; nil means a default v4.Signer.
	Signer HTTPSigner
	// Clock gives the signing time; nil means time.Now.
	Clock func() time.Time
	// DisableRequestCompression turns off @requestCompression.
	DisableRequestCompression bool
	// RequestMinCompressSizeBytes is the smallest body that is compressed;
	// 0 means the default of 10240 bytes.
	RequestMinCompressSizeBytes int64
}

// HTTPSigner signs a request with SigV4; *v4.Signer is one, and the
// generated Options.HTTPSignerV4 (as in aws-sdk-go-v2) takes any.
type HTTPSigner interface {
	SignHTTP(ctx context.Context, credentials aws.Credentials, r *http.Request, payloadHash, service, region string, signingTime time.Time, optFns ...func(*v4.SignerOptions)) error
}

// Operation describes one operation to the runtime: its name and the
// generated functions that validate, encode and decode its shapes. In and
// Out are pointer types (*XInput, *XOutput): every instantiation then has
// the same GC shape, so the generic code is compiled once for all
// operations of a package instead of once per operation.
type Operation[In, Out any] struct {
	Name string
	// New returns a new, empty output.
	New func() Out
	// Validate checks required members before anything is sent; nil when the
	// input has nothing to check.
	Validate func(In) error
	// Serialize writes the input as the JSON request body.
	Serialize func(*jsonwire.Encoder, In)
	// Deserialize reads a 2xx response body into the output.
	Deserialize func(*jsonwire.Decoder, Out) error
	// Errors are the operation's modeled errors, matched by code.
	Errors []ErrorType
	// HostPrefix returns the @endpoint host prefix for an input; nil when
	// the operation has none.
	HostPrefix func(In) (string, error)
	// IdempotencyToken returns the input with its idempotency token filled
	// in when the caller left it nil (a copy; the caller's value is not
	// changed); nil when the operation has no token.
	IdempotencyToken func(In) (In, error)
	// Compress: the operation allows gzip request compression.
	Compress bool

	once sync.Once
	rt   *opRuntime
}

// opRuntime is an operation with its Go types erased. The middleware, the
// bulk of the runtime, works on it, so it is compiled once rather than once
// per operation (generic code over struct types is instantiated per type:
// with 96 operations that was most of a client's build time).
type opRuntime struct {
	name        string
	validate    func(any) error // nil: nothing to check
	serialize   func(*jsonwire.Encoder, any) error
	newOutput   func() any
	deserialize func(*jsonwire.Decoder, any) error
	errors      []ErrorType
	hostPrefix  func(any) (string, error) // nil: no prefix
	idempotency func(any) (any, error)    // nil: no token
	compress    bool
}

// runtime builds the type-erased view once; only these small closures are
// instantiated per operation.
func (op *Operation[In, Out]) runtime() *opRuntime {
	op.once.Do(func() {
		input := func(v any) (In, error) {
			p, ok := v.(In)
			if !ok {
				return p, fmt.Errorf("unknown input parameters type %T", v)
			}
			return p, nil
		}
		rt := &opRuntime{
			name:   op.Name,
			errors: op.Errors,
			serialize: func(e *jsonwire.Encoder, v any) error {
				p, err := input(v)
				if err == nil {
					op.Serialize(e, p)
				}
				return err
			},
			newOutput:   func() any { return op.New() },
			deserialize: func(d *jsonwire.Decoder, v any) error { return op.Deserialize(d, v.(Out)) },
			compress:    op.Compress,
		}
		if op.Validate != nil {
			rt.validate = func(v any) error {
				p, err := input(v)
				if err != nil {
					return err
				}
				return op.Validate(p)
			}
		}
		if op.HostPrefix != nil {
			rt.hostPrefix = func(v any) (string, error) {
				p, err := input(v)
				if err != nil {
					return "", err
				}
				return op.HostPrefix(p)
			}
		}
		if op.IdempotencyToken != nil {
			rt.idempotency = func(v any) (any, error) {
				p, err := input(v)
				if err != nil {
					return nil, err
				}
				return op.IdempotencyToken(p)
			}
		}
		op.rt = rt
	})
	return op.rt
}

// ErrorType binds a modeled error's code to the function that decodes it.
type ErrorType struct {
	Code   string
	Decode func(*jsonwire.Decoder) (error, error)
}

// ErrorDecoder adapts a generated error-structure deserializer into the form
// ErrorType wants, so generated code needs no wrapper per error.
func ErrorDecoder[T any, P interface {
	*T
	error
}](decode func(*jsonwire.Decoder, P) error) func(*jsonwire.Decoder) (error, error) {
	return func(d *jsonwire.Decoder) (error, error) {
		v := P(new(T))
		if err := decode(d, v); err != nil {
			return nil, err
		}
		return v, nil
	}
}

// Invoke runs one operation through a fresh middleware stack and returns the
// decoded output with the call's metadata. Errors are wrapped in
// *smithy.OperationError, as aws-sdk-go-v2 clients do.
func Invoke[In, Out any](ctx context.Context, svc *Service, cfg *Config, op *Operation[In, Out], params In) (Out, middleware.Metadata, error) {
	var zero Out
	result, metadata, err := invoke(ctx, svc, cfg, op.runtime(), params)
	if err != nil {
		return zero, metadata, err
	}
	out, ok := result.(Out)
	if !ok {
		// Only a misbehaving APIOptions middleware can replace the result.
		return zero, metadata, &smithy.OperationError{ServiceID: svc.ID, OperationName: op.Name, Err: fmt.Errorf("unexpected result type %T", result)}
	}
	return out, metadata, nil
}

func invoke(ctx context.Context, svc *Service, cfg *Config, op *opRuntime, params any) (any, middleware.Metadata, error) {
	ctx = middleware.ClearStackValues(ctx)
	ctx = middleware.WithServiceID(ctx, svc.ID)
	ctx = middleware.WithOperationName(ctx, op.name)

	stack := middleware.NewStack(op.name, smithyhttp.NewStackRequest)
	wrap := func(err error) error {
		return &smithy.OperationError{ServiceID: svc.ID, OperationName: op.name, Err: err}
	}
	if err := buildStack(stack, svc, cfg, op); err != nil {
		return nil, middleware.Metadata{}, wrap(err)
	}
	for _, fn := range cfg.APIOptions {
		if err := fn(stack); err != nil {
			return nil, middleware.Metadata{}, wrap(err)
		}
	}
	client := cfg.HTTPClient
	if client == nil {
		client = ResolveHTTPClient(nil)
	}
	handler := middleware.DecorateHandler(smithyhttp.NewClientHandlerWithOptions(client), stack)
	result, metadata, err := handler.Handle(ctx, params)
	if err != nil {
		return nil, metadata, wrap(err)
	}
	return result, metadata, nil
}

// buildStack adds the protocol's middleware in aws-sdk-go-v2's order and
// under its IDs, so APIOptions written against v2 find the same anchors.
func buildStack(stack *middleware.Stack, svc *Service, cfg *Config, op *opRuntime) error {
	logger := cfg.Logger
	if logger == nil {
		logger = logging.Nop{}
	}
	retryer := cfg.Retryer
	if retryer == nil {
		retryer = retry.NewStandard()
	}
	steps := []error{
		middleware.AddSetLoggerMiddleware(stack, logger),
		stack.Initialize.Add(&awsmiddleware.RegisterServiceMetadata{
			ServiceID: svc.ID, SigningName: svc.SigningName, Region: cfg.Region, OperationName: op.name,
		}, middleware.Before),
		stack.Serialize.Add(&resolveEndpoint{svc: svc, cfg: cfg}, middleware.After),
		stack.Serialize.Add(&serializer{svc: svc, cfg: cfg, op: op}, middleware.After),
		awsmiddleware.AddClientRequestIDMiddleware(stack),
		stack.Build.Add(userAgent{}, middleware.After),
		stack.Finalize.Add(retry.NewAttemptMiddleware(retryer, smithyhttp.RequestCloner, func(m *retry.Attempt) {
			m.LogAttempts = cfg.ClientLogMode.IsRetries()
		}), middleware.After),
		stack.Finalize.Add(&v4.ComputePayloadSHA256{}, middleware.After),
		stack.Finalize.Add(&signer{svc: svc, cfg: cfg}, middleware.After),
		stack.Finalize.Add(&logRequest{mode: cfg.ClientLogMode, sensitive: svc.SensitiveKeys}, middleware.After),
		stack.Deserialize.Add(&deserializer{op: op, svc: svc, mode: cfg.ClientLogMode}, middleware.After),
		awsmiddleware.AddRequestIDRetrieverMiddleware(stack),
		awshttp.AddResponseErrorMiddleware(stack),
	}
	if op.idempotency != nil {
		steps = append(steps, stack.Initialize.Add(&idempotencyToken{fill: op.idempotency}, middleware.After))
	}
	if op.validate != nil {
		steps = append(steps, stack.Initialize.Add(&validator{validate: op.validate}, middleware.After))
	}
	return errors.Join(steps...)
}
