package endpoints

import (
	"fmt"
	"sync"
)

// Params holds the input parameters of one resolution, keyed by the
// parameter names the rule set declares. Values are string, bool or
// []string (for stringArray parameters); a nil value counts as unset.
// Names the rule set does not declare are ignored, so a client can pass its
// full set of built-ins to any service.
type Params map[string]any

// Endpoint is the result of a successful resolution.
type Endpoint struct {
	// URL is the endpoint URL, for example https://storagegateway.us-east-1.amazonaws.com.
	URL string
	// Headers are extra headers to send; nil when the rule sets none.
	Headers map[string][]string
	// Properties carries rule-defined data such as authSchemes, as
	// JSON-shaped Go values (map[string]any, []any, string, bool, float64);
	// nil when the rule sets none.
	Properties map[string]any
}

// RuleError is returned by Resolve when an error rule matches. Its message
// is exactly the rule's templated error text.
type RuleError struct {
	// Message is the evaluated error text of the rule.
	Message string
	// Rule is the path of the matching rule, for example rules[1].rules[3].
	Rule string
}

// Error returns the rule's message unchanged, because SDK conformance tests
// and users compare it verbatim.
func (e *RuleError) Error() string { return e.Message }

// Parameter describes one input parameter of a rule set. Generators use it
// to map built-ins (AWS::Region, SDK::Endpoint, ...) onto client options.
type Parameter struct {
	// Name is the parameter name used as the Params key.
	Name string
	// Type is "String", "Boolean" or "StringArray".
	Type string
	// BuiltIn names the SDK built-in that feeds the parameter, if any.
	BuiltIn string
	// Required reports that resolution fails when the parameter is unset
	// and has no default.
	Required bool
	// Default is the default value (string, bool or []string), or nil.
	Default any
	// Documentation is the parameter's documentation text.
	Documentation string
	// Deprecated reports that the rule set marks the parameter deprecated.
	Deprecated bool
}

// RuleSet is a parsed, validated and compiled endpoint rule set. It is
// immutable and safe for concurrent use.
type RuleSet struct {
	version string
	params  []param // params[i] lives in slot i
	rules   []*rule
	nslots  int
	pool    sync.Pool // *state, reused to keep Resolve allocation-free
}

// param is the compiled form of a Parameter.
type param struct {
	info       Parameter
	typ        typ
	def        value
	hasDefault bool
}

// Version returns the rule set's declared version string.
func (rs *RuleSet) Version() string { return rs.version }

// Parameters returns the declared parameters sorted by name.
func (rs *RuleSet) Parameters() []Parameter {
	out := make([]Parameter, len(rs.params))
	for i, p := range rs.params {
		out[i] = p.info
		if ss, ok := p.info.Default.([]string); ok {
			out[i].Default = append([]string(nil), ss...)
		}
	}
	return out
}

// state is the per-resolution variable storage: one slot per parameter and
// one per assign in the rule tree. Slots are assigned at Parse time, and
// scoping was checked there, so a stale slot is never read.
type state struct {
	slots []value
}

// Resolve evaluates the rule set against p and returns the endpoint of the
// first matching endpoint rule. It returns a *RuleError when an error rule
// matches, and a plain error for invalid parameters (wrong type, missing
// required value) or when no rule matches.
func (rs *RuleSet) Resolve(p Params) (Endpoint, error) {
	st, _ := rs.pool.Get().(*state)
	if st == nil {
		st = &state{slots: make([]value, rs.nslots)}
	}
	defer func() {
		clear(st.slots)
		rs.pool.Put(st)
	}()
	for i := range rs.params {
		prm := &rs.params[i]
		if raw, ok := p[prm.info.Name]; ok && raw != nil {
			v, err := paramValue(prm, raw)
			if err != nil {
				return Endpoint{}, err
			}
			st.slots[i] = v
		} else if prm.hasDefault {
			st.slots[i] = prm.def
		} else if prm.info.Required {
			return Endpoint{}, fmt.Errorf("endpoints: missing required parameter %q", prm.info.Name)
		}
	}
	ep, err, done := evalRules(st, rs.rules)
	if !done {
		return Endpoint{}, fmt.Errorf("endpoints: no rule matched")
	}
	return ep, err
}

// paramValue converts a caller-supplied parameter value to its typed form.
func paramValue(prm *param, raw any) (value, error) {
	switch prm.typ {
	case tString:
		if s, ok := raw.(string); ok {
			return strValue(s), nil
		}
	case tBool:
		if b, ok := raw.(bool); ok {
			return boolValue(b), nil
		}
	case tArray:
		switch a := raw.(type) {
		case []string:
			return value{kind: kindArray, arr: a}, nil
		case []any:
			// Accept JSON-decoded arrays so test cases and config files
			// can be passed through without conversion.
			ss := make([]string, len(a))
			for i, e := range a {
				s, ok := e.(string)
				if !ok {
					return value{}, fmt.Errorf("endpoints: parameter %q: element %d is %T, want string", prm.info.Name, i, e)
				}
				ss[i] = s
			}
			return value{kind: kindArray, arr: ss}, nil
		}
	}
	return value{}, fmt.Errorf("endpoints: parameter %q is %T, want %s", prm.info.Name, raw, prm.typ)
}

// evalRules runs rules in order. done reports that a rule terminated
// resolution, with either ep or err.
func evalRules(st *state, rules []*rule) (ep Endpoint, err error, done bool) {
	for _, r := range rules {
		if !r.matches(st) {
			continue
		}
		switch r.kind {
		case ruleEndpoint:
			ep, err := r.endpoint.build(st, r.path)
			return ep, err, true
		case ruleError:
			msg := r.errMsg.eval(st)
			if msg.kind != kindString {
				return Endpoint{}, fmt.Errorf("endpoints: %s: error message has no string value", r.path), true
			}
			return Endpoint{}, &RuleError{Message: msg.s, Rule: r.path}, true
		default:
			ep, err, done := evalRules(st, r.children)
			if done {
				return ep, err, true
			}
			// The spec makes a matched tree rule terminal: falling out of
			// it is a rule set bug, not a reason to try the next sibling.
			return Endpoint{}, fmt.Errorf("endpoints: %s: tree rule matched but none of its rules did", r.path), true
		}
	}
	return Endpoint{}, nil, false
}

// matches evaluates the rule's conditions in order, binding assigns as it
// goes, and stops at the first falsy one.
func (r *rule) matches(st *state) bool {
	for i := range r.conds {
		c := &r.conds[i]
		v := c.e.eval(st)
		if c.slot >= 0 {
			st.slots[c.slot] = v
		}
		if !v.truthy() {
			return false
		}
	}
	return true
}
