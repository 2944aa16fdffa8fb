package jsonwire

import (
	"bytes"
	"math"
	"strconv"
	"time"
	"unsafe"
)

// scanNumber consumes the JSON number at d.pos, enforcing the JSON grammar
// (no leading zeros, '+', '.5', hex, ...). isInt is false when the number has
// a fraction or an exponent. num aliases the input until the next read.
func (d *Decoder) scanNumber() (num []byte, isInt bool, err error) {
	for {
		start := d.pos
		num, isInt, err = d.scanNumberOnce()
		if err == nil && (d.pos < len(d.data) || !d.streaming()) {
			return num, isInt, nil
		}
		if err != nil && err != errShort {
			return nil, false, err
		}
		// The number runs to the end of what has been read: it may go on.
		d.pos = start
		d.more()
	}
}

func (d *Decoder) scanNumberOnce() (num []byte, isInt bool, err error) {
	data := d.data
	start := d.pos
	i := start
	if i < len(data) && data[i] == '-' {
		i++
	}
	if i >= len(data) {
		return nil, false, d.errEOF(i)
	}
	switch c := data[i]; {
	case c == '0':
		i++
		if i < len(data) && isDigit(data[i]) {
			return nil, false, d.errAt(i, "invalid leading zero in number")
		}
	case '1' <= c && c <= '9':
		i++
		for i < len(data) && isDigit(data[i]) {
			i++
		}
	case i == start:
		d.pos = i
		return nil, false, d.invalidChar(c, "looking for beginning of value")
	default:
		d.pos = i
		return nil, false, d.invalidChar(c, "in numeric literal")
	}
	isInt = true
	if i < len(data) && data[i] == '.' {
		isInt = false
		i++
		if i, err = d.digits(i); err != nil {
			return nil, false, err
		}
	}
	if i < len(data) && (data[i] == 'e' || data[i] == 'E') {
		isInt = false
		i++
		if i < len(data) && (data[i] == '+' || data[i] == '-') {
			i++
		}
		if i, err = d.digits(i); err != nil {
			return nil, false, err
		}
	}
	d.pos = i
	return data[start:i], isInt, nil
}

// digits consumes one or more digits starting at data[i].
func (d *Decoder) digits(i int) (int, error) {
	data := d.data
	if i >= len(data) {
		return i, d.errEOF(i)
	}
	if !isDigit(data[i]) {
		d.pos = i
		return i, d.invalidChar(data[i], "in numeric literal")
	}
	for i < len(data) && isDigit(data[i]) {
		i++
	}
	return i, nil
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// numberValue reads a number or null, reporting other types as errors.
func (d *Decoder) numberValue() (num []byte, isInt, isNull bool, err error) {
	c := d.next()
	if c == 0 {
		if c, err = d.peek(); err != nil {
			return nil, false, false, err
		}
	}
	if c == '-' || isDigit(c) {
		num, isInt, err = d.scanNumber()
		return num, isInt, false, err
	}
	if c == 'n' {
		return nil, false, true, d.literal("null")
	}
	return nil, false, false, d.typeError("number", c)
}

// readInt reads an integer in [lo, hi] straight from its digits, so int64
// keeps full precision; fractions, exponents and overflow are errors.
func (d *Decoder) readInt(lo, hi int64, typ string) (v int64, isNull bool, err error) {
	if neg, u, frac, end, ok := d.plainNumber(18); ok && frac == 0 {
		v = int64(u)
		if neg {
			v = -v
		}
		if lo <= v && v <= hi {
			d.pos = end
			return v, false, nil
		}
	}
	num, isInt, isNull, err := d.numberValue()
	if err != nil || isNull {
		return 0, isNull, err
	}
	neg := num[0] == '-'
	digits := num
	if neg {
		digits = num[1:]
	}
	// 19 digits cannot overflow a uint64, so the loop needs no checks.
	if isInt && len(digits) <= 19 {
		var u uint64
		for _, c := range digits {
			u = u*10 + uint64(c-'0')
		}
		if !neg && u <= uint64(hi) {
			return int64(u), false, nil
		}
		if neg && u <= uint64(-(lo+1))+1 {
			return -int64(u), false, nil
		}
	}
	return 0, false, d.errAt(d.pos-len(num), "value "+quoteNumber(num)+" does not fit "+typ)
}

// plainNumber scans, in one pass, the common number at d.pos: at most
// maxDigits digits in all (readInt allows 18, which cannot overflow;
// readEpoch 15, whose value float64(m) / 10^frac is then that of
// parseShortDecimal, the correctly rounded one), no leading zero, no
// exponent, perhaps a minus sign and a fraction, and a delimiter after it
// already in the buffer. m is its digits read as one integer, frac how many
// of them follow the point, end where it stops; it consumes nothing. ok is
// false for anything else (whitespace before it, null, a number cut by the
// buffer's end, ...), which the general path then reads or reports.
func (d *Decoder) plainNumber(maxDigits int) (neg bool, m uint64, frac, end int, ok bool) {
	data, i := d.data, d.pos
	neg = i < len(data) && data[i] == '-'
	if neg {
		i++
	}
	start := i
	m, i = appendDigits(0, data, i)
	n := i - start
	if n == 0 || n > 1 && data[start] == '0' {
		return false, 0, 0, 0, false
	}
	if i < len(data) && data[i] == '.' {
		fstart := i + 1
		m, i = appendDigits(m, data, fstart)
		if frac = i - fstart; frac == 0 {
			return false, 0, 0, 0, false
		}
	}
	if n+frac > maxDigits || i >= len(data) || !isDelimiter(data[i]) {
		return false, 0, 0, 0, false
	}
	return neg, m, frac, i, true
}

// appendDigits appends the digits from data[i] on to u in base ten and
// returns the value and where the digits stop. The value wraps past 19
// digits; callers bound the count.
func appendDigits(u uint64, data []byte, i int) (uint64, int) {
	for ; i < len(data); i++ {
		c := data[i] - '0'
		if c > 9 {
			break
		}
		u = u*10 + uint64(c)
	}
	return u, i
}

// isDelimiter reports whether c may follow a number: what ends a member or
// an element, or whitespace.
func isDelimiter(c byte) bool {
	switch c {
	case ',', '}', ']', ' ', '\n', '\r', '\t':
		return true
	}
	return false
}

// Int8 reads a JSON integer into *p; null leaves *p unchanged.
func (d *Decoder) Int8(p *int8) error {
	v, isNull, err := d.readInt(math.MinInt8, math.MaxInt8, "int8")
	if err == nil && !isNull {
		*p = int8(v)
	}
	return err
}

// Int16 reads a JSON integer into *p; null leaves *p unchanged.
func (d *Decoder) Int16(p *int16) error {
	v, isNull, err := d.readInt(math.MinInt16, math.MaxInt16, "int16")
	if err == nil && !isNull {
		*p = int16(v)
	}
	return err
}

// Int32 reads a JSON integer into *p; null leaves *p unchanged.
func (d *Decoder) Int32(p *int32) error {
	v, isNull, err := d.readInt(math.MinInt32, math.MaxInt32, "int32")
	if err == nil && !isNull {
		*p = int32(v)
	}
	return err
}

// Int64 reads a JSON integer into *p; null leaves *p unchanged.
func (d *Decoder) Int64(p *int64) error {
	v, isNull, err := d.readInt(math.MinInt64, math.MaxInt64, "int64")
	if err == nil && !isNull {
		*p = v
	}
	return err
}

// Int8Ptr reads a JSON integer into a new *int8; null sets *p to nil.
func (d *Decoder) Int8Ptr(p **int8) error {
	v, isNull, err := d.readInt(math.MinInt8, math.MaxInt8, "int8")
	return setPtr(p, int8(v), isNull, err)
}

// Int16Ptr reads a JSON integer into a new *int16; null sets *p to nil.
func (d *Decoder) Int16Ptr(p **int16) error {
	v, isNull, err := d.readInt(math.MinInt16, math.MaxInt16, "int16")
	return setPtr(p, int16(v), isNull, err)
}

// Int32Ptr reads a JSON integer into a new *int32; null sets *p to nil.
func (d *Decoder) Int32Ptr(p **int32) error {
	v, isNull, err := d.readInt(math.MinInt32, math.MaxInt32, "int32")
	return putPtr(&d.arena.i32s, p, int32(v), isNull, err)
}

// Int64Ptr reads a JSON integer into a new *int64; null sets *p to nil.
func (d *Decoder) Int64Ptr(p **int64) error {
	v, isNull, err := d.readInt(math.MinInt64, math.MaxInt64, "int64")
	return putPtr(&d.arena.i64s, p, v, isNull, err)
}

// parseFloat parses a grammar-checked JSON number. The string view of num
// does not outlive the call: strconv copies its input into errors.
func parseFloat(num []byte, bitSize int) (float64, error) {
	if bitSize == 64 {
		if f, ok := parseShortDecimal(num); ok {
			return f, nil
		}
	}
	return strconv.ParseFloat(unsafe.String(unsafe.SliceData(num), len(num)), bitSize)
}

// parseShortDecimal parses a number of at most 15 digits and no exponent,
// such as the epoch seconds 1712345678.123, as strconv.ParseFloat does
// first: its digits as an integer, exact in a float64, divided by a power
// of ten that is exact too, so the quotient is the correctly rounded value.
// ok is false for any other number. num is grammar-checked: digits, then
// perhaps a point and digits, then perhaps an exponent.
func parseShortDecimal(num []byte) (f float64, ok bool) {
	neg := len(num) > 0 && num[0] == '-'
	if neg {
		num = num[1:]
	}
	if len(num) == 0 || len(num) > 16 { // 15 digits and a point
		return 0, false
	}
	m, i := appendDigits(0, num, 0)
	digits, frac := i, 0
	if i < len(num) && num[i] == '.' {
		m, i = appendDigits(m, num, i+1)
		frac = i - digits - 1
		digits += frac
	}
	if i < len(num) || digits > 15 { // an exponent, or too many digits
		return 0, false
	}
	f = float64(m) / pow10[frac]
	if neg {
		f = -f
	}
	return f, true
}

// pow10 are the powers of ten up to 1e15, each exact in a float64.
var pow10 = [...]float64{1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15}

// readFloat reads a JSON number, or one of the strings "NaN", "Infinity" and
// "-Infinity" (case-insensitively, as aws-sdk-go-v2 accepts them).
func (d *Decoder) readFloat(bitSize int, typ string) (v float64, isNull bool, err error) {
	c, err := d.peek()
	if err != nil {
		return 0, false, err
	}
	start := d.Offset()
	switch {
	case c == '-' || isDigit(c):
		num, _, err := d.scanNumber()
		if err != nil {
			return 0, false, err
		}
		v, err := parseFloat(num, bitSize)
		if err != nil {
			return 0, false, errAtOffset(start, "value "+quoteNumber(num)+" does not fit "+typ)
		}
		return v, false, nil
	case c == '"':
		s, err := d.stringBytes()
		if err != nil {
			return 0, false, err
		}
		switch {
		case bytes.EqualFold(s, []byte("NaN")):
			return math.NaN(), false, nil
		case bytes.EqualFold(s, []byte("Infinity")):
			return math.Inf(1), false, nil
		case bytes.EqualFold(s, []byte("-Infinity")):
			return math.Inf(-1), false, nil
		}
		return 0, false, errAtOffset(start, "invalid "+typ+" value "+quoteString(string(s)))
	case c == 'n':
		return 0, true, d.literal("null")
	}
	return 0, false, d.typeError("number", c)
}

// Float32 reads a JSON number (or "NaN"/"Infinity"/"-Infinity") into *p,
// rounding correctly to float32; values beyond float32's range are errors.
// null leaves *p unchanged.
func (d *Decoder) Float32(p *float32) error {
	v, isNull, err := d.readFloat(32, "float32")
	if err == nil && !isNull {
		*p = float32(v)
	}
	return err
}

// Float64 reads a JSON number (or "NaN"/"Infinity"/"-Infinity") into *p;
// null leaves *p unchanged.
func (d *Decoder) Float64(p *float64) error {
	v, isNull, err := d.readFloat(64, "float64")
	if err == nil && !isNull {
		*p = v
	}
	return err
}

// Float32Ptr is Float32 into a new *float32; null sets *p to nil.
func (d *Decoder) Float32Ptr(p **float32) error {
	v, isNull, err := d.readFloat(32, "float32")
	return setPtr(p, float32(v), isNull, err)
}

// Float64Ptr is Float64 into a new *float64; null sets *p to nil.
func (d *Decoder) Float64Ptr(p **float64) error {
	v, isNull, err := d.readFloat(64, "float64")
	return putPtr(&d.arena.f64s, p, v, isNull, err)
}

// Bool reads true or false into *p; null leaves *p unchanged.
func (d *Decoder) Bool(p *bool) error {
	v, isNull, err := d.readBool()
	if err == nil && !isNull {
		*p = v
	}
	return err
}

// BoolPtr reads true or false into a new *bool; null sets *p to nil.
func (d *Decoder) BoolPtr(p **bool) error {
	v, isNull, err := d.readBool()
	return putPtr(&d.arena.bools, p, v, isNull, err)
}

func (d *Decoder) readBool() (v, isNull bool, err error) {
	c, err := d.peek()
	if err != nil {
		return false, false, err
	}
	switch c {
	case 't':
		return true, false, d.literal("true")
	case 'f':
		return false, false, d.literal("false")
	case 'n':
		return false, true, d.literal("null")
	}
	return false, false, d.typeError("boolean", c)
}

// readEpoch reads a JSON number of Unix seconds as
// smithytime.ParseEpochSeconds does: millisecond precision, truncated.
func (d *Decoder) readEpoch() (t time.Time, isNull bool, err error) {
	if neg, m, frac, end, ok := d.plainNumber(15); ok {
		f := float64(m) / pow10[frac]
		if neg {
			f = -f
		}
		if t, ok := EpochSecondsTime(f); ok {
			d.pos = end
			return t, false, nil
		}
	}
	if _, err := d.peek(); err != nil {
		return t, false, err
	}
	start := d.Offset()
	num, _, isNull, err := d.numberValue()
	if err != nil || isNull {
		return t, isNull, err
	}
	f, err := parseFloat(num, 64)
	if err != nil {
		return t, false, errAtOffset(start, "value "+quoteNumber(num)+" is not a valid epoch-seconds timestamp")
	}
	t, ok := EpochSecondsTime(f)
	if !ok {
		return t, false, errAtOffset(start, "value "+quoteNumber(num)+" is out of range for an epoch-seconds timestamp")
	}
	return t, false, nil
}

// quoteNumber shows a number in an error, shortened so a hostile body
// cannot make the error message as large as itself.
func quoteNumber(num []byte) string {
	const limit = 40
	if len(num) <= limit {
		return string(num)
	}
	return string(num[:limit]) + "... (" + strconv.Itoa(len(num)) + " digits)"
}

// EpochSeconds reads a JSON number of Unix seconds (e.g. 1481896200.004)
// into *p in UTC with millisecond precision, exactly as
// smithytime.ParseEpochSeconds does; null leaves *p unchanged.
func (d *Decoder) EpochSeconds(p *time.Time) error {
	t, isNull, err := d.readEpoch()
	if err == nil && !isNull {
		*p = t
	}
	return err
}

// EpochSecondsPtr is EpochSeconds into a new *time.Time; null sets *p to nil.
func (d *Decoder) EpochSecondsPtr(p **time.Time) error {
	t, isNull, err := d.readEpoch()
	return putPtr(&d.arena.times, p, t, isNull, err)
}
