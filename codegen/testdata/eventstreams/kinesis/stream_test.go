package kinesis

// Kinesis SubscribeToShard, generated from the real model (awsJson1_1):
// the initial-response message, every member of its events, and a modeled
// exception, from a local HTTP/2 server sending real frames.

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/google/go-cmp/cmp"

	"github.com/gosmith/gosmith/internal/eventstreamtest"

	"$PKG/types" // the generated package's types
)

const consumerARN = "arn:aws:kinesis:us-east-1:111122223333:stream/orders/consumer/c1:1"

func subscribe(t *testing.T, handler http.HandlerFunc) (*SubscribeToShardOutput, error) {
	t.Helper()
	srv := eventstreamtest.NewServer(t, handler)
	c := New(Options{Region: "us-east-1", BaseEndpoint: aws.String(srv.URL), HTTPClient: srv.Client(), RetryMaxAttempts: 1})
	return c.SubscribeToShard(context.Background(), &SubscribeToShardInput{
		ConsumerARN:      aws.String(consumerARN),
		ShardId:          aws.String("shardId-000000000000"),
		StartingPosition: &types.StartingPosition{Type: types.ShardIteratorTypeLatest},
	})
}

func TestSubscribeToShardDecodesTheInitialResponseAndEveryMember(t *testing.T) {
	out, err := subscribe(t, func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		var in map[string]any
		if r.Header.Get("X-Amz-Target") != "Kinesis_20131202.SubscribeToShard" || json.Unmarshal(body, &in) != nil || in["ConsumerARN"] != consumerARN {
			http.Error(w, "unexpected request "+string(body), http.StatusBadRequest)
			return
		}
		eventstreamtest.NewWriter(w).Send(
			eventstreamtest.Event("initial-response", `{}`),
			eventstreamtest.Event("SubscribeToShardEvent", `{"Records":[
				{"SequenceNumber":"4959","ApproximateArrivalTimestamp":1.700000000123E9,"Data":"aGVsbG8=","PartitionKey":"pk-1","EncryptionType":"KMS"},
				{"SequenceNumber":"4960","ApproximateArrivalTimestamp":1700000001,"Data":"","PartitionKey":"pk-2"}],
				"ContinuationSequenceNumber":"4960","MillisBehindLatest":0}`),
			eventstreamtest.Event("SubscribeToShardEvent", `{"Records":[],"ContinuationSequenceNumber":"4961","MillisBehindLatest":1500,
				"ChildShards":[{"ShardId":"shardId-000000000001","ParentShards":["shardId-000000000000"],"HashKeyRange":{"StartingHashKey":"0","EndingHashKey":"170141183460469231731687303715884105727"}}]}`),
			eventstreamtest.Exception("ResourceInUseException", `{"message":"another consumer holds the shard"}`),
		)
	})
	if err != nil {
		t.Fatal(err)
	}
	s := out.GetStream()
	defer s.Close()
	var got []types.SubscribeToShardEventStream
	for e := range s.Events() {
		got = append(got, e)
	}
	want := []types.SubscribeToShardEventStream{
		&types.SubscribeToShardEventStreamMemberSubscribeToShardEvent{Value: types.SubscribeToShardEvent{
			Records: []types.Record{
				{SequenceNumber: aws.String("4959"), ApproximateArrivalTimestamp: aws.Time(time.UnixMilli(1700000000123).UTC()), Data: []byte("hello"), PartitionKey: aws.String("pk-1"), EncryptionType: types.EncryptionTypeKms},
				{SequenceNumber: aws.String("4960"), ApproximateArrivalTimestamp: aws.Time(time.Unix(1700000001, 0).UTC()), Data: []byte{}, PartitionKey: aws.String("pk-2")},
			},
			ContinuationSequenceNumber: aws.String("4960"), MillisBehindLatest: aws.Int64(0),
		}},
		&types.SubscribeToShardEventStreamMemberSubscribeToShardEvent{Value: types.SubscribeToShardEvent{
			Records: []types.Record{}, ContinuationSequenceNumber: aws.String("4961"), MillisBehindLatest: aws.Int64(1500),
			ChildShards: []types.ChildShard{{ShardId: aws.String("shardId-000000000001"), ParentShards: []string{"shardId-000000000000"},
				HashKeyRange: &types.HashKeyRange{StartingHashKey: aws.String("0"), EndingHashKey: aws.String("170141183460469231731687303715884105727")}}},
		}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("events (-want +got):\n%s", diff)
	}
	var inUse *types.ResourceInUseException
	if err := s.Err(); !errors.As(err, &inUse) || aws.ToString(inUse.Message) != "another consumer holds the shard" {
		t.Errorf("Err = %v, want *types.ResourceInUseException", err)
	}
}

// The service's own error before the stream starts is the call's error.
func TestSubscribeToShardErrorsBeforeTheStreamFailTheCall(t *testing.T) {
	_, err := subscribe(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/x-amz-json-1.1")
		w.WriteHeader(http.StatusBadRequest)
		io.WriteString(w, `{"__type":"ResourceNotFoundException","message":"no such consumer"}`)
	})
	var notFound *types.ResourceNotFoundException
	if !errors.As(err, &notFound) {
		t.Errorf("err = %v, want *types.ResourceNotFoundException", err)
	}
	// A stream whose first frame is corrupt fails the call too: the initial
	// response never arrives.
	_, err = subscribe(t, func(w http.ResponseWriter, r *http.Request) {
		frame := eventstreamtest.Frames(t, eventstreamtest.Event("initial-response", `{}`))
		frame[len(frame)-1] ^= 1
		eventstreamtest.NewWriter(w).Raw(frame)
	})
	if err == nil {
		t.Error("a corrupt initial response: no error")
	}
}
