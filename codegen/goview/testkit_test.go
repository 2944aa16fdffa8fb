package goview

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/gosmith/gosmith/codegen/model"
)

// The fake client's generated names yield to its operation methods, and its
// import of the client package to its own declarations.
func TestFakeNamesYieldToOperations(t *testing.T) {
	m, err := model.Parse("test.json", []byte(`{"smithy":"2.0","shapes":{
	"t.s#Svc":{"type":"service","version":"1","operations":[{"target":"t.s#Calls"},{"target":"t.s#List"},{"target":"t.s#ListFunc"},{"target":"t.s#Options"}],
		"traits":{"aws.protocols#awsJson1_1":{}}},
	"t.s#Calls":{"type":"operation"},
	"t.s#List":{"type":"operation"},
	"t.s#ListFunc":{"type":"operation"},
	"t.s#Options":{"type":"operation"}}}`))
	if err != nil {
		t.Fatal(err)
	}
	pkg, err := Build(m, Config{ImportPath: "example.com/x", Package: "Client"})
	if err != nil {
		t.Fatal(err)
	}
	funcs := map[string]string{}
	for _, op := range pkg.Operations {
		funcs[op.Name] = op.FakeFunc
	}
	want := map[string]string{"Calls": "CallsFunc", "List": "ListFunc_", "ListFunc": "ListFuncFunc", "Options_": "Options_Func"}
	if diff := cmp.Diff(want, funcs); diff != "" {
		t.Errorf("func fields by operation (-want +got):\n%s", diff)
	}
	wantFake := &Fake{ImportPath: "example.com/x/fake", Type: "Client", Call: "Call", ClientImport: "Client_", Calls: "Calls_"}
	if diff := cmp.Diff(wantFake, pkg.Fake); diff != "" {
		t.Errorf("fake names (-want +got):\n%s", diff)
	}

	pkg, err = Build(m, Config{ImportPath: "example.com/x", Package: "x", OmitFake: true})
	if err != nil {
		t.Fatal(err)
	}
	if pkg.Fake != nil {
		t.Errorf("OmitFake: Fake = %+v, want nil", pkg.Fake)
	}
}
