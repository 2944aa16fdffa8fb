package emit

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"math/big"
	"sort"
	"strings"
	"time"

	"github.com/dave/jennifer/jen"

	"github.com/gosmith/gosmith/codegen/goview"
)

const pkgPtr = "github.com/aws/smithy-go/ptr"

// decodeParams reads a test case's params keeping numbers exact.
func decodeParams(raw json.RawMessage) (map[string]interface{}, error) {
	if len(raw) == 0 {
		return map[string]interface{}{}, nil
	}
	d := json.NewDecoder(bytes.NewReader(raw))
	d.UseNumber()
	var v map[string]interface{}
	if err := d.Decode(&v); err != nil {
		return nil, err
	}
	return v, nil
}

// structLiteral renders &T{...} (or T{...} when addr is false) from the
// members in v.
func (g *gen) structLiteral(st *goview.Struct, v map[string]interface{}, addr bool) (jen.Code, error) {
	byName := map[string]*goview.Field{}
	for _, f := range st.Fields {
		byName[f.Name] = f
	}
	keys := sortedKeys(v)
	dict := jen.Dict{}
	for _, k := range keys {
		f, ok := byName[k]
		if !ok {
			return nil, fmt.Errorf("%s has no member %q", st.Name, k)
		}
		if v[k] == nil {
			continue
		}
		if f.Stream != goview.NotStreaming {
			text, ok := v[k].(string)
			if !ok {
				return nil, fmt.Errorf("%s.%s: want a string for a stream, got %T", st.Name, k, v[k])
			}
			reader := jen.Qual("strings", "NewReader").Call(jen.Lit(text))
			if f.Stream == goview.StreamOut {
				reader = jen.Qual("io", "NopCloser").Call(reader)
			}
			dict[jen.Id(f.GoName)] = reader
			continue
		}
		val, err := g.valueLiteral(f.Type, f.TimestampFormat, v[k], f.Pointer)
		if err != nil {
			return nil, fmt.Errorf("%s.%s: %w", st.Name, k, err)
		}
		dict[jen.Id(f.GoName)] = val
	}
	var typ *jen.Statement
	if st.InTypes {
		typ = g.typesQual(st.Name)
	} else {
		typ = jen.Id(st.Name)
	}
	if addr {
		return jen.Op("&").Add(typ).Values(dict), nil
	}
	return typ.Values(dict), nil
}

// valueLiteral renders a Go expression of type t (or *t when ptr) holding v.
func (g *gen) valueLiteral(t *goview.Type, tsFormat string, v interface{}, ptr bool) (jen.Code, error) {
	wrap := func(fn string, c jen.Code) jen.Code {
		if ptr {
			return jen.Qual(pkgPtr, fn).Call(c)
		}
		return c
	}
	switch t.Kind {
	case goview.KindString:
		s, ok := v.(string)
		if !ok {
			return nil, fmt.Errorf("want a string, got %T", v)
		}
		return wrap("String", jen.Lit(s)), nil
	case goview.KindEnum:
		s, ok := v.(string)
		if !ok {
			return nil, fmt.Errorf("want a string, got %T", v)
		}
		return g.typesQual(t.Name).Parens(jen.Lit(s)), nil
	case goview.KindIntEnum:
		n, ok := v.(json.Number)
		if !ok {
			return nil, fmt.Errorf("want a number, got %T", v)
		}
		return g.typesQual(t.Name).Parens(jen.Op(string(n))), nil
	case goview.KindBool:
		b, ok := v.(bool)
		if !ok {
			return nil, fmt.Errorf("want a boolean, got %T", v)
		}
		return wrap("Bool", jen.Lit(b)), nil
	case goview.KindInt8, goview.KindInt16, goview.KindInt32, goview.KindInt64:
		n, ok := v.(json.Number)
		if !ok {
			return nil, fmt.Errorf("want a number, got %T", v)
		}
		names := map[goview.Kind]string{goview.KindInt8: "Int8", goview.KindInt16: "Int16", goview.KindInt32: "Int32", goview.KindInt64: "Int64"}
		return wrap(names[t.Kind], jen.Op(string(n))), nil
	case goview.KindFloat32, goview.KindFloat64:
		fn := "Float64"
		if t.Kind == goview.KindFloat32 {
			fn = "Float32"
		}
		c, err := floatLiteral(v, fn == "Float32")
		if err != nil {
			return nil, err
		}
		return wrap(fn, c), nil
	case goview.KindTimestamp:
		c, err := timeLiteral(v)
		if err != nil {
			return nil, err
		}
		return wrap("Time", c), nil
	case goview.KindBlob:
		s, ok := v.(string)
		if !ok {
			return nil, fmt.Errorf("want a string, got %T", v)
		}
		return jen.Index().Byte().Parens(jen.Lit(s)), nil
	case goview.KindStruct:
		m, ok := v.(map[string]interface{})
		if !ok {
			return nil, fmt.Errorf("want an object, got %T", v)
		}
		return g.structLiteral(g.pkg.StructOf(t), m, ptr)
	case goview.KindUnion:
		m, ok := v.(map[string]interface{})
		if !ok || len(m) != 1 {
			return nil, fmt.Errorf("want an object with one member, got %v", v)
		}
		st := g.pkg.StructOf(t)
		for k, mv := range m {
			for _, f := range st.Fields {
				if f.Name == k {
					val, err := g.valueLiteral(f.Type, f.TimestampFormat, mv, false)
					if err != nil {
						return nil, err
					}
					return jen.Op("&").Add(g.typesQual(unionMember(st, f))).Values(jen.Dict{jen.Id("Value"): val}), nil
				}
			}
			return nil, fmt.Errorf("union %s has no member %q", st.Name, k)
		}
	case goview.KindList:
		items, ok := v.([]interface{})
		if !ok {
			return nil, fmt.Errorf("want an array, got %T", v)
		}
		var vals []jen.Code
		for i, item := range items {
			if item == nil {
				vals = append(vals, jen.Nil())
				continue
			}
			val, err := g.valueLiteral(t.Elem, t.Elem.TimestampFormat, item, t.ElemPointer())
			if err != nil {
				return nil, fmt.Errorf("[%d]: %w", i, err)
			}
			vals = append(vals, val)
		}
		return g.goType(t).Values(vals...), nil
	case goview.KindMap:
		m, ok := v.(map[string]interface{})
		if !ok {
			return nil, fmt.Errorf("want an object, got %T", v)
		}
		keys := sortedKeys(m)
		dict := jen.Dict{}
		for _, k := range keys {
			if m[k] == nil {
				dict[jen.Lit(k)] = jen.Nil()
				continue
			}
			val, err := g.valueLiteral(t.Elem, t.Elem.TimestampFormat, m[k], t.ElemPointer())
			if err != nil {
				return nil, fmt.Errorf("[%q]: %w", k, err)
			}
			dict[jen.Lit(k)] = val
		}
		return g.goType(t).Values(dict), nil
	case goview.KindDocument:
		return jen.Qual(g.documentPath(), "NewLazyDocument").Call(genericLiteral(v)), nil
	}
	return nil, fmt.Errorf("no literal for kind %d", t.Kind)
}

// genericLiteral renders a JSON value as Go map/slice/scalar literals, for
// documents.
func genericLiteral(v interface{}) jen.Code {
	switch v := v.(type) {
	case nil:
		return jen.Nil()
	case bool:
		return jen.Lit(v)
	case string:
		return jen.Lit(v)
	case json.Number:
		if _, err := v.Int64(); err == nil {
			return jen.Op(string(v))
		}
		return jen.Float64().Parens(jen.Op(string(v)))
	case []interface{}:
		var items []jen.Code
		for _, e := range v {
			items = append(items, genericLiteral(e))
		}
		return jen.Index().Interface().Values(items...)
	case map[string]interface{}:
		keys := sortedKeys(v)
		dict := jen.Dict{}
		for _, k := range keys {
			dict[jen.Lit(k)] = genericLiteral(v[k])
		}
		return jen.Map(jen.String()).Interface().Values(dict)
	}
	return jen.Nil()
}

func floatLiteral(v interface{}, is32 bool) (jen.Code, error) {
	conv := jen.Float64()
	if is32 {
		conv = jen.Float32()
	}
	switch v := v.(type) {
	case json.Number:
		return conv.Parens(jen.Op(string(v))), nil
	case string:
		switch strings.ToLower(v) {
		case "nan":
			return conv.Parens(jen.Qual("math", "NaN").Call()), nil
		case "infinity":
			return conv.Parens(jen.Qual("math", "Inf").Call(jen.Lit(1))), nil
		case "-infinity":
			return conv.Parens(jen.Qual("math", "Inf").Call(jen.Lit(-1))), nil
		}
	}
	return nil, fmt.Errorf("want a number, got %v", v)
}

// timeLiteral renders time.Unix(sec, nsec).UTC() from epoch seconds (or an
// RFC 3339 string).
func timeLiteral(v interface{}) (jen.Code, error) {
	var t time.Time
	switch v := v.(type) {
	case json.Number:
		f, _, err := big.ParseFloat(string(v), 10, 128, big.ToNearestEven)
		if err != nil {
			return nil, err
		}
		sec, _ := f.Int64()
		frac := new(big.Float).Sub(f, new(big.Float).SetInt64(sec))
		ms, _ := new(big.Float).Mul(frac, big.NewFloat(1000)).Float64()
		t = time.Unix(sec, int64(math.Round(ms))*int64(time.Millisecond)).UTC()
	case string:
		var err error
		if t, err = time.Parse(time.RFC3339Nano, v); err != nil {
			return nil, err
		}
	default:
		return nil, fmt.Errorf("want a timestamp, got %T", v)
	}
	return jen.Qual("time", "Unix").Call(jen.Lit(t.Unix()), jen.Lit(int64(t.Nanosecond()))).Dot("UTC").Call(), nil
}

// sortedKeys returns a map's keys in order, so generated literals are
// deterministic.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
