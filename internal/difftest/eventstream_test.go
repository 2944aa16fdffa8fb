package difftest

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand"
	"net/http"
	"reflect"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws/protocol/eventstream"
	"github.com/google/go-cmp/cmp"
)

// Event-stream operations (Kinesis SubscribeToShard) are compared like the
// others up to the response, which is a stream of frames written with
// aws-sdk-go-v2's own encoder: the initial-response (the output's other
// members, as awsJson puts them), random events, then an ending: none, a
// modeled exception, an error message, or a frame cut short. Both clients'
// events, in order, and how the stream ends are compared.

// streamMember is the output member of an event-stream operation that
// holds the stream.
func (m *smithyModel) streamMember(op string) *memberDef {
	out := m.shape(outputTarget(m, op))
	for i := range out.Members {
		t := m.shape(out.Members[i].Target)
		if t.Type == "union" && t.has("smithy.api#streaming") {
			return &out.Members[i]
		}
	}
	return nil
}

// frame encodes one event-stream message with string headers, in order.
func frame(payload []byte, headers ...string) []byte {
	var hs eventstream.Headers
	for i := 0; i+1 < len(headers); i += 2 {
		hs.Set(headers[i], eventstream.StringValue(headers[i+1]))
	}
	var b bytes.Buffer
	if err := eventstream.NewEncoder().Encode(&b, eventstream.Message{Headers: hs, Payload: payload}); err != nil {
		panic(err)
	}
	return b.Bytes()
}

func streamReply(body []byte) reply {
	return reply{status: 200, header: http.Header{"Content-Type": {"application/vnd.amazon.eventstream"}}, body: body}
}

// initialResponse is the stream's first message: the output's members but
// the stream, as JSON.
func (p *pair) initialResponse(op string, enc *jsonEncoder, out reflect.Value) []byte {
	stream := p.svc.m.streamMember(op)
	payload := enc.encodeMembers(out, outputTarget(p.svc.m, op), func(m *memberDef) bool { return m.Name != stream.Name })
	return frame(payload, ":message-type", "event", ":event-type", "initial-response", ":content-type", "application/json")
}

// eventTypes are the Go member types of the stream's union (gosmith's),
// from the Events channel of the output's stream.
func eventTypes(outType reflect.Type) []reflect.Type {
	stream, _ := outType.MethodByName("GetStream")
	events, _ := stream.Type.Out(0).MethodByName("Events")
	return unionChoices(events.Type.Out(0).Elem())
}

// compareEventStream answers with a random stream and compares what each
// client reads from it.
func compareEventStream(c *checker, p *pair, op string, gsIn, v2In reflect.Value, r *rand.Rand, where string) {
	m := p.svc.m
	gsMethod, _ := p.gs.Type().MethodByName(op)
	outType := gsMethod.Type.Out(0)
	g := &gen{r: r, floatSpecials: true}
	enc := &jsonEncoder{r: r, model: m, vary: true}
	union := m.shape(m.streamMember(op).Target)

	// event is a random event of the stream's union as a frame.
	event := func() []byte {
		types := eventTypes(outType)
		t := types[r.Intn(len(types))]
		v := reflect.New(t.Elem())
		v.Elem().Field(0).Set(g.value(v.Elem().Field(0).Type(), true))
		name := unionMemberName(t)
		var target string
		for _, mem := range union.Members {
			if mem.Name == name {
				target = mem.Target
			}
		}
		return frame(enc.encode(v.Elem().Field(0), target), ":message-type", "event", ":event-type", name, ":content-type", "application/json")
	}
	body := p.initialResponse(op, enc, g.value(outType, true))
	for i, n := 0, r.Intn(5); i < n; i++ {
		body = append(body, event()...)
	}
	ending := []string{"end", "exception", "error", "cut"}[r.Intn(4)]
	switch ending {
	case "exception":
		var errs []memberDef
		for _, mem := range union.Members {
			if m.shape(mem.Target).has("smithy.api#error") {
				errs = append(errs, mem)
			}
		}
		mem := errs[r.Intn(len(errs))]
		et, ok := p.svc.errorType(shapeName(mem.Target))
		if !ok {
			c.result("event-stream", false, "%s: no error type for %s", where, mem.Target)
			return
		}
		errEnc := &jsonEncoder{r: r, model: m, vary: true, messageCase: true}
		payload := errEnc.encode(g.value(et.gs, true), mem.Target)
		body = append(body, frame(payload, ":message-type", "exception", ":exception-type", mem.Name, ":content-type", "application/json")...)
	case "error":
		body = append(body, frame(nil, ":message-type", "error", ":error-code", "InternalError", ":error-message", g.str())...)
	case "cut":
		f := event()
		body = append(body, f[:1+r.Intn(len(f)-1)]...)
	}

	p.gsHTTP.set(streamReply(body))
	p.v2HTTP.set(streamReply(body))
	gsOut, gsErr := p.call(p.gs, op, gsIn)
	v2Out, v2Err := p.call(p.v2, op, v2In)
	if gsErr != nil || v2Err != nil {
		c.result("event-stream", false, "%s: %s: the call failed\n gosmith: %v\n v2:      %v", where, ending, gsErr, v2Err)
		return
	}
	gsEvents, gsStreamErr := readStream(gsOut)
	v2Events, v2StreamErr := readStream(v2Out)
	diff := cmp.Diff(v2Events, gsEvents, cmpOpts...)
	c.result("event-stream", diff == "", "%s: %s: events (-v2 +gosmith):\n%s", where, ending, diff)
	note(fmt.Sprintf("%s event streams ending with %s", p.svc.name, ending), where)

	// How the stream ended: a modeled exception or error message alike in
	// everything; a cut frame fails both, each decoder in its own words.
	ga, vb := p.viewError(gsStreamErr, true), p.viewError(v2StreamErr, false)
	if ending == "cut" {
		switch {
		case gsStreamErr != nil && v2StreamErr == nil:
			// v2's decoder takes a frame cut in its payload, or between
			// two of its fields, for the end of the stream.
			c.result("event-stream-cut", false, "%s: a frame cut short: gosmith %v, v2 ends without an error", where, gsStreamErr)
			return
		case ga.Text != vb.Text:
			note("cut event stream: error text differs", fmt.Sprintf("gosmith %q v2 %q", ga.Text, vb.Text))
		}
		ga, vb = errorView{Text: fmt.Sprint(gsStreamErr != nil)}, errorView{Text: fmt.Sprint(v2StreamErr != nil)}
	}
	c.result("event-stream-end", cmp.Equal(ga, vb), "%s: %s: the stream ended (-v2 +gosmith):\n%s", where, ending, cmp.Diff(vb, ga))
}

var errStreamTimeout = errors.New("difftest: the stream did not end within 10s")

// readStream reads the events of an output's stream (neutral), until its
// channel closes, then its Err, and closes it.
func readStream(out reflect.Value) ([]any, error) {
	stream := out.MethodByName("GetStream").Call(nil)[0]
	events := stream.MethodByName("Events").Call(nil)[0]
	timeout := reflect.ValueOf(time.After(10 * time.Second))
	var got []any
	for {
		chosen, v, ok := reflect.Select([]reflect.SelectCase{{Dir: reflect.SelectRecv, Chan: events}, {Dir: reflect.SelectRecv, Chan: timeout}})
		if chosen == 1 {
			stream.MethodByName("Close").Call(nil)
			return got, errStreamTimeout
		}
		if !ok {
			break
		}
		got = append(got, neutral(v))
	}
	err, _ := stream.MethodByName("Err").Call(nil)[0].Interface().(error)
	stream.MethodByName("Close").Call(nil)
	return got, err
}
