package apisurface

import (
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// The services compared, each with the aws-sdk-go-v2 release built from the
// same model snapshot as ../shared/models (see its SOURCES.md).
var services = []struct {
	pkg, model, v2Version string
}{
	{"storagegateway", "storage-gateway.json", "v1.43.18"},
	{"dynamodb", "dynamodb.json", "v1.42.1"},
	{"kinesis", "kinesis.json", "v1.33.2"},
}

// TestExportedNames generates each service from the reference models and
// compares the exported names of its package and of its types package with
// aws-sdk-go-v2's, read from the module cache. Every difference must be
// listed in differences (difference_test.go) with its reason, and every
// listed difference must still occur.
func TestExportedNames(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	models := filepath.Join(root, "..", "shared", "models")
	if _, err := os.Stat(models); err != nil {
		t.Skipf("reference models not found: %v", err)
	}
	modcache := goEnv(t, "GOMODCACHE")
	out := t.TempDir()
	if err := os.WriteFile(filepath.Join(out, "go.mod"), []byte("module example.com/surface\n\ngo 1.26.8\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	codegen := filepath.Join(out, "codegen")
	run(t, root, "go", "build", "-o", codegen, "./codegen")

	listed := map[string]bool{}
	for _, svc := range services {
		t.Run(svc.pkg, func(t *testing.T) {
			v2Dir := filepath.Join(modcache, "github.com", "aws", "aws-sdk-go-v2", "service", svc.pkg+"@"+svc.v2Version)
			if _, err := os.Stat(v2Dir); err != nil {
				t.Skipf("aws-sdk-go-v2 service/%s@%s is not in the module cache (go mod download it): %v", svc.pkg, svc.v2Version, err)
			}
			run(t, root, codegen, "-model", filepath.Join(models, svc.model), "-out", filepath.Join(out, svc.pkg))
			for _, sub := range []string{"", "/types"} {
				gs := Package{Dir: filepath.Join(out, svc.pkg+sub), ImportPath: "example.com/surface/" + svc.pkg + sub}
				v2 := Package{Dir: v2Dir + filepath.FromSlash(sub), ImportPath: "github.com/aws/aws-sdk-go-v2/service/" + svc.pkg + sub}
				gsNames, err := gs.Names()
				if err != nil {
					t.Fatal(err)
				}
				v2Names, err := v2.Names()
				if err != nil {
					t.Fatal(err)
				}
				onlyV2, onlyGS := minus(v2Names, gsNames), minus(gsNames, v2Names)
				explained := 0
				for _, side := range []struct {
					label string
					names []string
				}{{"only v2", onlyV2}, {"only gosmith", onlyGS}} {
					for _, n := range side.names {
						key := svc.pkg + sub + ": " + side.label + ": " + n
						if _, ok := differences[key]; ok {
							listed[key] = true
							explained++
							continue
						}
						if testKit(key) {
							explained++
							continue
						}
						t.Errorf("unexplained difference %q", key)
					}
				}
				t.Logf("%s%s: aws-sdk-go-v2 %d names, gosmith %d; %d only in v2, %d only in gosmith, %d of them explained",
					svc.pkg, sub, len(v2Names), len(gsNames), len(onlyV2), len(onlyGS), explained)
			}
		})
	}
	if t.Failed() {
		return
	}
	var stale []string
	for key := range differences {
		if !listed[key] {
			stale = append(stale, key)
		}
	}
	sort.Strings(stale)
	for _, key := range stale {
		t.Errorf("listed difference no longer occurs: %q", key)
	}
}

// minus is a without b; both sorted.
func minus(a, b []string) []string {
	in := map[string]bool{}
	for _, s := range b {
		in[s] = true
	}
	var out []string
	for _, s := range a {
		if !in[s] {
			out = append(out, s)
		}
	}
	return out
}

func goEnv(t *testing.T, name string) string {
	out, err := exec.Command("go", "env", name).Output()
	if err != nil {
		t.Fatalf("go env %s: %v", name, err)
	}
	return strings.TrimSpace(string(out))
}

func run(t *testing.T, dir, name string, args ...string) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
}
