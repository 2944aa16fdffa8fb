package jsonbody

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/aws/smithy-go"
	"github.com/google/go-cmp/cmp"

	"github.com/gosmith/gosmith/internal/protocol/jsonwire"
)

// decodeFlat decodes a flat object of string members into a map.
func decodeFlat(got map[string]string) func(d *jsonwire.Decoder) error {
	return func(d *jsonwire.Decoder) error {
		var it jsonwire.Members
		for {
			key, ok := d.Member(&it)
			if !ok {
				break
			}
			k := string(key)
			var v string
			it.Err = d.String(&v)
			got[k] = v
		}
		return it.Err
	}
}

// flatBody is a flat object of n string members, with an escape in each.
func flatBody(n int) (string, map[string]string) {
	var b strings.Builder
	want := map[string]string{}
	b.WriteString("{")
	for i := range n {
		if i > 0 {
			b.WriteString(",")
		}
		k, v := fmt.Sprintf("key%d", i), fmt.Sprintf("value \"%d\" of a member long enough to cross a refill", i)
		fmt.Fprintf(&b, "%q:%q", k, v)
		want[k] = v
	}
	b.WriteString("}")
	return b.String(), want
}

// reader serves body in reads of at most step bytes, then fails with err
// after cut bytes when cut >= 0.
type reader struct {
	body      string
	step, cut int
	err       error
	zeros     bool // answer (0, nil) forever instead of EOF
}

func (r *reader) Read(p []byte) (int, error) {
	if r.cut == 0 {
		return 0, r.err
	}
	if r.body == "" {
		if r.zeros {
			return 0, nil
		}
		return 0, io.EOF
	}
	n := min(len(p), r.step, len(r.body))
	if r.cut >= 0 {
		n = min(n, r.cut)
		r.cut -= n
	}
	copy(p, r.body[:n])
	r.body = r.body[n:]
	return n, nil
}

func TestDecodeStreamSmallAndLargeBodies(t *testing.T) {
	small, smallWant := flatBody(3)
	large, largeWant := flatBody(2000)
	if len(small) >= streamBufferSize || len(large) <= 2*streamBufferSize {
		t.Fatalf("bodies of %d and %d bytes do not fall either side of the %d-byte buffer", len(small), len(large), streamBufferSize)
	}
	boom := errors.New("connection reset")
	for _, tc := range []struct {
		name string
		body string
		want map[string]string
	}{{"small", small, smallWant}, {"large", large, largeWant}} {
		n := int64(len(tc.body))
		for _, step := range []int{1, 7, 1 << 20} {
			where := fmt.Sprintf("%s body in reads of %d", tc.name, step)
			decode := func(r io.Reader, length int64) (map[string]string, error) {
				got := map[string]string{}
				return got, DecodeStream(r, length, decodeFlat(got))
			}
			for _, length := range []int64{n, -1, 0} {
				got, err := decode(&reader{body: tc.body, step: step, cut: -1}, length)
				if err != nil {
					t.Fatalf("%s, length %d: %v", where, length, err)
				}
				if diff := cmp.Diff(tc.want, got); diff != "" {
					t.Fatalf("%s, length %d: decoded wrong (-want +got):\n%s", where, length, diff)
				}
			}
			// The announced length is checked both ways.
			_, err := decode(&reader{body: tc.body, step: step, cut: -1}, n+1)
			wantBodyReadError(t, where+", announced one byte more", err, io.ErrUnexpectedEOF, "shorter than its Content-Length")
			_, err = decode(&reader{body: tc.body, step: step, cut: -1}, n-1)
			wantBodyReadError(t, where+", announced one byte less", err, nil, "longer than its Content-Length")
			// A failed read is the body's fault, not the JSON's.
			_, err = decode(&reader{body: tc.body, step: step, cut: int(n / 2), err: boom}, n)
			wantBodyReadError(t, where+", cut by a read error", err, boom, "connection reset")
			_, err = decode(&reader{body: tc.body, step: step, cut: -1, zeros: true}, n+5)
			wantBodyReadError(t, where+", then reads of nothing", err, io.ErrNoProgress, "")
		}
	}
}

func wantBodyReadError(t *testing.T, where string, err, is error, text string) {
	t.Helper()
	var de *smithy.DeserializationError
	var retryable interface{ RetryableError() bool }
	if !errors.As(err, &de) || !errors.As(err, &retryable) || !retryable.RetryableError() {
		t.Fatalf("%s: error %v (%T), want a retryable body read error", where, err, err)
	}
	if is != nil && !errors.Is(err, is) {
		t.Fatalf("%s: error %v, want one wrapping %v", where, err, is)
	}
	if !strings.Contains(err.Error(), text) {
		t.Fatalf("%s: error %q, want it to say %q", where, err, text)
	}
}

func TestDecodeStreamMalformedBodyNamesTheFault(t *testing.T) {
	large, _ := flatBody(2000)
	for _, body := range []string{`{"a":"b","c":tru}`, large[:len(large)-1] + `,"z":x}`} {
		for _, length := range []int64{int64(len(body)), -1} {
			got := map[string]string{}
			err := DecodeStream(&reader{body: body, step: 512, cut: -1}, length, decodeFlat(got))
			var de *smithy.DeserializationError
			if !errors.As(err, &de) {
				t.Fatalf("%d-byte body, length %d: error %v, want a DeserializationError", len(body), length, err)
			}
			var retryable interface{ RetryableError() bool }
			if errors.As(err, &retryable) {
				t.Fatalf("%d-byte body, length %d: malformed JSON reported as a body read error: %v", len(body), length, err)
			}
			if !strings.Contains(string(de.Snapshot), `"z":x}`) && !strings.Contains(string(de.Snapshot), "tru}") {
				t.Fatalf("%d-byte body, length %d: snapshot %q does not show the fault", len(body), length, de.Snapshot)
			}
		}
	}
}

func TestDecodeStreamEmptyBody(t *testing.T) {
	for _, body := range []string{"", " \n\t "} {
		for _, length := range []int64{int64(len(body)), -1} {
			called := false
			err := DecodeStream(&reader{body: body, step: 3, cut: -1}, length, func(*jsonwire.Decoder) error {
				called = true
				return nil
			})
			if err != nil || called {
				t.Fatalf("body %q, length %d: error %v, decode called %v; want nil and not called", body, length, err, called)
			}
		}
	}
}
