package endpoints

import (
	"fmt"
	"strings"
)

// compileTemplate splits "https://x.{Region}.{PartitionResult#dnsSuffix}"
// into literal and variable parts; "{{" and "}}" stand for literal braces.
// A string without placeholders becomes a constant, and one that is a
// single placeholder becomes that variable, so neither builds a string at
// resolution time.
func (c *compiler) compileTemplate(s, path string) (expr, error) {
	var parts []tmplPart
	var soleType typ // type of the last placeholder; only used when it is the only part
	var lit strings.Builder
	litSize := 0
	flush := func() {
		if lit.Len() > 0 {
			parts = append(parts, tmplPart{lit: lit.String()})
			litSize += lit.Len()
			lit.Reset()
		}
	}
	for i := 0; i < len(s); i++ {
		switch ch := s[i]; {
		case ch == '{' && i+1 < len(s) && s[i+1] == '{':
			lit.WriteByte('{')
			i++
		case ch == '}' && i+1 < len(s) && s[i+1] == '}':
			lit.WriteByte('}')
			i++
		case ch == '}':
			return nil, pathError(path, "template %q: unmatched '}'", s)
		case ch == '{':
			end := strings.IndexByte(s[i+1:], '}')
			if end < 0 {
				return nil, pathError(path, "template %q: unclosed '{'", s)
			}
			e, t, err := c.compileVar(s[i+1:i+1+end], s, path)
			if err != nil {
				return nil, err
			}
			soleType = t
			flush()
			parts = append(parts, tmplPart{e: e})
			i += end + 1
		default:
			lit.WriteByte(ch)
		}
	}
	flush()
	switch {
	case len(parts) == 0:
		return &litExpr{strValue("")}, nil
	case len(parts) == 1 && parts[0].e == nil:
		return &litExpr{strValue(parts[0].lit)}, nil
	case len(parts) == 1 && soleType == tString:
		// "{Endpoint}" is the variable itself; only values whose type is
		// not known statically keep the wrapper, which checks at run time.
		return parts[0].e, nil
	}
	return &tmplExpr{parts: parts, litSize: litSize}, nil
}

// compileVar compiles the inside of a template placeholder: Name or
// Name#path.
func (c *compiler) compileVar(v, tmpl, path string) (expr, typ, error) {
	name, attr, hasAttr := strings.Cut(v, "#")
	if name == "" {
		return nil, tAny, pathError(path, "template %q: empty placeholder", tmpl)
	}
	slot, t, ok := c.lookup(name)
	if !ok {
		return nil, tAny, pathError(path, "template %q: unknown reference %q", tmpl, name)
	}
	var e expr = &refExpr{slot}
	if hasAttr {
		segs, rt, err := parsePath(attr, t)
		if err != nil {
			return nil, tAny, pathError(path, "template %q: %v", tmpl, err)
		}
		e, t = &attrExpr{target: e, path: segs}, rt
	}
	if !compatible(tString, t) {
		return nil, tAny, pathError(path, "template %q: {%s} is %s, want String", tmpl, v, t)
	}
	return e, t, nil
}

func (c *compiler) compileEndpoint(raw any, path string) (*endpointSpec, error) {
	obj, ok := raw.(map[string]any)
	if !ok {
		return nil, pathError(path, "is %s, want an object", jsonKind(raw))
	}
	u, t, err := c.compileExpr(obj["url"], path+".url")
	if err != nil {
		return nil, err
	}
	if !compatible(tString, t) {
		return nil, pathError(path+".url", "is %s, want String", t)
	}
	ep := &endpointSpec{url: u}
	if h, ok := obj["headers"]; ok && h != nil {
		hm, ok := h.(map[string]any)
		if !ok {
			return nil, pathError(path+".headers", "is %s, want an object", jsonKind(h))
		}
		for _, name := range sortedKeys(hm) {
			hp := path + ".headers." + name
			vals, ok := hm[name].([]any)
			if !ok {
				return nil, pathError(hp, "is %s, want an array", jsonKind(hm[name]))
			}
			hs := headerSpec{name: name}
			for i, v := range vals {
				e, t, err := c.compileExpr(v, fmt.Sprintf("%s[%d]", hp, i))
				if err != nil {
					return nil, err
				}
				if !compatible(tString, t) {
					return nil, pathError(fmt.Sprintf("%s[%d]", hp, i), "is %s, want String", t)
				}
				hs.values = append(hs.values, e)
			}
			ep.headers = append(ep.headers, hs)
		}
	}
	if p, ok := obj["properties"]; ok && p != nil {
		pm, ok := p.(map[string]any)
		if !ok {
			return nil, pathError(path+".properties", "is %s, want an object", jsonKind(p))
		}
		if ep.props, err = c.compileFields(pm, path+".properties"); err != nil {
			return nil, err
		}
	}
	return ep, nil
}

func (c *compiler) compileFields(m map[string]any, path string) ([]propField, error) {
	out := make([]propField, 0, len(m))
	for _, k := range sortedKeys(m) {
		p, err := c.compileProp(m[k], path+"."+k)
		if err != nil {
			return nil, err
		}
		out = append(out, propField{name: k, val: p})
	}
	return out, nil
}

// compileProp compiles a property value. Strings are templates and objects
// with "ref" or "fn" are expressions, as in the rest of the rule set.
func (c *compiler) compileProp(raw any, path string) (prop, error) {
	switch v := raw.(type) {
	case number:
		f, err := v.Float64()
		if err != nil {
			return prop{}, pathError(path, "bad number %s", v)
		}
		return prop{num: &f}, nil
	case []any:
		p := prop{isList: true, list: make([]prop, len(v))}
		for i, e := range v {
			var err error
			if p.list[i], err = c.compileProp(e, fmt.Sprintf("%s[%d]", path, i)); err != nil {
				return prop{}, err
			}
		}
		return p, nil
	case map[string]any:
		_, isRef := v["ref"]
		_, isFn := v["fn"]
		if !isRef && !isFn {
			fields, err := c.compileFields(v, path)
			return prop{isObj: true, fields: fields}, err
		}
	}
	e, _, err := c.compileExpr(raw, path)
	return prop{e: e}, err
}
