package main

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"

	"github.com/gosmith/gosmith/examples/kinesiscat/internal/kinesis"
	"github.com/gosmith/gosmith/examples/kinesiscat/internal/kinesis/types"
)

const (
	testKeyID  = "AKIDSTANDIN"
	testRegion = "eu-west-1"
)

// testClient is a client configured as a program would configure one for a
// local stand-in: static credentials, a region, and BaseEndpoint.
func testClient(endpoint string) *kinesis.Client {
	cfg := aws.Config{
		Region:      testRegion,
		Credentials: credentials.NewStaticCredentialsProvider(testKeyID, "secret", ""),
	}
	return kinesis.NewFromConfig(cfg, func(o *kinesis.Options) {
		o.BaseEndpoint = aws.String(endpoint)
	})
}

// events returns n records "event 0001", ... with their numbers as partition
// keys.
func events(n int) []types.PutRecordsRequestEntry {
	var out []types.PutRecordsRequestEntry
	for i := 1; i <= n; i++ {
		out = append(out, types.PutRecordsRequestEntry{
			Data:         fmt.Appendf(nil, "event %04d", i),
			PartitionKey: aws.String(strconv.Itoa(i)),
		})
	}
	return out
}

// readAll returns every record Read finds.
func readAll(t *testing.T, client kinesis.API, stream streamID) []types.Record {
	t.Helper()
	var got []types.Record
	err := Read(context.Background(), client, stream, func(r types.Record) error {
		got = append(got, r)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func TestPutThenReadBack(t *testing.T) {
	for _, byARN := range []bool{false, true} {
		t.Run(map[bool]string{false: "by name", true: "by ARN"}[byARN], func(t *testing.T) {
			s := newStandIn(t, "clicks", 3)
			client := testClient(s.start())
			stream := parseStream(s.name)
			if byARN {
				stream = parseStream(s.arn)
			}
			sent := events(1234)
			if err := Put(context.Background(), client, stream, sent); err != nil {
				t.Fatal(err)
			}
			var batches []int
			for _, c := range s.requests("PutRecords") {
				batches = append(batches, len(c.Body["Records"].([]any)))
				if byARN && c.Body["StreamARN"] != s.arn || !byARN && c.Body["StreamName"] != s.name {
					t.Errorf("PutRecords names the stream as %v / %v", c.Body["StreamName"], c.Body["StreamARN"])
				}
			}
			if want := []int{500, 500, 234}; !reflect.DeepEqual(batches, want) {
				t.Errorf("PutRecords batches of %v records, want %v", batches, want)
			}

			got := readAll(t, client, stream)

			// Every record is read back once, shard by shard, each shard in
			// the order put, with its partition key.
			held := s.held()
			var want []string
			for i, data := range held {
				if len(data) == 0 {
					t.Errorf("shard %d holds no records: the test does not read across shards", i)
				}
				if !slices.IsSorted(data) {
					t.Errorf("shard %d holds its records out of the order put", i)
				}
				want = append(want, data...)
			}
			var read []string
			for _, r := range got {
				read = append(read, string(r.Data))
				if n, _ := strconv.Atoi(strings.TrimPrefix(string(r.Data), "event ")); aws.ToString(r.PartitionKey) != strconv.Itoa(n) {
					t.Errorf("%q has partition key %q", r.Data, aws.ToString(r.PartitionKey))
				}
			}
			if !reflect.DeepEqual(read, want) {
				t.Errorf("read %d records, want the %d put, shard by shard", len(read), len(want))
			}
			var all []string
			for _, e := range sent {
				all = append(all, string(e.Data))
			}
			if slices.Sort(read); !reflect.DeepEqual(read, all) {
				t.Errorf("the records read are not those put")
			}

			// ListShards pages: the second request names the stream by its
			// token alone. Each shard is read to an empty answer.
			lists := s.requests("ListShards")
			if len(lists) != 2 || lists[1].Body["StreamName"] != nil || lists[1].Body["StreamARN"] != nil || lists[1].Body["NextToken"] == nil {
				t.Errorf("ListShards requests %v, want two, the second with NextToken alone", lists)
			}
			if n := len(s.requests("GetShardIterator")); n != 3 {
				t.Errorf("%d GetShardIterator requests, want 3", n)
			}
			wantGets := 0
			for _, data := range held {
				wantGets += (len(data)+s.getPage-1)/s.getPage + 1
			}
			if n := len(s.requests("GetRecords")); n != wantGets {
				t.Errorf("%d GetRecords requests, want %d (pages of %d, then one empty answer per shard)", n, wantGets, s.getPage)
			}
		})
	}
}

func TestPutSendsRefusedRecordsAgain(t *testing.T) {
	firstRetryPause = time.Millisecond
	t.Cleanup(func() { firstRetryPause = 100 * time.Millisecond })
	s := newStandIn(t, "clicks", 2)
	// The first attempt of every third record is refused.
	s.refuse = func(data string, attempt int) bool {
		n, _ := strconv.Atoi(strings.TrimPrefix(data, "event "))
		return attempt == 1 && n%3 == 0
	}
	client := testClient(s.start())
	stream := parseStream(s.name)
	if err := Put(context.Background(), client, stream, events(20)); err != nil {
		t.Fatal(err)
	}
	var sizes []int
	for _, c := range s.requests("PutRecords") {
		sizes = append(sizes, len(c.Body["Records"].([]any)))
	}
	if want := []int{20, 6}; !reflect.DeepEqual(sizes, want) {
		t.Errorf("PutRecords requests of %v records, want %v: the batch, then the six refused", sizes, want)
	}
	var read []string
	for _, r := range readAll(t, client, stream) {
		read = append(read, string(r.Data))
	}
	slices.Sort(read)
	var want []string
	for _, e := range events(20) {
		want = append(want, string(e.Data))
	}
	if !reflect.DeepEqual(read, want) {
		t.Errorf("read back\n  %q\nwant\n  %q", read, want)
	}
}

func TestPutGivesUp(t *testing.T) {
	firstRetryPause = time.Millisecond
	t.Cleanup(func() { firstRetryPause = 100 * time.Millisecond })
	s := newStandIn(t, "clicks", 2)
	s.refuse = func(data string, _ int) bool { return data == "event 0002" }
	client := testClient(s.start())
	err := Put(context.Background(), client, parseStream(s.name), events(3))
	want := "PutRecords refused 1 record(s) 5 times, the last with ProvisionedThroughputExceededException: Rate exceeded for shard shardId-"
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("error %v, want one beginning %q", err, want)
	}
	if n := len(s.requests("PutRecords")); n != putAttempts {
		t.Errorf("%d PutRecords requests, want %d", n, putAttempts)
	}
}

func TestUnknownStream(t *testing.T) {
	s := newStandIn(t, "clicks", 1)
	client := testClient(s.start())
	for _, name := range []string{"views", "arn:aws:kinesis:" + testRegion + ":" + account + ":stream/views"} {
		var notFound *types.ResourceNotFoundException
		err := Read(context.Background(), client, parseStream(name), func(types.Record) error { return nil })
		if !errors.As(err, &notFound) {
			t.Errorf("Read %s: %v (%T), want a *types.ResourceNotFoundException", name, err, err)
		}
		err = Put(context.Background(), client, parseStream(name), events(1))
		if !errors.As(err, &notFound) {
			t.Errorf("Put %s: %v (%T), want a *types.ResourceNotFoundException", name, err, err)
		}
	}
}

// Without BaseEndpoint, the endpoint rules send the requests that name a
// stream by ARN to the account's data or control endpoint; a ListShards page
// after the first names no stream and goes to the regional one. (With
// BaseEndpoint, as in the other tests, everything goes to the stand-in.)
func TestStreamARNPicksTheAccountEndpoint(t *testing.T) {
	s := newStandIn(t, "clicks", 3)
	standIn, err := url.Parse(s.start())
	if err != nil {
		t.Fatal(err)
	}
	rec := &hostRecorder{standIn: standIn}
	client := kinesis.NewFromConfig(aws.Config{
		Region:      testRegion,
		Credentials: credentials.NewStaticCredentialsProvider(testKeyID, "secret", ""),
		HTTPClient:  rec,
	})
	stream := parseStream(s.arn)
	if err := Put(context.Background(), client, stream, events(10)); err != nil {
		t.Fatal(err)
	}
	if got := readAll(t, client, stream); len(got) != 10 {
		t.Errorf("read %d records, want 10", len(got))
	}

	calls := s.requests("")
	if len(calls) != len(rec.hosts) {
		t.Fatalf("%d requests sent, %d answered", len(rec.hosts), len(calls))
	}
	for i, c := range calls {
		want := account + ".data-kinesis." + testRegion + ".amazonaws.com"
		if c.Operation == "ListShards" {
			want = account + ".control-kinesis." + testRegion + ".amazonaws.com"
			if c.Body["StreamARN"] == nil {
				want = "kinesis." + testRegion + ".amazonaws.com"
			}
		}
		if rec.hosts[i] != want {
			t.Errorf("%s (request %d) went to %s, want %s", c.Operation, i+1, rec.hosts[i], want)
		}
	}
}

func TestBatchLen(t *testing.T) {
	mib := make([]byte, 1<<20)
	records := func(n int, data []byte) []types.PutRecordsRequestEntry {
		var out []types.PutRecordsRequestEntry
		for range n {
			out = append(out, types.PutRecordsRequestEntry{Data: data, PartitionKey: aws.String("k")})
		}
		return out
	}
	for _, tt := range []struct {
		name    string
		records []types.PutRecordsRequestEntry
		want    int
	}{
		{"none", nil, 0},
		{"a few", records(3, []byte("x")), 3},
		{"500 at most", records(1200, []byte("x")), 500},
		{"5 MiB at most, keys counted", records(6, mib), 4},
		{"exactly 5 MiB", records(5, mib[:len(mib)-1]), 5},
	} {
		if got := batchLen(tt.records); got != tt.want {
			t.Errorf("%s: batchLen = %d, want %d", tt.name, got, tt.want)
		}
	}
}
