//lint:file-ignore SA1019 this is aws-sdk-go-v2's deprecated v1 endpoint API, kept for the programs that use it

package client

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	smithyauth "github.com/aws/smithy-go/auth"
	smithyendpoints "github.com/aws/smithy-go/endpoints"
	"github.com/aws/smithy-go/logging"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"

	"github.com/gosmith/gosmith/internal/protocol/endpoints"
)

// The deprecated v1 endpoint API of aws-sdk-go-v2 (EndpointResolver,
// EndpointResolverFunc, EndpointResolverFromURL, WithEndpointResolver,
// aws.Config.EndpointResolverWithOptions), still how many LocalStack
// set-ups point a client at a local server. As in aws-sdk-go-v2, a v1
// resolver, when set, decides the endpoint of every call; an
// aws.EndpointNotFoundError from it falls back to the endpoint rules.

// EndpointOptions are a generated package's EndpointResolverOptions: what
// a v1 endpoint resolver is given, and the endpoint variants.
type EndpointOptions struct {
	// Logger is a logging implementation that log events should be sent to.
	Logger logging.Logger

	// LogDeprecated indicates that deprecated endpoints should be logged to the
	// provided logger.
	LogDeprecated bool

	// ResolvedRegion is used to override the region to be resolved, rather then the
	// using the value passed to the ResolveEndpoint method. This value is used by the
	// SDK to translate regions like fips-us-east-1 or us-east-1-fips to an alternative
	// name. You must not set this value directly in your application.
	ResolvedRegion string

	// DisableHTTPS informs the resolver to return an endpoint that does not use the
	// HTTPS scheme.
	DisableHTTPS bool

	// UseDualStackEndpoint specifies the resolver must resolve a dual-stack endpoint.
	UseDualStackEndpoint aws.DualStackEndpointState

	// UseFIPSEndpoint specifies the resolver must resolve a FIPS endpoint.
	UseFIPSEndpoint aws.FIPSEndpointState
}

// GetResolvedRegion returns ResolvedRegion.
func (o EndpointOptions) GetResolvedRegion() string { return o.ResolvedRegion }

// GetDisableHTTPS returns DisableHTTPS.
func (o EndpointOptions) GetDisableHTTPS() bool { return o.DisableHTTPS }

// GetUseDualStackEndpoint returns UseDualStackEndpoint.
func (o EndpointOptions) GetUseDualStackEndpoint() aws.DualStackEndpointState {
	return o.UseDualStackEndpoint
}

// GetUseFIPSEndpoint returns UseFIPSEndpoint.
func (o EndpointOptions) GetUseFIPSEndpoint() aws.FIPSEndpointState { return o.UseFIPSEndpoint }

// EndpointResolverV1 is the method set of a generated package's
// EndpointResolver.
type EndpointResolverV1 interface {
	ResolveEndpoint(region string, options EndpointOptions) (aws.Endpoint, error)
}

// CallEndpointOptions are a call's endpoint options, as aws-sdk-go-v2
// finalizes them: deprecated endpoints are logged when the log mode asks,
// and a FIPS pseudo-region (fips-us-east-1, us-east-1-fips) resolves as
// its region with FIPS on.
func CallEndpointOptions(o EndpointOptions, region string, mode aws.ClientLogMode) EndpointOptions {
	o.LogDeprecated = mode.IsDeprecatedUsage()
	if o.ResolvedRegion == "" {
		if r := fipsRegion(region); r != region {
			o.ResolvedRegion = r
			o.UseFIPSEndpoint = aws.FIPSEndpointStateEnabled
		}
	}
	return o
}

// IsFIPSRegion reports whether a region is a FIPS pseudo-region
// (fips-us-east-1, us-east-1-fips), which CallEndpointOptions maps.
func IsFIPSRegion(region string) bool { return fipsRegion(region) != region }

// EndpointRegion is the AWS::Region endpoint parameter of a region: unset
// when empty, and a FIPS pseudo-region mapped to its region. It is a new
// string, so a resolver cannot change the client's options through it.
func EndpointRegion(region string) *string {
	if region == "" {
		return nil
	}
	r := fipsRegion(region)
	return &r
}

func fipsRegion(region string) string {
	if strings.Contains(region, "-fips-") || strings.Contains(region, "fips-") || strings.Contains(region, "-fips") {
		region = strings.ReplaceAll(region, "-fips-", "-")
		region = strings.ReplaceAll(region, "fips-", "")
		region = strings.ReplaceAll(region, "-fips", "")
	}
	return region
}

// legacyEndpointContextSetter marks a call whose endpoint comes from the
// v1 resolver, so that endpoint rules step aside.
type legacyEndpointContextSetter struct{}

func (legacyEndpointContextSetter) ID() string { return "legacyEndpointContextSetter" }

func (legacyEndpointContextSetter) HandleInitialize(ctx context.Context, in middleware.InitializeInput, next middleware.InitializeHandler) (
	middleware.InitializeOutput, middleware.Metadata, error,
) {
	return next.HandleInitialize(awsmiddleware.SetRequiresLegacyEndpoints(ctx, true), in)
}

// noLegacyEndpoint stands for the ResolveEndpoint middleware of a call
// without a v1 resolver.
type noLegacyEndpoint struct{}

func (noLegacyEndpoint) ID() string { return "ResolveEndpoint" }

func (noLegacyEndpoint) HandleSerialize(ctx context.Context, in middleware.SerializeInput, next middleware.SerializeHandler) (
	middleware.SerializeOutput, middleware.Metadata, error,
) {
	return ResolveLegacyEndpoint(ctx, in, next, nil, EndpointOptions{}, "")
}

// ResolveLegacyEndpoint is a generated ResolveEndpoint middleware: when
// the call uses the v1 resolver, the request goes to the URL it returns,
// signed with its signing name (else the service's) and region.
func ResolveLegacyEndpoint(ctx context.Context, in middleware.SerializeInput, next middleware.SerializeHandler,
	resolver EndpointResolverV1, options EndpointOptions, signingName string,
) (middleware.SerializeOutput, middleware.Metadata, error) {
	if !awsmiddleware.GetRequiresLegacyEndpoints(ctx) {
		return next.HandleSerialize(ctx, in)
	}
	req, ok := in.Request.(*smithyhttp.Request)
	if !ok {
		return middleware.SerializeOutput{}, middleware.Metadata{}, fmt.Errorf("unknown transport type %T", in.Request)
	}
	if resolver == nil {
		return middleware.SerializeOutput{}, middleware.Metadata{}, fmt.Errorf("expected endpoint resolver to not be nil")
	}
	options.Logger = middleware.GetLogger(ctx)
	endpoint, err := resolver.ResolveEndpoint(awsmiddleware.GetRegion(ctx), options)
	if err != nil {
		var nf *aws.EndpointNotFoundError
		if errors.As(err, &nf) {
			ctx = awsmiddleware.SetRequiresLegacyEndpoints(ctx, false)
			return next.HandleSerialize(ctx, in)
		}
		return middleware.SerializeOutput{}, middleware.Metadata{}, fmt.Errorf("failed to resolve service endpoint, %w", err)
	}
	u, err := url.Parse(endpoint.URL)
	if err != nil {
		return middleware.SerializeOutput{}, middleware.Metadata{}, fmt.Errorf("failed to parse endpoint URL: %w", err)
	}
	req.URL = u
	if awsmiddleware.GetSigningName(ctx) == "" {
		name := endpoint.SigningName
		if name == "" {
			name = signingName
		}
		ctx = awsmiddleware.SetSigningName(ctx, name)
	}
	ctx = awsmiddleware.SetEndpointSource(ctx, endpoint.Source)
	ctx = smithyhttp.SetHostnameImmutable(ctx, endpoint.HostnameImmutable)
	ctx = awsmiddleware.SetSigningRegion(ctx, endpoint.SigningRegion)
	ctx = awsmiddleware.SetPartitionID(ctx, endpoint.PartitionID)
	return next.HandleSerialize(ctx, in)
}

// RulesEndpoint resolves the endpoint rules for a region and the endpoint
// variants: what the default v1 resolver asks of a generated package.
type RulesEndpoint func(ctx context.Context, region string, fips, dualStack bool) (smithyendpoints.Endpoint, error)

// DefaultV1Resolver is the v1 resolver a generated package's
// NewDefaultEndpointResolver returns: the service's endpoint rules, asked
// with the region and the options' variants.
type DefaultV1Resolver struct {
	rules RulesEndpoint
}

// NewDefaultV1Resolver returns a v1 resolver over the service's rules.
func NewDefaultV1Resolver(rules RulesEndpoint) *DefaultV1Resolver {
	return &DefaultV1Resolver{rules: rules}
}

// ResolveEndpoint resolves the endpoint of region, as the v1 resolvers
// did: the options' ResolvedRegion in place of region, DisableHTTPS for an
// http URL, and the signing region of the endpoint's auth scheme, else the
// region.
func (r *DefaultV1Resolver) ResolveEndpoint(region string, options EndpointOptions) (aws.Endpoint, error) {
	if region == "" {
		return aws.Endpoint{}, &aws.MissingRegionError{}
	}
	if options.ResolvedRegion != "" {
		region = options.ResolvedRegion
	}
	ep, err := r.rules(context.Background(), region,
		options.UseFIPSEndpoint == aws.FIPSEndpointStateEnabled,
		options.UseDualStackEndpoint == aws.DualStackEndpointStateEnabled)
	if err != nil {
		return aws.Endpoint{}, err
	}
	u := ep.URI
	if options.DisableHTTPS {
		u.Scheme = "http"
	}
	out := aws.Endpoint{
		URL:           u.String(),
		PartitionID:   partitionID(region),
		SigningRegion: region,
		SigningMethod: "v4",
		Source:        aws.EndpointSourceServiceMetadata,
	}
	if opts, ok := smithyauth.GetAuthOptions(&ep.Properties); ok {
		for _, o := range opts {
			if v, ok := smithyhttp.GetSigV4SigningName(&o.SignerProperties); ok {
				out.SigningName = v
			}
			if v, ok := smithyhttp.GetSigV4SigningRegion(&o.SignerProperties); ok {
				out.SigningRegion = v
			}
		}
	}
	return out, nil
}

// EndpointFromURL is EndpointResolverFromURL's resolver: always url,
// signed for the call's region unless optFns set a signing region.
func EndpointFromURL(url string, optFns ...func(*aws.Endpoint)) func(region string, options EndpointOptions) (aws.Endpoint, error) {
	e := aws.Endpoint{URL: url, Source: aws.EndpointSourceCustom}
	for _, fn := range optFns {
		fn(&e)
	}
	return func(region string, _ EndpointOptions) (aws.Endpoint, error) {
		ep := e
		if ep.SigningRegion == "" {
			ep.SigningRegion = region
		}
		return ep, nil
	}
}

// ConfigEndpointResolver is the v1 resolver NewFromConfig takes from
// aws.Config: EndpointResolverWithOptions, else EndpointResolver, asked
// for the service's ID; nil when neither is set.
func ConfigEndpointResolver(cfg aws.Config, serviceID string) EndpointResolverV1 {
	var r aws.EndpointResolverWithOptions
	switch {
	case cfg.EndpointResolverWithOptions != nil:
		r = cfg.EndpointResolverWithOptions
	case cfg.EndpointResolver != nil:
		r = aws.EndpointResolverWithOptionsFunc(func(service, region string, _ ...any) (aws.Endpoint, error) {
			return cfg.EndpointResolver.ResolveEndpoint(service, region)
		})
	default:
		return nil
	}
	return configResolver{resolver: r, serviceID: serviceID}
}

type configResolver struct {
	resolver  aws.EndpointResolverWithOptions
	serviceID string
}

func (c configResolver) ResolveEndpoint(region string, options EndpointOptions) (aws.Endpoint, error) {
	return c.resolver.ResolveEndpoint(c.serviceID, region, options)
}

// partitionID is the ID of the partition a region is in ("aws-cn").
func partitionID(region string) string { return endpoints.LookupPartition(region).ID }
