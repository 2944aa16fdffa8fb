package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/gosmith/gosmith/codegen/goview"
	"github.com/gosmith/gosmith/codegen/model"
)

// goType is the Go type expression of t as it appears in a field, list
// element or map value (without the field's own pointer).
func (g *gen) goType(t *goview.Type) *jen.Statement {
	switch t.Kind {
	case goview.KindString:
		return jen.String()
	case goview.KindEnum, goview.KindIntEnum:
		return g.typesQual(t.Name)
	case goview.KindBool:
		return jen.Bool()
	case goview.KindInt8:
		return jen.Int8()
	case goview.KindInt16:
		return jen.Int16()
	case goview.KindInt32:
		return jen.Int32()
	case goview.KindInt64:
		return jen.Int64()
	case goview.KindFloat32:
		return jen.Float32()
	case goview.KindFloat64:
		return jen.Float64()
	case goview.KindTimestamp:
		return jen.Qual("time", "Time")
	case goview.KindBlob:
		return jen.Index().Byte()
	case goview.KindStruct:
		return g.structQual(t)
	case goview.KindList:
		return jen.Index().Add(g.elemType(t))
	case goview.KindMap:
		return jen.Map(jen.String()).Add(g.elemType(t))
	case goview.KindUnion:
		return g.typesQual(t.Name)
	case goview.KindDocument:
		return jen.Qual(g.documentPath(), "Interface")
	}
	panic("emit: unhandled kind") // the view only builds the kinds above
}

// elemType is a list's element or map's value type: a pointer in sparse
// collections, so null stays distinct from the zero value.
func (g *gen) elemType(t *goview.Type) *jen.Statement {
	if t.ElemPointer() {
		return jen.Op("*").Add(g.goType(t.Elem))
	}
	return g.goType(t.Elem)
}

// fieldType is a struct field's type, with its pointer when it has one.
func (g *gen) fieldType(f *goview.Field) *jen.Statement {
	switch f.Stream {
	case goview.StreamIn:
		return jen.Qual("io", "Reader")
	case goview.StreamOut:
		return jen.Qual("io", "ReadCloser")
	}
	if f.Pointer {
		return jen.Op("*").Add(g.goType(f.Type))
	}
	return g.goType(f.Type)
}

// structQual names a struct type: operation inputs and outputs live in the
// client package, every other structure in types.
func (g *gen) structQual(t *goview.Type) *jen.Statement {
	if st := g.pkg.StructOf(t); st != nil && !st.InTypes {
		return jen.Qual(g.pkg.ImportPath, t.Name)
	}
	return g.typesQual(t.Name)
}

// structFields renders a struct's fields with their documentation.
func (g *gen) structFields(st *goview.Struct) []jen.Code {
	var fields []jen.Code
	for _, f := range st.Fields {
		doc := docComment("", f.Doc)
		if f.Required {
			if len(goview.DocLines(f.Doc)) > 0 {
				doc.Comment("").Line()
			}
			doc.Comment("This member is required.").Line()
		}
		if f.Deprecated != nil {
			doc.Comment("").Line().Comment("Deprecated: " + deprecationText(f.Deprecated)).Line()
		}
		fields = append(fields, jen.Line().Add(doc).Id(f.GoName).Add(g.fieldType(f)))
	}
	return fields
}

// redactedString emits String for a struct with @sensitive members: fmt
// prints it with those members replaced, so %v, %+v and %s never show them.
func (g *gen) redactedString(f *jen.File, st *goview.Struct) {
	var sensitive []*goview.Field
	for _, fl := range st.Fields {
		if fl.Sensitive {
			sensitive = append(sensitive, fl)
		}
	}
	if len(sensitive) == 0 {
		return
	}
	body := []jen.Code{
		jen.Type().Id("plain").Id(st.Name), // the same fields, without this method
		jen.Id("c").Op(":=").Id("plain").Parens(jen.Id("v")),
	}
	for _, fl := range sensitive {
		// Cleared: the printed value shows the member as unset.
		body = append(body, jen.Id("c").Dot(fl.GoName).Op("=").Add(jen.Op("*").New(g.fieldType(fl))))
	}
	var parts []jen.Code
	for _, fl := range sensitive {
		parts = append(parts, jen.Lit(fl.GoName))
	}
	body = append(body, jen.Return(jen.Qual("fmt", "Sprintf").Call(
		jen.Lit("%+v (sensitive members redacted: %s)"), jen.Id("c"), jen.Qual("strings", "Join").Call(jen.Index().String().Values(parts...), jen.Lit(", ")))))
	f.Comment("String formats the value with its @sensitive members left out, so logging")
	f.Comment("it with %v or %s never shows them.")
	f.Func().Params(jen.Id("v").Id(st.Name)).Id("String").Params().String().Block(body...)
	f.Line()
}

func (g *gen) typesFile() *jen.File {
	f := g.newTypesFile()
	var unions []*goview.Struct
	for _, st := range g.pkg.Structs {
		if st.Union {
			g.union(f, st)
			unions = append(unions, st)
			continue
		}
		f.Add(declDoc(st.Name+" is a structure of the service.", st.Doc, st.Deprecated)).Type().Id(st.Name).Struct(g.structFields(st)...)
		f.Line()
		g.redactedString(f, st)
	}
	if len(unions) > 0 {
		f.Comment(g.pkg.UnknownUnionMember + " is returned when a union member is returned over the")
		f.Comment("wire, but has an unknown tag.")
		f.Type().Id(g.pkg.UnknownUnionMember).Struct(
			jen.Id("Tag").String(),
			jen.Id("Value").Index().Byte(),
		)
		f.Line()
		for _, st := range unions {
			f.Func().Params(jen.Op("*").Id(g.pkg.UnknownUnionMember)).Id(unionMarker(st)).Params().Block()
		}
	}
	return f
}

// unionMarker is the unexported method that closes a union's interface.
func unionMarker(st *goview.Struct) string { return "is" + st.Name }

// unionMember names the struct that carries one member of a union.
func unionMember(_ *goview.Struct, f *goview.Field) string { return f.UnionMember }

// union renders a union as aws-sdk-go-v2 does: an interface closed by an
// unexported method, and one struct per member holding Value.
func (g *gen) union(f *jen.File, st *goview.Struct) {
	doc := declDoc(st.Name+" is a union: exactly one member is set.", st.Doc, st.Deprecated)
	doc.Comment("").Line().Comment("The following types satisfy this interface:").Line().Comment("").Line()
	for _, fl := range st.Fields {
		doc.Comment("//\t" + unionMember(st, fl)).Line()
	}
	f.Add(doc).Type().Id(st.Name).Interface(jen.Id(unionMarker(st)).Params())
	f.Line()
	for _, fl := range st.Fields {
		name := unionMember(st, fl)
		f.Add(declDoc(name+" is the "+fl.Name+" member of "+st.Name+".", fl.Doc, fl.Deprecated)).Type().Id(name).Struct(
			jen.Id("Value").Add(g.goType(fl.Type)),
		)
		f.Line()
		f.Func().Params(jen.Op("*").Id(name)).Id(unionMarker(st)).Params().Block()
		f.Line()
	}
}

func (g *gen) enumsFile() *jen.File {
	f := g.newTypesFile()
	for _, e := range g.pkg.Enums {
		base := jen.String()
		if e.Int {
			base = jen.Int32()
		}
		f.Add(docComment(e.Name+" is an enum.", e.Doc)).Type().Id(e.Name).Add(base)
		f.Line()
		f.Comment("Enum values for " + e.Name)
		var consts, values []jen.Code
		for _, v := range e.Values {
			lit := jen.Lit(v.Value)
			if e.Int {
				lit = jen.Id(v.Value)
			}
			consts = append(consts, jen.Add(docComment("", v.Doc)).Id(v.GoName).Id(e.Name).Op("=").Add(lit))
			values = append(values, lit)
		}
		f.Const().Defs(consts...)
		f.Line()
		f.Comment("Values returns all known values for " + e.Name + ". Note that this can be")
		f.Comment("expanded in the future, and so it is only as up to date as the client.")
		f.Comment("")
		f.Comment("The ordering of this slice is not guaranteed to be stable across updates.")
		f.Func().Params(jen.Id(e.Name)).Id("Values").Params().Index().Id(e.Name).Block(
			jen.Return(jen.Index().Id(e.Name).ValuesFunc(func(gr *jen.Group) {
				for _, v := range values {
					gr.Line().Add(v)
				}
				gr.Line()
			})),
		)
		f.Line()
	}
	return f
}

func (g *gen) errorsFile() *jen.File {
	f := g.newTypesFile()
	for _, st := range g.pkg.Errors {
		doc := declDoc(st.Name+" is an error the service returns.", st.Doc, st.Deprecated)
		var fields []jen.Code
		var message *goview.Field
		rest := make([]*goview.Field, 0, len(st.Fields))
		for _, fl := range st.Fields {
			if fl.GoName == "Message" && fl.Type.Kind == goview.KindString {
				message = fl
				continue
			}
			rest = append(rest, fl)
		}
		if message != nil {
			fields = append(fields, jen.Id("Message").Add(g.fieldType(message)))
		}
		fields = append(fields, jen.Line().Id("ErrorCodeOverride").Op("*").String(), jen.Line())
		for _, fl := range rest {
			fields = append(fields, jen.Id(fl.GoName).Add(g.fieldType(fl)))
		}
		f.Add(doc).Type().Id(st.Name).Struct(fields...)
		f.Line()
		recv := jen.Id("e").Op("*").Id(st.Name)
		f.Comment("Error formats the error as \"code: message\".")
		f.Func().Params(recv.Clone()).Id("Error").Params().String().Block(
			jen.Return(jen.Qual("fmt", "Sprintf").Call(jen.Lit("%s: %s"), jen.Id("e").Dot("ErrorCode").Call(), jen.Id("e").Dot("ErrorMessage").Call())),
		)
		f.Line()
		f.Comment("ErrorMessage returns the message the service sent, or \"\".")
		if message != nil && message.Pointer {
			f.Func().Params(recv.Clone()).Id("ErrorMessage").Params().String().Block(
				jen.If(jen.Id("e").Dot("Message").Op("==").Nil()).Block(jen.Return(jen.Lit(""))),
				jen.Return(jen.Op("*").Id("e").Dot("Message")),
			)
		} else {
			f.Func().Params(recv.Clone()).Id("ErrorMessage").Params().String().Block(jen.Return(jen.Lit("")))
		}
		f.Line()
		f.Comment("ErrorCode returns the error code: ErrorCodeOverride when set, else " + st.Error.Code + ".")
		f.Func().Params(recv.Clone()).Id("ErrorCode").Params().String().Block(
			jen.If(jen.Id("e").Op("==").Nil().Op("||").Id("e").Dot("ErrorCodeOverride").Op("==").Nil()).Block(
				jen.Return(jen.Lit(st.Error.Code)),
			),
			jen.Return(jen.Op("*").Id("e").Dot("ErrorCodeOverride")),
		)
		f.Line()
		fault := "FaultClient"
		if st.Error.Fault == "server" {
			fault = "FaultServer"
		}
		f.Comment("ErrorFault tells whether the caller or the service is at fault.")
		f.Func().Params(recv.Clone()).Id("ErrorFault").Params().Qual(pkgSmithy, "ErrorFault").Block(
			jen.Return(jen.Qual(pkgSmithy, fault)),
		)
		f.Line()
	}
	return f
}

// deprecationText is the text after "Deprecated: " in godoc.
func deprecationText(d *model.Deprecated) string {
	text := "This has been deprecated."
	if d.Message != "" {
		text = d.Message
	}
	if d.Since != "" {
		text += " (since " + d.Since + ")"
	}
	return text
}
