package jsonwire

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/iotest"
	"time"
)

// trace walks any document with every kind of reader, choosing readers in a
// fixed rotation, and writes what it read (values, keys before and after
// their values, errors with offsets and paths). Two decoders over the same
// bytes must write the same trace.
type tracer struct {
	out  strings.Builder
	turn int
}

func (tr *tracer) next() int { tr.turn++; return tr.turn }

func (tr *tracer) printf(format string, args ...any) { fmt.Fprintf(&tr.out, format+"\n", args...) }

// result records a reader's outcome; a trace stops at the first error, as
// generated code does.
func (tr *tracer) result(what string, v any, err error) error {
	if err != nil {
		tr.printf("%s: error %v", what, err)
		return err
	}
	tr.printf("%s: %v", what, v)
	return nil
}

func (tr *tracer) value(d *Decoder) error {
	c, err := d.peek()
	if err != nil {
		return tr.result("peek", nil, err)
	}
	turn := tr.next()
	if turn%11 == 0 {
		raw, err := d.Raw()
		return tr.result("raw", string(raw), err)
	}
	if turn%13 == 0 {
		return tr.result("skip", nil, d.Skip())
	}
	switch c {
	case '{':
		return d.Object(func(d *Decoder, key []byte) error {
			// Streaming, key is valid only until the value is read.
			k := string(key)
			tr.printf("key %q", k)
			err := tr.value(d)
			tr.printf("end key %q", k)
			return err
		})
	case '[':
		return d.Array(func(d *Decoder) error { return tr.value(d) })
	case '"':
		switch turn % 6 {
		case 0:
			var s string
			err := d.String(&s)
			return tr.result("string", strconv.Quote(s), err)
		case 1:
			var p *string
			err := d.StringPtr(&p)
			if p != nil {
				return tr.result("stringptr", strconv.Quote(*p), err)
			}
			return tr.result("stringptr", "nil", err)
		case 2:
			var b []byte
			err := d.Blob(&b)
			return tr.result("blob", b, err)
		case 3:
			var tm time.Time
			err := d.DateTime(&tm)
			return tr.result("datetime", tm, err)
		case 4:
			var f float64
			err := d.Float64(&f)
			return tr.result("float-from-string", f, err)
		default:
			var tm time.Time
			err := d.HTTPDate(&tm)
			return tr.result("httpdate", tm, err)
		}
	case 't', 'f':
		var b bool
		err := d.Bool(&b)
		return tr.result("bool", b, err)
	case 'n':
		if turn%2 == 0 {
			return tr.result("null", d.Null(), nil)
		}
		var p *int64
		err := d.Int64Ptr(&p)
		return tr.result("null-int64ptr", p == nil, err)
	}
	switch turn % 5 {
	case 0:
		var v int64
		err := d.Int64(&v)
		return tr.result("int64", v, err)
	case 1:
		var v int32
		err := d.Int32(&v)
		return tr.result("int32", v, err)
	case 2:
		var v float32
		err := d.Float32(&v)
		return tr.result("float32", v, err)
	case 3:
		var tm time.Time
		err := d.EpochSeconds(&tm)
		return tr.result("epoch", tm, err)
	}
	var v float64
	err = d.Float64(&v)
	return tr.result("float64", v, err)
}

// traceDoc traces a whole document, then End.
func traceDoc(d *Decoder) string {
	d.SetMaxDepth(40)
	tr := &tracer{}
	if d.Empty() {
		tr.printf("empty")
	} else if err := tr.value(d); err == nil {
		tr.result("end", "", d.End())
	} else {
		tr.printf("offset %d", err.(*Error).Offset)
	}
	return tr.out.String()
}

// zeroReader returns (0, nil) before every byte it passes on.
type zeroReader struct {
	r    io.Reader
	flip bool
}

func (z *zeroReader) Read(p []byte) (int, error) {
	z.flip = !z.flip
	if z.flip {
		return 0, nil
	}
	return iotest.OneByteReader(z.r).Read(p)
}

// streamReaders are the ways a stream may hand over its bytes.
var streamReaders = []struct {
	name string
	wrap func([]byte) io.Reader
}{
	{"whole", func(b []byte) io.Reader { return bytes.NewReader(b) }},
	{"one byte at a time", func(b []byte) io.Reader { return iotest.OneByteReader(bytes.NewReader(b)) }},
	{"half reads", func(b []byte) io.Reader { return iotest.HalfReader(bytes.NewReader(b)) }},
	{"EOF with the last data", func(b []byte) io.Reader { return iotest.DataErrReader(bytes.NewReader(b)) }},
	{"empty reads between bytes", func(b []byte) io.Reader { return &zeroReader{r: bytes.NewReader(b)} }},
}

// checkStreamMatchesMemory decodes data in memory and as a stream through
// several buffer sizes and readers, and requires identical traces.
func checkStreamMatchesMemory(t *testing.T, data []byte) {
	t.Helper()
	want := traceDoc(NewDecoder(data))
	for _, size := range []int{0, 1, 7, 64, 4096} {
		for _, rd := range streamReaders {
			d := NewReaderDecoder(rd.wrap(data), make([]byte, size))
			if got := traceDoc(d); got != want {
				t.Fatalf("stream (buffer %d, %s) of %q traced\n%s\nin memory:\n%s", size, rd.name, data, got, want)
			}
			if err := d.ReadErr(); err != nil {
				t.Fatalf("stream (buffer %d, %s): ReadErr %v", size, rd.name, err)
			}
		}
	}
}

// randomDoc writes a random document that puts long strings, escapes,
// numbers and whitespace where buffer boundaries will fall.
func randomDoc(r *rand.Rand, b *bytes.Buffer, depth int) {
	ws := func() {
		for range r.IntN(3) {
			b.WriteString([]string{" ", "\n", "\t", "\r\n   "}[r.IntN(4)])
		}
	}
	ws()
	switch k := r.IntN(10); {
	case k < 2 && depth < 6:
		b.WriteByte('{')
		for i := range r.IntN(6) {
			if i > 0 {
				b.WriteByte(',')
			}
			ws()
			randomString(r, b)
			ws()
			b.WriteByte(':')
			randomDoc(r, b, depth+1)
		}
		ws()
		b.WriteByte('}')
	case k < 4 && depth < 6:
		b.WriteByte('[')
		for i := range r.IntN(6) {
			if i > 0 {
				b.WriteByte(',')
			}
			randomDoc(r, b, depth+1)
		}
		ws()
		b.WriteByte(']')
	case k < 6:
		randomString(r, b)
	case k < 8:
		b.WriteString([]string{"0", "-1", "1481896200.004", "12345678901234567890123", "1e3", "-0.5E-2", "2147483648", "1.7976931348623157e309"}[r.IntN(8)])
	default:
		b.WriteString([]string{"true", "false", "null"}[r.IntN(3)])
	}
	ws()
}

func randomString(r *rand.Rand, b *bytes.Buffer) {
	pieces := []string{"a", "TapeARN", `\"`, `\\`, `\n`, `\u00e9`, `\ud83d\ude00`, `\ud800`, "é", "\xff", "2016-12-16T13:50:00Z", "Fri, 16 Dec 2016 13:50:00 GMT", "NaN", "aGVsbG8=", "-Infinity"}
	b.WriteByte('"')
	n := r.IntN(4)
	if r.IntN(8) == 0 {
		n = 50 + r.IntN(200) // longer than small buffers
	}
	for range n {
		b.WriteString(pieces[r.IntN(len(pieces))])
	}
	b.WriteByte('"')
}

func TestStreamDecodesLikeMemory(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	for i := range 300 {
		var b bytes.Buffer
		randomDoc(r, &b, 0)
		doc := b.Bytes()
		checkStreamMatchesMemory(t, doc)
		// The same document cut short and with one byte changed.
		if len(doc) > 1 {
			checkStreamMatchesMemory(t, doc[:r.IntN(len(doc))])
			bad := bytes.Clone(doc)
			const swaps = "{}[],:\"\\x0 \x01"
			bad[r.IntN(len(bad))] = swaps[r.IntN(len(swaps))]
			checkStreamMatchesMemory(t, bad)
		}
		if t.Failed() {
			t.Fatalf("document %d", i)
		}
	}
}

// The fuzz corpus holds the inputs that once broke the decoder.
func TestStreamDecodesFuzzCorpusLikeMemory(t *testing.T) {
	files, err := filepath.Glob("testdata/fuzz/FuzzDecoder/*")
	if err != nil || len(files) == 0 {
		t.Fatalf("no fuzz corpus: %v", err)
	}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		// The first argument of a corpus file is the document, as []byte("...").
		line := strings.SplitN(string(raw), "\n", 3)[1]
		s, err := strconv.Unquote(strings.TrimSuffix(strings.TrimPrefix(line, "[]byte("), ")"))
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		checkStreamMatchesMemory(t, []byte(s))
	}
}

func TestStreamReadErrorEndsTheDocument(t *testing.T) {
	boom := errors.New("connection reset")
	doc := `{"TapeARN":"arn:aws:storagegateway:us-east-1:111122223333:tape/TEST0","n":[1,2,3]}`
	for cut := range len(doc) {
		d := NewReaderDecoder(io.MultiReader(strings.NewReader(doc[:cut]), iotest.ErrReader(boom)), make([]byte, 8))
		err := d.Skip()
		if err == nil {
			err = d.End()
		}
		if !errors.Is(err, io.ErrUnexpectedEOF) || d.ReadErr() != boom {
			t.Fatalf("cut at %d: error %v, ReadErr %v; want a truncated document and ReadErr %v", cut, err, d.ReadErr(), boom)
		}
	}
}

func TestStreamThatNeverProgressesFails(t *testing.T) {
	d := NewReaderDecoder(iotest.ErrReader(nil), nil) // (0, nil) forever
	var s string
	if err := d.String(&s); !errors.Is(err, io.ErrUnexpectedEOF) || d.ReadErr() != io.ErrNoProgress {
		t.Fatalf("error %v, ReadErr %v; want a truncated document and io.ErrNoProgress", err, d.ReadErr())
	}
}

// A value far larger than the buffer (a string, a number, a Raw document)
// decodes; the buffer grows by doubling, so the test takes milliseconds, and
// would take minutes if each refill rescanned the value from the start.
func TestStreamValueLargerThanBuffer(t *testing.T) {
	long := strings.Repeat("0123456789abcdef", 1<<20) // 16 MiB
	doc := `{"s":"` + long + `","n":1` + strings.Repeat("0", 1<<16) + `,"raw":["` + long + `"]}`
	d := NewReaderDecoder(iotest.HalfReader(strings.NewReader(doc)), make([]byte, 4096))
	var s string
	var n float64
	var raw []byte
	err := d.Object(func(d *Decoder, key []byte) error {
		switch string(key) {
		case "s":
			return d.String(&s)
		case "n":
			return d.Float64(&n)
		}
		r, err := d.Raw()
		raw = bytes.Clone(r)
		return err
	})
	if err == nil {
		err = d.End()
	}
	if err == nil {
		t.Fatal("a number of 65,537 digits fits no float64, yet decoded")
	}
	if !strings.Contains(err.Error(), "$.n") || s != long {
		t.Fatalf("error %v (want it at $.n); string decoded whole: %v", err, s == long)
	}

	d = NewReaderDecoder(iotest.HalfReader(strings.NewReader(doc)), make([]byte, 4096))
	err = d.Object(func(d *Decoder, key []byte) error {
		if string(key) == "raw" {
			r, err := d.Raw()
			raw = bytes.Clone(r)
			return err
		}
		return d.Skip()
	})
	if err != nil || string(raw) != `["`+long+`"]` {
		t.Fatalf("Raw over many refills: %d bytes, %v", len(raw), err)
	}
}

// Streaming a document through a small buffer holds the buffer and what
// was decoded, never the document.
func TestStreamMemoryIsBoundedByTheBuffer(t *testing.T) {
	var b bytes.Buffer
	b.WriteByte('[')
	for i := range 200_000 {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"TapeARN":"arn:aws:storagegateway:us-east-1:111122223333:tape/TEST%07X","Size":%d}`, i, i)
	}
	b.WriteByte(']')
	allocs := testing.AllocsPerRun(1, func() {
		d := NewReaderDecoder(bytes.NewReader(b.Bytes()), make([]byte, 64<<10))
		if err := d.Skip(); err != nil {
			t.Fatal(err)
		}
	})
	// Skipping keeps nothing, so after the buffer nothing need be allocated.
	if allocs > 2 {
		t.Errorf("skipping a %d-byte stream made %v allocations, want the buffer only", b.Len(), allocs)
	}
}

// TestStreamErrorPathNamesKeysAfterRefill fails a value long after its
// key was read, so that, streaming, refills have moved the keys of the
// objects around it (plain keys are then saved aside; escaped ones were
// unescaped onto the key stack): the error's path must still name them,
// as in memory.
func TestStreamErrorPathNamesKeysAfterRefill(t *testing.T) {
	var doc strings.Builder
	doc.WriteString(`{"first":1,"plainOuterKey":{"esc\u0061ped":[`)
	for i := range 300 {
		fmt.Fprintf(&doc, "%d,", i)
	}
	doc.WriteString(`"not a number"]}}`)
	const want = "$.plainOuterKey.escaped[300]"
	// A reader shaped like generated code: objects of objects of lists of
	// integers.
	var value func(d *Decoder, depth int) error
	value = func(d *Decoder, depth int) error {
		if depth == 2 {
			var el Elements
			for d.Element(&el) {
				var n int64
				el.Err = d.Int64(&n)
			}
			return el.Err
		}
		var it Members
		for {
			key, ok := d.Member(&it)
			if !ok {
				return it.Err
			}
			if string(key) == "first" {
				it.Err = d.Skip()
				continue
			}
			it.Err = value(d, depth+1)
		}
	}
	check := func(where string, d *Decoder) {
		err := value(d, 0)
		var e *Error
		if !errors.As(err, &e) || e.Path() != want {
			t.Fatalf("%s: error %v, want one at %s", where, err, want)
		}
	}
	check("in memory", NewDecoder([]byte(doc.String())))
	for _, size := range []int{1, 8, 16, 64, 4096} {
		check(fmt.Sprintf("streaming through %d bytes", size), NewReaderDecoder(strings.NewReader(doc.String()), make([]byte, size)))
	}
}

// TestStreamSavedKeysStayBounded decodes a long stream of objects through a
// small buffer, so that refills save keys many times over: only the keys of
// the objects still open may stay saved, whatever the length of the stream.
func TestStreamSavedKeysStayBounded(t *testing.T) {
	var doc strings.Builder
	doc.WriteString(`{"outerKeyThatStaysOpen":[`)
	for i := range 5000 {
		if i > 0 {
			doc.WriteByte(',')
		}
		fmt.Fprintf(&doc, `{"name%d":"value %d","nested":{"deeperKey%d":%d}}`, i, i, i, i)
	}
	doc.WriteString(`]}`)
	d := NewReaderDecoder(strings.NewReader(doc.String()), make([]byte, 64))
	maxSaved, items := 0, 0
	err := walk(d, func([]byte) {
		maxSaved = max(maxSaved, cap(d.saved), cap(d.spare))
	}, func(*Elements) { items++ })
	if err != nil {
		t.Fatal(err)
	}
	if items != 5000 {
		t.Fatalf("decoded %d items, want 5000", items)
	}
	// Three objects are open at most, each with a key of under 32 bytes.
	if maxSaved > 256 {
		t.Errorf("saved keys grew to %d bytes of capacity over %d bytes of stream; want them bounded by the open objects' keys", maxSaved, doc.Len())
	}
}
