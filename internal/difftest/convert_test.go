package difftest

import (
	"fmt"
	"io"
	"reflect"
	"sort"
	"time"
)

// copyByName copies src (a gosmith value) into dst (the aws-sdk-go-v2 value
// of the same shape) field by field, matching struct fields by name and
// converting enums, scalars, lists and maps by kind. It returns the paths it
// could not map (a field missing on the v2 side, or a kind mismatch).
// Stream contents (*streamSource) are shared, not read.
func copyByName(dst, src reflect.Value, path string) []string {
	return copyValue(dst, src, path, false)
}

// withReaders returns a deep copy of in (a pointer to an input) whose
// stream contents are replaced by readers of their own, for one call.
func withReaders(in reflect.Value) reflect.Value {
	out := reflect.New(in.Type().Elem())
	copyValue(out.Elem(), in.Elem(), "", true)
	return out
}

func copyValue(dst, src reflect.Value, path string, readers bool) []string {
	copyByName := func(dst, src reflect.Value, path string) []string { return copyValue(dst, src, path, readers) }
	var missing []string
	switch src.Kind() {
	case reflect.Pointer:
		if src.IsNil() {
			return nil
		}
		if dst.Kind() != reflect.Pointer {
			return []string{fmt.Sprintf("%s: %s vs %s", path, src.Type(), dst.Type())}
		}
		p := reflect.New(dst.Type().Elem())
		missing = copyByName(p.Elem(), src.Elem(), path)
		dst.Set(p)
	case reflect.Struct:
		if src.Type() == timeType {
			if dst.Type() != timeType {
				return []string{fmt.Sprintf("%s: %s vs %s", path, src.Type(), dst.Type())}
			}
			dst.Set(src)
			return nil
		}
		for _, f := range exportedFields(src.Type()) {
			df := dst.FieldByName(f.Name)
			if !df.IsValid() {
				missing = append(missing, path+"."+f.Name+": not in v2")
				continue
			}
			missing = append(missing, copyByName(df, src.FieldByIndex(f.Index), path+"."+f.Name)...)
		}
	case reflect.String:
		if dst.Kind() != reflect.String {
			return []string{fmt.Sprintf("%s: %s vs %s", path, src.Type(), dst.Type())}
		}
		dst.SetString(src.String())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if dst.Kind() != src.Kind() {
			return []string{fmt.Sprintf("%s: %s vs %s", path, src.Type(), dst.Type())}
		}
		dst.SetInt(src.Int())
	case reflect.Bool:
		if dst.Kind() != reflect.Bool {
			return []string{fmt.Sprintf("%s: %s vs %s", path, src.Type(), dst.Type())}
		}
		dst.SetBool(src.Bool())
	case reflect.Float32, reflect.Float64:
		if dst.Kind() != src.Kind() {
			return []string{fmt.Sprintf("%s: %s vs %s", path, src.Type(), dst.Type())}
		}
		dst.SetFloat(src.Float())
	case reflect.Slice:
		if src.IsNil() {
			return nil
		}
		if dst.Kind() != reflect.Slice {
			return []string{fmt.Sprintf("%s: %s vs %s", path, src.Type(), dst.Type())}
		}
		if src.Type().Elem().Kind() == reflect.Uint8 && dst.Type().Elem().Kind() == reflect.Uint8 {
			dst.SetBytes(append([]byte{}, src.Bytes()...))
			return nil
		}
		s := reflect.MakeSlice(dst.Type(), src.Len(), src.Len())
		for i := 0; i < src.Len(); i++ {
			missing = append(missing, copyByName(s.Index(i), src.Index(i), fmt.Sprintf("%s[%d]", path, i))...)
		}
		dst.Set(s)
	case reflect.Map:
		if src.IsNil() {
			return nil
		}
		if dst.Kind() != reflect.Map {
			return []string{fmt.Sprintf("%s: %s vs %s", path, src.Type(), dst.Type())}
		}
		m := reflect.MakeMap(dst.Type())
		iter := src.MapRange()
		for iter.Next() {
			k := reflect.New(dst.Type().Key()).Elem()
			missing = append(missing, copyByName(k, iter.Key(), path+"[key]")...)
			v := reflect.New(dst.Type().Elem()).Elem()
			missing = append(missing, copyByName(v, iter.Value(), fmt.Sprintf("%s[%q]", path, iter.Key()))...)
			m.SetMapIndex(k, v)
		}
		dst.Set(m)
	case reflect.Interface:
		if src.IsNil() {
			return nil
		}
		if s, ok := src.Interface().(*streamSource); ok && dst.Kind() == reflect.Interface {
			if readers {
				dst.Set(reflect.ValueOf(s.reader()))
			} else {
				dst.Set(src.Elem())
			}
			return nil
		}
		if t := src.Elem().Type(); unionMemberName(t) != "" && dst.Kind() == reflect.Interface {
			// A union member: into v2's type of it, or (a deep copy) the
			// same type.
			if vt, ok := v2UnionMember(t); ok && vt.Implements(dst.Type()) {
				t = vt
			}
			if t.Implements(dst.Type()) {
				u := reflect.New(t.Elem())
				missing = append(missing, copyByName(u.Elem(), src.Elem().Elem(), path+"."+t.Elem().Name())...)
				dst.Set(u)
				return missing
			}
		}
		missing = append(missing, path+": interface values are not copied")
	default:
		missing = append(missing, path+": unsupported kind "+src.Kind().String())
	}
	return missing
}

// neutral converts a value of either client into plain Go data that go-cmp
// compares without knowing either package: structs become map[string]any of
// their exported fields (ResultMetadata dropped; a nil member stays as a nil
// entry so "absent" and "zero" differ), enums become strings, timestamps
// RFC 3339 strings in UTC with nanoseconds, lists []any (nil stays nil,
// empty stays empty) and maps map[string]any.
func neutral(v reflect.Value) any {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return nil
		}
		if v.Type() == readerType || v.Type() == readCloserType {
			return streamContent(v.Interface())
		}
		if v.Kind() == reflect.Interface {
			// A union: which member it holds matters, not only its value.
			if name := unionMemberName(v.Elem().Type()); name != "" {
				return map[string]any{"$member": name, "value": neutral(v.Elem())}
			}
		}
		return neutral(v.Elem())
	case reflect.Struct:
		if v.Type() == timeType {
			return v.Interface().(time.Time).UTC().Format(time.RFC3339Nano)
		}
		m := map[string]any{}
		for _, f := range exportedFields(v.Type()) {
			m[f.Name] = neutral(v.FieldByIndex(f.Index))
		}
		return m
	case reflect.String:
		return v.String()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int()
	case reflect.Bool:
		return v.Bool()
	case reflect.Float32, reflect.Float64:
		return v.Float()
	case reflect.Slice:
		if v.IsNil() {
			return nil
		}
		if v.Type().Elem().Kind() == reflect.Uint8 {
			return append([]byte{}, v.Bytes()...)
		}
		s := make([]any, v.Len())
		for i := range s {
			s[i] = neutral(v.Index(i))
		}
		return s
	case reflect.Map:
		if v.IsNil() {
			return nil
		}
		m := map[string]any{}
		iter := v.MapRange()
		for iter.Next() {
			m[iter.Key().String()] = neutral(iter.Value())
		}
		return m
	default:
		return fmt.Sprintf("<%s>", v.Kind())
	}
}

// streamContent is what a stream member holds: the bytes of a
// *streamSource, or what a client's reader yields (read to the end and
// closed, so call it once per output) and how it ended.
func streamContent(x any) any {
	if s, ok := x.(*streamSource); ok {
		return map[string]any{"stream": append([]byte{}, s.data...), "err": "<nil>"}
	}
	r := x.(io.Reader)
	b, err := io.ReadAll(r)
	if c, ok := r.(io.Closer); ok {
		c.Close()
	}
	return map[string]any{"stream": b, "err": errString(err)}
}

// shapeOf describes a type's structure for the API-surface comparison:
// field names with their type strings (package names only, so
// sgfull/types.Tag and v2 types.Tag both read "types.Tag").
func shapeOf(t reflect.Type) map[string]string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	m := map[string]string{}
	if t.Kind() != reflect.Struct || t == timeType {
		return m
	}
	for _, f := range exportedFields(t) {
		m[f.Name] = f.Type.String()
	}
	return m
}

// namedTypes collects every named struct and enum type reachable from t.
func namedTypes(t reflect.Type, seen map[string]reflect.Type) {
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice:
		namedTypes(t.Elem(), seen)
		return
	case reflect.Map:
		namedTypes(t.Key(), seen)
		namedTypes(t.Elem(), seen)
		return
	}
	if t.PkgPath() == "" || t == timeType || t == metadataType {
		return
	}
	if _, ok := seen[t.String()]; ok {
		return
	}
	seen[t.String()] = t
	if t.Kind() == reflect.Struct {
		for _, f := range exportedFields(t) {
			namedTypes(f.Type, seen)
		}
	}
}

func sortedKeys[M ~map[string]V, V any](m M) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
