package emit

import (
	"sort"

	"github.com/dave/jennifer/jen"

	"github.com/gosmith/gosmith/codegen/goview"
)

// The event stream API is aws-sdk-go-v2's: an output's GetStream returns
// the operation's XEventStream, whose Events channel carries the members
// of the stream's union, with Close and Err; its Reader (the union's
// XReader interface) may be set to mock it. The reading itself is the
// runtime's (eventstreamapi.Reader); this file generates the types around
// it and the decoders it calls: for each union, one that routes an
// :event-type (or :exception-type) to its member, and for each member's
// structure one that reads its headers and payload.

// hasEventStreams reports whether the package gets an eventstream.go.
func hasEventStreams(p *goview.Package) bool { return len(p.EventStreams) > 0 }

// eventStreamsFile emits eventstream.go.
func (g *gen) eventStreamsFile() *jen.File {
	f := g.newFile()
	es := g.rt("eventstream")
	f.Comment(g.pkg.UnknownEventMessageError + " is the error a stream ends with when a")
	f.Comment("message's :message-type is none of event, exception and error.")
	f.Type().Id(g.pkg.UnknownEventMessageError).Op("=").Qual(es, "UnknownMessageError")
	f.Line()
	for _, op := range g.pkg.Operations {
		if op.EventStream != nil {
			g.operationEventStream(f, op)
		}
	}
	for _, s := range g.pkg.EventStreams {
		g.eventStreamReader(f, s)
	}
	for _, ev := range eventStructs(g.pkg) {
		g.eventDecoder(f, ev)
	}
	return f
}

// operationEventStream emits an operation's XEventStream, its
// constructor and methods, and the function the runtime calls to attach
// a stream to the output.
func (g *gen) operationEventStream(f *jen.File, op *goview.Operation) {
	s := op.EventStream
	union := g.typesQual(s.Union.Name)
	recv := jen.Id("es").Op("*").Id(s.Name)
	f.Comment(s.Name + " is the event stream of " + op.Name + ":")
	f.Comment("receive its events from Events until the channel closes, then check Err.")
	f.Comment("Close it when done with it, or it holds its connection until the call's")
	f.Comment("context ends. To mock it in tests, make one with")
	f.Comment(s.NewName + " and set its Reader.")
	f.Type().Id(s.Name).Struct(
		jen.Comment("Reader reads the stream's events; the client sets it. It must not be nil."),
		jen.Id("Reader").Id(s.ReaderName),
	)
	f.Line()
	f.Comment(s.NewName + " returns a new stream set up by optFns;")
	f.Comment("it is for tests, which give it a Reader.")
	f.Func().Id(s.NewName).Params(jen.Id("optFns").Op("...").Func().Params(jen.Op("*").Id(s.Name))).Op("*").Id(s.Name).Block(
		jen.Id("es").Op(":=").Op("&").Id(s.Name).Values(),
		jen.For(jen.List(jen.Id("_"), jen.Id("fn")).Op(":=").Range().Id("optFns")).Block(jen.Id("fn").Call(jen.Id("es"))),
		jen.Return(jen.Id("es")),
	)
	f.Line()
	f.Comment("Events returns the channel the stream's events arrive on, in order; it is")
	f.Comment("closed when the stream ends.")
	f.Func().Params(recv.Clone()).Id("Events").Params().Op("<-").Chan().Add(union.Clone()).Block(
		jen.Return(jen.Id("es").Dot("Reader").Dot("Events").Call()))
	f.Line()
	f.Comment("Close stops the stream and releases its connection; events not yet")
	f.Comment("received are dropped. It returns Err and may be called more than once.")
	f.Func().Params(recv.Clone()).Id("Close").Params().Error().Block(
		jen.Return(jen.Id("es").Dot("Reader").Dot("Close").Call()))
	f.Line()
	f.Comment("Err returns why the stream ended: nil at its end or after Close; a modeled")
	f.Comment("error of the stream (types), a *smithy.GenericAPIError, the call's context")
	f.Comment("error, or the failure to read or decode the stream otherwise.")
	f.Func().Params(recv.Clone()).Id("Err").Params().Error().Block(
		jen.Return(jen.Id("es").Dot("Reader").Dot("Err").Call()))
	f.Line()
	f.Comment(startStream(op) + " reads the events of body into the output.")
	f.Func().Id(startStream(op)).Params(
		jen.Id("ctx").Qual("context", "Context"),
		jen.Id("out").Any(),
		jen.Id("body").Op("*").Qual(g.rt("eventstreamapi"), "Body"),
	).Block(
		outputOf(op.Output),
		jen.Id("v").Dot("eventStream").Op("=").Op("&").Id(s.Name).Values(jen.Dict{
			jen.Id("Reader"): jen.Qual(g.rt("eventstreamapi"), "NewReader").Call(
				jen.Id("ctx"), jen.Id("body"), jen.Id(eventRouter(s.EventStream)), jen.Id(exceptionRouter(s.EventStream))),
		}),
	)
	f.Line()
}

// eventStreamAccessor adds the output's GetStream (aws-sdk-go-v2's accessor
// of the unexported stream field) after the output struct.
func (g *gen) eventStreamAccessor(f *jen.File, op *goview.Operation) {
	s := op.EventStream
	f.Comment("GetStream returns the call's event stream: receive its events until the")
	f.Comment("channel closes, then check its Err; Close it when done.")
	f.Func().Params(jen.Id("o").Op("*").Id(op.Output.Name)).Id("GetStream").Params().Op("*").Id(s.Name).Block(
		jen.Return(jen.Id("o").Dot("eventStream")))
	f.Line()
}

// eventStreamReader emits a union's reader interface and the two routers
// its runtime reader calls.
func (g *gen) eventStreamReader(f *jen.File, s *goview.EventStream) {
	api := g.rt("eventstreamapi")
	union := g.typesQual(s.Union.Name)
	f.Comment(s.ReaderName + " reads the events of a " + s.Union.Name + " stream.")
	f.Comment("Close must be safe to call more than once and from any goroutine.")
	f.Type().Id(s.ReaderName).Interface(
		jen.Id("Events").Params().Op("<-").Chan().Add(union.Clone()),
		jen.Id("Close").Params().Error(),
		jen.Id("Err").Params().Error(),
	)
	f.Line()

	// Members are handed out from slabs, as the JSON decoders' union
	// members are: a stream of small events allocates now and then.
	for _, ev := range s.Events {
		f.Var().Id(slabVar(nil, ev.Field)).Op("=").Qual(g.rt("jsonwire"), "NewSlabID").Call()
	}
	var cases []jen.Code
	for _, ev := range s.Events {
		cases = append(cases, jen.Case(jen.Lit(ev.Name)).Block(
			jen.Id("v").Op(":=").Qual(api, "Alloc").Types(g.typesQual(ev.Field.UnionMember)).Call(jen.Id("m"), jen.Id(slabVar(nil, ev.Field))),
			jen.Return(jen.Id("v"), jen.Id(eventDecoder(ev)).Call(jen.Id("m"), jen.Op("&").Id("v").Dot("Value"))),
		))
	}
	unknown := jen.Return(jen.Op("&").Add(g.typesQual(g.pkg.UnknownUnionMember)).Values(jen.Dict{
		jen.Id("Tag"):   jen.Id("eventType"),
		jen.Id("Value"): jen.Id("m").Dot("Encoded").Call(),
	}), jen.Nil())
	var body []jen.Code
	if len(cases) > 0 {
		body = append(body, jen.Switch(jen.Id("eventType")).Block(cases...))
	}
	body = append(body, unknown)
	f.Comment(eventRouter(s) + " decodes the event an :event-type")
	f.Comment("names; a type this client does not know is kept whole as " + g.pkg.UnknownUnionMember + ".")
	f.Func().Id(eventRouter(s)).Params(jen.Id("m").Op("*").Qual(api, "Message"), jen.Id("eventType").String()).Params(union.Clone(), jen.Error()).Block(body...)
	f.Line()

	cases = nil
	for _, ev := range s.Errors {
		cases = append(cases, jen.Case(jen.Lit(ev.Name)).Block(
			jen.Id("v").Op(":=").Op("&").Add(g.typesQual(ev.Struct.Name)).Values(),
			jen.Return(jen.Id("v"), jen.Id(eventDecoder(ev)).Call(jen.Id("m"), jen.Id("v"))),
		))
	}
	params := []jen.Code{jen.Id("m").Op("*").Qual(api, "Message"), jen.Id("exceptionType").String()}
	body = nil
	if len(cases) > 0 {
		body = append(body, jen.Switch(jen.Id("exceptionType")).Block(cases...))
	} else {
		params = []jen.Code{jen.Op("*").Qual(api, "Message"), jen.String()}
	}
	body = append(body, jen.Return(jen.Nil(), jen.Nil()))
	f.Comment(exceptionRouter(s) + " decodes the modeled error an")
	f.Comment(":exception-type names; nil for one the stream does not model.")
	f.Func().Id(exceptionRouter(s)).Params(params...).Params(jen.Error(), jen.Error()).Block(body...)
	f.Line()
}

// eventStructs are the structures of every event and modeled error of the
// package's streams, once each, sorted by name.
func eventStructs(p *goview.Package) []*goview.Event {
	seen := map[*goview.Struct]bool{}
	var out []*goview.Event
	for _, s := range p.EventStreams {
		for _, ev := range append(append([]*goview.Event{}, s.Events...), s.Errors...) {
			if !seen[ev.Struct] {
				seen[ev.Struct] = true
				out = append(out, ev)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Struct.Name < out[j].Struct.Name })
	return out
}

// eventDecoder emits the function that reads one event (or error)
// structure from a message: its header members, then its payload.
func (g *gen) eventDecoder(f *jen.File, ev *goview.Event) {
	api := g.rt("eventstreamapi")
	var body []jen.Code
	if len(ev.Headers) > 0 {
		body = append(body, jen.Var().Err().Error())
	}
	for _, h := range ev.Headers {
		read := "Header"
		if h.Pointer {
			read = "HeaderPtr"
		}
		stmt := jen.If(jen.List(jen.Id("v").Dot(h.GoName), jen.Err()).Op("=").Qual(api, read).Call(jen.Id("m"), jen.Lit(h.Name), g.headerValueParser(h.Type)),
			jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err()))
		if h.Deprecated != nil {
			body = append(body, lintDeprecated())
		}
		body = append(body, stmt)
	}
	json := func(stmts ...jen.Code) jen.Code {
		return jen.Return(jen.Id("m").Dot("JSON").Call(jen.Func().Params(g.decoderParams()).Error().Block(stmts...)))
	}
	d := jen.Id("d")
	switch pl := ev.Payload; {
	case ev.Body:
		body = append(body, json(jen.Return(jen.Id(deserializer(ev.Struct.Type)).Call(d, jen.Id("v")))))
	case pl == nil:
		body = append(body, jen.Return(jen.Nil()))
	default:
		field := jen.Id("v").Dot(pl.GoName)
		if pl.Deprecated != nil {
			body = append(body, lintDeprecated())
		}
		switch pl.Type.Kind {
		case goview.KindBlob:
			body = append(body, field.Clone().Op("=").Id("m").Dot("Blob").Call(), jen.Return(jen.Nil()))
		case goview.KindString:
			if pl.Pointer {
				body = append(body, field.Clone().Op("=").Id("m").Dot("Text").Call())
			} else {
				body = append(body, jen.If(jen.Id("s").Op(":=").Id("m").Dot("Text").Call(), jen.Id("s").Op("!=").Nil()).Block(field.Clone().Op("=").Op("*").Id("s")))
			}
			body = append(body, jen.Return(jen.Nil()))
		case goview.KindUnion:
			body = append(body, json(jen.Return(jen.Id(deserializer(pl.Type)).Call(d, jen.Op("&").Add(field.Clone())))))
		default: // structure
			body = append(body, json(
				jen.If(d.Clone().Dot("Null").Call()).Block(jen.Return(jen.Nil())),
				field.Clone().Op("=").New(g.goType(pl.Type)),
				jen.Return(jen.Id(deserializer(pl.Type)).Call(d, field.Clone())),
			))
		}
	}
	v := jen.Id("v")
	if len(ev.Headers) == 0 && ev.Payload == nil && !ev.Body {
		v = jen.Id("_") // an event without members: its message says it all
	}
	f.Comment(eventDecoder(ev) + " reads " + ev.Struct.Name + " from a message.")
	f.Func().Id(eventDecoder(ev)).Params(jen.Id("m").Op("*").Qual(api, "Message"), v.Op("*").Add(g.typesQual(ev.Struct.Name))).Error().Block(body...)
	f.Line()
}

// headerValueParser is the runtime function that parses a header value of
// t (a kind goview allows in headers).
func (g *gen) headerValueParser(t *goview.Type) jen.Code {
	api := g.rt("eventstreamapi")
	switch t.Kind {
	case goview.KindBool:
		return jen.Qual(api, "Bool")
	case goview.KindInt8, goview.KindInt16, goview.KindInt32, goview.KindInt64, goview.KindIntEnum:
		return jen.Qual(api, "Int").Types(g.goType(t))
	case goview.KindString, goview.KindEnum:
		return jen.Qual(api, "String").Types(g.goType(t))
	case goview.KindBlob:
		return jen.Qual(api, "Blob")
	case goview.KindTimestamp:
		return jen.Qual(api, "Timestamp")
	}
	panic("emit: unhandled kind in an event header: " + t.Name)
}

// Names of the generated event stream functions. Their prefixes differ
// from each other's and from every other generated function's, so no
// shape name can make two of them meet.
func startStream(op *goview.Operation) string      { return "start" + op.EventStream.Name }
func eventRouter(s *goview.EventStream) string     { return "decodeEvent" + s.Union.Name }
func exceptionRouter(s *goview.EventStream) string { return "decodeException" + s.Union.Name }
func eventDecoder(ev *goview.Event) string         { return "decodeMessage" + ev.Struct.Name }
