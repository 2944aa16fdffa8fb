package endpoints

import (
	"strconv"

	"github.com/gosmith/gosmith/internal/protocol/jsonwire"
)

// The rule set is decoded with the runtime's own JSON decoder into the
// values encoding/json would give with UseNumber (map[string]any, []any,
// string, bool, nil, and number for numbers), so that a client does not
// link encoding/json, and with it most of reflection, for its endpoints.

// number is a JSON number as written, for integers to stay exact
// (encoding/json's Number).
type number string

func (n number) Int() (int, error)         { return strconv.Atoi(string(n)) }
func (n number) Float64() (float64, error) { return strconv.ParseFloat(string(n), 64) }

// decodeJSON decodes one JSON document, with nothing after it.
func decodeJSON(data []byte) (any, error) {
	d := jsonwire.NewDecoder(data)
	v, err := decodeValue(d)
	if err != nil {
		return nil, err
	}
	return v, d.End()
}

// decodeValue decodes the next value of d.
func decodeValue(d *jsonwire.Decoder) (any, error) {
	raw, err := d.Raw()
	if err != nil {
		return nil, err
	}
	inner := jsonwire.NewDecoder(raw)
	switch raw[0] {
	case '{':
		m := map[string]any{}
		err := inner.Object(func(d *jsonwire.Decoder, key []byte) error {
			v, err := decodeValue(d)
			m[string(key)] = v
			return err
		})
		return m, err
	case '[':
		a := []any{}
		err := inner.Array(func(d *jsonwire.Decoder) error {
			v, err := decodeValue(d)
			a = append(a, v)
			return err
		})
		return a, err
	case '"':
		var s string
		err := inner.String(&s)
		return s, err
	case 't', 'f':
		var b bool
		err := inner.Bool(&b)
		return b, err
	case 'n':
		return nil, nil
	}
	return number(raw), nil
}
