// Package customizations holds what particular AWS services need beyond
// their protocol, as aws-sdk-go-v2 applies it: each is a function that adds
// middleware to a call's stack, named after the service and what it does.
// The generator lists a service's customizations in its client.Service
// (codegen/emit/customizations.go says which service gets which).
package customizations
