package client

import (
	"bytes"
	"compress/gzip"
	"fmt"

	"github.com/aws/smithy-go/rand"
)

// defaultMinCompressSize is the smallest body compressed by default, as in
// aws-sdk-go-v2.
const defaultMinCompressSize = 10240

func minCompressSize(cfg *Config) int64 {
	if cfg.RequestMinCompressSizeBytes > 0 {
		return cfg.RequestMinCompressSizeBytes
	}
	return defaultMinCompressSize
}

// CompressBody gzips a request body of an operation with
// @requestCompression when the options allow it and the body is large
// enough; it reports whether it did, so the protocol sets Content-Encoding.
func CompressBody(cfg *Config, body []byte) ([]byte, bool, error) {
	if cfg.DisableRequestCompression || int64(len(body)) < minCompressSize(cfg) {
		return body, false, nil
	}
	z, err := gzipBytes(body)
	if err != nil {
		return nil, false, fmt.Errorf("compress request body: %w", err)
	}
	return z, true, nil
}

func gzipBytes(b []byte) ([]byte, error) {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write(b); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// HostLabel checks an @hostLabel member's value before it becomes part of
// the host name: it must be set and be a valid DNS label.
func HostLabel(member string, v *string) (string, error) {
	if v == nil || *v == "" {
		return "", fmt.Errorf("host label %s is required", member)
	}
	if !validHostLabel(*v) {
		return "", fmt.Errorf("host label %s = %q is not a valid DNS label", member, *v)
	}
	return *v, nil
}

// NewIdempotencyToken returns a random (version 4) UUID.
func NewIdempotencyToken() (string, error) {
	return rand.NewUUID(rand.Reader).GetUUID()
}
