package client

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/defaults"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// ResolveRetryer returns the retryer a client uses, as aws-sdk-go-v2 builds
// it: the caller's own, else the standard or adaptive retryer for mode with
// maxAttempts (0 keeps the default of 3); a non-zero maxAttempts is then
// applied on top.
func ResolveRetryer(r aws.Retryer, mode aws.RetryMode, maxAttempts int) aws.Retryer {
	if r == nil {
		standard := func(o *retry.StandardOptions) {
			if maxAttempts != 0 {
				o.MaxAttempts = maxAttempts
			}
		}
		if mode == aws.RetryModeAdaptive {
			r = retry.NewAdaptiveMode(func(o *retry.AdaptiveModeOptions) {
				o.StandardOptions = append(o.StandardOptions, standard)
			})
		} else {
			r = retry.NewStandard(standard)
		}
	}
	if maxAttempts != 0 {
		return retry.AddWithMaxAttempts(r, maxAttempts)
	}
	return r
}

// ResolveHTTPClient returns the HTTP client a client uses, as
// aws-sdk-go-v2 does: c when it is the caller's own; otherwise c or
// aws-sdk-go-v2's default buildable client, with the connect and TLS
// handshake timeouts of the defaults mode (none for legacy).
func ResolveHTTPClient(c smithyhttp.ClientDo, mode aws.DefaultsMode) smithyhttp.ClientDo {
	buildable, ok := c.(*awshttp.BuildableClient)
	if c != nil && !ok {
		return c
	}
	if buildable == nil {
		buildable = awshttp.NewBuildableClient()
	}
	config, err := defaults.GetModeConfiguration(mode)
	if err != nil {
		return buildable
	}
	if timeout, ok := config.GetConnectTimeout(); ok {
		buildable = buildable.WithDialerOptions(func(d *net.Dialer) { d.Timeout = timeout })
	}
	if timeout, ok := config.GetTLSNegotiationTimeout(); ok {
		buildable = buildable.WithTransportOptions(func(t *http.Transport) { t.TLSHandshakeTimeout = timeout })
	}
	return buildable
}

// ResolveDefaultsMode is the defaults mode a client settles at New, as
// aws-sdk-go-v2 does: one settled before (a client made from another's
// Options) is kept; "" is legacy; auto picks in-region, cross-region or
// mobile from the region and the runtime environment.
func ResolveDefaultsMode(resolved, mode aws.DefaultsMode, region string, env aws.RuntimeEnvironment) aws.DefaultsMode {
	if resolved != "" {
		return resolved
	}
	var m aws.DefaultsMode
	m.SetFromString(string(mode))
	if m == aws.DefaultsModeAuto {
		m = defaults.ResolveDefaultsModeAuto(region, env)
	}
	return m
}

// DefaultRetryMode is the retry mode of a client without a Retryer of its
// own: the caller's, else the defaults mode's, else standard.
func DefaultRetryMode(mode aws.RetryMode, defaultsMode aws.DefaultsMode) aws.RetryMode {
	if mode != "" {
		return mode
	}
	if config, err := defaults.GetModeConfiguration(defaultsMode); err == nil && config.RetryMode != "" {
		return config.RetryMode
	}
	return aws.RetryModeStandard
}

// ResolveCredentials wraps a provider in aws.CredentialsCache, so credentials
// are fetched once and refreshed when they expire, unless it already is one
// or requests are anonymous.
func ResolveCredentials(p aws.CredentialsProvider) aws.CredentialsProvider {
	if IsAnonymous(p) || aws.IsCredentialsProvider(p, (*aws.CredentialsCache)(nil)) {
		return p
	}
	return aws.NewCredentialsCache(p)
}

// EndpointOptionsFrom reads the FIPS and dual-stack settings
// config.LoadDefaultConfig found (environment, shared config), as
// aws-sdk-go-v2 clients do.
func EndpointOptionsFrom(cfg aws.Config) EndpointOptions {
	var o EndpointOptions
	ctx := context.Background()
	for _, src := range cfg.ConfigSources {
		if p, ok := src.(interface {
			GetUseFIPSEndpoint(context.Context) (aws.FIPSEndpointState, bool, error)
		}); ok && o.UseFIPSEndpoint == aws.FIPSEndpointStateUnset {
			if v, found, err := p.GetUseFIPSEndpoint(ctx); err == nil && found {
				o.UseFIPSEndpoint = v
			}
		}
		if p, ok := src.(interface {
			GetUseDualStackEndpoint(context.Context) (aws.DualStackEndpointState, bool, error)
		}); ok && o.UseDualStackEndpoint == aws.DualStackEndpointStateUnset {
			if v, found, err := p.GetUseDualStackEndpoint(ctx); err == nil && found {
				o.UseDualStackEndpoint = v
			}
		}
	}
	return o
}

// ConfigRetryer is the retryer cfg asks for: cfg.Retryer's, or nil for the
// client's default.
func ConfigRetryer(cfg aws.Config) aws.Retryer {
	if cfg.Retryer == nil {
		return nil
	}
	return cfg.Retryer()
}

// ResolveBaseEndpoint returns the base endpoint a client built from cfg
// uses, with aws-sdk-go-v2's precedence: the service's own setting from
// cfg's config sources (AWS_ENDPOINT_URL_<SERVICE_ID>, then the shared
// config profile's services section) beats cfg.BaseEndpoint (AWS_ENDPOINT_URL
// or the profile's endpoint_url), except that a global AWS_ENDPOINT_URL in the
// environment beats a services section in the file.
// AWS_IGNORE_CONFIGURED_ENDPOINT_URLS (or its shared-config form) turns the
// service-specific settings off, as config.LoadDefaultConfig already did
// for cfg.BaseEndpoint.
func ResolveBaseEndpoint(cfg aws.Config, sdkID string) *string {
	base := cfg.BaseEndpoint
	_, global := os.LookupEnv("AWS_ENDPOINT_URL")
	_, own := os.LookupEnv("AWS_ENDPOINT_URL_" + strings.ReplaceAll(strings.ToUpper(sdkID), " ", "_"))
	if global && !own {
		return base
	}
	ctx := context.Background()
	for _, src := range cfg.ConfigSources {
		p, ok := src.(interface {
			GetIgnoreConfiguredEndpoints(context.Context) (bool, bool, error)
		})
		if !ok {
			continue
		}
		if ignore, found, err := p.GetIgnoreConfiguredEndpoints(ctx); err != nil || found {
			if found && ignore {
				return base
			}
			break
		}
	}
	for _, src := range cfg.ConfigSources {
		p, ok := src.(interface {
			GetServiceBaseEndpoint(context.Context, string) (string, bool, error)
		})
		if !ok {
			continue
		}
		v, found, err := p.GetServiceBaseEndpoint(ctx, sdkID)
		if err != nil {
			return base
		}
		if found {
			return &v
		}
	}
	return base
}

// OptionalString is nil for "", so an unset option reads as an unset
// endpoint parameter.
func OptionalString(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// AccountIDEndpointMode is the AWS::Auth::AccountIdEndpointMode parameter
// of a mode: "preferred" when it is unset, as in aws-sdk-go-v2.
func AccountIDEndpointMode(mode aws.AccountIDEndpointMode) *string {
	if mode == "" {
		mode = aws.AccountIDEndpointModePreferred
	}
	s := string(mode)
	return &s
}

// AccountID is the AWS::Auth::AccountId parameter of a call: the account
// ID the credentials carry, unless the mode is disabled. Under "required"
// credentials without one are an error, before anything is sent.
func AccountID(ctx context.Context, creds aws.CredentialsProvider, mode aws.AccountIDEndpointMode) (*string, error) {
	if mode == aws.AccountIDEndpointModeDisabled {
		return nil, nil
	}
	var id string
	if !IsAnonymous(creds) {
		c, err := creds.Retrieve(ctx)
		if err != nil {
			return nil, fmt.Errorf("failed to retrieve credentials for the account ID endpoint: %w", err)
		}
		id = c.AccountID
	}
	if id == "" {
		if mode == aws.AccountIDEndpointModeRequired {
			return nil, fmt.Errorf("accountID is required but not set (AccountIDEndpointMode is %q)", mode)
		}
		return nil, nil
	}
	return &id, nil
}
