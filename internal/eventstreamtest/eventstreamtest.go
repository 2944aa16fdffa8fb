// Package eventstreamtest serves event streams to generated clients in
// tests: an HTTP/2 server over TLS whose handlers write frames as a
// service does, one at a time and flushed, and a check that no stream's
// goroutine outlives the test.
package eventstreamtest

import (
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gosmith/gosmith/internal/protocol/eventstream"
)

// NewServer starts an HTTP/2 server over TLS running handler, closed when
// the test ends. Its Client() trusts it and speaks HTTP/2.
func NewServer(t testing.TB, handler http.HandlerFunc) *httptest.Server {
	t.Helper()
	srv := httptest.NewUnstartedServer(handler)
	srv.EnableHTTP2 = true
	srv.StartTLS()
	t.Cleanup(srv.Close)
	return srv
}

// NewHTTP1Server starts a plain HTTP/1.1 server running handler (whose
// connections can be hijacked), closed when the test ends.
func NewHTTP1Server(t testing.TB, handler http.HandlerFunc) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(handler)
	t.Cleanup(srv.Close)
	return srv
}

// Writer writes an event stream response.
type Writer struct {
	w   http.ResponseWriter
	enc *eventstream.Encoder
	// Written counts the bytes written so far; it may be read while the
	// handler runs.
	Written atomic.Int64
}

// NewWriter sends the response's status (200) and headers, with the event
// stream content type; set other headers on w first.
func NewWriter(w http.ResponseWriter) *Writer {
	w.Header().Set("Content-Type", "application/vnd.amazon.eventstream")
	w.WriteHeader(http.StatusOK)
	sw := &Writer{w: w}
	sw.enc = eventstream.NewEncoder(writerFunc(sw.Raw))
	return sw
}

// Send writes msgs, flushing after each.
func (w *Writer) Send(msgs ...eventstream.Message) error {
	for _, m := range msgs {
		if err := w.enc.Encode(m); err != nil {
			return err
		}
	}
	return nil
}

// Raw writes b as it is and flushes it (a corrupt or partial frame).
func (w *Writer) Raw(b []byte) (int, error) {
	n, err := w.w.Write(b)
	w.Written.Add(int64(n))
	if err == nil {
		err = http.NewResponseController(w.w).Flush()
	}
	return n, err
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(b []byte) (int, error) { return f(b) }

// Event is an event of type typ with a JSON payload.
func Event(typ, json string) eventstream.Message {
	return eventstream.NewEvent(typ, "application/json", []byte(json))
}

// Exception is a modeled exception of type typ with a JSON payload.
func Exception(typ, json string) eventstream.Message {
	return eventstream.NewException(typ, "application/json", []byte(json))
}

// Frames encodes msgs.
func Frames(t testing.TB, msgs ...eventstream.Message) []byte {
	t.Helper()
	var b []byte
	for _, m := range msgs {
		var err error
		if b, err = eventstream.AppendMessage(b, m); err != nil {
			t.Fatal(err)
		}
	}
	return b
}

// readerFrame is in the stack of every running stream reader goroutine.
const readerFrame = "eventstreamapi.(*Reader[...]).run"

// Settle waits for the number of goroutines to come back to base (or
// below) with no stream reader goroutine left, failing the test with the
// stacks after a few seconds: a goroutine left behind is a leak.
// closeIdle is called while waiting, to drop idle client connections.
func Settle(t testing.TB, base int, closeIdle func()) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		if closeIdle != nil {
			closeIdle()
		}
		n := runtime.NumGoroutine()
		stacks := allStacks()
		if n <= base && !strings.Contains(stacks, readerFrame) {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d goroutines, want at most %d and no stream reader:\n%s", n, base, stacks)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func allStacks() string {
	buf := make([]byte, 1<<20)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) {
			return string(buf[:n])
		}
		buf = make([]byte, 2*len(buf))
	}
}
