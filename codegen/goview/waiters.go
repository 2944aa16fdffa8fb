package goview

import (
	"fmt"
	"sort"
	"strings"

	"github.com/gosmith/gosmith/codegen/model"
	"github.com/gosmith/gosmith/internal/protocol/jmespath"
)

const traitWaitable model.ShapeID = "smithy.waiters#waitable"

// Waiter is one smithy.waiters#waitable entry of an operation.
type Waiter struct {
	Name      string // e.g. "TableExists"
	Doc       string
	MinDelay  int // seconds
	MaxDelay  int // seconds
	Acceptors []*Acceptor
}

// Acceptor is one waiter acceptor, resolved against the operation's Go view.
type Acceptor struct {
	State string // "success", "failure" or "retry"
	// One of the matchers:
	Success   *bool        // success: true matches a call without error, false one with
	ErrorType string       // errorType: the error code
	Output    *PathMatcher // output path over the output
	InputOut  *PathMatcher // inputOutput path over {input, output}
	// Query is a path beyond the subset compiled to field accesses: it is
	// evaluated by the JMESPath runtime over a JSON-like view of the output
	// (or of {input, output}), which the generator writes for the types
	// involved.
	Query *QueryMatcher
}

// QueryMatcher is an acceptor path the JMESPath runtime evaluates.
type QueryMatcher struct {
	Path       string
	Expected   string
	Comparator string
	// InputOutput: the path reads {"input": ..., "output": ...}.
	InputOutput bool
}

// PathMatcher is a JMESPath matcher compiled to Go field accesses. Only the
// subset the generator can compile is accepted: dotted member paths with
// optional [] list projections.
type PathMatcher struct {
	Path       string
	Steps      []PathStep
	Expected   string
	Comparator string // stringEquals, booleanEquals, allStringEquals, anyStringEquals
}

// PathStep is one member access; Project means the member is a list whose
// elements the rest of the path applies to.
type PathStep struct {
	Field   *Field
	Project bool
}

type rawWaiter struct {
	Documentation string `json:"documentation"`
	MinDelay      int    `json:"minDelay"`
	MaxDelay      int    `json:"maxDelay"`
	Acceptors     []struct {
		State   string `json:"state"`
		Matcher struct {
			Success     *bool         `json:"success"`
			ErrorType   string        `json:"errorType"`
			Output      *rawPathMatch `json:"output"`
			InputOutput *rawPathMatch `json:"inputOutput"`
		} `json:"matcher"`
	} `json:"acceptors"`
}

type rawPathMatch struct {
	Path       string `json:"path"`
	Expected   string `json:"expected"`
	Comparator string `json:"comparator"`
}

// waiters reads an operation's waiters. A waiter whose paths the generator
// cannot compile is left out with a warning naming it, never half-built.
func (b *builder) waiters(op *Operation) ([]*Waiter, []string, error) {
	if !op.Shape.Traits.Has(traitWaitable) {
		return nil, nil, nil
	}
	var raw map[string]rawWaiter
	if err := op.Shape.Traits.Decode(traitWaitable, &raw); err != nil {
		return nil, nil, shapeErr(op.Shape, "", "trait %s: %v", traitWaitable, err)
	}
	names := make([]string, 0, len(raw))
	for n := range raw {
		names = append(names, n)
	}
	sort.Strings(names)
	var out []*Waiter
	var warnings []string
	for _, name := range names {
		rw := raw[name]
		w := &Waiter{Name: exportedName(name), Doc: rw.Documentation, MinDelay: rw.MinDelay, MaxDelay: rw.MaxDelay}
		if w.MinDelay == 0 {
			w.MinDelay = 2
		}
		if w.MaxDelay == 0 {
			w.MaxDelay = 120
		}
		var skip string
		for _, ra := range rw.Acceptors {
			a := &Acceptor{State: ra.State, Success: ra.Matcher.Success, ErrorType: ra.Matcher.ErrorType}
			var err error
			switch {
			case ra.Matcher.Output != nil:
				if a.Output, err = b.compilePath(op.Output, nil, ra.Matcher.Output); err != nil {
					a.Query, err = b.queryMatcher(op, ra.Matcher.Output, false)
				}
			case ra.Matcher.InputOutput != nil:
				if a.InputOut, err = b.compilePath(op.Output, op.Input, ra.Matcher.InputOutput); err != nil {
					a.Query, err = b.queryMatcher(op, ra.Matcher.InputOutput, true)
				}
			}
			if err != nil {
				skip = err.Error()
				break
			}
			if a.State != "success" && a.State != "failure" && a.State != "retry" {
				return nil, nil, shapeErr(op.Shape, "", "waiter %s: unknown acceptor state %q", name, a.State)
			}
			w.Acceptors = append(w.Acceptors, a)
		}
		if skip != "" {
			warnings = append(warnings, fmt.Sprintf("waiter %s of operation %s skipped: %s", name, op.Name, skip))
			continue
		}
		out = append(out, w)
	}
	return out, warnings, nil
}

// compilePath turns "A.B[].C" into field steps over out (or, for
// inputOutput, over "input.X" / "output.X").
func (b *builder) compilePath(out, in *Struct, m *rawPathMatch) (*PathMatcher, error) {
	switch m.Comparator {
	case "stringEquals", "booleanEquals", "allStringEquals", "anyStringEquals":
	default:
		return nil, fmt.Errorf("comparator %q is not supported", m.Comparator)
	}
	pm := &PathMatcher{Path: m.Path, Expected: m.Expected, Comparator: m.Comparator}
	st := out
	parts := strings.Split(m.Path, ".")
	if in != nil {
		switch parts[0] {
		case "input":
			st = in
		case "output":
		default:
			return nil, fmt.Errorf("inputOutput path %q must start with input or output", m.Path)
		}
		parts = parts[1:]
	}
	for i, part := range parts {
		project := strings.HasSuffix(part, "[]")
		name := strings.TrimSuffix(part, "[]")
		if st == nil || name == "" || strings.ContainsAny(name, "[]()|&!=<>'`@*{},") {
			return nil, fmt.Errorf("JMESPath %q is beyond the subset gosmith compiles (dotted members with [] projections)", m.Path)
		}
		f, err := fieldPath(st, name, "waiter path")
		if err != nil {
			return nil, err
		}
		if project && f.Type.Kind != KindList {
			return nil, fmt.Errorf("waiter path %q projects %s, which is not a list", m.Path, name)
		}
		pm.Steps = append(pm.Steps, PathStep{Field: f, Project: project})
		st = nil
		t := f.Type
		if project {
			t = t.Elem
		}
		if t.Kind == KindStruct && i < len(parts)-1 {
			st = b.structs[t]
		}
	}
	last := pm.Steps[len(pm.Steps)-1]
	t := last.Field.Type
	if last.Project {
		t = t.Elem
	}
	switch {
	case m.Comparator == "booleanEquals" && t.Kind != KindBool:
		return nil, fmt.Errorf("waiter path %q compares a %s with booleanEquals", m.Path, t.Shape.Type)
	case m.Comparator != "booleanEquals" && t.Kind != KindString && t.Kind != KindEnum:
		return nil, fmt.Errorf("waiter path %q compares a %s as a string", m.Path, t.Shape.Type)
	}
	return pm, nil
}

// queryMatcher accepts a path for the JMESPath runtime: it must parse, and
// the types it reads get a JSON-like view.
func (b *builder) queryMatcher(op *Operation, m *rawPathMatch, inputOutput bool) (*QueryMatcher, error) {
	switch m.Comparator {
	case "stringEquals", "booleanEquals", "allStringEquals", "anyStringEquals":
	default:
		return nil, fmt.Errorf("comparator %q is not supported", m.Comparator)
	}
	if _, err := jmespath.Compile(m.Path); err != nil {
		return nil, fmt.Errorf("JMESPath %q: %v", m.Path, err)
	}
	walkAggregates(op.Output.Type, b.viewed, b.structs)
	if inputOutput {
		walkAggregates(op.Input.Type, b.viewed, b.structs)
	}
	return &QueryMatcher{Path: m.Path, Expected: m.Expected, Comparator: m.Comparator, InputOutput: inputOutput}, nil
}
