package main

// trickyTestKitCases are models whose names meet the test kit's: the API
// interface, the fake package and its Client's fields and methods.
func trickyTestKitCases() []trickyCase {
	return []trickyCase{
		{
			name: "a client package named fake with shapes and operations named API, Calls, Call, Client, X and XFunc keeps a working fake",
			pkg:  "fake",
			model: doc(svc("API", "Calls", "List", "ListFunc", "Options"),
				`"ex#API":{"type":"operation","input":{"target":"ex#APIRequest"},"output":{"target":"ex#APIRequest"}}`,
				`"ex#APIRequest":{"type":"structure","members":{"api":{"target":"ex#APIShape"},"call":{"target":"ex#Call"},"client":{"target":"ex#Client"}}}`,
				`"ex#APIShape":{"type":"structure","members":{"a":{"target":"smithy.api#String"}}}`,
				`"ex#Call":{"type":"structure","members":{"a":{"target":"smithy.api#String"}}}`,
				`"ex#Client":{"type":"structure","members":{"a":{"target":"smithy.api#String"}}}`,
				`"ex#Calls":{"type":"operation"}`,
				`"ex#List":{"type":"operation","input":{"target":"ex#ListIn"},"output":{"target":"ex#ListOut"},"traits":{"smithy.api#paginated":{"inputToken":"nextToken","outputToken":"nextToken","items":"items"}}}`,
				`"ex#ListIn":{"type":"structure","members":{"nextToken":{"target":"smithy.api#String"}}}`,
				`"ex#ListOut":{"type":"structure","members":{"nextToken":{"target":"smithy.api#String"},"items":{"target":"ex#Names"}}}`,
				`"ex#Names":{"type":"list","member":{"target":"smithy.api#String"}}`,
				`"ex#ListFunc":{"type":"operation"}`,
				`"ex#Options":{"type":"operation"}`),
			smokeIn: "fake",
			smoke: `
import (
	"context"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"

	svc "$PKG"
	"$PKG/types"
)

var (
	_ svc.API           = (*svc.Client)(nil)
	_ svc.API           = (*Client)(nil)
	_ svc.ListAPIClient = (*Client)(nil)
)

func TestFakeBesideClashingNames(t *testing.T) {
	f := &Client{
		APIFunc: func(_ context.Context, in *svc.APIInput, _ ...func(*svc.Options)) (*svc.APIOutput, error) {
			return &svc.APIOutput{Api: in.Api, Call: &types.Call{A: aws.String("c")}, Client: &types.Client{}}, nil
		},
		CallsFunc: func(context.Context, *svc.CallsInput, ...func(*svc.Options)) (*svc.CallsOutput, error) {
			return &svc.CallsOutput{}, nil
		},
		// List's func yields to the ListFunc operation's method.
		ListFunc_: func(_ context.Context, in *svc.ListInput, _ ...func(*svc.Options)) (*svc.ListOutput, error) {
			if in.NextToken == nil {
				return &svc.ListOutput{Items: []string{"a"}, NextToken: aws.String("t")}, nil
			}
			return &svc.ListOutput{Items: []string{"b"}}, nil
		},
		Options_Func: func(context.Context, *svc.Options_Input, ...func(*svc.Options)) (*svc.Options_Output, error) {
			return &svc.Options_Output{}, nil
		},
	}
	ctx := context.Background()
	out, err := f.API(ctx, &svc.APIInput{Api: &types.APIShape{A: aws.String("x")}})
	if err != nil || aws.ToString(out.Api.A) != "x" || aws.ToString(out.Call.A) != "c" {
		t.Fatalf("API: %+v, %v", out, err)
	}
	if _, err := f.Calls(ctx, nil); err != nil {
		t.Fatal(err)
	}
	var items []string
	for p := svc.NewListPaginator(f, nil); p.HasMorePages(); {
		page, err := p.NextPage(ctx)
		if err != nil {
			t.Fatal(err)
		}
		items = append(items, page.Items...)
	}
	if _, err := f.Options_(ctx, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := f.ListFunc(ctx, nil); err == nil || !strings.Contains(err.Error(), "fake fake: ListFunc called, but ListFuncFunc is not set") {
		t.Errorf("ListFunc with ListFuncFunc unset: %v", err)
	}
	var ops []string
	for _, c := range f.Calls_() {
		ops = append(ops, c.Operation)
	}
	if strings.Join(items, ",") != "a,b" || strings.Join(ops, ",") != "API,Calls,List,List,Options_,ListFunc" {
		t.Errorf("items %v, calls %v", items, ops)
	}
}
`,
		},
		{
			name:    "a client package named Client is imported by its fake under another name",
			pkg:     "Client",
			model:   doc(svc("Get"), `"ex#Get":{"type":"operation"}`),
			smokeIn: "fake",
			smoke: `
import (
	"context"
	"testing"

	svc "$PKG"
)

func TestFakeOfPackageClient(t *testing.T) {
	var api svc.API = &Client{GetFunc: func(context.Context, *svc.GetInput, ...func(*svc.Options)) (*svc.GetOutput, error) {
		return &svc.GetOutput{}, nil
	}}
	if _, err := api.Get(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
}
`,
		},
	}
}
