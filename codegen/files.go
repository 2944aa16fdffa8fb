package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/gosmith/gosmith/codegen/emit"
)

// headerLine is how a generated file starts; only such files are ever
// compared, overwritten or removed, so hand-written files beside them (the
// file holding the generate directive, tests) are safe.
var headerLine = []byte("// " + emit.Header)

// generatedFiles lists the generated .go files under dir (and dir/types),
// relative to dir with forward slashes.
func generatedFiles(dir string) (map[string][]byte, error) {
	found := map[string][]byte{}
	subdirs := []string{"", "types", "document"}
	// A vendored runtime's packages, whichever exist.
	if rt, err := os.ReadDir(filepath.Join(dir, vendoredRuntimeDir)); err == nil {
		for _, e := range rt {
			if e.IsDir() {
				subdirs = append(subdirs, filepath.Join(vendoredRuntimeDir, e.Name()))
			}
		}
	}
	for _, sub := range subdirs {
		entries, err := os.ReadDir(filepath.Join(dir, sub))
		if os.IsNotExist(err) {
			continue
		}
		if err != nil {
			return nil, err
		}
		for _, e := range entries {
			if e.IsDir() || !strings.HasSuffix(e.Name(), ".go") {
				continue
			}
			rel := filepath.ToSlash(filepath.Join(sub, e.Name()))
			data, err := os.ReadFile(filepath.Join(dir, rel))
			if err != nil {
				return nil, err
			}
			if bytes.HasPrefix(data, headerLine) {
				found[rel] = data
			}
		}
	}
	return found, nil
}

// compareDir lists how dir differs from files: changed, missing and stale
// generated files, sorted.
func compareDir(dir string, files []emit.File) ([]string, error) {
	have, err := generatedFiles(dir)
	if err != nil {
		return nil, err
	}
	var diffs []string
	for _, f := range files {
		old, ok := have[f.Path]
		switch {
		case !ok:
			diffs = append(diffs, f.Path+": missing")
		case !bytes.Equal(old, f.Content):
			diffs = append(diffs, f.Path+": differs"+firstDiff(old, f.Content))
		}
		delete(have, f.Path)
	}
	for p := range have {
		diffs = append(diffs, p+": stale (the generator no longer writes it)")
	}
	sort.Strings(diffs)
	return diffs, nil
}

// firstDiff names the first line where two files part.
func firstDiff(a, b []byte) string {
	sa, sb := bufio.NewScanner(bytes.NewReader(a)), bufio.NewScanner(bytes.NewReader(b))
	sa.Buffer(nil, 1<<20)
	sb.Buffer(nil, 1<<20)
	for line := 1; ; line++ {
		okA, okB := sa.Scan(), sb.Scan()
		if !okA && !okB {
			return ""
		}
		if okA != okB || sa.Text() != sb.Text() {
			return fmt.Sprintf(" from line %d", line)
		}
	}
}

// writeDir writes files into dir, skipping unchanged ones, and removes
// generated files the generator no longer writes. It reports which files it
// wrote and which it removed.
func writeDir(dir string, files []emit.File) (map[string]bool, []string, error) {
	have, err := generatedFiles(dir)
	if err != nil {
		return nil, nil, err
	}
	written := map[string]bool{}
	for _, f := range files {
		old, ok := have[f.Path]
		delete(have, f.Path)
		if ok && bytes.Equal(old, f.Content) {
			continue
		}
		full := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return nil, nil, err
		}
		if err := os.WriteFile(full, f.Content, 0o644); err != nil {
			return nil, nil, err
		}
		written[f.Path] = true
	}
	var removed []string
	for p := range have {
		if err := os.Remove(filepath.Join(dir, filepath.FromSlash(p))); err != nil {
			return nil, nil, err
		}
		removed = append(removed, p)
	}
	sort.Strings(removed)
	return written, removed, nil
}

// importPathOf derives the import path of dir from the nearest go.mod above it.
func importPathOf(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for d := abs; ; d = filepath.Dir(d) {
		data, err := os.ReadFile(filepath.Join(d, "go.mod"))
		if err == nil {
			mod := modulePath(data)
			if mod == "" {
				return "", fmt.Errorf("%s: no module line", filepath.Join(d, "go.mod"))
			}
			rel, err := filepath.Rel(d, abs)
			if err != nil {
				return "", err
			}
			if rel == "." {
				return mod, nil
			}
			return mod + "/" + filepath.ToSlash(rel), nil
		}
		if filepath.Dir(d) == d {
			return "", fmt.Errorf("no go.mod above %s to derive the import path from", dir)
		}
	}
}

func modulePath(gomod []byte) string {
	for _, line := range strings.Split(string(gomod), "\n") {
		line = strings.TrimSpace(line)
		if rest, ok := strings.CutPrefix(line, "module"); ok && (rest == "" || rest[0] == ' ' || rest[0] == '\t') {
			return strings.Trim(strings.TrimSpace(rest), `"`)
		}
	}
	return ""
}
