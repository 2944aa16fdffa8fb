package jsonwire

import (
	"math"
	"testing"
	"time"

	smithytime "github.com/aws/smithy-go/time"
)

// The instant most Smithy compliance cases use (1576540098 Unix seconds).
var complianceInstant = time.Unix(1576540098, 0).UTC()

func TestFormatTimestampsAsSmithy(t *testing.T) {
	tests := []struct {
		name       string
		in         time.Time
		dateTime   string
		httpDate   string
		smithyTime bool // also compare with smithytime
	}{
		{"compliance instant", complianceInstant, "2019-12-16T23:48:18Z", "Mon, 16 Dec 2019 23:48:18 GMT", true},
		{"one second", time.Unix(1, 0), "1970-01-01T00:00:01Z", "Thu, 01 Jan 1970 00:00:01 GMT", true},
		{"fraction kept to the millisecond", time.Unix(1576540098, 520_900_000), "2019-12-16T23:48:18.52Z", "Mon, 16 Dec 2019 23:48:18 GMT", true},
		{"other zones are written in UTC", time.Unix(1576540098, 0).In(time.FixedZone("x", -8*3600)), "2019-12-16T23:48:18Z", "Mon, 16 Dec 2019 23:48:18 GMT", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(AppendDateTime([]byte("x"), tt.in)); got != "x"+tt.dateTime {
				t.Errorf("AppendDateTime = %q, want %q", got, "x"+tt.dateTime)
			}
			if got := string(AppendHTTPDate(nil, tt.in)); got != tt.httpDate {
				t.Errorf("AppendHTTPDate = %q, want %q", got, tt.httpDate)
			}
			if tt.smithyTime {
				if got, want := string(AppendDateTime(nil, tt.in)), smithytime.FormatDateTime(tt.in); got != want {
					t.Errorf("AppendDateTime = %q, smithytime %q", got, want)
				}
				if got, want := string(AppendHTTPDate(nil, tt.in)), smithytime.FormatHTTPDate(tt.in); got != want {
					t.Errorf("AppendHTTPDate = %q, smithytime %q", got, want)
				}
			}
		})
	}
}

func TestParseTimestampsAsSmithy(t *testing.T) {
	tests := []struct {
		name  string
		parse func(string) (time.Time, bool)
		ref   func(string) (time.Time, error)
		in    string
		want  time.Time // zero: must fail
	}{
		{"date-time", ParseDateTime, smithytime.ParseDateTime, "2019-12-16T23:48:18Z", complianceInstant},
		{"date-time with fraction", ParseDateTime, smithytime.ParseDateTime, "2019-12-16T23:48:18.52Z", complianceInstant.Add(520 * time.Millisecond)},
		{"date-time with offset", ParseDateTime, smithytime.ParseDateTime, "2019-12-17T00:48:18+01:00", complianceInstant},
		{"date-time without zone", ParseDateTime, smithytime.ParseDateTime, "2019-12-16T23:48:18", complianceInstant},
		{"date-time rejects http-date", ParseDateTime, smithytime.ParseDateTime, "Mon, 16 Dec 2019 23:48:18 GMT", time.Time{}},
		{"http-date", ParseHTTPDate, smithytime.ParseHTTPDate, "Mon, 16 Dec 2019 23:48:18 GMT", complianceInstant},
		{"http-date single-digit day", ParseHTTPDate, smithytime.ParseHTTPDate, "Sun, 1 Dec 2019 23:48:18 GMT", time.Date(2019, 12, 1, 23, 48, 18, 0, time.UTC)},
		{"http-date RFC 850", ParseHTTPDate, smithytime.ParseHTTPDate, "Monday, 16-Dec-19 23:48:18 GMT", complianceInstant},
		{"http-date ANSI C", ParseHTTPDate, smithytime.ParseHTTPDate, "Mon Dec 16 23:48:18 2019", complianceInstant},
		{"http-date rejects date-time", ParseHTTPDate, smithytime.ParseHTTPDate, "2019-12-16T23:48:18Z", time.Time{}},
		{"http-date rejects garbage", ParseHTTPDate, smithytime.ParseHTTPDate, "soon", time.Time{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := tt.parse(tt.in)
			ref, refErr := tt.ref(tt.in)
			if tt.want.IsZero() {
				if ok || refErr == nil {
					t.Fatalf("parse(%q) = %v, %v (smithytime: %v); want a failure", tt.in, got, ok, refErr)
				}
				return
			}
			if !ok || !got.Equal(tt.want) {
				t.Errorf("parse(%q) = %v, %v; want %v", tt.in, got, ok, tt.want)
			}
			if refErr != nil || !ref.Equal(got) || ref.Location().String() != got.Location().String() {
				t.Errorf("parse(%q) = %v, smithytime %v, %v", tt.in, got, ref, refErr)
			}
		})
	}
}

func TestEpochSecondsTime(t *testing.T) {
	tests := []struct {
		in     float64
		want   time.Time
		wantOK bool
	}{
		{1576540098, complianceInstant, true},
		{1576540098.52, complianceInstant.Add(520 * time.Millisecond), true},
		{-1.5, time.Unix(-2, 500_000_000).UTC(), true}, // truncated toward zero: -1500 ms
		{0.0009, time.Unix(0, 0).UTC(), true},
		{math.NaN(), time.Time{}, false},
		{math.Inf(1), time.Time{}, false},
		{math.Inf(-1), time.Time{}, false},
		{1e300, time.Time{}, false},
	}
	for _, tt := range tests {
		got, ok := EpochSecondsTime(tt.in)
		if ok != tt.wantOK || !got.Equal(tt.want) || (ok && got.Location() != time.UTC) {
			t.Errorf("EpochSecondsTime(%v) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.wantOK)
		}
	}
}
