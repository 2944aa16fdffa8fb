package jmespath

import (
	"encoding/json"
	"errors"
	"testing"
)

// fuzzDocument has a value of every type, nested, so that searched
// expressions reach every node and function with data of every shape.
const fuzzDocument = `{
	"a": {"b": {"c": [1, 2, {"d": "e"}]}, "n": null, "t": true, "f": false},
	"list": [0, -1.5, "s", "", [], {}, [1, [2, [3]]], {"k": "v", "n": 3}, null, true],
	"nums": [3, 1, 2], "strs": ["b", "a", "c"],
	"people": [{"name": "x", "age": 3}, {"name": "y", "age": 1}, {"age": "old"}],
	"str": "hello ✓", "num": 42, "empty": {}, "emptylist": []
}`

// FuzzCompile checks that Compile never panics on any input, that a
// compiled expression keeps its source, and that searching a fixed document
// never panics and fails only with an *Error.
func FuzzCompile(f *testing.F) {
	for _, seed := range []string{
		"length(services[?!(length(deployments) == `1` && runningCount == desiredCount)]) == `0`",
		"status != 'CANCELLING' && status != 'CANCELLED'",
		"Instances[].Status", "Table.TableStatus",
		"a.b.c[2].d", "list[::-1]", "list[1:8:2]", "list[-3:]", "list[]", "list[][]",
		"*.b", "a.*.c", "[*].foo", "people[?age > `1`].name | [0]", "list[?@]",
		"{x: a.t, y: [num, str]}", "a.[n, t]", "(a || b) && !c", "`{\"a\": [1, \"`\"]}`",
		"'raw \\' string'", "\"quoted \\\" id\"", "sort_by(people, &name)[].age",
		"max_by(people, &age)", "map(&[], list)", "to_string(list)", "merge(a, empty, `{}`)",
		"abs(num)", "avg(nums)", "ceil(`1.5`)", "contains(str, 'ell')", "ends_with(str, '✓')",
		"floor(`-0.5`)", "join('-', strs)", "keys(a)", "values(a)", "min(strs)", "min_by(people, &age)",
		"not_null(a.n, num)", "reverse(str)", "sort(nums)", "starts_with(str, 'he')", "sum(nums)",
		"to_array(num)", "to_number('12.5e1')", "type(list)", "@", "[::0]", "foo[", "&a", "a[-9223372036854775808]",
	} {
		f.Add(seed)
	}
	var doc any
	if err := json.Unmarshal([]byte(fuzzDocument), &doc); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, expr string) {
		e, err := Compile(expr)
		if err != nil {
			var je *Error
			if !errors.As(err, &je) || je.Expr != expr || je.Offset < 0 || je.Offset > len(expr) {
				t.Fatalf("Compile(%q): error %v is not a well-formed *Error", expr, err)
			}
			return
		}
		if e.String() != expr {
			t.Fatalf("String() = %q, want %q", e.String(), expr)
		}
		for _, data := range []any{doc, nil, []any{doc, 1.0}} {
			if _, err := e.Search(data); err != nil {
				var je *Error
				if !errors.As(err, &je) || je.Expr != expr || je.Offset < 0 || je.Offset > len(expr) {
					t.Fatalf("Search(%q): error %v is not a well-formed *Error", expr, err)
				}
			}
		}
	})
}
