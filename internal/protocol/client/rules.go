package client

import (
	"fmt"
	"net/http"
	"net/url"
	"sync"

	"github.com/aws/smithy-go"
	smithyendpoints "github.com/aws/smithy-go/endpoints"

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

// signingOverrides reads the sigv4 auth scheme a rule set may attach
// (signingName, signingRegion).
func signingOverrides(props smithy.Properties) (name, region string) {
	schemes, _ := props.Get("authSchemes").([]any)
	for _, s := range schemes {
		m, ok := s.(map[string]any)
		if !ok || m["name"] != "sigv4" {
			continue
		}
		name, _ = m["signingName"].(string)
		region, _ = m["signingRegion"].(string)
		return name, region
	}
	return "", ""
}
