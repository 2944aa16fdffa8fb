package model

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

const serviceModel = `
	"com.foo#Svc": {"type": "service", "version": "2024-01-01",
		"operations": [{"target": "com.foo#Zeta"}, {"target": "com.foo#Alpha"}],
		"resources": [{"target": "com.foo#Thing"}],
		"errors": [{"target": "com.foo#SvcError"}],
		"rename": {"com.other#Alpha": "OtherAlpha"},
		"traits": {"smithy.api#paginated": {"inputToken": "NextToken", "outputToken": "NextToken", "pageSize": "MaxResults"}}},
	"com.foo#Other": {"type": "service"},
	"com.foo#Thing": {"type": "resource",
		"identifiers": {"thingId": {"target": "smithy.api#String"}},
		"create": {"target": "com.foo#CreateThing"}, "read": {"target": "com.foo#GetThing"},
		"list": {"target": "com.foo#ListThings"},
		"operations": [{"target": "com.foo#Alpha"}],
		"resources": [{"target": "com.foo#Part"}]},
	"com.foo#Part": {"type": "resource", "delete": {"target": "com.foo#DeletePart"},
		"collectionOperations": [{"target": "com.foo#BatchParts"}]},
	"com.foo#Zeta": {"type": "operation", "input": {"target": "com.foo#ZetaInput"}, "output": {"target": "com.foo#ZetaOutput"},
		"errors": [{"target": "com.foo#OpError"}]},
	"com.foo#Alpha": {"type": "operation"},
	"com.foo#CreateThing": {"type": "operation"},
	"com.foo#GetThing": {"type": "operation"},
	"com.foo#DeletePart": {"type": "operation"},
	"com.foo#BatchParts": {"type": "operation"},
	"com.foo#ListThings": {"type": "operation", "traits": {"smithy.api#paginated": {"items": "Things", "pageSize": "Limit"}}},
	"com.foo#ZetaInput": {"type": "structure", "members": {"list": {"target": "com.foo#Names"}}},
	"com.foo#ZetaOutput": {"type": "structure", "members": {"map": {"target": "com.foo#Dict"}, "kind": {"target": "com.foo#Kind"}}},
	"com.foo#Names": {"type": "list", "member": {"target": "smithy.api#String"}},
	"com.foo#Dict": {"type": "map", "key": {"target": "smithy.api#String"}, "value": {"target": "com.foo#Num"}},
	"com.foo#Num": {"type": "integer"},
	"com.foo#Kind": {"type": "enum", "members": {"A": {"target": "smithy.api#Unit"}}},
	"com.foo#OpError": {"type": "structure", "traits": {"smithy.api#error": "client"}},
	"com.foo#SvcError": {"type": "structure", "traits": {"smithy.api#error": "server"}},
	"com.foo#Unused": {"type": "string"}`

func TestServicesAreSortedByID(t *testing.T) {
	m := mustParse(t, doc(serviceModel))
	var got []ShapeID
	for _, s := range m.Services() {
		got = append(got, s.ID)
	}
	if diff := cmp.Diff([]ShapeID{"com.foo#Other", "com.foo#Svc"}, got); diff != "" {
		t.Errorf("services (-want +got):\n%s", diff)
	}
	svc := mustShape(t, m, "com.foo#Svc")
	if svc.Version != "2024-01-01" || svc.Rename["com.other#Alpha"] != "OtherAlpha" {
		t.Errorf("service version/rename = %q %v", svc.Version, svc.Rename)
	}
}

func TestServiceOperationsIncludeResourceOperationsOnceSortedByName(t *testing.T) {
	m := mustParse(t, doc(serviceModel))
	ops, err := m.ServiceOperations("com.foo#Svc")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, op := range ops {
		got = append(got, op.ID.Name())
	}
	want := []string{"Alpha", "BatchParts", "CreateThing", "DeletePart", "GetThing", "ListThings", "Zeta"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("operations (-want +got):\n%s", diff)
	}
	if _, err := m.ServiceOperations("com.foo#Missing"); err == nil {
		t.Errorf("missing service: no error")
	}
	if _, err := m.ServiceOperations("com.foo#Alpha"); err == nil {
		t.Errorf("non-service: no error")
	}
}

func TestOperationPaginatedMergesServiceDefaults(t *testing.T) {
	m := mustParse(t, doc(serviceModel))
	got := m.OperationPaginated("com.foo#Svc", "com.foo#ListThings")
	want := &Paginated{InputToken: "NextToken", OutputToken: "NextToken", Items: "Things", PageSize: "Limit"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("paginated (-want +got):\n%s", diff)
	}
	if p := m.OperationPaginated("com.foo#Svc", "com.foo#Zeta"); p != nil {
		t.Errorf("unpaginated operation got %+v", p)
	}
	if p := m.OperationPaginated("com.foo#Missing", "com.foo#ListThings"); p == nil || p.InputToken != "" {
		t.Errorf("without a service the op's own trait should be returned as is, got %+v", p)
	}
}

func TestWalkVisitsTheClosureOnceInIDOrder(t *testing.T) {
	m := mustParse(t, doc(serviceModel))
	var got []ShapeID
	m.Walk([]ShapeID{"com.foo#Zeta", "com.foo#Zeta", "com.foo#Nope"}, func(s *Shape) { got = append(got, s.ID) })
	want := []ShapeID{
		"com.foo#Dict", "com.foo#Kind", "com.foo#Names", "com.foo#Num", "com.foo#OpError",
		"com.foo#Zeta", "com.foo#ZetaInput", "com.foo#ZetaOutput", "smithy.api#String",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("walk (-want +got):\n%s", diff)
	}

	got = nil
	m.Walk([]ShapeID{"com.foo#Svc"}, func(s *Shape) { got = append(got, s.ID) })
	for _, id := range []ShapeID{"com.foo#SvcError", "com.foo#Thing", "com.foo#Part", "com.foo#BatchParts", "com.foo#ZetaInput"} {
		if !containsID(got, id) {
			t.Errorf("walk from the service missed %s", id)
		}
	}
	if containsID(got, "com.foo#Unused") || containsID(got, "smithy.api#Unit") {
		t.Errorf("walk reached unrelated shapes: %v", got)
	}
}
