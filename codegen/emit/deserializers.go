package emit

import (
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/gosmith/gosmith/codegen/goview"
)

// deserializer names the function that reads values of t.
func deserializer(t *goview.Type) string { return "deserialize" + t.CodecName }

// deserializersFile emits one function per structure, list and map reachable
// from an operation output or error, and the error codes' bindings. Every
// function takes a pointer to fill, treats null as absent and skips unknown
// members.
func (g *gen) deserializersFile() *jen.File {
	f := g.newFile()
	g.proto.errorBindings(g, f)
	// Union members are handed out from decoder slabs: many small values of
	// these types cost a chunk allocation now and then, not one each.
	for _, t := range g.pkg.Deserialized {
		if t.Kind != goview.KindUnion {
			continue
		}
		for _, fl := range g.pkg.StructOf(t).Fields {
			f.Var().Id(slabVar(nil, fl)).Op("=").Qual(g.rt("jsonwire"), "NewSlabID").Call()
		}
	}
	for _, t := range g.pkg.Deserialized {
		if t.Kind == goview.KindList && usesScratch(t) {
			f.Var().Id(scratchVar(t)).Op("=").Qual(g.rt("jsonwire"), "NewSlabID").Call()
		}
	}
	if len(g.pkg.Deserialized) > 0 {
		f.Comment("The deserializers are not inlined (go:noinline): each passes a closure")
		f.Comment("to the decoder, and a caller that inlined one would compile a copy of it.")
		f.Line()
	}
	for _, t := range g.pkg.Deserialized {
		if t.Kind == goview.KindStruct && g.pkg.StructOf(t).Unit {
			continue // no body to decode: it is discarded (awsJson) or has no members (restJson1)
		}
		var body []jen.Code
		param := jen.Op("*").Add(g.goType(t))
		switch t.Kind {
		case goview.KindStruct:
			body = g.deserializeStruct(g.pkg.StructOf(t))
		case goview.KindList:
			body = g.deserializeList(t)
		case goview.KindMap:
			body = g.deserializeMap(t)
		case goview.KindUnion:
			body = g.deserializeUnion(g.pkg.StructOf(t))
		}
		// Not inlined: each body passes a closure to the decoder, and a
		// caller that inlined it would compile its own copy of that closure.
		// Kept out of line, a large client's deserializers compile in about
		// a fifth less time and memory; the call costs a few nanoseconds.
		f.Comment("//go:noinline")
		if st := g.pkg.StructOf(t); st != nil && st.Output && g.proto.bodyCodecsInDescriptor() {
			// The descriptor's Deserialize: the output comes as any.
			out := jen.Id("_")
			if len(st.BodyFields) > 0 {
				body = append([]jen.Code{outputOf(st)}, body...)
				out = jen.Id("out")
			}
			f.Func().Id(deserializer(t)).Params(g.decoderParams(), out.Any()).Error().Block(body...)
		} else {
			f.Func().Id(deserializer(t)).Params(g.decoderParams(), jen.Id("v").Add(param)).Error().Block(body...)
		}
		f.Line()
	}
	g.proto.deserializers(g, f)
	return f
}

func (g *gen) decoderParams() jen.Code {
	return jen.Id("d").Op("*").Qual(g.rt("jsonwire"), "Decoder")
}

func (g *gen) deserializeStruct(st *goview.Struct) []jen.Code {
	cases := []jen.Code{}
	seen := map[string]bool{}
	for _, fl := range st.BodyFields {
		seen[fl.WireName] = true
	}
	for _, fl := range st.BodyFields {
		keys := []jen.Code{jen.Lit(fl.WireName)}
		// aws-sdk-go-v2 accepts an error's message under either spelling.
		if st.Error != nil && strings.EqualFold(fl.WireName, "message") {
			for _, alt := range []string{"message", "Message"} {
				if !seen[alt] {
					keys = append(keys, jen.Lit(alt))
				}
			}
		}
		field := jen.Id("v").Dot(fl.GoName)
		var body []jen.Code
		if fl.Pointer && fl.Type.Kind == goview.KindStruct {
			body = []jen.Code{
				jen.If(jen.Id("d").Dot("Null").Call()).Block(field.Clone().Op("=").Nil(), jen.Return(jen.Nil())),
				field.Clone().Op("=").New(g.goType(fl.Type)),
				jen.Return(jen.Id(deserializer(fl.Type)).Call(jen.Id("d"), field.Clone())),
			}
		} else if fl.Pointer {
			body = []jen.Code{jen.Return(g.readPtr(fl.Type, fl.TimestampFormat, jen.Op("&").Add(field.Clone())))}
		} else {
			body = []jen.Code{jen.Return(g.read(fl.Type, fl.TimestampFormat, jen.Op("&").Add(field.Clone())))}
		}
		if fl.Deprecated != nil && st.InTypes { // SA1019 only flags uses from another package
			body = append([]jen.Code{lintDeprecated()}, body...)
		}
		cases = append(cases, jen.Case(keys...).Block(body...))
	}
	cases = append(cases, jen.Default().Block(jen.Return(jen.Id("d").Dot("Skip").Call())))
	return []jen.Code{
		jen.Return(jen.Id("d").Dot("Object").Call(jen.Func().Params(g.decoderParams(), jen.Id("key").Index().Byte()).Error().Block(
			jen.Switch(jen.String().Parens(jen.Id("key"))).Block(cases...),
		))),
	}
}

// slabVar names the package variable holding a union member type's slab id.
func slabVar(_ *goview.Struct, f *goview.Field) string { return "slab" + f.UnionMember }

// deserializeUnion sets the member the object carries; a member this client
// does not know becomes UnknownUnionMember with its raw JSON, and "__type"
// (which some services add) is ignored.
func (g *gen) deserializeUnion(st *goview.Struct) []jen.Code {
	var cases []jen.Code
	for _, fl := range st.WireFields {
		cases = append(cases, jen.Case(jen.Lit(fl.WireName)).Block(
			jen.Id("mv").Op(":=").Qual(g.rt("jsonwire"), "Alloc").Types(g.typesQual(unionMember(st, fl))).Call(jen.Id("d"), jen.Id(slabVar(st, fl))),
			jen.Op("*").Id("v").Op("=").Id("mv"),
			jen.Return(g.read(fl.Type, fl.TimestampFormat, jen.Op("&").Id("mv").Dot("Value"))),
		))
	}
	cases = append(cases,
		jen.Case(jen.Lit("__type")).Block(jen.Return(jen.Id("d").Dot("Skip").Call())),
		jen.Default().Block(
			// The key first: a streaming decoder may move it while the value is read.
			jen.Id("tag").Op(":=").String().Parens(jen.Id("key")),
			jen.List(jen.Id("raw"), jen.Err()).Op(":=").Id("d").Dot("Raw").Call(),
			jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
			jen.Op("*").Id("v").Op("=").Op("&").Add(g.typesQual(g.pkg.UnknownUnionMember)).Values(jen.Dict{
				jen.Id("Tag"):   jen.Id("tag"),
				jen.Id("Value"): jen.Append(jen.Index().Byte().Parens(jen.Nil()), jen.Id("raw").Op("...")),
			}),
			jen.Return(jen.Nil()),
		),
	)
	return []jen.Code{
		jen.If(jen.Id("d").Dot("Null").Call()).Block(jen.Op("*").Id("v").Op("=").Nil(), jen.Return(jen.Nil())),
		jen.Return(jen.Id("d").Dot("Object").Call(jen.Func().Params(g.decoderParams(), jen.Id("key").Index().Byte()).Error().Block(
			jen.If(jen.Id("d").Dot("Null").Call()).Block(jen.Return(jen.Nil())),
			jen.Switch(jen.String().Parens(jen.Id("key"))).Block(cases...),
		))),
	}
}

// scratchVar names the package variable holding a list type's id for the
// decoder's scratch slices (jsonwire.List).
func scratchVar(t *goview.Type) string { return "scratch" + t.CodecName }

// deserializeList appends the elements to the decoder's scratch slice for
// the list, then takes them at their exact length (jsonwire.Own); a list of
// structures appends to a slice of its own (see usesScratch).
func (g *gen) deserializeList(t *goview.Type) []jen.Code {
	scratch := usesScratch(t)
	// slice is the slice appended to: *s, the scratch slice, or s; elems
	// is the same, indexable.
	slice := func() *jen.Statement {
		if scratch {
			return jen.Op("*").Id("s")
		}
		return jen.Id("s")
	}
	elems := slice
	if scratch {
		elems = func() *jen.Statement { return jen.Parens(slice()) }
	}
	last := elems().Index(jen.Len(slice()).Op("-").Lit(1))
	grow := func(elem jen.Code) jen.Code {
		return slice().Op("=").Append(slice(), elem)
	}
	var each []jen.Code
	switch {
	case t.ElemPointer() && t.Elem.Kind == goview.KindStruct:
		each = []jen.Code{
			grow(jen.Nil()),
			jen.If(jen.Id("d").Dot("Null").Call()).Block(jen.Return(jen.Nil())),
			last.Clone().Op("=").New(g.goType(t.Elem)),
			jen.Return(jen.Id(deserializer(t.Elem)).Call(jen.Id("d"), last.Clone())),
		}
	case t.ElemPointer():
		each = []jen.Code{
			grow(jen.Nil()),
			jen.Return(g.readPtr(t.Elem, t.Elem.TimestampFormat, jen.Op("&").Add(last.Clone()))),
		}
	default:
		// A null in a dense list becomes the zero value, as in aws-sdk-go-v2:
		// no element is lost and indexes stay aligned.
		each = append(each,
			grow(jen.Id("zero")),
			jen.Return(g.read(t.Elem, t.Elem.TimestampFormat, jen.Op("&").Add(last.Clone()))),
		)
	}
	body := []jen.Code{
		jen.If(jen.Id("d").Dot("Null").Call()).Block(jen.Op("*").Id("v").Op("=").Nil(), jen.Return(jen.Nil())),
	}
	result := jen.Id("s")
	if scratch {
		body = append(body, jen.Id("s").Op(":=").Qual(g.rt("jsonwire"), "List").Types(g.elemType(t)).Call(jen.Id("d"), jen.Id(scratchVar(t))))
		result = jen.Qual(g.rt("jsonwire"), "Own").Call(jen.Id("s"))
	} else {
		body = append(body, jen.Id("s").Op(":=").Add(g.goType(t)).Values())
	}
	if !t.ElemPointer() {
		body = append(body, jen.Var().Id("zero").Add(g.elemType(t)))
	}
	body = append(body,
		jen.Err().Op(":=").Id("d").Dot("Array").Call(jen.Func().Params(g.decoderParams()).Error().Block(each...)),
		jen.Op("*").Id("v").Op("=").Add(result),
		jen.Return(jen.Err()),
	)
	return body
}

// usesScratch reports whether a list decodes through a scratch slice:
// those whose elements are not structures. A structure element type is a
// Go shape of its own, so jsonwire.List and Own would be compiled once per
// such list type, which costs a large client's build more than the
// scratch saves.
func usesScratch(t *goview.Type) bool {
	return t.ElemPointer() || t.Elem.Kind != goview.KindStruct
}

func (g *gen) deserializeMap(t *goview.Type) []jen.Code {
	// A null value in a dense map becomes the zero value, as in
	// aws-sdk-go-v2, so every key the service sent is kept.
	// The key is copied first: a streaming decoder may move it while the
	// value is read.
	var each []jen.Code
	each = append(each, jen.Id("k").Op(":=").Id("d").Dot("KeyString").Call(jen.Id("key")))
	each = append(each, jen.Var().Id("e").Add(g.elemType(t)))
	switch {
	case t.ElemPointer() && t.Elem.Kind == goview.KindStruct:
		each = append(each,
			jen.If(jen.Op("!").Id("d").Dot("Null").Call()).Block(
				jen.Id("e").Op("=").New(g.goType(t.Elem)),
				jen.If(jen.Err().Op(":=").Id(deserializer(t.Elem)).Call(jen.Id("d"), jen.Id("e")), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
			),
		)
	case t.ElemPointer():
		each = append(each, jen.If(jen.Err().Op(":=").Add(g.readPtr(t.Elem, t.Elem.TimestampFormat, jen.Op("&").Id("e"))), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())))
	default:
		each = append(each, jen.If(jen.Err().Op(":=").Add(g.read(t.Elem, t.Elem.TimestampFormat, jen.Op("&").Id("e"))), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())))
	}
	each = append(each,
		jen.Id("m").Index(jen.Id("k")).Op("=").Id("e"),
		jen.Return(jen.Nil()),
	)
	return []jen.Code{
		jen.If(jen.Id("d").Dot("Null").Call()).Block(jen.Op("*").Id("v").Op("=").Nil(), jen.Return(jen.Nil())),
		jen.Id("m").Op(":=").Add(g.goType(t)).Values(),
		jen.Op("*").Id("v").Op("=").Id("m"),
		jen.Return(jen.Id("d").Dot("Object").Call(jen.Func().Params(g.decoderParams(), jen.Id("key").Index().Byte()).Error().Block(each...))),
	}
}

// read decodes into p, a pointer to a non-pointer Go value of type t.
func (g *gen) read(t *goview.Type, tsFormat string, p *jen.Statement) *jen.Statement {
	d := jen.Id("d")
	switch t.Kind {
	case goview.KindEnum:
		return d.Dot("String").Call(jen.Parens(jen.Op("*").String()).Parens(p))
	case goview.KindIntEnum:
		return d.Dot("Int32").Call(jen.Parens(jen.Op("*").Int32()).Parens(p))
	case goview.KindStruct, goview.KindList, goview.KindMap, goview.KindUnion:
		return jen.Id(deserializer(t)).Call(d, p)
	case goview.KindDocument:
		return jen.Qual(g.rt("document"), "ReadJSON").Call(d, p)
	case goview.KindTimestamp:
		return d.Dot(timestampMethod(tsFormat)).Call(p)
	}
	return d.Dot(scalarMethod(t.Kind)).Call(p)
}

// readPtr decodes into p, a pointer to a *T field, leaving nil on null.
func (g *gen) readPtr(t *goview.Type, tsFormat string, p *jen.Statement) *jen.Statement {
	d := jen.Id("d")
	if t.Kind == goview.KindTimestamp {
		return d.Dot(timestampMethod(tsFormat) + "Ptr").Call(p)
	}
	return d.Dot(scalarMethod(t.Kind) + "Ptr").Call(p)
}

// scalarMethod is the jsonwire Decoder method for a scalar kind.
func scalarMethod(k goview.Kind) string {
	switch k {
	case goview.KindString:
		return "String"
	case goview.KindBool:
		return "Bool"
	case goview.KindInt8:
		return "Int8"
	case goview.KindInt16:
		return "Int16"
	case goview.KindInt32:
		return "Int32"
	case goview.KindInt64:
		return "Int64"
	case goview.KindFloat32:
		return "Float32"
	case goview.KindFloat64:
		return "Float64"
	case goview.KindBlob:
		return "Blob"
	}
	panic("emit: unhandled scalar kind")
}
