package jsonwire

import (
	"math"
	"time"
)

// The three Smithy timestamp formats, as smithy-go's smithytime package
// writes and reads them. They live here, outside any one encoding, because
// the HTTP-binding protocols put the same strings in headers, query strings
// and paths that the JSON codec puts in documents.

// Layouts used by smithytime, repeated so the runtime does not depend on it.
const (
	dateTimeLayoutOut = "2006-01-02T15:04:05.999Z"
	httpDateLayout    = "Mon, 02 Jan 2006 15:04:05 GMT"
)

// Layouts accepted by smithytime.ParseDateTime and ParseHTTPDate, in order.
var (
	dateTimeLayoutsIn = []string{
		"2006-01-02T15:04:05.999999999Z",
		"2006-01-02T15:04:05.999999999",
		time.RFC3339Nano,
		time.RFC3339,
	}
	httpDateLayoutsIn = []string{
		httpDateLayout,
		"Mon, _2 Jan 2006 15:04:05 GMT",
		"Mon, _2 Jan 06 15:04:05 GMT",
		time.RFC850,
		time.ANSIC,
	}
)

// AppendDateTime appends t as an RFC 3339 date-time in UTC with a
// millisecond fraction only when it is nonzero, as smithytime.FormatDateTime
// does: 2019-12-16T23:48:18Z, 2019-12-16T23:48:18.5Z.
func AppendDateTime(dst []byte, t time.Time) []byte {
	return t.UTC().AppendFormat(dst, dateTimeLayoutOut)
}

// AppendHTTPDate appends t as an IMF-fixdate (RFC 7231), as
// smithytime.FormatHTTPDate does: Mon, 16 Dec 2019 23:48:18 GMT.
func AppendHTTPDate(dst []byte, t time.Time) []byte {
	return t.UTC().AppendFormat(dst, httpDateLayout)
}

// ParseDateTime reads s with the first date-time layout that accepts it, as
// smithytime.ParseDateTime does; ok is false when none does.
func ParseDateTime(s string) (t time.Time, ok bool) {
	return parseTime(dateTimeLayoutsIn, s)
}

// ParseHTTPDate reads s with the first http-date layout that accepts it, as
// smithytime.ParseHTTPDate does; ok is false when none does.
func ParseHTTPDate(s string) (t time.Time, ok bool) {
	return parseTime(httpDateLayoutsIn, s)
}

func parseTime(layouts []string, s string) (time.Time, bool) {
	for _, layout := range layouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// EpochSecondsTime returns the instant secs Unix seconds from the epoch, in
// UTC, truncated to the millisecond as smithytime.ParseEpochSeconds does.
// ok is false for NaN and for values beyond int64 milliseconds, where
// smithy-go panics or saturates.
func EpochSecondsTime(secs float64) (t time.Time, ok bool) {
	ms := epochMillis(secs)
	if math.IsNaN(secs) || ms == math.MaxInt64 || ms == math.MinInt64 {
		return time.Time{}, false
	}
	// Seconds and milliseconds apart: ms*1e6 nanoseconds would overflow
	// int64 past the year 2262 (smithy-go's parser wraps there silently).
	return time.Unix(ms/1000, (ms%1000)*1e6).UTC(), true
}

// epochMillis returns v*1000 truncated toward zero, as smithy-go computes it:
// a 53-bit big.Float product (the same rounding as a float64 multiply, but
// without overflow) converted with big.Float.Int64, which saturates.
func epochMillis(v float64) int64 {
	p := v * 1e3
	switch {
	case p >= 1<<63:
		return math.MaxInt64
	case p <= -(1 << 63):
		return math.MinInt64
	}
	return int64(p)
}
