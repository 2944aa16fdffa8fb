package client

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"

	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	"github.com/aws/smithy-go"
	smithyauth "github.com/aws/smithy-go/auth"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"
	"github.com/gosmith/gosmith/internal/protocol/endpoints"
)

// resolveEndpoint points the request at the endpoint Config.ResolveEndpoint
// picks (aws-sdk-go-v2's ResolveEndpointV2, run here before the serializer,
// which joins the operation's path onto the endpoint's), unless the
// deprecated v1 resolver already did; then it applies DisableHTTPS and the
// operation's @endpoint host prefix.
type resolveEndpoint struct {
	cfg        *Config
	hostPrefix func(any) (string, error) // nil: none
	tel        *telemetry
}

func (*resolveEndpoint) ID() string { return "ResolveEndpointV2" }

func (m *resolveEndpoint) HandleSerialize(ctx context.Context, in middleware.SerializeInput, next middleware.SerializeHandler) (
	middleware.SerializeOutput, middleware.Metadata, error,
) {
	req, ok := in.Request.(*smithyhttp.Request)
	if !ok {
		return middleware.SerializeOutput{}, middleware.Metadata{}, fmt.Errorf("unknown transport type %T", in.Request)
	}
	if !awsmiddleware.GetRequiresLegacyEndpoints(ctx) {
		var err error
		if ctx, err = m.resolve(ctx, req, in.Parameters); err != nil {
			return middleware.SerializeOutput{}, middleware.Metadata{}, err
		}
	}
	if m.cfg.DisableHTTPS && !smithyhttp.GetHostnameImmutable(ctx) {
		req.URL.Scheme = "http"
	}
	if m.hostPrefix != nil && !smithyhttp.GetHostnameImmutable(ctx) && !smithyhttp.IsEndpointHostPrefixDisabled(ctx) {
		prefix, err := m.hostPrefix(in.Parameters)
		if err != nil {
			return middleware.SerializeOutput{}, middleware.Metadata{}, &smithy.SerializationError{Err: err}
		}
		req.URL.Host = prefix + req.URL.Host
	}
	return next.HandleSerialize(ctx, in)
}

func (m *resolveEndpoint) resolve(ctx context.Context, req *smithyhttp.Request, input any) (context.Context, error) {
	_, span := m.tel.span(ctx, "ResolveEndpoint")
	defer span.End()
	if m.cfg.ResolveEndpoint == nil {
		return ctx, fmt.Errorf("failed to resolve service endpoint: no endpoint resolver")
	}
	stop := m.tel.timer(ctx, metricResolveEndpoint)
	ep, err := m.cfg.ResolveEndpoint(ctx, input)
	stop()
	if err != nil {
		// aws-sdk-go-v2's words: its middleware says "failed to resolve
		// service endpoint, ", its generated resolvers "endpoint rule
		// error, " before a rule's message.
		var rule *endpoints.RuleError
		if errors.As(err, &rule) {
			return ctx, fmt.Errorf("failed to resolve service endpoint, endpoint rule error, %w", err)
		}
		return ctx, fmt.Errorf("failed to resolve service endpoint, %w", err)
	}
	u := &ep.URI
	if u.Scheme == "" || u.Host == "" {
		return ctx, fmt.Errorf("failed to resolve service endpoint: %q is not an absolute URL", u.String())
	}
	if m.tel != nil && m.tel.tracer != nil {
		span.SetProperty("client.call.resolved_endpoint", u.String())
	}
	for k, v := range ep.Headers {
		for _, hv := range v {
			req.Header.Add(k, hv)
		}
	}
	// Properties.Get makes the map of empty properties: look only when
	// there are some.
	if len(ep.Properties.Values()) > 0 {
		if opts, ok := smithyauth.GetAuthOptions(&ep.Properties); ok && len(opts) > 0 {
			ctx = middleware.WithStackValue(ctx, endpointAuthKey{}, opts)
		}
	}
	req.URL.Scheme = u.Scheme
	req.URL.Host = u.Host
	// The protocol's serializer joins the operation's path onto the
	// endpoint's.
	req.URL.Path, req.URL.RawPath = u.Path, u.RawPath
	req.Host = ""
	return ctx, nil
}

// Endpoint returns the URL a request goes to. BaseEndpoint wins when set; it
// must be an absolute http(s) URL without query or fragment. Otherwise the
// region must be a valid DNS label and selects the partition's DNS suffix.
func Endpoint(prefix, region string, base *string) (*url.URL, error) {
	if base != nil {
		u, err := url.Parse(*base)
		if err != nil {
			return nil, fmt.Errorf("BaseEndpoint %q: %w", *base, err)
		}
		if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return nil, fmt.Errorf("BaseEndpoint %q: want an absolute http or https URL", *base)
		}
		if u.RawQuery != "" || u.Fragment != "" || u.User != nil {
			return nil, fmt.Errorf("BaseEndpoint %q: must not carry user info, a query or a fragment", *base)
		}
		return u, nil
	}
	if region == "" {
		return nil, fmt.Errorf("invalid configuration: missing region; set Options.Region or BaseEndpoint")
	}
	if !validHostLabel(region) {
		return nil, fmt.Errorf("invalid region %q: want a DNS label such as us-east-1", region)
	}
	return &url.URL{Scheme: "https", Host: prefix + "." + region + "." + dnsSuffix(region)}, nil
}

// dnsSuffix knows the commercial and China partitions; the full partition
// table arrives with the endpoint rule set.
func dnsSuffix(region string) string {
	if strings.HasPrefix(region, "cn-") {
		return "amazonaws.com.cn"
	}
	return "amazonaws.com"
}

func validHostLabel(s string) bool {
	if len(s) == 0 || len(s) > 63 || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}
