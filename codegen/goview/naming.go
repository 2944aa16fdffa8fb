package goview

import (
	"fmt"
	"go/token"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Naming lives here and only here, as smithy-go's SymbolProvider does for
// aws-sdk-go-v2: emitters never derive a Go name themselves.

// exportedName turns a Smithy identifier into an exported Go name the way
// aws-sdk-go-v2 does: the first letter upper-cased, the rest kept.
func exportedName(s string) string {
	// A leading underscore would leave the name unexported.
	if t := strings.TrimLeft(s, "_"); t != "" {
		s = t
	}
	r, size := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	name := string(unicode.ToUpper(r)) + s[size:]
	if !token.IsIdentifier(name) {
		name = sanitizeIdentifier(name)
	}
	return name
}

// sanitizeIdentifier drops characters Go identifiers cannot hold.
func sanitizeIdentifier(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 {
		return "X"
	}
	out := b.String()
	if r, _ := utf8.DecodeRuneInString(out); unicode.IsDigit(r) {
		out = "X" + out
	}
	return out
}

// enumVariantName derives an enum constant's suffix from its value, as
// aws-sdk-go-v2 does: words split on anything not a letter or digit, an
// all-capitals word title-cased ("DEEP_ARCHIVE" → "DeepArchive",
// "public-read" → "PublicRead", "HYPER-V" → "HyperV").
func enumVariantName(value string) string {
	words := strings.FieldsFunc(value, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	var b strings.Builder
	for _, w := range words {
		if strings.ToUpper(w) == w {
			w = strings.ToLower(w)
		}
		r, size := utf8.DecodeRuneInString(w)
		b.WriteRune(unicode.ToUpper(r))
		b.WriteString(w[size:])
	}
	return b.String()
}

// errorMethodNames are the methods generated error types carry; a member
// with one of these names gets a trailing underscore ("error" → Error_).
var errorMethodNames = map[string]bool{
	"Error": true, "ErrorCode": true, "ErrorMessage": true, "ErrorFault": true, "ErrorCodeOverride": true,
}

// outputReservedNames are fields every generated output struct has.
var outputReservedNames = map[string]bool{"ResultMetadata": true}

// CheckPackageName reports why name cannot name a generated client
// package, or nil if it can.
func CheckPackageName(name string) error {
	switch {
	case token.IsKeyword(name):
		return fmt.Errorf("package name %q is a Go keyword", name)
	case !token.IsIdentifier(name):
		return fmt.Errorf("package name %q is not a Go identifier (letters, digits and _, not starting with a digit)", name)
	case name == "_":
		return fmt.Errorf("package name %q is the blank identifier", name)
	case name == "main":
		return fmt.Errorf("package name %q would make a command, which cannot be imported", name)
	}
	return nil
}

// packageName derives a Go package name from an SDK ID: "Storage Gateway" →
// "storagegateway".
func packageName(sdkID string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(sdkID) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' && b.Len() > 0 {
			b.WriteRune(r)
		}
	}
	return b.String()
}
