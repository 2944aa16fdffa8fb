package jmespath

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

// tokenKind is the class of a lexical token.
type tokenKind uint8

const (
	tEOF      tokenKind = iota
	tUnquoted           // foo
	tQuoted             // "foo"
	tLiteral            // `json` or 'raw string'
	tNumber             // -12, only inside brackets
	tDot                // .
	tStar               // *
	tFlatten            // []
	tFilter             // [?
	tLbracket           // [
	tRbracket           // ]
	tLbrace             // {
	tRbrace             // }
	tLparen             // (
	tRparen             // )
	tComma              // ,
	tColon              // :
	tCurrent            // @
	tExpref             // &
	tPipe               // |
	tOr                 // ||
	tAnd                // &&
	tNot                // !
	tEQ                 // ==
	tNE                 // !=
	tLT                 // <
	tLE                 // <=
	tGT                 // >
	tGE                 // >=
)

// token is one lexical token: its kind, where it is, and its decoded value.
type token struct {
	kind  tokenKind
	pos   int    // byte offset of the token's first character
	end   int    // byte offset just past the token
	name  string // identifier name (tUnquoted, tQuoted)
	num   int    // tNumber
	value any    // tLiteral
}

// lexer splits an expression into tokens.
type lexer struct {
	src  string
	pos  int
	toks []token
}

// lex returns the tokens of src, ending with a tEOF token.
func lex(src string) ([]token, error) {
	l := lexer{src: src, toks: make([]token, 0, len(src)/2+1)}
	for {
		t, err := l.next()
		if err != nil {
			return nil, err
		}
		l.toks = append(l.toks, t)
		if t.kind == tEOF {
			return l.toks, nil
		}
	}
}

func (l *lexer) errorf(pos int, format string, args ...any) error {
	return &Error{Kind: Syntax, Expr: l.src, Offset: pos, Msg: fmt.Sprintf(format, args...)}
}

// simple maps the one-character tokens that never start a longer token.
var simple = [128]tokenKind{
	'.': tDot, '*': tStar, ']': tRbracket, '{': tLbrace, '}': tRbrace,
	'(': tLparen, ')': tRparen, ',': tComma, ':': tColon, '@': tCurrent,
}

func (l *lexer) next() (token, error) {
	for l.pos < len(l.src) && isSpace(l.src[l.pos]) {
		l.pos++
	}
	start := l.pos
	if start >= len(l.src) {
		return token{kind: tEOF, pos: start, end: start}, nil
	}
	c := l.src[start]
	tok := func(k tokenKind, n int) (token, error) {
		l.pos = start + n
		return token{kind: k, pos: start, end: l.pos}, nil
	}
	switch {
	case c < 128 && simple[c] != 0:
		return tok(simple[c], 1)
	case isIdentStart(c):
		end := start + 1
		for end < len(l.src) && isIdentChar(l.src[end]) {
			end++
		}
		l.pos = end
		return token{kind: tUnquoted, pos: start, end: end, name: l.src[start:end]}, nil
	case c == '-' || isDigit(c):
		return l.number()
	case c == '"':
		return l.quoted()
	case c == '\'':
		return l.rawString()
	case c == '`':
		return l.literal()
	}
	two := func(second byte, one, both tokenKind) (token, error) {
		if l.peekIs(start+1, second) {
			return tok(both, 2)
		}
		return tok(one, 1)
	}
	switch c {
	case '[':
		switch {
		case l.peekIs(start+1, ']'):
			return tok(tFlatten, 2)
		case l.peekIs(start+1, '?'):
			return tok(tFilter, 2)
		}
		return tok(tLbracket, 1)
	case '|':
		return two('|', tPipe, tOr)
	case '&':
		return two('&', tExpref, tAnd)
	case '!':
		return two('=', tNot, tNE)
	case '<':
		return two('=', tLT, tLE)
	case '>':
		return two('=', tGT, tGE)
	case '=':
		if l.peekIs(start+1, '=') {
			return tok(tEQ, 2)
		}
		return token{}, l.errorf(start, "unexpected '=': equality is '=='")
	}
	return token{}, l.errorf(start, "unexpected character %q", l.runeAt(start))
}

func (l *lexer) peekIs(pos int, c byte) bool { return pos < len(l.src) && l.src[pos] == c }

func (l *lexer) runeAt(pos int) rune {
	for _, r := range l.src[pos:] {
		return r
	}
	return 0
}

// number lexes -?[0-9]+, the only numbers outside literals (indexes and slices).
func (l *lexer) number() (token, error) {
	start := l.pos
	end := start
	if l.src[end] == '-' {
		end++
	}
	digits := end
	for end < len(l.src) && isDigit(l.src[end]) {
		end++
	}
	if end == digits {
		return token{}, l.errorf(start, "'-' must be followed by digits")
	}
	n, err := strconv.Atoi(l.src[start:end])
	if err != nil {
		return token{}, l.errorf(start, "number %s is out of range", l.src[start:end])
	}
	l.pos = end
	return token{kind: tNumber, pos: start, end: end, num: n}, nil
}

// delimited finds the end of a token that runs from l.pos to the next
// unescaped quote character q. It returns the offset just past the closing
// quote. A backslash always escapes the byte after it.
func (l *lexer) delimited(q byte, what string) (int, error) {
	for i := l.pos + 1; i < len(l.src); i++ {
		switch l.src[i] {
		case '\\':
			i++
		case q:
			return i + 1, nil
		}
	}
	return 0, l.errorf(l.pos, "unterminated %s", what)
}

// quoted lexes a quoted identifier, "...", decoded as a JSON string.
func (l *lexer) quoted() (token, error) {
	start := l.pos
	end, err := l.delimited('"', "quoted identifier")
	if err != nil {
		return token{}, err
	}
	var name string
	if err := json.Unmarshal([]byte(l.src[start:end]), &name); err != nil {
		return token{}, l.errorf(start, "invalid quoted identifier %s: %v", l.src[start:end], jsonReason(err))
	}
	l.pos = end
	return token{kind: tQuoted, pos: start, end: end, name: name}, nil
}

// rawString lexes a raw string literal, '...': only \' is an escape, every
// other character (backslashes included) stands for itself.
func (l *lexer) rawString() (token, error) {
	start := l.pos
	end, err := l.delimited('\'', "raw string literal")
	if err != nil {
		return token{}, err
	}
	l.pos = end
	return token{kind: tLiteral, pos: start, end: end, value: unescape(l.src[start+1:end-1], '\'')}, nil
}

// literal lexes a JSON literal, `...`, where \` stands for a backtick.
func (l *lexer) literal() (token, error) {
	start := l.pos
	end, err := l.delimited('`', "JSON literal")
	if err != nil {
		return token{}, err
	}
	text := unescape(l.src[start+1:end-1], '`')
	var v any
	if err := json.Unmarshal([]byte(text), &v); err != nil {
		return token{}, l.errorf(start, "invalid JSON literal `%s`: %v", text, jsonReason(err))
	}
	l.pos = end
	return token{kind: tLiteral, pos: start, end: end, value: v}, nil
}

// unescape replaces backslash-q with q, leaving every other backslash alone.
func unescape(s string, q byte) string {
	esc := string([]byte{'\\', q})
	if !strings.Contains(s, esc) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			if s[i+1] == q {
				b.WriteByte(q)
			} else {
				b.WriteString(s[i : i+2])
			}
			i++
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// jsonReason strips encoding/json's type-centred wording from a decode error.
func jsonReason(err error) string {
	msg := err.Error()
	if _, ok := err.(*json.UnmarshalTypeError); ok {
		return "value out of range"
	}
	return strings.TrimPrefix(msg, "json: ")
}

func isSpace(c byte) bool      { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }
func isDigit(c byte) bool      { return '0' <= c && c <= '9' }
func isIdentStart(c byte) bool { return c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
func isIdentChar(c byte) bool  { return isIdentStart(c) || isDigit(c) }
