package customizations

import (
	"context"
	"fmt"

	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// APIGatewayAccept sends "Accept: application/json" with every request:
// API Gateway answers some operations in another format without it.
func APIGatewayAccept(stack *middleware.Stack) error {
	return stack.Build.Add(setHeader{id: "APIGateway:AcceptHeader", name: "Accept", value: "application/json"}, middleware.After)
}

// setHeader sets a header on every request, unless it is already set.
type setHeader struct{ id, name, value string }

func (m setHeader) ID() string { return m.id }

func (m setHeader) HandleBuild(ctx context.Context, in middleware.BuildInput, next middleware.BuildHandler) (
	middleware.BuildOutput, middleware.Metadata, error,
) {
	req, ok := in.Request.(*smithyhttp.Request)
	if !ok {
		return middleware.BuildOutput{}, middleware.Metadata{}, fmt.Errorf("unknown transport type %T", in.Request)
	}
	if req.Header.Get(m.name) == "" {
		req.Header.Set(m.name, m.value)
	}
	return next.HandleBuild(ctx, in)
}
