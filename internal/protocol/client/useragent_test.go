package client

import (
	"context"
	"regexp"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// userAgentOf runs the User-Agent middleware the way Invoke adds it, after
// apiOptions, and returns the header.
func userAgentOf(t *testing.T, cfg *Config, apiOptions ...func(*middleware.Stack) error) string {
	t.Helper()
	svc := &Service{ID: "Storage Gateway", APIName: "storagegateway", APIVersion: "2013-06-30"}
	stack := middleware.NewStack("Op", smithyhttp.NewStackRequest)
	if err := awsmiddleware.AddClientRequestIDMiddleware(stack); err != nil {
		t.Fatal(err)
	}
	for _, fn := range apiOptions {
		if err := fn(stack); err != nil {
			t.Fatal(err)
		}
	}
	if err := addUserAgent(stack, svc, cfg); err != nil {
		t.Fatal(err)
	}
	var got string
	h := middleware.DecorateHandler(middleware.HandlerFunc(func(ctx context.Context, in any) (any, middleware.Metadata, error) {
		got = in.(*smithyhttp.Request).Header.Get("User-Agent")
		return nil, middleware.Metadata{}, nil
	}), stack)
	if _, _, err := h.Handle(context.Background(), struct{}{}); err != nil {
		t.Fatal(err)
	}
	return got
}

func TestUserAgentFormat(t *testing.T) {
	cfg := &Config{AppID: "my app", Retryer: retry.NewStandard(), Credentials: aws.NewCredentialsCache(aws.AnonymousCredentials{})}
	got := userAgentOf(t, cfg)
	want := regexp.MustCompile(`^gosmith/\S+ ua/2\.1 os/\S+ lang/go#\S+ md/GOOS#\S+ md/GOARCH#\S+ api/storagegateway#2013-06-30 app/my-app m/E$`)
	if !want.MatchString(got) {
		t.Errorf("User-Agent = %q, want %s", got, want)
	}
	got = userAgentOf(t, &Config{Retryer: retry.NewAdaptiveMode()}, UserAgentFeature(awsmiddleware.UserAgentFeaturePaginator))
	if !regexp.MustCompile(`api/storagegateway#2013-06-30 m/C,F$`).MatchString(got) {
		t.Errorf("features: User-Agent = %q", got)
	}
}

// APIOptions written for aws-sdk-go-v2 add keys with its helpers: its
// middleware then builds the header, under gosmith's name.
func TestUserAgentWithV2Helpers(t *testing.T) {
	got := userAgentOf(t, &Config{AppID: "app1"}, awsmiddleware.AddUserAgentKeyValue("MyLib", "1.0"))
	want := regexp.MustCompile(`^gosmith/\S+ ua/2\.1 os/\S+ lang/go#\S+ md/GOOS#\S+ md/GOARCH#\S+ MyLib/1\.0 api/storagegateway#2013-06-30 app/app1$`)
	if !want.MatchString(got) {
		t.Errorf("User-Agent = %q, want %s", got, want)
	}
}
