//go:build gosmith_gen

// Package ddb benchmarks a DynamoDB Query through gosmith's client, generated
// from the reference model into bench/gen/dynamodb (git-ignored), against
// aws-sdk-go-v2's service/dynamodb v1.74.0 (pinned in bench/go.mod; its
// serializers and deserializers are the schema-based ones).
//
// The generated package only exists after
//
//	go run ./codegen -model ../shared/models/dynamodb.json -out bench/gen/dynamodb \
//		-import github.com/gosmith/gosmith/bench/gen/dynamodb
//
// (run from the repository root; bench/run.sh does it when the model is
// there). Every file here carries the gosmith_gen build tag, so without the
// tag the package has no buildable files and `go vet ./...`, `go build ./...`
// and `go test ./...` in bench/ skip it whether or not the generated code
// exists. bench/run.sh passes -tags gosmith_gen once it has generated it.
package ddb

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	v2 "github.com/aws/aws-sdk-go-v2/service/dynamodb"
	v2types "github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/google/go-cmp/cmp"

	"github.com/gosmith/gosmith/bench/canned"
	gs "github.com/gosmith/gosmith/bench/gen/dynamodb"
	gstypes "github.com/gosmith/gosmith/bench/gen/dynamodb/types"
)

const (
	region    = "us-east-1"
	tableName = "bench-orders"
	requestID = "9QK4N0TF5BV7H3M2C8J1D6R0LGVV4KQNSO5AEMVJF66Q9ASUAAJG"
)

// newCannedClient answers every request with the same 200 response, in
// memory. There is no X-Amz-Crc32 header: v2's DynamoDB client would then
// wrap the body in a CRC32 check that gosmith's client does not do, and the
// comparison would no longer be the same work.
func newCannedClient(body []byte) *canned.Client {
	return canned.New(200, "application/x-amz-json-1.0", requestID, body)
}

// queryBody is a Query response holding n items of six attributes each: S
// (the key), N, BOOL, L (S, N, BOOL elements), M (S, N and a nested M) and a
// second, longer S; plus Count, ScannedCount and a LastEvaluatedKey.
// Deterministic, so both clients decode the same bytes.
func queryBody(n int) []byte {
	var b strings.Builder
	b.Grow(100 + n*420)
	fmt.Fprintf(&b, `{"Count":%d,"Items":[`, n)
	cities := []string{"Seattle", "Dublin", "Tokyo", "São Paulo", "Frankfurt"}
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"id":{"S":"order#%08d"},"amount":{"N":"%d.%02d"},"shipped":{"BOOL":%t},`,
			i, 10+i*37%5000, i%100, i%3 == 0)
		fmt.Fprintf(&b, `"tags":{"L":[{"S":"prio-%d"},{"N":"%d"},{"BOOL":%t}]},`, i%5, i%17, i%2 == 0)
		fmt.Fprintf(&b, `"customer":{"M":{"name":{"S":"Customer %d"},"visits":{"N":"%d"},"address":{"M":{"city":{"S":"%s"},"zip":{"S":"%05d"}}}}},`,
			i%997, i%250, cities[i%len(cities)], (i*7919)%100000)
		fmt.Fprintf(&b, `"note":{"S":"Deliver to the back door; call ahead. Ref \"%d\" \u00e9t\u00e9 \\ ok"}}`, i)
	}
	fmt.Fprintf(&b, `],"LastEvaluatedKey":{"id":{"S":"order#%08d"}},"ScannedCount":%d}`, n, n)
	return []byte(b.String())
}

// newGosmith and newV2 build each client with default settings except
// RetryMaxAttempts 1. gosmith's New wraps the provider in
// aws.CredentialsCache; v2's New does not, so it gets one explicitly.
func newGosmith(hc gs.HTTPClient) *gs.Client {
	return gs.New(gs.Options{
		Region:           region,
		Credentials:      canned.Credentials,
		HTTPClient:       hc,
		RetryMaxAttempts: 1,
	})
}

func newV2(hc v2.HTTPClient) *v2.Client {
	return v2.New(v2.Options{
		Region:           region,
		Credentials:      aws.NewCredentialsCache(canned.Credentials),
		HTTPClient:       hc,
		RetryMaxAttempts: 1,
	})
}

// The same Query input in both clients.
func gsInput() *gs.QueryInput {
	return &gs.QueryInput{
		TableName:                aws.String(tableName),
		KeyConditionExpression:   aws.String("#pk = :pk"),
		ExpressionAttributeNames: map[string]string{"#pk": "customerId"},
		ExpressionAttributeValues: map[string]gstypes.AttributeValue{
			":pk": &gstypes.AttributeValueMemberS{Value: "customer#0042"},
		},
		Limit: aws.Int32(1000),
	}
}

func v2Input() *v2.QueryInput {
	return &v2.QueryInput{
		TableName:                aws.String(tableName),
		KeyConditionExpression:   aws.String("#pk = :pk"),
		ExpressionAttributeNames: map[string]string{"#pk": "customerId"},
		ExpressionAttributeValues: map[string]v2types.AttributeValue{
			":pk": &v2types.AttributeValueMemberS{Value: "customer#0042"},
		},
		Limit: aws.Int32(1000),
	}
}

// call is one Query through one client; it returns the number of items.
type call func(context.Context) (int, error)

var impls = []struct {
	name    string
	newCall func(hc *canned.Client) call
}{
	{"gosmith", func(hc *canned.Client) call {
		c, in := newGosmith(hc), gsInput()
		return func(ctx context.Context) (int, error) {
			out, err := c.Query(ctx, in)
			if err != nil {
				return 0, err
			}
			return len(out.Items), nil
		}
	}},
	{"v2", func(hc *canned.Client) call {
		c, in := newV2(hc), v2Input()
		return func(ctx context.Context) (int, error) {
			out, err := c.Query(ctx, in)
			if err != nil {
				return 0, err
			}
			return len(out.Items), nil
		}
	}},
}

// BenchmarkDynamoDBQuery is the whole Query call (stack, validation,
// serialization, signing, in-memory send, read, decode) with a response of
// N items. B/s is response bytes per second.
func BenchmarkDynamoDBQuery(b *testing.B) {
	for _, im := range impls {
		b.Run("impl="+im.name, func(b *testing.B) {
			for _, n := range []int{1, 1000} {
				b.Run("items="+strconv.Itoa(n), func(b *testing.B) {
					body := queryBody(n)
					canned.Measure(b, int64(len(body)), n, im.newCall(newCannedClient(body)))
				})
			}
		})
	}
}

// Neutral forms: an attribute value becomes the JSON-like value of its wire
// form ({"S": "x"}, {"L": [...]}, ...), so the two clients' types compare
// with cmp without knowing each other.

func neutralGS(v gstypes.AttributeValue) any {
	switch v := v.(type) {
	case *gstypes.AttributeValueMemberS:
		return map[string]any{"S": v.Value}
	case *gstypes.AttributeValueMemberN:
		return map[string]any{"N": v.Value}
	case *gstypes.AttributeValueMemberBOOL:
		return map[string]any{"BOOL": v.Value}
	case *gstypes.AttributeValueMemberNULL:
		return map[string]any{"NULL": v.Value}
	case *gstypes.AttributeValueMemberB:
		return map[string]any{"B": v.Value}
	case *gstypes.AttributeValueMemberSS:
		return map[string]any{"SS": v.Value}
	case *gstypes.AttributeValueMemberNS:
		return map[string]any{"NS": v.Value}
	case *gstypes.AttributeValueMemberBS:
		return map[string]any{"BS": v.Value}
	case *gstypes.AttributeValueMemberL:
		l := make([]any, len(v.Value))
		for i, e := range v.Value {
			l[i] = neutralGS(e)
		}
		return map[string]any{"L": l}
	case *gstypes.AttributeValueMemberM:
		return map[string]any{"M": neutralGSMap(v.Value)}
	}
	return fmt.Sprintf("unknown %T", v)
}

func neutralGSMap(m map[string]gstypes.AttributeValue) map[string]any {
	if m == nil {
		return nil
	}
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[k] = neutralGS(v)
	}
	return out
}

func neutralV2(v v2types.AttributeValue) any {
	switch v := v.(type) {
	case *v2types.AttributeValueMemberS:
		return map[string]any{"S": v.Value}
	case *v2types.AttributeValueMemberN:
		return map[string]any{"N": v.Value}
	case *v2types.AttributeValueMemberBOOL:
		return map[string]any{"BOOL": v.Value}
	case *v2types.AttributeValueMemberNULL:
		return map[string]any{"NULL": v.Value}
	case *v2types.AttributeValueMemberB:
		return map[string]any{"B": v.Value}
	case *v2types.AttributeValueMemberSS:
		return map[string]any{"SS": v.Value}
	case *v2types.AttributeValueMemberNS:
		return map[string]any{"NS": v.Value}
	case *v2types.AttributeValueMemberBS:
		return map[string]any{"BS": v.Value}
	case *v2types.AttributeValueMemberL:
		l := make([]any, len(v.Value))
		for i, e := range v.Value {
			l[i] = neutralV2(e)
		}
		return map[string]any{"L": l}
	case *v2types.AttributeValueMemberM:
		return map[string]any{"M": neutralV2Map(v.Value)}
	}
	return fmt.Sprintf("unknown %T", v)
}

func neutralV2Map(m map[string]v2types.AttributeValue) map[string]any {
	if m == nil {
		return nil
	}
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[k] = neutralV2(v)
	}
	return out
}

// queryResult is an implementation-neutral QueryOutput (ResultMetadata and
// the absent ConsumedCapacity dropped).
type queryResult struct {
	Count, ScannedCount int32
	Items               []map[string]any
	LastEvaluatedKey    map[string]any
}

func TestSameItems(t *testing.T) {
	ctx := context.Background()
	for _, n := range []int{0, 1, 1000} {
		t.Run("items="+strconv.Itoa(n), func(t *testing.T) {
			body := queryBody(n)
			gOut, err := newGosmith(newCannedClient(body)).Query(ctx, gsInput())
			if err != nil {
				t.Fatal(err)
			}
			vOut, err := newV2(newCannedClient(body)).Query(ctx, v2Input())
			if err != nil {
				t.Fatal(err)
			}
			if gOut.ConsumedCapacity != nil || vOut.ConsumedCapacity != nil {
				t.Fatal("ConsumedCapacity decoded from a body without one")
			}
			g := queryResult{Count: gOut.Count, ScannedCount: gOut.ScannedCount, LastEvaluatedKey: neutralGSMap(gOut.LastEvaluatedKey)}
			for _, it := range gOut.Items {
				g.Items = append(g.Items, neutralGSMap(it))
			}
			v := queryResult{Count: vOut.Count, ScannedCount: vOut.ScannedCount, LastEvaluatedKey: neutralV2Map(vOut.LastEvaluatedKey)}
			for _, it := range vOut.Items {
				v.Items = append(v.Items, neutralV2Map(it))
			}
			if len(g.Items) != n || g.Count != int32(n) {
				t.Fatalf("gosmith decoded %d items (Count %d), want %d", len(g.Items), g.Count, n)
			}
			for i, it := range g.Items {
				if len(it) != 6 {
					t.Fatalf("item %d has %d attributes, want 6", i, len(it))
				}
			}
			if diff := cmp.Diff(v, g); diff != "" {
				t.Errorf("outputs differ (-v2 +gosmith):\n%s", diff)
			}
		})
	}
}

// TestSameRequest checks both clients send the same operation and an
// equivalent JSON body, signed.
func TestSameRequest(t *testing.T) {
	type sent struct {
		Method, Path, Target, ContentType string
		Body                              map[string]any
	}
	capture := func(dst *sent) *canned.Client {
		hc := newCannedClient(queryBody(0))
		hc.Seen = func(r *http.Request, b []byte) {
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
	if _, err := newGosmith(capture(&g)).Query(context.Background(), gsInput()); err != nil {
		t.Fatal(err)
	}
	if _, err := newV2(capture(&v)).Query(context.Background(), v2Input()); err != nil {
		t.Fatal(err)
	}
	if g.Target != "DynamoDB_20120810.Query" {
		t.Errorf("X-Amz-Target %q", g.Target)
	}
	if diff := cmp.Diff(v, g); diff != "" {
		t.Errorf("requests differ (-v2 +gosmith):\n%s", diff)
	}
}
