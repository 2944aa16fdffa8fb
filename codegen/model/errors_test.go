package model

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestErrorMessageOmitsEmptyParts(t *testing.T) {
	tests := []struct {
		err  Error
		want string
	}{
		{Error{File: "models/x.json", Shape: "com.foo#Bar", Member: "Baz", Msg: "target com.foo#Missing not found"},
			"models/x.json: shape com.foo#Bar member Baz: target com.foo#Missing not found"},
		{Error{File: "x.json", Msg: "empty document"}, "x.json: empty document"},
		{Error{Shape: "com.foo#Bar", Msg: "bad"}, "shape com.foo#Bar: bad"},
		{Error{Msg: "bad"}, "bad"},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
	}
}

func TestParseRejectsBadModels(t *testing.T) {
	tests := []struct {
		name string
		doc  string
		want string
	}{
		{"malformed JSON reports line and column", "{\n  \"smithy\": \"2.0\",\n  \"shapes\": {,}\n}", "malformed JSON at line 3:14"},
		{"truncated JSON", `{"smithy": "2.0", "shapes": {`, "malformed JSON at line 1:"},
		{"trailing garbage", `{"smithy": "2.0"} x`, "unexpected data after the top-level object"},
		{"bad escape in string", `{"smithy": "2.0", "shapes": {"a#B": {"type": "string", "traits": {"smithy.api#documentation": "\q"}}}}`, "malformed JSON"},
		{"bad number", `{"smithy": "2.0", "metadata": {"x": 01}}`, "malformed JSON"},
		{"absurdly deep nesting", `{"smithy": "2.0", "metadata": {"x": ` + strings.Repeat("[", 20000) + `}}`, "exceeded max nesting depth"},
		{"empty file", "", "empty document"},
		{"whitespace only", " \n\t", "empty document"},
		{"top-level array", `[1, 2]`, "top-level value must be a JSON object, not an array"},
		{"top-level string", `"smithy"`, "top-level value must be a JSON object"},
		{"missing version", `{"shapes": {}}`, `missing "smithy" version`},
		{"unsupported version", `{"smithy": "3.0"}`, `unsupported smithy version "3.0"`},
		{"version not a string", `{"smithy": 2}`, `"smithy" must be a string`},
		{"shapes not an object", `{"smithy": "2.0", "shapes": []}`, `"shapes" must be an object`},
		{"metadata not an object", `{"smithy": "2.0", "metadata": 1}`, `"metadata" must be an object`},
		{"shape ID without namespace", string(doc(`"Bar": {"type": "string"}`)), "shape Bar: malformed shape ID"},
		{"shape ID with bad characters", string(doc(`"com.foo#Ba-r": {"type": "string"}`)), "malformed shape ID"},
		{"member ID used for a shape", string(doc(`"com.foo#Bar$baz": {"type": "string"}`)), "member ID can only be used with apply"},
		{"unknown shape type", string(doc(`"com.foo#Bar": {"type": "strang"}`)), `unknown shape type "strang"`},
		{"missing shape type", string(doc(`"com.foo#Bar": {}`)), `missing "type"`},
		{"shape not an object", string(doc(`"com.foo#Bar": "string"`)), "shape must be an object"},
		{"duplicate shape ID", string(doc(`"com.foo#Bar": {"type": "string"}, "com.foo#Bar": {"type": "string"}`)), `duplicate key "com.foo#Bar" in "shapes"`},
		{"duplicate member name", string(doc(`"com.foo#Bar": {"type": "structure", "members": {"a": {"target": "smithy.api#String"}, "a": {"target": "smithy.api#Integer"}}}`)), `shape com.foo#Bar: duplicate key "a" in "members"`},
		{"members differing only in case", string(doc(`"com.foo#Bar": {"type": "structure", "members": {"foo": {"target": "smithy.api#String"}, "Foo": {"target": "smithy.api#String"}}}`)), "member Foo: member name conflicts with foo"},
		{"dangling member target", string(doc(`"com.foo#Bar": {"type": "structure", "members": {"Baz": {"target": "com.foo#Missing"}}}`)), "test.json: shape com.foo#Bar member Baz: target com.foo#Missing not found"},
		{"member without target", string(doc(`"com.foo#Bar": {"type": "structure", "members": {"Baz": {}}}`)), "member Baz: member has no target"},
		{"member target not a shape ID", string(doc(`"com.foo#Bar": {"type": "structure", "members": {"Baz": {"target": "String"}}}`)), `member Baz: target "String" is not a valid shape ID`},
		{"member targets an operation", string(doc(`"com.foo#Op": {"type": "operation"}, "com.foo#Bar": {"type": "structure", "members": {"Baz": {"target": "com.foo#Op"}}}`)), "members cannot target"},
		{"invalid member name", string(doc(`"com.foo#Bar": {"type": "structure", "members": {"a-b": {"target": "smithy.api#String"}}}`)), `invalid member name "a-b"`},
		{"list without member", string(doc(`"com.foo#L": {"type": "list"}`)), "list has no member"},
		{"map without value", string(doc(`"com.foo#M": {"type": "map", "key": {"target": "smithy.api#String"}}`)), "map needs both key and value"},
		{"map without key", string(doc(`"com.foo#M": {"type": "map", "value": {"target": "smithy.api#String"}}`)), "map needs both key and value"},
		{"map key not a string", string(doc(`"com.foo#M": {"type": "map", "key": {"target": "smithy.api#Integer"}, "value": {"target": "smithy.api#String"}}`)), "map key must target a string"},
		{"list member without target", string(doc(`"com.foo#L": {"type": "list", "member": {}}`)), "member member: member has no target"},
		{"missing operation input", string(doc(`"com.foo#Op": {"type": "operation", "input": {"target": "com.foo#In"}}`)), "input com.foo#In not found"},
		{"missing operation output", string(doc(`"com.foo#Op": {"type": "operation", "output": {"target": "com.foo#Out"}}`)), "output com.foo#Out not found"},
		{"operation input not a structure", string(doc(`"com.foo#Op": {"type": "operation", "input": {"target": "smithy.api#String"}}`)), "is a string, not a structure"},
		{"missing operation error", string(doc(`"com.foo#Op": {"type": "operation", "errors": [{"target": "com.foo#Oops"}]}`)), "error com.foo#Oops not found"},
		{"missing service operation", string(doc(`"com.foo#S": {"type": "service", "version": "1", "operations": [{"target": "com.foo#Op"}]}`)), "operation com.foo#Op not found"},
		{"service operation of the wrong type", string(doc(`"com.foo#Op": {"type": "string"}, "com.foo#S": {"type": "service", "operations": [{"target": "com.foo#Op"}]}`)), "com.foo#Op is a string, not a operation"},
		{"missing service resource", string(doc(`"com.foo#S": {"type": "service", "resources": [{"target": "com.foo#R"}]}`)), "resource com.foo#R not found"},
		{"missing service error", string(doc(`"com.foo#S": {"type": "service", "errors": [{"target": "com.foo#E"}]}`)), "error com.foo#E not found"},
		{"missing resource lifecycle operation", string(doc(`"com.foo#R": {"type": "resource", "read": {"target": "com.foo#Get"}}`)), "lifecycle operation com.foo#Get not found"},
		{"missing nested resource", string(doc(`"com.foo#R": {"type": "resource", "resources": [{"target": "com.foo#R2"}]}`)), "resource com.foo#R2 not found"},
		{"missing resource identifier target", string(doc(`"com.foo#R": {"type": "resource", "identifiers": {"id": {"target": "com.foo#Id"}}}`)), "identifier id target com.foo#Id not found"},
		{"reference without target", string(doc(`"com.foo#Op": {"type": "operation", "input": {}}`)), `"input" has no target`},
		{"errors not an array", string(doc(`"com.foo#Op": {"type": "operation", "errors": {"target": "com.foo#E"}}`)), `"errors" must be an array`},
		{"traits not an object", string(doc(`"com.foo#S": {"type": "string", "traits": []}`)), `"traits" must be an object`},
		{"relative trait ID", string(doc(`"com.foo#S": {"type": "string", "traits": {"documentation": "x"}}`)), `trait ID "documentation" is not an absolute shape ID`},
		{"paginated not an object", string(doc(`"com.foo#Op": {"type": "operation", "traits": {"smithy.api#paginated": "yes"}}`)), "trait smithy.api#paginated has an invalid value"},
		{"paginated token not a string", string(doc(`"com.foo#Op": {"type": "operation", "traits": {"smithy.api#paginated": {"inputToken": 1}}}`)), "trait smithy.api#paginated has an invalid value"},
		{"documentation not a string", string(doc(`"com.foo#S": {"type": "string", "traits": {"smithy.api#documentation": {}}}`)), "trait smithy.api#documentation has an invalid value"},
		{"error trait with unknown kind", string(doc(`"com.foo#E": {"type": "structure", "traits": {"smithy.api#error": "user"}}`)), `must be "client" or "server"`},
		{"httpError not a number", string(doc(`"com.foo#E": {"type": "structure", "traits": {"smithy.api#httpError": "400"}}`)), "trait smithy.api#httpError has an invalid value"},
		{"enum trait not a list", string(doc1(`"com.foo#E": {"type": "string", "traits": {"smithy.api#enum": {"value": "a"}}}`)), "trait smithy.api#enum has an invalid value"},
		{"member trait of the wrong type", string(doc(`"com.foo#S": {"type": "structure", "members": {"a": {"target": "smithy.api#String", "traits": {"smithy.api#jsonName": 3}}}}`)), "member a: trait smithy.api#jsonName has an invalid value"},
		{"mixin that does not exist", string(doc(`"com.foo#S": {"type": "structure", "mixins": [{"target": "com.foo#M"}]}`)), "mixin com.foo#M not found"},
		{"mixin without the mixin trait", string(doc(`"com.foo#M": {"type": "structure"}, "com.foo#S": {"type": "structure", "mixins": [{"target": "com.foo#M"}]}`)), "com.foo#M is not a mixin"},
		{"mixin of another type", string(doc(`"com.foo#M": {"type": "union", "traits": {"smithy.api#mixin": {}}}, "com.foo#S": {"type": "structure", "mixins": [{"target": "com.foo#M"}]}`)), "mixin com.foo#M is a union, not a structure"},
		{"mixin cycle", string(doc(`"com.foo#A": {"type": "structure", "mixins": [{"target": "com.foo#B"}], "traits": {"smithy.api#mixin": {}}}, "com.foo#B": {"type": "structure", "mixins": [{"target": "com.foo#A"}], "traits": {"smithy.api#mixin": {}}}`)), "mixin cycle"},
		{"redeclared mixin member with another target", string(doc(`"com.foo#M": {"type": "structure", "members": {"a": {"target": "smithy.api#String"}}, "traits": {"smithy.api#mixin": {}}}, "com.foo#S": {"type": "structure", "mixins": [{"target": "com.foo#M"}], "members": {"a": {"target": "smithy.api#Integer"}}}`)), "redefines a mixin member with a different target"},
		{"member targets a mixin", string(doc(`"com.foo#M": {"type": "structure", "traits": {"smithy.api#mixin": {}}}, "com.foo#S": {"type": "structure", "members": {"a": {"target": "com.foo#M"}}}`)), "is a mixin"},
		{"apply to missing shape", string(doc(`"com.foo#Missing": {"type": "apply", "traits": {"smithy.api#sensitive": {}}}`)), "shape com.foo#Missing: apply targets a shape that does not exist"},
		{"apply to missing member", string(doc(`"com.foo#S": {"type": "structure"}, "com.foo#S$a": {"type": "apply", "traits": {"smithy.api#required": {}}}`)), "shape com.foo#S member a: apply targets a member that does not exist"},
		{"apply to a prelude shape", string(doc(`"smithy.api#String": {"type": "apply", "traits": {"smithy.api#sensitive": {}}}`)), "cannot apply traits to a prelude shape"},
		{"redefined prelude shape", string(doc(`"smithy.api#String": {"type": "string"}`)), "cannot redefine a prelude shape"},
		{"enum member targeting a non-Unit shape", string(doc(`"com.foo#E": {"type": "enum", "members": {"A": {"target": "smithy.api#String"}}}`)), "enum members must target smithy.api#Unit"},
		{"intEnum member without a value", string(doc(`"com.foo#E": {"type": "intEnum", "members": {"A": {"target": "smithy.api#Unit"}}}`)), "intEnum member needs smithy.api#enumValue"},
		{"intEnum value that is a string", string(doc(`"com.foo#E": {"type": "intEnum", "members": {"A": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": "1"}}}}`)), "must be an integer"},
		{"enum value that is a number", string(doc(`"com.foo#E": {"type": "enum", "members": {"A": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": 1}}}}`)), "must be a non-empty string"},
		{"enum without members", string(doc(`"com.foo#E": {"type": "enum"}`)), "enum has no members"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := Parse("test.json", []byte(tt.doc))
			if m != nil {
				t.Errorf("got a model along with the error")
			}
			wantError(t, err, tt.want)
		})
	}
}

func TestParseAcceptsAllVersionSpellings(t *testing.T) {
	for _, v := range []string{"2.0", "2", "1.0", "1"} {
		t.Run(v, func(t *testing.T) {
			m := mustParse(t, []byte(`{"smithy": "`+v+`"}`))
			if m.Version != "2.0" {
				t.Errorf("Version = %q, want 2.0 after upgrade", m.Version)
			}
		})
	}
}

func TestApplyConflictingTraitValueIsAnError(t *testing.T) {
	_, err := Parse("test.json", doc(`
		"com.foo#S": {"type": "string", "traits": {"smithy.api#documentation": "a"}},
		"com.foo#S$x": {"type": "apply", "traits": {}}`))
	wantError(t, err, "apply targets a member that does not exist")

	_, err = Parse("test.json", doc(`"com.foo#S": {"type": "string", "traits": {"smithy.api#documentation": "a"}}`))
	if err != nil {
		t.Fatal(err)
	}
	a := writeFile(t, "a.json", doc(`"com.foo#S": {"type": "string", "traits": {"smithy.api#documentation": "a"}}`))
	b := writeFile(t, "b.json", doc(`"com.foo#S": {"type": "apply", "traits": {"smithy.api#documentation": "b"}}`))
	_, err = Load(a, b)
	e := wantError(t, err, "apply of trait smithy.api#documentation: conflicting values")
	if e.File != b {
		t.Errorf("error file = %q, want the apply's file %q", e.File, b)
	}
}

func TestLoadRejectsConflictingDefinitionsAcrossFiles(t *testing.T) {
	a := writeFile(t, "a.json", doc(`"com.foo#S": {"type": "string"}`))
	b := writeFile(t, "b.json", doc(`"com.foo#S": {"type": "integer"}`))
	_, err := Load(a, b)
	e := wantError(t, err, "conflicting definition")
	if e.Shape != "com.foo#S" {
		t.Errorf("error shape = %q", e.Shape)
	}
}

func TestLoadReportsUnreadableFiles(t *testing.T) {
	_, err := Load(filepath.Join(t.TempDir(), "nope.json"))
	wantError(t, err, "nope.json")
	_, err = Load()
	wantError(t, err, "no model files given")
}

func writeFile(t *testing.T, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}
