package storagegateway

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/smithy-go"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/gosmith/gosmith/internal/protocol/awsjson"
	"github.com/gosmith/gosmith/service/storagegateway/types"
)

// FuzzDescribeTapeRecoveryPointsResponse feeds arbitrary responses to the
// generated client and checks that it never panics and always returns
// either an output or an error a caller can classify:
//
//   - 2xx: an output and no error, or a *smithy.DeserializationError; a body
//     that is not JSON (and not blank) is always an error; decoding is
//     deterministic; and a decoded output re-encoded with encoding/json
//     decodes to the same output.
//   - anything else: no output, and a *smithy.DeserializationError or a
//     smithy.APIError whose code is the one awsjson.ErrorInfo finds.
//
// status is clamped to 100–599 (values outside 100–599 also select an
// injected X-Amzn-ErrorType naming a modeled error); headers is parsed as
// "Key: value" lines, and a Content-Length line sets the response's
// ContentLength (clamped near the body's real length).
func FuzzDescribeTapeRecoveryPointsResponse(f *testing.F) {
	f.Add(200, "X-Amzn-RequestId: r\n", []byte(`{"GatewayARN":"g","TapeRecoveryPointInfos":[{"TapeARN":"t","TapeRecoveryPointTime":1481896200.004,"TapeSizeInBytes":1,"TapeStatus":"AVAILABLE"}]}`))
	f.Add(400, "X-Amzn-ErrorType: InvalidGatewayRequestException\n", []byte(`{"message":"m","error":{"errorCode":"GatewayNotFound"}}`))
	f.Fuzz(func(t *testing.T, status int, headers string, body []byte) {
		resp := fuzzResponse(status, headers, body)
		out, err := fuzzCall(resp, body)
		fuzzCheckClassified(t, resp, body, out, err)
		if out == nil {
			return
		}
		again, err2 := fuzzCall(resp, body)
		if err2 != nil {
			t.Fatalf("second call failed (%v) where the first succeeded", err2)
		}
		ignoreMeta := cmpopts.IgnoreFields(DescribeTapeRecoveryPointsOutput{}, "ResultMetadata")
		if diff := cmp.Diff(out, again, ignoreMeta); diff != "" {
			t.Fatalf("decoding %q is not deterministic (-first +second):\n%s", body, diff)
		}
		fuzzCheckRoundTrip(t, body, out, ignoreMeta)
	})
}

// fuzzResponse builds the response the fake HTTP client returns; its Body is
// replaced on every call.
func fuzzResponse(status int, headers string, body []byte) *http.Response {
	clamped := ((status-100)%500+500)%500 + 100
	h := http.Header{}
	contentLength := int64(len(body))
	for line := range strings.SplitSeq(headers, "\n") {
		k, v, ok := strings.Cut(line, ":")
		k, v = strings.TrimSpace(k), strings.TrimSpace(v)
		if !ok || k == "" {
			continue
		}
		h.Add(k, v)
		if strings.EqualFold(k, "Content-Length") {
			if n, err := strconv.ParseInt(v, 10, 64); err == nil {
				// Never let a fuzzed header make readBody allocate much.
				contentLength = min(max(n, -1), int64(len(body))+64)
			}
		}
	}
	if h.Get("X-Amzn-ErrorType") == "" {
		switch sel := (status - 100) / 500 % 3; {
		case sel == 1 || sel == -1:
			h.Set("X-Amzn-ErrorType", "InvalidGatewayRequestException")
		case sel == 2 || sel == -2:
			h.Set("X-Amzn-ErrorType", "com.amazonaws.storagegateway#InternalServerError:http://internal.amazon.com/")
		}
	}
	return &http.Response{
		StatusCode:    clamped,
		Status:        strconv.Itoa(clamped) + " " + http.StatusText(clamped),
		Proto:         "HTTP/1.1",
		ProtoMajor:    1,
		ProtoMinor:    1,
		Header:        h,
		ContentLength: contentLength,
	}
}

func fuzzCall(resp *http.Response, body []byte) (*DescribeTapeRecoveryPointsOutput, error) {
	c := New(Options{
		Region:           "us-east-1",
		Credentials:      aws.AnonymousCredentials{},
		RetryMaxAttempts: 1,
		HTTPClient: doFunc(func(r *http.Request) (*http.Response, error) {
			rc := *resp
			rc.Header = resp.Header.Clone()
			rc.Body = io.NopCloser(bytes.NewReader(body))
			rc.Request = r
			return &rc, nil
		}),
	})
	return c.DescribeTapeRecoveryPoints(context.Background(), &DescribeTapeRecoveryPointsInput{GatewayARN: aws.String(gatewayARN)})
}

func fuzzCheckClassified(t *testing.T, resp *http.Response, body []byte, out *DescribeTapeRecoveryPointsOutput, err error) {
	t.Helper()
	if (out == nil) == (err == nil) {
		t.Fatalf("status %d body %q: output %v with error %v; want exactly one", resp.StatusCode, body, out, err)
	}
	success := resp.StatusCode >= 200 && resp.StatusCode < 300
	if out != nil {
		if !success {
			t.Fatalf("status %d gave an output", resp.StatusCode)
		}
		if len(bytes.TrimSpace(body)) != 0 && !json.Valid(body) {
			t.Fatalf("status %d: body %q is not JSON, yet it decoded", resp.StatusCode, body)
		}
		return
	}
	var de *smithy.DeserializationError
	var api smithy.APIError
	switch {
	case errors.As(err, &de):
	case errors.As(err, &api):
		if success {
			t.Fatalf("status %d gave an API error %v", resp.StatusCode, err)
		}
		code, _, infoErr := awsjson.ErrorInfo(resp.Header, body)
		if infoErr != nil {
			t.Fatalf("an APIError (%v) for a body ErrorInfo rejects: %v", err, infoErr)
		}
		if !strings.EqualFold(api.ErrorCode(), code) {
			t.Fatalf("API error code %q, want %q", api.ErrorCode(), code)
		}
	default:
		t.Fatalf("status %d body %q: error %T %v is neither a DeserializationError nor an APIError", resp.StatusCode, body, err, err)
	}
}

// fuzzWireOutput mirrors DescribeTapeRecoveryPointsOutput as the service writes
// it; encoding/json writes it back so the client can decode it again.
type fuzzWireOutput struct {
	GatewayARN             *string         `json:"GatewayARN"`
	Marker                 *string         `json:"Marker"`
	TapeRecoveryPointInfos *[]fuzzWireInfo `json:"TapeRecoveryPointInfos"`
}

type fuzzWireInfo struct {
	TapeARN               *string      `json:"TapeARN"`
	TapeRecoveryPointTime *json.Number `json:"TapeRecoveryPointTime"`
	TapeSizeInBytes       *int64       `json:"TapeSizeInBytes"`
	TapeStatus            *string      `json:"TapeStatus"`
}

// fuzzCheckRoundTrip re-encodes out with encoding/json and decodes it again.
// Timestamps the epoch-seconds format cannot carry (sub-millisecond ones,
// which only the nanosecond overflow documented in
// TestEpochSecondsBeyond2262Wrap produces) are written as null and left out
// of the comparison.
func fuzzCheckRoundTrip(t *testing.T, body []byte, out *DescribeTapeRecoveryPointsOutput, opts ...cmp.Option) {
	t.Helper()
	want := *out
	w := fuzzWireOutput{GatewayARN: out.GatewayARN, Marker: out.Marker}
	if out.TapeRecoveryPointInfos != nil {
		infos := make([]fuzzWireInfo, len(out.TapeRecoveryPointInfos))
		want.TapeRecoveryPointInfos = make([]types.TapeRecoveryPointInfo, len(infos))
		for i, in := range out.TapeRecoveryPointInfos {
			infos[i] = fuzzWireInfo{TapeARN: in.TapeARN, TapeSizeInBytes: in.TapeSizeInBytes, TapeStatus: in.TapeStatus}
			if tm := in.TapeRecoveryPointTime; tm != nil && tm.UnixNano()%1e6 == 0 {
				infos[i].TapeRecoveryPointTime = new(fuzzEpochSeconds(*tm))
			} else {
				in.TapeRecoveryPointTime = nil
			}
			want.TapeRecoveryPointInfos[i] = in
		}
		w.TapeRecoveryPointInfos = &infos
	}
	encoded, err := json.Marshal(w)
	if err != nil {
		t.Fatal(err)
	}
	got, err := fuzzCall(fuzzResponse(200, "", encoded), encoded)
	if err != nil {
		t.Fatalf("re-encoded output %s of %q does not decode: %v", encoded, body, err)
	}
	if diff := cmp.Diff(&want, got, opts...); diff != "" {
		t.Fatalf("round trip of %q through %s (-want +got):\n%s", body, encoded, diff)
	}
}

// fuzzEpochSeconds writes t's milliseconds as seconds with a trailing 4
// in the ten-thousandths place, so the client's float64 multiply-and-truncate
// lands on the same millisecond whatever the rounding (0.4 ms of margin).
func fuzzEpochSeconds(t time.Time) json.Number {
	ms := t.UnixMilli()
	sign := ""
	if ms < 0 {
		sign, ms = "-", -ms
	}
	return json.Number(sign + strconv.FormatInt(ms/1000, 10) + "." + fuzzLeftPad(strconv.FormatInt(ms%1000, 10), 3) + "4")
}

func fuzzLeftPad(s string, n int) string {
	return strings.Repeat("0", max(n-len(s), 0)) + s
}

// BUG (inherited from smithy-go's ParseEpochSeconds, which jsonwire copies on
// purpose): epoch seconds at or after 2262-04-11T23:47:16Z overflow the
// int64 nanosecond count, ms*1e6, and wrap silently to a date around 1700
// with a sub-millisecond part instead of failing or saturating.
// Reproduction: a 200 response {"TapeRecoveryPointInfos":[{"TapeRecoveryPointTime":1e10}]}
// decodes to 1702-05-02T18:12:06.290448384Z, not 2286-11-20T17:46:40Z.
func TestEpochSecondsBeyond2262Wrap(t *testing.T) {
	body := []byte(`{"TapeRecoveryPointInfos":[{"TapeRecoveryPointTime":1e10}]}`)
	out, err := fuzzCall(fuzzResponse(200, "", body), body)
	if err != nil {
		return // rejecting an unrepresentable timestamp is a fix too
	}
	got := *out.TapeRecoveryPointInfos[0].TapeRecoveryPointTime
	if want := time.Unix(1e10, 0).UTC(); !got.Equal(want) {
		t.Errorf("TapeRecoveryPointTime 1e10 decoded as %v, want %v or an error", got, want)
	}
}

// 100,000 nested arrays in a member the client does not model end in a
// DeserializationError naming the depth limit, not a stack overflow.
func TestHostileNestingInAnUnmodeledMember(t *testing.T) {
	body := []byte(`{"GatewayARN":"g","Unknown":` + strings.Repeat("[", 100_000) + strings.Repeat("]", 100_000) + `}`)
	out, err := fuzzCall(fuzzResponse(200, "", body), body)
	var de *smithy.DeserializationError
	if out != nil || !errors.As(err, &de) || !strings.Contains(err.Error(), "max depth") || !strings.Contains(err.Error(), "$.Unknown") {
		t.Fatalf("got %v, %v; want a max depth DeserializationError at $.Unknown", out, err)
	}
}
