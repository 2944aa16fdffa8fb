package difftest

import (
	"reflect"
	"strings"
)

// unionPair is one member type of a union in both clients: gosmith's
// *types.XMemberY and aws-sdk-go-v2's.
type unionPair struct{ gs, v2 reflect.Type }

func unionMember(gs, v2 any) unionPair {
	return unionPair{reflect.TypeOf(gs), reflect.TypeOf(v2)}
}

// unionMembers lists every union member type of every service, for gen (a
// union value is one of its members) and copyByName (a gosmith member
// becomes v2's). Go cannot list the types implementing an interface, so
// each service file names them.
func unionMembers() []unionPair {
	var out []unionPair
	for _, s := range services {
		out = append(out, s.unions...)
	}
	return out
}

// unionChoices returns the gosmith member types implementing union
// interface t, or nil when t is not a union of the table.
func unionChoices(t reflect.Type) []reflect.Type {
	var out []reflect.Type
	for _, u := range unionMembers() {
		if u.gs.Implements(t) {
			out = append(out, u.gs)
		}
	}
	return out
}

// v2UnionMember returns v2's type for gosmith union member type t.
func v2UnionMember(t reflect.Type) (reflect.Type, bool) {
	for _, u := range unionMembers() {
		if u.gs == t {
			return u.v2, true
		}
	}
	return nil, false
}

// unionMemberName is the model's member name of a union member type
// (AttributeValueMemberSS -> "SS"), or "" for other types.
func unionMemberName(t reflect.Type) string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	_, name, ok := strings.Cut(t.Name(), "Member")
	if !ok {
		return ""
	}
	return name
}
