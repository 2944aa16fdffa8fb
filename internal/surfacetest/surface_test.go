//lint:file-ignore SA1019 the tests call aws-sdk-go-v2's deprecated v1 endpoint API on purpose

package surfacetest

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/aws-sdk-go-v2/config"
	v2 "github.com/aws/aws-sdk-go-v2/service/storagegateway"
	"github.com/aws/smithy-go"
	smithyauth "github.com/aws/smithy-go/auth"
	"github.com/aws/smithy-go/metrics"
	"github.com/aws/smithy-go/middleware"
	"github.com/aws/smithy-go/tracing"
	smithyhttp "github.com/aws/smithy-go/transport/http"

	sg "github.com/gosmith/gosmith/service/storagegateway"
)

const gatewayARN = "arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-12A3456B"

var creds = aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
	return aws.Credentials{AccessKeyID: "AKID", SecretAccessKey: "SECRET", Source: "test"}, nil
})

// settings configure one call, made the same way through gosmith's client
// and aws-sdk-go-v2's, so their behaviour can be compared.
type settings struct {
	baseEndpoint   string
	legacy         func(region string) (aws.Endpoint, error) // the deprecated EndpointResolver
	appID          string
	defaultsMode   aws.DefaultsMode
	tracer         tracing.TracerProvider
	meter          metrics.MeterProvider
	interceptors   smithyhttp.InterceptorRegistry
	authResolver   func(operation, region string) []*smithyauth.Option
	authSchemes    []smithyhttp.AuthScheme
	authPreference []string
	signingName    string
	signingRegion  string
	noRetryDelay   bool
}

type impl struct {
	name string
	call func(s settings) (ua string, err error)
}

var impls = []impl{{"gosmith", callGosmith}, {"v2", callV2}}

func callGosmith(s settings) (string, error) {
	var ua string
	o := sg.Options{Region: "us-east-1", Credentials: creds, AppID: s.appID, DefaultsMode: s.defaultsMode,
		TracerProvider: s.tracer, MeterProvider: s.meter, Interceptors: s.interceptors,
		AuthSchemes: s.authSchemes, AuthSchemePreference: s.authPreference,
		APIOptions: []func(*middleware.Stack) error{captureUserAgent(&ua)}}
	if s.baseEndpoint != "" {
		o.BaseEndpoint = aws.String(s.baseEndpoint)
	}
	if s.legacy != nil {
		o.EndpointResolver = sg.EndpointResolverFunc(func(region string, _ sg.EndpointResolverOptions) (aws.Endpoint, error) { return s.legacy(region) })
	}
	if s.authResolver != nil {
		o.AuthSchemeResolver = gosmithAuth(s.authResolver)
	}
	if s.noRetryDelay {
		o.Retryer = retry.NewStandard(func(o *retry.StandardOptions) { o.Backoff = noDelay{} })
	}
	var optFns []func(*sg.Options)
	if s.signingName != "" {
		optFns = append(optFns, sg.WithSigV4SigningName(s.signingName))
	}
	if s.signingRegion != "" {
		optFns = append(optFns, sg.WithSigV4SigningRegion(s.signingRegion))
	}
	_, err := sg.New(o, optFns...).DescribeTapeRecoveryPoints(context.Background(), &sg.DescribeTapeRecoveryPointsInput{GatewayARN: aws.String(gatewayARN)})
	return ua, err
}

func callV2(s settings) (string, error) {
	var ua string
	o := v2.Options{Region: "us-east-1", Credentials: creds, AppID: s.appID, DefaultsMode: s.defaultsMode,
		TracerProvider: s.tracer, MeterProvider: s.meter, Interceptors: s.interceptors,
		AuthSchemes: s.authSchemes, AuthSchemePreference: s.authPreference,
		APIOptions: []func(*middleware.Stack) error{captureUserAgent(&ua)}}
	if s.baseEndpoint != "" {
		o.BaseEndpoint = aws.String(s.baseEndpoint)
	}
	if s.legacy != nil {
		o.EndpointResolver = v2.EndpointResolverFunc(func(region string, _ v2.EndpointResolverOptions) (aws.Endpoint, error) { return s.legacy(region) })
	}
	if s.authResolver != nil {
		o.AuthSchemeResolver = v2Auth(s.authResolver)
	}
	if s.noRetryDelay {
		o.Retryer = retry.NewStandard(func(o *retry.StandardOptions) { o.Backoff = noDelay{} })
	}
	var optFns []func(*v2.Options)
	if s.signingName != "" {
		optFns = append(optFns, v2.WithSigV4SigningName(s.signingName))
	}
	if s.signingRegion != "" {
		optFns = append(optFns, v2.WithSigV4SigningRegion(s.signingRegion))
	}
	_, err := v2.New(o, optFns...).DescribeTapeRecoveryPoints(context.Background(), &v2.DescribeTapeRecoveryPointsInput{GatewayARN: aws.String(gatewayARN)})
	return ua, err
}

type gosmithAuth func(operation, region string) []*smithyauth.Option

func (f gosmithAuth) ResolveAuthSchemes(_ context.Context, p *sg.AuthResolverParameters) ([]*smithyauth.Option, error) {
	return f(p.Operation, p.Region), nil
}

type v2Auth func(operation, region string) []*smithyauth.Option

func (f v2Auth) ResolveAuthSchemes(_ context.Context, p *v2.AuthResolverParameters) ([]*smithyauth.Option, error) {
	return f(p.Operation, p.Region), nil
}

type noDelay struct{}

func (noDelay) BackoffDelay(int, error) (time.Duration, error) { return 0, nil }

// captureUserAgent records the User-Agent as the request leaves.
func captureUserAgent(ua *string) func(*middleware.Stack) error {
	return func(s *middleware.Stack) error {
		return s.Finalize.Add(middleware.FinalizeMiddlewareFunc("captureUserAgent",
			func(ctx context.Context, in middleware.FinalizeInput, next middleware.FinalizeHandler) (middleware.FinalizeOutput, middleware.Metadata, error) {
				*ua = in.Request.(*smithyhttp.Request).Header.Get("User-Agent")
				return next.HandleFinalize(ctx, in)
			}), middleware.After)
	}
}

// scope is the credential scope of a request's SigV4 signature, or
// "unsigned".
func scope(t *testing.T, s *server) string {
	auth := s.last(t).Header.Get("Authorization")
	if auth == "" {
		return "unsigned"
	}
	m := regexp.MustCompile(`Credential=AKID/\d+/([^,]+),`).FindStringSubmatch(auth)
	if m == nil {
		return auth
	}
	return m[1]
}

// both makes the call through both clients, each against a server of its
// own, and returns what check says of each.
func both[T any](t *testing.T, statuses []int, s func(url string) settings, check func(t *testing.T, srv *server, err error, ua string) T) (gosmith, v2 T) {
	t.Helper()
	var got [2]T
	for i, im := range impls {
		srv := newServer(t, statuses...)
		ua, err := im.call(s(srv.URL))
		got[i] = check(t, srv, err, ua)
	}
	return got[0], got[1]
}

func sameAsV2[T any](t *testing.T, what string, gosmith, v2 T) {
	t.Helper()
	if !reflect.DeepEqual(gosmith, v2) {
		t.Errorf("%s:\n gosmith %v\n v2      %v", what, gosmith, v2)
	}
}

func noError(t *testing.T, srv *server, err error, _ string) string {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
	return scope(t, srv)
}

// The deprecated EndpointResolver picks the endpoint of every call, signed
// with its signing name and region; aws.EndpointNotFoundError falls back
// to the endpoint rules (BaseEndpoint here).
func TestDeprecatedEndpointResolverRoutesRequests(t *testing.T) {
	for _, tt := range []struct {
		name     string
		endpoint func(url string) aws.Endpoint
		want     string
	}{
		{"URL only", func(url string) aws.Endpoint { return aws.Endpoint{URL: url} }, "us-east-1/storagegateway/aws4_request"},
		{"signing name and region", func(url string) aws.Endpoint {
			return aws.Endpoint{URL: url, SigningName: "custom", SigningRegion: "eu-central-1"}
		}, "eu-central-1/custom/aws4_request"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			g, v := both(t, nil, func(url string) settings {
				return settings{baseEndpoint: "http://127.0.0.1:1", legacy: func(string) (aws.Endpoint, error) { return tt.endpoint(url), nil }}
			}, noError)
			if g != tt.want {
				t.Errorf("scope %s, want %s", g, tt.want)
			}
			sameAsV2(t, "signing scope", g, v)
		})
	}
	t.Run("EndpointNotFoundError falls back to the rules", func(t *testing.T) {
		g, v := both(t, nil, func(url string) settings {
			return settings{baseEndpoint: url, legacy: func(string) (aws.Endpoint, error) { return aws.Endpoint{}, &aws.EndpointNotFoundError{} }}
		}, noError)
		sameAsV2(t, "signing scope", g, v)
	})
	t.Run("an error fails the call", func(t *testing.T) {
		boom := errors.New("no endpoint for you")
		g, v := both(t, nil, func(string) settings {
			return settings{legacy: func(string) (aws.Endpoint, error) { return aws.Endpoint{}, boom }}
		}, func(t *testing.T, srv *server, err error, _ string) bool {
			if srv.count() != 0 {
				t.Error("a request was sent")
			}
			return errors.Is(err, boom)
		})
		if !g {
			t.Error("the resolver's error is not in the chain")
		}
		sameAsV2(t, "error", g, v)
	})
	t.Run("EndpointResolverFromURL and WithEndpointResolver", func(t *testing.T) {
		srv := newServer(t)
		c := sg.New(sg.Options{Region: "us-west-2", Credentials: creds})
		_, err := c.DescribeTapeRecoveryPoints(context.Background(), &sg.DescribeTapeRecoveryPointsInput{GatewayARN: aws.String(gatewayARN)},
			sg.WithEndpointResolver(sg.EndpointResolverFromURL(srv.URL, func(e *aws.Endpoint) { e.SigningName = "sgw" })))
		if err != nil {
			t.Fatal(err)
		}
		if got := scope(t, srv); got != "us-west-2/sgw/aws4_request" {
			t.Errorf("scope %s", got)
		}
	})
}

// LocalStack set-ups: config.WithEndpointResolverWithOptions, then
// NewFromConfig.
func TestNewFromConfigWithEndpointResolver(t *testing.T) {
	t.Setenv("AWS_CONFIG_FILE", filepath.Join(t.TempDir(), "config"))
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", filepath.Join(t.TempDir(), "credentials"))
	srv := newServer(t)
	var services []string
	cfg, err := config.LoadDefaultConfig(context.Background(),
		config.WithRegion("eu-west-1"),
		config.WithCredentialsProvider(creds),
		config.WithAppID("localstack-test"),
		config.WithEndpointResolverWithOptions(aws.EndpointResolverWithOptionsFunc(func(service, region string, _ ...any) (aws.Endpoint, error) {
			services = append(services, service)
			return aws.Endpoint{URL: srv.URL, SigningRegion: region}, nil
		})))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := sg.NewFromConfig(cfg).DescribeTapeRecoveryPoints(context.Background(), &sg.DescribeTapeRecoveryPointsInput{GatewayARN: aws.String(gatewayARN)}); err != nil {
		t.Fatal(err)
	}
	if len(services) != 1 || services[0] != sg.ServiceID {
		t.Errorf("the resolver was asked for %v, want [%s]", services, sg.ServiceID)
	}
	if got := scope(t, srv); got != "eu-west-1/storagegateway/aws4_request" {
		t.Errorf("scope %s", got)
	}
	if ua := srv.last(t).Header.Get("User-Agent"); !strings.Contains(ua, " app/localstack-test") {
		t.Errorf("User-Agent %q lacks the AppID", ua)
	}
}

// Interceptors run at the same points as in aws-sdk-go-v2, per attempt
// where v2 runs them per attempt.
func TestInterceptorsFire(t *testing.T) {
	var h [2]*hooks
	i := 0
	g, v := both(t, []int{500}, func(url string) settings {
		h[i] = &hooks{}
		i++
		return settings{baseEndpoint: url, interceptors: h[i-1].registry(), noRetryDelay: true}
	}, func(t *testing.T, srv *server, err error, _ string) int {
		if err != nil {
			t.Fatal(err)
		}
		return srv.count()
	})
	if g != 2 {
		t.Errorf("%d requests, want a retry", g)
	}
	sameAsV2(t, "requests", g, v)
	if len(h[0].calls) < 20 {
		t.Errorf("interceptors ran %d times: %v", len(h[0].calls), h[0].calls)
	}
	sameAsV2(t, "interceptor calls", h[0].calls, h[1].calls)
}

// A tracer provider sees a span per call, named and with properties as in
// aws-sdk-go-v2, and the same spans inside it.
func TestTracerSeesASpanPerCall(t *testing.T) {
	var tr [2]*tracer
	i := 0
	both(t, nil, func(url string) settings {
		tr[i] = &tracer{}
		i++
		return settings{baseEndpoint: url, tracer: tr[i-1]}
	}, noError)
	var calls []*span
	for _, s := range tr[0].spans {
		if s.name == "Storage Gateway.DescribeTapeRecoveryPoints" {
			calls = append(calls, s)
		}
	}
	if len(calls) != 1 {
		t.Fatalf("%d call spans in %v", len(calls), tr[0].names())
	}
	call := calls[0]
	if call.kind != tracing.SpanKindClient || !call.ended || call.status != tracing.SpanStatusOK {
		t.Errorf("call span: kind %v ended %v status %v", call.kind, call.ended, call.status)
	}
	for k, want := range map[string]any{"rpc.system": "aws-api", "rpc.service": "Storage Gateway", "rpc.method": "DescribeTapeRecoveryPoints", "error": false} {
		if call.props[k] != want {
			t.Errorf("call span property %s = %v, want %v", k, call.props[k], want)
		}
	}
	if tr[0].scopes[0] != "github.com/gosmith/gosmith/service/storagegateway" {
		t.Errorf("tracer scope %q", tr[0].scopes[0])
	}
	sameAsV2(t, "span names", tr[0].names(), tr[1].names())
	for _, s := range tr[0].spans {
		if !s.ended {
			t.Errorf("span %s never ended", s.name)
		}
	}
}

// A meter provider gets aws-sdk-go-v2's metrics, under its names.
func TestMeterGetsTheSameMetrics(t *testing.T) {
	var m [2]*meter
	i := 0
	both(t, nil, func(url string) settings {
		m[i] = newMeter()
		i++
		return settings{baseEndpoint: url, meter: m[i-1]}
	}, noError)
	names := m[0].names()
	if !contains(names, "client.call.duration") {
		t.Errorf("no client.call.duration in %v", names)
	}
	sameAsV2(t, "metrics recorded", names, m[1].names())
	sameAsV2(t, "client.call.duration properties", m[0].props["client.call.duration"], m[1].props["client.call.duration"])
}

func contains(ss []string, s string) bool {
	for _, v := range ss {
		if v == s {
			return true
		}
	}
	return false
}

// The User-Agent has aws-sdk-go-v2's format, with gosmith as the SDK and
// the AppID.
func TestUserAgentCarriesTheAppID(t *testing.T) {
	g, v := both(t, nil, func(url string) settings {
		return settings{baseEndpoint: url, appID: "my-app"}
	}, func(t *testing.T, _ *server, err error, ua string) string {
		if err != nil {
			t.Fatal(err)
		}
		return ua
	})
	want := regexp.MustCompile(`^gosmith/\S+ ua/2\.1 os/\S+ lang/go#\S+ md/GOOS#\S+ md/GOARCH#\S+ api/storagegateway#2013-06-30 app/my-app m/E$`)
	if !want.MatchString(g) {
		t.Errorf("User-Agent %q, want %s", g, want)
	}
	// The same but for the SDK's name and the api/ version.
	norm := func(ua string) string {
		ua = regexp.MustCompile(`^\S+`).ReplaceAllString(ua, "SDK")
		return regexp.MustCompile(`api/storagegateway#\S+`).ReplaceAllString(ua, "api/storagegateway")
	}
	sameAsV2(t, "User-Agent", norm(g), norm(v))
}

// WithSigV4SigningName and WithSigV4SigningRegion win over the endpoint's
// signing name and region; as in aws-sdk-go-v2, a deprecated resolver's
// signing region still wins over WithSigV4SigningRegion.
func TestSigV4Overrides(t *testing.T) {
	for _, tt := range []struct {
		name   string
		legacy bool
		want   string
	}{
		{"endpoint rules", false, "ap-south-2/custom/aws4_request"},
		{"deprecated resolver", true, "eu-north-1/custom/aws4_request"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			g, v := both(t, nil, func(url string) settings {
				s := settings{baseEndpoint: url, signingName: "custom", signingRegion: "ap-south-2"}
				if tt.legacy {
					s.legacy = func(string) (aws.Endpoint, error) {
						return aws.Endpoint{URL: url, SigningName: "legacy", SigningRegion: "eu-north-1"}, nil
					}
				}
				return s
			}, noError)
			if g != tt.want {
				t.Errorf("scope %s, want %s", g, tt.want)
			}
			sameAsV2(t, "scope", g, v)
		})
	}
}

// tokenScheme is an auth scheme of the caller's: it sets X-Token.
type tokenScheme struct{}

type token struct{}

func (token) Expiration() time.Time { return time.Time{} }

type tokenResolver struct{}

func (tokenResolver) GetIdentity(context.Context, smithy.Properties) (smithyauth.Identity, error) {
	return token{}, nil
}

func (tokenScheme) SchemeID() string { return "example#token" }
func (tokenScheme) IdentityResolver(smithyauth.IdentityResolverOptions) smithyauth.IdentityResolver {
	return tokenResolver{}
}
func (tokenScheme) Signer() smithyhttp.Signer { return tokenScheme{} }
func (tokenScheme) SignRequest(_ context.Context, r *smithyhttp.Request, id smithyauth.Identity, props smithy.Properties) error {
	if _, ok := id.(token); !ok {
		return errors.New("not a token")
	}
	r.Header.Set("X-Token", "t0k3n "+props.Get("name").(string))
	return nil
}

func TestAuthSchemes(t *testing.T) {
	withName := func(name string) smithy.Properties {
		var p smithy.Properties
		p.Set("name", name)
		return p
	}
	sigv4Scheme := sg.New(sg.Options{}).Options().AuthSchemes[0]
	tokenOrSigV4 := func(_, _ string) []*smithyauth.Option {
		return []*smithyauth.Option{{SchemeID: smithyauth.SchemeIDSigV4, SignerProperties: func() smithy.Properties {
			var p smithy.Properties
			smithyhttp.SetSigV4SigningName(&p, "resolved")
			smithyhttp.SetSigV4SigningRegion(&p, "us-west-1")
			return p
		}()}, {SchemeID: "example#token", SignerProperties: withName("resolved")}}
	}
	for _, tt := range []struct {
		name string
		s    func(url string) settings
		want string
	}{
		{"anonymous only", func(url string) settings {
			return settings{baseEndpoint: url, authResolver: func(string, string) []*smithyauth.Option {
				return []*smithyauth.Option{{SchemeID: smithyauth.SchemeIDAnonymous}}
			}}
		}, "unsigned ''"},
		{"the resolver's signing name and region", func(url string) settings {
			return settings{baseEndpoint: url, authResolver: tokenOrSigV4}
		}, "us-west-1/resolved/aws4_request ''"},
		{"a scheme of the caller's", func(url string) settings {
			return settings{baseEndpoint: url, authResolver: tokenOrSigV4, authSchemes: []smithyhttp.AuthScheme{tokenScheme{}}}
		}, "unsigned 't0k3n resolved'"},
		{"preference", func(url string) settings {
			return settings{baseEndpoint: url, authResolver: tokenOrSigV4, authSchemes: []smithyhttp.AuthScheme{sigv4Scheme, tokenScheme{}}, authPreference: []string{"token"}}
		}, "unsigned 't0k3n resolved'"},
		{"gosmith's SigV4 scheme without preference", func(url string) settings {
			return settings{baseEndpoint: url, authResolver: tokenOrSigV4, authSchemes: []smithyhttp.AuthScheme{sigv4Scheme, tokenScheme{}}}
		}, "us-west-1/resolved/aws4_request ''"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			check := func(t *testing.T, srv *server, err error, _ string) string {
				if err != nil {
					t.Fatal(err)
				}
				return scope(t, srv) + " '" + srv.last(t).Header.Get("X-Token") + "'"
			}
			if tt.name == "gosmith's SigV4 scheme without preference" {
				srv := newServer(t)
				_, err := callGosmith(tt.s(srv.URL))
				if got := check(t, srv, err, ""); got != tt.want {
					t.Errorf("got %s, want %s", got, tt.want)
				}
				return
			}
			g, v := both(t, nil, tt.s, check)
			if g != tt.want {
				t.Errorf("got %s, want %s", g, tt.want)
			}
			sameAsV2(t, "request", g, v)
		})
	}
}

// DefaultsMode sets the retry mode and the HTTP client's timeouts from
// aws-sdk-go-v2's defaults.
func TestDefaultsMode(t *testing.T) {
	type resolved struct {
		RetryMode          aws.RetryMode
		Connect, Handshake time.Duration
		MaxAttempts        int
	}
	for _, mode := range []aws.DefaultsMode{"", aws.DefaultsModeLegacy, aws.DefaultsModeStandard, aws.DefaultsModeInRegion, aws.DefaultsModeCrossRegion, aws.DefaultsModeMobile, aws.DefaultsModeAuto} {
		env := aws.RuntimeEnvironment{EnvironmentIdentifier: "AWS_Lambda_go1.x", Region: "us-east-1"}
		g := sg.New(sg.Options{Region: "us-east-1", DefaultsMode: mode, RuntimeEnvironment: env}).Options()
		v := v2.New(v2.Options{Region: "us-east-1", DefaultsMode: mode, RuntimeEnvironment: env}).Options()
		of := func(mode aws.RetryMode, c any, r aws.Retryer) resolved {
			b := c.(*awshttp.BuildableClient)
			return resolved{mode, b.GetDialer().Timeout, b.GetTransport().TLSHandshakeTimeout, r.MaxAttempts()}
		}
		sameAsV2(t, "defaults of mode "+string(mode), of(g.RetryMode, g.HTTPClient, g.Retryer), of(v.RetryMode, v.HTTPClient, v.Retryer))
	}
}

// The endpoint API beyond calls: the default v1 and v2 resolvers agree
// with aws-sdk-go-v2's, and the options give the identities.
func TestEndpointsAndIdentity(t *testing.T) {
	for _, region := range []string{"us-east-1", "us-west-2", "eu-central-1", "cn-north-1", "us-gov-west-1"} {
		oldURL, newURL, err := Endpoints(region)
		if err != nil {
			t.Fatal(err)
		}
		v2Old, err := v2.NewDefaultEndpointResolver().ResolveEndpoint(region, v2.EndpointResolverOptions{})
		if err != nil {
			t.Fatal(err)
		}
		v2New, err := v2.NewDefaultEndpointResolverV2().ResolveEndpoint(context.Background(), v2.EndpointParameters{Region: aws.String(region)})
		if err != nil {
			t.Fatal(err)
		}
		sameAsV2(t, region+" v1 endpoint", oldURL, v2Old.URL)
		sameAsV2(t, region+" v2 endpoint", newURL, v2New.URI.String())
	}
	g, _ := sg.NewDefaultEndpointResolver().ResolveEndpoint("us-east-1", sg.EndpointResolverOptions{UseFIPSEndpoint: aws.FIPSEndpointStateEnabled})
	v, _ := v2.NewDefaultEndpointResolver().ResolveEndpoint("us-east-1", v2.EndpointResolverOptions{UseFIPSEndpoint: aws.FIPSEndpointStateEnabled})
	sameAsV2(t, "FIPS v1 endpoint", g.URL, v.URL)
	sameAsV2(t, "ValidateRequired of empty parameters", sg.EndpointParameters{}.ValidateRequired().Error(), v2.EndpointParameters{}.ValidateRequired().Error())

	id, anon, err := Identity(context.Background(), sg.New(sg.Options{Credentials: creds}).Options())
	if err != nil || id == nil || anon == nil {
		t.Fatalf("identities %v %v: %v", id, anon, err)
	}
	if sg.New(sg.Options{}).Options().GetIdentityResolver(smithyauth.SchemeIDSigV4) != nil {
		t.Error("without credentials there is no SigV4 identity")
	}
}

// Every option of uses.go at once: the call goes where the deprecated
// resolver says, with the AppID, a span, and interceptors.
func TestEveryOptionTogether(t *testing.T) {
	srv := newServer(t)
	tr, m, h := &tracer{}, newMeter(), &hooks{}
	c := NewClient(Setup{URL: srv.URL, AppID: "all", Tracer: tr, Meter: m, Interceptors: h.registry(), Credentials: creds})
	if _, err := c.DescribeTapeRecoveryPoints(context.Background(), &sg.DescribeTapeRecoveryPointsInput{GatewayARN: aws.String(gatewayARN)}); err != nil {
		t.Fatal(err)
	}
	if got := scope(t, srv); got != "us-east-1/storagegateway/aws4_request" {
		t.Errorf("scope %s", got)
	}
	if ua := srv.last(t).Header.Get("User-Agent"); !strings.Contains(ua, " app/all") {
		t.Errorf("User-Agent %q", ua)
	}
	if !contains(tr.names(), "Storage Gateway.DescribeTapeRecoveryPoints") || len(m.names()) == 0 || len(h.calls) == 0 {
		t.Errorf("spans %v, metrics %v, interceptors %v", tr.names(), m.names(), h.calls)
	}
}

// uses.go compiles against aws-sdk-go-v2's package as it is: the same
// source, with the import path changed, is vetted through an overlay.
func TestUsesCompileAgainstV2(t *testing.T) {
	src, err := os.ReadFile("uses.go")
	if err != nil {
		t.Fatal(err)
	}
	twin := strings.Replace(string(src), `sg "github.com/gosmith/gosmith/service/storagegateway"`, `sg "github.com/aws/aws-sdk-go-v2/service/storagegateway"`, 1)
	if twin == string(src) {
		t.Fatal("uses.go does not import gosmith's package")
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "uses.go")
	if err := os.WriteFile(file, []byte(twin), 0o644); err != nil {
		t.Fatal(err)
	}
	wd, _ := os.Getwd()
	overlay, _ := json.Marshal(map[string]any{"Replace": map[string]string{filepath.Join(wd, "v2twin", "uses.go"): file}})
	overlayFile := filepath.Join(dir, "overlay.json")
	if err := os.WriteFile(overlayFile, overlay, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("go", "build", "-o", os.DevNull, "-overlay", overlayFile, "./v2twin")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("uses.go against aws-sdk-go-v2: %v\n%s", err, out)
	}
}
