package bench

import (
	"github.com/aws/aws-sdk-go-v2/aws"
	v2 "github.com/aws/aws-sdk-go-v2/service/storagegateway"
	"github.com/aws/smithy-go/middleware"

	gs "github.com/gosmith/gosmith/service/storagegateway"
)

// newGosmith returns gosmith's client over hc with default settings
// (standard retryer, no logging) except where maxAttempts is non-zero.
func newGosmith(hc gs.HTTPClient, maxAttempts int, apiOptions ...func(*middleware.Stack) error) *gs.Client {
	return gs.New(gs.Options{
		Region:           region,
		Credentials:      staticCredentials, // New wraps it in aws.CredentialsCache
		HTTPClient:       hc,
		RetryMaxAttempts: maxAttempts,
		APIOptions:       apiOptions,
	})
}

// newV2 returns aws-sdk-go-v2's client over hc with default settings
// (standard retryer, no logging, no-op tracer and meter, default endpoint
// resolver v2) except where maxAttempts is non-zero.
func newV2(hc v2.HTTPClient, maxAttempts int, apiOptions ...func(*middleware.Stack) error) *v2.Client {
	return v2.New(v2.Options{
		Region:           region,
		Credentials:      aws.NewCredentialsCache(staticCredentials),
		HTTPClient:       hc,
		RetryMaxAttempts: maxAttempts,
		APIOptions:       apiOptions,
	})
}
