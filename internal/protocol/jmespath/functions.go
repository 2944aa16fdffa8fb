package jmespath

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// argType is the set of types a function parameter accepts.
type argType uint16

const (
	aNumber argType = 1 << iota
	aString
	aBoolean
	aArray
	aObject
	aNull
	aExpref
	aArrayNumber // an array whose elements are all numbers
	aArrayString // an array whose elements are all strings

	aAny = aNumber | aString | aBoolean | aArray | aObject | aNull
)

// argTypeNames spells each argType bit for error messages, in bit order.
var argTypeNames = []string{
	"number", "string", "boolean", "array", "object", "null",
	"expression reference (&expr)", "array of numbers", "array of strings",
}

func (t argType) String() string {
	if t == aAny {
		return "any value"
	}
	var names []string
	for i, name := range argTypeNames {
		if t&(1<<i) != 0 {
			names = append(names, name)
		}
	}
	s := names[len(names)-1]
	if len(names) > 1 {
		s = strings.Join(names[:len(names)-1], ", ") + " or " + s
	}
	return withArticle(s)
}

// withArticle puts "a" or "an" before a type name.
func withArticle(s string) string {
	if strings.IndexByte("aeiou", s[0]) >= 0 {
		return "an " + s
	}
	return "a " + s
}

// accepts reports whether v is of a type in t.
func (t argType) accepts(v any) bool {
	switch v := v.(type) {
	case nil:
		return t&aNull != 0
	case bool:
		return t&aBoolean != 0
	case float64:
		return t&aNumber != 0
	case string:
		return t&aString != 0
	case map[string]any:
		return t&aObject != 0
	case expref:
		return t&aExpref != 0
	case []any:
		return t&aArray != 0 ||
			t&aArrayNumber != 0 && allOf[float64](v) ||
			t&aArrayString != 0 && allOf[string](v)
	}
	return false
}

func allOf[T any](a []any) bool {
	for _, e := range a {
		if _, ok := e.(T); !ok {
			return false
		}
	}
	return true
}

// function is a built-in function: its signature and its implementation,
// which may assume its arguments have been checked against the signature.
type function struct {
	name     string
	params   []argType
	variadic bool // the last parameter repeats; at least len(params) arguments
	call     func(c *callNode, args []any) (any, error)
}

func (f *function) param(i int) argType {
	return f.params[min(i, len(f.params)-1)]
}

// callNode is a call of a built-in function.
type callNode struct {
	fn     *function
	args   []node
	pos    int   // offset of the function name
	argPos []int // offset of each argument
}

// check does the checks that need no data: the argument count, and
// expression references given exactly where the function takes them.
func (c *callNode) check() *Error {
	f := c.fn
	n, p := len(c.args), len(f.params)
	if n < p || !f.variadic && n > p {
		plural := "s"
		if p == 1 {
			plural = ""
		}
		atLeast := ""
		if f.variadic {
			atLeast = "at least "
		}
		return &Error{Kind: InvalidArity, Offset: c.pos,
			Msg: fmt.Sprintf("%s() takes %s%d argument%s, got %d", f.name, atLeast, p, plural, n)}
	}
	for i, a := range c.args {
		t := f.param(i)
		_, isRef := a.(exprefNode)
		if isRef && t&aExpref == 0 {
			return c.typeError(i, "an expression reference")
		}
		if !isRef && t == aExpref {
			return c.typeError(i, "a value; write &expr to pass an expression")
		}
	}
	return nil
}

// typeError reports argument i as being of the wrong type; got describes it.
func (c *callNode) typeError(i int, got string) *Error {
	msg := fmt.Sprintf("%s() takes %s, got %s", c.fn.name, c.fn.param(i), got)
	if len(c.fn.params) > 1 || c.fn.variadic {
		msg = fmt.Sprintf("%s() argument %d must be %s, got %s", c.fn.name, i+1, c.fn.param(i), got)
	}
	return &Error{Kind: InvalidType, Offset: c.argPos[i], Msg: msg}
}

// errorf reports an error of the call as a whole.
func (c *callNode) errorf(kind ErrorKind, format string, args ...any) error {
	return &Error{Kind: kind, Offset: c.pos, Msg: c.fn.name + "() " + fmt.Sprintf(format, args...)}
}

func (c *callNode) eval(v any) (any, error) {
	args := make([]any, len(c.args))
	for i, a := range c.args {
		r, err := a.eval(v)
		if err != nil {
			return nil, err
		}
		if t := c.fn.param(i); !t.accepts(r) {
			return nil, c.typeError(i, describeValue(t, r))
		}
		args[i] = r
	}
	return c.fn.call(c, args)
}

// describeValue names the type of v for an error; for an array that a
// typed-array parameter t rejected, it names the first offending element.
func describeValue(t argType, v any) string {
	a, ok := v.([]any)
	if !ok || t&(aArrayNumber|aArrayString) == 0 {
		return typeName(v)
	}
	for i, e := range a {
		if _, ok := e.(float64); ok && t&aArrayNumber != 0 {
			continue
		}
		if _, ok := e.(string); ok && t&aArrayString != 0 {
			continue
		}
		return fmt.Sprintf("an array with %s at [%d]", withArticle(typeName(e)), i)
	}
	return "an array mixing numbers and strings"
}

// functions returns the built-in functions of the specification, by name,
// built on first use: a program that links the package without compiling
// an expression (a client whose waiters need no JMESPath) links none of
// them. (A package variable holding sync.OnceValue(builtins) would link
// them all: its initialisation refers to builtins.)
func functions() map[string]*function {
	functionsOnce.Do(func() { functionTable = builtins() })
	return functionTable
}

var (
	functionsOnce sync.Once
	functionTable map[string]*function
)

func builtins() map[string]*function {
	m := map[string]*function{}
	for _, f := range []*function{
		{name: "abs", params: []argType{aNumber}, call: number(math.Abs)},
		{name: "avg", params: []argType{aArrayNumber}, call: fnAvg},
		{name: "ceil", params: []argType{aNumber}, call: number(math.Ceil)},
		{name: "contains", params: []argType{aArray | aString, aAny}, call: fnContains},
		{name: "ends_with", params: []argType{aString, aString}, call: strings2(strings.HasSuffix)},
		{name: "floor", params: []argType{aNumber}, call: number(math.Floor)},
		{name: "join", params: []argType{aString, aArrayString}, call: fnJoin},
		{name: "keys", params: []argType{aObject}, call: fnKeys},
		{name: "length", params: []argType{aString | aArray | aObject}, call: fnLength},
		{name: "map", params: []argType{aExpref, aArray}, call: fnMap},
		{name: "max", params: []argType{aArrayNumber | aArrayString}, call: extreme(1)},
		{name: "max_by", params: []argType{aArray, aExpref}, call: extremeBy(1)},
		{name: "merge", params: []argType{aObject}, variadic: true, call: fnMerge},
		{name: "min", params: []argType{aArrayNumber | aArrayString}, call: extreme(-1)},
		{name: "min_by", params: []argType{aArray, aExpref}, call: extremeBy(-1)},
		{name: "not_null", params: []argType{aAny}, variadic: true, call: fnNotNull},
		{name: "reverse", params: []argType{aString | aArray}, call: fnReverse},
		{name: "sort", params: []argType{aArrayNumber | aArrayString}, call: fnSort},
		{name: "sort_by", params: []argType{aArray, aExpref}, call: fnSortBy},
		{name: "starts_with", params: []argType{aString, aString}, call: strings2(strings.HasPrefix)},
		{name: "sum", params: []argType{aArrayNumber}, call: fnSum},
		{name: "to_array", params: []argType{aAny}, call: fnToArray},
		{name: "to_number", params: []argType{aAny}, call: fnToNumber},
		{name: "to_string", params: []argType{aAny}, call: fnToString},
		{name: "type", params: []argType{aAny}, call: fnType},
		{name: "values", params: []argType{aObject}, call: fnValues},
	} {
		m[f.name] = f
	}
	return m
}

// number adapts a float64 function of one number.
func number(f func(float64) float64) func(*callNode, []any) (any, error) {
	return func(_ *callNode, args []any) (any, error) { return f(args[0].(float64)), nil }
}

// strings2 adapts a predicate on two strings.
func strings2(f func(string, string) bool) func(*callNode, []any) (any, error) {
	return func(_ *callNode, args []any) (any, error) {
		return f(args[0].(string), args[1].(string)), nil
	}
}

func fnAvg(c *callNode, args []any) (any, error) {
	a := args[0].([]any)
	if len(a) == 0 {
		return nil, nil
	}
	s, _ := fnSum(c, args)
	return s.(float64) / float64(len(a)), nil
}

func fnSum(_ *callNode, args []any) (any, error) {
	var s float64
	for _, e := range args[0].([]any) {
		s += e.(float64)
	}
	return s, nil
}

func fnContains(_ *callNode, args []any) (any, error) {
	switch subject := args[0].(type) {
	case string:
		search, ok := args[1].(string)
		return ok && strings.Contains(subject, search), nil
	default:
		return slices.ContainsFunc(subject.([]any), func(e any) bool { return equal(e, args[1]) }), nil
	}
}

func fnJoin(_ *callNode, args []any) (any, error) {
	var b strings.Builder
	for i, e := range args[1].([]any) {
		if i > 0 {
			b.WriteString(args[0].(string))
		}
		b.WriteString(e.(string))
	}
	return b.String(), nil
}

func fnKeys(_ *callNode, args []any) (any, error) {
	keys := sortedKeys(args[0].(map[string]any))
	out := make([]any, len(keys))
	for i, k := range keys {
		out[i] = k
	}
	return out, nil
}

func fnValues(_ *callNode, args []any) (any, error) {
	return sortedValues(args[0].(map[string]any)), nil
}

func fnLength(_ *callNode, args []any) (any, error) {
	switch v := args[0].(type) {
	case string:
		return float64(utf8.RuneCountInString(v)), nil
	case []any:
		return float64(len(v)), nil
	default:
		return float64(len(v.(map[string]any))), nil
	}
}

// fnMap keeps null results, unlike a projection.
func fnMap(_ *callNode, args []any) (any, error) {
	x := args[0].(expref).x
	a := args[1].([]any)
	out := make([]any, len(a))
	for i, e := range a {
		r, err := x.eval(e)
		if err != nil {
			return nil, err
		}
		out[i] = r
	}
	return out, nil
}

// compare orders two numbers or two strings, which the caller has checked
// are of the same type.
func compare(a, b any) int {
	if x, ok := a.(float64); ok {
		y := b.(float64)
		switch {
		case x < y:
			return -1
		case x > y:
			return 1
		}
		return 0
	}
	return strings.Compare(a.(string), b.(string))
}

// extreme is max (sign 1) or min (sign -1) of an array of numbers or strings.
func extreme(sign int) func(*callNode, []any) (any, error) {
	return func(_ *callNode, args []any) (any, error) {
		a := args[0].([]any)
		if len(a) == 0 {
			return nil, nil
		}
		best := a[0]
		for _, e := range a[1:] {
			if compare(e, best)*sign > 0 {
				best = e
			}
		}
		return best, nil
	}
}

// sortKeys evaluates the expression reference on every element; the results
// must all be numbers or all be strings.
func sortKeys(c *callNode, a []any, x node) ([]any, error) {
	keys := make([]any, len(a))
	for i, e := range a {
		k, err := x.eval(e)
		if err != nil {
			return nil, err
		}
		switch k.(type) {
		case float64, string:
		default:
			return nil, c.errorf(InvalidType, "expression must yield a number or a string, got %s for element [%d]", typeName(k), i)
		}
		if i > 0 && typeName(k) != typeName(keys[0]) {
			return nil, c.errorf(InvalidType, "expression must yield only numbers or only strings, got a %s for element [0] and a %s for element [%d]", typeName(keys[0]), typeName(k), i)
		}
		keys[i] = k
	}
	return keys, nil
}

// extremeBy is max_by (sign 1) or min_by (sign -1).
func extremeBy(sign int) func(*callNode, []any) (any, error) {
	return func(c *callNode, args []any) (any, error) {
		a := args[0].([]any)
		keys, err := sortKeys(c, a, args[1].(expref).x)
		if err != nil || len(a) == 0 {
			return nil, err
		}
		best := 0
		for i := 1; i < len(a); i++ {
			if compare(keys[i], keys[best])*sign > 0 {
				best = i
			}
		}
		return a[best], nil
	}
}

func fnSort(_ *callNode, args []any) (any, error) {
	out := slices.Clone(args[0].([]any))
	slices.SortStableFunc(out, compare)
	return out, nil
}

// fnSortBy is a stable sort, as the specification requires.
func fnSortBy(c *callNode, args []any) (any, error) {
	a := args[0].([]any)
	keys, err := sortKeys(c, a, args[1].(expref).x)
	if err != nil {
		return nil, err
	}
	order := make([]int, len(a))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(i, j int) int { return compare(keys[i], keys[j]) })
	out := make([]any, len(a))
	for i, j := range order {
		out[i] = a[j]
	}
	return out, nil
}

// fnMerge copies the objects into a new one, later members winning.
func fnMerge(_ *callNode, args []any) (any, error) {
	out := map[string]any{}
	for _, o := range args {
		for k, v := range o.(map[string]any) {
			out[k] = v
		}
	}
	return out, nil
}

func fnNotNull(_ *callNode, args []any) (any, error) {
	for _, v := range args {
		if v != nil {
			return v, nil
		}
	}
	return nil, nil
}

func fnReverse(_ *callNode, args []any) (any, error) {
	if s, ok := args[0].(string); ok {
		r := []rune(s)
		slices.Reverse(r)
		return string(r), nil
	}
	out := slices.Clone(args[0].([]any))
	slices.Reverse(out)
	return out, nil
}

func fnToArray(_ *callNode, args []any) (any, error) {
	if a, ok := args[0].([]any); ok {
		return a, nil
	}
	return []any{args[0]}, nil
}

// fnToNumber parses strings that are JSON numbers; anything else that is not
// a number becomes null.
func fnToNumber(_ *callNode, args []any) (any, error) {
	switch v := args[0].(type) {
	case float64:
		return v, nil
	case string:
		if !isJSONNumber(v) {
			return nil, nil
		}
		f, err := strconv.ParseFloat(v, 64)
		if err != nil || math.IsInf(f, 0) {
			return nil, nil
		}
		return f, nil
	}
	return nil, nil
}

// isJSONNumber reports whether s matches the JSON number grammar:
// -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func isJSONNumber(s string) bool {
	i := 0
	digits := func() int {
		n := 0
		for i < len(s) && isDigit(s[i]) {
			i++
			n++
		}
		return n
	}
	if i < len(s) && s[i] == '-' {
		i++
	}
	if i < len(s) && s[i] == '0' {
		i++
	} else if digits() == 0 {
		return false
	}
	if i < len(s) && s[i] == '.' {
		i++
		if digits() == 0 {
			return false
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if digits() == 0 {
			return false
		}
	}
	return i == len(s)
}

// fnToString returns strings as they are and encodes anything else as
// compact JSON.
func fnToString(c *callNode, args []any) (any, error) {
	if s, ok := args[0].(string); ok {
		return s, nil
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(args[0]); err != nil {
		return nil, c.errorf(InvalidValue, "cannot encode the value as JSON: %v", jsonReason(err))
	}
	return strings.TrimSuffix(buf.String(), "\n"), nil
}

func fnType(_ *callNode, args []any) (any, error) {
	return typeName(args[0]), nil
}
