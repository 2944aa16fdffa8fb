package difftest

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"math"
	"math/rand"
	"reflect"
	"strconv"
	"time"
	"unicode/utf16"
	"unicode/utf8"
)

// awsJSONEncoder writes a value of the generated Go types as an awsJson
// response body: member names as keys, timestamps as epoch seconds with
// fractions, blobs base64, enums as strings, NaN/±Inf as the strings "NaN",
// "Infinity" and "-Infinity". It varies what a server may legitimately vary
// (key order, string escapes, number spelling, explicit nulls for absent
// members, unknown members) so both decoders see the same unusual input.
type awsJSONEncoder struct {
	r *rand.Rand
	// vary turns on the legitimate variations above.
	vary bool
	// nulls puts null elements into lists and null values into maps, which
	// a server should not send for non-sparse collections; how a client
	// reads them is compared separately.
	nulls bool
}

func (e *awsJSONEncoder) encode(v reflect.Value) []byte {
	var b bytes.Buffer
	e.value(&b, v)
	return b.Bytes()
}

func (e *awsJSONEncoder) chance(n int) bool { return e.vary && e.r.Intn(n) == 0 }

func (e *awsJSONEncoder) value(b *bytes.Buffer, v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			b.WriteString("null")
			return
		}
		e.value(b, v.Elem())
	case reflect.Struct:
		if v.Type() == timeType {
			e.timestamp(b, v.Interface().(time.Time))
			return
		}
		fields := exportedFields(v.Type())
		if e.vary {
			e.r.Shuffle(len(fields), func(i, j int) { fields[i], fields[j] = fields[j], fields[i] })
		}
		b.WriteByte('{')
		first := true
		sep := func() {
			if !first {
				b.WriteByte(',')
			}
			first = false
		}
		for _, f := range fields {
			fv := v.FieldByIndex(f.Index)
			if isAbsent(fv) && !e.chance(5) {
				continue // absent members are usually omitted, sometimes null
			}
			sep()
			e.str(b, f.Name)
			b.WriteByte(':')
			e.value(b, fv)
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
	case reflect.String:
		e.str(b, v.String())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		b.WriteString(strconv.FormatInt(v.Int(), 10))
	case reflect.Bool:
		b.WriteString(strconv.FormatBool(v.Bool()))
	case reflect.Float32, reflect.Float64:
		e.float(b, v.Float(), v.Type().Bits())
	case reflect.Slice:
		if v.IsNil() {
			b.WriteString("null")
			return
		}
		if v.Type() == bytesType {
			e.str(b, base64.StdEncoding.EncodeToString(v.Bytes()))
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
			e.value(b, v.Index(i))
		}
		if e.nulls && e.r.Intn(2) == 0 {
			if v.Len() > 0 {
				b.WriteByte(',')
			}
			b.WriteString("null")
		}
		b.WriteByte(']')
	case reflect.Map:
		if v.IsNil() {
			b.WriteString("null")
			return
		}
		b.WriteByte('{')
		for i, k := range v.MapKeys() {
			if i > 0 {
				b.WriteByte(',')
			}
			e.str(b, k.String())
			b.WriteByte(':')
			if e.nulls && e.r.Intn(3) == 0 {
				b.WriteString("null")
				continue
			}
			e.value(b, v.MapIndex(k))
		}
		b.WriteByte('}')
	default:
		panic("encode: unsupported kind " + v.Kind().String())
	}
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
func (e *awsJSONEncoder) str(b *bytes.Buffer, s string) {
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

func (e *awsJSONEncoder) float(b *bytes.Buffer, f float64, bits int) {
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

// timestamp writes t as epoch seconds: an integer when it has no fraction,
// otherwise seconds "." milliseconds as an exact decimal; sometimes in
// exponent form, which is also a JSON number.
func (e *awsJSONEncoder) timestamp(b *bytes.Buffer, t time.Time) {
	ms := t.UnixMilli()
	if e.chance(6) {
		b.WriteString(strconv.FormatFloat(float64(ms)/1e3, 'e', -1, 64))
		return
	}
	sign := ""
	if ms < 0 {
		sign, ms = "-", -ms
	}
	if ms%1000 == 0 && !e.chance(3) {
		fmt.Fprintf(b, "%s%d", sign, ms/1000)
		return
	}
	fmt.Fprintf(b, "%s%d.%03d", sign, ms/1000, ms%1000)
}
