package emit

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/gosmith/gosmith/codegen/goview"
)

// hasProtocolTests reports whether the package gets a protocol_test.go.
func hasProtocolTests(p *goview.Package) bool {
	for _, op := range p.Operations {
		if len(op.RequestTests) > 0 || len(op.ResponseTests) > 0 {
			return true
		}
		for _, e := range op.Errors {
			if len(e.ErrorTests) > 0 {
				return true
			}
		}
	}
	return false
}

// protocolTestsFile emits the model's smithy.test cases as Go tests, one
// test function per operation and kind, one subtest per case, as
// aws-sdk-go-v2 does. Each error's cases run once, on the first operation
// (by name) that can return it.
func (g *gen) protocolTestsFile() (*jen.File, error) {
	f := jen.NewFilePathName(g.pkg.ImportPath, g.pkg.Name)
	g.setup(f)
	f.ImportName(g.rt("protocoltest"), "protocoltest")
	f.ImportName(pkgPtr, "ptr")
	errorsDone := map[*goview.Struct]bool{}
	for _, op := range g.pkg.Operations {
		if len(op.RequestTests) > 0 {
			if err := g.requestTests(f, op); err != nil {
				return nil, err
			}
		}
		if len(op.ResponseTests) > 0 {
			if err := g.responseTests(f, op); err != nil {
				return nil, err
			}
		}
		var errs []*goview.Struct
		for _, e := range op.Errors {
			if len(e.ErrorTests) > 0 && !errorsDone[e] {
				errorsDone[e] = true
				errs = append(errs, e)
			}
		}
		if len(errs) > 0 {
			if err := g.errorTests(f, op, errs); err != nil {
				return nil, err
			}
		}
	}
	return f, nil
}

func stringMap(m map[string]string) jen.Code {
	if len(m) == 0 {
		return jen.Nil()
	}
	keys := sortedKeys(m)
	d := jen.Dict{}
	for _, k := range keys {
		d[jen.Lit(k)] = jen.Lit(m[k])
	}
	return jen.Map(jen.String()).String().Values(d)
}

func stringList(l []string) jen.Code {
	if len(l) == 0 {
		return jen.Nil()
	}
	var items []jen.Code
	for _, s := range l {
		items = append(items, jen.Lit(s))
	}
	return jen.Index().String().Values(items...)
}

// testClient builds the client a case runs against.
func (g *gen) testClient(httpClient jen.Code, host jen.Code, skipValidation bool) jen.Code {
	opts := jen.Dict{
		jen.Id("Region"):           jen.Lit("us-west-2"),
		jen.Id("Credentials"):      jen.Qual(g.rt("protocoltest"), "Credentials"),
		jen.Id("HTTPClient"):       httpClient,
		jen.Id("RetryMaxAttempts"): jen.Lit(1),
		jen.Id("BaseEndpoint"):     jen.Qual(pkgAWS, "String").Call(jen.Qual(g.rt("protocoltest"), "Endpoint").Call(host)),
	}
	if g.hasIdempotencyTokens() {
		opts[jen.Id("IdempotencyTokenProvider")] = jen.Qual(g.rt("protocoltest"), "IdempotencyTokens").Values()
	}
	if skipValidation {
		opts[jen.Id("APIOptions")] = jen.Index().Func().Params(jen.Op("*").Qual(pkgMiddleware, "Stack")).Error().Values(jen.Qual(g.rt("protocoltest"), "SkipValidation"))
	}
	return jen.Id("client").Op(":=").Id("New").Call(jen.Id("Options").Values(opts))
}

func (g *gen) requestTests(f *jen.File, op *goview.Operation) error {
	var cases []jen.Code
	for _, c := range op.RequestTests {
		params, err := decodeParams(c.Params)
		if err != nil {
			return fmt.Errorf("request test %s: params: %w", c.ID, err)
		}
		in, err := g.structLiteral(op.Input, params, true)
		if err != nil {
			return fmt.Errorf("request test %s: %w", c.ID, err)
		}
		body := jen.Nil()
		if c.Body != nil {
			body = jen.Qual(pkgAWS, "String").Call(jen.Lit(*c.Body))
		}
		cases = append(cases, jen.Values(jen.Dict{
			jen.Id("id"):        jen.Lit(c.ID),
			jen.Id("appliesTo"): jen.Lit(c.AppliesTo),
			jen.Id("host"):      jen.Lit(c.Host),
			jen.Id("params"):    in,
			jen.Id("want"): jen.Qual(g.rt("protocoltest"), "Request").Values(jen.Dict{
				jen.Id("Method"):         jen.Lit(c.Method),
				jen.Id("URI"):            jen.Lit(c.URI),
				jen.Id("ResolvedHost"):   jen.Lit(c.ResolvedHost),
				jen.Id("Headers"):        stringMap(c.Headers),
				jen.Id("ForbidHeaders"):  stringList(c.ForbidHeaders),
				jen.Id("RequireHeaders"): stringList(c.RequireHeaders),
				jen.Id("QueryParams"):    stringList(c.QueryParams),
				jen.Id("ForbidQuery"):    stringList(c.ForbidQuery),
				jen.Id("RequireQuery"):   stringList(c.RequireQuery),
				jen.Id("Body"):           body,
				jen.Id("BodyMediaType"):  jen.Lit(c.BodyMediaType),
			}),
		}))
	}
	f.Func().Id("TestProtocol"+op.Name+"Request").Params(jen.Id("t").Op("*").Qual("testing", "T")).Block(
		jen.Id("cases").Op(":=").Index().Struct(
			jen.List(jen.Id("id"), jen.Id("appliesTo"), jen.Id("host")).String(),
			jen.Id("params").Op("*").Id(op.Input.Name),
			jen.Id("want").Qual(g.rt("protocoltest"), "Request"),
		).Values(cases...),
		jen.For(jen.List(jen.Id("_"), jen.Id("c")).Op(":=").Range().Id("cases")).Block(
			jen.Id("t").Dot("Run").Call(jen.Id("c").Dot("id"), jen.Func().Params(jen.Id("t").Op("*").Qual("testing", "T")).Block(
				jen.Qual(g.rt("protocoltest"), "Skip").Call(jen.Id("t"), jen.Id("c").Dot("id"), jen.Id("c").Dot("appliesTo")),
				jen.Id("capture").Op(":=").Op("&").Qual(g.rt("protocoltest"), "Capture").Values(),
				g.testClient(jen.Id("capture"), jen.Id("c").Dot("host"), false),
				jen.If(jen.List(jen.Id("_"), jen.Err()).Op(":=").Id("client").Dot(op.Name).Call(jen.Qual("context", "Background").Call(), jen.Id("c").Dot("params")), jen.Err().Op("!=").Nil()).Block(
					jen.Id("t").Dot("Fatalf").Call(jen.Lit("call: %v"), jen.Err()),
				),
				jen.Qual(g.rt("protocoltest"), "CheckRequest").Call(jen.Id("t"), jen.Id("c").Dot("want"), jen.Id("capture")),
			)),
		),
	)
	f.Line()
	return nil
}

func (g *gen) responseValue(c *goview.ResponseTest) jen.Code {
	body := ""
	if c.Body != nil {
		body = *c.Body
	}
	return jen.Qual(g.rt("protocoltest"), "Response").Values(jen.Dict{
		jen.Id("Code"):    jen.Lit(c.Code),
		jen.Id("Headers"): stringMap(c.Headers),
		jen.Id("Body"):    jen.Lit(body),
	})
}

func (g *gen) responseTests(f *jen.File, op *goview.Operation) error {
	var cases []jen.Code
	for _, c := range op.ResponseTests {
		params, err := decodeParams(c.Params)
		if err != nil {
			return fmt.Errorf("response test %s: params: %w", c.ID, err)
		}
		want, err := g.structLiteral(op.Output, params, true)
		if err != nil {
			return fmt.Errorf("response test %s: %w", c.ID, err)
		}
		cases = append(cases, jen.Values(jen.Dict{
			jen.Id("id"):        jen.Lit(c.ID),
			jen.Id("appliesTo"): jen.Lit(c.AppliesTo),
			jen.Id("response"):  g.responseValue(c),
			jen.Id("want"):      want,
		}))
	}
	f.Func().Id("TestProtocol"+op.Name+"Response").Params(jen.Id("t").Op("*").Qual("testing", "T")).Block(
		jen.Id("cases").Op(":=").Index().Struct(
			jen.List(jen.Id("id"), jen.Id("appliesTo")).String(),
			jen.Id("response").Qual(g.rt("protocoltest"), "Response"),
			jen.Id("want").Op("*").Id(op.Output.Name),
		).Values(cases...),
		jen.For(jen.List(jen.Id("_"), jen.Id("c")).Op(":=").Range().Id("cases")).Block(
			jen.Id("t").Dot("Run").Call(jen.Id("c").Dot("id"), jen.Func().Params(jen.Id("t").Op("*").Qual("testing", "T")).Block(
				jen.Qual(g.rt("protocoltest"), "Skip").Call(jen.Id("t"), jen.Id("c").Dot("id"), jen.Id("c").Dot("appliesTo")),
				g.testClient(jen.Id("c").Dot("response"), jen.Lit(""), true),
				jen.List(jen.Id("out"), jen.Err()).Op(":=").Id("client").Dot(op.Name).Call(jen.Qual("context", "Background").Call(), jen.Op("&").Id(op.Input.Name).Values()),
				jen.If(jen.Err().Op("!=").Nil()).Block(jen.Id("t").Dot("Fatalf").Call(jen.Lit("call: %v"), jen.Err())),
				jen.If(jen.Id("diff").Op(":=").Qual(g.rt("protocoltest"), "Diff").Call(jen.Id("c").Dot("want"), jen.Id("out")), jen.Id("diff").Op("!=").Lit("")).Block(
					jen.Id("t").Dot("Errorf").Call(jen.Lit("output (-want +got):\n%s"), jen.Id("diff")),
				),
			)),
		),
	)
	f.Line()
	return nil
}

func (g *gen) errorTests(f *jen.File, op *goview.Operation, errs []*goview.Struct) error {
	var cases []jen.Code
	for _, e := range errs {
		for _, c := range e.ErrorTests {
			params, err := decodeParams(c.Params)
			if err != nil {
				return fmt.Errorf("error test %s: params: %w", c.ID, err)
			}
			want, err := g.structLiteral(e, params, true)
			if err != nil {
				return fmt.Errorf("error test %s: %w", c.ID, err)
			}
			cases = append(cases, jen.Values(jen.Dict{
				jen.Id("id"):        jen.Lit(c.ID),
				jen.Id("appliesTo"): jen.Lit(c.AppliesTo),
				jen.Id("response"):  g.responseValue(c),
				jen.Id("want"):      want,
				jen.Id("code"):      jen.Lit(c.VendorParams.Code),
			}))
		}
	}
	f.Func().Id("TestProtocol"+op.Name+"Errors").Params(jen.Id("t").Op("*").Qual("testing", "T")).Block(
		jen.Id("cases").Op(":=").Index().Struct(
			jen.List(jen.Id("id"), jen.Id("appliesTo"), jen.Id("code")).String(),
			jen.Id("response").Qual(g.rt("protocoltest"), "Response"),
			jen.Id("want").Error(),
		).Values(cases...),
		jen.For(jen.List(jen.Id("_"), jen.Id("c")).Op(":=").Range().Id("cases")).Block(
			jen.Id("t").Dot("Run").Call(jen.Id("c").Dot("id"), jen.Func().Params(jen.Id("t").Op("*").Qual("testing", "T")).Block(
				jen.Qual(g.rt("protocoltest"), "Skip").Call(jen.Id("t"), jen.Id("c").Dot("id"), jen.Id("c").Dot("appliesTo")),
				g.testClient(jen.Id("c").Dot("response"), jen.Lit(""), true),
				jen.List(jen.Id("_"), jen.Err()).Op(":=").Id("client").Dot(op.Name).Call(jen.Qual("context", "Background").Call(), jen.Op("&").Id(op.Input.Name).Values()),
				jen.Qual(g.rt("protocoltest"), "CheckError").Call(jen.Id("t"), jen.Id("c").Dot("want"), jen.Id("c").Dot("code"), jen.Err()),
			)),
		),
	)
	f.Line()
	return nil
}
