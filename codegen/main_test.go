package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

const sgModel = "../models/storagegateway.json"

func runCLI(args ...string) (code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	code = run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestCLIUsage(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		code     int
		mentions string
	}{
		{"help explains the flags", []string{"-h"}, exitOK, "-model"},
		{"no flags is a usage error", nil, exitUsage, "-model and -out are required"},
		{"unknown flag", []string{"-model", sgModel, "-out", "x", "-nope"}, exitUsage, "nope"},
		{"stray argument", []string{"-model", sgModel, "-out", "x", "extra"}, exitUsage, "no arguments"},
		{"missing model file", []string{"-model", "does-not-exist.json", "-out", t.TempDir()}, exitError, "does-not-exist.json"},
		{"unknown operation", []string{"-model", sgModel, "-out", t.TempDir(), "-import", "example.com/x", "-ops", "NoSuchOp"}, exitError, "NoSuchOp"},
		{"unknown service", []string{"-model", sgModel, "-out", t.TempDir(), "-import", "example.com/x", "-service", "a.b#C"}, exitError, "a.b#C"},
		{"misspelt operation gets the closest name", []string{"-model", sgModel, "-out", t.TempDir(), "-import", "example.com/x", "-ops", "DescribeTapeRecoveryPoint"},
			exitError, `operation "DescribeTapeRecoveryPoint" is not bound to this service; did you mean DescribeTapeRecoveryPoints?`},
		{"operation in the wrong case gets the right one", []string{"-model", sgModel, "-out", t.TempDir(), "-import", "example.com/x", "-ops", "describeTapeRecoveryPOINTS"},
			exitError, "did you mean DescribeTapeRecoveryPoints?"},
		{"unknown operation lists the few there are", []string{"-model", sgModel, "-out", t.TempDir(), "-import", "example.com/x", "-ops", "CreateTapes"},
			exitError, "its operations are DescribeTapeRecoveryPoints"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runCLI(tt.args...)
			if code != tt.code {
				t.Errorf("exit code = %d, want %d\nstderr: %s", code, tt.code, stderr)
			}
			if !strings.Contains(stdout+stderr, tt.mentions) {
				t.Errorf("output does not mention %q:\nstdout: %s\nstderr: %s", tt.mentions, stdout, stderr)
			}
		})
	}
}

// Flags that cannot work are usage errors, found before the model is read
// (the model here does not exist).
func TestCLIRejectsBadFlagsBeforeLoadingTheModel(t *testing.T) {
	tests := []struct {
		name     string
		flags    []string
		mentions string
	}{
		{"package name with a hyphen", []string{"-package", "my-pkg"}, `package name "my-pkg" is not a Go identifier`},
		{"package name starting with a digit", []string{"-package", "2fa"}, `package name "2fa" is not a Go identifier`},
		{"package name that is a keyword", []string{"-package", "type"}, `package name "type" is a Go keyword`},
		{"blank package name", []string{"-package", "_"}, "blank identifier"},
		{"package main", []string{"-package", "main"}, "cannot be imported"},
		{"import path with a space", []string{"-import", "example.com/my sdk"}, `-import "example.com/my sdk": invalid character ' '`},
		{"import path with a leading slash", []string{"-import", "/example.com/sdk"}, "leading slash"},
		{"import path with a trailing slash", []string{"-import", "example.com/sdk/"}, "trailing slash"},
		{"import path with an empty element", []string{"-import", "example.com//sdk"}, "empty path element"},
		{"import path with a dot-dot element", []string{"-import", "example.com/../sdk"}, `invalid path element ".."`},
		{"import path with a dot element", []string{"-import", "example.com/./sdk"}, `invalid path element "."`},
		{"import path with a backslash", []string{"-import", `example.com\sdk`}, "invalid character"},
		{"empty import path element list", []string{"-import", "/"}, "leading slash"},
		{"-ops with only commas", []string{"-ops", ","}, `-ops "," names no operation`},
		{"-ops with only spaces", []string{"-ops", " "}, "names no operation"},
		{"unknown runtime", []string{"-runtime", "copy"}, `-runtime "copy": want module, vendor or auto`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"-model", "does-not-exist.json", "-out", t.TempDir()}, tt.flags...)
			code, stdout, stderr := runCLI(args...)
			if code != exitUsage {
				t.Errorf("exit code = %d, want %d\nstderr: %s", code, exitUsage, stderr)
			}
			if !strings.Contains(stderr, tt.mentions) || strings.Contains(stderr, "does-not-exist.json") {
				t.Errorf("stderr should say %q without reading the model:\nstdout: %s\nstderr: %s", tt.mentions, stdout, stderr)
			}
		})
	}
	for _, ok := range []string{"example.com/sdk/service/sg", "github.com/x/y.v2", "example.com/a_b/c-d/e~f/g+h", "sg"} {
		if err := checkImportPath(ok); err != nil {
			t.Errorf("checkImportPath(%q) = %v, want nil", ok, err)
		}
	}
}

func TestCLIBrokenModelNamesFileAndShape(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.json")
	doc := `{"smithy":"2.0","shapes":{
		"x.y#S":{"type":"service","version":"1","operations":[{"target":"x.y#Op"}],"traits":{"aws.protocols#awsJson1_1":{}}},
		"x.y#Op":{"type":"operation","input":{"target":"x.y#In"}},
		"x.y#In":{"type":"structure","members":{"Name":{"target":"x.y#Missing"}}}}}`
	if err := os.WriteFile(bad, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runCLI("-model", bad, "-out", dir, "-import", "example.com/x")
	if code != exitError {
		t.Fatalf("exit code = %d, want %d", code, exitError)
	}
	for _, want := range []string{bad, "x.y#In", "Name", "x.y#Missing"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr does not name %q: %s", want, stderr)
		}
	}
}

func TestCLIWritesThenChecks(t *testing.T) {
	dir := t.TempDir()
	code, stdout, stderr := runCLI("-model", sgModel, "-out", dir, "-import", "example.com/sg")
	if code != exitOK {
		t.Fatalf("generate: exit %d: %s", code, stderr)
	}
	for _, want := range []string{"1 operations", "api_op_DescribeTapeRecoveryPoints.go", "types/errors.go"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("summary does not mention %q:\n%s", want, stdout)
		}
	}
	// A hand-written file beside the generated ones is left alone.
	handWritten := filepath.Join(dir, "extra.go")
	if err := os.WriteFile(handWritten, []byte("package storagegateway\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runCLI("-model", sgModel, "-out", dir, "-import", "example.com/sg", "-check"); code != exitOK {
		t.Fatalf("check of a fresh tree: exit %d: %s", code, stderr)
	}

	// Change one byte of a generated file and add a stale generated file.
	target := filepath.Join(dir, "serializers.go")
	data, err := os.ReadFile(target)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(target, bytes.Replace(data, []byte("ObjectEnd"), []byte("ObjectEnD"), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	stale := filepath.Join(dir, "api_op_Gone.go")
	if err := os.WriteFile(stale, []byte("// "+headerText()+"\n\npackage storagegateway\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr = runCLI("-model", sgModel, "-out", dir, "-import", "example.com/sg", "-check")
	if code != exitError {
		t.Fatalf("check of a modified tree: exit %d, want %d", code, exitError)
	}
	for _, want := range []string{"serializers.go: differs", "api_op_Gone.go: stale"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("check output does not report %q:\n%s", want, stderr)
		}
	}
	if strings.Contains(stderr, "extra.go") {
		t.Errorf("check reported a hand-written file:\n%s", stderr)
	}

	// -check's advice is the command that repairs the tree (it removes the
	// stale file too).
	const prefix = "regenerate with: go run github.com/gosmith/gosmith/codegen "
	_, advice, found := strings.Cut(stderr, prefix)
	if !found || strings.Contains(stderr, "make") {
		t.Fatalf("check output does not end with %q...:\n%s", prefix, stderr)
	}
	regenerate := strings.Fields(advice)
	if want := []string{"-import", "example.com/sg", "-model", sgModel, "-out", dir}; !slices.Equal(regenerate, want) {
		t.Fatalf("advice: %q, want %q", regenerate, want)
	}
	if code, stdout, stderr := runCLI(regenerate...); code != exitOK || !strings.Contains(stdout, "api_op_Gone.go (stale, removed)") {
		t.Fatalf("regenerate: exit %d\n%s%s", code, stdout, stderr)
	}
	if _, err := os.Stat(handWritten); err != nil {
		t.Errorf("the hand-written file is gone: %v", err)
	}
	if code, _, stderr := runCLI("-model", sgModel, "-out", dir, "-import", "example.com/sg", "-check"); code != exitOK {
		t.Fatalf("check after regenerate: exit %d: %s", code, stderr)
	}
}

// The advice survives a shell: an -out with a space and a quote comes back
// as one argument.
func TestCheckAdviceQuotesForTheShell(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "it's a dir")
	code, _, stderr := runCLI("-model", sgModel, "-out", dir, "-import", "example.com/sg", "-strict", "-check")
	if code != exitError {
		t.Fatalf("-check of an empty directory: exit %d: %s", code, stderr)
	}
	_, advice, _ := strings.Cut(stderr, "regenerate with: ")
	sh, err := exec.LookPath("sh")
	if err != nil {
		t.Skip("no sh to read the advice")
	}
	out, err := exec.Command(sh, "-c", `printf '%s\n' `+strings.TrimSpace(advice)).Output()
	if err != nil {
		t.Fatalf("sh: %v", err)
	}
	want := []string{"go", "run", "github.com/gosmith/gosmith/codegen", "-import", "example.com/sg", "-model", sgModel, "-out", dir, "-strict"}
	if diff := cmp.Diff(want, strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")); diff != "" {
		t.Errorf("the shell reads the advice %s as (-want +got):\n%s", advice, diff)
	}
}

func TestImportPathFromGoMod(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module example.com/sdk\n\ngo 1.26\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "service", "sg")
	got, err := importPathOf(out)
	if err != nil {
		t.Fatal(err)
	}
	if got != "example.com/sdk/service/sg" {
		t.Errorf("import path = %q", got)
	}
}

func headerText() string { return strings.TrimPrefix(string(headerLine), "// ") }
