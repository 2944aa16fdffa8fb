package goview

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"

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
	// Required: resolution fails when the parameter is unset after
	// defaults (EndpointParameters.ValidateRequired).
	Required bool
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
			Doc: p.Documentation, Default: p.Default, Required: p.Required,
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

// Traits that bind endpoint parameters to inputs and options.
const (
	traitContextParam          model.ShapeID = "smithy.rules#contextParam"
	traitStaticContextParams   model.ShapeID = "smithy.rules#staticContextParams"
	traitOperationContextParam model.ShapeID = "smithy.rules#operationContextParams"
	traitClientContextParams   model.ShapeID = "smithy.rules#clientContextParams"
)

// EndpointBinding is how an operation sets one endpoint parameter from its
// input: a constant (staticContextParams), an input member (contextParam)
// or a path through the input (operationContextParams). Exactly one of
// Static, Field and Path is set.
type EndpointBinding struct {
	Param  *EndpointParam
	Static any // string or bool
	Field  *Field
	Path   *EndpointPath
}

// EndpointPath is the subset of JMESPath that operationContextParams use:
// a member path (A.B), with at most one list projection (A[*].B) or a
// map's keys (keys(A)); the result is a string or a list of strings.
type EndpointPath struct {
	// Steps lead from the input to the value; Project, when >= 0, is the
	// index of the step whose list is projected over, the rest of the steps
	// applying to each element.
	Steps   []*Field
	Project int
	// Keys: the path ends in a map whose keys are the value.
	Keys bool
}

// ClientContextParam is a clientContextParams entry: an Options field the
// caller sets for every call.
type ClientContextParam struct {
	Param  *EndpointParam
	GoName string // the Options field
	Doc    string
}

// paramByName finds a rule-set parameter; nil when the rule set lacks it
// (a model may bind parameters its rules do not read).
func (r *EndpointRules) paramByName(name string) *EndpointParam {
	for _, p := range r.Params {
		if p.Name == name {
			return p
		}
	}
	return nil
}

// endpointBindings reads an operation's bindings of endpoint parameters;
// bindings of parameters the rule set does not declare are dropped.
func (b *builder) endpointBindings(op *Operation) ([]*EndpointBinding, error) {
	rules := b.pkg.Service.Endpoints
	if rules == nil {
		return nil, nil
	}
	s := op.Shape
	var out []*EndpointBinding
	if s.Traits.Has(traitStaticContextParams) {
		var static map[string]struct {
			Value any `json:"value"`
		}
		if err := s.Traits.Decode(traitStaticContextParams, &static); err != nil {
			return nil, shapeErr(s, "", "trait %s: %v", traitStaticContextParams, err)
		}
		for _, name := range slices.Sorted(maps.Keys(static)) {
			if p := rules.paramByName(name); p != nil {
				switch v := static[name].Value.(type) {
				case string, bool:
					out = append(out, &EndpointBinding{Param: p, Static: v})
				default:
					return nil, shapeErr(s, "", "trait %s: %s: value %v is neither a string nor a boolean", traitStaticContextParams, name, v)
				}
			}
		}
	}
	for _, f := range op.Input.Fields {
		if !f.Member.Traits.Has(traitContextParam) {
			continue
		}
		var cp struct {
			Name string `json:"name"`
		}
		if err := f.Member.Traits.Decode(traitContextParam, &cp); err != nil {
			return nil, shapeErr(op.Input.Shape, f.Name, "trait %s: %v", traitContextParam, err)
		}
		p := rules.paramByName(cp.Name)
		if p == nil {
			continue
		}
		if !(f.Type.Kind == KindString && p.Type == "String" || f.Type.Kind == KindBool && p.Type == "Boolean") || !f.Pointer {
			return nil, shapeErr(op.Input.Shape, f.Name, "contextParam %s: a %s parameter cannot come from this member", cp.Name, p.Type)
		}
		out = append(out, &EndpointBinding{Param: p, Field: f})
	}
	if s.Traits.Has(traitOperationContextParam) {
		var paths map[string]struct {
			Path string `json:"path"`
		}
		if err := s.Traits.Decode(traitOperationContextParam, &paths); err != nil {
			return nil, shapeErr(s, "", "trait %s: %v", traitOperationContextParam, err)
		}
		for _, name := range slices.Sorted(maps.Keys(paths)) {
			p := rules.paramByName(name)
			if p == nil {
				continue
			}
			path, err := b.endpointPath(op.Input, paths[name].Path)
			if err != nil {
				return nil, shapeErr(s, "", "operationContextParams %s: %v", name, err)
			}
			list := path.Keys || path.Project >= 0
			if list != (p.Type == "StringArray") {
				return nil, shapeErr(s, "", "operationContextParams %s: path %q does not give a %s", name, paths[name].Path, p.Type)
			}
			out = append(out, &EndpointBinding{Param: p, Path: path})
		}
	}
	return out, nil
}

// endpointPath compiles an operationContextParams path.
func (b *builder) endpointPath(in *Struct, expr string) (*EndpointPath, error) {
	path := &EndpointPath{Project: -1}
	if inner, ok := strings.CutPrefix(expr, "keys("); ok {
		inner, ok = strings.CutSuffix(inner, ")")
		if !ok {
			return nil, fmt.Errorf("path %q: unclosed keys(", expr)
		}
		expr, path.Keys = inner, true
	}
	st := in
	for i, part := range strings.Split(expr, ".") {
		project := strings.HasSuffix(part, "[*]")
		part = strings.TrimSuffix(part, "[*]")
		if st == nil {
			return nil, fmt.Errorf("path %q: %s is not a member of a structure", expr, part)
		}
		f, err := fieldPath(st, part, "path")
		if err != nil {
			return nil, err
		}
		path.Steps = append(path.Steps, f)
		st = nil
		t := f.Type
		if project {
			if t.Kind != KindList || path.Project >= 0 {
				return nil, fmt.Errorf("path %q: only one projection, over a list, is supported", expr)
			}
			path.Project = i
			t = t.Elem
		}
		if t.Kind == KindStruct {
			st = b.structs[t]
		}
	}
	last := path.Steps[len(path.Steps)-1].Type
	if path.Project == len(path.Steps)-1 {
		last = last.Elem
	}
	switch {
	case path.Keys && last.Kind != KindMap:
		return nil, fmt.Errorf("path %q: keys() of a non-map", expr)
	case !path.Keys && last.Kind != KindString:
		return nil, fmt.Errorf("path %q does not end in a string", expr)
	case path.Keys && path.Project >= 0:
		return nil, fmt.Errorf("path %q: keys() of a projection is not supported", expr)
	}
	return path, nil
}

// clientContextParams reads the service's clientContextParams: Options
// fields bound to rule-set parameters.
func clientContextParams(s *model.Shape, rules *EndpointRules) ([]*ClientContextParam, error) {
	if rules == nil || !s.Traits.Has(traitClientContextParams) {
		return nil, nil
	}
	var params map[string]struct {
		Type          string `json:"type"`
		Documentation string `json:"documentation"`
	}
	if err := s.Traits.Decode(traitClientContextParams, &params); err != nil {
		return nil, shapeErr(s, "", "trait %s: %v", traitClientContextParams, err)
	}
	var out []*ClientContextParam
	for _, name := range slices.Sorted(maps.Keys(params)) {
		p := rules.paramByName(name)
		if p == nil || p.BuiltIn != "" || (p.Type != "String" && p.Type != "Boolean") {
			continue
		}
		out = append(out, &ClientContextParam{Param: p, GoName: exportedName(name), Doc: params[name].Documentation})
	}
	return out, nil
}
