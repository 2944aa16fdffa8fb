package model

import "testing"

func TestShapeIDPartsSplitNamespaceNameAndMember(t *testing.T) {
	tests := []struct {
		id                     ShapeID
		ns, name, member, root string
	}{
		{"com.foo#Bar", "com.foo", "Bar", "", "com.foo#Bar"},
		{"com.foo#Bar$baz", "com.foo", "Bar", "baz", "com.foo#Bar"},
		{"smithy.api#String", "smithy.api", "String", "", "smithy.api#String"},
		{"NoHash", "", "NoHash", "", "NoHash"},
	}
	for _, tt := range tests {
		t.Run(string(tt.id), func(t *testing.T) {
			if got := tt.id.Namespace(); got != tt.ns {
				t.Errorf("Namespace() = %q, want %q", got, tt.ns)
			}
			if got := tt.id.Name(); got != tt.name {
				t.Errorf("Name() = %q, want %q", got, tt.name)
			}
			if got := tt.id.MemberName(); got != tt.member {
				t.Errorf("MemberName() = %q, want %q", got, tt.member)
			}
			if got := tt.id.Root(); got != ShapeID(tt.root) {
				t.Errorf("Root() = %q, want %q", got, tt.root)
			}
		})
	}
}

func TestShapeIDValidFollowsSmithyGrammar(t *testing.T) {
	tests := []struct {
		id   ShapeID
		want bool
	}{
		{"com.foo#Bar", true},
		{"com.foo#Bar$baz", true},
		{"a#B", true},
		{"com._foo#_Bar1", true},
		{"com.foo#Bar_baz", true},
		{"Bar", false},
		{"#Bar", false},
		{"com.foo#", false},
		{"com..foo#Bar", false},
		{"com.foo#Bar$", false},
		{"com.foo#1Bar", false},
		{"com.foo#_", false},
		{"com.foo#Ba-r", false},
		{"com.foo#Bar#Baz", false},
		{"com.foo#Bar$baz$qux", false},
	}
	for _, tt := range tests {
		if got := tt.id.Valid(); got != tt.want {
			t.Errorf("%q.Valid() = %v, want %v", tt.id, got, tt.want)
		}
	}
}

func TestShapeIDWithMemberReplacesMemberPart(t *testing.T) {
	if got := ShapeID("a.b#C$d").WithMember("e"); got != "a.b#C$e" {
		t.Errorf("WithMember = %q", got)
	}
}
