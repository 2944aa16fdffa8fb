package jmespath

import (
	"fmt"
	"reflect"
	"slices"
)

// node is a compiled expression: eval applies it to the current value.
// Only function calls fail; every other node yields null for data of the
// wrong shape.
type node interface {
	eval(v any) (any, error)
}

// currentNode is @, the current value; it is also the identity used where
// the grammar leaves an operand out (the right side of foo[*]).
type currentNode struct{}

func (currentNode) eval(v any) (any, error) { return v, nil }

// literalNode is a `json` or 'raw string' literal.
type literalNode struct{ v any }

func (n literalNode) eval(any) (any, error) { return n.v, nil }

// fieldNode is an identifier: a member of an object.
type fieldNode struct{ name string }

func (n fieldNode) eval(v any) (any, error) {
	if m, ok := v.(map[string]any); ok {
		return m[n.name], nil
	}
	return nil, nil
}

// subexprNode is left.right, and also left | right: right applied to the
// result of left. The two differ only in parsing (a pipe ends projections).
type subexprNode struct{ left, right node }

func (n subexprNode) eval(v any) (any, error) {
	l, err := n.left.eval(v)
	if err != nil {
		return nil, err
	}
	return n.right.eval(l)
}

// indexNode is [i] on an array; a negative i counts from the end.
type indexNode struct{ i int }

func (n indexNode) eval(v any) (any, error) {
	a, ok := v.([]any)
	if !ok {
		return nil, nil
	}
	i := n.i
	if i < 0 {
		i += len(a)
	}
	if i < 0 || i >= len(a) {
		return nil, nil
	}
	return a[i], nil
}

// sliceNode is [start:stop:step] on an array, with Python's semantics.
type sliceNode struct {
	start, stop       int
	hasStart, hasStop bool
	step              int // never 0
}

func (n sliceNode) eval(v any) (any, error) {
	a, ok := v.([]any)
	if !ok {
		return nil, nil
	}
	length := len(a)
	// A step longer than the array picks at most one element; capping it
	// keeps i += step from overflowing.
	step := min(max(n.step, -length-1), length+1)
	var start, stop int
	switch {
	case n.hasStart:
		start = sliceBound(n.start, length, step)
	case step < 0:
		start = length - 1
	}
	switch {
	case n.hasStop:
		stop = sliceBound(n.stop, length, step)
	case step < 0:
		stop = -1
	default:
		stop = length
	}
	out := []any{}
	if step > 0 {
		for i := start; i < stop; i += step {
			out = append(out, a[i])
		}
	} else {
		for i := start; i > stop; i += step {
			out = append(out, a[i])
		}
	}
	return out, nil
}

// sliceBound resolves a negative bound and clamps it to the array.
func sliceBound(b, length, step int) int {
	switch {
	case b < 0:
		b += length
		if b < 0 {
			if step < 0 {
				return -1
			}
			return 0
		}
	case b >= length:
		if step < 0 {
			return length - 1
		}
		return length
	}
	return b
}

// projectionNode applies right to every element of the array left yields,
// dropping null results. Anything but an array projects to null.
type projectionNode struct{ left, right node }

func (n projectionNode) eval(v any) (any, error) {
	l, err := n.left.eval(v)
	if err != nil {
		return nil, err
	}
	a, ok := l.([]any)
	if !ok {
		return nil, nil
	}
	return project(a, n.right)
}

func project(elems []any, right node) (any, error) {
	out := make([]any, 0, len(elems))
	for _, e := range elems {
		r, err := right.eval(e)
		if err != nil {
			return nil, err
		}
		if r != nil {
			out = append(out, r)
		}
	}
	return out, nil
}

// valueProjectionNode is left.*: a projection over an object's values, in
// key order.
type valueProjectionNode struct{ left, right node }

func (n valueProjectionNode) eval(v any) (any, error) {
	l, err := n.left.eval(v)
	if err != nil {
		return nil, err
	}
	m, ok := l.(map[string]any)
	if !ok {
		return nil, nil
	}
	return project(sortedValues(m), n.right)
}

// filterNode is left[?cond] right: a projection over the elements for which
// cond is truthy.
type filterNode struct{ left, cond, right node }

func (n filterNode) eval(v any) (any, error) {
	l, err := n.left.eval(v)
	if err != nil {
		return nil, err
	}
	a, ok := l.([]any)
	if !ok {
		return nil, nil
	}
	out := make([]any, 0, len(a))
	for _, e := range a {
		c, err := n.cond.eval(e)
		if err != nil {
			return nil, err
		}
		if !truthy(c) {
			continue
		}
		r, err := n.right.eval(e)
		if err != nil {
			return nil, err
		}
		if r != nil {
			out = append(out, r)
		}
	}
	return out, nil
}

// flattenNode is the left[] before its projection: one level of nested
// arrays merged into the outer array.
type flattenNode struct{ left node }

func (n flattenNode) eval(v any) (any, error) {
	l, err := n.left.eval(v)
	if err != nil {
		return nil, err
	}
	a, ok := l.([]any)
	if !ok {
		return nil, nil
	}
	out := make([]any, 0, len(a))
	for _, e := range a {
		if inner, ok := e.([]any); ok {
			out = append(out, inner...)
		} else {
			out = append(out, e)
		}
	}
	return out, nil
}

// orNode is left || right: left if it is truthy, else right.
type orNode struct{ left, right node }

func (n orNode) eval(v any) (any, error) {
	l, err := n.left.eval(v)
	if err != nil || truthy(l) {
		return l, err
	}
	return n.right.eval(v)
}

// andNode is left && right: left if it is falsy, else right.
type andNode struct{ left, right node }

func (n andNode) eval(v any) (any, error) {
	l, err := n.left.eval(v)
	if err != nil || !truthy(l) {
		return l, err
	}
	return n.right.eval(v)
}

// notNode is !x.
type notNode struct{ x node }

func (n notNode) eval(v any) (any, error) {
	x, err := n.x.eval(v)
	if err != nil {
		return nil, err
	}
	return !truthy(x), nil
}

// compareNode is one of == != < <= > >=. Equality is deep; ordering is
// defined only between numbers and is null otherwise.
type compareNode struct {
	op          tokenKind
	left, right node
}

func (n compareNode) eval(v any) (any, error) {
	l, err := n.left.eval(v)
	if err != nil {
		return nil, err
	}
	r, err := n.right.eval(v)
	if err != nil {
		return nil, err
	}
	switch n.op {
	case tEQ:
		return equal(l, r), nil
	case tNE:
		return !equal(l, r), nil
	}
	a, ok1 := l.(float64)
	b, ok2 := r.(float64)
	if !ok1 || !ok2 {
		return nil, nil
	}
	switch n.op {
	case tLT:
		return a < b, nil
	case tLE:
		return a <= b, nil
	case tGT:
		return a > b, nil
	default:
		return a >= b, nil
	}
}

// listNode is a multi-select list, [a, b]; null stays null.
type listNode struct{ items []node }

func (n listNode) eval(v any) (any, error) {
	if v == nil {
		return nil, nil
	}
	out := make([]any, len(n.items))
	for i, item := range n.items {
		r, err := item.eval(v)
		if err != nil {
			return nil, err
		}
		out[i] = r
	}
	return out, nil
}

// hashNode is a multi-select hash, {k: a, l: b}; null stays null.
type hashNode struct {
	keys   []string
	values []node
}

func (n hashNode) eval(v any) (any, error) {
	if v == nil {
		return nil, nil
	}
	out := make(map[string]any, len(n.keys))
	for i, val := range n.values {
		r, err := val.eval(v)
		if err != nil {
			return nil, err
		}
		out[n.keys[i]] = r
	}
	return out, nil
}

// exprefNode is &x, a function argument that the function evaluates itself.
type exprefNode struct{ x node }

func (n exprefNode) eval(any) (any, error) { return expref(n), nil }

// expref is the value of an expression reference, seen only by functions.
type expref struct{ x node }

// truthy reports whether v counts as true: everything but false, null and
// empty strings, arrays and objects.
func truthy(v any) bool {
	switch v := v.(type) {
	case nil:
		return false
	case bool:
		return v
	case string:
		return v != ""
	case []any:
		return len(v) > 0
	case map[string]any:
		return len(v) > 0
	}
	return true
}

// equal is the deep equality of ==: arrays element by element, objects by
// their members, whatever the key order.
func equal(a, b any) bool {
	switch a := a.(type) {
	case nil:
		return b == nil
	case bool:
		b, ok := b.(bool)
		return ok && a == b
	case float64:
		b, ok := b.(float64)
		return ok && a == b
	case string:
		b, ok := b.(string)
		return ok && a == b
	case []any:
		b, ok := b.([]any)
		return ok && slices.EqualFunc(a, b, equal)
	case map[string]any:
		b, ok := b.(map[string]any)
		if !ok || len(a) != len(b) {
			return false
		}
		for k, av := range a {
			bv, ok := b[k]
			if !ok || !equal(av, bv) {
				return false
			}
		}
		return true
	}
	return reflect.DeepEqual(a, b)
}

// typeName is the JMESPath type of v, as the type() function reports it.
func typeName(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean"
	case float64:
		return "number"
	case string:
		return "string"
	case []any:
		return "array"
	case map[string]any:
		return "object"
	case expref:
		return "expref"
	}
	return fmt.Sprintf("unsupported Go type %T", v)
}

// sortedKeys returns m's keys in order, so results do not depend on Go's
// map iteration order.
func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// sortedValues returns m's values in the order of their keys.
func sortedValues(m map[string]any) []any {
	out := make([]any, 0, len(m))
	for _, k := range sortedKeys(m) {
		out = append(out, m[k])
	}
	return out
}
