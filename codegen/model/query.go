package model

import (
	"fmt"
	"os"
	"sort"
)

// Load reads, merges and resolves the given JSON AST files. Shapes defined
// identically in several files are merged; differing definitions are an
// error. Apply statements and mixins may refer across files.
func Load(paths ...string) (*Model, error) {
	if len(paths) == 0 {
		return nil, &Error{Msg: "no model files given"}
	}
	docs := make([]*rawDoc, 0, len(paths))
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, &Error{File: p, Msg: err.Error()}
		}
		doc, err := parseDoc(p, data)
		if err != nil {
			return nil, err
		}
		docs = append(docs, doc)
	}
	return build(docs)
}

// Parse loads a single JSON AST document; name is used as the file in
// errors and in Shape.Source.
func Parse(name string, data []byte) (*Model, error) {
	doc, err := parseDoc(name, data)
	if err != nil {
		return nil, err
	}
	return build([]*rawDoc{doc})
}

// Shape returns the shape with the given ID. A member ID returns the
// shape that contains it.
func (m *Model) Shape(id ShapeID) (*Shape, bool) {
	s, ok := m.Shapes[id.Root()]
	return s, ok
}

// Member returns the member with the given "ns#Name$member" ID.
func (m *Model) Member(id ShapeID) (*Member, bool) {
	s, ok := m.Shapes[id.Root()]
	if !ok || !id.IsMember() {
		return nil, false
	}
	return s.MemberNamed(id.MemberName())
}

// Services returns all service shapes sorted by ID.
func (m *Model) Services() []*Shape {
	var out []*Shape
	for _, s := range m.Shapes {
		if s.Type == TypeService {
			out = append(out, s)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// ServiceOperations returns the operations bound to a service directly and
// through its resources (recursively, including lifecycle and collection
// operations), without duplicates, sorted by shape name then ID.
func (m *Model) ServiceOperations(svc ShapeID) ([]*Shape, error) {
	s, ok := m.Shapes[svc]
	if !ok {
		return nil, fmt.Errorf("service %s not found", svc)
	}
	if s.Type != TypeService {
		return nil, fmt.Errorf("%s is a %s, not a service", svc, s.Type)
	}
	ops := map[ShapeID]*Shape{}
	seenRes := map[ShapeID]bool{}
	var visit func(*Shape)
	visit = func(c *Shape) {
		ids := append([]ShapeID{c.Create, c.Put, c.Read, c.Update, c.Delete, c.List}, c.Operations...)
		ids = append(ids, c.CollectionOperations...)
		for _, id := range ids {
			if op, ok := m.Shapes[id]; ok && op.Type == TypeOperation {
				ops[id] = op
			}
		}
		for _, id := range c.Resources {
			if r, ok := m.Shapes[id]; ok && !seenRes[id] {
				seenRes[id] = true
				visit(r)
			}
		}
	}
	visit(s)
	out := make([]*Shape, 0, len(ops))
	for _, op := range ops {
		out = append(out, op)
	}
	sort.Slice(out, func(i, j int) bool {
		if a, b := out[i].ID.Name(), out[j].ID.Name(); a != b {
			return a < b
		}
		return out[i].ID < out[j].ID
	})
	return out, nil
}

// OperationPaginated returns the operation's @paginated trait with empty
// fields filled from the service's @paginated, as Smithy specifies; nil
// when the operation is not paginated.
func (m *Model) OperationPaginated(svc, op ShapeID) *Paginated {
	o, ok := m.Shapes[op]
	if !ok {
		return nil
	}
	p := o.Traits.Paginated()
	if p == nil {
		return nil
	}
	if s, ok := m.Shapes[svc]; ok {
		if d := s.Traits.Paginated(); d != nil {
			fill := func(dst *string, v string) {
				if *dst == "" {
					*dst = v
				}
			}
			fill(&p.InputToken, d.InputToken)
			fill(&p.OutputToken, d.OutputToken)
			fill(&p.Items, d.Items)
			fill(&p.PageSize, d.PageSize)
		}
	}
	return p
}

// Walk calls fn once for every shape reachable from roots, in ID order.
// It follows member targets, operation input, output and errors, service
// and resource bindings and errors, and resource identifiers and
// properties. Enum members are not followed because they all target Unit.
// Unknown roots are ignored.
func (m *Model) Walk(roots []ShapeID, fn func(*Shape)) {
	seen := map[ShapeID]*Shape{}
	stack := append([]ShapeID(nil), roots...)
	for len(stack) > 0 {
		id := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if id == "" {
			continue
		}
		s, ok := m.Shapes[id.Root()]
		if !ok || seen[s.ID] != nil {
			continue
		}
		seen[s.ID] = s
		stack = append(stack, s.references()...)
	}
	for _, id := range sortedKeys(seen) {
		fn(seen[id])
	}
}

// references lists the shapes s refers to, for Walk.
func (s *Shape) references() []ShapeID {
	var out []ShapeID
	if s.Type != TypeEnum && s.Type != TypeIntEnum {
		for _, mem := range s.AllMembers() {
			out = append(out, mem.Target)
		}
	}
	out = append(out, s.Input, s.Output, s.Create, s.Put, s.Read, s.Update, s.Delete, s.List)
	out = append(out, s.Errors...)
	out = append(out, s.Operations...)
	out = append(out, s.Resources...)
	out = append(out, s.CollectionOperations...)
	for _, name := range sortedKeys(s.Identifiers) {
		out = append(out, s.Identifiers[name])
	}
	for _, name := range sortedKeys(s.Properties) {
		out = append(out, s.Properties[name])
	}
	return out
}
