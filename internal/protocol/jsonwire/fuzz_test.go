package jsonwire

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	smithyjson "github.com/aws/smithy-go/encoding/json"
	smithytime "github.com/aws/smithy-go/time"
)

// FuzzDecoder checks that arbitrary input never panics, that Skip agrees
// with encoding/json on validity, that String and Int64 agree with
// encoding/json, that a stream decodes exactly as the same bytes in memory,
// and that Encoder output (identical to smithy-go's) decodes back to the
// values written.
func FuzzDecoder(f *testing.F) {
	f.Add([]byte(`{"s":"x","i64":1,"a":[1,2.5,"NaN",null,true],"o":{"t":1481896200.004}}`), "héllo\xff", int64(-7), 1.5)
	f.Add([]byte(`"\ud83d\ude00\u0041"`), "\u2028<&>", int64(math.MaxInt64), math.Inf(-1))
	f.Add([]byte(`[[[[]]]] `), "", int64(math.MinInt64), math.NaN())
	f.Fuzz(func(t *testing.T, data []byte, s string, i int64, fl float64) {
		checkSkipAgreesWithStdlib(t, data)
		checkScalarsAgreeWithStdlib(t, data)
		walkTyped(t, data)
		checkStreamMatchesMemory(t, data)
		checkRoundTrip(t, s, i, fl)
	})
}

func checkSkipAgreesWithStdlib(t *testing.T, data []byte) {
	d := NewDecoder(data)
	raw, err := d.Raw()
	if err == nil {
		err = d.End()
	}
	if err != nil {
		var e *Error
		if !errors.As(err, &e) {
			t.Fatalf("error %v is not *Error", err)
		}
		if strings.Contains(err.Error(), "max depth") {
			return
		}
	}
	if valid := json.Valid(data); valid != (err == nil) {
		t.Fatalf("Skip validity %v (err %v), encoding/json says %v", err == nil, err, valid)
	}
	if err == nil && !bytes.Equal(raw, bytes.TrimSpace(data)) {
		t.Fatalf("Raw = %q, want %q", raw, bytes.TrimSpace(data))
	}
}

func checkScalarsAgreeWithStdlib(t *testing.T, data []byte) {
	var want, got string
	wantErr := json.Unmarshal(data, &want)
	d := NewDecoder(data)
	err := d.String(&got)
	if err == nil {
		err = d.End()
	}
	if (err == nil) != (wantErr == nil) || err == nil && got != want {
		t.Fatalf("String = %q, %v; encoding/json %q, %v", got, err, want, wantErr)
	}

	var wantI, gotI int64
	wantErr = json.Unmarshal(data, &wantI)
	d.Reset(data)
	err = d.Int64(&gotI)
	if err == nil {
		err = d.End()
	}
	if (err == nil) != (wantErr == nil) || err == nil && gotI != wantI {
		t.Fatalf("Int64 = %d, %v; encoding/json %d, %v", gotI, err, wantI, wantErr)
	}

	// As array elements a delimiter follows each number: the one-pass paths.
	arr := append(append([]byte("["), data...), ']')
	var wantIs, gotIs []int64
	wantErr = json.Unmarshal(arr, &wantIs)
	d.Reset(arr)
	err = d.Array(func(d *Decoder) error {
		gotIs = append(gotIs, 0)
		return d.Int64(&gotIs[len(gotIs)-1])
	})
	if err == nil {
		err = d.End()
	}
	if (err == nil) != (wantErr == nil) || err == nil && !slices.Equal(gotIs, wantIs) && len(gotIs)+len(wantIs) > 0 {
		t.Fatalf("Int64 elements = %v, %v; encoding/json %v, %v", gotIs, err, wantIs, wantErr)
	}
	var wantFs []float64
	if json.Unmarshal(arr, &wantFs) == nil {
		var gotTs []time.Time
		d.Reset(arr)
		err = d.Array(func(d *Decoder) error {
			gotTs = append(gotTs, time.Time{})
			return d.EpochSeconds(&gotTs[len(gotTs)-1])
		})
		for i, f := range wantFs {
			if err == nil && !gotTs[i].Equal(smithytime.ParseEpochSeconds(f)) && math.Abs(f) < 9.2e9 {
				t.Fatalf("EpochSeconds element %d = %v; smithy-go %v", i, gotTs[i], smithytime.ParseEpochSeconds(f))
			}
		}
	}
}

// walkTyped decodes data as a generated client would, exercising every
// reader; errors are expected, panics and hangs are not.
func walkTyped(t *testing.T, data []byte) {
	d := NewDecoder(data)
	d.SetMaxDepth(64)
	err := walkValue(d)
	if err == nil {
		err = d.End()
	}
	var e *Error
	if err != nil && !errors.As(err, &e) {
		t.Fatalf("error %v is not *Error", err)
	}
}

func walkValue(d *Decoder) error {
	var (
		s   *string
		i8  *int8
		i16 *int16
		i32 *int32
		i64 *int64
		f32 *float32
		f64 *float64
		b   *bool
		tm  *time.Time
		bl  []byte
	)
	return d.Object(func(d *Decoder, key []byte) error {
		switch string(key) {
		case "s":
			return d.StringPtr(&s)
		case "i8":
			return d.Int8Ptr(&i8)
		case "i16":
			return d.Int16Ptr(&i16)
		case "i32":
			return d.Int32Ptr(&i32)
		case "i64":
			return d.Int64Ptr(&i64)
		case "f32":
			return d.Float32Ptr(&f32)
		case "f":
			return d.Float64Ptr(&f64)
		case "b":
			return d.BoolPtr(&b)
		case "t":
			return d.EpochSecondsPtr(&tm)
		case "dt":
			return d.DateTimePtr(&tm)
		case "hd":
			return d.HTTPDatePtr(&tm)
		case "bl":
			return d.Blob(&bl)
		case "o":
			return walkValue(d)
		case "a":
			return d.Array(func(d *Decoder) error {
				if d.Null() {
					return nil
				}
				var v float64
				if err := d.Float64(&v); err == nil {
					return nil
				}
				return errors.New("not a number")
			})
		case "raw":
			_, err := d.Raw()
			return err
		}
		return d.Skip()
	})
}

func checkRoundTrip(t *testing.T, s string, i int64, f float64) {
	want := smithyjson.NewEncoder()
	o := want.Object()
	o.Key(s).String(s)
	o.Key("i").Long(i)
	smithyFloat(o.Key("f"), f, 64)
	smithyFloat(o.Key("f32"), float64(float32(f)), 32)
	o.Close()

	e := NewEncoder(nil)
	e.ObjectStart()
	e.Key(s)
	e.String(s)
	e.Key("i")
	e.Int64(i)
	e.Key("f")
	e.Float64(f)
	e.Key("f32")
	e.Float32(float32(f))
	e.ObjectEnd()
	if !bytes.Equal(e.Bytes(), want.Bytes()) {
		t.Fatalf("Encoder wrote %s, smithy-go %s", e.Bytes(), want.Bytes())
	}

	var gotS string
	var gotI int64
	var gotF float64
	var gotF32 float32
	n := 0
	d := NewDecoder(e.Bytes())
	err := d.Object(func(d *Decoder, key []byte) error {
		n++
		switch n {
		case 1:
			if string(key) != string([]rune(s)) {
				t.Fatalf("key %q, want %q", key, string([]rune(s)))
			}
			return d.String(&gotS)
		case 2:
			return d.Int64(&gotI)
		case 3:
			return d.Float64(&gotF)
		}
		return d.Float32(&gotF32)
	})
	if err == nil {
		err = d.End()
	}
	sameFloat := func(a, b float64) bool {
		return a == b && math.Signbit(a) == math.Signbit(b) || math.IsNaN(a) && math.IsNaN(b)
	}
	// Invalid UTF-8 is written as one U+FFFD per byte, as ranging over s yields.
	if err != nil || gotS != string([]rune(s)) || gotI != i || !sameFloat(gotF, f) || !sameFloat(float64(gotF32), float64(float32(f))) {
		t.Fatalf("round trip of %q %d %v gave %q %d %v %v, %v", s, i, f, gotS, gotI, gotF, gotF32, err)
	}
}
