// Package apisurface compares the exported API of gosmith's generated
// clients with aws-sdk-go-v2's, name by name (see surface_test.go). It is a
// module of its own, with no dependencies: both packages are read as
// source, aws-sdk-go-v2's from the module cache.
package apisurface
