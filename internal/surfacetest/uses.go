//lint:file-ignore SA1019 this program uses aws-sdk-go-v2's deprecated v1 endpoint API on purpose

// Package surfacetest is a program over gosmith's generated Storage Gateway
// client that uses every name of aws-sdk-go-v2's client API beyond the
// operations (options, endpoint resolvers, auth schemes, telemetry,
// interceptors); its tests check that they work as in aws-sdk-go-v2, and
// that this file compiles against aws-sdk-go-v2's package too. It is a
// module of its own, so aws-sdk-go-v2's config and storagegateway modules
// stay out of gosmith's go.mod.
package surfacetest

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/smithy-go"
	smithyauth "github.com/aws/smithy-go/auth"
	"github.com/aws/smithy-go/metrics"
	"github.com/aws/smithy-go/middleware"
	"github.com/aws/smithy-go/tracing"
	smithyhttp "github.com/aws/smithy-go/transport/http"

	sg "github.com/gosmith/gosmith/service/storagegateway"
)

// Setup is what a test observes a client with.
type Setup struct {
	URL          string // where the deprecated EndpointResolver sends requests
	AppID        string
	Tracer       tracing.TracerProvider
	Meter        metrics.MeterProvider
	Interceptors smithyhttp.InterceptorRegistry
	Credentials  aws.CredentialsProvider
	APIOptions   []func(*middleware.Stack) error
}

// NewClient sets every Options field of aws-sdk-go-v2's client API and
// applies every functional option.
func NewClient(s Setup) *sg.Client {
	var legacy sg.EndpointResolver = sg.EndpointResolverFunc(func(region string, options sg.EndpointResolverOptions) (aws.Endpoint, error) {
		if options.GetDisableHTTPS() || options.DisableHTTPS {
			return aws.Endpoint{}, fmt.Errorf("unexpected DisableHTTPS")
		}
		_, _, _, _ = options.Logger, options.LogDeprecated, options.ResolvedRegion, options.GetResolvedRegion()
		_, _ = options.GetUseFIPSEndpoint(), options.GetUseDualStackEndpoint()
		return sg.EndpointResolverFromURL(s.URL).ResolveEndpoint(region, options)
	})
	var sigv4 smithyhttp.AuthScheme
	{
		// The default SigV4 scheme, as a client built without AuthSchemes has it.
		o := sg.New(sg.Options{}).Options()
		sigv4 = o.AuthSchemes[0]
	}
	opts := sg.Options{
		Region:               "us-east-1",
		Credentials:          s.Credentials,
		AppID:                s.AppID,
		DefaultsMode:         aws.DefaultsModeInRegion,
		RuntimeEnvironment:   aws.RuntimeEnvironment{EnvironmentIdentifier: "test"},
		Interceptors:         s.Interceptors,
		TracerProvider:       s.Tracer,
		MeterProvider:        s.Meter,
		AuthSchemeResolver:   AuthSchemes{},
		AuthSchemes:          []smithyhttp.AuthScheme{sigv4},
		AuthSchemePreference: []string{"sigv4"},
		EndpointResolver:     legacy,
	}
	return sg.New(opts,
		sg.WithAPIOptions(s.APIOptions...),
		sg.WithEndpointResolver(legacy),
		sg.WithEndpointResolverV2(sg.NewDefaultEndpointResolverV2()),
		sg.WithSigV4SigningName("storagegateway"),
		sg.WithSigV4SigningRegion("us-east-1"),
	)
}

// AuthSchemes is an AuthSchemeResolver: SigV4 for the service, signed for
// the call's region, then anonymous.
type AuthSchemes struct{}

var _ sg.AuthSchemeResolver = AuthSchemes{}

// ResolveAuthSchemes lists the auth options of an operation.
func (AuthSchemes) ResolveAuthSchemes(_ context.Context, params *sg.AuthResolverParameters) ([]*smithyauth.Option, error) {
	if params.Operation == "" {
		return nil, fmt.Errorf("no operation")
	}
	var props smithy.Properties
	smithyhttp.SetSigV4SigningName(&props, "storagegateway")
	smithyhttp.SetSigV4SigningRegion(&props, params.Region)
	return []*smithyauth.Option{
		{SchemeID: smithyauth.SchemeIDSigV4, SignerProperties: props},
		{SchemeID: smithyauth.SchemeIDAnonymous},
	}, nil
}

// Endpoints uses the rest of the endpoint API: parameters, the default v1
// and v2 resolvers and the v1 resolver's middleware.
func Endpoints(region string) (v1, v2 string, err error) {
	params := sg.EndpointParameters{Region: aws.String(region)}.WithDefaults()
	if err := params.ValidateRequired(); err != nil {
		return "", "", err
	}
	ep, err := sg.NewDefaultEndpointResolverV2().ResolveEndpoint(context.Background(), params)
	if err != nil {
		return "", "", err
	}
	var resolver sg.EndpointResolver = sg.NewDefaultEndpointResolver()
	old, err := resolver.ResolveEndpoint(region, sg.EndpointResolverOptions{})
	if err != nil {
		return "", "", err
	}
	var mw middleware.SerializeMiddleware = &sg.ResolveEndpoint{Resolver: resolver, Options: sg.EndpointResolverOptions{}}
	if mw.ID() != "ResolveEndpoint" {
		return "", "", fmt.Errorf("ResolveEndpoint's ID is %s", mw.ID())
	}
	return old.URL, ep.URI.String(), nil
}

// Identity asks the options for the identity of SigV4 and of anonymous
// calls.
func Identity(ctx context.Context, o sg.Options) (sigv4, anonymous smithyauth.Identity, err error) {
	r := o.GetIdentityResolver(smithyauth.SchemeIDSigV4)
	if r == nil {
		return nil, nil, fmt.Errorf("no SigV4 identity resolver")
	}
	if sigv4, err = r.GetIdentity(ctx, smithy.Properties{}); err != nil {
		return nil, nil, err
	}
	anonymous, err = o.GetIdentityResolver(smithyauth.SchemeIDAnonymous).GetIdentity(ctx, smithy.Properties{})
	return sigv4, anonymous, err
}
