// Package bench compares gosmith's generated Storage Gateway client with
// aws-sdk-go-v2's on the same in-memory work. It is its own module so that the
// root module never requires a v2 service package; everything here is
// test-only tooling. See ../BENCHMARKS.md for the method and the latest numbers.
package bench

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
)

// Fixed request values shared by every benchmark.
const (
	region     = "us-east-1"
	gatewayARN = "arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-12A3456B"
	requestID  = "c0f8a7d2-5a3e-4f0b-9d7c-2b1e6f4a8c31"
)

// staticCredentials never changes and never expires. Both clients get it
// wrapped in aws.CredentialsCache: gosmith's New wraps a provider itself,
// aws-sdk-go-v2's New does not (config.LoadDefaultConfig would), so the v2
// client is handed aws.NewCredentialsCache(staticCredentials) explicitly.
var staticCredentials = aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
	return aws.Credentials{
		AccessKeyID:     "AKIDEXAMPLE",
		SecretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
		Source:          "bench",
	}, nil
})

// cannedClient is an in-memory HTTP client: it drains and closes the request
// body, as a transport would, and answers every request with the same status,
// headers and body. It never touches the network. The header map is shared
// between responses; neither client writes to response headers.
type cannedClient struct {
	status int
	header http.Header
	body   []byte
	// seen, when set, receives each request body (tests only).
	seen func(*http.Request, []byte)
}

func newCannedClient(status int, body []byte) *cannedClient {
	h := http.Header{}
	h.Set("Content-Type", "application/x-amz-json-1.1")
	h.Set("X-Amzn-Requestid", requestID)
	h.Set("Content-Length", strconv.Itoa(len(body)))
	h.Set("Date", "Mon, 15 Apr 2024 12:00:00 GMT")
	if status >= 300 {
		h.Set("X-Amzn-Errortype", "InvalidGatewayRequestException:")
	}
	return &cannedClient{status: status, header: h, body: body}
}

func (c *cannedClient) Do(req *http.Request) (*http.Response, error) {
	if req.Body != nil {
		if c.seen != nil {
			b, err := io.ReadAll(req.Body)
			if err != nil {
				return nil, err
			}
			c.seen(req, b)
		} else if _, err := io.Copy(io.Discard, req.Body); err != nil {
			return nil, err
		}
		req.Body.Close()
	}
	return &http.Response{
		Status:        strconv.Itoa(c.status) + " " + http.StatusText(c.status),
		StatusCode:    c.status,
		Proto:         "HTTP/1.1",
		ProtoMajor:    1,
		ProtoMinor:    1,
		Header:        c.header,
		Body:          io.NopCloser(bytes.NewReader(c.body)),
		ContentLength: int64(len(c.body)),
		Request:       req,
	}, nil
}

// tapeStatuses are the statuses a recovery point's tape can report.
var tapeStatuses = []string{"AVAILABLE", "RECOVERED", "IN_TRANSIT_TO_VTS", "ARCHIVED"}

// recoveryPointsBody is a DescribeTapeRecoveryPoints response holding n
// recovery points: realistic tape ARNs, epoch-second timestamps with a
// millisecond fraction, sizes from 100 GiB to 2.5 TiB, and a status. It is
// deterministic, so both clients always decode the same bytes.
func recoveryPointsBody(n int) []byte {
	var b strings.Builder
	b.Grow(160 + n*190)
	b.WriteString(`{"GatewayARN":"`)
	b.WriteString(gatewayARN)
	b.WriteString(`","Marker":"eyJ0YXBlQVJOIjoiYXJuOmF3czpzdG9yYWdlZ2F0ZXdheTp1cy1lYXN0LTEifQ==","TapeRecoveryPointInfos":[`)
	const base = int64(1712345678) // 2024-04-05T19:34:38Z
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		secs := base + int64(i)*3607
		millis := (i*137 + 1) % 1000
		size := (int64(100) + int64(i%25)*100) << 30
		fmt.Fprintf(&b,
			`{"TapeARN":"arn:aws:storagegateway:us-east-1:111122223333:tape/TST%05X%02X","TapeRecoveryPointTime":%d.%03d,"TapeSizeInBytes":%d,"TapeStatus":"%s"}`,
			i, i%251, secs, millis, size, tapeStatuses[i%len(tapeStatuses)])
	}
	b.WriteString(`]}`)
	return []byte(b.String())
}

// errorBody is a modeled InvalidGatewayRequestException with the
// service-specific error member.
var errorBody = []byte(`{"__type":"InvalidGatewayRequestException","message":"The specified gateway was not found.",` +
	`"error":{"errorCode":"GatewayNotFound","errorDetails":{"gatewayArn":"` + gatewayARN + `","region":"us-east-1"}}}`)
