package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/gosmith/gosmith/codegen/goview"
)

// paginatorsFile emits a paginator, its options and its client interface for
// every @paginated operation, with aws-sdk-go-v2's names and behaviour.
func (g *gen) paginatorsFile() *jen.File {
	f := g.newFile()
	paginated := false
	for _, op := range g.pkg.Operations {
		if op.Paginator != nil {
			g.paginator(f, op)
			paginated = true
		}
	}
	if paginated {
		g.userAgentFeature(f, "addIsPaginatorUserAgent", "UserAgentFeaturePaginator", "paginator")
	}
	if c := customizations[g.pkg.Service.SdkID]; c.paginators != nil {
		c.paginators(g, f)
	}
	return f
}

// userAgentFeature emits the functional option that lists a feature in the
// User-Agent, as aws-sdk-go-v2's paginators and waiters do.
func (g *gen) userAgentFeature(f *jen.File, name, feature, what string) {
	f.Line()
	f.Comment(name + " lists the " + what + " feature in the call's User-Agent.")
	f.Func().Id(name).Params(jen.Id("o").Op("*").Id("Options")).Block(
		jen.Id("o").Dot("APIOptions").Op("=").Append(jen.Id("o").Dot("APIOptions"),
			jen.Qual(g.rt("client"), "UserAgentFeature").Call(jen.Qual(pkgAWSMiddleware, feature))),
	)
}

func (g *gen) paginator(f *jen.File, op *goview.Operation) {
	pg := op.Paginator
	name := op.Name + "Paginator"
	optsName := name + "Options"
	apiClient := op.APIClient
	in, out := op.Input.Name, op.Output.Name

	g.apiClientInterface(f, op)
	f.Var().Id("_").Id(apiClient).Op("=").Parens(jen.Op("*").Id("Client")).Parens(jen.Nil())
	f.Line()

	// aws-sdk-go-v2 names the page-size option Limit, whatever the member
	// is called (MaxResults, MaxKeys, ...).
	var optFields []jen.Code
	if pg.PageSize != nil {
		optFields = append(optFields, docComment("", pg.PageSize.Doc), jen.Id("Limit").Add(g.goType(pg.PageSize.Type)), jen.Line())
	}
	// As in aws-sdk-go-v2, only string tokens can be compared, so only
	// their paginators have StopOnDuplicateToken.
	if pg.InputToken.Type.Kind == goview.KindString {
		optFields = append(optFields,
			jen.Comment("Set to true if pagination should stop if the service returns a pagination token"),
			jen.Comment("that matches the most recent token provided to the service."),
			jen.Id("StopOnDuplicateToken").Bool(),
		)
	}
	f.Comment(optsName + " is the paginator options for " + op.Name + ".")
	f.Type().Id(optsName).Struct(optFields...)
	f.Line()

	// Tokens are *string, or a map (DynamoDB's LastEvaluatedKey).
	stringToken := pg.InputToken.Type.Kind == goview.KindString
	f.Comment(name + " is a paginator for " + op.Name + ".")
	f.Type().Id(name).Struct(
		jen.Id("options").Id(optsName),
		jen.Id("client").Id(apiClient),
		jen.Id("params").Op("*").Id(in),
		jen.Id("nextToken").Add(g.fieldType(pg.InputToken)),
		jen.Id("firstPage").Bool(),
	)
	f.Line()

	inToken := pg.InputToken.GoName
	ctor := []jen.Code{
		jen.If(jen.Id("params").Op("==").Nil()).Block(jen.Id("params").Op("=").Op("&").Id(in).Values()),
		jen.Id("options").Op(":=").Id(optsName).Values(),
	}
	if ps := pg.PageSize; ps != nil && ps.Pointer {
		ctor = append(ctor, jen.If(jen.Id("params").Dot(ps.GoName).Op("!=").Nil()).Block(
			jen.Id("options").Dot("Limit").Op("=").Op("*").Id("params").Dot(ps.GoName),
		))
	} else if ps != nil {
		ctor = append(ctor, jen.Id("options").Dot("Limit").Op("=").Id("params").Dot(ps.GoName))
	}
	ctor = append(ctor,
		jen.For(jen.List(jen.Id("_"), jen.Id("fn")).Op(":=").Range().Id("optFns")).Block(jen.Id("fn").Call(jen.Op("&").Id("options"))),
		jen.Return(jen.Op("&").Id(name).Values(jen.Dict{
			jen.Id("options"):   jen.Id("options"),
			jen.Id("client"):    jen.Id("client"),
			jen.Id("params"):    jen.Id("params"),
			jen.Id("firstPage"): jen.True(),
			jen.Id("nextToken"): jen.Id("params").Dot(inToken),
		})),
	)
	f.Comment("New" + name + " returns a new " + name + ".")
	f.Func().Id("New"+name).Params(
		jen.Id("client").Id(apiClient), jen.Id("params").Op("*").Id(in),
		jen.Id("optFns").Op("...").Func().Params(jen.Op("*").Id(optsName)),
	).Op("*").Id(name).Block(ctor...)
	f.Line()

	recv := jen.Id("p").Op("*").Id(name)
	f.Comment("HasMorePages returns a boolean indicating whether more pages are available.")
	more := jen.Len(jen.Id("p").Dot("nextToken")).Op("!=").Lit(0)
	if stringToken {
		more = jen.Id("p").Dot("nextToken").Op("!=").Nil().Op("&&").Len(jen.Op("*").Id("p").Dot("nextToken")).Op("!=").Lit(0)
	}
	f.Func().Params(recv.Clone()).Id("HasMorePages").Params().Bool().Block(
		jen.Return(jen.Id("p").Dot("firstPage").Op("||").Parens(more)),
	)
	f.Line()

	next := []jen.Code{
		jen.If(jen.Op("!").Id("p").Dot("HasMorePages").Call()).Block(
			jen.Return(jen.Nil(), jen.Qual("fmt", "Errorf").Call(jen.Lit("no more pages available"))),
		),
		jen.Id("params").Op(":=").Op("*").Id("p").Dot("params"),
		jen.Id("params").Dot(inToken).Op("=").Id("p").Dot("nextToken"),
	}
	if pg.PageSize != nil && !pg.PageSize.Pointer {
		next = append(next, jen.Id("params").Dot(pg.PageSize.GoName).Op("=").Id("p").Dot("options").Dot("Limit"))
	} else if pg.PageSize != nil {
		ps := pg.PageSize.GoName
		next = append(next,
			jen.Var().Id("limit").Op("*").Add(g.goType(pg.PageSize.Type)),
			jen.If(jen.Id("p").Dot("options").Dot("Limit").Op(">").Lit(0)).Block(
				jen.Id("limit").Op("=").Op("&").Id("p").Dot("options").Dot("Limit"),
			),
			jen.Id("params").Dot(ps).Op("=").Id("limit"),
		)
	}
	next = append(next,
		jen.Id("optFns").Op("=").Append(jen.Index().Func().Params(jen.Op("*").Id("Options")).Values(jen.Id("addIsPaginatorUserAgent")), jen.Id("optFns").Op("...")),
		jen.List(jen.Id("result"), jen.Err()).Op(":=").Id("p").Dot("client").Dot(op.Name).Call(jen.Id("ctx"), jen.Op("&").Id("params"), jen.Id("optFns").Op("...")),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
		jen.Id("p").Dot("firstPage").Op("=").False(),
		jen.Line(),
	)
	if stringToken {
		next = append(next, jen.Id("prevToken").Op(":=").Id("p").Dot("nextToken"))
	}
	next = append(next, outputToken(pg.OutputToken)...)
	if stringToken {
		next = append(next,
			jen.Line(),
			jen.If(jen.Id("p").Dot("options").Dot("StopOnDuplicateToken").Op("&&").Line().
				Id("prevToken").Op("!=").Nil().Op("&&").Line().
				Id("p").Dot("nextToken").Op("!=").Nil().Op("&&").Line().
				Op("*").Id("prevToken").Op("==").Op("*").Id("p").Dot("nextToken")).Block(
				jen.Id("p").Dot("nextToken").Op("=").Nil(),
			),
		)
	}
	next = append(next, jen.Line(), jen.Return(jen.Id("result"), jen.Nil()))
	f.Comment("NextPage retrieves the next " + op.Name + " page.")
	f.Func().Params(recv.Clone()).Id("NextPage").Params(
		jen.Id("ctx").Qual("context", "Context"), jen.Id("optFns").Op("...").Func().Params(jen.Op("*").Id("Options")),
	).Params(jen.Op("*").Id(out), jen.Error()).Block(next...)
	f.Line()
}

// apiClientInterface declares op.APIClient, the one-method interface
// paginators and waiters take, as aws-sdk-go-v2 does.
func (g *gen) apiClientInterface(f *jen.File, op *goview.Operation) {
	f.Comment(op.APIClient + " is a client that implements the " + op.Name + " operation.")
	f.Type().Id(op.APIClient).Interface(g.operationSignature(jen.Id(op.Name), op))
	f.Line()
}

// operationSignature completes method (a name, or Func() for a func type)
// with an operation's parameters and results as Client declares them:
// (context.Context, *XxxInput, ...func(*Options)) (*XxxOutput, error). The
// client package's names are qualified, so it serves other packages too.
func (g *gen) operationSignature(method *jen.Statement, op *goview.Operation) *jen.Statement {
	return method.Params(
		jen.Qual("context", "Context"),
		jen.Op("*").Qual(g.pkg.ImportPath, op.Input.Name),
		jen.Op("...").Func().Params(jen.Op("*").Qual(g.pkg.ImportPath, "Options")),
	).Params(jen.Op("*").Qual(g.pkg.ImportPath, op.Output.Name), jen.Error())
}

// outputToken sets p.nextToken from the result, walking a nested path with
// nil checks ("Result.NextToken").
func outputToken(path []*goview.Field) []jen.Code {
	if len(path) == 1 {
		return []jen.Code{jen.Id("p").Dot("nextToken").Op("=").Id("result").Dot(path[0].GoName)}
	}
	expr := jen.Id("result")
	var conds []jen.Code
	for _, f := range path[:len(path)-1] {
		expr = expr.Clone().Dot(f.GoName)
		conds = append(conds, expr.Clone().Op("!=").Nil())
	}
	cond := conds[0]
	for _, c := range conds[1:] {
		cond = jen.Add(cond).Op("&&").Add(c)
	}
	return []jen.Code{
		jen.Id("p").Dot("nextToken").Op("=").Nil(),
		jen.If(cond).Block(jen.Id("p").Dot("nextToken").Op("=").Add(expr.Clone().Dot(path[len(path)-1].GoName))),
	}
}
