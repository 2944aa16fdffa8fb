package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// isolateAWS gives config.LoadDefaultConfig credentials and a region through
// the environment and nothing else of the machine's: empty shared config
// files, no instance metadata, no configured endpoints.
func isolateAWS(t *testing.T) {
	t.Helper()
	dir := t.TempDir()
	for _, name := range []string{"AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE"} {
		f := filepath.Join(dir, name)
		if err := os.WriteFile(f, nil, 0o600); err != nil {
			t.Fatal(err)
		}
		t.Setenv(name, f)
	}
	// config.LoadDefaultConfig reads an empty variable as unset.
	for _, k := range []string{
		"AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_SESSION_TOKEN", "AWS_ACCOUNT_ID", "AWS_DEFAULT_REGION",
		"AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_KINESIS", "AWS_USE_FIPS_ENDPOINT", "AWS_USE_DUALSTACK_ENDPOINT",
		"AWS_MAX_ATTEMPTS", "AWS_RETRY_MODE", "AWS_ROLE_ARN", "AWS_WEB_IDENTITY_TOKEN_FILE",
		"AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_CREDENTIALS_FULL_URI",
	} {
		t.Setenv(k, "")
	}
	t.Setenv("AWS_EC2_METADATA_DISABLED", "true")
	t.Setenv("AWS_ACCESS_KEY_ID", testKeyID)
	t.Setenv("AWS_SECRET_ACCESS_KEY", "secret")
	t.Setenv("AWS_REGION", testRegion)
}

// runCLI runs the program as main would, with stdin, and returns its exit
// code, stdout and stderr.
func runCLI(stdin io.Reader, args ...string) (code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	code = run(context.Background(), args, stdin, &out, &errOut)
	return code, out.String(), errOut.String()
}

// The program against the stand-in, with the credentials and region of the
// environment and -endpoint.
func TestCommands(t *testing.T) {
	isolateAWS(t)
	s := newStandIn(t, "clicks", 2)
	endpoint := s.start()
	lines := "first\n\nthird, after an empty line\nno newline at the end"
	for _, step := range []struct {
		stdin  string
		args   []string
		code   int
		stdout string
		stderr string // a prefix
	}{
		// One partition key: one shard, so get prints them in order.
		{lines, []string{"-key", "k", "put", "clicks"}, exitOK, "put 4 records\n", ""},
		{"", []string{"get", s.arn}, exitOK, "first\n\nthird, after an empty line\nno newline at the end\n", ""},
		{"", []string{"put", "clicks"}, exitOK, "put 0 records\n", ""},
		{"", []string{"get", "views"}, exitError, "", "kinesiscat: operation error Kinesis: ListShards, https response error StatusCode: 400"},
		{strings.Repeat("x", maxRecordBytes+1), []string{"put", "clicks"}, exitError, "", "kinesiscat: line 1 is longer than a record holds (1 MiB)\n"},
		{"ok\n" + strings.Repeat("x", maxRecordBytes+1) + "\n", []string{"put", "clicks"}, exitError, "", "kinesiscat: line 2 is longer than a record holds (1 MiB)\n"},
	} {
		args := append([]string{"-endpoint", endpoint}, step.args...)
		code, stdout, stderr := runCLI(strings.NewReader(step.stdin), args...)
		if code != step.code || stdout != step.stdout || !strings.HasPrefix(stderr, step.stderr) || step.stderr == "" && stderr != "" {
			t.Errorf("%s: exit %d\nstdout:\n%s\nstderr:\n%s\nwant exit %d\nstdout:\n%s\nstderr beginning:\n%s",
				strings.Join(step.args, " "), code, stdout, stderr, step.code, step.stdout, step.stderr)
		}
	}
	if n := len(s.requests("PutRecords")); n != 1 {
		t.Errorf("%d PutRecords requests, want 1: none for no lines or a line too long", n)
	}
}

func TestUsageErrors(t *testing.T) {
	for _, tt := range []struct {
		name string
		args []string
		want string
	}{
		{"no command", nil, "want put STREAM or get STREAM"},
		{"no stream", []string{"put"}, "want put STREAM or get STREAM"},
		{"unknown command", []string{"cat", "clicks"}, "want put STREAM or get STREAM"},
		{"extra argument", []string{"get", "clicks", "more"}, "want put STREAM or get STREAM"},
		{"empty stream", []string{"get", ""}, "the stream must not be empty"},
		{"key too long", []string{"-key", strings.Repeat("k", 257), "put", "clicks"}, "-key: a partition key has at most 256 characters"},
		{"unknown flag", []string{"-shards", "2", "get", "clicks"}, "flag provided but not defined: -shards"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runCLI(strings.NewReader(""), tt.args...)
			if code != exitUsage || stdout != "" || !strings.Contains(stderr, tt.want) || !strings.Contains(stderr, "Usage:") {
				t.Errorf("exit %d, stdout %q, stderr:\n%s\nwant exit %d, the error %q and the usage", code, stdout, stderr, exitUsage, tt.want)
			}
		})
	}
}
