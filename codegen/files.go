package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/gosmith/gosmith/codegen/emit"
	"github.com/gosmith/gosmith/codegen/goview"
	"go/parser"
	"go/token"
)

// headerLine is how a generated file starts. The generator writes, compares
// and removes only regular files that start with it: anything else where it
// would write (the hand-written file holding the generate directive, another
// generator's output, a directory, a symlink) stops it before it writes.
var headerLine = []byte("// " + emit.Header)

// A conflict is something at a path the generator would write that it did
// not write itself.
type conflict struct {
	rel  string // relative to the output directory, with forward slashes
	full string // as the user would name it: the output directory joined with rel
	why  string // what is there, e.g. "is a directory"
}

func (c conflict) String() string { return c.full + " " + c.why + "; move or rename it" }

// conflictError lists everything in the generator's way; when it is
// returned, nothing has been written or removed.
type conflictError []conflict

func (e conflictError) Error() string {
	if len(e) == 1 {
		return e[0].String() + " (nothing was written)"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%d paths are in the way (nothing was written):", len(e))
	for _, c := range e {
		b.WriteString("\n  " + c.String())
	}
	return b.String()
}

// isGenerated reports whether a file's content starts with the header line
// (a checkout with CRLF line endings included).
func isGenerated(data []byte) bool {
	rest, ok := bytes.CutPrefix(data, headerLine)
	return ok && (bytes.HasPrefix(rest, []byte("\n")) || bytes.HasPrefix(rest, []byte("\r\n")))
}

// survey is what dir holds where the generator would write.
type survey struct {
	// generated holds the regular files under dir that start with the
	// header, relative to dir with forward slashes, and their contents.
	generated map[string][]byte
	// conflicts are the paths the generator would write that hold something
	// else, sorted.
	conflicts conflictError
}

// surveyDir looks at every path files would be written to, and at the
// directories the generator owns for generated files it no longer writes.
func surveyDir(dir string, files []emit.File) (*survey, error) {
	s := &survey{generated: map[string][]byte{}}
	if err := s.scanGenerated(dir, files); err != nil {
		return nil, err
	}
	dirOK := map[string]bool{} // parent directories already looked at
	for _, f := range files {
		if !s.parentsAreDirs(dir, path.Dir(f.Path), dirOK) {
			continue
		}
		full := filepath.Join(dir, filepath.FromSlash(f.Path))
		fi, err := os.Lstat(full)
		switch {
		case errors.Is(err, fs.ErrNotExist):
		case err != nil:
			return nil, err
		case fi.IsDir():
			s.conflicts = append(s.conflicts, conflict{f.Path, full, "is a directory, where gosmith writes a file"})
		case fi.Mode()&fs.ModeSymlink != 0:
			s.conflicts = append(s.conflicts, conflict{f.Path, full, "is a symbolic link; gosmith writes only regular files"})
		case !fi.Mode().IsRegular():
			s.conflicts = append(s.conflicts, conflict{f.Path, full, fmt.Sprintf("is not a regular file (%s)", fi.Mode().Type())})
		case s.generated[f.Path] == nil:
			s.conflicts = append(s.conflicts, conflict{f.Path, full, "exists and was not written by gosmith"})
		}
	}
	sort.Slice(s.conflicts, func(i, j int) bool { return s.conflicts[i].rel < s.conflicts[j].rel })
	return s, nil
}

// parentsAreDirs reports whether every directory from dir down to rel is a
// real directory or absent, recording a conflict for one that is not.
func (s *survey) parentsAreDirs(dir, rel string, seen map[string]bool) bool {
	if ok, done := seen[rel]; done {
		return ok
	}
	ok := true
	if rel != "." {
		ok = s.parentsAreDirs(dir, path.Dir(rel), seen)
	}
	if ok {
		full := filepath.Join(dir, filepath.FromSlash(rel))
		stat := os.Lstat
		if rel == "." {
			stat = os.Stat // -out itself may be a symlink to a directory
		}
		if fi, err := stat(full); err == nil && !fi.IsDir() {
			s.conflicts = append(s.conflicts, conflict{rel, full, "is not a directory, and gosmith writes files below it"})
			ok = false
		}
	}
	seen[rel] = ok
	return ok
}

// scanGenerated records the generated .go files in every directory the
// generator writes into or owns (dir, types, document, fake and a vendored
// runtime's packages), so a file it no longer writes there is removed. A directory reached through a symlink is not looked
// into, so nothing is ever removed through one.
func (s *survey) scanGenerated(dir string, files []emit.File) error {
	subdirs := map[string]bool{".": true, "types": true, "document": true, goview.FakeDir: true}
	for _, f := range files {
		subdirs[path.Dir(f.Path)] = true
	}
	if rt, err := os.ReadDir(filepath.Join(dir, vendoredRuntimeDir)); err == nil {
		for _, e := range rt {
			if e.IsDir() {
				subdirs[path.Join(vendoredRuntimeDir, e.Name())] = true
			}
		}
	}
	for sub := range subdirs {
		if !realDir(dir, sub) {
			continue
		}
		entries, err := os.ReadDir(filepath.Join(dir, filepath.FromSlash(sub)))
		if err != nil {
			return err
		}
		for _, e := range entries {
			if !e.Type().IsRegular() || !strings.HasSuffix(e.Name(), ".go") {
				continue
			}
			rel := path.Join(sub, e.Name())
			data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
			if err != nil {
				return err
			}
			if isGenerated(data) {
				s.generated[rel] = data
			}
		}
	}
	return nil
}

// realDir reports whether dir/rel is a directory reached through
// directories alone, no symlink below dir on the way.
func realDir(dir, rel string) bool {
	if rel != "." && !realDir(dir, path.Dir(rel)) {
		return false
	}
	stat := os.Lstat
	if rel == "." {
		stat = os.Stat // -out itself may be a symlink to a directory
	}
	fi, err := stat(filepath.Join(dir, filepath.FromSlash(rel)))
	return err == nil && fi.IsDir()
}

// compareDir lists how dir differs from files: conflicts, changed, missing
// and stale generated files, sorted.
func compareDir(dir string, files []emit.File) ([]string, error) {
	s, err := surveyDir(dir, files)
	if err != nil {
		return nil, err
	}
	have := s.generated
	var diffs []string
	inTheWay := map[string]bool{}
	for _, c := range s.conflicts {
		diffs = append(diffs, "conflict: "+c.String())
		inTheWay[c.rel] = true
	}
	for _, f := range files {
		old, ok := have[f.Path]
		switch {
		case inTheWay[f.Path]:
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
// wrote and which it removed. If anything is in the way (see surveyDir) it
// returns a conflictError and touches nothing.
func writeDir(dir string, files []emit.File) (map[string]bool, []string, error) {
	s, err := surveyDir(dir, files)
	if err != nil {
		return nil, nil, err
	}
	if len(s.conflicts) > 0 {
		return nil, nil, s.conflicts
	}
	have := s.generated
	written := map[string]bool{}
	var todo []emit.File
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
		todo = append(todo, emit.File{Path: full, Content: f.Content})
		written[f.Path] = true
	}
	if err := writeFilesAtomic(todo); err != nil {
		return nil, nil, err
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

// writeFilesAtomic writes each file (Path a full file name) with
// writeFileAtomic, several at a time: each waits on its fsync, and a
// catalogue-sized client writes hundreds of files. It returns the error of
// the first file, in the given order, that could not be written.
func writeFilesAtomic(files []emit.File) error {
	errs := make([]error, len(files))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(len(files), parallelWrites) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				errs[i] = writeFileAtomic(files[i].Path, files[i].Content)
			}
		}()
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// parallelWrites bounds the files written at once: enough to overlap the
// disk's fsync latency, few enough not to flood it.
const parallelWrites = 16

// writeFileAtomic writes data to name through a temporary file in the same
// directory renamed over it, so an interrupted run leaves the old file or
// the new one, never half of one. The temporary file's name starts with a
// dot, which the go tool ignores, and it is removed if anything fails.
func writeFileAtomic(name string, data []byte) (err error) {
	tmp, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".tmp*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err := tmp.Write(data); err != nil {
		return err
	}
	if err := tmp.Chmod(0o644); err != nil {
		return err
	}
	if err := tmp.Sync(); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), name)
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

// handWrittenPackage is the package name of the hand-written Go files
// already in dir (not generated, not tests), "" when there are none: a
// client generated beside them (the file holding the go:generate line, say)
// must join their package. Files that disagree are an error naming them.
func handWrittenPackage(dir string) (string, error) {
	entries, err := os.ReadDir(dir)
	if os.IsNotExist(err) {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	name, from := "", ""
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".go") || strings.HasSuffix(e.Name(), "_test.go") {
			continue
		}
		path := filepath.Join(dir, e.Name())
		data, err := os.ReadFile(path)
		if err != nil {
			return "", err
		}
		if isGenerated(data) {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, data, parser.PackageClauseOnly)
		if err != nil {
			return "", fmt.Errorf("%s: %v", path, err)
		}
		switch {
		case name == "":
			name, from = f.Name.Name, path
		case f.Name.Name != name:
			return "", fmt.Errorf("%s is package %s but %s is package %s; pass -package", path, f.Name.Name, from, name)
		}
	}
	return name, nil
}
