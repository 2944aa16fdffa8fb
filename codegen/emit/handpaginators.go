package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/gosmith/gosmith/codegen/goview"
)

// aws-sdk-go-v2 adds paginators by hand to operations the model does not
// mark @paginated; these emit the same API, for the services of the
// customizations table. Each is left out when its operation or members are
// not generated.

// operationNamed is the generated operation of that name, or nil.
func (g *gen) operationNamed(name string) *goview.Operation {
	for _, op := range g.pkg.Operations {
		if op.Name == name {
			return op
		}
	}
	return nil
}

// handPaginatorHead emits a hand-written paginator's client interface
// (unless its waiters declare it), options and struct, and returns the
// names of the paginator and its options.
func (g *gen) handPaginatorHead(f *jen.File, op *goview.Operation, options []jen.Code, state ...jen.Code) (string, string) {
	name, optsName, apiClient := op.Name+"Paginator", op.Name+"PaginatorOptions", op.Name+"APIClient"
	if len(op.Waiters) == 0 {
		f.Comment(apiClient + " is a client that implements the " + op.Name + " operation.")
		f.Type().Id(apiClient).Interface(
			jen.Id(op.Name).Params(jen.Qual("context", "Context"), jen.Op("*").Id(op.Input.Name), jen.Op("...").Func().Params(jen.Op("*").Id("Options"))).
				Params(jen.Op("*").Id(op.Output.Name), jen.Error()),
		)
		f.Line()
	}
	f.Comment(optsName + " is the paginator options for " + op.Name)
	f.Type().Id(optsName).Struct(append(options,
		jen.Comment("Set to true if pagination should stop if the service returns a pagination token"),
		jen.Comment("that matches the most recent token provided to the service."),
		jen.Id("StopOnDuplicateToken").Bool(),
	)...)
	f.Line()
	f.Comment(name + " is a paginator for " + op.Name)
	f.Type().Id(name).Struct(append([]jen.Code{
		jen.Id("options").Id(optsName),
		jen.Id("client").Id(apiClient),
		jen.Id("params").Op("*").Id(op.Input.Name),
		jen.Id("firstPage").Bool(),
	}, state...)...)
	f.Line()
	return name, optsName
}

// newPaginator emits NewXxxPaginator: the options start from options and
// the paginator's own state from state.
func newPaginator(f *jen.File, op *goview.Operation, name, optsName string, options, state jen.Dict) {
	state[jen.Id("options")] = jen.Id("options")
	state[jen.Id("client")] = jen.Id("client")
	state[jen.Id("params")] = jen.Id("params")
	state[jen.Id("firstPage")] = jen.True()
	f.Comment("New" + name + " returns a new " + name)
	f.Func().Id("New"+name).Params(
		jen.Id("client").Id(op.Name+"APIClient"), jen.Id("params").Op("*").Id(op.Input.Name), jen.Id("optFns").Op("...").Func().Params(jen.Op("*").Id(optsName)),
	).Op("*").Id(name).Block(
		jen.If(jen.Id("params").Op("==").Nil()).Block(jen.Id("params").Op("=").Op("&").Id(op.Input.Name).Values()),
		jen.Id("options").Op(":=").Id(optsName).Values(options),
		jen.For(jen.List(jen.Id("_"), jen.Id("fn")).Op(":=").Range().Id("optFns")).Block(jen.Id("fn").Call(jen.Op("&").Id("options"))),
		jen.Return(jen.Op("&").Id(name).Values(state)),
	)
	f.Line()
}

// nextPageHead is the start of NextPage: no more pages is an error, and
// params is a copy of the paginator's input.
func nextPageHead() []jen.Code {
	return []jen.Code{
		jen.If(jen.Op("!").Id("p").Dot("HasMorePages").Call()).Block(
			jen.Return(jen.Nil(), jen.Qual("fmt", "Errorf").Call(jen.Lit("no more pages available"))),
		),
		jen.Id("params").Op(":=").Op("*").Id("p").Dot("params"),
	}
}

func nextPage(f *jen.File, op *goview.Operation, name string, body []jen.Code) {
	f.Comment("NextPage retrieves the next " + op.Name + " page.")
	f.Func().Params(jen.Id("p").Op("*").Id(name)).Id("NextPage").Params(
		jen.Id("ctx").Qual("context", "Context"), jen.Id("optFns").Op("...").Func().Params(jen.Op("*").Id("Options")),
	).Params(jen.Op("*").Id(op.Output.Name), jen.Error()).Block(body...)
	f.Line()
}

func hasMorePages(f *jen.File, name string, cond jen.Code) {
	f.Comment("HasMorePages returns a boolean indicating whether more pages are available")
	f.Func().Params(jen.Id("p").Op("*").Id(name)).Id("HasMorePages").Params().Bool().Block(jen.Return(cond))
	f.Line()
}

func callPage(op *goview.Operation) []jen.Code {
	return []jen.Code{
		jen.List(jen.Id("result"), jen.Err()).Op(":=").Id("p").Dot("client").Dot(op.Name).Call(jen.Id("ctx"), jen.Op("&").Id("params"), jen.Id("optFns").Op("...")),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
		jen.Id("p").Dot("firstPage").Op("=").False(),
	}
}

// batchGetItemPaginator is DynamoDB's: it pages through UnprocessedKeys,
// sending them as the next page's RequestItems.
func (g *gen) batchGetItemPaginator(f *jen.File) {
	op := g.operationNamed("BatchGetItem")
	if op == nil || fieldNamed(op.Input, "RequestItems") == nil || fieldNamed(op.Output, "UnprocessedKeys") == nil {
		return
	}
	items := g.goType(fieldNamed(op.Input, "RequestItems").Type)
	name, optsName := g.handPaginatorHead(f, op, nil,
		jen.Id("requestItems").Add(items.Clone()),
		jen.Id("isTruncated").Bool(),
	)
	newPaginator(f, op, name, optsName, jen.Dict{}, jen.Dict{jen.Id("requestItems"): jen.Id("params").Dot("RequestItems")})
	hasMorePages(f, name, jen.Id("p").Dot("firstPage").Op("||").Id("p").Dot("isTruncated"))
	body := append(nextPageHead(), jen.Id("params").Dot("RequestItems").Op("=").Id("p").Dot("requestItems"))
	body = append(body, callPage(op)...)
	body = append(body,
		jen.Id("prevToken").Op(":=").Id("p").Dot("requestItems"),
		jen.Id("p").Dot("isTruncated").Op("=").Len(jen.Id("result").Dot("UnprocessedKeys")).Op("!=").Lit(0),
		jen.Id("p").Dot("requestItems").Op("=").Nil(),
		jen.If(jen.Id("p").Dot("isTruncated")).Block(jen.Id("p").Dot("requestItems").Op("=").Id("result").Dot("UnprocessedKeys")),
		jen.If(jen.Id("p").Dot("options").Dot("StopOnDuplicateToken").Op("&&").Id("prevToken").Op("!=").Nil().Op("&&").
			Id("p").Dot("requestItems").Op("!=").Nil().Op("&&").Qual("reflect", "DeepEqual").Call(jen.Id("prevToken"), jen.Id("p").Dot("requestItems"))).Block(
			jen.Id("p").Dot("isTruncated").Op("=").False(),
		),
		jen.Return(jen.Id("result"), jen.Nil()),
	)
	nextPage(f, op, name, body)
}

// describeStreamPaginator is Kinesis's: it pages through a stream's shards,
// starting each page after the last shard of the one before.
func (g *gen) describeStreamPaginator(f *jen.File) {
	op := g.operationNamed("DescribeStream")
	if op == nil || fieldNamed(op.Input, "ExclusiveStartShardId") == nil || fieldNamed(op.Input, "Limit") == nil ||
		fieldNamed(op.Output, "StreamDescription") == nil {
		return
	}
	limit := fieldNamed(op.Input, "Limit")
	if !limit.Pointer || limit.Type.Kind != goview.KindInt32 {
		return
	}
	name, optsName := g.handPaginatorHead(f, op,
		[]jen.Code{jen.Comment("(Optional) The maximum number of shards to return in a single call"), jen.Id("Limit").Op("*").Int32(), jen.Line()},
		jen.Id("exclusiveStartShardID").Op("*").String(),
		jen.Id("isTruncated").Bool(),
	)
	newPaginator(f, op, name, optsName, jen.Dict{jen.Id("Limit"): jen.Id("params").Dot("Limit")},
		jen.Dict{jen.Id("exclusiveStartShardID"): jen.Id("params").Dot("ExclusiveStartShardId")})
	hasMorePages(f, name, jen.Id("p").Dot("firstPage").Op("||").Id("p").Dot("isTruncated"))
	desc := jen.Id("result").Dot("StreamDescription")
	body := append(nextPageHead(),
		jen.Id("params").Dot("ExclusiveStartShardId").Op("=").Id("p").Dot("exclusiveStartShardID"),
		jen.Id("params").Dot("Limit").Op("=").Nil(),
		jen.If(jen.Id("p").Dot("options").Dot("Limit").Op("!=").Nil().Op("&&").Op("*").Id("p").Dot("options").Dot("Limit").Op(">").Lit(0)).Block(
			jen.Id("params").Dot("Limit").Op("=").Id("p").Dot("options").Dot("Limit"),
		),
	)
	body = append(body, callPage(op)...)
	body = append(body,
		jen.Id("prevToken").Op(":=").Id("p").Dot("exclusiveStartShardID"),
		jen.Id("p").Dot("isTruncated").Op("=").Add(desc.Clone()).Op("!=").Nil().Op("&&").Qual(pkgAWS, "ToBool").Call(desc.Clone().Dot("HasMoreShards")),
		jen.Id("p").Dot("exclusiveStartShardID").Op("=").Nil(),
		jen.If(jen.Id("p").Dot("isTruncated")).Block(
			jen.Id("shards").Op(":=").Add(desc.Clone()).Dot("Shards"),
			jen.If(jen.Len(jen.Id("shards")).Op("==").Lit(0)).Block(
				jen.Comment("More shards, but none to start after: stop rather than start over."),
				jen.Id("p").Dot("isTruncated").Op("=").False(),
			).Else().Block(
				jen.Id("p").Dot("exclusiveStartShardID").Op("=").Id("shards").Index(jen.Len(jen.Id("shards")).Op("-").Lit(1)).Dot("ShardId"),
			),
		),
		jen.If(jen.Id("p").Dot("options").Dot("StopOnDuplicateToken").Op("&&").Id("prevToken").Op("!=").Nil().Op("&&").
			Id("p").Dot("exclusiveStartShardID").Op("!=").Nil().Op("&&").Op("*").Id("prevToken").Op("==").Op("*").Id("p").Dot("exclusiveStartShardID")).Block(
			jen.Id("p").Dot("isTruncated").Op("=").False(),
		),
		jen.Return(jen.Id("result"), jen.Nil()),
	)
	nextPage(f, op, name, body)
}
