// Command testreport turns `go test -json` into what a person wants from
// `make test`: each package's result as it finishes (as go test prints it),
// every skipped test with the reason it gave, the output of every failed
// test, and a closing count. It exits 1 when a test or package failed.
//
//	go test -json ./... | go run ./internal/testreport
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"time"
)

// event is one line of `go test -json` (cmd/test2json).
type event struct {
	Action  string
	Package string
	Test    string
	Elapsed float64
	Output  string
}

type key struct{ pkg, test string }

func main() {
	os.Exit(report(os.Stdin, os.Stdout))
}

func report(r io.Reader, w io.Writer) int {
	output := map[key][]string{} // a test's output, kept until it ends
	var skips, fails []string
	passed, failed, skipped := 0, 0, 0
	pkgFailed := false
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 16<<20)
	for sc.Scan() {
		var e event
		if json.Unmarshal(sc.Bytes(), &e) != nil {
			// Not an event: build errors and the like, shown as they are.
			fmt.Fprintln(w, sc.Text())
			continue
		}
		k := key{e.Package, e.Test}
		switch e.Action {
		case "output":
			if e.Test == "" {
				// Package-level lines: the "ok"/"FAIL" summary and build output.
				if strings.HasPrefix(e.Output, "ok ") || strings.HasPrefix(e.Output, "FAIL") || strings.HasPrefix(e.Output, "?") ||
					!strings.HasPrefix(e.Output, "=== ") && !strings.HasPrefix(e.Output, "--- ") && !strings.HasPrefix(e.Output, "PASS") {
					fmt.Fprint(w, e.Output)
				}
				continue
			}
			output[k] = append(output[k], e.Output)
		case "pass":
			if e.Test != "" {
				passed++
			}
			delete(output, k)
		case "skip":
			if e.Test != "" {
				skipped++
				skips = append(skips, fmt.Sprintf("%s %s: %s", e.Package, e.Test, reason(output[k])))
			}
			delete(output, k)
		case "fail":
			if e.Test == "" {
				pkgFailed = true
				continue
			}
			failed++
			fails = append(fails, fmt.Sprintf("--- FAIL: %s %s (%s)\n%s", e.Package, e.Test,
				time.Duration(e.Elapsed*float64(time.Second)).Round(time.Millisecond), strings.Join(output[k], "")))
			delete(output, k)
		}
	}
	if len(skips) > 0 {
		sort.Strings(skips)
		fmt.Fprintf(w, "\nskipped, with their reasons:\n")
		for _, s := range skips {
			fmt.Fprintf(w, "  %s\n", s)
		}
	}
	for _, f := range fails {
		fmt.Fprintf(w, "\n%s", f)
	}
	fmt.Fprintf(w, "\n%d passed, %d failed, %d skipped\n", passed, failed, skipped)
	if failed > 0 || pkgFailed || sc.Err() != nil {
		return 1
	}
	return 0
}

// reason is what a skipped test said: its last output line that is not
// the "--- SKIP" or "=== RUN" line itself.
func reason(lines []string) string {
	for i := len(lines) - 1; i >= 0; i-- {
		l := strings.TrimSpace(lines[i])
		if l == "" || strings.HasPrefix(l, "--- SKIP") || strings.HasPrefix(l, "=== ") {
			continue
		}
		// "file_test.go:12: reason" → "reason"
		if i := strings.Index(l, ".go:"); i >= 0 {
			if j := strings.Index(l[i+4:], ": "); j >= 0 {
				return l[i+4+j+2:]
			}
		}
		return l
	}
	return "(no reason given)"
}
