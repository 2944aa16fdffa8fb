package apisurface

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// Package is a Go package read as source: its directory and import path.
// Imports below the import path are read from the matching directory
// below Dir, so type aliases into a package's internal packages
// (EndpointResolverOptions) show their target's fields and methods.
type Package struct {
	Dir        string
	ImportPath string
}

// Names lists the exported names of the package, one entry per name:
//
//	func F, type T, const C, var V, field T.F, method T.M
//
// Methods of interfaces count as methods; a type alias also lists the
// fields and methods of its target when the target lies below the
// package's import path.
func (p Package) Names() ([]string, error) {
	files, err := parseDir(p.Dir)
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	add := func(s string) { seen[s] = true }
	types := typeSpecs(files)
	for _, f := range files {
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if !d.Name.IsExported() {
					continue
				}
				if d.Recv == nil {
					add("func " + d.Name.Name)
				} else if recv := receiverName(d.Recv.List[0].Type); ast.IsExported(recv) {
					add("method " + recv + "." + d.Name.Name)
				}
			case *ast.GenDecl:
				for _, s := range d.Specs {
					switch s := s.(type) {
					case *ast.TypeSpec:
						if !s.Name.IsExported() {
							continue
						}
						add("type " + s.Name.Name)
						members(s.Name.Name, s.Type, add)
						if s.Assign.IsValid() {
							if err := p.aliasMembers(s.Name.Name, s.Type, f, types, add); err != nil {
								return nil, err
							}
						}
					case *ast.ValueSpec:
						for _, n := range s.Names {
							if n.IsExported() {
								add(strings.ToLower(d.Tok.String()) + " " + n.Name)
							}
						}
					}
				}
			}
		}
	}
	out := make([]string, 0, len(seen))
	for s := range seen {
		out = append(out, s)
	}
	sort.Strings(out)
	return out, nil
}

// aliasMembers lists the fields and methods of an alias's target as the
// alias's own.
func (p Package) aliasMembers(name string, target ast.Expr, file *ast.File, local map[string]*ast.TypeSpec, add func(string)) error {
	switch t := target.(type) {
	case *ast.Ident:
		if s, ok := local[t.Name]; ok {
			members(name, s.Type, add)
		}
		return nil
	case *ast.SelectorExpr:
		x, ok := t.X.(*ast.Ident)
		if !ok {
			return nil
		}
		path := importPath(file, x.Name)
		rel, ok := strings.CutPrefix(path, p.ImportPath+"/")
		if !ok {
			return nil // outside the package: smithy-go, aws-sdk-go-v2's core
		}
		files, err := parseDir(filepath.Join(p.Dir, filepath.FromSlash(rel)))
		if err != nil {
			return err
		}
		if s, ok := typeSpecs(files)[t.Sel.Name]; ok {
			members(name, s.Type, add)
		}
		for _, f := range files {
			for _, d := range f.Decls {
				if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv != nil && fd.Name.IsExported() && receiverName(fd.Recv.List[0].Type) == t.Sel.Name {
					add("method " + name + "." + fd.Name.Name)
				}
			}
		}
	}
	return nil
}

// members lists a struct's exported fields or an interface's methods.
func members(name string, t ast.Expr, add func(string)) {
	switch t := t.(type) {
	case *ast.StructType:
		for _, f := range t.Fields.List {
			for _, n := range f.Names {
				if n.IsExported() {
					add("field " + name + "." + n.Name)
				}
			}
		}
	case *ast.InterfaceType:
		for _, m := range t.Methods.List {
			for _, n := range m.Names {
				if n.IsExported() {
					add("method " + name + "." + n.Name)
				}
			}
		}
	}
}

func parseDir(dir string) ([]*ast.File, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	fset := token.NewFileSet()
	var files []*ast.File
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, filepath.Join(dir, name), nil, parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("%s: no Go files", dir)
	}
	return files, nil
}

func typeSpecs(files []*ast.File) map[string]*ast.TypeSpec {
	specs := map[string]*ast.TypeSpec{}
	for _, f := range files {
		for _, d := range f.Decls {
			if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.TYPE {
				for _, s := range g.Specs {
					ts := s.(*ast.TypeSpec)
					specs[ts.Name.Name] = ts
				}
			}
		}
	}
	return specs
}

func receiverName(t ast.Expr) string {
	for {
		switch x := t.(type) {
		case *ast.StarExpr:
			t = x.X
		case *ast.IndexExpr: // generic receiver
			t = x.X
		case *ast.IndexListExpr:
			t = x.X
		case *ast.Ident:
			return x.Name
		default:
			return ""
		}
	}
}

// importPath is the path a file imports under name (its alias, or the
// last element of the path).
func importPath(f *ast.File, name string) string {
	for _, imp := range f.Imports {
		path, _ := strconv.Unquote(imp.Path.Value)
		if imp.Name != nil {
			if imp.Name.Name == name {
				return path
			}
			continue
		}
		if path[strings.LastIndex(path, "/")+1:] == name {
			return path
		}
	}
	return ""
}
