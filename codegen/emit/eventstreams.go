package emit

import (
	"sort"
	"strings"

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
		if s.Written {
			g.eventStreamWriter(f, s)
		}
		if s.Read {
			g.eventStreamReader(f, s)
		}
	}
	for _, ev := range eventStructs(g.pkg, true) {
		g.eventEncoder(f, ev)
	}
	for _, ev := range eventStructs(g.pkg, false) {
		g.eventDecoder(f, ev)
	}
	return f
}

// operationEventStream emits an operation's XEventStream, its
// constructor and methods, and the function the runtime calls to attach
// a stream to the output.
func (g *gen) operationEventStream(f *jen.File, op *goview.Operation) {
	s := op.EventStream
	in, out := s.Input, s.Output
	recv := jen.Id("es").Op("*").Id(s.Name)
	var fields, doc []string
	var members []jen.Code
	if in != nil {
		fields = append(fields, "Writer")
		doc = append(doc, "send its events with Send, and Close its Writer when there are no more")
		members = append(members,
			jen.Comment("Writer sends the stream's events; the client sets it. It must not be nil."),
			jen.Id("Writer").Id(in.WriterName))
	}
	if out != nil {
		fields = append(fields, "Reader")
		doc = append(doc, "receive its events from Events until the channel closes, then check Err")
		members = append(members,
			jen.Comment("Reader reads the stream's events; the client sets it. It must not be nil."),
			jen.Id("Reader").Id(out.ReaderName))
	} else {
		members = append(members,
			jen.Comment("response closes the call's response body once the service has ended it,"),
			jen.Comment("after the Writer: closing it first would end the request too."),
			jen.Id("response").Qual("io", "Closer"))
	}
	setters := strings.Join(fields, " and ")
	f.Comment(s.Name + " is the event stream of " + op.Name + ":")
	for i, d := range doc {
		if i < len(doc)-1 {
			f.Comment(d + ";")
		} else {
			f.Comment(d + ".")
		}
	}
	f.Comment("Close it when done with it, or it holds its connection until the call's")
	f.Comment("context ends. To mock it in tests, make one with " + s.NewName)
	f.Comment("and set its " + setters + ".")
	f.Type().Id(s.Name).Struct(members...)
	f.Line()
	f.Comment(s.NewName + " returns a new stream set up by optFns;")
	f.Comment("it is for tests, which give it a " + setters + ".")
	f.Func().Id(s.NewName).Params(jen.Id("optFns").Op("...").Func().Params(jen.Op("*").Id(s.Name))).Op("*").Id(s.Name).Block(
		jen.Id("es").Op(":=").Op("&").Id(s.Name).Values(),
		jen.For(jen.List(jen.Id("_"), jen.Id("fn")).Op(":=").Range().Id("optFns")).Block(jen.Id("fn").Call(jen.Id("es"))),
		jen.Return(jen.Id("es")),
	)
	f.Line()
	if in != nil {
		f.Comment("Send sends event on the stream; see " + in.WriterName + ".")
		f.Func().Params(recv.Clone()).Id("Send").Params(jen.Id("ctx").Qual("context", "Context"), jen.Id("event").Add(g.typesQual(in.Union.Name))).Error().Block(
			jen.Return(jen.Id("es").Dot("Writer").Dot("Send").Call(jen.Id("ctx"), jen.Id("event"))))
		f.Line()
	}
	if out != nil {
		f.Comment("Events returns the channel the stream's events arrive on, in order; it is")
		f.Comment("closed when the stream ends.")
		f.Func().Params(recv.Clone()).Id("Events").Params().Op("<-").Chan().Add(g.typesQual(out.Union.Name)).Block(
			jen.Return(jen.Id("es").Dot("Reader").Dot("Events").Call()))
		f.Line()
	}
	switch {
	case in != nil && out != nil:
		f.Comment("Close ends the stream: it closes the Writer (which tells the service no")
		f.Comment("more events follow), then stops reading and releases the connection;")
		f.Comment("events not yet received are dropped. It returns Err and may be called")
		f.Comment("more than once.")
		f.Func().Params(recv.Clone()).Id("Close").Params().Error().Block(
			jen.Id("es").Dot("Writer").Dot("Close").Call(),
			jen.Id("es").Dot("Reader").Dot("Close").Call(),
			jen.Return(jen.Id("es").Dot("Err").Call()))
		f.Line()
		f.Comment("Err returns why the stream ended: the Writer's error, if it failed, else")
		f.Comment("the Reader's: nil at the stream's end or after Close; a modeled error of")
		f.Comment("the stream (types), a *smithy.GenericAPIError, the call's context error,")
		f.Comment("or the failure to write, read or decode the stream otherwise.")
		f.Func().Params(recv.Clone()).Id("Err").Params().Error().Block(
			jen.If(jen.Err().Op(":=").Id("es").Dot("Writer").Dot("Err").Call(), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
			jen.Return(jen.Id("es").Dot("Reader").Dot("Err").Call()))
	case in != nil:
		f.Comment("Close ends the stream: it closes the Writer, which tells the service no")
		f.Comment("more events follow, then releases the connection. It returns Err and may")
		f.Comment("be called more than once.")
		f.Func().Params(recv.Clone()).Id("Close").Params().Error().Block(
			jen.Err().Op(":=").Id("es").Dot("Writer").Dot("Close").Call(),
			jen.If(jen.Id("es").Dot("response").Op("!=").Nil()).Block(jen.Id("es").Dot("response").Dot("Close").Call()),
			jen.Return(jen.Err()))
		f.Line()
		f.Comment("Err returns why the stream ended early: nil while it runs and after a clean")
		f.Comment("Close; otherwise the failure to write it, or the call's context error.")
		f.Func().Params(recv.Clone()).Id("Err").Params().Error().Block(
			jen.Return(jen.Id("es").Dot("Writer").Dot("Err").Call()))
	default:
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
	}
	f.Line()
	api := g.rt("eventstreamapi")
	var start []jen.Code
	stream := jen.Dict{}
	if in != nil {
		start = append(start,
			jen.List(jen.Id("w"), jen.Err()).Op(":=").Qual(api, "NewWriter").Call(jen.Id("ctx"), jen.Id(eventEncoderRouter(in))),
			jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())))
		stream[jen.Id("Writer")] = jen.Id("w")
	}
	if out != nil {
		stream[jen.Id("Reader")] = jen.Qual(api, "NewReader").Call(
			jen.Id("ctx"), jen.Id("body"), jen.Id(eventRouter(out)), jen.Id(exceptionRouter(out)))
	} else {
		stream[jen.Id("response")] = jen.Qual(api, "InputResponse").Call(jen.Id("body"))
	}
	start = append(start,
		jen.Id("v").Dot("eventStream").Op("=").Op("&").Id(s.Name).Values(stream),
		jen.Return(jen.Nil()))
	if out != nil {
		f.Comment(startStream(op) + " reads the events of body into the output.")
	} else {
		f.Comment(startStream(op) + " gives the output the stream to write to.")
	}
	f.Func().Id(startStream(op)).Params(
		jen.Id("ctx").Qual("context", "Context"),
		jen.Id("out").Any(),
		jen.Id("body").Op("*").Qual(api, "Body"),
	).Error().Block(append([]jen.Code{outputOf(op.Output)}, start...)...)
	f.Line()
}

// eventStreamAccessor adds the output's GetStream (aws-sdk-go-v2's accessor
// of the unexported stream field) after the output struct.
func (g *gen) eventStreamAccessor(f *jen.File, op *goview.Operation) {
	s := op.EventStream
	f.Comment("GetStream returns the call's event stream: receive its events until the")
	f.Comment("channel closes, then check its Err; Close it when done.")
	if s.Input != nil {
		f.Comment("Send it events, and Close its Writer when there are no more.")
	}
	f.Func().Params(jen.Id("o").Op("*").Id(op.Output.Name)).Id("GetStream").Params().Op("*").Id(s.Name).Block(
		jen.Return(jen.Id("o").Dot("eventStream")))
	f.Line()
}

// eventStreamWriter emits an input union's writer interface and the
// function its runtime writer encodes events with.
func (g *gen) eventStreamWriter(f *jen.File, s *goview.EventStream) {
	api := g.rt("eventstreamapi")
	union := g.typesQual(s.Union.Name)
	f.Comment(s.WriterName + " writes the events of a " + s.Union.Name + " stream.")
	f.Comment("Close must be safe to call more than once and from any goroutine.")
	f.Type().Id(s.WriterName).Interface(
		jen.Id("Send").Params(jen.Qual("context", "Context"), union.Clone()).Error(),
		jen.Id("Close").Params().Error(),
		jen.Id("Err").Params().Error(),
	)
	f.Line()
	var cases []jen.Code
	for _, ev := range s.Events {
		cases = append(cases, jen.Case(jen.Op("*").Add(g.typesQual(ev.Field.UnionMember))).Block(
			jen.Id("m").Dot("Event").Call(jen.Lit(ev.Name)),
			jen.Return(jen.Id(eventEncoder(ev)).Call(jen.Id("m"), jen.Op("&").Id("uv").Dot("Value"))),
		))
	}
	uv := jen.Id("uv")
	if len(cases) == 0 {
		uv = jen.Id("_")
	}
	f.Comment(eventEncoderRouter(s) + " writes an event into m: the")
	f.Comment("member the value is; any other value (nil, " + g.pkg.UnknownUnionMember + ") is an error.")
	f.Func().Id(eventEncoderRouter(s)).Params(jen.Id("m").Op("*").Qual(api, "OutMessage"), jen.Id("v").Add(union.Clone())).Error().Block(
		jen.Switch(uv.Op(":=").Id("v").Assert(jen.Type())).Block(cases...),
		jen.Return(jen.Qual("fmt", "Errorf").Call(jen.Lit("union "+s.Union.Name+": cannot send member type %T"), jen.Id("v"))),
	)
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

// eventStructs are the structures of every event (and modeled error) of
// the package's input streams (written) or output streams, once each,
// sorted by name.
func eventStructs(p *goview.Package, written bool) []*goview.Event {
	seen := map[*goview.Struct]bool{}
	var out []*goview.Event
	for _, s := range p.EventStreams {
		evs := s.Events
		switch {
		case written && !s.Written, !written && !s.Read:
			continue
		case !written:
			evs = append(append([]*goview.Event{}, s.Events...), s.Errors...)
		}
		for _, ev := range evs {
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

// eventEncoder emits the function that writes one event structure into a
// message: its header members, then its payload (its @eventPayload
// member, or the JSON object of its other members; "{}" for an event
// without members, as aws-sdk-go-v2 sends).
func (g *gen) eventEncoder(f *jen.File, ev *goview.Event) {
	es := g.rt("eventstream")
	var body []jen.Code
	for _, h := range ev.Headers {
		field := jen.Id("v").Dot(h.GoName)
		value, cond := field.Clone(), jen.Code(nil)
		switch {
		case h.Pointer:
			value, cond = jen.Op("*").Add(field.Clone()), field.Clone().Op("!=").Nil()
		case h.Type.Kind == goview.KindBlob:
			cond = field.Clone().Op("!=").Nil()
		case h.Type.Kind == goview.KindEnum:
			cond = jen.Len(field.Clone()).Op(">").Lit(0)
		}
		if h.Deprecated != nil {
			body = append(body, lintDeprecated())
		}
		stmt := jen.Id("m").Dot("Header").Call(jen.Lit(h.Name), g.headerValue(es, h.Type, value))
		if cond != nil {
			stmt = jen.If(cond).Block(stmt)
		}
		body = append(body, stmt)
	}
	json := func(stmts ...jen.Code) jen.Code {
		return jen.Id("m").Dot("JSON").Call(jen.Func().Params(jen.Id("e").Op("*").Qual(g.rt("jsonwire"), "Encoder")).Block(stmts...))
	}
	switch pl := ev.Payload; {
	case pl == nil && (ev.Body || len(ev.Headers) == 0):
		members := *ev.Struct
		members.BodyFields = ev.BodyFields()
		body = append(body, jen.Return(json(g.serializeStruct(&members)...)))
	case pl == nil:
		body = append(body, jen.Return(jen.Nil()))
	default:
		field := jen.Id("v").Dot(pl.GoName)
		if pl.Deprecated != nil {
			body = append(body, lintDeprecated())
		}
		switch pl.Type.Kind {
		case goview.KindBlob:
			body = append(body, jen.Id("m").Dot("Blob").Call(field), jen.Return(jen.Nil()))
		case goview.KindString:
			if pl.Pointer {
				body = append(body, jen.Id("m").Dot("Text").Call(field))
			} else {
				body = append(body, jen.If(jen.Len(field.Clone()).Op(">").Lit(0)).Block(
					jen.Id("s").Op(":=").String().Parens(field.Clone()),
					jen.Id("m").Dot("Text").Call(jen.Op("&").Id("s"))))
			}
			body = append(body, jen.Return(jen.Nil()))
		default: // structure or union
			value := field.Clone()
			if pl.Type.Kind == goview.KindStruct && !pl.Pointer {
				value = jen.Op("&").Add(field.Clone())
			}
			write := jen.Return(json(jen.Id(serializer(pl.Type)).Call(jen.Id("e"), value)))
			if pl.Pointer || pl.Type.Kind == goview.KindUnion {
				body = append(body, jen.If(field.Clone().Op("!=").Nil()).Block(write), jen.Return(jen.Nil()))
			} else {
				body = append(body, write)
			}
		}
	}
	v := jen.Id("v")
	if len(ev.Headers) == 0 && ev.Payload == nil && !ev.Body {
		v = jen.Id("_") // an event without members: "{}"
	}
	f.Comment(eventEncoder(ev) + " writes " + ev.Struct.Name + " into a message.")
	f.Func().Id(eventEncoder(ev)).Params(jen.Id("m").Op("*").Qual(g.rt("eventstreamapi"), "OutMessage"), v.Op("*").Add(g.typesQual(ev.Struct.Name))).Error().Block(body...)
	f.Line()
}

// headerValue is the event stream header value of value, of type t (a kind
// goview allows in headers): the runtime's constructor of the header type
// aws-sdk-go-v2 writes for the kind, given the value converted to the
// constructor's parameter type where the Go type is an enum.
func (g *gen) headerValue(es string, t *goview.Type, value *jen.Statement) jen.Code {
	constructor, ok := headerConstructors[t.Kind]
	if !ok {
		panic("emit: unhandled kind in an event header: " + t.Name)
	}
	switch t.Kind {
	case goview.KindEnum:
		value = jen.String().Parens(value)
	case goview.KindIntEnum:
		value = jen.Int32().Parens(value)
	}
	return jen.Qual(es, constructor).Call(value)
}

// headerConstructors name the eventstream.Value constructor of each kind
// allowed in an event header.
var headerConstructors = map[goview.Kind]string{
	goview.KindBool:      "Bool",
	goview.KindInt8:      "Byte",
	goview.KindInt16:     "Int16",
	goview.KindInt32:     "Int32",
	goview.KindIntEnum:   "Int32",
	goview.KindInt64:     "Int64",
	goview.KindString:    "String",
	goview.KindEnum:      "String",
	goview.KindBlob:      "ByteArray",
	goview.KindTimestamp: "Timestamp",
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
func startStream(op *goview.Operation) string         { return "start" + op.EventStream.Name }
func eventRouter(s *goview.EventStream) string        { return "decodeEvent" + s.Union.Name }
func exceptionRouter(s *goview.EventStream) string    { return "decodeException" + s.Union.Name }
func eventDecoder(ev *goview.Event) string            { return "decodeMessage" + ev.Struct.Name }
func eventEncoderRouter(s *goview.EventStream) string { return "encodeEvent" + s.Union.Name }
func eventEncoder(ev *goview.Event) string            { return "encodeMessage" + ev.Struct.Name }
