package emit

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/gosmith/gosmith/codegen/goview"
)

const pkgSmithyEndpoints = "github.com/aws/smithy-go/endpoints"

// builtInParam is how Options feeds a rule-set built-in, as in
// aws-sdk-go-v2; ok is false for parameters the options do not carry.
func (g *gen) builtInParam(builtIn string, o *jen.Statement) (jen.Code, bool) {
	switch builtIn {
	case "AWS::Region":
		// An empty region is unset, so the rules can say it is missing; a
		// FIPS pseudo-region is its region (FIPS is on in EndpointOptions).
		return jen.Qual(g.rt("client"), "EndpointRegion").Call(o.Clone().Dot("Region")), true
	case "SDK::Endpoint":
		return o.Clone().Dot("BaseEndpoint"), true
	case "AWS::UseFIPS":
		return jen.Qual(pkgAWS, "Bool").Call(o.Clone().Dot("EndpointOptions").Dot("UseFIPSEndpoint").Op("==").Qual(pkgAWS, "FIPSEndpointStateEnabled")), true
	case "AWS::Auth::AccountIdEndpointMode":
		return jen.Qual(g.rt("client"), "AccountIDEndpointMode").Call(o.Clone().Dot("AccountIDEndpointMode")), true
	case "AWS::UseDualStack":
		return jen.Qual(pkgAWS, "Bool").Call(o.Clone().Dot("EndpointOptions").Dot("UseDualStackEndpoint").Op("==").Qual(pkgAWS, "DualStackEndpointStateEnabled")), true
	}
	return nil, false
}

// endpointParams are the EndpointParameters fields: the rule set's
// parameters, or the four built-ins when the model has no rule set.
func (g *gen) endpointParams() []*goview.EndpointParam {
	if r := g.pkg.Service.Endpoints; r != nil {
		return r.Params
	}
	return []*goview.EndpointParam{
		{Name: "Endpoint", GoName: "Endpoint", Type: "String", BuiltIn: "SDK::Endpoint", Doc: "Override the endpoint used to send this request."},
		{Name: "Region", GoName: "Region", Type: "String", BuiltIn: "AWS::Region", Doc: "The AWS region used to dispatch the request."},
		{Name: "UseDualStack", GoName: "UseDualStack", Type: "Boolean", BuiltIn: "AWS::UseDualStack", Doc: "When true, use the dual-stack endpoint.", Default: false, Required: true},
		{Name: "UseFIPS", GoName: "UseFIPS", Type: "Boolean", BuiltIn: "AWS::UseFIPS", Doc: "When true, send this request to the FIPS-compliant regional endpoint.", Default: false, Required: true},
	}
}

func paramGoType(p *goview.EndpointParam) jen.Code {
	switch p.Type {
	case "Boolean":
		return jen.Op("*").Bool()
	case "StringArray":
		return jen.Index().String()
	}
	return jen.Op("*").String()
}

// endpointsFile emits EndpointParameters, EndpointResolverV2 and the default
// resolver over the model's rule set, with aws-sdk-go-v2's names.
func (g *gen) endpointsFile() *jen.File {
	f := g.newFile()
	params := g.endpointParams()
	var fields []jen.Code
	for i, p := range params {
		if i > 0 {
			fields = append(fields, jen.Line())
		}
		doc := docComment("", p.Doc)
		if p.BuiltIn != "" {
			doc.Comment("").Line().Comment("Parameter is bound to the " + p.BuiltIn + " built-in.").Line()
		}
		fields = append(fields, jen.Add(doc).Id(p.GoName).Add(paramGoType(p)))
	}
	f.Comment("EndpointParameters provides the parameters that influence how endpoints are")
	f.Comment("resolved.")
	f.Type().Id("EndpointParameters").Struct(fields...)
	f.Line()
	g.endpointParamsMethods(f, params)
	f.Comment("EndpointResolverV2 resolves endpoints for " + g.title() + ".")
	f.Type().Id("EndpointResolverV2").Interface(
		jen.Id("ResolveEndpoint").Params(jen.Id("ctx").Qual("context", "Context"), jen.Id("params").Id("EndpointParameters")).
			Params(jen.Qual(pkgSmithyEndpoints, "Endpoint"), jen.Error()),
	)
	f.Line()
	f.Comment("EndpointResolverOptions is the service endpoint resolver options: the")
	f.Comment("variant of the regional endpoint (FIPS, dual-stack), DisableHTTPS, and what a")
	f.Comment("deprecated EndpointResolver is given.")
	f.Type().Id("EndpointResolverOptions").Op("=").Qual(g.rt("client"), "EndpointOptions")
	f.Line()
	g.legacyEndpoints(f)
	f.Comment("NewDefaultEndpointResolverV2 returns the resolver of the service's endpoint")
	f.Comment("rules.")
	f.Func().Id("NewDefaultEndpointResolverV2").Params().Id("EndpointResolverV2").Block(
		jen.Return(jen.Id("defaultEndpointResolver").Values()),
	)
	f.Line()
	f.Type().Id("defaultEndpointResolver").Struct()
	f.Line()
	var resolve []jen.Code
	if r := g.pkg.Service.Endpoints; r != nil {
		resolve = append(resolve,
			jen.Id("params").Op("=").Id("params").Dot("WithDefaults").Call(),
			jen.If(jen.Err().Op(":=").Id("params").Dot("ValidateRequired").Call(), jen.Err().Op("!=").Nil()).Block(
				jen.Return(jen.Qual(pkgSmithyEndpoints, "Endpoint").Values(), jen.Qual("fmt", "Errorf").Call(jen.Lit("endpoint parameters are not valid, %w"), jen.Err())),
			),
			jen.Id("p").Op(":=").Qual(g.rt("endpoints"), "Params").Values())
		for _, p := range params {
			field := jen.Id("params").Dot(p.GoName)
			value := jen.Op("*").Add(field.Clone())
			if p.Type == "StringArray" {
				value = field.Clone()
			}
			resolve = append(resolve, jen.If(field.Clone().Op("!=").Nil()).Block(
				jen.Id("p").Index(jen.Lit(p.Name)).Op("=").Add(value),
			))
		}
		resolve = append(resolve, jen.Return(jen.Id("endpointRuleSet").Dot("Resolve").Call(jen.Id("p"))))
		var compact bytes.Buffer
		if err := json.Compact(&compact, r.JSON); err != nil {
			compact.Write(r.JSON) // validated by goview already
		}
		f.Comment("endpointRuleSet is the model's smithy.rules#endpointRuleSet.")
		f.Var().Id("endpointRuleSet").Op("=").Qual(g.rt("client"), "NewRuleSet").Call(jen.Lit(compact.String()))
		f.Line()
	} else {
		flag := func(name string) jen.Code {
			return jen.Id("params").Dot(name).Op("!=").Nil().Op("&&").Op("*").Id("params").Dot(name)
		}
		resolve = append(resolve, jen.Return(jen.Qual(g.rt("client"), "RegionalEndpoint").Call(
			jen.Lit(g.pkg.Service.EndpointPrefix), jen.Id("params").Dot("Region"), jen.Id("params").Dot("Endpoint"),
			flag("UseFIPS"), flag("UseDualStack"))))
	}
	f.Comment("ResolveEndpoint evaluates the endpoint rules for params.")
	f.Func().Params(jen.Id("defaultEndpointResolver")).Id("ResolveEndpoint").Params(
		jen.Id("ctx").Qual("context", "Context"), jen.Id("params").Id("EndpointParameters"),
	).Params(jen.Qual(pkgSmithyEndpoints, "Endpoint"), jen.Error()).Block(resolve...)
	f.Line()

	// endpointParameters reads the built-in parameters from Options.
	dict := jen.Dict{}
	for _, p := range params {
		if v, ok := g.builtInParam(p.BuiltIn, jen.Id("o")); ok {
			dict[jen.Id(p.GoName)] = v
		}
	}
	for _, c := range g.pkg.Service.ClientContextParams {
		if c.Param.Type == "Boolean" {
			dict[jen.Id(c.Param.GoName)] = jen.Qual(pkgAWS, "Bool").Call(jen.Id("o").Dot(c.GoName))
		} else {
			dict[jen.Id(c.Param.GoName)] = jen.Qual(g.rt("client"), "OptionalString").Call(jen.Id("o").Dot(c.GoName))
		}
	}
	if g.hasEndpointBindings() {
		f.Comment("endpointParamsBinder is an input that sets endpoint parameters.")
		f.Type().Id("endpointParamsBinder").Interface(jen.Id("bindEndpointParams").Params(jen.Op("*").Id("EndpointParameters")))
		f.Line()
	}
	f.Comment("endpointParameters binds the rule set's built-in parameters to the options.")
	f.Func().Params(jen.Id("o").Op("*").Id("Options")).Id("endpointParameters").Params().Id("EndpointParameters").Block(
		jen.Return(jen.Id("EndpointParameters").Values(dict)),
	)
	return f
}

// endpointParamsMethods emits aws-sdk-go-v2's ValidateRequired and
// WithDefaults over the rule set's parameters.
func (g *gen) endpointParamsMethods(f *jen.File, params []*goview.EndpointParam) {
	var validate, defaults []jen.Code
	for _, p := range params {
		field := jen.Id("p").Dot(p.GoName)
		if p.Required {
			validate = append(validate, jen.If(field.Clone().Op("==").Nil()).Block(
				jen.Return(jen.Qual("fmt", "Errorf").Call(jen.Lit("parameter "+p.Name+" is required"))),
			))
		}
		if p.Default != nil {
			lit, err := endpointParamLiteral(p, p.Default)
			if err != nil {
				if ss, ok := p.Default.([]string); ok { // Parameters gives string arrays typed
					items := make([]jen.Code, len(ss))
					for i, s := range ss {
						items[i] = jen.Lit(s)
					}
					lit, err = jen.Index().String().Values(items...), nil
				}
			}
			if err == nil {
				defaults = append(defaults, jen.If(field.Clone().Op("==").Nil()).Block(field.Clone().Op("=").Add(lit)))
			}
		}
	}
	f.Comment("ValidateRequired validates required parameters are set.")
	f.Func().Params(jen.Id("p").Id("EndpointParameters")).Id("ValidateRequired").Params().Error().Block(
		append(validate, jen.Return(jen.Nil()))...,
	)
	f.Line()
	f.Comment("WithDefaults returns a shallow copy of EndpointParameters with default values")
	f.Comment("applied to members where applicable.")
	f.Func().Params(jen.Id("p").Id("EndpointParameters")).Id("WithDefaults").Params().Id("EndpointParameters").Block(
		append(defaults, jen.Return(jen.Id("p")))...,
	)
	f.Line()
}

// legacyEndpoints emits aws-sdk-go-v2's deprecated v1 endpoint API:
// EndpointResolver, EndpointResolverFunc, EndpointResolverFromURL,
// NewDefaultEndpointResolver and the ResolveEndpoint middleware. The
// runtime does the work.
func (g *gen) legacyEndpoints(f *jen.File) {
	region, options := jen.Id("region").String(), jen.Id("options").Id("EndpointResolverOptions")
	result := jen.Params(jen.Qual(pkgAWS, "Endpoint"), jen.Error())
	const deprecated = "//lint:ignore SA1019 aws-sdk-go-v2's deprecated v1 endpoint API, kept for the programs that use it"
	f.Comment("EndpointResolver interface for resolving service endpoints.")
	f.Comment("")
	f.Comment("Deprecated: use BaseEndpoint or EndpointResolverV2; a client with an")
	f.Comment("EndpointResolver sends every request where it says.")
	f.Type().Id("EndpointResolver").Interface(
		jen.Comment(deprecated),
		jen.Id("ResolveEndpoint").Params(region.Clone(), options.Clone()).Add(result.Clone()),
	)
	f.Line()
	f.Comment("EndpointResolverFunc is a helper utility that wraps a function so it satisfies")
	f.Comment("the EndpointResolver interface. This is useful when you want to add additional")
	f.Comment("endpoint resolving logic, or stub out specific endpoints with custom values.")
	f.Comment(deprecated)
	f.Type().Id("EndpointResolverFunc").Func().Params(region.Clone(), options.Clone()).Add(result.Clone())
	f.Line()
	f.Comment("ResolveEndpoint calls fn.")
	f.Comment(deprecated)
	f.Func().Params(jen.Id("fn").Id("EndpointResolverFunc")).Id("ResolveEndpoint").Params(region.Clone(), options.Clone()).
		Params(jen.Id("endpoint").Qual(pkgAWS, "Endpoint"), jen.Err().Error()).Block(
		jen.Return(jen.Id("fn").Call(jen.Id("region"), jen.Id("options"))),
	)
	f.Line()
	f.Comment("EndpointResolverFromURL returns an EndpointResolver configured using the")
	f.Comment("provided endpoint url. By default, the resolved endpoint resolver uses the")
	f.Comment("client region as signing region, and the endpoint source is set to")
	f.Comment("EndpointSourceCustom. You can provide functional options to configure endpoint")
	f.Comment("values for the resolved endpoint.")
	f.Comment(deprecated)
	f.Func().Id("EndpointResolverFromURL").Params(jen.Id("url").String(), jen.Id("optFns").Op("...").Func().Params(jen.Op("*").Qual(pkgAWS, "Endpoint"))).Id("EndpointResolver").Block(
		jen.Return(jen.Id("EndpointResolverFunc").Call(jen.Qual(g.rt("client"), "EndpointFromURL").Call(jen.Id("url"), jen.Id("optFns").Op("...")))),
	)
	f.Line()
	params := jen.Dict{}
	for _, p := range g.endpointParams() {
		switch p.BuiltIn {
		case "AWS::Region":
			params[jen.Id(p.GoName)] = jen.Op("&").Id("region")
		case "AWS::UseFIPS":
			params[jen.Id(p.GoName)] = jen.Op("&").Id("fips")
		case "AWS::UseDualStack":
			params[jen.Id(p.GoName)] = jen.Op("&").Id("dualStack")
		}
	}
	f.Comment("NewDefaultEndpointResolver constructs a new service endpoint resolver: the")
	f.Comment("service's endpoint rules for a region and the options' FIPS and dual-stack")
	f.Comment("settings.")
	f.Func().Id("NewDefaultEndpointResolver").Params().Op("*").Qual(g.rt("client"), "DefaultV1Resolver").Block(
		jen.Return(jen.Qual(g.rt("client"), "NewDefaultV1Resolver").Call(
			jen.Func().Params(jen.Id("ctx").Qual("context", "Context"), jen.Id("region").String(), jen.List(jen.Id("fips"), jen.Id("dualStack")).Bool()).
				Params(jen.Qual(pkgSmithyEndpoints, "Endpoint"), jen.Error()).Block(
				jen.Return(jen.Id("NewDefaultEndpointResolverV2").Call().Dot("ResolveEndpoint").Call(jen.Id("ctx"), jen.Id("EndpointParameters").Values(params))),
			),
		)),
	)
	f.Line()
	f.Comment("ResolveEndpoint is the middleware of the deprecated EndpointResolver: when")
	f.Comment("the client has one, the request goes where it says, signed with its signing")
	f.Comment("name and region; an aws.EndpointNotFoundError falls back to the endpoint rules.")
	f.Type().Id("ResolveEndpoint").Struct(
		jen.Id("Resolver").Id("EndpointResolver"),
		jen.Id("Options").Id("EndpointResolverOptions"),
	)
	f.Line()
	f.Comment("ID identifies the middleware in the stack.")
	f.Func().Params(jen.Op("*").Id("ResolveEndpoint")).Id("ID").Params().String().Block(jen.Return(jen.Lit("ResolveEndpoint")))
	f.Line()
	f.Comment("legacyEndpoint is the call's ResolveEndpoint middleware; nil without an")
	f.Comment("EndpointResolver.")
	f.Func().Params(jen.Id("o").Op("*").Id("Options")).Id("legacyEndpoint").Params().Qual(pkgMiddleware, "SerializeMiddleware").Block(
		jen.If(jen.Id("o").Dot("EndpointResolver").Op("==").Nil()).Block(jen.Return(jen.Nil())),
		jen.Return(jen.Op("&").Id("ResolveEndpoint").Values(jen.Dict{
			jen.Id("Resolver"): jen.Id("o").Dot("EndpointResolver"),
			jen.Id("Options"):  jen.Qual(g.rt("client"), "CallEndpointOptions").Call(jen.Id("o").Dot("EndpointOptions"), jen.Id("o").Dot("Region"), jen.Id("o").Dot("ClientLogMode")),
		})),
	)
	f.Line()
	f.Comment("HandleSerialize sets the request's endpoint when the call uses Resolver.")
	f.Func().Params(jen.Id("m").Op("*").Id("ResolveEndpoint")).Id("HandleSerialize").Params(
		jen.Id("ctx").Qual("context", "Context"), jen.Id("in").Qual(pkgMiddleware, "SerializeInput"), jen.Id("next").Qual(pkgMiddleware, "SerializeHandler"),
	).Params(
		jen.Id("out").Qual(pkgMiddleware, "SerializeOutput"), jen.Id("metadata").Qual(pkgMiddleware, "Metadata"), jen.Err().Error(),
	).Block(
		jen.Return(jen.Qual(g.rt("client"), "ResolveLegacyEndpoint").Call(
			jen.Id("ctx"), jen.Id("in"), jen.Id("next"), jen.Id("m").Dot("Resolver"), jen.Id("m").Dot("Options"), jen.Id("service").Dot("SigningName"))),
	)
	f.Line()
}

// endpointTestsFile emits the model's smithy.rules#endpointTests as a Go
// test of the default resolver.
func (g *gen) endpointTestsFile() (*jen.File, error) {
	r := g.pkg.Service.Endpoints
	byName := map[string]*goview.EndpointParam{}
	for _, p := range r.Params {
		byName[p.Name] = p
	}
	var cases []jen.Code
	for i, c := range r.Tests {
		dict := jen.Dict{}
		for _, k := range sortedKeys(c.Params) {
			p, ok := byName[k]
			if !ok {
				return nil, fmt.Errorf("endpoint test %d: unknown parameter %q", i, k)
			}
			var v any
			if err := json.Unmarshal(c.Params[k], &v); err != nil {
				return nil, fmt.Errorf("endpoint test %d: parameter %s: %w", i, k, err)
			}
			lit, err := endpointParamLiteral(p, v)
			if err != nil {
				return nil, fmt.Errorf("endpoint test %d: parameter %s: %w", i, k, err)
			}
			dict[jen.Id(p.GoName)] = lit
		}
		want := jen.Dict{jen.Id("name"): jen.Lit(fmt.Sprintf("%02d %s", i, c.Documentation)), jen.Id("params"): jen.Id("EndpointParameters").Values(dict)}
		switch {
		case c.Expect.Error != nil:
			want[jen.Id("err")] = jen.Lit(*c.Expect.Error)
		case c.Expect.Endpoint != nil:
			want[jen.Id("url")] = jen.Lit(c.Expect.Endpoint.URL)
			if len(c.Expect.Endpoint.Headers) > 0 {
				hd := jen.Dict{}
				for k, v := range c.Expect.Endpoint.Headers {
					var items []jen.Code
					for _, s := range v {
						items = append(items, jen.Lit(s))
					}
					hd[jen.Lit(k)] = jen.Index().String().Values(items...)
				}
				want[jen.Id("headers")] = jen.Qual("net/http", "Header").Values(hd)
			}
		default:
			return nil, fmt.Errorf("endpoint test %d expects neither an endpoint nor an error", i)
		}
		cases = append(cases, jen.Values(want))
	}
	f := jen.NewFilePathName(g.pkg.ImportPath, g.pkg.Name)
	g.setup(f)
	f.Comment("TestEndpointRules runs the model's smithy.rules#endpointTests against the")
	f.Comment("default resolver.")
	f.Func().Id("TestEndpointRules").Params(jen.Id("t").Op("*").Qual("testing", "T")).Block(
		jen.Id("cases").Op(":=").Index().Struct(
			jen.Id("name").String(),
			jen.Id("params").Id("EndpointParameters"),
			jen.List(jen.Id("url"), jen.Id("err")).String(),
			jen.Id("headers").Qual("net/http", "Header"),
		).Values(cases...),
		jen.For(jen.List(jen.Id("_"), jen.Id("c")).Op(":=").Range().Id("cases")).Block(
			jen.Id("t").Dot("Run").Call(jen.Id("c").Dot("name"), jen.Func().Params(jen.Id("t").Op("*").Qual("testing", "T")).Block(
				jen.List(jen.Id("ep"), jen.Err()).Op(":=").Id("NewDefaultEndpointResolverV2").Call().Dot("ResolveEndpoint").Call(jen.Qual("context", "Background").Call(), jen.Id("c").Dot("params")),
				jen.If(jen.Id("c").Dot("err").Op("!=").Lit("")).Block(
					jen.If(jen.Err().Op("==").Nil().Op("||").Err().Dot("Error").Call().Op("!=").Id("c").Dot("err")).Block(
						jen.Id("t").Dot("Fatalf").Call(jen.Lit("want error %q, got %v (endpoint %v)"), jen.Id("c").Dot("err"), jen.Err(), jen.Id("ep").Dot("URI").Dot("String").Call()),
					),
					jen.Return(),
				),
				jen.If(jen.Err().Op("!=").Nil()).Block(jen.Id("t").Dot("Fatal").Call(jen.Err())),
				jen.If(jen.Id("got").Op(":=").Id("ep").Dot("URI").Dot("String").Call(), jen.Id("got").Op("!=").Id("c").Dot("url")).Block(
					jen.Id("t").Dot("Errorf").Call(jen.Lit("URL = %s, want %s"), jen.Id("got"), jen.Id("c").Dot("url")),
				),
				jen.For(jen.List(jen.Id("k"), jen.Id("v")).Op(":=").Range().Id("c").Dot("headers")).Block(
					jen.If(jen.Id("got").Op(":=").Id("ep").Dot("Headers").Dot("Values").Call(jen.Id("k")), jen.Qual("fmt", "Sprint").Call(jen.Id("got")).Op("!=").Qual("fmt", "Sprint").Call(jen.Id("v"))).Block(
						jen.Id("t").Dot("Errorf").Call(jen.Lit("header %s = %v, want %v"), jen.Id("k"), jen.Id("got"), jen.Id("v")),
					),
				),
			)),
		),
	)
	return f, nil
}

func endpointParamLiteral(p *goview.EndpointParam, v any) (jen.Code, error) {
	switch p.Type {
	case "Boolean":
		b, ok := v.(bool)
		if !ok {
			return nil, fmt.Errorf("want a boolean, got %v", v)
		}
		return jen.Qual(pkgAWS, "Bool").Call(jen.Lit(b)), nil
	case "StringArray":
		items, ok := v.([]any)
		if !ok {
			return nil, fmt.Errorf("want an array, got %v", v)
		}
		var lits []jen.Code
		for _, it := range items {
			s, ok := it.(string)
			if !ok {
				return nil, fmt.Errorf("want strings, got %v", it)
			}
			lits = append(lits, jen.Lit(s))
		}
		return jen.Index().String().Values(lits...), nil
	}
	s, ok := v.(string)
	if !ok {
		return nil, fmt.Errorf("want a string, got %v", v)
	}
	return jen.Qual(pkgAWS, "String").Call(jen.Lit(s)), nil
}

// hasBuiltIn reports whether the rule set reads a built-in parameter.
func (g *gen) hasBuiltIn(name string) bool {
	for _, p := range g.endpointParams() {
		if p.BuiltIn == name {
			return true
		}
	}
	return false
}

func (g *gen) hasEndpointBindings() bool {
	for _, op := range g.pkg.Operations {
		if len(op.EndpointBindings) > 0 {
			return true
		}
	}
	return false
}

// resolveEndpointFunc is a call's endpoint resolution: the options'
// parameters, then the input's, then the credentials' account ID, given
// to the resolver.
func (g *gen) resolveEndpointFunc() jen.Code {
	body := []jen.Code{jen.Id("p").Op(":=").Id("endpointParams")}
	if g.hasEndpointBindings() {
		body = append(body, jen.If(jen.List(jen.Id("b"), jen.Id("ok")).Op(":=").Id("input").Assert(jen.Id("endpointParamsBinder")), jen.Id("ok")).Block(
			jen.Id("b").Dot("bindEndpointParams").Call(jen.Op("&").Id("p")),
		))
	}
	for _, p := range g.endpointParams() {
		if p.BuiltIn == "AWS::Auth::AccountId" {
			body = append(body,
				jen.List(jen.Id("account"), jen.Err()).Op(":=").Qual(g.rt("client"), "AccountID").Call(jen.Id("ctx"), jen.Id("options").Dot("Credentials"), jen.Id("options").Dot("AccountIDEndpointMode")),
				jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Qual(pkgSmithyEndpoints, "Endpoint").Values(), jen.Err())),
				jen.Id("p").Dot(p.GoName).Op("=").Id("account"),
			)
		}
	}
	body = append(body,
		jen.If(jen.Id("resolver").Op("==").Nil()).Block(jen.Return(jen.Id("NewDefaultEndpointResolverV2").Call().Dot("ResolveEndpoint").Call(jen.Id("ctx"), jen.Id("p")))),
		jen.Return(jen.Id("resolver").Dot("ResolveEndpoint").Call(jen.Id("ctx"), jen.Id("p"))),
	)
	input := jen.Id("_")
	if g.hasEndpointBindings() {
		input = jen.Id("input")
	}
	return jen.Func().Params(jen.Id("ctx").Qual("context", "Context"), input.Any()).Params(jen.Qual(pkgSmithyEndpoints, "Endpoint"), jen.Error()).Block(body...)
}

// endpointBinder emits an input's bindEndpointParams: the operation's
// static, member and path bindings of endpoint parameters.
func (g *gen) endpointBinder(f *jen.File, op *goview.Operation) {
	if len(op.EndpointBindings) == 0 {
		return
	}
	var body []jen.Code
	for _, b := range op.EndpointBindings {
		param := jen.Id("p").Dot(b.Param.GoName)
		switch {
		case b.Static != nil:
			if v, ok := b.Static.(bool); ok {
				body = append(body, param.Op("=").Qual(pkgAWS, "Bool").Call(jen.Lit(v)))
			} else {
				body = append(body, param.Op("=").Qual(pkgAWS, "String").Call(jen.Lit(b.Static)))
			}
		case b.Field != nil:
			body = append(body, param.Op("=").Id("v").Dot(b.Field.GoName))
		default:
			body = append(body, g.endpointPathValue(b.Path, param)...)
		}
	}
	f.Line()
	f.Func().Params(jen.Id("v").Op("*").Id(op.Input.Name)).Id("bindEndpointParams").Params(jen.Id("p").Op("*").Id("EndpointParameters")).Block(body...)
}

// endpointPathValue renders an operationContextParams path: the string it
// reaches, the strings of its projection, or a map's sorted keys; an unset
// member on the way leaves the parameter unset.
func (g *gen) endpointPathValue(path *goview.EndpointPath, param *jen.Statement) []jen.Code {
	if path.Keys {
		m := jen.Id("v")
		var guards []jen.Code
		for _, s := range path.Steps[:len(path.Steps)-1] {
			m = m.Clone().Dot(s.GoName)
			guards = append(guards, m.Clone().Op("!=").Nil())
		}
		m = m.Clone().Dot(path.Steps[len(path.Steps)-1].GoName)
		set := jen.If(m.Clone().Op("!=").Nil()).Block(param.Clone().Op("=").Qual(g.rt("client"), "SortedKeys").Call(m.Clone()))
		return []jen.Code{guarded(guards, set)}
	}
	if path.Project < 0 {
		value := jen.Id("v")
		var guards []jen.Code
		for _, s := range path.Steps {
			value = value.Clone().Dot(s.GoName)
			guards = append(guards, value.Clone().Op("!=").Nil())
		}
		return []jen.Code{guarded(guards, param.Clone().Op("=").Add(value))}
	}
	list := jen.Id("v")
	var guards []jen.Code
	for _, s := range path.Steps[:path.Project+1] {
		list = list.Clone().Dot(s.GoName)
		if s != path.Steps[path.Project] {
			guards = append(guards, list.Clone().Op("!=").Nil())
		}
	}
	elem := jen.Id("e")
	var inner []jen.Code
	for _, s := range path.Steps[path.Project+1:] {
		elem = elem.Clone().Dot(s.GoName)
		inner = append(inner, elem.Clone().Op("!=").Nil())
	}
	appendValue := jen.Id("values").Op("=").Append(jen.Id("values"), jen.Op("*").Add(elem))
	loop := jen.For(jen.List(jen.Id("_"), jen.Id("e")).Op(":=").Range().Add(list)).Block(guarded(inner, appendValue))
	return []jen.Code{guarded(guards, jen.Block(
		jen.Var().Id("values").Index().String(),
		loop,
		param.Clone().Op("=").Id("values"),
	))}
}

// guarded wraps stmt in one if over every guard (all must hold).
func guarded(guards []jen.Code, stmt jen.Code) jen.Code {
	if len(guards) == 0 {
		return stmt
	}
	cond := jen.Add(guards[0])
	for _, g := range guards[1:] {
		cond = cond.Op("&&").Add(g)
	}
	return jen.If(cond).Block(stmt)
}
