// Package document implements the Smithy document type for generated
// clients: a JSON-like value whose shape the model leaves open. Each
// generated client re-exports Interface and NewLazyDocument from its own
// document package, as aws-sdk-go-v2 clients do.
package document

import (
	"bytes"
	"encoding/json"
	"fmt"

	smithydocument "github.com/aws/smithy-go/document"
	smithydocumentjson "github.com/aws/smithy-go/document/json"
)

// Interface is a document: it marshals itself to JSON and unmarshals into a
// Go value. The method set is aws-sdk-go-v2's, so v2 documents and ours are
// interchangeable in code.
type Interface interface {
	UnmarshalSmithyDocument(v interface{}) error
	MarshalSmithyDocument() ([]byte, error)
}

// NewLazy returns a document holding a Go value (maps, slices, structs with
// `document` tags, numbers, strings, booleans, nil); it is encoded only when
// sent.
func NewLazy(v interface{}) Interface { return &lazy{value: v} }

// NewRaw returns a document holding JSON received on the wire. raw is not
// copied; the caller hands over ownership.
func NewRaw(raw []byte) Interface { return &wire{raw: raw} }

type lazy struct {
	smithydocument.NoSerde
	value interface{}
}

func (d *lazy) MarshalSmithyDocument() ([]byte, error) {
	return smithydocumentjson.NewEncoder().Encode(d.value)
}

func (d *lazy) UnmarshalSmithyDocument(v interface{}) error {
	raw, err := d.MarshalSmithyDocument()
	if err != nil {
		return err
	}
	return unmarshal(raw, v)
}

type wire struct {
	smithydocument.NoSerde
	raw []byte
}

func (d *wire) MarshalSmithyDocument() ([]byte, error) { return d.raw, nil }

func (d *wire) UnmarshalSmithyDocument(v interface{}) error { return unmarshal(d.raw, v) }

// unmarshal decodes JSON into v with smithy-go's document rules (numbers
// stay exact as document.Number until v asks for a Go number type).
func unmarshal(raw []byte, v interface{}) error {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var generic interface{}
	if err := dec.Decode(&generic); err != nil {
		return fmt.Errorf("document: %w", err)
	}
	return smithydocumentjson.NewDecoder().DecodeJSONInterface(generic, v)
}

// Equal reports whether two documents hold the same JSON value, for tests.
func Equal(a, b Interface) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	var va, vb interface{}
	ra, errA := a.MarshalSmithyDocument()
	rb, errB := b.MarshalSmithyDocument()
	if errA != nil || errB != nil {
		return false
	}
	da, db := json.NewDecoder(bytes.NewReader(ra)), json.NewDecoder(bytes.NewReader(rb))
	da.UseNumber()
	db.UseNumber()
	if da.Decode(&va) != nil || db.Decode(&vb) != nil {
		return false
	}
	return jsonEqual(va, vb)
}

func jsonEqual(a, b interface{}) bool {
	switch a := a.(type) {
	case map[string]interface{}:
		b, ok := b.(map[string]interface{})
		if !ok || len(a) != len(b) {
			return false
		}
		for k, v := range a {
			if w, ok := b[k]; !ok || !jsonEqual(v, w) {
				return false
			}
		}
		return true
	case []interface{}:
		b, ok := b.([]interface{})
		if !ok || len(a) != len(b) {
			return false
		}
		for i := range a {
			if !jsonEqual(a[i], b[i]) {
				return false
			}
		}
		return true
	case json.Number:
		b, ok := b.(json.Number)
		if !ok {
			return false
		}
		fa, errA := a.Float64()
		fb, errB := b.Float64()
		return a == b || errA == nil && errB == nil && fa == fb
	default:
		return a == b
	}
}
