package main

import (
	"strings"
	"testing"
)

func TestReport(t *testing.T) {
	in := strings.Join([]string{
		`{"Action":"run","Package":"p","Test":"TestA"}`,
		`{"Action":"pass","Package":"p","Test":"TestA"}`,
		`{"Action":"run","Package":"p","Test":"TestB"}`,
		`{"Action":"output","Package":"p","Test":"TestB","Output":"=== RUN   TestB\n"}`,
		`{"Action":"output","Package":"p","Test":"TestB","Output":"    b_test.go:9: ../shared/models is absent\n"}`,
		`{"Action":"output","Package":"p","Test":"TestB","Output":"--- SKIP: TestB (0.00s)\n"}`,
		`{"Action":"skip","Package":"p","Test":"TestB"}`,
		`{"Action":"output","Package":"p","Output":"ok  \tp\t0.1s\n"}`,
		`{"Action":"pass","Package":"p"}`,
	}, "\n")
	var out strings.Builder
	if code := report(strings.NewReader(in), &out); code != 0 {
		t.Errorf("exit %d", code)
	}
	for _, want := range []string{"ok  \tp\t0.1s", "p TestB: ../shared/models is absent", "1 passed, 0 failed, 1 skipped"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, out.String())
		}
	}
	fail := `{"Action":"output","Package":"q","Test":"TestC","Output":"    c_test.go:3: boom\n"}
{"Action":"fail","Package":"q","Test":"TestC","Elapsed":0.5}
{"Action":"fail","Package":"q"}`
	out.Reset()
	if code := report(strings.NewReader(fail), &out); code != 1 || !strings.Contains(out.String(), "boom") || !strings.Contains(out.String(), "0 passed, 1 failed") {
		t.Errorf("exit %d, report:\n%s", code, out.String())
	}
}
