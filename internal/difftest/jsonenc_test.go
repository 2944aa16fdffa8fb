package difftest

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"math"
	"math/rand"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"
	"unicode/utf8"
)

// jsonEncoder writes a value of the generated Go types as a JSON response
// body, led by the model: member names as keys (or @jsonName, under
// restJson1), timestamps in the member's format (epoch seconds with
// fractions by default), blobs base64, enums as strings, NaN/±Inf as the
// strings "NaN", "Infinity" and "-Infinity". It varies what a server may
// legitimately vary (key order, string escapes, number spelling, explicit
// nulls for absent members, unknown members) so both decoders see the same
// unusual input.
type jsonEncoder struct {
	r     *rand.Rand
	model *smithyModel
	// jsonName: keys follow @jsonName (restJson1; awsJson ignores it).
	jsonName bool
	// vary turns on the legitimate variations above.
	vary bool
	// messageCase spells an error's message member "message" or "Message"
	// at random: servers send either, and clients read both.
	messageCase bool
	// nulls puts null elements into lists and null values into maps, which
	// a server should not send for non-sparse collections; how a client
	// reads them is compared separately.
	nulls bool
}

// encode writes v, a value of the shape target.
func (e *jsonEncoder) encode(v reflect.Value, target string) []byte {
	var b bytes.Buffer
	e.value(&b, v, &memberDef{Target: target})
	return b.Bytes()
}

// encodeMembers writes the members of structure v (shape target) that keep
// returns true for, as one JSON object.
func (e *jsonEncoder) encodeMembers(v reflect.Value, target string, keep func(*memberDef) bool) []byte {
	var b bytes.Buffer
	e.object(&b, v, e.model.shape(target), keep)
	return b.Bytes()
}

func (e *jsonEncoder) chance(n int) bool { return e.vary && e.r.Intn(n) == 0 }

// key is the JSON key of a structure member.
func (e *jsonEncoder) key(m *memberDef) string {
	k := m.Name
	if e.jsonName {
		if j, ok := stringTrait(m.Traits, "smithy.api#jsonName"); ok {
			k = j
		}
	}
	if e.messageCase && strings.EqualFold(k, "message") && e.vary {
		k = []string{"message", "Message"}[e.r.Intn(2)]
	}
	return k
}

func (e *jsonEncoder) value(b *bytes.Buffer, v reflect.Value, mem *memberDef) {
	if v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
		if v.IsNil() {
			b.WriteString("null")
			return
		}
		v = v.Elem()
	}
	s := e.model.shape(mem.Target)
	switch s.Type {
	case "union":
		// v holds a *XMemberY{Value}: written as {"Y": value}.
		name := unionMemberName(v.Type())
		for i := range s.Members {
			if s.Members[i].Name == name {
				b.WriteByte('{')
				e.str(b, name)
				b.WriteByte(':')
				e.value(b, v.Elem().Field(0), &s.Members[i])
				b.WriteByte('}')
				return
			}
		}
		panic("jsonenc: " + s.ID + " has no member " + name)
	case "structure":
		e.object(b, v, s, nil)
	case "list", "set":
		if v.IsNil() {
			b.WriteString("null")
			return
		}
		b.WriteByte('[')
		for i := 0; i < v.Len(); i++ {
			if i > 0 {
				b.WriteByte(',')
			}
			if e.nulls && e.r.Intn(3) == 0 {
				b.WriteString("null,")
			}
			e.value(b, v.Index(i), s.Member)
		}
		if e.nulls && e.r.Intn(2) == 0 {
			if v.Len() > 0 {
				b.WriteByte(',')
			}
			b.WriteString("null")
		}
		b.WriteByte(']')
	case "map":
		if v.IsNil() {
			b.WriteString("null")
			return
		}
		b.WriteByte('{')
		keys := v.MapKeys()
		sortValues(keys)
		if e.vary {
			e.r.Shuffle(len(keys), func(i, j int) { keys[i], keys[j] = keys[j], keys[i] })
		}
		for i, k := range keys {
			if i > 0 {
				b.WriteByte(',')
			}
			e.str(b, k.String())
			b.WriteByte(':')
			if e.nulls && e.r.Intn(3) == 0 {
				b.WriteString("null")
				continue
			}
			e.value(b, v.MapIndex(k), s.Value)
		}
		b.WriteByte('}')
	case "timestamp":
		e.timestamp(b, v.Interface().(time.Time), e.model.timestampFormat(mem, "epoch-seconds"))
	case "blob":
		if v.IsNil() {
			b.WriteString("null")
			return
		}
		e.str(b, base64.StdEncoding.EncodeToString(v.Bytes()))
	case "string", "enum":
		e.str(b, v.String())
	case "byte", "short", "integer", "long", "intEnum":
		b.WriteString(strconv.FormatInt(v.Int(), 10))
	case "boolean":
		b.WriteString(strconv.FormatBool(v.Bool()))
	case "float", "double":
		e.float(b, v.Float(), v.Type().Bits())
	default:
		panic("jsonEncoder: unsupported shape type " + s.Type + " (" + s.ID + ")")
	}
}

// object writes structure v's members (those keep allows, all when keep is
// nil) as a JSON object.
func (e *jsonEncoder) object(b *bytes.Buffer, v reflect.Value, s *shapeDef, keep func(*memberDef) bool) {
	members := append([]memberDef(nil), s.Members...)
	if e.vary {
		e.r.Shuffle(len(members), func(i, j int) { members[i], members[j] = members[j], members[i] })
	}
	b.WriteByte('{')
	first := true
	sep := func() {
		if !first {
			b.WriteByte(',')
		}
		first = false
	}
	for i := range members {
		m := &members[i]
		if keep != nil && !keep(m) {
			continue
		}
		fv := memberValue(v, s, m)
		if isAbsent(fv) && !e.chance(5) {
			continue // absent members are usually omitted, sometimes null
		}
		sep()
		e.str(b, e.key(m))
		b.WriteByte(':')
		e.value(b, fv, m)
	}
	if e.chance(4) {
		sep()
		e.str(b, "UnmodeledMember"+strconv.Itoa(e.r.Intn(100)))
		b.WriteByte(':')
		b.WriteString([]string{
			`null`, `true`, `-1.5e3`, `"x\u00e9\"y"`, `[]`, `{}`,
			`[1,{"a":[null,{"b":"c"}]},"d"]`, `{"nested":{"deeper":[true,false]}}`,
		}[e.r.Intn(8)])
	}
	b.WriteByte('}')
}

// isAbsent reports whether a member value is "not set": a nil pointer, list
// or map. Value-typed members (enums, non-pointer numbers) are always sent.
func isAbsent(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Map, reflect.Interface:
		return v.IsNil()
	}
	return false
}

// str writes s as a JSON string, either as encoding/json does (which escapes
// <, > and & as \u003c...) or with every non-ASCII rune as a \u escape
// (surrogate pairs beyond the BMP), both valid spellings of the same string.
func (e *jsonEncoder) str(b *bytes.Buffer, s string) {
	if !e.chance(3) {
		out, _ := json.Marshal(s)
		b.Write(out)
		return
	}
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '/':
			b.WriteString(`\/`)
		case r < 0x20 || r >= 0x7f:
			if r == utf8.RuneError {
				fmt.Fprintf(b, `\u%04x`, r)
				continue
			}
			if r > 0xffff {
				r1, r2 := utf16.EncodeRune(r)
				fmt.Fprintf(b, `\u%04X\u%04x`, r1, r2)
				continue
			}
			fmt.Fprintf(b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
}

func (e *jsonEncoder) float(b *bytes.Buffer, f float64, bits int) {
	switch {
	case math.IsNaN(f):
		b.WriteString(`"NaN"`)
		return
	case math.IsInf(f, 1):
		b.WriteString(`"Infinity"`)
		return
	case math.IsInf(f, -1):
		b.WriteString(`"-Infinity"`)
		return
	}
	format := byte('g')
	if e.vary {
		format = "gfeE"[e.r.Intn(4)]
	}
	b.WriteString(strconv.FormatFloat(f, format, -1, bits))
}

// timestamp writes t in format: epoch seconds as a number, date-time and
// http-date as strings.
func (e *jsonEncoder) timestamp(b *bytes.Buffer, t time.Time, format string) {
	switch format {
	case "epoch-seconds":
		b.WriteString(e.epochSeconds(t))
	default:
		e.str(b, e.timeString(t, format))
	}
}

// epochSeconds spells t as epoch seconds: an integer when it has no
// fraction, otherwise seconds "." milliseconds as an exact decimal;
// sometimes in exponent form.
func (e *jsonEncoder) epochSeconds(t time.Time) string {
	ms := t.UnixMilli()
	if e.chance(6) {
		return strconv.FormatFloat(float64(ms)/1e3, 'e', -1, 64)
	}
	sign := ""
	if ms < 0 {
		sign, ms = "-", -ms
	}
	if ms%1000 == 0 && !e.chance(3) {
		return fmt.Sprintf("%s%d", sign, ms/1000)
	}
	return fmt.Sprintf("%s%d.%03d", sign, ms/1000, ms%1000)
}

// timeString spells t as a date-time (RFC 3339, sometimes with another
// offset or with a fraction of zeros) or an http-date (IMF-fixdate, with
// its fraction when it has one).
func (e *jsonEncoder) timeString(t time.Time, format string) string {
	switch format {
	case "date-time":
		if e.chance(4) {
			t = t.In(time.FixedZone("", 2*3600+30*60))
		}
		if t.Nanosecond() == 0 && e.chance(3) {
			return t.Format("2006-01-02T15:04:05.000Z07:00")
		}
		return t.Format(time.RFC3339Nano)
	case "http-date":
		if t.Nanosecond() != 0 {
			return t.UTC().Format("Mon, 02 Jan 2006 15:04:05.000 GMT")
		}
		return t.UTC().Format("Mon, 02 Jan 2006 15:04:05 GMT")
	case "epoch-seconds":
		return e.epochSeconds(t)
	}
	panic("unknown timestamp format " + format)
}

// sortValues sorts string map keys, so encodings are reproducible.
func sortValues(keys []reflect.Value) {
	sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
}
