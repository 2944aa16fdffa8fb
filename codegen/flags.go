package main

import (
	"errors"
	"flag"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/gosmith/gosmith/codegen/goview"
)

// checkFlags rejects flag values that cannot work, before the model is
// loaded, so a typo costs a usage message rather than a generation error.
func checkFlags(fs *flag.FlagSet, pkgName, importPath, ops, runtimeTo string) error {
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	if pkgName != "" {
		if err := goview.CheckPackageName(pkgName); err != nil {
			return fmt.Errorf("-package: %v", err)
		}
	}
	if importPath != "" {
		if err := checkImportPath(importPath); err != nil {
			return fmt.Errorf("-import %q: %v", importPath, err)
		}
	}
	if given["ops"] && len(splitList(ops)) == 0 {
		return fmt.Errorf("-ops %q names no operation; leave -ops out to generate them all", ops)
	}
	switch runtimeTo {
	case "module", "vendor", "auto":
	default:
		return fmt.Errorf("-runtime %q: want module, vendor or auto", runtimeTo)
	}
	return nil
}

// checkImportPath reports why p is not an import path the go command
// accepts (its rules for import paths, as golang.org/x/mod/module's
// CheckImportPath applies them, less the Windows reserved names).
func checkImportPath(p string) error {
	switch {
	case !utf8.ValidString(p):
		return errors.New("not valid UTF-8")
	case strings.HasPrefix(p, "/"):
		return errors.New("leading slash")
	case strings.HasSuffix(p, "/"):
		return errors.New("trailing slash")
	}
	for _, elem := range strings.Split(p, "/") {
		switch {
		case elem == "":
			return errors.New("empty path element (double slash)")
		case strings.Trim(elem, ".") == "":
			return fmt.Errorf("invalid path element %q", elem)
		case strings.HasSuffix(elem, "."):
			return fmt.Errorf("path element %q ends with a dot", elem)
		}
		for _, r := range elem {
			if !importPathRune(r) {
				return fmt.Errorf("invalid character %q in path element %q (allowed: ASCII letters, digits and -._~+)", r, elem)
			}
		}
	}
	return nil
}

func importPathRune(r rune) bool {
	return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || strings.ContainsRune("-._~+", r)
}

// regenerateCommand is the command line that rewrites what -check compared:
// the flags given, without -check, after a go run of this command.
func regenerateCommand(fs *flag.FlagSet) string {
	args := []string{"go", "run", thisModule + "/codegen"}
	fs.Visit(func(f *flag.Flag) {
		if f.Name == "check" {
			return
		}
		if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
			if f.Value.String() == "true" {
				args = append(args, "-"+f.Name)
			} else {
				args = append(args, "-"+f.Name+"="+f.Value.String())
			}
			return
		}
		args = append(args, "-"+f.Name, shellQuote(f.Value.String()))
	})
	return strings.Join(args, " ")
}

// shellQuote quotes s for a POSIX shell when it needs it.
func shellQuote(s string) string {
	safe := s != ""
	for _, r := range s {
		if !(importPathRune(r) || strings.ContainsRune("/,:=@#%", r)) {
			safe = false
		}
	}
	if safe {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
