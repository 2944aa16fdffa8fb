package jmespath

import (
	"fmt"
	"testing"
)

// BenchmarkSearchWaiter measures an ECS services-stable acceptor path over a
// DescribeServices-like output of ten services.
func BenchmarkSearchWaiter(b *testing.B) {
	e := MustCompile("length(services[?!(length(deployments) == `1` && runningCount == desiredCount)]) == `0`")
	services := make([]any, 10)
	for i := range services {
		services[i] = map[string]any{
			"serviceName":  fmt.Sprintf("service-%d", i),
			"status":       "ACTIVE",
			"deployments":  []any{map[string]any{"id": "ecs-svc/1", "status": "PRIMARY"}},
			"runningCount": 3.0,
			"desiredCount": 3.0,
		}
	}
	data := map[string]any{"services": services, "failures": []any{}}
	b.ReportAllocs()
	for b.Loop() {
		got, err := e.Search(data)
		if err != nil || got != true {
			b.Fatalf("got %v, %v", got, err)
		}
	}
}

// BenchmarkSearchField measures the simplest acceptor path, Table.TableStatus.
func BenchmarkSearchField(b *testing.B) {
	e := MustCompile("Table.TableStatus")
	data := map[string]any{"Table": map[string]any{"TableName": "t", "TableStatus": "ACTIVE"}}
	b.ReportAllocs()
	for b.Loop() {
		if got, _ := e.Search(data); got != "ACTIVE" {
			b.Fatal(got)
		}
	}
}

// BenchmarkCompileWaiter measures compiling the ECS acceptor path, which a
// generated client does once per process.
func BenchmarkCompileWaiter(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Compile("length(services[?!(length(deployments) == `1` && runningCount == desiredCount)]) == `0`"); err != nil {
			b.Fatal(err)
		}
	}
}
