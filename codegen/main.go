// Command codegen generates a Go client package for an awsJson1_0 or
// awsJson1_1 service from its Smithy JSON AST model:
//
//	go run ./codegen -model models/storagegateway.json -out service/storagegateway
//
// The pipeline is codegen/model (load and validate the model) →
// codegen/goview (the Go view: names, types, pointer rules, docs) →
// codegen/emit (one emitter per generated concern).
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"
	"time"

	"github.com/gosmith/gosmith/codegen/emit"
	"github.com/gosmith/gosmith/codegen/goview"
	"github.com/gosmith/gosmith/codegen/model"
)

// Exit codes.
const (
	exitOK    = 0
	exitError = 1 // the model or the generation failed, or -check found differences
	exitUsage = 2
)

func main() {
	// A generation allocates much for a short while (jennifer's trees,
	// gofmt's syntax trees), and collecting each time the heap doubles
	// cost a quarter of its CPU. Unless the user set GOGC, the heap may grow
	// fivefold between collections: the catalogue's 382 JSON models went
	// from 23 to 19 s, SageMaker's peak RSS from ~110 to ~170 MB.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

const usageText = `usage: go run ./codegen -model FILE -out DIR [flags]

Generates a Go client package for an awsJson1_0/awsJson1_1 service from a
Smithy JSON AST model (Smithy 2.0 or 1.0).

Flags:
`

// run is the whole command, minus os.Exit, so tests can drive it.
func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("codegen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var (
		models     = fs.String("model", "", "Smithy JSON AST `file`s to load, comma-separated (required)")
		out        = fs.String("out", "", "`dir`ectory to write the package into (required); types go to DIR/types")
		pkgName    = fs.String("package", "", "Go package `name` (default: the package of the hand-written .go files in -out, else the service's sdkId, lower-cased, without spaces)")
		service    = fs.String("service", "", "service shape `ID` to generate, e.g. com.amazonaws.storagegateway#StorageGateway_20130630 (required when the model has several)")
		ops        = fs.String("ops", "", "comma-separated operation `names` to generate (default: all)")
		importPath = fs.String("import", "", "import `path` of the generated package (default: derived from the go.mod above -out)")
		check      = fs.Bool("check", false, "write nothing; exit 1 and list the files that differ if -out is not what the generator writes now")
		strict     = fs.Bool("strict", false, "fail on anything that would be skipped with a warning (e.g. input event streams)")
		fake       = fs.Bool("fake", true, "write the test fake into DIR/fake; -fake=false leaves it out (and removes one written before)")
		runtimeTo  = fs.String("runtime", "auto", "where the client finds its runtime: `module` (gosmith's internal/protocol; only inside this module), vendor (a copy under DIR/internal/gosmithrt), or auto (vendor when the client is in another module)")
	)
	fs.Usage = func() {
		fmt.Fprint(stderr, usageText)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	if *models == "" || *out == "" || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "codegen: -model and -out are required, and no arguments are taken")
		fs.Usage()
		return exitUsage
	}
	if err := checkFlags(fs, *pkgName, *importPath, *ops, *runtimeTo); err != nil {
		fmt.Fprintf(stderr, "codegen: %v\n", err)
		return exitUsage
	}

	start := time.Now()
	m, err := model.Load(splitList(*models)...)
	if err != nil {
		fmt.Fprintf(stderr, "codegen: %v\n", err)
		return exitError
	}
	path := *importPath
	if path == "" {
		if path, err = importPathOf(*out); err != nil {
			fmt.Fprintf(stderr, "codegen: %v; pass -import\n", err)
			return exitError
		}
		if err := checkImportPath(path); err != nil {
			fmt.Fprintf(stderr, "codegen: import path %q (derived from the go.mod above %s): %v; pass -import\n", path, *out, err)
			return exitError
		}
	}
	name := *pkgName
	if name == "" {
		// Beside hand-written files, join their package.
		if name, err = handWrittenPackage(*out); err != nil {
			fmt.Fprintf(stderr, "codegen: %v\n", err)
			return exitError
		}
	}
	cfg := goview.Config{
		Service:    model.ShapeID(*service),
		Package:    name,
		ImportPath: path,
		Operations: splitList(*ops),
		Strict:     *strict,
		OmitFake:   !*fake,
	}
	switch *runtimeTo {
	case "module":
	case "vendor":
		cfg.VendorRuntime = true
	case "auto":
		cfg.VendorRuntime = !strings.HasPrefix(path+"/", thisModule+"/")
	}
	if cfg.VendorRuntime {
		cfg.RuntimePath = path + "/" + vendoredRuntimeDir
	}
	pkg, err := goview.Build(m, cfg)
	if err != nil {
		var merr *model.Error
		if errors.As(err, &merr) && merr.File != "" {
			fmt.Fprintf(stderr, "codegen: %v\n", err) // names the file already
		} else {
			fmt.Fprintf(stderr, "codegen: %s: %v\n", *models, err)
		}
		return exitError
	}
	for _, w := range pkg.Warnings {
		fmt.Fprintf(stderr, "codegen: warning: %s\n", w)
	}
	files, err := emit.Generate(pkg)
	if err != nil {
		fmt.Fprintf(stderr, "codegen: %v\n", err)
		return exitError
	}

	if *check {
		diffs, err := compareDir(*out, files)
		if err != nil {
			fmt.Fprintf(stderr, "codegen: %v\n", err)
			return exitError
		}
		if len(diffs) > 0 {
			fmt.Fprintf(stderr, "codegen: %s is not what the generator writes from %s:\n", *out, *models)
			for _, d := range diffs {
				fmt.Fprintf(stderr, "  %s\n", d)
			}
			fmt.Fprintf(stderr, "regenerate with: %s\n", regenerateCommand(fs))
			return exitError
		}
		fmt.Fprintf(stdout, "%s is up to date (%d files)\n", *out, len(files))
		return exitOK
	}

	written, removed, err := writeDir(*out, files)
	if err != nil {
		fmt.Fprintf(stderr, "codegen: %v\n", err)
		return exitError
	}
	elapsed := time.Since(start)
	shapes := len(pkg.Structs) + len(pkg.Errors) + len(pkg.Enums) + 2*len(pkg.Operations)
	fmt.Fprintf(stdout, "generated package %s (%s) from %s\n", pkg.Name, pkg.ImportPath, *models)
	fmt.Fprintf(stdout, "  %d operations, %d shapes (%d structures, %d errors, %d enums, %d inputs/outputs), %d files\n",
		len(pkg.Operations), shapes, len(pkg.Structs), len(pkg.Errors), len(pkg.Enums), 2*len(pkg.Operations), len(files))
	for _, f := range files {
		mark := " "
		if written[f.Path] {
			mark = "+"
		}
		fmt.Fprintf(stdout, "  %s %-40s %7d bytes\n", mark, f.Path, len(f.Content))
	}
	for _, r := range removed {
		fmt.Fprintf(stdout, "  - %s (stale, removed)\n", r)
	}
	fmt.Fprintf(stdout, "  (+ changed, - removed) in %s\n", elapsed.Round(time.Millisecond))
	return exitOK
}

// thisModule is gosmith's module path: clients inside it use the runtime in
// place.
const thisModule = "github.com/gosmith/gosmith"

// vendoredRuntimeDir is where a client in another module gets its copy of
// the runtime, relative to the client package.
const vendoredRuntimeDir = "internal/gosmithrt"

func splitList(s string) []string {
	var out []string
	for _, part := range strings.Split(s, ",") {
		if part = strings.TrimSpace(part); part != "" {
			out = append(out, part)
		}
	}
	return out
}
