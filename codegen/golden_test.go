package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/gosmith/gosmith/codegen/emit"
	"github.com/gosmith/gosmith/codegen/goview"
	"github.com/gosmith/gosmith/codegen/model"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/ from the generator's output")

// golden cases: a model in this repository and the package it becomes.
var goldenCases = []struct {
	name, model, importPath string
}{
	{"storagegateway", "../models/storagegateway.json", "github.com/gosmith/gosmith/service/storagegateway"},
}

func generate(t *testing.T, modelPath, importPath string) []emit.File {
	t.Helper()
	m, err := model.Load(modelPath)
	if err != nil {
		t.Fatal(err)
	}
	pkg, err := goview.Build(m, goview.Config{ImportPath: importPath})
	if err != nil {
		t.Fatal(err)
	}
	files, err := emit.Generate(pkg)
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestGolden locks the generated text down: testdata/golden/<name>/ holds
// every file the generator writes, with .golden appended.
// go test ./codegen/... -update rewrites them.
func TestGolden(t *testing.T) {
	for _, tc := range goldenCases {
		t.Run(tc.name, func(t *testing.T) {
			files := generate(t, tc.model, tc.importPath)
			dir := filepath.Join("..", "testdata", "golden", tc.name)
			if *update {
				if err := os.RemoveAll(dir); err != nil {
					t.Fatal(err)
				}
				for _, f := range files {
					p := filepath.Join(dir, filepath.FromSlash(f.Path)+".golden")
					if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(p, f.Content, 0o644); err != nil {
						t.Fatal(err)
					}
				}
			}
			want := readGolden(t, dir)
			var got []string
			for _, f := range files {
				got = append(got, f.Path)
				w, ok := want[f.Path]
				if !ok {
					t.Errorf("%s: generated but has no golden file (run go test ./codegen/... -update)", f.Path)
					continue
				}
				if diff := diffText(w, f.Content); diff != "" {
					t.Errorf("%s differs from its golden file (-golden +generated):\n%s", f.Path, diff)
				}
			}
			for p := range want {
				if !contains(got, p) {
					t.Errorf("%s: golden file for a file the generator no longer writes", p)
				}
			}
		})
	}
}

func readGolden(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".golden") {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(strings.TrimSuffix(rel, ".golden"))] = data
		return nil
	})
	if err != nil {
		t.Fatalf("reading golden files: %v (run go test ./codegen/... -update)", err)
	}
	return out
}

// diffText compares line by line, so a one-byte change shows as one line.
func diffText(want, got []byte) string {
	if bytes.Equal(want, got) {
		return ""
	}
	return cmp.Diff(strings.Split(string(want), "\n"), strings.Split(string(got), "\n"))
}

func contains(list []string, s string) bool {
	i := sort.SearchStrings(list, s)
	return i < len(list) && list[i] == s
}

func TestDiffTextShowsAOneByteChange(t *testing.T) {
	want := []byte("package x\n\nfunc A() int { return 1 }\n")
	got := []byte("package x\n\nfunc A() int { return 2 }\n")
	diff := diffText(want, got)
	if !strings.Contains(diff, "return 1") || !strings.Contains(diff, "return 2") {
		t.Errorf("diff does not show the changed line:\n%s", diff)
	}
	if diffText(want, want) != "" {
		t.Error("equal files must give no diff")
	}
}

func TestGenerationIsDeterministic(t *testing.T) {
	for _, tc := range goldenCases {
		first := generate(t, tc.model, tc.importPath)
		for i := 0; i < 3; i++ {
			again := generate(t, tc.model, tc.importPath)
			if len(again) != len(first) {
				t.Fatalf("%s: run %d wrote %d files, the first %d", tc.name, i, len(again), len(first))
			}
			for j := range first {
				if first[j].Path != again[j].Path || !bytes.Equal(first[j].Content, again[j].Content) {
					t.Fatalf("%s: run %d differs in %s", tc.name, i, first[j].Path)
				}
			}
		}
	}
}
