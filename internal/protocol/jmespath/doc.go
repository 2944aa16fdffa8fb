// Package jmespath evaluates JMESPath expressions
// (https://jmespath.org/specification.html) against JSON-like values.
//
// Generated waiters use it at run time to read acceptor paths from the
// smithy.waiters trait, such as
//
//	length(services[?!(length(deployments) == `1` && runningCount == desiredCount)]) == `0`
//
// The generator compiles every path while generating, so a broken path fails
// generation; the generated code then holds a package-level
//
//	var servicesStablePath = jmespath.MustCompile("...")
//
// and calls servicesStablePath.Search(output) on each poll, where output is
// the operation's output as a JSON-like value.
//
// Compile does all of the checking that does not depend on the data: syntax,
// unknown functions, argument counts, and expression references (&expr)
// passed where a value is expected or the other way round. Search reports
// only the type errors the specification leaves to run time, such as
// length(`1`). Every error is an *Error naming its kind (the specification's
// error names: syntax, invalid-type, invalid-value, invalid-arity,
// unknown-function) and the byte offset in the expression it concerns.
//
// Values follow encoding/json's decoding into any: nil, bool, float64,
// string, []any and map[string]any. Objects have no order, so wildcards
// over objects (foo.*), keys and values visit members in key order, which
// keeps results deterministic.
//
// An *Expression is immutable and safe for concurrent use. Search never
// modifies data, but its result may share memory with data and with the
// expression's literals, so callers must not modify the result.
package jmespath
