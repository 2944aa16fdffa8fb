package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/gosmith/gosmith/codegen/goview"
)

// The test kit: API, the interface of Client, and the fake package whose
// Client satisfies it (and so every XxxAPIClient) by calling func fields.

// apiFile emits api_interface.go: API and the check that *Client has it.
func (g *gen) apiFile() *jen.File {
	f := g.newFile()
	methods := make([]jen.Code, 0, len(g.pkg.Operations))
	for _, op := range g.pkg.Operations {
		methods = append(methods, g.operationSignature(jen.Id(op.Name), op))
	}
	api := goview.APIName
	f.Comment(api + " is the interface of Client, listing its operations.")
	f.Comment("Code that takes an " + api + " rather than a *Client can be tested without the service,")
	if g.pkg.Fake != nil {
		f.Comment("for instance with package " + goview.FakeDir + "'s Client (" + g.pkg.Fake.ImportPath + ").")
	} else {
		f.Comment("with any type that has these methods.")
	}
	f.Comment("")
	f.Comment(api + " gains a method when the model gains an operation; a type of your own")
	f.Comment("that embeds " + api + " keeps compiling when it does.")
	f.Type().Id(api).Interface(methods...)
	f.Line()
	f.Var().Id("_").Id(api).Op("=").Parens(jen.Op("*").Id("Client")).Parens(jen.Nil())
	return f
}

// fakeFile emits fake/fake.go: a Client with one func field per operation,
// whose methods record the call and call the field, or return an error
// naming the operation when it is nil.
func (g *gen) fakeFile() *jen.File {
	fk := g.pkg.Fake
	f := jen.NewFilePathName(fk.ImportPath, goview.FakeDir)
	g.setup(f)
	if fk.ClientImport == g.pkg.Name {
		f.ImportName(g.pkg.ImportPath, fk.ClientImport)
	} else {
		f.ImportAlias(g.pkg.ImportPath, fk.ClientImport)
	}
	client := func(name string) *jen.Statement { return jen.Qual(g.pkg.ImportPath, name) }
	svc := g.pkg.Name

	f.PackageComment("Package " + goview.FakeDir + " is a stand-in for the " + g.title() + " client in tests: a Client")
	f.PackageComment("whose operations call the functions you give it and record every call, so")
	f.PackageComment("code that takes a " + svc + "." + goview.APIName + ", a paginator or a waiter can be tested")
	f.PackageComment("without the service.")

	typ, call := fk.Type, fk.Call
	fields := make([]jen.Code, 0, len(g.pkg.Operations)+3)
	for _, op := range g.pkg.Operations {
		fields = append(fields,
			jen.Comment(op.FakeFunc+" answers "+op.Name+"."),
			jen.Id(op.FakeFunc).Add(g.operationSignature(jen.Func(), op)),
		)
	}
	if len(fields) > 0 {
		fields = append(fields, jen.Line())
	}
	fields = append(fields,
		jen.Id("mu").Qual("sync", "Mutex"),
		jen.Id("calls").Index().Id(call),
	)
	f.Comment(typ + " is a " + svc + "." + goview.APIName + " whose operations call its XxxFunc fields. An")
	f.Comment("operation whose func is nil returns an error naming it. Every call is")
	f.Comment("recorded (see " + fk.Calls + "), answered or not. The zero " + typ + " is ready to use; set")
	f.Comment("the funcs before using it. " + fk.Calls + " is safe for concurrent use, and so are the")
	f.Comment("operations if their funcs are.")
	f.Type().Id(typ).Struct(fields...)
	f.Line()

	asserts := []jen.Code{jen.Id("_").Add(client(goview.APIName)).Op("=").Parens(jen.Op("*").Id(typ)).Parens(jen.Nil())}
	for _, op := range g.pkg.Operations {
		if op.APIClient != "" {
			asserts = append(asserts, jen.Id("_").Add(client(op.APIClient)).Op("=").Parens(jen.Op("*").Id(typ)).Parens(jen.Nil()))
		}
	}
	f.Var().Defs(asserts...)
	f.Line()

	f.Comment(call + " is an operation called on a " + typ + ".")
	f.Type().Id(call).Struct(
		jen.Comment("Operation is the name of the method called."),
		jen.Id("Operation").String(),
		jen.Comment("Input is the input it was called with, as passed (a *"+svc+".XxxInput)."),
		jen.Id("Input").Any(),
	)
	f.Line()

	recv := jen.Id("c").Op("*").Id(typ)
	f.Comment(fk.Calls + " returns the calls made so far, oldest first.")
	f.Func().Params(recv.Clone()).Id(fk.Calls).Params().Index().Id(call).Block(
		jen.Id("c").Dot("mu").Dot("Lock").Call(),
		jen.Defer().Id("c").Dot("mu").Dot("Unlock").Call(),
		jen.Return(jen.Append(jen.Index().Id(call).Parens(jen.Nil()), jen.Id("c").Dot("calls").Op("..."))),
	)
	f.Line()
	f.Func().Params(recv.Clone()).Id("record").Params(jen.Id("operation").String(), jen.Id("input").Any()).Block(
		jen.Id("c").Dot("mu").Dot("Lock").Call(),
		jen.Defer().Id("c").Dot("mu").Dot("Unlock").Call(),
		jen.Id("c").Dot("calls").Op("=").Append(jen.Id("c").Dot("calls"),
			jen.Id(call).Values(jen.Id("Operation").Op(":").Id("operation"), jen.Id("Input").Op(":").Id("input"))),
	)

	for _, op := range g.pkg.Operations {
		fn := jen.Id("c").Dot(op.FakeFunc)
		f.Line()
		f.Comment(op.Name + " records the call and returns what " + op.FakeFunc + " returns.")
		f.Func().Params(recv.Clone()).Id(op.Name).Params(
			jen.Id("ctx").Qual("context", "Context"),
			jen.Id("params").Op("*").Add(client(op.Input.Name)),
			jen.Id("optFns").Op("...").Func().Params(jen.Op("*").Add(client("Options"))),
		).Params(jen.Op("*").Add(client(op.Output.Name)), jen.Error()).Block(
			jen.Id("c").Dot("record").Call(jen.Lit(op.Name), jen.Id("params")),
			jen.If(fn.Clone().Op("==").Nil()).Block(
				jen.Return(jen.Nil(), jen.Qual("errors", "New").Call(jen.Lit(svc+" fake: "+op.Name+" called, but "+op.FakeFunc+" is not set"))),
			),
			jen.Return(fn.Clone().Call(jen.Id("ctx"), jen.Id("params"), jen.Id("optFns").Op("..."))),
		)
	}
	return f
}
