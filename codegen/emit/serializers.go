package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/gosmith/gosmith/codegen/goview"
)

// serializer names the function that writes values of t.
func serializer(t *goview.Type) string { return "serialize" + t.CodecName }

// serializersFile emits one function per structure, list and map reachable
// from an operation input. Each reads like the JSON it writes.
func (g *gen) serializersFile() *jen.File {
	f := g.newFile()
	for _, t := range g.pkg.Serialized {
		var param jen.Code
		var body []jen.Code
		switch t.Kind {
		case goview.KindStruct:
			param = jen.Op("*").Add(g.structQual(t))
			body = g.serializeStruct(g.pkg.StructOf(t))
		case goview.KindList:
			param = g.goType(t)
			body = g.serializeList(t)
		case goview.KindMap:
			param = g.goType(t)
			body = g.serializeMap(t)
		case goview.KindUnion:
			param = g.goType(t)
			body = g.serializeUnion(g.pkg.StructOf(t))
		}
		enc := jen.Id("e").Op("*").Qual(g.rt("jsonwire"), "Encoder")
		if st := g.pkg.StructOf(t); st != nil && st.Input && g.proto.bodyCodecsInDescriptor() {
			// The descriptor's Serialize: the input comes as any.
			check := g.inputOf(st)
			if len(st.BodyFields) == 0 {
				check = g.inputChecked(st)
			}
			body = append(append([]jen.Code{check}, body...), jen.Return(jen.Nil()))
			f.Func().Id(serializer(t)).Params(enc, jen.Id("in").Any()).Error().Block(body...)
		} else {
			f.Func().Id(serializer(t)).Params(enc, jen.Id("v").Add(param)).Block(body...)
		}
		f.Line()
	}
	g.proto.serializers(g, f)
	return f
}

func (g *gen) serializeStruct(st *goview.Struct) []jen.Code {
	body := []jen.Code{jen.Id("e").Dot("ObjectStart").Call()}
	for _, fl := range st.BodyFields {
		field := jen.Id("v").Dot(fl.GoName)
		var value, addr *jen.Statement
		var cond *jen.Statement
		switch {
		case fl.Pointer:
			cond = field.Clone().Op("!=").Nil()
			value, addr = jen.Op("*").Add(field.Clone()), field.Clone()
		case fl.Type.Kind == goview.KindList || fl.Type.Kind == goview.KindMap || fl.Type.Kind == goview.KindBlob,
			fl.Type.Kind == goview.KindUnion || fl.Type.Kind == goview.KindDocument:
			cond = field.Clone().Op("!=").Nil()
			value = field.Clone()
		case fl.Type.Kind == goview.KindEnum:
			cond = jen.Len(field.Clone()).Op(">").Lit(0)
			value = field.Clone()
		case fl.Type.Kind == goview.KindIntEnum:
			cond = field.Clone().Op("!=").Lit(0)
			value = field.Clone()
		case fl.OmitZero && fl.Type.Kind == goview.KindBool:
			cond = field.Clone()
			value = field.Clone()
		case fl.OmitZero:
			cond = field.Clone().Op("!=").Lit(0)
			value = field.Clone()
		default:
			value = field.Clone()
		}
		write := []jen.Code{
			jen.Id("e").Dot("Key").Call(jen.Lit(fl.WireName)),
			g.writeValue(fl.Type, fl.TimestampFormat, value, addr),
		}
		if fl.Deprecated != nil && st.InTypes { // SA1019 only flags uses from another package
			body = append(body, lintDeprecated())
		}
		if cond == nil {
			body = append(body, jen.Block(write...))
		} else {
			body = append(body, jen.If(cond).Block(write...))
		}
	}
	return append(body, jen.Id("e").Dot("ObjectEnd").Call())
}

func (g *gen) serializeList(t *goview.Type) []jen.Code {
	elem := jen.Id("v").Index(jen.Id("i"))
	var loop []jen.Code
	value, addr := elem.Clone(), jen.Op("&").Add(elem.Clone())
	if keepsNulls(t) {
		loop = append(loop, nullIfNil(elem))
	}
	if t.ElemPointer() {
		value, addr = jen.Op("*").Add(elem.Clone()), elem.Clone()
	}
	loop = append(loop, g.writeValue(t.Elem, t.Elem.TimestampFormat, value, addr))
	return []jen.Code{
		jen.Id("e").Dot("ArrayStart").Call(),
		jen.For(jen.Id("i").Op(":=").Range().Id("v")).Block(loop...),
		jen.Id("e").Dot("ArrayEnd").Call(),
	}
}

// serializeUnion writes the one member a union value holds; a value of any
// other type (nil, UnknownUnionMember) fails the request, as in v2.
func (g *gen) serializeUnion(st *goview.Struct) []jen.Code {
	var cases []jen.Code
	for _, fl := range st.WireFields {
		value := jen.Id("uv").Dot("Value")
		cases = append(cases, jen.Case(jen.Op("*").Add(g.typesQual(unionMember(st, fl)))).Block(
			jen.Id("e").Dot("Key").Call(jen.Lit(fl.WireName)),
			g.writeValue(fl.Type, fl.TimestampFormat, value, jen.Op("&").Add(value.Clone())),
		))
	}
	cases = append(cases, jen.Default().Block(
		jen.Id("e").Dot("SetError").Call(jen.Qual("fmt", "Errorf").Call(jen.Lit("union "+st.Name+": cannot serialize member type %T"), jen.Id("v"))),
	))
	return []jen.Code{
		jen.Id("e").Dot("ObjectStart").Call(),
		jen.Switch(jen.Id("uv").Op(":=").Id("v").Assert(jen.Type())).Block(cases...),
		jen.Id("e").Dot("ObjectEnd").Call(),
	}
}

// serializeMap writes keys in sorted order, so a request's bytes (and its
// signature) do not depend on Go's map iteration order.
func (g *gen) serializeMap(t *goview.Type) []jen.Code {
	elem := jen.Id("v").Index(jen.Id("k"))
	var loop []jen.Code
	loop = append(loop, jen.Id("e").Dot("Key").Call(jen.Id("k")))
	value, addr := elem.Clone(), jen.Op("&").Id("mv")
	switch {
	case keepsNulls(t):
		loop = append(loop, nullIfNil(elem))
		if t.ElemPointer() {
			value, addr = jen.Op("*").Add(elem.Clone()), elem.Clone()
		}
	case t.Elem.Kind == goview.KindStruct:
		loop = append(loop, jen.Id("mv").Op(":=").Add(elem.Clone()))
	}
	loop = append(loop, g.writeValue(t.Elem, t.Elem.TimestampFormat, value, addr))
	return []jen.Code{
		jen.Id("e").Dot("ObjectStart").Call(),
		jen.For(jen.List(jen.Id("_"), jen.Id("k")).Op(":=").Range().Qual(g.rt("client"), "SortedKeys").Call(jen.Id("v"))).Block(loop...),
		jen.Id("e").Dot("ObjectEnd").Call(),
	}
}

// writeValue writes one value: value is the Go value, addr its address
// (structures are passed by pointer).
func (g *gen) writeValue(t *goview.Type, tsFormat string, value, addr *jen.Statement) jen.Code {
	e := jen.Id("e")
	switch t.Kind {
	case goview.KindString:
		return e.Dot("String").Call(value)
	case goview.KindEnum:
		return e.Dot("String").Call(jen.String().Parens(value))
	case goview.KindIntEnum:
		return e.Dot("Int32").Call(jen.Int32().Parens(value))
	case goview.KindBool:
		return e.Dot("Bool").Call(value)
	case goview.KindInt8:
		return e.Dot("Int8").Call(value)
	case goview.KindInt16:
		return e.Dot("Int16").Call(value)
	case goview.KindInt32:
		return e.Dot("Int32").Call(value)
	case goview.KindInt64:
		return e.Dot("Int64").Call(value)
	case goview.KindFloat32:
		return e.Dot("Float32").Call(value)
	case goview.KindFloat64:
		return e.Dot("Float64").Call(value)
	case goview.KindBlob:
		return e.Dot("Blob").Call(value)
	case goview.KindTimestamp:
		return e.Dot(timestampMethod(tsFormat)).Call(value)
	case goview.KindStruct:
		return jen.Id(serializer(t)).Call(e, addr)
	case goview.KindList, goview.KindMap, goview.KindUnion:
		return jen.Id(serializer(t)).Call(e, value)
	case goview.KindDocument:
		return jen.Qual(g.rt("document"), "WriteJSON").Call(e, value)
	}
	panic("emit: unhandled kind")
}

// timestampMethod is the jsonwire method for a timestamp format.
func timestampMethod(format string) string {
	switch format {
	case goview.DateTime:
		return "DateTime"
	case goview.HTTPDate:
		return "HTTPDate"
	}
	return "EpochSeconds"
}

// lintDeprecated keeps staticcheck quiet where the client itself must still
// read or write a deprecated member.
func lintDeprecated() jen.Code {
	return jen.Comment("//lint:ignore SA1019 the client still sends and reads deprecated members")
}

// keepsNulls reports whether a collection writes null for a nil element:
// sparse ones do, whether the element is a pointer or a nilable value (a
// list, map, blob, union or document).
func keepsNulls(t *goview.Type) bool {
	return t.ElemPointer() || t.Sparse && nilable(t.Elem)
}

// nullIfNil writes null and moves on when elem is nil.
func nullIfNil(elem *jen.Statement) jen.Code {
	return jen.If(elem.Clone().Op("==").Nil()).Block(
		jen.Id("e").Dot("Null").Call(),
		jen.Continue(),
	)
}

// nilable reports whether a non-pointer Go value of t can be nil.
func nilable(t *goview.Type) bool {
	switch t.Kind {
	case goview.KindList, goview.KindMap, goview.KindBlob, goview.KindUnion, goview.KindDocument:
		return true
	}
	return false
}
