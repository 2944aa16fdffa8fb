package storagegateway

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/aws/smithy-go"
	smithyauth "github.com/aws/smithy-go/auth"
	smithyendpoints "github.com/aws/smithy-go/endpoints"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// captureHost answers 200 {} and records each request and its body.
type captureHost struct {
	reqs   []*http.Request
	bodies [][]byte
}

func (c *captureHost) Do(r *http.Request) (*http.Response, error) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		return nil, err
	}
	c.reqs = append(c.reqs, r)
	c.bodies = append(c.bodies, body)
	return &http.Response{StatusCode: 200, Header: http.Header{}, Body: io.NopCloser(strings.NewReader("{}"))}, nil
}

func callWith(t *testing.T, opts Options) (*http.Request, error) {
	req, _, err := callCapture(t, opts)
	return req, err
}

func callCapture(t *testing.T, opts Options) (*http.Request, []byte, error) {
	t.Helper()
	capture := &captureHost{}
	opts.HTTPClient = capture
	if opts.Credentials == nil {
		opts.Credentials = staticCredentials("AKID", "SECRET", "")
	}
	_, err := New(opts).DescribeTapeRecoveryPoints(context.Background(), &DescribeTapeRecoveryPointsInput{GatewayARN: aws.String(gatewayARN)})
	if len(capture.reqs) == 0 {
		return nil, nil, err
	}
	return capture.reqs[len(capture.reqs)-1], capture.bodies[len(capture.bodies)-1], err
}

func TestEndpointVariantsFromOptions(t *testing.T) {
	tests := []struct {
		name string
		opts Options
		host string
		err  string
	}{
		{"regional", Options{Region: "us-east-1"}, "storagegateway.us-east-1.amazonaws.com", ""},
		{"FIPS", Options{Region: "us-east-1", EndpointOptions: EndpointResolverOptions{UseFIPSEndpoint: aws.FIPSEndpointStateEnabled}}, "storagegateway-fips.us-east-1.amazonaws.com", ""},
		{"dual-stack", Options{Region: "eu-west-1", EndpointOptions: EndpointResolverOptions{UseDualStackEndpoint: aws.DualStackEndpointStateEnabled}}, "storagegateway.eu-west-1.api.aws", ""},
		{"China", Options{Region: "cn-northwest-1"}, "storagegateway.cn-northwest-1.amazonaws.com.cn", ""},
		{"FIPS pseudo-region", Options{Region: "fips-us-west-2"}, "storagegateway-fips.us-west-2.amazonaws.com", ""},
		{"BaseEndpoint", Options{Region: "us-east-1", BaseEndpoint: aws.String("https://vpce-1.storagegateway.example")}, "vpce-1.storagegateway.example", ""},
		{"BaseEndpoint with FIPS is an error", Options{Region: "us-east-1", BaseEndpoint: aws.String("https://x.example"), EndpointOptions: EndpointResolverOptions{UseFIPSEndpoint: aws.FIPSEndpointStateEnabled}}, "", "FIPS and custom endpoint are not supported"},
		{"dual-stack where the partition has none", Options{Region: "us-iso-east-1", EndpointOptions: EndpointResolverOptions{UseDualStackEndpoint: aws.DualStackEndpointStateEnabled}}, "", "does not support DualStack"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, err := callWith(t, tt.opts)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("want error %q, got %v", tt.err, err)
				}
				if req != nil {
					t.Error("a request was sent despite the endpoint error")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if req.URL.Host != tt.host {
				t.Errorf("host = %s, want %s", req.URL.Host, tt.host)
			}
		})
	}
}

type fixedResolver struct{ url string }

func (r fixedResolver) ResolveEndpoint(_ context.Context, p EndpointParameters) (smithyendpoints.Endpoint, error) {
	if p.Region == nil || *p.Region != "ap-south-1" {
		return smithyendpoints.Endpoint{}, errors.New("resolver did not get the region")
	}
	u, err := http.NewRequest("GET", r.url, nil)
	if err != nil {
		return smithyendpoints.Endpoint{}, err
	}
	return smithyendpoints.Endpoint{URI: *u.URL, Headers: http.Header{"X-Routed": {"yes"}}}, nil
}

func TestCustomEndpointResolverV2(t *testing.T) {
	req, err := callWith(t, Options{Region: "ap-south-1", EndpointResolverV2: fixedResolver{url: "https://custom.example/base"}})
	if err != nil {
		t.Fatal(err)
	}
	if req.URL.String() != "https://custom.example/base/" || req.Header.Get("X-Routed") != "yes" {
		t.Errorf("URL %s, X-Routed %q", req.URL, req.Header.Get("X-Routed"))
	}
}

// fixedTimeSigner signs at one instant, so signatures are reproducible.
type fixedTimeSigner struct{ at time.Time }

func (s fixedTimeSigner) SignHTTP(ctx context.Context, c aws.Credentials, r *http.Request, hash, service, region string, _ time.Time, optFns ...func(*v4.SignerOptions)) error {
	return v4.NewSigner().SignHTTP(ctx, c, r, hash, service, region, s.at, optFns...)
}

func TestHTTPSignerV4WithAFixedClockIsReproducible(t *testing.T) {
	at := time.Date(2024, 6, 11, 12, 0, 0, 0, time.UTC)
	var auths []string
	for i := 0; i < 2; i++ {
		req, body, err := callCapture(t, Options{Region: "us-east-1", HTTPSignerV4: fixedTimeSigner{at: at}, Credentials: staticCredentials("AKID", "SECRET", "TOKEN")})
		if err != nil {
			t.Fatal(err)
		}
		// amz-sdk-invocation-id is random per call and signed; drop it to compare.
		req.Header.Del("Amz-Sdk-Invocation-Id")
		req.Header.Del("Authorization")
		if got := req.Header.Get("X-Amz-Date"); got != "20240611T120000Z" {
			t.Errorf("X-Amz-Date = %s", got)
		}
		if err := v4.NewSigner().SignHTTP(context.Background(), aws.Credentials{AccessKeyID: "AKID", SecretAccessKey: "SECRET", SessionToken: "TOKEN"},
			req, sha256Hex(body), "storagegateway", "us-east-1", at); err != nil {
			t.Fatal(err)
		}
		auths = append(auths, req.Header.Get("Authorization"))
	}
	if auths[0] != auths[1] || !strings.HasPrefix(auths[0], "AWS4-HMAC-SHA256 Credential=AKID/20240611/us-east-1/storagegateway/aws4_request") {
		t.Errorf("signatures differ or are malformed:\n%s\n%s", auths[0], auths[1])
	}
}

// Credentials that expire are fetched again; valid ones are cached.
func TestExpiredCredentialsAreRefreshed(t *testing.T) {
	var fetches atomic.Int32
	provider := aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
		n := fetches.Add(1)
		return aws.Credentials{
			AccessKeyID: "AKID" + string(rune('0'+n)), SecretAccessKey: "SECRET",
			CanExpire: true, Expires: time.Now().Add(-time.Second), // already expired
		}, nil
	})
	capture := &captureHost{}
	c := New(Options{Region: "us-east-1", Credentials: provider, HTTPClient: capture})
	for i := 0; i < 2; i++ {
		if _, err := c.DescribeTapeRecoveryPoints(context.Background(), &DescribeTapeRecoveryPointsInput{GatewayARN: aws.String(gatewayARN)}); err != nil {
			t.Fatal(err)
		}
	}
	if fetches.Load() != 2 {
		t.Errorf("provider called %d times, want 2 (expired credentials are fetched again)", fetches.Load())
	}
	if a, b := capture.reqs[0].Header.Get("Authorization"), capture.reqs[1].Header.Get("Authorization"); !strings.Contains(a, "AKID1/") || !strings.Contains(b, "AKID2/") {
		t.Errorf("requests were not signed with the refreshed keys:\n%s\n%s", a, b)
	}

	fetches.Store(0)
	cached := aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
		fetches.Add(1)
		return aws.Credentials{AccessKeyID: "AKID", SecretAccessKey: "SECRET", CanExpire: true, Expires: time.Now().Add(time.Hour)}, nil
	})
	c = New(Options{Region: "us-east-1", Credentials: cached, HTTPClient: &captureHost{}})
	for i := 0; i < 3; i++ {
		if _, err := c.DescribeTapeRecoveryPoints(context.Background(), &DescribeTapeRecoveryPointsInput{GatewayARN: aws.String(gatewayARN)}); err != nil {
			t.Fatal(err)
		}
	}
	if fetches.Load() != 1 {
		t.Errorf("provider called %d times for valid credentials, want 1", fetches.Load())
	}
}

func sha256Hex(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

type authSchemeResolver struct{}

func (authSchemeResolver) ResolveEndpoint(_ context.Context, p EndpointParameters) (smithyendpoints.Endpoint, error) {
	ep, err := NewDefaultEndpointResolverV2().ResolveEndpoint(context.Background(), p)
	// As aws-sdk-go-v2's resolvers attach a rule's authSchemes.
	var props smithy.Properties
	smithyhttp.SetSigV4SigningName(&props, "custom")
	smithyhttp.SetSigV4SigningRegion(&props, "us-west-1")
	smithyauth.SetAuthOptions(&ep.Properties, []*smithyauth.Option{{SchemeID: "aws.auth#sigv4", SignerProperties: props}})
	return ep, err
}

// An endpoint's sigv4 auth option overrides the signing name and region.
func TestEndpointAuthSchemeOverridesSigning(t *testing.T) {
	req, err := callWith(t, Options{Region: "us-east-1", EndpointResolverV2: authSchemeResolver{}})
	if err != nil {
		t.Fatal(err)
	}
	if auth := req.Header.Get("Authorization"); !strings.Contains(auth, "/us-west-1/custom/aws4_request") {
		t.Errorf("Authorization = %s, want the scope us-west-1/custom", auth)
	}
}
