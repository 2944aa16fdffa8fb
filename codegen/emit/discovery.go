package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/gosmith/gosmith/codegen/goview"
)

// Endpoint discovery (aws.api#clientEndpointDiscovery), as aws-sdk-go-v2
// exposes it: Options.EndpointDiscovery, and a cache of discovered
// endpoints per client, filled by the service's DescribeEndpoints.

// endpointDiscoveryOption is the Options field of a service with endpoint
// discovery.
func (g *gen) endpointDiscoveryOption() []optionField {
	if _, ok := g.discovery(); !ok {
		return nil
	}
	return []optionField{{name: "EndpointDiscovery", typ: jen.Id("EndpointDiscoveryOptions"), doc: []string{
		"Allows configuring endpoint discovery",
	}, fromConfig: func(cfg *jen.Statement) jen.Code {
		return jen.Id("EndpointDiscoveryOptions").Values(jen.Dict{
			jen.Id("EnableEndpointDiscovery"): jen.Qual(g.rt("client"), "EndpointDiscoveryFrom").Call(cfg),
		})
	}, perCall: "EndpointDiscovery", callValue: func(func(string) *jen.Statement) jen.Code {
		return jen.Id("c").Dot("endpointDiscovery").Call(jen.Id("options"))
	}}}
}

// discoveryRequired reports whether some operation must discover its
// endpoint.
func (g *gen) discoveryRequired() bool {
	for _, op := range g.pkg.Operations {
		if op.DiscoveredEndpoint != nil && op.DiscoveredEndpoint.Required {
			return true
		}
	}
	return false
}

// endpointDiscovery emits EndpointDiscoveryOptions and the call's
// discovery over the service's discovery operation.
func (g *gen) endpointDiscovery(f *jen.File) {
	describe, ok := g.discovery()
	if !ok {
		return
	}
	f.Comment("EndpointDiscoveryOptions used to configure endpoint discovery")
	f.Type().Id("EndpointDiscoveryOptions").Struct(
		jen.Comment("Enables endpoint discovery"),
		jen.Id("EnableEndpointDiscovery").Qual(pkgAWS, "EndpointDiscoveryEnableState"),
	)
	f.Line()

	state := jen.Id("o").Dot("EndpointDiscovery").Dot("EnableEndpointDiscovery")
	off := jen.Id("state").Op("==").Qual(pkgAWS, "EndpointDiscoveryDisabled")
	if !g.discoveryRequired() {
		off = jen.Id("state").Op("!=").Qual(pkgAWS, "EndpointDiscoveryEnabled")
	}
	f.Comment("endpointDiscovery is the call's endpoint discovery through " + describe.Name + ",")
	f.Comment("cached by the client; nil when no operation would use it.")
	f.Func().Params(jen.Id("c").Op("*").Id("Client")).Id("endpointDiscovery").Params(jen.Id("o").Op("*").Id("Options")).Op("*").Qual(g.rt("client"), "EndpointDiscovery").Block(
		jen.Id("state").Op(":=").Add(state),
		jen.If(off).Block(jen.Return(jen.Nil())),
		jen.List(jen.Id("region"), jen.Id("disableHTTPS"), jen.Id("logger")).Op(":=").List(
			jen.Id("o").Dot("Region"), jen.Id("o").Dot("EndpointOptions").Dot("DisableHTTPS"), jen.Id("o").Dot("Logger")),
		jen.Return(jen.Op("&").Qual(g.rt("client"), "EndpointDiscovery").Values(jen.Dict{
			jen.Id("State"):        jen.Id("state"),
			jen.Id("Cache"):        jen.Id("c").Dot("endpointCache"),
			jen.Id("Key"):          jen.Lit("sdk#Region=").Op("+").Id("region"),
			jen.Id("DisableHTTPS"): jen.Id("disableHTTPS"),
			jen.Id("Describe"): jen.Func().Params(jen.Id("ctx").Qual("context", "Context")).Params(jen.Index().Qual(g.rt("client"), "DiscoveredAddress"), jen.Error()).Block(
				append([]jen.Code{
					jen.List(jen.Id("out"), jen.Err()).Op(":=").Id("c").Dot(describe.Name).Call(jen.Id("ctx"), jen.Op("&").Id(describe.Input.Name).Values(),
						jen.Func().Params(jen.Id("o").Op("*").Id("Options")).Block(
							jen.Id("o").Dot("Region").Op("=").Id("region"),
							jen.Id("o").Dot("EndpointOptions").Dot("DisableHTTPS").Op("=").Id("disableHTTPS"),
							jen.Id("o").Dot("Logger").Op("=").Id("logger"),
						)),
					jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
				}, g.discoveredAddresses(describe)...)...,
			),
		})),
	)
	f.Line()
}

// discovery is the service's discovery operation, when the client can
// use it: its output has Endpoints, each with Address and
// CachePeriodInMinutes, as the Smithy spec has it.
func (g *gen) discovery() (*goview.Operation, bool) {
	describe := g.pkg.Service.EndpointDiscovery
	if describe == nil {
		return nil, false
	}
	list := fieldNamed(describe.Output, "Endpoints")
	if list == nil || list.Type.Kind != goview.KindList || list.Type.Elem.Kind != goview.KindStruct {
		return nil, false
	}
	endpoint := g.pkg.StructOf(list.Type.Elem)
	address, period := fieldNamed(endpoint, "Address"), fieldNamed(endpoint, "CachePeriodInMinutes")
	if address == nil || address.Type.Kind != goview.KindString || period == nil || period.Type.Kind != goview.KindInt64 {
		return nil, false
	}
	return describe, true
}

// discoveredAddresses converts the discovery operation's output, out, for
// the runtime and returns it.
func (g *gen) discoveredAddresses(describe *goview.Operation) []jen.Code {
	list := fieldNamed(describe.Output, "Endpoints")
	endpoint := g.pkg.StructOf(list.Type.Elem)
	value := func(f *goview.Field, deref string) jen.Code {
		v := jen.Id("e").Dot(f.GoName)
		if f.Pointer {
			return jen.Qual(pkgAWS, deref).Call(v)
		}
		return v
	}
	addr := jen.Qual(g.rt("client"), "DiscoveredAddress")
	return []jen.Code{
		jen.Id("addrs").Op(":=").Make(jen.Index().Add(addr.Clone()), jen.Lit(0), jen.Len(jen.Id("out").Dot(list.GoName))),
		jen.For(jen.List(jen.Id("_"), jen.Id("e")).Op(":=").Range().Id("out").Dot(list.GoName)).Block(
			jen.Id("addrs").Op("=").Append(jen.Id("addrs"), addr.Clone().Values(jen.Dict{
				jen.Id("Address"):              value(fieldNamed(endpoint, "Address"), "ToString"),
				jen.Id("CachePeriodInMinutes"): value(fieldNamed(endpoint, "CachePeriodInMinutes"), "ToInt64"),
			})),
		),
		jen.Return(jen.Id("addrs"), jen.Nil()),
	}
}

func fieldNamed(st *goview.Struct, name string) *goview.Field {
	if st == nil {
		return nil
	}
	for _, f := range st.Fields {
		if f.Name == name {
			return f
		}
	}
	return nil
}

// defaultEndpointDiscovery is New's default: auto, as in aws-sdk-go-v2
// (optional discovery off, required discovery on).
func (g *gen) defaultEndpointDiscovery() jen.Code {
	if _, ok := g.discovery(); !ok {
		return jen.Null()
	}
	state := jen.Id("options").Dot("EndpointDiscovery").Dot("EnableEndpointDiscovery")
	return jen.If(state.Clone().Op("==").Qual(pkgAWS, "EndpointDiscoveryUnset")).Block(
		state.Clone().Op("=").Qual(pkgAWS, "EndpointDiscoveryAuto"),
	)
}
