package client

import (
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
)

func TestEndpoint(t *testing.T) {
	tests := []struct {
		name, region string
		base         *string
		want, err    string
	}{
		{"regional default", "us-west-2", nil, "https://svc.us-west-2.amazonaws.com", ""},
		{"China partition", "cn-north-1", nil, "https://svc.cn-north-1.amazonaws.com.cn", ""},
		{"base endpoint wins", "us-west-2", aws.String("http://127.0.0.1:8080/prefix"), "http://127.0.0.1:8080/prefix", ""},
		{"missing region", "", nil, "", "missing region"},
		{"region that is not a host label", "us-east-1.evil.com/", nil, "", "invalid region"},
		{"relative base endpoint", "us-east-1", aws.String("localhost:80"), "", "absolute"},
		{"base endpoint with a query", "us-east-1", aws.String("https://h/?a=b"), "", "query"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u, err := Endpoint("svc", tt.region, tt.base)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("want error containing %q, got %v", tt.err, err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if u.String() != tt.want {
				t.Errorf("got %s, want %s", u, tt.want)
			}
		})
	}
}

func TestResolveRetryer(t *testing.T) {
	if got := ResolveRetryer(nil, "", 0).MaxAttempts(); got != 3 {
		t.Errorf("default MaxAttempts = %d, want 3", got)
	}
	if got := ResolveRetryer(nil, aws.RetryModeAdaptive, 5).MaxAttempts(); got != 5 {
		t.Errorf("adaptive MaxAttempts = %d, want 5", got)
	}
	own := ResolveRetryer(nil, "", 2)
	if got := ResolveRetryer(own, "", 0); got != own {
		t.Error("a caller's retryer is kept as it is")
	}
	if got := ResolveRetryer(own, "", 9).MaxAttempts(); got != 9 {
		t.Errorf("RetryMaxAttempts over a caller's retryer = %d, want 9", got)
	}
}

func TestSortedKeys(t *testing.T) {
	got := SortedKeys(map[string]int{"b": 1, "a": 2, "c": 3})
	if strings.Join(got, ",") != "a,b,c" {
		t.Errorf("SortedKeys = %v", got)
	}
}
