package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/gosmith/gosmith/codegen/goview"
)

// awsJSON emits awsJson1_0 and awsJson1_1: every operation POSTs its whole
// input as a JSON body, named by X-Amz-Target; errors are matched by code.
type awsJSON struct{}

func (awsJSON) runtime() string { return "awsjson" }

func (p awsJSON) serviceValue(g *gen, neutral jen.Dict) jen.Code {
	svc := g.pkg.Service
	return jen.Qual(g.rt(p.runtime()), "Service").Values(jen.Dict{
		jen.Id("Service"):         jen.Qual(g.rt("client"), "Service").Values(neutral),
		jen.Id("TargetPrefix"):    jen.Lit(svc.TargetPrefix),
		jen.Id("ContentType"):     jen.Lit(svc.ContentType),
		jen.Id("QueryCompatible"): jen.Lit(svc.QueryCompatible),
	})
}

func (awsJSON) descriptor(g *gen, op *goview.Operation, d jen.Dict) {
	d[jen.Id("Serialize")] = jen.Id(serializer(op.Input.Type))
	if !op.Output.Unit {
		d[jen.Id("Deserialize")] = jen.Id(deserializer(op.Output.Type))
	}
	g.errorsAndCompression(op, d, g.rt("awsjson"))
}

// errorBindings: a function per error, named in the descriptors of the
// operations that return it.
func (p awsJSON) errorBindings(g *gen, f *jen.File) {
	rt := g.rt(p.runtime())
	for _, st := range g.pkg.OperationErrors {
		g.errorBinding(f, st, jen.Id("d").Op("*").Qual(g.rt("jsonwire"), "Decoder"),
			jen.Qual(rt, "DecodeError").Call(jen.Id("d"), jen.New(g.goType(st.Type)), jen.Id(deserializer(st.Type))))
	}
}

// awsJSON needs nothing beyond the body codecs: the runtime writes the
// request line and headers.
func (awsJSON) serializers(*gen, *jen.File)   {}
func (awsJSON) deserializers(*gen, *jen.File) {}

// The descriptor's Serialize and Deserialize are the body codecs.
func (awsJSON) bodyCodecsInDescriptor() bool { return true }

// An awsJson stream starts with the initial response, the output's other
// members, decoded with the output's deserializer.
func (p awsJSON) eventStream(g *gen, op *goview.Operation) jen.Code {
	var deserialize jen.Code = jen.Nil()
	if !op.Output.Unit {
		deserialize = jen.Id(deserializer(op.Output.Type))
	}
	rt := g.rt(p.runtime())
	return jen.Func().Params(jen.Id("ctx").Qual("context", "Context"), jen.Id("resp").Op("*").Qual(pkgSmithyHTTP, "Response"), jen.Id("out").Any()).Error().Block(
		jen.Return(jen.Qual(rt, "ReadEventStream").Call(jen.Id("ctx"), jen.Id("resp"), jen.Id("out"), deserialize, jen.Id(startStream(op)))),
	)
}
