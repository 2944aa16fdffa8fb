package model

import (
	"errors"
	"strings"
	"testing"
)

// doc wraps shape definitions in a Smithy 2.0 document.
func doc(shapes string) []byte {
	return []byte(`{"smithy": "2.0", "shapes": {` + shapes + `}}`)
}

// doc1 wraps shape definitions in a Smithy 1.0 document.
func doc1(shapes string) []byte {
	return []byte(`{"smithy": "1.0", "shapes": {` + shapes + `}}`)
}

func mustParse(t *testing.T, data []byte) *Model {
	t.Helper()
	m, err := Parse("test.json", data)
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return m
}

func mustShape(t *testing.T, m *Model, id ShapeID) *Shape {
	t.Helper()
	s, ok := m.Shape(id)
	if !ok {
		t.Fatalf("shape %s not found", id)
	}
	return s
}

func mustMember(t *testing.T, m *Model, id ShapeID) *Member {
	t.Helper()
	mem, ok := m.Member(id)
	if !ok {
		t.Fatalf("member %s not found", id)
	}
	return mem
}

// wantError checks that err is an *Error whose message contains want.
func wantError(t *testing.T, err error, want string) *Error {
	t.Helper()
	if err == nil {
		t.Fatalf("got no error, want one containing %q", want)
	}
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("error %v (%T) is not a *model.Error", err, err)
	}
	if !strings.Contains(err.Error(), want) {
		t.Fatalf("error %q does not contain %q", err, want)
	}
	return e
}

func memberNames(s *Shape) []string {
	var out []string
	for _, m := range s.Members {
		out = append(out, m.Name)
	}
	return out
}
