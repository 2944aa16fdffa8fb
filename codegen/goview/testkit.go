package goview

import "path"

// The test kit, which aws-sdk-go-v2 lacks: every client package declares
// API, the interface of its Client, and gets a subpackage fake holding a
// Client whose operations call func fields. Their names are settled here
// like every other.

// APIName is the interface *Client satisfies, listing every operation. No
// model name can take it: shapes other than operation inputs and outputs
// live in the types package, and the client package's other names end in
// Input, Output, APIClient, Paginator, Waiter or Options, start with New, or
// are reserved (reservedClientNames holds it too). v1 called it
// <Service>API in a package <service>iface; beside the client it needs no
// package of its own, and storagegateway.API does not stutter.
const APIName = "API"

// FakeDir is the fake's subpackage, below the client package beside types
// and document; its Go package name is the same. No model name reaches a
// package path, so it meets only a directory of the user's, which the
// generator reports as in its way unless it holds gosmith's files.
const FakeDir = "fake"

// Fake names the declarations of the fake package.
type Fake struct {
	ImportPath string // the client's import path + "/fake"
	// Type is the fake client, Call one recorded call: the package's only
	// package-level names.
	Type, Call string
	// ClientImport is the name the fake imports the client package by: its
	// package name, with a trailing underscore when that is Type or Call.
	ClientImport string
	// Calls is the fake client's method returning the recorded calls:
	// "Calls", unless an operation method has that name.
	Calls string
}

// resolveFake names the fake package, or leaves it out (Package.Fake nil)
// when cfg says so. The fake client's methods are the operations' and
// Calls; its fields the operations' XxxFunc. A generated name that meets an
// operation's (operations Calls, or X beside XFunc) takes a trailing
// underscore, as everywhere else.
func (b *builder) resolveFake(omit bool) {
	if omit {
		return
	}
	p := b.pkg
	fk := &Fake{ImportPath: path.Join(p.ImportPath, FakeDir), Type: "Client", Call: "Call", ClientImport: p.Name}
	if p.Name == fk.Type || p.Name == fk.Call {
		fk.ClientImport += "_"
	}
	members := newNameTable()
	for _, op := range p.Operations {
		members.owner[op.Name] = "operation " + string(op.Shape.ID)
	}
	fk.Calls = members.claimGenerated("Calls", "the fake's recorded calls")
	for _, op := range p.Operations {
		op.FakeFunc = members.claimGenerated(op.Name+"Func", "the fake's func for "+string(op.Shape.ID))
	}
	p.Fake = fk
}
