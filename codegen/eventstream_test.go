package main

import (
	"encoding/base64"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Output event streams end to end: Bedrock Runtime, Kinesis and Lambda
// generated from the real models, and the restJson1 suite's output
// streams, each with the tests in testdata/eventstreams/<package> (real
// frames from local HTTP/2 servers: every event type, errors mid-stream,
// corrupt, cut and reset streams, slow readers, cancellation, 64 streams at
// once, the suite's eventStreamTests), run under the race detector.
func TestEventStreams(t *testing.T) {
	models := sharedModels(t)
	dir := moduleTempDir(t)
	importBase := thisModule + "/internal/" + filepath.Base(dir)
	for _, s := range []struct{ pkg, model, service, ops string }{
		{"bedrockruntime", "bedrock-runtime.json", "", "ConverseStream,InvokeModelWithResponseStream"},
		{"kinesis", "kinesis.json", "", "SubscribeToShard"},
		{"lambda", "lambda.json", "", "InvokeWithResponseStream"},
		{"restjson", "protocoltests-restjson1.json", "aws.protocoltests.restjson#RestJson", strings.Join(restJSONStreams, ",")},
	} {
		out := filepath.Join(dir, s.pkg)
		args := []string{"-model", filepath.Join(models, s.model), "-out", out, "-package", s.pkg, "-ops", s.ops}
		if s.service != "" {
			args = append(args, "-service", s.service)
		}
		if warnings := generateOrFail(t, args...); strings.Contains(warnings, "skipped") {
			t.Fatalf("%s: %s", s.pkg, warnings)
		}
		tests, err := filepath.Glob(filepath.Join("testdata", "eventstreams", s.pkg, "*_test.go"))
		if err != nil || len(tests) == 0 {
			t.Fatalf("%s: no tests in testdata/eventstreams (%v)", s.pkg, err)
		}
		for _, src := range tests {
			b, err := os.ReadFile(src)
			if err != nil {
				t.Fatal(err)
			}
			write(t, filepath.Join(out, filepath.Base(src)), strings.ReplaceAll(string(b), "$PKG", importBase+"/"+s.pkg))
		}
	}
	var ids []string
	for _, op := range restJSONStreams {
		if op != "DuplexStreamWithDistinctStreams" { // the suite has no cases for it
			ids = append(ids, "aws.protocoltests.restjson#"+op)
		}
	}
	writeEventStreamVectors(t, filepath.Join(models, "protocoltests-restjson1.json"), filepath.Join(dir, "restjson", "vectors.json"), ids...)
	cmd := exec.Command("go", "test", "-race", "-count=1", "./...")
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("the generated event stream tests failed: %v\n%s", err, out)
	}
	t.Logf("%s", out)
}

// restJSONStreams are the restJson1 suite's event stream operations: output,
// input and duplex streams.
var restJSONStreams = []string{
	"OutputStream", "OutputStreamWithInitialResponse",
	"InputStream", "InputStreamWithInitialRequest",
	"DuplexStream", "DuplexStreamWithInitialMessages", "DuplexStreamWithDistinctStreams",
}

// writeEventStreamVectors writes the client cases of the operations'
// smithy.test#eventStreamTests as the restjson tests read them.
func writeEventStreamVectors(t *testing.T, modelPath, to string, ops ...string) {
	t.Helper()
	raw, err := os.ReadFile(modelPath)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Shapes map[string]struct {
			Traits map[string]json.RawMessage
		}
	}
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	type initial struct {
		Code    int               `json:"code"`
		Headers map[string]string `json:"headers"`
		Body    string            `json:"body"`
	}
	type request struct {
		Method  string            `json:"method"`
		URI     string            `json:"uri"`
		Headers map[string]string `json:"headers"`
	}
	type vector struct {
		ID              string
		Operation       string
		Frames          [][]byte // the response's events
		Requests        [][]byte // the request's events
		InitialResponse *initial
		InitialRequest  *request
		Failure         bool
		ErrorID         string
	}
	var vectors []vector
	for _, op := range ops {
		var cases []struct {
			ID        string `json:"id"`
			AppliesTo string `json:"appliesTo"`
			Events    []struct {
				Type  string `json:"type"`
				Bytes string `json:"bytes"`
			} `json:"events"`
			InitialResponse *initial `json:"initialResponse"`
			InitialRequest  *request `json:"initialRequest"`
			Expectation     struct {
				Failure *struct {
					ErrorID string `json:"errorId"`
				} `json:"failure"`
			} `json:"expectation"`
		}
		if err := json.Unmarshal(doc.Shapes[op].Traits["smithy.test#eventStreamTests"], &cases); err != nil || len(cases) == 0 {
			t.Fatalf("%s: no eventStreamTests (%v)", op, err)
		}
		for _, c := range cases {
			if c.AppliesTo == "server" {
				continue
			}
			v := vector{ID: c.ID, Operation: op[strings.IndexByte(op, '#')+1:], InitialResponse: c.InitialResponse, InitialRequest: c.InitialRequest}
			for _, e := range c.Events {
				frame, err := base64.StdEncoding.DecodeString(e.Bytes)
				if err != nil {
					t.Fatalf("%s: %v", c.ID, err)
				}
				switch e.Type {
				case "response":
					v.Frames = append(v.Frames, frame)
				case "request":
					v.Requests = append(v.Requests, frame)
				default:
					t.Fatalf("%s: an event of type %q", c.ID, e.Type)
				}
			}
			if f := c.Expectation.Failure; f != nil {
				v.Failure, v.ErrorID = true, f.ErrorID
			}
			vectors = append(vectors, v)
		}
	}
	b, err := json.Marshal(vectors)
	if err != nil {
		t.Fatal(err)
	}
	write(t, to, string(b))
}
