package eventstream

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// aws-sdk-go-v2's event stream reference vectors, read where they live: the
// testdata of its eventstream module in the module cache, at the version
// bench/go.mod requires (the one place that version is pinned; this module
// does not require it). Each positive frame decodes to its JSON description
// (string, byte array and UUID values and payloads in base64) and
// re-encodes to the same bytes; each negative frame fails with the checksum
// error named. Without the module the tests skip, saying how to get it.

// v2EventStream is the module whose testdata holds the vectors.
const v2EventStream = "github.com/aws/aws-sdk-go-v2/aws/protocol/eventstream"

// vector is a decoded/positive JSON description.
type vector struct {
	TotalLength   uint32 `json:"total_length"`
	HeadersLength uint32 `json:"headers_length"`
	PreludeCRC    int64  `json:"prelude_crc"` // printed as int32 or uint32
	Headers       []struct {
		Name  string          `json:"name"`
		Type  Type            `json:"type"`
		Value json.RawMessage `json:"value"`
	} `json:"headers"`
	Payload    []byte `json:"payload"`
	MessageCRC int64  `json:"message_crc"`
}

// message builds the Message the vector describes.
func (v vector) message(t *testing.T) Message {
	var m Message
	for _, h := range v.Headers {
		var val Value
		var n int64
		var b []byte
		switch h.Type {
		case TypeBoolTrue, TypeBoolFalse:
			var x bool
			mustUnmarshal(t, h.Value, &x)
			val = Bool(x)
		case TypeByteArray, TypeString, TypeUUID:
			mustUnmarshal(t, h.Value, &b)
		default:
			mustUnmarshal(t, h.Value, &n)
		}
		switch h.Type {
		case TypeByte:
			val = Byte(int8(n))
		case TypeInt16:
			val = Int16(int16(n))
		case TypeInt32:
			val = Int32(int32(n))
		case TypeInt64:
			val = Int64(n)
		case TypeTimestamp:
			val = Timestamp(time.UnixMilli(n))
		case TypeByteArray:
			val = ByteArray(b)
		case TypeString:
			val = String(string(b))
		case TypeUUID:
			val = UUID([16]byte(b))
		}
		m.Headers = append(m.Headers, Header{h.Name, val})
	}
	if len(v.Payload) > 0 {
		m.Payload = v.Payload
	}
	return m
}

func mustUnmarshal(t *testing.T, data []byte, v any) {
	t.Helper()
	if err := json.Unmarshal(data, v); err != nil {
		t.Fatalf("vector %s: %v", data, err)
	}
}

// vectorsDir returns the testdata directory of v2EventStream in the module
// cache, at the version bench/go.mod requires, or skips the test.
func vectorsDir(t *testing.T) string {
	t.Helper()
	gomod := filepath.Join("..", "..", "..", "bench", "go.mod")
	data, err := os.ReadFile(gomod)
	if err != nil {
		t.Skipf("no reference vectors: the version of %s comes from bench/go.mod: %v", v2EventStream, err)
	}
	version := requiredVersion(data, v2EventStream)
	if version == "" {
		t.Skipf("no reference vectors: bench/go.mod does not require %s", v2EventStream)
	}
	out, err := exec.Command("go", "env", "GOMODCACHE").Output()
	cache := strings.TrimSpace(string(out))
	if err != nil || cache == "" {
		t.Skipf("no reference vectors: go env GOMODCACHE: %q, %v", cache, err)
	}
	// The module path has no capital letters, so it needs no escaping.
	dir := filepath.Join(cache, filepath.FromSlash(v2EventStream)+"@"+version)
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("no reference vectors: %s@%s is not in the module cache (%v); get it with: cd bench && go mod download %s", v2EventStream, version, err, v2EventStream)
	}
	return filepath.Join(dir, "testdata")
}

// requiredVersion returns the version at which the go.mod text gomod
// requires module path, or "".
func requiredVersion(gomod []byte, path string) string {
	for _, line := range strings.Split(string(gomod), "\n") {
		f := strings.Fields(strings.TrimPrefix(strings.TrimSpace(line), "require "))
		if len(f) >= 2 && f[0] == path && strings.HasPrefix(f[1], "v") {
			return f[1]
		}
	}
	return ""
}

func readVectors(t *testing.T, class string) map[string][2][]byte {
	t.Helper()
	dir := vectorsDir(t)
	names, err := filepath.Glob(filepath.Join(dir, "encoded", class, "*"))
	if err != nil || len(names) == 0 {
		t.Fatalf("no %s vectors in %s: %v", class, dir, err)
	}
	cases := map[string][2][]byte{}
	for _, enc := range names {
		name := filepath.Base(enc)
		encoded, err := os.ReadFile(enc)
		if err != nil {
			t.Fatal(err)
		}
		decoded, err := os.ReadFile(filepath.Join(dir, "decoded", class, name))
		if err != nil {
			t.Fatal(err)
		}
		cases[name] = [2][]byte{encoded, decoded}
	}
	return cases
}

func TestReferenceVectorsDecodeAndReencode(t *testing.T) {
	for name, c := range readVectors(t, "positive") {
		t.Run(name, func(t *testing.T) {
			encoded := c[0]
			var v vector
			mustUnmarshal(t, c[1], &v)
			if int(v.TotalLength) != len(encoded) {
				t.Fatalf("vector says %d bytes, file has %d", v.TotalLength, len(encoded))
			}
			want := v.message(t)

			var got Message
			d := NewDecoder(bytes.NewReader(encoded))
			if err := d.Decode(&got); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("decoded (-want +got):\n%s", diff)
			}
			if err := d.Decode(&got); err != io.EOF {
				t.Errorf("after the only frame: %v, want io.EOF", err)
			}

			re, err := AppendMessage(nil, want)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(re, encoded) {
				t.Errorf("re-encoded\n%x\nwant\n%x", re, encoded)
			}
			if crc := int64(int32(be32(re[8:]))); crc != int64(int32(v.PreludeCRC)) {
				t.Errorf("prelude CRC %d, vector %d", crc, v.PreludeCRC)
			}
			if crc := int64(int32(be32(re[len(re)-4:]))); crc != int64(int32(v.MessageCRC)) {
				t.Errorf("message CRC %d, vector %d", crc, v.MessageCRC)
			}
			if hl := be32(re[4:]); hl != v.HeadersLength {
				t.Errorf("headers length %d, vector %d", hl, v.HeadersLength)
			}
		})
	}
}

func TestReferenceVectorsRejected(t *testing.T) {
	causes := map[string]error{
		"Prelude checksum mismatch": ErrPreludeChecksum,
		"Message checksum mismatch": ErrMessageChecksum,
	}
	for name, c := range readVectors(t, "negative") {
		t.Run(name, func(t *testing.T) {
			want, ok := causes[string(c[1])]
			if !ok {
				t.Fatalf("unknown expected error %q", c[1])
			}
			var m Message
			err := NewDecoder(bytes.NewReader(c[0])).Decode(&m)
			var de *DecodeError
			if !errors.As(err, &de) || !errors.Is(err, want) {
				t.Fatalf("got %v, want a *DecodeError for %v", err, want)
			}
		})
	}
}

func be32(b []byte) uint32 {
	return uint32(b[0])<<24 | uint32(b[1])<<16 | uint32(b[2])<<8 | uint32(b[3])
}
