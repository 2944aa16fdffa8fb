// Command listrecoverypoints lists every tape recovery point of an AWS Storage
// Gateway tape gateway with gosmith's generated Storage Gateway client.
//
// Usage:
//
//	listrecoverypoints -gateway ARN [-region REGION] [-profile NAME]
//	    [-endpoint URL] [-limit N] [-timeout DURATION] [-max-attempts N]
//
// Credentials and the region come from the usual places
// (config.LoadDefaultConfig): environment variables, the shared config and
// credentials files, SSO, and instance or container roles. It prints a table of
// the recovery points and their count; on failure it prints the error to
// stderr and exits 1 (2 for a usage error).
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
