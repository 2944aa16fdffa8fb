package apishape

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func write(t *testing.T, dir, name, src string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestReadAndCompare(t *testing.T) {
	left, right := t.TempDir(), t.TempDir()
	write(t, left, "a.go", "package p\ntype Client struct{ options int }\nfunc (c *Client) Op() {}\ntype In struct{ A *string; B int32 }\n")
	write(t, left, "types/t.go", "package types\ntype E string\nconst EA E = \"a\"\n")
	write(t, left, "a_test.go", "package p\ntype Ignored struct{ X int }\n")
	write(t, right, "a.go", "package p\ntype Client struct{}\nfunc (c *Client) Op() {}\ntype In struct{ A *string; B *int32; C bool }\n")
	write(t, right, "types/t.go", "package types\ntype E string\n")
	l, err := Read(left, "types")
	if err != nil {
		t.Fatal(err)
	}
	r, err := Read(right, "types")
	if err != nil {
		t.Fatal(err)
	}
	want := []Difference{
		{Key: "In.B", Left: "int32", Right: "*int32"},
		{Key: "In.C", Right: "bool"},
		{Key: "const.types.EA", Left: "const"},
	}
	if diff := cmp.Diff(want, Compare(l, r)); diff != "" {
		t.Errorf("Compare (-want +got):\n%s", diff)
	}
}
