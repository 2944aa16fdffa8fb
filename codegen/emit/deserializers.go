package emit

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/gosmith/gosmith/codegen/goview"
	"github.com/gosmith/gosmith/internal/protocol/jsonwire"
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
		f.Comment("The deserializers are not inlined (go:noinline): a caller that inlined")
		f.Comment("one would compile another copy of its loop.")
		f.Line()
	}
	for _, t := range g.pkg.Deserialized {
		if t.Kind == goview.KindStruct && g.pkg.StructOf(t).Unit {
			continue // no body to decode: it is discarded (awsJson) or has no members (restJson1)
		}
		var body []jen.Code
		var keysDecl jen.Code // the Keys table of a struct with many keys
		param := jen.Op("*").Add(g.goType(t))
		switch t.Kind {
		case goview.KindStruct:
			body, keysDecl = g.deserializeStruct(t, g.pkg.StructOf(t))
		case goview.KindList:
			body = g.deserializeList(t)
		case goview.KindMap:
			body = g.deserializeMap(t)
		case goview.KindUnion:
			body = g.deserializeUnion(g.pkg.StructOf(t))
		}
		// Not inlined: a caller that inlined one would compile its own copy
		// of the loop. When deserializers passed closures, keeping them out
		// of line saved a large client's package about a fifth of its
		// compile time and memory (not re-measured for loops); the call
		// costs a few nanoseconds.
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
		if keysDecl != nil {
			f.Add(keysDecl)
			f.Line()
		}
	}
	g.proto.deserializers(g, f)
	return f
}

func (g *gen) decoderParams() jen.Code {
	return jen.Id("d").Op("*").Qual(g.rt("jsonwire"), "Decoder")
}

func (g *gen) deserializeStruct(t *goview.Type, st *goview.Struct) (body []jen.Code, keysDecl jen.Code) {
	var cases []keyCase
	seen := map[string]bool{}
	for _, fl := range st.BodyFields {
		seen[fl.WireName] = true
	}
	for _, fl := range st.BodyFields {
		keys := []string{fl.WireName}
		// aws-sdk-go-v2 accepts an error's message under either spelling.
		if st.Error != nil && strings.EqualFold(fl.WireName, "message") {
			for _, alt := range []string{"message", "Message"} {
				if !seen[alt] {
					keys = append(keys, alt)
				}
			}
		}
		field := jen.Id("v").Dot(fl.GoName)
		var body []jen.Code
		if fl.Pointer && fl.Type.Kind == goview.KindStruct {
			body = []jen.Code{
				jen.If(jen.Id("d").Dot("Null").Call()).Block(field.Clone().Op("=").Nil(), jen.Break()),
				field.Clone().Op("=").New(g.goType(fl.Type)),
				itErr().Op("=").Id(deserializer(fl.Type)).Call(jen.Id("d"), field.Clone()),
			}
		} else if fl.Pointer {
			body = []jen.Code{itErr().Op("=").Add(g.readPtr(fl.Type, fl.TimestampFormat, jen.Op("&").Add(field.Clone())))}
		} else {
			body = []jen.Code{itErr().Op("=").Add(g.read(fl.Type, fl.TimestampFormat, jen.Op("&").Add(field.Clone())))}
		}
		if fl.Deprecated != nil && st.InTypes { // SA1019 only flags uses from another package
			body = append([]jen.Code{lintDeprecated()}, body...)
		}
		cases = append(cases, keyCase{keys, body})
	}
	sw, decl := g.keySwitch(t, cases, itErr().Op("=").Id("d").Dot("Skip").Call())
	return g.eachMember(sw), decl
}

// keyCase is one case of a switch on an object's keys.
type keyCase struct {
	keys []string
	body []jen.Code
}

// minKeysForTable is the fewest keys an object matches through a Keys table
// rather than a switch on the key: a switch on a few keys is small code and
// costs a comparison or two.
const minKeysForTable = 8

// keySwitch matches key to the cases, running dflt for any other key.
// An object with many keys switches on the key's case number in a Keys
// table, the variable keysVar(t) that decl declares: a large client's
// deserializers then compile with about a tenth less time and memory, for
// a few nanoseconds more per key than Go's string switch. Others, and any
// whose keys find no table, switch on the key itself (decl is nil).
func (g *gen) keySwitch(t *goview.Type, cases []keyCase, dflt ...jen.Code) (sw, decl jen.Code) {
	var names []string
	for _, c := range cases {
		names = append(names, c.keys...)
	}
	var out []jen.Code
	if k, ok := perfectKeys(names); ok {
		n := 0
		for _, c := range cases {
			var nums []jen.Code
			var quoted []string
			for _, name := range c.keys {
				nums = append(nums, jen.Lit(n))
				quoted = append(quoted, strconv.Quote(name))
				n++
			}
			st := jen.Case(nums...).Comment(strings.Join(quoted, ", "))
			for _, b := range c.body {
				st.Line().Add(b)
			}
			out = append(out, st)
		}
		out = append(out, jen.Default().Block(dflt...))
		return jen.Switch(jen.Id(keysVar(t)).Dot("Find").Call(jen.Id("key"))).Block(out...), g.keysDecl(t, k)
	}
	return stringSwitch(cases, dflt...), nil
}

// stringSwitch matches key to the cases by a switch on the key itself,
// running dflt for any other key.
func stringSwitch(cases []keyCase, dflt ...jen.Code) jen.Code {
	var out []jen.Code
	for _, c := range cases {
		var keys []jen.Code
		for _, k := range c.keys {
			keys = append(keys, jen.Lit(k))
		}
		out = append(out, jen.Case(keys...).Block(c.body...))
	}
	out = append(out, jen.Default().Block(dflt...))
	return jen.Switch(jen.String().Parens(jen.Id("key"))).Block(out...)
}

// perfectKeys lays out the Keys table of an object with many keys, case
// numbers counting its keys in order; false for one matched by a switch
// on the key itself.
func perfectKeys(names []string) (jsonwire.Keys, bool) {
	if len(names) < minKeysForTable {
		return jsonwire.Keys{}, false
	}
	return jsonwire.PerfectKeys(names)
}

// keysVar names the package variable holding a type's Keys table.
func keysVar(t *goview.Type) string { return "keys" + t.CodecName }

// keysDecl declares k as t's Keys table.
func (g *gen) keysDecl(t *goview.Type, k jsonwire.Keys) jen.Code {
	names := make([]jen.Code, len(k.Names))
	for i, n := range k.Names {
		names[i] = jen.Lit(n)
	}
	return jen.Var().Id(keysVar(t)).Op("=").Qual(g.rt("jsonwire"), "Keys").Values(jen.Dict{
		jen.Id("Seed"):  jen.Id(fmt.Sprintf("%#016x", k.Seed)),
		jen.Id("Shift"): jen.Lit(int(k.Shift)),
		jen.Id("Slots"): jen.Lit(k.Slots),
		jen.Id("Names"): jen.Index().String().Values(names...),
	})
}

// eachMember loops over an object's members (jsonwire.Members) with body,
// which sees the member's key as key and decodes its value into it.Err, and
// returns the object's error. Member is called in one place and returns the
// key: no inlined wrapper to store it, which would be compiled into every
// deserializer.
func (g *gen) eachMember(body ...jen.Code) []jen.Code {
	loop := append([]jen.Code{
		jen.List(jen.Id("key"), jen.Id("ok")).Op(":=").Id("d").Dot("Member").Call(jen.Op("&").Id("it")),
		jen.If(jen.Op("!").Id("ok")).Block(jen.Break()),
	}, body...)
	return []jen.Code{
		jen.Var().Id("it").Qual(g.rt("jsonwire"), "Members"),
		jen.For().Block(loop...),
		jen.Return(itErr()),
	}
}

// itErr is the loop's error: a member's or an element's value decodes into it.
func itErr() *jen.Statement { return jen.Id("it").Dot("Err") }

// slabVar names the package variable holding a union member type's slab id.
func slabVar(_ *goview.Struct, f *goview.Field) string { return "slab" + f.UnionMember }

// deserializeUnion sets the member the object carries; a member this client
// does not know becomes UnknownUnionMember with its raw JSON, and "__type"
// (which some services add) is ignored.
func (g *gen) deserializeUnion(st *goview.Struct) []jen.Code {
	var cases []keyCase
	for _, fl := range st.WireFields {
		cases = append(cases, keyCase{[]string{fl.WireName}, []jen.Code{
			jen.Id("mv").Op(":=").Qual(g.rt("jsonwire"), "Alloc").Types(g.typesQual(unionMember(st, fl))).Call(jen.Id("d"), jen.Id(slabVar(st, fl))),
			jen.Op("*").Id("v").Op("=").Id("mv"),
			itErr().Op("=").Add(g.read(fl.Type, fl.TimestampFormat, jen.Op("&").Id("mv").Dot("Value"))),
		}})
	}
	cases = append(cases, keyCase{[]string{"__type"}, []jen.Code{itErr().Op("=").Id("d").Dot("Skip").Call()}})
	// A string switch, whatever the number of members: unions are few, and
	// some are read by the thousand (DynamoDB's AttributeValue), where Go's
	// switch on a short key is the faster match.
	sw := stringSwitch(cases,
		// The key first: a streaming decoder may move it while the value is read.
		jen.Id("tag").Op(":=").String().Parens(jen.Id("key")),
		jen.List(jen.Id("raw"), jen.Err()).Op(":=").Id("d").Dot("Raw").Call(),
		jen.If(jen.Err().Op("!=").Nil()).Block(itErr().Op("=").Err(), jen.Break()),
		jen.Op("*").Id("v").Op("=").Op("&").Add(g.typesQual(g.pkg.UnknownUnionMember)).Values(jen.Dict{
			jen.Id("Tag"):   jen.Id("tag"),
			jen.Id("Value"): jen.Append(jen.Index().Byte().Parens(jen.Nil()), jen.Id("raw").Op("...")),
		}),
	)
	return append([]jen.Code{
		jen.If(jen.Id("d").Dot("Null").Call()).Block(jen.Op("*").Id("v").Op("=").Nil(), jen.Return(jen.Nil())),
	}, g.eachMember(
		jen.If(jen.Id("d").Dot("Null").Call()).Block(jen.Continue()),
		sw,
	)...)
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
			jen.If(jen.Id("d").Dot("Null").Call()).Block(jen.Continue()),
			last.Clone().Op("=").New(g.goType(t.Elem)),
			itErr().Op("=").Id(deserializer(t.Elem)).Call(jen.Id("d"), last.Clone()),
		}
	case t.ElemPointer():
		each = []jen.Code{
			grow(jen.Nil()),
			itErr().Op("=").Add(g.readPtr(t.Elem, t.Elem.TimestampFormat, jen.Op("&").Add(last.Clone()))),
		}
	default:
		if !scratch {
			// A response's list of structures takes room for the elements
			// the body has left at its second one (jsonwire's Reserve), so
			// it does not grow by doubling.
			each = append(each, jen.If(jen.Len(jen.Id("s")).Op("==").Lit(1)).Block(
				jen.If(jen.Id("n").Op(":=").Id("d").Dot("Reserve").Call(jen.Op("&").Id("it")), jen.Id("n").Op(">").Lit(0)).Block(
					jen.Id("s").Op("=").Append(jen.Make(g.goType(t), jen.Lit(0), jen.Lit(1).Op("+").Id("n")), jen.Id("s").Op("...")),
				),
			))
		}
		// A null in a dense list becomes the zero value, as in aws-sdk-go-v2:
		// no element is lost and indexes stay aligned.
		each = append(each,
			grow(jen.Id("zero")),
			itErr().Op("=").Add(g.read(t.Elem, t.Elem.TimestampFormat, jen.Op("&").Add(last.Clone()))),
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
		jen.Var().Id("it").Qual(g.rt("jsonwire"), "Elements"),
		jen.For(jen.Id("d").Dot("Element").Call(jen.Op("&").Id("it"))).Block(each...),
		jen.Op("*").Id("v").Op("=").Add(result),
		jen.Return(itErr()),
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
				itErr().Op("=").Id(deserializer(t.Elem)).Call(jen.Id("d"), jen.Id("e")),
			),
		)
	case t.ElemPointer():
		each = append(each, itErr().Op("=").Add(g.readPtr(t.Elem, t.Elem.TimestampFormat, jen.Op("&").Id("e"))))
	default:
		each = append(each, itErr().Op("=").Add(g.read(t.Elem, t.Elem.TimestampFormat, jen.Op("&").Id("e"))))
	}
	each = append(each, jen.Id("m").Index(jen.Id("k")).Op("=").Id("e"))
	return append([]jen.Code{
		jen.If(jen.Id("d").Dot("Null").Call()).Block(jen.Op("*").Id("v").Op("=").Nil(), jen.Return(jen.Nil())),
		jen.Id("m").Op(":=").Add(g.goType(t)).Values(),
		jen.Op("*").Id("v").Op("=").Id("m"),
	}, g.eachMember(each...)...)
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
