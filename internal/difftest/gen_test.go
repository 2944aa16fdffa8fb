package difftest

import (
	"bytes"
	"io"
	"math"
	"math/rand"
	"reflect"
	"strings"
	"time"

	"github.com/aws/smithy-go/middleware"
)

// gen builds random values of the generated Go types by reflection. It knows
// no service: every shape kind the codegen emits (pointers to scalars,
// enums, timestamps, structs, lists, maps, blobs, streams) is covered by Go
// kind.
type gen struct {
	r *rand.Rand
	// floatSpecials lets NaN and ±Inf appear; the JSON request comparison
	// cannot represent them, so callers decide.
	floatSpecials bool
	depth         int
}

var (
	timeType       = reflect.TypeOf(time.Time{})
	metadataType   = reflect.TypeOf(middleware.Metadata{})
	bytesType      = reflect.TypeOf([]byte(nil))
	readerType     = reflect.TypeOf((*io.Reader)(nil)).Elem()
	readCloserType = reflect.TypeOf((*io.ReadCloser)(nil)).Elem()
)

// streamSource is the content of a streaming member (io.Reader input,
// io.ReadCloser output). A value holds it until a call; each client then
// gets a reader of its own over the same bytes (reader), so neither reads
// what the other consumed.
type streamSource struct {
	data []byte
	// seekable: the client gets a *bytes.Reader; otherwise a reader that
	// only reads (no Seek, no Len), as a pipe or a network body would be.
	seekable bool
}

func (s *streamSource) reader() io.Reader {
	if s.seekable {
		return bytes.NewReader(s.data)
	}
	return struct{ io.Reader }{bytes.NewReader(s.data)}
}

// Read and Close make a *streamSource fit an io.ReadCloser member; the
// test never reads one directly.
func (s *streamSource) Read([]byte) (int, error) { panic("streamSource read: use reader()") }
func (s *streamSource) Close() error             { return nil }

// exportedFields lists the fields the comparison looks at: exported, and not
// ResultMetadata (which carries per-call state).
func exportedFields(t reflect.Type) []reflect.StructField {
	var out []reflect.StructField
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() || f.Type == metadataType {
			continue
		}
		out = append(out, f)
	}
	return out
}

// enumValues returns the known values of an enum type (its Values method), or
// nil when t is not an enum.
func enumValues(t reflect.Type) []string {
	if t.Kind() != reflect.String || t.PkgPath() == "" {
		return nil
	}
	m, ok := t.MethodByName("Values")
	if !ok {
		return nil
	}
	res := m.Func.Call([]reflect.Value{reflect.Zero(t)})[0]
	out := make([]string, res.Len())
	for i := range out {
		out[i] = res.Index(i).String()
	}
	return out
}

// value returns a random value of type t. force makes a pointer, list or map
// non-nil (used for members the validator says are required).
func (g *gen) value(t reflect.Type, force bool) reflect.Value {
	v := reflect.New(t).Elem()
	switch t.Kind() {
	case reflect.Pointer:
		if !force && (g.r.Intn(4) == 0 || g.depth > 6) {
			return v
		}
		p := reflect.New(t.Elem())
		g.depth++
		p.Elem().Set(g.value(t.Elem(), false))
		g.depth--
		v.Set(p)
	case reflect.Struct:
		if t == timeType {
			v.Set(reflect.ValueOf(g.timestamp()))
			return v
		}
		for _, f := range exportedFields(t) {
			v.FieldByIndex(f.Index).Set(g.value(f.Type, false))
		}
	case reflect.String:
		if vals := enumValues(t); vals != nil {
			switch n := g.r.Intn(10); {
			case n < 7:
				v.SetString(vals[g.r.Intn(len(vals))])
			case n < 8:
				v.SetString("")
			default:
				v.SetString("UNKNOWN_" + g.asciiWord())
			}
			return v
		}
		v.SetString(g.str())
	case reflect.Int32:
		v.SetInt(g.integer(32))
	case reflect.Int64:
		v.SetInt(g.integer(64))
	case reflect.Int, reflect.Int8, reflect.Int16:
		v.SetInt(g.integer(t.Bits()))
	case reflect.Bool:
		v.SetBool(g.r.Intn(2) == 0)
	case reflect.Float64, reflect.Float32:
		v.SetFloat(g.float(t.Bits()))
	case reflect.Slice:
		if t == bytesType {
			if !force && g.r.Intn(5) == 0 {
				return v
			}
			b := make([]byte, g.r.Intn(20))
			g.r.Read(b)
			v.SetBytes(b)
			return v
		}
		if !force && g.r.Intn(5) == 0 {
			return v // nil
		}
		n := g.r.Intn(5) // 0 (empty) .. 4
		s := reflect.MakeSlice(t, n, n)
		g.depth++
		for i := 0; i < n; i++ {
			s.Index(i).Set(g.value(t.Elem(), false))
		}
		g.depth--
		v.Set(s)
	case reflect.Map:
		if !force && g.r.Intn(5) == 0 {
			return v // nil
		}
		m := reflect.MakeMap(t)
		n := g.r.Intn(4)
		g.depth++
		for i := 0; i < n; i++ {
			k := reflect.New(t.Key()).Elem()
			k.SetString(g.str())
			m.SetMapIndex(k, g.value(t.Elem(), false))
		}
		g.depth--
		v.Set(m)
	case reflect.Interface:
		if t == readerType || t == readCloserType {
			if !force && g.r.Intn(5) == 0 {
				return v // nil
			}
			b := make([]byte, []int{0, 1, 7, 64, 300}[g.r.Intn(5)])
			g.r.Read(b)
			v.Set(reflect.ValueOf(&streamSource{data: b, seekable: g.r.Intn(4) != 0}))
			return v
		}
		choices := unionChoices(t)
		if len(choices) == 0 {
			return v // documents: none in the reference models
		}
		if !force && g.r.Intn(8) == 0 {
			return v // nil: an absent member, or a nil element
		}
		if g.depth > 4 {
			choices = choices[:1] // no deeper nesting of lists and maps
		}
		m := reflect.New(choices[g.r.Intn(len(choices))].Elem())
		g.depth++
		m.Elem().Field(0).Set(g.value(m.Elem().Field(0).Type(), true))
		g.depth--
		v.Set(m)
	default:
		panic("gen: unsupported kind " + t.String())
	}
	return v
}

func (g *gen) asciiWord() string {
	const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_"
	n := 1 + g.r.Intn(10)
	b := make([]byte, n)
	for i := range b {
		b[i] = letters[g.r.Intn(len(letters))]
	}
	return string(b)
}

// specialStrings are the pieces JSON encoders most often get wrong.
var specialStrings = []string{
	`"`, `\`, `\"`, `<`, `>`, `&`, `</script>`, `/`, "'",
	"\n", "\r", "\t", "\b", "\f", "\x00", "\x01", "\x1f", "\x7f",
	"\u0080", "\u00a0", "é", "ß", "漢字", "\u2028", "\u2029", "\ufeff", "\ufffd",
	"😀", "👍🏽", "👨‍👩‍👧", "𝄞", " ", "%20", "{}", "[]", "null", "\\u0000",
}

func (g *gen) str() string {
	switch g.r.Intn(6) {
	case 0:
		return ""
	case 1, 2:
		return g.asciiWord()
	}
	var b strings.Builder
	n := 1 + g.r.Intn(6)
	for i := 0; i < n; i++ {
		switch g.r.Intn(4) {
		case 0:
			b.WriteString(g.asciiWord())
		case 1:
			// a random rune from the BMP or beyond, skipping surrogates
			for {
				r := rune(g.r.Intn(0x1FFFF))
				if r >= 0xD800 && r <= 0xDFFF {
					continue
				}
				b.WriteRune(r)
				break
			}
		default:
			b.WriteString(specialStrings[g.r.Intn(len(specialStrings))])
		}
	}
	return b.String()
}

func (g *gen) integer(bits int) int64 {
	max := int64(1)<<(bits-1) - 1
	min := -max - 1
	switch g.r.Intn(8) {
	case 0:
		return max
	case 1:
		return min
	case 2:
		return max - int64(g.r.Intn(3))
	case 3:
		return 0
	case 4:
		return -1 - int64(g.r.Intn(1000))
	case 5:
		return int64(g.r.Intn(1000))
	default:
		return g.r.Int63n(max) * int64(1-2*g.r.Intn(2))
	}
}

func (g *gen) float(bits int) float64 {
	n := g.r.Intn(12)
	if g.floatSpecials && n == 0 {
		return []float64{math.NaN(), math.Inf(1), math.Inf(-1)}[g.r.Intn(3)]
	}
	switch n {
	case 1:
		return 0
	case 2:
		return math.Copysign(0, -1)
	case 3:
		return float64(g.r.Intn(100))
	case 4:
		return 1e21 // where some encoders switch to exponent form
	case 5:
		return 1e-7
	case 6:
		if bits == 32 {
			return math.MaxFloat32
		}
		return math.MaxFloat64
	case 7:
		return math.SmallestNonzeroFloat64
	case 8:
		return 123456789.125
	default:
		return (g.r.Float64() - 0.5) * math.Pow(10, float64(g.r.Intn(12)))
	}
}

// timestamp returns a UTC time with whole milliseconds, the precision
// epoch-seconds timestamps carry.
func (g *gen) timestamp() time.Time {
	var sec int64
	switch g.r.Intn(6) {
	case 0:
		sec = 0
	case 1:
		sec = -g.r.Int63n(2_000_000_000) // before 1970
	default:
		sec = g.r.Int63n(4_000_000_000)
	}
	ms := int64(g.r.Intn(1000))
	if g.r.Intn(4) == 0 {
		ms = 0
	}
	return time.UnixMilli(sec*1000 + ms).UTC()
}
