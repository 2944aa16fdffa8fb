package difftest

import (
	"bytes"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"math/rand"
	"net/http"
	"reflect"
	"strconv"
	"strings"

	"github.com/aws/smithy-go"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

var cmpOpts = []cmp.Option{cmpopts.EquateNaNs()}

// outputTarget is the operation's output shape (Unit when it has none).
func outputTarget(m *smithyModel, op string) string {
	if o := m.operation(op).Output; o != "" {
		return o
	}
	return "smithy.api#Unit"
}

// encodeOutput writes out (a pointer to a random output of operation op)
// as a successful response of the service's protocol. jsonBody says the
// body is a JSON document (so null elements and truncation apply).
func (p *pair) encodeOutput(op string, out reflect.Value, r *rand.Rand, nulls bool) (rep reply, jsonBody bool) {
	m := p.svc.m
	target := outputTarget(m, op)
	enc := &jsonEncoder{r: r, model: m, vary: true, nulls: nulls}
	switch p.svc.protocol {
	case restJSON1:
		enc.jsonName = true
		rep = (&restEncoder{json: enc}).encode(out, target, m.operation(op).http().Code)
		return rep, rep.header.Get("Content-Type") == "application/json" && len(rep.body) > 0
	default:
		return reply{status: 200, header: http.Header{"Content-Type": {awsJSONContentType(p.svc.protocol)}}, body: enc.encode(out, target)}, true
	}
}

// okReply is the response to the requests of the validation phase: 200
// with an empty JSON object, or for an event stream its initial-response
// alone.
func (p *pair) okReply(op string) reply {
	if p.svc.m.eventStream(op) {
		return streamReply(frame([]byte("{}"), ":message-type", "event", ":event-type", "initial-response", ":content-type", "application/json"))
	}
	ct := "application/json"
	if p.svc.protocol != restJSON1 {
		ct = awsJSONContentType(p.svc.protocol)
	}
	return reply{status: 200, header: http.Header{"Content-Type": {ct}}, body: []byte("{}")}
}

func awsJSONContentType(p protocol) string {
	if p == awsJSON10 {
		return "application/x-amz-json-1.0"
	}
	return "application/x-amz-json-1.1"
}

// compareResponse answers both clients with the same random output,
// encoded as the service's protocol puts it on the wire, and compares what
// they decode; then the same with null elements in its lists and maps, and
// with the body cut short.
//
// It returns the first response and v2's output from it (neutral), or
// ok false when either client failed it.
func compareResponse(c *checker, p *pair, op string, gsIn, v2In reflect.Value, r *rand.Rand, where string) (rep reply, v2Output any, ok bool) {
	gsMethod, _ := p.gs.Type().MethodByName(op)
	outType := gsMethod.Type.Out(0)
	g := &gen{r: r, floatSpecials: true}
	outVal := g.value(outType, true)
	if p.svc.protocol == restJSON1 {
		(&restEncoder{json: &jsonEncoder{r: r, model: p.svc.m}}).prepare(outVal, outputTarget(p.svc.m, op))
	}
	rep, jsonBody := p.encodeOutput(op, outVal, r, false)
	if jsonBody && r.Intn(10) == 0 {
		rep.body = append([]byte(" \n"), append(rep.body, '\n')...)
	}

	p.gsHTTP.set(rep)
	p.v2HTTP.set(rep)
	gsOut, gsErr := p.call(p.gs, op, gsIn)
	v2Out, v2Err := p.call(p.v2, op, v2In)
	if gsErr != nil || v2Err != nil {
		c.result("response", false, "%s: status %d headers %v body %s\n gosmith error: %v\n v2 error: %v", where, rep.status, rep.header, clip(rep.body), gsErr, v2Err)
		return rep, nil, false
	}
	a, b := neutral(gsOut), neutral(v2Out)
	diff := cmp.Diff(b, a, cmpOpts...)
	c.result("response", diff == "", "%s: status %d headers %v body %s\n(-v2 +gosmith):\n%s", where, rep.status, rep.header, clip(rep.body), diff)
	noteKinds(p.svc.name, rep)
	// How each decodes against what was encoded (both may round, e.g. epoch
	// seconds): informational, reported per side.
	want := neutral(outVal)
	if d := cmp.Diff(want, a, cmpOpts...); d != "" {
		note("response round trip differs: gosmith", fmt.Sprintf("%s: %s", where, oneLine(d)))
	}
	if d := cmp.Diff(want, b, cmpOpts...); d != "" {
		note("response round trip differs: v2", fmt.Sprintf("%s: %s", where, oneLine(d)))
	}
	if !jsonBody {
		return rep, b, true
	}

	// Null elements in lists and null map values.
	nullRep, _ := p.encodeOutput(op, outVal, r, true)
	if !bytes.Equal(nullRep.body, rep.body) && bytes.Contains(nullRep.body, []byte("null")) {
		p.gsHTTP.set(nullRep)
		p.v2HTTP.set(nullRep)
		gsOut, gsErr = p.call(p.gs, op, gsIn)
		v2Out, v2Err = p.call(p.v2, op, v2In)
		if gsErr != nil || v2Err != nil {
			c.result("response-null-elements", (gsErr == nil) == (v2Err == nil), "%s: body %s\n gosmith error: %v\n v2 error: %v", where, nullRep.body, gsErr, v2Err)
		} else {
			diff := cmp.Diff(neutral(v2Out), neutral(gsOut), cmpOpts...)
			c.result("response-null-elements", diff == "", "%s: body %s\n(-v2 +gosmith):\n%s", where, nullRep.body, diff)
		}
	}

	// A malformed 2xx body: both must fail to decode, with the same error
	// types (the decoders' messages differ by nature: informational).
	body := rep.body
	if len(body) > 2 {
		bad := rep
		bad.body = body[:1+r.Intn(len(body)-2)]
		p.gsHTTP.set(bad)
		p.v2HTTP.set(bad)
		gsOut, gsErr = p.call(p.gs, op, gsIn)
		v2Out, v2Err = p.call(p.v2, op, v2In)
		if gsErr == nil && v2Err == nil {
			// e.g. a body cut down to whitespace: both read it as empty.
			diff := cmp.Diff(neutral(v2Out), neutral(gsOut), cmpOpts...)
			c.result("response-malformed", diff == "", "%s: truncated body %q decoded differently (-v2 +gosmith):\n%s", where, bad.body, diff)
		} else if gsErr == nil || v2Err == nil {
			c.result("response-malformed", false, "%s: truncated body %q: gosmith err %v, v2 err %v", where, bad.body, gsErr, v2Err)
		} else {
			// The wrapping down to *smithy.DeserializationError is API; what
			// it wraps is each decoder's own error.
			ga, vb := p.viewError(gsErr, true), p.viewError(v2Err, false)
			c.result("response-malformed", cmp.Equal(upToDeserialization(ga.Chain), upToDeserialization(vb.Chain)),
				"%s: truncated body %q\n gosmith %v %v\n v2      %v %v", where, bad.body, ga.Chain, gsErr, vb.Chain, v2Err)
			if errors.Is(gsErr, io.ErrUnexpectedEOF) != errors.Is(v2Err, io.ErrUnexpectedEOF) {
				note(fmt.Sprintf("malformed body: errors.Is(err, io.ErrUnexpectedEOF) gosmith %v, v2 %v", errors.Is(gsErr, io.ErrUnexpectedEOF), errors.Is(v2Err, io.ErrUnexpectedEOF)),
					fmt.Sprintf("%s body %q", where, bad.body))
			}
			if gsErr.Error() != v2Err.Error() {
				note("malformed-body error text differs", fmt.Sprintf("gosmith %q v2 %q", gsErr, v2Err))
			}
		}
	}
	return rep, b, true
}

// compareChecksums answers with the response rep (whose output v2 decoded
// as want) under a wrong, a malformed and no X-Amz-Crc32, and with an
// error response under a wrong one.
func compareChecksums(c *checker, p *pair, op string, gsIn, v2In reflect.Value, rep reply, want any, where string) {
	wrong := func(r reply) reply {
		r.header = r.header.Clone()
		if r.header == nil {
			r.header = http.Header{}
		}
		r.header.Set("X-Amz-Crc32", strconv.FormatUint(uint64(crc32.ChecksumIEEE(r.body)^1), 10))
		return r
	}
	call := func(r reply) (gsOut, v2Out reflect.Value, gsErr, v2Err error) {
		p.gsHTTP.set(r)
		p.v2HTTP.set(r)
		gsOut, gsErr = p.call(p.gs, op, gsIn)
		v2Out, v2Err = p.call(p.v2, op, v2In)
		return
	}

	// No header: nothing to check, both decode as before.
	none := rep
	none.noCRC32 = true
	gsOut, v2Out, gsErr, v2Err := call(none)
	c.result("crc32-absent", gsErr == nil && v2Err == nil && cmp.Equal(neutral(v2Out), want, cmpOpts...) && cmp.Equal(neutral(gsOut), want, cmpOpts...),
		"%s: no X-Amz-Crc32: gosmith %v, v2 %v", where, gsErr, v2Err)

	// A header that is not a number: both fail alike.
	bad := rep
	bad.header = rep.header.Clone()
	bad.header.Set("X-Amz-Crc32", "0x1f")
	_, _, gsErr, v2Err = call(bad)
	ga, vb := p.viewError(gsErr, true), p.viewError(v2Err, false)
	c.result("crc32-malformed", gsErr != nil && v2Err != nil && cmp.Equal(ga, vb),
		"%s: X-Amz-Crc32 0x1f\n gosmith %v %v\n v2      %v %v", where, ga.Chain, gsErr, vb.Chain, v2Err)

	// A body that does not match its header: v2 returns what it decoded
	// (its check fails only the body's Close, whose error it logs);
	// gosmith fails the call with a retryable *smithy.DeserializationError.
	_, v2Out, gsErr, v2Err = call(wrong(rep))
	var de *smithy.DeserializationError
	var retryable interface{ RetryableError() bool }
	gsRefused := errors.As(gsErr, &de) && errors.As(gsErr, &retryable) && retryable.RetryableError()
	if v2Err == nil && cmp.Equal(neutral(v2Out), want, cmpOpts...) && gsRefused {
		c.result("crc32-mismatch", false, "%s: damaged body: v2 returned its output, gosmith: %v", where, gsErr)
	} else {
		c.result("crc32-mismatch-other", false, "%s: damaged body: gosmith %v, v2 %v", where, gsErr, v2Err)
	}

	// The same for an error response: v2 returns the modeled error,
	// gosmith the checksum's.
	ns := p.svc.m.service.ID[:strings.IndexByte(p.svc.m.service.ID, '#')]
	errRep := reply{status: 400, header: http.Header{"Content-Type": {awsJSONContentType(p.svc.protocol)}},
		body: []byte(`{"__type":"` + ns + `#NoSuchThingException","message":"damaged"}`)}
	_, _, gsErr, v2Err = call(wrong(errRep))
	var ae smithy.APIError
	if errors.As(v2Err, &ae) && ae.ErrorCode() == "NoSuchThingException" && errors.As(gsErr, &de) && errors.As(gsErr, &retryable) && retryable.RetryableError() {
		c.result("crc32-mismatch-error-response", false, "%s: damaged error body: v2 %v, gosmith: %v", where, v2Err, gsErr)
	} else {
		c.result("crc32-mismatch-other", false, "%s: damaged error body: gosmith %v, v2 %v", where, gsErr, v2Err)
	}
}

func upToDeserialization(chain []string) []string {
	for i, t := range chain {
		if t == "*smithy.DeserializationError" {
			return chain[:i+1]
		}
	}
	return chain
}

// noteKinds counts which value spellings the responses used, to show the
// run exercised them.
func noteKinds(svc string, rep reply) {
	for _, k := range []string{`"NaN"`, `"Infinity"`, `"-Infinity"`, `UnmodeledMember`, `:null`, `\u`, `e+`, `E+`} {
		if bytes.Contains(rep.body, []byte(k)) {
			note(svc+" response bodies containing "+k, "")
		}
	}
	for k, v := range rep.header {
		if k == "Content-Type" {
			continue
		}
		note(fmt.Sprintf("%s response header %s (%d values)", svc, k, min(len(v), 2)), strings.Join(v, " | "))
	}
	if rep.status != 200 {
		note(fmt.Sprintf("%s response status %d", svc, rep.status), "")
	}
	if len(rep.body) == 0 {
		note(svc+" response with an empty body", "")
	}
}

func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 400 {
		s = s[:400] + "..."
	}
	return s
}
