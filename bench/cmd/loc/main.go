// Command loc counts the lines of the non-test Go files under each directory
// given (recursively, skipping testdata): raw lines (what wc -l counts) and
// code lines, i.e. lines holding at least one token that is not a comment,
// as go/scanner sees them (blank lines and comment-only lines are not code).
//
//	go run ./cmd/loc DIR...
//
// prints one line per directory: DIR files raw code.
package main

import (
	"bytes"
	"fmt"
	"go/scanner"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: loc DIR...")
		os.Exit(2)
	}
	for _, dir := range os.Args[1:] {
		files, raw, code, err := count(dir)
		if err != nil {
			fmt.Fprintln(os.Stderr, "loc:", err)
			os.Exit(1)
		}
		fmt.Printf("%s %d %d %d\n", dir, files, raw, code)
	}
}

func count(dir string) (files, raw, code int, err error) {
	err = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if d.Name() == "testdata" {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		files++
		raw += bytes.Count(src, []byte("\n"))
		code += codeLines(src)
		return nil
	})
	return files, raw, code, err
}

// codeLines counts the distinct lines on which a non-comment token starts or
// continues (a multi-line raw string counts every line it spans).
func codeLines(src []byte) int {
	fset := token.NewFileSet()
	file := fset.AddFile("", fset.Base(), len(src))
	var s scanner.Scanner
	s.Init(file, src, nil, 0) // comments are skipped
	lines := map[int]bool{}
	for {
		pos, tok, lit := s.Scan()
		if tok == token.EOF {
			break
		}
		if tok == token.SEMICOLON && lit == "\n" {
			continue // inserted at a line end, not in the source
		}
		start := file.Line(pos)
		end := start + strings.Count(lit, "\n")
		for l := start; l <= end; l++ {
			lines[l] = true
		}
	}
	return len(lines)
}
