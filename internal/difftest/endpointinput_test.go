package difftest

import (
	"encoding/json"
	"reflect"
	"strings"
)

// The endpoint rules of DynamoDB and Kinesis read input members (their
// smithy.rules#contextParam members and operationContextParams paths):
// ARNs pick the account's host, a malformed one stops the call before it
// is sent. endpointInputs sets those members to ARNs, sometimes valid and
// sometimes not, so that both clients' choice of host, and their refusal,
// are compared.

// arnAccounts: two valid account IDs and one that is not a host label.
var arnAccounts = []string{"111122223333", "444455556666", "12_34"}

// arnResources are the resources of the ARNs a service's endpoint rules
// accept, by signing name (Kinesis refuses any type but stream).
var arnResources = map[string][]string{
	"kinesis":  {"stream/s1", "stream/s1/consumer/c1:1700000000"},
	"dynamodb": {"table/T1", "table/T1/index/I1"},
}

// arnFor returns an ARN of the service (signing name svc), valid when
// valid is true, else one of the ways an ARN goes wrong.
func (g *gen) arnFor(svc string, valid bool) string {
	account := arnAccounts[g.r.Intn(2)]
	resources := arnResources[svc]
	resource := resources[g.r.Intn(len(resources))]
	if valid {
		return "arn:aws:" + svc + ":" + region + ":" + account + ":" + resource
	}
	return []string{
		"arn:aws:" + svc + ":us-west-2:" + account + ":" + resource, // another region
		"arn:aws-cn:" + svc + ":" + region + ":" + account + ":" + resource,
		"arn:aws:s3:::bucket",                                                         // another service
		"arn:aws:" + svc + ":" + region + "::" + resource,                             // no account
		"arn:aws:" + svc + ":" + region + ":" + arnAccounts[2] + ":" + resource,       // account not a host label
		"arn:aws:" + svc + ":" + region + ":" + account + ":",                         // no resource
		"arn:aws:" + svc + ":" + region + ":" + account + ":" + otherResource(svc, g), // another service's resource type
		"arn:aws:" + svc,
		"T1", // a table name, not an ARN
		"",
	}[g.r.Intn(10)]
}

// otherResource is a resource of another service than svc.
func otherResource(svc string, g *gen) string {
	if svc == "kinesis" {
		return arnResources["dynamodb"][g.r.Intn(2)]
	}
	return arnResources["kinesis"][g.r.Intn(2)]
}

// endpointInputs sets every endpoint-bound string of in (a pointer to
// operation op's input) to an ARN; valid makes them all valid. It reports
// whether it changed anything.
func (p *pair) endpointInputs(g *gen, op string, in reflect.Value, valid bool) bool {
	m := p.svc.m
	changed := false
	set := func(v reflect.Value) {
		if v.Kind() == reflect.Pointer && v.Type().Elem().Kind() == reflect.String {
			if v.IsNil() && valid {
				return // absent stays absent
			}
			s := g.arnFor(p.svc.signingName, valid || g.r.Intn(2) == 0)
			if v.IsNil() || v.Elem().String() != s {
				v.Set(reflect.New(v.Type().Elem()))
				v.Elem().SetString(s)
				changed = true
			}
		}
	}
	s := m.shape(m.operation(op).Input)
	for i := range s.Members {
		if s.Members[i].has("smithy.rules#contextParam") {
			set(memberValue(in.Elem(), s, &s.Members[i]))
		}
	}
	var params map[string]struct{ Path string }
	_ = json.Unmarshal(m.operation(op).Traits["smithy.rules#operationContextParams"], &params)
	for _, cp := range params {
		if name, ok := strings.CutPrefix(cp.Path, "keys("); ok {
			// keys(Member): the map's keys become ARNs.
			mv := in.Elem().FieldByName(strings.TrimSuffix(name, ")"))
			if mv.Kind() != reflect.Map || mv.Len() == 0 {
				continue
			}
			out := reflect.MakeMap(mv.Type())
			iter := mv.MapRange()
			for iter.Next() {
				k := reflect.New(mv.Type().Key()).Elem()
				k.SetString(g.arnFor(p.svc.signingName, valid || g.r.Intn(2) == 0))
				out.SetMapIndex(k, iter.Value())
			}
			mv.Set(out)
			changed = true
			continue
		}
		for _, v := range pathValues(in.Elem(), strings.Split(cp.Path, ".")) {
			set(v)
		}
	}
	return changed
}

// pathValues follows a path of field names ("TransactItems[*]" for each
// element of a list) from v.
func pathValues(v reflect.Value, path []string) []reflect.Value {
	for v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return nil
		}
		v = v.Elem()
	}
	if len(path) == 0 {
		return nil
	}
	name, each := strings.CutSuffix(path[0], "[*]")
	f := v.FieldByName(name)
	if !f.IsValid() {
		return nil
	}
	if len(path) == 1 && !each {
		return []reflect.Value{f}
	}
	if !each {
		return pathValues(f, path[1:])
	}
	var out []reflect.Value
	for i := 0; i < f.Len(); i++ {
		out = append(out, pathValues(f.Index(i), path[1:])...)
	}
	return out
}

// hostDependsOnMapOrder reports whether operation op picks its endpoint
// from the first of a map's keys (DynamoDB's keys(RequestItems)) and in
// has two or more of them: v2 takes them in Go's random map order,
// gosmith sorted, so the host may differ (KNOWN_DIFFERENCES.md).
func (p *pair) hostDependsOnMapOrder(op string, in reflect.Value) bool {
	var params map[string]struct{ Path string }
	_ = json.Unmarshal(p.svc.m.operation(op).Traits["smithy.rules#operationContextParams"], &params)
	for _, cp := range params {
		if name, ok := strings.CutPrefix(cp.Path, "keys("); ok {
			if mv := in.Elem().FieldByName(strings.TrimSuffix(name, ")")); mv.Kind() == reflect.Map && mv.Len() > 1 {
				return true
			}
		}
	}
	return false
}
