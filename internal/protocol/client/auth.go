package client

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/aws/smithy-go"
	smithyauth "github.com/aws/smithy-go/auth"
	"github.com/aws/smithy-go/logging"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"

	"github.com/gosmith/gosmith/internal/protocol/sigv4"
)

// Auth follows aws-sdk-go-v2 (Smithy reference architecture): the call's
// AuthSchemeResolver lists auth options, AuthSchemePreference reorders
// them, and the first option with a configured scheme that has an identity
// resolver wins; its signer properties are then overridden by the
// endpoint's auth schemes and by WithSigV4SigningName/Region (or a v1
// endpoint). The service's default resolution (SigV4, then anonymous) and
// the default SigV4 scheme are handled without building their option lists.

// NewSigner is the default HTTPSignerV4 of a client, configured as
// aws-sdk-go-v2 configures its v4.Signer (signing is logged when the log
// mode asks for it), and signing as it does (package sigv4).
func NewSigner(logger logging.Logger, mode aws.ClientLogMode) *sigv4.Signer {
	return sigv4.NewSigner(func(o *v4.SignerOptions) {
		o.Logger = logger
		o.LogSigning = mode.IsSigning()
	})
}

// SigV4Scheme is the aws.auth#sigv4 auth scheme over a SigV4 signer (nil:
// the default signer), the default of a client's AuthSchemes.
func SigV4Scheme(signer HTTPSigner, logger logging.Logger, logSigning bool) smithyhttp.AuthScheme {
	if signer == nil {
		signer = defaultSigner
	}
	s := &sigV4Scheme{signer: sigV4Signer{signer: signer}}
	own, _ := signer.(*sigv4.Signer)
	for _, noEscape := range []bool{false, true} {
		set := func(o *v4.SignerOptions) {
			o.DisableURIPathEscaping = noEscape
			if logger != nil {
				o.Logger = logger
			}
			o.LogSigning = logSigning
		}
		s.signer.options[boolIndex(noEscape)] = []func(*v4.SignerOptions){set}
		if own != nil {
			o := own.Options()
			set(&o)
			s.signer.resolved[boolIndex(noEscape)] = o
		}
	}
	s.signer.own = own
	return s
}

func boolIndex(b bool) int {
	if b {
		return 1
	}
	return 0
}

type sigV4Scheme struct{ signer sigV4Signer }

func (*sigV4Scheme) SchemeID() string { return smithyauth.SchemeIDSigV4 }

func (*sigV4Scheme) IdentityResolver(o smithyauth.IdentityResolverOptions) smithyauth.IdentityResolver {
	return o.GetIdentityResolver(smithyauth.SchemeIDSigV4)
}

func (s *sigV4Scheme) Signer() smithyhttp.Signer { return &s.signer }

type sigV4Signer struct {
	signer HTTPSigner
	// options are the signer options without and with URI path escaping
	// disabled, made once so that signing allocates none.
	options [2][]func(*v4.SignerOptions)
	// own is signer when it is gosmith's; resolved are then its options
	// with options applied.
	own      *sigv4.Signer
	resolved [2]v4.SignerOptions
}

// SignRequest signs with the credentials identity and the sigv4 signer
// properties, as aws-sdk-go-v2's signer adapter does.
func (s *sigV4Signer) SignRequest(ctx context.Context, r *smithyhttp.Request, identity smithyauth.Identity, props smithy.Properties) error {
	c, ok := identity.(*CredentialsIdentity)
	if !ok {
		return fmt.Errorf("unexpected identity type: %T", identity)
	}
	name, ok := smithyhttp.GetSigV4SigningName(&props)
	if !ok {
		return fmt.Errorf("sigv4 signing name is required")
	}
	region, ok := smithyhttp.GetSigV4SigningRegion(&props)
	if !ok {
		return fmt.Errorf("sigv4 signing region is required")
	}
	noEscape, _ := smithyhttp.GetDisableDoubleEncoding(&props)
	return s.sign(ctx, r, c.Credentials, name, region, noEscape)
}

func (s *sigV4Signer) sign(ctx context.Context, r *smithyhttp.Request, creds aws.Credentials, name, region string, noEscape bool) error {
	if s.own != nil {
		if err := s.own.Sign(ctx, creds, r.Request, v4.GetPayloadHash(ctx), name, region, time.Now().UTC(), s.resolved[boolIndex(noEscape)]); err != nil {
			return fmt.Errorf("sign http: %w", err)
		}
		return nil
	}
	err := s.signer.SignHTTP(ctx, creds, r.Request, v4.GetPayloadHash(ctx), name, region, time.Now().UTC(), s.options[boolIndex(noEscape)]...)
	if err != nil {
		return fmt.Errorf("sign http: %w", err)
	}
	return nil
}

// CredentialsIdentity is the identity of the SigV4 scheme: AWS credentials.
type CredentialsIdentity struct {
	Credentials aws.Credentials
}

// Expiration is when the credentials expire.
func (c *CredentialsIdentity) Expiration() time.Time { return c.Credentials.Expires }

type credentialsResolver struct{ provider aws.CredentialsProvider }

func (r credentialsResolver) GetIdentity(ctx context.Context, _ smithy.Properties) (smithyauth.Identity, error) {
	creds, err := r.provider.Retrieve(ctx)
	if err != nil {
		return nil, fmt.Errorf("get credentials: %w", err)
	}
	return &CredentialsIdentity{Credentials: creds}, nil
}

// IdentityResolver is a generated Options.GetIdentityResolver: the
// credentials for SigV4 (none when requests go unsigned), the anonymous
// identity for smithy.api#noAuth, and nothing for other schemes.
func IdentityResolver(schemeID string, creds aws.CredentialsProvider) smithyauth.IdentityResolver {
	switch schemeID {
	case smithyauth.SchemeIDSigV4:
		if IsAnonymous(creds) {
			return nil
		}
		return credentialsResolver{creds}
	case smithyauth.SchemeIDAnonymous:
		return &smithyauth.AnonymousIdentityResolver{}
	}
	return nil
}

// DefaultAuthOptions are a service's auth options: SigV4 with its signing
// name and the call's region, then anonymous (used when no credentials are
// configured).
func DefaultAuthOptions(signingName, region string) []*smithyauth.Option {
	var props smithy.Properties
	smithyhttp.SetSigV4SigningName(&props, signingName)
	smithyhttp.SetSigV4SigningRegion(&props, region)
	return []*smithyauth.Option{
		{SchemeID: smithyauth.SchemeIDSigV4, SignerProperties: props},
		{SchemeID: smithyauth.SchemeIDAnonymous},
	}
}

// NoAuthOptions are the auth options of an operation whose @auth is empty:
// anonymous only.
func NoAuthOptions() []*smithyauth.Option {
	return []*smithyauth.Option{{SchemeID: smithyauth.SchemeIDAnonymous}}
}

// defaultOptions stand for DefaultAuthOptions when the resolver is the
// default; their signer properties are filled in at signing. noAuthOptions
// stand for NoAuthOptions.
var (
	defaultOptions = []*smithyauth.Option{{SchemeID: smithyauth.SchemeIDSigV4}, {SchemeID: smithyauth.SchemeIDAnonymous}}
	noAuthOptions  = []*smithyauth.Option{{SchemeID: smithyauth.SchemeIDAnonymous}}
)

var anonymousScheme = smithyhttp.NewAnonymousScheme()

// endpointAuthKey carries the resolved endpoint's auth options to signing.
type endpointAuthKey struct{}

// signer resolves the call's auth scheme, gets its identity and signs each
// attempt; the retry middleware sits before it, so every retry gets a
// fresh date and signature.
type signer struct {
	svc    *Service
	cfg    *Config
	op     string
	noAuth bool // the operation's @auth is empty
	tel    *telemetry
	// stream: the operation has an input event stream, whose messages are
	// signed with what signed the request (see inputEventStream).
	stream bool
}

func (*signer) ID() string { return "Signing" }

func (m *signer) HandleFinalize(ctx context.Context, in middleware.FinalizeInput, next middleware.FinalizeHandler) (
	middleware.FinalizeOutput, middleware.Metadata, error,
) {
	req, ok := in.Request.(*smithyhttp.Request)
	if !ok {
		return middleware.FinalizeOutput{}, middleware.Metadata{}, &v4.SigningError{Err: fmt.Errorf("unexpected request middleware type %T", in.Request)}
	}
	scheme, option, err := m.resolveScheme(ctx)
	if err != nil {
		return middleware.FinalizeOutput{}, middleware.Metadata{}, err
	}
	if scheme == anonymousScheme {
		return next.HandleFinalize(ctx, in)
	}
	var signed *streamSigning
	if m.stream {
		signed = &streamSigning{}
		ctx = middleware.WithStackValue(ctx, streamSigningKey{}, signed)
	}
	if s, ok := scheme.(*sigV4Scheme); ok {
		err = m.signSigV4(ctx, req, s, option, signed)
	} else {
		err = m.signWith(ctx, req, scheme, option, signed)
	}
	if err != nil {
		return middleware.FinalizeOutput{}, middleware.Metadata{}, err
	}
	return next.HandleFinalize(ctx, in)
}

// resolveScheme picks the auth scheme as aws-sdk-go-v2's
// ResolveAuthScheme middleware does.
func (m *signer) resolveScheme(ctx context.Context) (smithyhttp.AuthScheme, *smithyauth.Option, error) {
	_, span := m.tel.span(ctx, "ResolveAuthScheme")
	defer span.End()
	options := defaultOptions
	if m.noAuth {
		options = noAuthOptions
	}
	if m.cfg.AuthSchemeResolver != nil {
		var err error
		if options, err = m.cfg.AuthSchemeResolver(ctx, m.op); err != nil {
			return nil, nil, fmt.Errorf("resolve auth scheme: %w", err)
		}
	}
	for _, o := range sortAuthOptions(options, m.cfg.AuthSchemePreference) {
		if o.SchemeID == smithyauth.SchemeIDAnonymous {
			m.tel.setProperty(span, "auth.scheme_id", o.SchemeID)
			return anonymousScheme, o, nil
		}
		for _, s := range m.schemes() {
			if matchSchemeID(s.SchemeID(), o.SchemeID) && m.hasIdentity(s) {
				m.tel.setProperty(span, "auth.scheme_id", s.SchemeID())
				return s, o, nil
			}
		}
	}
	return nil, nil, fmt.Errorf("could not select an auth scheme")
}

func (m *signer) schemes() []smithyhttp.AuthScheme {
	if m.cfg.AuthSchemes != nil {
		return m.cfg.AuthSchemes
	}
	return []smithyhttp.AuthScheme{SigV4Scheme(m.cfg.Signer, m.cfg.Logger, m.cfg.ClientLogMode.IsSigning())}
}

// hasIdentity: a scheme is usable when it has an identity resolver; the
// SigV4 scheme's is the call's credentials.
func (m *signer) hasIdentity(s smithyhttp.AuthScheme) bool {
	if _, ok := s.(*sigV4Scheme); ok || m.cfg.Identities == nil {
		return !IsAnonymous(m.cfg.Credentials)
	}
	return s.IdentityResolver(m.cfg.Identities) != nil
}

// signSigV4 signs with gosmith's SigV4 scheme, reading the signing name
// and region from the option, the endpoint and the context without
// building property maps.
func (m *signer) signSigV4(ctx context.Context, req *smithyhttp.Request, s *sigV4Scheme, option *smithyauth.Option, signed *streamSigning) error {
	name, region, noEscape := m.svc.SigningName, m.cfg.Region, false
	if m.cfg.AuthSchemeResolver != nil {
		name, _ = smithyhttp.GetSigV4SigningName(&option.SignerProperties)
		region, _ = smithyhttp.GetSigV4SigningRegion(&option.SignerProperties)
		noEscape, _ = smithyhttp.GetDisableDoubleEncoding(&option.SignerProperties)
	}
	if eps, ok := middleware.GetStackValue(ctx, endpointAuthKey{}).([]*smithyauth.Option); ok {
		for _, o := range eps {
			if v, ok := smithyhttp.GetSigV4SigningName(&o.SignerProperties); ok {
				name = v
			}
			if v, ok := smithyhttp.GetSigV4SigningRegion(&o.SignerProperties); ok {
				region = v
			}
			if v, ok := smithyhttp.GetDisableDoubleEncoding(&o.SignerProperties); ok {
				noEscape = v
			}
		}
	}
	//lint:ignore SA1019 how WithSigV4SigningName/Region and v1 endpoints set the signing name and region, as in aws-sdk-go-v2
	if v := awsmiddleware.GetSigningName(ctx); v != "" {
		name = v
	}
	//lint:ignore SA1019 how WithSigV4SigningName/Region and v1 endpoints set the signing name and region, as in aws-sdk-go-v2
	if v := awsmiddleware.GetSigningRegion(ctx); v != "" {
		region = v
	}
	if name == "" {
		return &v4.SigningError{Err: fmt.Errorf("sigv4 signing name is required")}
	}
	if region == "" {
		return &v4.SigningError{Err: fmt.Errorf("a region is required to sign requests; set Options.Region")}
	}
	if m.tel == nil {
		creds, err := m.cfg.Credentials.Retrieve(ctx)
		if err != nil {
			return &v4.SigningError{Err: fmt.Errorf("failed to retrieve credentials: %w", err)}
		}
		if err := s.signer.sign(ctx, req, creds, name, region, noEscape); err != nil {
			return &v4.SigningError{Err: err}
		}
		signed.set(creds, name, region)
		return nil
	}
	innerCtx, span := m.tel.span(ctx, "GetIdentity")
	stop := m.tel.timer(ctx, metricResolveIdentity, "auth.scheme_id", smithyauth.SchemeIDSigV4)
	creds, err := m.cfg.Credentials.Retrieve(innerCtx)
	stop()
	span.End()
	if err != nil {
		return &v4.SigningError{Err: fmt.Errorf("failed to retrieve credentials: %w", err)}
	}
	_, span = m.tel.span(ctx, "SignRequest")
	defer span.End()
	defer m.tel.timer(ctx, metricSignRequest, "auth.scheme_id", smithyauth.SchemeIDSigV4)()
	if err := s.signer.sign(ctx, req, creds, name, region, noEscape); err != nil {
		return &v4.SigningError{Err: err}
	}
	signed.set(creds, name, region)
	return nil
}

// signWith signs with a scheme of the caller's, given the merged signer
// properties, as aws-sdk-go-v2 does.
func (m *signer) signWith(ctx context.Context, req *smithyhttp.Request, scheme smithyhttp.AuthScheme, option *smithyauth.Option, signed *streamSigning) error {
	id := scheme.SchemeID()
	var props smithy.Properties
	if m.cfg.AuthSchemeResolver == nil {
		smithyhttp.SetSigV4SigningName(&props, m.svc.SigningName)
		smithyhttp.SetSigV4SigningRegion(&props, m.cfg.Region)
	} else {
		props.SetAll(&option.SignerProperties)
	}
	if eps, ok := middleware.GetStackValue(ctx, endpointAuthKey{}).([]*smithyauth.Option); ok {
		for _, o := range eps {
			props.SetAll(&o.SignerProperties)
		}
	}
	//lint:ignore SA1019 how WithSigV4SigningName/Region and v1 endpoints set the signing name and region, as in aws-sdk-go-v2
	if v := awsmiddleware.GetSigningName(ctx); v != "" {
		switch id {
		case smithyauth.SchemeIDSigV4:
			smithyhttp.SetSigV4SigningName(&props, v)
		case smithyauth.SchemeIDSigV4A:
			smithyhttp.SetSigV4ASigningName(&props, v)
		}
	}
	//lint:ignore SA1019 how WithSigV4SigningName/Region and v1 endpoints set the signing name and region, as in aws-sdk-go-v2
	if v := awsmiddleware.GetSigningRegion(ctx); v != "" {
		switch id {
		case smithyauth.SchemeIDSigV4:
			smithyhttp.SetSigV4SigningRegion(&props, v)
		case smithyauth.SchemeIDSigV4A:
			smithyhttp.SetSigV4ASigningRegions(&props, []string{v})
		}
	}
	resolver := scheme.IdentityResolver(m.cfg.Identities)
	if resolver == nil {
		return fmt.Errorf("no identity resolver")
	}
	innerCtx, span := m.tel.span(ctx, "GetIdentity")
	stop := m.tel.timer(ctx, metricResolveIdentity, "auth.scheme_id", id)
	identity, err := resolver.GetIdentity(innerCtx, option.IdentityProperties)
	stop()
	span.End()
	if err != nil {
		return fmt.Errorf("get identity: %w", err)
	}
	signer := scheme.Signer()
	if signer == nil {
		return fmt.Errorf("no signer")
	}
	_, span = m.tel.span(ctx, "SignRequest")
	defer span.End()
	defer m.tel.timer(ctx, metricSignRequest, "auth.scheme_id", id)()
	if err := signer.SignRequest(ctx, req, identity, props); err != nil {
		return fmt.Errorf("sign request: %w", err)
	}
	if c, ok := identity.(*CredentialsIdentity); ok && id == smithyauth.SchemeIDSigV4 {
		name, _ := smithyhttp.GetSigV4SigningName(&props)
		region, _ := smithyhttp.GetSigV4SigningRegion(&props)
		signed.set(c.Credentials, name, region)
	}
	return nil
}

// matchSchemeID: a registered scheme matches an option by its full ID or
// by the name after '#' ("sigv4" for aws.auth#sigv4).
func matchSchemeID(registered, option string) bool {
	if registered == option {
		return true
	}
	if i := strings.LastIndex(registered, "#"); i != -1 {
		return registered[i+1:] == option
	}
	return false
}

// sortAuthOptions puts the preferred scheme names first, in preference
// order, and keeps the rest in their order.
func sortAuthOptions(options []*smithyauth.Option, preferred []string) []*smithyauth.Option {
	if len(preferred) == 0 {
		return options
	}
	byPriority := make([]*smithyauth.Option, 0, len(options))
	for _, pref := range preferred {
		for _, o := range options {
			name := o.SchemeID
			if parts := strings.Split(o.SchemeID, "#"); len(parts) == 2 {
				name = parts[1]
			}
			if pref == name {
				byPriority = append(byPriority, o)
			}
		}
	}
	for _, o := range options {
		if !slices.ContainsFunc(byPriority, func(p *smithyauth.Option) bool { return p.SchemeID == o.SchemeID }) {
			byPriority = append(byPriority, o)
		}
	}
	return byPriority
}

var defaultSigner = sigv4.NewSigner()

// IsAnonymous reports whether requests go out unsigned: no credentials
// provider, or aws.AnonymousCredentials.
func IsAnonymous(p aws.CredentialsProvider) bool {
	if p == nil {
		return true
	}
	return aws.IsCredentialsProvider(p, aws.AnonymousCredentials{})
}

// WithSigV4SigningName is the APIOption of a generated
// WithSigV4SigningName: the signing name of every SigV4 signature, over
// whatever auth scheme and endpoint resolution said.
func WithSigV4SigningName(name string) func(*middleware.Stack) error {
	return func(s *middleware.Stack) error {
		return s.Initialize.Add(middleware.InitializeMiddlewareFunc("withSigV4SigningName",
			func(ctx context.Context, in middleware.InitializeInput, next middleware.InitializeHandler) (middleware.InitializeOutput, middleware.Metadata, error) {
				//lint:ignore SA1019 how WithSigV4SigningName/Region and v1 endpoints set the signing name and region, as in aws-sdk-go-v2
				return next.HandleInitialize(awsmiddleware.SetSigningName(ctx, name), in)
			}), middleware.Before)
	}
}

// WithSigV4SigningRegion is WithSigV4SigningName for the signing region.
func WithSigV4SigningRegion(region string) func(*middleware.Stack) error {
	return func(s *middleware.Stack) error {
		return s.Initialize.Add(middleware.InitializeMiddlewareFunc("withSigV4SigningRegion",
			func(ctx context.Context, in middleware.InitializeInput, next middleware.InitializeHandler) (middleware.InitializeOutput, middleware.Metadata, error) {
				//lint:ignore SA1019 how WithSigV4SigningName/Region and v1 endpoints set the signing name and region, as in aws-sdk-go-v2
				return next.HandleInitialize(awsmiddleware.SetSigningRegion(ctx, region), in)
			}), middleware.Before)
	}
}
