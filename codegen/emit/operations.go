package emit

import (
	"strings"

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
		jen.List(jen.Id("out"), jen.Id("metadata"), jen.Err()).Op(":=").Qual(g.rt(g.proto.runtime()), "Invoke").Types(jen.Op("*").Id(out.Name)).Call(
			jen.Id("ctx"), jen.Op("&").Id("service"), jen.Id("c").Dot("config").Call(jen.Id("optFns")), jen.Id(opVar(op)), jen.Id("params")),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
		jen.Id("out").Dot("ResultMetadata").Op("=").Id("metadata"),
		jen.Return(jen.Id("out"), jen.Nil()),
	)
	f.Line()

	f.Add(docComment(in.Name+" is the input of "+op.Name+".", in.Doc)).Type().Id(in.Name).Struct(g.structFields(in)...)
	f.Line()

	outFields := g.structFields(out)
	if op.EventStream != nil {
		outFields = append(outFields, jen.Line().Id("eventStream").Op("*").Id(op.EventStream.Name))
	}
	outFields = append(outFields, jen.Line().Comment("Metadata pertaining to the operation's result.").Line().
		Id("ResultMetadata").Qual(pkgMiddleware, "Metadata"))
	f.Add(docComment(out.Name+" is the output of "+op.Name+".", out.Doc)).Type().Id(out.Name).Struct(outFields...)
	f.Line()
	if op.EventStream != nil {
		g.eventStreamAccessor(f, op)
	}
	g.redactedString(f, in)
	g.redactedString(f, out)
	g.endpointBinder(f, op)

	spec := jen.Dict{jen.Id("Name"): jen.Lit(op.Shape.ID.Name())}
	if g.validates(in.Type) {
		spec[jen.Id("Validate")] = jen.Id(validator(in.Type))
	}
	if op.HostPrefix != "" {
		spec[jen.Id("HostPrefix")] = g.hostPrefixFunc(op)
	}
	if op.IdempotencyToken != nil {
		tok := op.IdempotencyToken.GoName
		spec[jen.Id("IdempotencyToken")] = jen.Func().Params(jen.Id("in").Any(), jen.Id("newToken").Func().Params().Params(jen.String(), jen.Error())).Params(jen.Any(), jen.Error()).Block(
			g.inputOf(in, jen.Nil()),
			jen.If(jen.Id("v").Dot(tok).Op("!=").Nil()).Block(jen.Return(jen.Id("v"), jen.Nil())),
			jen.List(jen.Id("token"), jen.Err()).Op(":=").Id("newToken").Call(),
			jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
			jen.Id("c").Op(":=").Op("*").Id("v"),
			jen.Id("c").Dot(tok).Op("=").Op("&").Id("token"),
			jen.Return(jen.Op("&").Id("c"), jen.Nil()),
		)
	}
	if op.ChecksumRequired {
		spec[jen.Id("ChecksumRequired")] = jen.True()
	}
	if op.NoAuth {
		spec[jen.Id("NoAuth")] = jen.True()
	}
	if op.EventStream != nil && op.EventStream.Input != nil {
		spec[jen.Id("InputEventStream")] = jen.True()
	}
	if d := op.DiscoveredEndpoint; d != nil {
		mode := "DiscoveryOptional"
		if d.Required {
			mode = "DiscoveryRequired"
		}
		spec[jen.Id("Discovery")] = jen.Qual(g.rt("client"), mode)
	}
	desc := jen.Dict{
		jen.Id("Spec"): jen.Qual(g.rt("client"), "Spec").Values(spec),
		jen.Id("New"):  jen.Func().Params().Any().Block(jen.Return(jen.New(jen.Id(out.Name)))),
	}
	if op.EventStream != nil {
		desc[jen.Id("EventStream")] = g.proto.eventStream(g, op)
	}
	g.proto.descriptor(g, op, desc)
	// A package variable whose value is a constant (functions and
	// literals): it costs no code to initialise, and a program that calls
	// one operation links only that operation's codecs.
	f.Var().Id(opVar(op)).Op("=").Op("&").Qual(g.rt(g.proto.runtime()), "Operation").Values(desc)
	return f
}

// opVar names the variable that describes an operation.
func opVar(op *goview.Operation) string { return "op" + op.Name }

// errorDecoder names the function that decodes a modeled error.
func errorDecoder(st *goview.Struct) string { return "decodeError" + st.Name }

// hostPrefixFunc renders the @endpoint host prefix: literal text with each
// {label} replaced by its checked input member.
func (g *gen) hostPrefixFunc(op *goview.Operation) jen.Code {
	var body []jen.Code
	var parts []jen.Code
	rest := op.HostPrefix
	for {
		i := strings.IndexByte(rest, '{')
		if i < 0 {
			break
		}
		j := strings.IndexByte(rest[i:], '}')
		if i > 0 {
			parts = append(parts, jen.Lit(rest[:i]))
		}
		label := rest[i+1 : i+j]
		var field *goview.Field
		for _, f := range op.Input.Fields {
			if f.Name == label {
				field = f
			}
		}
		v := jen.Id("label" + field.GoName)
		body = append(body,
			jen.List(v.Clone(), jen.Err()).Op(":=").Qual(g.rt("client"), "HostLabel").Call(jen.Lit(label), jen.Id("v").Dot(field.GoName)),
			jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Lit(""), jen.Err())),
		)
		parts = append(parts, v.Clone())
		rest = rest[i+j+1:]
	}
	if rest != "" {
		parts = append(parts, jen.Lit(rest))
	}
	expr := jen.Add(parts[0])
	for _, p := range parts[1:] {
		expr = expr.Op("+").Add(p)
	}
	arg := jen.Id("in")
	if len(body) == 0 {
		arg = jen.Id("_")
	} else {
		body = append([]jen.Code{g.inputOf(op.Input, jen.Lit(""))}, body...)
	}
	body = append(body, jen.Return(expr, jen.Nil()))
	return jen.Func().Params(arg.Any()).Params(jen.String(), jen.Error()).Block(body...)
}

// outputOf declares v, the operation output out (an any, as descriptors
// take it; the runtime made it with the descriptor's New).
func outputOf(out *goview.Struct) jen.Code {
	return jen.Id("v").Op(":=").Id("out").Assert(jen.Op("*").Id(out.Name))
}

// inputOf declares v, the operation input in (an any, as descriptors take
// it), returning zero and the runtime's error when in is of another type.
func (g *gen) inputOf(in *goview.Struct, zero ...jen.Code) jen.Code {
	return jen.Add(
		jen.List(jen.Id("v"), jen.Err()).Op(":=").Add(g.input(in)).Line(),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(append(zero, jen.Err())...)),
	)
}

// inputChecked is inputOf for a function that has no use for v.
func (g *gen) inputChecked(in *goview.Struct, zero ...jen.Code) jen.Code {
	return jen.If(jen.List(jen.Id("_"), jen.Err()).Op(":=").Add(g.input(in)), jen.Err().Op("!=").Nil()).Block(jen.Return(append(zero, jen.Err())...))
}

func (g *gen) input(in *goview.Struct) *jen.Statement {
	return jen.Qual(g.rt("client"), "Input").Types(jen.Op("*").Add(g.structQual(in.Type))).Call(jen.Id("in"))
}
