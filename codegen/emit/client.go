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
}

// fromConfigField copies the aws.Config field of the same name.
func fromConfigField(name string) func(*jen.Statement) jen.Code {
	return func(cfg *jen.Statement) jen.Code { return cfg.Dot(name) }
}

func (g *gen) optionFields() []optionField {
	fields := []optionField{
		{"APIOptions", jen.Index().Func().Params(jen.Op("*").Qual(pkgMiddleware, "Stack")).Error(), []string{
			"Set of options to modify how an operation is invoked. These apply to all",
			"operations invoked for this client. Use functional options on operation call to",
			"modify this list for per operation behavior.",
		}, fromConfigField("APIOptions"), "APIOptions"},
		{"BaseEndpoint", jen.Op("*").String(), []string{
			"BaseEndpoint, when set, replaces the regional endpoint: an absolute http or",
			"https URL such as a VPC endpoint or a local test server.",
		}, func(cfg *jen.Statement) jen.Code {
			return jen.Qual(g.rt("client"), "ResolveBaseEndpoint").Call(cfg, jen.Id("ServiceID"))
		}, ""},
		{"ClientLogMode", jen.Qual(pkgAWS, "ClientLogMode"), []string{
			"Configures the events that will be sent to the configured logger.",
			"Authorization and X-Amz-Security-Token headers are always redacted.",
		}, fromConfigField("ClientLogMode"), "ClientLogMode"},
		{"DisableRequestCompression", jen.Bool(), []string{
			"Whether to disable automatic request compression for supported operations.",
		}, fromConfigField("DisableRequestCompression"), "DisableRequestCompression"},
		{"RequestMinCompressSizeBytes", jen.Int64(), []string{
			"The minimum request body size, in bytes, at which compression is applied.",
			"0 means the default of 10240 bytes.",
		}, fromConfigField("RequestMinCompressSizeBytes"), "RequestMinCompressSizeBytes"},
		{"EndpointOptions", jen.Id("EndpointResolverOptions"), []string{
			"The configuration for endpoint variants: FIPS and dual-stack.",
		}, func(cfg *jen.Statement) jen.Code { return jen.Qual(g.rt("client"), "EndpointOptionsFrom").Call(cfg) }, ""},
		{"EndpointResolverV2", jen.Id("EndpointResolverV2"), []string{
			"Resolves the endpoint used for a particular service operation. Defaults to",
			"the service's endpoint rules (NewDefaultEndpointResolverV2).",
		}, nil, ""},
		{"HTTPSignerV4", jen.Id("HTTPSignerV4"), []string{
			"Signature Version 4 (SigV4) Signer. Defaults to the aws-sdk-go-v2 signer.",
		}, nil, "Signer"},
		{"Credentials", jen.Qual(pkgAWS, "CredentialsProvider"), []string{
			"The credentials object to use when signing requests. Nil, or",
			"aws.AnonymousCredentials, sends requests unsigned.",
		}, fromConfigField("Credentials"), "Credentials"},
		{"Logger", jen.Qual(pkgLogging, "Logger"), []string{
			"The logger writer interface to write logging messages to.",
		}, fromConfigField("Logger"), "Logger"},
		{"Region", jen.String(), []string{
			"The region to send requests to. (Required)",
		}, fromConfigField("Region"), "Region"},
		{"RetryMaxAttempts", jen.Int(), []string{
			"RetryMaxAttempts specifies the maximum number attempts an API client will call",
			"an operation that fails with a retryable error. A value of 0 is ignored, and",
			"will not be used to configure the API client created default retryer, or modify",
			"per operation call's retry max attempts.",
		}, fromConfigField("RetryMaxAttempts"), ""},
		{"RetryMode", jen.Qual(pkgAWS, "RetryMode"), []string{
			"RetryMode specifies the retry mode the API client will be created with, if",
			"Retryer option is not also specified.",
		}, fromConfigField("RetryMode"), ""},
		{"Retryer", jen.Qual(pkgAWS, "Retryer"), []string{
			"Retryer guides how HTTP requests should be retried in case of recoverable",
			"failures. When nil the API client will use a default retryer: standard mode,",
			"3 attempts.",
		}, func(cfg *jen.Statement) jen.Code { return jen.Qual(g.rt("client"), "ConfigRetryer").Call(cfg) }, "Retryer"},
		{"HTTPClient", jen.Id("HTTPClient"), []string{
			"The HTTP client to invoke API calls with. Defaults to client's default HTTP",
			"implementation if nil.",
		}, fromConfigField("HTTPClient"), "HTTPClient"},
	}
	if g.hasBuiltIn("AWS::Auth::AccountIdEndpointMode") {
		fields = append(fields, optionField{"AccountIDEndpointMode", jen.Qual(pkgAWS, "AccountIDEndpointMode"), []string{
			"Indicates how aws account ID is applied in endpoint2.0 routing: preferred",
			"(the default), required or disabled.",
		}, fromConfigField("AccountIDEndpointMode"), ""})
	}
	for _, c := range g.pkg.Service.ClientContextParams {
		typ := jen.String()
		if c.Param.Type == "Boolean" {
			typ = jen.Bool()
		}
		doc := goview.DocLines(c.Doc)
		if len(doc) == 0 {
			doc = []string{c.GoName + " sets the " + c.Param.Name + " endpoint parameter of every call."}
		}
		fields = append(fields, optionField{c.GoName, typ, doc, nil, ""})
	}
	fields = append(fields, g.customizationOptions()...)
	if g.hasIdempotencyTokens() {
		fields = append(fields, optionField{"IdempotencyTokenProvider", jen.Id("IdempotencyTokenProvider"), []string{
			"Provides idempotency tokens values that will be automatically populated into",
			"idempotent API operations.",
		}, nil, "IdempotencyTokenProvider"})
	}
	return fields
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

	f.Comment("Copy creates a clone where the APIOptions list is deep copied.")
	f.Func().Params(jen.Id("o").Id("Options")).Id("Copy").Params().Id("Options").Block(
		jen.Id("to").Op(":=").Id("o"),
		jen.Id("to").Dot("APIOptions").Op("=").Append(
			jen.Index().Func().Params(jen.Op("*").Qual(pkgMiddleware, "Stack")).Error().Parens(jen.Nil()),
			jen.Id("o").Dot("APIOptions").Op("..."),
		),
		jen.Return(jen.Id("to")),
	)
	f.Line()

	f.Comment("Client provides the API client to make operations call for " + g.title() + ".")
	f.Comment("It is safe for concurrent use.")
	f.Type().Id("Client").Struct(jen.Id("options").Id("Options"))
	f.Line()

	f.Comment("New returns an initialized Client based on the functional options. Provide")
	f.Comment("additional functional options to further configure the behavior of the client,")
	f.Comment("such as changing the client's endpoint or adding custom middleware behavior.")
	f.Func().Id("New").Params(jen.Id("options").Id("Options"), jen.Id("optFns").Op("...").Func().Params(jen.Op("*").Id("Options"))).Op("*").Id("Client").Block(
		jen.Id("options").Op("=").Id("options").Dot("Copy").Call(),
		jen.For(jen.List(jen.Id("_"), jen.Id("fn")).Op(":=").Range().Id("optFns")).Block(jen.Id("fn").Call(jen.Op("&").Id("options"))),
		jen.Id("options").Dot("Retryer").Op("=").Qual(g.rt("client"), "ResolveRetryer").Call(
			jen.Id("options").Dot("Retryer"), jen.Id("options").Dot("RetryMode"), jen.Id("options").Dot("RetryMaxAttempts")),
		jen.Id("options").Dot("HTTPClient").Op("=").Qual(g.rt("client"), "ResolveHTTPClient").Call(jen.Id("options").Dot("HTTPClient")),
		jen.Id("options").Dot("Credentials").Op("=").Qual(g.rt("client"), "ResolveCredentials").Call(jen.Id("options").Dot("Credentials")),
		jen.If(jen.Id("options").Dot("Logger").Op("==").Nil()).Block(
			jen.Id("options").Dot("Logger").Op("=").Qual(pkgLogging, "Nop").Values(),
		),
		jen.If(jen.Id("options").Dot("EndpointResolverV2").Op("==").Nil()).Block(
			jen.Id("options").Dot("EndpointResolverV2").Op("=").Id("NewDefaultEndpointResolverV2").Call(),
		),
		jen.Return(jen.Op("&").Id("Client").Values(jen.Dict{jen.Id("options"): jen.Id("options")})),
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

	opt := func(name string) *jen.Statement { return jen.Id("options").Dot(name) }
	f.Comment("config resolves one call's settings: the client's options adjusted by")
	f.Comment("optFns. It is not generic, so it is compiled once for all operations.")
	f.Func().Params(jen.Id("c").Op("*").Id("Client")).Id("config").Params(
		jen.Id("optFns").Index().Func().Params(jen.Op("*").Id("Options")),
	).Op("*").Qual(g.rt("client"), "Config").Block(
		jen.Id("options").Op(":=").Id("c").Dot("options").Dot("Copy").Call(),
		jen.For(jen.List(jen.Id("_"), jen.Id("fn")).Op(":=").Range().Id("optFns")).Block(jen.Id("fn").Call(jen.Op("&").Id("options"))),
		jen.If(opt("RetryMaxAttempts").Op("!=").Id("c").Dot("options").Dot("RetryMaxAttempts")).Block(
			opt("Retryer").Op("=").Qual(g.rt("client"), "ResolveRetryer").Call(opt("Retryer"), opt("RetryMode"), opt("RetryMaxAttempts")),
		),
		jen.List(jen.Id("resolver"), jen.Id("endpointParams")).Op(":=").List(jen.Id("options").Dot("EndpointResolverV2"), jen.Id("options").Dot("endpointParameters").Call()),
		jen.Return(jen.Op("&").Qual(g.rt("client"), "Config").Values(jen.DictFunc(func(d jen.Dict) {
			for _, o := range g.optionFields() {
				if o.perCall != "" {
					d[jen.Id(o.perCall)] = opt(o.name)
				}
			}
			d[jen.Id("ResolveEndpoint")] = g.resolveEndpointFunc()
			if custom := g.callCustomizations(opt); custom != nil {
				d[jen.Id("Customizations")] = custom
			}
		}))),
	)
	return f
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
