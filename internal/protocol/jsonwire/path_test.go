package jsonwire

import (
	"errors"
	"testing"
)

func TestPathAt(t *testing.T) {
	for _, tt := range []struct{ written, want string }{
		{``, `$`},
		{`{`, `$`},
		{`{"Doc":`, `$.Doc`},
		{`{"a":{`, `$.a`},
		{`{"a":1,"b":{"c":`, `$.b.c`},
		{`{"l":[`, `$.l`},
		{`{"l":[{`, `$.l[0]`},
		{`{"l":[{"S":"x"},{`, `$.l[1]`},
		{`{"l":[1,2,[3,{"k":`, `$.l[2][1].k`},
		{`{"done":{"x":[1]},"m":{"a.b":{`, `$.m["a.b"]`},
		{`{"s":"{[,\"]}:","m":{"k\"q":`, `$.m["k\"q"]`},
		{`{"RequestItems":{"t":[{"PutRequest":{"Item":{"k":{`, `$.RequestItems.t[0].PutRequest.Item.k`},
		{`{"s":"cut inside`, `$.s`},
	} {
		if got := pathAt([]byte(tt.written)); got != tt.want {
			t.Errorf("pathAt(%s) = %s, want %s", tt.written, got, tt.want)
		}
	}
}

func TestSetErrorNamesThePath(t *testing.T) {
	e := NewEncoder(nil)
	e.ObjectStart()
	e.Key("Items")
	e.ArrayStart()
	e.ObjectStart()
	e.ObjectEnd()
	e.ObjectStart()
	e.Key("Key")
	cause := errors.New("union AttributeValue: cannot serialize member type <nil>")
	e.SetError(cause)
	e.SetError(errors.New("a later error"))
	var pe *PathError
	if !errors.As(e.Err(), &pe) || pe.Path != "$.Items[1].Key" || !errors.Is(e.Err(), cause) {
		t.Fatalf("Err = %v, want %v at $.Items[1].Key", e.Err(), cause)
	}
	if got := e.Err().Error(); got != "$.Items[1].Key: union AttributeValue: cannot serialize member type <nil>" {
		t.Errorf("Error() = %q", got)
	}
}
