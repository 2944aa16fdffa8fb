package main

// restSvc is the restJson1 service ex#Rest binding the operations ex#<op>.
func restSvc(ops ...string) string {
	return svcShape("ex#Rest", `"aws.protocols#restJson1":{},"aws.auth#sigv4":{"name":"rest"}`, ops...)
}

// restHelpers is the smoke tests' in-memory HTTPClient for restJson1: it
// records the request line, headers and body, and answers with a canned
// status, headers and body.
const restHelpers = `
import (
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/smithy-go"
)

var _ = aws.String

type restHTTP struct {
	status int
	header http.Header
	body   string
	req    *http.Request
	sent   []byte
}

func (f *restHTTP) Do(r *http.Request) (*http.Response, error) {
	f.req = r
	if r.Body != nil {
		f.sent, _ = io.ReadAll(r.Body)
	}
	status := f.status
	if status == 0 {
		status = 200
	}
	return &http.Response{StatusCode: status, Status: http.StatusText(status), Header: f.header.Clone(),
		Body: io.NopCloser(strings.NewReader(f.body)), ContentLength: int64(len(f.body)), Request: r}, nil
}

func restClient(f *restHTTP) *Client {
	return New(Options{Region: "us-east-1", BaseEndpoint: aws.String("https://rest.example"), HTTPClient: f, RetryMaxAttempts: 1,
		Credentials: aws.AnonymousCredentials{}})
}

var (
	_ = errors.As
	_ smithy.APIError
	_ = context.Background
	_ testing.TB
	_ = time.Now
)
`

func trickyRESTCases() []trickyCase {
	return []trickyCase{
		{
			name: "restJson1 labels are escaped as aws-sdk-go-v2 escapes them, and an empty label is refused before sending",
			pkg:  "restlabels",
			model: doc(restSvc("Get"),
				`"ex#Get":{"type":"operation","input":{"target":"ex#GetIn"},"traits":{"smithy.api#http":{"method":"GET","uri":"/things/{Name}/files/{Path+}?fixed=1"}}}`,
				`"ex#GetIn":{"type":"structure","members":{
					"Name":{"target":"smithy.api#String","traits":{"smithy.api#httpLabel":{},"smithy.api#required":{}}},
					"Path":{"target":"smithy.api#String","traits":{"smithy.api#httpLabel":{},"smithy.api#required":{}}},
					"Since":{"target":"smithy.api#Timestamp","traits":{"smithy.api#httpQuery":"since"}},
					"Tags":{"target":"ex#Strings","traits":{"smithy.api#httpQuery":"tag"}}}}`,
				`"ex#Strings":{"type":"list","member":{"target":"smithy.api#String"}}`),
			smoke: restHelpers + `
func TestLabels(t *testing.T) {
	f := &restHTTP{}
	_, err := restClient(f).Get(context.Background(), &GetInput{
		Name: aws.String("a/b c☃%"), Path: aws.String("x/y z/ü"),
		Tags: []string{"one two", "&="},
	})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := f.req.URL.EscapedPath(), "/things/a%2Fb%20c%E2%98%83%25/files/x/y%20z/%C3%BC"; got != want {
		t.Errorf("path %s, want %s", got, want)
	}
	if got, want := f.req.URL.RawQuery, "fixed=1&tag=one+two&tag=%26%3D"; got != want {
		t.Errorf("query %s, want %s", got, want)
	}
	if f.req.Method != "GET" || len(f.sent) != 0 || f.req.Header.Get("Content-Type") != "" {
		t.Errorf("method %s, body %q, Content-Type %q: want a GET without body", f.req.Method, f.sent, f.req.Header.Get("Content-Type"))
	}
}

func TestEmptyLabelIsRefusedBeforeSending(t *testing.T) {
	for _, in := range []*GetInput{{Name: aws.String(""), Path: aws.String("p")}, {Name: aws.String("n"), Path: aws.String("")}} {
		f := &restHTTP{}
		_, err := restClient(f).Get(context.Background(), in)
		if err == nil || f.req != nil {
			t.Fatalf("err %v, request sent %v: want an error and no request", err, f.req != nil)
		}
		name := "Name"
		if aws.ToString(in.Name) != "" {
			name = "Path"
		}
		if !strings.Contains(err.Error(), name) {
			t.Errorf("error %q does not name %s", err, name)
		}
	}
}
`,
		},
		{
			name: "restJson1 headers round-trip, and a malformed response header is an error naming it",
			pkg:  "restheaders",
			model: doc(restSvc("Put"),
				`"ex#Put":{"type":"operation","input":{"target":"ex#PutIn"},"output":{"target":"ex#PutOut"},"traits":{"smithy.api#http":{"method":"PUT","uri":"/put","code":201}}}`,
				`"ex#PutIn":{"type":"structure","members":{
					"When":{"target":"smithy.api#Timestamp","traits":{"smithy.api#httpHeader":"X-When"}},
					"Names":{"target":"ex#Strings","traits":{"smithy.api#httpHeader":"X-Names"}},
					"Meta":{"target":"ex#Meta","traits":{"smithy.api#httpPrefixHeaders":"X-Meta-"}},
					"Note":{"target":"smithy.api#String","traits":{"smithy.api#jsonName":"note"}}}}`,
				`"ex#PutOut":{"type":"structure","members":{
					"Count":{"target":"smithy.api#Integer","traits":{"smithy.api#httpHeader":"X-Count"}},
					"Status":{"target":"smithy.api#Integer","traits":{"smithy.api#httpResponseCode":{}}},
					"Id":{"target":"smithy.api#String","traits":{"smithy.api#jsonName":"id"}}}}`,
				`"ex#Strings":{"type":"list","member":{"target":"smithy.api#String"}}`,
				`"ex#Meta":{"type":"map","key":{"target":"smithy.api#String"},"value":{"target":"smithy.api#String"}}`),
			smoke: restHelpers + `
func TestHeaders(t *testing.T) {
	f := &restHTTP{status: 201, header: http.Header{"X-Count": {"7"}}, body: ´{"id":"abc"}´}
	out, err := restClient(f).Put(context.Background(), &PutInput{
		When:  aws.Time(time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC)),
		Names: []string{"a", "b,c"},
		Meta:  map[string]string{"color": "blue"},
		Note:  aws.String("hi"),
	})
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{"X-When": "Thu, 02 Jan 2020 03:04:05 GMT", "X-Names": "a, \"b,c\"", "X-Meta-Color": "blue", "Content-Type": "application/json"} {
		if got := strings.Join(f.req.Header.Values(name), ", "); got != want {
			t.Errorf("header %s = %q, want %q", name, got, want)
		}
	}
	if string(f.sent) != ´{"note":"hi"}´ {
		t.Errorf("body %s", f.sent)
	}
	if aws.ToInt32(out.Count) != 7 || aws.ToInt32(out.Status) != 201 || aws.ToString(out.Id) != "abc" {
		t.Errorf("output %+v", out)
	}
}

func TestMalformedHeaderNamesIt(t *testing.T) {
	f := &restHTTP{status: 201, header: http.Header{"X-Count": {"seven"}}, body: "{}"}
	_, err := restClient(f).Put(context.Background(), &PutInput{})
	var de *smithy.DeserializationError
	if !errors.As(err, &de) || !strings.Contains(err.Error(), "X-Count") || !strings.Contains(err.Error(), "seven") {
		t.Fatalf("want a deserialization error naming X-Count and its value, got %v", err)
	}
}
`,
		},
		{
			name: "restJson1 streaming payloads: an io.Reader is sent as it is, an io.ReadCloser is handed back unread",
			pkg:  "reststream",
			model: doc(restSvc("Upload", "Download"),
				`"ex#Upload":{"type":"operation","input":{"target":"ex#UpIn"},"traits":{"smithy.api#http":{"method":"POST","uri":"/up"}}}`,
				`"ex#UpIn":{"type":"structure","members":{"Body":{"target":"ex#Stream","traits":{"smithy.api#httpPayload":{}}}}}`,
				`"ex#Download":{"type":"operation","output":{"target":"ex#DownOut"},"traits":{"smithy.api#http":{"method":"GET","uri":"/down"}}}`,
				`"ex#DownOut":{"type":"structure","members":{"Body":{"target":"ex#Stream","traits":{"smithy.api#httpPayload":{}}},
					"Kind":{"target":"smithy.api#String","traits":{"smithy.api#httpHeader":"Content-Type"}}}}`,
				`"ex#Stream":{"type":"blob","traits":{"smithy.api#streaming":{}}}`),
			smoke: restHelpers + `
func TestStreams(t *testing.T) {
	f := &restHTTP{}
	if _, err := restClient(f).Upload(context.Background(), &UploadInput{Body: strings.NewReader("payload bytes")}); err != nil {
		t.Fatal(err)
	}
	if string(f.sent) != "payload bytes" || f.req.Header.Get("Content-Type") != "application/octet-stream" {
		t.Errorf("sent %q as %q", f.sent, f.req.Header.Get("Content-Type"))
	}

	f = &restHTTP{header: http.Header{"Content-Type": {"text/csv"}}, body: "a,b\n1,2\n"}
	out, err := restClient(f).Download(context.Background(), &DownloadInput{})
	if err != nil {
		t.Fatal(err)
	}
	defer out.Body.Close()
	got, err := io.ReadAll(out.Body)
	if err != nil || string(got) != "a,b\n1,2\n" || aws.ToString(out.Kind) != "text/csv" {
		t.Errorf("read %q (%v), kind %q", got, err, aws.ToString(out.Kind))
	}
}
`,
		},
	}
}
