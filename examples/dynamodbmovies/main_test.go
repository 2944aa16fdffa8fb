package main

import (
	"bytes"
	"context"
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
		"AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_DYNAMODB", "AWS_USE_FIPS_ENDPOINT", "AWS_USE_DUALSTACK_ENDPOINT",
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

// runCLI runs the program as main would and returns its exit code, stdout
// and stderr.
func runCLI(args ...string) (code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	code = run(context.Background(), args, &out, &errOut)
	return code, out.String(), errOut.String()
}

// The program against the stand-in, one command after another, with the
// credentials and region of the environment and -endpoint.
func TestCommands(t *testing.T) {
	isolateAWS(t)
	s := newStandIn(t, "Movies")
	endpoint := s.start()
	for _, step := range []struct {
		args   []string
		code   int
		stdout string
		stderr string // a prefix
	}{
		{[]string{"add", "2013", "Rush", "8.1"}, exitOK, "added Rush (2013)\n", ""},
		{[]string{"add", "2013", "Gravity"}, exitOK, "added Gravity (2013)\n", ""},
		{[]string{"add", "2013", "Rush", "6"}, exitError, "", "dynamodbmovies: Rush (2013) is already in Movies, rated 8.1\n"},
		{[]string{"-page-size", "1", "list", "2013"}, exitOK, "TITLE    RATING\nGravity  -\nRush     8.1\n2 movies from 2013\n", ""},
		{[]string{"list", "2013", "R"}, exitOK, "TITLE  RATING\nRush   8.1\n1 movie from 2013\n", ""},
		{[]string{"list", "2014"}, exitOK, "0 movies from 2014\n", ""},
		{[]string{"-table", "Films", "list", "2013"}, exitError, "", "dynamodbmovies: operation error DynamoDB: Query, https response error StatusCode: 400"},
	} {
		args := append([]string{"-endpoint", endpoint}, step.args...)
		code, stdout, stderr := runCLI(args...)
		if code != step.code || stdout != step.stdout || !strings.HasPrefix(stderr, step.stderr) || step.stderr == "" && stderr != "" {
			t.Errorf("%s: exit %d\nstdout:\n%s\nstderr:\n%s\nwant exit %d\nstdout:\n%s\nstderr beginning:\n%s",
				strings.Join(step.args, " "), code, stdout, stderr, step.code, step.stdout, step.stderr)
		}
	}
	if n := len(s.requests()); n != 9 {
		t.Errorf("the stand-in answered %d requests, want 9 (3 PutItem, 6 Query)", n)
	}
}

func TestUsageErrors(t *testing.T) {
	for _, tt := range []struct {
		name string
		args []string
		want string
	}{
		{"no command", nil, "want a command: add or list"},
		{"unknown command", []string{"remove", "2013", "Rush"}, `unknown command "remove"`},
		{"add without a title", []string{"add", "2013"}, "add wants YEAR TITLE [RATING]"},
		{"add with too much", []string{"add", "2013", "Rush", "8.1", "extra"}, "add wants YEAR TITLE [RATING]"},
		{"year not a number", []string{"add", "MMXIII", "Rush"}, `year "MMXIII": want a number`},
		{"empty title", []string{"add", "2013", ""}, "the title must not be empty"},
		{"rating NaN", []string{"add", "2013", "Rush", "NaN"}, `rating "NaN": want a positive number`},
		{"list without a year", []string{"list"}, "list wants YEAR [TITLE-PREFIX]"},
		{"negative page size", []string{"-page-size", "-1", "list", "2013"}, "-page-size -1"},
		{"unknown flag", []string{"-pages", "2", "list", "2013"}, "flag provided but not defined: -pages"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runCLI(tt.args...)
			if code != exitUsage || stdout != "" || !strings.Contains(stderr, tt.want) || !strings.Contains(stderr, "Usage:") {
				t.Errorf("exit %d, stdout %q, stderr:\n%s\nwant exit %d, the error %q and the usage", code, stdout, stderr, exitUsage, tt.want)
			}
		})
	}
}
