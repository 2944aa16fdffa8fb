package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/gosmith/gosmith/codegen/goview"
)

// Waiter paths beyond the subset compiled to field accesses are evaluated
// by the JMESPath runtime (internal/protocol/jmespath) over a JSON-like view
// of the output: maps keyed by model member names, lists, strings, float64
// numbers and booleans. This file writes the view functions and the
// acceptors that use them.

// viewFunc names the function that returns the view of a value of t.
func viewFunc(t *goview.Type) string { return "jmespathView" + t.CodecName }

// waiterViews emits one view function per aggregate a waiter path reads.
func (g *gen) waiterViews(f *jen.File) {
	for _, t := range g.pkg.Viewed {
		var param jen.Code
		var body []jen.Code
		switch t.Kind {
		case goview.KindStruct:
			param = jen.Op("*").Add(g.structQual(t))
			body = g.structView(g.pkg.StructOf(t))
		case goview.KindList:
			param = g.goType(t)
			body = []jen.Code{
				jen.If(jen.Id("v").Op("==").Nil()).Block(jen.Return(jen.Nil())),
				jen.Id("out").Op(":=").Make(jen.Index().Any(), jen.Len(jen.Id("v"))),
				jen.For(jen.List(jen.Id("i"), jen.Id("e")).Op(":=").Range().Id("v")).Block(
					jen.Id("out").Index(jen.Id("i")).Op("=").Add(g.elemView(t, jen.Id("e"))),
				),
				jen.Return(jen.Id("out")),
			}
		case goview.KindMap:
			param = g.goType(t)
			body = []jen.Code{
				jen.If(jen.Id("v").Op("==").Nil()).Block(jen.Return(jen.Nil())),
				jen.Id("out").Op(":=").Make(jen.Map(jen.String()).Any(), jen.Len(jen.Id("v"))),
				jen.For(jen.List(jen.Id("k"), jen.Id("e")).Op(":=").Range().Id("v")).Block(
					jen.Id("out").Index(jen.Id("k")).Op("=").Add(g.elemView(t, jen.Id("e"))),
				),
				jen.Return(jen.Id("out")),
			}
		case goview.KindUnion:
			param = g.goType(t)
			st := g.pkg.StructOf(t)
			var cases []jen.Code
			for _, fl := range st.Fields {
				cases = append(cases, jen.Case(jen.Op("*").Add(g.typesQual(unionMember(st, fl)))).Block(
					jen.Return(jen.Map(jen.String()).Any().Values(jen.Dict{jen.Lit(fl.Name): g.scalarView(fl.Type, jen.Id("m").Dot("Value"), false)})),
				))
			}
			body = []jen.Code{
				jen.Switch(jen.Id("m").Op(":=").Id("v").Assert(jen.Type())).Block(cases...),
				jen.Return(jen.Nil()),
			}
		}
		f.Func().Id(viewFunc(t)).Params(jen.Id("v").Add(param)).Any().Block(body...)
		f.Line()
	}
}

// structView puts every set member under its model name.
func (g *gen) structView(st *goview.Struct) []jen.Code {
	body := []jen.Code{
		jen.If(jen.Id("v").Op("==").Nil()).Block(jen.Return(jen.Nil())),
		jen.Id("m").Op(":=").Map(jen.String()).Any().Values(),
	}
	for _, fl := range st.ModelFields {
		if fl.Stream != goview.NotStreaming {
			continue
		}
		field := jen.Id("v").Dot(fl.GoName)
		set := jen.Id("m").Index(jen.Lit(fl.Name)).Op("=")
		switch {
		case fl.Pointer:
			body = append(body, jen.If(field.Clone().Op("!=").Nil()).Block(set.Add(g.scalarView(fl.Type, field, true))))
		case fl.Type.Kind == goview.KindList, fl.Type.Kind == goview.KindMap, fl.Type.Kind == goview.KindUnion,
			fl.Type.Kind == goview.KindDocument, fl.Type.Kind == goview.KindBlob:
			body = append(body, jen.If(field.Clone().Op("!=").Nil()).Block(set.Add(g.scalarView(fl.Type, field, false))))
		default:
			body = append(body, set.Add(g.scalarView(fl.Type, field, false)))
		}
	}
	return append(body, jen.Return(jen.Id("m")))
}

// elemView is the view of a list element or map value.
func (g *gen) elemView(t *goview.Type, e *jen.Statement) jen.Code {
	if t.ElemPointer() {
		return jen.Func().Params().Any().Block(
			jen.If(e.Clone().Op("==").Nil()).Block(jen.Return(jen.Nil())),
			jen.Return(g.scalarView(t.Elem, e, true)),
		).Call()
	}
	return g.scalarView(t.Elem, e, false)
}

// scalarView is the view of one value of t; ptr says v is a non-nil
// pointer to it (structures are always handled through pointers).
func (g *gen) scalarView(t *goview.Type, v *jen.Statement, ptr bool) jen.Code {
	val := v.Clone()
	if ptr && t.Kind != goview.KindStruct {
		val = jen.Op("*").Add(v.Clone())
	}
	switch t.Kind {
	case goview.KindString:
		return val
	case goview.KindEnum:
		return jen.String().Parens(val)
	case goview.KindBool:
		return val
	case goview.KindIntEnum, goview.KindInt8, goview.KindInt16, goview.KindInt32, goview.KindInt64, goview.KindFloat32, goview.KindFloat64:
		return jen.Float64().Parens(val)
	case goview.KindTimestamp:
		return jen.Float64().Parens(jen.Parens(val).Dot("UnixMilli").Call()).Op("/").Lit(1000)
	case goview.KindBlob:
		return jen.Qual("encoding/base64", "StdEncoding").Dot("EncodeToString").Call(val)
	case goview.KindDocument:
		return jen.Qual(g.rt("document"), "View").Call(val)
	case goview.KindStruct:
		if !ptr {
			val = jen.Op("&").Add(v.Clone())
		}
		return jen.Id(viewFunc(t)).Call(val)
	}
	return jen.Id(viewFunc(t)).Call(val)
}

// queryAcceptor evaluates an acceptor path with the JMESPath runtime; the
// compiled path is the package function expr.
func (g *gen) queryAcceptor(op *goview.Operation, a *goview.Acceptor, expr string) []jen.Code {
	q := a.Query
	data := jen.Id(viewFunc(op.Output.Type)).Call(jen.Id("output"))
	if q.InputOutput {
		data = jen.Map(jen.String()).Any().Values(jen.Dict{
			jen.Lit("input"):  jen.Id(viewFunc(op.Input.Type)).Call(jen.Id("input")),
			jen.Lit("output"): jen.Id(viewFunc(op.Output.Type)).Call(jen.Id("output")),
		})
	}
	return []jen.Code{jen.If(jen.Err().Op("==").Nil().Op("&&").Id("output").Op("!=").Nil()).Block(
		jen.List(jen.Id("match"), jen.Id("qerr")).Op(":=").Qual(g.rt("waiter"), "MatchPath").Call(
			jen.Id(expr).Call(), data, jen.Lit(q.Comparator), jen.Lit(q.Expected)),
		jen.If(jen.Id("qerr").Op("!=").Nil()).Block(jen.Return(jen.False(), jen.Id("qerr"))),
		jen.If(jen.Id("match")).Block(g.acceptorResult(a.State)),
	)}
}
