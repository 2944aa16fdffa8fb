package model

import "encoding/json"

const (
	preludeNamespace = "smithy.api"
	preludeSource    = "prelude"
	unitID           = ShapeID("smithy.api#Unit")
)

// preludeShapes lists the simple shapes of the smithy.api prelude that
// models target without defining. Trait definitions in the prelude are not
// included: traits are stored by ID and never resolved as shapes.
var preludeShapes = []struct {
	name string
	typ  ShapeType
	def  string // smithy.api#default value, "" for none
}{
	{"String", TypeString, ""},
	{"Blob", TypeBlob, ""},
	{"BigInteger", TypeBigInteger, ""},
	{"BigDecimal", TypeBigDecimal, ""},
	{"Timestamp", TypeTimestamp, ""},
	{"Document", TypeDocument, ""},
	{"Boolean", TypeBoolean, ""},
	{"Byte", TypeByte, ""},
	{"Short", TypeShort, ""},
	{"Integer", TypeInteger, ""},
	{"Long", TypeLong, ""},
	{"Float", TypeFloat, ""},
	{"Double", TypeDouble, ""},
	{"PrimitiveBoolean", TypeBoolean, "false"},
	{"PrimitiveByte", TypeByte, "0"},
	{"PrimitiveShort", TypeShort, "0"},
	{"PrimitiveInteger", TypeInteger, "0"},
	{"PrimitiveLong", TypeLong, "0"},
	{"PrimitiveFloat", TypeFloat, "0"},
	{"PrimitiveDouble", TypeDouble, "0"},
	{"Unit", TypeStructure, ""},
}

// IsPrelude reports whether id is one of the prelude shapes that every
// model contains.
func IsPrelude(id ShapeID) bool {
	if id.Namespace() != preludeNamespace || id.IsMember() {
		return false
	}
	name := id.Name()
	for _, p := range preludeShapes {
		if p.name == name {
			return true
		}
	}
	return false
}

// newPrelude returns fresh prelude shapes so that callers mutating one
// model cannot affect another.
func newPrelude() map[ShapeID]*Shape {
	out := make(map[ShapeID]*Shape, len(preludeShapes))
	for _, p := range preludeShapes {
		id := ShapeID(preludeNamespace + "#" + p.name)
		s := &Shape{ID: id, Type: p.typ, Traits: Traits{}, Source: preludeSource, SourceVersion: "2.0"}
		if p.def != "" {
			s.Traits[TraitDefault] = json.RawMessage(p.def)
		}
		if id == unitID {
			s.Traits[TraitUnitType] = json.RawMessage("{}")
		}
		out[id] = s
	}
	return out
}

// boxedIn1 reports whether a shape targeted from a Smithy 1.0 document is
// nullable under 1.0 rules: prelude non-Primitive numbers and booleans are
// boxed there, Primitive* ones are not, and user shapes are boxed only with
// @box. Non-numeric types are always nullable and so count as boxed.
func boxedIn1(target *Shape) bool {
	switch target.Type {
	case TypeBoolean, TypeByte, TypeShort, TypeInteger, TypeLong, TypeFloat, TypeDouble:
	default:
		return true
	}
	if target.Source == preludeSource {
		return !target.Traits.Has(TraitDefault)
	}
	return target.Traits.Box()
}

// zeroDefault is the 2.0 default that replaces 1.0 primitive semantics.
func zeroDefault(t ShapeType) json.RawMessage {
	if t == TypeBoolean {
		return json.RawMessage("false")
	}
	return json.RawMessage("0")
}
