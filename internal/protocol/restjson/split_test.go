package restjson

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	smithyhttp "github.com/aws/smithy-go/transport/http"
)

func TestSplit(t *testing.T) {
	const d = "Mon, 16 Dec 2019 23:48:18 GMT"
	list, dates := SplitHeaderList, SplitHTTPDateList
	tests := []struct {
		name  string
		split func([]string) ([]string, error)
		in    []string
		want  []string // nil: an error
	}{
		{"RestJsonInputAndOutputWithStringHeaders", list, []string{"a, b, c"}, []string{"a", "b", "c"}},
		{"RestJsonInputAndOutputWithQuotedStringHeaders", list, []string{`"b,c", "\"def\"", a`}, []string{"b,c", `"def"`, "a"}},
		{"RestJsonInputAndOutputWithNumericHeaders", list, []string{"1, 2, 3"}, []string{"1", "2", "3"}},
		{"one element per field value, as v2 sends", list, []string{"a", `"b,c"`}, []string{"a", "b,c"}},
		{"an empty value is one empty element", list, []string{""}, []string{""}},
		{"a trailing comma ends an empty element", list, []string{"a,"}, []string{"a", ""}},
		{"so does a leading one", list, []string{",a"}, []string{"", "a"}},
		{"white space around elements goes", list, []string{" a ,  b "}, []string{"a", "b"}},
		{"but not inside quotes", list, []string{`" a "`}, []string{" a "}},
		{"an escaped backslash before the closing quote", list, []string{`"a\\", b`}, []string{`a\`, "b"}},
		{"Go escapes, as strconv.Unquote reads them", list, []string{`"\u00e9\t"`}, []string{"é\t"}},
		{"no closing quote", list, []string{`"unterminated`}, nil},
		{"an empty quoted element: smithy-go rejects it", list, []string{`""`}, nil},
		{"text after the closing quote", list, []string{`"a" b`}, nil},
		{"an escape strconv.Unquote does not know", list, []string{`"\q"`}, nil},
		{"RestJsonInputAndOutputWithTimestampHeaders", dates, []string{d + ", " + d}, []string{d, d}},
		{"one date", dates, []string{d}, []string{d}},
		{"dates over field values", dates, []string{d, d + "," + d + ",  " + d}, []string{d, d, d, d}},
		{"no comma: left to the parser", dates, []string{"1576540098"}, []string{"1576540098"}},
		{"two commas", dates, []string{d + ", Mon"}, nil},
	}
	for _, tt := range tests {
		got, err := tt.split(tt.in)
		if tt.want == nil {
			if err == nil {
				t.Errorf("%s: split(%q) = %q, want an error", tt.name, tt.in, got)
			}
			continue
		}
		if err != nil || !slices.Equal(got, tt.want) {
			t.Errorf("%s: split(%q) = %q, %v; want %q", tt.name, tt.in, got, err, tt.want)
		}
	}
}

// FuzzSplitHeaderList checks that splitting never panics and splits as
// smithy-go's SplitHeaderListValues does (aws-sdk-go-v2 reads list headers
// with it), and that a list of strings written by AddHeaderStrings and sent
// as one comma-joined value splits back into its non-empty elements when
// they have no surrounding white space (which the reader trims).
func FuzzSplitHeaderList(f *testing.F) {
	f.Add(`"b,c", "\"def\"", a`, "b,c\n\"def\"\na")
	f.Add("a, b, c", "a\nb\nc")
	f.Add(`"a\\", ,b,`, "x,y\n\"\n\\")
	f.Add(`""`, "")
	f.Add("\x85a", "é,\u00a0")
	f.Fuzz(func(t *testing.T, value, elems string) {
		got, err := SplitHeaderList([]string{value})
		want, wantErr := smithyhttp.SplitHeaderListValues([]string{value})
		if (err != nil) != (wantErr != nil) || err == nil && !slices.Equal(got, want) {
			t.Fatalf("SplitHeaderList(%q) = %q, %v; smithy-go gives %q, %v", value, got, err, want, wantErr)
		}

		var list []string
		for _, e := range strings.Split(elems, "\n") {
			if e != "" && e == strings.TrimSpace(e) && utf8.ValidString(e) {
				list = append(list, e)
			}
		}
		if len(list) == 0 {
			return
		}
		h := map[string][]string{}
		AddHeaderStrings(h, "X-List", list)
		parts, err := SplitHeaderList([]string{strings.Join(h["X-List"], ", ")})
		if err != nil {
			t.Fatalf("the written list %q does not split: %v", h["X-List"], err)
		}
		for i := range parts {
			parts[i] = strings.TrimSpace(parts[i])
		}
		if !slices.Equal(parts, list) {
			t.Fatalf("wrote %q as %q, read back %q", list, h["X-List"], parts)
		}
	})
}

// FuzzSplitHTTPDateList checks that splitting never panics and splits as
// smithy-go's SplitHTTPDateTimestampHeaderListValues does.
func FuzzSplitHTTPDateList(f *testing.F) {
	f.Add("Mon, 16 Dec 2019 23:48:18 GMT, Mon, 16 Dec 2019 23:48:18 GMT")
	f.Add(",,,")
	f.Add("a,b")
	f.Fuzz(func(t *testing.T, value string) {
		got, err := SplitHTTPDateList([]string{value})
		want, wantErr := smithyhttp.SplitHTTPDateTimestampHeaderListValues([]string{value})
		if (err != nil) != (wantErr != nil) || err == nil && !slices.Equal(got, want) {
			t.Fatalf("SplitHTTPDateList(%q) = %q, %v; smithy-go gives %q, %v", value, got, err, want, wantErr)
		}
	})
}
