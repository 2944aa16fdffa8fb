package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/gosmith/gosmith/codegen/goview"
)

// validator names the function that checks required members of t.
func validator(t *goview.Type) string { return "validate" + t.CodecName }

// validates reports whether values of t can violate @required anywhere
// inside, so that only those types get a validator.
func (g *gen) validates(t *goview.Type) bool {
	if g.validating == nil {
		g.validating = map[*goview.Type]bool{}
	}
	if v, ok := g.validating[t]; ok {
		return v
	}
	g.validating[t] = false // a recursive reference adds nothing new
	result := false
	switch t.Kind {
	case goview.KindStruct:
		for _, f := range g.pkg.StructOf(t).Fields {
			if f.Required && requiredCheck(f) != nil || g.validates(f.Type) {
				result = true
			}
		}
	case goview.KindList, goview.KindMap:
		result = g.validates(t.Elem)
	}
	g.validating[t] = result
	return result
}

// requiredCheck is the condition under which a required member is missing,
// or nil when its Go type cannot be missing (a value with a default).
func requiredCheck(f *goview.Field) *jen.Statement {
	field := jen.Id("v").Dot(f.GoName)
	switch {
	case f.Pointer, f.Type.Kind == goview.KindList, f.Type.Kind == goview.KindMap, f.Type.Kind == goview.KindBlob:
		return field.Op("==").Nil()
	case f.Type.Kind == goview.KindEnum:
		return jen.Len(field).Op("==").Lit(0)
	}
	return nil
}

// validatorsFile emits the validators of every input type that has a
// required member somewhere inside.
func (g *gen) validatorsFile() *jen.File {
	f := g.newFile()
	for _, t := range g.pkg.Serialized {
		if !g.validates(t) {
			continue
		}
		var param jen.Code
		var checks []jen.Code
		switch t.Kind {
		case goview.KindStruct:
			param = jen.Op("*").Add(g.structQual(t))
			checks = g.validateStruct(g.pkg.StructOf(t))
		case goview.KindList:
			param = g.goType(t)
			elem := jen.Id("v").Index(jen.Id("i"))
			if t.Elem.Kind == goview.KindStruct && !t.ElemPointer() {
				elem = jen.Op("&").Add(elem)
			}
			checks = []jen.Code{jen.For(jen.Id("i").Op(":=").Range().Id("v")).Block(
				g.nested(t.Elem, elem, jen.Qual("fmt", "Sprintf").Call(jen.Lit("[%d]"), jen.Id("i"))),
			)}
		case goview.KindMap:
			param = g.goType(t)
			elem := jen.Id("v").Index(jen.Id("k"))
			var pre []jen.Code
			if t.Elem.Kind == goview.KindStruct && !t.ElemPointer() {
				pre = append(pre, jen.Id("mv").Op(":=").Add(elem))
				elem = jen.Op("&").Id("mv")
			}
			checks = []jen.Code{jen.For(jen.List(jen.Id("_"), jen.Id("k")).Op(":=").Range().Qual(g.rt("client"), "SortedKeys").Call(jen.Id("v"))).Block(
				append(pre, g.nested(t.Elem, elem, jen.Qual("fmt", "Sprintf").Call(jen.Lit("[%q]"), jen.Id("k"))))...,
			)}
		}
		body := []jen.Code{
			jen.If(jen.Id("v").Op("==").Nil()).Block(jen.Return(jen.Nil())),
			jen.Id("invalidParams").Op(":=").Qual(pkgSmithy, "InvalidParamsError").Values(jen.Dict{jen.Id("Context"): jen.Lit(t.Name)}),
		}
		body = append(body, checks...)
		body = append(body,
			jen.If(jen.Id("invalidParams").Dot("Len").Call().Op(">").Lit(0)).Block(jen.Return(jen.Id("invalidParams"))),
			jen.Return(jen.Nil()),
		)
		if st := g.pkg.StructOf(t); st != nil && st.Input {
			// The descriptor's Validate: the input comes as any.
			f.Func().Id(validator(t)).Params(jen.Id("in").Any()).Error().Block(append([]jen.Code{g.inputOf(st)}, body...)...)
		} else {
			f.Func().Id(validator(t)).Params(jen.Id("v").Add(param)).Error().Block(body...)
		}
		f.Line()
	}
	return f
}

func (g *gen) validateStruct(st *goview.Struct) []jen.Code {
	var checks []jen.Code
	for _, fl := range st.ModelFields {
		if fl.Required {
			if cond := requiredCheck(fl); cond != nil {
				checks = append(checks, jen.If(cond).Block(
					jen.Qual(g.rt("client"), "MissingParam").Call(jen.Op("&").Id("invalidParams"), jen.Lit(fl.GoName)),
				))
			}
		}
		if g.validates(fl.Type) {
			field := jen.Id("v").Dot(fl.GoName)
			checks = append(checks, jen.If(field.Clone().Op("!=").Nil()).Block(
				g.nested(fl.Type, field.Clone(), jen.Lit(fl.GoName)),
			))
		}
	}
	return checks
}

// nested validates value (already addressable as the validator wants it) and
// files its problems under name.
func (g *gen) nested(t *goview.Type, value, name jen.Code) jen.Code {
	return jen.If(jen.Err().Op(":=").Id(validator(t)).Call(value), jen.Err().Op("!=").Nil()).Block(
		jen.Id("invalidParams").Dot("AddNested").Call(name, jen.Err().Assert(jen.Qual(pkgSmithy, "InvalidParamsError"))),
	)
}
