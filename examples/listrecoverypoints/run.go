package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"net/url"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"

	"github.com/gosmith/gosmith/service/storagegateway"
)

const progName = "listrecoverypoints"

// Exit codes.
const (
	exitOK    = 0
	exitError = 1 // the listing failed: configuration, network or service
	exitUsage = 2 // bad command line
)

// options are the parsed command-line flags.
type options struct {
	gatewayARN  string
	region      string
	profile     string
	endpoint    string
	limit       int32
	timeout     time.Duration
	maxAttempts int
}

// run is the whole program: it parses args, lists the recovery points and
// writes the table to stdout, or an error to stderr. It returns the exit code.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	opts, err := parseArgs(args, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	if err != nil {
		return exitUsage
	}

	ctx, cancel := context.WithTimeout(ctx, opts.timeout)
	defer cancel()
	if err := list(ctx, opts, stdout); err != nil {
		fmt.Fprintf(stderr, "%s: %s\n", progName, describeError(err, opts.timeout))
		return exitError
	}
	return exitOK
}

// parseArgs parses and checks the command line. On a usage error it has
// already told stderr why, followed by the usage text.
func parseArgs(args []string, stderr io.Writer) (*options, error) {
	fs := flag.NewFlagSet(progName, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), `Usage: %s -gateway ARN [flags]

Lists every tape recovery point of a Storage Gateway tape gateway.
Credentials and the region come from the environment, the shared config
files and instance roles, as for any AWS SDK for Go v2 program.

Flags:
`, progName)
		fs.PrintDefaults()
	}

	var opts options
	var limit int
	fs.StringVar(&opts.gatewayARN, "gateway", "", "`ARN` of the tape gateway (required)")
	fs.StringVar(&opts.region, "region", "", "AWS `region`, such as us-east-1; default from AWS_REGION or the profile")
	fs.StringVar(&opts.profile, "profile", "", "use the shared config profile `name`; default from AWS_PROFILE, else \"default\"")
	fs.StringVar(&opts.endpoint, "endpoint", "", "send requests to this http(s) `URL` instead of the regional endpoint (a VPC endpoint or a local stand-in)")
	fs.IntVar(&limit, "limit", 0, "recovery points per page, `N` >= 1; 0 lets the service choose")
	fs.DurationVar(&opts.timeout, "timeout", 30*time.Second, "give up after this `duration`, all pages and retries included")
	fs.IntVar(&opts.maxAttempts, "max-attempts", 0, "`N` attempts per request, retries included; 0 keeps the default (3, or AWS_MAX_ATTEMPTS)")

	if err := fs.Parse(args); err != nil {
		return nil, err // flag has printed the error and the usage
	}
	usageError := func(format string, a ...any) (*options, error) {
		err := fmt.Errorf(format, a...)
		fmt.Fprintf(stderr, "%s: %v\n", progName, err)
		fs.Usage()
		return nil, err
	}
	switch {
	case fs.NArg() > 0:
		return usageError("unexpected argument %q", fs.Arg(0))
	case opts.gatewayARN == "":
		return usageError("-gateway is required")
	case limit < 0 || limit > math.MaxInt32:
		return usageError("-limit %d: want 0 (the service's default) or 1 to %d", limit, math.MaxInt32)
	case opts.timeout <= 0:
		return usageError("-timeout %v: want a positive duration such as 30s", opts.timeout)
	case opts.maxAttempts < 0:
		return usageError("-max-attempts %d: want 1 or more, or 0 for the default", opts.maxAttempts)
	}
	if opts.endpoint != "" {
		if err := checkEndpoint(opts.endpoint); err != nil {
			return usageError("-endpoint %q: %v", opts.endpoint, err)
		}
	}
	opts.limit = int32(limit)
	return &opts, nil
}

// checkEndpoint accepts what the client accepts as BaseEndpoint: an absolute
// http or https URL without user info, query or fragment.
func checkEndpoint(s string) error {
	u, err := url.Parse(s)
	if err != nil {
		return err
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return errors.New("want an absolute http or https URL such as http://127.0.0.1:8080")
	}
	if u.User != nil || u.RawQuery != "" || u.Fragment != "" {
		return errors.New("must not carry user info, a query or a fragment")
	}
	return nil
}

// list loads the AWS configuration, lists the gateway's recovery points and
// writes them to w. Nothing is written unless every page arrived.
func list(ctx context.Context, opts *options, w io.Writer) error {
	client, err := newClient(ctx, opts)
	if err != nil {
		return err
	}
	points, err := listRecoveryPoints(ctx, client, opts.gatewayARN, opts.limit)
	if err != nil {
		return err
	}
	return writeTable(w, points)
}

// newClient builds a Storage Gateway client from the default AWS
// configuration, passing on only the flags that were set.
func newClient(ctx context.Context, opts *options) (*storagegateway.Client, error) {
	var load []func(*config.LoadOptions) error
	if opts.region != "" {
		load = append(load, config.WithRegion(opts.region))
	}
	if opts.profile != "" {
		load = append(load, config.WithSharedConfigProfile(opts.profile))
	}
	cfg, err := config.LoadDefaultConfig(ctx, load...)
	if err != nil {
		return nil, fmt.Errorf("loading the AWS configuration: %w", err)
	}
	if cfg.Region == "" {
		// Requests are signed for a region even when -endpoint picks the host.
		return nil, errors.New("no AWS region: pass -region, set AWS_REGION, or set region in the profile")
	}
	// Fetch the credentials now (they are cached for the requests) so that
	// missing ones get a message of their own.
	if cfg.Credentials == nil {
		return nil, errors.New("no AWS credentials found")
	}
	if _, err := cfg.Credentials.Retrieve(ctx); err != nil {
		return nil, fmt.Errorf("no usable AWS credentials (set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, pick a profile with -profile, or run aws sso login): %w", err)
	}
	return storagegateway.NewFromConfig(cfg, func(o *storagegateway.Options) {
		if opts.endpoint != "" {
			o.BaseEndpoint = aws.String(opts.endpoint)
		}
		if opts.maxAttempts > 0 {
			o.RetryMaxAttempts = opts.maxAttempts
		}
	}), nil
}
