package goview

import (
	"sort"

	"github.com/gosmith/gosmith/codegen/model"
)

// EventStream is a @streaming union: a stream of events, each a member of
// the union named by its message's :event-type. An output stream ends at
// the service's will or with one of its modeled errors (the members
// targeting @error structures, named by :exception-type); an input stream
// when the client closes it. As in aws-sdk-go-v2, the union's Go interface
// has the events only: its Fields leave the errors out.
type EventStream struct {
	Union  *Struct
	Events []*Event // the union's Fields as events, in the same order
	Errors []*Event // sorted by member name
	// ReaderName is the reader interface of the client package, the
	// union's name + "Reader" as in aws-sdk-go-v2, when an output carries
	// the union; WriterName ("Writer") when an input does.
	ReaderName, WriterName string
	// Read and Written: an output carries the union, an input does.
	Read, Written bool
}

// Event is one member of an event stream union and how its target
// structure is bound to a message: @eventHeader members from headers,
// then the payload, which is the @eventPayload member or else the JSON
// object of the other members.
type Event struct {
	Name   string // the member name: the :event-type or :exception-type
	Field  *Field // the union member; UnionMember names an event's Go struct
	Struct *Struct
	// Headers are the @eventHeader members, in wire order.
	Headers []*Field
	// Payload is the @eventPayload member; nil when the payload is the
	// JSON object of the other members.
	Payload *Field
	// Body: the payload is the JSON object of the members that are not
	// headers (read by Struct's JSON deserializer). False when Payload is
	// set or every member is a header.
	Body bool
}

// OperationEventStream is the event stream of an operation: of its
// output (events the service sends), of its input (events the client
// sends, as Transcribe Streaming's audio), or both at once.
type OperationEventStream struct {
	// Output is the output's stream, nil when only the input has one;
	// OutputMember is the output member that targets its union. Input and
	// InputMember are the input's. The members are not among the Fields:
	// callers reach the streams through the output's GetStream.
	Output, Input             *EventStream
	OutputMember, InputMember *Field
	// Name is the client package's type for the stream of this operation
	// (its name + "EventStream"), NewName its constructor.
	Name, NewName string
}

// operationEventStream resolves the event streams an operation's input
// and output carry, if any: each union once per package, whichever
// operations share it.
func (b *builder) operationEventStream(op *Operation) error {
	in, out := op.Input.EventStreamMember, op.Output.EventStreamMember
	if in == nil && out == nil {
		return nil
	}
	s := &OperationEventStream{InputMember: in, OutputMember: out}
	var err error
	if out != nil {
		if s.Output, err = b.unionStream(out, false); err != nil {
			return err
		}
	}
	if in != nil {
		if s.Input, err = b.unionStream(in, true); err != nil {
			return err
		}
	}
	op.EventStream = s
	return nil
}

// unionStream returns the stream of the union member targets, built the
// first time, with the codecs its direction needs marked.
func (b *builder) unionStream(member *Field, input bool) (*EventStream, error) {
	es, ok := b.eventStreams[member.Type]
	if !ok {
		var err error
		if es, err = b.eventStream(b.structs[member.Type]); err != nil {
			return nil, err
		}
		b.eventStreams[member.Type] = es
	}
	if input && !es.Written {
		es.Written = true
		for _, ev := range es.Events {
			b.markEvent(ev, true)
		}
	}
	if !input && !es.Read {
		es.Read = true
		for _, ev := range append(append([]*Event{}, es.Events...), es.Errors...) {
			b.markEvent(ev, false)
		}
	}
	return es, nil
}

// markEvent marks the codecs an event's payload is written (input) or
// read with: its @eventPayload aggregate, or else its structure's
// deserializer, or the serializers of its members that are not headers
// (the event's encoder writes their object itself).
func (b *builder) markEvent(ev *Event, input bool) {
	switch {
	case ev.Payload != nil && input:
		b.markSer(ev.Payload.Type)
	case ev.Payload != nil:
		b.markDes(ev.Payload.Type)
	case ev.Body && input:
		for _, f := range ev.BodyFields() {
			b.markSer(f.Type)
		}
	case ev.Body:
		b.markDes(ev.Struct.Type)
	}
}

// BodyFields are the members of an event whose payload is their JSON
// object: the structure's body members that are not headers.
func (ev *Event) BodyFields() []*Field {
	header := map[*Field]bool{}
	for _, h := range ev.Headers {
		header[h] = true
	}
	var out []*Field
	for _, f := range ev.Struct.BodyFields {
		if !header[f] {
			out = append(out, f)
		}
	}
	return out
}

// eventStream splits a streaming union into its events and errors and
// binds each to a message. Its structures' JSON deserializers are needed
// for the payloads read as JSON.
func (b *builder) eventStream(union *Struct) (*EventStream, error) {
	es := &EventStream{Union: union}
	isError := map[*Field]bool{}
	for _, f := range union.Fields {
		st := b.structs[f.Type]
		if f.Type.Kind != KindStruct || st == nil {
			return nil, shapeErr(union.Shape, f.Name, "an event stream member must target a structure, not %s %s", f.Type.Shape.Type, f.Type.Shape.ID)
		}
		ev, err := b.event(f, st)
		if err != nil {
			return nil, err
		}
		if st.Error != nil {
			isError[f] = true
			es.Errors = append(es.Errors, ev)
		} else {
			es.Events = append(es.Events, ev)
		}
	}
	sort.Slice(es.Errors, func(i, j int) bool { return es.Errors[i].Name < es.Errors[j].Name })
	keep := func(fs []*Field) []*Field {
		var out []*Field
		for _, f := range fs {
			if !isError[f] {
				out = append(out, f)
			}
		}
		return out
	}
	union.Fields, union.WireFields = keep(union.Fields), keep(union.WireFields)
	union.BodyFields, union.ModelFields = keep(union.BodyFields), keep(union.ModelFields)
	return es, nil
}

// event binds the members of an event (or error) structure to a message.
func (b *builder) event(f *Field, st *Struct) (*Event, error) {
	ev := &Event{Name: f.Name, Field: f, Struct: st}
	body := false
	for _, m := range st.WireFields {
		tr := m.Member.Traits
		switch {
		case tr.EventHeader():
			if !headerKind(m.Type.Kind) {
				return nil, shapeErr(st.Shape, m.Name, "an @eventHeader member cannot be a %s", m.Type.Shape.Type)
			}
			ev.Headers = append(ev.Headers, m)
		case tr.EventPayload():
			switch m.Type.Kind {
			case KindBlob, KindString, KindStruct, KindUnion:
			default:
				return nil, shapeErr(st.Shape, m.Name, "an @eventPayload member must be a blob, string, structure or union, not a %s", m.Type.Shape.Type)
			}
			ev.Payload = m
		default:
			body = true
		}
	}
	if ev.Payload != nil && body {
		return nil, shapeErr(st.Shape, ev.Payload.Name, "an event with an @eventPayload member can have no members other than @eventHeader ones")
	}
	ev.Body = body
	return ev, nil
}

// headerKind reports whether a member of kind k can be an event header:
// the header value types have booleans, integers, strings, blobs and
// timestamps.
func headerKind(k Kind) bool {
	switch k {
	case KindBool, KindInt8, KindInt16, KindInt32, KindInt64, KindString, KindEnum, KindIntEnum, KindBlob, KindTimestamp:
		return true
	}
	return false
}

// isEventStream reports whether s is a @streaming union.
func isEventStream(s *model.Shape) bool {
	return s.Type == model.TypeUnion && s.Traits.Streaming()
}
