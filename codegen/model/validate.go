package model

import (
	"encoding/json"
	"fmt"
	"strconv"
)

// validate checks a resolved model: every reference points at an existing
// shape of a suitable type, required members of lists and maps exist, enum
// values are well-formed and eagerly parsed traits have the right JSON
// shape. Shapes are checked in ID order so the first error is stable.
func validate(m *Model) error {
	for _, id := range sortedKeys(m.Shapes) {
		s := m.Shapes[id]
		if s.Source == preludeSource {
			continue
		}
		if err := validateShape(m, s); err != nil {
			return err
		}
	}
	return nil
}

func validateShape(m *Model, s *Shape) error {
	fail := func(member, format string, args ...any) error {
		return errorf(s.Source, s.ID, member, format, args...)
	}
	if _, err := checkTraits(s.Traits); err != nil {
		return fail("", "%v", err)
	}
	for _, mem := range s.AllMembers() {
		if _, err := checkTraits(mem.Traits); err != nil {
			return fail(mem.Name, "%v", err)
		}
		t, ok := m.Shapes[mem.Target]
		if !ok {
			return fail(mem.Name, "target %s not found", mem.Target)
		}
		switch {
		case t.Type == TypeOperation || t.Type == TypeService || t.Type == TypeResource:
			return fail(mem.Name, "target %s is a %s, which members cannot target", t.ID, t.Type)
		case t.IsMixin():
			return fail(mem.Name, "target %s is a mixin, which members cannot target", t.ID)
		}
	}
	switch s.Type {
	case TypeEnum, TypeIntEnum:
		return validateEnum(s, fail)
	case TypeList:
		if s.Member == nil {
			return fail("", "list has no member")
		}
	case TypeMap:
		if s.Key == nil || s.Value == nil {
			return fail("", "map needs both key and value")
		}
		if k := m.Shapes[s.Key.Target]; k.Type != TypeString && k.Type != TypeEnum {
			return fail("key", "map key must target a string or enum, not %s", k.Type)
		}
	case TypeOperation:
		for _, ref := range []struct {
			what string
			id   ShapeID
		}{{"input", s.Input}, {"output", s.Output}} {
			if ref.id == "" {
				continue
			}
			if err := expectType(m, ref.id, TypeStructure); err != nil {
				return fail("", "%s %v", ref.what, err)
			}
		}
		if err := expectAll(m, "error", s.Errors, TypeStructure); err != nil {
			return fail("", "%v", err)
		}
	case TypeService:
		if err := checkBindings(m, s); err != nil {
			return fail("", "%v", err)
		}
		if err := expectAll(m, "error", s.Errors, TypeStructure); err != nil {
			return fail("", "%v", err)
		}
	case TypeResource:
		for _, op := range []ShapeID{s.Create, s.Put, s.Read, s.Update, s.Delete, s.List} {
			if op == "" {
				continue
			}
			if err := expectType(m, op, TypeOperation); err != nil {
				return fail("", "lifecycle operation %v", err)
			}
		}
		if err := checkBindings(m, s); err != nil {
			return fail("", "%v", err)
		}
		if err := expectAll(m, "collection operation", s.CollectionOperations, TypeOperation); err != nil {
			return fail("", "%v", err)
		}
		for _, name := range sortedKeys(s.Identifiers) {
			if _, ok := m.Shapes[s.Identifiers[name]]; !ok {
				return fail("", "identifier %s target %s not found", name, s.Identifiers[name])
			}
		}
		for _, name := range sortedKeys(s.Properties) {
			if _, ok := m.Shapes[s.Properties[name]]; !ok {
				return fail("", "property %s target %s not found", name, s.Properties[name])
			}
		}
	}
	return nil
}

// checkBindings checks the operations and resources bound to a service or
// resource.
func checkBindings(m *Model, s *Shape) error {
	if err := expectAll(m, "operation", s.Operations, TypeOperation); err != nil {
		return err
	}
	return expectAll(m, "resource", s.Resources, TypeResource)
}

func expectAll(m *Model, what string, ids []ShapeID, want ShapeType) error {
	for _, id := range ids {
		if err := expectType(m, id, want); err != nil {
			return fmt.Errorf("%s %v", what, err)
		}
	}
	return nil
}

func expectType(m *Model, id ShapeID, want ShapeType) error {
	t, ok := m.Shapes[id]
	if !ok {
		return fmt.Errorf("%s not found", id)
	}
	if t.Type != want {
		return fmt.Errorf("%s is a %s, not a %s", id, t.Type, want)
	}
	return nil
}

// validateEnum checks that enum members target Unit and carry a value of
// the right JSON type: a non-empty string for enum, an integer for intEnum.
func validateEnum(s *Shape, fail func(string, string, ...any) error) error {
	if len(s.Members) == 0 {
		return fail("", "%s has no members", s.Type)
	}
	for _, mem := range s.Members {
		if mem.Target != unitID {
			return fail(mem.Name, "%s members must target smithy.api#Unit, not %s", s.Type, mem.Target)
		}
		raw, ok := mem.Traits.EnumValue()
		if !ok {
			return fail(mem.Name, "intEnum member needs smithy.api#enumValue")
		}
		if s.Type == TypeEnum {
			var v string
			if json.Unmarshal(raw, &v) != nil || v == "" {
				return fail(mem.Name, "smithy.api#enumValue of an enum member must be a non-empty string")
			}
			continue
		}
		v, err := decodeAny(raw)
		n, isNum := v.(json.Number)
		if err != nil || !isNum {
			return fail(mem.Name, "smithy.api#enumValue of an intEnum member must be an integer")
		}
		if _, err := strconv.ParseInt(n.String(), 10, 32); err != nil {
			return fail(mem.Name, "smithy.api#enumValue of an intEnum member must be a 32-bit integer, got %s", n)
		}
	}
	return nil
}
