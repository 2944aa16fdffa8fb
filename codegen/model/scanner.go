package model

import (
	"encoding/json"
	"fmt"
	"unicode/utf8"
)

// scanner is a small validating JSON reader over a byte slice. The loader
// uses it instead of encoding/json because it needs object keys in
// document order and must reject duplicate keys, and because a single pass
// that slices raw trait values out of the input is several times faster
// than repeated json.Decoder passes on large service models.
type scanner struct {
	data  []byte
	pos   int
	depth int
}

// maxDepth bounds nesting, as encoding/json does, so that hostile input
// cannot exhaust the stack.
const maxDepth = 10000

// syntaxError records a malformed-JSON position; parseDoc turns it into an
// *Error with line and column.
type syntaxError struct {
	pos int
	msg string
}

func (e *syntaxError) Error() string { return e.msg }

func (s *scanner) errorf(format string, args ...any) error {
	return &syntaxError{pos: s.pos, msg: fmt.Sprintf(format, args...)}
}

func (s *scanner) skipWS() {
	for s.pos < len(s.data) {
		switch s.data[s.pos] {
		case ' ', '\t', '\n', '\r':
			s.pos++
		default:
			return
		}
	}
}

// peek returns the next non-space byte, or 0 at end of input.
func (s *scanner) peek() byte {
	s.skipWS()
	if s.pos >= len(s.data) {
		return 0
	}
	return s.data[s.pos]
}

// kindName describes the value starting with c, for type errors.
func kindName(c byte) string {
	switch c {
	case '{':
		return "an object"
	case '[':
		return "an array"
	case '"':
		return "a string"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	case 0:
		return "end of input"
	}
	return "a number"
}

// object iterates over an object's members in order, calling fn with each
// key; fn must consume the value. Duplicate keys are rejected because
// encoding/json would silently keep only the last one.
func (s *scanner) object(what string, fn func(key string) error) error {
	if c := s.peek(); c != '{' {
		if c == 0 {
			return s.errorf("unexpected end of input")
		}
		return &typeError{msg: fmt.Sprintf("%s must be an object, not %s", what, kindName(c))}
	}
	s.pos++
	// Most objects are small: a slice scan beats a map until it is not.
	var keys []string
	var seen map[string]bool
	if s.peek() == '}' {
		s.pos++
		return nil
	}
	for {
		if s.peek() != '"' {
			return s.errorf("expected string object key")
		}
		key, err := s.str()
		if err != nil {
			return err
		}
		if s.peek() != ':' {
			return s.errorf("expected ':' after object key")
		}
		s.pos++
		dup := false
		if seen != nil {
			dup = seen[key]
			seen[key] = true
		} else {
			for _, k := range keys {
				if k == key {
					dup = true
					break
				}
			}
			keys = append(keys, key)
			if len(keys) > 16 {
				seen = make(map[string]bool, 2*len(keys))
				for _, k := range keys {
					seen[k] = true
				}
			}
		}
		if dup {
			return &typeError{msg: fmt.Sprintf("duplicate key %q in %s", key, what)}
		}
		if err := fn(key); err != nil {
			return err
		}
		switch s.peek() {
		case ',':
			s.pos++
		case '}':
			s.pos++
			return nil
		default:
			return s.errorf("expected ',' or '}' after object value")
		}
	}
}

// array iterates over an array's elements; fn must consume each element.
func (s *scanner) array(what string, fn func() error) error {
	if c := s.peek(); c != '[' {
		if c == 0 {
			return s.errorf("unexpected end of input")
		}
		return &typeError{msg: fmt.Sprintf("%s must be an array, not %s", what, kindName(c))}
	}
	s.pos++
	if s.peek() == ']' {
		s.pos++
		return nil
	}
	for {
		if err := fn(); err != nil {
			return err
		}
		switch s.peek() {
		case ',':
			s.pos++
		case ']':
			s.pos++
			return nil
		default:
			return s.errorf("expected ',' or ']' after array element")
		}
	}
}

// typeError is a well-formed value of the wrong JSON type or a duplicate
// key; the caller adds the shape context.
type typeError struct{ msg string }

func (e *typeError) Error() string { return e.msg }

// stringValue reads a string, reporting a typeError for other values.
func (s *scanner) stringValue(what string) (string, error) {
	if c := s.peek(); c != '"' {
		if c == 0 {
			return "", s.errorf("unexpected end of input")
		}
		return "", &typeError{msg: fmt.Sprintf("%s must be a string, not %s", what, kindName(c))}
	}
	return s.str()
}

// str reads a string token at s.pos, validating escapes and decoding them
// only when present (the common case is a plain slice).
func (s *scanner) str() (string, error) {
	start := s.pos
	s.pos++
	escaped := false
	for {
		if s.pos >= len(s.data) {
			return "", s.errorf("unterminated string")
		}
		c := s.data[s.pos]
		switch {
		case c == '"':
			s.pos++
			raw := s.data[start:s.pos]
			if !escaped && utf8.Valid(raw) {
				return string(raw[1 : len(raw)-1]), nil
			}
			var out string
			if err := json.Unmarshal(raw, &out); err != nil {
				return "", &syntaxError{pos: start, msg: "invalid string: " + err.Error()}
			}
			return out, nil
		case c == '\\':
			escaped = true
			s.pos++
			if s.pos >= len(s.data) {
				return "", s.errorf("unterminated string")
			}
			switch s.data[s.pos] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				s.pos++
			case 'u':
				s.pos++
				for i := 0; i < 4; i++ {
					if s.pos >= len(s.data) || !isHex(s.data[s.pos]) {
						return "", s.errorf("invalid \\u escape in string")
					}
					s.pos++
				}
			default:
				return "", s.errorf("invalid escape character %q in string", s.data[s.pos])
			}
		case c < 0x20:
			return "", s.errorf("invalid control character in string")
		default:
			s.pos++
		}
	}
}

func isHex(c byte) bool { return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' }

// value validates and skips any value, returning its raw bytes (a slice of
// the input, which Parse has copied, so sharing it is safe).
func (s *scanner) value() (json.RawMessage, error) {
	c := s.peek()
	start := s.pos
	if s.depth >= maxDepth {
		return nil, s.errorf("exceeded max nesting depth")
	}
	s.depth++
	defer func() { s.depth-- }()
	var err error
	switch {
	case c == '{':
		err = s.object("value", func(string) error { _, err := s.value(); return err })
	case c == '[':
		err = s.array("value", func() error { _, err := s.value(); return err })
	case c == '"':
		_, err = s.str()
	case c == 't':
		err = s.literal("true")
	case c == 'f':
		err = s.literal("false")
	case c == 'n':
		err = s.literal("null")
	case c == '-' || isDigit(c):
		err = s.number()
	case c == 0:
		err = s.errorf("unexpected end of input")
	default:
		err = s.errorf("invalid character %q looking for beginning of value", c)
	}
	if err != nil {
		return nil, err
	}
	return json.RawMessage(s.data[start:s.pos]), nil
}

func (s *scanner) literal(lit string) error {
	if len(s.data)-s.pos < len(lit) || string(s.data[s.pos:s.pos+len(lit)]) != lit {
		return s.errorf("invalid literal (want %s)", lit)
	}
	s.pos += len(lit)
	return nil
}

// number validates the JSON number grammar:
// -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func (s *scanner) number() error {
	d := s.data
	if s.pos < len(d) && d[s.pos] == '-' {
		s.pos++
	}
	digits := func() int {
		n := 0
		for s.pos < len(d) && isDigit(d[s.pos]) {
			s.pos++
			n++
		}
		return n
	}
	switch {
	case s.pos < len(d) && d[s.pos] == '0':
		s.pos++
	case digits() == 0:
		return s.errorf("invalid number")
	}
	if s.pos < len(d) && d[s.pos] == '.' {
		s.pos++
		if digits() == 0 {
			return s.errorf("invalid number: digits expected after '.'")
		}
	}
	if s.pos < len(d) && (d[s.pos] == 'e' || d[s.pos] == 'E') {
		s.pos++
		if s.pos < len(d) && (d[s.pos] == '+' || d[s.pos] == '-') {
			s.pos++
		}
		if digits() == 0 {
			return s.errorf("invalid number: digits expected in exponent")
		}
	}
	return nil
}
