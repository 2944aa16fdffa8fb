package jsonbody

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/gosmith/gosmith/internal/protocol/document"
	"github.com/gosmith/gosmith/internal/protocol/jsonwire"
)

// WriteDocument writes a document member. A document that fails to marshal,
// or marshals to something that is not JSON, fails the request.
func WriteDocument(e *jsonwire.Encoder, v document.Interface) {
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

// ReadDocument reads a document member; null leaves it nil.
func ReadDocument(d *jsonwire.Decoder, p *document.Interface) error {
	if d.Null() {
		*p = nil
		return nil
	}
	raw, err := d.Raw()
	if err != nil {
		return err
	}
	*p = document.NewRaw(append([]byte(nil), raw...))
	return nil
}

func truncate(b []byte) []byte {
	if len(b) > 64 {
		return b[:64]
	}
	return b
}
