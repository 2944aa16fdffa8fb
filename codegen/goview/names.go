package goview

import (
	"fmt"
	"sort"
	"strings"

	"github.com/gosmith/gosmith/codegen/model"
)

// Go names must be unique per package, and Smithy names are only unique per
// namespace and case-sensitively. resolveNames settles every clash once the
// view is built: two model shapes that become the same Go name are an
// error (the service's rename map is the fix); a generated name that meets
// a model name yields, taking a trailing underscore as Error_ does.

// reservedClientNames are the client package's own identifiers.
var reservedClientNames = []string{
	"Client", "Options", "New", "NewFromConfig", "HTTPClient", "HTTPSignerV4", "ServiceID",
	"ServiceAPIVersion", "EndpointParameters", "EndpointResolverV2", "EndpointResolverOptions",
	"NewDefaultEndpointResolverV2", APIName,
}

// clientMethods are methods of Client besides the operations.
var clientMethods = map[string]bool{"Options": true}

type nameTable struct {
	owner map[string]string // Go name → who holds it
}

func newNameTable() *nameTable { return &nameTable{owner: map[string]string{}} }

// claimModel takes name for a model shape, failing when another shape has it.
func (n *nameTable) claimModel(name, who string) error {
	if prev, ok := n.owner[name]; ok {
		return fmt.Errorf("%s and %s both become Go name %s; give one a name in the service's rename map", prev, who, name)
	}
	n.owner[name] = who
	return nil
}

// claimGenerated takes name, or name with underscores appended until free.
func (n *nameTable) claimGenerated(name, who string) string {
	for {
		if _, ok := n.owner[name]; !ok {
			n.owner[name] = who
			return name
		}
		name += "_"
	}
}

func (b *builder) resolveNames() error {
	p := b.pkg
	types := newNameTable()
	var named []*Struct
	named = append(named, p.Structs...)
	named = append(named, p.Errors...)
	sort.Slice(named, func(i, j int) bool { return named[i].Shape.ID < named[j].Shape.ID })
	for _, st := range named {
		if model.IsPrelude(st.Shape.ID) {
			continue // prelude shapes (smithy.api#Unit) yield to the model's
		}
		if err := types.claimModel(st.Name, "shape "+string(st.Shape.ID)); err != nil {
			return shapeErr(st.Shape, "", "%v", err)
		}
	}
	for _, e := range p.Enums {
		if err := types.claimModel(e.Name, "shape "+string(e.Shape.ID)); err != nil {
			return shapeErr(e.Shape, "", "%v", err)
		}
	}
	for _, st := range named {
		if model.IsPrelude(st.Shape.ID) {
			st.Name = types.claimGenerated(st.Name, "shape "+string(st.Shape.ID))
			st.Type.Name, st.Type.CodecName = st.Name, st.Name
		}
	}
	// Generated types-package names, in a stable order.
	unions := false
	for _, st := range named {
		if !st.Union {
			continue
		}
		unions = true
		for _, f := range st.Fields {
			f.UnionMember = types.claimGenerated(st.Name+"Member"+f.GoName, "union member "+string(f.Member.ID))
		}
	}
	if unions {
		p.UnknownUnionMember = types.claimGenerated("UnknownUnionMember", "the unknown union member type")
	}
	for _, e := range p.Enums {
		for _, v := range e.Values {
			v.GoName = types.claimGenerated(v.GoName, "enum value "+v.Value+" of "+string(e.Shape.ID))
		}
	}
	// Client package: operations yield to the client's own method names.
	for _, op := range p.Operations {
		if clientMethods[op.Name] {
			op.Name += "_"
			op.Input.Name = op.Name + "Input"
			op.Output.Name = op.Name + "Output"
			op.Input.Type.Name, op.Output.Type.Name = op.Input.Name, op.Output.Name
			op.Input.Type.CodecName, op.Output.Type.CodecName = "Op"+op.Input.Name, "Op"+op.Output.Name
		}
		if op.Paginator != nil || len(op.Waiters) > 0 {
			op.APIClient = op.Name + "APIClient"
		}
	}
	client := newNameTable()
	for _, n := range reservedClientNames {
		client.owner[n] = "gosmith"
	}
	for _, op := range p.Operations {
		for _, n := range []string{op.Input.Name, op.Output.Name} {
			if err := client.claimModel(n, "operation "+string(op.Shape.ID)); err != nil {
				return shapeErr(op.Shape, "", "%v", err)
			}
		}
	}

	// The event stream types of the client package, as aws-sdk-go-v2 names
	// them: XEventStream per operation, the union's name + "Reader".
	if len(p.EventStreams) > 0 {
		p.UnknownEventMessageError = client.claimGenerated("UnknownEventMessageError", "the unknown event message error")
	}
	for _, op := range p.Operations {
		if es := op.EventStream; es != nil {
			es.Name = client.claimGenerated(op.Name+"EventStream", "the event stream of "+string(op.Shape.ID))
			es.NewName = client.claimGenerated("New"+es.Name, "the event stream constructor of "+string(op.Shape.ID))
		}
	}
	for _, es := range p.EventStreams {
		if es.Read {
			es.ReaderName = client.claimGenerated(es.Union.Name+"Reader", "the event stream reader of "+string(es.Union.Shape.ID))
		}
		if es.Written {
			es.WriterName = client.claimGenerated(es.Union.Name+"Writer", "the event stream writer of "+string(es.Union.Shape.ID))
		}
	}

	// Codec function names share one namespace: "Op"+XInput for operation
	// inputs and outputs, the shape name for the rest.
	codecs := newNameTable()
	var all []*Type
	seen := map[*Type]bool{}
	for _, t := range append(append([]*Type{}, p.Serialized...), p.Deserialized...) {
		if !seen[t] {
			seen[t] = true
			all = append(all, t)
		}
	}
	sort.Slice(all, func(i, j int) bool {
		// Operation inputs and outputs first: their names are the v2 ones.
		ai, aj := strings.HasPrefix(all[i].CodecName, "Op") && b.structs[all[i]] != nil && !b.structs[all[i]].InTypes,
			strings.HasPrefix(all[j].CodecName, "Op") && b.structs[all[j]] != nil && !b.structs[all[j]].InTypes
		if ai != aj {
			return ai
		}
		return all[i].Shape.ID < all[j].Shape.ID
	})
	for _, t := range all {
		t.CodecName = codecs.claimGenerated(t.CodecName, string(t.Shape.ID))
	}
	return nil
}
