package model

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"sort"
	"strings"
)

// build merges parsed documents into one model and resolves it: prelude,
// duplicate/conflicting definitions, apply statements, mixins, the 1.0
// upgrade and enum values. Validation of references runs last, on the
// resolved shapes, so that errors describe what a generator would see.
func build(docs []*rawDoc) (*Model, error) {
	m := &Model{Version: "2.0", Shapes: newPrelude(), Metadata: map[string]json.RawMessage{}}
	r := &resolver{
		model:    m,
		raws:     map[ShapeID]*rawShape{},
		applies:  map[ShapeID][]*rawShape{},
		visiting: map[ShapeID]bool{},
	}
	for _, doc := range docs {
		for _, k := range sortedKeys(doc.metadata) {
			merged, err := mergeValue(m.Metadata[k], doc.metadata[k])
			if err != nil {
				return nil, errorf(doc.file, "", "", "metadata %q: %v", k, err)
			}
			m.Metadata[k] = merged
		}
		for _, s := range doc.shapes {
			if IsPrelude(s.id) {
				return nil, errorf(s.file, s.id, "", "cannot redefine a prelude shape")
			}
			if prev, ok := r.raws[s.id]; ok {
				if !jsonEqual(prev.body, s.body) {
					return nil, errorf(s.file, s.id, "", "conflicting definition (also defined differently in %s)", prev.file)
				}
				continue
			}
			r.raws[s.id] = s
		}
		for _, a := range doc.applies {
			r.applies[a.id] = append(r.applies[a.id], a)
		}
	}

	applyTargets := sortedKeys(r.applies)
	for _, t := range applyTargets {
		if _, ok := r.raws[t.Root()]; !ok {
			a := r.applies[t][0]
			if IsPrelude(t.Root()) {
				return nil, errorf(a.file, t, "", "cannot apply traits to a prelude shape")
			}
			return nil, errorf(a.file, t, "", "apply targets a shape that does not exist")
		}
	}

	for _, id := range sortedKeys(r.raws) {
		if _, err := r.resolve(id); err != nil {
			return nil, err
		}
	}

	// Member applies can only be checked once mixin members are in place.
	for _, t := range applyTargets {
		if !t.IsMember() {
			continue
		}
		if _, ok := m.Shapes[t.Root()].MemberNamed(t.MemberName()); !ok {
			return nil, errorf(r.applies[t][0].file, t.Root(), t.MemberName(), "apply targets a member that does not exist")
		}
	}

	upgrade1(m)
	fillEnumValues(m)
	if err := validate(m); err != nil {
		return nil, err
	}
	return m, nil
}

type resolver struct {
	model    *Model
	raws     map[ShapeID]*rawShape
	applies  map[ShapeID][]*rawShape // keyed by target, which may be a member ID
	visiting map[ShapeID]bool
}

// resolve builds the final shape for id, resolving its mixins first so that
// their members and traits (including applied ones) can be copied in.
func (r *resolver) resolve(id ShapeID) (*Shape, error) {
	raw := r.raws[id]
	if s, ok := r.model.Shapes[id]; ok && s.Source != preludeSource {
		return s, nil
	}
	if r.visiting[id] {
		return nil, errorf(raw.file, id, "", "mixin cycle")
	}
	r.visiting[id] = true
	defer delete(r.visiting, id)

	s := &Shape{
		ID: id, Type: raw.typ, Source: raw.file, SourceVersion: raw.version,
		Mixins: raw.mixins,
	}
	local := raw.traits.clone()
	if s.Type == TypeSet {
		// Smithy 2.0 deprecates sets; generators only need to handle lists.
		s.Type = TypeList
		local[TraitUniqueItems] = json.RawMessage("{}")
	}
	if err := r.mergeApplies(local, id); err != nil {
		return nil, err
	}

	inherited := Traits{}
	for _, mixID := range raw.mixins {
		if _, ok := r.raws[mixID]; !ok {
			return nil, errorf(raw.file, id, "", "mixin %s not found", mixID)
		}
		mix, err := r.resolve(mixID)
		if err != nil {
			return nil, err
		}
		if !mix.IsMixin() {
			return nil, errorf(raw.file, id, "", "%s is not a mixin (it lacks the smithy.api#mixin trait)", mixID)
		}
		if mix.Type != s.Type {
			return nil, errorf(raw.file, id, "", "mixin %s is a %s, not a %s", mixID, mix.Type, s.Type)
		}
		var mt mixinTrait
		_ = mix.Traits.Decode(TraitMixin, &mt) // shape checked in validate
		for k, v := range mix.Traits {
			if k == TraitMixin || containsID(mt.LocalTraits, k) {
				continue
			}
			inherited[k] = v
		}
		if err := s.inheritMembers(mix); err != nil {
			return nil, errorf(raw.file, id, "", "%v", err)
		}
		s.inheritStructure(mix)
	}
	s.Traits = overlay(inherited, local)

	if err := r.resolveMembers(s, raw); err != nil {
		return nil, err
	}
	s.applyLocalStructure(raw)
	r.model.Shapes[id] = s
	return s, nil
}

// inheritMembers copies a mixin's members into s, re-parented to s.
func (s *Shape) inheritMembers(mix *Shape) error {
	for _, mm := range mix.Members {
		if i := memberIndex(s.Members, mm.Name); i >= 0 {
			if s.Members[i].Target != mm.Target {
				return fmt.Errorf("mixins define member %s with different targets", mm.Name)
			}
			s.Members[i].Traits = overlay(s.Members[i].Traits, mm.Traits)
			continue
		}
		s.Members = append(s.Members, s.copyMember(mm))
	}
	if mix.Member != nil {
		s.Member = s.copyMember(mix.Member)
	}
	if mix.Key != nil {
		s.Key = s.copyMember(mix.Key)
	}
	if mix.Value != nil {
		s.Value = s.copyMember(mix.Value)
	}
	return nil
}

func (s *Shape) copyMember(m *Member) *Member {
	return &Member{ID: s.ID.WithMember(m.Name), Name: m.Name, Target: m.Target, Traits: m.Traits.clone(), Container: s.ID}
}

// inheritStructure merges the non-member parts of operation, service and
// resource mixins; lists are unioned and single references are taken when
// the shape does not set them itself (applyLocalStructure runs later).
func (s *Shape) inheritStructure(mix *Shape) { s.mergeStructure(mix, false) }

// applyLocalStructure merges the shape's own non-member parts over what its
// mixins gave it.
func (s *Shape) applyLocalStructure(raw *rawShape) {
	s.mergeStructure(&Shape{
		Input: raw.input, Output: raw.output,
		Create: raw.create, Put: raw.put, Read: raw.read, Update: raw.update, Delete: raw.delete, List: raw.list,
		Version:    raw.svcVersion,
		Errors:     raw.errors,
		Operations: raw.operations, Resources: raw.resources, CollectionOperations: raw.collectionOperations,
		Identifiers: raw.identifiers, Properties: raw.properties,
		Rename: raw.rename,
	}, true)
}

// mergeStructure merges from's non-member parts into s: single references
// and the version replace when set, lists are unioned, maps merged. With
// unitIsAbsent, a Unit input or output means "none": treating it as absent
// saves every generator the same special case.
func (s *Shape) mergeStructure(from *Shape, unitIsAbsent bool) {
	setIf := func(dst *ShapeID, v ShapeID) {
		if unitIsAbsent && v == unitID && (dst == &s.Input || dst == &s.Output) {
			*dst = ""
			return
		}
		if v != "" {
			*dst = v
		}
	}
	setIf(&s.Input, from.Input)
	setIf(&s.Output, from.Output)
	setIf(&s.Create, from.Create)
	setIf(&s.Put, from.Put)
	setIf(&s.Read, from.Read)
	setIf(&s.Update, from.Update)
	setIf(&s.Delete, from.Delete)
	setIf(&s.List, from.List)
	if from.Version != "" {
		s.Version = from.Version
	}
	s.Errors = unionIDs(s.Errors, from.Errors)
	s.Operations = unionIDs(s.Operations, from.Operations)
	s.Resources = unionIDs(s.Resources, from.Resources)
	s.CollectionOperations = unionIDs(s.CollectionOperations, from.CollectionOperations)
	s.Identifiers = mergeIDMap(s.Identifiers, from.Identifiers)
	s.Properties = mergeIDMap(s.Properties, from.Properties)
	for k, v := range from.Rename {
		if s.Rename == nil {
			s.Rename = map[ShapeID]string{}
		}
		s.Rename[k] = v
	}
}

// resolveMembers adds the shape's own members after the inherited ones. A
// local member with an inherited name re-declares it to add traits, which
// Smithy allows only with the same target; its traits win.
func (r *resolver) resolveMembers(s *Shape, raw *rawShape) error {
	lower := map[string]string{}
	for _, m := range s.Members {
		lower[strings.ToLower(m.Name)] = m.Name
	}
	redeclared := map[string]bool{}
	for _, rm := range raw.members {
		if rm.target == "" {
			if s.Type != TypeEnum && s.Type != TypeIntEnum {
				return errorf(raw.file, s.ID, rm.name, "member has no target")
			}
			// Enum members always target Unit; hand-written ASTs omit it.
			rm.target = unitID
		}
		traits := rm.traits.clone()
		if err := r.mergeApplies(traits, s.ID.WithMember(rm.name)); err != nil {
			return err
		}
		redeclared[rm.name] = true
		if prev, ok := lower[strings.ToLower(rm.name)]; ok {
			if prev != rm.name {
				return errorf(raw.file, s.ID, rm.name, "member name conflicts with %s (member names must be unique ignoring case)", prev)
			}
			inh := s.Members[memberIndex(s.Members, rm.name)]
			if inh.Target != rm.target {
				return errorf(raw.file, s.ID, rm.name, "member redefines a mixin member with a different target (%s, mixin has %s)", rm.target, inh.Target)
			}
			inh.Traits = overlay(inh.Traits, traits)
			continue
		}
		lower[strings.ToLower(rm.name)] = rm.name
		s.Members = append(s.Members, &Member{ID: s.ID.WithMember(rm.name), Name: rm.name, Target: rm.target, Traits: traits, Container: s.ID})
	}
	for _, m := range s.Members {
		if redeclared[m.Name] {
			continue
		}
		applied := Traits{}
		if err := r.mergeApplies(applied, m.ID); err != nil {
			return err
		}
		m.Traits = overlay(m.Traits, applied)
	}
	for _, single := range []struct {
		dst **Member
		rm  *rawMember
	}{{&s.Member, raw.member}, {&s.Key, raw.key}, {&s.Value, raw.value}} {
		if single.rm != nil {
			if single.rm.target == "" {
				return errorf(raw.file, s.ID, single.rm.name, "member has no target")
			}
			traits := single.rm.traits.clone()
			if *single.dst != nil {
				if (*single.dst).Target != single.rm.target {
					return errorf(raw.file, s.ID, single.rm.name, "member redefines a mixin member with a different target")
				}
				traits = overlay((*single.dst).Traits, traits)
			}
			*single.dst = &Member{ID: s.ID.WithMember(single.rm.name), Name: single.rm.name, Target: single.rm.target, Traits: traits, Container: s.ID}
		}
		if m := *single.dst; m != nil {
			applied := Traits{}
			if err := r.mergeApplies(applied, m.ID); err != nil {
				return err
			}
			m.Traits = overlay(m.Traits, applied)
		}
	}
	return nil
}

// mergeApplies merges the traits of every apply statement targeting id
// into dst, following Smithy's conflict rules (see mergeValue).
func (r *resolver) mergeApplies(dst Traits, id ShapeID) error {
	for _, a := range r.applies[id] {
		for _, k := range sortedKeys(a.traits) {
			merged, err := mergeValue(dst[k], a.traits[k])
			if err != nil {
				return errorf(a.file, id.Root(), id.MemberName(), "apply of trait %s: %v", k, err)
			}
			dst[k] = merged
		}
	}
	return nil
}

// mergeValue combines two values given for the same trait or metadata key:
// equal values are fine, two arrays are concatenated (as Smithy does for
// list traits such as tags), anything else conflicts.
func mergeValue(old, new json.RawMessage) (json.RawMessage, error) {
	if old == nil {
		return new, nil
	}
	if jsonEqual(old, new) {
		return old, nil
	}
	var a, b []json.RawMessage
	if json.Unmarshal(old, &a) == nil && json.Unmarshal(new, &b) == nil && a != nil && b != nil {
		out, err := json.Marshal(append(a, b...))
		if err != nil {
			return nil, err
		}
		return out, nil
	}
	return nil, fmt.Errorf("conflicting values %s and %s", abbreviate(old), abbreviate(new))
}

func abbreviate(raw json.RawMessage) string {
	s := string(bytes.TrimSpace(raw))
	if len(s) > 60 {
		s = s[:57] + "..."
	}
	return s
}

// jsonEqual compares two JSON values structurally, ignoring whitespace and
// object key order.
func jsonEqual(a, b json.RawMessage) bool {
	if bytes.Equal(a, b) {
		return true
	}
	va, errA := decodeAny(a)
	vb, errB := decodeAny(b)
	return errA == nil && errB == nil && reflect.DeepEqual(va, vb)
}

func decodeAny(raw json.RawMessage) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var v any
	err := dec.Decode(&v)
	return v, err
}

// overlay returns base with top's entries replacing base's.
func overlay(base, top Traits) Traits {
	out := base.clone()
	for k, v := range top {
		out[k] = v
	}
	return out
}

// upgrade1 gives 1.0 structure members the defaults that 1.0 implied: a
// member targeting an unboxed number or boolean was never null there.
func upgrade1(m *Model) {
	for _, s := range m.Shapes {
		if s.SourceVersion != "1.0" || s.Type != TypeStructure {
			continue
		}
		for _, mem := range s.Members {
			if mem.Traits.Has(TraitDefault) || mem.Traits.Box() {
				continue
			}
			t, ok := m.Shapes[mem.Target]
			if !ok || (t.SourceVersion != "1.0" && t.Source != preludeSource) {
				continue
			}
			if !boxedIn1(t) {
				mem.Traits[TraitDefault] = zeroDefault(t.Type)
			}
		}
	}
}

// fillEnumValues sets smithy.api#enumValue on enum members that omit it,
// since Smithy defines the value as the member name in that case.
func fillEnumValues(m *Model) {
	for _, s := range m.Shapes {
		if s.Type != TypeEnum {
			continue
		}
		for _, mem := range s.Members {
			if !mem.Traits.Has(TraitEnumValue) {
				v, _ := json.Marshal(mem.Name)
				mem.Traits[TraitEnumValue] = v
			}
		}
	}
}

func memberIndex(ms []*Member, name string) int {
	for i, m := range ms {
		if m.Name == name {
			return i
		}
	}
	return -1
}

func containsID(ids []ShapeID, id ShapeID) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

func unionIDs(a, b []ShapeID) []ShapeID {
	for _, id := range b {
		if !containsID(a, id) {
			a = append(a, id)
		}
	}
	return a
}

func mergeIDMap(a, b map[string]ShapeID) map[string]ShapeID {
	if len(b) == 0 {
		return a
	}
	if a == nil {
		a = map[string]ShapeID{}
	}
	for k, v := range b {
		a[k] = v
	}
	return a
}

func sortedKeys[K ~string, V any](m map[K]V) []K {
	out := make([]K, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

func sortedTraitIDs(t Traits) []ShapeID { return sortedKeys(t) }
