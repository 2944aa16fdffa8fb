package goview

import "github.com/gosmith/gosmith/codegen/model"

// Kind is how a shape is represented in Go and encoded in JSON.
type Kind int

// The kinds the awsJson emitters handle.
const (
	KindString  Kind = iota
	KindEnum         // named string type
	KindIntEnum      // named int32 type
	KindBool
	KindInt8
	KindInt16
	KindInt32
	KindInt64
	KindFloat32
	KindFloat64
	KindTimestamp
	KindBlob
	KindStruct
	KindList
	KindMap
	KindUnion    // interface type with one struct per member
	KindDocument // document.Interface
)

// Timestamp formats (smithy.api#timestampFormat values).
const (
	EpochSeconds = "epoch-seconds"
	DateTime     = "date-time"
	HTTPDate     = "http-date"
)

// Type is the Go type of a shape, shared by every member that targets it.
type Type struct {
	Kind  Kind
	Shape *model.Shape
	// Name is the Go type name for named types (structures, enums) and the
	// suffix of codec function names for every aggregate (lists and maps too).
	Name string
	// CodecName names the type's serializer and deserializer functions; it
	// is unique in the package even where Name is not (inputs and outputs).
	CodecName string
	// Elem is a list's element or a map's value.
	Elem *Type
	// Sparse lists and maps hold pointers and keep nulls.
	Sparse bool
	// TimestampFormat is the target shape's format; a member may override it.
	TimestampFormat string
}

// IsAggregate reports whether values of the type are encoded by a generated
// function of their own.
func (t *Type) IsAggregate() bool {
	return t.Kind == KindStruct || t.Kind == KindList || t.Kind == KindMap || t.Kind == KindUnion
}

// Nillable reports whether the kind is held through a pointer when it may be
// absent (member fields, sparse elements).
func (t *Type) Nillable() bool {
	switch t.Kind {
	case KindString, KindBool, KindInt8, KindInt16, KindInt32, KindInt64,
		KindFloat32, KindFloat64, KindTimestamp, KindStruct:
		return true
	}
	return false
}

// ElemPointer reports whether list elements or map values are held through a
// pointer: only in sparse collections, where null must stay distinct.
func (t *Type) ElemPointer() bool {
	return t.Sparse && t.Elem.Nillable()
}
