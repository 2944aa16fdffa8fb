package client

import (
	"context"
	"errors"
	"testing"

	smithyendpoints "github.com/aws/smithy-go/endpoints"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"

	"github.com/gosmith/gosmith/internal/protocol/endpoints"
)

// TestResolveEndpointErrors: a resolver's error reads as aws-sdk-go-v2's
// does, and a rule's error stays reachable with errors.As.
func TestResolveEndpointErrors(t *testing.T) {
	rule := &endpoints.RuleError{Message: "Invalid ARN: Failed to parse ARN."}
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"rule error", rule, "failed to resolve service endpoint, endpoint rule error, Invalid ARN: Failed to parse ARN."},
		{"other error", errors.New("no credentials"), "failed to resolve service endpoint, no credentials"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := &resolveEndpoint{cfg: &Config{ResolveEndpoint: func(context.Context, any) (smithyendpoints.Endpoint, error) {
				return smithyendpoints.Endpoint{}, tt.err
			}}}
			_, _, err := m.HandleSerialize(context.Background(), middleware.SerializeInput{Request: smithyhttp.NewStackRequest()}, nil)
			if err == nil || err.Error() != tt.want {
				t.Fatalf("error %v, want %q", err, tt.want)
			}
			if !errors.Is(err, tt.err) {
				t.Errorf("%v does not wrap %v", err, tt.err)
			}
		})
	}
}
