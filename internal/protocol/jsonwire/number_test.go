package jsonwire

import (
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"time"

	smithytime "github.com/aws/smithy-go/time"
)

func TestIntegersParseExactlyOrFail(t *testing.T) {
	tests := []struct {
		name    string
		typ     string
		in      string
		want    int64
		wantErr string
	}{
		{"int64 keeps precision beyond 2^53", "int64", "9007199254740993", 9007199254740993, ""},
		{"int64 max", "int64", "9223372036854775807", math.MaxInt64, ""},
		{"int64 min", "int64", "-9223372036854775808", math.MinInt64, ""},
		{"int64 max plus one", "int64", "9223372036854775808", 0, "value 9223372036854775808 does not fit int64"},
		{"int64 min minus one", "int64", "-9223372036854775809", 0, "does not fit int64"},
		{"twenty digits", "int64", "12345678901234567890", 0, "does not fit int64"},
		{"negative zero", "int64", "-0", 0, ""},
		{"int8 max", "int8", "127", 127, ""},
		{"int8 min", "int8", "-128", -128, ""},
		{"int8 overflow", "int8", "300", 0, "value 300 does not fit int8"},
		{"int8 underflow", "int8", "-129", 0, "value -129 does not fit int8"},
		{"int16 overflow", "int16", "32768", 0, "value 32768 does not fit int16"},
		{"int32 2^31", "int32", "2147483648", 0, "value 2147483648 does not fit int32"},
		{"int32 -2^31", "int32", "-2147483648", math.MinInt32, ""},
		{"exponent is not an integer", "int32", "1e3", 0, "value 1e3 does not fit int32"},
		{"fraction is not an integer", "int64", "1.5", 0, "value 1.5 does not fit int64"},
		{"integral fraction is not an integer", "int8", "1.0", 0, "value 1.0 does not fit int8"},
		{"huge exponent", "int64", "1e99", 0, "value 1e99 does not fit int64"},
		{"string is wrong type", "int64", `"1"`, 0, "expected number, found string"},
		{"object is wrong type", "int32", `{}`, 0, "expected number, found object"},
		{"bool is wrong type", "int16", `true`, 0, "expected number, found boolean"},
		{"leading zero", "int64", "01", 0, "leading zero"},
		{"negative leading zero", "int64", "-01", 0, "leading zero"},
		{"zero", "int64", "0", 0, ""},
		{"eighteen digits", "int64", "999999999999999999", 999999999999999999, ""},
		{"nineteen digits", "int64", "1000000000000000000", 1000000000000000000, ""},
		{"negative eighteen digits", "int64", "-999999999999999999", -999999999999999999, ""},
		{"minus then letter", "int64", "-x", 0, "in numeric literal"},
		{"digits then letter", "int64", "12x", 0, "invalid character 'x'"},
	}
	// Each number alone (it ends the input: the general path), then as an
	// element and a member (a delimiter follows: the one-pass path first).
	frames := []struct{ name, before, after string }{{"alone", "", ""}, {"element", "[", "]"}, {"member", `{"k":`, "}"}, {"spaced", "[", " ]"}}
	for _, tt := range tests {
		for _, fr := range frames {
			t.Run(tt.name+"/"+fr.name, func(t *testing.T) {
				intCase(t, fr.before, fr.before+tt.in+fr.after, tt.typ, tt.want, tt.wantErr)
			})
		}
	}
}

// intCase decodes in (a number, or an array or object of one, as frame
// says) as typ and checks the value or the error.
func intCase(t *testing.T, frame, in, typ string, want int64, wantErr string) {
	t.Helper()
	d := NewDecoder([]byte(in))
	var got int64
	var err error
	read := func(d *Decoder) error {
		switch typ {
		case "int8":
			var v int8
			err, got = d.Int8(&v), int64(v)
		case "int16":
			var v int16
			err, got = d.Int16(&v), int64(v)
		case "int32":
			var v int32
			err, got = d.Int32(&v), int64(v)
		default:
			err = d.Int64(&got)
		}
		return err
	}
	switch frame {
	case "[":
		err = d.Array(read)
	case `{"k":`:
		err = d.Object(func(d *Decoder, _ []byte) error { return read(d) })
	default:
		err = read(d)
	}
	if err == nil {
		err = d.End()
	}
	if wantErr != "" {
		if err == nil || !strings.Contains(err.Error(), wantErr) {
			t.Errorf("got %d, %v; want error containing %q", got, err, wantErr)
		}
		return
	}
	if err != nil || got != want {
		t.Errorf("got %d, %v; want %d", got, err, want)
	}
}

func TestIntegerPointersAndNull(t *testing.T) {
	d := NewDecoder([]byte(`[null,5,null,-6,null,7,null,8,null]`))
	v8, v16, v32, v64 := int8(1), int16(1), int32(1), int64(1)
	p8, p16, p32, p64 := &v8, &v16, &v32, &v64
	readers := []func(d *Decoder) error{
		func(d *Decoder) error { return d.Int8Ptr(&p8) },
		func(d *Decoder) error { return d.Int8Ptr(&p8) },
		func(d *Decoder) error { return d.Int16Ptr(&p16) },
		func(d *Decoder) error { return d.Int16Ptr(&p16) },
		func(d *Decoder) error { return d.Int32Ptr(&p32) },
		func(d *Decoder) error { return d.Int32Ptr(&p32) },
		func(d *Decoder) error { return d.Int64Ptr(&p64) },
		func(d *Decoder) error { return d.Int64Ptr(&p64) },
		func(d *Decoder) error { return d.Int64(&v64) }, // null leaves value unchanged
	}
	i := 0
	err := d.Array(func(d *Decoder) error {
		if i == 1 && p8 != nil {
			t.Error("Int8Ptr(null) did not set nil")
		}
		i++
		return readers[i-1](d)
	})
	if err != nil || *p8 != 5 || *p16 != -6 || *p32 != 7 || *p64 != 8 || v64 != 1 {
		t.Errorf("got %v %v %v %v %v, %v", *p8, *p16, *p32, *p64, v64, err)
	}
}

func TestFloats(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		bits    int
		want    float64
		wantErr string
	}{
		{"integer", "42", 64, 42, ""},
		{"fraction and exponent", "-1.25E+2", 64, -125, ""},
		{"smallest denormal", "5e-324", 64, 5e-324, ""},
		{"NaN string", `"NaN"`, 64, math.NaN(), ""},
		{"NaN string any case", `"nan"`, 32, math.NaN(), ""},
		{"Infinity string", `"Infinity"`, 64, math.Inf(1), ""},
		{"negative Infinity string", `"-Infinity"`, 32, math.Inf(-1), ""},
		{"other string", `"1.5"`, 64, 0, `invalid float64 value "1.5"`},
		{"float64 overflow", "1e400", 64, 0, "value 1e400 does not fit float64"},
		{"float32 overflow", "1e39", 32, 0, "value 1e39 does not fit float32"},
		{"float32 max", "3.4028234663852886e38", 32, math.MaxFloat32, ""},
		{"float32 rounds correctly", "0.1", 32, float64(float32(0.1)), ""},
		{"bool is wrong type", "false", 64, 0, "expected number, found boolean"},
		{"array is wrong type", "[]", 32, 0, "expected number, found array"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := NewDecoder([]byte(tt.in))
			var got float64
			var err error
			if tt.bits == 32 {
				var f float32
				err, got = d.Float32(&f), float64(f)
			} else {
				err = d.Float64(&got)
			}
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Errorf("got %v, %v; want error containing %q", got, err, tt.wantErr)
				}
				return
			}
			if err != nil || !(got == tt.want || math.IsNaN(got) && math.IsNaN(tt.want)) {
				t.Errorf("got %v, %v; want %v", got, err, tt.want)
			}
		})
	}
}

func TestFloatPointersAndNull(t *testing.T) {
	f32, f64 := new(float32(1)), new(float64(1))
	d := NewDecoder([]byte(`[1.5,null,2.5,null]`))
	calls := []func(d *Decoder) error{
		func(d *Decoder) error { return d.Float32Ptr(&f32) },
		func(d *Decoder) error { return d.Float64(f64) },
		func(d *Decoder) error { return d.Float64Ptr(&f64) },
		func(d *Decoder) error { return d.Float32Ptr(&f32) },
	}
	i := 0
	err := d.Array(func(d *Decoder) error { i++; return calls[i-1](d) })
	if err != nil || f32 != nil || *f64 != 2.5 {
		t.Errorf("got %v %v, %v", f32, f64, err)
	}
}

func TestBools(t *testing.T) {
	var b bool
	var p *bool
	d := NewDecoder([]byte(`[true,null,false,"true"]`))
	calls := []func(d *Decoder) error{
		func(d *Decoder) error { return d.Bool(&b) },
		func(d *Decoder) error { return d.Bool(&b) },
		func(d *Decoder) error { return d.BoolPtr(&p) },
		func(d *Decoder) error { return d.Bool(&b) },
	}
	i := 0
	err := d.Array(func(d *Decoder) error { i++; return calls[i-1](d) })
	if !b || p == nil || *p || err == nil || !strings.Contains(err.Error(), "expected boolean, found string") {
		t.Errorf("got %v %v, %v", b, p, err)
	}
}

func TestEpochSecondsMatchesSmithy(t *testing.T) {
	inputs := []string{"0", "1481896200", "1481896200.004", "1481896200.0045", "-1.5", "-0.0001", "1e-320",
		"1515531081.123", "253402300799.999", "-62135596800", "1e15", "9.3e12", "1e300", "-1e300", "9223372036854775807"}
	r := rand.New(rand.NewPCG(5, 6))
	for range 5000 {
		inputs = append(inputs,
			strconv.FormatFloat(r.Float64()*4e9-1e9, 'f', r.IntN(7), 64),
			strconv.FormatFloat(math.Float64frombits(r.Uint64()&^(1<<63|0x7ff<<52)|uint64(r.IntN(1100))<<52), 'g', -1, 64))
	}
	for _, in := range inputs {
		f, _ := strconv.ParseFloat(in, 64)
		var got time.Time
		err := NewDecoder([]byte(in)).EpochSeconds(&got)
		// As an element (a delimiter follows: the one-pass path), the same.
		var inArray time.Time
		arrErr := NewDecoder([]byte("[" + in + "]")).Array(func(d *Decoder) error { return d.EpochSeconds(&inArray) })
		if (arrErr == nil) != (err == nil) || !inArray.Equal(got) {
			t.Errorf("EpochSeconds([%s]) = %v, %v; alone %v, %v", in, inArray, arrErr, got, err)
		}
		ms := epochMillis(f)
		switch {
		case ms == math.MaxInt64 || ms == math.MinInt64:
			// Beyond int64 milliseconds: an error, not a saturated time.
			if err == nil {
				t.Errorf("EpochSeconds(%s) = %v, want an out-of-range error", in, got)
			}
		case math.Abs(f) < 9.2e9:
			// Where smithy-go's nanosecond arithmetic does not overflow, the
			// same instant as smithy-go.
			want := smithytime.ParseEpochSeconds(f)
			if err != nil || !got.Equal(want) || got.Location() != time.UTC {
				t.Errorf("EpochSeconds(%s) = %v, %v; want %v", in, got, err, want)
			}
		default:
			// Past 2262 smithy-go wraps around; we keep the right instant.
			want := time.Unix(ms/1000, (ms%1000)*1e6).UTC()
			if err != nil || !got.Equal(want) {
				t.Errorf("EpochSeconds(%s) = %v, %v; want %v", in, got, err, want)
			}
		}
	}
}

func TestEpochSecondsNullAndTypes(t *testing.T) {
	p := new(time.Time)
	if err := NewDecoder([]byte("null")).EpochSecondsPtr(&p); err != nil || p != nil {
		t.Errorf("null: got %v, %v", p, err)
	}
	if err := NewDecoder([]byte(`"2016-01-01T00:00:00Z"`)).EpochSecondsPtr(&p); err == nil || !strings.Contains(err.Error(), "expected number, found string") {
		t.Errorf("string: got %v", err)
	}
	if err := NewDecoder([]byte(`1e999`)).EpochSecondsPtr(&p); err == nil {
		t.Error("1e999 accepted")
	}
}

// TestShortDecimalsParseAsStrconv: the fast path for short decimals gives
// strconv.ParseFloat's float, bit for bit, and declines everything else.
func TestShortDecimalsParseAsStrconv(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	cases := []string{"0", "-0", "0.1", "-0.5", "1712345678.123", "999999999999999", "99999999999999.9",
		"0.000000000000001", "1e3", "1.5E-2", "-", "1234567890123456", "123456789012345.6", "9007199254740993"}
	for range 200000 {
		digits := 1 + rng.IntN(17)
		b := make([]byte, 0, digits+2)
		if rng.IntN(4) == 0 {
			b = append(b, '-')
		}
		point := rng.IntN(digits + 1)
		for i := range digits {
			if i == point && i > 0 {
				b = append(b, '.')
			}
			b = append(b, byte('0'+rng.IntN(10)))
		}
		cases = append(cases, string(b))
	}
	for _, c := range cases {
		want, werr := strconv.ParseFloat(c, 64)
		got, ok := parseShortDecimal([]byte(c))
		if !ok {
			continue
		}
		if werr != nil || math.Float64bits(got) != math.Float64bits(want) {
			t.Fatalf("%s: got %v (%x), strconv %v (%x), %v", c, got, math.Float64bits(got), want, math.Float64bits(want), werr)
		}
	}
	for _, c := range []string{"1e3", "1234567890123456", "-", "0.0000000000000001"} {
		if _, ok := parseShortDecimal([]byte(c)); ok {
			t.Errorf("%s: taken by the fast path", c)
		}
	}
}
