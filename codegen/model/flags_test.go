package model

import "flag"

// The golden tests in ./codegen take -update; `go test ./codegen/... -update`
// passes it to every package, so it must parse here too.
var _ = flag.Bool("update", false, "rewrite golden files (used by ./codegen)")
