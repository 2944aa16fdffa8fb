package difftest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"reflect"
	"regexp"
	"sort"
	"strings"

	"github.com/google/go-cmp/cmp"
)

var signedHeadersRE = regexp.MustCompile(`SignedHeaders=([^,]+)`)

func signedHeaders(auth string) string {
	m := signedHeadersRE.FindStringSubmatch(auth)
	if m == nil {
		return ""
	}
	return m[1]
}

func headerNames(h http.Header) string {
	var names []string
	for k := range h {
		names = append(names, k)
	}
	sort.Strings(names)
	return strings.Join(names, ";")
}

// unsignedHeaders differ by design (User-Agent) or are judged by their own
// check (Authorization).
var unsignedHeaders = map[string]bool{"User-Agent": true, "Authorization": true}

// headerDiff lists the headers whose name (as spelt in the map, so a bound
// header keeps the model's spelling) or values differ.
func headerDiff(a, b http.Header) []string {
	var out []string
	for _, k := range sortedKeys(a) {
		if unsignedHeaders[k] {
			continue
		}
		if vb, ok := b[k]; !ok {
			out = append(out, fmt.Sprintf("%s: gosmith %q, v2 (none)", k, a[k]))
		} else if !reflect.DeepEqual(a[k], vb) {
			out = append(out, fmt.Sprintf("%s: gosmith %q, v2 %q", k, a[k], vb))
		}
	}
	for _, k := range sortedKeys(b) {
		if _, ok := a[k]; !ok && !unsignedHeaders[k] {
			out = append(out, fmt.Sprintf("%s: gosmith (none), v2 %q", k, b[k]))
		}
	}
	return out
}

// compareRequests compares the one request each client sent: method, path
// (decoded and as escaped), query (as sent and as parsed), every header
// name and value, Content-Length, the body (as JSON when it is JSON, byte
// for byte otherwise), and the SigV4 signature.
func compareRequests(c *checker, p *pair, op, where string, gsIn reflect.Value) {
	gsReq, gsN := p.gsHTTP.last()
	v2Req, v2N := p.v2HTTP.last()
	if gsN != 1 || v2N != 1 {
		c.result("request-count", false, "%s: requests sent: gosmith %d, v2 %d", where, gsN, v2N)
		if gsN == 0 || v2N == 0 {
			return
		}
	}
	a, b := gsReq.req, v2Req.req
	c.result("request-method", a.Method == b.Method, "%s: method gosmith %s, v2 %s", where, a.Method, b.Method)
	hostCheck := "request-host"
	if p.hostDependsOnMapOrder(op, gsIn) {
		hostCheck = "request-host-map-order"
	}
	sameHost := a.Host == b.Host && a.URL.Host == b.URL.Host && a.URL.Scheme == b.URL.Scheme
	c.result(hostCheck, sameHost, "%s: host gosmith %s %q, v2 %s %q", where, a.URL.Host, a.Host, b.URL.Host, b.Host)
	// What goes on the wire is EscapedPath; RawPath is only a hint to it,
	// so a RawPath that differs while EscapedPath agrees is noted, not
	// failed.
	if a.URL.RawPath != b.URL.RawPath && a.URL.EscapedPath() == b.URL.EscapedPath() {
		note(fmt.Sprintf("%s URL.RawPath differs, EscapedPath the same: gosmith %q, v2 %q", p.svc.name, a.URL.RawPath, b.URL.RawPath), where)
	}
	c.result("request-path", a.URL.EscapedPath() == b.URL.EscapedPath() && a.URL.Path == b.URL.Path,
		"%s: input %s\n path gosmith %q (Path %q RawPath %q)\n path v2      %q (Path %q RawPath %q)",
		where, jsonOf(gsIn), a.URL.EscapedPath(), a.URL.Path, a.URL.RawPath, b.URL.EscapedPath(), b.URL.Path, b.URL.RawPath)
	c.result("request-query", a.URL.RawQuery == b.URL.RawQuery,
		"%s: input %s\n query gosmith %q\n query v2      %q", where, jsonOf(gsIn), a.URL.RawQuery, b.URL.RawQuery)
	// The signer canonicalises the parsed query: equal values sign alike
	// even when the raw spelling differs.
	c.result("request-query-values", reflect.DeepEqual(a.URL.Query(), b.URL.Query()),
		"%s: parsed query gosmith %v, v2 %v", where, a.URL.Query(), b.URL.Query())
	if d := headerDiff(a.Header, b.Header); len(d) > 0 {
		c.result("headers", false, "%s: input %s\n headers differ:\n  %s", where, jsonOf(gsIn), strings.Join(d, "\n  "))
	} else {
		c.result("headers", true, "")
		note(fmt.Sprintf("%s headers sent (both): %s", p.svc.name, headerNames(a.Header)), where)
	}
	c.result("body-present", gsReq.hasBody == v2Req.hasBody && (gsReq.readErr == nil) == (v2Req.readErr == nil),
		"%s: body present gosmith %v (%v), v2 %v (%v)", where, gsReq.hasBody, gsReq.readErr, v2Req.hasBody, v2Req.readErr)

	isJSON := strings.HasPrefix(a.Header.Get("Content-Type"), "application/json") ||
		strings.HasPrefix(a.Header.Get("Content-Type"), "application/x-amz-json")
	if isJSON && len(v2Req.body) > 0 {
		if _, err := decodeJSON(v2Req.body); err != nil {
			if _, err := decodeJSON(gsReq.body); err == nil {
				// What follows (length, bytes, signature) differs by
				// necessity; the known difference explains it.
				c.result("v2-invalid-json", false, "%s: v2 sent a body that is not JSON (gosmith's is)\n gosmith: %s\n v2:      %s", where, gsReq.body, v2Req.body)
				return
			}
		}
	}
	if isJSON && !bytes.Equal(gsReq.body, v2Req.body) {
		if pruned, ok := withoutLoneNils(gsIn); ok {
			// v2 writes nothing for a nil element of a list: a list of one
			// nil map or list goes out empty (with more elements the
			// body is not JSON, v2-invalid-json). gosmith keeps the
			// element. Known when v2's body is gosmith's for the input
			// without those elements.
			p.gsHTTP.set(p.okReply(op))
			p.call(p.gs, op, pruned)
			prunedReq, _ := p.gsHTTP.last()
			shape := p.requestBodyShape(op)
			if canonicalJSON(prunedReq.body, p.svc.m, shape) == canonicalJSON(v2Req.body, p.svc.m, shape) {
				c.result("v2-drops-nil-element", false, "%s: v2 dropped the nil element of a one-element list\n gosmith: %s\n v2:      %s", where, gsReq.body, v2Req.body)
				return
			}
		}
	}
	c.result("content-length", a.ContentLength == b.ContentLength && len(a.TransferEncoding) == len(b.TransferEncoding) &&
		(a.ContentLength == int64(len(gsReq.body)) || a.ContentLength == -1),
		"%s: Content-Length gosmith %d %v (body %d), v2 %d %v (body %d)", where,
		a.ContentLength, a.TransferEncoding, len(gsReq.body), b.ContentLength, b.TransferEncoding, len(v2Req.body))

	// The body: as JSON when it is, then byte for byte but for the order of
	// map keys, which aws-sdk-go-v2 writes in Go's random map order;
	// other bodies byte for byte.
	sameBytes := bytes.Equal(gsReq.body, v2Req.body)
	sameButMapOrder := false
	if isJSON && (len(gsReq.body) > 0 || len(v2Req.body) > 0) {
		ja, errA := decodeJSON(gsReq.body)
		jb, errB := decodeJSON(v2Req.body)
		if errA != nil || errB != nil {
			c.result("body-json", false, "%s: body does not decode: gosmith %v (%q), v2 %v (%q)", where, errA, gsReq.body, errB, v2Req.body)
		} else {
			diff := cmp.Diff(jb, ja)
			c.result("body-json", diff == "", "%s: input %s\nbody diff (-v2 +gosmith):\n%s\n gosmith: %s\n v2:      %s", where, jsonOf(gsIn), diff, gsReq.body, v2Req.body)
			shape := p.requestBodyShape(op)
			ca, cb := canonicalJSON(gsReq.body, p.svc.m, shape), canonicalJSON(v2Req.body, p.svc.m, shape)
			sameButMapOrder = ca == cb
			c.result("body-bytes", sameButMapOrder, "%s: the bodies decode alike but differ in bytes (map key order aside)\n gosmith: %s\n v2:      %s", where, gsReq.body, v2Req.body)
			if !sameButMapOrder {
				classifyByteDiff(gsReq.body, v2Req.body, where)
			}
		}
		if sameBytes {
			note(p.svc.name+" JSON body bytes identical", where)
		} else if sameButMapOrder {
			note(p.svc.name+" JSON body bytes identical but for v2's random map key order", where)
		}
	} else {
		c.result("body-bytes", sameBytes, "%s: body gosmith %q, v2 %q", where, clip(gsReq.body), clip(v2Req.body))
	}

	if a.Header.Get("User-Agent") != b.Header.Get("User-Agent") {
		note("User-Agent differs (unsigned)", fmt.Sprintf("gosmith %q v2 %q", a.Header.Get("User-Agent"), b.Header.Get("User-Agent")))
	}
	sa, sb := signedHeaders(a.Header.Get("Authorization")), signedHeaders(b.Header.Get("Authorization"))
	c.result("signed-headers", sa == sb && sa != "", "%s: SignedHeaders gosmith %q, v2 %q", where, sa, sb)
	note(fmt.Sprintf("%s signed headers: %s", p.svc.name, sa), where)
	// When the bodies differ only in map key order the payload hashes
	// differ by necessity; body-bytes judged the body, so the signature
	// check re-signs both over gosmith's body to judge the rest.
	v2Body := v2Req.body
	if sameButMapOrder {
		v2Body = gsReq.body
	}
	// A host that differs by map order (request-host-map-order) is judged;
	// the rest is signed over gosmith's host.
	v2Signed := v2Req
	if !sameHost && hostCheck == "request-host-map-order" {
		v2Signed.req = b.Clone(b.Context())
		v2Signed.req.Host, v2Signed.req.URL.Host = a.Host, a.URL.Host
	}
	authA, errA := resign(gsReq, gsReq.body, p.svc.signingName)
	authB, errB := resign(v2Signed, v2Body, p.svc.signingName)
	c.result("signature", errA == nil && errB == nil && authA == authB,
		"%s: re-signed Authorization differs\n gosmith %s (%v)\n v2      %s (%v)\n headers gosmith %v\n headers v2 %v",
		where, authA, errA, authB, errB, a.Header, b.Header)
	// Both clients signed with the same clock and invocation ID: their own
	// Authorization headers must be byte-identical when the bodies (and
	// hosts) are.
	if sameBytes && sameHost {
		c.result("authorization-identical", a.Header.Get("Authorization") == b.Header.Get("Authorization") && a.Header.Get("Authorization") != "",
			"%s: Authorization differs\n gosmith %s\n v2      %s", where, a.Header.Get("Authorization"), b.Header.Get("Authorization"))
	}
	c.result("security-token", a.Header.Get("X-Amz-Security-Token") == b.Header.Get("X-Amz-Security-Token") && a.Header.Get("X-Amz-Security-Token") == creds.SessionToken,
		"%s: X-Amz-Security-Token gosmith %q, v2 %q", where, a.Header.Get("X-Amz-Security-Token"), b.Header.Get("X-Amz-Security-Token"))
}

// withoutLoneNils returns a copy of in (a pointer to an input) in which
// every list whose only element is a nil map or list is empty instead, and
// whether there was one.
func withoutLoneNils(in reflect.Value) (reflect.Value, bool) {
	out := reflect.New(in.Type().Elem())
	copyValue(out.Elem(), in.Elem(), "", false)
	found := false
	rewrite(out.Elem(), false, func(v reflect.Value, _ bool) bool {
		if v.Kind() != reflect.Slice || v.Len() != 1 {
			return false
		}
		if k := v.Type().Elem().Kind(); (k == reflect.Map || k == reflect.Slice) && v.Index(0).IsNil() {
			v.Set(reflect.MakeSlice(v.Type(), 0, 0))
			found = true
			return true
		}
		return false
	})
	return out, found
}

// fillNilUnionElements gives every nil union among the elements of the
// lists and maps in in (a pointer to an input) a member, and reports
// whether there was one.
func fillNilUnionElements(g *gen, in reflect.Value) bool {
	found := false
	rewrite(in.Elem(), false, func(v reflect.Value, element bool) bool {
		if element && v.Kind() == reflect.Interface && v.IsNil() && len(unionChoices(v.Type())) > 0 {
			v.Set(g.value(v.Type(), true))
			found = true
		}
		return false
	})
	return found
}

// hasNilUnionElement reports whether in (a pointer to an input) has a nil
// union among the elements of a list or map.
func hasNilUnionElement(in reflect.Value) bool {
	found := false
	rewrite(withReaders(in).Elem(), false, func(v reflect.Value, element bool) bool {
		found = found || element && v.Kind() == reflect.Interface && v.IsNil() && len(unionChoices(v.Type())) > 0
		return found
	})
	return found
}

// rewrite calls f on v (settable) and, unless f says it is done with v, on
// every value inside it; element says v is an element of a list or map.
// Map values are copied, rewritten and stored back.
func rewrite(v reflect.Value, element bool, f func(v reflect.Value, element bool) bool) {
	if f(v, element) {
		return
	}
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			rewrite(v.Elem(), false, f)
		}
	case reflect.Interface:
		// A union member, *types.XMemberY: what it points to is settable.
		if !v.IsNil() && v.Elem().Kind() == reflect.Pointer && !v.Elem().IsNil() {
			rewrite(v.Elem().Elem(), false, f)
		}
	case reflect.Struct:
		for _, sf := range exportedFields(v.Type()) {
			rewrite(v.FieldByIndex(sf.Index), false, f)
		}
	case reflect.Slice:
		for i := 0; i < v.Len() && v.Type() != bytesType; i++ {
			rewrite(v.Index(i), true, f)
		}
	case reflect.Map:
		iter := v.MapRange()
		for iter.Next() {
			e := reflect.New(iter.Value().Type()).Elem()
			e.Set(iter.Value())
			rewrite(e, true, f)
			v.SetMapIndex(iter.Key(), e)
		}
	}
}

// requestBodyShape is the shape a JSON request body holds: the input's
// (its body members), or its structure @httpPayload's.
func (p *pair) requestBodyShape(op string) string {
	in := p.svc.m.shape(p.svc.m.operation(op).Input)
	for _, m := range in.Members {
		if m.has("smithy.api#httpPayload") {
			return m.Target
		}
	}
	return in.ID
}

// canonicalJSON respells a JSON text as its tokens, as written, with the
// entries of every object that is a map (by the model, from shape) sorted
// by key: two texts that differ only in the order of map keys come out
// the same, anything else (member order, escapes, numbers) still shows.
func canonicalJSON(body []byte, m *smithyModel, shape string) string {
	toks := tokens(body)
	i := 0
	var value func(target string) string
	value = func(target string) string {
		if i >= len(toks) {
			return ""
		}
		var s *shapeDef
		if target != "" {
			s = m.shape(target)
		}
		switch toks[i] {
		case "{":
			i++
			var entries []string
			for i < len(toks) && toks[i] != "}" {
				if toks[i] == "," {
					i++
					continue
				}
				key := toks[i]
				i += 2 // key and ':'
				member := ""
				if s != nil && s.Type == "map" {
					member = s.Value.Target
				} else if s != nil {
					for _, mem := range s.Members {
						if jsonKey(&mem) == key || `"`+mem.Name+`"` == key {
							member = mem.Target
						}
					}
				}
				entries = append(entries, key+":"+value(member))
			}
			i++
			if s != nil && s.Type == "map" {
				sort.Strings(entries)
			}
			return "{" + strings.Join(entries, ",") + "}"
		case "[":
			i++
			var elems []string
			for i < len(toks) && toks[i] != "]" {
				if toks[i] == "," {
					i++
					continue
				}
				elem := ""
				if s != nil && s.Member != nil {
					elem = s.Member.Target
				}
				elems = append(elems, value(elem))
			}
			i++
			return "[" + strings.Join(elems, ",") + "]"
		default:
			i++
			return toks[i-1]
		}
	}
	return value(shape)
}

// jsonKey is a member's key in a restJson1 body, quoted as a token.
func jsonKey(m *memberDef) string {
	if k, ok := stringTrait(m.Traits, "smithy.api#jsonName"); ok {
		return `"` + k + `"`
	}
	return `"` + m.Name + `"`
}

func clip(b []byte) string {
	if len(b) > 300 {
		return string(b[:300]) + "..."
	}
	return string(b)
}

func decodeJSON(b []byte) (any, error) {
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		return nil, err
	}
	if d.More() {
		return nil, errors.New("trailing data")
	}
	return v, nil
}

// classifyByteDiff says why two bodies that decode alike differ in bytes:
// key order, string escaping, number spelling or whitespace.
func classifyByteDiff(a, b []byte, where string) {
	ka, kb := tokens(a), tokens(b)
	if len(ka) != len(kb) {
		note("byte diff: structure/whitespace", where)
		return
	}
	sameMultiset := func() bool {
		x := append([]string(nil), ka...)
		y := append([]string(nil), kb...)
		sort.Strings(x)
		sort.Strings(y)
		return reflect.DeepEqual(x, y)
	}
	if !reflect.DeepEqual(ka, kb) && sameMultiset() {
		note("byte diff: member order", where)
		return
	}
	for i := range ka {
		if ka[i] == kb[i] {
			continue
		}
		kind := "other"
		switch {
		case strings.HasPrefix(ka[i], `"`):
			kind = "string escaping"
		case strings.ContainsAny(ka[i][:1], "-0123456789"):
			kind = "number spelling"
		}
		note("byte diff: "+kind, fmt.Sprintf("gosmith %s v2 %s (%s)", ka[i], kb[i], where))
		return
	}
	note("byte diff: whitespace", where)
}

// tokens splits a JSON text into its raw tokens (strings keep their escapes).
func tokens(b []byte) []string {
	var out []string
	for i := 0; i < len(b); {
		switch ch := b[i]; {
		case ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r':
			i++
		case ch == '"':
			j := i + 1
			for j < len(b) && b[j] != '"' {
				if b[j] == '\\' {
					j++
				}
				j++
			}
			out = append(out, string(b[i:min(j+1, len(b))]))
			i = j + 1
		case strings.IndexByte("{}[]:,", ch) >= 0:
			out = append(out, string(ch))
			i++
		default:
			j := i
			for j < len(b) && strings.IndexByte("{}[]:, \n\t\r\"", b[j]) < 0 {
				j++
			}
			out = append(out, string(b[i:j]))
			i = j
		}
	}
	return out
}
