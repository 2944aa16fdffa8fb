package emit

import (
	"github.com/dave/jennifer/jen"
)

// customizations says which services need more than their protocol, as
// aws-sdk-go-v2 applies it, keyed by SDK ID: each entry renders the
// runtime functions (package customizations) that add the middleware. It is
// the one place a per-service customization is listed; the README names
// them.
var customizations = map[string]func(g *gen) []jen.Code{
	"API Gateway": func(g *gen) []jen.Code {
		return []jen.Code{jen.Qual(g.rt("customizations"), "APIGatewayAccept")}
	},
	"Glacier": func(g *gen) []jen.Code {
		return []jen.Code{
			jen.Qual(g.rt("customizations"), "GlacierVersion").Call(jen.Id("ServiceAPIVersion")),
			jen.Qual(g.rt("customizations"), "GlacierAccountID"),
			jen.Qual(g.rt("customizations"), "GlacierChecksums"),
		}
	},
}

// serviceCustomizations is the value of client.Service.Customizations, or
// nil when the service needs none.
func (g *gen) serviceCustomizations() jen.Code {
	custom, ok := customizations[g.pkg.Service.SdkID]
	if !ok {
		return nil
	}
	return jen.Index().Func().Params(jen.Op("*").Qual(pkgMiddleware, "Stack")).Error().Values(custom(g)...)
}
