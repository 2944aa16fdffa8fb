package jmespath

import (
	"encoding/json"
	"reflect"
	"testing"
)

// searchCase is one expression applied to a JSON document; want is the JSON
// of the expected result. Expected results come from the specification's
// text and examples.
type searchCase struct {
	name string
	expr string
	data string
	want string
}

func decodeJSON(t *testing.T, s string) any {
	t.Helper()
	var v any
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		t.Fatalf("bad test JSON %s: %v", s, err)
	}
	return v
}

func runSearchCases(t *testing.T, cases []searchCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			e, err := Compile(tc.expr)
			if err != nil {
				t.Fatalf("Compile(%q): %v", tc.expr, err)
			}
			got, err := e.Search(decodeJSON(t, tc.data))
			if err != nil {
				t.Fatalf("Search(%q): %v", tc.expr, err)
			}
			if want := decodeJSON(t, tc.want); !reflect.DeepEqual(got, want) {
				t.Errorf("%s on %s = %s, want %s", tc.expr, tc.data, jsonString(got), tc.want)
			}
		})
	}
}

func TestIdentifiersAndSubExpressions(t *testing.T) {
	runSearchCases(t, []searchCase{
		{"unquoted identifier", `foo`, `{"foo": "value"}`, `"value"`},
		{"missing member is null", `bar`, `{"foo": "value"}`, `null`},
		{"identifier on an array is null", `foo`, `[1]`, `null`},
		{"identifier on a string is null", `foo`, `"foo"`, `null`},
		{"quoted identifier", `"foo"`, `{"foo": "value"}`, `"value"`},
		{"quoted identifier with a space", `"with space"`, `{"with space": 1}`, `1`},
		{"quoted identifier with a dot", `"a.b"`, `{"a.b": 1, "a": {"b": 2}}`, `1`},
		{"quoted identifier with escapes", `"\"q\"\\\n\u00e9"`, `{"\"q\"\\\n\u00e9": true}`, `true`},
		{"quoted identifier with a surrogate pair", `"\ud834\udd1e"`, `{"𝄞": 1}`, `1`},
		{"quoted keyword-like name", `"true"`, `{"true": 1}`, `1`},
		{"identifiers with digits and underscores", `_a1.B_2`, `{"_a1": {"B_2": 3}}`, `3`},
		{"sub-expression", `foo.bar`, `{"foo": {"bar": "value"}}`, `"value"`},
		{"sub-expression with a quoted identifier", `foo."bar"`, `{"foo": {"bar": "value"}}`, `"value"`},
		{"sub-expression of a missing member", `foo.bar`, `{"foo": {"baz": "value"}}`, `null`},
		{"deep sub-expression", `foo.bar.baz`, `{"foo": {"bar": {"baz": "value"}}}`, `"value"`},
		{"sub-expression through null", `a.b.c`, `{"a": null}`, `null`},
		{"member holding false", `a`, `{"a": false}`, `false`},
	})
}

func TestIndexExpressions(t *testing.T) {
	data := `["first", "second", "third"]`
	runSearchCases(t, []searchCase{
		{"first element", `[0]`, data, `"first"`},
		{"negative index counts from the end", `[-1]`, data, `"third"`},
		{"most negative index", `[-3]`, data, `"first"`},
		{"too negative index is null", `[-4]`, data, `null`},
		{"index past the end is null", `[100]`, data, `null`},
		{"index of a member", `foo[0]`, `{"foo": ["first", "second"]}`, `"first"`},
		{"index past the end of a member", `foo[100]`, `{"foo": ["first"]}`, `null`},
		{"nested indexes", `foo[0][0]`, `{"foo": [[0, 1], [1, 2]]}`, `0`},
		{"index of an object is null", `foo[0]`, `{"foo": {"0": 1}}`, `null`},
		{"index of a string is null", `[0]`, `"abc"`, `null`},
		{"index then member", `a[1].b`, `{"a": [{"b": 1}, {"b": 2}]}`, `2`},
	})
}

func TestSlices(t *testing.T) {
	data := `[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]`
	runSearchCases(t, []searchCase{
		{"start stop step", `[0:4:1]`, data, `[0, 1, 2, 3]`},
		{"start stop", `[0:4]`, data, `[0, 1, 2, 3]`},
		{"start and stop", `[0:3]`, data, `[0, 1, 2]`},
		{"stop only", `[:2]`, data, `[0, 1]`},
		{"step only", `[::2]`, data, `[0, 2, 4, 6, 8]`},
		{"negative step reverses", `[::-1]`, data, `[9, 8, 7, 6, 5, 4, 3, 2, 1, 0]`},
		{"negative start", `[-2:]`, data, `[8, 9]`},
		{"negative start and stop", `[-4:-1]`, data, `[6, 7, 8]`},
		{"negative step with bounds", `[8:2:-2]`, data, `[8, 6, 4]`},
		{"negative step from past the end", `[20:5:-3]`, data, `[9, 6]`},
		{"negative step to before the start", `[3:-20:-1]`, data, `[3, 2, 1, 0]`},
		{"stop before start is empty", `[5:2]`, data, `[]`},
		{"bounds past the end are clamped", `[8:100]`, data, `[8, 9]`},
		{"huge step picks the first", `[::9223372036854775807]`, data, `[0]`},
		{"huge negative step picks the last", `[::-9223372036854775808]`, data, `[9]`},
		{"slice of an empty array", `[::-1]`, `[]`, `[]`},
		{"slice of an object is null", `[0:1]`, `{"a": 1}`, `null`},
		{"slice of a string is null", `[0:1]`, `"abc"`, `null`},
		{"slice projects", `[1:3].a`, `[{"a": 1}, {"a": 2}, {"b": 3}, {"a": 4}]`, `[2]`},
		{"slice of a member", `foo[:2].a`, `{"foo": [{"a": 1}, {"a": 2}, {"a": 3}]}`, `[1, 2]`},
	})
}

func TestProjections(t *testing.T) {
	people := `{"people": [{"first": "James", "last": "d"}, {"first": "Jacob", "last": "e"}, {"first": "Jayden", "last": "f"}, {"missing": "different"}], "foo": {"bar": "bar"}}`
	ops := `{"ops": {"functionA": {"numArgs": 2}, "functionB": {"numArgs": 3}, "functionC": {"variadic": true}}}`
	runSearchCases(t, []searchCase{
		{"list projection drops nulls", `people[*].first`, people, `["James", "Jacob", "Jayden"]`},
		{"list projection of a non-array is null", `foo[*].bar`, people, `null`},
		{"list projection with a slice", `people[:2].first`, people, `["James", "Jacob"]`},
		{"bare list wildcard drops nulls", `[*]`, `[1, null, 2]`, `[1, 2]`},
		{"list wildcard then member", `[*].a`, `[{"a": 1}, {"b": 2}, {"a": 3}]`, `[1, 3]`},
		{"object projection", `ops.*.numArgs`, ops, `[2, 3]`},
		{"object projection of a non-object is null", `people.*`, people, `null`},
		{"bare object wildcard", `*`, `{"b": 2, "a": 1}`, `[1, 2]`},
		{"object wildcard in key order", `*`, `{"c": 3, "a": 1, "b": 2}`, `[1, 2, 3]`},
		{"nested projections keep their nesting", `a[*].b[*].c`, `{"a": [{"b": [{"c": 1}, {"c": 2}]}, {"b": [{"c": 3}]}]}`, `[[1, 2], [3]]`},
		{"projection then index applies to each element", `a[*].b[0]`, `{"a": [{"b": [1, 2]}, {"b": [3]}, {"b": []}]}`, `[1, 3]`},
		{"pipe ends a projection", `a[*].b | [0]`, `{"a": [{"b": 1}, {"b": 2}]}`, `1`},
		{"index after a projection applies to each element", `a[*].b[0]`, `{"a": [{"b": [5]}]}`, `[5]`},
		{"projection of an empty array", `[*].a`, `[]`, `[]`},
	})
}

func TestFlatten(t *testing.T) {
	reservations := `{"reservations": [{"instances": [{"state": "running"}, {"state": "stopped"}]}, {"instances": [{"state": "terminated"}, {"state": "running"}]}]}`
	runSearchCases(t, []searchCase{
		{"projection keeps nesting", `reservations[*].instances[*].state`, reservations, `[["running", "stopped"], ["terminated", "running"]]`},
		{"flatten merges one level", `reservations[].instances[].state`, reservations, `["running", "stopped", "terminated", "running"]`},
		{"flatten mixed elements", `[]`, `[[0, 1], 2, [3], 4, [5, [6, 7]]]`, `[0, 1, 2, 3, 4, 5, [6, 7]]`},
		{"flatten twice", `[][]`, `[[0, 1], 2, [3], 4, [5, [6, 7]]]`, `[0, 1, 2, 3, 4, 5, 6, 7]`},
		{"flatten drops nulls", `[]`, `[null, [null, 1], 2]`, `[1, 2]`},
		{"flatten of a non-array is null", `foo[]`, `{"foo": "bar"}`, `null`},
		{"flatten of an object is null", `[]`, `{"a": [1]}`, `null`},
		{"flatten ends a projection's nesting", `a[*].b[]`, `{"a": [{"b": [1, 2]}, {"b": [3]}]}`, `[1, 2, 3]`},
		{"instances states", `Reservations[].Instances[].State.Name`, `{"Reservations": [{"Instances": [{"State": {"Name": "running"}}]}, {"Instances": [{"State": {"Name": "pending"}}]}]}`, `["running", "pending"]`},
	})
}

func TestFilters(t *testing.T) {
	machines := `{"machines": [{"name": "a", "state": "running"}, {"name": "b", "state": "stopped"}, {"name": "c", "state": "running"}]}`
	nums := `{"foo": [{"a": 1, "b": 2}, {"a": 1, "b": 3}, {"a": 5, "b": "x"}]}`
	runSearchCases(t, []searchCase{
		{"filter with a raw string", `machines[?state=='running'].name`, machines, `["a", "c"]`},
		{"filter with a JSON literal", "machines[?state==`\"stopped\"`].name", machines, `["b"]`},
		{"filter with and", "foo[?a == `1` && b == `2`]", nums, `[{"a": 1, "b": 2}]`},
		{"filter keeps whole elements", "foo[?a > `1`]", nums, `[{"a": 5, "b": "x"}]`},
		{"less than", "foo[?b < `3`].b", nums, `[2]`},
		{"less or equal", "foo[?b <= `3`].b", nums, `[2, 3]`},
		{"greater or equal", "foo[?b >= `3`].b", nums, `[3]`},
		{"not equal", "foo[?b != `2`].b", nums, `[3, "x"]`},
		{"ordering a string is null, so false", "foo[?b > `0`].b", nums, `[2, 3]`},
		{"filter on a non-array is null", "foo[?a]", `{"foo": {"a": 1}}`, `null`},
		{"truthiness of the condition", `[?a]`, `[{"a": 0}, {"a": ""}, {"a": []}, {"a": {}}, {"a": false}, {"a": null}, {"a": "x"}, {"a": [0]}, {"a": {"k": 0}}, {"a": true}, {}]`, `[{"a": 0}, {"a": "x"}, {"a": [0]}, {"a": {"k": 0}}, {"a": true}]`},
		{"filter then flatten", "[?a][]", `[{"a": [1]}, {"b": 1}]`, `[{"a": [1]}]`},
		{"filter on current node", "[?@ > `2`]", `[1, 2, 3, 4]`, `[3, 4]`},
		{"filter comparing two fields", `[?a == b].a`, `[{"a": 1, "b": 1}, {"a": 1, "b": 2}]`, `[1]`},
		{"a second filter applies to each element", "[?length(@) > `1`][?a < `4`]", `[[{"a": 2}, {"a": 5}], [{"a": 1}]]`, `[[{"a": 2}]]`},
		{"piped filters", "[?a > `1`] | [?a < `4`].a", `[{"a": 1}, {"a": 2}, {"a": 3}, {"a": 4}]`, `[2, 3]`},
		{"filter with a sub-projection", "[?b[?c == `1`]].id", `[{"id": 1, "b": [{"c": 1}]}, {"id": 2, "b": [{"c": 2}]}]`, `[1]`},
	})
}

func TestComparisons(t *testing.T) {
	runSearchCases(t, []searchCase{
		{"numbers equal", "`1` == `1.0`", `null`, `true`},
		{"strings equal", `'a' == 'a'`, `null`, `true`},
		{"different types are not equal", "`1` == '1'", `null`, `false`},
		{"null equals null", "a == `null`", `{}`, `true`},
		{"arrays compare deeply", "`[1, [2, {\"a\": 3}]]` == `[1, [2, {\"a\": 3}]]`", `null`, `true`},
		{"array order matters", "`[1, 2]` == `[2, 1]`", `null`, `false`},
		{"objects compare by value", "`{\"a\": 1, \"b\": [2]}` == `{\"b\": [2], \"a\": 1}`", `null`, `true`},
		{"objects with different members", "`{\"a\": 1}` != `{\"a\": 1, \"b\": null}`", `null`, `true`},
		{"booleans", "`true` != `false`", `null`, `true`},
		{"less than", "`1` < `2`", `null`, `true`},
		{"greater than", "`1` > `2`", `null`, `false`},
		{"less or equal", "`2` <= `2`", `null`, `true`},
		{"greater or equal", "`2` >= `3`", `null`, `false`},
		{"ordering strings is null", `'a' < 'b'`, `null`, `null`},
		{"ordering mixed types is null", "`1` < 'b'", `null`, `null`},
		{"ordering booleans is null", "`true` > `false`", `null`, `null`},
		{"ordering null is null", "a >= `1`", `{}`, `null`},
		{"comparison binds tighter than and", "`1` < `2` && `3` > `4`", `null`, `false`},
		{"left-associative", "`1` == `1` == `true`", `null`, `true`},
	})
}

func TestBooleanOperators(t *testing.T) {
	runSearchCases(t, []searchCase{
		{"or takes the left when truthy", `foo || bar`, `{"foo": "foo-value"}`, `"foo-value"`},
		{"or takes the right when the left is null", `foo || bar`, `{"bar": "bar-value"}`, `"bar-value"`},
		{"or prefers the left", `foo || bar`, `{"foo": "foo-value", "bar": "bar-value"}`, `"foo-value"`},
		{"or of two nulls", `foo || bar`, `{"baz": "baz-value"}`, `null`},
		{"or chains", `foo || bar || baz`, `{"baz": "baz-value"}`, `"baz-value"`},
		{"or with an index", `override || mylist[-1]`, `{"mylist": ["one", "two"]}`, `"two"`},
		{"or with the override", `override || mylist[-1]`, `{"mylist": ["one", "two"], "override": "yes"}`, `"yes"`},
		{"or skips empty values", `a || b || c || d || e`, `{"a": "", "b": [], "c": {}, "d": false, "e": 0}`, `0`},
		{"and returns the falsy left", `True && False`, `{"True": true, "False": false}`, `false`},
		{"and returns the right", `Number && EmptyList`, `{"Number": 5, "EmptyList": []}`, `[]`},
		{"and short-circuits on empty string", `a && b`, `{"a": "", "b": 1}`, `""`},
		{"and binds tighter than or", `a || b && c`, `{"a": 1, "b": 0, "c": null}`, `1`},
		{"and binds tighter than or (right)", `a && b || c`, `{"a": null, "b": 1, "c": "c"}`, `"c"`},
		{"not true", `!True`, `{"True": true}`, `false`},
		{"not false", `!False`, `{"False": false}`, `true`},
		{"not a number", `!Number`, `{"Number": 5}`, `false`},
		{"not an empty list", `!EmptyList`, `{"EmptyList": []}`, `true`},
		{"not null", `!missing`, `{}`, `true`},
		{"double not", `!!a`, `{"a": "x"}`, `true`},
		{"not binds tighter than and", "!a && b", `{"a": false, "b": "B"}`, `"B"`},
		{"not of a parenthesised expression", "!(a && b)", `{"a": true, "b": false}`, `true`},
		{"parentheses group or before and", "(a || b) && c", `{"a": 0, "c": "C"}`, `"C"`},
	})
}

func TestLiterals(t *testing.T) {
	runSearchCases(t, []searchCase{
		{"raw string", `'foo'`, `null`, `"foo"`},
		{"raw string keeps spaces", `'  foo  '`, `null`, `"  foo  "`},
		{"raw string escaped quote", `'foo\'bar'`, `null`, `"foo'bar"`},
		{"raw string keeps other backslashes", `'a\nb\\'`, `null`, `"a\\nb\\\\"`},
		{"raw string is not JSON-decoded", `'\u03a6'`, `null`, `"\\u03a6"`},
		{"raw string with unicode", `'✓'`, `null`, `"✓"`},
		{"JSON string", "`\"foo\"`", `null`, `"foo"`},
		{"JSON string with a unicode escape", "`\"\\u03a6\"`", `null`, `"Φ"`},
		{"JSON number", "`-1.5e2`", `null`, `-150`},
		{"JSON true", "`true`", `null`, `true`},
		{"JSON null", "`null`", `{"a": 1}`, `null`},
		{"JSON array", "`[1, \"a\", null]`", `null`, `[1, "a", null]`},
		{"JSON object", "`{\"a\": {\"b\": [true]}}`", `null`, `{"a": {"b": [true]}}`},
		{"JSON with surrounding space", "`  {\"a\": 1}  `", `null`, `{"a": 1}`},
		{"escaped backtick", "`\"foo\\`bar\"`", `null`, `"foo` + "`" + `bar"`},
		{"escaped backtick alone", "`\"\\`\"`", `null`, "\"`\""},
		{"literal then sub-expression", "`{\"a\": \"b\"}`.a", `null`, `"b"`},
		{"literal then index", "`[0, 1, 2]`[1]", `null`, `1`},
		{"literal ignores the current node", "`1`", `{"a": 2}`, `1`},
	})
}

func TestMultiSelect(t *testing.T) {
	data := `{"foo": {"bar": "bar", "baz": "baz", "qux": "qux", "nested": {"one": {"a": "first"}}}}`
	runSearchCases(t, []searchCase{
		{"list", `foo.[bar, baz]`, data, `["bar", "baz"]`},
		{"list keeps nulls", `foo.[bar, missing]`, data, `["bar", null]`},
		{"list at the top level", `[foo.bar, foo.qux]`, data, `["bar", "qux"]`},
		{"list of null is null", `missing.[a, b]`, data, `null`},
		{"hash", `foo.{a: bar, b: baz}`, data, `{"a": "bar", "b": "baz"}`},
		{"hash keeps nulls", `foo.{a: bar, b: missing}`, data, `{"a": "bar", "b": null}`},
		{"hash with quoted keys", `foo.{"a b": bar, "c.d": nested.one.a}`, data, `{"a b": "bar", "c.d": "first"}`},
		{"hash at the top level", `{x: foo.bar}`, data, `{"x": "bar"}`},
		{"hash of null is null", `missing.{a: a}`, data, `null`},
		{"hash over a projection", `people[*].{name: name, age: age}`, `{"people": [{"name": "a", "age": 1}, {"name": "b"}]}`, `[{"name": "a", "age": 1}, {"name": "b", "age": null}]`},
		{"list over a projection", `people[].[name, age]`, `{"people": [{"name": "a", "age": 1}, {"name": "b"}]}`, `[["a", 1], ["b", null]]`},
		{"list of expressions", "[`1`, 'a', @, a || b]", `{"b": 2}`, `[1, "a", {"b": 2}, 2]`},
		{"nested list", `[[a], [b, [c]]]`, `{"a": 1, "b": 2, "c": 3}`, `[[1], [2, [3]]]`},
		{"list flattened", `[a, b][]`, `{"a": [1, 2], "b": 3}`, `[1, 2, 3]`},
	})
}

func TestPipesAndCurrentNode(t *testing.T) {
	data := `{"foo": [{"bar": "first"}, {"bar": "second"}]}`
	runSearchCases(t, []searchCase{
		{"pipe stops the projection", `foo[*].bar | [0]`, data, `"first"`},
		{"without a pipe the index is projected", `foo[*].bar[0]`, data, `[]`},
		{"pipe with sub-expressions", `foo | [1] | bar`, data, `"second"`},
		{"pipe passes null on", "missing | type(@)", data, `"null"`},
		{"pipe binds loosest", "a || b | length(@)", `{"b": "xyz"}`, `3`},
		{"current node", `@`, `{"a": 1}`, `{"a": 1}`},
		{"current node then member", `@.a`, `{"a": 1}`, `1`},
		{"current node in a projection", `[*].[@]`, `[1, 2]`, `[[1], [2]]`},
		{"current node in a pipe", `a | @`, `{"a": 5}`, `5`},
		{"parenthesised projection", `(foo[*].bar)[1]`, data, `"second"`},
	})
}

// TestWaiterPaths runs acceptor paths of the kind smithy.waiters traits hold.
func TestWaiterPaths(t *testing.T) {
	services := `{"services": [
		{"deployments": [{"id": "a"}], "runningCount": 2, "desiredCount": 2},
		{"deployments": [{"id": "b"}, {"id": "c"}], "runningCount": 1, "desiredCount": 2}]}`
	stable := `{"services": [{"deployments": [{"id": "a"}], "runningCount": 2, "desiredCount": 2}]}`
	runSearchCases(t, []searchCase{
		{"ECS services not yet stable", "length(services[?!(length(deployments) == `1` && runningCount == desiredCount)]) == `0`", services, `false`},
		{"ECS services stable", "length(services[?!(length(deployments) == `1` && runningCount == desiredCount)]) == `0`", stable, `true`},
		{"status neither cancelling nor cancelled", `status != 'CANCELLING' && status != 'CANCELLED'`, `{"status": "RUNNING"}`, `true`},
		{"status cancelling", `status != 'CANCELLING' && status != 'CANCELLED'`, `{"status": "CANCELLING"}`, `false`},
		{"list of statuses", `Instances[].Status`, `{"Instances": [{"Status": "ok"}, {"Status": "impaired"}]}`, `["ok", "impaired"]`},
		{"table status", `Table.TableStatus`, `{"Table": {"TableStatus": "ACTIVE"}}`, `"ACTIVE"`},
		{"table status when the table is absent", `Table.TableStatus`, `{}`, `null`},
		{"all instances running", "Reservations[].Instances[].State.Name", `{"Reservations": []}`, `[]`},
		{"any failed", "contains(Stacks[].StackStatus, 'CREATE_FAILED')", `{"Stacks": [{"StackStatus": "CREATE_COMPLETE"}, {"StackStatus": "CREATE_FAILED"}]}`, `true`},
	})
}

func TestSearchDoesNotModifyData(t *testing.T) {
	data := decodeJSON(t, `{"a": [3, 1, 2], "o": {"x": 1}, "s": "abc"}`)
	want := decodeJSON(t, `{"a": [3, 1, 2], "o": {"x": 1}, "s": "abc"}`)
	for _, expr := range []string{`sort(a)`, `reverse(a)`, `merge(o, {y: s})`, `sort_by(a[*].{v: @}, &v)`, `a[::-1]`, `to_array(a)`} {
		if _, err := MustCompile(expr).Search(data); err != nil {
			t.Fatalf("%s: %v", expr, err)
		}
		if !reflect.DeepEqual(data, want) {
			t.Fatalf("%s modified the data: %s", expr, jsonString(data))
		}
	}
}

func TestUnsupportedGoValuesDoNotPanic(t *testing.T) {
	data := map[string]any{"n": 3, "s": []string{"a"}, "p": &struct{}{}}
	for _, expr := range []string{`n`, `s[0]`, `s[*]`, `n == n`, `s == s`, `[?@]`, `*`, `p.x`, `!n`, "n > `1`"} {
		if _, err := MustCompile(expr).Search(data); err != nil {
			t.Errorf("%s: %v", expr, err)
		}
	}
	if _, err := MustCompile(`type(n)`).Search(data); err == nil {
		t.Errorf("type() of an int: no error, want invalid-type")
	}
}
