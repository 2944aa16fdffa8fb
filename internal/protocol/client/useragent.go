package client

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// The User-Agent follows aws-sdk-go-v2's format (SEP user agent 2.1) with
// gosmith as the SDK:
//
//	gosmith/1.2.3 ua/2.1 os/linux lang/go#1.26.8 md/GOOS#linux md/GOARCH#amd64 api/storagegateway#2013-06-30 app/myapp m/C,E
//
// api/ names the service and its model's version; m/ lists the features in
// use, with aws-sdk-go-v2's letters (retry mode, paginator, waiter,
// credential source). aws-sdk-go-v2's helpers for it
// (awsmiddleware.AddUserAgentKey and the like) work too: when APIOptions add
// its RequestUserAgent, that middleware builds the header, with gosmith's
// name and keys put in.

// sdkName is gosmith's product token: its module version when the program
// was built with one.
var sdkName = sync.OnceValue(func() string {
	version := "dev"
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, m := range append([]*debug.Module{&info.Main}, info.Deps...) {
			if m.Path == "github.com/gosmith/gosmith" && strings.HasPrefix(m.Version, "v") {
				version = strings.TrimPrefix(m.Version, "v")
			}
		}
	}
	return "gosmith/" + version
})

// userAgentBase is the part of the User-Agent shared by every call of the
// process.
var userAgentBase = sync.OnceValue(func() string {
	var b strings.Builder
	b.WriteString(sdkName())
	b.WriteString(" ua/2.1 os/" + osName())
	b.WriteString(" lang/go#" + uaValue(strings.TrimPrefix(runtime.Version(), "go")))
	b.WriteString(" md/GOOS#" + uaValue(runtime.GOOS) + " md/GOARCH#" + uaValue(runtime.GOARCH))
	if env := os.Getenv("AWS_EXECUTION_ENV"); env != "" {
		b.WriteString(" exec-env/" + uaValue(env))
	}
	return b.String()
})

// osName is aws-sdk-go-v2's normalized operating system name.
func osName() string {
	switch runtime.GOOS {
	case "android", "linux", "windows", "ios":
		return runtime.GOOS
	case "darwin":
		return "macos"
	}
	return "other"
}

// uaValue replaces what a User-Agent token may not hold with '-', as
// aws-sdk-go-v2 does.
func uaValue(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= '0' && r <= '9', r >= 'A' && r <= 'Z', r >= 'a' && r <= 'z':
			return r
		case strings.ContainsRune("!#$%&'*+-.^_`|~", r):
			return r
		}
		return '-'
	}, s)
}

// userAgentFeaturesKey holds the features APIOptions asked for
// (UserAgentFeature) for the call's User-Agent.
type userAgentFeaturesKey struct{}

// UserAgentFeature is an APIOption that lists a feature in the call's
// User-Agent (paginators and waiters use it, as in aws-sdk-go-v2).
func UserAgentFeature(f awsmiddleware.UserAgentFeature) func(*middleware.Stack) error {
	return func(stack *middleware.Stack) error {
		return stack.Initialize.Add(middleware.InitializeMiddlewareFunc("UserAgentFeature"+string(f),
			func(ctx context.Context, in middleware.InitializeInput, next middleware.InitializeHandler) (middleware.InitializeOutput, middleware.Metadata, error) {
				fs, _ := middleware.GetStackValue(ctx, userAgentFeaturesKey{}).([]awsmiddleware.UserAgentFeature)
				fs = append(fs[:len(fs):len(fs)], f)
				return next.HandleInitialize(middleware.WithStackValue(ctx, userAgentFeaturesKey{}, fs), in)
			}), middleware.After)
	}
}

// appendFeatures appends the features the call's configuration shows.
func appendFeatures(fs []string, cfg *Config) []string {
	switch cfg.Retryer.(type) {
	case *retry.Standard:
		fs = append(fs, awsmiddleware.UserAgentFeatureRetryModeStandard)
	case *retry.AdaptiveMode:
		fs = append(fs, awsmiddleware.UserAgentFeatureRetryModeAdaptive)
	}
	if p, ok := cfg.Credentials.(aws.CredentialProviderSource); ok {
		for _, src := range p.ProviderSources() {
			if f, ok := credentialFeatures[src]; ok {
				fs = append(fs, string(f))
			}
		}
	}
	return fs
}

// credentialFeatures maps credential sources to their features, as
// aws-sdk-go-v2 does.
var credentialFeatures = map[aws.CredentialSource]awsmiddleware.UserAgentFeature{
	aws.CredentialSourceCode:                 awsmiddleware.UserAgentFeatureCredentialsCode,
	aws.CredentialSourceEnvVars:              awsmiddleware.UserAgentFeatureCredentialsEnvVars,
	aws.CredentialSourceEnvVarsSTSWebIDToken: awsmiddleware.UserAgentFeatureCredentialsEnvVarsStsWebIDToken,
	aws.CredentialSourceSTSAssumeRole:        awsmiddleware.UserAgentFeatureCredentialsStsAssumeRole,
	aws.CredentialSourceSTSAssumeRoleSaml:    awsmiddleware.UserAgentFeatureCredentialsStsAssumeRoleSaml,
	aws.CredentialSourceSTSAssumeRoleWebID:   awsmiddleware.UserAgentFeatureCredentialsStsAssumeRoleWebID,
	aws.CredentialSourceSTSFederationToken:   awsmiddleware.UserAgentFeatureCredentialsStsFederationToken,
	aws.CredentialSourceSTSSessionToken:      awsmiddleware.UserAgentFeatureCredentialsStsSessionToken,
	aws.CredentialSourceProfile:              awsmiddleware.UserAgentFeatureCredentialsProfile,
	aws.CredentialSourceProfileSourceProfile: awsmiddleware.UserAgentFeatureCredentialsProfileSourceProfile,
	aws.CredentialSourceProfileNamedProvider: awsmiddleware.UserAgentFeatureCredentialsProfileNamedProvider,
	aws.CredentialSourceProfileSTSWebIDToken: awsmiddleware.UserAgentFeatureCredentialsProfileStsWebIDToken,
	aws.CredentialSourceProfileSSO:           awsmiddleware.UserAgentFeatureCredentialsProfileSso,
	aws.CredentialSourceSSO:                  awsmiddleware.UserAgentFeatureCredentialsSso,
	aws.CredentialSourceProfileSSOLegacy:     awsmiddleware.UserAgentFeatureCredentialsProfileSsoLegacy,
	aws.CredentialSourceSSOLegacy:            awsmiddleware.UserAgentFeatureCredentialsSsoLegacy,
	aws.CredentialSourceProfileProcess:       awsmiddleware.UserAgentFeatureCredentialsProfileProcess,
	aws.CredentialSourceProcess:              awsmiddleware.UserAgentFeatureCredentialsProcess,
	aws.CredentialSourceHTTP:                 awsmiddleware.UserAgentFeatureCredentialsHTTP,
	aws.CredentialSourceIMDS:                 awsmiddleware.UserAgentFeatureCredentialsIMDS,
	aws.CredentialSourceProfileLogin:         awsmiddleware.UserAgentFeatureCredentialsProfileLogin,
	aws.CredentialSourceLogin:                awsmiddleware.UserAgentFeatureCredentialsLogin,
}

// addUserAgent adds the User-Agent middleware once the caller's APIOptions
// have run: gosmith's, unless they added aws-sdk-go-v2's, which then gets
// gosmith's keys and name.
func addUserAgent(stack *middleware.Stack, svc *Service, cfg *Config) error {
	if mw, ok := stack.Build.Get("UserAgent"); ok {
		ua, ok := mw.(*awsmiddleware.RequestUserAgent)
		if !ok {
			return nil // the caller's own
		}
		ua.AddSDKAgentKeyValue(awsmiddleware.APIMetadata, svc.APIName, svc.APIVersion)
		if cfg.AppID != "" {
			ua.AddSDKAgentKey(awsmiddleware.ApplicationIdentifier, cfg.AppID)
		}
		for _, f := range appendFeatures(nil, cfg) {
			ua.AddUserAgentFeature(awsmiddleware.UserAgentFeature(f))
		}
		if err := stack.Build.Insert(&uaFeatures{ua: ua}, "UserAgent", middleware.Before); err != nil {
			return err
		}
		return stack.Build.Insert(sdkToken{}, "UserAgent", middleware.After)
	}
	mw := &userAgent{svc: svc, cfg: cfg, api: uaValue(svc.APIName), version: uaValue(svc.APIVersion), app: uaValue(cfg.AppID)}
	if _, ok := stack.Build.Get("ClientRequestID"); ok {
		return stack.Build.Insert(mw, "ClientRequestID", middleware.After)
	}
	return stack.Build.Add(mw, middleware.After)
}

// userAgent sets the User-Agent, in front of any value already there.
type userAgent struct {
	svc *Service
	cfg *Config
	// api, version and app are the service's name and version and the
	// application ID, as User-Agent tokens.
	api, version, app string
}

func (*userAgent) ID() string { return "UserAgent" }

func (m *userAgent) HandleBuild(ctx context.Context, in middleware.BuildInput, next middleware.BuildHandler) (
	middleware.BuildOutput, middleware.Metadata, error,
) {
	req, ok := in.Request.(*smithyhttp.Request)
	if !ok {
		return middleware.BuildOutput{}, middleware.Metadata{}, fmt.Errorf("unknown transport type %T", in.Request)
	}
	var buf [8]string
	features := appendFeatures(buf[:0], m.cfg)
	if more, ok := middleware.GetStackValue(ctx, userAgentFeaturesKey{}).([]awsmiddleware.UserAgentFeature); ok {
		for _, f := range more {
			features = append(features, string(f))
		}
	}
	slices.Sort(features)
	features = slices.Compact(features)
	base, api, version, app := userAgentBase(), m.api, m.version, m.app
	current := req.Header.Get("User-Agent")
	var b strings.Builder
	b.Grow(len(base) + len(" api/#") + len(api) + len(version) + len(" app/") + len(app) + len(" m/") + 2*len(features) + 1 + len(current))
	b.WriteString(base)
	b.WriteString(" api/")
	b.WriteString(api)
	b.WriteByte('#')
	b.WriteString(version)
	if app != "" {
		b.WriteString(" app/")
		b.WriteString(app)
	}
	for i, f := range features {
		if i == 0 {
			b.WriteString(" m/")
		} else {
			b.WriteByte(',')
		}
		b.WriteString(f)
	}
	if current != "" {
		b.WriteByte(' ')
		b.WriteString(current)
	}
	req.Header["User-Agent"] = []string{b.String()}
	return next.HandleBuild(ctx, in)
}

// uaFeatures sits before aws-sdk-go-v2's RequestUserAgent and hands it the
// features UserAgentFeature asked for.
type uaFeatures struct {
	ua *awsmiddleware.RequestUserAgent
}

func (*uaFeatures) ID() string { return "gosmith.UserAgentFeatures" }

func (m *uaFeatures) HandleBuild(ctx context.Context, in middleware.BuildInput, next middleware.BuildHandler) (
	middleware.BuildOutput, middleware.Metadata, error,
) {
	if fs, ok := middleware.GetStackValue(ctx, userAgentFeaturesKey{}).([]awsmiddleware.UserAgentFeature); ok {
		for _, f := range fs {
			m.ua.AddUserAgentFeature(f)
		}
	}
	return next.HandleBuild(ctx, in)
}

// sdkToken sits after aws-sdk-go-v2's RequestUserAgent and puts gosmith's
// product token in place of aws-sdk-go-v2's.
type sdkToken struct{}

func (sdkToken) ID() string { return "gosmith.UserAgentSDK" }

func (sdkToken) HandleBuild(ctx context.Context, in middleware.BuildInput, next middleware.BuildHandler) (
	middleware.BuildOutput, middleware.Metadata, error,
) {
	if req, ok := in.Request.(*smithyhttp.Request); ok {
		const v2 = aws.SDKName + "/" + aws.SDKVersion
		if ua := req.Header.Get("User-Agent"); strings.HasPrefix(ua, v2) {
			req.Header.Set("User-Agent", sdkName()+ua[len(v2):])
		}
	}
	return next.HandleBuild(ctx, in)
}
