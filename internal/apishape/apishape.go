// Package apishape reads the exported API of a generated client package
// (and its types subpackage) from source, so tests can compare two clients'
// APIs: ours against aws-sdk-go-v2's, or a Smithy 1.0 model's output against
// the 2.0 model's.
package apishape

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/printer"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// API maps a declaration key to its rendered type. Keys read like
// "types.Tape.TapeARN" (a struct field), "types.TapeStatus" (a named
// non-struct type), "const.types.ErrorCodeGatewayNotFound" and
// "func.Client.DescribeTapes" (functions and methods, by name only).
type API map[string]string

// Read parses the non-test Go files of dir and of each listed subdirectory
// (e.g. "types") and collects their exported declarations.
func Read(dir string, subdirs ...string) (API, error) {
	api := API{}
	fset := token.NewFileSet()
	for _, sub := range append([]string{""}, subdirs...) {
		path := filepath.Join(dir, sub)
		entries, err := os.ReadDir(path)
		if err != nil {
			return nil, fmt.Errorf("apishape: %w", err)
		}
		prefix := ""
		if sub != "" {
			prefix = sub + "."
		}
		for _, e := range entries {
			if e.IsDir() || !strings.HasSuffix(e.Name(), ".go") || strings.HasSuffix(e.Name(), "_test.go") {
				continue
			}
			f, err := parser.ParseFile(fset, filepath.Join(path, e.Name()), nil, 0)
			if err != nil {
				return nil, fmt.Errorf("apishape: %w", err)
			}
			collect(api, fset, prefix, f)
		}
	}
	return api, nil
}

func collect(api API, fset *token.FileSet, prefix string, f *ast.File) {
	render := func(n ast.Node) string {
		var b bytes.Buffer
		printer.Fprint(&b, fset, n)
		return b.String()
	}
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.GenDecl:
			for _, s := range d.Specs {
				switch s := s.(type) {
				case *ast.TypeSpec:
					if !s.Name.IsExported() {
						continue
					}
					st, ok := s.Type.(*ast.StructType)
					if !ok {
						api[prefix+s.Name.Name] = "type " + render(s.Type)
						continue
					}
					for _, fl := range st.Fields.List {
						for _, n := range fl.Names {
							if n.IsExported() {
								api[prefix+s.Name.Name+"."+n.Name] = render(fl.Type)
							}
						}
					}
				case *ast.ValueSpec:
					if d.Tok != token.CONST {
						continue
					}
					for _, n := range s.Names {
						if n.IsExported() {
							api["const."+prefix+n.Name] = "const"
						}
					}
				}
			}
		case *ast.FuncDecl:
			if !d.Name.IsExported() {
				continue
			}
			name := d.Name.Name
			if d.Recv != nil {
				name = strings.TrimPrefix(render(d.Recv.List[0].Type), "*") + "." + name
			}
			api["func."+prefix+name] = "func"
		}
	}
}

// Difference is one key whose presence or type differs between two APIs.
type Difference struct {
	Key         string
	Left, Right string // "" when absent on that side
}

func (d Difference) String() string {
	switch {
	case d.Left == "":
		return fmt.Sprintf("%s: only right (%s)", d.Key, d.Right)
	case d.Right == "":
		return fmt.Sprintf("%s: only left (%s)", d.Key, d.Left)
	}
	return fmt.Sprintf("%s: left %s, right %s", d.Key, d.Left, d.Right)
}

// Compare lists the differences between two APIs, sorted by key.
func Compare(left, right API) []Difference {
	var out []Difference
	for k, l := range left {
		if r := right[k]; r != l {
			out = append(out, Difference{Key: k, Left: l, Right: r})
		}
	}
	for k, r := range right {
		if _, ok := left[k]; !ok {
			out = append(out, Difference{Key: k, Right: r})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	return out
}
