package bench

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strconv"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v2 "github.com/aws/aws-sdk-go-v2/service/storagegateway"
	v2types "github.com/aws/aws-sdk-go-v2/service/storagegateway/types"
	"github.com/aws/smithy-go"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"
	"github.com/google/go-cmp/cmp"

	gs "github.com/gosmith/gosmith/service/storagegateway"
	gstypes "github.com/gosmith/gosmith/service/storagegateway/types"
)

// The tests here check that the benchmarks compare equal work: both clients
// send equivalent requests and decode the canned bodies to equal values.

// output is an implementation-neutral DescribeTapeRecoveryPointsOutput
// (ResultMetadata dropped); the mapping is field by field.
type output struct {
	GatewayARN *string
	Marker     *string
	Points     []point
}

type point struct {
	TapeARN               *string
	TapeRecoveryPointTime *time.Time
	TapeSizeInBytes       *int64
	TapeStatus            *string
}

func fromGosmith(o *gs.DescribeTapeRecoveryPointsOutput) output {
	out := output{GatewayARN: o.GatewayARN, Marker: o.Marker}
	for _, p := range o.TapeRecoveryPointInfos {
		out.Points = append(out.Points, point{p.TapeARN, p.TapeRecoveryPointTime, p.TapeSizeInBytes, p.TapeStatus})
	}
	return out
}

func fromV2(o *v2.DescribeTapeRecoveryPointsOutput) output {
	out := output{GatewayARN: o.GatewayARN, Marker: o.Marker}
	for _, p := range o.TapeRecoveryPointInfos {
		out.Points = append(out.Points, point{p.TapeARN, p.TapeRecoveryPointTime, p.TapeSizeInBytes, p.TapeStatus})
	}
	return out
}

// modeledError is an implementation-neutral InvalidGatewayRequestException.
type modeledError struct {
	Code, Message, ErrorCode string
	Details                  map[string]string
	Fault                    smithy.ErrorFault
}

func TestSameOutputs(t *testing.T) {
	ctx := context.Background()
	for _, n := range []int{0, 1, 100, 1000} {
		t.Run("items="+strconv.Itoa(n), func(t *testing.T) {
			body := recoveryPointsBody(n)
			if !json.Valid(body) {
				t.Fatalf("fixture is not valid JSON: %.200s", body)
			}
			in := &gs.DescribeTapeRecoveryPointsInput{GatewayARN: aws.String(gatewayARN), Limit: aws.Int32(1000), Marker: aws.String(inputMarker)}
			gOut, err := newGosmith(newCannedClient(200, body), 0).DescribeTapeRecoveryPoints(ctx, in)
			if err != nil {
				t.Fatal(err)
			}
			vOut, err := newV2(newCannedClient(200, body), 0).DescribeTapeRecoveryPoints(ctx, &v2.DescribeTapeRecoveryPointsInput{
				GatewayARN: in.GatewayARN, Limit: in.Limit, Marker: in.Marker,
			})
			if err != nil {
				t.Fatal(err)
			}
			g, v := fromGosmith(gOut), fromV2(vOut)
			if len(g.Points) != n {
				t.Fatalf("gosmith decoded %d points, want %d", len(g.Points), n)
			}
			// cmp uses time.Time.Equal; also insist on the same location.
			if diff := cmp.Diff(v, g); diff != "" {
				t.Errorf("outputs differ (-v2 +gosmith):\n%s", diff)
			}
			for i := range g.Points {
				gt, vt := g.Points[i].TapeRecoveryPointTime, v.Points[i].TapeRecoveryPointTime
				if gt.Location().String() != vt.Location().String() || gt.Nanosecond()%1e6 != 0 {
					t.Fatalf("point %d: time %v (gosmith) vs %v (v2)", i, gt, vt)
				}
			}
			// And the JSON view of both, with ResultMetadata dropped.
			gOut.ResultMetadata, vOut.ResultMetadata = middleware.Metadata{}, middleware.Metadata{}
			gj, _ := json.Marshal(gOut)
			vj, _ := json.Marshal(vOut)
			if string(gj) != string(vj) {
				t.Errorf("JSON views differ:\n gosmith %.300s\n v2      %.300s", gj, vj)
			}
		})
	}
}

func TestSameError(t *testing.T) {
	ctx := context.Background()
	in := &gs.DescribeTapeRecoveryPointsInput{GatewayARN: aws.String(gatewayARN)}
	gHC, vHC := newCannedClient(400, errorBody), newCannedClient(400, errorBody)
	var gCalls, vCalls int
	gHC.seen = func(*http.Request, []byte) { gCalls++ }
	vHC.seen = func(*http.Request, []byte) { vCalls++ }
	_, gErr := newGosmith(gHC, 1).DescribeTapeRecoveryPoints(ctx, in)
	_, vErr := newV2(vHC, 1).DescribeTapeRecoveryPoints(ctx, &v2.DescribeTapeRecoveryPointsInput{GatewayARN: in.GatewayARN})

	var ge *gstypes.InvalidGatewayRequestException
	var ve *v2types.InvalidGatewayRequestException
	if !errors.As(gErr, &ge) {
		t.Fatalf("gosmith: %v", gErr)
	}
	if !errors.As(vErr, &ve) {
		t.Fatalf("v2: %v", vErr)
	}
	g := modeledError{ge.ErrorCode(), ge.ErrorMessage(), string(ge.Error_.ErrorCode), ge.Error_.ErrorDetails, ge.ErrorFault()}
	v := modeledError{ve.ErrorCode(), ve.ErrorMessage(), string(ve.Error_.ErrorCode), ve.Error_.ErrorDetails, ve.ErrorFault()}
	if diff := cmp.Diff(v, g); diff != "" {
		t.Errorf("errors differ (-v2 +gosmith):\n%s", diff)
	}
	if gErr.Error() != vErr.Error() {
		t.Errorf("messages differ:\n gosmith %s\n v2      %s", gErr, vErr)
	}
	if gCalls != 1 || vCalls != 1 {
		t.Errorf("attempts: gosmith %d, v2 %d; want 1 each (retries off)", gCalls, vCalls)
	}
}

func TestSameRequest(t *testing.T) {
	ctx := context.Background()
	type sent struct {
		Method, Path, Target, ContentType string
		Body                              map[string]any
	}
	capture := func(dst *sent) *cannedClient {
		hc := newCannedClient(200, recoveryPointsBody(0))
		hc.seen = func(r *http.Request, b []byte) {
			*dst = sent{r.Method, r.URL.Path, r.Header.Get("X-Amz-Target"), r.Header.Get("Content-Type"), nil}
			if err := json.Unmarshal(b, &dst.Body); err != nil {
				t.Errorf("request body %q: %v", b, err)
			}
			if r.Header.Get("Authorization") == "" {
				t.Error("request is not signed")
			}
		}
		return hc
	}
	var g, v sent
	in := &gs.DescribeTapeRecoveryPointsInput{GatewayARN: aws.String(gatewayARN), Limit: aws.Int32(1000), Marker: aws.String(inputMarker)}
	if _, err := newGosmith(capture(&g), 0).DescribeTapeRecoveryPoints(ctx, in); err != nil {
		t.Fatal(err)
	}
	if _, err := newV2(capture(&v), 0).DescribeTapeRecoveryPoints(ctx, &v2.DescribeTapeRecoveryPointsInput{
		GatewayARN: in.GatewayARN, Limit: in.Limit, Marker: in.Marker,
	}); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(v, g); diff != "" {
		t.Errorf("requests differ (-v2 +gosmith):\n%s", diff)
	}
}

// TestStopPoints checks the brackets the isolating benchmarks rely on: the
// serialize bracket stops the call before anything is sent, with no request
// body when it sits before OperationSerializer and with one when it
// surrounds it; the deserialize bracket sees every call. In both clients.
func TestStopPoints(t *testing.T) {
	for _, im := range impls {
		t.Run(im.name, func(t *testing.T) {
			hc := newCannedClient(200, recoveryPointsBody(1))
			sentCount := 0
			hc.seen = func(*http.Request, []byte) { sentCount++ }
			for _, around := range []bool{false, true} {
				var hasBody bool
				observe := func(s *middleware.Stack) error {
					// Runs after stopAt's APIOption: look at the request the
					// stop middleware receives.
					return s.Serialize.Insert(middleware.SerializeMiddlewareFunc("observe",
						func(ctx context.Context, in middleware.SerializeInput, next middleware.SerializeHandler) (middleware.SerializeOutput, middleware.Metadata, error) {
							hasBody = in.Request.(*smithyhttp.Request).GetStream() != nil
							return next.HandleSerialize(ctx, in)
						}), "benchClose", middleware.Before)
				}
				var win time.Duration
				_, err := im.newCall(hc, 0, serializeBracket(&win, around), observe)(context.Background())
				if !errors.Is(err, errStop) {
					t.Fatalf("around=%v: err %v, want errStop", around, err)
				}
				if hasBody != around {
					t.Errorf("around=%v: request has body %v, want %v", around, hasBody, around)
				}
				if win <= 0 {
					t.Errorf("around=%v: bracket measured %v", around, win)
				}
			}
			var win time.Duration
			mustItems(t, im.newCall(hc, 0, deserializeBracket(&win)), 1)
			if win <= 0 {
				t.Errorf("deserialize bracket measured %v", win)
			}
			if sentCount != 1 {
				t.Errorf("%d requests reached the HTTP client, want 1 (the deserialize check)", sentCount)
			}
		})
	}
}
