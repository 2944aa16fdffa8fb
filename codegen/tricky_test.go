package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// trickyCase is one small hand-written model and what the generator must do
// with it: either generate a package that compiles, vets and passes the
// case's smoke test, or fail with exit code 1 and an error naming what is
// wrong.
type trickyCase struct {
	name string
	// pkg is the Go package (and directory) a success case generates into;
	// it is unique in the table.
	pkg   string
	model string
	args  []string // extra codegen flags
	// wantErr, when set, expects generation to fail with exit code 1 and a
	// stderr mentioning every string.
	wantErr []string
	// wantWarn lists strings a successful generation's stderr (its warnings)
	// must mention; without it stderr must be empty.
	wantWarn []string
	// smoke is a test file written into the generated package, after its
	// package clause; "$PKG" stands for the package's import path and "´"
	// for a backquote.
	smoke string
	// smokeIn, when set, is the subpackage the smoke test goes into, whose
	// package name it is (the fake, which imports the client package and
	// so cannot be tested from it); its go test result is the case's.
	smokeIn string
	// bug names a known generator bug the case exposes; the case is skipped
	// with this message unless GOSMITH_TRICKY_BUGS=1.
	bug string
}

// Small builders keep the models readable: every model is a Smithy 2.0
// document whose shapes are written out by hand in the case.

// doc wraps shape definitions into a Smithy 2.0 JSON AST document.
func doc(shapes ...string) string {
	return "{\"smithy\":\"2.0\",\"shapes\":{\n" + strings.Join(shapes, ",\n") + "\n}}"
}

// svc is the awsJson1_1 service ex#Svc binding the operations ex#<op>.
func svc(ops ...string) string {
	return svcShape("ex#Svc", `"aws.protocols#awsJson1_1":{}`, ops...)
}

func svcShape(id, traits string, ops ...string) string {
	refs := make([]string, len(ops))
	for i, op := range ops {
		refs[i] = `{"target":"ex#` + op + `"}`
	}
	return fmt.Sprintf(`%q:{"type":"service","version":"2024-01-01","operations":[%s],"traits":{%s}}`,
		id, strings.Join(refs, ","), traits)
}

// echoOp is the operation ex#<name> whose input and output are both ex#<io>,
// so an echoing fake server round-trips every member.
func echoOp(name, io string) string {
	return fmt.Sprintf(`"ex#%s":{"type":"operation","input":{"target":"ex#%s"},"output":{"target":"ex#%s"}}`, name, io, io)
}

// trickyHelpers is written into every generated package beside the smoke
// test: an in-memory HTTPClient that records the request and answers with a
// reply (an echo of the request body unless the test says otherwise).
const trickyHelpers = `
import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"reflect"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
)

type trickyHTTP struct {
	reply  func(n int, target string, body []byte) (int, string)
	calls  int
	target string
	body   []byte
}

func (f *trickyHTTP) Do(r *http.Request) (*http.Response, error) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		return nil, err
	}
	f.calls++
	f.target, f.body = r.Header.Get("X-Amz-Target"), body
	status, resp := 200, string(body)
	if f.reply != nil {
		status, resp = f.reply(f.calls, f.target, body)
	}
	return &http.Response{
		StatusCode:    status,
		Status:        http.StatusText(status),
		Header:        http.Header{"Content-Type": {"application/x-amz-json-1.1"}, "X-Amzn-Requestid": {"tricky-req"}},
		Body:          io.NopCloser(strings.NewReader(resp)),
		ContentLength: int64(len(resp)),
		Request:       r,
	}, nil
}

// trickyClient returns a client over an in-memory HTTPClient; reply nil
// echoes the request body with status 200.
func trickyClient(reply func(n int, target string, body []byte) (int, string)) (*Client, *trickyHTTP) {
	f := &trickyHTTP{reply: reply}
	c := New(Options{Region: "us-east-1", BaseEndpoint: aws.String("http://tricky.invalid"), HTTPClient: f, RetryMaxAttempts: 1})
	return c, f
}

// trickyJSON compares a request body with the JSON it should be.
func trickyJSON(t *testing.T, got []byte, want string) {
	t.Helper()
	var g, w any
	if err := json.Unmarshal(got, &g); err != nil {
		t.Fatalf("request body is not JSON: %v\n%s", err, got)
	}
	if err := json.Unmarshal([]byte(want), &w); err != nil {
		t.Fatalf("the test's JSON is broken: %v\n%s", err, want)
	}
	if !reflect.DeepEqual(g, w) {
		t.Errorf("request body\n got %s\nwant %s", bytes.TrimSpace(got), want)
	}
}
`

// TestTrickyModels runs the table of tricky models: failures are checked
// at once; every success case is generated into its own package under one
// scratch directory, which is vetted and tested in a single go vet and a
// single go test run whose output is attributed back to the cases by
// package.
func TestTrickyModels(t *testing.T) {
	if testing.Short() {
		t.Skip("generates, vets and tests a package per tricky model; skipped with -short")
	}
	runBugs := os.Getenv("GOSMITH_TRICKY_BUGS") == "1"
	cases := trickyCases()
	seen := map[string]bool{}
	for _, tc := range cases {
		if (tc.wantErr == nil) == (tc.smoke == "") {
			t.Fatalf("case %q: set exactly one of wantErr and smoke", tc.name)
		}
		if tc.wantErr == nil && (tc.pkg == "" || seen[tc.pkg]) {
			t.Fatalf("case %q: package %q is empty or used twice", tc.name, tc.pkg)
		}
		seen[tc.pkg] = true
	}

	dir := moduleTempDir(t)
	importBase := thisModule + "/internal/" + filepath.Base(dir)
	models := t.TempDir()

	type result struct {
		code           int
		stdout, stderr string
		panicked       any
		outDir         string
	}
	results := map[string]*result{}
	generated := 0
	for i, tc := range cases {
		if tc.bug != "" && !runBugs {
			continue
		}
		modelFile := filepath.Join(models, fmt.Sprintf("case%02d.json", i))
		if err := os.WriteFile(modelFile, []byte(tc.model), 0o644); err != nil {
			t.Fatal(err)
		}
		pkg := tc.pkg
		if pkg == "" {
			pkg = fmt.Sprintf("failcase%02d", i)
		}
		r := &result{outDir: filepath.Join(dir, pkg)}
		args := append([]string{"-model", modelFile, "-out", r.outDir, "-package", pkg}, tc.args...)
		r.code, r.stdout, r.stderr, r.panicked = runCLIRecover(args...)
		results[tc.name] = r
		if r.code == exitOK && tc.wantErr == nil {
			helpers := "package " + pkg + "\n" + trickyHelpers
			smoke := strings.NewReplacer("$PKG", importBase+"/"+pkg, "´", "`").Replace(tc.smoke)
			smokeDir := r.outDir
			if tc.smokeIn != "" {
				smoke = "package " + path.Base(tc.smokeIn) + "\n" + smoke
				smokeDir = filepath.Join(r.outDir, filepath.FromSlash(tc.smokeIn))
			} else {
				smoke = "package " + pkg + "\n" + smoke
			}
			if err := os.WriteFile(filepath.Join(r.outDir, "tricky_helpers_test.go"), []byte(helpers), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(smokeDir, "tricky_smoke_test.go"), []byte(smoke), 0o644); err != nil {
				t.Fatal(err)
			}
			generated++
		}
	}

	// One go vet and one go test over every generated package.
	var vetOut string
	testOut := map[string]*pkgTestResult{}
	if generated > 0 {
		start := time.Now()
		vetOut = string(goCmdAllowFail(dir, "vet", "./..."))
		t.Logf("go vet ./... over %d packages: %s", generated, time.Since(start).Round(time.Millisecond))
		start = time.Now()
		testOut = parseTestJSON(goCmdAllowFail(dir, "test", "-count=1", "-vet=off", "-json", "./..."))
		t.Logf("go test ./...: %s", time.Since(start).Round(time.Millisecond))
	}

	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if tc.bug != "" && !runBugs {
				t.Skipf("known generator bug (set GOSMITH_TRICKY_BUGS=1 to run): %s", tc.bug)
			}
			r := results[tc.name]
			if r.panicked != nil {
				t.Fatalf("codegen crashed (exit %d): %v", r.code, r.panicked)
			}
			if strings.Contains(r.stderr, "panic") || strings.Contains(r.stderr, "goroutine ") {
				t.Errorf("stderr looks like a panic:\n%s", r.stderr)
			}
			if tc.wantErr != nil {
				if r.code != exitError {
					t.Fatalf("exit code %d, want %d (a model error)\nstdout: %s\nstderr: %s", r.code, exitError, r.stdout, r.stderr)
				}
				for _, want := range tc.wantErr {
					if !strings.Contains(r.stderr, want) {
						t.Errorf("stderr does not mention %q:\n%s", want, r.stderr)
					}
				}
				if _, err := os.Stat(r.outDir); err == nil {
					t.Errorf("a failed generation wrote %s", r.outDir)
				}
				return
			}
			if r.code != exitOK {
				t.Fatalf("exit code %d, want 0\nstderr: %s", r.code, r.stderr)
			}
			for _, want := range tc.wantWarn {
				if !strings.Contains(r.stderr, want) {
					t.Errorf("warnings do not mention %q:\n%s", want, r.stderr)
				}
			}
			if tc.wantWarn == nil && r.stderr != "" {
				t.Errorf("unexpected stderr:\n%s", r.stderr)
			}
			if lines := linesAbout(vetOut, tc.pkg, importBase); lines != "" {
				t.Errorf("go vet ./%s:\n%s", tc.pkg, lines)
			}
			tested := importBase + "/" + tc.pkg
			if tc.smokeIn != "" {
				tested += "/" + tc.smokeIn
			}
			tr := testOut[tested]
			switch {
			case tr == nil:
				t.Errorf("go test reported nothing for package %s\n%s", tc.pkg, linesAbout(vetOut, tc.pkg, importBase))
			case tr.action != "pass":
				t.Errorf("go test ./%s: %s\n%s", tc.pkg, tr.action, tr.output.String())
			case !strings.Contains(tr.output.String(), "--- PASS") && !strings.Contains(tr.output.String(), "ok "):
				t.Errorf("go test ./%s ran no test:\n%s", tc.pkg, tr.output.String())
			}
		})
	}
}

// runCLIRecover runs the generator in a child process (this test binary
// re-executed into TestTrickyCodegenProcess), so that even a crash the
// runtime cannot recover from, such as a stack overflow, fails one case
// instead of the whole table. panicked holds the crash output, if any.
func runCLIRecover(args ...string) (code int, stdout, stderr string, panicked any) {
	enc, err := json.Marshal(args)
	if err != nil {
		panic(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestTrickyCodegenProcess$", "-test.count=1")
	cmd.Env = append(os.Environ(), trickyArgsEnv+"="+string(enc))
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err = cmd.Run()
	code = cmd.ProcessState.ExitCode()
	stdout, stderr = out.String(), errOut.String()
	if err != nil && code < 0 {
		return code, stdout, stderr, err
	}
	if i := strings.Index(stderr, "panic: "); i >= 0 {
		return code, stdout, stderr, stderr[i:min(len(stderr), i+2000)]
	}
	if i := strings.Index(stderr, "fatal error: "); i >= 0 {
		// The frames nearest the overflow name the generator function.
		frames := stderr[i:]
		if j := strings.Index(frames, "goroutine "); j >= 0 {
			frames = frames[:strings.IndexByte(frames, '\n')+1] + frames[j:]
		}
		return code, stdout, stderr, frames[:min(len(frames), 700)]
	}
	return code, stdout, stderr, nil
}

const trickyArgsEnv = "GOSMITH_TRICKY_CODEGEN_ARGS"

// TestTrickyCodegenProcess is not a test: it is the child process of
// runCLIRecover, running the generator on the arguments in its environment.
func TestTrickyCodegenProcess(t *testing.T) {
	enc := os.Getenv(trickyArgsEnv)
	if enc == "" {
		t.Skip("the child process of TestTrickyModels; runs only when re-executed by it")
	}
	var args []string
	if err := json.Unmarshal([]byte(enc), &args); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(100)
	}
	os.Exit(run(args, os.Stdout, os.Stderr))
}

// goCmdAllowFail runs go in dir and returns its combined output whatever
// the exit status: the callers attribute failures to packages.
func goCmdAllowFail(dir string, args ...string) []byte {
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	out, _ := cmd.CombinedOutput()
	return out
}

// linesAbout picks the lines of go command output that concern one package
// of the scratch directory: its "# import/path" header block and every line
// naming one of its files.
func linesAbout(out, pkg, importBase string) string {
	var b strings.Builder
	inBlock := false
	ip := importBase + "/" + pkg
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "# ") {
			p := strings.Trim(strings.Fields(line + " x")[1], "[]")
			inBlock = p == ip || strings.HasPrefix(p, ip+"/") || strings.HasPrefix(p, ip+"_test") || strings.HasPrefix(p, ip+" ")
			if inBlock {
				b.WriteString(line + "\n")
			}
			continue
		}
		line := strings.TrimPrefix(line, "vet: ")
		if inBlock || strings.HasPrefix(line, pkg+"/") || strings.HasPrefix(line, "./"+pkg+"/") ||
			strings.Contains(line, "/"+filepath.Base(importBase)+"/"+pkg+"/") || strings.Contains(line, ip+"/") || strings.HasSuffix(line, ip) {
			b.WriteString(line + "\n")
		}
	}
	return b.String()
}

// pkgTestResult is what go test -json said about one package.
type pkgTestResult struct {
	action string // pass, fail or skip
	output strings.Builder
}

func parseTestJSON(out []byte) map[string]*pkgTestResult {
	res := map[string]*pkgTestResult{}
	get := func(p string) *pkgTestResult {
		if res[p] == nil {
			res[p] = &pkgTestResult{}
		}
		return res[p]
	}
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 1<<22)
	for sc.Scan() {
		var ev struct {
			Action, Package, ImportPath, Test, Output string
		}
		if json.Unmarshal(sc.Bytes(), &ev) != nil {
			continue
		}
		switch {
		case ev.Action == "build-output" || ev.Action == "build-fail":
			// ImportPath is "pkg [pkg.test]" for test builds.
			p := strings.Fields(ev.ImportPath + " x")[0]
			get(p).output.WriteString(ev.Output)
		case ev.Package == "":
		case ev.Action == "output":
			get(ev.Package).output.WriteString(ev.Output)
		case ev.Test == "" && (ev.Action == "pass" || ev.Action == "fail" || ev.Action == "skip"):
			get(ev.Package).action = ev.Action
		}
	}
	return res
}

// Common smoke-test imports.
const smokeImports = `
import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"

	"$PKG/types"
)

var _ = aws.String
`

// smokeImportsNoTypes is smokeImports for packages whose test does not
// need the types package.
const smokeImportsNoTypes = `
import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
)

var _ = aws.String
`

func trickyCases() []trickyCase {
	cases := append(trickyFailureCases(), trickySuccessCases()...)
	return append(append(cases, trickyRESTCases()...), trickyTestKitCases()...)
}

func trickyFailureCases() []trickyCase {
	return []trickyCase{
		// ---- Models the generator must reject, naming what is wrong. ----
		{
			name: "a member targeting a missing shape is an error naming the structure, member and target",
			model: doc(svc("Do"),
				`"ex#Do":{"type":"operation","input":{"target":"ex#DoIn"}}`,
				`"ex#DoIn":{"type":"structure","members":{"tags":{"target":"ex#Tags"}}}`,
				`"ex#Tags":{"type":"list","member":{"target":"ex#Tag"}}`),
			wantErr: []string{"ex#Tags", "member", "ex#Tag"},
		},
		{
			name: "an operation whose input is missing is an error naming the operation",
			model: doc(svc("Do"),
				`"ex#Do":{"type":"operation","input":{"target":"ex#Nowhere"}}`),
			wantErr: []string{"ex#Do", "ex#Nowhere"},
		},
		{
			name: "an operation error that is missing is an error naming the operation",
			model: doc(svc("Do"),
				`"ex#Do":{"type":"operation","errors":[{"target":"ex#Gone"}]}`),
			wantErr: []string{"ex#Do", "ex#Gone"},
		},
		{
			name: "an operation error without the error trait is an error naming the operation and the shape",
			model: doc(svc("Do"),
				`"ex#Do":{"type":"operation","errors":[{"target":"ex#NotAnError"}]}`,
				`"ex#NotAnError":{"type":"structure","members":{}}`),
			wantErr: []string{"ex#Do", "ex#NotAnError"},
		},
		{
			name: "members equal ignoring case are rejected by the loader naming both",
			model: doc(svc("Do"),
				`"ex#Do":{"type":"operation","input":{"target":"ex#DoIn"}}`,
				`"ex#DoIn":{"type":"structure","members":{"a":{"target":"smithy.api#String"},"A":{"target":"smithy.api#String"}}}`),
			wantErr: []string{"ex#DoIn", "member A", "conflicts with a"},
		},
		{
			name: "a member name that is not a Smithy identifier is an error naming it",
			model: doc(svc("Do"),
				`"ex#Do":{"type":"operation","input":{"target":"ex#DoIn"}}`,
				`"ex#DoIn":{"type":"structure","members":{"a-b":{"target":"smithy.api#String"}}}`),
			wantErr: []string{"ex#DoIn", "a-b"},
		},
		{
			name: "an enum with duplicate values is an error naming the shape and the value",
			model: doc(svc("Do"),
				`"ex#Do":{"type":"operation","input":{"target":"ex#DoIn"}}`,
				`"ex#DoIn":{"type":"structure","members":{"c":{"target":"ex#Color"}}}`,
				`"ex#Color":{"type":"enum","members":{"RED":{"target":"smithy.api#Unit","traits":{"smithy.api#enumValue":"red"}},"CRIMSON":{"target":"smithy.api#Unit","traits":{"smithy.api#enumValue":"red"}}}}`),
			wantErr: []string{"ex#Color", "CRIMSON", `"red"`},
		},
		{
			name: "an intEnum with duplicate values is an error naming the shape",
			model: doc(svc("Do"),
				`"ex#Do":{"type":"operation","input":{"target":"ex#DoIn"}}`,
				`"ex#DoIn":{"type":"structure","members":{"l":{"target":"ex#Level"}}}`,
				`"ex#Level":{"type":"intEnum","members":{"LOW":{"target":"smithy.api#Unit","traits":{"smithy.api#enumValue":1}},"ONE":{"target":"smithy.api#Unit","traits":{"smithy.api#enumValue":1}}}}`),
			wantErr: []string{"ex#Level", "ONE"},
		},
		{
			name: "an empty enum value is an error naming the member",
			model: doc(svc("Do"),
				`"ex#Do":{"type":"operation","input":{"target":"ex#DoIn"}}`,
				`"ex#DoIn":{"type":"structure","members":{"c":{"target":"ex#Color"}}}`,
				`"ex#Color":{"type":"enum","members":{"NONE":{"target":"smithy.api#Unit","traits":{"smithy.api#enumValue":""}}}}`),
			wantErr: []string{"ex#Color", "NONE"},
		},
		{
			name: "a paginator naming a missing member is an error naming the operation and the member",
			model: doc(svc("List"),
				`"ex#List":{"type":"operation","input":{"target":"ex#ListIn"},"output":{"target":"ex#ListOut"},"traits":{"smithy.api#paginated":{"inputToken":"token","outputToken":"next","items":"items"}}}`,
				`"ex#ListIn":{"type":"structure","members":{"next":{"target":"smithy.api#String"}}}`,
				`"ex#ListOut":{"type":"structure","members":{"next":{"target":"smithy.api#String"}}}`),
			wantErr: []string{"ex#List", `"token"`},
		},
		{
			name: "a paginator whose output token is an integer and input token a string is an error naming both",
			model: doc(svc("List"),
				`"ex#List":{"type":"operation","input":{"target":"ex#ListIn"},"output":{"target":"ex#ListOut"},"traits":{"smithy.api#paginated":{"inputToken":"token","outputToken":"next"}}}`,
				`"ex#ListIn":{"type":"structure","members":{"token":{"target":"smithy.api#String"}}}`,
				`"ex#ListOut":{"type":"structure","members":{"next":{"target":"smithy.api#Integer"}}}`),
			wantErr: []string{"ex#List", "outputToken next and inputToken token must have the same type"},
		},
		{
			name:    "a restXml service is an error naming the protocol",
			model:   doc(svcShape("ex#Svc", `"aws.protocols#restXml":{}`, "Do"), `"ex#Do":{"type":"operation","traits":{"smithy.api#http":{"method":"POST","uri":"/do"}}}`),
			wantErr: []string{"ex#Svc", "aws.protocols#restXml"},
		},
		{
			name:    "a restJson1 operation without @http is an error naming it",
			model:   doc(svcShape("ex#Svc", `"aws.protocols#restJson1":{}`, "Do"), `"ex#Do":{"type":"operation"}`),
			wantErr: []string{"ex#Do", "smithy.api#http"},
		},
		{
			name:    "an awsQuery service is an error naming the protocol",
			model:   doc(svcShape("ex#Svc", `"aws.protocols#awsQuery":{}`, "Do"), `"ex#Do":{"type":"operation"}`),
			wantErr: []string{"ex#Svc", "aws.protocols#awsQuery"},
		},
		{
			name:    "a service without a protocol trait is an error naming the service",
			model:   doc(svcShape("ex#Svc", `"smithy.api#title":"No protocol"`, "Do"), `"ex#Do":{"type":"operation"}`),
			wantErr: []string{"ex#Svc", "unsupported protocol"},
		},
		{
			name: "two services without -service is an error listing both",
			model: doc(svcShape("ex#One", `"aws.protocols#awsJson1_0":{}`, "Ping"), svcShape("ex#Two", `"aws.protocols#awsJson1_1":{}`, "Ping"),
				`"ex#Ping":{"type":"operation"}`),
			wantErr: []string{"ex#One", "ex#Two", "-service"},
		},
		{
			name: "a streaming blob under -strict is an error naming the operation",
			args: []string{"-strict"},
			model: doc(svc("Upload", "Ping"),
				`"ex#Upload":{"type":"operation","input":{"target":"ex#UploadIn"}}`,
				`"ex#UploadIn":{"type":"structure","members":{"body":{"target":"ex#Stream"}}}`,
				`"ex#Stream":{"type":"blob","traits":{"smithy.api#streaming":{}}}`,
				`"ex#Ping":{"type":"operation"}`),
			wantErr: []string{"ex#Upload", "streaming"},
		},
		{
			name: "a bigInteger member is an error naming the structure and member",
			model: doc(svc("Do"),
				`"ex#Do":{"type":"operation","input":{"target":"ex#DoIn"}}`,
				`"ex#DoIn":{"type":"structure","members":{"huge":{"target":"smithy.api#BigInteger"}}}`),
			wantErr: []string{"ex#DoIn", "huge", "bigInteger"},
		},
		{
			name: "a map keyed by an integer is an error naming the map key",
			model: doc(svc("Do"),
				`"ex#Do":{"type":"operation","input":{"target":"ex#DoIn"}}`,
				`"ex#DoIn":{"type":"structure","members":{"m":{"target":"ex#ByNumber"}}}`,
				`"ex#ByNumber":{"type":"map","key":{"target":"smithy.api#Integer"},"value":{"target":"smithy.api#String"}}`),
			wantErr: []string{"ex#ByNumber", "key"},
		},
		{
			name: "a mixin cycle is an error naming a shape of the cycle",
			model: doc(svc("Do"),
				`"ex#Do":{"type":"operation","input":{"target":"ex#DoIn"}}`,
				`"ex#DoIn":{"type":"structure","mixins":[{"target":"ex#M1"}],"members":{}}`,
				`"ex#M1":{"type":"structure","mixins":[{"target":"ex#M2"}],"members":{},"traits":{"smithy.api#mixin":{}}}`,
				`"ex#M2":{"type":"structure","mixins":[{"target":"ex#M1"}],"members":{},"traits":{"smithy.api#mixin":{}}}`),
			wantErr: []string{"mixin cycle", "ex#M"},
		},
		{
			name: "shapes whose names collide in the service closure without a rename are an error naming both",
			model: doc(svc("Do"),
				`"ex#Do":{"type":"operation","input":{"target":"ex#DoIn"}}`,
				`"ex#DoIn":{"type":"structure","members":{"mine":{"target":"ex#Thing"},"theirs":{"target":"other#Thing"}}}`,
				`"ex#Thing":{"type":"structure","members":{"a":{"target":"smithy.api#String"}}}`,
				`"other#Thing":{"type":"structure","members":{"b":{"target":"smithy.api#String"}}}`),
			wantErr: []string{"ex#Thing", "other#Thing"},
		},
		{
			name: "shapes whose names differ only in case are an error naming both",
			model: doc(svc("Do"),
				`"ex#Do":{"type":"operation","input":{"target":"ex#DoIn"}}`,
				`"ex#DoIn":{"type":"structure","members":{"upper":{"target":"ex#Widget"},"lower":{"target":"ex#widget"}}}`,
				`"ex#Widget":{"type":"structure","members":{"a":{"target":"smithy.api#String"}}}`,
				`"ex#widget":{"type":"structure","members":{"b":{"target":"smithy.api#String"}}}`),
			wantErr: []string{"ex#Widget", "ex#widget"},
		},
		{
			name: "a list that contains itself is an error naming the list, not a crash",
			model: doc(svc("Do"),
				`"ex#Do":{"type":"operation","input":{"target":"ex#DoIn"}}`,
				`"ex#DoIn":{"type":"structure","members":{"nest":{"target":"ex#Nest"}}}`,
				`"ex#Nest":{"type":"list","member":{"target":"ex#Nest"}}`),
			wantErr: []string{"ex#Nest"},
		},
		{
			name: "a map whose values are lists of itself is an error naming the map, not a crash",
			model: doc(svc("Do"),
				`"ex#Do":{"type":"operation","input":{"target":"ex#DoIn"}}`,
				`"ex#DoIn":{"type":"structure","members":{"tree":{"target":"ex#TreeMap"}}}`,
				`"ex#TreeMap":{"type":"map","key":{"target":"smithy.api#String"},"value":{"target":"ex#TreeMaps"}}`,
				`"ex#TreeMaps":{"type":"list","member":{"target":"ex#TreeMap"}}`),
			wantErr: []string{"ex#TreeMap"},
		},
	}
}

func trickySuccessCases() []trickyCase {
	return []trickyCase{
		// ---- Auth. ----
		{
			name: "an operation with an empty @auth goes unsigned, the others signed",
			pkg:  "noauth",
			model: doc(svcShape("ex#Svc", `"aws.protocols#awsJson1_1":{},"aws.auth#sigv4":{"name":"svc"}`, "Signed", "Open"),
				`"ex#Signed":{"type":"operation"}`,
				`"ex#Open":{"type":"operation","traits":{"smithy.api#auth":[]}}`),
			smoke: `
import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
)

type authRecorder struct{ auth []string }

func (a *authRecorder) Do(r *http.Request) (*http.Response, error) {
	a.auth = append(a.auth, r.Header.Get("Authorization"))
	return &http.Response{StatusCode: 200, Header: http.Header{}, Body: io.NopCloser(strings.NewReader("{}")), Request: r}, nil
}

func TestEmptyAuthIsUnsigned(t *testing.T) {
	rec := &authRecorder{}
	creds := aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
		return aws.Credentials{AccessKeyID: "AKID", SecretAccessKey: "SECRET"}, nil
	})
	c := New(Options{Region: "us-east-1", BaseEndpoint: aws.String("http://tricky.invalid"), HTTPClient: rec, Credentials: creds})
	if _, err := c.Signed(context.Background(), &SignedInput{}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Open(context.Background(), &OpenInput{}); err != nil {
		t.Fatal(err)
	}
	if len(rec.auth) != 2 || !strings.Contains(rec.auth[0], "/us-east-1/svc/aws4_request") || rec.auth[1] != "" {
		t.Errorf("Authorization headers %q: want Signed signed, Open not", rec.auth)
	}
	opts, err := c.Options().AuthSchemeResolver.ResolveAuthSchemes(context.Background(), &AuthResolverParameters{Operation: "Open"})
	if err != nil || len(opts) != 1 || opts[0].SchemeID != "smithy.api#noAuth" {
		t.Errorf("Open's auth options: %v, %v", opts, err)
	}
}
`,
		},
		// ---- Recursion. ----
		{
			name: "a structure recursive through an optional member compiles and round-trips",
			pkg:  "recdirect",
			model: doc(svc("Echo"), echoOp("Echo", "IO"),
				`"ex#IO":{"type":"structure","members":{"node":{"target":"ex#Node"}}}`,
				`"ex#Node":{"type":"structure","members":{"value":{"target":"smithy.api#String"},"next":{"target":"ex#Node"}}}`),
			smoke: smokeImports + `
func TestRecursiveThroughOptionalMember(t *testing.T) {
	c, f := trickyClient(nil)
	out, err := c.Echo(context.Background(), &EchoInput{Node: &types.Node{Value: aws.String("a"),
		Next: &types.Node{Value: aws.String("b"), Next: &types.Node{Value: aws.String("c")}}}})
	if err != nil {
		t.Fatal(err)
	}
	trickyJSON(t, f.body, ´{"node":{"value":"a","next":{"value":"b","next":{"value":"c"}}}}´)
	if f.target != "Svc.Echo" {
		t.Errorf("X-Amz-Target = %q", f.target)
	}
	if last := out.Node.Next.Next; aws.ToString(last.Value) != "c" || last.Next != nil {
		t.Errorf("decoded chain ends with %+v", last)
	}
}
`,
		},
		{
			name: "a structure recursive through a list compiles and round-trips",
			pkg:  "reclist",
			model: doc(svc("Echo"), echoOp("Echo", "IO"),
				`"ex#IO":{"type":"structure","members":{"tree":{"target":"ex#Tree"}}}`,
				`"ex#Tree":{"type":"structure","members":{"name":{"target":"smithy.api#String"},"children":{"target":"ex#Trees"}}}`,
				`"ex#Trees":{"type":"list","member":{"target":"ex#Tree"}}`),
			smoke: smokeImports + `
func TestRecursiveThroughList(t *testing.T) {
	c, f := trickyClient(nil)
	out, err := c.Echo(context.Background(), &EchoInput{Tree: &types.Tree{Name: aws.String("root"), Children: []types.Tree{
		{Name: aws.String("a"), Children: []types.Tree{{Name: aws.String("a1")}}},
		{Name: aws.String("b")},
	}}})
	if err != nil {
		t.Fatal(err)
	}
	trickyJSON(t, f.body, ´{"tree":{"name":"root","children":[{"name":"a","children":[{"name":"a1"}]},{"name":"b"}]}}´)
	if got := aws.ToString(out.Tree.Children[0].Children[0].Name); got != "a1" || len(out.Tree.Children) != 2 {
		t.Errorf("decoded %+v", out.Tree)
	}
}
`,
		},
		{
			name: "a structure recursive through a map compiles and round-trips",
			pkg:  "recmap",
			model: doc(svc("Echo"), echoOp("Echo", "IO"),
				`"ex#IO":{"type":"structure","members":{"dir":{"target":"ex#Dir"}}}`,
				`"ex#Dir":{"type":"structure","members":{"name":{"target":"smithy.api#String"},"entries":{"target":"ex#Entries"}}}`,
				`"ex#Entries":{"type":"map","key":{"target":"smithy.api#String"},"value":{"target":"ex#Dir"}}`),
			smoke: smokeImports + `
func TestRecursiveThroughMap(t *testing.T) {
	c, f := trickyClient(nil)
	out, err := c.Echo(context.Background(), &EchoInput{Dir: &types.Dir{Name: aws.String("/"), Entries: map[string]types.Dir{
		"etc": {Name: aws.String("etc"), Entries: map[string]types.Dir{"hosts": {Name: aws.String("hosts")}}},
	}}})
	if err != nil {
		t.Fatal(err)
	}
	trickyJSON(t, f.body, ´{"dir":{"name":"/","entries":{"etc":{"name":"etc","entries":{"hosts":{"name":"hosts"}}}}}}´)
	if got := aws.ToString(out.Dir.Entries["etc"].Entries["hosts"].Name); got != "hosts" {
		t.Errorf("decoded %+v", out.Dir)
	}
}
`,
		},
		{
			name: "mutually recursive structures A to B to A compile and round-trip",
			pkg:  "recmutual",
			model: doc(svc("Echo"), echoOp("Echo", "IO"),
				`"ex#IO":{"type":"structure","members":{"a":{"target":"ex#A"}}}`,
				`"ex#A":{"type":"structure","members":{"n":{"target":"smithy.api#Integer"},"b":{"target":"ex#B"}}}`,
				`"ex#B":{"type":"structure","members":{"s":{"target":"smithy.api#String"},"a":{"target":"ex#A"}}}`),
			smoke: smokeImports + `
func TestMutualRecursion(t *testing.T) {
	c, f := trickyClient(nil)
	out, err := c.Echo(context.Background(), &EchoInput{A: &types.A{N: aws.Int32(1), B: &types.B{S: aws.String("x"), A: &types.A{N: aws.Int32(2)}}}})
	if err != nil {
		t.Fatal(err)
	}
	trickyJSON(t, f.body, ´{"a":{"n":1,"b":{"s":"x","a":{"n":2}}}}´)
	if got := aws.ToInt32(out.A.B.A.N); got != 2 || out.A.B.A.B != nil {
		t.Errorf("decoded %+v", out.A.B.A)
	}
}
`,
		},
		{
			name: "a union recursive through itself and a list compiles and round-trips",
			pkg:  "recunion",
			model: doc(svc("Echo"), echoOp("Echo", "IO"),
				`"ex#IO":{"type":"structure","members":{"expr":{"target":"ex#Expr"}}}`,
				`"ex#Expr":{"type":"union","members":{"lit":{"target":"smithy.api#Integer"},"neg":{"target":"ex#Expr"},"sum":{"target":"ex#Exprs"}}}`,
				`"ex#Exprs":{"type":"list","member":{"target":"ex#Expr"}}`),
			smoke: `
import (
	"context"
	"reflect"
	"testing"

	"$PKG/types"
)

func TestRecursiveUnion(t *testing.T) {
	c, f := trickyClient(nil)
	in := &types.ExprMemberSum{Value: []types.Expr{&types.ExprMemberLit{Value: 1}, &types.ExprMemberNeg{Value: &types.ExprMemberLit{Value: 2}}}}
	out, err := c.Echo(context.Background(), &EchoInput{Expr: in})
	if err != nil {
		t.Fatal(err)
	}
	trickyJSON(t, f.body, ´{"expr":{"sum":[{"lit":1},{"neg":{"lit":2}}]}}´)
	if !reflect.DeepEqual(out.Expr, types.Expr(in)) {
		t.Errorf("decoded %#v", out.Expr)
	}
}
`,
		},

		// ---- Names. ----
		{
			name: "Go keywords and predeclared identifiers as member names compile and keep their wire names",
			pkg:  "keywords",
			model: doc(svc("Echo"), echoOp("Echo", "IO"),
				`"ex#IO":{"type":"structure","members":{
					"type":{"target":"smithy.api#String"},"func":{"target":"smithy.api#String"},"range":{"target":"smithy.api#String"},
					"string":{"target":"smithy.api#String"},"nil":{"target":"smithy.api#String"},"error":{"target":"smithy.api#String"},
					"len":{"target":"smithy.api#Long"},"go":{"target":"smithy.api#String"},"map":{"target":"ex#StrMap"},
					"chan":{"target":"smithy.api#String"},"interface":{"target":"smithy.api#String"},"select":{"target":"smithy.api#String"},
					"default":{"target":"smithy.api#String"},"package":{"target":"smithy.api#String"},"import":{"target":"smithy.api#String"},
					"return":{"target":"smithy.api#String"},"true":{"target":"smithy.api#Boolean"},"iota":{"target":"smithy.api#Integer"},
					"make":{"target":"smithy.api#String"},"new":{"target":"smithy.api#String"},"v":{"target":"smithy.api#String"},
					"e":{"target":"smithy.api#String"},"d":{"target":"smithy.api#String"},"err":{"target":"smithy.api#String"},
					"key":{"target":"smithy.api#String"},"ctx":{"target":"smithy.api#String"},"params":{"target":"smithy.api#String"},
					"foo_bar":{"target":"smithy.api#String"},"fooBar":{"target":"smithy.api#String"}}}`,
				`"ex#StrMap":{"type":"map","key":{"target":"smithy.api#String"},"value":{"target":"smithy.api#String"}}`),
			smoke: smokeImportsNoTypes + `
func TestKeywordMembers(t *testing.T) {
	c, f := trickyClient(nil)
	in := &EchoInput{
		Type: aws.String("type"), Func: aws.String("func"), Range: aws.String("range"), String: aws.String("string"),
		Nil: aws.String("nil"), Error: aws.String("error"), Len: aws.Int64(3), Go: aws.String("go"), Map: map[string]string{"k": "v"},
		Chan: aws.String("chan"), Interface: aws.String("interface"), Select: aws.String("select"), Default: aws.String("default"),
		Package: aws.String("package"), Import: aws.String("import"), Return: aws.String("return"), True: aws.Bool(false),
		Iota: aws.Int32(0), Make: aws.String("make"), New: aws.String("new"), V: aws.String("v"), E: aws.String("e"),
		D: aws.String("d"), Err: aws.String("err"), Key: aws.String("key"), Ctx: aws.String("ctx"), Params: aws.String("params"),
		Foo_bar: aws.String("snake"), FooBar: aws.String("camel"),
	}
	out, err := c.Echo(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	trickyJSON(t, f.body, ´{"type":"type","func":"func","range":"range","string":"string","nil":"nil","error":"error","len":3,"go":"go",
		"map":{"k":"v"},"chan":"chan","interface":"interface","select":"select","default":"default","package":"package","import":"import",
		"return":"return","true":false,"iota":0,"make":"make","new":"new","v":"v","e":"e","d":"d","err":"err","key":"key","ctx":"ctx",
		"params":"params","foo_bar":"snake","fooBar":"camel"}´)
	if aws.ToString(out.Foo_bar) != "snake" || aws.ToString(out.FooBar) != "camel" || aws.ToString(out.Error) != "error" || out.Map["k"] != "v" {
		t.Errorf("decoded %+v", out)
	}
}
`,
		},
		{
			name: "Go predeclared identifiers and package names as shape names compile",
			pkg:  "shapenames",
			model: doc(svc("Echo"), echoOp("Echo", "IO"),
				`"ex#IO":{"type":"structure","members":{"string":{"target":"ex#String"},"error":{"target":"ex#Error"},"type":{"target":"ex#Type"},
					"map":{"target":"ex#Map"},"bool":{"target":"ex#bool"},"time":{"target":"ex#time"},"any":{"target":"ex#Any"},"list":{"target":"ex#List"},
					"int":{"target":"ex#Int"}}}`,
				`"ex#String":{"type":"structure","members":{"x":{"target":"smithy.api#String"}}}`,
				`"ex#Error":{"type":"structure","members":{"code":{"target":"smithy.api#String"}}}`,
				`"ex#Type":{"type":"structure","members":{"at":{"target":"smithy.api#Timestamp"}}}`,
				`"ex#Map":{"type":"structure","members":{"m":{"target":"ex#Struct"}}}`,
				`"ex#Struct":{"type":"map","key":{"target":"smithy.api#String"},"value":{"target":"smithy.api#String"}}`,
				`"ex#bool":{"type":"structure","members":{"b":{"target":"smithy.api#Boolean"}}}`,
				`"ex#time":{"type":"structure","members":{"t":{"target":"smithy.api#String"}}}`,
				`"ex#Any":{"type":"structure","members":{"fmt":{"target":"smithy.api#String"}}}`,
				`"ex#List":{"type":"list","member":{"target":"ex#Int"}}`,
				`"ex#Int":{"type":"string"}`),
			smoke: `
import (
	"context"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"

	"$PKG/types"
)

func TestPredeclaredShapeNames(t *testing.T) {
	c, f := trickyClient(nil)
	out, err := c.Echo(context.Background(), &EchoInput{
		String: &types.String{X: aws.String("s")}, Error: &types.Error{Code: aws.String("c")}, Type: &types.Type{At: aws.Time(time.Unix(7, 0))},
		Map: &types.Map{M: map[string]string{"k": "v"}}, Bool: &types.Bool{B: aws.Bool(true)}, Time: &types.Time{T: aws.String("t")},
		Any: &types.Any{Fmt: aws.String("f")}, List: []string{"i"}, Int: aws.String("n"),
	})
	if err != nil {
		t.Fatal(err)
	}
	trickyJSON(t, f.body, ´{"string":{"x":"s"},"error":{"code":"c"},"type":{"at":7},"map":{"m":{"k":"v"}},"bool":{"b":true},"time":{"t":"t"},"any":{"fmt":"f"},"list":["i"],"int":"n"}´)
	if !aws.ToTime(out.Type.At).Equal(time.Unix(7, 0)) || aws.ToString(out.Error.Code) != "c" {
		t.Errorf("decoded %+v", out)
	}
}
`,
		},
		{
			name: "shapes named Client, Options, New and HTTPClient live in types and compile beside the client",
			pkg:  "clientnames",
			model: doc(svc("Echo", "Invoke", "Copy"), echoOp("Echo", "IO"),
				`"ex#Invoke":{"type":"operation"}`, `"ex#Copy":{"type":"operation"}`,
				`"ex#IO":{"type":"structure","members":{"client":{"target":"ex#Client"},"options":{"target":"ex#Options"},"new":{"target":"ex#New"},
					"httpClient":{"target":"ex#HTTPClient"},"serviceID":{"target":"ex#ServiceID"},"newFromConfig":{"target":"ex#NewFromConfig"}}}`,
				`"ex#Client":{"type":"structure","members":{"a":{"target":"smithy.api#String"}}}`,
				`"ex#Options":{"type":"structure","members":{"region":{"target":"smithy.api#String"}}}`,
				`"ex#New":{"type":"structure","members":{"a":{"target":"smithy.api#String"}}}`,
				`"ex#HTTPClient":{"type":"structure","members":{"a":{"target":"smithy.api#String"}}}`,
				`"ex#ServiceID":{"type":"structure","members":{"a":{"target":"smithy.api#String"}}}`,
				`"ex#NewFromConfig":{"type":"structure","members":{"a":{"target":"smithy.api#String"}}}`),
			smoke: smokeImports + `
func TestClientNamedShapes(t *testing.T) {
	c, f := trickyClient(nil)
	out, err := c.Echo(context.Background(), &EchoInput{Client: &types.Client{A: aws.String("c")}, Options: &types.Options{Region: aws.String("r")},
		New: &types.New{A: aws.String("n")}, HttpClient: &types.HTTPClient{A: aws.String("h")}, ServiceID: &types.ServiceID{A: aws.String("s")},
		NewFromConfig: &types.NewFromConfig{A: aws.String("f")}})
	if err != nil {
		t.Fatal(err)
	}
	trickyJSON(t, f.body, ´{"client":{"a":"c"},"options":{"region":"r"},"new":{"a":"n"},"httpClient":{"a":"h"},"serviceID":{"a":"s"},"newFromConfig":{"a":"f"}}´)
	if aws.ToString(out.Options.Region) != "r" {
		t.Errorf("decoded %+v", out)
	}
	if _, err := c.Invoke(context.Background(), nil); err != nil || f.target != "Svc.Invoke" {
		t.Errorf("Invoke: %v, target %q", err, f.target)
	}
	if _, err := c.Copy(context.Background(), &CopyInput{}); err != nil || f.target != "Svc.Copy" {
		t.Errorf("Copy: %v, target %q", err, f.target)
	}
}
`,
		},
		{
			name: "an operation named Options does not collide with the client's Options method",
			pkg:  "optionsop",
			model: doc(svc("Options"),
				`"ex#Options":{"type":"operation","input":{"target":"ex#OptIn"}}`,
				`"ex#OptIn":{"type":"structure","members":{"a":{"target":"smithy.api#String"}}}`),
			smoke: smokeImportsNoTypes + `
func TestOperationNamedOptions(t *testing.T) {
	// The method yields to Client.Options with a trailing underscore; the
	// wire name stays Options.
	c, f := trickyClient(nil)
	if _, err := c.Options_(context.Background(), &Options_Input{A: aws.String("x")}); err != nil {
		t.Fatal(err)
	}
	trickyJSON(t, f.body, ´{"a":"x"}´)
	if f.target != "Svc.Options" {
		t.Errorf("X-Amz-Target = %q", f.target)
	}
	_ = c.Options()
}
`,
		},
		{
			name: "operations named X and XState (CodePipeline's GetPipeline and GetPipelineState) compile side by side",
			pkg:  "opstatenames",
			model: doc(svc("GetPipeline", "GetPipelineState", "StateGetPipeline"),
				`"ex#GetPipeline":{"type":"operation"}`, `"ex#GetPipelineState":{"type":"operation"}`, `"ex#StateGetPipeline":{"type":"operation"}`),
			smoke: smokeImportsNoTypes + `
func TestOperationStateNames(t *testing.T) {
	c, f := trickyClient(nil)
	for _, call := range []func() error{
		func() error { _, err := c.GetPipeline(context.Background(), nil); return err },
		func() error { _, err := c.GetPipelineState(context.Background(), nil); return err },
		func() error { _, err := c.StateGetPipeline(context.Background(), nil); return err },
	} {
		if err := call(); err != nil {
			t.Fatal(err)
		}
	}
	if f.calls != 3 || f.target != "Svc.StateGetPipeline" {
		t.Errorf("%d calls, last X-Amz-Target %q", f.calls, f.target)
	}
}
`,
		},
		{
			name: "a structure named like an operation's input used as a member elsewhere stays in types",
			pkg:  "inputnamed",
			model: doc(svc("Put", "Get"),
				`"ex#Put":{"type":"operation","input":{"target":"ex#PutRequest"},"output":{"target":"ex#PutRequest"}}`,
				`"ex#Get":{"type":"operation","input":{"target":"ex#GetInput"},"output":{"target":"ex#GetOutput"}}`,
				`"ex#PutRequest":{"type":"structure","members":{"item":{"target":"ex#PutInput"},"query":{"target":"ex#GetInput"},"result":{"target":"ex#GetOutput"}}}`,
				`"ex#PutInput":{"type":"structure","members":{"name":{"target":"smithy.api#String"}}}`,
				`"ex#GetInput":{"type":"structure","members":{"id":{"target":"smithy.api#String"}}}`,
				`"ex#GetOutput":{"type":"structure","members":{"found":{"target":"smithy.api#Boolean"}}}`),
			smoke: smokeImports + `
func TestInputNamedShapes(t *testing.T) {
	c, f := trickyClient(nil)
	out, err := c.Put(context.Background(), &PutInput{Item: &types.PutInput{Name: aws.String("n")}, Query: &types.GetInput{Id: aws.String("i")},
		Result: &types.GetOutput{Found: aws.Bool(true)}})
	if err != nil {
		t.Fatal(err)
	}
	trickyJSON(t, f.body, ´{"item":{"name":"n"},"query":{"id":"i"},"result":{"found":true}}´)
	if aws.ToString(out.Item.Name) != "n" || !aws.ToBool(out.Result.Found) {
		t.Errorf("decoded %+v", out)
	}
	if _, err := c.Get(context.Background(), &GetInput{Id: aws.String("i")}); err != nil {
		t.Fatal(err)
	}
	trickyJSON(t, f.body, ´{"id":"i"}´)
}
`,
		},
		{
			name: "a structure named Op<Name>Input does not collide with the operation's codec functions",
			pkg:  "codecnames",
			model: doc(svc("Do"), echoOp("Do", "DoIO"),
				`"ex#DoIO":{"type":"structure","members":{"x":{"target":"ex#OpDoInput"},"y":{"target":"ex#OpDoOutput"}}}`,
				`"ex#OpDoInput":{"type":"structure","members":{"a":{"target":"smithy.api#String"}}}`,
				`"ex#OpDoOutput":{"type":"structure","members":{"b":{"target":"smithy.api#String"}}}`),
			smoke: smokeImports + `
func TestCodecNameCollision(t *testing.T) {
	c, f := trickyClient(nil)
	out, err := c.Do(context.Background(), &DoInput{X: &types.OpDoInput{A: aws.String("a")}, Y: &types.OpDoOutput{B: aws.String("b")}})
	if err != nil {
		t.Fatal(err)
	}
	trickyJSON(t, f.body, ´{"x":{"a":"a"},"y":{"b":"b"}}´)
	if aws.ToString(out.Y.B) != "b" {
		t.Errorf("decoded %+v", out)
	}
}
`,
		},
		{
			name: "a structure named UnknownUnionMember beside a union compiles",
			pkg:  "unknownunion",
			model: doc(svc("Echo"), echoOp("Echo", "IO"),
				`"ex#IO":{"type":"structure","members":{"u":{"target":"ex#U"},"x":{"target":"ex#UnknownUnionMember"}}}`,
				`"ex#U":{"type":"union","members":{"s":{"target":"smithy.api#String"}}}`,
				`"ex#UnknownUnionMember":{"type":"structure","members":{"tag":{"target":"smithy.api#String"}}}`),
			smoke: smokeImports + `
func TestUnknownUnionMemberShape(t *testing.T) {
	c, f := trickyClient(nil)
	if _, err := c.Echo(context.Background(), &EchoInput{U: &types.UMemberS{Value: "s"}, X: &types.UnknownUnionMember{Tag: aws.String("t")}}); err != nil {
		t.Fatal(err)
	}
	trickyJSON(t, f.body, ´{"u":{"s":"s"},"x":{"tag":"t"}}´)
}
`,
		},
		{
			name: "a structure named like a union member type compiles",
			pkg:  "unionmembername",
			model: doc(svc("Echo"), echoOp("Echo", "IO"),
				`"ex#IO":{"type":"structure","members":{"u":{"target":"ex#U"},"x":{"target":"ex#UMemberS"}}}`,
				`"ex#U":{"type":"union","members":{"s":{"target":"smithy.api#String"}}}`,
				`"ex#UMemberS":{"type":"structure","members":{"n":{"target":"smithy.api#String"}}}`),
			smoke: smokeImports + `
func TestUnionMemberNamedShape(t *testing.T) {
	c, f := trickyClient(nil)
	if _, err := c.Echo(context.Background(), &EchoInput{X: &types.UMemberS{N: aws.String("n")}}); err != nil {
		t.Fatal(err)
	}
	trickyJSON(t, f.body, ´{"x":{"n":"n"}}´)
}
`,
		},
		{
			name: "a structure named Unit beside a union with a Unit member compiles",
			pkg:  "unitnamed",
			model: doc(svc("Echo"), echoOp("Echo", "IO"),
				`"ex#IO":{"type":"structure","members":{"u":{"target":"ex#U"},"x":{"target":"ex#Unit"}}}`,
				`"ex#U":{"type":"union","members":{"none":{"target":"smithy.api#Unit"},"s":{"target":"smithy.api#String"}}}`,
				`"ex#Unit":{"type":"structure","members":{"n":{"target":"smithy.api#String"}}}`),
			smoke: smokeImports + `
func TestUnitNamedShape(t *testing.T) {
	c, f := trickyClient(nil)
	if _, err := c.Echo(context.Background(), &EchoInput{U: &types.UMemberS{Value: "s"}, X: &types.Unit{N: aws.String("n")}}); err != nil {
		t.Fatal(err)
	}
	trickyJSON(t, f.body, ´{"u":{"s":"s"},"x":{"n":"n"}}´)
}
`,
		},
		{
			name: "a structure named like an enum constant compiles",
			pkg:  "enumconst",
			model: doc(svc("Echo"), echoOp("Echo", "IO"),
				`"ex#IO":{"type":"structure","members":{"c":{"target":"ex#Color"},"r":{"target":"ex#ColorRed"}}}`,
				`"ex#Color":{"type":"enum","members":{"RED":{"target":"smithy.api#Unit","traits":{"smithy.api#enumValue":"RED"}}}}`,
				`"ex#ColorRed":{"type":"structure","members":{"n":{"target":"smithy.api#String"}}}`),
			smoke: smokeImports + `
func TestEnumConstantNamedShape(t *testing.T) {
	c, f := trickyClient(nil)
	if _, err := c.Echo(context.Background(), &EchoInput{C: types.Color("RED"), R: &types.ColorRed{N: aws.String("n")}}); err != nil {
		t.Fatal(err)
	}
	trickyJSON(t, f.body, ´{"c":"RED","r":{"n":"n"}}´)
}
`,
		},
		{
			name: "constants of two enums whose names run together compile",
			pkg:  "enumcross",
			model: doc(svc("Echo"), echoOp("Echo", "IO"),
				`"ex#IO":{"type":"structure","members":{"a":{"target":"ex#A"},"ab":{"target":"ex#AB"}}}`,
				`"ex#A":{"type":"enum","members":{"X":{"target":"smithy.api#Unit","traits":{"smithy.api#enumValue":"b-c"}}}}`,
				`"ex#AB":{"type":"enum","members":{"Y":{"target":"smithy.api#Unit","traits":{"smithy.api#enumValue":"C"}}}}`),
			smoke: smokeImports + `
func TestEnumConstantsAcrossEnums(t *testing.T) {
	c, f := trickyClient(nil)
	if _, err := c.Echo(context.Background(), &EchoInput{A: types.A("").Values()[0], Ab: types.AB("").Values()[0]}); err != nil {
		t.Fatal(err)
	}
	trickyJSON(t, f.body, ´{"a":"b-c","ab":"C"}´)
}
`,
		},
		{
			name: "a member name starting with an underscore becomes an exported field",
			pkg:  "underscoremember",
			model: doc(svc("Echo"), echoOp("Echo", "IO"),
				`"ex#IO":{"type":"structure","members":{"_id":{"target":"smithy.api#String"},"item":{"target":"ex#Item"}}}`,
				`"ex#Item":{"type":"structure","members":{"_hidden":{"target":"smithy.api#String"}}}`),
			smoke: smokeImports + `
var _ = types.Item{}

func TestUnderscoreMember(t *testing.T) {
	c, f := trickyClient(nil)
	if _, err := c.Echo(context.Background(), &EchoInput{}); err != nil {
		t.Fatal(err)
	}
	trickyJSON(t, f.body, ´{}´)
}
`,
		},
		{
			name: "a shape name starting with an underscore becomes an exported type",
			pkg:  "underscoreshape",
			model: doc(svc("Echo"), echoOp("Echo", "IO"),
				`"ex#IO":{"type":"structure","members":{"item":{"target":"ex#_Item"}}}`,
				`"ex#_Item":{"type":"structure","members":{"name":{"target":"smithy.api#String"}}}`),
			smoke: smokeImportsNoTypes + `
func TestUnderscoreShape(t *testing.T) {
	c, f := trickyClient(nil)
	if _, err := c.Echo(context.Background(), &EchoInput{}); err != nil {
		t.Fatal(err)
	}
	trickyJSON(t, f.body, ´{}´)
}
`,
		},
		{
			name: "an operation whose name starts with a lower-case letter keeps its wire name",
			pkg:  "lowerop",
			model: doc(svc("getThing"),
				`"ex#getThing":{"type":"operation","output":{"target":"ex#GetThingOut"}}`,
				`"ex#GetThingOut":{"type":"structure","members":{"n":{"target":"smithy.api#String"}}}`),
			smoke: smokeImportsNoTypes + `
func TestLowerCaseOperation(t *testing.T) {
	c, f := trickyClient(func(int, string, []byte) (int, string) { return 200, ´{"n":"x"}´ })
	out, err := c.GetThing(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if f.target != "Svc.getThing" {
		t.Errorf("X-Amz-Target = %q, want Svc.getThing (the operation's shape name)", f.target)
	}
	if aws.ToString(out.N) != "x" {
		t.Errorf("decoded %+v", out)
	}
}
`,
		},
		// ---- Enums. ----
		{
			name: "enum values that are not Go identifiers get usable constants and round-trip",
			pkg:  "enumvalues",
			model: doc(svc("Echo"), echoOp("Echo", "IO"),
				`"ex#IO":{"type":"structure","members":{"e":{"target":"ex#E"},"all":{"target":"ex#Es"}}}`,
				`"ex#Es":{"type":"list","member":{"target":"ex#E"}}`,
				`"ex#E":{"type":"enum","members":{
					"DASH":{"target":"smithy.api#Unit","traits":{"smithy.api#enumValue":"a-b"}},
					"FIRST":{"target":"smithy.api#Unit","traits":{"smithy.api#enumValue":"1st"}},
					"SPACE":{"target":"smithy.api#Unit","traits":{"smithy.api#enumValue":"with space"}},
					"UMLAUT":{"target":"smithy.api#Unit","traits":{"smithy.api#enumValue":"ü"}},
					"UPPER":{"target":"smithy.api#Unit","traits":{"smithy.api#enumValue":"UPPER_CASE"}},
					"PUNCT":{"target":"smithy.api#Unit","traits":{"smithy.api#enumValue":"---"}},
					"CAMEL":{"target":"smithy.api#Unit","traits":{"smithy.api#enumValue":"camelCase"}},
					"DOT":{"target":"smithy.api#Unit","traits":{"smithy.api#enumValue":"x.y"}}}}`),
			smoke: smokeImports + `
func TestEnumValuesNotIdentifiers(t *testing.T) {
	all := []types.E{types.EAB, types.E1st, types.EWithSpace, types.EÜ, types.EUpperCase, types.EPUNCT, types.ECamelCase, types.EXY}
	if n := len(types.E("").Values()); n != len(all) {
		t.Errorf("Values() has %d values, want %d", n, len(all))
	}
	c, f := trickyClient(nil)
	out, err := c.Echo(context.Background(), &EchoInput{E: types.EWithSpace, All: all})
	if err != nil {
		t.Fatal(err)
	}
	trickyJSON(t, f.body, ´{"e":"with space","all":["a-b","1st","with space","ü","UPPER_CASE","---","camelCase","x.y"]}´)
	if out.E != types.EWithSpace || len(out.All) != len(all) || out.All[3] != "ü" {
		t.Errorf("decoded %+v", out)
	}
}
`,
		},
		{
			name: "enum values that map to the same Go name (a-b and a_b) get distinct constants",
			pkg:  "enumsame",
			model: doc(svc("Echo"), echoOp("Echo", "IO"),
				`"ex#IO":{"type":"structure","members":{"e":{"target":"ex#E"}}}`,
				`"ex#E":{"type":"enum","members":{"DASH":{"target":"smithy.api#Unit","traits":{"smithy.api#enumValue":"a-b"}},
					"SNAKE":{"target":"smithy.api#Unit","traits":{"smithy.api#enumValue":"a_b"}}}}`),
			smoke: smokeImports + `
func TestEnumSameGoName(t *testing.T) {
	vals := types.E("").Values()
	if len(vals) != 2 || vals[0] == vals[1] {
		t.Fatalf("Values() = %q", vals)
	}
	c, f := trickyClient(nil)
	out, err := c.Echo(context.Background(), &EchoInput{E: types.E("a_b")})
	if err != nil {
		t.Fatal(err)
	}
	trickyJSON(t, f.body, ´{"e":"a_b"}´)
	if out.E != "a_b" {
		t.Errorf("decoded %q", out.E)
	}
}
`,
		},
		{
			name: "an enum whose numbered constants meet another value's name compiles",
			pkg:  "enumnumbered",
			model: doc(svc("Echo"), echoOp("Echo", "IO"),
				`"ex#IO":{"type":"structure","members":{"e":{"target":"ex#E"}}}`,
				`"ex#E":{"type":"enum","members":{"DASH":{"target":"smithy.api#Unit","traits":{"smithy.api#enumValue":"a-b"}},
					"SNAKE":{"target":"smithy.api#Unit","traits":{"smithy.api#enumValue":"a_b"}},
					"ZERO":{"target":"smithy.api#Unit","traits":{"smithy.api#enumValue":"a b 0"}}}}`),
			smoke: smokeImports + `
func TestEnumNumberedConstants(t *testing.T) {
	if n := len(types.E("").Values()); n != 3 {
		t.Fatalf("Values() has %d values", n)
	}
	c, f := trickyClient(nil)
	if _, err := c.Echo(context.Background(), &EchoInput{E: types.E("a b 0")}); err != nil {
		t.Fatal(err)
	}
	trickyJSON(t, f.body, ´{"e":"a b 0"}´)
}
`,
		},
		{
			name: "an intEnum round-trips, negative values included",
			pkg:  "intenum",
			model: doc(svc("Echo"), echoOp("Echo", "IO"),
				`"ex#IO":{"type":"structure","members":{"level":{"target":"ex#Level"},"levels":{"target":"ex#Levels"}}}`,
				`"ex#Levels":{"type":"list","member":{"target":"ex#Level"}}`,
				`"ex#Level":{"type":"intEnum","members":{"LOW":{"target":"smithy.api#Unit","traits":{"smithy.api#enumValue":1}},
					"NEG":{"target":"smithy.api#Unit","traits":{"smithy.api#enumValue":-2}},
					"ZERO":{"target":"smithy.api#Unit","traits":{"smithy.api#enumValue":0}},
					"MAX":{"target":"smithy.api#Unit","traits":{"smithy.api#enumValue":2147483647}}}}`),
			smoke: smokeImports + `
func TestIntEnum(t *testing.T) {
	if n := len(types.Level(0).Values()); n != 4 {
		t.Errorf("Values() has %d values", n)
	}
	c, f := trickyClient(nil)
	out, err := c.Echo(context.Background(), &EchoInput{Level: types.Level(-2), Levels: []types.Level{1, 0, 2147483647}})
	if err != nil {
		t.Fatal(err)
	}
	trickyJSON(t, f.body, ´{"level":-2,"levels":[1,0,2147483647]}´)
	if out.Level != -2 || len(out.Levels) != 3 || out.Levels[2] != 2147483647 {
		t.Errorf("decoded %+v", out)
	}
}
`,
		},

		// ---- Operations and services. ----
		{
			name: "operations with no input, no output, neither, or explicit Unit input and output all work",
			pkg:  "noio",
			model: doc(svc("NoIn", "NoOut", "Neither", "UnitIO"),
				`"ex#NoIn":{"type":"operation","output":{"target":"ex#Out"}}`,
				`"ex#NoOut":{"type":"operation","input":{"target":"ex#In"}}`,
				`"ex#Neither":{"type":"operation"}`,
				`"ex#UnitIO":{"type":"operation","input":{"target":"smithy.api#Unit"},"output":{"target":"smithy.api#Unit"}}`,
				`"ex#In":{"type":"structure","members":{"a":{"target":"smithy.api#String"}}}`,
				`"ex#Out":{"type":"structure","members":{"b":{"target":"smithy.api#String"}}}`),
			smoke: smokeImportsNoTypes + `
func TestNoInputNoOutput(t *testing.T) {
	c, f := trickyClient(func(_ int, target string, _ []byte) (int, string) {
		if target == "Svc.NoIn" {
			return 200, ´{"b":"out"}´
		}
		return 200, ´{}´
	})
	ctx := context.Background()
	out, err := c.NoIn(ctx, nil)
	if err != nil || aws.ToString(out.B) != "out" {
		t.Fatalf("NoIn: %v, %+v", err, out)
	}
	trickyJSON(t, f.body, ´{}´)
	if _, err := c.NoOut(ctx, &NoOutInput{A: aws.String("in")}); err != nil {
		t.Fatal(err)
	}
	trickyJSON(t, f.body, ´{"a":"in"}´)
	if _, err := c.Neither(ctx, &NeitherInput{}); err != nil {
		t.Fatal(err)
	}
	trickyJSON(t, f.body, ´{}´)
	if _, err := c.UnitIO(ctx, nil); err != nil || f.target != "Svc.UnitIO" {
		t.Fatalf("UnitIO: %v, target %q", err, f.target)
	}
	trickyJSON(t, f.body, ´{}´)
}
`,
		},
		{
			name: "a paginator pages until the output token is empty",
			pkg:  "paginator",
			model: doc(svc("List"),
				`"ex#List":{"type":"operation","input":{"target":"ex#ListIn"},"output":{"target":"ex#ListOut"},"traits":{"smithy.api#paginated":{"inputToken":"nextToken","outputToken":"nextToken","items":"items","pageSize":"maxResults"}}}`,
				`"ex#ListIn":{"type":"structure","members":{"nextToken":{"target":"smithy.api#String"},"maxResults":{"target":"smithy.api#Integer"}}}`,
				`"ex#ListOut":{"type":"structure","members":{"nextToken":{"target":"smithy.api#String"},"items":{"target":"ex#Names"}}}`,
				`"ex#Names":{"type":"list","member":{"target":"smithy.api#String"}}`),
			smoke: smokeImportsNoTypes + `
func TestPaginator(t *testing.T) {
	c, f := trickyClient(func(n int, _ string, _ []byte) (int, string) {
		if n == 1 {
			return 200, ´{"nextToken":"t1","items":["a"]}´
		}
		return 200, ´{"items":["b"]}´
	})
	p := NewListPaginator(c, &ListInput{MaxResults: aws.Int32(5)})
	var items []string
	for p.HasMorePages() {
		page, err := p.NextPage(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		items = append(items, page.Items...)
	}
	if f.calls != 2 || len(items) != 2 || items[1] != "b" {
		t.Errorf("%d calls, items %q", f.calls, items)
	}
	trickyJSON(t, f.body, ´{"nextToken":"t1","maxResults":5}´)
}
`,
		},
		{
			name: "paginator options call the page size Limit, as aws-sdk-go-v2 does",
			pkg:  "paginatorlimit",
			model: doc(svc("List"),
				`"ex#List":{"type":"operation","input":{"target":"ex#ListIn"},"output":{"target":"ex#ListOut"},"traits":{"smithy.api#paginated":{"inputToken":"nextToken","outputToken":"nextToken","items":"items","pageSize":"maxResults"}}}`,
				`"ex#ListIn":{"type":"structure","members":{"nextToken":{"target":"smithy.api#String"},"maxResults":{"target":"smithy.api#Integer"}}}`,
				`"ex#ListOut":{"type":"structure","members":{"nextToken":{"target":"smithy.api#String"},"items":{"target":"ex#Names"}}}`,
				`"ex#Names":{"type":"list","member":{"target":"smithy.api#String"}}`),
			smoke: smokeImportsNoTypes + `
func TestPaginatorLimit(t *testing.T) {
	c, f := trickyClient(func(int, string, []byte) (int, string) { return 200, ´{"items":["a"]}´ })
	p := NewListPaginator(c, &ListInput{}, func(o *ListPaginatorOptions) { o.Limit = 5 })
	if _, err := p.NextPage(context.Background()); err != nil {
		t.Fatal(err)
	}
	trickyJSON(t, f.body, ´{"maxResults":5}´)
}
`,
		},
		{
			name: "a paginator whose input and output tokens are different string shapes pages with the token",
			pkg:  "paginatortokenshapes",
			model: doc(svc("List"),
				`"ex#List":{"type":"operation","input":{"target":"ex#ListIn"},"output":{"target":"ex#ListOut"},"traits":{"smithy.api#paginated":{"inputToken":"nextToken","outputToken":"nextToken"}}}`,
				`"ex#ListIn":{"type":"structure","members":{"nextToken":{"target":"ex#InToken"}}}`,
				`"ex#ListOut":{"type":"structure","members":{"nextToken":{"target":"ex#OutToken"}}}`,
				`"ex#InToken":{"type":"string","traits":{"smithy.api#length":{"max":2048}}}`,
				`"ex#OutToken":{"type":"string"}`),
			smoke: smokeImportsNoTypes + `
func TestPaginatorTokenShapes(t *testing.T) {
	c, f := trickyClient(func(n int, _ string, _ []byte) (int, string) {
		if n == 1 {
			return 200, ´{"nextToken":"t1"}´
		}
		return 200, ´{}´
	})
	p := NewListPaginator(c, &ListInput{})
	for p.HasMorePages() {
		if _, err := p.NextPage(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
	if f.calls != 2 {
		t.Errorf("%d calls, want 2", f.calls)
	}
	trickyJSON(t, f.body, ´{"nextToken":"t1"}´)
}
`,
		},
		{
			name: "with -service, one of two services is generated with its own target prefix",
			pkg:  "twoservices",
			args: []string{"-service", "ex#Two"},
			model: doc(svcShape("ex#One", `"aws.protocols#awsJson1_0":{}`, "Ping"), svcShape("ex#Two", `"aws.protocols#awsJson1_1":{}`, "Ping"),
				`"ex#Ping":{"type":"operation"}`),
			smoke: smokeImportsNoTypes + `
func TestChosenService(t *testing.T) {
	c, f := trickyClient(nil)
	if _, err := c.Ping(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	if f.target != "Two.Ping" {
		t.Errorf("X-Amz-Target = %q, want Two.Ping", f.target)
	}
}
`,
		},
		{
			name:     "an operation with a streaming blob member is skipped with a warning naming it",
			pkg:      "streaming",
			wantWarn: []string{"Upload", "streaming"},
			model: doc(svc("Upload", "Ping"),
				`"ex#Upload":{"type":"operation","input":{"target":"ex#UploadIn"}}`,
				`"ex#UploadIn":{"type":"structure","members":{"body":{"target":"ex#Stream"}}}`,
				`"ex#Stream":{"type":"blob","traits":{"smithy.api#streaming":{}}}`,
				`"ex#Ping":{"type":"operation"}`),
			smoke: `
import (
	"context"
	"reflect"
	"testing"
)

func TestStreamingSkipped(t *testing.T) {
	if _, ok := reflect.TypeOf(&Client{}).MethodByName("Upload"); ok {
		t.Error("Client has an Upload method")
	}
	c, f := trickyClient(nil)
	if _, err := c.Ping(context.Background(), nil); err != nil || f.target != "Svc.Ping" {
		t.Fatalf("Ping: %v, target %q", err, f.target)
	}
}
`,
		},
		{
			name: "awsJson1_0 event streams: every header type, header-only and empty events, one union shared by two operations",
			pkg:  "eventstreams",
			model: doc(svcShape("ex#Svc", `"aws.protocols#awsJson1_0":{}`, "Watch", "Follow"),
				`"ex#Watch":{"type":"operation","output":{"target":"ex#WatchOut"}}`,
				`"ex#Follow":{"type":"operation","output":{"target":"ex#FollowOut"}}`,
				`"ex#WatchOut":{"type":"structure","members":{"Cursor":{"target":"smithy.api#String"},"Feed":{"target":"ex#Feed"}}}`,
				`"ex#FollowOut":{"type":"structure","members":{"Feed":{"target":"ex#Feed"}}}`,
				`"ex#Feed":{"type":"union","traits":{"smithy.api#streaming":{}},"members":{
					"tick":{"target":"ex#Tick"},"ping":{"target":"ex#Ping"},"gone":{"target":"ex#Gone"}}}`,
				`"ex#Tick":{"type":"structure","members":{
					"color":{"target":"ex#Color","traits":{"smithy.api#eventHeader":{}}},
					"level":{"target":"ex#Level","traits":{"smithy.api#eventHeader":{}}},
					"at":{"target":"smithy.api#Timestamp","traits":{"smithy.api#eventHeader":{}}},
					"old":{"target":"smithy.api#Integer","traits":{"smithy.api#eventHeader":{},"smithy.api#deprecated":{}}},
					"flag":{"target":"smithy.api#Boolean","traits":{"smithy.api#eventHeader":{},"smithy.api#default":false}}}}`,
				`"ex#Ping":{"type":"structure","members":{}}`,
				`"ex#Gone":{"type":"structure","traits":{"smithy.api#error":"client"},"members":{"reason":{"target":"smithy.api#String","traits":{"smithy.api#eventHeader":{}}}}}`,
				`"ex#Color":{"type":"enum","members":{"RED":{"target":"smithy.api#Unit","traits":{"smithy.api#enumValue":"red"}}}}`,
				`"ex#Level":{"type":"intEnum","members":{"HIGH":{"target":"smithy.api#Unit","traits":{"smithy.api#enumValue":3}}}}`),
			smoke: `
import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/gosmith/gosmith/internal/eventstreamtest"
	"github.com/gosmith/gosmith/internal/protocol/eventstream"

	"$PKG/types"
)

func TestEventStreams(t *testing.T) {
	at := time.UnixMilli(1700000000123).UTC()
	tick := eventstream.NewEvent("tick", "", nil)
	tick.Headers = append(tick.Headers,
		eventstream.Header{Name: "color", Value: eventstream.String("red")},
		eventstream.Header{Name: "level", Value: eventstream.Int32(3)},
		eventstream.Header{Name: "at", Value: eventstream.Timestamp(at)},
		eventstream.Header{Name: "old", Value: eventstream.Int32(7)},
		eventstream.Header{Name: "flag", Value: eventstream.Bool(true)})
	gone := eventstream.NewException("gone", "", nil)
	gone.Headers = append(gone.Headers, eventstream.Header{Name: "reason", Value: eventstream.String("closed")})
	frames := eventstreamtest.Frames(t, eventstreamtest.Event("initial-response", ´{"Cursor":"c1"}´), tick, eventstream.NewEvent("ping", "", nil), gone)
	c, f := trickyClient(func(int, string, []byte) (int, string) { return 200, string(frames) })
	out, err := c.Watch(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if f.target != "Svc.Watch" || aws.ToString(out.Cursor) != "c1" {
		t.Errorf("target %q, Cursor %v", f.target, out.Cursor)
	}
	var got []types.Feed
	for e := range out.GetStream().Events() {
		got = append(got, e)
	}
	if len(got) != 2 {
		t.Fatalf("events %v", got)
	}
	v := got[0].(*types.FeedMemberTick).Value
	if v.Color != types.ColorRed || v.Level != types.LevelHIGH || !v.At.Equal(at) || aws.ToInt32(v.Old) != 7 || !v.Flag {
		t.Errorf("tick %+v", v)
	}
	if _, ok := got[1].(*types.FeedMemberPing); !ok {
		t.Errorf("ping %#v", got[1])
	}
	var g *types.Gone
	if err := out.GetStream().Err(); !errors.As(err, &g) || aws.ToString(g.Reason) != "closed" {
		t.Errorf("Err = %v", err)
	}
	// Follow shares the union: the same reader interface.
	var _ func() *FollowEventStream = (&FollowOutput{}).GetStream
	var _ FeedReader = NewFollowEventStream().Reader
}
`,
		},
		{
			name: "a union member targeting Unit round-trips as an empty object",
			pkg:  "unitunion",
			model: doc(svc("Echo"), echoOp("Echo", "IO"),
				`"ex#IO":{"type":"structure","members":{"u":{"target":"ex#U"}}}`,
				`"ex#U":{"type":"union","members":{"none":{"target":"smithy.api#Unit"},"s":{"target":"smithy.api#String"}}}`),
			smoke: smokeImports + `
func TestUnitUnionMember(t *testing.T) {
	c, f := trickyClient(nil)
	out, err := c.Echo(context.Background(), &EchoInput{U: &types.UMemberNone{}})
	if err != nil {
		t.Fatal(err)
	}
	trickyJSON(t, f.body, ´{"u":{"none":{}}}´)
	if _, ok := out.U.(*types.UMemberNone); !ok {
		t.Errorf("decoded %#v", out.U)
	}
}
`,
		},

		// ---- Values. ----
		{
			name: "timestamps in every format round-trip, member formats overriding target formats",
			pkg:  "timestamps",
			model: doc(svc("Echo"), echoOp("Echo", "IO"),
				`"ex#IO":{"type":"structure","members":{
					"epoch":{"target":"smithy.api#Timestamp"},
					"dt":{"target":"smithy.api#Timestamp","traits":{"smithy.api#timestampFormat":"date-time"}},
					"hd":{"target":"smithy.api#Timestamp","traits":{"smithy.api#timestampFormat":"http-date"}},
					"shaped":{"target":"ex#DateTime"},
					"override":{"target":"ex#DateTime","traits":{"smithy.api#timestampFormat":"epoch-seconds"}},
					"list":{"target":"ex#DateTimes"}}}`,
				`"ex#DateTime":{"type":"timestamp","traits":{"smithy.api#timestampFormat":"date-time"}}`,
				`"ex#DateTimes":{"type":"list","member":{"target":"ex#DateTime"}}`),
			smoke: `
import (
	"context"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
)

func TestTimestampFormats(t *testing.T) {
	ms := time.Date(2023, 11, 14, 22, 13, 20, 123e6, time.UTC)
	s := ms.Truncate(time.Second)
	c, f := trickyClient(nil)
	out, err := c.Echo(context.Background(), &EchoInput{Epoch: &ms, Dt: &ms, Hd: &s, Shaped: &ms, Override: &ms, List: []time.Time{ms, s}})
	if err != nil {
		t.Fatal(err)
	}
	trickyJSON(t, f.body, ´{"epoch":1700000000.123,"dt":"2023-11-14T22:13:20.123Z","hd":"Tue, 14 Nov 2023 22:13:20 GMT",
		"shaped":"2023-11-14T22:13:20.123Z","override":1700000000.123,"list":["2023-11-14T22:13:20.123Z","2023-11-14T22:13:20Z"]}´)
	for name, got := range map[string]*time.Time{"epoch": out.Epoch, "dt": out.Dt, "shaped": out.Shaped, "override": out.Override} {
		if !aws.ToTime(got).Equal(ms) {
			t.Errorf("%s decoded as %v, want %v", name, got, ms)
		}
	}
	if !aws.ToTime(out.Hd).Equal(s) || len(out.List) != 2 || !out.List[1].Equal(s) {
		t.Errorf("decoded %+v", out)
	}
}
`,
		},
		{
			name: "sparse lists and maps of structures keep their nulls",
			pkg:  "sparse",
			model: doc(svc("Echo"), echoOp("Echo", "IO"),
				`"ex#IO":{"type":"structure","members":{"items":{"target":"ex#Items"},"byKey":{"target":"ex#ByKey"}}}`,
				`"ex#Items":{"type":"list","member":{"target":"ex#Item"},"traits":{"smithy.api#sparse":{}}}`,
				`"ex#ByKey":{"type":"map","key":{"target":"smithy.api#String"},"value":{"target":"ex#Item"},"traits":{"smithy.api#sparse":{}}}`,
				`"ex#Item":{"type":"structure","members":{"n":{"target":"smithy.api#String"}}}`),
			smoke: smokeImports + `
func TestSparseStructures(t *testing.T) {
	c, f := trickyClient(nil)
	out, err := c.Echo(context.Background(), &EchoInput{Items: []*types.Item{{N: aws.String("a")}, nil},
		ByKey: map[string]*types.Item{"k": nil, "j": {N: aws.String("b")}}})
	if err != nil {
		t.Fatal(err)
	}
	trickyJSON(t, f.body, ´{"items":[{"n":"a"},null],"byKey":{"j":{"n":"b"},"k":null}}´)
	if len(out.Items) != 2 || out.Items[1] != nil || aws.ToString(out.Items[0].N) != "a" {
		t.Errorf("decoded items %+v", out.Items)
	}
	if v, ok := out.ByKey["k"]; !ok || v != nil || aws.ToString(out.ByKey["j"].N) != "b" {
		t.Errorf("decoded map %+v", out.ByKey)
	}
}
`,
		},
		{
			name: "sparse lists of strings and timestamps keep their nulls",
			pkg:  "sparsemore",
			model: doc(svc("Echo"), echoOp("Echo", "IO"),
				`"ex#IO":{"type":"structure","members":{"strs":{"target":"ex#Strs"},"times":{"target":"ex#Times"}}}`,
				`"ex#Strs":{"type":"list","member":{"target":"smithy.api#String"},"traits":{"smithy.api#sparse":{}}}`,
				`"ex#Times":{"type":"list","member":{"target":"smithy.api#Timestamp"},"traits":{"smithy.api#sparse":{}}}`),
			smoke: `
import (
	"context"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
)

func TestSparseOthers(t *testing.T) {
	c, f := trickyClient(nil)
	out, err := c.Echo(context.Background(), &EchoInput{
		Strs: []*string{nil, aws.String("a")}, Times: []*time.Time{nil, aws.Time(time.Unix(5, 0))},
	})
	if err != nil {
		t.Fatal(err)
	}
	trickyJSON(t, f.body, ´{"strs":[null,"a"],"times":[null,5]}´)
	if len(out.Strs) != 2 || out.Strs[0] != nil || out.Times[0] != nil || !out.Times[1].Equal(time.Unix(5, 0)) {
		t.Errorf("decoded %+v", out)
	}
}
`,
		},
		{
			name: "a sparse list of lists sends and keeps its nulls",
			pkg:  "sparselists",
			model: doc(svc("Echo"), echoOp("Echo", "IO"),
				`"ex#IO":{"type":"structure","members":{"lists":{"target":"ex#Lists"}}}`,
				`"ex#Lists":{"type":"list","member":{"target":"ex#Plain"},"traits":{"smithy.api#sparse":{}}}`,
				`"ex#Plain":{"type":"list","member":{"target":"smithy.api#String"}}`),
			smoke: smokeImportsNoTypes + `
func TestSparseLists(t *testing.T) {
	c, f := trickyClient(nil)
	out, err := c.Echo(context.Background(), &EchoInput{Lists: [][]string{nil, {"x"}}})
	if err != nil {
		t.Fatal(err)
	}
	trickyJSON(t, f.body, ´{"lists":[null,["x"]]}´)
	if len(out.Lists) != 2 || out.Lists[0] != nil {
		t.Errorf("decoded %#v", out.Lists)
	}
	c, _ = trickyClient(func(int, string, []byte) (int, string) { return 200, ´{"lists":[null,[]]}´ })
	if out, err = c.Echo(context.Background(), nil); err != nil || out.Lists[0] != nil || out.Lists[1] == nil {
		t.Errorf("decoding [null,[]]: %v, %#v", err, out.Lists)
	}
}
`,
		},
		{
			name: "a sparse list of unions sends and keeps its nulls",
			pkg:  "sparseunions",
			model: doc(svc("Echo"), echoOp("Echo", "IO"),
				`"ex#IO":{"type":"structure","members":{"unions":{"target":"ex#Unions"}}}`,
				`"ex#Unions":{"type":"list","member":{"target":"ex#U"},"traits":{"smithy.api#sparse":{}}}`,
				`"ex#U":{"type":"union","members":{"s":{"target":"smithy.api#String"}}}`),
			smoke: smokeImports + `
func TestSparseUnions(t *testing.T) {
	c, f := trickyClient(nil)
	out, err := c.Echo(context.Background(), &EchoInput{Unions: []types.U{nil, &types.UMemberS{Value: "s"}}})
	if err != nil {
		t.Fatal(err)
	}
	trickyJSON(t, f.body, ´{"unions":[null,{"s":"s"}]}´)
	if len(out.Unions) != 2 || out.Unions[0] != nil {
		t.Errorf("decoded %+v", out.Unions)
	}
}
`,
		},
		{
			name: "documents of every JSON kind round-trip, in members and lists",
			pkg:  "documents",
			model: doc(svc("Echo"), echoOp("Echo", "IO"),
				`"ex#IO":{"type":"structure","members":{"doc":{"target":"smithy.api#Document"},"custom":{"target":"ex#Custom"},"docs":{"target":"ex#Docs"}}}`,
				`"ex#Custom":{"type":"document"}`,
				`"ex#Docs":{"type":"list","member":{"target":"ex#Custom"}}`),
			smoke: `
import (
	"context"
	"fmt"
	"testing"

	"$PKG/document"
)

func TestDocuments(t *testing.T) {
	c, f := trickyClient(nil)
	value := map[string]any{"a": []any{1.5, "x", nil, true, map[string]any{}}, "b": "c"}
	out, err := c.Echo(context.Background(), &EchoInput{Doc: document.NewLazyDocument(value), Custom: document.NewLazyDocument("str"),
		Docs: []document.Interface{document.NewLazyDocument(7.0), document.NewLazyDocument([]any{})}})
	if err != nil {
		t.Fatal(err)
	}
	trickyJSON(t, f.body, ´{"doc":{"a":[1.5,"x",null,true,{}],"b":"c"},"custom":"str","docs":[7,[]]}´)
	var got map[string]any
	if err := out.Doc.UnmarshalSmithyDocument(&got); err != nil {
		t.Fatal(err)
	}
	// Numbers come back as smithy document.Number, as in aws-sdk-go-v2.
	if fmt.Sprint(got) != fmt.Sprint(value) {
		t.Errorf("decoded document %#v", got)
	}
	var s string
	if err := out.Custom.UnmarshalSmithyDocument(&s); err != nil || s != "str" || len(out.Docs) != 2 {
		t.Errorf("decoded custom %q (%v), %d docs", s, err, len(out.Docs))
	}
}
`,
		},
		{
			name: "documents reached only through lists and maps still get the document package",
			pkg:  "nesteddocuments",
			model: doc(svc("Echo"), echoOp("Echo", "IO"),
				`"ex#IO":{"type":"structure","members":{"docs":{"target":"ex#Docs"},"byName":{"target":"ex#DocsByName"}}}`,
				`"ex#Docs":{"type":"list","member":{"target":"smithy.api#Document"}}`,
				`"ex#DocsByName":{"type":"map","key":{"target":"smithy.api#String"},"value":{"target":"ex#Docs"}}`),
			smoke: `
import (
	"context"
	"testing"

	"$PKG/document"
)

func TestNestedDocuments(t *testing.T) {
	c, f := trickyClient(nil)
	out, err := c.Echo(context.Background(), &EchoInput{Docs: []document.Interface{document.NewLazyDocument("a")},
		ByName: map[string][]document.Interface{"k": {document.NewLazyDocument(true)}}})
	if err != nil {
		t.Fatal(err)
	}
	trickyJSON(t, f.body, ´{"docs":["a"],"byName":{"k":[true]}}´)
	var b bool
	if err := out.ByName["k"][0].UnmarshalSmithyDocument(&b); err != nil || !b || len(out.Docs) != 1 {
		t.Errorf("decoded %v (%v), %d docs", b, err, len(out.Docs))
	}
}
`,
		},
		{
			name: "a union with a member of every kind round-trips each member",
			pkg:  "unionkinds",
			model: doc(svc("Echo"), echoOp("Echo", "IO"),
				`"ex#IO":{"type":"structure","members":{"u":{"target":"ex#All"}}}`,
				`"ex#All":{"type":"union","members":{
					"str":{"target":"smithy.api#String"},"bool":{"target":"smithy.api#Boolean"},"byte":{"target":"smithy.api#Byte"},
					"short":{"target":"smithy.api#Short"},"int":{"target":"smithy.api#Integer"},"long":{"target":"smithy.api#Long"},
					"float":{"target":"smithy.api#Float"},"double":{"target":"smithy.api#Double"},"ts":{"target":"smithy.api#Timestamp"},
					"blob":{"target":"smithy.api#Blob"},"enum":{"target":"ex#Color"},"intEnum":{"target":"ex#Level"},
					"struct":{"target":"ex#Point"},"list":{"target":"ex#Strs"},"map":{"target":"ex#StrMap"},"union":{"target":"ex#Inner"},
					"doc":{"target":"smithy.api#Document"},"unit":{"target":"smithy.api#Unit"}}}`,
				`"ex#Color":{"type":"enum","members":{"RED":{"target":"smithy.api#Unit","traits":{"smithy.api#enumValue":"red"}}}}`,
				`"ex#Level":{"type":"intEnum","members":{"ONE":{"target":"smithy.api#Unit","traits":{"smithy.api#enumValue":1}}}}`,
				`"ex#Point":{"type":"structure","members":{"x":{"target":"smithy.api#Integer"}}}`,
				`"ex#Strs":{"type":"list","member":{"target":"smithy.api#String"}}`,
				`"ex#StrMap":{"type":"map","key":{"target":"smithy.api#String"},"value":{"target":"smithy.api#String"}}`,
				`"ex#Inner":{"type":"union","members":{"a":{"target":"smithy.api#String"}}}`),
			smoke: `
import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"

	"$PKG/document"
	"$PKG/types"
)

func TestUnionEveryKind(t *testing.T) {
	cases := []struct {
		in   types.All
		wire string
	}{
		{&types.AllMemberStr{Value: "s"}, ´{"str":"s"}´},
		{&types.AllMemberBool{Value: false}, ´{"bool":false}´},
		{&types.AllMemberByte{Value: -8}, ´{"byte":-8}´},
		{&types.AllMemberShort{Value: 300}, ´{"short":300}´},
		{&types.AllMemberInt{Value: 0}, ´{"int":0}´},
		{&types.AllMemberLong{Value: 1 << 40}, ´{"long":1099511627776}´},
		{&types.AllMemberFloat{Value: 1.5}, ´{"float":1.5}´},
		{&types.AllMemberDouble{Value: -0.25}, ´{"double":-0.25}´},
		{&types.AllMemberTs{Value: time.Unix(1700000000, 0).UTC()}, ´{"ts":1700000000}´},
		{&types.AllMemberBlob{Value: []byte("hi")}, ´{"blob":"aGk="}´},
		{&types.AllMemberEnum{Value: types.Color("red")}, ´{"enum":"red"}´},
		{&types.AllMemberIntEnum{Value: types.Level(1)}, ´{"intEnum":1}´},
		{&types.AllMemberStruct{Value: types.Point{X: aws.Int32(3)}}, ´{"struct":{"x":3}}´},
		{&types.AllMemberList{Value: []string{"a"}}, ´{"list":["a"]}´},
		{&types.AllMemberMap{Value: map[string]string{"k": "v"}}, ´{"map":{"k":"v"}}´},
		{&types.AllMemberUnion{Value: &types.InnerMemberA{Value: "in"}}, ´{"union":{"a":"in"}}´},
		{&types.AllMemberUnit{}, ´{"unit":{}}´},
	}
	for _, tc := range cases {
		c, f := trickyClient(nil)
		out, err := c.Echo(context.Background(), &EchoInput{U: tc.in})
		if err != nil {
			t.Errorf("%T: %v", tc.in, err)
			continue
		}
		trickyJSON(t, f.body, ´{"u":´+tc.wire+´}´)
		if !reflect.DeepEqual(out.U, tc.in) {
			t.Errorf("%T: decoded %#v, want %#v", tc.in, out.U, tc.in)
		}
	}

	c, f := trickyClient(nil)
	out, err := c.Echo(context.Background(), &EchoInput{U: &types.AllMemberDoc{Value: document.NewLazyDocument([]any{"d"})}})
	if err != nil {
		t.Fatal(err)
	}
	trickyJSON(t, f.body, ´{"u":{"doc":["d"]}}´)
	var got []any
	if m, ok := out.U.(*types.AllMemberDoc); !ok || m.Value.UnmarshalSmithyDocument(&got) != nil || len(got) != 1 {
		t.Errorf("decoded %#v", out.U)
	}
}
`,
		},
		{
			name: "special floats and blobs round-trip (NaN and infinities as strings, blobs as base64)",
			pkg:  "scalars",
			model: doc(svc("Echo"), echoOp("Echo", "IO"),
				`"ex#IO":{"type":"structure","members":{"f":{"target":"smithy.api#Float"},"d":{"target":"smithy.api#Double"},
					"ds":{"target":"ex#Doubles"},"b":{"target":"smithy.api#Blob"},"bs":{"target":"ex#Blobs"},"empty":{"target":"smithy.api#Blob"}}}`,
				`"ex#Doubles":{"type":"list","member":{"target":"smithy.api#Double"}}`,
				`"ex#Blobs":{"type":"list","member":{"target":"smithy.api#Blob"}}`),
			smoke: `
import (
	"context"
	"math"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
)

func TestSpecialScalars(t *testing.T) {
	c, f := trickyClient(nil)
	out, err := c.Echo(context.Background(), &EchoInput{F: aws.Float32(float32(math.Inf(1))), D: aws.Float64(math.NaN()),
		Ds: []float64{math.Inf(-1), 0.5}, B: []byte{0, 255}, Bs: [][]byte{[]byte("a"), {}}})
	if err != nil {
		t.Fatal(err)
	}
	trickyJSON(t, f.body, ´{"f":"Infinity","d":"NaN","ds":["-Infinity",0.5],"b":"AP8=","bs":["YQ==",""]}´)
	if !math.IsInf(float64(aws.ToFloat32(out.F)), 1) || !math.IsNaN(aws.ToFloat64(out.D)) || !math.IsInf(out.Ds[0], -1) || out.B[1] != 255 {
		t.Errorf("decoded %+v", out)
	}
}
`,
		},
		{
			name: "deeply nested lists of maps of lists round-trip",
			pkg:  "nested",
			model: doc(svc("Echo"), echoOp("Echo", "IO"),
				`"ex#IO":{"type":"structure","members":{"deep":{"target":"ex#L1"}}}`,
				`"ex#L1":{"type":"list","member":{"target":"ex#M1"}}`,
				`"ex#M1":{"type":"map","key":{"target":"smithy.api#String"},"value":{"target":"ex#L2"}}`,
				`"ex#L2":{"type":"list","member":{"target":"ex#M2"}}`,
				`"ex#M2":{"type":"map","key":{"target":"smithy.api#String"},"value":{"target":"ex#L3"}}`,
				`"ex#L3":{"type":"list","member":{"target":"ex#Leaf"}}`,
				`"ex#Leaf":{"type":"structure","members":{"v":{"target":"ex#Ints"}}}`,
				`"ex#Ints":{"type":"list","member":{"target":"smithy.api#Integer"}}`),
			smoke: `
import (
	"context"
	"reflect"
	"testing"

	"$PKG/types"
)

func TestDeepNesting(t *testing.T) {
	deep := []map[string][]map[string][]types.Leaf{{"a": {{"b": {{V: []int32{1, 2}}, {}}}, {}}}, {}}
	c, f := trickyClient(nil)
	out, err := c.Echo(context.Background(), &EchoInput{Deep: deep})
	if err != nil {
		t.Fatal(err)
	}
	trickyJSON(t, f.body, ´{"deep":[{"a":[{"b":[{"v":[1,2]},{}]},{}]},{}]}´)
	if !reflect.DeepEqual(out.Deep, deep) {
		t.Errorf("decoded %#v", out.Deep)
	}
}
`,
		},
		{
			name: "an idempotency token left nil is filled with a UUID",
			pkg:  "idempotency",
			model: doc(svc("Create"),
				`"ex#Create":{"type":"operation","input":{"target":"ex#CreateIn"}}`,
				`"ex#CreateIn":{"type":"structure","members":{"token":{"target":"smithy.api#String","traits":{"smithy.api#idempotencyToken":{}}}}}`),
			smoke: `
import (
	"context"
	"encoding/json"
	"testing"
)

func TestIdempotencyToken(t *testing.T) {
	c, f := trickyClient(nil)
	if _, err := c.Create(context.Background(), &CreateInput{}); err != nil {
		t.Fatal(err)
	}
	var body struct{ Token string }
	if err := json.Unmarshal(f.body, &body); err != nil || len(body.Token) != 36 {
		t.Errorf("token %q (%v) in %s", body.Token, err, f.body)
	}
}
`,
		},

		// ---- Key matching. ----
		{
			name: "objects with many members match keys through a table, ones whose keys it cannot tell apart through a switch, and both decode every member",
			pkg:  "manykeys",
			model: doc(svc("Do"),
				`"ex#Do":{"type":"operation","input":{"target":"ex#IO"},"output":{"target":"ex#IO"},"errors":[{"target":"ex#Big"}]}`,
				`"ex#IO":{"type":"structure","members":{"wide":{"target":"ex#Wide"},"twins":{"target":"ex#Twins"}}}`,
				`"ex#Wide":{"type":"structure","members":{"a":{"target":"smithy.api#String"},"bb":{"target":"smithy.api#Integer"},
					"TrainingJobName":{"target":"smithy.api#String"},"TrainingJobNameEquals":{"target":"smithy.api#String"},
					"TrainingJobArn":{"target":"smithy.api#String"},"TrainingJobStatusEquals":{"target":"smithy.api#Boolean"},
					"nested":{"target":"ex#Wide"},"list":{"target":"ex#Strings"},"NameContains":{"target":"smithy.api#String"}}}`,
				`"ex#Twins":{"type":"structure","members":{"ModelPackageGroupArn":{"target":"smithy.api#String"},"ModelPacXageGroupArn":{"target":"smithy.api#String"},
					"c1":{"target":"smithy.api#String"},"c2":{"target":"smithy.api#String"},"c3":{"target":"smithy.api#String"},
					"c4":{"target":"smithy.api#String"},"c5":{"target":"smithy.api#String"},"c6":{"target":"smithy.api#String"}}}`,
				`"ex#Strings":{"type":"list","member":{"target":"smithy.api#String"}}`,
				`"ex#Big":{"type":"structure","traits":{"smithy.api#error":"client"},"members":{"message":{"target":"smithy.api#String"},
					"k1":{"target":"smithy.api#Integer"},"k2":{"target":"smithy.api#Integer"},"k3":{"target":"smithy.api#Integer"},
					"k4":{"target":"smithy.api#Integer"},"k5":{"target":"smithy.api#Integer"},"k6":{"target":"smithy.api#Integer"},
					"k7":{"target":"smithy.api#Integer"}}}`),
			smoke: `
import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"

	"$PKG/types"
)

func TestManyKeys(t *testing.T) {
	src, err := os.ReadFile("deserializers.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"switch keysWide.Find(key)", "switch keysBig.Find(key)", "var keysWide = jsonwire.Keys{"} {
		if !strings.Contains(string(src), want) {
			t.Errorf("deserializers.go lacks %q", want)
		}
	}
	if strings.Contains(string(src), "keysTwins") {
		t.Errorf("Twins' keys agree in their first and last 8 bytes and length, yet got a table")
	}

	reply := ´{"wide":{"a":"x","zz":[1,{"a":2}],"bb":7,"TrainingJobName":"n","TrainingJobNameEquals":"ne","TrainingJobArn":"arn",
		"TrainingJobStatusEquals":true,"nested":{"NameContains":"in","TrainingJobNam":"cut","nested":null},"list":["l1","l2"],"NameContains":"c"},
		"twins":{"ModelPackageGroupArn":"g","ModelPacXageGroupArn":"x","c1":"1","c6":"6","c7":"7"}}´
	c, _ := trickyClient(func(n int, _ string, _ []byte) (int, string) {
		if n == 2 {
			return 400, ´{"__type":"Big","Message":"up","k1":1,"k7":7,"k8":8}´
		}
		return 200, reply
	})
	out, err := c.Do(context.Background(), &DoInput{})
	if err != nil {
		t.Fatal(err)
	}
	w := out.Wide
	if aws.ToString(w.A) != "x" || aws.ToInt32(w.Bb) != 7 || aws.ToString(w.TrainingJobName) != "n" ||
		aws.ToString(w.TrainingJobNameEquals) != "ne" || aws.ToString(w.TrainingJobArn) != "arn" ||
		!aws.ToBool(w.TrainingJobStatusEquals) || aws.ToString(w.NameContains) != "c" ||
		strings.Join(w.List, ",") != "l1,l2" || w.Nested == nil || aws.ToString(w.Nested.NameContains) != "in" ||
		w.Nested.TrainingJobName != nil || w.Nested.Nested != nil {
		t.Errorf("decoded Wide %+v, nested %+v", w, w.Nested)
	}
	tw := out.Twins
	if aws.ToString(tw.ModelPackageGroupArn) != "g" || aws.ToString(tw.ModelPacXageGroupArn) != "x" ||
		aws.ToString(tw.C1) != "1" || aws.ToString(tw.C6) != "6" || tw.C2 != nil {
		t.Errorf("decoded Twins %+v", tw)
	}
	_, err = c.Do(context.Background(), &DoInput{})
	var big *types.Big
	if !errors.As(err, &big) || aws.ToString(big.Message) != "up" || aws.ToInt32(big.K1) != 1 || aws.ToInt32(big.K7) != 7 || big.K2 != nil {
		t.Fatalf("error %v, decoded %+v", err, big)
	}
}
`,
		},

		// ---- Errors. ----
		{
			name: "error structures with members named message, Message, error and ErrorCode decode into distinct fields",
			pkg:  "errmembers",
			model: doc(svc("Do"),
				`"ex#Do":{"type":"operation","errors":[{"target":"ex#Boom"},{"target":"ex#Oops"}]}`,
				`"ex#Boom":{"type":"structure","traits":{"smithy.api#error":"client"},"members":{"Message":{"target":"smithy.api#String"},
					"error":{"target":"smithy.api#String"},"ErrorCode":{"target":"smithy.api#String"},"ErrorFault":{"target":"smithy.api#String"},
					"errorMessage":{"target":"smithy.api#String"},"ErrorCodeOverride":{"target":"smithy.api#String"}}}`,
				`"ex#Oops":{"type":"structure","traits":{"smithy.api#error":"server"},"members":{"message":{"target":"smithy.api#String"},"code":{"target":"smithy.api#Integer"}}}`),
			smoke: `
import (
	"context"
	"errors"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/smithy-go"

	"$PKG/types"
)

func TestErrorMembers(t *testing.T) {
	c, _ := trickyClient(func(n int, _ string, _ []byte) (int, string) {
		if n == 1 {
			return 400, ´{"__type":"Boom","Message":"m","error":"e","ErrorCode":"c","ErrorFault":"f","errorMessage":"em","ErrorCodeOverride":"o"}´
		}
		return 500, ´{"__type":"Oops","message":"lower","code":7}´
	})
	_, err := c.Do(context.Background(), nil)
	var boom *types.Boom
	if !errors.As(err, &boom) {
		t.Fatalf("error %v is not a *types.Boom", err)
	}
	if aws.ToString(boom.Message) != "m" || aws.ToString(boom.Error_) != "e" || aws.ToString(boom.ErrorCode_) != "c" ||
		aws.ToString(boom.ErrorFault_) != "f" || aws.ToString(boom.ErrorMessage_) != "em" || aws.ToString(boom.ErrorCodeOverride_) != "o" {
		t.Errorf("decoded %+v", boom)
	}
	if boom.ErrorCode() != "Boom" || boom.ErrorMessage() != "m" || boom.ErrorFault() != smithy.FaultClient {
		t.Errorf("methods: %q %q %v", boom.ErrorCode(), boom.ErrorMessage(), boom.ErrorFault())
	}
	_, err = c.Do(context.Background(), nil)
	var oops *types.Oops
	if !errors.As(err, &oops) || oops.ErrorMessage() != "lower" || aws.ToInt32(oops.Code) != 7 {
		t.Fatalf("error %v, decoded %+v", err, oops)
	}
}
`,
		},
		{
			name: "an error whose message member is an integer compiles; its response fails to decode naming $.message, as in aws-sdk-go-v2",
			pkg:  "errintmessage",
			model: doc(svc("Do"),
				`"ex#Do":{"type":"operation","errors":[{"target":"ex#Bad"}]}`,
				`"ex#Bad":{"type":"structure","traits":{"smithy.api#error":"client"},"members":{"message":{"target":"smithy.api#Integer"}}}`),
			smoke: `
import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/aws/smithy-go"

	"$PKG/types"
)

func TestIntegerMessage(t *testing.T) {
	var _ *int32 = types.Bad{}.Message
	if msg := (&types.Bad{}).ErrorMessage(); msg != "" {
		t.Errorf("ErrorMessage() = %q", msg)
	}
	c, _ := trickyClient(func(int, string, []byte) (int, string) { return 400, ´{"__type":"Bad","message":42}´ })
	_, err := c.Do(context.Background(), nil)
	var de *smithy.DeserializationError
	if !errors.As(err, &de) || !strings.Contains(err.Error(), "$.message") {
		t.Fatalf("error %v, want a deserialization error naming $.message", err)
	}
}
`,
		},

		// ---- Model features. ----
		{
			name: "mixins contribute members and their required trait",
			pkg:  "mixins",
			model: doc(svc("Echo"), echoOp("Echo", "IO"),
				`"ex#IO":{"type":"structure","mixins":[{"target":"ex#Paged"}],"members":{"thing":{"target":"ex#Thing"}}}`,
				`"ex#Paged":{"type":"structure","traits":{"smithy.api#mixin":{}},"members":{"nextToken":{"target":"smithy.api#String"}}}`,
				`"ex#HasID":{"type":"structure","traits":{"smithy.api#mixin":{}},"members":{"id":{"target":"smithy.api#String","traits":{"smithy.api#required":{}}}}}`,
				`"ex#Thing":{"type":"structure","mixins":[{"target":"ex#HasID"}],"members":{"name":{"target":"smithy.api#String"}}}`),
			smoke: `
import (
	"context"
	"errors"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/smithy-go"

	"$PKG/types"
)

func TestMixins(t *testing.T) {
	c, f := trickyClient(nil)
	_, err := c.Echo(context.Background(), &EchoInput{Thing: &types.Thing{Name: aws.String("n")}})
	var invalid smithy.InvalidParamsError
	if !errors.As(err, &invalid) || f.calls != 0 {
		t.Fatalf("a Thing without its mixin's required id: %v after %d calls", err, f.calls)
	}
	out, err := c.Echo(context.Background(), &EchoInput{NextToken: aws.String("t"), Thing: &types.Thing{Id: aws.String("i"), Name: aws.String("n")}})
	if err != nil {
		t.Fatal(err)
	}
	trickyJSON(t, f.body, ´{"nextToken":"t","thing":{"id":"i","name":"n"}}´)
	if aws.ToString(out.Thing.Id) != "i" {
		t.Errorf("decoded %+v", out.Thing)
	}
}
`,
		},
		{
			name: "a service's rename gives a conflicting shape its new Go name",
			pkg:  "rename",
			model: doc(`"ex#Svc":{"type":"service","version":"2024-01-01","operations":[{"target":"ex#Echo"}],
					"rename":{"other#Thing":"OtherThing"},"traits":{"aws.protocols#awsJson1_1":{}}}`,
				echoOp("Echo", "IO"),
				`"ex#IO":{"type":"structure","members":{"mine":{"target":"ex#Thing"},"theirs":{"target":"other#Thing"}}}`,
				`"ex#Thing":{"type":"structure","members":{"a":{"target":"smithy.api#String"}}}`,
				`"other#Thing":{"type":"structure","members":{"b":{"target":"smithy.api#String"}}}`),
			smoke: smokeImports + `
func TestRename(t *testing.T) {
	c, f := trickyClient(nil)
	out, err := c.Echo(context.Background(), &EchoInput{Mine: &types.Thing{A: aws.String("a")}, Theirs: &types.OtherThing{B: aws.String("b")}})
	if err != nil {
		t.Fatal(err)
	}
	trickyJSON(t, f.body, ´{"mine":{"a":"a"},"theirs":{"b":"b"}}´)
	if aws.ToString(out.Theirs.B) != "b" {
		t.Errorf("decoded %+v", out)
	}
}
`,
		},
		{
			name: "the jsonName trait is ignored by awsJson: the member name is the key",
			pkg:  "jsonname",
			model: doc(svc("Echo"), echoOp("Echo", "IO"),
				`"ex#IO":{"type":"structure","members":{"name":{"target":"smithy.api#String","traits":{"smithy.api#jsonName":"NAME_ON_WIRE"}}}}`),
			smoke: smokeImportsNoTypes + `
func TestJSONNameIgnored(t *testing.T) {
	c, f := trickyClient(nil)
	out, err := c.Echo(context.Background(), &EchoInput{Name: aws.String("n")})
	if err != nil {
		t.Fatal(err)
	}
	trickyJSON(t, f.body, ´{"name":"n"}´)
	if aws.ToString(out.Name) != "n" {
		t.Errorf("decoded %+v", out)
	}
}
`,
		},
		{
			name: "an output member named ResultMetadata gets a trailing underscore and decodes",
			pkg:  "resultmeta",
			model: doc(svc("Get"),
				`"ex#Get":{"type":"operation","output":{"target":"ex#GetOut"}}`,
				`"ex#GetOut":{"type":"structure","members":{"ResultMetadata":{"target":"smithy.api#String"}}}`),
			smoke: smokeImportsNoTypes + `
func TestResultMetadataMember(t *testing.T) {
	c, _ := trickyClient(func(int, string, []byte) (int, string) { return 200, ´{"ResultMetadata":"mine"}´ })
	out, err := c.Get(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if aws.ToString(out.ResultMetadata_) != "mine" {
		t.Errorf("ResultMetadata_ = %v", out.ResultMetadata_)
	}
}
`,
		},
	}
}
