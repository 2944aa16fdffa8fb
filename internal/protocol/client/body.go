package client

import (
	"fmt"
	"io"
	"net/http"

	"github.com/aws/smithy-go"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// HTTPResponse is the response a protocol's deserializer reads, from what
// the layer below it returned; a nil Body (a careless HTTPClient) reads as
// empty.
func HTTPResponse(out middleware.DeserializeOutput) (*smithyhttp.Response, error) {
	resp, ok := out.RawResponse.(*smithyhttp.Response)
	if !ok {
		return nil, &smithy.DeserializationError{Err: fmt.Errorf("unknown transport type %T", out.RawResponse)}
	}
	if resp.Body == nil {
		resp.Body = http.NoBody
	}
	return resp, nil
}

// ReadBody reads and closes the response body. With a Content-Length it
// starts from a buffer of that size, up to maxPresizedBody so a hostile
// header cannot make us allocate before bytes arrive; once that much has
// arrived it grows once to the announced length. It never regrows to read
// EOF as bytes.Buffer does, and rejects a body shorter or longer than
// announced.
func ReadBody(resp *smithyhttp.Response) ([]byte, error) {
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

// BodyReadError wraps err, the reason a response body could not be read
// whole. It is retryable: the request may be sent again like any other
// transient fault.
func BodyReadError(err error) error { return &bodyReadError{err: err} }

type bodyReadError struct{ err error }

func (e *bodyReadError) Error() string        { return "failed to read response body: " + e.err.Error() }
func (e *bodyReadError) Unwrap() error        { return e.err }
func (e *bodyReadError) RetryableError() bool { return true }

// LengthChecked reads a body that announced its length (R and Want),
// failing when it ends early or runs past it, as net/http's own transport
// does.
type LengthChecked struct {
	R    io.Reader
	Want int64
	got  int64
}

func (l *LengthChecked) Read(p []byte) (int, error) {
	n, err := l.R.Read(p)
	l.got += int64(n)
	if l.got > l.Want || err == io.EOF && l.got < l.Want {
		return n, lengthMismatch(l.Want, l.got)
	}
	return n, err
}
