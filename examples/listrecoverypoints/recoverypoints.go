package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/smithy-go"

	"github.com/gosmith/gosmith/service/storagegateway"
	"github.com/gosmith/gosmith/service/storagegateway/types"
)

// listRecoveryPoints returns every tape recovery point of the gateway, in the
// order the service sent them, following the pagination markers. limit is the
// page size; 0 leaves it to the service.
func listRecoveryPoints(ctx context.Context, client storagegateway.DescribeTapeRecoveryPointsAPIClient, gatewayARN string, limit int32) ([]types.TapeRecoveryPointInfo, error) {
	p := storagegateway.NewDescribeTapeRecoveryPointsPaginator(client,
		&storagegateway.DescribeTapeRecoveryPointsInput{GatewayARN: aws.String(gatewayARN)},
		func(o *storagegateway.DescribeTapeRecoveryPointsPaginatorOptions) { o.Limit = limit })
	var points []types.TapeRecoveryPointInfo
	seen := map[string]bool{}
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil, err
		}
		points = append(points, page.TapeRecoveryPointInfos...)
		// A marker the service already sent would list the same pages
		// again, forever: fail rather than loop or stop short silently.
		if m := aws.ToString(page.Marker); m != "" {
			if seen[m] {
				return nil, fmt.Errorf("the service sent pagination marker %q twice; stopping", m)
			}
			seen[m] = true
		}
	}
	return points, nil
}

// writeTable prints the recovery points as an aligned table followed by a line
// with their count. Missing values print as "-".
func writeTable(w io.Writer, points []types.TapeRecoveryPointInfo) error {
	if len(points) > 0 {
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "TAPE ARN\tSTATUS\tSIZE\tRECOVERY POINT")
		for _, p := range points {
			size, when := "-", "-"
			if p.TapeSizeInBytes != nil {
				size = humanSize(*p.TapeSizeInBytes)
			}
			if p.TapeRecoveryPointTime != nil {
				when = p.TapeRecoveryPointTime.UTC().Format(time.RFC3339)
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", orDash(p.TapeARN), orDash(p.TapeStatus), size, when)
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	noun := "tape recovery points"
	if len(points) == 1 {
		noun = "tape recovery point"
	}
	_, err := fmt.Fprintf(w, "%d %s\n", len(points), noun)
	return err
}

func orDash(s *string) string {
	if s == nil || *s == "" {
		return "-"
	}
	return *s
}

// humanSize formats a byte count with binary units and at most one decimal:
// 512 B, 1.4 GiB, 100 GiB.
func humanSize(n int64) string {
	const unit = 1024
	if n < unit {
		return strconv.FormatInt(n, 10) + " B"
	}
	units := []string{"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"}
	v := float64(n) / unit
	i := 0
	// Move up a unit when the value would print as 1024.0 or more.
	for i < len(units)-1 && math.Round(v*10)/10 >= unit {
		v /= unit
		i++
	}
	s := strings.TrimSuffix(strconv.FormatFloat(v, 'f', 1, 64), ".0")
	return s + " " + units[i]
}

// describeError explains why listing failed: for an error from the service
// its code, message, HTTP status and request ID; for a timeout which flag to
// raise.
func describeError(err error, timeout time.Duration) string {
	var apiErr smithy.APIError
	if errors.As(err, &apiErr) {
		var b strings.Builder
		var opErr *smithy.OperationError
		if errors.As(err, &opErr) {
			b.WriteString(opErr.Operation() + ": ")
		}
		fmt.Fprintf(&b, "%s: %s", apiErr.ErrorCode(), apiErr.ErrorMessage())
		var details []string
		if code := gatewayErrorCode(err); code != "" {
			details = append(details, "gateway error "+code)
		}
		var respErr *awshttp.ResponseError
		if errors.As(err, &respErr) {
			details = append(details, fmt.Sprintf("HTTP %d", respErr.HTTPStatusCode()))
			if id := respErr.ServiceRequestID(); id != "" {
				details = append(details, "request ID "+id)
			}
		}
		if len(details) > 0 {
			fmt.Fprintf(&b, " (%s)", strings.Join(details, ", "))
		}
		return b.String()
	}
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		return fmt.Sprintf("timed out after %v (raise -timeout): %v", timeout, err)
	case errors.Is(err, context.Canceled):
		return fmt.Sprintf("interrupted: %v", err)
	}
	return err.Error()
}

// gatewayErrorCode returns the Storage Gateway error code (such as
// GatewayNotFound) that the service's modeled errors carry, or "".
func gatewayErrorCode(err error) string {
	var detail *types.StorageGatewayError
	var invalid *types.InvalidGatewayRequestException
	var internal *types.InternalServerError
	switch {
	case errors.As(err, &invalid):
		detail = invalid.Error_
	case errors.As(err, &internal):
		detail = internal.Error_
	}
	if detail == nil {
		return ""
	}
	return string(detail.ErrorCode)
}
