// Package examples runs the example programs whose clients are generated from
// the reference models beside the checkout (../shared/models), which carry
// the models' docs and so are never committed. Each example is a module of
// its own with a go:generate line that writes its client into a git-ignored
// directory; without the models this test skips them, so the repository
// builds, vets and tests in a clean clone.
package examples

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// generatedClientExamples are the examples, each with the reference model
// its go:generate line reads.
var generatedClientExamples = []struct{ dir, model string }{
	{"dynamodbmovies", "dynamodb.json"},
	{"kinesiscat", "kinesis.json"},
}

// Each example is generated, vetted and tested as its README says: go
// generate, then go vet and go test -race in its module.
func TestGeneratedClientExamples(t *testing.T) {
	if testing.Short() {
		t.Skip("generates clients and builds other modules; skipped with -short")
	}
	models, err := filepath.Abs(filepath.Join("..", "..", "shared", "models"))
	if err != nil {
		t.Fatal(err)
	}
	for _, ex := range generatedClientExamples {
		t.Run(ex.dir, func(t *testing.T) {
			model := filepath.Join(models, ex.model)
			if _, err := os.Stat(model); err != nil {
				t.Skipf("examples/%s generates its client from %s, which is absent", ex.dir, model)
			}
			goIn(t, ex.dir, "generate", "./...")
			goIn(t, ex.dir, "vet", "./...")
			t.Log(goIn(t, ex.dir, "test", "-race", "-count=1", "./..."))
		})
	}
}

// goIn runs the go command in dir and returns its output; it fails the test
// with the output when the command fails.
func goIn(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("cd examples/%s && go %s: %v\n%s", dir, strings.Join(args, " "), err, out)
	}
	return string(out)
}
