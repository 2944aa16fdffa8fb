package customizations

import (
	"context"
	"fmt"
	"net/url"

	"github.com/aws/smithy-go"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// MachineLearningPredictEndpoint sends Predict to the real-time endpoint
// its input names (PredictEndpoint), as Amazon Machine Learning requires.
func MachineLearningPredictEndpoint(stack *middleware.Stack) error {
	if stack.ID() != "Predict" {
		return nil
	}
	return stack.Serialize.Insert(predictEndpoint{}, "ResolveEndpointV2", middleware.After)
}

type predictEndpoint struct{}

func (predictEndpoint) ID() string { return "MachineLearning:PredictEndpoint" }

func (predictEndpoint) HandleSerialize(ctx context.Context, in middleware.SerializeInput, next middleware.SerializeHandler) (
	middleware.SerializeOutput, middleware.Metadata, error,
) {
	req, ok := in.Request.(*smithyhttp.Request)
	if !ok {
		return middleware.SerializeOutput{}, middleware.Metadata{}, fmt.Errorf("unknown transport type %T", in.Request)
	}
	if endpoint, ok := stringField(structOf(in.Parameters), "PredictEndpoint"); ok && endpoint != "" {
		u, err := url.Parse(endpoint)
		if err != nil || u.Host == "" {
			return middleware.SerializeOutput{}, middleware.Metadata{}, &smithy.SerializationError{
				Err: fmt.Errorf("PredictEndpoint %q is not an absolute URL", endpoint),
			}
		}
		req.URL.Scheme, req.URL.Host = u.Scheme, u.Host
	}
	return next.HandleSerialize(ctx, in)
}
