//lint:file-ignore SA1019 tests of aws-sdk-go-v2's deprecated v1 endpoint API

package client

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	smithyendpoints "github.com/aws/smithy-go/endpoints"
)

func TestCallEndpointOptionsMapsFIPSPseudoRegions(t *testing.T) {
	for _, tt := range []struct{ region, resolved string }{
		{"us-east-1", ""},
		{"fips-us-east-1", "us-east-1"},
		{"us-east-1-fips", "us-east-1"},
		{"us-gov-fips-west-1", "us-gov-west-1"},
	} {
		o := CallEndpointOptions(EndpointOptions{}, tt.region, aws.LogDeprecatedUsage)
		if o.ResolvedRegion != tt.resolved || (tt.resolved != "") != (o.UseFIPSEndpoint == aws.FIPSEndpointStateEnabled) || !o.LogDeprecated {
			t.Errorf("%s: %+v", tt.region, o)
		}
		want := tt.resolved
		if want == "" {
			want = tt.region
		}
		if got := *EndpointRegion(tt.region); got != want {
			t.Errorf("EndpointRegion(%s) = %s, want %s", tt.region, got, want)
		}
	}
	if EndpointRegion("") != nil {
		t.Error("an empty region is an unset parameter")
	}
}

func TestDefaultV1Resolver(t *testing.T) {
	var asked struct {
		region          string
		fips, dualStack bool
	}
	r := NewDefaultV1Resolver(func(_ context.Context, region string, fips, dualStack bool) (smithyendpoints.Endpoint, error) {
		asked.region, asked.fips, asked.dualStack = region, fips, dualStack
		return RegionalEndpoint("svc", &region, nil, false, false)
	})
	if _, err := r.ResolveEndpoint("", EndpointOptions{}); !errors.As(err, new(*aws.MissingRegionError)) {
		t.Errorf("an empty region: %v", err)
	}
	ep, err := r.ResolveEndpoint("fips-cn-north-1", EndpointOptions{ResolvedRegion: "cn-north-1", UseFIPSEndpoint: aws.FIPSEndpointStateEnabled, DisableHTTPS: true})
	if err != nil {
		t.Fatal(err)
	}
	if asked.region != "cn-north-1" || !asked.fips || asked.dualStack {
		t.Errorf("rules asked with %+v", asked)
	}
	want := aws.Endpoint{URL: "http://svc.cn-north-1.amazonaws.com.cn", PartitionID: "aws-cn", SigningRegion: "cn-north-1", SigningMethod: "v4"}
	if ep != want {
		t.Errorf("got %+v, want %+v", ep, want)
	}
}

func TestEndpointFromURL(t *testing.T) {
	ep, _ := EndpointFromURL("http://localhost:4566")("eu-west-1", EndpointOptions{})
	if ep.URL != "http://localhost:4566" || ep.SigningRegion != "eu-west-1" || ep.Source != aws.EndpointSourceCustom {
		t.Errorf("got %+v", ep)
	}
	ep, _ = EndpointFromURL("http://localhost:4566", func(e *aws.Endpoint) { e.SigningRegion = "us-east-1" })("eu-west-1", EndpointOptions{})
	if ep.SigningRegion != "us-east-1" {
		t.Errorf("optFns' signing region: got %+v", ep)
	}
}

func TestDefaultsMode(t *testing.T) {
	if got := ResolveDefaultsMode("", "", "us-east-1", aws.RuntimeEnvironment{}); got != aws.DefaultsModeLegacy {
		t.Errorf("unset mode = %q, want legacy", got)
	}
	if got := ResolveDefaultsMode("", aws.DefaultsModeAuto, "us-east-1", aws.RuntimeEnvironment{EnvironmentIdentifier: "AWS_Lambda_go1.x", Region: "us-east-1"}); got != aws.DefaultsModeInRegion {
		t.Errorf("auto in the client's region = %q, want in-region", got)
	}
	if got := ResolveDefaultsMode(aws.DefaultsModeMobile, aws.DefaultsModeStandard, "", aws.RuntimeEnvironment{}); got != aws.DefaultsModeMobile {
		t.Errorf("a mode settled before is kept, got %q", got)
	}
	if got := DefaultRetryMode("", aws.DefaultsModeLegacy); got != aws.RetryModeStandard {
		t.Errorf("legacy retry mode = %q", got)
	}
	if got := DefaultRetryMode(aws.RetryModeAdaptive, aws.DefaultsModeStandard); got != aws.RetryModeAdaptive {
		t.Errorf("the caller's retry mode wins, got %q", got)
	}
	for mode, want := range map[aws.DefaultsMode]time.Duration{
		aws.DefaultsModeInRegion:    1100 * time.Millisecond,
		aws.DefaultsModeCrossRegion: 3100 * time.Millisecond,
		aws.DefaultsModeMobile:      30 * time.Second,
		aws.DefaultsModeStandard:    3100 * time.Millisecond,
	} {
		c := ResolveHTTPClient(nil, mode).(*awshttp.BuildableClient)
		if got := c.GetDialer().Timeout; got != want {
			t.Errorf("%s: connect timeout %v, want %v", mode, got, want)
		}
		if got := c.GetTransport().TLSHandshakeTimeout; got != want {
			t.Errorf("%s: TLS handshake timeout %v, want %v", mode, got, want)
		}
	}
	legacy := ResolveHTTPClient(nil, aws.DefaultsModeLegacy).(*awshttp.BuildableClient)
	if got := legacy.GetDialer().Timeout; got != awshttp.NewBuildableClient().GetDialer().Timeout {
		t.Errorf("legacy keeps aws-sdk-go-v2's dialer timeout, got %v", got)
	}
}
