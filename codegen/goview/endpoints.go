package goview

import (
	"encoding/json"
	"sort"

	"github.com/gosmith/gosmith/codegen/model"
	"github.com/gosmith/gosmith/internal/protocol/endpoints"
)

// Endpoint rule-set traits.
const (
	traitEndpointRuleSet model.ShapeID = "smithy.rules#endpointRuleSet"
	traitEndpointTests   model.ShapeID = "smithy.rules#endpointTests"
)

// EndpointRules is the service's endpoint rule set, checked at generation
// time so a broken one is a generator error, not a client failure.
type EndpointRules struct {
	JSON   []byte
	Params []*EndpointParam // sorted by name
	Tests  []*EndpointTest
}

// EndpointParam is one rule-set parameter and the EndpointParameters field
// that carries it.
type EndpointParam struct {
	Name    string // rule-set name, e.g. "UseFIPS"
	GoName  string
	Type    string // "String", "Boolean" or "StringArray"
	BuiltIn string // e.g. "AWS::Region"; empty for operation context parameters
	Doc     string
	Default any
}

// EndpointTest is one smithy.rules#endpointTests case.
type EndpointTest struct {
	Documentation string                     `json:"documentation"`
	Params        map[string]json.RawMessage `json:"params"`
	Expect        struct {
		Error    *string `json:"error"`
		Endpoint *struct {
			URL     string              `json:"url"`
			Headers map[string][]string `json:"headers"`
		} `json:"endpoint"`
	} `json:"expect"`
}

// endpointRules reads and validates the service's rule set and tests; nil
// when the model has none (the client falls back to the regional default).
func endpointRules(s *model.Shape) (*EndpointRules, error) {
	raw, ok := s.Traits.Raw(traitEndpointRuleSet)
	if !ok {
		return nil, nil
	}
	rs, err := endpoints.Parse(raw)
	if err != nil {
		return nil, shapeErr(s, "", "trait %s: %v", traitEndpointRuleSet, err)
	}
	r := &EndpointRules{JSON: raw}
	for _, p := range rs.Parameters() {
		r.Params = append(r.Params, &EndpointParam{
			Name: p.Name, GoName: exportedName(p.Name), Type: p.Type, BuiltIn: p.BuiltIn,
			Doc: p.Documentation, Default: p.Default,
		})
	}
	sort.Slice(r.Params, func(i, j int) bool { return r.Params[i].Name < r.Params[j].Name })
	if s.Traits.Has(traitEndpointTests) {
		var tests struct {
			TestCases []*EndpointTest `json:"testCases"`
		}
		if err := s.Traits.Decode(traitEndpointTests, &tests); err != nil {
			return nil, shapeErr(s, "", "trait %s: %v", traitEndpointTests, err)
		}
		r.Tests = tests.TestCases
	}
	return r, nil
}
