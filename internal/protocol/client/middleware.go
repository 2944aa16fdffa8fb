package client

import (
	"context"
	"crypto/md5"
	"encoding/base64"
	"fmt"
	"io"

	"github.com/aws/smithy-go"
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

// MissingParam adds to e that the required member name is missing, as
// aws-sdk-go-v2's validators do (smithy.NewErrParamRequired). Generated
// validators call it rather than spell that out at every member: the
// error's construction would otherwise be compiled into each of them.
func MissingParam(e *smithy.InvalidParamsError, name string) {
	e.Add(smithy.NewErrParamRequired(name))
}
