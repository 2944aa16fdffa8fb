package storagegateway

import (
	"context"
	"errors"
	"os"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
)

// envSource and fileSource stand in for config.LoadDefaultConfig's
// environment and shared-config sources, in its order.
type envSource struct {
	service string // AWS_ENDPOINT_URL_STORAGE_GATEWAY
	ignore  *bool  // AWS_IGNORE_CONFIGURED_ENDPOINT_URLS
}

func (s envSource) GetServiceBaseEndpoint(_ context.Context, sdkID string) (string, bool, error) {
	if sdkID != ServiceID {
		return "", false, errors.New("asked for " + sdkID)
	}
	return s.service, s.service != "", nil
}

func (s envSource) GetIgnoreConfiguredEndpoints(context.Context) (bool, bool, error) {
	if s.ignore == nil {
		return false, false, nil
	}
	return *s.ignore, true, nil
}

type fileSource struct {
	service string // services section: storage_gateway = endpoint_url
}

func (s fileSource) GetServiceBaseEndpoint(_ context.Context, sdkID string) (string, bool, error) {
	return s.service, s.service != "", nil
}

// NewFromConfig picks the base endpoint as aws-sdk-go-v2 does; a wrong pick
// sends test traffic to real AWS, or real traffic to a test server.
func TestNewFromConfigServiceEndpoint(t *testing.T) {
	yes := true
	for _, tc := range []struct {
		name      string
		globalEnv string // AWS_ENDPOINT_URL, "" for unset
		ownEnv    bool   // AWS_ENDPOINT_URL_STORAGE_GATEWAY is set
		base      string // cfg.BaseEndpoint, "" for nil
		env       envSource
		file      fileSource
		want      string // "" for nil
	}{
		{name: "nothing configured", want: ""},
		{name: "global only", base: "http://global", want: "http://global"},
		{name: "service env beats global", globalEnv: "http://global", base: "http://global", ownEnv: true,
			env: envSource{service: "http://sg-env"}, want: "http://sg-env"},
		{name: "services section beats endpoint_url in the file", base: "http://file-global",
			file: fileSource{service: "http://sg-file"}, want: "http://sg-file"},
		{name: "service env beats services section", ownEnv: true,
			env: envSource{service: "http://sg-env"}, file: fileSource{service: "http://sg-file"}, want: "http://sg-env"},
		{name: "global env beats services section", globalEnv: "http://global", base: "http://global",
			file: fileSource{service: "http://sg-file"}, want: "http://global"},
		{name: "ignore configured endpoints", ownEnv: true,
			env: envSource{service: "http://sg-env", ignore: &yes}, file: fileSource{service: "http://sg-file"}, want: ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv("AWS_ENDPOINT_URL", tc.globalEnv)
			t.Setenv("AWS_ENDPOINT_URL_STORAGE_GATEWAY", tc.env.service)
			if tc.globalEnv == "" {
				unsetenv(t, "AWS_ENDPOINT_URL")
			}
			if !tc.ownEnv {
				unsetenv(t, "AWS_ENDPOINT_URL_STORAGE_GATEWAY")
			}
			cfg := aws.Config{Region: "us-east-1", ConfigSources: []any{tc.env, tc.file}}
			if tc.base != "" {
				cfg.BaseEndpoint = aws.String(tc.base)
			}
			got := aws.ToString(NewFromConfig(cfg).Options().BaseEndpoint)
			if got != tc.want {
				t.Errorf("BaseEndpoint = %q, want %q", got, tc.want)
			}
		})
	}
}

// unsetenv removes an environment variable for the rest of the test (t.Setenv
// first, so it is restored afterwards).
func unsetenv(t *testing.T, key string) {
	t.Helper()
	t.Setenv(key, "")
	if err := os.Unsetenv(key); err != nil {
		t.Fatal(err)
	}
}
