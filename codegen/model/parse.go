package model

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
)

// rawDoc is one parsed document before merging and resolution.
type rawDoc struct {
	file     string
	version  string // normalised: "1.0" or "2.0"
	metadata map[string]json.RawMessage
	shapes   []*rawShape // document order
	applies  []*rawShape // "apply" entries
}

// rawShape is a shape as written in a document. Member order is kept,
// which is why shapes are not decoded straight into Go maps.
type rawShape struct {
	id      ShapeID
	typ     ShapeType
	file    string
	version string
	body    json.RawMessage // exact bytes, to compare duplicate definitions

	traits                Traits
	members               []*rawMember
	member, key, value    *rawMember
	input, output         ShapeID
	errors, mixins        []ShapeID
	operations, resources []ShapeID
	collectionOperations  []ShapeID
	create, put, read     ShapeID
	update, delete, list  ShapeID
	identifiers           map[string]ShapeID
	properties            map[string]ShapeID
	svcVersion            string
	rename                map[ShapeID]string
}

type rawMember struct {
	name   string
	target ShapeID
	traits Traits
}

// parseDoc decodes one JSON AST document. It checks syntax and the JSON
// structure, but not references between shapes.
func parseDoc(file string, data []byte) (*rawDoc, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, errorf(file, "", "", "empty document")
	}
	// Trait values are slices of the input; copy it so later changes to
	// the caller's buffer cannot alter the model.
	data = bytes.Clone(data)
	s := &scanner{data: data}
	doc := &rawDoc{file: file}
	var cur ShapeID // shape being parsed, for error context
	if c := s.peek(); c != '{' {
		if _, err := s.value(); err != nil {
			return nil, docError(file, data, "", err)
		}
		return nil, errorf(file, "", "", "top-level value must be a JSON object, not %s", kindName(c))
	}
	err := s.object("the document", func(key string) error {
		switch key {
		case "smithy":
			v, err := s.stringValue("\"smithy\"")
			if err != nil {
				return err
			}
			switch v {
			case "2.0", "2":
				doc.version = "2.0"
			case "1.0", "1":
				doc.version = "1.0"
			default:
				return &typeError{msg: fmt.Sprintf("unsupported smithy version %q (want 1.0 or 2.0)", v)}
			}
		case "metadata":
			return s.object("\"metadata\"", func(k string) error {
				v, err := s.value()
				if doc.metadata == nil {
					doc.metadata = map[string]json.RawMessage{}
				}
				doc.metadata[k] = v
				return err
			})
		case "shapes":
			return s.object("\"shapes\"", func(k string) error {
				cur = ShapeID(k)
				sh, err := parseShape(s, doc, cur)
				if err != nil {
					return err
				}
				cur = ""
				if sh.typ == "apply" {
					doc.applies = append(doc.applies, sh)
				} else {
					doc.shapes = append(doc.shapes, sh)
				}
				return nil
			})
		default:
			_, err := s.value()
			return err
		}
		return nil
	})
	if err == nil && s.peek() != 0 {
		err = s.errorf("unexpected data after the top-level object")
	}
	if err != nil {
		return nil, docError(file, data, cur, err)
	}
	if doc.version == "" {
		return nil, errorf(file, "", "", "missing \"smithy\" version")
	}
	return doc, nil
}

// docError adds file, position and shape context to a parse error.
func docError(file string, data []byte, shape ShapeID, err error) error {
	var se *syntaxError
	if errors.As(err, &se) {
		line, col := lineCol(data, se.pos)
		return errorf(file, "", "", "malformed JSON at line %d:%d: %s", line, col, se.msg)
	}
	var e *Error
	if errors.As(err, &e) {
		if e.File == "" {
			e.File = file
		}
		return e
	}
	return errorf(file, shape, "", "%v", err)
}

// parseShape reads one shape body. Properties are read by name whatever
// the shape type (their meaning does not depend on it); unknown ones are
// skipped so that documents from newer Smithy versions still load.
func parseShape(s *scanner, doc *rawDoc, id ShapeID) (*rawShape, error) {
	start := s.pos
	sh := &rawShape{id: id, file: doc.file, version: doc.version, traits: Traits{}}
	fail := func(member string, err error) error {
		if err == nil {
			return nil
		}
		var ts *typeError
		if errors.As(err, &ts) {
			return errorf(doc.file, id, member, "%s", ts.msg)
		}
		return err
	}
	ref := func(what string) (ShapeID, error) {
		var target ShapeID
		err := s.object(what, func(k string) error {
			if k != "target" {
				_, err := s.value()
				return err
			}
			v, err := s.stringValue(what + " target")
			target = ShapeID(v)
			return err
		})
		if err != nil {
			return "", err
		}
		if target == "" {
			return "", &typeError{msg: what + " has no target"}
		}
		if !target.Valid() || target.IsMember() {
			return "", &typeError{msg: fmt.Sprintf("%s target %q is not a valid shape ID", what, target)}
		}
		return target, nil
	}
	refs := func(what string) ([]ShapeID, error) {
		out := []ShapeID{}
		err := s.array(what, func() error {
			t, err := ref(what + " entry")
			out = append(out, t)
			return err
		})
		return out, err
	}
	refMap := func(what string) (map[string]ShapeID, error) {
		out := map[string]ShapeID{}
		err := s.object(what, func(k string) error {
			t, err := ref(fmt.Sprintf("%s %q", what, k))
			out[k] = t
			return err
		})
		return out, err
	}
	var typ string
	err := s.object("shape", func(key string) error {
		var err error
		switch key {
		case "type":
			typ, err = s.stringValue("\"type\"")
		case "traits":
			sh.traits, err = parseTraits(s)
		case "members":
			sh.members, err = parseMembers(s, doc.file, id)
		case "member":
			sh.member, err = parseMember(s, "member")
			return fail(key, err)
		case "key":
			sh.key, err = parseMember(s, "key")
			return fail(key, err)
		case "value":
			sh.value, err = parseMember(s, "value")
			return fail(key, err)
		case "input":
			sh.input, err = ref("\"input\"")
		case "output":
			sh.output, err = ref("\"output\"")
		case "create", "put", "read", "update", "delete", "list":
			*sh.lifecycle(key), err = ref(fmt.Sprintf("%q", key))
		case "errors":
			sh.errors, err = refs("\"errors\"")
		case "mixins":
			sh.mixins, err = refs("\"mixins\"")
		case "operations":
			sh.operations, err = refs("\"operations\"")
		case "resources":
			sh.resources, err = refs("\"resources\"")
		case "collectionOperations":
			sh.collectionOperations, err = refs("\"collectionOperations\"")
		case "identifiers":
			sh.identifiers, err = refMap("\"identifiers\"")
		case "properties":
			sh.properties, err = refMap("\"properties\"")
		case "version":
			sh.svcVersion, err = s.stringValue("\"version\"")
		case "rename":
			sh.rename = map[ShapeID]string{}
			err = s.object("\"rename\"", func(k string) error {
				if !ShapeID(k).Valid() || ShapeID(k).IsMember() {
					return &typeError{msg: fmt.Sprintf("\"rename\" key %q is not a valid shape ID", k)}
				}
				v, err := s.stringValue("\"rename\" value")
				sh.rename[ShapeID(k)] = v
				return err
			})
		default:
			_, err = s.value()
		}
		return err
	})
	if err != nil {
		return nil, fail("", err)
	}
	sh.body = json.RawMessage(s.data[start:s.pos])
	sh.typ = ShapeType(typ)
	switch {
	case !id.Valid():
		return nil, errorf(doc.file, id, "", "malformed shape ID (want namespace#Name)")
	case typ == "":
		return nil, errorf(doc.file, id, "", "missing \"type\"")
	case typ != "apply" && !validType(sh.typ):
		return nil, errorf(doc.file, id, "", "unknown shape type %q", typ)
	case typ != "apply" && id.IsMember():
		return nil, errorf(doc.file, id, "", "malformed shape ID (a member ID can only be used with apply)")
	}
	return sh, nil
}

// lifecycle returns the field for a resource lifecycle property name.
func (sh *rawShape) lifecycle(name string) *ShapeID {
	switch name {
	case "create":
		return &sh.create
	case "put":
		return &sh.put
	case "read":
		return &sh.read
	case "update":
		return &sh.update
	case "delete":
		return &sh.delete
	}
	return &sh.list
}

// parseTraits reads a "traits" object, checking that every key is an
// absolute shape ID.
func parseTraits(s *scanner) (Traits, error) {
	t := Traits{}
	err := s.object("\"traits\"", func(k string) error {
		id := ShapeID(k)
		if !id.Valid() || id.IsMember() {
			return &typeError{msg: fmt.Sprintf("trait ID %q is not an absolute shape ID", k)}
		}
		v, err := s.value()
		t[id] = v
		return err
	})
	return t, err
}

// parseMembers reads a "members" object in document order. Exact
// duplicates are rejected by the scanner; case-insensitive ones later,
// once mixin members are known.
func parseMembers(s *scanner, file string, shape ShapeID) ([]*rawMember, error) {
	out := []*rawMember{}
	err := s.object("\"members\"", func(name string) error {
		m, err := parseMember(s, name)
		if err != nil {
			var ts *typeError
			if errors.As(err, &ts) {
				return errorf(file, shape, name, "%s", ts.msg)
			}
			return err
		}
		out = append(out, m)
		return nil
	})
	return out, err
}

// parseMember reads one member definition. A missing target is kept as ""
// here because enum members may omit it; resolve decides.
func parseMember(s *scanner, name string) (*rawMember, error) {
	m := &rawMember{name: name, traits: Traits{}}
	if !validIdentifier(name) {
		return nil, &typeError{msg: fmt.Sprintf("invalid member name %q", name)}
	}
	err := s.object("member", func(k string) error {
		var err error
		switch k {
		case "target":
			var v string
			v, err = s.stringValue("member target")
			m.target = ShapeID(v)
		case "traits":
			m.traits, err = parseTraits(s)
		default:
			_, err = s.value()
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	if m.target != "" && (!m.target.Valid() || m.target.IsMember()) {
		return nil, &typeError{msg: fmt.Sprintf("target %q is not a valid shape ID", m.target)}
	}
	return m, nil
}

func lineCol(data []byte, off int) (line, col int) {
	off = min(max(off, 0), len(data))
	prefix := data[:off]
	line = bytes.Count(prefix, []byte{'\n'}) + 1
	col = off - (bytes.LastIndexByte(prefix, '\n') + 1) + 1
	return line, col
}
