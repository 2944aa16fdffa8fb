package client

import (
	"context"
	"crypto/md5"
	"encoding/base64"
	"fmt"
	"io"
	"runtime"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// validator rejects a bad input before anything is serialized or sent.
type validator struct {
	validate func(any) error
}

func (*validator) ID() string { return "OperationInputValidation" }

func (m *validator) HandleInitialize(ctx context.Context, in middleware.InitializeInput, next middleware.InitializeHandler) (
	middleware.InitializeOutput, middleware.Metadata, error,
) {
	if err := m.validate(in.Parameters); err != nil {
		return middleware.InitializeOutput{}, middleware.Metadata{}, err
	}
	return next.HandleInitialize(ctx, in)
}

// idempotencyToken fills a nil idempotency token before validation, so a
// required token never fails for being left to the SDK: from the
// configured provider, else a random UUID.
type idempotencyToken struct {
	fill     func(any, func() (string, error)) (any, error)
	provider IdempotencyTokenProvider
}

func (*idempotencyToken) ID() string { return "OperationIdempotencyTokenAutoFill" }

func (m *idempotencyToken) HandleInitialize(ctx context.Context, in middleware.InitializeInput, next middleware.InitializeHandler) (
	middleware.InitializeOutput, middleware.Metadata, error,
) {
	newToken := NewIdempotencyToken
	if m.provider != nil {
		newToken = m.provider.GetIdempotencyToken
	}
	filled, err := m.fill(in.Parameters, newToken)
	if err != nil {
		return middleware.InitializeOutput{}, middleware.Metadata{}, fmt.Errorf("idempotency token: %w", err)
	}
	in.Parameters = filled
	return next.HandleInitialize(ctx, in)
}

// contentMD5 sets Content-MD5 to the base64 MD5 of the request body
// (@httpChecksumRequired), unless the caller set it; a streamed body must
// be seekable to be hashed.
type contentMD5 struct{}

func (contentMD5) ID() string { return "ContentChecksum" }

func (contentMD5) HandleBuild(ctx context.Context, in middleware.BuildInput, next middleware.BuildHandler) (
	middleware.BuildOutput, middleware.Metadata, error,
) {
	req, ok := in.Request.(*smithyhttp.Request)
	if !ok {
		return middleware.BuildOutput{}, middleware.Metadata{}, fmt.Errorf("unknown transport type %T", in.Request)
	}
	if req.Header.Get("Content-MD5") == "" {
		sum := md5.New()
		if stream := req.GetStream(); stream != nil {
			if !req.IsStreamSeekable() {
				return middleware.BuildOutput{}, middleware.Metadata{}, fmt.Errorf("Content-MD5: the request body is not seekable")
			}
			if _, err := io.Copy(sum, stream); err != nil {
				return middleware.BuildOutput{}, middleware.Metadata{}, fmt.Errorf("Content-MD5: %w", err)
			}
			if err := req.RewindStream(); err != nil {
				return middleware.BuildOutput{}, middleware.Metadata{}, fmt.Errorf("Content-MD5: %w", err)
			}
		}
		req.Header.Set("Content-MD5", base64.StdEncoding.EncodeToString(sum.Sum(nil)))
	}
	return next.HandleBuild(ctx, in)
}

// userAgent names gosmith and the Go version; aws-sdk-go-v2 leaves it out of
// the signature too.
type userAgent struct{}

func (userAgent) ID() string { return "UserAgent" }

func (userAgent) HandleBuild(ctx context.Context, in middleware.BuildInput, next middleware.BuildHandler) (
	middleware.BuildOutput, middleware.Metadata, error,
) {
	if req, ok := in.Request.(*smithyhttp.Request); ok && req.Header.Get("User-Agent") == "" {
		req.Header.Set("User-Agent", "gosmith lang/go#"+runtime.Version())
	}
	return next.HandleBuild(ctx, in)
}

// signer signs each attempt with SigV4; the retry middleware sits before it,
// so every retry gets a fresh date and signature.
type signer struct {
	svc *Service
	cfg *Config
}

func (*signer) ID() string { return "Signing" }

func (m *signer) HandleFinalize(ctx context.Context, in middleware.FinalizeInput, next middleware.FinalizeHandler) (
	middleware.FinalizeOutput, middleware.Metadata, error,
) {
	if IsAnonymous(m.cfg.Credentials) {
		return next.HandleFinalize(ctx, in)
	}
	req, ok := in.Request.(*smithyhttp.Request)
	if !ok {
		return middleware.FinalizeOutput{}, middleware.Metadata{}, &v4.SigningError{Err: fmt.Errorf("unexpected request middleware type %T", in.Request)}
	}
	name, region := m.svc.SigningName, m.cfg.Region
	if o, ok := middleware.GetStackValue(ctx, signingOverrideKey{}).(signingOverride); ok {
		if o.name != "" {
			name = o.name
		}
		if o.region != "" {
			region = o.region
		}
	}
	if region == "" {
		return middleware.FinalizeOutput{}, middleware.Metadata{}, &v4.SigningError{Err: fmt.Errorf("a region is required to sign requests; set Options.Region")}
	}
	creds, err := m.cfg.Credentials.Retrieve(ctx)
	if err != nil {
		return middleware.FinalizeOutput{}, middleware.Metadata{}, &v4.SigningError{Err: fmt.Errorf("failed to retrieve credentials: %w", err)}
	}
	var s HTTPSigner = defaultSigner
	if m.cfg.Signer != nil {
		s = m.cfg.Signer
	}
	now := time.Now
	if m.cfg.Clock != nil {
		now = m.cfg.Clock
	}
	err = s.SignHTTP(ctx, creds, req.Request, v4.GetPayloadHash(ctx), name, region, now().UTC())
	if err != nil {
		return middleware.FinalizeOutput{}, middleware.Metadata{}, &v4.SigningError{Err: err}
	}
	return next.HandleFinalize(ctx, in)
}

var defaultSigner = v4.NewSigner()

// IsAnonymous reports whether requests go out unsigned: no credentials
// provider, or aws.AnonymousCredentials.
func IsAnonymous(p aws.CredentialsProvider) bool {
	if p == nil {
		return true
	}
	return aws.IsCredentialsProvider(p, aws.AnonymousCredentials{})
}
