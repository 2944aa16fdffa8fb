package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/gosmith/gosmith/codegen/goview"
)

// operationFile emits api_op_<Name>.go: the client method, its input and
// output structs, and the operation's description for the runtime.
func (g *gen) operationFile(op *goview.Operation) *jen.File {
	f := g.newFile()
	in, out := op.Input, op.Output

	f.Add(declDoc(op.Name+" calls the "+op.Name+" API operation.", op.Doc, op.Deprecated)).Func().Params(jen.Id("c").Op("*").Id("Client")).Id(op.Name).Params(
		jen.Id("ctx").Qual("context", "Context"),
		jen.Id("params").Op("*").Id(in.Name),
		jen.Id("optFns").Op("...").Func().Params(jen.Op("*").Id("Options")),
	).Params(jen.Op("*").Id(out.Name), jen.Error()).Block(
		jen.If(jen.Id("params").Op("==").Nil()).Block(
			jen.Id("params").Op("=").Op("&").Id(in.Name).Values(),
		),
		jen.List(jen.Id("out"), jen.Id("metadata"), jen.Err()).Op(":=").Id("invoke").Call(
			jen.Id("ctx"), jen.Id("c"), jen.Id(opVar(op)), jen.Id("params"), jen.Id("optFns")),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
		jen.Id("out").Dot("ResultMetadata").Op("=").Id("metadata"),
		jen.Return(jen.Id("out"), jen.Nil()),
	)
	f.Line()

	f.Add(docComment(in.Name+" is the input of "+op.Name+".", in.Doc)).Type().Id(in.Name).Struct(g.structFields(in)...)
	f.Line()

	outFields := g.structFields(out)
	outFields = append(outFields, jen.Line().Comment("Metadata pertaining to the operation's result.").Line().
		Id("ResultMetadata").Qual(pkgMiddleware, "Metadata"))
	f.Add(docComment(out.Name+" is the output of "+op.Name+".", out.Doc)).Type().Id(out.Name).Struct(outFields...)
	f.Line()

	desc := jen.Dict{
		jen.Id("Name"):        jen.Lit(op.Shape.ID.Name()),
		jen.Id("Serialize"):   jen.Id(serializer(in.Type)),
		jen.Id("Deserialize"): jen.Id(deserializer(out.Type)),
	}
	if g.validates(in.Type) {
		desc[jen.Id("Validate")] = jen.Id(validator(in.Type))
	}
	if len(op.Errors) > 0 {
		desc[jen.Id("Errors")] = jen.Index().Qual(pkgAWSJSON, "ErrorType").ValuesFunc(func(gr *jen.Group) {
			for _, e := range op.Errors {
				gr.Id(errorVar(e))
			}
		})
	}
	f.Var().Id(opVar(op)).Op("=").Op("&").Qual(pkgAWSJSON, "Operation").Types(jen.Id(in.Name), jen.Id(out.Name)).Values(desc)
	return f
}

// opVar names the package variable that describes an operation.
func opVar(op *goview.Operation) string { return "op" + op.Name }

// errorVar names the package variable that binds an error code to its decoder.
func errorVar(st *goview.Struct) string { return "error" + st.Name }
