package eventstreamtest

import (
	"bytes"
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"

	"github.com/gosmith/gosmith/internal/protocol/eventstream"
)

// InputReader reads an input event stream as a service does: it checks the
// request is one (its Content-Type and streaming payload hash), then each
// message's :date and :chunk-signature, the signatures chained from the
// request's own, recomputed from the credentials and scope the client was
// given.
type InputReader struct {
	dec    *eventstream.Decoder
	signer *v4.StreamSigner
	done   bool
}

// streamingEventsPayload is the payload hash of a request whose body is an
// input event stream: its messages are signed one by one.
const streamingEventsPayload = "STREAMING-AWS4-HMAC-SHA256-EVENTS"

var signatureRE = regexp.MustCompile(`Signature=([0-9a-f]{64})`)

// NewInputReader starts reading r's body; it fails if r is not an input
// event stream request signed for service and region.
func NewInputReader(r *http.Request, creds aws.Credentials, service, region string) (*InputReader, error) {
	if ct := r.Header.Get("Content-Type"); ct != "application/vnd.amazon.eventstream" {
		return nil, fmt.Errorf("the request's Content-Type is %q, want application/vnd.amazon.eventstream", ct)
	}
	if h := r.Header.Get("X-Amz-Content-Sha256"); h != streamingEventsPayload {
		return nil, fmt.Errorf("the request's X-Amz-Content-Sha256 is %q, want %s", h, streamingEventsPayload)
	}
	auth := r.Header.Get("Authorization")
	if !bytes.Contains([]byte(auth), []byte("/"+region+"/"+service+"/aws4_request")) {
		return nil, fmt.Errorf("the request's Authorization %q is not scoped to %s in %s", auth, service, region)
	}
	m := signatureRE.FindStringSubmatch(auth)
	if m == nil {
		return nil, fmt.Errorf("the request's Authorization %q has no signature", auth)
	}
	seed, _ := hex.DecodeString(m[1])
	return &InputReader{
		dec:    eventstream.NewDecoder(r.Body),
		signer: v4.NewStreamSigner(creds, service, region, seed),
	}, nil
}

// ErrEndOfStream is what Next returns after the signed empty message that
// ends a stream.
var ErrEndOfStream = errors.New("eventstreamtest: the client ended the stream")

// Next returns the next event the client sent, its signature checked: the
// encoded message inside the signed one, and its signing time. After the
// end-of-stream message it returns ErrEndOfStream; a body that ends without
// one is an error.
func (r *InputReader) Next() (frame []byte, signed time.Time, err error) {
	if r.done {
		return nil, time.Time{}, ErrEndOfStream
	}
	var m eventstream.Message
	if err := r.dec.Decode(&m); err != nil {
		if err == io.EOF {
			err = errors.New("eventstreamtest: the stream ended without its end-of-stream message")
		}
		return nil, time.Time{}, err
	}
	if len(m.Headers) != 2 || m.Headers[0].Name != eventstream.HeaderDate || m.Headers[1].Name != eventstream.HeaderChunkSignature ||
		m.Headers[0].Value.Type() != eventstream.TypeTimestamp || m.Headers[1].Value.Type() != eventstream.TypeByteArray {
		return nil, time.Time{}, fmt.Errorf("eventstreamtest: a signed message has headers %v, want :date and :chunk-signature", m.Headers)
	}
	date := m.Headers[0].Value.Time()
	headers, err := eventstream.AppendHeaders(nil, m.Headers[:1])
	if err != nil {
		return nil, time.Time{}, err
	}
	want, err := r.signer.GetSignature(context.Background(), headers, m.Payload, date)
	if err != nil {
		return nil, time.Time{}, err
	}
	if got := m.Headers[1].Value.Bytes(); !bytes.Equal(got, want) {
		return nil, time.Time{}, fmt.Errorf("eventstreamtest: :chunk-signature %x, want %x", got, want)
	}
	if len(m.Payload) == 0 {
		r.done = true
		return nil, date, ErrEndOfStream
	}
	return bytes.Clone(m.Payload), date, nil
}
