package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/gosmith/gosmith/codegen/goview"
	"github.com/gosmith/gosmith/codegen/model"
	"github.com/gosmith/gosmith/internal/apishape"
	"github.com/gosmith/gosmith/internal/protocol/protocoltest"
)

// sharedModels is ../shared/models beside the checkout: reference data that
// is never copied into the repository, so these tests skip without it.
func sharedModels(t *testing.T) string {
	t.Helper()
	dir := filepath.Join("..", "..", "shared", "models")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("../shared/models not found (%v): the real-model and compliance tests need the reference models beside the checkout", err)
	}
	if testing.Short() {
		t.Skip("generates and compiles whole services; skipped with -short")
	}
	return dir
}

// moduleTempDir is a scratch directory inside this module, so generated code
// can import the runtime under internal/.
func moduleTempDir(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp(filepath.Join("..", "internal"), "tmpgen-test-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	return dir
}

func generateOrFail(t *testing.T, args ...string) string {
	t.Helper()
	code, stdout, stderr := runCLI(args...)
	if code != exitOK {
		t.Fatalf("codegen %s: exit %d\n%s%s", strings.Join(args, " "), code, stdout, stderr)
	}
	return stderr
}

func goCmd(t *testing.T, dir string, args ...string) []byte {
	t.Helper()
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil && args[0] != "test" {
		t.Fatalf("go %s in %s: %v\n%s", strings.Join(args, " "), dir, err, out)
	}
	return out
}

// Whole real services generate, build and vet; what cannot be generated is
// named in a warning (or fails the run under -strict).
func TestRealServicesBuildAndVet(t *testing.T) {
	models := sharedModels(t)
	dir := moduleTempDir(t)
	// Every operation generates, output event streams included; nothing
	// is skipped.
	for _, name := range []string{"storage-gateway", "dynamodb", "kinesis", "lambda", "apigatewayv2", "bedrock-runtime"} {
		warnings := generateOrFail(t, "-model", filepath.Join(models, name+".json"), "-out", filepath.Join(dir, name))
		if strings.Contains(warnings, "skipped") {
			t.Errorf("%s: operations skipped: %s", name, warnings)
		}
	}
	// Endpoint parameters bound from inputs and credentials pick the host
	// aws-sdk-go-v2 picks.
	write(t, filepath.Join(dir, "kinesis", "endpoint_params_test.go"), kinesisEndpointTest)
	write(t, filepath.Join(dir, "dynamodb", "endpoint_params_test.go"), dynamodbEndpointTest)
	write(t, filepath.Join(dir, "dynamodb", "customizations_test.go"), dynamodbCustomizationsTest)
	write(t, filepath.Join(dir, "dynamodb", "discovery_test.go"), dynamodbDiscoveryTest)
	ddbTypes := "github.com/gosmith/gosmith/internal/" + filepath.Base(dir) + "/dynamodb/types"
	write(t, filepath.Join(dir, "dynamodb", "handpaginator_test.go"), "package dynamodb\n"+strings.Replace(pagesTest, "// more imports", `"`+ddbTypes+`"`, 1)+batchGetItemPagesTest)
	write(t, filepath.Join(dir, "kinesis", "handpaginator_test.go"), "package kinesis\n"+pagesTest+describeStreamPagesTest)
	// Event streams of every kind generate, -strict or not: output,
	// input-only and duplex.
	code, _, stderr := runCLI("-model", filepath.Join(models, "protocoltests-restjson1.json"), "-service", "aws.protocoltests.restjson#RestJson",
		"-ops", "InputStream,OutputStream,DuplexStream,DuplexStreamWithDistinctStreams", "-out", filepath.Join(dir, "strict"), "-strict")
	if code != exitOK {
		t.Errorf("-strict on the suite's event streams: exit %d, stderr %q; want 0", code, stderr)
	}
	goCmd(t, dir, "vet", "./...")
	// The generated endpoint tests: every smithy.rules#endpointTests case
	// of the models (Storage Gateway 53, DynamoDB 367, Kinesis 162, Lambda
	// 75, API Gateway V2 47, Bedrock Runtime's) against the generated
	// resolver.
	cmd := exec.Command("go", "test", "-count=1", "./...")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go test of the generated services: %v\n%s", err, out)
	}

	// Every operation of each model, and the event stream API of those
	// whose output is an event stream.
	for name, want := range map[string]int{"storage-gateway": 96, "kinesis": 32, "lambda": 68, "apigatewayv2": 72, "bedrock-runtime": 8} {
		ops, _ := filepath.Glob(filepath.Join(dir, name, "api_op_*.go"))
		if len(ops) != want {
			t.Errorf("%s: %d operation files, want %d", name, len(ops), want)
		}
	}
	for name, streams := range map[string][]string{
		"kinesis":         {"SubscribeToShardEventStream"},
		"lambda":          {"InvokeWithResponseStreamEventStream"},
		"bedrock-runtime": {"ConverseStreamEventStream", "InvokeModelWithResponseStreamEventStream"},
	} {
		src, err := os.ReadFile(filepath.Join(dir, name, "eventstream.go"))
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range streams {
			if !bytes.Contains(src, []byte("\ntype "+s+" struct")) {
				t.Errorf("%s: eventstream.go declares no %s", name, s)
			}
		}
	}
	pag, err := os.ReadFile(filepath.Join(dir, "storage-gateway", "paginators.go"))
	if err != nil {
		t.Fatal(err)
	}
	if n := bytes.Count(pag, []byte("\nfunc New")); n != 11 {
		t.Errorf("storage gateway: %d paginators, want 11", n)
	}
}

// complianceServices are the services of the awsJson and restJson1
// compliance suites.
var complianceServices = []struct{ file, service, pkg string }{
	{"protocoltests-awsjson1_1.json", "aws.protocoltests.json#JsonProtocol", "json11"},
	{"protocoltests-awsjson1_1.json", "com.amazonaws.machinelearning#AmazonML_20141212", "machinelearning"},
	{"protocoltests-awsjson1_0.json", "aws.protocoltests.json10#JsonRpc10", "json10"},
	{"protocoltests-awsjson1_0.json", "aws.protocoltests.json10#QueryCompatibleJsonRpc10", "querycompatible"},
	{"protocoltests-restjson1.json", "aws.protocoltests.restjson#RestJson", "restjson"},
	{"protocoltests-restjson1.json", "com.amazonaws.apigateway#BackplaneControlService", "apigateway"},
	{"protocoltests-restjson1.json", "com.amazonaws.glacier#Glacier", "glacier"},
}

// complianceCases is how many client and server cases the services'
// operations and errors hold: 199 awsJson; 248 restJson1 client and 22
// restJson1 server cases (the suite's 3 other server cases sit on service
// shapes no client sends to).
const complianceCases = 199 + 248 + 22

// The official awsJson1_0/awsJson1_1 and restJson1 compliance cases, generated as Go
// tests and run: every case passes, or is server-only, or is listed with
// its reason in internal/protocol/protocoltest/skips.go.
func TestComplianceSuites(t *testing.T) {
	models := sharedModels(t)
	dir := moduleTempDir(t)
	total, server := 0, map[string]bool{}
	for _, s := range complianceServices {
		path := filepath.Join(models, s.file)
		generateOrFail(t, "-model", path, "-service", s.service, "-package", s.pkg, "-out", filepath.Join(dir, s.pkg))
		n, srv := countCases(t, path, s.service)
		total += n
		for id := range srv {
			server[id] = true
		}
	}
	if total != complianceCases {
		t.Errorf("the suites hold %d client and server cases, want %d", total, complianceCases)
	}
	out := goCmd(t, dir, "test", "-count=1", "-json", "./...")
	results := map[string]string{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var ev struct{ Action, Package, Test string }
		if json.Unmarshal(sc.Bytes(), &ev) != nil || !strings.Contains(ev.Test, "/") {
			continue
		}
		if ev.Action == "pass" || ev.Action == "fail" || ev.Action == "skip" {
			// A case ID can serve a request and a response test alike.
			results[ev.Package+" "+ev.Test] = ev.Action
		}
	}
	var passed, skipped, failed []string
	for name, r := range results {
		id := name[strings.LastIndexByte(name, '/')+1:]
		switch r {
		case "pass":
			passed = append(passed, id)
		case "skip":
			skipped = append(skipped, id)
			if _, listed := protocoltest.Skipped[id]; !listed && !server[id] {
				t.Errorf("case %s skipped but neither server-only nor listed", id)
			}
		default:
			failed = append(failed, name)
		}
	}
	seen := map[string]bool{}
	for _, id := range skipped {
		seen[id] = true
	}
	for id := range protocoltest.Skipped {
		if !seen[id] {
			t.Errorf("skip list names %s, which no suite case has", id)
		}
	}
	sort.Strings(failed)
	if len(failed) > 0 {
		t.Errorf("failed cases: %s\n%s", strings.Join(failed, ", "), out)
	}
	if len(results) != total {
		t.Errorf("ran %d cases, the suites hold %d", len(results), total)
	}
	t.Logf("compliance: %d passed, %d skipped (%d server-only, %d listed), %d failed, of %d cases",
		len(passed), len(skipped), len(server), len(skipped)-len(server), len(failed), total)
}

// countCases counts a service's request and response cases (errors
// included) for its protocol, and names the server-only ones.
func countCases(t *testing.T, path, service string) (int, map[string]bool) {
	t.Helper()
	m, err := model.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	pkg, err := goview.Build(m, goview.Config{Service: model.ShapeID(service), ImportPath: "x"})
	if err != nil {
		t.Fatal(err)
	}
	n, server := 0, map[string]bool{}
	seenErr := map[*goview.Struct]bool{}
	for _, op := range pkg.Operations {
		for _, c := range op.RequestTests {
			n++
			if c.AppliesTo == "server" {
				server[c.ID] = true
			}
		}
		cases := op.ResponseTests
		for _, e := range op.Errors {
			if !seenErr[e] {
				seenErr[e] = true
				cases = append(cases, e.ErrorTests...)
			}
		}
		for _, c := range cases {
			n++
			if c.AppliesTo == "server" {
				server[c.ID] = true
			}
		}
	}
	return n, server
}

// The Smithy 1.0 forms of the compliance models generate the same Go API
// as their 2.0 forms for every declaration both have (the 1.0 files are
// older, so each side also has shapes the other lacks).
func TestSmithy1ModelsGenerateTheSameAPI(t *testing.T) {
	models := sharedModels(t)
	dir := moduleTempDir(t)
	pairs := []struct{ file, service, pkg string }{
		{"protocoltests-awsjson1_1.json", "aws.protocoltests.json#JsonProtocol", "json11"},
		{"protocoltests-awsjson1_0.json", "aws.protocoltests.json10#JsonRpc10", "json10"},
	}
	for _, p := range pairs {
		v2dir, v1dir := filepath.Join(dir, p.pkg+"v2"), filepath.Join(dir, p.pkg+"v1")
		generateOrFail(t, "-model", filepath.Join(models, p.file), "-service", p.service, "-package", p.pkg, "-out", v2dir)
		generateOrFail(t, "-model", filepath.Join(models, "legacy-smithy1.0", p.file), "-service", p.service, "-package", p.pkg, "-out", v1dir)
		a, err := apishape.Read(v2dir, "types")
		if err != nil {
			t.Fatal(err)
		}
		b, err := apishape.Read(v1dir, "types")
		if err != nil {
			t.Fatal(err)
		}
		// API lists each side's operations, and the sides have different
		// ones; the operations themselves are compared as Client's methods.
		delete(a, goview.APIName)
		delete(b, goview.APIName)
		common := 0
		for _, d := range apishape.Compare(a, b) {
			if d.Left != "" && d.Right != "" {
				t.Errorf("%s: 2.0 and 1.0 differ: %s", p.file, d)
			}
		}
		for k := range a {
			if _, ok := b[k]; ok {
				common++
			}
		}
		if common < 50 {
			t.Errorf("%s: only %d declarations in common; the comparison proves little", p.file, common)
		}
		t.Logf("%s: %d declarations in common, all equal", p.file, common)
	}
	goCmd(t, dir, "vet", "./...")
}

// generateAndTest generates a client from an inline model into a scratch
// package, adds a hand-written test file to it, and runs its tests.
func generateAndTest(t *testing.T, pkg, modelJSON, testFile, testSrc string) {
	t.Helper()
	if testing.Short() {
		t.Skip("compiles a generated package; skipped with -short")
	}
	dir := moduleTempDir(t)
	model := filepath.Join(dir, pkg+".json")
	write(t, model, modelJSON)
	out := filepath.Join(dir, pkg)
	generateOrFail(t, "-model", model, "-out", out)
	write(t, filepath.Join(out, testFile), testSrc)
	if b, err := goTest(dir).CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, b)
	}
}

// goTest runs go test ./... in dir.
func goTest(dir string) *exec.Cmd {
	cmd := exec.Command("go", "test", "-count=1", "./...")
	cmd.Dir = dir
	return cmd
}

// endpointHostTest is shared by the endpoint parameter tests: a client
// whose HTTPClient records the host a request goes to.
const endpointHostTest = `
import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
)

type hostRecorder struct{ hosts []string }

func (h *hostRecorder) Do(r *http.Request) (*http.Response, error) {
	h.hosts = append(h.hosts, r.URL.Host)
	return &http.Response{StatusCode: 200, Header: http.Header{}, Body: io.NopCloser(strings.NewReader("{}")), Request: r}, nil
}

func hostClient(accountID string, fn ...func(*Options)) (*Client, *hostRecorder) {
	h := &hostRecorder{}
	creds := aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
		return aws.Credentials{AccessKeyID: "AKID", SecretAccessKey: "SECRET", AccountID: accountID}, nil
	})
	return New(Options{Region: "us-east-1", HTTPClient: h, Credentials: creds, RetryMaxAttempts: 1}, fn...), h
}

var _ = aws.String
`

const kinesisEndpointTest = "package kinesis\n" + endpointHostTest + `
func TestStreamARNPicksTheAccountEndpoint(t *testing.T) {
	c, h := hostClient("")
	arn := aws.String("arn:aws:kinesis:us-east-1:111122223333:stream/orders")
	if _, err := c.PutRecord(context.Background(), &PutRecordInput{StreamARN: arn, Data: []byte("x"), PartitionKey: aws.String("k")}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.DescribeStreamSummary(context.Background(), &DescribeStreamSummaryInput{StreamARN: arn}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.ListStreams(context.Background(), &ListStreamsInput{}); err != nil {
		t.Fatal(err)
	}
	want := []string{"111122223333.data-kinesis.us-east-1.amazonaws.com", "111122223333.control-kinesis.us-east-1.amazonaws.com", "kinesis.us-east-1.amazonaws.com"}
	if strings.Join(h.hosts, " ") != strings.Join(want, " ") {
		t.Errorf("hosts %v, want %v", h.hosts, want)
	}
	_, err := c.PutRecord(context.Background(), &PutRecordInput{StreamARN: aws.String("arn:aws:s3:::not-a-stream"), Data: []byte("x"), PartitionKey: aws.String("k")})
	if err == nil || len(h.hosts) != 3 {
		t.Errorf("a malformed stream ARN: err %v, %d requests; want an error before sending", err, len(h.hosts)-3)
	}
}
`

const dynamodbEndpointTest = "package dynamodb\n" + endpointHostTest + `
func TestAccountIDPicksTheAccountEndpoint(t *testing.T) {
	in := &ListTablesInput{}
	for _, tc := range []struct {
		name, account string
		mode          aws.AccountIDEndpointMode
		want          string
	}{
		{"preferred by default", "111122223333", "", "111122223333.ddb.us-east-1.amazonaws.com"},
		{"no account ID in the credentials", "", "", "dynamodb.us-east-1.amazonaws.com"},
		{"disabled", "111122223333", aws.AccountIDEndpointModeDisabled, "dynamodb.us-east-1.amazonaws.com"},
		{"required", "111122223333", aws.AccountIDEndpointModeRequired, "111122223333.ddb.us-east-1.amazonaws.com"},
	} {
		c, h := hostClient(tc.account, func(o *Options) { o.AccountIDEndpointMode = tc.mode })
		if _, err := c.ListTables(context.Background(), in); err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if h.hosts[0] != tc.want {
			t.Errorf("%s: host %s, want %s", tc.name, h.hosts[0], tc.want)
		}
	}
	c, h := hostClient("", func(o *Options) { o.AccountIDEndpointMode = aws.AccountIDEndpointModeRequired })
	if _, err := c.ListTables(context.Background(), in); err == nil || len(h.hosts) != 0 {
		t.Errorf("required without an account ID: err %v, %d requests; want an error before sending", err, len(h.hosts))
	}
	// A table ARN's account wins over the credentials'.
	c, h = hostClient("111122223333")
	if _, err := c.DescribeTable(context.Background(), &DescribeTableInput{TableName: aws.String("arn:aws:dynamodb:us-east-1:444455556666:table/t")}); err != nil {
		t.Fatal(err)
	}
	if h.hosts[0] != "444455556666.ddb.us-east-1.amazonaws.com" {
		t.Errorf("table ARN: host %s", h.hosts[0])
	}
}
`

// pagesTest answers each request with the next of a list of bodies and
// keeps the request bodies, for the paginators v2 writes by hand.
const pagesTest = `
import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	// more imports
)

type pages struct {
	bodies   []string
	requests []string
}

func (p *pages) Do(r *http.Request) (*http.Response, error) {
	b, _ := io.ReadAll(r.Body)
	p.requests = append(p.requests, string(b))
	body := p.bodies[0]
	p.bodies = p.bodies[1:]
	return &http.Response{StatusCode: 200, Header: http.Header{}, Body: io.NopCloser(strings.NewReader(body)), Request: r}, nil
}

func pagesClient(bodies ...string) (*Client, *pages) {
	p := &pages{bodies: bodies}
	return New(Options{Region: "us-east-1", HTTPClient: p, Credentials: aws.AnonymousCredentials{}}), p
}
`

const batchGetItemPagesTest = `
func TestBatchGetItemPaginator(t *testing.T) {
	c, p := pagesClient(
		` + "`" + `{"Responses":{},"UnprocessedKeys":{"t":{"Keys":[{"id":{"S":"2"}}]}}}` + "`" + `,
		` + "`" + `{"Responses":{},"UnprocessedKeys":{}}` + "`" + `)
	first := map[string]types.KeysAndAttributes{"t": {Keys: []map[string]types.AttributeValue{{"id": &types.AttributeValueMemberS{Value: "1"}}}}}
	pg := NewBatchGetItemPaginator(c, &BatchGetItemInput{RequestItems: first})
	n := 0
	for pg.HasMorePages() {
		if _, err := pg.NextPage(context.Background()); err != nil {
			t.Fatal(err)
		}
		n++
	}
	if n != 2 || !strings.Contains(p.requests[1], ` + "`" + `"RequestItems":{"t":{"Keys":[{"id":{"S":"2"}}]}}` + "`" + `) {
		t.Errorf("%d pages; requests %q", n, p.requests)
	}
}
`

const describeStreamPagesTest = `
func TestDescribeStreamPaginator(t *testing.T) {
	c, p := pagesClient(
		` + "`" + `{"StreamDescription":{"HasMoreShards":true,"Shards":[{"ShardId":"s1"},{"ShardId":"s2"}]}}` + "`" + `,
		` + "`" + `{"StreamDescription":{"HasMoreShards":false,"Shards":[{"ShardId":"s3"}]}}` + "`" + `)
	pg := NewDescribeStreamPaginator(c, &DescribeStreamInput{StreamName: aws.String("s")}, func(o *DescribeStreamPaginatorOptions) { o.Limit = aws.Int32(2) })
	n := 0
	for pg.HasMorePages() {
		if _, err := pg.NextPage(context.Background()); err != nil {
			t.Fatal(err)
		}
		n++
	}
	if n != 2 || !strings.Contains(p.requests[1], ` + "`" + `"ExclusiveStartShardId":"s2"` + "`" + `) || !strings.Contains(p.requests[0], ` + "`" + `"Limit":2` + "`" + `) {
		t.Errorf("%d pages; requests %q", n, p.requests)
	}
}
`

// dynamodbDiscoveryTest checks endpoint discovery as v2 does it for
// DynamoDB: off by default; when enabled, calls go to the host
// DescribeEndpoints names once it has answered (in the background).
const dynamodbDiscoveryTest = `package dynamodb

import (
	"context"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
)

type discoveryServer struct {
	mu        sync.Mutex
	hosts     []string
	discovers int
}

func (s *discoveryServer) Do(r *http.Request) (*http.Response, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	body := "{}"
	if strings.HasSuffix(r.Header.Get("X-Amz-Target"), ".DescribeEndpoints") {
		s.discovers++
		body = ` + "`" + `{"Endpoints":[{"Address":"discovered.example.com","CachePeriodInMinutes":1}]}` + "`" + `
	} else {
		s.hosts = append(s.hosts, r.URL.Host)
	}
	return &http.Response{StatusCode: 200, Header: http.Header{}, Body: io.NopCloser(strings.NewReader(body)), Request: r}, nil
}

func (s *discoveryServer) last() (string, int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hosts[len(s.hosts)-1], s.discovers
}

func TestEndpointDiscovery(t *testing.T) {
	s := &discoveryServer{}
	c := New(Options{Region: "us-east-1", HTTPClient: s, Credentials: aws.AnonymousCredentials{}})
	if c.Options().EndpointDiscovery.EnableEndpointDiscovery != aws.EndpointDiscoveryAuto {
		t.Errorf("EnableEndpointDiscovery = %v, want auto", c.Options().EndpointDiscovery.EnableEndpointDiscovery)
	}
	if _, err := c.ListTables(context.Background(), &ListTablesInput{}); err != nil {
		t.Fatal(err)
	}
	if host, n := s.last(); host != "dynamodb.us-east-1.amazonaws.com" || n != 0 {
		t.Errorf("auto: host %s after %d discoveries, want no discovery", host, n)
	}
	enabled := func(o *Options) { o.EndpointDiscovery.EnableEndpointDiscovery = aws.EndpointDiscoveryEnabled }
	deadline := time.Now().Add(5 * time.Second)
	for {
		if _, err := c.ListTables(context.Background(), &ListTablesInput{}, enabled); err != nil {
			t.Fatal(err)
		}
		if host, _ := s.last(); host == "discovered.example.com" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("calls never went to the discovered endpoint")
		}
		time.Sleep(time.Millisecond)
	}
	for i := 0; i < 3; i++ {
		if _, err := c.ListTables(context.Background(), &ListTablesInput{}, enabled); err != nil {
			t.Fatal(err)
		}
	}
	if host, n := s.last(); host != "discovered.example.com" || n != 1 {
		t.Errorf("host %s after %d discoveries, want the cached one after 1", host, n)
	}
}
`

// dynamodbCustomizationsTest checks DynamoDB's customizations as v2 has
// them: Accept-Encoding, gzip responses and the X-Amz-Crc32 check.
const dynamodbCustomizationsTest = `package dynamodb

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"hash/crc32"
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
)

type crcServer struct {
	body     []byte
	crc      string
	gzip     bool
	accept   []string
	requests int
}

func (s *crcServer) Do(r *http.Request) (*http.Response, error) {
	s.requests++
	s.accept = append(s.accept, r.Header.Get("Accept-Encoding"))
	h := http.Header{"X-Amz-Crc32": {s.crc}}
	body := s.body
	if s.gzip {
		var b bytes.Buffer
		zw := gzip.NewWriter(&b)
		zw.Write(body)
		zw.Close()
		body = b.Bytes()
		h.Set("Content-Encoding", "gzip")
		h.Set("X-Amz-Crc32", strconv.FormatUint(uint64(crc32.ChecksumIEEE(body)), 10))
	}
	return &http.Response{StatusCode: 200, Header: h, Body: io.NopCloser(bytes.NewReader(body)), ContentLength: int64(len(body)), Request: r}, nil
}

func TestResponseChecksumAndEncoding(t *testing.T) {
	body := []byte(` + "`" + `{"TableNames":["a","b"]}` + "`" + `)
	good := strconv.FormatUint(uint64(crc32.ChecksumIEEE(body)), 10)
	newClient := func(s *crcServer, fn func(*Options)) *Client {
		return New(Options{Region: "us-east-1", HTTPClient: s, Credentials: aws.AnonymousCredentials{}, RetryMaxAttempts: 2}, fn)
	}
	s := &crcServer{body: body, crc: good}
	out, err := newClient(s, func(*Options) {}).ListTables(context.Background(), &ListTablesInput{})
	if err != nil || len(out.TableNames) != 2 || s.accept[0] != "identity" {
		t.Fatalf("good checksum: %v, %v, Accept-Encoding %q", err, out, s.accept)
	}
	s = &crcServer{body: body, crc: "12345"}
	_, err = newClient(s, func(*Options) {}).ListTables(context.Background(), &ListTablesInput{})
	if err == nil || !strings.Contains(err.Error(), "CRC-32") || s.requests != 2 {
		t.Errorf("bad checksum: %v after %d requests; want a CRC error after a retry", err, s.requests)
	}
	s = &crcServer{body: body, crc: "12345"}
	if _, err = newClient(s, func(o *Options) { o.DisableValidateResponseChecksum = true }).ListTables(context.Background(), &ListTablesInput{}); err != nil {
		t.Errorf("checksum check disabled: %v", err)
	}
	s = &crcServer{body: body, gzip: true}
	out, err = newClient(s, func(o *Options) { o.EnableAcceptEncodingGzip = true }).ListTables(context.Background(), &ListTablesInput{})
	if err != nil || len(out.TableNames) != 2 || s.accept[0] != "gzip" {
		t.Errorf("gzip: %v, %v, Accept-Encoding %q", err, out, s.accept)
	}
}

// mixedServer answers each request with a good X-Amz-Crc32 when its body
// asks for a start table named "good", else with a wrong one.
type mixedServer struct{ body []byte }

func (s mixedServer) Do(r *http.Request) (*http.Response, error) {
	req, _ := io.ReadAll(r.Body)
	crc := crc32.ChecksumIEEE(s.body)
	if !bytes.Contains(req, []byte(` + "`" + `"good"` + "`" + `)) {
		crc++
	}
	h := http.Header{"X-Amz-Crc32": {strconv.FormatUint(uint64(crc), 10)}}
	return &http.Response{StatusCode: 200, Header: h, Body: io.NopCloser(bytes.NewReader(s.body)), ContentLength: int64(len(s.body)), Request: r}, nil
}

// TestResponseChecksumOfConcurrentCalls: calls without optFns share their
// operation's prepared stack, and each still gets its own response's
// verdict.
func TestResponseChecksumOfConcurrentCalls(t *testing.T) {
	c := New(Options{Region: "us-east-1", HTTPClient: mixedServer{[]byte(` + "`" + `{"TableNames":["a"]}` + "`" + `)}, Credentials: aws.AnonymousCredentials{}, RetryMaxAttempts: 1})
	// The calls below do share a prepared stack: one needs far fewer
	// allocations than a call whose optFns give it a stack of its own.
	in := &ListTablesInput{ExclusiveStartTableName: aws.String("good")}
	shared := testing.AllocsPerRun(20, func() { c.ListTables(context.Background(), in) })
	own := testing.AllocsPerRun(20, func() { c.ListTables(context.Background(), in, func(*Options) {}) })
	if shared > own-20 {
		t.Fatalf("a call without optFns makes %.0f allocations, one with them %.0f: no prepared stack?", shared, own)
	}
	errs := make(chan error, 16)
	for g := range 16 {
		go func() {
			for i := range 20 {
				name := "good"
				if (g+i)%2 == 1 {
					name = "bad"
				}
				_, err := c.ListTables(context.Background(), &ListTablesInput{ExclusiveStartTableName: aws.String(name)})
				if (err != nil) != (name == "bad") || err != nil && !strings.Contains(err.Error(), "CRC-32") {
					errs <- fmt.Errorf("call %d.%d (%s checksum): %v", g, i, name, err)
					return
				}
			}
			errs <- nil
		}()
	}
	for range 16 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}
`
