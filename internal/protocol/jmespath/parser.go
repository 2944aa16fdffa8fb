package jmespath

import (
	"fmt"
	"strconv"
)

// The parser is a Pratt (top-down operator precedence) parser, shaped like
// the reference implementation, jmespath.py: each token has a binding power,
// a "nud" (what it means at the start of an expression) and a "led" (what it
// means after a left operand).

// bindingPower is how tightly a token binds to the expression on its left.
var bindingPower = [...]int{
	tPipe:     1,
	tOr:       2,
	tAnd:      3,
	tEQ:       5,
	tNE:       5,
	tLT:       5,
	tLE:       5,
	tGT:       5,
	tGE:       5,
	tFlatten:  9,
	tStar:     20,
	tFilter:   21,
	tDot:      40,
	tNot:      45,
	tLbrace:   50,
	tLbracket: 55,
	tLparen:   60,
}

// projectionStop: a token binding less tightly than this ends the right-hand
// side of a projection, so `a[*].b | c` applies c to the whole projection.
const projectionStop = 10

// maxDepth bounds nesting so a hostile expression cannot exhaust the stack
// while parsing or evaluating.
const maxDepth = 500

type parser struct {
	src   string
	toks  []token
	i     int
	depth int
}

func (p *parser) parse() (node, error) {
	n, err := p.expression(0)
	if err != nil {
		return nil, err
	}
	if t := p.cur(); t.kind != tEOF {
		return nil, p.errorf(t, "unexpected %s", p.describe(t))
	}
	return n, nil
}

func (p *parser) cur() token { return p.toks[p.i] }

// peek returns the kind of the token n places after the current one.
func (p *parser) peek(n int) tokenKind {
	if p.i+n < len(p.toks) {
		return p.toks[p.i+n].kind
	}
	return tEOF
}

func (p *parser) advance() {
	if p.i < len(p.toks)-1 {
		p.i++
	}
}

// match consumes a token of kind k, whose spelling is what.
func (p *parser) match(k tokenKind, what string) error {
	if t := p.cur(); t.kind != k {
		return p.errorf(t, "expected %s, found %s", what, p.describe(t))
	}
	p.advance()
	return nil
}

func (p *parser) errorf(t token, format string, args ...any) error {
	return &Error{Kind: Syntax, Expr: p.src, Offset: t.pos, Msg: fmt.Sprintf(format, args...)}
}

// describe names a token for an error message.
func (p *parser) describe(t token) string {
	if t.kind == tEOF {
		return "end of expression"
	}
	return strconv.Quote(p.src[t.pos:t.end])
}

func bp(k tokenKind) int {
	if int(k) < len(bindingPower) {
		return bindingPower[k]
	}
	return 0
}

// expression parses an expression whose operators bind more tightly than rbp.
func (p *parser) expression(rbp int) (node, error) {
	p.depth++
	defer func() { p.depth-- }()
	t := p.cur()
	if p.depth > maxDepth {
		return nil, p.errorf(t, "expression nested more than %d deep", maxDepth)
	}
	p.advance()
	left, err := p.nud(t)
	for err == nil && rbp < bp(p.cur().kind) {
		t := p.cur()
		p.advance()
		left, err = p.led(t, left)
	}
	return left, err
}

func (p *parser) nud(t token) (node, error) {
	switch t.kind {
	case tLiteral:
		return literalNode{t.value}, nil
	case tUnquoted:
		return fieldNode{t.name}, nil
	case tQuoted:
		if next := p.cur(); next.kind == tLparen {
			return nil, p.errorf(t, "function names cannot be quoted")
		}
		return fieldNode{t.name}, nil
	case tCurrent:
		return currentNode{}, nil
	case tStar:
		right, err := p.projectionRHS(bp(tStar))
		return valueProjectionNode{currentNode{}, right}, err
	case tFlatten:
		right, err := p.projectionRHS(bp(tFlatten))
		return projectionNode{flattenNode{currentNode{}}, right}, err
	case tFilter:
		return p.filter(currentNode{})
	case tLbracket:
		switch {
		case p.cur().kind == tNumber || p.cur().kind == tColon:
			return p.index(currentNode{})
		case p.cur().kind == tStar && p.peek(1) == tRbracket:
			p.advance()
			p.advance()
			right, err := p.projectionRHS(bp(tStar))
			return projectionNode{currentNode{}, right}, err
		}
		return p.multiSelectList()
	case tLbrace:
		return p.multiSelectHash()
	case tLparen:
		n, err := p.expression(0)
		if err != nil {
			return nil, err
		}
		return n, p.match(tRparen, "')'")
	case tNot:
		n, err := p.expression(bp(tNot))
		return notNode{n}, err
	case tExpref:
		return nil, p.errorf(t, "an expression reference (&) can only be a function argument")
	case tEOF:
		return nil, p.errorf(t, "unexpected end of expression")
	}
	return nil, p.errorf(t, "unexpected %s", p.describe(t))
}

func (p *parser) led(t token, left node) (node, error) {
	switch t.kind {
	case tDot:
		if p.cur().kind == tStar {
			p.advance()
			right, err := p.projectionRHS(bp(tDot))
			return valueProjectionNode{left, right}, err
		}
		right, err := p.dotRHS(bp(tDot))
		return subexprNode{left, right}, err
	case tPipe:
		right, err := p.expression(bp(tPipe))
		return subexprNode{left, right}, err
	case tOr:
		right, err := p.expression(bp(tOr))
		return orNode{left, right}, err
	case tAnd:
		right, err := p.expression(bp(tAnd))
		return andNode{left, right}, err
	case tEQ, tNE, tLT, tLE, tGT, tGE:
		right, err := p.expression(bp(t.kind))
		return compareNode{t.kind, left, right}, err
	case tFlatten:
		right, err := p.projectionRHS(bp(tFlatten))
		return projectionNode{flattenNode{left}, right}, err
	case tFilter:
		return p.filter(left)
	case tLbracket:
		if k := p.cur().kind; k == tNumber || k == tColon {
			return p.index(left)
		}
		if err := p.match(tStar, "a number, ':' or '*' after '['"); err != nil {
			return nil, err
		}
		if err := p.match(tRbracket, "']'"); err != nil {
			return nil, err
		}
		right, err := p.projectionRHS(bp(tStar))
		return projectionNode{left, right}, err
	case tLparen:
		return p.call(t, left)
	}
	return nil, p.errorf(t, "unexpected %s", p.describe(t))
}

// projectionRHS parses what a projection applies to each element.
func (p *parser) projectionRHS(rbp int) (node, error) {
	switch t := p.cur(); {
	case bp(t.kind) < projectionStop:
		return currentNode{}, nil
	case t.kind == tLbracket || t.kind == tFilter:
		return p.expression(rbp)
	case t.kind == tDot:
		p.advance()
		return p.dotRHS(rbp)
	default:
		return nil, p.errorf(t, "unexpected %s after a projection", p.describe(t))
	}
}

// dotRHS parses what may follow a '.': an identifier, a function call, '*',
// a multi-select list or a multi-select hash.
func (p *parser) dotRHS(rbp int) (node, error) {
	switch t := p.cur(); t.kind {
	case tUnquoted, tQuoted, tStar:
		return p.expression(rbp)
	case tLbracket:
		p.advance()
		return p.multiSelectList()
	case tLbrace:
		p.advance()
		return p.multiSelectHash()
	default:
		return nil, p.errorf(t, "expected an identifier, '*', '[' or '{' after '.', found %s", p.describe(t))
	}
}

// index parses [n] or [start:stop:step] after the '['; the left operand
// left is indexed or sliced. A slice starts a projection.
func (p *parser) index(left node) (node, error) {
	if p.cur().kind != tColon && p.peek(1) != tColon {
		t := p.cur()
		p.advance()
		if err := p.match(tRbracket, "']'"); err != nil {
			return nil, err
		}
		return chain(left, indexNode{t.num}), nil
	}
	var s sliceNode
	s.step = 1
	part := 0
	var stepTok token
	for t := p.cur(); t.kind != tRbracket; t = p.cur() {
		switch t.kind {
		case tColon:
			part++
			if part == 3 {
				return nil, p.errorf(t, "a slice has at most two ':'")
			}
		case tNumber:
			switch part {
			case 0:
				s.start, s.hasStart = t.num, true
			case 1:
				s.stop, s.hasStop = t.num, true
			case 2:
				s.step, stepTok = t.num, t
			}
		default:
			return nil, p.errorf(t, "expected a number, ':' or ']' in a slice, found %s", p.describe(t))
		}
		p.advance()
		if p.cur().kind == tNumber && t.kind == tNumber {
			return nil, p.errorf(p.cur(), "expected ':' or ']' in a slice, found %s", p.describe(p.cur()))
		}
	}
	// A zero step is checked once the slice parsed, so that a syntax error
	// such as [8:2:0:1] is reported as one.
	if s.step == 0 {
		return nil, &Error{Kind: InvalidValue, Expr: p.src, Offset: stepTok.pos, Msg: "slice step cannot be 0"}
	}
	p.advance()
	right, err := p.projectionRHS(bp(tStar))
	return projectionNode{chain(left, s), right}, err
}

// chain applies right to the result of left, skipping a no-op left.
func chain(left, right node) node {
	if _, ok := left.(currentNode); ok {
		return right
	}
	return subexprNode{left, right}
}

// filter parses the condition and right-hand side of a [?...] after the
// '[?' token; left is the expression filtered.
func (p *parser) filter(left node) (node, error) {
	cond, err := p.expression(0)
	if err != nil {
		return nil, err
	}
	if err := p.match(tRbracket, "']' to close the filter"); err != nil {
		return nil, err
	}
	var right node = currentNode{}
	if p.cur().kind != tFlatten {
		if right, err = p.projectionRHS(bp(tFilter)); err != nil {
			return nil, err
		}
	}
	return filterNode{left, cond, right}, nil
}

// multiSelectList parses [a, b, ...] after the '['.
func (p *parser) multiSelectList() (node, error) {
	var items []node
	for {
		n, err := p.expression(0)
		if err != nil {
			return nil, err
		}
		items = append(items, n)
		if p.cur().kind == tRbracket {
			p.advance()
			return listNode{items}, nil
		}
		if err := p.match(tComma, "',' or ']'"); err != nil {
			return nil, err
		}
	}
}

// multiSelectHash parses {key: value, ...} after the '{'.
func (p *parser) multiSelectHash() (node, error) {
	var h hashNode
	for {
		t := p.cur()
		if t.kind != tUnquoted && t.kind != tQuoted {
			return nil, p.errorf(t, "expected a key in a multi-select hash, found %s", p.describe(t))
		}
		p.advance()
		if err := p.match(tColon, "':' after the key"); err != nil {
			return nil, err
		}
		n, err := p.expression(0)
		if err != nil {
			return nil, err
		}
		h.keys = append(h.keys, t.name)
		h.values = append(h.values, n)
		switch t := p.cur(); t.kind {
		case tComma:
			p.advance()
		case tRbrace:
			p.advance()
			return h, nil
		default:
			return nil, p.errorf(t, "expected ',' or '}', found %s", p.describe(t))
		}
	}
}

// call parses a function call's arguments after the '('. The name is the
// left operand, which must be a plain unquoted identifier.
func (p *parser) call(lparen token, left node) (node, error) {
	name, ok := left.(fieldNode)
	if !ok || p.i < 2 || p.toks[p.i-2].kind != tUnquoted {
		return nil, p.errorf(lparen, "'(' must follow a function name")
	}
	nameTok := p.toks[p.i-2]
	fn := functions()[name.name]
	if fn == nil {
		return nil, &Error{Kind: UnknownFunction, Expr: p.src, Offset: nameTok.pos, Msg: fmt.Sprintf("unknown function %s()", name.name)}
	}
	var args []node
	var argPos []int
	if p.cur().kind == tRparen {
		p.advance()
	} else {
		for {
			argPos = append(argPos, p.cur().pos)
			arg, err := p.argument()
			if err != nil {
				return nil, err
			}
			args = append(args, arg)
			if p.cur().kind == tRparen {
				p.advance()
				break
			}
			if err := p.match(tComma, "',' or ')'"); err != nil {
				return nil, err
			}
		}
	}
	c := &callNode{fn: fn, args: args, pos: nameTok.pos, argPos: argPos}
	if err := c.check(); err != nil {
		err.Expr = p.src
		return nil, err
	}
	return c, nil
}

// argument parses one function argument: an expression, or an expression
// reference &expr, which only a function can take.
func (p *parser) argument() (node, error) {
	if p.cur().kind != tExpref {
		return p.expression(0)
	}
	p.advance()
	n, err := p.expression(0)
	return exprefNode{n}, err
}
