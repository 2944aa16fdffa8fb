package difftest

import (
	"reflect"
	"sort"
	"strings"
	"testing"

	v2 "github.com/aws/aws-sdk-go-v2/service/storagegateway"

	gs "github.com/gosmith/gosmith/internal/difftest/sgfull"
)

// TestAPISurface compares the two clients' public shapes: the operation set,
// every input/output/nested type's fields and field types, and every enum's
// known values, walking from the operations by reflection.
func TestAPISurface(t *testing.T) {
	c := &checker{t: t, op: "*", printed: map[string]int{}}
	gsT, v2T := reflect.TypeOf(&gs.Client{}), reflect.TypeOf(&v2.Client{})
	ops := operations()
	var v2Only []string
	for i := 0; i < v2T.NumMethod(); i++ {
		m := v2T.Method(i)
		if _, ok := gsT.MethodByName(m.Name); !ok && m.Type.NumIn() == 4 && m.Type.IsVariadic() {
			v2Only = append(v2Only, m.Name)
		}
	}
	c.result("api-operations", len(v2Only) == 0, "operations only aws-sdk-go-v2 has: %v", v2Only)

	gsTypes, v2Types := map[string]reflect.Type{}, map[string]reflect.Type{}
	for _, op := range ops {
		gm, _ := gsT.MethodByName(op)
		vm, ok := v2T.MethodByName(op)
		if !ok {
			c.result("api-operations", false, "operation %s missing in aws-sdk-go-v2", op)
			continue
		}
		c.result("api-method-signature", gm.Type.String() == vm.Type.String(), "%s: gosmith %s, v2 %s", op, gm.Type, vm.Type)
		namedTypes(gm.Type.In(2), gsTypes)
		namedTypes(gm.Type.Out(0), gsTypes)
		namedTypes(vm.Type.In(2), v2Types)
		namedTypes(vm.Type.Out(0), v2Types)
	}
	for _, name := range sortedKeys(gsTypes) {
		gt := gsTypes[name]
		vt, ok := v2Types[name]
		if !ok {
			c.result("api-types", false, "type %s only in gosmith", name)
			continue
		}
		c.result("api-types", gt.Kind() == vt.Kind(), "type %s: kind gosmith %s, v2 %s", name, gt.Kind(), vt.Kind())
		if gt.Kind() == reflect.Struct {
			gf, vf := shapeOf(gt), shapeOf(vt)
			var diffs []string
			for _, f := range sortedKeys(gf) {
				if vf[f] != gf[f] {
					diffs = append(diffs, f+": gosmith "+gf[f]+", v2 "+orNone(vf[f]))
				}
			}
			for _, f := range sortedKeys(vf) {
				if _, ok := gf[f]; !ok {
					diffs = append(diffs, f+": gosmith (none), v2 "+vf[f])
				}
			}
			c.result("api-fields", len(diffs) == 0, "type %s fields differ:\n  %s", name, strings.Join(diffs, "\n  "))
			if len(diffs) == 0 {
				go1, v21 := fieldOrder(gt), fieldOrder(vt)
				c.result("api-field-order", reflect.DeepEqual(go1, v21), "type %s field order:\n gosmith %v\n v2      %v", name, go1, v21)
			}
		}
		if ge := enumValues(gt); ge != nil {
			ve := enumValues(vt)
			sort.Strings(ge)
			sort.Strings(ve)
			c.result("api-enum-values", reflect.DeepEqual(ge, ve), "enum %s: only gosmith %v, only v2 %v", name, minus(ge, ve), minus(ve, ge))
		}
	}
	for _, name := range sortedKeys(v2Types) {
		if _, ok := gsTypes[name]; !ok {
			c.result("api-types", false, "type %s only in aws-sdk-go-v2", name)
		}
	}
}

func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}

func minus(a, b []string) []string {
	in := map[string]bool{}
	for _, s := range b {
		in[s] = true
	}
	var out []string
	for _, s := range a {
		if !in[s] {
			out = append(out, s)
		}
	}
	return out
}

func fieldOrder(t reflect.Type) []string {
	var out []string
	for _, f := range exportedFields(t) {
		out = append(out, f.Name)
	}
	return out
}
