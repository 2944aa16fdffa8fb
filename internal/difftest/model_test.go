package difftest

import (
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"sort"
	"strings"
)

// smithyModel is the little of a Smithy JSON AST the test needs to write
// responses as a server would: shapes, members, targets and traits. It is
// read here, apart from gosmith's loader, so a loader bug cannot hide behind
// the test that should find it. The reference models are flat (no mixins,
// no resources), which is all this reader supports.
type smithyModel struct {
	shapes  map[string]*shapeDef
	service *shapeDef
}

// shapeDef is one shape; for structures and unions Members is sorted by
// name, so random choices over it are reproducible.
type shapeDef struct {
	ID      string
	Type    string
	Members []memberDef
	Member  *memberDef // list element
	Value   *memberDef // map value
	Traits  map[string]json.RawMessage

	Input, Output string   // operation
	Errors        []string // operation, service
	Operations    []string // service
}

type memberDef struct {
	Name   string
	Target string
	Traits map[string]json.RawMessage
}

type astShape struct {
	Type       string                     `json:"type"`
	Members    map[string]astMember       `json:"members"`
	Member     *astMember                 `json:"member"`
	Value      *astMember                 `json:"value"`
	Traits     map[string]json.RawMessage `json:"traits"`
	Input      *astTarget                 `json:"input"`
	Output     *astTarget                 `json:"output"`
	Errors     []astTarget                `json:"errors"`
	Operations []astTarget                `json:"operations"`
	Resources  []astTarget                `json:"resources"`
	Mixins     []astTarget                `json:"mixins"`
}

type astMember struct {
	Target string                     `json:"target"`
	Traits map[string]json.RawMessage `json:"traits"`
}

type astTarget struct {
	Target string `json:"target"`
}

func loadModel(path string) (*smithyModel, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var doc struct {
		Shapes map[string]astShape `json:"shapes"`
	}
	if err := json.Unmarshal(raw, &doc); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	m := &smithyModel{shapes: map[string]*shapeDef{}}
	for id, s := range doc.Shapes {
		if len(s.Mixins) > 0 || len(s.Resources) > 0 {
			return nil, fmt.Errorf("%s: shape %s: mixins and resources are not supported by the test's model reader", path, id)
		}
		d := &shapeDef{ID: id, Type: s.Type, Traits: s.Traits}
		for name, mem := range s.Members {
			d.Members = append(d.Members, memberDef{Name: name, Target: mem.Target, Traits: mem.Traits})
		}
		sort.Slice(d.Members, func(i, j int) bool { return d.Members[i].Name < d.Members[j].Name })
		if s.Member != nil {
			d.Member = &memberDef{Name: "member", Target: s.Member.Target, Traits: s.Member.Traits}
		}
		if s.Value != nil {
			d.Value = &memberDef{Name: "value", Target: s.Value.Target, Traits: s.Value.Traits}
		}
		if s.Input != nil {
			d.Input = s.Input.Target
		}
		if s.Output != nil {
			d.Output = s.Output.Target
		}
		for _, e := range s.Errors {
			d.Errors = append(d.Errors, e.Target)
		}
		for _, o := range s.Operations {
			d.Operations = append(d.Operations, o.Target)
		}
		m.shapes[id] = d
		if s.Type == "service" {
			if m.service != nil {
				return nil, fmt.Errorf("%s: more than one service", path)
			}
			m.service = d
		}
	}
	if m.service == nil {
		return nil, fmt.Errorf("%s: no service shape", path)
	}
	return m, nil
}

// preludeTypes are the prelude shapes members may target.
var preludeTypes = map[string]string{
	"String": "string", "Blob": "blob", "Boolean": "boolean", "PrimitiveBoolean": "boolean",
	"Byte": "byte", "PrimitiveByte": "byte", "Short": "short", "PrimitiveShort": "short",
	"Integer": "integer", "PrimitiveInteger": "integer", "Long": "long", "PrimitiveLong": "long",
	"Float": "float", "PrimitiveFloat": "float", "Double": "double", "PrimitiveDouble": "double",
	"Timestamp": "timestamp", "Document": "document", "Unit": "structure",
	"BigInteger": "bigInteger", "BigDecimal": "bigDecimal",
}

// shape returns the shape id names, prelude shapes included.
func (m *smithyModel) shape(id string) *shapeDef {
	if s, ok := m.shapes[id]; ok {
		return s
	}
	if name, ok := strings.CutPrefix(id, "smithy.api#"); ok {
		if t, ok := preludeTypes[name]; ok {
			return &shapeDef{ID: id, Type: t}
		}
	}
	panic("model: no shape " + id)
}

// operation returns the operation shape whose name is op.
func (m *smithyModel) operation(op string) *shapeDef {
	for _, id := range m.service.Operations {
		if shapeName(id) == op {
			return m.shapes[id]
		}
	}
	return nil
}

// operationNames lists the service's operations by name, sorted.
func (m *smithyModel) operationNames() []string {
	var out []string
	for _, id := range m.service.Operations {
		out = append(out, shapeName(id))
	}
	sort.Strings(out)
	return out
}

// errorsOf lists the errors an operation may return: its own, then the
// service's.
func (m *smithyModel) errorsOf(op string) []string {
	o := m.operation(op)
	return append(append([]string(nil), o.Errors...), m.service.Errors...)
}

// eventStream reports whether an operation's input or output has an
// @streaming union member: the generator skips such operations.
func (m *smithyModel) eventStream(op string) bool {
	o := m.operation(op)
	for _, io := range []string{o.Input, o.Output} {
		if io == "" {
			continue
		}
		for _, mem := range m.shape(io).Members {
			t := m.shape(mem.Target)
			if t.Type == "union" && t.has("smithy.api#streaming") {
				return true
			}
		}
	}
	return false
}

func shapeName(id string) string { return id[strings.IndexByte(id, '#')+1:] }

func (s *shapeDef) has(trait string) bool {
	_, ok := s.Traits[trait]
	return ok
}

func (m *memberDef) has(trait string) bool {
	_, ok := m.Traits[trait]
	return ok
}

// stringTrait returns a trait whose value is a JSON string.
func stringTrait(traits map[string]json.RawMessage, name string) (string, bool) {
	raw, ok := traits[name]
	if !ok {
		return "", false
	}
	var s string
	if json.Unmarshal(raw, &s) != nil {
		return "", false
	}
	return s, true
}

// httpTrait is an operation's @http trait.
type httpTrait struct {
	Method string `json:"method"`
	URI    string `json:"uri"`
	Code   int    `json:"code"`
}

func (s *shapeDef) http() httpTrait {
	var h httpTrait
	if raw, ok := s.Traits["smithy.api#http"]; ok {
		_ = json.Unmarshal(raw, &h)
	}
	if h.Code == 0 {
		h.Code = 200
	}
	return h
}

// httpErrorCode is an error shape's @httpError, or 400/500 by @error.
func (s *shapeDef) httpErrorCode() int {
	if raw, ok := s.Traits["smithy.api#httpError"]; ok {
		var code int
		if json.Unmarshal(raw, &code) == nil {
			return code
		}
	}
	if e, _ := stringTrait(s.Traits, "smithy.api#error"); e == "server" {
		return 500
	}
	return 400
}

// timestampFormat is a timestamp member's format: the member's trait, the
// target's, else def (the location's default).
func (m *smithyModel) timestampFormat(mem *memberDef, def string) string {
	if f, ok := stringTrait(mem.Traits, "smithy.api#timestampFormat"); ok {
		return f
	}
	if f, ok := stringTrait(m.shape(mem.Target).Traits, "smithy.api#timestampFormat"); ok {
		return f
	}
	return def
}

// memberValue is the field of struct v (of shape s) that member m is bound
// to. Every member has one (TestAPISurface compares the fields with v2's),
// so a miss is a bug in this test and panics.
func memberValue(v reflect.Value, s *shapeDef, m *memberDef) reflect.Value {
	f, ok := field(v.Type(), m.Name)
	if !ok {
		panic(fmt.Sprintf("%s member %s has no Go field in %s", s.ID, m.Name, v.Type()))
	}
	return v.FieldByIndex(f.Index)
}

// field finds the Go struct field a member is bound to: the member's name
// with its first letter upper-cased, the same with a trailing underscore
// (a name taken by a method, like Error_), else the one field whose name
// matches regardless of case.
func field(t reflect.Type, member string) (reflect.StructField, bool) {
	name := strings.ToUpper(member[:1]) + member[1:]
	if f, ok := t.FieldByName(name); ok {
		return f, true
	}
	if f, ok := t.FieldByName(name + "_"); ok {
		return f, true
	}
	var found []reflect.StructField
	for _, f := range exportedFields(t) {
		if strings.EqualFold(f.Name, member) {
			found = append(found, f)
		}
	}
	if len(found) == 1 {
		return found[0], true
	}
	return reflect.StructField{}, false
}
