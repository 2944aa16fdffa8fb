package difftest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand"
	"net/http"
	"reflect"
	"strings"

	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/smithy-go"
	"github.com/google/go-cmp/cmp"
)

// errorType pairs a modeled error's Go types on both sides (*types.X), so
// errors.As can look for it.
type errorType struct {
	name   string
	gs, v2 reflect.Type
}

func errorPair(gs, v2 error) errorType {
	return errorType{name: reflect.TypeOf(gs).Elem().Name(), gs: reflect.TypeOf(gs), v2: reflect.TypeOf(v2)}
}

type errorCase struct {
	name string
	rep  reply
}

// errorCases are the error responses tried on every case of an operation:
// each modeled error the operation may return (random members, written as
// the protocol puts them on the wire, its code in one of the places a
// server may put it), an unknown code, and server errors without one.
func (p *pair) errorCases(op string, r *rand.Rand) []errorCase {
	m := p.svc.m
	g := &gen{r: r}
	ns := m.service.ID[:strings.IndexByte(m.service.ID, '#')]
	contentType := "application/json"
	if p.svc.protocol != restJSON1 {
		contentType = awsJSONContentType(p.svc.protocol)
	}
	var cases []errorCase
	for _, id := range m.errorsOf(op) {
		et, ok := p.svc.errorType(shapeName(id))
		if !ok {
			continue // TestErrorTypes reports it
		}
		v := g.value(et.gs, true)
		enc := &jsonEncoder{r: r, model: m, vary: true, messageCase: true}
		var rep reply
		if p.svc.protocol == restJSON1 {
			enc.jsonName = true
			rest := &restEncoder{json: enc}
			rest.prepare(v, id)
			rep = rest.encode(v, id, m.shape(id).httpErrorCode())
		} else {
			rep = reply{status: m.shape(id).httpErrorCode(), header: http.Header{}, body: enc.encode(v, id)}
		}
		if len(rep.body) == 0 {
			rep.body = []byte("{}")
		}
		rep.header.Set("Content-Type", contentType)
		code := et.name
		switch r.Intn(7) {
		case 0:
			rep.header.Set("X-Amzn-Errortype", code+":http://internal.amazon.com/coral/"+ns+"/")
		case 1:
			rep.header.Set("X-Amzn-Errortype", code)
		case 2:
			rep.body = withMember(rep.body, "__type", ns+"#"+code, r)
		case 3:
			rep.body = withMember(rep.body, "__type", code, r)
		case 4:
			rep.body = withMember(rep.body, "code", code, r)
		case 5:
			rep.body = withMember(rep.body, "__type", strings.ToLower(code), r)
		default:
			// The header and the body disagree.
			rep.header.Set("X-Amzn-Errortype", code)
			rep.body = withMember(rep.body, "__type", ns+"#NoSuchThingException", r)
		}
		cases = append(cases, errorCase{"modeled " + et.name, rep})
	}
	ct := http.Header{"Content-Type": {contentType}}
	cases = append(cases,
		errorCase{"unknown code", reply{status: 400, header: ct, body: []byte(`{"__type":"` + ns + `#NoSuchThingException","message":` + string(jsonString(g.str())) + `}`)}},
		errorCase{"unknown code in header", reply{status: 403, header: http.Header{"X-Amzn-Errortype": {"AccessDeniedException"}}, body: []byte(`{"Message":"denied"}`)}},
		errorCase{"500 empty body", reply{status: 500}},
		errorCase{"500 json without code", reply{status: 500, header: ct, body: []byte(`{"message":"boom"}`)}},
		errorCase{"503 throttling", reply{status: 503, header: ct, body: []byte(`{"__type":"ThrottlingException","message":"slow down"}`)}},
		errorCase{"malformed body", reply{status: 400, header: ct, body: []byte(`{"__type":"` + ns + `#NoSuchThingException","message":"cut sh`)}},
	)
	return cases
}

// withMember adds a string member to a JSON object, first or last.
func withMember(obj []byte, key, value string, r *rand.Rand) []byte {
	member := append(append(jsonString(key), ':'), jsonString(value)...)
	inner := bytes.TrimSpace(obj[1 : len(obj)-1])
	switch {
	case len(inner) == 0:
		return append(append([]byte("{"), member...), '}')
	case r.Intn(2) == 0:
		return append(append(append([]byte("{"), member...), ','), obj[1:]...)
	default:
		return append(append(append(append([]byte(nil), obj[:len(obj)-1]...), ','), member...), '}')
	}
}

// bodyHasMessage reports whether an error body has a non-empty "message"
// member in any letter case.
func bodyHasMessage(body []byte) bool {
	var m map[string]any
	if json.Unmarshal(body, &m) != nil {
		return false
	}
	for k, v := range m {
		if strings.EqualFold(k, "message") && v != "" && v != nil {
			return true
		}
	}
	return false
}

func jsonString(s string) []byte {
	b, _ := json.Marshal(s)
	return b
}

// errorView is what the comparison looks at in an error from either side.
type errorView struct {
	Text          string
	Chain         []string // type names along errors.Unwrap, package paths dropped
	OpService     string
	OpName        string
	HTTPStatus    int
	RequestID     string
	Code, Message string
	Fault         string
	Typed         string // the modeled error errors.As finds, if any
	Fields        any    // its exported fields
}

func (p *pair) viewError(err error, gsSide bool) errorView {
	v := errorView{Text: errString(err)}
	for e := err; e != nil; e = errors.Unwrap(e) {
		v.Chain = append(v.Chain, reflect.TypeOf(e).String())
	}
	var oe *smithy.OperationError
	if errors.As(err, &oe) {
		v.OpService, v.OpName = oe.ServiceID, oe.OperationName
	}
	var re *awshttp.ResponseError
	if errors.As(err, &re) {
		v.HTTPStatus, v.RequestID = re.HTTPStatusCode(), re.ServiceRequestID()
	}
	var ae smithy.APIError
	if errors.As(err, &ae) {
		v.Code, v.Message, v.Fault = ae.ErrorCode(), ae.ErrorMessage(), ae.ErrorFault().String()
	}
	for _, k := range p.svc.errorTypes {
		t := k.v2
		if gsSide {
			t = k.gs
		}
		target := reflect.New(t)
		if errors.As(err, target.Interface()) {
			if gsSide {
				note(fmt.Sprintf("%s typed errors matched (compared with v2's)", p.svc.name), k.name)
			}
			v.Typed = k.name
			v.Fields = neutral(target.Elem())
		}
	}
	return v
}

func compareErrors(c *checker, p *pair, op string, gsIn, v2In reflect.Value, r *rand.Rand, where string) {
	for _, ec := range p.errorCases(op, r) {
		p.gsHTTP.set(ec.rep)
		p.v2HTTP.set(ec.rep)
		_, gsErr := p.call(p.gs, op, gsIn)
		_, v2Err := p.call(p.v2, op, v2In)
		_, gsN := p.gsHTTP.last()
		_, v2N := p.v2HTTP.last()
		check := "error-" + strings.Fields(ec.name)[0]
		if gsErr == nil || v2Err == nil {
			c.result(check, false, "%s %s: an error response gave no error: gosmith %v, v2 %v", where, ec.name, gsErr, v2Err)
			continue
		}
		a, b := p.viewError(gsErr, true), p.viewError(v2Err, false)
		if ec.name == "malformed body" {
			// As for a malformed 2xx body: the chain down to
			// *smithy.DeserializationError is API, what it wraps and its
			// text are each decoder's own.
			if a.Text != b.Text {
				note("malformed-body error text differs", fmt.Sprintf("gosmith %q v2 %q", a.Text, b.Text))
			}
			a.Chain, b.Chain = upToDeserialization(a.Chain), upToDeserialization(b.Chain)
			a.Text, b.Text = "", ""
			diff := cmp.Diff(b, a)
			c.result("error-malformed", diff == "" && gsN == v2N,
				"%s %s: status %d body %s\nattempts gosmith %d v2 %d\n(-v2 +gosmith):\n%s", where, ec.name, ec.rep.status, ec.rep.body, gsN, v2N, diff)
			continue
		}
		// The message (ErrorMessage and the Error() text that ends with it)
		// is judged apart, split by whether the body carried a message.
		msgCheck := "error-message"
		if !bodyHasMessage(ec.rep.body) {
			msgCheck = "error-message-absent"
		}
		c.result(msgCheck, a.Message == b.Message && a.Text == b.Text,
			"%s %s: status %d headers %v body %s\n ErrorMessage() gosmith %q, v2 %q\n Error() gosmith %q\n Error() v2      %q",
			where, ec.name, ec.rep.status, ec.rep.header, ec.rep.body, a.Message, b.Message, a.Text, b.Text)
		a.Message, a.Text, b.Message, b.Text = "", "", "", ""
		diff := cmp.Diff(b, a)
		c.result(check, diff == "" && gsN == v2N,
			"%s %s: status %d headers %v body %s\nattempts gosmith %d v2 %d\n(-v2 +gosmith):\n%s", where, ec.name, ec.rep.status, ec.rep.header, ec.rep.body, gsN, v2N, diff)
	}
}
