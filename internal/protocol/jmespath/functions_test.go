package jmespath

import (
	"errors"
	"strings"
	"testing"
)

func TestFunctions(t *testing.T) {
	people := `{"people": [{"name": "b", "age": 30}, {"name": "a", "age": 50}, {"name": "c", "age": 30}]}`
	runSearchCases(t, []searchCase{
		{"abs of a positive number", "abs(`1`)", `null`, `1`},
		{"abs of a negative number", "abs(`-1`)", `null`, `1`},
		{"abs of a field", "abs(a)", `{"a": -24.5}`, `24.5`},

		{"avg", "avg(`[10, 15, 20]`)", `null`, `15`},
		{"avg of an empty array is null", "avg(`[]`)", `null`, `null`},

		{"ceil rounds up", "ceil(`1.001`)", `null`, `2`},
		{"ceil of a negative number", "ceil(`-1.9`)", `null`, `-1`},
		{"ceil of an integer", "ceil(`1`)", `null`, `1`},
		{"floor rounds down", "floor(`1.9`)", `null`, `1`},
		{"floor of a negative number", "floor(`-1.1`)", `null`, `-2`},

		{"contains a substring", "contains('foobar', 'foo')", `null`, `true`},
		{"does not contain a substring", "contains('foobar', 'not')", `null`, `false`},
		{"contains a string element", "contains(`[\"a\", \"b\"]`, 'a')", `null`, `true`},
		{"contains compares elements deeply", "contains(`[[1, {\"a\": 2}]]`, `[1, {\"a\": 2}]`)", `null`, `true`},
		{"contains a number element", "contains(`[1, 2]`, `2.0`)", `null`, `true`},
		{"string does not contain a number", "contains('123', `1`)", `null`, `false`},
		{"contains null", "contains(`[null]`, missing)", `{}`, `true`},

		{"ends_with", "ends_with('foobarfoobar', 'bar')", `null`, `true`},
		{"does not end with", "ends_with('foobar', 'foo')", `null`, `false`},
		{"starts_with", "starts_with('foobar', 'foo')", `null`, `true`},
		{"does not start with", "starts_with('foobar', 'bar')", `null`, `false`},
		{"starts with the empty string", "starts_with('foobar', '')", `null`, `true`},

		{"join with a separator", "join(', ', `[\"a\", \"b\"]`)", `null`, `"a, b"`},
		{"join with no separator", "join('', `[\"a\", \"b\"]`)", `null`, `"ab"`},
		{"join of an empty array", "join(', ', `[]`)", `null`, `""`},
		{"join of one element", "join(', ', `[\"a\"]`)", `null`, `"a"`},

		{"keys", "keys(@)", `{"foo": "baz", "bar": "bam"}`, `["bar", "foo"]`},
		{"keys of an empty object", "keys(@)", `{}`, `[]`},
		{"values", "values(@)", `{"foo": "baz", "bar": "bam"}`, `["bam", "baz"]`},
		{"values of an empty object", "values(@)", `{}`, `[]`},

		{"length of a string", "length('abc')", `null`, `3`},
		{"length counts code points", "length('✓𝄞é')", `null`, `3`},
		{"length of an empty string", "length('')", `null`, `0`},
		{"length of an array", "length(@)", `["a", "b", "c"]`, `3`},
		{"length of an object", "length(@)", `{"a": 1, "b": 2}`, `2`},

		{"map", "map(&foo, @)", `[{"foo": "a"}, {"foo": "b"}, {}, [], {"foo": "f"}]`, `["a", "b", null, null, "f"]`},
		{"map with a flatten", "map(&[], @)", `[[1, 2, 3, [4]], [5, 6, 7, [8, 9]]]`, `[[1, 2, 3, 4], [5, 6, 7, 8, 9]]`},
		{"map over an empty array", "map(&a, @)", `[]`, `[]`},
		{"map with a function", "map(&length(@), @)", `["a", "bc"]`, `[1, 2]`},

		{"max of numbers", "max(`[10, 15]`)", `null`, `15`},
		{"max of strings", "max(`[\"a\", \"b\"]`)", `null`, `"b"`},
		{"max of an empty array is null", "max(`[]`)", `null`, `null`},
		{"min of numbers", "min(`[10, 15]`)", `null`, `10`},
		{"min of strings", "min(`[\"a\", \"b\"]`)", `null`, `"a"`},
		{"min of an empty array is null", "min(`[]`)", `null`, `null`},

		{"max_by", "max_by(people, &age).name", people, `"a"`},
		{"max_by keeps the first of equals", "max_by(people, &name).name", people, `"c"`},
		{"min_by keeps the first of equals", "min_by(people, &age).name", people, `"b"`},
		{"min_by a string key", "min_by(people, &name).name", people, `"a"`},
		{"max_by of an empty array is null", "max_by(`[]`, &age)", `null`, `null`},

		{"merge two objects", "merge(`{\"a\": \"b\"}`, `{\"c\": \"d\"}`)", `null`, `{"a": "b", "c": "d"}`},
		{"merge overrides", "merge(`{\"a\": \"b\"}`, `{\"a\": \"override\"}`)", `null`, `{"a": "override"}`},
		{"merge three objects", "merge(`{\"a\": \"x\", \"b\": \"y\"}`, `{\"b\": \"override\", \"c\": \"z\"}`, `{}`)", `null`, `{"a": "x", "b": "override", "c": "z"}`},
		{"merge one object", "merge(@)", `{"a": 1}`, `{"a": 1}`},

		{"not_null takes the first non-null", "not_null(a, b, `null`, d, c)", `{"a": null, "b": null, "c": [], "d": "foo"}`, `"foo"`},
		{"not_null keeps falsy values", "not_null(a, b)", `{"a": false, "b": 1}`, `false`},
		{"not_null of nulls", "not_null(a, b)", `{}`, `null`},

		{"reverse an array", "reverse(`[0, 1, 2, 3, 4]`)", `null`, `[4, 3, 2, 1, 0]`},
		{"reverse an empty array", "reverse(`[]`)", `null`, `[]`},
		{"reverse a mixed array", "reverse(`[\"a\", 1, {\"b\": 2}]`)", `null`, `[{"b": 2}, 1, "a"]`},
		{"reverse a string", "reverse('abcd')", `null`, `"dcba"`},
		{"reverse a string by code point", "reverse('a✓𝄞')", `null`, `"𝄞✓a"`},

		{"sort numbers", "sort(`[3, -1, 2.5, 0]`)", `null`, `[-1, 0, 2.5, 3]`},
		{"sort strings", "sort(`[\"b\", \"a\", \"c\", \"B\"]`)", `null`, `["B", "a", "b", "c"]`},
		{"sort an empty array", "sort(`[]`)", `null`, `[]`},

		{"sort_by a number", "sort_by(people, &age)[].name", people, `["b", "c", "a"]`},
		{"sort_by a string", "sort_by(people, &name)[].name", people, `["a", "b", "c"]`},
		{"sort_by is stable", "sort_by(@, &k)[].id", `[{"k": 2, "id": 1}, {"k": 1, "id": 2}, {"k": 2, "id": 3}, {"k": 1, "id": 4}, {"k": 2, "id": 5}]`, `[2, 4, 1, 3, 5]`},
		{"sort_by a function", "sort_by(@, &to_number(v))[].v", `[{"v": "10"}, {"v": "9"}, {"v": "100"}]`, `["9", "10", "100"]`},
		{"sort_by of an empty array", "sort_by(`[]`, &a)", `null`, `[]`},

		{"sum", "sum(`[1, 2.5, 3]`)", `null`, `6.5`},
		{"sum of an empty array is 0", "sum(`[]`)", `null`, `0`},

		{"to_array of an array", "to_array(`[1, 2]`)", `null`, `[1, 2]`},
		{"to_array of a string", "to_array('foo')", `null`, `["foo"]`},
		{"to_array of a number", "to_array(`0`)", `null`, `[0]`},
		{"to_array of null", "to_array(`null`)", `null`, `[null]`},
		{"to_array of an object", "to_array(@)", `{"a": 1}`, `[{"a": 1}]`},

		{"to_string of a string", "to_string('foo')", `null`, `"foo"`},
		{"to_string of a number", "to_string(`2`)", `null`, `"2"`},
		{"to_string of a fraction", "to_string(`1.5`)", `null`, `"1.5"`},
		{"to_string of an array is compact JSON", "to_string(`[1, 2, \"a\"]`)", `null`, `"[1,2,\"a\"]"`},
		{"to_string of an object is compact JSON", "to_string(@)", `{"b": {"c": [true, null]}, "a": "<&>"}`, `"{\"a\":\"<&>\",\"b\":{\"c\":[true,null]}}"`},
		{"to_string of null", "to_string(`null`)", `null`, `"null"`},
		{"to_string of false", "to_string(`false`)", `null`, `"false"`},

		{"to_number of a number", "to_number(`1.5`)", `null`, `1.5`},
		{"to_number of an integer string", "to_number('4')", `null`, `4`},
		{"to_number of a fraction string", "to_number('-1.25')", `null`, `-1.25`},
		{"to_number of an exponent string", "to_number('1e3')", `null`, `1000`},
		{"to_number of a non-number string", "to_number('abc')", `null`, `null`},
		{"to_number rejects non-JSON numbers", "[to_number('0x10'), to_number(' 1'), to_number('1.'), to_number('+1'), to_number('Infinity'), to_number('01'), to_number('')]", `{}`, `[null, null, null, null, null, null, null]`},
		{"to_number of an overflowing string", "to_number('1e400')", `null`, `null`},
		{"to_number of a boolean", "to_number(`true`)", `null`, `null`},
		{"to_number of an array", "to_number(`[1]`)", `null`, `null`},

		{"type of a string", "type('foo')", `null`, `"string"`},
		{"type of true", "type(`true`)", `null`, `"boolean"`},
		{"type of false", "type(`false`)", `null`, `"boolean"`},
		{"type of null", "type(`null`)", `null`, `"null"`},
		{"type of a number", "type(`123`)", `null`, `"number"`},
		{"type of a float", "type(`123.05`)", `null`, `"number"`},
		{"type of an array", "type(`[\"abc\", 123]`)", `null`, `"array"`},
		{"type of an object", "type(@)", `{"abc": "123"}`, `"object"`},

		{"function after a dot", "a.length(@)", `{"a": "xyz"}`, `3`},
		{"function projected over elements", "[].to_string(@)", `[1, [2]]`, `["1", "2"]`},
		{"nested functions", "sum(map(&length(@), keys(@)))", `{"ab": 1, "c": 2}`, `3`},
		{"function with a multi-select argument", "max([a, b])", `{"a": 1, "b": 2}`, `2`},
	})
}

// errorCase expects Compile or Search to fail with an error of kind at
// offset whose message contains msg.
type errorCase struct {
	name   string
	expr   string
	data   string
	kind   ErrorKind
	offset int
	msg    string
}

func runErrorCases(t *testing.T, cases []errorCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			e, err := Compile(tc.expr)
			if err == nil {
				_, err = e.Search(decodeJSON(t, tc.data))
			}
			var je *Error
			if !errors.As(err, &je) {
				t.Fatalf("%s: error %v (%T), want *Error", tc.expr, err, err)
			}
			if je.Kind != tc.kind || je.Offset != tc.offset || !strings.Contains(je.Msg, tc.msg) || je.Expr != tc.expr {
				t.Errorf("%s: got %v (kind %s, offset %d), want kind %s at offset %d containing %q", tc.expr, err, je.Kind, je.Offset, tc.kind, tc.offset, tc.msg)
			}
		})
	}
}

func TestFunctionErrors(t *testing.T) {
	runErrorCases(t, []errorCase{
		{"unknown function", "foo(`1`)", `null`, UnknownFunction, 0, "unknown function foo()"},
		{"unknown function after a dot", "a.nope(@)", `null`, UnknownFunction, 2, "nope()"},
		{"too many arguments", "abs(`1`, `2`)", `null`, InvalidArity, 0, "abs() takes 1 argument, got 2"},
		{"too few arguments", "abs()", `null`, InvalidArity, 0, "abs() takes 1 argument, got 0"},
		{"two-argument function", "join(',')", `null`, InvalidArity, 0, "join() takes 2 arguments, got 1"},
		{"variadic function with no arguments", "not_null()", `null`, InvalidArity, 0, "not_null() takes at least 1 argument, got 0"},
		{"merge with no arguments", "merge()", `null`, InvalidArity, 0, "takes at least 1 argument"},
		{"arity is checked at compile time", "a || length(a, b)", `null`, InvalidArity, 5, "length()"},
		{"length of a number", "length(`1`)", `null`, InvalidType, 7, "length() takes a string, array or object, got number"},
		{"length of null", "length(missing)", `{}`, InvalidType, 7, "got null"},
		{"abs of a string", "abs('a')", `null`, InvalidType, 4, "abs() takes a number, got string"},
		{"avg of strings", "avg(`[1, \"a\"]`)", `null`, InvalidType, 4, "avg() takes an array of numbers, got an array with a string at [1]"},
		{"sum of booleans", "sum(`[true]`)", `null`, InvalidType, 4, "got an array with a boolean at [0]"},
		{"max of mixed types", "max(`[1, \"a\"]`)", `null`, InvalidType, 4, "array of numbers or array of strings, got an array mixing numbers and strings"},
		{"max of objects", "max(`[{}]`)", `null`, InvalidType, 4, "got an array with an object at [0]"},
		{"sort of booleans", "sort(`[false]`)", `null`, InvalidType, 5, "sort()"},
		{"contains of a number", "contains(`1`, `1`)", `null`, InvalidType, 9, "contains() argument 1 must be a string or array, got number"},
		{"join of numbers", "join(',', `[1]`)", `null`, InvalidType, 10, "join() argument 2 must be an array of strings"},
		{"join with a numeric glue", "join(`1`, `[]`)", `null`, InvalidType, 5, "join() argument 1 must be a string, got number"},
		{"starts_with a number", "starts_with('a', `1`)", `null`, InvalidType, 17, "starts_with() argument 2 must be a string"},
		{"keys of an array", "keys(`[]`)", `null`, InvalidType, 5, "keys() takes an object, got array"},
		{"values of a string", "values('a')", `null`, InvalidType, 7, "values() takes an object"},
		{"merge of an array", "merge(`{}`, `[]`)", `null`, InvalidType, 12, "merge() argument 2 must be an object, got array"},
		{"reverse of a number", "reverse(`1`)", `null`, InvalidType, 8, "reverse()"},
		{"map over an object", "map(&a, @)", `{}`, InvalidType, 8, "map() argument 2 must be an array, got object"},
		{"a value where an expression reference is due", "sort_by(@, a)", `[]`, InvalidType, 11, "sort_by() argument 2 must be an expression reference (&expr), got a value"},
		{"an expression reference where a value is due", "length(&a)", `null`, InvalidType, 7, "got an expression reference"},
		{"an expression reference to a variadic function", "not_null(a, &b)", `null`, InvalidType, 12, "not_null() argument 2"},
		{"sort_by a boolean key", "sort_by(@, &a)", `[{"a": true}]`, InvalidType, 0, "sort_by() expression must yield a number or a string, got boolean for element [0]"},
		{"sort_by mixed keys", "sort_by(@, &a)", `[{"a": 1}, {"a": "x"}]`, InvalidType, 0, "only numbers or only strings"},
		{"sort_by a missing key", "sort_by(@, &a)", `[{"b": 1}]`, InvalidType, 0, "got null"},
		{"max_by a boolean key", "max_by(@, &a)", `[{"a": 1}, {"a": false}]`, InvalidType, 0, "max_by() expression must yield a number or a string, got boolean for element [1]"},
		{"min_by mixed keys", "min_by(@, &a)", `[{"a": "x"}, {"a": 1}]`, InvalidType, 0, "min_by()"},
		{"error inside an expression reference", "x.map(&length(@), @)", `{"x": [1]}`, InvalidType, 14, "length() takes"},
		{"error inside a projection", "[*].abs(@)", `[1, "a"]`, InvalidType, 8, "abs()"},
		{"error inside a filter", "[?length(@) > `1`]", `["ab", 3]`, InvalidType, 9, "length()"},
	})
}

func TestFunctionTypesAreCheckedOnlyWhenReached(t *testing.T) {
	// The right of || is not evaluated when the left is truthy, so its type
	// error does not happen.
	got, err := MustCompile("a || length(`1`)").Search(map[string]any{"a": "x"})
	if err != nil || got != "x" {
		t.Fatalf("got %v, %v; want x, nil", got, err)
	}
}
