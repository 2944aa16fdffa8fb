package main

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/gosmith/gosmith/examples/kinesiscat/internal/kinesis"
	"github.com/gosmith/gosmith/examples/kinesiscat/internal/kinesis/types"
)

// streamID names a stream the way the API calls take it: by name or by ARN,
// the other nil.
type streamID struct {
	name, arn *string
}

func parseStream(s string) streamID {
	if strings.HasPrefix(s, "arn:") {
		return streamID{arn: aws.String(s)}
	}
	return streamID{name: aws.String(s)}
}

// What one PutRecords request may carry.
const (
	maxBatchRecords = 500
	maxBatchBytes   = 5 << 20 // data and partition keys
)

// putAttempts is how many times Put sends a record that the stream refused
// (a shard's throughput exceeded, an internal failure) before it gives up.
const putAttempts = 5

// firstRetryPause is the pause before Put sends refused records again; it
// doubles with each attempt.
var firstRetryPause = 100 * time.Millisecond

// Put sends the records to the stream in as few PutRecords requests as the
// limits allow. PutRecords succeeds or fails record by record: the records of
// a batch that the stream refused are sent again, so they arrive after the
// others of their batch.
func Put(ctx context.Context, client kinesis.API, stream streamID, records []types.PutRecordsRequestEntry) error {
	for len(records) > 0 {
		n := batchLen(records)
		if err := putBatch(ctx, client, stream, records[:n]); err != nil {
			return err
		}
		records = records[n:]
	}
	return nil
}

// batchLen returns how many of the records, from the first, fit in one
// PutRecords request (at least one).
func batchLen(records []types.PutRecordsRequestEntry) int {
	size := 0
	for i, r := range records {
		size += len(r.Data) + len(aws.ToString(r.PartitionKey))
		if i == maxBatchRecords || i > 0 && size > maxBatchBytes {
			return i
		}
	}
	return len(records)
}

func putBatch(ctx context.Context, client kinesis.API, stream streamID, batch []types.PutRecordsRequestEntry) error {
	pause := firstRetryPause
	for attempt := 1; ; attempt++ {
		out, err := client.PutRecords(ctx, &kinesis.PutRecordsInput{
			StreamName: stream.name,
			StreamARN:  stream.arn,
			Records:    batch,
		})
		if err != nil {
			return err
		}
		if aws.ToInt32(out.FailedRecordCount) == 0 {
			return nil
		}
		if len(out.Records) != len(batch) {
			return fmt.Errorf("PutRecords answered %d records for %d", len(out.Records), len(batch))
		}
		// The results are in the order of the records sent; a refused
		// record's has an error code.
		var refused []types.PutRecordsRequestEntry
		var reason string
		for i, r := range out.Records {
			if r.ErrorCode != nil {
				refused = append(refused, batch[i])
				reason = aws.ToString(r.ErrorCode) + ": " + aws.ToString(r.ErrorMessage)
			}
		}
		if attempt == putAttempts {
			return fmt.Errorf("PutRecords refused %d record(s) %d times, the last with %s", len(refused), putAttempts, reason)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(pause):
		}
		pause *= 2
		batch = refused
	}
}

// Read calls fn with every record of the stream, shard by shard, each shard
// from its oldest record to the newest at the time it is read.
func Read(ctx context.Context, client kinesis.API, stream streamID, fn func(types.Record) error) error {
	shards, err := listShards(ctx, client, stream)
	if err != nil {
		return err
	}
	for _, shard := range shards {
		if err := readShard(ctx, client, stream, shard.ShardId, fn); err != nil {
			return err
		}
	}
	return nil
}

// listShards returns the stream's shards, following ListShards' NextToken.
// (ListShards has no paginator: the pages after the first name the stream
// by their token alone.)
func listShards(ctx context.Context, client kinesis.API, stream streamID) ([]types.Shard, error) {
	in := &kinesis.ListShardsInput{StreamName: stream.name, StreamARN: stream.arn}
	var shards []types.Shard
	for {
		out, err := client.ListShards(ctx, in)
		if err != nil {
			return nil, err
		}
		shards = append(shards, out.Shards...)
		if out.NextToken == nil {
			return shards, nil
		}
		// The token stands for the stream too: ListShards refuses a
		// request that names both.
		in = &kinesis.ListShardsInput{NextToken: out.NextToken}
	}
}

func readShard(ctx context.Context, client kinesis.API, stream streamID, shardID *string, fn func(types.Record) error) error {
	it, err := client.GetShardIterator(ctx, &kinesis.GetShardIteratorInput{
		StreamName:        stream.name,
		StreamARN:         stream.arn,
		ShardId:           shardID,
		ShardIteratorType: types.ShardIteratorTypeTrimHorizon,
	})
	if err != nil {
		return err
	}
	// A closed shard ends without a next iterator; an open one when an
	// answer brings no records and is not behind the newest.
	for iterator := it.ShardIterator; iterator != nil; {
		out, err := client.GetRecords(ctx, &kinesis.GetRecordsInput{ShardIterator: iterator, StreamARN: stream.arn})
		if err != nil {
			return err
		}
		for _, r := range out.Records {
			if err := fn(r); err != nil {
				return err
			}
		}
		if len(out.Records) == 0 && aws.ToInt64(out.MillisBehindLatest) == 0 {
			return nil
		}
		iterator = out.NextShardIterator
	}
	return nil
}
