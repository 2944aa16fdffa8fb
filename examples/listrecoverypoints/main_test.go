package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/gosmith/gosmith/service/storagegateway"
	"github.com/gosmith/gosmith/service/storagegateway/types"
)

const (
	gatewayARN = "arn:aws:storagegateway:us-west-2:111122223333:gateway/sgw-12A3456B"
	envKeyID   = "AKIDFROMENV"
	envRegion  = "us-west-2"
	tapePrefix = "arn:aws:storagegateway:us-west-2:111122223333:tape/"
)

// isolateAWS points the AWS SDK at empty shared config files, turns off the
// EC2 instance metadata service and clears every variable that could bring
// in the host's settings, then supplies credentials and the region through
// the environment. It returns the paths of the config and credentials files.
func isolateAWS(t *testing.T) (configFile, credentialsFile string) {
	t.Helper()
	dir := t.TempDir()
	configFile = filepath.Join(dir, "config")
	credentialsFile = filepath.Join(dir, "credentials")
	for _, f := range []string{configFile, credentialsFile} {
		if err := os.WriteFile(f, nil, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	for _, k := range []string{
		"AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_SESSION_TOKEN", "AWS_DEFAULT_REGION",
		"AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_STORAGE_GATEWAY", "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS",
		"AWS_USE_FIPS_ENDPOINT", "AWS_USE_DUALSTACK_ENDPOINT",
		"AWS_MAX_ATTEMPTS", "AWS_RETRY_MODE", "AWS_CA_BUNDLE",
		"AWS_ROLE_ARN", "AWS_WEB_IDENTITY_TOKEN_FILE",
		"AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_CREDENTIALS_FULL_URI",
	} {
		t.Setenv(k, "")
	}
	t.Setenv("AWS_CONFIG_FILE", configFile)
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", credentialsFile)
	t.Setenv("AWS_EC2_METADATA_DISABLED", "true")
	t.Setenv("AWS_ACCESS_KEY_ID", envKeyID)
	t.Setenv("AWS_SECRET_ACCESS_KEY", "secret-from-env")
	t.Setenv("AWS_REGION", envRegion)
	return configFile, credentialsFile
}

// page is one response of the stand-in: its recovery points as JSON objects
// and the marker to the next page ("" on the last).
type page struct {
	points []string
	next   string
}

// threePages is a gateway with five recovery points on three pages. The
// fourth point has nothing but its ARN.
var threePages = map[string]page{
	"": {points: []string{
		`{"TapeARN":"` + tapePrefix + `AMZN01A2A4","TapeStatus":"AVAILABLE","TapeSizeInBytes":1471550497,"TapeRecoveryPointTime":1481896200}`,
		`{"TapeARN":"` + tapePrefix + `AMZN01A2A5","TapeStatus":"AVAILABLE","TapeSizeInBytes":107374182400,"TapeRecoveryPointTime":1481896260.25}`,
	}, next: "marker-2"},
	"marker-2": {points: []string{
		`{"TapeARN":"` + tapePrefix + `AMZN01A2A6","TapeStatus":"RECOVERED","TapeSizeInBytes":2684354560,"TapeRecoveryPointTime":1481982600}`,
		`{"TapeARN":"` + tapePrefix + `AMZN01A2A7"}`,
	}, next: "marker-3"},
	"marker-3": {points: []string{
		`{"TapeARN":"` + tapePrefix + `AMZN01A2A8","TapeStatus":"AVAILABLE","TapeSizeInBytes":5497558138880,"TapeRecoveryPointTime":1482069000}`,
	}},
}

// standIn is a local Storage Gateway that checks each request as the real
// service would see it and answers DescribeTapeRecoveryPoints from pages, or
// with fail when that is set.
type standIn struct {
	t         *testing.T
	pages     map[string]page
	wantLimit *int32 // nil: the request must carry no Limit
	keyID     string // access key ID the request must be signed with
	region    string // region the request must be signed for
	fail      func(n int, w http.ResponseWriter) bool

	mu      sync.Mutex
	markers []string // the Marker of each request, "" for none
}

func newStandIn(t *testing.T, pages map[string]page) *standIn {
	return &standIn{t: t, pages: pages, keyID: envKeyID, region: envRegion}
}

// start serves the stand-in on a loopback port and returns its URL.
func (s *standIn) start() string {
	srv := httptest.NewServer(s)
	s.t.Cleanup(srv.Close)
	return srv.URL
}

func (s *standIn) requests() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.markers...)
}

func (s *standIn) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	var in struct {
		GatewayARN *string
		Marker     *string
		Limit      *int32
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	decodeErr := dec.Decode(&in)

	s.mu.Lock()
	s.markers = append(s.markers, aws.ToString(in.Marker))
	n := len(s.markers)
	s.mu.Unlock()

	var problems []string
	check := func(ok bool, format string, a ...any) {
		if !ok {
			problems = append(problems, fmt.Sprintf(format, a...))
		}
	}
	check(r.Method == http.MethodPost && r.URL.Path == "/", "request line %s %s, want POST /", r.Method, r.URL.Path)
	check(r.Header.Get("X-Amz-Target") == "StorageGateway_20130630.DescribeTapeRecoveryPoints", "X-Amz-Target = %q", r.Header.Get("X-Amz-Target"))
	check(r.Header.Get("Content-Type") == "application/x-amz-json-1.1", "Content-Type = %q", r.Header.Get("Content-Type"))
	auth := r.Header.Get("Authorization")
	scope := "/" + s.region + "/storagegateway/aws4_request"
	check(strings.HasPrefix(auth, "AWS4-HMAC-SHA256 Credential="+s.keyID+"/") && strings.Contains(auth, scope),
		"Authorization = %q, want SigV4 by %s for %s", auth, s.keyID, scope)
	check(decodeErr == nil, "body %s: %v", body, decodeErr)
	check(aws.ToString(in.GatewayARN) == gatewayARN, "GatewayARN = %q, want %q", aws.ToString(in.GatewayARN), gatewayARN)
	switch {
	case s.wantLimit == nil:
		check(in.Limit == nil, "Limit = %d, want none", aws.ToInt32(in.Limit))
	default:
		check(in.Limit != nil && *in.Limit == *s.wantLimit, "Limit = %v, want %d", in.Limit, *s.wantLimit)
	}
	pg, known := s.pages[aws.ToString(in.Marker)]
	check(in.Marker == nil || *in.Marker != "", "an empty Marker was sent")
	check(known, "unknown Marker %q", aws.ToString(in.Marker))
	if len(problems) > 0 {
		for _, p := range problems {
			s.t.Errorf("stand-in, request %d: %s", n, p)
		}
		reply(w, http.StatusBadRequest, `{"__type":"InvalidGatewayRequestException","message":"stand-in rejected the request"}`)
		return
	}
	if s.fail != nil && s.fail(n, w) {
		return
	}
	out := `{"GatewayARN":"` + gatewayARN + `","TapeRecoveryPointInfos":[` + strings.Join(pg.points, ",") + `]`
	if pg.next != "" {
		out += `,"Marker":"` + pg.next + `"`
	}
	reply(w, http.StatusOK, out+"}", "X-Amzn-RequestId", fmt.Sprintf("req-%d", n))
}

func reply(w http.ResponseWriter, status int, body string, headers ...string) {
	for i := 0; i+1 < len(headers); i += 2 {
		w.Header().Set(headers[i], headers[i+1])
	}
	w.Header().Set("Content-Type", "application/x-amz-json-1.1")
	w.WriteHeader(status)
	io.WriteString(w, body)
}

// runCLI runs the program as main would and returns its exit code, stdout
// and stderr.
func runCLI(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(context.Background(), args, &out, &errOut)
	return code, out.String(), errOut.String()
}

const wantThreePagesTable = `TAPE ARN                                                       STATUS     SIZE     RECOVERY POINT
arn:aws:storagegateway:us-west-2:111122223333:tape/AMZN01A2A4  AVAILABLE  1.4 GiB  2016-12-16T13:50:00Z
arn:aws:storagegateway:us-west-2:111122223333:tape/AMZN01A2A5  AVAILABLE  100 GiB  2016-12-16T13:51:00Z
arn:aws:storagegateway:us-west-2:111122223333:tape/AMZN01A2A6  RECOVERED  2.5 GiB  2016-12-17T13:50:00Z
arn:aws:storagegateway:us-west-2:111122223333:tape/AMZN01A2A7  -          -        -
arn:aws:storagegateway:us-west-2:111122223333:tape/AMZN01A2A8  AVAILABLE  5 TiB    2016-12-18T13:50:00Z
5 tape recovery points
`

func TestListsEveryRecoveryPointAcrossPages(t *testing.T) {
	for _, tt := range []struct {
		name      string
		limitArgs []string
		wantLimit *int32
	}{
		{"with -limit", []string{"-limit", "2"}, aws.Int32(2)},
		{"service's page size", nil, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			isolateAWS(t)
			s := newStandIn(t, threePages)
			s.wantLimit = tt.wantLimit
			args := append([]string{"-gateway", gatewayARN, "-endpoint", s.start()}, tt.limitArgs...)
			code, stdout, stderr := runCLI(t, args...)
			if code != exitOK {
				t.Fatalf("exit code %d, stderr:\n%s", code, stderr)
			}
			if stderr != "" {
				t.Errorf("stderr = %q, want nothing", stderr)
			}
			if got := strings.Join(s.requests(), ","); got != ",marker-2,marker-3" {
				t.Errorf("markers sent = %q, want none, marker-2, marker-3", got)
			}

			// Every point exactly once, in the service's order.
			lines := strings.Split(strings.TrimSuffix(stdout, "\n"), "\n")
			var arns []string
			for _, l := range lines[1 : len(lines)-1] {
				arns = append(arns, strings.Fields(l)[0])
			}
			wantARNs := []string{tapePrefix + "AMZN01A2A4", tapePrefix + "AMZN01A2A5", tapePrefix + "AMZN01A2A6", tapePrefix + "AMZN01A2A7", tapePrefix + "AMZN01A2A8"}
			if strings.Join(arns, " ") != strings.Join(wantARNs, " ") {
				t.Errorf("rows list\n%s\nwant\n%s", strings.Join(arns, "\n"), strings.Join(wantARNs, "\n"))
			}
			if last := lines[len(lines)-1]; last != "5 tape recovery points" {
				t.Errorf("last line = %q, want the count", last)
			}
			if stdout != wantThreePagesTable {
				t.Errorf("stdout:\n%s\nwant:\n%s", stdout, wantThreePagesTable)
			}
		})
	}
}

func TestNoRecoveryPoints(t *testing.T) {
	isolateAWS(t)
	s := newStandIn(t, map[string]page{"": {}})
	code, stdout, stderr := runCLI(t, "-gateway", gatewayARN, "-endpoint", s.start())
	if code != exitOK || stdout != "0 tape recovery points\n" {
		t.Errorf("exit %d, stdout %q, stderr %q; want 0 and only the count", code, stdout, stderr)
	}
}

func TestRegionAndProfile(t *testing.T) {
	t.Run("-region wins over AWS_REGION", func(t *testing.T) {
		isolateAWS(t)
		s := newStandIn(t, threePages)
		s.region = "eu-central-1"
		code, _, stderr := runCLI(t, "-gateway", gatewayARN, "-endpoint", s.start(), "-region", "eu-central-1")
		if code != exitOK {
			t.Fatalf("exit code %d, stderr:\n%s", code, stderr)
		}
	})
	t.Run("-profile picks the profile's credentials and region", func(t *testing.T) {
		configFile, credentialsFile := isolateAWS(t)
		t.Setenv("AWS_REGION", "") // else it would win over the profile's region
		writeFile(t, configFile, "[profile tapes]\nregion = ap-southeast-2\n")
		writeFile(t, credentialsFile, "[default]\naws_access_key_id = AKIDDEFAULT\naws_secret_access_key = s\n\n[tapes]\naws_access_key_id = AKIDTAPES\naws_secret_access_key = s\n")
		s := newStandIn(t, threePages)
		s.keyID, s.region = "AKIDTAPES", "ap-southeast-2"
		code, _, stderr := runCLI(t, "-gateway", gatewayARN, "-endpoint", s.start(), "-profile", "tapes")
		if code != exitOK {
			t.Fatalf("exit code %d, stderr:\n%s", code, stderr)
		}
	})
	t.Run("an unknown profile", func(t *testing.T) {
		isolateAWS(t)
		s := newStandIn(t, threePages)
		code, stdout, stderr := runCLI(t, "-gateway", gatewayARN, "-endpoint", s.start(), "-profile", "nope")
		if code != exitError || stdout != "" || !strings.Contains(stderr, "nope") {
			t.Errorf("exit %d, stdout %q, stderr %q; want 1 and the profile named", code, stdout, stderr)
		}
		if n := len(s.requests()); n != 0 {
			t.Errorf("%d requests sent", n)
		}
	})
	t.Run("no credentials anywhere", func(t *testing.T) {
		isolateAWS(t)
		t.Setenv("AWS_ACCESS_KEY_ID", "")
		t.Setenv("AWS_SECRET_ACCESS_KEY", "")
		s := newStandIn(t, threePages)
		code, stdout, stderr := runCLI(t, "-gateway", gatewayARN, "-endpoint", s.start())
		if code != exitError || stdout != "" || !strings.HasPrefix(stderr, "listrecoverypoints: no usable AWS credentials (set AWS_ACCESS_KEY_ID") {
			t.Errorf("exit %d, stdout %q, stderr %q; want 1 and a missing-credentials message", code, stdout, stderr)
		}
		if n := len(s.requests()); n != 0 {
			t.Errorf("%d requests sent", n)
		}
	})
	t.Run("no region anywhere", func(t *testing.T) {
		isolateAWS(t)
		t.Setenv("AWS_REGION", "")
		s := newStandIn(t, threePages)
		code, stdout, stderr := runCLI(t, "-gateway", gatewayARN, "-endpoint", s.start())
		if code != exitError || stdout != "" || !strings.Contains(stderr, "no AWS region: pass -region") {
			t.Errorf("exit %d, stdout %q, stderr %q; want 1 and a missing-region message", code, stdout, stderr)
		}
		if n := len(s.requests()); n != 0 {
			t.Errorf("%d requests sent", n)
		}
	})
}

func writeFile(t *testing.T, name, content string) {
	t.Helper()
	if err := os.WriteFile(name, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestServiceErrorPrintsCodeMessageAndRequestID(t *testing.T) {
	for _, tt := range []struct {
		name      string
		failOn    int // the request that fails
		wantCalls int
	}{
		{"on the first page", 1, 1},
		{"on a later page, with no partial table", 2, 2},
	} {
		t.Run(tt.name, func(t *testing.T) {
			isolateAWS(t)
			s := newStandIn(t, threePages)
			s.fail = func(n int, w http.ResponseWriter) bool {
				if n != tt.failOn {
					return false
				}
				reply(w, http.StatusBadRequest,
					`{"__type":"com.amazonaws.storagegateway#InvalidGatewayRequestException","message":"The specified gateway was not found.","error":{"errorCode":"GatewayNotFound"}}`,
					"X-Amzn-RequestId", "3c1f6e0a-req")
				return true
			}
			code, stdout, stderr := runCLI(t, "-gateway", gatewayARN, "-endpoint", s.start())
			if code != exitError {
				t.Errorf("exit code %d, want %d", code, exitError)
			}
			if stdout != "" {
				t.Errorf("stdout = %q, want nothing", stdout)
			}
			want := "listrecoverypoints: DescribeTapeRecoveryPoints: InvalidGatewayRequestException: The specified gateway was not found. (gateway error GatewayNotFound, HTTP 400, request ID 3c1f6e0a-req)\n"
			if stderr != want {
				t.Errorf("stderr:\n%s\nwant:\n%s", stderr, want)
			}
			if n := len(s.requests()); n != tt.wantCalls {
				t.Errorf("requests = %d, want %d (a 400 is not retried)", n, tt.wantCalls)
			}
		})
	}
}

func TestMaxAttempts(t *testing.T) {
	isolateAWS(t)
	s := newStandIn(t, threePages)
	s.fail = func(_ int, w http.ResponseWriter) bool {
		reply(w, http.StatusInternalServerError, `{"__type":"InternalServerError","message":"try later"}`)
		return true
	}
	code, stdout, stderr := runCLI(t, "-gateway", gatewayARN, "-endpoint", s.start(), "-max-attempts", "1")
	if code != exitError || stdout != "" {
		t.Errorf("exit %d, stdout %q; want 1 and nothing", code, stdout)
	}
	if !strings.Contains(stderr, "InternalServerError: try later (HTTP 500") {
		t.Errorf("stderr = %q", stderr)
	}
	if n := len(s.requests()); n != 1 {
		t.Errorf("requests = %d, want 1 with -max-attempts 1", n)
	}
}

func TestTimeoutStopsAServerThatNeverAnswers(t *testing.T) {
	isolateAWS(t)
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-release:
		}
	}))
	t.Cleanup(srv.Close)
	t.Cleanup(func() { close(release) }) // runs first: lets srv.Close return

	start := time.Now()
	code, stdout, stderr := runCLI(t, "-gateway", gatewayARN, "-endpoint", srv.URL, "-timeout", "200ms")
	elapsed := time.Since(start)
	if code != exitError || stdout != "" {
		t.Errorf("exit %d, stdout %q; want 1 and nothing", code, stdout)
	}
	if !strings.HasPrefix(stderr, "listrecoverypoints: timed out after 200ms (raise -timeout): ") || !strings.Contains(stderr, "deadline exceeded") {
		t.Errorf("stderr = %q, want a timeout naming -timeout", stderr)
	}
	if elapsed > 5*time.Second {
		t.Errorf("took %v with -timeout 200ms", elapsed)
	}
}

func TestUsageErrors(t *testing.T) {
	for _, tt := range []struct {
		name string
		args []string
		want string
	}{
		{"no flags", nil, "-gateway is required"},
		{"empty gateway", []string{"-gateway", ""}, "-gateway is required"},
		{"unknown flag", []string{"-gateway", gatewayARN, "-pages", "2"}, "flag provided but not defined: -pages"},
		{"not a number", []string{"-gateway", gatewayARN, "-limit", "ten"}, `invalid value "ten" for flag -limit`},
		{"negative limit", []string{"-gateway", gatewayARN, "-limit", "-1"}, "-limit -1: want 0"},
		{"limit past int32", []string{"-gateway", gatewayARN, "-limit", "2147483648"}, "-limit 2147483648: want 0"},
		{"zero timeout", []string{"-gateway", gatewayARN, "-timeout", "0s"}, "-timeout 0s: want a positive duration"},
		{"negative attempts", []string{"-gateway", gatewayARN, "-max-attempts", "-2"}, "-max-attempts -2"},
		{"endpoint without scheme", []string{"-gateway", gatewayARN, "-endpoint", "localhost:8080"}, "want an absolute http or https URL"},
		{"endpoint with a query", []string{"-gateway", gatewayARN, "-endpoint", "http://127.0.0.1:1/?x=1"}, "must not carry"},
		{"positional argument", []string{"-gateway", gatewayARN, "extra"}, `unexpected argument "extra"`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			isolateAWS(t)
			code, stdout, stderr := runCLI(t, tt.args...)
			if code != exitUsage {
				t.Errorf("exit code %d, want %d", code, exitUsage)
			}
			if stdout != "" {
				t.Errorf("stdout = %q, want nothing", stdout)
			}
			if !strings.Contains(stderr, tt.want) || !strings.Contains(stderr, "Usage: listrecoverypoints -gateway ARN") {
				t.Errorf("stderr lacks %q and the usage:\n%s", tt.want, stderr)
			}
		})
	}
}

func TestHelp(t *testing.T) {
	code, stdout, stderr := runCLI(t, "-h")
	if code != exitOK || stdout != "" || !strings.Contains(stderr, "-max-attempts") {
		t.Errorf("exit %d, stdout %q, stderr %q; want 0 and the usage on stderr", code, stdout, stderr)
	}
}

func TestHumanSize(t *testing.T) {
	for n, want := range map[int64]string{
		0:                   "0 B",
		1023:                "1023 B",
		1024:                "1 KiB",
		1536:                "1.5 KiB",
		1048575:             "1 MiB", // 1023.999 KiB rounds up a unit
		1471550497:          "1.4 GiB",
		107374182400:        "100 GiB",
		2684354560:          "2.5 GiB",
		5497558138880:       "5 TiB",
		9223372036854775807: "8 EiB",
	} {
		if got := humanSize(n); got != want {
			t.Errorf("humanSize(%d) = %q, want %q", n, got, want)
		}
	}
}

// repeatingClient answers every page with the same marker.
type repeatingClient struct{ calls int }

func (c *repeatingClient) DescribeTapeRecoveryPoints(context.Context, *storagegateway.DescribeTapeRecoveryPointsInput, ...func(*storagegateway.Options)) (*storagegateway.DescribeTapeRecoveryPointsOutput, error) {
	c.calls++
	return &storagegateway.DescribeTapeRecoveryPointsOutput{
		TapeRecoveryPointInfos: []types.TapeRecoveryPointInfo{{TapeARN: aws.String("tape")}},
		Marker:                 aws.String("again"),
	}, nil
}

func TestRepeatedMarkerIsAnError(t *testing.T) {
	c := &repeatingClient{}
	points, err := listRecoveryPoints(context.Background(), c, gatewayARN, 0)
	if err == nil || !strings.Contains(err.Error(), `marker "again" twice`) {
		t.Fatalf("points %v, err %v; want a repeated-marker error", points, err)
	}
	if c.calls != 2 {
		t.Errorf("calls = %d, want 2", c.calls)
	}
}

// Endpoints configured the aws-sdk-go-v2 way (no -endpoint flag) reach the
// server they name, with v2's precedence: the service's own setting first.
func TestConfiguredEndpoints(t *testing.T) {
	for _, tc := range []struct {
		name  string
		setup func(t *testing.T, configFile, right, wrong string)
	}{
		{"AWS_ENDPOINT_URL_STORAGE_GATEWAY", func(t *testing.T, _, right, _ string) {
			t.Setenv("AWS_ENDPOINT_URL_STORAGE_GATEWAY", right)
		}},
		{"AWS_ENDPOINT_URL", func(t *testing.T, _, right, _ string) {
			t.Setenv("AWS_ENDPOINT_URL", right)
		}},
		{"the service's variable beats AWS_ENDPOINT_URL", func(t *testing.T, _, right, wrong string) {
			t.Setenv("AWS_ENDPOINT_URL", wrong)
			t.Setenv("AWS_ENDPOINT_URL_STORAGE_GATEWAY", right)
		}},
		{"the services section beats the profile's endpoint_url", func(t *testing.T, configFile, right, wrong string) {
			writeFile(t, configFile, "[default]\nendpoint_url = "+wrong+"\nservices = local\n\n[services local]\nstorage_gateway =\n  endpoint_url = "+right+"\n")
		}},
		{"AWS_ENDPOINT_URL beats the services section", func(t *testing.T, configFile, right, wrong string) {
			t.Setenv("AWS_ENDPOINT_URL", right)
			writeFile(t, configFile, "[default]\nservices = local\n\n[services local]\nstorage_gateway =\n  endpoint_url = "+wrong+"\n")
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			configFile, _ := isolateAWS(t)
			// isolateAWS sets these to ""; config.LoadDefaultConfig reads an
			// empty variable as unset, as aws-sdk-go-v2 clients must not.
			unsetenv(t, "AWS_ENDPOINT_URL")
			unsetenv(t, "AWS_ENDPOINT_URL_STORAGE_GATEWAY")
			right, wrong := newStandIn(t, threePages), newStandIn(t, threePages)
			tc.setup(t, configFile, right.start(), wrong.start())
			code, _, stderr := runCLI(t, "-gateway", gatewayARN)
			if code != exitOK {
				t.Fatalf("exit code %d, stderr:\n%s", code, stderr)
			}
			if len(right.requests()) != 3 || len(wrong.requests()) != 0 {
				t.Errorf("requests: %d to the configured endpoint, %d to the other; want 3 and 0", len(right.requests()), len(wrong.requests()))
			}
		})
	}
}

func unsetenv(t *testing.T, key string) {
	t.Helper()
	t.Setenv(key, "")
	if err := os.Unsetenv(key); err != nil {
		t.Fatal(err)
	}
}
