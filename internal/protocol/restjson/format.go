package restjson

import (
	"encoding/base64"
	"errors"
	"math"
	"strconv"
	"time"
	"unsafe"

	"github.com/gosmith/gosmith/internal/protocol/jsonwire"
)

// Formatting: the strings aws-sdk-go-v2 writes for a member's value in a
// path label, a query parameter or a header. Booleans are
// strconv.FormatBool's; strings and enums are written as they are.

// FormatInt formats an integer or intEnum value in decimal.
func FormatInt[T ~int8 | ~int16 | ~int32 | ~int64](v T) string {
	return strconv.FormatInt(int64(v), 10)
}

// FormatFloat formats a float or double as smithy-go's httpbinding does:
// the shortest decimal that reads back as v, never in exponent form
// (1e21 is "1000000000000000000000"), and "NaN", "Infinity", "-Infinity".
func FormatFloat[T ~float32 | ~float64](v T) string {
	f := float64(v)
	switch {
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 1):
		return "Infinity"
	case math.IsInf(f, -1):
		return "-Infinity"
	}
	return strconv.FormatFloat(f, 'f', -1, int(unsafe.Sizeof(v))*8)
}

// FormatDateTime formats t as a date-time (RFC 3339 in UTC, milliseconds
// only when nonzero), the default for labels and query parameters.
func FormatDateTime(t time.Time) string {
	var buf [32]byte
	return string(jsonwire.AppendDateTime(buf[:0], t))
}

// FormatHTTPDate formats t as an http-date (Mon, 16 Dec 2019 23:48:18 GMT),
// the default for headers.
func FormatHTTPDate(t time.Time) string {
	var buf [32]byte
	return string(jsonwire.AppendHTTPDate(buf[:0], t))
}

// FormatEpochSeconds formats t as Unix seconds with up to three fractional
// digits (1576540098, 1576540098.52), as aws-sdk-go-v2 writes
// smithytime.FormatEpochSeconds(t) in a header or query string.
func FormatEpochSeconds(t time.Time) string {
	ms := t.UnixNano() / int64(time.Millisecond)
	return strconv.FormatFloat(float64(ms)/1e3, 'f', -1, 64)
}

// FormatMediaType formats a string with the @mediaType trait for a header:
// base64 (standard alphabet, padded).
func FormatMediaType(s string) string {
	return base64.StdEncoding.EncodeToString([]byte(s))
}

// Parsing: the response header values aws-sdk-go-v2 accepts, each already
// trimmed of surrounding white space. A value that does not parse is a
// *HeaderError; Header, HeaderPtr and HeaderList name the header in it.

// ParseString reads a string or enum value as it is.
func ParseString[S ~string](s string) (S, error) { return S(s), nil }

// ParseInt reads an integer or intEnum value as strconv.ParseInt(s, 0,
// bits) does, so a base prefix (0x1F) and digit separators (1_000) are
// accepted as in aws-sdk-go-v2.
func ParseInt[T ~int8 | ~int16 | ~int32 | ~int64](s string) (T, error) {
	var v T
	n, err := strconv.ParseInt(s, 0, int(unsafe.Sizeof(v))*8)
	if err != nil {
		if errors.Is(err, strconv.ErrRange) {
			return v, &HeaderError{Value: s, Reason: "is out of range for " + sized(v) + " integer"}
		}
		return v, &HeaderError{Value: s, Reason: "is not an integer"}
	}
	return T(n), nil
}

// ParseFloat reads a float or double as strconv.ParseFloat does, which
// accepts "NaN", "Infinity" and "-Infinity" as aws-sdk-go-v2 does.
func ParseFloat[T ~float32 | ~float64](s string) (T, error) {
	var v T
	f, err := strconv.ParseFloat(s, int(unsafe.Sizeof(v))*8)
	if err != nil {
		if errors.Is(err, strconv.ErrRange) {
			return v, &HeaderError{Value: s, Reason: "is out of range for " + sized(v) + " float"}
		}
		return v, &HeaderError{Value: s, Reason: "is not a number"}
	}
	return T(f), nil
}

// sized names the size of v's type: "an 8-bit", "a 32-bit".
func sized[T any](v T) string {
	if bits := unsafe.Sizeof(v) * 8; bits != 8 {
		return "a " + strconv.Itoa(int(bits)) + "-bit"
	}
	return "an 8-bit"
}

// ParseBool reads a boolean as strconv.ParseBool does ("true", "false",
// and also "1", "t", "FALSE", ...).
func ParseBool(s string) (bool, error) {
	v, err := strconv.ParseBool(s)
	if err != nil {
		return false, &HeaderError{Value: s, Reason: "is not a boolean"}
	}
	return v, nil
}

// ParseDateTime reads a date-time timestamp as smithytime.ParseDateTime
// does.
func ParseDateTime(s string) (time.Time, error) {
	if t, ok := jsonwire.ParseDateTime(s); ok {
		return t, nil
	}
	return time.Time{}, &HeaderError{Value: s, Reason: "is not a date-time timestamp"}
}

// ParseHTTPDate reads an http-date timestamp as smithytime.ParseHTTPDate
// does, the default for headers.
func ParseHTTPDate(s string) (time.Time, error) {
	if t, ok := jsonwire.ParseHTTPDate(s); ok {
		return t, nil
	}
	return time.Time{}, &HeaderError{Value: s, Reason: "is not an http-date timestamp"}
}

// ParseEpochSeconds reads an epoch-seconds timestamp (1576540098.52) in
// UTC, truncated to the millisecond as smithytime.ParseEpochSeconds does.
func ParseEpochSeconds(s string) (time.Time, error) {
	f, err := strconv.ParseFloat(s, 64)
	if err == nil {
		if t, ok := jsonwire.EpochSecondsTime(f); ok {
			return t, nil
		}
	}
	return time.Time{}, &HeaderError{Value: s, Reason: "is not an epoch-seconds timestamp"}
}

// ParseMediaType reads a string with the @mediaType trait from a header:
// base64 (standard alphabet, padded).
func ParseMediaType(s string) (string, error) {
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		return "", &HeaderError{Value: s, Reason: "is not base64", Err: err}
	}
	return string(b), nil
}

// ParseBlob reads a base64-encoded blob header value.
func ParseBlob(s string) ([]byte, error) {
	return base64.StdEncoding.DecodeString(s)
}
