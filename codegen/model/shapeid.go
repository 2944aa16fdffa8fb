package model

import "strings"

// ShapeID is an absolute Smithy shape ID such as "com.foo#Bar" or, for a
// member, "com.foo#Bar$baz". It is kept as a plain string so that it can be
// used directly as a map key and compared cheaply.
type ShapeID string

// Namespace returns the part before '#', or "" when the ID has no '#'.
func (id ShapeID) Namespace() string {
	s := string(id)
	if i := strings.IndexByte(s, '#'); i >= 0 {
		return s[:i]
	}
	return ""
}

// Name returns the shape name: the part between '#' and an optional '$'.
func (id ShapeID) Name() string {
	s := string(id)
	if i := strings.IndexByte(s, '#'); i >= 0 {
		s = s[i+1:]
	}
	if i := strings.IndexByte(s, '$'); i >= 0 {
		s = s[:i]
	}
	return s
}

// MemberName returns the part after '$', or "" for a non-member ID.
func (id ShapeID) MemberName() string {
	s := string(id)
	if i := strings.IndexByte(s, '$'); i >= 0 {
		return s[i+1:]
	}
	return ""
}

// Root returns the ID without its member part, so that a member ID can be
// mapped to the shape that contains it.
func (id ShapeID) Root() ShapeID {
	s := string(id)
	if i := strings.IndexByte(s, '$'); i >= 0 {
		return ShapeID(s[:i])
	}
	return id
}

// IsMember reports whether the ID names a member ("ns#Name$member").
func (id ShapeID) IsMember() bool { return strings.IndexByte(string(id), '$') >= 0 }

// WithMember returns the member ID "ns#Name$member" for the root of id.
func (id ShapeID) WithMember(member string) ShapeID {
	return ShapeID(string(id.Root()) + "$" + member)
}

// Valid reports whether the ID is a syntactically valid absolute shape ID,
// with or without a member part, following the Smithy ABNF:
// namespace = identifier *("." identifier); identifier = (1*"_" (ALPHA/DIGIT)
// / ALPHA) *(ALPHA/DIGIT/"_").
func (id ShapeID) Valid() bool {
	s := string(id)
	hash := strings.IndexByte(s, '#')
	if hash < 0 {
		return false
	}
	for _, part := range strings.Split(s[:hash], ".") {
		if !validIdentifier(part) {
			return false
		}
	}
	rest := s[hash+1:]
	name, member, hasMember := strings.Cut(rest, "$")
	if !validIdentifier(name) {
		return false
	}
	return !hasMember || validIdentifier(member)
}

// validIdentifier reports whether s is a Smithy identifier. Smithy forbids
// identifiers made only of underscores, so "_" alone is rejected.
func validIdentifier(s string) bool {
	if s == "" {
		return false
	}
	i := 0
	for i < len(s) && s[i] == '_' {
		i++
	}
	if i == len(s) {
		return false
	}
	first := s[i]
	if i == 0 && !isAlpha(first) {
		return false
	}
	if i > 0 && !isAlpha(first) && !isDigit(first) {
		return false
	}
	for j := i + 1; j < len(s); j++ {
		c := s[j]
		if !isAlpha(c) && !isDigit(c) && c != '_' {
			return false
		}
	}
	return true
}

func isAlpha(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func isDigit(c byte) bool { return c >= '0' && c <= '9' }
