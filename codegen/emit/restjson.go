package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/gosmith/gosmith/codegen/goview"
	"github.com/gosmith/gosmith/internal/protocol/restjson"
)

// restJSON emits restJson1: each operation is an HTTP method and URI, its
// input members bound to labels, query parameters, headers and a JSON body
// (or one payload member); its output and errors read back the same way.
// The body codecs are the JSON ones awsJson uses; this file adds the
// binding of every other location.
type restJSON struct{}

func (restJSON) runtime() string { return "restjson" }

func (p restJSON) serviceValue(g *gen, neutral jen.Dict) jen.Code {
	return jen.Qual(g.rt(p.runtime()), "Service").Values(jen.Dict{
		jen.Id("Service"): jen.Qual(g.rt("client"), "Service").Values(neutral),
	})
}

func (p restJSON) descriptor(g *gen, op *goview.Operation, d jen.Dict) {
	d[jen.Id("Method")] = jen.Lit(op.HTTP.Method)
	d[jen.Id("URI")] = jen.Lit(op.HTTP.URI)
	d[jen.Id("Serialize")] = jen.Id(httpSerializer(op.Input))
	d[jen.Id("Deserialize")] = jen.Id(httpDeserializer(op.Output))
	g.errorsAndCompression(op, d, g.rt(p.runtime()))
}

func (p restJSON) errorBindings(g *gen, f *jen.File) {
	rt := g.rt(p.runtime())
	for _, st := range g.pkg.OperationErrors {
		var headers jen.Code = jen.Nil()
		if hasHTTPBoundFields(st) {
			headers = jen.Id(httpDeserializer(st))
		}
		g.errorBinding(f, st, jen.Id("r").Op("*").Qual(rt, "Response"),
			jen.Qual(rt, "DecodeError").Call(jen.Id("r"), jen.New(g.goType(st.Type)), jen.Id(deserializer(st.Type)), headers))
	}
}

// A restJson1 stream is the body; the binder has read the headers.
func (p restJSON) eventStream(g *gen, op *goview.Operation) jen.Code {
	rt := g.rt(p.runtime())
	return jen.Func().Params(jen.Id("ctx").Qual("context", "Context"), jen.Id("r").Op("*").Qual(rt, "Response"), jen.Id("out").Any()).Error().Block(
		jen.Return(jen.Qual(rt, "ReadEventStream").Call(jen.Id("ctx"), jen.Id("r"), jen.Id("out"), jen.Id(startStream(op)))),
	)
}

// The descriptor's Serialize and Deserialize are the HTTP binders, which
// call the body codecs.
func (restJSON) bodyCodecsInDescriptor() bool { return false }

func (p restJSON) serializers(g *gen, f *jen.File) {
	for _, op := range g.pkg.Operations {
		g.restRequestBinder(f, op)
	}
}

func (p restJSON) deserializers(g *gen, f *jen.File) {
	for _, op := range g.pkg.Operations {
		g.restResponseBinder(f, op.Output, true)
	}
	for _, st := range g.pkg.OperationErrors {
		if hasHTTPBoundFields(st) {
			g.restResponseBinder(f, st, false)
		}
	}
}

// httpSerializer and httpDeserializer name the functions that bind an
// input to a request and a response to an output or error.
func httpSerializer(st *goview.Struct) string   { return "serializeHTTP" + st.Type.CodecName }
func httpDeserializer(st *goview.Struct) string { return "deserializeHTTP" + st.Type.CodecName }

func hasHTTPBoundFields(st *goview.Struct) bool {
	return len(st.BodyFields) < len(st.WireFields)
}

// payloadField is the struct's @httpPayload member, or nil.
func payloadField(st *goview.Struct) *goview.Field {
	for _, f := range st.WireFields {
		if f.Location == goview.LocationPayload {
			return f
		}
	}
	return nil
}

// restRequestBinder emits the function that puts an input's members where
// their traits say: labels (in URI order), query parameters (bound members
// before the query map, which cannot override them), headers (likewise
// before prefix headers), then the body.
func (g *gen) restRequestBinder(f *jen.File, op *goview.Operation) {
	in := op.Input
	rt := g.rt("restjson")
	r := jen.Id("r")
	var body []jen.Code
	var labels []jen.Code
	for _, seg := range op.HTTP.Path {
		if seg.Label == nil {
			continue
		}
		v := jen.Id("label" + seg.Label.GoName)
		body = append(body, jen.Var().Add(v.Clone()).String())
		set, cond := g.formatField(seg.Label, in, func(s jen.Code) jen.Code { return v.Clone().Op("=").Add(s) })
		if cond != nil {
			body = append(body, jen.If(cond).Block(set))
		} else {
			body = append(body, set)
		}
		labels = append(labels, v)
	}
	body = append(body, jen.If(jen.Err().Op(":=").Add(r.Clone()).Dot("Path").Call(labels...), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())))

	byLocation := func(loc goview.Location) []*goview.Field {
		var out []*goview.Field
		for _, fl := range in.WireFields {
			if fl.Location == loc {
				out = append(out, fl)
			}
		}
		return out
	}
	for _, fl := range byLocation(goview.LocationQuery) {
		add := func(s jen.Code) jen.Code { return r.Clone().Dot("Query").Dot("Add").Call(jen.Lit(fl.LocationName), s) }
		body = append(body, g.bindEach(fl, in, add))
	}
	for _, fl := range byLocation(goview.LocationQueryParams) {
		method := "AddParams"
		if fl.Type.Elem.Kind == goview.KindList {
			method = "AddParamLists"
		}
		body = append(body, r.Clone().Dot("Query").Dot(method).Call(jen.Id("v").Dot(fl.GoName)))
	}
	for _, fl := range byLocation(goview.LocationHeader) {
		if fl.Type.Kind == goview.KindList {
			body = append(body, g.headerList(fl))
			continue
		}
		set := func(s jen.Code) jen.Code {
			return jen.Qual(rt, "SetHeader").Call(r.Clone().Dot("Header"), jen.Lit(fl.LocationName), s)
		}
		s, cond := g.formatField(fl, in, set)
		if cond != nil {
			s = jen.If(cond).Block(s)
		}
		body = append(body, s)
	}
	for _, fl := range byLocation(goview.LocationPrefixHeaders) {
		body = append(body, jen.Qual(rt, "SetPrefixHeaders").Call(r.Clone().Dot("Header"), jen.Lit(fl.LocationName), jen.Id("v").Dot(fl.GoName)))
	}
	body = append(body, g.requestBody(op)...)
	body = append(body, jen.Return(jen.Nil()))
	check := g.inputOf(in)
	if len(in.WireFields) == 0 {
		check = g.inputChecked(in)
	}
	body = append([]jen.Code{check}, body...)
	f.Func().Id(httpSerializer(in)).Params(jen.Id("r").Op("*").Qual(rt, "Request"), jen.Id("in").Any()).Error().Block(body...)
	f.Line()
}

// requestBody writes the body: the payload member, or the JSON object of
// the body members, or nothing when the input has neither.
func (g *gen) requestBody(op *goview.Operation) []jen.Code {
	in := op.Input
	r := jen.Id("r")
	if op.EventStream != nil && op.EventStream.Input != nil {
		return []jen.Code{r.Clone().Dot("EventStream").Call()}
	}
	if pl := payloadField(in); pl != nil {
		field := jen.Id("v").Dot(pl.GoName)
		// The Content-Type is the payload's @mediaType, else the default of
		// its kind: the runtime's rule, applied at generation time.
		ct := func(kind restjson.Body) *jen.Statement { return jen.Lit(kind.ContentType(pl.MediaType)) }
		switch {
		case pl.Stream == goview.StreamIn:
			return []jen.Code{r.Clone().Dot("Stream").Call(field, ct(restjson.BlobPayload))}
		case pl.Type.Kind == goview.KindBlob:
			return []jen.Code{r.Clone().Dot("Blob").Call(field, ct(restjson.BlobPayload))}
		case pl.Type.Kind == goview.KindString:
			return []jen.Code{r.Clone().Dot("Text").Call(field, ct(restjson.StringPayload))}
		case pl.Type.Kind == goview.KindEnum:
			return []jen.Code{r.Clone().Dot("Text").Call(jen.Qual(pkgAWS, "String").Call(jen.String().Parens(field)), ct(restjson.StringPayload))}
		case pl.Type.Kind == goview.KindDocument:
			return []jen.Code{jen.If(field.Clone().Op("!=").Nil()).Block(
				jen.Qual(g.rt("document"), "WriteJSON").Call(r.Clone().Dot("JSONPayload").Call(ct(restjson.DocumentPayload)), field.Clone()),
			).Else().Block(r.Clone().Dot("DefaultContentType").Call(ct(restjson.DocumentPayload)))}
		case pl.Type.Kind == goview.KindUnion:
			return []jen.Code{jen.If(field.Clone().Op("!=").Nil()).Block(
				jen.Id(serializer(pl.Type)).Call(r.Clone().Dot("JSONPayload").Call(ct(restjson.UnionPayload)), field.Clone()),
			).Else().Block(r.Clone().Dot("DefaultContentType").Call(ct(restjson.UnionPayload)))}
		default: // structure
			return []jen.Code{jen.If(field.Clone().Op("!=").Nil()).Block(
				jen.Id(serializer(pl.Type)).Call(r.Clone().Dot("JSONPayload").Call(ct(restjson.StructurePayload)), field.Clone()),
			).Else().Block(r.Clone().Dot("EmptyJSONPayload").Call(ct(restjson.StructurePayload)))}
		}
	}
	if len(in.BodyFields) == 0 {
		return nil
	}
	return []jen.Code{jen.Id(serializer(in.Type)).Call(r.Clone().Dot("JSONBody").Call(), jen.Id("v"))}
}

// formatField renders a scalar field as its string form for a label, query
// parameter or header, passed to use; cond, when not nil, guards it (the
// field is set).
func (g *gen) formatField(fl *goview.Field, st *goview.Struct, use func(jen.Code) jen.Code) (jen.Code, jen.Code) {
	field := jen.Id("v").Dot(fl.GoName)
	value := field.Clone()
	var cond jen.Code
	switch {
	case fl.Pointer:
		cond = field.Clone().Op("!=").Nil()
		value = jen.Op("*").Add(field.Clone())
	case fl.Type.Kind == goview.KindEnum:
		cond = jen.Len(field.Clone()).Op(">").Lit(0)
	case fl.Type.Kind == goview.KindIntEnum:
		cond = field.Clone().Op("!=").Lit(0)
	case fl.Type.Kind == goview.KindBlob:
		cond = field.Clone().Op("!=").Nil()
	case fl.OmitZero && fl.Type.Kind == goview.KindBool:
		cond = field.Clone()
	case fl.OmitZero:
		cond = field.Clone().Op("!=").Lit(0)
	}
	return use(g.formatScalar(fl.Type, fl.TimestampFormat, fl.MediaType != "", value)), cond
}

// formatScalar is the string form of a scalar value in a label, query
// parameter or header.
func (g *gen) formatScalar(t *goview.Type, tsFormat string, mediaType bool, value *jen.Statement) jen.Code {
	rt := g.rt("restjson")
	switch t.Kind {
	case goview.KindString:
		if mediaType {
			return jen.Qual(rt, "FormatMediaType").Call(value)
		}
		return value
	case goview.KindEnum:
		return jen.String().Parens(value)
	case goview.KindIntEnum:
		return jen.Qual(rt, "FormatInt").Call(jen.Int32().Parens(value))
	case goview.KindBool:
		return jen.Qual("strconv", "FormatBool").Call(value)
	case goview.KindInt8, goview.KindInt16, goview.KindInt32, goview.KindInt64:
		return jen.Qual(rt, "FormatInt").Call(value)
	case goview.KindFloat32, goview.KindFloat64:
		return jen.Qual(rt, "FormatFloat").Call(value)
	case goview.KindTimestamp:
		return jen.Qual(rt, timestampFormatter(tsFormat)).Call(value)
	case goview.KindBlob:
		return jen.Qual("encoding/base64", "StdEncoding").Dot("EncodeToString").Call(value)
	}
	panic("emit: unhandled kind in an HTTP binding: " + t.Name)
}

func timestampFormatter(format string) string {
	switch format {
	case goview.DateTime:
		return "FormatDateTime"
	case goview.HTTPDate:
		return "FormatHTTPDate"
	}
	return "FormatEpochSeconds"
}

func timestampParser(format string) string {
	switch format {
	case goview.DateTime:
		return "ParseDateTime"
	case goview.HTTPDate:
		return "ParseHTTPDate"
	}
	return "ParseEpochSeconds"
}

// bindEach binds a scalar field, or each element of a list field, with add.
func (g *gen) bindEach(fl *goview.Field, st *goview.Struct, add func(jen.Code) jen.Code) jen.Code {
	if fl.Type.Kind != goview.KindList {
		s, cond := g.formatField(fl, st, add)
		if cond != nil {
			return jen.If(cond).Block(s)
		}
		return s
	}
	elem := fl.Type.Elem
	value := jen.Id("e")
	if fl.Type.ElemPointer() {
		value = jen.Op("*").Id("e")
	}
	each := add(g.formatScalar(elem, fl.TimestampFormat, false, value))
	if fl.Type.ElemPointer() {
		each = jen.If(jen.Id("e").Op("!=").Nil()).Block(each)
	}
	return jen.For(jen.List(jen.Id("_"), jen.Id("e")).Op(":=").Range().Id("v").Dot(fl.GoName)).Block(each)
}

// headerList binds a list header: one comma-joined value, strings quoted
// where they hold a comma or a quote.
func (g *gen) headerList(fl *goview.Field) jen.Code {
	rt := g.rt("restjson")
	field := jen.Id("v").Dot(fl.GoName)
	h := jen.Id("r").Dot("Header")
	elem := fl.Type.Elem
	var call jen.Code
	switch elem.Kind {
	case goview.KindString, goview.KindEnum:
		call = jen.Qual(rt, "AddHeaderStrings").Call(h, jen.Lit(fl.LocationName), field)
	default:
		format := jen.Func().Params(jen.Id("e").Add(g.goType(elem))).String().Block(
			jen.Return(g.formatScalar(elem, fl.TimestampFormat, false, jen.Id("e"))))
		call = jen.Qual(rt, "AddHeaderList").Call(h, jen.Lit(fl.LocationName), field, format)
	}
	return jen.If(field.Clone().Op("!=").Nil()).Block(call)
}

// restResponseBinder emits the function that reads a response into an
// output (or error): headers, prefix headers, the status code, then the
// payload or JSON body. Errors read their body elsewhere (DecodeError), so
// only their headers are bound here.
func (g *gen) restResponseBinder(f *jen.File, st *goview.Struct, withBody bool) {
	rt := g.rt("restjson")
	r := jen.Id("r")
	var body []jen.Code
	for _, fl := range st.WireFields {
		field := jen.Id("v").Dot(fl.GoName)
		switch fl.Location {
		case goview.LocationHeader:
			body = append(body, g.readHeader(fl, field)...)
		case goview.LocationPrefixHeaders:
			body = append(body, field.Clone().Op("=").Qual(rt, "PrefixHeaders").Call(r.Clone().Dot("Header"), jen.Lit(fl.LocationName)))
		case goview.LocationResponseCode:
			code := jen.Int32().Parens(r.Clone().Dot("StatusCode"))
			if fl.Pointer {
				code = jen.Qual(pkgAWS, "Int32").Call(code)
			}
			body = append(body, field.Clone().Op("=").Add(code))
		}
	}
	returned := false
	if withBody {
		var read []jen.Code
		read, returned = g.responseBody(st)
		body = append(body, read...)
	}
	if !returned {
		body = append(body, jen.Return(jen.Nil()))
	}
	if st.Output {
		// An output's binder is its descriptor's Deserialize.
		out := jen.Id("_")
		if len(st.WireFields) > 0 {
			body = append([]jen.Code{outputOf(st)}, body...)
			out = jen.Id("out")
		}
		f.Func().Id(httpDeserializer(st)).Params(jen.Id("r").Op("*").Qual(rt, "Response"), out.Any()).Error().Block(body...)
		f.Line()
		return
	}
	var param jen.Code = jen.Op("*").Id(st.Name)
	if st.InTypes {
		param = jen.Op("*").Add(g.typesQual(st.Name))
	}
	f.Func().Id(httpDeserializer(st)).Params(jen.Id("r").Op("*").Qual(rt, "Response"), jen.Id("v").Add(param)).Error().Block(body...)
	f.Line()
}

// readHeader reads one @httpHeader member; a malformed value is an error
// naming the header.
func (g *gen) readHeader(fl *goview.Field, field *jen.Statement) []jen.Code {
	rt := g.rt("restjson")
	h := jen.Id("r").Dot("Header")
	name := jen.Lit(fl.LocationName)
	t := fl.Type
	if t.Kind == goview.KindList {
		var call jen.Code
		if t.Elem.Kind == goview.KindTimestamp && fl.TimestampFormat == goview.HTTPDate {
			call = jen.Qual(rt, "HeaderHTTPDates").Call(h, name)
		} else {
			call = jen.Qual(rt, "HeaderList").Call(h, name, g.headerParser(t.Elem, fl.TimestampFormat, false))
		}
		return []jen.Code{jen.If(jen.List(jen.Id("l"), jen.Err()).Op(":=").Add(call), jen.Err().Op("!=").Nil()).Block(
			jen.Return(jen.Err())).Else().Block(field.Clone().Op("=").Id("l"))}
	}
	parse := g.headerParser(t, fl.TimestampFormat, fl.MediaType != "")
	if fl.Pointer {
		return []jen.Code{jen.If(jen.List(jen.Id("p"), jen.Err()).Op(":=").Qual(rt, "HeaderPtr").Call(h, name, parse), jen.Err().Op("!=").Nil()).Block(
			jen.Return(jen.Err())).Else().Block(field.Clone().Op("=").Id("p"))}
	}
	return []jen.Code{jen.If(jen.List(jen.Id("x"), jen.Id("ok"), jen.Err()).Op(":=").Qual(rt, "Header").Call(h, name, parse), jen.Err().Op("!=").Nil()).Block(
		jen.Return(jen.Err())).Else().If(jen.Id("ok")).Block(field.Clone().Op("=").Id("x"))}
}

// headerParser is the runtime function that parses one header value of t.
func (g *gen) headerParser(t *goview.Type, tsFormat string, mediaType bool) jen.Code {
	rt := g.rt("restjson")
	switch t.Kind {
	case goview.KindString:
		if mediaType {
			return jen.Qual(rt, "ParseMediaType")
		}
		return jen.Qual(rt, "ParseString").Types(jen.String())
	case goview.KindEnum:
		return jen.Qual(rt, "ParseString").Types(g.goType(t))
	case goview.KindIntEnum:
		return jen.Qual(rt, "ParseInt").Types(g.goType(t))
	case goview.KindBool:
		return jen.Qual(rt, "ParseBool")
	case goview.KindInt8, goview.KindInt16, goview.KindInt32, goview.KindInt64:
		return jen.Qual(rt, "ParseInt").Types(g.goType(t))
	case goview.KindFloat32, goview.KindFloat64:
		return jen.Qual(rt, "ParseFloat").Types(g.goType(t))
	case goview.KindTimestamp:
		return jen.Qual(rt, timestampParser(tsFormat))
	case goview.KindBlob:
		return jen.Qual(rt, "ParseBlob")
	}
	panic("emit: unhandled kind in a header: " + t.Name)
}

// responseBody reads an output's payload member, or its JSON body members;
// returned says the code ends with the binder's return.
func (g *gen) responseBody(st *goview.Struct) (code []jen.Code, returned bool) {
	r := jen.Id("r")
	decodeJSON := func(stmts ...jen.Code) []jen.Code {
		return []jen.Code{jen.Return(r.Clone().Dot("JSON").Call(jen.Func().Params(g.decoderParams()).Error().Block(stmts...)))}
	}
	pl := payloadField(st)
	if pl == nil {
		if len(st.BodyFields) == 0 {
			return nil, false
		}
		return decodeJSON(jen.Return(jen.Id(deserializer(st.Type)).Call(jen.Id("d"), jen.Id("v")))), true
	}
	field := jen.Id("v").Dot(pl.GoName)
	readWhole := func(method string) []jen.Code {
		return []jen.Code{jen.Var().Err().Error(), jen.If(jen.List(field.Clone(), jen.Err()).Op("=").Add(r.Clone()).Dot(method).Call(), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err()))}
	}
	switch {
	case pl.Stream == goview.StreamOut:
		return []jen.Code{field.Clone().Op("=").Add(r.Clone()).Dot("Stream").Call()}, false
	case pl.Type.Kind == goview.KindBlob:
		return readWhole("Blob"), false
	case pl.Type.Kind == goview.KindString:
		return readWhole("Text"), false
	case pl.Type.Kind == goview.KindEnum:
		return []jen.Code{
			jen.List(jen.Id("text"), jen.Err()).Op(":=").Add(r.Clone()).Dot("Text").Call(),
			jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
			jen.If(jen.Id("text").Op("!=").Nil()).Block(field.Clone().Op("=").Add(g.goType(pl.Type)).Parens(jen.Op("*").Id("text"))),
		}, false
	case pl.Type.Kind == goview.KindDocument:
		return decodeJSON(jen.Return(jen.Qual(g.rt("document"), "ReadJSON").Call(jen.Id("d"), jen.Op("&").Add(field.Clone())))), true
	case pl.Type.Kind == goview.KindUnion:
		return decodeJSON(jen.Return(jen.Id(deserializer(pl.Type)).Call(jen.Id("d"), jen.Op("&").Add(field.Clone())))), true
	}
	// A structure: null or an empty body leaves it nil.
	return decodeJSON(
		jen.If(jen.Id("d").Dot("Null").Call()).Block(jen.Return(jen.Nil())),
		field.Clone().Op("=").New(g.goType(pl.Type)),
		jen.Return(jen.Id(deserializer(pl.Type)).Call(jen.Id("d"), field.Clone())),
	), true
}
