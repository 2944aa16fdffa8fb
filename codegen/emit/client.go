package emit

import (
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/gosmith/gosmith/codegen/goview"
)

// optionField is one field of the generated Options, in aws-sdk-go-v2's
// order and with its meaning. Each field is declared here once: where
// NewFromConfig takes it from and which runtime Config field carries it on
// a call are part of its declaration.
type optionField struct {
	name string
	typ  jen.Code
	doc  []string
	// fromConfig is NewFromConfig's value for the field, given the
	// aws.Config as cfg; nil when NewFromConfig leaves it to New.
	fromConfig func(cfg *jen.Statement) jen.Code
	// perCall names the field of the runtime's client.Config that carries
	// the option into a call; "" when the call needs it only through
	// another (endpoint options reach the resolver, for instance).
	perCall string
	// callValue is the value perCall gets, given the call's options; nil
	// means the field itself.
	callValue func(opt func(string) *jen.Statement) jen.Code
}

// fromConfigField copies the aws.Config field of the same name.
func fromConfigField(name string) func(*jen.Statement) jen.Code {
	return func(cfg *jen.Statement) jen.Code { return cfg.Dot(name) }
}

func (g *gen) optionFields() []optionField {
	rt := func(name string) *jen.Statement { return jen.Qual(g.rt("client"), name) }
	fields := []optionField{
		{name: "APIOptions", typ: jen.Index().Func().Params(jen.Op("*").Qual(pkgMiddleware, "Stack")).Error(), doc: []string{
			"Set of options to modify how an operation is invoked. These apply to all",
			"operations invoked for this client. Use functional options on operation call to",
			"modify this list for per operation behavior.",
		}, fromConfig: fromConfigField("APIOptions"), perCall: "APIOptions"},
	}
	if g.hasBuiltIn("AWS::Auth::AccountIdEndpointMode") {
		fields = append(fields, optionField{name: "AccountIDEndpointMode", typ: jen.Qual(pkgAWS, "AccountIDEndpointMode"), doc: []string{
			"Indicates how aws account ID is applied in endpoint2.0 routing: preferred",
			"(the default), required or disabled.",
		}, fromConfig: fromConfigField("AccountIDEndpointMode")})
	}
	fields = append(fields, []optionField{
		{name: "AppID", typ: jen.String(), doc: []string{
			"The optional application specific identifier appended to the User-Agent header.",
		}, fromConfig: fromConfigField("AppID"), perCall: "AppID"},
		{name: "BaseEndpoint", typ: jen.Op("*").String(), doc: []string{
			"BaseEndpoint, when set, replaces the regional endpoint: an absolute http or",
			"https URL such as a VPC endpoint or a local test server.",
		}, fromConfig: func(cfg *jen.Statement) jen.Code {
			return rt("ResolveBaseEndpoint").Call(cfg, jen.Id("ServiceID"))
		}},
		{name: "ClientLogMode", typ: jen.Qual(pkgAWS, "ClientLogMode"), doc: []string{
			"Configures the events that will be sent to the configured logger.",
			"Authorization and X-Amz-Security-Token headers are always redacted.",
		}, fromConfig: fromConfigField("ClientLogMode"), perCall: "ClientLogMode"},
		{name: "Credentials", typ: jen.Qual(pkgAWS, "CredentialsProvider"), doc: []string{
			"The credentials object to use when signing requests. Nil, or",
			"aws.AnonymousCredentials, sends requests unsigned.",
		}, fromConfig: fromConfigField("Credentials"), perCall: "Credentials"},
		{name: "DefaultsMode", typ: jen.Qual(pkgAWS, "DefaultsMode"), doc: []string{
			"The configuration DefaultsMode that the SDK should use when constructing the",
			"clients initial default settings: the retry mode and the connect and TLS",
			"handshake timeouts of aws-sdk-go-v2's defaults package.",
		}, fromConfig: fromConfigField("DefaultsMode")},
	}...)
	if g.hasRequestCompression() {
		fields = append(fields, []optionField{
			{name: "DisableRequestCompression", typ: jen.Bool(), doc: []string{
				"Whether to disable automatic request compression for supported operations.",
			}, fromConfig: fromConfigField("DisableRequestCompression"), perCall: "DisableRequestCompression"},
		}...)
	}
	fields = append(fields, g.customizationOptions()...)
	fields = append(fields, g.endpointDiscoveryOption()...)
	fields = append(fields, []optionField{
		{name: "EndpointOptions", typ: jen.Id("EndpointResolverOptions"), doc: []string{
			"The endpoint options to be used when attempting to resolve an endpoint: FIPS,",
			"dual-stack, DisableHTTPS.",
		}, fromConfig: func(cfg *jen.Statement) jen.Code { return rt("EndpointOptionsFrom").Call(cfg) }, perCall: "DisableHTTPS",
			callValue: func(opt func(string) *jen.Statement) jen.Code { return opt("EndpointOptions").Dot("DisableHTTPS") }},
		{name: "EndpointResolver", typ: jen.Id("EndpointResolver"), doc: []string{
			"The service endpoint resolver.",
			"",
			"Deprecated: Deprecated: EndpointResolver and WithEndpointResolver. Providing a",
			"value for this field will likely prevent you from using any endpoint-related",
			"service features released after the introduction of EndpointResolverV2 and",
			"BaseEndpoint.",
			"",
			"To migrate an EndpointResolver implementation that uses a custom endpoint, set",
			"the client option BaseEndpoint instead.",
		}, fromConfig: func(cfg *jen.Statement) jen.Code { return rt("ConfigEndpointResolver").Call(cfg, jen.Id("ServiceID")) }},
		{name: "EndpointResolverV2", typ: jen.Id("EndpointResolverV2"), doc: []string{
			"Resolves the endpoint used for a particular service operation. Defaults to",
			"the service's endpoint rules (NewDefaultEndpointResolverV2).",
		}},
		{name: "HTTPSignerV4", typ: jen.Id("HTTPSignerV4"), doc: []string{
			"Signature Version 4 (SigV4) Signer. Defaults to the aws-sdk-go-v2 signer.",
		}, perCall: "Signer"},
	}...)
	if g.hasIdempotencyTokens() {
		fields = append(fields, optionField{name: "IdempotencyTokenProvider", typ: jen.Id("IdempotencyTokenProvider"), doc: []string{
			"Provides idempotency tokens values that will be automatically populated into",
			"idempotent API operations.",
		}, perCall: "IdempotencyTokenProvider"})
	}
	fields = append(fields, []optionField{
		{name: "Logger", typ: jen.Qual(pkgLogging, "Logger"), doc: []string{
			"The logger writer interface to write logging messages to.",
		}, fromConfig: fromConfigField("Logger"), perCall: "Logger"},
		{name: "MeterProvider", typ: jen.Qual(pkgMetrics, "MeterProvider"), doc: []string{
			"The client meter provider: it gets aws-sdk-go-v2's operation metrics",
			"(client.call.duration, ...).",
		}, perCall: "MeterProvider"},
		{name: "Region", typ: jen.String(), doc: []string{
			"The region to send requests to. (Required)",
		}, fromConfig: fromConfigField("Region"), perCall: "Region"},
	}...)
	if g.hasRequestCompression() {
		fields = append(fields, optionField{name: "RequestMinCompressSizeBytes", typ: jen.Int64(), doc: []string{
			"The minimum request body size, in bytes, at which compression is applied.",
			"0 means the default of 10240 bytes.",
		}, fromConfig: fromConfigField("RequestMinCompressSizeBytes"), perCall: "RequestMinCompressSizeBytes"})
	}
	fields = append(fields, []optionField{
		{name: "RetryMaxAttempts", typ: jen.Int(), doc: []string{
			"RetryMaxAttempts specifies the maximum number attempts an API client will call",
			"an operation that fails with a retryable error. A value of 0 is ignored, and",
			"will not be used to configure the API client created default retryer, or modify",
			"per operation call's retry max attempts.",
		}, fromConfig: fromConfigField("RetryMaxAttempts")},
		{name: "RetryMode", typ: jen.Qual(pkgAWS, "RetryMode"), doc: []string{
			"RetryMode specifies the retry mode the API client will be created with, if",
			"Retryer option is not also specified.",
		}, fromConfig: fromConfigField("RetryMode")},
		{name: "Retryer", typ: jen.Qual(pkgAWS, "Retryer"), doc: []string{
			"Retryer guides how HTTP requests should be retried in case of recoverable",
			"failures. When nil the API client will use a default retryer: standard mode,",
			"3 attempts.",
		}, fromConfig: func(cfg *jen.Statement) jen.Code { return rt("ConfigRetryer").Call(cfg) }, perCall: "Retryer"},
		{name: "RuntimeEnvironment", typ: jen.Qual(pkgAWS, "RuntimeEnvironment"), doc: []string{
			"The RuntimeEnvironment configuration, only populated if the DefaultsMode is set",
			"to DefaultsModeAuto and is initialized using config.LoadDefaultConfig. You",
			"should not populate this structure programmatically, or rely on the values here",
			"within your applications.",
		}, fromConfig: fromConfigField("RuntimeEnvironment")},
		{name: "TracerProvider", typ: jen.Qual(pkgTracing, "TracerProvider"), doc: []string{
			"The client tracer provider: a span per call, as in aws-sdk-go-v2.",
		}, perCall: "TracerProvider"},
		{name: "resolvedDefaultsMode", typ: jen.Qual(pkgAWS, "DefaultsMode"), doc: []string{
			"The initial DefaultsMode used when the client options were constructed. If the",
			"DefaultsMode was set to aws.DefaultsModeAuto this will store what the resolved",
			"value was at that point in time.",
		}},
		{name: "HTTPClient", typ: jen.Id("HTTPClient"), doc: []string{
			"The HTTP client to invoke API calls with. Defaults to client's default HTTP",
			"implementation if nil.",
		}, fromConfig: fromConfigField("HTTPClient"), perCall: "HTTPClient"},
		{name: "Interceptors", typ: jen.Qual(pkgSmithyHTTP, "InterceptorRegistry"), doc: []string{
			"Client registry of operation interceptors.",
		}, fromConfig: func(cfg *jen.Statement) jen.Code { return cfg.Dot("Interceptors").Dot("Copy").Call() }, perCall: "Interceptors",
			callValue: func(opt func(string) *jen.Statement) jen.Code { return jen.Op("&").Add(opt("Interceptors")) }},
		{name: "AuthSchemeResolver", typ: jen.Id("AuthSchemeResolver"), doc: []string{
			"The auth scheme resolver which determines how to authenticate for each",
			"operation.",
		}, perCall: "AuthSchemeResolver", callValue: func(opt func(string) *jen.Statement) jen.Code {
			return jen.Id("options").Dot("authSchemeResolver").Call()
		}},
		{name: "AuthSchemes", typ: jen.Index().Qual(pkgSmithyHTTP, "AuthScheme"), doc: []string{
			"The list of auth schemes supported by the client.",
		}, perCall: "AuthSchemes"},
		{name: "AuthSchemePreference", typ: jen.Index().String(), doc: []string{
			"Priority list of preferred auth scheme names (e.g. sigv4a).",
		}, fromConfig: fromConfigField("AuthSchemePreference"), perCall: "AuthSchemePreference"},
	}...)
	for _, c := range g.pkg.Service.ClientContextParams {
		typ := jen.String()
		if c.Param.Type == "Boolean" {
			typ = jen.Bool()
		}
		doc := goview.DocLines(c.Doc)
		if len(doc) == 0 {
			doc = []string{c.GoName + " sets the " + c.Param.Name + " endpoint parameter of every call."}
		}
		fields = append(fields, optionField{name: c.GoName, typ: typ, doc: doc})
	}
	return fields
}

// hasRequestCompression reports whether some operation may compress its
// request: only then does Options get the compression options, as in v2.
func (g *gen) hasRequestCompression() bool {
	for _, op := range g.pkg.Operations {
		if len(op.Compress) > 0 {
			return true
		}
	}
	return false
}

func (g *gen) docFile() *jen.File {
	f := jen.NewFilePathName(g.pkg.ImportPath, g.pkg.Name)
	f.HeaderComment(Header)
	svc := g.pkg.Service
	f.PackageComment("Package " + g.pkg.Name + " provides the API client, operations, and parameter types for")
	f.PackageComment(g.title() + ".")
	if lines := goview.DocLines(svc.Doc); len(lines) > 0 {
		f.PackageComment("")
		for _, l := range lines {
			f.PackageComment(l)
		}
	}
	return f
}

func (g *gen) clientFile() *jen.File {
	f := g.newFile()
	svc := g.pkg.Service
	f.Const().Defs(
		jen.Comment("ServiceID is the SDK ID of the service."),
		jen.Id("ServiceID").Op("=").Lit(svc.SdkID),
		jen.Comment("ServiceAPIVersion is the API version of the service."),
		jen.Id("ServiceAPIVersion").Op("=").Lit(svc.APIVersion),
	)
	f.Line()
	f.Comment("service is what every operation of " + svc.SdkID + " shares on the wire.")
	neutral := jen.Dict{
		jen.Id("ID"):             jen.Id("ServiceID"),
		jen.Id("SigningName"):    jen.Lit(svc.SigningName),
		jen.Id("EndpointPrefix"): jen.Lit(svc.EndpointPrefix),
		jen.Id("APIName"):        jen.Lit(strings.ToLower(strings.ReplaceAll(svc.SdkID, " ", ""))),
		jen.Id("APIVersion"):     jen.Id("ServiceAPIVersion"),
		jen.Id("ImportPath"):     jen.Lit(g.pkg.ImportPath),
		jen.Id("Redact"): jen.Qual(g.rt("jsonbody"), "Redactor").CallFunc(func(gr *jen.Group) {
			for _, k := range g.pkg.SensitiveKeys {
				gr.Lit(k)
			}
		}),
	}
	f.Var().Id("service").Op("=").Add(g.proto.serviceValue(g, neutral))
	f.Line()

	f.Comment("HTTPSignerV4 signs a request with Signature Version 4.")
	f.Type().Id("HTTPSignerV4").Interface(
		jen.Id("SignHTTP").Params(
			jen.Id("ctx").Qual("context", "Context"), jen.Id("credentials").Qual(pkgAWS, "Credentials"), jen.Id("r").Op("*").Qual("net/http", "Request"),
			jen.List(jen.Id("payloadHash"), jen.Id("service"), jen.Id("region")).String(), jen.Id("signingTime").Qual("time", "Time"),
			jen.Id("optFns").Op("...").Func().Params(jen.Op("*").Qual(pkgV4, "SignerOptions")),
		).Error(),
	)
	f.Line()

	if g.hasIdempotencyTokens() {
		f.Comment("IdempotencyTokenProvider makes the tokens of idempotency token members the")
		f.Comment("caller leaves unset; the default makes random UUIDs.")
		f.Type().Id("IdempotencyTokenProvider").Interface(
			jen.Id("GetIdempotencyToken").Params().Params(jen.String(), jen.Error()),
		)
		f.Line()
	}

	f.Comment("HTTPClient sends an HTTP request and returns its response.")
	f.Type().Id("HTTPClient").Interface(
		jen.Id("Do").Params(jen.Op("*").Qual("net/http", "Request")).Params(jen.Op("*").Qual("net/http", "Response"), jen.Error()),
	)
	f.Line()

	var fields []jen.Code
	for i, o := range g.optionFields() {
		if i > 0 {
			fields = append(fields, jen.Line())
		}
		for _, l := range o.doc {
			fields = append(fields, jen.Comment(l))
		}
		fields = append(fields, jen.Id(o.name).Add(o.typ))
	}
	f.Comment("Options configures a Client. The zero value works: it resolves credentials")
	f.Comment("from nothing (requests go unsigned), retries in standard mode and uses the")
	f.Comment("default HTTP client.")
	f.Type().Id("Options").Struct(fields...)
	f.Line()

	f.Comment("Copy creates a clone where the APIOptions list and the interceptors are")
	f.Comment("deep copied.")
	f.Func().Params(jen.Id("o").Id("Options")).Id("Copy").Params().Id("Options").Block(
		jen.Id("to").Op(":=").Id("o"),
		jen.Id("to").Dot("APIOptions").Op("=").Append(
			jen.Index().Func().Params(jen.Op("*").Qual(pkgMiddleware, "Stack")).Error().Parens(jen.Nil()),
			jen.Id("o").Dot("APIOptions").Op("..."),
		),
		jen.Id("to").Dot("Interceptors").Op("=").Id("o").Dot("Interceptors").Dot("Copy").Call(),
		jen.Return(jen.Id("to")),
	)
	f.Line()

	f.Comment("Client provides the API client to make operations call for " + g.title() + ".")
	f.Comment("It is safe for concurrent use.")
	clientFields := []jen.Code{
		jen.Id("options").Id("Options"),
		jen.Line(), jen.Comment("shared is the settings of every call made without optFns, resolved once."),
		jen.Id("shared").Op("*").Qual(g.rt("client"), "Config"),
	}
	if _, ok := g.discovery(); ok {
		clientFields = append(clientFields, jen.Line(), jen.Comment("endpointCache holds the endpoints discovered for this client."),
			jen.Id("endpointCache").Op("*").Qual(g.rt("client"), "EndpointCache"))
	}
	f.Type().Id("Client").Struct(clientFields...)
	f.Line()

	f.Comment("New returns an initialized Client based on the functional options. Provide")
	f.Comment("additional functional options to further configure the behavior of the client,")
	f.Comment("such as changing the client's endpoint or adding custom middleware behavior.")
	opt := func(name string) *jen.Statement { return jen.Id("options").Dot(name) }
	rt := func(name string) *jen.Statement { return jen.Qual(g.rt("client"), name) }
	ifNil := func(name string, value jen.Code) jen.Code {
		return jen.If(opt(name).Op("==").Nil()).Block(opt(name).Op("=").Add(value))
	}
	f.Func().Id("New").Params(jen.Id("options").Id("Options"), jen.Id("optFns").Op("...").Func().Params(jen.Op("*").Id("Options"))).Op("*").Id("Client").Block(
		jen.Id("options").Op("=").Id("options").Dot("Copy").Call(),
		jen.For(jen.List(jen.Id("_"), jen.Id("fn")).Op(":=").Range().Id("optFns")).Block(jen.Id("fn").Call(jen.Op("&").Id("options"))),
		ifNil("Logger", jen.Qual(pkgLogging, "Nop").Values()),
		opt("resolvedDefaultsMode").Op("=").Add(rt("ResolveDefaultsMode")).Call(
			opt("resolvedDefaultsMode"), opt("DefaultsMode"), opt("Region"), opt("RuntimeEnvironment")),
		jen.If(opt("Retryer").Op("==").Nil()).Block(
			opt("RetryMode").Op("=").Add(rt("DefaultRetryMode")).Call(opt("RetryMode"), opt("resolvedDefaultsMode")),
		),
		opt("Retryer").Op("=").Add(rt("ResolveRetryer")).Call(opt("Retryer"), opt("RetryMode"), opt("RetryMaxAttempts")),
		opt("HTTPClient").Op("=").Add(rt("ResolveHTTPClient")).Call(opt("HTTPClient"), opt("resolvedDefaultsMode")),
		opt("Credentials").Op("=").Add(rt("ResolveCredentials")).Call(opt("Credentials")),
		ifNil("HTTPSignerV4", rt("NewSigner").Call(opt("Logger"), opt("ClientLogMode"))),
		ifNil("EndpointResolverV2", jen.Id("NewDefaultEndpointResolverV2").Call()),
		ifNil("TracerProvider", jen.Op("&").Qual(pkgTracing, "NopTracerProvider").Values()),
		ifNil("MeterProvider", jen.Qual(pkgMetrics, "NopMeterProvider").Values()),
		ifNil("AuthSchemeResolver", jen.Op("&").Id("defaultAuthSchemeResolver").Values()),
		g.defaultEndpointDiscovery(),
		ifNil("AuthSchemes", jen.Index().Qual(pkgSmithyHTTP, "AuthScheme").Values(
			rt("SigV4Scheme").Call(opt("HTTPSignerV4"), opt("Logger"), opt("ClientLogMode").Dot("IsSigning").Call()),
		)),
		jen.Id("c").Op(":=").Op("&").Id("Client").Values(jen.DictFunc(func(d jen.Dict) {
			d[jen.Id("options")] = jen.Id("options")
			if _, ok := g.discovery(); ok {
				d[jen.Id("endpointCache")] = rt("NewEndpointCache").Call(jen.Lit(10))
			}
		})),
		jen.Id("c").Dot("shared").Op("=").Id("c").Dot("resolveConfig").Call(jen.Nil()).Dot("Share").Call(),
		jen.Return(jen.Id("c")),
	)
	f.Line()

	f.Comment("NewFromConfig returns a new client from the provided config: region,")
	f.Comment("credentials, HTTP client, retryer, logger, base endpoint and API options as")
	f.Comment("config.LoadDefaultConfig resolved them. A service-specific endpoint")
	f.Comment("(AWS_ENDPOINT_URL_" + envServiceName(g.pkg.Service.SdkID) + ", or the shared config's services")
	f.Comment("section) takes precedence over the global one, as in aws-sdk-go-v2.")
	cfg := func(name string) *jen.Statement { return jen.Id("cfg").Dot(name) }
	f.Func().Id("NewFromConfig").Params(jen.Id("cfg").Qual(pkgAWS, "Config"), jen.Id("optFns").Op("...").Func().Params(jen.Op("*").Id("Options"))).Op("*").Id("Client").Block(
		jen.Id("opts").Op(":=").Id("Options").Values(jen.DictFunc(func(d jen.Dict) {
			for _, o := range g.optionFields() {
				if o.fromConfig != nil {
					d[jen.Id(o.name)] = o.fromConfig(jen.Id("cfg"))
				}
			}
		})),
		jen.Return(jen.Id("New").Call(jen.Id("opts"), jen.Func().Params(jen.Id("o").Op("*").Id("Options")).Block(
			jen.For(jen.List(jen.Id("_"), jen.Id("opt")).Op(":=").Range().Add(cfg("ServiceOptions"))).Block(
				jen.Id("opt").Call(jen.Id("ServiceID"), jen.Id("o")),
			),
			jen.For(jen.List(jen.Id("_"), jen.Id("fn")).Op(":=").Range().Id("optFns")).Block(jen.Id("fn").Call(jen.Id("o"))),
		))),
	)
	f.Line()

	f.Comment("Options returns a copy of the client configuration.")
	f.Func().Params(jen.Id("c").Op("*").Id("Client")).Id("Options").Params().Id("Options").Block(
		jen.Return(jen.Id("c").Dot("options").Dot("Copy").Call()),
	)
	f.Line()

	f.Comment("config returns one call's settings: the shared ones resolved at New, unless")
	f.Comment("optFns adjust them. It is not generic, so it is compiled once for all")
	f.Comment("operations.")
	f.Func().Params(jen.Id("c").Op("*").Id("Client")).Id("config").Params(
		jen.Id("optFns").Index().Func().Params(jen.Op("*").Id("Options")),
	).Op("*").Qual(g.rt("client"), "Config").Block(
		jen.If(jen.Len(jen.Id("optFns")).Op("==").Lit(0)).Block(jen.Return(jen.Id("c").Dot("shared"))),
		jen.Return(jen.Id("c").Dot("resolveConfig").Call(jen.Id("optFns"))),
	)
	f.Line()

	f.Comment("resolveConfig resolves the settings of calls: the client's options adjusted")
	f.Comment("by optFns. The client's options are used as they are when nothing adjusts")
	f.Comment("them (they never change after New).")
	f.Func().Params(jen.Id("c").Op("*").Id("Client")).Id("resolveConfig").Params(
		jen.Id("optFns").Index().Func().Params(jen.Op("*").Id("Options")),
	).Op("*").Qual(g.rt("client"), "Config").Block(
		jen.Id("options").Op(":=").Op("&").Id("c").Dot("options"),
		jen.If(jen.Len(jen.Id("optFns")).Op(">").Lit(0).Op("||").Add(rt("IsFIPSRegion")).Call(opt("Region"))).Block(
			jen.Id("o").Op(":=").Id("c").Dot("options").Dot("Copy").Call(),
			jen.For(jen.List(jen.Id("_"), jen.Id("fn")).Op(":=").Range().Id("optFns")).Block(jen.Id("fn").Call(jen.Op("&").Id("o"))),
			jen.If(jen.Id("o").Dot("RetryMaxAttempts").Op("!=").Id("c").Dot("options").Dot("RetryMaxAttempts")).Block(
				jen.Id("o").Dot("Retryer").Op("=").Qual(g.rt("client"), "ResolveRetryer").Call(jen.Id("o").Dot("Retryer"), jen.Id("o").Dot("RetryMode"), jen.Id("o").Dot("RetryMaxAttempts")),
			),
			jen.Id("o").Dot("EndpointOptions").Op("=").Add(rt("CallEndpointOptions")).Call(jen.Id("o").Dot("EndpointOptions"), jen.Id("o").Dot("Region"), jen.Id("o").Dot("ClientLogMode")),
			jen.Id("options").Op("=").Op("&").Id("o"),
		),
		jen.List(jen.Id("resolver"), jen.Id("endpointParams")).Op(":=").List(jen.Id("options").Dot("EndpointResolverV2"), jen.Id("options").Dot("endpointParameters").Call()),
		jen.Return(jen.Op("&").Qual(g.rt("client"), "Config").Values(jen.DictFunc(func(d jen.Dict) {
			for _, o := range g.optionFields() {
				switch {
				case o.callValue != nil:
					d[jen.Id(o.perCall)] = o.callValue(opt)
				case o.perCall != "":
					d[jen.Id(o.perCall)] = opt(o.name)
				}
			}
			d[jen.Id("ResolveEndpoint")] = g.resolveEndpointFunc()
			d[jen.Id("LegacyEndpoint")] = jen.Id("options").Dot("legacyEndpoint").Call()
			if custom := g.callCustomizations(opt); custom != nil {
				d[jen.Id("Customizations")] = custom
			}
		}))),
	)
	f.Line()
	g.endpointDiscovery(f)
	g.optionFuncs(f)
	return f
}

// optionFuncs emits aws-sdk-go-v2's functional options and
// Options.GetIdentityResolver.
func (g *gen) optionFuncs(f *jen.File) {
	optFn := jen.Func().Params(jen.Op("*").Id("Options"))
	setter := func(name, doc string, param jen.Code, body ...jen.Code) {
		for _, l := range strings.Split(doc, "\n") {
			f.Comment(l)
		}
		f.Func().Id(name).Params(param).Add(optFn.Clone()).Block(
			jen.Return(jen.Func().Params(jen.Id("o").Op("*").Id("Options")).Block(body...)),
		)
		f.Line()
	}
	setter("WithAPIOptions", "WithAPIOptions returns a functional option for setting the Client's APIOptions\noption.",
		jen.Id("optFns").Op("...").Func().Params(jen.Op("*").Qual(pkgMiddleware, "Stack")).Error(),
		jen.Id("o").Dot("APIOptions").Op("=").Append(jen.Id("o").Dot("APIOptions"), jen.Id("optFns").Op("...")))
	setter("WithEndpointResolver", "WithEndpointResolver returns a functional option for setting the Client's\nEndpointResolver option.\n\n"+
		"Deprecated: EndpointResolver and WithEndpointResolver. Providing a value for\nthis field will likely prevent you from using any endpoint-related service\n"+
		"features released after the introduction of EndpointResolverV2 and BaseEndpoint.\n\nTo migrate an EndpointResolver implementation that uses a custom endpoint, set\n"+
		"the client option BaseEndpoint instead.",
		jen.Id("v").Id("EndpointResolver"), jen.Id("o").Dot("EndpointResolver").Op("=").Id("v"))
	setter("WithEndpointResolverV2", "WithEndpointResolverV2 returns a functional option for setting the Client's\nEndpointResolverV2 option.",
		jen.Id("v").Id("EndpointResolverV2"), jen.Id("o").Dot("EndpointResolverV2").Op("=").Id("v"))
	override := func(name, what, setFunc string) {
		setter("WithSigV4Signing"+name, "WithSigV4Signing"+name+" applies an override to the authentication workflow to\n"+
			"use the given signing "+what+" for SigV4-authenticated operations.\n\n"+
			"This is an advanced setting. The value here is FINAL, taking precedence over\n"+
			"the resolved signing "+what+" from both auth scheme resolution and endpoint\nresolution.",
			jen.Id(what).String(),
			jen.Id("o").Dot("APIOptions").Op("=").Append(jen.Id("o").Dot("APIOptions"),
				jen.Qual(g.rt("client"), setFunc).Call(jen.Id(what))))
	}
	override("Name", "name", "WithSigV4SigningName")
	override("Region", "region", "WithSigV4SigningRegion")

	f.Comment("GetIdentityResolver returns the identity resolver of an auth scheme: the")
	f.Comment("credentials for SigV4 (none when requests go unsigned) and the anonymous")
	f.Comment("identity for smithy.api#noAuth.")
	f.Func().Params(jen.Id("o").Id("Options")).Id("GetIdentityResolver").Params(jen.Id("schemeID").String()).Qual(pkgSmithyAuth, "IdentityResolver").Block(
		jen.Return(jen.Qual(g.rt("client"), "IdentityResolver").Call(jen.Id("schemeID"), jen.Id("o").Dot("Credentials"))),
	)
}

// hasIdempotencyTokens reports whether some operation fills an idempotency
// token: only then does Options get IdempotencyTokenProvider, as in v2.
func (g *gen) hasIdempotencyTokens() bool {
	for _, op := range g.pkg.Operations {
		if op.IdempotencyToken != nil {
			return true
		}
	}
	return false
}

// envServiceName is the SDK ID as it appears in environment variable names.
func envServiceName(sdkID string) string {
	return strings.ReplaceAll(strings.ToUpper(sdkID), " ", "_")
}

// title is the service's human name: its @title, else its SDK ID.
func (g *gen) title() string {
	if t := g.pkg.Service.Title; t != "" {
		return t
	}
	return g.pkg.Service.SdkID
}
