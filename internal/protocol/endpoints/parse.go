package endpoints

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
)

// Parse decodes, validates and compiles an endpoint rule set: the value of a
// smithy.rules#endpointRuleSet trait. Errors name the offending element by
// its path, for example
//
//	rules[2].rules[0].conditions[1]: unknown function "foo"
//
// Validation rejects unknown functions, references to names that are not
// parameters or assigns in scope, arguments of the wrong type or number,
// and malformed templates and getAttr paths.
func Parse(ruleSet []byte) (*RuleSet, error) {
	doc, err := decodeJSON(ruleSet)
	if err != nil {
		return nil, fmt.Errorf("endpoints: decode rule set: %w", err)
	}
	top, ok := doc.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("endpoints: rule set is %s, want an object", jsonKind(doc))
	}
	c := &compiler{rs: &RuleSet{}}
	if err := c.compile(top); err != nil {
		return nil, fmt.Errorf("endpoints: %w", err)
	}
	return c.rs, nil
}

// compiler carries the scope while walking the rule tree: params, then a
// stack of assigns visible at the current point.
type compiler struct {
	rs     *RuleSet
	params map[string]int // name → slot
	scope  []binding
}

type binding struct {
	name string
	slot int
	typ  typ
}

// pathError is an error located at a rule-set path.
func pathError(path, format string, args ...any) error {
	return fmt.Errorf("%s: %s", path, fmt.Sprintf(format, args...))
}

func (c *compiler) compile(top map[string]any) error {
	if v, ok := top["version"]; ok {
		s, ok := v.(string)
		if !ok {
			return pathError("version", "is %s, want a string", jsonKind(v))
		}
		c.rs.version = s
	}
	if err := c.compileParams(top["parameters"]); err != nil {
		return err
	}
	rules, ok := top["rules"].([]any)
	if !ok {
		return pathError("rules", "is %s, want an array", jsonKind(top["rules"]))
	}
	var err error
	c.rs.rules, err = c.compileRules(rules, "rules")
	return err
}

func (c *compiler) compileParams(raw any) error {
	obj, ok := raw.(map[string]any)
	if !ok {
		return pathError("parameters", "is %s, want an object", jsonKind(raw))
	}
	names := make([]string, 0, len(obj))
	for name := range obj {
		names = append(names, name)
	}
	sort.Strings(names) // stable slot numbering and Parameters order
	c.params = make(map[string]int, len(names))
	for _, name := range names {
		path := "parameters." + name
		if name == "" {
			return pathError("parameters", "empty parameter name")
		}
		def, ok := obj[name].(map[string]any)
		if !ok {
			return pathError(path, "is %s, want an object", jsonKind(obj[name]))
		}
		p := param{info: Parameter{Name: name}}
		ts, _ := def["type"].(string)
		switch strings.ToLower(ts) {
		case "string":
			p.typ, p.info.Type = tString, "String"
		case "boolean":
			p.typ, p.info.Type = tBool, "Boolean"
		case "stringarray":
			p.typ, p.info.Type = tArray, "StringArray"
		default:
			return pathError(path, "unknown parameter type %q", ts)
		}
		for key, dst := range map[string]*string{"builtIn": &p.info.BuiltIn, "documentation": &p.info.Documentation} {
			if v, ok := def[key]; ok {
				if *dst, ok = v.(string); !ok {
					return pathError(path+"."+key, "is %s, want a string", jsonKind(v))
				}
			}
		}
		if v, ok := def["required"]; ok {
			if p.info.Required, ok = v.(bool); !ok {
				return pathError(path+".required", "is %s, want a boolean", jsonKind(v))
			}
		}
		_, p.info.Deprecated = def["deprecated"]
		if d, ok := def["default"]; ok && d != nil {
			v, err := paramValue(&p, d)
			if err != nil {
				return pathError(path+".default", "is %s, want %s", jsonKind(d), p.typ)
			}
			p.def, p.hasDefault = v, true
			switch v.kind {
			case kindString:
				p.info.Default = v.s
			case kindBool:
				p.info.Default = v.b
			case kindArray:
				p.info.Default = v.arr
			}
		}
		c.params[name] = len(c.rs.params)
		c.rs.params = append(c.rs.params, p)
	}
	c.rs.nslots = len(c.rs.params)
	return nil
}

func (c *compiler) compileRules(raw []any, path string) ([]*rule, error) {
	out := make([]*rule, 0, len(raw))
	for i, r := range raw {
		cr, err := c.compileRule(r, fmt.Sprintf("%s[%d]", path, i))
		if err != nil {
			return nil, err
		}
		out = append(out, cr)
	}
	return out, nil
}

func (c *compiler) compileRule(raw any, path string) (*rule, error) {
	obj, ok := raw.(map[string]any)
	if !ok {
		return nil, pathError(path, "is %s, want an object", jsonKind(raw))
	}
	r := &rule{path: path}
	mark := len(c.scope)
	defer func() { c.scope = c.scope[:mark] }() // assigns are visible to this rule only

	conds, ok := obj["conditions"].([]any)
	if !ok && obj["conditions"] != nil {
		return nil, pathError(path+".conditions", "is %s, want an array", jsonKind(obj["conditions"]))
	}
	for i, rc := range conds {
		cp := fmt.Sprintf("%s.conditions[%d]", path, i)
		cd, err := c.compileCondition(rc, cp)
		if err != nil {
			return nil, err
		}
		r.conds = append(r.conds, cd)
	}

	kindName, _ := obj["type"].(string)
	switch kindName {
	case "endpoint":
		r.kind = ruleEndpoint
		ep, err := c.compileEndpoint(obj["endpoint"], path+".endpoint")
		if err != nil {
			return nil, err
		}
		r.endpoint = ep
	case "error":
		r.kind = ruleError
		msg, t, err := c.compileExpr(obj["error"], path+".error")
		if err != nil {
			return nil, err
		}
		if !compatible(tString, t) {
			return nil, pathError(path+".error", "is %s, want String", t)
		}
		r.errMsg = msg
	case "tree":
		r.kind = ruleTree
		children, ok := obj["rules"].([]any)
		if !ok {
			return nil, pathError(path+".rules", "is %s, want an array", jsonKind(obj["rules"]))
		}
		if len(children) == 0 {
			return nil, pathError(path+".rules", "tree rule has no rules")
		}
		var err error
		if r.children, err = c.compileRules(children, path+".rules"); err != nil {
			return nil, err
		}
	default:
		return nil, pathError(path, "unknown rule type %q", kindName)
	}
	return r, nil
}

func (c *compiler) compileCondition(raw any, path string) (cond, error) {
	obj, ok := raw.(map[string]any)
	if !ok || obj["fn"] == nil {
		return cond{}, pathError(path, "condition must be a function call")
	}
	e, t, err := c.compileExpr(obj, path)
	if err != nil {
		return cond{}, err
	}
	cd := cond{e: e, slot: -1}
	if a, ok := obj["assign"]; ok {
		name, ok := a.(string)
		if !ok || name == "" {
			return cond{}, pathError(path+".assign", "want a non-empty string")
		}
		if _, _, found := c.lookup(name); found {
			// The spec forbids shadowing: a rule reading {X} must mean
			// one thing wherever it appears.
			return cond{}, pathError(path+".assign", "%q shadows an existing parameter or assign", name)
		}
		cd.slot = c.rs.nslots
		c.rs.nslots++
		c.scope = append(c.scope, binding{name: name, slot: cd.slot, typ: t})
	}
	return cd, nil
}

func (c *compiler) lookup(name string) (slot int, t typ, ok bool) {
	for i := len(c.scope) - 1; i >= 0; i-- {
		if c.scope[i].name == name {
			return c.scope[i].slot, c.scope[i].typ, true
		}
	}
	if i, ok := c.params[name]; ok {
		return i, c.rs.params[i].typ, true
	}
	return 0, tAny, false
}

// compileExpr compiles a literal, a template string, a reference or a
// function call, and returns its static type.
func (c *compiler) compileExpr(raw any, path string) (expr, typ, error) {
	switch v := raw.(type) {
	case string:
		e, err := c.compileTemplate(v, path)
		return e, tString, err
	case bool:
		return &litExpr{boolValue(v)}, tBool, nil
	case number:
		n, err := v.Int()
		if err != nil {
			return nil, tAny, pathError(path, "number %s is not an integer", v)
		}
		return &litExpr{value{kind: kindInt, i: n}}, tInt, nil
	case []any:
		ss := make([]string, len(v))
		for i, e := range v {
			s, ok := e.(string)
			if !ok {
				return nil, tAny, pathError(fmt.Sprintf("%s[%d]", path, i), "array literals may hold only strings, got %s", jsonKind(e))
			}
			ss[i] = s
		}
		return &litExpr{value{kind: kindArray, arr: ss}}, tArray, nil
	case map[string]any:
		if ref, ok := v["ref"]; ok {
			name, ok := ref.(string)
			if !ok {
				return nil, tAny, pathError(path, "ref is %s, want a string", jsonKind(ref))
			}
			slot, t, found := c.lookup(name)
			if !found {
				return nil, tAny, pathError(path, "unknown reference %q", name)
			}
			return &refExpr{slot}, t, nil
		}
		if fn, ok := v["fn"]; ok {
			return c.compileCall(fn, v["argv"], path)
		}
	}
	return nil, tAny, pathError(path, "unsupported expression (%s)", jsonKind(raw))
}

func (c *compiler) compileCall(fnRaw, argvRaw any, path string) (expr, typ, error) {
	name, ok := fnRaw.(string)
	if !ok {
		return nil, tAny, pathError(path, "fn is %s, want a string", jsonKind(fnRaw))
	}
	argv, ok := argvRaw.([]any)
	if !ok {
		return nil, tAny, pathError(path, "%s: argv is %s, want an array", name, jsonKind(argvRaw))
	}
	if name == "getAttr" {
		return c.compileGetAttr(argv, path)
	}
	f, ok := functions[name]
	if !ok {
		return nil, tAny, pathError(path, "unknown function %q", name)
	}
	if len(argv) != len(f.args) {
		return nil, tAny, pathError(path, "%s takes %d arguments, got %d", name, len(f.args), len(argv))
	}
	args := make([]expr, len(argv))
	for i, a := range argv {
		ap := fmt.Sprintf("%s.argv[%d]", path, i)
		e, t, err := c.compileExpr(a, ap)
		if err != nil {
			return nil, tAny, err
		}
		if !compatible(f.args[i], t) {
			return nil, tAny, pathError(ap, "%s wants %s, got %s", name, f.args[i], t)
		}
		args[i] = e
	}
	return &callExpr{fn: f, args: args}, f.ret, nil
}

func (c *compiler) compileGetAttr(argv []any, path string) (expr, typ, error) {
	if len(argv) != 2 {
		return nil, tAny, pathError(path, "getAttr takes 2 arguments, got %d", len(argv))
	}
	target, t, err := c.compileExpr(argv[0], path+".argv[0]")
	if err != nil {
		return nil, tAny, err
	}
	ps, ok := argv[1].(string)
	if !ok {
		return nil, tAny, pathError(path+".argv[1]", "getAttr path must be a string literal")
	}
	segs, rt, err := parsePath(ps, t)
	if err != nil {
		return nil, tAny, pathError(path+".argv[1]", "%v", err)
	}
	return &attrExpr{target: target, path: segs}, rt, nil
}

// parsePath parses a getAttr path such as "resourceId[0]", "[0]" or
// "a.b", checking attribute names against the target's static type where
// it is known, and returns the type of the result.
func parsePath(s string, t typ) ([]pathSeg, typ, error) {
	if s == "" {
		return nil, tAny, fmt.Errorf("empty getAttr path")
	}
	var segs []pathSeg
	for part := range strings.SplitSeq(s, ".") {
		seg := pathSeg{name: part, index: -1}
		if open := strings.IndexByte(part, '['); open >= 0 {
			if !strings.HasSuffix(part, "]") {
				return nil, tAny, fmt.Errorf("bad getAttr path %q: unclosed index", s)
			}
			n, err := strconv.Atoi(part[open+1 : len(part)-1])
			if err != nil || n < 0 || n > math.MaxInt32 {
				return nil, tAny, fmt.Errorf("bad getAttr path %q: index must be a non-negative integer", s)
			}
			seg.name, seg.index = part[:open], n
		}
		if seg.name == "" && seg.index < 0 {
			return nil, tAny, fmt.Errorf("bad getAttr path %q: empty segment", s)
		}
		if seg.name != "" {
			var attrs map[string]typ
			switch t {
			case tPartition:
				attrs = partitionAttrs
			case tARN:
				attrs = arnAttrs
			case tURL:
				attrs = urlAttrs
			case tAny:
			default:
				return nil, tAny, fmt.Errorf("getAttr %q: %s has no attributes", s, t)
			}
			if attrs != nil {
				at, ok := attrs[seg.name]
				if !ok {
					return nil, tAny, fmt.Errorf("getAttr %q: %s has no attribute %q", s, t, seg.name)
				}
				t = at
			}
		}
		if seg.index >= 0 {
			if t != tArray && t != tAny {
				return nil, tAny, fmt.Errorf("getAttr %q: cannot index %s", s, t)
			}
			t = tString
		}
		segs = append(segs, seg)
	}
	return segs, t, nil
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// jsonKind names the JSON type of a decoded value for error messages.
func jsonKind(v any) string {
	switch v.(type) {
	case nil:
		return "null or missing"
	case string:
		return "a string"
	case bool:
		return "a boolean"
	case number, float64:
		return "a number"
	case []any:
		return "an array"
	case map[string]any:
		return "an object"
	}
	return fmt.Sprintf("%T", v)
}
