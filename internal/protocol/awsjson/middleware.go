package awsjson

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"runtime"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/aws/smithy-go"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"

	"github.com/gosmith/gosmith/internal/protocol/jsonwire"
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

// serializer writes the awsJson request: POST /, the protocol headers and the
// JSON body.
type serializer struct {
	svc *Service
	cfg *Config
	op  *opRuntime
}

func (*serializer) ID() string { return "OperationSerializer" }

func (m *serializer) HandleSerialize(ctx context.Context, in middleware.SerializeInput, next middleware.SerializeHandler) (
	middleware.SerializeOutput, middleware.Metadata, error,
) {
	request, ok := in.Request.(*smithyhttp.Request)
	if !ok {
		return middleware.SerializeOutput{}, middleware.Metadata{}, &smithy.SerializationError{Err: fmt.Errorf("unknown transport type %T", in.Request)}
	}
	e := jsonwire.NewEncoder(make([]byte, 0, 256))
	if err := m.op.serialize(e, in.Parameters); err != nil {
		return middleware.SerializeOutput{}, middleware.Metadata{}, &smithy.SerializationError{Err: err}
	}
	if err := e.Err(); err != nil {
		return middleware.SerializeOutput{}, middleware.Metadata{}, &smithy.SerializationError{Err: err}
	}
	if m.op.hostPrefix != nil {
		prefix, err := m.op.hostPrefix(in.Parameters)
		if err != nil {
			return middleware.SerializeOutput{}, middleware.Metadata{}, &smithy.SerializationError{Err: err}
		}
		request.URL.Host = prefix + request.URL.Host
	}
	request.Method = "POST"
	request.Header.Set("Content-Type", m.svc.ContentType)
	request.Header.Set("X-Amz-Target", m.svc.TargetPrefix+"."+m.op.name)
	if m.svc.QueryCompatible {
		request.Header.Set("X-Amzn-Query-Mode", "true")
	}
	body := e.Bytes()
	if m.op.compress && !m.cfg.DisableRequestCompression && int64(len(body)) >= minCompressSize(m.cfg) {
		var err error
		if body, err = gzipBytes(body); err != nil {
			return middleware.SerializeOutput{}, middleware.Metadata{}, &smithy.SerializationError{Err: fmt.Errorf("compress request body: %w", err)}
		}
		request.Header.Set("Content-Encoding", "gzip")
	}
	rc, err := request.SetStream(bytes.NewReader(body))
	if err != nil {
		return middleware.SerializeOutput{}, middleware.Metadata{}, &smithy.SerializationError{Err: err}
	}
	in.Request = rc
	return next.HandleSerialize(ctx, in)
}

// idempotencyToken fills a nil idempotency token with a fresh UUID before
// validation, so a required token never fails for being left to the SDK.
type idempotencyToken struct {
	fill func(any) (any, error)
}

func (*idempotencyToken) ID() string { return "OperationIdempotencyTokenAutoFill" }

func (m *idempotencyToken) HandleInitialize(ctx context.Context, in middleware.InitializeInput, next middleware.InitializeHandler) (
	middleware.InitializeOutput, middleware.Metadata, error,
) {
	filled, err := m.fill(in.Parameters)
	if err != nil {
		return middleware.InitializeOutput{}, middleware.Metadata{}, fmt.Errorf("idempotency token: %w", err)
	}
	in.Parameters = filled
	return next.HandleInitialize(ctx, in)
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

// deserializer decodes a successful response's output as its body arrives;
// an error response (or one whose body is to be logged) is read whole first.
type deserializer struct {
	op   *opRuntime
	svc  *Service
	mode aws.ClientLogMode
}

func (*deserializer) ID() string { return "OperationDeserializer" }

func (m *deserializer) HandleDeserialize(ctx context.Context, in middleware.DeserializeInput, next middleware.DeserializeHandler) (
	middleware.DeserializeOutput, middleware.Metadata, error,
) {
	out, metadata, err := next.HandleDeserialize(ctx, in)
	if err != nil {
		return out, metadata, err
	}
	resp, ok := out.RawResponse.(*smithyhttp.Response)
	if !ok {
		return out, metadata, &smithy.DeserializationError{Err: fmt.Errorf("unknown transport type %T", out.RawResponse)}
	}
	if resp.Body == nil {
		resp.Body = http.NoBody // a careless HTTPClient
	}
	ok2xx := resp.StatusCode >= 200 && resp.StatusCode < 300
	if ok2xx && !m.mode.IsResponseWithBody() {
		logResponse(ctx, m.mode, nil, resp, nil)
		defer resp.Body.Close()
		out.Result, err = m.decodeOutput(resp.Body, resp.ContentLength)
		return out, metadata, err
	}
	body, err := readBody(resp)
	if err != nil {
		// A transfer cut short is a network fault, not a bad response: the
		// retryer may try again (connection resets it recognises itself).
		return out, metadata, &smithy.DeserializationError{Err: &bodyReadError{err: err}}
	}
	logResponse(ctx, m.mode, m.svc.SensitiveKeys, resp, body)
	if !ok2xx {
		return out, metadata, decodeError(m.svc, resp.Header, body, m.op.errors)
	}
	out.Result, err = m.decodeOutput(bytes.NewReader(body), -1)
	return out, metadata, err
}

// decodeOutput decodes the operation's output from a 2xx body (of length
// bytes when that is positive). A nil output goes with an error.
func (m *deserializer) decodeOutput(body io.Reader, length int64) (any, error) {
	output := m.op.newOutput()
	if err := decodeStream(body, length, func(d *jsonwire.Decoder) error { return m.op.deserialize(d, output) }); err != nil {
		return nil, err
	}
	return output, nil
}

// readBody reads and closes the response body. With a Content-Length it
// starts from a buffer of that size, up to maxPresizedBody so a hostile
// header cannot make us allocate before bytes arrive; once that much has
// arrived it grows once to the announced length. It never regrows to read
// EOF as bytes.Buffer does, and rejects a body shorter or longer than
// announced.
func readBody(resp *smithyhttp.Response) ([]byte, error) {
	defer resp.Body.Close()
	n := resp.ContentLength
	if n <= 0 {
		return io.ReadAll(resp.Body)
	}
	buf := make([]byte, 0, min(n, maxPresizedBody))
	for int64(len(buf)) < n {
		if len(buf) == cap(buf) {
			// The server has sent maxPresizedBody bytes of what it announced:
			// trust the rest of the length now, and grow once.
			bigger := make([]byte, len(buf), n)
			copy(bigger, buf)
			buf = bigger
		}
		m, err := resp.Body.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+m]
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
	}
	if int64(len(buf)) < n {
		return nil, lengthMismatch(n, int64(len(buf)))
	}
	if extra, _ := io.ReadAll(io.LimitReader(resp.Body, 1)); len(extra) > 0 {
		return nil, lengthMismatch(n, n+1)
	}
	return buf, nil
}

// lengthMismatch reports a body of got bytes (or more) that announced want.
// A short body wraps io.ErrUnexpectedEOF: the transfer was cut.
func lengthMismatch(want, got int64) error {
	if got < want {
		return fmt.Errorf("body shorter than its Content-Length %d: %w", want, io.ErrUnexpectedEOF)
	}
	return fmt.Errorf("body longer than its Content-Length %d", want)
}

// maxPresizedBody bounds the buffer a Content-Length header can make us
// allocate up front; larger bodies grow as they arrive.
const maxPresizedBody = 32 << 20

// bodyReadError is a response body that could not be read whole. It is
// retryable: the request may be sent again like any other transient fault.
type bodyReadError struct{ err error }

func (e *bodyReadError) Error() string        { return "failed to read response body: " + e.err.Error() }
func (e *bodyReadError) Unwrap() error        { return e.err }
func (e *bodyReadError) RetryableError() bool { return true }

// decodeStream runs decode over a response body as it arrives, through a
// pooled buffer: a large response costs its decoded result and the buffer,
// never the whole body beside the result. A positive length is the body's
// announced Content-Length, checked as it is read. An empty body (JSON
// whitespace only) decodes as an empty object, as aws-sdk-go-v2 treats it.
// A body that fails or ends early is a bodyReadError (retryable); one that
// arrives whole but is not the JSON expected is a decode error with a
// snapshot of the bytes around the fault.
func decodeStream(body io.Reader, length int64, decode func(*jsonwire.Decoder) error) error {
	st := streams.Get().(*stream)
	defer st.release()
	r := body
	if length > 0 {
		st.body = lengthChecked{r: body, want: length}
		r = &st.body
	}
	d := &st.d
	d.ResetReader(r, st.buf)
	var err error
	if !d.Empty() {
		if err = decode(d); err == nil {
			err = d.End()
		}
	}
	if rerr := d.ReadErr(); rerr != nil {
		return &smithy.DeserializationError{Err: &bodyReadError{err: rerr}}
	}
	if err != nil {
		off := d.Offset()
		var werr *jsonwire.Error
		if errors.As(err, &werr) {
			off = werr.Offset
		}
		return &smithy.DeserializationError{
			Err:      fmt.Errorf("failed to decode response body: %w", err),
			Snapshot: []byte(d.Snapshot(off)),
		}
	}
	return nil
}

// stream is what decodeStream reads a body with. No decoded value refers to
// the decoder's buffers (strings and pointer targets come from chunks that
// each Reset leaves to the values decoded into them), so a stream is reused
// as soon as its call is done.
type stream struct {
	d    jsonwire.Decoder
	buf  []byte
	body lengthChecked
}

var streams = sync.Pool{New: func() any {
	return &stream{buf: make([]byte, streamBufferSize)}
}}

// release returns st to the pool, dropping its references to the response.
func (st *stream) release() {
	st.d.Reset(nil)
	st.body = lengthChecked{}
	streams.Put(st)
}

// streamBufferSize is the read buffer of a streamed response: large enough
// that refills are rare, small beside any response worth streaming.
const streamBufferSize = 32 << 10

// lengthChecked reads a body that announced its length, failing when it
// ends early or runs past it, as net/http's own transport does.
type lengthChecked struct {
	r    io.Reader
	want int64
	got  int64
}

func (l *lengthChecked) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	l.got += int64(n)
	if l.got > l.want || err == io.EOF && l.got < l.want {
		return n, lengthMismatch(l.want, l.got)
	}
	return n, err
}

// decodeBody runs decode over a JSON document; an empty body decodes as an
// empty object, as aws-sdk-go-v2 treats it.
func decodeBody(body []byte, decode func(*jsonwire.Decoder) error) error {
	if len(bytes.TrimSpace(body)) == 0 {
		return nil
	}
	d := jsonwire.NewDecoder(body)
	err := decode(d)
	if err == nil {
		err = d.End()
	}
	if err != nil {
		return &smithy.DeserializationError{
			Err:      fmt.Errorf("failed to decode response body: %w", err),
			Snapshot: snapshot(body, err),
		}
	}
	return nil
}
