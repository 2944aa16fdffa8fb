package client

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"sort"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/smithy-go/logging"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// redactedHeaders never reach a log: they carry credentials.
var redactedHeaders = map[string]bool{
	"Authorization":        true,
	"X-Amz-Security-Token": true,
}

// logRequest logs each signed attempt as ClientLogMode asks, with credential
// headers redacted.
type logRequest struct {
	mode   aws.ClientLogMode
	redact func([]byte) []byte
}

func (*logRequest) ID() string { return "RequestResponseLogger" }

func (m *logRequest) HandleFinalize(ctx context.Context, in middleware.FinalizeInput, next middleware.FinalizeHandler) (
	middleware.FinalizeOutput, middleware.Metadata, error,
) {
	if m.mode.IsRequest() || m.mode.IsRequestWithBody() {
		if req, ok := in.Request.(*smithyhttp.Request); ok {
			var b strings.Builder
			fmt.Fprintf(&b, "%s %s HTTP/1.1\r\nHost: %s\r\n", req.Method, req.URL.RequestURI(), req.URL.Host)
			writeHeaders(&b, req.Header)
			if m.mode.IsRequestWithBody() {
				if s, ok := req.GetStream().(io.ReadSeeker); ok {
					body, _ := io.ReadAll(s)
					_ = req.RewindStream()
					b.WriteString("\r\n")
					b.Write(redactBody(m.redact, body))
				}
			}
			middleware.GetLogger(ctx).Logf(logging.Debug, "Request\n%s", b.String())
		}
	}
	return next.HandleFinalize(ctx, in)
}

// LogResponse logs a response's status line and headers, and its body when
// the mode asks for it; a protocol's deserializer calls it once it has read
// the body (nil when the body is not logged). redact is the service's
// Service.Redact.
func LogResponse(ctx context.Context, mode aws.ClientLogMode, redact func([]byte) []byte, resp *smithyhttp.Response, body []byte) {
	if !mode.IsResponse() && !mode.IsResponseWithBody() {
		return
	}
	var b strings.Builder
	fmt.Fprintf(&b, "HTTP/1.1 %s\r\n", resp.Status)
	writeHeaders(&b, resp.Header)
	if mode.IsResponseWithBody() {
		b.WriteString("\r\n")
		b.Write(bytes.TrimSpace(redactBody(redact, body)))
	}
	middleware.GetLogger(ctx).Logf(logging.Debug, "Response\n%s", b.String())
}

func writeHeaders(b *strings.Builder, h http.Header) {
	keys := make([]string, 0, len(h))
	for k := range h {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		for _, v := range h[k] {
			if redactedHeaders[http.CanonicalHeaderKey(k)] {
				v = "[REDACTED]"
			}
			fmt.Fprintf(b, "%s: %s\r\n", k, v)
		}
	}
}

func redactBody(redact func([]byte) []byte, body []byte) []byte {
	if redact == nil || len(body) == 0 {
		return body
	}
	return redact(body)
}
