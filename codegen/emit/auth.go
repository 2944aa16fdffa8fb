package emit

import (
	"github.com/dave/jennifer/jen"
)

// authFile emits aws-sdk-go-v2's auth scheme resolution API:
// AuthResolverParameters, AuthSchemeResolver and the default resolver
// (SigV4 with the service's signing name, then anonymous). The runtime
// picks the scheme and signs.
func (g *gen) authFile() *jen.File {
	f := g.newFile()
	authOptions := jen.Index().Op("*").Qual(pkgSmithyAuth, "Option")
	f.Comment("AuthResolverParameters contains the set of inputs necessary for auth scheme")
	f.Comment("resolution.")
	f.Type().Id("AuthResolverParameters").Struct(
		jen.Comment("The name of the operation being invoked."),
		jen.Id("Operation").String(),
		jen.Line(),
		jen.Comment("The region in which the operation is being invoked."),
		jen.Id("Region").String(),
	)
	f.Line()
	f.Comment("AuthSchemeResolver returns a set of possible authentication options for an")
	f.Comment("operation.")
	f.Type().Id("AuthSchemeResolver").Interface(
		jen.Id("ResolveAuthSchemes").Params(jen.Qual("context", "Context"), jen.Op("*").Id("AuthResolverParameters")).
			Params(authOptions.Clone(), jen.Error()),
	)
	f.Line()
	f.Comment("defaultAuthSchemeResolver offers SigV4 with the service's signing name and")
	f.Comment("the call's region, then anonymous (when no credentials are configured).")
	f.Type().Id("defaultAuthSchemeResolver").Struct()
	f.Line()
	f.Var().Id("_").Id("AuthSchemeResolver").Op("=").Parens(jen.Op("*").Id("defaultAuthSchemeResolver")).Parens(jen.Nil())
	f.Line()
	var noAuth []jen.Code
	for _, op := range g.pkg.Operations {
		if op.NoAuth {
			noAuth = append(noAuth, jen.Lit(op.Name))
		}
	}
	var body []jen.Code
	if len(noAuth) > 0 {
		body = append(body, jen.Switch(jen.Id("params").Dot("Operation")).Block(
			jen.Case(noAuth...).Block(
				jen.Comment("@auth([]): unsigned."),
				jen.Return(jen.Qual(g.rt("client"), "NoAuthOptions").Call(), jen.Nil()),
			),
		))
	}
	body = append(body, jen.Return(jen.Qual(g.rt("client"), "DefaultAuthOptions").Call(jen.Id("service").Dot("SigningName"), jen.Id("params").Dot("Region")), jen.Nil()))
	f.Comment("ResolveAuthSchemes returns the service's auth options, or the operation's.")
	f.Func().Params(jen.Op("*").Id("defaultAuthSchemeResolver")).Id("ResolveAuthSchemes").Params(
		jen.Id("_").Qual("context", "Context"), jen.Id("params").Op("*").Id("AuthResolverParameters"),
	).Params(authOptions.Clone(), jen.Error()).Block(body...)
	f.Line()
	f.Comment("authSchemeResolver is the call's AuthSchemeResolver for the runtime; nil for")
	f.Comment("the default, which the runtime applies without building its options.")
	f.Func().Params(jen.Id("o").Op("*").Id("Options")).Id("authSchemeResolver").Params().
		Func().Params(jen.Qual("context", "Context"), jen.String()).Params(authOptions.Clone(), jen.Error()).Block(
		jen.Id("r").Op(":=").Id("o").Dot("AuthSchemeResolver"),
		jen.If(jen.List(jen.Id("_"), jen.Id("ok")).Op(":=").Id("r").Assert(jen.Op("*").Id("defaultAuthSchemeResolver")), jen.Id("ok").Op("||").Id("r").Op("==").Nil()).Block(
			jen.Return(jen.Nil()),
		),
		jen.Id("region").Op(":=").Id("o").Dot("Region"),
		jen.Return(jen.Func().Params(jen.Id("ctx").Qual("context", "Context"), jen.Id("operation").String()).Params(authOptions.Clone(), jen.Error()).Block(
			jen.Return(jen.Id("r").Dot("ResolveAuthSchemes").Call(jen.Id("ctx"), jen.Op("&").Id("AuthResolverParameters").Values(jen.Dict{
				jen.Id("Operation"): jen.Id("operation"),
				jen.Id("Region"):    jen.Id("region"),
			}))),
		)),
	)
	return f
}
