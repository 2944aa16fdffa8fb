package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// A client generated into another module carries a copy of the runtime and
// builds there offline, from the module cache alone.
func TestVendoredClientBuildsInAnotherModule(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a scratch module; skipped with -short")
	}
	dir := t.TempDir() // outside this repository
	gomod, err := os.ReadFile(filepath.Join("..", "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	// The scratch module needs the runtime's dependencies at our versions.
	var requires []string
	for _, line := range strings.Split(string(gomod), "\n") {
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "github.com/aws/") {
			requires = append(requires, "\t"+strings.TrimSuffix(line, " // indirect"))
		}
	}
	mod := "module example.com/scratch\n\ngo 1.26\n\nrequire (\n" + strings.Join(requires, "\n") + "\n)\n"
	write(t, filepath.Join(dir, "go.mod"), mod)
	sum, err := os.ReadFile(filepath.Join("..", "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(dir, "go.sum"), string(sum))

	out := filepath.Join(dir, "service", "sg")
	generateOrFail(t, "-model", sgModel, "-out", out)
	if _, err := os.Stat(filepath.Join(out, "internal", "gosmithrt", "awsjson", "invoke.go")); err != nil {
		t.Fatalf("the runtime was not written beside the client: %v", err)
	}
	if code, _, stderr := runCLI("-model", sgModel, "-out", out, "-check"); code != exitOK {
		t.Fatalf("-check of the vendored tree: %s", stderr)
	}
	write(t, filepath.Join(dir, "service", "sg", "use_test.go"), `package storagegateway_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"

	sg "example.com/scratch/service/sg"
)

func TestCall(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, `+"`"+`{"TapeRecoveryPointInfos":[{"TapeARN":"t1"}]}`+"`"+`)
	}))
	defer srv.Close()
	c := sg.New(sg.Options{Region: "us-east-1", BaseEndpoint: aws.String(srv.URL), Credentials: aws.AnonymousCredentials{}})
	out, err := c.DescribeTapeRecoveryPoints(context.Background(), &sg.DescribeTapeRecoveryPointsInput{GatewayARN: aws.String("arn")})
	if err != nil || len(out.TapeRecoveryPointInfos) != 1 || aws.ToString(out.TapeRecoveryPointInfos[0].TapeARN) != "t1" {
		t.Fatalf("got %+v, %v", out, err)
	}
}
`)
	for _, args := range [][]string{{"mod", "tidy"}, {"vet", "./..."}, {"test", "./..."}} {
		cmd := exec.Command("go", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOPROXY=off", "GOFLAGS=-mod=mod", "GOWORK=off")
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("go %s (offline) in the scratch module: %v\n%s", strings.Join(args, " "), err, b)
		}
	}
}

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}
