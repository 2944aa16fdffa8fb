package emit

import (
	"bytes"
	"go/format"
	"testing"

	"github.com/dave/jennifer/jen"
)

// docFile is a file with one function whose doc comment is lines, chained
// to the declaration as the emitters chain it (declDoc).
func docFile(lines ...string) *jen.File {
	f := jen.NewFile("p")
	s := jen.Null()
	for _, l := range lines {
		s.Comment(l).Line()
	}
	f.Add(s.Func().Id("Describe").Params().Block())
	return f
}

// render must give what two gofmt passes over jennifer's output give,
// whether or not it skips the second.
func TestRenderReachesGofmtsFixedPoint(t *testing.T) {
	cases := []struct {
		name        string
		f           *jen.File
		secondPass  bool // jennifer's output is not yet gofmt's fixed point
		wantSnippet string
	}{
		{
			// gofmt leaves the comment alone the first time (in jennifer's
			// raw output it does not abut the declaration) and turns the
			// old-style heading into "# ..." the second.
			name:        "old-style heading",
			f:           docFile("Describe does a thing.", "", "Required permissions", "", "You need this one:", "", "thing:Describe"),
			secondPass:  true,
			wantSnippet: "// # Required permissions\n",
		},
		{
			name:        "list",
			f:           docFile("Describe does a thing:", "", "  - one", "  - two"),
			wantSnippet: "//   - one\n",
		},
		{
			name:        "plain",
			f:           docFile("Describe does a thing.", "", "Twice."),
			wantSnippet: "// Twice.\n",
		},
		{
			name: "directive-like line",
			f:    docFile("Describe does a thing.", "", "see:this"),
			// "// see:this" has a space after the slashes: not a directive.
			wantSnippet: "// see:this\n",
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := tc.f.Render(&buf); err != nil {
				t.Fatal(err)
			}
			once := buf.Bytes()
			twice, err := format.Source(once)
			if err != nil {
				t.Fatal(err)
			}
			if got := !bytes.Equal(once, twice); got != tc.secondPass {
				t.Fatalf("second gofmt pass changes the file: %v, want %v", got, tc.secondPass)
			}
			if settled := docCommentsSettled(once); settled == tc.secondPass {
				t.Errorf("docCommentsSettled = %v, want %v", settled, !tc.secondPass)
			}
			got, err := render("p.go", tc.f)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, twice) {
				t.Errorf("render:\n%s\nwant (two gofmt passes):\n%s", got, twice)
			}
			if !bytes.Contains(got, []byte(tc.wantSnippet)) {
				t.Errorf("render:\n%s\nwant it to contain %q", got, tc.wantSnippet)
			}
		})
	}
}

// docCommentsSettled says no at whatever it cannot judge, so the second
// pass runs.
func TestDocCommentsSettledIsCautious(t *testing.T) {
	for name, src := range map[string]string{
		"block comment":     "package p\n\n/*\nDoc.\n*/\nfunc F() {}\n",
		"directive":         "package p\n\n// F does.\n//\n//go:noinline\nfunc F() {}\n",
		"indented continue": "package p\n\n// F does.\n\t// more\nfunc F() {}\n",
		"unsettled heading": "package p\n\n// F does.\n//\n// Required permissions\n//\n// Text.\nfunc F() {}\n",
		"dropped lines":     "package p\n\n//\nfunc F() {}\n",
	} {
		if docCommentsSettled([]byte(src)) {
			t.Errorf("%s: docCommentsSettled = true, want false", name)
		}
	}
	for name, src := range map[string]string{
		"no comments":     "package p\n\nfunc F() {}\n",
		"settled doc":     "package p\n\n// F does.\n//\n// # Required permissions\n//\n// Text.\nfunc F() {}\n",
		"indented inside": "package p\n\nfunc F() {\n\t// Required permissions\n\tx := 1\n\t_ = x\n}\n",
	} {
		if !docCommentsSettled([]byte(src)) {
			t.Errorf("%s: docCommentsSettled = false, want true", name)
		}
	}
}
