package model

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// sharedModels is the read-only reference model directory beside the repo.
var sharedModels = filepath.Join("..", "..", "..", "shared", "models")

func sharedModel(t testing.TB, name string) string {
	t.Helper()
	p := filepath.Join(sharedModels, name)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("reference model %s not available (%v); these tests need ../shared/models beside the repo", name, err)
	}
	return p
}

func TestRealModelsLoad(t *testing.T) {
	tests := []struct {
		file    string
		service ShapeID
		ops     int
	}{
		{"storage-gateway.json", "com.amazonaws.storagegateway#StorageGateway_20130630", 96},
		{"dynamodb.json", "com.amazonaws.dynamodb#DynamoDB_20120810", 57},
		{"kinesis.json", "com.amazonaws.kinesis#Kinesis_20131202", 32},
		{"protocoltests-awsjson1_1.json", "aws.protocoltests.json#JsonProtocol", 18},
		{"protocoltests-awsjson1_0.json", "aws.protocoltests.json10#JsonRpc10", 16},
		{"legacy-smithy1.0/protocoltests-awsjson1_1.json", "aws.protocoltests.json#JsonProtocol", 12},
		{"legacy-smithy1.0/protocoltests-awsjson1_0.json", "aws.protocoltests.json10#JsonRpc10", 9},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			m, err := Load(sharedModel(t, tt.file))
			if err != nil {
				t.Fatal(err)
			}
			ops, err := m.ServiceOperations(tt.service)
			if err != nil {
				t.Fatal(err)
			}
			if len(ops) != tt.ops {
				t.Errorf("%s has %d operations, want %d", tt.service, len(ops), tt.ops)
			}
			// Every reachable member target must resolve: generators rely on it.
			m.Walk([]ShapeID{tt.service}, func(s *Shape) {
				for _, mem := range s.AllMembers() {
					if _, ok := m.Shapes[mem.Target]; !ok {
						t.Errorf("%s targets missing %s", mem.ID, mem.Target)
					}
				}
			})
		})
	}
}

func TestRealModelDetails(t *testing.T) {
	t.Run("dynamodb paginated operation merges service defaults", func(t *testing.T) {
		m, err := Load(sharedModel(t, "dynamodb.json"))
		if err != nil {
			t.Fatal(err)
		}
		p := m.OperationPaginated("com.amazonaws.dynamodb#DynamoDB_20120810", "com.amazonaws.dynamodb#ListContributorInsights")
		if p == nil || p.InputToken == "" || p.OutputToken == "" {
			t.Errorf("ListContributorInsights paginated = %+v", p)
		}
	})
	t.Run("awsjson1_0 mixin members are flattened", func(t *testing.T) {
		m, err := Load(sharedModel(t, "protocoltests-awsjson1_0.json"))
		if err != nil {
			t.Fatal(err)
		}
		s := mustShape(t, m, "aws.protocoltests.json10#OperationWithDefaultsOutput")
		if len(s.Members) == 0 || s.Members[0].Container != s.ID {
			t.Fatalf("mixin members not copied: %+v", s.Members)
		}
		if !mustShape(t, m, "aws.protocoltests.json10#DefaultsMixin").IsMixin() {
			t.Errorf("DefaultsMixin not marked as a mixin")
		}
		if !s.Traits.IsOutput() {
			t.Errorf("own @output trait lost")
		}
	})
	t.Run("legacy 1.0 boxing", func(t *testing.T) {
		m, err := Load(sharedModel(t, "legacy-smithy1.0/protocoltests-awsjson1_1.json"))
		if err != nil {
			t.Fatal(err)
		}
		boxed := mustShape(t, m, "com.amazonaws.machinelearning#floatLabel")
		if !boxed.Traits.Box() || boxed.SourceVersion != "1.0" {
			t.Errorf("floatLabel: box=%v version=%s", boxed.Traits.Box(), boxed.SourceVersion)
		}
		if _, ok := mustMember(t, m, "com.amazonaws.machinelearning#Prediction$predictedValue").Traits.Default(); ok {
			t.Errorf("member targeting @box float got a default")
		}
		for _, s := range m.Shapes {
			if s.Type != TypeStructure || s.Source == "prelude" {
				continue
			}
			for _, mem := range s.Members {
				_, hasDefault := mem.Traits.Default()
				switch mem.Target {
				case "com.amazonaws.machinelearning#floatLabel", "smithy.api#Integer", "smithy.api#Boolean":
					if hasDefault {
						t.Errorf("%s targets a boxed shape but got a default", mem.ID)
					}
				case "com.amazonaws.machinelearning#ScoreValue", "smithy.api#PrimitiveBoolean":
					if !hasDefault {
						t.Errorf("%s targets an unboxed shape but has no default", mem.ID)
					}
				}
			}
		}
	})
}

func TestLoadingStorageGatewayIsFast(t *testing.T) {
	p := sharedModel(t, "storage-gateway.json")
	if testing.Short() || raceEnabled {
		t.Skip("timing is meaningless under -race or -short")
	}
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	best := time.Hour
	for range 5 {
		start := time.Now()
		if _, err := Parse(p, data); err != nil {
			t.Fatal(err)
		}
		best = min(best, time.Since(start))
	}
	if best > 100*time.Millisecond {
		t.Errorf("loading storage-gateway.json took %v, want well under 100ms", best)
	}
	t.Logf("best of 5: %v", best)
}

func BenchmarkParseStorageGateway(b *testing.B) {
	data, err := os.ReadFile(sharedModel(b, "storage-gateway.json"))
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := Parse("storage-gateway.json", data); err != nil {
			b.Fatal(err)
		}
	}
}
