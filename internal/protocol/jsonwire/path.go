package jsonwire

import (
	"strconv"
	"strings"
)

// pathAt returns the JSON path of the value being written when written (an
// Encoder's output so far, well formed as far as it goes) was cut: the key
// or index of each container still open, down to the innermost one that
// has a member or element started.
func pathAt(written []byte) string {
	type frame struct {
		object  bool
		started bool   // a key (object) or an element (array) was started
		key     string // object: the current member's name
		index   int    // array: the current element's index
	}
	var stack []frame
	// start marks the innermost container's current element as started.
	start := func() {
		if n := len(stack); n > 0 && !stack[n-1].object {
			stack[n-1].started = true
		}
	}
	for i := 0; i < len(written); i++ {
		switch ch := written[i]; ch {
		case '{', '[':
			start()
			stack = append(stack, frame{object: ch == '{'})
		case '}', ']':
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		case ',':
			if n := len(stack); n > 0 && !stack[n-1].object {
				stack[n-1].index++
			}
		case ':':
		case '"':
			end := i + 1
			for end < len(written) && written[end] != '"' {
				if written[end] == '\\' {
					end++
				}
				end++
			}
			if end >= len(written) { // cut inside a string
				start()
				i = end
				continue
			}
			quoted := written[i : end+1]
			i = end
			n := len(stack)
			if n > 0 && stack[n-1].object && i+1 < len(written) && written[i+1] == ':' {
				k, err := strconv.Unquote(string(quoted))
				if err != nil {
					k = string(quoted[1 : len(quoted)-1])
				}
				stack[n-1].key, stack[n-1].started = k, true
				continue
			}
			start()
		default:
			start()
		}
	}
	var b strings.Builder
	b.WriteByte('$')
	for _, f := range stack {
		switch {
		case !f.started:
			return b.String()
		case !f.object:
			b.WriteString("[" + strconv.Itoa(f.index) + "]")
		case isIdentifier(f.key):
			b.WriteString("." + f.key)
		default:
			b.WriteString("[" + strconv.Quote(f.key) + "]")
		}
	}
	return b.String()
}

// isIdentifier reports whether a key can follow a '.' in a path.
func isIdentifier(k string) bool {
	if k == "" {
		return false
	}
	for i, r := range k {
		if !(r == '_' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || i > 0 && '0' <= r && r <= '9') {
			return false
		}
	}
	return true
}
