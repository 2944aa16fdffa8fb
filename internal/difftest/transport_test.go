package difftest

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash/crc32"
	"io"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
)

// captured is one request as the transport saw it.
type captured struct {
	req  *http.Request
	body []byte
	// hasBody: the request had a body to read (not nil, not http.NoBody).
	hasBody bool
	readErr error
}

type reply struct {
	status int
	header http.Header
	body   []byte
	// noCRC32: no X-Amz-Crc32, even from a transport that adds it.
	noCRC32 bool
}

// fakeHTTP is an in-memory HTTP client: it records each request and answers
// with the configured reply.
type fakeHTTP struct {
	// crc32: replies carry X-Amz-Crc32, the CRC-32 of their body, unless
	// they set it themselves or ask for none.
	crc32 bool
	mu    sync.Mutex
	reqs  []captured
	reply reply
}

func (f *fakeHTTP) Do(r *http.Request) (*http.Response, error) {
	c := captured{req: r, hasBody: r.Body != nil && r.Body != http.NoBody}
	if r.Body != nil {
		c.body, c.readErr = io.ReadAll(r.Body)
		r.Body.Close()
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.reqs = append(f.reqs, c)
	h := http.Header{}
	for k, v := range f.reply.header {
		h[k] = append([]string(nil), v...)
	}
	h.Set("X-Amzn-Requestid", requestID)
	if f.crc32 && h.Get("X-Amz-Crc32") == "" && !f.reply.noCRC32 {
		h.Set("X-Amz-Crc32", strconv.FormatUint(uint64(crc32.ChecksumIEEE(f.reply.body)), 10))
	}
	return &http.Response{
		Status:        fmt.Sprintf("%d %s", f.reply.status, http.StatusText(f.reply.status)),
		StatusCode:    f.reply.status,
		Proto:         "HTTP/1.1",
		ProtoMajor:    1,
		ProtoMinor:    1,
		Header:        h,
		Body:          io.NopCloser(bytes.NewReader(f.reply.body)),
		ContentLength: int64(len(f.reply.body)),
		Request:       r,
	}, nil
}

func (f *fakeHTTP) set(r reply) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.reply = r
	f.reqs = nil
}

func (f *fakeHTTP) last() (captured, int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.reqs) == 0 {
		return captured{}, 0
	}
	return f.reqs[len(f.reqs)-1], len(f.reqs)
}

// differingHeaders legitimately differ between the clients or between two
// calls; they are removed before re-signing.
var differingHeaders = []string{"Authorization", "X-Amz-Date", "Amz-Sdk-Invocation-Id", "Amz-Sdk-Request", "User-Agent", "X-Amz-Security-Token"}

// resign signs a captured request again, at a fixed time, without the
// headers that may differ, over body.
func resign(c captured, body []byte, signingName string) (string, error) {
	r := c.req.Clone(context.Background())
	for _, h := range differingHeaders {
		r.Header.Del(h)
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
	sum := sha256.Sum256(body)
	err := v4.NewSigner().SignHTTP(context.Background(), creds, r, hex.EncodeToString(sum[:]), signingName, region,
		time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC))
	return r.Header.Get("Authorization"), err
}

// signingTime is the clock both clients sign with in this test.
var signingTime = time.Date(2024, 6, 11, 12, 0, 0, 0, time.UTC)

// fixedSigner is both clients' HTTPSignerV4: the aws-sdk-go-v2 signer at a
// fixed time, with the per-call random invocation ID pinned, so the two
// clients' Authorization headers can be compared byte for byte.
type fixedSigner struct{}

func (fixedSigner) SignHTTP(ctx context.Context, c aws.Credentials, r *http.Request, hash, service, region string, _ time.Time, optFns ...func(*v4.SignerOptions)) error {
	r.Header.Set("Amz-Sdk-Invocation-Id", "00000000-0000-4000-8000-000000000000")
	return v4.NewSigner().SignHTTP(ctx, c, r, hash, service, region, signingTime, optFns...)
}
