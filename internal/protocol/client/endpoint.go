package client

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"

	"github.com/aws/smithy-go"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"
	"github.com/gosmith/gosmith/internal/protocol/endpoints"
)

// resolveEndpoint points the request at the endpoint Config.ResolveEndpoint
// picks, with the operation's @endpoint host prefix in front of its host.
type resolveEndpoint struct {
	cfg        *Config
	hostPrefix func(any) (string, error) // nil: none
}

func (*resolveEndpoint) ID() string { return "ResolveEndpoint" }

func (m *resolveEndpoint) HandleSerialize(ctx context.Context, in middleware.SerializeInput, next middleware.SerializeHandler) (
	middleware.SerializeOutput, middleware.Metadata, error,
) {
	req, ok := in.Request.(*smithyhttp.Request)
	if !ok {
		return middleware.SerializeOutput{}, middleware.Metadata{}, fmt.Errorf("unknown transport type %T", in.Request)
	}
	if m.cfg.ResolveEndpoint == nil {
		return middleware.SerializeOutput{}, middleware.Metadata{}, fmt.Errorf("failed to resolve service endpoint: no endpoint resolver")
	}
	ep, err := m.cfg.ResolveEndpoint(ctx, in.Parameters)
	if err != nil {
		// aws-sdk-go-v2's words: its middleware says "failed to resolve
		// service endpoint, ", its generated resolvers "endpoint rule
		// error, " before a rule's message.
		var rule *endpoints.RuleError
		if errors.As(err, &rule) {
			return middleware.SerializeOutput{}, middleware.Metadata{}, fmt.Errorf("failed to resolve service endpoint, endpoint rule error, %w", err)
		}
		return middleware.SerializeOutput{}, middleware.Metadata{}, fmt.Errorf("failed to resolve service endpoint, %w", err)
	}
	u := &ep.URI
	if u.Scheme == "" || u.Host == "" {
		return middleware.SerializeOutput{}, middleware.Metadata{}, fmt.Errorf("failed to resolve service endpoint: %q is not an absolute URL", u.String())
	}
	for k, v := range ep.Headers {
		for _, hv := range v {
			req.Header.Add(k, hv)
		}
	}
	if name, region := signingOverrides(ep.Properties); name != "" || region != "" {
		ctx = middleware.WithStackValue(ctx, signingOverrideKey{}, signingOverride{name: name, region: region})
	}
	req.URL.Scheme = u.Scheme
	req.URL.Host = u.Host
	// The protocol's serializer joins the operation's path onto the
	// endpoint's.
	req.URL.Path, req.URL.RawPath = u.Path, u.RawPath
	req.Host = ""
	if m.hostPrefix != nil {
		prefix, err := m.hostPrefix(in.Parameters)
		if err != nil {
			return middleware.SerializeOutput{}, middleware.Metadata{}, &smithy.SerializationError{Err: err}
		}
		req.URL.Host = prefix + req.URL.Host
	}
	return next.HandleSerialize(ctx, in)
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

// signingOverrideKey carries the endpoint's sigv4 auth scheme overrides from
// endpoint resolution to the signer.
type signingOverrideKey struct{}

type signingOverride struct{ name, region string }
