package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/gosmith/gosmith/codegen/goview"
)

const pkgErrors = "errors"

// hasWaiters reports whether the package gets a waiters.go.
func hasWaiters(p *goview.Package) bool {
	for _, op := range p.Operations {
		if len(op.Waiters) > 0 {
			return true
		}
	}
	return false
}

// waitersFile emits NewXxxWaiter, Wait, WaitForOutput and the acceptors of
// every smithy.waiters#waitable entry, with aws-sdk-go-v2's names.
func (g *gen) waitersFile() *jen.File {
	f := g.newFile()
	for _, op := range g.pkg.Operations {
		if len(op.Waiters) == 0 {
			continue
		}
		if op.Paginator == nil { // the paginator emitter declares it otherwise
			g.apiClientInterface(f, op)
		}
		for _, w := range op.Waiters {
			g.waiter(f, op, w)
		}
	}
	g.waiterViews(f)
	g.userAgentFeature(f, "addIsWaiterUserAgent", "UserAgentFeatureWaiter", "waiter")
	return f
}

func (g *gen) waiter(f *jen.File, op *goview.Operation, w *goview.Waiter) {
	name := w.Name + "Waiter"
	opts := name + "Options"
	in, out := op.Input.Name, op.Output.Name
	retryable := lowerFirst(w.Name) + "StateRetryable"
	fnType := func() *jen.Statement {
		return jen.Func().Params(jen.Qual("context", "Context"), jen.Op("*").Id(in), jen.Op("*").Id(out), jen.Error()).Params(jen.Bool(), jen.Error())
	}

	f.Comment(opts + " are waiter options for " + name + ".")
	f.Type().Id(opts).Struct(
		jen.Comment("Set of options to modify how an operation is invoked. These apply to all"),
		jen.Comment("operations invoked for this client."),
		jen.Id("APIOptions").Index().Func().Params(jen.Op("*").Qual(pkgMiddleware, "Stack")).Error(),
		jen.Line(),
		jen.Comment("Functional options to be passed to all operations invoked by this client."),
		jen.Id("ClientOptions").Index().Func().Params(jen.Op("*").Id("Options")),
		jen.Line(),
		jen.Comment("MinDelay is the minimum amount of time to delay between retries."),
		jen.Id("MinDelay").Qual("time", "Duration"),
		jen.Line(),
		jen.Comment("MaxDelay is the maximum amount of time to delay between retries."),
		jen.Id("MaxDelay").Qual("time", "Duration"),
		jen.Line(),
		jen.Comment("LogWaitAttempts is used to enable logging for waiter retry attempts."),
		jen.Id("LogWaitAttempts").Bool(),
		jen.Line(),
		jen.Comment("Retryable is a function that can be used to override the service defined"),
		jen.Comment("waiter-behavior based on operation output, or returned error."),
		jen.Id("Retryable").Add(fnType()),
	)
	f.Line()
	f.Add(docComment(name+" defines the waiters for "+w.Name+".", w.Doc)).Type().Id(name).Struct(
		jen.Id("client").Id(op.APIClient),
		jen.Id("options").Id(opts),
	)
	f.Line()
	f.Comment("New" + name + " constructs a " + name + ".")
	f.Func().Id("New"+name).Params(jen.Id("client").Id(op.APIClient), jen.Id("optFns").Op("...").Func().Params(jen.Op("*").Id(opts))).Op("*").Id(name).Block(
		jen.Id("options").Op(":=").Id(opts).Values(),
		jen.Id("options").Dot("MinDelay").Op("=").Lit(w.MinDelay).Op("*").Qual("time", "Second"),
		jen.Id("options").Dot("MaxDelay").Op("=").Lit(w.MaxDelay).Op("*").Qual("time", "Second"),
		jen.Id("options").Dot("Retryable").Op("=").Id(retryable),
		jen.For(jen.List(jen.Id("_"), jen.Id("fn")).Op(":=").Range().Id("optFns")).Block(jen.Id("fn").Call(jen.Op("&").Id("options"))),
		jen.Return(jen.Op("&").Id(name).Values(jen.Dict{jen.Id("client"): jen.Id("client"), jen.Id("options"): jen.Id("options")})),
	)
	f.Line()
	waitParams := []jen.Code{
		jen.Id("ctx").Qual("context", "Context"), jen.Id("params").Op("*").Id(in),
		jen.Id("maxWaitDur").Qual("time", "Duration"), jen.Id("optFns").Op("...").Func().Params(jen.Op("*").Id(opts)),
	}
	f.Comment("Wait calls the waiter function for " + name + " waiter. The maxWaitDur is")
	f.Comment("the maximum wait duration the waiter will wait. The maxWaitDur is required")
	f.Comment("and must be greater than zero.")
	f.Func().Params(jen.Id("w").Op("*").Id(name)).Id("Wait").Params(waitParams...).Error().Block(
		jen.List(jen.Id("_"), jen.Err()).Op(":=").Id("w").Dot("WaitForOutput").Call(jen.Id("ctx"), jen.Id("params"), jen.Id("maxWaitDur"), jen.Id("optFns").Op("...")),
		jen.Return(jen.Err()),
	)
	f.Line()
	f.Comment("WaitForOutput calls the waiter function for " + name + " waiter and returns")
	f.Comment("the output of the successful operation.")
	f.Func().Params(jen.Id("w").Op("*").Id(name)).Id("WaitForOutput").Params(waitParams...).Params(jen.Op("*").Id(out), jen.Error()).Block(
		jen.Id("options").Op(":=").Id("w").Dot("options"),
		jen.For(jen.List(jen.Id("_"), jen.Id("fn")).Op(":=").Range().Id("optFns")).Block(jen.Id("fn").Call(jen.Op("&").Id("options"))),
		jen.If(jen.Id("params").Op("==").Nil()).Block(jen.Id("params").Op("=").Op("&").Id(in).Values()),
		jen.Return(jen.Qual(g.rt("waiter"), "Wait").Call(jen.Id("ctx"), jen.Qual(g.rt("waiter"), "Waiter").Types(jen.Op("*").Id(in), jen.Op("*").Id(out)).Values(jen.Dict{
			jen.Id("Name"):      jen.Lit(w.Name),
			jen.Id("MinDelay"):  jen.Id("options").Dot("MinDelay"),
			jen.Id("MaxDelay"):  jen.Id("options").Dot("MaxDelay"),
			jen.Id("Retryable"): jen.Id("options").Dot("Retryable"),
			jen.Id("Call"): jen.Func().Params(jen.Id("ctx").Qual("context", "Context"), jen.Id("in").Op("*").Id(in)).Params(jen.Op("*").Id(out), jen.Error()).Block(
				jen.Return(jen.Id("w").Dot("client").Dot(op.Name).Call(jen.Id("ctx"), jen.Id("in"), jen.Func().Params(jen.Id("o").Op("*").Id("Options")).Block(
					jen.Id("addIsWaiterUserAgent").Call(jen.Id("o")),
					jen.Id("o").Dot("APIOptions").Op("=").Append(jen.Id("o").Dot("APIOptions"), jen.Id("options").Dot("APIOptions").Op("...")),
					jen.For(jen.List(jen.Id("_"), jen.Id("fn")).Op(":=").Range().Id("options").Dot("ClientOptions")).Block(jen.Id("fn").Call(jen.Id("o"))),
				))),
			),
		}), jen.Id("params"), jen.Id("maxWaitDur"))),
	)
	f.Line()

	// The acceptors, in model order; the first that matches decides. A
	// path for the JMESPath runtime is compiled once, on first use.
	var body []jen.Code
	for i, a := range w.Acceptors {
		if a.Query != nil {
			expr := lowerFirst(w.Name) + "Path" + string(rune('0'+i))
			f.Comment(expr + " is an acceptor path of the " + name + ".")
			f.Var().Id(expr).Op("=").Qual("sync", "OnceValue").Call(jen.Func().Params().Op("*").Qual(g.rt("jmespath"), "Expression").Block(
				jen.Return(jen.Qual(g.rt("jmespath"), "MustCompile").Call(jen.Lit(a.Query.Path))),
			))
			f.Line()
			body = append(body, g.queryAcceptor(op, a, expr)...)
			continue
		}
		body = append(body, g.acceptor(a)...)
	}
	body = append(body,
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.False(), jen.Err())),
		jen.Return(jen.True(), jen.Nil()),
	)
	f.Func().Id(retryable).Params(jen.Id("ctx").Qual("context", "Context"), jen.Id("input").Op("*").Id(in), jen.Id("output").Op("*").Id(out), jen.Err().Error()).Params(jen.Bool(), jen.Error()).Block(body...)
	f.Line()
}

// acceptorResult is what a matching acceptor returns.
func (g *gen) acceptorResult(state string) jen.Code {
	switch state {
	case "success":
		return jen.Return(jen.False(), jen.Nil())
	case "failure":
		return jen.Return(jen.False(), jen.Qual(g.rt("waiter"), "WaiterFailure").Call())
	}
	return jen.Return(jen.True(), jen.Nil())
}

func (g *gen) acceptor(a *goview.Acceptor) []jen.Code {
	switch {
	case a.Success != nil && *a.Success:
		return []jen.Code{jen.If(jen.Err().Op("==").Nil()).Block(g.acceptorResult(a.State))}
	case a.Success != nil:
		return []jen.Code{jen.If(jen.Err().Op("!=").Nil()).Block(g.acceptorResult(a.State))}
	case a.ErrorType != "":
		return []jen.Code{jen.If(jen.Err().Op("!=").Nil()).Block(
			jen.Var().Id("apiErr").Qual(pkgSmithy, "APIError"),
			jen.If(jen.Qual(pkgErrors, "As").Call(jen.Err(), jen.Op("&").Id("apiErr")).Op("&&").Id("apiErr").Dot("ErrorCode").Call().Op("==").Lit(a.ErrorType)).Block(
				g.acceptorResult(a.State),
			),
		)}
	}
	m, root := a.Output, jen.Id("output")
	if m == nil {
		m, root = a.InputOut, jen.Id("output")
		if m.Path[:len("input")] == "input" {
			root = jen.Id("input")
		}
	}
	// values collects the compared leaves; match compares them.
	collect := g.pathCollect(root, m.Steps, 0)
	var match jen.Code
	switch m.Comparator {
	case "stringEquals", "booleanEquals":
		match = jen.Len(jen.Id("values")).Op(">").Lit(0).Op("&&").Id("values").Index(jen.Lit(0)).Op("==").Add(expectedLit(m))
	case "allStringEquals":
		match = jen.Qual(g.rt("waiter"), "AllEqual").Call(jen.Id("values"), expectedLit(m))
	case "anyStringEquals":
		match = jen.Qual(g.rt("waiter"), "AnyEqual").Call(jen.Id("values"), expectedLit(m))
	}
	leafType := jen.String()
	if m.Comparator == "booleanEquals" {
		leafType = jen.Bool()
	}
	return []jen.Code{jen.If(jen.Err().Op("==").Nil().Op("&&").Add(root.Clone()).Op("!=").Nil()).Block(
		jen.Var().Id("values").Index().Add(leafType),
		collect,
		jen.If(match).Block(g.acceptorResult(a.State)),
	)}
}

func expectedLit(m *goview.PathMatcher) jen.Code {
	if m.Comparator == "booleanEquals" {
		return jen.Lit(m.Expected == "true")
	}
	return jen.Lit(m.Expected)
}

// pathCollect walks the steps from v, nil-checking pointers and ranging
// over projected lists, and appends each leaf to values.
func (g *gen) pathCollect(v *jen.Statement, steps []goview.PathStep, i int) jen.Code {
	st := steps[i]
	f := st.Field
	field := v.Clone().Dot(f.GoName)
	last := i == len(steps)-1
	if st.Project {
		elem := jen.Id("e" + string(rune('0'+i)))
		elemT := f.Type.Elem
		var inner jen.Code
		if last {
			inner = leafAppend(elem, elemT, f.Type.ElemPointer())
		} else {
			e := elem.Clone()
			if f.Type.ElemPointer() {
				inner = jen.If(elem.Clone().Op("!=").Nil()).Block(g.pathCollect(e, steps, i+1))
			} else {
				inner = g.pathCollect(e, steps, i+1)
			}
		}
		return jen.For(jen.List(jen.Id("_"), elem).Op(":=").Range().Add(field)).Block(inner)
	}
	if last {
		return leafAppend(field, f.Type, f.Pointer)
	}
	if f.Pointer {
		return jen.If(field.Clone().Op("!=").Nil()).Block(g.pathCollect(field, steps, i+1))
	}
	return g.pathCollect(field, steps, i+1)
}

func leafAppend(v *jen.Statement, t *goview.Type, pointer bool) jen.Code {
	val := v.Clone()
	if pointer {
		val = jen.Op("*").Add(v.Clone())
	}
	if t.Kind == goview.KindEnum {
		val = jen.String().Parens(val)
	}
	app := jen.Id("values").Op("=").Append(jen.Id("values"), val)
	if pointer {
		return jen.If(v.Clone().Op("!=").Nil()).Block(app)
	}
	return app
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return string(s[0]|0x20) + s[1:]
}
