package jmespath

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// The official compliance suite, github.com/jmespath/jmespath.test, is not
// copied into this repository. Point JMESPATH_TESTS at its tests directory:
//
//	mkdir -p /tmp/jmespath.test
//	git --git-dir /work/.mirror/jmespath+jmespath.test/repo archive HEAD tests | tar -x -C /tmp/jmespath.test
//	JMESPATH_TESTS=/tmp/jmespath.test/tests go test -run TestCompliance ./internal/protocol/jmespath/
//
// (or clone https://github.com/jmespath/jmespath.test anywhere). Without the
// variable the test looks in defaultComplianceDir, and skips if it is absent.
// benchmarks.json has no expected results: its cases must compile and search
// without error.
const (
	defaultComplianceDir = "/tmp/jmespath.test/tests"
	// complianceMirror is where the workplace's search tool keeps a bare
	// copy of the suite's repository; it has no work tree to read from.
	complianceMirror = "/work/.mirror/jmespath+jmespath.test/repo"
)

// complianceSuite is one file of the suite: groups of cases sharing a document.
type complianceSuite []struct {
	Given json.RawMessage `json:"given"`
	Cases []struct {
		Expression string          `json:"expression"`
		Result     json.RawMessage `json:"result"`
		Error      string          `json:"error"`
		Bench      string          `json:"bench"` // benchmarks.json: parse, interpret or full
		Comment    string          `json:"comment"`
	} `json:"cases"`
}

func TestCompliance(t *testing.T) {
	dir := os.Getenv("JMESPATH_TESTS")
	if dir == "" {
		dir = defaultComplianceDir
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	if len(files) == 0 {
		t.Skipf("no compliance suite in %s: set JMESPATH_TESTS to the tests directory of github.com/jmespath/jmespath.test, e.g. "+
			"mkdir -p /tmp/jmespath.test && git --git-dir %s archive HEAD tests | tar -x -C /tmp/jmespath.test", dir, complianceMirror)
	}
	total, passed := 0, 0
	for _, file := range files {
		raw, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		var suite complianceSuite
		if err := json.Unmarshal(raw, &suite); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		name := filepath.Base(file)
		filePassed, fileTotal := 0, 0
		t.Run(name, func(t *testing.T) {
			for gi, group := range suite {
				var given any
				if err := json.Unmarshal(group.Given, &given); err != nil {
					t.Fatalf("group %d: given: %v", gi, err)
				}
				for _, tc := range group.Cases {
					fileTotal++
					if complianceCase(t, given, tc.Expression, tc.Result, tc.Error, tc.Bench) {
						filePassed++
					}
				}
			}
			t.Logf("%s: %d/%d cases pass", name, filePassed, fileTotal)
		})
		total += fileTotal
		passed += filePassed
	}
	t.Logf("compliance: %d/%d cases pass", passed, total)
}

// complianceCase runs one case and reports whether it passed.
func complianceCase(t *testing.T, given any, expr string, result json.RawMessage, wantErr, bench string) bool {
	t.Helper()
	e, err := Compile(expr)
	if err == nil {
		var got any
		got, err = e.Search(given)
		if err == nil && wantErr == "" && bench == "" {
			var want any
			if err := json.Unmarshal(result, &want); err != nil {
				t.Fatalf("%s: result: %v", expr, err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s: got %s, want %s", expr, jsonString(got), result)
				return false
			}
			return true
		}
	}
	var je *Error
	switch {
	case wantErr == "" && err != nil:
		t.Errorf("%s: unexpected error %v", expr, err)
	case wantErr == "":
		return true // a benchmark case: compiling and searching is the test
	case err == nil:
		t.Errorf("%s: no error, want %s", expr, wantErr)
	case !errors.As(err, &je) || string(je.Kind) != wantErr:
		t.Errorf("%s: error %v, want kind %s", expr, err, wantErr)
	default:
		return true
	}
	return false
}

func jsonString(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return err.Error()
	}
	return string(b)
}
