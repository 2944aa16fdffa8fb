package goview

import (
	"sort"

	"github.com/gosmith/gosmith/codegen/model"
)

// EventStream is a @streaming union: an output stream of events, each a
// member of the union named by its message's :event-type, which ends at
// the service's will or with one of its modeled errors (the members
// targeting @error structures, named by :exception-type). As in
// aws-sdk-go-v2, the union's Go interface has the events only: its Fields
// leave the errors out.
type EventStream struct {
	Union  *Struct
	Events []*Event // the union's Fields as events, in the same order
	Errors []*Event // sorted by member name
	// ReaderName is the reader interface of the client package: the
	// union's name + "Reader", as in aws-sdk-go-v2.
	ReaderName string
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

// OutputEventStream is an operation's output event stream.
type OutputEventStream struct {
	*EventStream
	// Member is the output member that targets the union. It is not among
	// the output's Fields: callers reach the stream through GetStream.
	Member *Field
	// Name is the client package's type for the stream of this operation
	// (its name + "EventStream"), NewName its constructor.
	Name, NewName string
}

// outputEventStream resolves the event stream an operation's output
// carries, if any: the union once per package, whichever operations share
// it.
func (b *builder) outputEventStream(op *Operation) error {
	member := op.Output.EventStreamMember
	if member == nil {
		return nil
	}
	es, ok := b.eventStreams[member.Type]
	if !ok {
		var err error
		if es, err = b.eventStream(b.structs[member.Type]); err != nil {
			return err
		}
		b.eventStreams[member.Type] = es
	}
	op.EventStream = &OutputEventStream{EventStream: es, Member: member}
	return nil
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
	switch {
	case ev.Payload != nil && body:
		return nil, shapeErr(st.Shape, ev.Payload.Name, "an event with an @eventPayload member can have no members other than @eventHeader ones")
	case ev.Payload != nil && ev.Payload.Type.IsAggregate():
		b.markDes(ev.Payload.Type)
	case body:
		ev.Body = true
		b.markDes(st.Type)
	}
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
