package difftest

import (
	"bytes"
	"encoding/base64"
	"math"
	"net/http"
	"reflect"
	"strconv"
	"strings"
	"time"
)

// restEncoder writes an output or error value as a restJson1 response, led
// by the model's HTTP binding traits: @httpResponseCode is the status,
// @httpHeader and @httpPrefixHeaders members are headers, an @httpPayload
// member is the whole body (a blob's bytes as they are, a structure as
// JSON), and the other members form the JSON body. It knows no operation by
// name.
type restEncoder struct {
	json *jsonEncoder
}

// locations lists the binding traits that keep a member out of the body.
var locations = []string{"smithy.api#httpHeader", "smithy.api#httpPrefixHeaders", "smithy.api#httpResponseCode",
	"smithy.api#httpPayload", "smithy.api#httpLabel", "smithy.api#httpQuery", "smithy.api#httpQueryParams"}

func inBody(m *memberDef) bool {
	for _, t := range locations {
		if m.has(t) {
			return false
		}
	}
	return true
}

// prepare makes a random output value one a server can send: header-bound
// strings without control characters or surrounding blanks (HTTP cannot
// carry them), and a 2xx status in the @httpResponseCode member.
func (e *restEncoder) prepare(v reflect.Value, target string) {
	v = v.Elem()
	s := e.json.model.shape(target)
	for i := range s.Members {
		m := &s.Members[i]
		fv := memberValue(v, s, m)
		switch {
		case m.has("smithy.api#httpResponseCode"):
			setInt(fv, []int64{200, 201, 202, 203, 206, 299}[e.json.r.Intn(6)])
		case m.has("smithy.api#httpHeader"):
			headerSafe(fv)
		case m.has("smithy.api#httpPrefixHeaders") && !fv.IsNil():
			// Keys become header names: lower-case tokens, as clients
			// read them back.
			keyed := reflect.MakeMap(fv.Type())
			for _, k := range fv.MapKeys() {
				val := reflect.New(fv.Type().Elem()).Elem()
				val.Set(fv.MapIndex(k))
				headerSafe(val)
				keyed.SetMapIndex(reflect.ValueOf(strings.ToLower(tokenOf(k.String()))).Convert(fv.Type().Key()), val)
			}
			fv.Set(keyed)
		}
	}
}

func setInt(v reflect.Value, n int64) {
	if v.Kind() == reflect.Pointer {
		p := reflect.New(v.Type().Elem())
		p.Elem().SetInt(n)
		v.Set(p)
		return
	}
	v.SetInt(n)
}

// headerSafe rewrites the strings in v (a string, a list of them, or a
// map of them) so that they can travel as header values.
func headerSafe(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			headerSafe(v.Elem())
		}
	case reflect.String:
		v.SetString(headerText(v.String()))
	case reflect.Slice:
		if v.Type() != bytesType {
			for i := 0; i < v.Len(); i++ {
				headerSafe(v.Index(i))
			}
		}
	case reflect.Map:
		for _, k := range v.MapKeys() {
			s := reflect.New(v.Type().Elem()).Elem()
			s.Set(v.MapIndex(k))
			headerSafe(s)
			v.SetMapIndex(k, s)
		}
	}
}

// headerText drops what a header value cannot hold: control characters
// (tab aside) and spaces or tabs at either end.
func headerText(s string) string {
	s = strings.Map(func(r rune) rune {
		if (r < 0x20 && r != '\t') || r == 0x7f {
			return -1
		}
		return r
	}, s)
	return strings.Trim(s, " \t")
}

// encode writes v (a pointer to a structure of shape target) as a response
// with status code status unless a member sets it.
func (e *restEncoder) encode(v reflect.Value, target string, status int) reply {
	v = v.Elem()
	s := e.json.model.shape(target)
	rep := reply{status: status, header: http.Header{}}
	var payload *memberDef
	bodyMembers := 0
	for i := range s.Members {
		m := &s.Members[i]
		fv := memberValue(v, s, m)
		switch {
		case m.has("smithy.api#httpResponseCode"):
			if !isAbsent(fv) {
				rep.status = int(reflect.Indirect(fv).Int())
			}
		case m.has("smithy.api#httpHeader"):
			name, _ := stringTrait(m.Traits, "smithy.api#httpHeader")
			e.header(rep.header, name, fv, m)
		case m.has("smithy.api#httpPrefixHeaders"):
			prefix, _ := stringTrait(m.Traits, "smithy.api#httpPrefixHeaders")
			if fv.IsNil() {
				continue
			}
			keys := fv.MapKeys()
			sortValues(keys)
			for _, k := range keys {
				if k.String() == "" || !validToken(prefix+k.String()) {
					continue // not a header name a server can send
				}
				rep.header.Add(prefix+k.String(), fv.MapIndex(k).String())
			}
		case m.has("smithy.api#httpPayload"):
			payload = m
		default:
			bodyMembers++
		}
	}
	switch {
	case payload != nil:
		fv := memberValue(v, s, payload)
		p := e.json.model.shape(payload.Target)
		contentType, hasMediaType := stringTrait(p.Traits, "smithy.api#mediaType")
		switch p.Type {
		case "blob":
			if !hasMediaType {
				contentType = "application/octet-stream"
			}
			rep.body = blobBytes(fv)
		case "string", "enum":
			if !hasMediaType {
				contentType = "text/plain"
			}
			if !isAbsent(fv) {
				rep.body = []byte(reflect.Indirect(fv).String())
			}
		default:
			contentType = "application/json"
			if !isAbsent(fv) {
				rep.body = e.json.encode(fv, payload.Target)
			}
		}
		if rep.header.Get("Content-Type") == "" {
			rep.header.Set("Content-Type", contentType)
		}
	case bodyMembers > 0:
		rep.body = e.json.encodeMembers(v, target, inBody)
		rep.header.Set("Content-Type", "application/json")
	default:
		// No body members: a server sends nothing, or an empty object.
		if e.json.chance(3) {
			rep.body = []byte("{}")
			rep.header.Set("Content-Type", "application/json")
		}
	}
	return rep
}

// blobBytes is a blob payload's content: []byte, or what a stream holds.
func blobBytes(v reflect.Value) []byte {
	if isAbsent(v) {
		return nil
	}
	if s, ok := v.Interface().(*streamSource); ok {
		return s.data
	}
	return append([]byte(nil), v.Bytes()...)
}

// header sets the header a member is bound to, formatted by its target's
// type; an absent member sets nothing.
func (e *restEncoder) header(h http.Header, name string, v reflect.Value, m *memberDef) {
	if isAbsent(v) {
		return
	}
	v = reflect.Indirect(v)
	t := e.json.model.shape(m.Target)
	if t.Type == "list" || t.Type == "set" {
		var elems []string
		for i := 0; i < v.Len(); i++ {
			s := e.headerValue(reflect.Indirect(v.Index(i)), t.Member)
			if e.json.model.shape(t.Member.Target).Type != "timestamp" &&
				(strings.ContainsAny(s, `,"`) || s != strings.TrimSpace(s)) {
				s = `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
			}
			elems = append(elems, s)
		}
		if len(elems) == 0 {
			return // an empty list is no header
		}
		if e.json.chance(3) {
			h[http.CanonicalHeaderKey(name)] = elems // one header line per element
			return
		}
		h.Set(name, strings.Join(elems, []string{",", ", "}[e.json.r.Intn(2)]))
		return
	}
	h.Set(name, e.headerValue(v, m))
}

// headerValue formats one header value: strings as they are (base64 when
// they have a @mediaType), timestamps as http-date unless the member says
// otherwise, blobs base64, numbers and booleans as JSON would, NaN and
// infinities spelt out.
func (e *restEncoder) headerValue(v reflect.Value, m *memberDef) string {
	t := e.json.model.shape(m.Target)
	switch t.Type {
	case "string", "enum":
		if t.has("smithy.api#mediaType") {
			return base64.StdEncoding.EncodeToString([]byte(v.String()))
		}
		return v.String()
	case "timestamp":
		return e.json.timeString(v.Interface().(time.Time), e.json.model.timestampFormat(m, "http-date"))
	case "blob":
		return base64.StdEncoding.EncodeToString(v.Bytes())
	case "boolean":
		return strconv.FormatBool(v.Bool())
	case "byte", "short", "integer", "long", "intEnum":
		return strconv.FormatInt(v.Int(), 10)
	case "float", "double":
		f := v.Float()
		switch {
		case math.IsNaN(f):
			return "NaN"
		case math.IsInf(f, 1):
			return "Infinity"
		case math.IsInf(f, -1):
			return "-Infinity"
		}
		return strconv.FormatFloat(f, 'g', -1, v.Type().Bits())
	}
	panic("restEncoder: header of type " + t.Type)
}

// tokenOf keeps the header-name characters of s, "k" if none.
func tokenOf(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if validToken(s[i : i+1]) {
			b.WriteByte(s[i])
		}
	}
	if b.Len() == 0 {
		return "k"
	}
	return b.String()
}

// validToken reports whether s is a valid header field name.
func validToken(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c <= ' ' || c >= 0x7f || bytes.IndexByte([]byte(`"(),/:;<=>?@[\]{}`), c) >= 0 {
			return false
		}
	}
	return s != ""
}
