package client

import (
	"errors"

	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// addInterceptors puts smithy-go's interceptor middleware where
// aws-sdk-go-v2 puts it: around the serializer, the retry loop, each
// attempt, signing, transmission and the deserializer. Like aws-sdk-go-v2
// it adds nothing when no interceptor is registered.
func addInterceptors(stack *middleware.Stack, r *smithyhttp.InterceptorRegistry) error {
	if !hasInterceptors(r) {
		return nil
	}
	return errors.Join(
		stack.Finalize.Insert(&smithyhttp.InterceptBeforeRetryLoop{Interceptors: r.BeforeRetryLoop}, "Retry", middleware.Before),
		stack.Finalize.Insert(&smithyhttp.InterceptAttempt{BeforeAttempt: r.BeforeAttempt, AfterAttempt: r.AfterAttempt}, "Retry", middleware.After),
		stack.Initialize.Add(&smithyhttp.InterceptExecution{BeforeExecution: r.BeforeExecution, AfterExecution: r.AfterExecution}, middleware.Before),
		stack.Serialize.Insert(&smithyhttp.InterceptBeforeSerialization{Interceptors: r.BeforeSerialization}, "OperationSerializer", middleware.Before),
		stack.Serialize.Insert(&smithyhttp.InterceptAfterSerialization{Interceptors: r.AfterSerialization}, "OperationSerializer", middleware.After),
		stack.Finalize.Insert(&smithyhttp.InterceptBeforeSigning{Interceptors: r.BeforeSigning}, "Signing", middleware.Before),
		stack.Finalize.Insert(&smithyhttp.InterceptAfterSigning{Interceptors: r.AfterSigning}, "Signing", middleware.After),
		stack.Deserialize.Add(&smithyhttp.InterceptTransmit{BeforeTransmit: r.BeforeTransmit, AfterTransmit: r.AfterTransmit}, middleware.After),
		// The deserialize step runs in reverse: After is closer to the
		// transport, so it sees the response first.
		stack.Deserialize.Insert(&smithyhttp.InterceptBeforeDeserialization{Interceptors: r.BeforeDeserialization}, "OperationDeserializer", middleware.After),
		stack.Deserialize.Insert(&smithyhttp.InterceptAfterDeserialization{Interceptors: r.AfterDeserialization}, "OperationDeserializer", middleware.Before),
	)
}

// hasInterceptors reports whether r (nil: none) registers any interceptor.
func hasInterceptors(r *smithyhttp.InterceptorRegistry) bool {
	return r != nil && (len(r.BeforeExecution) != 0 || len(r.AfterExecution) != 0 ||
		len(r.BeforeSerialization) != 0 || len(r.AfterSerialization) != 0 ||
		len(r.BeforeRetryLoop) != 0 ||
		len(r.BeforeAttempt) != 0 || len(r.AfterAttempt) != 0 ||
		len(r.BeforeSigning) != 0 || len(r.AfterSigning) != 0 ||
		len(r.BeforeTransmit) != 0 || len(r.AfterTransmit) != 0 ||
		len(r.BeforeDeserialization) != 0 || len(r.AfterDeserialization) != 0)
}
