package emit

import (
	"github.com/dave/jennifer/jen"
)

// customization is what one service needs beyond its protocol, as
// aws-sdk-go-v2 applies it: Options fields of its own, and the runtime
// functions (package customizations) that add its middleware to a call's
// stack, given the call's options.
type customization struct {
	options []optionField
	stack   func(g *gen, opt func(name string) *jen.Statement) []jen.Code
	// paginators emits the paginators aws-sdk-go-v2 writes by hand for
	// operations the model does not mark @paginated.
	paginators func(g *gen, f *jen.File)
}

// customizations says which services get which customizations, keyed by
// SDK ID. It is the one place a per-service customization is listed; the
// README names them.
var customizations = map[string]customization{
	"API Gateway": {stack: func(g *gen, _ func(string) *jen.Statement) []jen.Code {
		return []jen.Code{jen.Qual(g.rt("customizations"), "APIGatewayAccept")}
	}},
	"Glacier": {stack: func(g *gen, _ func(string) *jen.Statement) []jen.Code {
		return []jen.Code{
			jen.Qual(g.rt("customizations"), "GlacierVersion").Call(jen.Id("ServiceAPIVersion")),
			jen.Qual(g.rt("customizations"), "GlacierAccountID"),
			jen.Qual(g.rt("customizations"), "GlacierChecksums"),
		}
	}},
	"Machine Learning": {stack: func(g *gen, _ func(string) *jen.Statement) []jen.Code {
		return []jen.Code{jen.Qual(g.rt("customizations"), "MachineLearningPredictEndpoint")}
	}},
	"SQS": {
		options: []optionField{
			{name: "DisableMessageChecksumValidation", typ: jen.Bool(), doc: []string{
				"Allows you to disable the client's validation of response message checksums.",
				"Enabled by default. Used by SendMessage, SendMessageBatch, and ReceiveMessage.",
			}},
		},
		stack: func(g *gen, opt func(string) *jen.Statement) []jen.Code {
			return []jen.Code{jen.Qual(g.rt("customizations"), "SQSMessageChecksums").Call(opt("DisableMessageChecksumValidation"))}
		},
	},
	"DynamoDB": {
		options: []optionField{
			{name: "DisableValidateResponseChecksum", typ: jen.Bool(), doc: []string{
				"Allows you to disable the client's validation of response integrity using CRC32",
				"checksum. Enabled by default.",
			}},
			{name: "EnableAcceptEncodingGzip", typ: jen.Bool(), doc: []string{
				"Allows you to enable the client's support for compressed gzip responses.",
				"Disabled by default.",
			}},
		},
		stack: func(g *gen, opt func(string) *jen.Statement) []jen.Code {
			return []jen.Code{
				jen.Qual(g.rt("customizations"), "AcceptEncoding").Call(opt("EnableAcceptEncodingGzip")),
				jen.Qual(g.rt("customizations"), "DynamoDBChecksum").Call(opt("DisableValidateResponseChecksum")),
			}
		},
		paginators: (*gen).batchGetItemPaginator,
	},
	"Kinesis": {paginators: (*gen).describeStreamPaginator},
}

// customizationOptions are the Options fields the service's
// customization adds.
func (g *gen) customizationOptions() []optionField {
	return customizations[g.pkg.Service.SdkID].options
}

// callCustomizations is the value of a call's client.Config
// Customizations, or nil when the service needs none.
func (g *gen) callCustomizations(opt func(string) *jen.Statement) jen.Code {
	c, ok := customizations[g.pkg.Service.SdkID]
	if !ok || c.stack == nil {
		return nil
	}
	return jen.Index().Func().Params(jen.Op("*").Qual(pkgMiddleware, "Stack")).Error().Values(c.stack(g, opt)...)
}
