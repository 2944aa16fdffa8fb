package endpoints

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// modelDir holds the shared AWS models; they are reference data owned by
// the workspace, not by this repository, so tests skip without them.
const modelDir = "../../../../shared/models"

// endpointTestCase is one entry of a smithy.rules#endpointTests trait.
type endpointTestCase struct {
	Documentation string         `json:"documentation"`
	Params        map[string]any `json:"params"`
	Expect        struct {
		Error    *string `json:"error"`
		Endpoint *struct {
			URL        string              `json:"url"`
			Headers    map[string][]string `json:"headers"`
			Properties map[string]any      `json:"properties"`
		} `json:"endpoint"`
	} `json:"expect"`
}

// loadModelRules returns the raw rule set and the test cases of service
// shapeID in the shared model file.
func loadModelRules(t testing.TB, file, shapeID string) (json.RawMessage, []endpointTestCase) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(modelDir, file))
	if errors.Is(err, os.ErrNotExist) {
		t.Skipf("shared model %s not found in %s; these tests need the workspace's shared/models", file, modelDir)
	}
	if err != nil {
		t.Fatal(err)
	}
	var model struct {
		Shapes map[string]struct {
			Traits struct {
				RuleSet json.RawMessage `json:"smithy.rules#endpointRuleSet"`
				Tests   struct {
					TestCases []endpointTestCase `json:"testCases"`
				} `json:"smithy.rules#endpointTests"`
			} `json:"traits"`
		} `json:"shapes"`
	}
	if err := json.Unmarshal(data, &model); err != nil {
		t.Fatalf("decode %s: %v", file, err)
	}
	shape, ok := model.Shapes[shapeID]
	if !ok || shape.Traits.RuleSet == nil {
		t.Fatalf("%s: no endpoint rule set on %s", file, shapeID)
	}
	return shape.Traits.RuleSet, shape.Traits.Tests.TestCases
}

// runEndpointTests resolves every test case and checks the URL, headers
// and properties, or the exact error message. It returns how many passed.
func runEndpointTests(t *testing.T, file, shapeID string, wantCases int) {
	raw, cases := loadModelRules(t, file, shapeID)
	if len(cases) != wantCases {
		t.Errorf("%s has %d endpoint test cases, want %d", file, len(cases), wantCases)
	}
	rs, err := Parse(raw)
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	passed := 0
	for i, tc := range cases {
		ok := t.Run(tc.Documentation, func(t *testing.T) {
			ep, err := rs.Resolve(Params(tc.Params))
			if want := tc.Expect.Error; want != nil {
				if err == nil {
					t.Fatalf("case %d: got endpoint %q, want error %q", i, ep.URL, *want)
				}
				var re *RuleError
				if !errors.As(err, &re) {
					t.Errorf("case %d: error %v is %T, want *RuleError", i, err, err)
				}
				if err.Error() != *want {
					t.Fatalf("case %d: error %q, want %q", i, err.Error(), *want)
				}
				return
			}
			if err != nil {
				t.Fatalf("case %d: %v", i, err)
			}
			want := tc.Expect.Endpoint
			if want == nil {
				t.Fatalf("case %d: test case expects neither endpoint nor error", i)
			}
			if ep.URL != want.URL {
				t.Errorf("case %d: URL %q, want %q", i, ep.URL, want.URL)
			}
			if diff := cmp.Diff(want.Headers, ep.Headers, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("case %d: headers (-want +got):\n%s", i, diff)
			}
			if diff := cmp.Diff(want.Properties, ep.Properties, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("case %d: properties (-want +got):\n%s", i, diff)
			}
		})
		if ok {
			passed++
		}
	}
	t.Logf("%s: %d/%d endpoint test cases passed", file, passed, len(cases))
}

func TestStorageGatewayEndpointTests(t *testing.T) {
	runEndpointTests(t, "storage-gateway.json", "com.amazonaws.storagegateway#StorageGateway_20130630", 53)
}

func TestDynamoDBEndpointTests(t *testing.T) {
	runEndpointTests(t, "dynamodb.json", "com.amazonaws.dynamodb#DynamoDB_20120810", 367)
}

func TestKinesisEndpointTests(t *testing.T) {
	runEndpointTests(t, "kinesis.json", "com.amazonaws.kinesis#Kinesis_20131202", 162)
}
