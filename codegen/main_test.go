package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
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

	// Generating again repairs the tree and removes the stale file.
	if code, stdout, stderr := runCLI("-model", sgModel, "-out", dir, "-import", "example.com/sg"); code != exitOK || !strings.Contains(stdout, "api_op_Gone.go (stale, removed)") {
		t.Fatalf("regenerate: exit %d\n%s%s", code, stdout, stderr)
	}
	if _, err := os.Stat(handWritten); err != nil {
		t.Errorf("the hand-written file is gone: %v", err)
	}
	if code, _, stderr := runCLI("-model", sgModel, "-out", dir, "-import", "example.com/sg", "-check"); code != exitOK {
		t.Fatalf("check after regenerate: exit %d: %s", code, stderr)
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
