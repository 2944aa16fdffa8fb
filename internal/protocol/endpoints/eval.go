package endpoints

import (
	"fmt"
	"strings"
)

// kind is the dynamic type of a value.
type kind uint8

const (
	kindNone kind = iota // unset: an absent parameter or a function that found nothing
	kindString
	kindBool
	kindInt
	kindArray
	kindRecord
)

// value is the engine's dynamic value. It is a plain struct rather than an
// interface so that passing strings and bools around does not allocate.
type value struct {
	kind kind
	b    bool
	i    int
	s    string
	arr  []string
	rec  record
}

// record is a value with named attributes, reachable through getAttr:
// partitions, parsed ARNs and parsed URLs.
type record interface {
	attr(name string) value
}

var none value

func strValue(s string) value { return value{kind: kindString, s: s} }
func boolValue(b bool) value  { return value{kind: kindBool, b: b} }

// truthy is the condition test of the spec: a condition holds when its
// value is set and is not the boolean false.
func (v value) truthy() bool {
	return v.kind != kindNone && (v.kind != kindBool || v.b)
}

// typ is the static type of an expression, used by Parse to reject rule sets
// that could only fail at resolution time.
type typ uint8

const (
	tAny typ = iota // not known statically
	tString
	tBool
	tInt
	tArray
	tPartition
	tARN
	tURL
)

func (t typ) String() string {
	switch t {
	case tString:
		return "String"
	case tBool:
		return "Boolean"
	case tInt:
		return "Integer"
	case tArray:
		return "StringArray"
	case tPartition:
		return "Partition"
	case tARN:
		return "ARN"
	case tURL:
		return "URL"
	}
	return "any"
}

// compatible reports whether a value of static type got may be passed where
// want is expected; tAny matches anything because it is checked at run time.
func compatible(want, got typ) bool {
	return want == tAny || got == tAny || want == got
}

// expr is a compiled expression.
type expr interface {
	eval(st *state) value
}

// litExpr is a constant.
type litExpr struct{ v value }

func (e *litExpr) eval(*state) value { return e.v }

// refExpr reads a parameter or an assigned variable.
type refExpr struct{ slot int }

func (e *refExpr) eval(st *state) value { return st.slots[e.slot] }

// pathSeg is one step of a getAttr path: an attribute name, an index, or
// both (name[3]).
type pathSeg struct {
	name  string
	index int // -1 when the segment has no index
}

// attrExpr is getAttr with its path parsed at Parse time.
type attrExpr struct {
	target expr
	path   []pathSeg
}

func (e *attrExpr) eval(st *state) value {
	return walkPath(e.target.eval(st), e.path)
}

// walkPath follows path from v; any step that does not apply yields unset,
// as getAttr specifies.
func walkPath(v value, path []pathSeg) value {
	for _, seg := range path {
		if seg.name != "" {
			if v.kind != kindRecord {
				return none
			}
			v = v.rec.attr(seg.name)
		}
		if seg.index >= 0 {
			if v.kind != kindArray || seg.index >= len(v.arr) {
				return none
			}
			v = strValue(v.arr[seg.index])
		}
	}
	return v
}

// callExpr is a library function call. Each implementation evaluates its
// own arguments so no argument slice has to be built per call.
type callExpr struct {
	fn   *function
	args []expr
}

func (e *callExpr) eval(st *state) value { return e.fn.impl(st, e.args) }

// tmplExpr is a template string with at least one placeholder, split into
// literal and variable parts at Parse time.
type tmplExpr struct {
	parts   []tmplPart
	litSize int // total literal length, to size the output buffer once
}

type tmplPart struct {
	lit string
	e   expr // nil for a literal part
}

func (e *tmplExpr) eval(st *state) value {
	var b strings.Builder
	b.Grow(e.litSize + 24*len(e.parts))
	for _, p := range e.parts {
		if p.e == nil {
			b.WriteString(p.lit)
			continue
		}
		v := p.e.eval(st)
		if v.kind != kindString {
			// A placeholder must render as a string; anything else means
			// the rule set relied on a value it had not checked.
			return none
		}
		b.WriteString(v.s)
	}
	return strValue(b.String())
}

// ruleKind is the type of a rule.
type ruleKind uint8

const (
	ruleEndpoint ruleKind = iota
	ruleError
	ruleTree
)

// rule is a compiled rule.
type rule struct {
	path     string // rules[1].rules[0], for messages
	kind     ruleKind
	conds    []cond
	children []*rule
	endpoint *endpointSpec
	errMsg   expr
}

// cond is a compiled condition; slot is where an assign stores the result,
// or -1.
type cond struct {
	e    expr
	slot int
}

// endpointSpec is a compiled endpoint object.
type endpointSpec struct {
	url     expr
	headers []headerSpec
	props   []propField
}

type headerSpec struct {
	name   string
	values []expr
}

// build renders the endpoint. Headers and properties stay nil when the rule
// declares none, which keeps the common case to a single allocation (the
// URL string).
func (s *endpointSpec) build(st *state, path string) (Endpoint, error) {
	u := s.url.eval(st)
	if u.kind != kindString {
		return Endpoint{}, fmt.Errorf("endpoints: %s: endpoint url has no string value", path)
	}
	ep := Endpoint{URL: u.s}
	if len(s.headers) > 0 {
		ep.Headers = make(map[string][]string, len(s.headers))
		for _, h := range s.headers {
			vals := make([]string, 0, len(h.values))
			for _, e := range h.values {
				v := e.eval(st)
				if v.kind != kindString {
					return Endpoint{}, fmt.Errorf("endpoints: %s: header %q has no string value", path, h.name)
				}
				vals = append(vals, v.s)
			}
			ep.Headers[h.name] = vals
		}
	}
	if len(s.props) > 0 {
		m, err := evalObject(st, s.props)
		if err != nil {
			return Endpoint{}, fmt.Errorf("endpoints: %s: properties: %w", path, err)
		}
		ep.Properties = m
	}
	return ep, nil
}

// prop is a compiled property value: a JSON value whose strings are
// templates.
type prop struct {
	e      expr        // scalar (template, bool, number via lit)
	num    *float64    // number literal
	list   []prop      // array
	fields []propField // object
	isList bool
	isObj  bool
}

type propField struct {
	name string
	val  prop
}

func evalObject(st *state, fields []propField) (map[string]any, error) {
	m := make(map[string]any, len(fields))
	for _, f := range fields {
		v, err := f.val.eval(st)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f.name, err)
		}
		m[f.name] = v
	}
	return m, nil
}

func (p *prop) eval(st *state) (any, error) {
	switch {
	case p.isObj:
		return evalObject(st, p.fields)
	case p.isList:
		out := make([]any, len(p.list))
		for i := range p.list {
			v, err := p.list[i].eval(st)
			if err != nil {
				return nil, err
			}
			out[i] = v
		}
		return out, nil
	case p.num != nil:
		return *p.num, nil
	}
	v := p.e.eval(st)
	switch v.kind {
	case kindString:
		return v.s, nil
	case kindBool:
		return v.b, nil
	case kindInt:
		return float64(v.i), nil
	case kindArray:
		out := make([]any, len(v.arr))
		for i, s := range v.arr {
			out[i] = s
		}
		return out, nil
	}
	return nil, fmt.Errorf("value is not a string, boolean or array")
}
