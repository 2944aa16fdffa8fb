package awsjson

import (
	"strings"
	"testing"

	"github.com/gosmith/gosmith/internal/protocol/jsonwire"
)

// TestUnitOutputDiscardsBody: an operation without an output shape reads
// its 2xx body to the end without decoding it, as aws-sdk-go-v2 does, so a
// body that is not JSON is no error; with an output shape it is.
func TestUnitOutputDiscardsBody(t *testing.T) {
	const truncated = `{"Unmodeled":[1,{"a`
	unit := responses{op: &Operation{New: func() any { return &struct{}{} }}}
	body := strings.NewReader(truncated)
	out, err := unit.decodeOutput(body, int64(len(truncated)))
	if err != nil || out == nil {
		t.Fatalf("unit output: %v, %v; want an output and no error", out, err)
	}
	if body.Len() != 0 {
		t.Errorf("unit output: %d bytes left unread", body.Len())
	}
	decoded := responses{op: &Operation{
		New:         func() any { return &struct{}{} },
		Deserialize: func(d *jsonwire.Decoder, _ any) error { return d.Skip() },
	}}
	if _, err := decoded.decodeOutput(strings.NewReader(truncated), int64(len(truncated))); err == nil {
		t.Error("output with a shape: a truncated body gave no error")
	}
}
