package customizations

import (
	"bytes"
	"context"
	"errors"
	"hash/crc32"
	"io"
	"net/http"
	"strconv"
	"testing"

	"github.com/aws/smithy-go"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// runChecksum runs DynamoDBChecksum over a response with body and, unless
// empty, the X-Amz-Crc32 header crc; the stand-in deserializer reads the
// body to its end.
func runChecksum(t *testing.T, body []byte, crc string) error {
	t.Helper()
	stack := middleware.NewStack("GetItem", smithyhttp.NewStackRequest)
	err := stack.Deserialize.Add(middleware.DeserializeMiddlewareFunc("OperationDeserializer", func(ctx context.Context, in middleware.DeserializeInput, next middleware.DeserializeHandler) (middleware.DeserializeOutput, middleware.Metadata, error) {
		out, md, err := next.HandleDeserialize(ctx, in)
		if err != nil {
			return out, md, err
		}
		resp := out.RawResponse.(*smithyhttp.Response)
		if _, err := io.ReadAll(resp.Body); err != nil {
			return out, md, err
		}
		return out, md, resp.Body.Close()
	}), middleware.After)
	if err != nil {
		t.Fatal(err)
	}
	if err := DynamoDBChecksum(false)(stack); err != nil {
		t.Fatal(err)
	}
	h := http.Header{}
	if crc != "" {
		h.Set("X-Amz-Crc32", crc)
	}
	handler := middleware.DecorateHandler(middleware.HandlerFunc(func(context.Context, any) (any, middleware.Metadata, error) {
		return &smithyhttp.Response{Response: &http.Response{StatusCode: 200, Header: h, Body: io.NopCloser(bytes.NewReader(body))}}, middleware.Metadata{}, nil
	}), stack)
	_, _, err = handler.Handle(context.Background(), struct{}{})
	return err
}

func TestDynamoDBChecksum(t *testing.T) {
	body := []byte(`{"TableNames":["a"]}`)
	good := strconv.FormatUint(uint64(crc32.ChecksumIEEE(body)), 10)
	if err := runChecksum(t, body, good); err != nil {
		t.Errorf("matching checksum: %v", err)
	}
	if err := runChecksum(t, body, ""); err != nil {
		t.Errorf("no checksum header: %v", err)
	}

	err := runChecksum(t, body, "12345")
	var de *smithy.DeserializationError
	var retryable interface{ RetryableError() bool }
	if !errors.As(err, &de) || !errors.As(err, &retryable) || !retryable.RetryableError() {
		t.Errorf("damaged body: %v, want a retryable *smithy.DeserializationError", err)
	}
}

// A header that is not a number fails the call as aws-sdk-go-v2's does:
// its words, and the *strconv.NumError under them.
func TestDynamoDBChecksumMalformedHeader(t *testing.T) {
	err := runChecksum(t, []byte(`{}`), "0x1f")
	want := `deserialization failed, unable to parse checksum header 0x1f, strconv.ParseUint: parsing "0x1f": invalid syntax`
	var ne *strconv.NumError
	if err == nil || err.Error() != want || !errors.As(err, &ne) {
		t.Errorf("got %v, want %s wrapping a *strconv.NumError", err, want)
	}
}
