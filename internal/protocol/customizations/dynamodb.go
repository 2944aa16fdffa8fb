package customizations

import (
	"compress/gzip"
	"context"
	"fmt"
	"hash"
	"hash/crc32"
	"io"
	"strconv"

	"github.com/aws/smithy-go"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// AcceptEncoding asks for gzip-compressed responses and decompresses them
// when gzip is true; otherwise it asks for none ("Accept-Encoding:
// identity", which Go's transport would else replace with gzip). Both are
// signed, as in aws-sdk-go-v2 (DynamoDB's EnableAcceptEncodingGzip).
func AcceptEncoding(gzip bool) func(*middleware.Stack) error {
	return func(stack *middleware.Stack) error {
		if !gzip {
			return stack.Finalize.Add(finalizeHeader{id: "DisableAcceptEncodingGzip", name: "Accept-Encoding", value: "identity"}, middleware.Before)
		}
		if err := stack.Finalize.Add(finalizeHeader{id: "AcceptEncodingGzip", name: "Accept-Encoding", value: "gzip"}, middleware.Before); err != nil {
			return err
		}
		return stack.Deserialize.Insert(decompressGzip{}, "OperationDeserializer", middleware.After)
	}
}

// finalizeHeader sets a header before the request is signed.
type finalizeHeader struct{ id, name, value string }

// Reentrant: it keeps nothing of a call (client.Reentrant).
func (finalizeHeader) Reentrant() {}

func (m finalizeHeader) ID() string { return m.id }

func (m finalizeHeader) HandleFinalize(ctx context.Context, in middleware.FinalizeInput, next middleware.FinalizeHandler) (
	middleware.FinalizeOutput, middleware.Metadata, error,
) {
	req, ok := in.Request.(*smithyhttp.Request)
	if !ok {
		return middleware.FinalizeOutput{}, middleware.Metadata{}, &smithy.SerializationError{Err: fmt.Errorf("unknown transport type %T", in.Request)}
	}
	req.Header.Set(m.name, m.value)
	return next.HandleFinalize(ctx, in)
}

// decompressGzip decompresses a gzip-encoded response body as it is read.
type decompressGzip struct{}

func (decompressGzip) ID() string { return "DecompressGzip" }

// Reentrant: it keeps nothing of a call (client.Reentrant).
func (decompressGzip) Reentrant() {}

func (decompressGzip) HandleDeserialize(ctx context.Context, in middleware.DeserializeInput, next middleware.DeserializeHandler) (
	middleware.DeserializeOutput, middleware.Metadata, error,
) {
	out, metadata, err := next.HandleDeserialize(ctx, in)
	if err != nil {
		return out, metadata, err
	}
	if resp, ok := out.RawResponse.(*smithyhttp.Response); ok && resp.Header.Get("Content-Encoding") == "gzip" {
		resp.Header.Del("Content-Length")
		resp.ContentLength = -1
		resp.Body = &gzipBody{raw: resp.Body}
	}
	return out, metadata, nil
}

type gzipBody struct {
	raw io.ReadCloser
	zr  *gzip.Reader
}

func (g *gzipBody) Read(p []byte) (int, error) {
	if g.zr == nil {
		zr, err := gzip.NewReader(g.raw)
		if err != nil {
			return 0, fmt.Errorf("failed to decompress gzip response: %w", err)
		}
		g.zr = zr
	}
	return g.zr.Read(p)
}

func (g *gzipBody) Close() error {
	if g.zr != nil {
		g.zr.Close()
	}
	return g.raw.Close()
}

// DynamoDBChecksum checks a response's body against its X-Amz-Crc32
// header (the IEEE CRC-32 of the bytes as sent), unless disabled
// (DisableValidateResponseChecksum). A mismatch is a retryable error: the
// body was damaged on the way.
func DynamoDBChecksum(disable bool) func(*middleware.Stack) error {
	return func(stack *middleware.Stack) error {
		if disable {
			return nil
		}
		// The body is wrapped next to the transport, under any
		// decompression; the verdict is read once the output is decoded.
		if err := stack.Deserialize.Add(crc32Wrap{}, middleware.After); err != nil {
			return err
		}
		return stack.Deserialize.Insert(crc32Verify{}, "OperationDeserializer", middleware.Before)
	}
}

// crc32Check is one call's checksum state: crc32Verify makes it and hands
// it to crc32Wrap in the context, so the two middleware keep nothing of a
// call in themselves and a prepared stack can serve concurrent calls.
type crc32Check struct {
	body *crc32Body
}

type crc32CheckKey struct{}

type crc32Wrap struct{}

func (crc32Wrap) ID() string { return "DynamoDB:ResponseChecksumValidation" }

// Reentrant: the call's state travels in its context (client.Reentrant).
func (crc32Wrap) Reentrant() {}

func (crc32Wrap) HandleDeserialize(ctx context.Context, in middleware.DeserializeInput, next middleware.DeserializeHandler) (
	middleware.DeserializeOutput, middleware.Metadata, error,
) {
	out, metadata, err := next.HandleDeserialize(ctx, in)
	if err != nil {
		return out, metadata, err
	}
	resp, ok := out.RawResponse.(*smithyhttp.Response)
	check, _ := ctx.Value(crc32CheckKey{}).(*crc32Check)
	if !ok || check == nil {
		return out, metadata, nil
	}
	check.body = nil // a retry's response replaces the last one's
	v := resp.Header.Get("X-Amz-Crc32")
	if v == "" {
		return out, metadata, nil
	}
	want, perr := strconv.ParseUint(v, 10, 32)
	if perr != nil {
		// In aws-sdk-go-v2's words.
		return out, metadata, &smithy.DeserializationError{Err: fmt.Errorf("unable to parse checksum header %v, %w", v, perr)}
	}
	if resp.Body != nil {
		b := &crc32Body{raw: resp.Body, hash: crc32.NewIEEE(), want: uint32(want)}
		resp.Body, check.body = b, b
	}
	return out, metadata, nil
}

type crc32Verify struct{}

func (crc32Verify) ID() string { return "DynamoDB:ResponseChecksumVerdict" }

// Reentrant: the call's state travels in its context (client.Reentrant).
func (crc32Verify) Reentrant() {}

func (crc32Verify) HandleDeserialize(ctx context.Context, in middleware.DeserializeInput, next middleware.DeserializeHandler) (
	middleware.DeserializeOutput, middleware.Metadata, error,
) {
	check := &crc32Check{}
	out, metadata, err := next.HandleDeserialize(context.WithValue(ctx, crc32CheckKey{}, check), in)
	if b := check.body; b != nil {
		if verr := b.verdict(); verr != nil {
			return out, metadata, verr
		}
	}
	return out, metadata, err
}

// crc32Body hashes a body as it is read; once it has been read to its end
// (Close drains what the decoder left) it knows whether it matched.
type crc32Body struct {
	raw     io.ReadCloser
	hash    hash.Hash32
	want    uint32
	done    bool
	readErr error
}

func (b *crc32Body) Read(p []byte) (int, error) {
	n, err := b.raw.Read(p)
	b.hash.Write(p[:n])
	if err == io.EOF {
		b.done = true
	}
	return n, err
}

func (b *crc32Body) Close() error {
	if !b.done {
		if _, err := io.Copy(b.hash, b.raw); err != nil {
			b.readErr = err
		}
		b.done = true
	}
	return b.raw.Close()
}

// verdict is the checksum's result: nil when the body matched, or when it
// was never read to its end (the call failed otherwise).
func (b *crc32Body) verdict() error {
	if !b.done {
		if err := b.Close(); err != nil {
			return nil
		}
	}
	if b.readErr != nil {
		return nil
	}
	if got := b.hash.Sum32(); got != b.want {
		return &smithy.DeserializationError{Err: checksumMismatch{want: b.want, got: got}}
	}
	return nil
}

// checksumMismatch is retryable: the response was damaged in transit.
type checksumMismatch struct{ want, got uint32 }

func (e checksumMismatch) Error() string {
	return fmt.Sprintf("response body CRC-32 %d does not match X-Amz-Crc32 %d", e.got, e.want)
}

func (checksumMismatch) RetryableError() bool { return true }
