package model

import (
	"errors"
	"testing"
)

// FuzzParse checks that no input makes the loader panic and that every
// failure is reported as an *Error.
func FuzzParse(f *testing.F) {
	f.Add(doc(serviceModel))
	f.Add(doc1(`"a#S": {"type": "set", "member": {"target": "smithy.api#PrimitiveInteger"}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := Parse("fuzz.json", data)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error %v is a %T, not *Error", err, err)
			}
			return
		}
		for _, s := range m.Services() {
			if _, err := m.ServiceOperations(s.ID); err != nil {
				t.Fatal(err)
			}
		}
		m.Walk([]ShapeID{"a#S"}, func(*Shape) {})
	})
}
