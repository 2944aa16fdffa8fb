package jsonbody

import (
	"github.com/gosmith/gosmith/internal/protocol/jsonwire"
)

// Redacted replaces the value of a sensitive member in logs (the text
// aws-sdk-go-v2 uses).
const Redacted = "*** Sensitive Data Redacted ***"

// RedactJSON returns body with the value of every member named in sensitive
// replaced by Redacted, at any depth. Keys are matched by name wherever they
// occur, so a name that is sensitive anywhere in the service is redacted
// everywhere: logs may say less than they could, never more. A body that is
// not JSON is replaced whole, since it cannot be redacted member by member.
func RedactJSON(body []byte, sensitive map[string]bool) []byte {
	if len(sensitive) == 0 {
		return body
	}
	e := jsonwire.NewEncoder(make([]byte, 0, len(body)))
	d := jsonwire.NewDecoder(body)
	if err := redactValue(d, e, sensitive); err != nil || d.End() != nil {
		return []byte("[body is not JSON; withheld because the service has sensitive members]")
	}
	return e.Bytes()
}

func redactValue(d *jsonwire.Decoder, e *jsonwire.Encoder, sensitive map[string]bool) error {
	raw, err := d.Raw()
	if err != nil {
		return err
	}
	switch raw[0] {
	case '{':
		e.ObjectStart()
		err = jsonwire.NewDecoder(raw).Object(func(d *jsonwire.Decoder, key []byte) error {
			e.Key(string(key))
			if sensitive[string(key)] {
				e.String(Redacted)
				return d.Skip()
			}
			return redactValue(d, e, sensitive)
		})
		e.ObjectEnd()
	case '[':
		e.ArrayStart()
		err = jsonwire.NewDecoder(raw).Array(func(d *jsonwire.Decoder) error {
			return redactValue(d, e, sensitive)
		})
		e.ArrayEnd()
	default:
		e.Raw(raw)
	}
	return err
}

// Redactor returns the Service.Redact of a service whose @sensitive members
// have these JSON names; nil when it has none.
func Redactor(keys ...string) func([]byte) []byte {
	if len(keys) == 0 {
		return nil
	}
	sensitive := make(map[string]bool, len(keys))
	for _, k := range keys {
		sensitive[k] = true
	}
	return func(body []byte) []byte { return RedactJSON(body, sensitive) }
}
