package client

import (
	"encoding/binary"
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
// and shared by every client of the package. The rules are a function of
// their parameters, so it keeps the endpoints it resolved (those without
// properties, which hold values a caller could change) by parameter
// values: a client resolves its endpoint once, not on every call.
type RuleSet struct {
	src   string
	once  sync.Once
	rs    *endpoints.RuleSet
	names []string // the rule set's parameters, in its order
	err   error

	mu       sync.RWMutex
	resolved map[string]smithyendpoints.Endpoint // by resolvedKey
}

// NewRuleSet wraps the rule set's JSON; nothing is parsed yet.
func NewRuleSet(src string) *RuleSet { return &RuleSet{src: src} }

// maxResolved bounds the endpoints a RuleSet keeps; past it they are
// dropped and resolved again.
const maxResolved = 64

// Resolve evaluates the rule set and returns the endpoint in smithy-go's
// form, as aws-sdk-go-v2's EndpointResolverV2 does.
func (r *RuleSet) Resolve(p endpoints.Params) (smithyendpoints.Endpoint, error) {
	r.once.Do(func() {
		if r.rs, r.err = endpoints.Parse([]byte(r.src)); r.err == nil {
			for _, prm := range r.rs.Parameters() {
				r.names = append(r.names, prm.Name)
			}
		}
	})
	if r.err != nil {
		return smithyendpoints.Endpoint{}, fmt.Errorf("endpoint rule set: %w", r.err)
	}
	var buf [256]byte
	key, ok := r.resolvedKey(buf[:0], p)
	if ok {
		r.mu.RLock()
		ep, hit := r.resolved[string(key)]
		r.mu.RUnlock()
		if hit {
			// A copy the caller may change: its own headers.
			ep.Headers = ep.Headers.Clone()
			return ep, nil
		}
	}
	ep, err := r.resolve(p)
	if err != nil || !ok || len(ep.Properties.Values()) > 0 {
		return ep, err
	}
	kept := ep
	kept.Headers = ep.Headers.Clone()
	r.mu.Lock()
	if len(r.resolved) >= maxResolved || r.resolved == nil {
		r.resolved = make(map[string]smithyendpoints.Endpoint)
	}
	r.resolved[string(key)] = kept
	r.mu.Unlock()
	return ep, nil
}

// resolvedKey appends to b the values of the rule set's parameters in p,
// in its order: the key of the endpoint they resolve to. ok is false for a
// value of a type the rules do not take (Resolve then reports it).
func (r *RuleSet) resolvedKey(b []byte, p endpoints.Params) (_ []byte, ok bool) {
	appendString := func(b []byte, s string) []byte {
		b = binary.AppendUvarint(b, uint64(len(s)))
		return append(b, s...)
	}
	for _, name := range r.names {
		switch v := p[name].(type) {
		case nil:
			b = append(b, 0)
		case string:
			b = appendString(append(b, 1), v)
		case bool:
			if v {
				b = append(b, 2)
			} else {
				b = append(b, 3)
			}
		case []string:
			b = binary.AppendUvarint(append(b, 4), uint64(len(v)))
			for _, s := range v {
				b = appendString(b, s)
			}
		default:
			return b, false
		}
	}
	return b, true
}

// resolve evaluates the rules for p.
func (r *RuleSet) resolve(p endpoints.Params) (smithyendpoints.Endpoint, error) {
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
