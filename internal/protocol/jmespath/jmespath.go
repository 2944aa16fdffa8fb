package jmespath

import "fmt"

// Expression is a compiled JMESPath expression.
type Expression struct {
	src  string
	root node
}

// Compile parses a JMESPath expression.
func Compile(expr string) (*Expression, error) {
	toks, err := lex(expr)
	if err != nil {
		return nil, err
	}
	p := parser{src: expr, toks: toks}
	root, err := p.parse()
	if err != nil {
		return nil, err
	}
	return &Expression{src: expr, root: root}, nil
}

// MustCompile is Compile that panics; for expressions the generator has already checked.
func MustCompile(expr string) *Expression {
	e, err := Compile(expr)
	if err != nil {
		panic(err)
	}
	return e
}

// Search evaluates the expression against data, a JSON-like value: nil, bool, float64, string, []any, map[string]any.
func (e *Expression) Search(data any) (any, error) {
	v, err := e.root.eval(data)
	if err != nil {
		if je, ok := err.(*Error); ok && je.Expr == "" {
			je.Expr = e.src
		}
		return nil, err
	}
	return v, nil
}

// String returns the source the expression was compiled from.
func (e *Expression) String() string { return e.src }

// ErrorKind is the specification's name for a class of error.
type ErrorKind string

// The error kinds of the JMESPath specification.
const (
	// Syntax is an expression that does not parse.
	Syntax ErrorKind = "syntax"
	// InvalidType is a function argument, or a value computed by a function's
	// expression reference, of a type the function does not take.
	InvalidType ErrorKind = "invalid-type"
	// InvalidValue is a value of the right type that is still wrong, such as
	// a slice step of 0.
	InvalidValue ErrorKind = "invalid-value"
	// InvalidArity is a function called with the wrong number of arguments.
	InvalidArity ErrorKind = "invalid-arity"
	// UnknownFunction is a call of a function the specification does not define.
	UnknownFunction ErrorKind = "unknown-function"
)

// Error is the error Compile and Search return.
type Error struct {
	Kind   ErrorKind // the class of error
	Expr   string    // the expression's source
	Offset int       // byte offset in Expr of the token the error concerns
	Msg    string    // what went wrong, without the position
}

// Error formats the error as "jmespath: <kind>: <msg> (at offset N in <expr>)".
func (e *Error) Error() string {
	return fmt.Sprintf("jmespath: %s: %s (at offset %d in %q)", e.Kind, e.Msg, e.Offset, e.Expr)
}
