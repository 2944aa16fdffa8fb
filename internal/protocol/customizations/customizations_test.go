package customizations

import (
	"bytes"
	"context"
	"crypto/md5"
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// referenceTreeHash is the tree hash as the Glacier documentation defines
// it, built level by level from every chunk's hash.
func referenceTreeHash(data []byte) []byte {
	var level [][]byte
	for i := 0; i < len(data) || i == 0; i += treeHashChunk {
		sum := sha256.Sum256(data[i:min(i+treeHashChunk, len(data))])
		level = append(level, sum[:])
	}
	for len(level) > 1 {
		var next [][]byte
		for i := 0; i < len(level); i += 2 {
			if i+1 == len(level) {
				next = append(next, level[i])
				continue
			}
			next = append(next, pairHash(level[i], level[i+1]))
		}
		level = next
	}
	return level[0]
}

func TestTreeHash(t *testing.T) {
	hello, _, _ := TreeHash(bytes.NewReader([]byte("hello world")))
	if got := hex.EncodeToString(hello); got != "b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9" {
		t.Errorf("linear hash of hello world = %s", got)
	}
	for _, size := range []int{0, 1, treeHashChunk - 1, treeHashChunk, treeHashChunk + 1, 3 * treeHashChunk, 5*treeHashChunk + 7, 8 * treeHashChunk} {
		data := make([]byte, size)
		for i := range data {
			data[i] = byte(i*7 + i/251)
		}
		linear, tree, err := TreeHash(iotest.HalfReader(bytes.NewReader(data)))
		if err != nil {
			t.Fatal(err)
		}
		want := sha256.Sum256(data)
		if !bytes.Equal(linear, want[:]) {
			t.Errorf("size %d: linear hash differs", size)
		}
		if ref := referenceTreeHash(data); !bytes.Equal(tree, ref) {
			t.Errorf("size %d: tree hash %x, want %x", size, tree, ref)
		}
	}
}

func TestDefaultAccountIDCopiesTheInput(t *testing.T) {
	type input struct {
		AccountId *string
		VaultName *string
	}
	empty, mine := "", "123"
	for _, tc := range []struct {
		in   *input
		want string
	}{
		{&input{}, "-"},
		{&input{AccountId: &empty}, "-"},
		{&input{AccountId: &mine}, "123"},
	} {
		before := *tc.in
		got := withDefaultAccountID(tc.in).(*input)
		if *got.AccountId != tc.want {
			t.Errorf("AccountId = %q, want %q", *got.AccountId, tc.want)
		}
		if *tc.in != before {
			t.Errorf("the caller's input was changed")
		}
	}
	if got := withDefaultAccountID(42); got != 42 {
		t.Errorf("a non-struct input was changed: %v", got)
	}
}

// The SQS checks read the generated types by their v2 field names; these
// stand-ins have the same shape.
type (
	sendMessageInput  struct{ MessageBody *string }
	sendMessageOutput struct{ MD5OfMessageBody, MessageId *string }
	batchEntry        struct{ Id, MessageBody *string }
	batchInput        struct{ Entries []batchEntry }
	batchResult       struct{ Id, MD5OfMessageBody, MessageId *string }
	batchOutput       struct{ Successful []batchResult }
	message           struct{ Body, MD5OfBody, MessageId *string }
	receiveOutput     struct{ Messages []message }
)

func ptr(s string) *string { return &s }

func md5hex(s string) string {
	sum := md5.Sum([]byte(s))
	return hex.EncodeToString(sum[:])
}

// runInitialize runs one Initialize middleware around a handler that
// returns out.
func runInitialize(t *testing.T, op string, add func(*middleware.Stack) error, in, out any) error {
	t.Helper()
	stack := middleware.NewStack(op, smithyhttp.NewStackRequest)
	if err := add(stack); err != nil {
		t.Fatal(err)
	}
	// What the transport returns stands for the decoded output.
	err := stack.Deserialize.Add(middleware.DeserializeMiddlewareFunc("Output", func(ctx context.Context, in middleware.DeserializeInput, next middleware.DeserializeHandler) (middleware.DeserializeOutput, middleware.Metadata, error) {
		o, m, err := next.HandleDeserialize(ctx, in)
		o.Result = o.RawResponse
		return o, m, err
	}), middleware.After)
	if err != nil {
		t.Fatal(err)
	}
	h := middleware.DecorateHandler(middleware.HandlerFunc(func(context.Context, any) (any, middleware.Metadata, error) {
		return out, middleware.Metadata{}, nil
	}), stack)
	_, _, err = h.Handle(context.Background(), in)
	return err
}

func TestSQSMessageChecksums(t *testing.T) {
	check := SQSMessageChecksums(false)
	if err := runInitialize(t, "SendMessage", check, &sendMessageInput{MessageBody: ptr("hi")},
		&sendMessageOutput{MD5OfMessageBody: ptr(md5hex("hi"))}); err != nil {
		t.Errorf("matching digest: %v", err)
	}
	err := runInitialize(t, "SendMessage", check, &sendMessageInput{MessageBody: ptr("hi")},
		&sendMessageOutput{MD5OfMessageBody: ptr(md5hex("ho")), MessageId: ptr("m-1")})
	if err == nil || !strings.Contains(err.Error(), "m-1") {
		t.Errorf("damaged message: %v, want an error naming m-1", err)
	}
	err = runInitialize(t, "SendMessageBatch", check,
		&batchInput{Entries: []batchEntry{{Id: ptr("a"), MessageBody: ptr("one")}, {Id: ptr("b"), MessageBody: ptr("two")}}},
		&batchOutput{Successful: []batchResult{{Id: ptr("a"), MD5OfMessageBody: ptr(md5hex("one"))}, {Id: ptr("b"), MD5OfMessageBody: ptr(md5hex("2")), MessageId: ptr("m-b")}}})
	if err == nil || !strings.Contains(err.Error(), "m-b") {
		t.Errorf("batch with one damaged message: %v", err)
	}
	err = runInitialize(t, "ReceiveMessage", check, &struct{}{},
		&receiveOutput{Messages: []message{{Body: ptr("x"), MD5OfBody: ptr(md5hex("x"))}, {Body: ptr("y"), MD5OfBody: ptr(md5hex("z")), MessageId: ptr("m-y")}}})
	if err == nil || !strings.Contains(err.Error(), "m-y") {
		t.Errorf("received damaged message: %v", err)
	}
	if err := runInitialize(t, "ReceiveMessage", SQSMessageChecksums(true), &struct{}{},
		&receiveOutput{Messages: []message{{Body: ptr("y"), MD5OfBody: ptr("bad")}}}); err != nil {
		t.Errorf("checks disabled: %v", err)
	}
	if err := runInitialize(t, "GetQueueUrl", check, &struct{}{}, &receiveOutput{Messages: []message{{Body: ptr("y"), MD5OfBody: ptr("bad")}}}); err != nil {
		t.Errorf("another operation was checked: %v", err)
	}
}
