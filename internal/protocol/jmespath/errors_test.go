package jmespath

import (
	"errors"
	"strings"
	"sync"
	"testing"
)

func TestSyntaxErrors(t *testing.T) {
	runErrorCases(t, []errorCase{
		{"empty expression", ``, `null`, Syntax, 0, "unexpected end of expression"},
		{"only spaces", `   `, `null`, Syntax, 3, "unexpected end of expression"},
		{"trailing dot", `foo.`, `null`, Syntax, 4, "after '.', found end of expression"},
		{"leading dot", `.foo`, `null`, Syntax, 0, `unexpected "."`},
		{"double dot", `foo..bar`, `null`, Syntax, 4, `found "."`},
		{"number after a dot", `foo.1`, `null`, Syntax, 4, `found "1"`},
		{"literal after a dot", "foo.`1`", `null`, Syntax, 4, "after '.'"},
		{"current node after a dot", `foo.@`, `null`, Syntax, 4, "after '.'"},
		{"number as an expression", `1`, `null`, Syntax, 0, `unexpected "1"`},
		{"lone minus", `[-]`, `null`, Syntax, 1, "'-' must be followed by digits"},
		{"index too large", `[99999999999999999999]`, `null`, Syntax, 1, "out of range"},
		{"identifier in brackets", `foo[abc]`, `null`, Syntax, 4, "expected a number, ':' or '*' after '['"},
		{"unclosed bracket", `foo[0`, `null`, Syntax, 5, "expected ']'"},
		{"unclosed wildcard", `foo[*`, `null`, Syntax, 5, "expected ']'"},
		{"two numbers in an index", `[1 2]`, `null`, Syntax, 3, "expected ']'"},
		{"three colons", `[:::]`, `null`, Syntax, 3, "at most two ':'"},
		{"identifier in a slice", `[1:a]`, `null`, Syntax, 3, "expected a number, ':' or ']' in a slice"},
		{"two numbers in a slice", `[1:2 3]`, `null`, Syntax, 5, "expected ':' or ']'"},
		{"zero step", `[::0]`, `null`, InvalidValue, 3, "slice step cannot be 0"},
		{"zero step after other parts", `foo[8:2:0]`, `null`, InvalidValue, 8, "slice step cannot be 0"},
		{"single equals", `a = b`, `null`, Syntax, 2, "equality is '=='"},
		{"unknown character", `a # b`, `null`, Syntax, 2, `unexpected character '#'`},
		{"unknown non-ASCII character", `a ✓`, `null`, Syntax, 2, `unexpected character '✓'`},
		{"space inside [?", `foo[ ?a]`, `null`, Syntax, 5, `unexpected character '?'`},
		{"unterminated quoted identifier", `"foo`, `null`, Syntax, 0, "unterminated quoted identifier"},
		{"bad escape in a quoted identifier", `"\u"`, `null`, Syntax, 0, "invalid quoted identifier"},
		{"control character in a quoted identifier", "\"a\nb\"", `null`, Syntax, 0, "invalid quoted identifier"},
		{"unterminated raw string", `'foo`, `null`, Syntax, 0, "unterminated raw string literal"},
		{"unterminated JSON literal", "`foo", `null`, Syntax, 0, "unterminated JSON literal"},
		{"invalid JSON literal", "a == `foo`", `null`, Syntax, 5, "invalid JSON literal `foo`"},
		{"empty JSON literal", "``", `null`, Syntax, 0, "invalid JSON literal"},
		{"two JSON values in a literal", "`1 2`", `null`, Syntax, 0, "invalid JSON literal"},
		{"JSON literal number out of range", "`1e400`", `null`, Syntax, 0, "out of range"},
		{"unescaped backtick in a literal", "`\"a`b\"`", `null`, Syntax, 0, "invalid JSON literal"},
		{"missing comparison operand", `a ==`, `null`, Syntax, 4, "unexpected end of expression"},
		{"comparison without a left side", `[?==a]`, `null`, Syntax, 2, `unexpected "=="`},
		{"unclosed filter", `foo[?a`, `null`, Syntax, 6, "expected ']' to close the filter"},
		{"dangling or", `a ||`, `null`, Syntax, 4, "unexpected end of expression"},
		{"or at the start", `|| a`, `null`, Syntax, 0, `unexpected "||"`},
		{"dangling pipe", `a |`, `null`, Syntax, 3, "unexpected end of expression"},
		{"lone not", `!`, `null`, Syntax, 1, "unexpected end of expression"},
		{"unclosed parenthesis", `(a`, `null`, Syntax, 2, "expected ')'"},
		{"empty parentheses", `()`, `null`, Syntax, 1, `unexpected ")"`},
		{"trailing comma in a list", `[a, ]`, `null`, Syntax, 4, `unexpected "]"`},
		{"double comma in a list", `[a,, b]`, `null`, Syntax, 3, `unexpected ","`},
		{"unclosed list", `[a, b`, `null`, Syntax, 5, "expected ',' or ']'"},
		{"empty hash", `{}`, `null`, Syntax, 1, "expected a key in a multi-select hash"},
		{"hash key without a value", `{a}`, `null`, Syntax, 2, "expected ':' after the key"},
		{"hash with a missing value", `{a: }`, `null`, Syntax, 4, `unexpected "}"`},
		{"hash with a trailing comma", `{a: b, }`, `null`, Syntax, 7, "expected a key"},
		{"hash with a number key", `{1: a}`, `null`, Syntax, 1, "expected a key"},
		{"unclosed hash", `{a: b`, `null`, Syntax, 5, "expected ',' or '}'"},
		{"hash after an identifier", `a{b: c}`, `null`, Syntax, 1, `unexpected "{"`},
		{"wildcard then identifier", `foo[*]bar`, `null`, Syntax, 6, `unexpected "bar"`},
		{"wildcard then wildcard", `foo[*]*`, `null`, Syntax, 6, `unexpected "*" after a projection`},
		{"wildcard then identifier without a dot", `*foo`, `null`, Syntax, 1, `unexpected "foo"`},
		{"trailing garbage", `foo bar`, `null`, Syntax, 4, `unexpected "bar"`},
		{"quoted function name", `"length"(@)`, `null`, Syntax, 0, "function names cannot be quoted"},
		{"call on a non-name", `@(foo)`, `null`, Syntax, 1, "'(' must follow a function name"},
		{"call on a parenthesised name", `(length)(@)`, `null`, Syntax, 8, "'(' must follow a function name"},
		{"call on an index", `a[0](b)`, `null`, Syntax, 4, "'(' must follow a function name"},
		{"trailing comma in arguments", `length(a, )`, `null`, Syntax, 10, `unexpected ")"`},
		{"unclosed arguments", `length(a`, `null`, Syntax, 8, "expected ',' or ')'"},
		{"missing comma between arguments", `join(a b)`, `null`, Syntax, 7, "expected ',' or ')'"},
		{"expression reference outside a call", `&a`, `null`, Syntax, 0, "can only be a function argument"},
		{"expression reference inside a list argument", `sort_by(@, [&a])`, `null`, Syntax, 12, "can only be a function argument"},
		{"too deeply nested", strings.Repeat("(", maxDepth+1) + "a" + strings.Repeat(")", maxDepth+1), `null`, Syntax, maxDepth, "nested more than"},
	})
}

func TestErrorMessage(t *testing.T) {
	_, err := MustCompile("length(@)").Search(1.0)
	want := `jmespath: invalid-type: length() takes a string, array or object, got number (at offset 7 in "length(@)")`
	if err == nil || err.Error() != want {
		t.Errorf("got %v\nwant %s", err, want)
	}
	_, err = Compile("foo.")
	want = `jmespath: syntax: expected an identifier, '*', '[' or '{' after '.', found end of expression (at offset 4 in "foo.")`
	if err == nil || err.Error() != want {
		t.Errorf("got %v\nwant %s", err, want)
	}
}

func TestMustCompile(t *testing.T) {
	if got := MustCompile("a.b").String(); got != "a.b" {
		t.Errorf("String() = %q, want the source", got)
	}
	defer func() {
		r := recover()
		err, ok := r.(error)
		var je *Error
		if !ok || !errors.As(err, &je) || je.Kind != Syntax {
			t.Errorf("MustCompile of a bad expression panicked with %v, want a syntax *Error", r)
		}
	}()
	MustCompile("a.")
}

func TestDeepNestingWithinLimit(t *testing.T) {
	expr := strings.Repeat("(", maxDepth/2) + "a" + strings.Repeat(")", maxDepth/2)
	got, err := MustCompile(expr).Search(map[string]any{"a": "x"})
	if err != nil || got != "x" {
		t.Fatalf("got %v, %v", got, err)
	}
}

func TestConcurrentSearch(t *testing.T) {
	e := MustCompile("sort_by(items, &n)[].n | [max(@), length(@)]")
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			items := []any{}
			for i := range 50 {
				items = append(items, map[string]any{"n": float64((i * 7) % (g + 51))})
			}
			for range 100 {
				got, err := e.Search(map[string]any{"items": items})
				if err != nil {
					t.Error(err)
					return
				}
				if l := got.([]any)[1]; l != 50.0 {
					t.Errorf("length %v, want 50", l)
					return
				}
			}
		}()
	}
	wg.Wait()
}
