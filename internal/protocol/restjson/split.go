package restjson

import (
	"strconv"
	"strings"
	"unicode"
)

// SplitHeaderList splits the values of a list header into its elements as
// smithy-go's SplitHeaderListValues does: at each comma outside double
// quotes, each element trimmed, a quoted element unquoted with
// strconv.Unquote. "a, b," gives a, b and an empty element; an empty value
// gives one empty element. An unterminated or empty quoted element (""), or
// text after a closing quote, is a *HeaderError.
func SplitHeaderList(values []string) ([]string, error) {
	parts := make([]string, 0, len(values))
	for _, v := range values {
		var err error
		if parts, err = splitQuoted(parts, v); err != nil {
			return nil, err
		}
	}
	return parts, nil
}

// isSpace is the test smithy-go applies to each byte, as a rune.
func isSpace(c byte) bool { return unicode.IsSpace(rune(c)) }

func splitQuoted(parts []string, v string) ([]string, error) {
	v = strings.TrimSpace(v)
	expectMore := true // an element follows: at the start, and after each comma
	for i := 0; i < len(v); i++ {
		if isSpace(v[i]) {
			continue
		}
		expectMore = false
		rest := v[i:]
		if rest[0] != '"' {
			n := strings.IndexByte(rest, ',')
			if n < 0 {
				n = len(rest)
			} else {
				expectMore = true
			}
			parts = append(parts, strings.TrimSpace(rest[:n]))
			i += n // the loop steps over the comma
			continue
		}
		// A quoted element ends at the first quote not escaped by a
		// backslash, and only white space may follow it before a comma.
		end, escaped := 1, false
		for ; end < len(rest); end++ {
			if escaped {
				escaped = false
			} else if rest[end] == '\\' {
				escaped = true
			} else if rest[end] == '"' {
				break
			}
		}
		if end == len(rest) || end == 1 {
			return nil, &HeaderError{Value: rest, Reason: "has a quoted list element without its closing quote"}
		}
		end++
		k := end
		for ; k < len(rest) && rest[k] != ','; k++ {
			if !isSpace(rest[k]) {
				return nil, &HeaderError{Value: rest, Reason: "has text after a quoted list element"}
			}
		}
		if k < len(rest) {
			expectMore = true
		}
		s, err := strconv.Unquote(rest[:end])
		if err != nil {
			return nil, &HeaderError{Value: rest[:end], Reason: "is not a valid quoted list element", Err: err}
		}
		parts = append(parts, s)
		i += k
	}
	if expectMore {
		parts = append(parts, "")
	}
	return parts, nil
}

// SplitHTTPDateList splits the values of an http-date list header, whose
// dates contain a comma each (Mon, 16 Dec 2019 23:48:18 GMT), at every
// second comma, as smithy-go's SplitHTTPDateTimestampHeaderListValues does.
// A value with at most one comma is one element as it is; an even number of
// commas (more than none) is a *HeaderError.
func SplitHTTPDateList(values []string) ([]string, error) {
	parts := make([]string, 0, len(values))
	for _, v := range values {
		n := strings.Count(v, ",")
		switch {
		case n <= 1:
			parts = append(parts, v)
			continue
		case n%2 == 0:
			return nil, &HeaderError{Value: v, Reason: "is not a list of http-date timestamps (an even number of commas)"}
		}
		start, second := 0, false
		for i := 0; i < len(v); i++ {
			if v[i] != ',' {
				continue
			}
			if second {
				parts = append(parts, strings.TrimSpace(v[start:i]))
				start = i + 1
			}
			second = !second
		}
		if start < len(v) {
			parts = append(parts, strings.TrimSpace(v[start:]))
		}
	}
	return parts, nil
}
