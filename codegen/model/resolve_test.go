package model

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestMembersKeepDocumentOrder(t *testing.T) {
	m := mustParse(t, doc(`"com.foo#S": {"type": "structure", "members": {
		"zeta": {"target": "smithy.api#String"},
		"alpha": {"target": "smithy.api#Integer"},
		"Mid": {"target": "smithy.api#Boolean"},
		"beta": {"target": "smithy.api#Blob"}}}`))
	s := mustShape(t, m, "com.foo#S")
	if diff := cmp.Diff([]string{"zeta", "alpha", "Mid", "beta"}, memberNames(s)); diff != "" {
		t.Errorf("member order (-want +got):\n%s", diff)
	}
	mem := s.Members[1]
	want := Member{ID: "com.foo#S$alpha", Name: "alpha", Target: "smithy.api#Integer", Traits: Traits{}, Container: "com.foo#S"}
	if diff := cmp.Diff(want, *mem); diff != "" {
		t.Errorf("member (-want +got):\n%s", diff)
	}
	if s.Source != "test.json" || s.SourceVersion != "2.0" {
		t.Errorf("Source, SourceVersion = %q, %q", s.Source, s.SourceVersion)
	}
}

func TestPreludeShapesResolveWithoutBeingDefined(t *testing.T) {
	var members string
	for i, p := range preludeShapes {
		if p.name == "Unit" {
			continue
		}
		if i > 0 {
			members += ","
		}
		members += `"m` + p.name + `": {"target": "smithy.api#` + p.name + `"}`
	}
	m := mustParse(t, doc(`"com.foo#S": {"type": "structure", "members": {`+members+`}},
		"com.foo#U": {"type": "union", "members": {"none": {"target": "smithy.api#Unit"}}}`))
	for _, id := range []ShapeID{"smithy.api#String", "smithy.api#PrimitiveLong", "smithy.api#Unit", "smithy.api#Document"} {
		s := mustShape(t, m, id)
		if s.Source != "prelude" {
			t.Errorf("%s Source = %q", id, s.Source)
		}
	}
	if d, ok := mustShape(t, m, "smithy.api#PrimitiveBoolean").Traits.Default(); !ok || string(d) != "false" {
		t.Errorf("PrimitiveBoolean default = %s, %v", d, ok)
	}
	if d, ok := mustShape(t, m, "smithy.api#PrimitiveInteger").Traits.Default(); !ok || string(d) != "0" {
		t.Errorf("PrimitiveInteger default = %s, %v", d, ok)
	}
	if _, ok := mustShape(t, m, "smithy.api#Integer").Traits.Default(); ok {
		t.Errorf("Integer has a default")
	}
	if !IsPrelude("smithy.api#Unit") || IsPrelude("smithy.api#required") || IsPrelude("com.foo#String") {
		t.Errorf("IsPrelude misclassifies")
	}
}

func TestOperationUnitInputAndOutputReadAsAbsent(t *testing.T) {
	m := mustParse(t, doc(`"com.foo#Op": {"type": "operation",
		"input": {"target": "smithy.api#Unit"}, "output": {"target": "smithy.api#Unit"}}`))
	op := mustShape(t, m, "com.foo#Op")
	if op.Input != "" || op.Output != "" {
		t.Errorf("Input, Output = %q, %q; want empty", op.Input, op.Output)
	}
}

func TestMixinMembersComeFirstAndTraitsAreInherited(t *testing.T) {
	m := mustParse(t, doc(`
		"com.foo#Base": {"type": "structure", "members": {
			"id": {"target": "smithy.api#String", "traits": {"smithy.api#required": {}, "smithy.api#documentation": "base doc"}}},
			"traits": {"smithy.api#mixin": {"localTraits": ["smithy.api#private"]},
				"smithy.api#private": {}, "smithy.api#documentation": "from mixin", "smithy.api#tags": ["m"]}},
		"com.foo#Named": {"type": "structure", "mixins": [{"target": "com.foo#Base"}],
			"members": {"name": {"target": "smithy.api#String"}},
			"traits": {"smithy.api#mixin": {}}},
		"com.foo#Thing": {"type": "structure", "mixins": [{"target": "com.foo#Named"}],
			"members": {
				"size": {"target": "smithy.api#Integer"},
				"id": {"target": "smithy.api#String", "traits": {"smithy.api#documentation": "own doc"}}},
			"traits": {"smithy.api#documentation": "own"}}`))
	thing := mustShape(t, m, "com.foo#Thing")
	if diff := cmp.Diff([]string{"id", "name", "size"}, memberNames(thing)); diff != "" {
		t.Errorf("members (-want +got):\n%s", diff)
	}
	if thing.IsMixin() {
		t.Errorf("Thing reads as a mixin")
	}
	if !mustShape(t, m, "com.foo#Base").IsMixin() || !mustShape(t, m, "com.foo#Named").IsMixin() {
		t.Errorf("mixins are not identifiable")
	}
	if got := thing.Traits.Documentation(); got != "own" {
		t.Errorf("own trait should win, got %q", got)
	}
	if thing.Traits.Has("smithy.api#private") {
		t.Errorf("local-only trait was inherited")
	}
	if !thing.Traits.Has("smithy.api#tags") {
		t.Errorf("mixin trait not inherited")
	}
	id := thing.Members[0]
	if id.ID != "com.foo#Thing$id" || id.Container != "com.foo#Thing" {
		t.Errorf("inherited member not re-parented: %+v", id)
	}
	if !id.Traits.Required() || id.Traits.Documentation() != "own doc" {
		t.Errorf("redeclared member traits = %v; want inherited required and own documentation", id.Traits)
	}
	base := mustMember(t, m, "com.foo#Base$id")
	if base.Traits.Documentation() != "base doc" {
		t.Errorf("mixin member was modified: %q", base.Traits.Documentation())
	}
}

func TestMixinsWorkForListsAndOperations(t *testing.T) {
	m := mustParse(t, doc(`
		"com.foo#ListMixin": {"type": "list", "member": {"target": "smithy.api#String"}, "traits": {"smithy.api#mixin": {}}},
		"com.foo#L": {"type": "list", "mixins": [{"target": "com.foo#ListMixin"}]},
		"com.foo#E1": {"type": "structure", "traits": {"smithy.api#error": "client"}},
		"com.foo#E2": {"type": "structure", "traits": {"smithy.api#error": "server"}},
		"com.foo#OpMixin": {"type": "operation", "errors": [{"target": "com.foo#E1"}], "traits": {"smithy.api#mixin": {}}},
		"com.foo#Op": {"type": "operation", "mixins": [{"target": "com.foo#OpMixin"}], "errors": [{"target": "com.foo#E2"}]}`))
	l := mustShape(t, m, "com.foo#L")
	if l.Member == nil || l.Member.ID != "com.foo#L$member" || l.Member.Target != "smithy.api#String" {
		t.Errorf("list member = %+v", l.Member)
	}
	if diff := cmp.Diff([]ShapeID{"com.foo#E1", "com.foo#E2"}, mustShape(t, m, "com.foo#Op").Errors); diff != "" {
		t.Errorf("operation errors (-want +got):\n%s", diff)
	}
}

func TestApplyStatements(t *testing.T) {
	a := writeFile(t, "a.json", doc(`
		"com.foo#M": {"type": "structure", "members": {"a": {"target": "smithy.api#String", "traits": {"smithy.api#documentation": "mixin a"}}},
			"traits": {"smithy.api#mixin": {}}},
		"com.foo#M$a": {"type": "apply", "traits": {"smithy.api#sensitive": {}}},
		"com.foo#S": {"type": "structure", "mixins": [{"target": "com.foo#M"}],
			"members": {"b": {"target": "smithy.api#String"}}, "traits": {"smithy.api#tags": ["x"]}},
		"com.foo#L": {"type": "list", "member": {"target": "smithy.api#String"}}`))
	b := writeFile(t, "b.json", doc(`
		"com.foo#S": {"type": "apply", "traits": {"smithy.api#deprecated": {"message": "old"}, "smithy.api#tags": ["y"]}},
		"com.foo#S$a": {"type": "apply", "traits": {"smithy.api#documentation": "own a"}},
		"com.foo#S$b": {"type": "apply", "traits": {"smithy.api#required": {}}},
		"com.foo#L$member": {"type": "apply", "traits": {"smithy.api#jsonName": "item"}}`))
	m, err := Load(a, b)
	if err != nil {
		t.Fatal(err)
	}
	s := mustShape(t, m, "com.foo#S")
	if d := s.Traits.Deprecated(); d == nil || d.Message != "old" {
		t.Errorf("applied shape trait missing: %+v", d)
	}
	tags, _ := s.Traits.Raw("smithy.api#tags")
	if string(tags) != `["x","y"]` {
		t.Errorf("list trait values should concatenate, got %s", tags)
	}
	sa := mustMember(t, m, "com.foo#S$a")
	if sa.Traits.Documentation() != "own a" || !sa.Traits.Sensitive() {
		t.Errorf("S$a traits = %v; want applied doc overriding mixin's, and sensitive from the mixin member's apply", sa.Traits)
	}
	if mustMember(t, m, "com.foo#M$a").Traits.Documentation() != "mixin a" {
		t.Errorf("apply to S$a leaked into the mixin")
	}
	if !mustMember(t, m, "com.foo#S$b").Traits.Required() {
		t.Errorf("apply to local member lost")
	}
	if got := mustMember(t, m, "com.foo#L$member").Traits.JSONName(); got != "item" {
		t.Errorf("apply to list member: jsonName = %q", got)
	}
}

func TestIdenticalDefinitionsInTwoFilesMerge(t *testing.T) {
	a := writeFile(t, "a.json", []byte(`{"smithy": "2.0", "metadata": {"suppressions": [{"id": "A"}], "same": 1},
		"shapes": {"com.foo#S": {"type": "string", "traits": {"smithy.api#documentation": "d", "smithy.api#sensitive": {}}}}}`))
	b := writeFile(t, "b.json", []byte(`{"smithy": "2", "metadata": {"suppressions": [{"id": "B"}], "same": 1},
		"shapes": {"com.foo#S": {"traits": {"smithy.api#sensitive": {}, "smithy.api#documentation": "d"}, "type": "string"}}}`))
	m, err := Load(a, b)
	if err != nil {
		t.Fatal(err)
	}
	if s := mustShape(t, m, "com.foo#S"); s.Source != a {
		t.Errorf("Source = %q, want first file", s.Source)
	}
	var sup []map[string]string
	if err := json.Unmarshal(m.Metadata["suppressions"], &sup); err != nil || len(sup) != 2 {
		t.Errorf("metadata arrays should concatenate: %s", m.Metadata["suppressions"])
	}

	c := writeFile(t, "c.json", []byte(`{"smithy": "2.0", "metadata": {"same": 2}}`))
	_, err = Load(a, c)
	wantError(t, err, `metadata "same": conflicting values`)
}

func TestSmithy1Upgrade(t *testing.T) {
	m := mustParse(t, doc1(`
		"com.foo#BoxedInt": {"type": "integer", "traits": {"smithy.api#box": {}}},
		"com.foo#PlainInt": {"type": "integer"},
		"com.foo#PlainBool": {"type": "boolean"},
		"com.foo#Set": {"type": "set", "member": {"target": "smithy.api#String"}},
		"com.foo#Enum": {"type": "string", "traits": {"smithy.api#enum": [
			{"value": "a", "name": "A", "documentation": "first", "tags": ["t"]},
			{"value": "b", "deprecated": true}]}},
		"com.foo#S": {"type": "structure", "members": {
			"primitive": {"target": "smithy.api#PrimitiveInteger"},
			"primitiveBool": {"target": "smithy.api#PrimitiveBoolean"},
			"primitiveBoxed": {"target": "smithy.api#PrimitiveLong", "traits": {"smithy.api#box": {}}},
			"boxedPrelude": {"target": "smithy.api#Integer"},
			"boxedShape": {"target": "com.foo#BoxedInt"},
			"plain": {"target": "com.foo#PlainInt"},
			"plainBool": {"target": "com.foo#PlainBool"},
			"explicit": {"target": "com.foo#PlainInt", "traits": {"smithy.api#default": 5}},
			"str": {"target": "smithy.api#String"}}},
		"com.foo#L": {"type": "list", "member": {"target": "smithy.api#PrimitiveInteger"}}`))
	tests := []struct {
		member string
		want   string // "" = no default
	}{
		{"primitive", "0"},
		{"primitiveBool", "false"},
		{"primitiveBoxed", ""},
		{"boxedPrelude", ""},
		{"boxedShape", ""},
		{"plain", "0"},
		{"plainBool", "false"},
		{"explicit", "5"},
		{"str", ""},
	}
	for _, tt := range tests {
		t.Run(tt.member, func(t *testing.T) {
			mem := mustMember(t, m, ShapeID("com.foo#S$"+tt.member))
			d, ok := mem.Traits.Default()
			if tt.want == "" {
				if ok {
					t.Errorf("unexpected default %s", d)
				}
				return
			}
			if !ok || string(d) != tt.want {
				t.Errorf("default = %s (%v), want %s", d, ok, tt.want)
			}
		})
	}
	if _, ok := mustMember(t, m, "com.foo#L$member").Traits.Default(); ok {
		t.Errorf("list members must not get defaults")
	}
	set := mustShape(t, m, "com.foo#Set")
	if set.Type != TypeList || !set.Traits.UniqueItems() || set.Member == nil {
		t.Errorf("set should become a list with uniqueItems, got %s %v", set.Type, set.Traits)
	}
	if set.SourceVersion != "1.0" {
		t.Errorf("SourceVersion = %q", set.SourceVersion)
	}
	want := []EnumDefinition{{Value: "a", Name: "A", Documentation: "first", Tags: []string{"t"}}, {Value: "b", Deprecated: true}}
	if diff := cmp.Diff(want, mustShape(t, m, "com.foo#Enum").Traits.EnumDefinitions()); diff != "" {
		t.Errorf("enum definitions (-want +got):\n%s", diff)
	}
}

func TestSmithy2MembersGetNoImplicitDefaults(t *testing.T) {
	m := mustParse(t, doc(`"com.foo#I": {"type": "integer"},
		"com.foo#S": {"type": "structure", "members": {"a": {"target": "com.foo#I"}, "b": {"target": "smithy.api#PrimitiveInteger"}}}`))
	for _, id := range []ShapeID{"com.foo#S$a", "com.foo#S$b"} {
		if _, ok := mustMember(t, m, id).Traits.Default(); ok {
			t.Errorf("%s got a default in a 2.0 model", id)
		}
	}
}

func TestEnumValuesDefaultToMemberName(t *testing.T) {
	m := mustParse(t, doc(`
		"com.foo#E": {"type": "enum", "members": {
			"PLAIN": {"target": "smithy.api#Unit"},
			"NoTarget": {},
			"SPELLED": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": "spelled-out"}}}},
		"com.foo#I": {"type": "intEnum", "members": {"ONE": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": 1}}}}`))
	tests := []struct {
		id   ShapeID
		want string
	}{
		{"com.foo#E$PLAIN", `"PLAIN"`},
		{"com.foo#E$NoTarget", `"NoTarget"`},
		{"com.foo#E$SPELLED", `"spelled-out"`},
		{"com.foo#I$ONE", `1`},
	}
	for _, tt := range tests {
		mem := mustMember(t, m, tt.id)
		v, ok := mem.Traits.EnumValue()
		if !ok || string(v) != tt.want {
			t.Errorf("%s enumValue = %s, want %s", tt.id, v, tt.want)
		}
		if mem.Target != unitID {
			t.Errorf("%s target = %s", tt.id, mem.Target)
		}
	}
}

func TestParseDoesNotAliasCallerBuffer(t *testing.T) {
	data := doc(`"com.foo#S": {"type": "string", "traits": {"smithy.api#documentation": "abc"}}`)
	m := mustParse(t, data)
	for i := range data {
		data[i] = ' '
	}
	if got := mustShape(t, m, "com.foo#S").Traits.Documentation(); got != "abc" {
		t.Errorf("documentation changed with the input buffer: %q", got)
	}
}

func TestStringsWithEscapesAreDecoded(t *testing.T) {
	m := mustParse(t, doc(`"com.foo#S": {"type": "structure", "members": {"a\u0062": {"target": "smithy.api#String",
		"traits": {"smithy.api#documentation": "line\nnext \u00e9"}}}}`))
	mem := mustMember(t, m, "com.foo#S$ab")
	if got := mem.Traits.Documentation(); got != "line\nnext é" {
		t.Errorf("documentation = %q", got)
	}
}
