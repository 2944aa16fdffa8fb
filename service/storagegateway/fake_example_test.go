package storagegateway_test

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/gosmith/gosmith/service/storagegateway"
	"github.com/gosmith/gosmith/service/storagegateway/fake"
	"github.com/gosmith/gosmith/service/storagegateway/types"
)

// tapeARNs is the code under test: it takes a storagegateway.API, which
// *storagegateway.Client satisfies, and pages through every recovery point.
func tapeARNs(ctx context.Context, api storagegateway.API, gatewayARN string) ([]string, error) {
	var arns []string
	p := storagegateway.NewDescribeTapeRecoveryPointsPaginator(api,
		&storagegateway.DescribeTapeRecoveryPointsInput{GatewayARN: aws.String(gatewayARN)})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil, err
		}
		for _, rp := range page.TapeRecoveryPointInfos {
			arns = append(arns, aws.ToString(rp.TapeARN))
		}
	}
	return arns, nil
}

// In a test, a fake.Client answers in place of the service: here two pages
// of recovery points, then a look at the calls the paginator made.
func ExampleNewDescribeTapeRecoveryPointsPaginator_fake() {
	f := &fake.Client{
		DescribeTapeRecoveryPointsFunc: func(_ context.Context, in *storagegateway.DescribeTapeRecoveryPointsInput, _ ...func(*storagegateway.Options)) (*storagegateway.DescribeTapeRecoveryPointsOutput, error) {
			if in.Marker == nil {
				return &storagegateway.DescribeTapeRecoveryPointsOutput{
					TapeRecoveryPointInfos: []types.TapeRecoveryPointInfo{{TapeARN: aws.String("tape-1")}},
					Marker:                 aws.String("page-2"),
				}, nil
			}
			return &storagegateway.DescribeTapeRecoveryPointsOutput{
				TapeRecoveryPointInfos: []types.TapeRecoveryPointInfo{{TapeARN: aws.String("tape-2")}},
			}, nil
		},
	}

	arns, err := tapeARNs(context.Background(), f, "arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-12A3456B")
	fmt.Println(arns, err)
	for _, c := range f.Calls() {
		in := c.Input.(*storagegateway.DescribeTapeRecoveryPointsInput)
		fmt.Printf("%s Marker=%s\n", c.Operation, aws.ToString(in.Marker))
	}

	// An operation whose func is not set is an error, not a panic.
	_, err = (&fake.Client{}).DescribeTapeRecoveryPoints(context.Background(), nil)
	fmt.Println(err)
	// Output:
	// [tape-1 tape-2] <nil>
	// DescribeTapeRecoveryPoints Marker=
	// DescribeTapeRecoveryPoints Marker=page-2
	// storagegateway fake: DescribeTapeRecoveryPoints called, but DescribeTapeRecoveryPointsFunc is not set
}
