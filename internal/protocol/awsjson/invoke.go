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
// generated functions that validate, encode and decode its shapes.
type Operation[In, Out any] struct {
	Name string
	// Validate checks required members before anything is sent; nil when the
	// input has nothing to check.
	Validate func(*In) error
	// Serialize writes the input as the JSON request body.
	Serialize func(*jsonwire.Encoder, *In)
	// Deserialize reads a 2xx response body into the output.
	Deserialize func(*jsonwire.Decoder, *Out) error
	// Errors are the operation's modeled errors, matched by code.
	Errors []ErrorType
	// HostPrefix returns the @endpoint host prefix for an input; nil when
	// the operation has none.
	HostPrefix func(*In) (string, error)
	// IdempotencyToken returns the input with its idempotency token filled
	// in when the caller left it nil (a copy; the caller's value is not
	// changed); nil when the operation has no token.
	IdempotencyToken func(*In) (*In, error)
	// Compress: the operation allows gzip request compression.
	Compress bool
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
func Invoke[In, Out any](ctx context.Context, svc *Service, cfg *Config, op *Operation[In, Out], params *In) (*Out, middleware.Metadata, error) {
	ctx = middleware.ClearStackValues(ctx)
	ctx = middleware.WithServiceID(ctx, svc.ID)
	ctx = middleware.WithOperationName(ctx, op.Name)

	stack := middleware.NewStack(op.Name, smithyhttp.NewStackRequest)
	wrap := func(err error) error {
		return &smithy.OperationError{ServiceID: svc.ID, OperationName: op.Name, Err: err}
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
	out, ok := result.(*Out)
	if !ok {
		// Only a misbehaving APIOptions middleware can replace the result.
		return nil, metadata, wrap(fmt.Errorf("unexpected result type %T", result))
	}
	return out, metadata, nil
}

// buildStack adds the protocol's middleware in aws-sdk-go-v2's order and
// under its IDs, so APIOptions written against v2 find the same anchors.
func buildStack[In, Out any](stack *middleware.Stack, svc *Service, cfg *Config, op *Operation[In, Out]) error {
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
			ServiceID: svc.ID, SigningName: svc.SigningName, Region: cfg.Region, OperationName: op.Name,
		}, middleware.Before),
		stack.Serialize.Add(&resolveEndpoint{svc: svc, cfg: cfg}, middleware.After),
		stack.Serialize.Add(&serializer[In]{svc: svc, cfg: cfg, op: op.Name, serialize: op.Serialize, hostPrefix: op.HostPrefix, compress: op.Compress}, middleware.After),
		awsmiddleware.AddClientRequestIDMiddleware(stack),
		stack.Build.Add(userAgent{}, middleware.After),
		stack.Finalize.Add(retry.NewAttemptMiddleware(retryer, smithyhttp.RequestCloner, func(m *retry.Attempt) {
			m.LogAttempts = cfg.ClientLogMode.IsRetries()
		}), middleware.After),
		stack.Finalize.Add(&v4.ComputePayloadSHA256{}, middleware.After),
		stack.Finalize.Add(&signer{svc: svc, cfg: cfg}, middleware.After),
		stack.Finalize.Add(&logRequest{mode: cfg.ClientLogMode, sensitive: svc.SensitiveKeys}, middleware.After),
		stack.Deserialize.Add(&deserializer[Out]{op: op, svc: svc, mode: cfg.ClientLogMode}, middleware.After),
		awsmiddleware.AddRequestIDRetrieverMiddleware(stack),
		awshttp.AddResponseErrorMiddleware(stack),
	}
	if op.IdempotencyToken != nil {
		steps = append(steps, stack.Initialize.Add(&idempotencyToken[In]{fill: op.IdempotencyToken}, middleware.After))
	}
	if op.Validate != nil {
		steps = append(steps, stack.Initialize.Add(&validator[In]{validate: op.Validate}, middleware.After))
	}
	return errors.Join(steps...)
}
