package eventstream

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
)

// Signer signs the messages of an input event stream with SigV4, as
// aws-sdk-go-v2 does: each encoded message becomes the payload of a message
// whose headers are :date (the signing time) and :chunk-signature (the
// signature), and each signature chains from the one before it, the first
// from the signature of the HTTP request that opened the stream (its seed).
// The stream ends with a signed empty payload.
//
// A Signer is one stream's chain: not safe for concurrent use, and the
// messages must be sent in the order they were signed.
type Signer struct {
	signer  v4.EventStreamSigner
	headers []byte // the encoded :date header, reused
}

// NewSigner returns a Signer for a stream whose request was signed with
// the given seed signature (the raw bytes, as v4.GetSignedRequestSignature
// returns them), credentials, signing name and region. It wraps
// aws-sdk-go-v2's v4.StreamSigner.
func NewSigner(creds aws.Credentials, service, region string, seed []byte) *Signer {
	return &Signer{signer: v4.NewStreamSigner(creds, service, region, seed)}
}

// Sign returns the signed message to send in place of frame, an encoded
// message (see AppendMessage); an empty frame makes the end-of-stream
// message. t is the signing time (aws-sdk-go-v2 uses time.Now()); :date
// keeps it to the millisecond. The result's payload is frame itself.
func (s *Signer) Sign(ctx context.Context, frame []byte, t time.Time) (Message, error) {
	date := Header{Name: HeaderDate, Value: Timestamp(t)}
	// The signature covers the headers sent before it, i.e. :date alone
	// (which cannot fail to encode).
	s.headers, _ = appendHeader(s.headers[:0], date)
	sig, err := s.signer.GetSignature(ctx, s.headers, frame, t)
	if err != nil {
		return Message{}, err
	}
	return Message{
		Headers: Headers{date, {Name: HeaderChunkSignature, Value: ByteArray(sig)}},
		Payload: frame,
	}, nil
}
