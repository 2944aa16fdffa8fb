// Package model loads Smithy JSON AST documents (IDL versions 2.0 and 1.0)
// into a typed, validated and resolved in-memory model.
//
// Loading does everything a code generator would otherwise have to repeat:
// mixins are flattened into the shapes that use them, "apply" statements are
// merged into their targets, the simple prelude shapes are added, Smithy 1.0
// documents are upgraded to 2.0 semantics, and every reference between shapes
// is checked. A *Model returned without error can therefore be walked
// without nil checks on targets.
//
// Upgrading 1.0 documents: a "set" shape becomes TypeList with the
// smithy.api#uniqueItems trait (so generators only handle lists), structure
// members targeting unboxed numeric or boolean shapes get smithy.api#default
// of 0 or false, and smithy.api#enum traits on strings are kept as they are
// (see Traits.EnumDefinitions). Shape.SourceVersion records the version of
// the document a shape came from.
package model

import (
	"encoding/json"
	"fmt"
	"strings"
)

// ShapeType is the type of a shape as spelled in the JSON AST "type" field.
type ShapeType string

// Shape types. TypeSet only appears in documents; loaded models report sets
// as TypeList with the smithy.api#uniqueItems trait.
const (
	TypeBlob       ShapeType = "blob"
	TypeBoolean    ShapeType = "boolean"
	TypeString     ShapeType = "string"
	TypeByte       ShapeType = "byte"
	TypeShort      ShapeType = "short"
	TypeInteger    ShapeType = "integer"
	TypeLong       ShapeType = "long"
	TypeFloat      ShapeType = "float"
	TypeDouble     ShapeType = "double"
	TypeBigInteger ShapeType = "bigInteger"
	TypeBigDecimal ShapeType = "bigDecimal"
	TypeTimestamp  ShapeType = "timestamp"
	TypeDocument   ShapeType = "document"
	TypeEnum       ShapeType = "enum"
	TypeIntEnum    ShapeType = "intEnum"
	TypeList       ShapeType = "list"
	TypeSet        ShapeType = "set"
	TypeMap        ShapeType = "map"
	TypeStructure  ShapeType = "structure"
	TypeUnion      ShapeType = "union"
	TypeOperation  ShapeType = "operation"
	TypeService    ShapeType = "service"
	TypeResource   ShapeType = "resource"
)

// IsSimple reports whether t is a simple (scalar) type, including enum and
// intEnum, which Smithy classifies as specialisations of string and integer.
func (t ShapeType) IsSimple() bool {
	switch t {
	case TypeBlob, TypeBoolean, TypeString, TypeByte, TypeShort, TypeInteger,
		TypeLong, TypeFloat, TypeDouble, TypeBigInteger, TypeBigDecimal,
		TypeTimestamp, TypeDocument, TypeEnum, TypeIntEnum:
		return true
	}
	return false
}

// IsNumber reports whether t is one of the numeric types.
func (t ShapeType) IsNumber() bool {
	switch t {
	case TypeByte, TypeShort, TypeInteger, TypeLong, TypeFloat, TypeDouble,
		TypeBigInteger, TypeBigDecimal, TypeIntEnum:
		return true
	}
	return false
}

// IsAggregate reports whether t is a list, set, map, structure or union.
func (t ShapeType) IsAggregate() bool {
	switch t {
	case TypeList, TypeSet, TypeMap, TypeStructure, TypeUnion:
		return true
	}
	return false
}

// validType reports whether t is a shape type the loader knows.
func validType(t ShapeType) bool {
	return t.IsSimple() || t.IsAggregate() || t == TypeOperation || t == TypeService || t == TypeResource
}

// Model is a resolved set of shapes loaded from one or more documents.
type Model struct {
	// Version is always "2.0": documents in 1.0 are upgraded on load.
	Version string
	// Shapes holds every defined shape plus all simple prelude shapes.
	Shapes map[ShapeID]*Shape
	// Metadata is the merged top-level metadata of all documents.
	Metadata map[string]json.RawMessage
}

// Shape is one resolved top-level shape. Fields that do not apply to the
// shape's Type are left empty.
type Shape struct {
	ID     ShapeID
	Type   ShapeType
	Traits Traits
	// Source is the path (or name given to Parse) of the defining document;
	// "prelude" for prelude shapes.
	Source string
	// SourceVersion is the Smithy version of the defining document ("1.0"
	// or "2.0"), kept because 1.0 semantics were upgraded away.
	SourceVersion string

	// Members are the members of a structure, union, enum or intEnum in
	// document order, mixin members first.
	Members []*Member
	// Member is the member of a list (or upgraded set).
	Member *Member
	// Key and Value are the members of a map.
	Key, Value *Member

	// Input and Output are an operation's input and output, or "" when
	// absent or smithy.api#Unit.
	Input, Output ShapeID
	// Errors are the error structures of an operation or service.
	Errors []ShapeID

	// Operations and Resources are bound to a service or resource.
	Operations, Resources []ShapeID
	// CollectionOperations are a resource's collection-bound operations.
	CollectionOperations []ShapeID
	// Lifecycle operations of a resource ("" when absent).
	Create, Put, Read, Update, Delete, List ShapeID
	// Identifiers and Properties of a resource, by name.
	Identifiers, Properties map[string]ShapeID

	// Version is a service's version string.
	Version string
	// Rename is a service's map of shape IDs to names used in its closure.
	Rename map[ShapeID]string

	// Mixins are the mixins the shape was declared with; their members and
	// traits have already been copied in.
	Mixins []ShapeID
}

// IsMixin reports whether the shape is marked with smithy.api#mixin; such
// shapes exist only to be mixed into others and are not generated.
func (s *Shape) IsMixin() bool { return s.Traits.Has(TraitMixin) }

// MemberNamed returns the member with the given name (structure, union,
// enum, intEnum, list "member", map "key"/"value").
func (s *Shape) MemberNamed(name string) (*Member, bool) {
	for _, m := range s.AllMembers() {
		if m.Name == name {
			return m, true
		}
	}
	return nil, false
}

// AllMembers returns every member of the shape whatever its type, in order:
// Members, then Member, Key and Value when set.
func (s *Shape) AllMembers() []*Member {
	out := append([]*Member(nil), s.Members...)
	for _, m := range []*Member{s.Member, s.Key, s.Value} {
		if m != nil {
			out = append(out, m)
		}
	}
	return out
}

// Member is a member of an aggregate or enum shape.
type Member struct {
	ID        ShapeID // "ns#Container$name"
	Name      string
	Target    ShapeID
	Traits    Traits
	Container ShapeID
}

// Error is a loading or validation error. Empty fields are omitted from the
// message, e.g. "models/x.json: shape com.foo#Bar member Baz: target
// com.foo#Missing not found".
type Error struct {
	File   string
	Shape  ShapeID
	Member string
	Msg    string
}

// Error implements the error interface.
func (e *Error) Error() string {
	var b strings.Builder
	if e.File != "" {
		b.WriteString(e.File)
		b.WriteString(": ")
	}
	if e.Shape != "" {
		b.WriteString("shape ")
		b.WriteString(string(e.Shape))
		if e.Member != "" {
			b.WriteString(" member ")
			b.WriteString(e.Member)
		}
		b.WriteString(": ")
	} else if e.Member != "" {
		b.WriteString("member ")
		b.WriteString(e.Member)
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

func errorf(file string, shape ShapeID, member, format string, args ...any) *Error {
	return &Error{File: file, Shape: shape, Member: member, Msg: fmt.Sprintf(format, args...)}
}
