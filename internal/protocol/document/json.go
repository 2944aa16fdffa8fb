package document

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/gosmith/gosmith/internal/protocol/jsonwire"
)

// The JSON protocols' codec of document members lives here, not in
// jsonbody, so that only a client with document members links smithy-go's
// document encoder (and the reflection and math/big it brings).

// WriteJSON writes a document member of a JSON body. A document that fails
// to marshal, or marshals to something that is not JSON, fails the request.
func WriteJSON(e *jsonwire.Encoder, v Interface) {
	raw, err := v.MarshalSmithyDocument()
	if err == nil && !json.Valid(raw) {
		err = fmt.Errorf("document marshaled to invalid JSON %q", truncate(raw))
	}
	if err != nil {
		e.SetError(fmt.Errorf("marshal document: %w", err))
		e.Null()
		return
	}
	e.Raw(bytes.TrimSpace(raw))
}

// ReadJSON reads a document member of a JSON body; null leaves it nil.
func ReadJSON(d *jsonwire.Decoder, p *Interface) error {
	if d.Null() {
		*p = nil
		return nil
	}
	raw, err := d.Raw()
	if err != nil {
		return err
	}
	*p = NewRaw(append([]byte(nil), raw...))
	return nil
}

func truncate(b []byte) []byte {
	if len(b) > 64 {
		return b[:64]
	}
	return b
}

// View is the JSON-like view of a document member for waiter paths: what
// it marshals to, decoded; nil when it does not marshal.
func View(d Interface) any {
	if d == nil {
		return nil
	}
	raw, err := d.MarshalSmithyDocument()
	if err != nil {
		return nil
	}
	var v any
	if json.Unmarshal(raw, &v) != nil {
		return nil
	}
	return v
}
