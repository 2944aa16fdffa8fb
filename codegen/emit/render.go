package emit

import (
	"bytes"
	"fmt"
	"go/doc/comment"
	"go/format"
	"runtime"
	"strings"
	"sync"

	"github.com/dave/jennifer/jen"
)

// A renderer turns built jennifer files into formatted Go source on
// GOMAXPROCS workers while the emitters build the next ones. Rendering and
// formatting are most of a generation's time (SageMaker: ~400 files), and
// each file's are independent of every other's.
type renderer struct {
	jobs    chan renderJob
	wg      sync.WaitGroup
	mu      sync.Mutex
	results []renderResult // by the order files were added
}

type renderJob struct {
	i    int
	name string
	f    *jen.File
}

type renderResult struct {
	file File
	err  error
}

func newRenderer() *renderer {
	r := &renderer{jobs: make(chan renderJob, 16)}
	for range runtime.GOMAXPROCS(0) {
		r.wg.Add(1)
		go func() {
			defer r.wg.Done()
			for j := range r.jobs {
				content, err := render(j.name, j.f)
				r.mu.Lock()
				r.results[j.i] = renderResult{File{Path: j.name, Content: content}, err}
				r.mu.Unlock()
			}
		}()
	}
	return r
}

// add queues f for rendering as name. Call it from one goroutine only.
func (r *renderer) add(name string, f *jen.File) {
	r.mu.Lock()
	i := len(r.results)
	r.results = append(r.results, renderResult{})
	r.mu.Unlock()
	r.jobs <- renderJob{i, name, f}
}

// wait renders what is queued and returns the files in the order they were
// added, or the error of the first file (in that order) that failed.
func (r *renderer) wait() ([]File, error) {
	close(r.jobs)
	r.wg.Wait()
	files := make([]File, 0, len(r.results))
	for _, res := range r.results {
		if res.err != nil {
			return nil, res.err
		}
		files = append(files, res.file)
	}
	return files, nil
}

// render writes f as gofmt'd source.
func render(name string, f *jen.File) ([]byte, error) {
	var buf bytes.Buffer
	if err := f.Render(&buf); err != nil {
		return nil, fmt.Errorf("render %s: %w", name, err)
	}
	// jennifer formats once; gofmt's doc-comment rewriting (headings,
	// code blocks) can need a second pass to reach gofmt's fixed point. It
	// is needed for about one file in seventy, so it runs only when a doc
	// comment of the formatted file would still change.
	content := buf.Bytes()
	if !docCommentsSettled(content) {
		var err error
		if content, err = format.Source(content); err != nil {
			return nil, fmt.Errorf("format %s: %w", name, err)
		}
	}
	return content, nil
}

// docCommentsSettled reports whether gofmt would leave every doc comment of
// src, gofmt's own output, as it is: then formatting src again changes
// nothing, gofmt being idempotent on everything else. gofmt rewrites a
// comment group that starts in column 1 and abuts the next token through
// go/doc/comment (go/printer's formatDocComment); this looks at every run
// of column-1 // lines, more than gofmt rewrites, and says no at anything
// it is unsure of (/* comments, directives, a run continued by an indented
// comment), so a no costs only the second pass.
func docCommentsSettled(src []byte) bool {
	var run []string
	settled := func() bool {
		ok := len(run) == 0 || docCommentSettled(run)
		run = run[:0]
		return ok
	}
	for len(src) > 0 {
		line := src
		if i := bytes.IndexByte(src, '\n'); i >= 0 {
			line, src = src[:i], src[i+1:]
		} else {
			src = nil
		}
		switch {
		case bytes.HasPrefix(line, []byte("//")):
			run = append(run, string(line))
		case bytes.HasPrefix(line, []byte("/*")):
			return false
		case len(run) > 0 && bytes.HasPrefix(bytes.TrimLeft(line, " \t"), []byte("//")):
			return false // an indented comment may belong to the group
		default:
			if !settled() {
				return false
			}
		}
	}
	return settled()
}

// docCommentSettled reports whether go/printer's doc-comment formatting
// leaves the // lines as they are.
func docCommentSettled(lines []string) bool {
	var text strings.Builder
	for _, l := range lines {
		after := l[len("//"):]
		if after != "" && after[0] != ' ' && after[0] != '\t' {
			return false // a directive, or a comment gofmt might treat so
		}
		text.WriteString(strings.TrimPrefix(after, " "))
		text.WriteByte('\n')
	}
	var p comment.Parser
	var pr comment.Printer
	out := string(pr.Comment(p.Parse(text.String())))
	for _, l := range lines {
		if out == "" {
			return false // gofmt would drop lines
		}
		var line string
		line, out, _ = strings.Cut(out, "\n")
		switch {
		case line == "":
			line = "//"
		case line[0] == '\t':
			line = "//" + line
		default:
			line = "// " + line
		}
		if line != l {
			return false
		}
	}
	return out == ""
}
