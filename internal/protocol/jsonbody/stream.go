package jsonbody

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"sync"

	"github.com/aws/smithy-go"

	"github.com/gosmith/gosmith/internal/protocol/client"
	"github.com/gosmith/gosmith/internal/protocol/jsonwire"
)

// DecodeStream runs decode over a response body as it arrives, through a
// pooled buffer: a large response costs its decoded result and the buffer,
// never the whole body beside the result (once the buffer holds a body to
// its end, jsonwire decodes the rest as from memory). A positive
// length is the body's announced Content-Length, checked as it is read. An
// empty body (JSON whitespace only) decodes as an empty object, as
// aws-sdk-go-v2 treats it. A body that fails or ends early is a
// client.BodyReadError (retryable); one that arrives whole but is not the
// JSON expected is a decode error with a snapshot of the bytes around the
// fault.
func DecodeStream(body io.Reader, length int64, decode func(*jsonwire.Decoder) error) error {
	st := streams.Get().(*stream)
	defer st.release()
	r := body
	if length > 0 {
		st.body = client.LengthChecked{R: body, Want: length}
		r = &st.body
	}
	d := &st.d
	d.ResetReader(r, st.buf)
	d.SetLength(length)
	var err error
	if !d.Empty() {
		if err = decode(d); err == nil {
			err = d.End()
		}
	}
	if rerr := d.ReadErr(); rerr != nil {
		return &smithy.DeserializationError{Err: client.BodyReadError(rerr)}
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
	body client.LengthChecked
}

var streams = sync.Pool{New: func() any {
	return &stream{buf: make([]byte, streamBufferSize)}
}}

// release returns st to the pool, dropping its references to the response.
func (st *stream) release() {
	st.d.Reset(nil)
	st.body = client.LengthChecked{}
	streams.Put(st)
}

// streamBufferSize is the read buffer of a streamed response: large enough
// that refills are rare, small beside any response worth streaming.
const streamBufferSize = 32 << 10

// DecodeBody runs decode over a JSON document; an empty body decodes as an
// empty object, as aws-sdk-go-v2 treats it.
func DecodeBody(body []byte, decode func(*jsonwire.Decoder) error) error {
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
			Snapshot: Snapshot(body, err),
		}
	}
	return nil
}

// snapshotLimit bounds how much of a bad body an error carries.
const snapshotLimit = 1024

// Snapshot returns the part of body worth showing beside a decode error:
// the bytes around the failure when the decoder knows where it was, else
// the start of the body.
func Snapshot(body []byte, err error) []byte {
	var werr *jsonwire.Error
	if errors.As(err, &werr) {
		return []byte(jsonwire.Snapshot(body, werr.Offset))
	}
	if len(body) > snapshotLimit {
		return body[:snapshotLimit]
	}
	return body
}
