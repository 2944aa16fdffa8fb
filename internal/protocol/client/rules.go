package client

import (
	"fmt"
	"net/http"
	"net/url"
	"sync"

	"github.com/aws/smithy-go"
	smithyauth "github.com/aws/smithy-go/auth"
	smithyendpoints "github.com/aws/smithy-go/endpoints"
	smithyhttp "github.com/aws/smithy-go/transport/http"

	"github.com/gosmith/gosmith/internal/protocol/endpoints"
)

// RuleSet is a generated client's endpoint rule set, parsed on first use
// and shared by every client of the package.
type RuleSet struct {
	src  string
	once sync.Once
	rs   *endpoints.RuleSet
	err  error
}

// NewRuleSet wraps the rule set's JSON; nothing is parsed yet.
func NewRuleSet(src string) *RuleSet { return &RuleSet{src: src} }

// Resolve evaluates the rule set and returns the endpoint in smithy-go's
// form, as aws-sdk-go-v2's EndpointResolverV2 does.
func (r *RuleSet) Resolve(p endpoints.Params) (smithyendpoints.Endpoint, error) {
	r.once.Do(func() { r.rs, r.err = endpoints.Parse([]byte(r.src)) })
	if r.err != nil {
		return smithyendpoints.Endpoint{}, fmt.Errorf("endpoint rule set: %w", r.err)
	}
	ep, err := r.rs.Resolve(p)
	if err != nil {
		return smithyendpoints.Endpoint{}, err
	}
	u, err := url.Parse(ep.URL)
	if err != nil {
		return smithyendpoints.Endpoint{}, fmt.Errorf("endpoint rule set produced an invalid URL %q: %w", ep.URL, err)
	}
	out := smithyendpoints.Endpoint{URI: *u, Headers: http.Header{}}
	for k, v := range ep.Headers {
		out.Headers[k] = append([]string(nil), v...)
	}
	for k, v := range ep.Properties {
		if k == "authSchemes" {
			if opts := authSchemeOptions(v); len(opts) > 0 {
				smithyauth.SetAuthOptions(&out.Properties, opts)
			}
			continue
		}
		out.Properties.Set(k, v)
	}
	return out, nil
}

// RegionalEndpoint is the endpoint of a service without a rule set:
// BaseEndpoint when set, else https://{prefix}.{region}.{dnsSuffix}. FIPS
// and dual-stack endpoints need the rule set, so asking for them is an
// error rather than a guess.
func RegionalEndpoint(prefix string, region, base *string, fips, dualStack bool) (smithyendpoints.Endpoint, error) {
	if fips || dualStack {
		return smithyendpoints.Endpoint{}, fmt.Errorf("FIPS and dual-stack endpoints need the service's endpoint rule set, which this model lacks")
	}
	r := ""
	if region != nil {
		r = *region
	}
	u, err := Endpoint(prefix, r, base)
	if err != nil {
		return smithyendpoints.Endpoint{}, err
	}
	return smithyendpoints.Endpoint{URI: *u, Headers: http.Header{}}, nil
}

// authSchemeOptions turns a rule's authSchemes property into auth options,
// as aws-sdk-go-v2's generated resolvers set them: sigv4 and sigv4a with
// their signing name, region (or region set) and double-encoding flag.
// Other schemes are left out.
func authSchemeOptions(v any) []*smithyauth.Option {
	schemes, _ := v.([]any)
	var opts []*smithyauth.Option
	for _, s := range schemes {
		m, ok := s.(map[string]any)
		if !ok {
			continue
		}
		var id string
		switch m["name"] {
		case "sigv4":
			id = smithyauth.SchemeIDSigV4
		case "sigv4a":
			id = smithyauth.SchemeIDSigV4A
		default:
			continue
		}
		var props smithy.Properties
		if name, ok := m["signingName"].(string); ok {
			smithyhttp.SetSigV4SigningName(&props, name)
			smithyhttp.SetSigV4ASigningName(&props, name)
		}
		if region, ok := m["signingRegion"].(string); ok {
			smithyhttp.SetSigV4SigningRegion(&props, region)
		}
		if set, ok := m["signingRegionSet"].([]any); ok {
			var regions []string
			for _, r := range set {
				if r, ok := r.(string); ok {
					regions = append(regions, r)
				}
			}
			smithyhttp.SetSigV4ASigningRegions(&props, regions)
		}
		if b, ok := m["disableDoubleEncoding"].(bool); ok {
			smithyhttp.SetDisableDoubleEncoding(&props, b)
		}
		opts = append(opts, &smithyauth.Option{SchemeID: id, SignerProperties: props})
	}
	return opts
}
