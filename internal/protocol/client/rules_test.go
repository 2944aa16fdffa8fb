package client

import (
	"strings"
	"testing"

	smithyauth "github.com/aws/smithy-go/auth"

	"github.com/gosmith/gosmith/internal/protocol/endpoints"
)

// testRules: a custom endpoint gets a header; FIPS an auth scheme
// property; otherwise a regional URL.
const testRules = `{"version":"1.0",
"parameters":{"Region":{"type":"String"},"UseFIPS":{"type":"Boolean","required":true,"default":false},"Endpoint":{"type":"String"}},
"rules":[
 {"type":"endpoint","conditions":[{"fn":"isSet","argv":[{"ref":"Endpoint"}]}],"endpoint":{"url":{"ref":"Endpoint"},"headers":{"X-Custom":["yes"]}}},
 {"type":"endpoint","conditions":[{"fn":"booleanEquals","argv":[{"ref":"UseFIPS"},true]}],
  "endpoint":{"url":"https://svc-fips.{Region}.example.com","properties":{"authSchemes":[{"name":"sigv4","signingName":"svc","signingRegion":"{Region}"}]}}},
 {"type":"endpoint","conditions":[],"endpoint":{"url":"https://svc.{Region}.example.com"}}
]}`

// TestRuleSetKeepsResolvedEndpoints: an endpoint is resolved once per
// parameter values, and what a caller does to the one it got never
// reaches the next caller.
func TestRuleSetKeepsResolvedEndpoints(t *testing.T) {
	r := NewRuleSet(testRules)
	resolve := func(p endpoints.Params) string {
		t.Helper()
		ep, err := r.Resolve(p)
		if err != nil {
			t.Fatal(err)
		}
		s := ep.URI.String() + " " + strings.Join(ep.Headers["X-Custom"], ",")
		if opts, ok := smithyauth.GetAuthOptions(&ep.Properties); ok {
			s += " " + opts[0].SchemeID
		}
		// A caller changing what it got.
		if v := ep.Headers["X-Custom"]; len(v) > 0 {
			v[0] = "changed"
		}
		ep.Headers.Set("X-Other", "added")
		ep.URI.Host = "changed"
		return s
	}
	tests := []struct {
		params endpoints.Params
		want   string
	}{
		{endpoints.Params{"Region": "us-east-1"}, "https://svc.us-east-1.example.com "},
		{endpoints.Params{"Region": "eu-west-1"}, "https://svc.eu-west-1.example.com "},
		{endpoints.Params{"Region": "us-east-1", "Unknown": 1}, "https://svc.us-east-1.example.com "},
		{endpoints.Params{"Region": "us-east-1", "Endpoint": "https://local:8080"}, "https://local:8080 yes"},
		{endpoints.Params{"Region": "us-east-1", "UseFIPS": true}, "https://svc-fips.us-east-1.example.com  aws.auth#sigv4"},
		{endpoints.Params{"Region": "us-east-1", "UseFIPS": false}, "https://svc.us-east-1.example.com "},
	}
	for round := range 2 {
		for _, tt := range tests {
			if got := resolve(tt.params); got != tt.want {
				t.Errorf("round %d, %v: got %q, want %q", round, tt.params, got, tt.want)
			}
		}
	}
	if n := len(r.resolved); n != 4 {
		t.Errorf("%d endpoints kept, want 4 (not the one with properties)", n)
	}
}
