package main

import (
	"bytes"
	"crypto/md5"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"
)

const account = "111122223333"

// standIn is a local Kinesis holding one data stream in memory. It speaks
// awsJson1_1 as Kinesis does for what this program sends: PutRecords (each
// record to the shard whose hash key range holds the MD5 of its partition
// key, with a sequence number; some refused when refuse says so),
// ListShards (paged with NextToken, which must come alone), GetShardIterator
// (TRIM_HORIZON, LATEST) and GetRecords (a few records per answer, with
// MillisBehindLatest). Errors have Kinesis's bodies (__type, message). A
// request it does not expect fails the test.
type standIn struct {
	t      *testing.T
	name   string
	arn    string
	keyID  string // every request must be signed with this access key ID
	region string // ... for this region
	// listPage and getPage are how many shards a ListShards answer and how
	// many records a GetRecords answer hold at most, so that readers page.
	listPage, getPage int
	// refuse says whether PutRecords refuses a record, as a shard over its
	// throughput does; attempt counts the times this data was sent, from 1.
	refuse func(data string, attempt int) bool

	mu       sync.Mutex
	shards   []*shard
	sequence int64
	attempts map[string]int // by data
	calls    []call
}

type shard struct {
	id         string
	start, end *big.Int // hash key range, inclusive
	records    []storedRecord
}

// storedRecord is a record as GetRecords returns it.
type storedRecord struct {
	Data                        []byte
	PartitionKey                string
	SequenceNumber              string
	ApproximateArrivalTimestamp float64
}

// call is one request the stand-in answered.
type call struct {
	Operation string // PutRecords, ListShards, ...
	Body      map[string]any
}

// newStandIn makes a stream of n shards that split the hash key space evenly.
func newStandIn(t *testing.T, name string, n int) *standIn {
	s := &standIn{
		t: t, name: name, arn: "arn:aws:kinesis:" + testRegion + ":" + account + ":stream/" + name,
		keyID: testKeyID, region: testRegion, listPage: 2, getPage: 3,
		refuse:   func(string, int) bool { return false },
		attempts: map[string]int{},
	}
	space := new(big.Int).Lsh(big.NewInt(1), 128)
	for i := range n {
		start := new(big.Int).Div(new(big.Int).Mul(space, big.NewInt(int64(i))), big.NewInt(int64(n)))
		end := new(big.Int).Div(new(big.Int).Mul(space, big.NewInt(int64(i+1))), big.NewInt(int64(n)))
		s.shards = append(s.shards, &shard{id: fmt.Sprintf("shardId-%012d", i), start: start, end: end.Sub(end, big.NewInt(1))})
	}
	return s
}

// start serves the stand-in on a loopback port and returns its URL.
func (s *standIn) start() string {
	srv := httptest.NewServer(s)
	s.t.Cleanup(srv.Close)
	return srv.URL
}

// hostRecorder is an HTTP client that sends every request to the stand-in,
// whichever host the client resolved for it, and records that host.
type hostRecorder struct {
	standIn *url.URL

	mu    sync.Mutex
	hosts []string
}

func (h *hostRecorder) Do(r *http.Request) (*http.Response, error) {
	h.mu.Lock()
	h.hosts = append(h.hosts, r.URL.Host)
	h.mu.Unlock()
	r = r.Clone(r.Context())
	r.URL.Scheme, r.URL.Host = h.standIn.Scheme, h.standIn.Host
	return http.DefaultClient.Do(r)
}

// requests returns the calls of one operation made so far (all calls for
// ""), oldest first.
func (s *standIn) requests(op string) []call {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []call
	for _, c := range s.calls {
		if op == "" || c.Operation == op {
			out = append(out, c)
		}
	}
	return out
}

// held returns the data of each shard's records, in the shard's order.
func (s *standIn) held() [][]string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out [][]string
	for _, sh := range s.shards {
		var data []string
		for _, r := range sh.records {
			data = append(data, string(r.Data))
		}
		out = append(out, data)
	}
	return out
}

// apiError is an error response: the error's name and message (always HTTP
// 400 here).
type apiError struct{ name, msg string }

func invalidArgument(format string, a ...any) *apiError {
	return &apiError{"InvalidArgumentException", fmt.Sprintf(format, a...)}
}

func (s *standIn) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	raw, _ := io.ReadAll(r.Body)
	op, _ := strings.CutPrefix(r.Header.Get("X-Amz-Target"), "Kinesis_20131202.")
	var problems []string
	check := func(ok bool, format string, a ...any) {
		if !ok {
			problems = append(problems, fmt.Sprintf(format, a...))
		}
	}
	check(r.Method == http.MethodPost && r.URL.Path == "/", "request line %s %s, want POST /", r.Method, r.URL.Path)
	check(r.Header.Get("Content-Type") == "application/x-amz-json-1.1", "Content-Type = %q", r.Header.Get("Content-Type"))
	auth := r.Header.Get("Authorization")
	scope := "/" + s.region + "/kinesis/aws4_request"
	check(strings.HasPrefix(auth, "AWS4-HMAC-SHA256 Credential="+s.keyID+"/") && strings.Contains(auth, scope),
		"Authorization = %q, want SigV4 by %s for %s", auth, s.keyID, scope)
	var body map[string]any
	check(json.Unmarshal(raw, &body) == nil, "body %s is not a JSON object", raw)

	var out any
	var apiErr *apiError
	if len(problems) == 0 {
		s.mu.Lock()
		s.calls = append(s.calls, call{op, body})
		var err error
		out, apiErr, err = s.answer(op, raw)
		s.mu.Unlock()
		check(err == nil, "%v", err)
	}
	if len(problems) > 0 {
		for _, p := range problems {
			s.t.Errorf("stand-in: %s", p)
		}
		apiErr = invalidArgument("the stand-in rejected the request")
	}
	status := http.StatusOK
	if apiErr != nil {
		status, out = http.StatusBadRequest, map[string]string{"__type": apiErr.name, "message": apiErr.msg}
	}
	w.Header().Set("Content-Type", "application/x-amz-json-1.1")
	w.Header().Set("X-Amzn-Requestid", "standin-request-id")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(out)
}

// answer runs one operation on the stream. err is a request the stand-in did
// not expect; apiErr is the answer of Kinesis that failed.
func (s *standIn) answer(op string, raw []byte) (out any, apiErr *apiError, err error) {
	switch op {
	case "PutRecords":
		return serve(op, raw, s.putRecords)
	case "ListShards":
		return serve(op, raw, s.listShards)
	case "GetShardIterator":
		return serve(op, raw, s.getShardIterator)
	case "GetRecords":
		return serve(op, raw, s.getRecords)
	}
	return nil, nil, fmt.Errorf("X-Amz-Target names %q, want a Kinesis_20131202 operation this program calls", op)
}

// serve decodes an operation's input, failing on members the stand-in does
// not implement, and runs the operation.
func serve[In any](op string, raw []byte, run func(In) (any, *apiError)) (any, *apiError, error) {
	var in In
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&in); err != nil {
		return nil, nil, fmt.Errorf("%s body %s: %v", op, raw, err)
	}
	out, apiErr := run(in)
	return out, apiErr, nil
}

// checkStream checks that a request names the stream, by name or ARN.
func (s *standIn) checkStream(name, arn string) *apiError {
	switch {
	case name != "" && arn != "":
		return invalidArgument("StreamARN and StreamName cannot be provided together.")
	case name == s.name || arn == s.arn:
		return nil
	case arn != "":
		return &apiError{"ResourceNotFoundException", "Stream " + arn + " not found."}
	}
	return &apiError{"ResourceNotFoundException", "Stream " + name + " under account " + account + " not found."}
}

type putRecordsInput struct {
	StreamName, StreamARN string
	Records               []struct {
		Data         []byte
		PartitionKey string
	}
}

func (s *standIn) putRecords(in putRecordsInput) (any, *apiError) {
	if err := s.checkStream(in.StreamName, in.StreamARN); err != nil {
		return nil, err
	}
	if n := len(in.Records); n < 1 || n > 500 {
		return nil, invalidArgument("1 validation error detected: Value at 'records' failed to satisfy constraint: Member must have length between 1 and 500, inclusive (%d records)", n)
	}
	size := 0
	for _, r := range in.Records {
		size += len(r.Data) + len(r.PartitionKey)
		if n := utf8.RuneCountInString(r.PartitionKey); n < 1 || n > 256 {
			return nil, invalidArgument("a partition key has 1 to 256 characters, not %d", n)
		}
		if len(r.Data) > maxRecordBytes {
			return nil, invalidArgument("a record's data has at most 1 MiB, not %d bytes", len(r.Data))
		}
	}
	if size > maxBatchBytes {
		return nil, invalidArgument("Records size exceeds 5 MB limit")
	}
	type result struct {
		SequenceNumber, ShardId string `json:",omitempty"`
		ErrorCode, ErrorMessage string `json:",omitempty"`
	}
	results := make([]result, len(in.Records))
	failed := 0
	now := float64(time.Now().UnixMilli()) / 1000
	for i, r := range in.Records {
		sh := s.shardFor(r.PartitionKey)
		s.attempts[string(r.Data)]++
		if s.refuse(string(r.Data), s.attempts[string(r.Data)]) {
			failed++
			results[i] = result{ErrorCode: "ProvisionedThroughputExceededException",
				ErrorMessage: "Rate exceeded for shard " + sh.id + " in stream " + s.name + " under account " + account + "."}
			continue
		}
		s.sequence++
		seq := strconv.FormatInt(49_000_000_000+s.sequence, 10)
		sh.records = append(sh.records, storedRecord{r.Data, r.PartitionKey, seq, now})
		results[i] = result{SequenceNumber: seq, ShardId: sh.id}
	}
	return map[string]any{"FailedRecordCount": failed, "Records": results}, nil
}

// shardFor returns the shard whose hash key range holds the partition key's
// MD5, read as a 128-bit number.
func (s *standIn) shardFor(key string) *shard {
	sum := md5.Sum([]byte(key))
	h := new(big.Int).SetBytes(sum[:])
	for _, sh := range s.shards {
		if h.Cmp(sh.start) >= 0 && h.Cmp(sh.end) <= 0 {
			return sh
		}
	}
	panic("the shards do not cover the hash key space")
}

type listShardsInput struct {
	StreamName, StreamARN, NextToken string
	MaxResults                       int
}

func (s *standIn) listShards(in listShardsInput) (any, *apiError) {
	from := 0
	if in.NextToken != "" {
		if in.StreamName != "" || in.StreamARN != "" {
			return nil, invalidArgument("NextToken and StreamName cannot be provided together.")
		}
		var stream string
		if _, err := fmt.Sscanf(decodeToken(in.NextToken), "%s %d", &stream, &from); err != nil || stream != s.name {
			return nil, invalidArgument("Invalid ListShards NextToken.")
		}
	} else if err := s.checkStream(in.StreamName, in.StreamARN); err != nil {
		return nil, err
	}
	n := s.listPage
	if in.MaxResults > 0 && in.MaxResults < n {
		n = in.MaxResults
	}
	to := min(from+n, len(s.shards))
	var shards []any
	for _, sh := range s.shards[from:to] {
		shards = append(shards, map[string]any{
			"ShardId":             sh.id,
			"HashKeyRange":        map[string]string{"StartingHashKey": sh.start.String(), "EndingHashKey": sh.end.String()},
			"SequenceNumberRange": map[string]string{"StartingSequenceNumber": "49000000000"},
		})
	}
	out := map[string]any{"Shards": shards}
	if to < len(s.shards) {
		out["NextToken"] = encodeToken(fmt.Sprintf("%s %d", s.name, to))
	}
	return out, nil
}

type getShardIteratorInput struct {
	StreamName, StreamARN, ShardId, ShardIteratorType string
}

func (s *standIn) getShardIterator(in getShardIteratorInput) (any, *apiError) {
	if err := s.checkStream(in.StreamName, in.StreamARN); err != nil {
		return nil, err
	}
	i := slices.IndexFunc(s.shards, func(sh *shard) bool { return sh.id == in.ShardId })
	if i < 0 {
		return nil, &apiError{"ResourceNotFoundException", "Shard " + in.ShardId + " in stream " + s.name + " under account " + account + " does not exist"}
	}
	var at int
	switch in.ShardIteratorType {
	case "TRIM_HORIZON":
	case "LATEST":
		at = len(s.shards[i].records)
	default:
		return nil, invalidArgument("the stand-in knows the iterator types TRIM_HORIZON and LATEST, not %q", in.ShardIteratorType)
	}
	return map[string]string{"ShardIterator": encodeToken(fmt.Sprintf("%s %d %d", s.name, i, at))}, nil
}

type getRecordsInput struct {
	ShardIterator, StreamARN string
	Limit                    int
}

func (s *standIn) getRecords(in getRecordsInput) (any, *apiError) {
	var stream string
	var i, at int
	if _, err := fmt.Sscanf(decodeToken(in.ShardIterator), "%s %d %d", &stream, &i, &at); err != nil ||
		stream != s.name || i >= len(s.shards) || at > len(s.shards[i].records) {
		return nil, invalidArgument("Invalid ShardIterator.")
	}
	if in.StreamARN != "" && in.StreamARN != s.arn {
		return nil, invalidArgument("The shard iterator is of another stream than %s.", in.StreamARN)
	}
	n := s.getPage
	if in.Limit > 0 && in.Limit < n {
		n = in.Limit
	}
	records := s.shards[i].records
	to := min(at+n, len(records))
	behind := 0 // milliseconds from the newest record: 0 when this answer reaches it
	if to < len(records) {
		behind = 1000
	}
	return map[string]any{
		"Records":            append([]storedRecord{}, records[at:to]...),
		"NextShardIterator":  encodeToken(fmt.Sprintf("%s %d %d", s.name, i, to)),
		"MillisBehindLatest": behind,
	}, nil
}

// Tokens and iterators are opaque to clients; the stand-in's are base64 text.
func encodeToken(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }

func decodeToken(s string) string {
	b, _ := base64.StdEncoding.DecodeString(s)
	return string(b)
}
