package difftest

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"hash/fnv"
	"io"
	"math/rand"
	"net/http"
	"os"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	v2 "github.com/aws/aws-sdk-go-v2/service/storagegateway"
	v2types "github.com/aws/aws-sdk-go-v2/service/storagegateway/types"
	"github.com/aws/smithy-go"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	gs "github.com/gosmith/gosmith/internal/difftest/sgfull"
	gstypes "github.com/gosmith/gosmith/internal/difftest/sgfull/types"
)

var (
	seedFlag  = flag.Int64("seed", 20240611, "PRNG seed; each operation's cases derive from it and the operation name")
	casesFlag = flag.Int("cases", 20, "random cases per operation")
)

const (
	wantOperations = 96
	endpoint       = "https://sg.example.com"
	region         = "us-east-1"
	requestID      = "11111111-2222-3333-4444-555555555555"
)

var creds = aws.Credentials{AccessKeyID: "AKID", SecretAccessKey: "SECRET", SessionToken: "SESSIONTOKEN", Source: "difftest"}

// errorKinds pairs each modeled error type of the service on both sides, so
// errors.As can be tried by name. It is per service, not per operation.
var errorKinds = []struct {
	name   string
	gs, v2 func() any // new pointer to a typed-error pointer, for errors.As
}{
	{"InternalServerError", func() any { return new(*gstypes.InternalServerError) }, func() any { return new(*v2types.InternalServerError) }},
	{"InvalidGatewayRequestException", func() any { return new(*gstypes.InvalidGatewayRequestException) }, func() any { return new(*v2types.InvalidGatewayRequestException) }},
	{"ServiceUnavailableError", func() any { return new(*gstypes.ServiceUnavailableError) }, func() any { return new(*v2types.ServiceUnavailableError) }},
}

// ---------------------------------------------------------------------------
// check bookkeeping

type tally struct{ pass, fail, known int }

var (
	statsMu sync.Mutex
	stats   = map[string]*tally{}
	// knownLogged counts the known-difference examples logged per check.
	knownLogged = map[string]int{}
	infoMu      sync.Mutex
	info        = map[string]int{}
	infoEx      = map[string]string{}
)

func count(check string, f func(t *tally)) {
	statsMu.Lock()
	defer statsMu.Unlock()
	if stats[check] == nil {
		stats[check] = &tally{}
	}
	f(stats[check])
}

// note counts an informational (not failing) observation, keeping its first
// example.
func note(key, example string) {
	infoMu.Lock()
	defer infoMu.Unlock()
	info[key]++
	if _, ok := infoEx[key]; !ok {
		infoEx[key] = example
	}
}

// checker records one check's result in an operation's subtest. A failing
// check listed in knownDifferences is counted as "known" and logged rather
// than failed; at most a few failures per check are printed per operation.
type checker struct {
	t       *testing.T
	op      string
	printed map[string]int
}

func (c *checker) result(check string, ok bool, format string, args ...any) {
	if ok {
		count(check, func(t *tally) { t.pass++ })
		return
	}
	reason, known := knownDifference(check, c.op)
	if known {
		count(check, func(t *tally) { t.known++ })
	} else {
		count(check, func(t *tally) { t.fail++ })
	}
	if known {
		// One example per known difference in the whole run is enough.
		statsMu.Lock()
		knownLogged[check]++
		first := knownLogged[check] == 1
		statsMu.Unlock()
		if first {
			c.t.Logf("known difference (%s), first example:\n[%s] "+format, append([]any{reason, check}, args...)...)
		}
		return
	}
	c.printed[check]++
	if c.printed[check] > 2 {
		return
	}
	c.t.Errorf("[%s] "+format, append([]any{check}, args...)...)
}

func TestMain(m *testing.M) {
	flag.Parse()
	start := time.Now()
	code := m.Run()
	fmt.Printf("\ndifftest seed=%d cases=%d time=%s\n", *seedFlag, *casesFlag, time.Since(start).Round(time.Millisecond))
	fmt.Printf("%-28s %7s %7s %7s\n", "check", "pass", "fail", "known")
	for _, k := range sortedKeys(stats) {
		s := stats[k]
		fmt.Printf("%-28s %7d %7d %7d\n", k, s.pass, s.fail, s.known)
	}
	for _, k := range sortedKeys(knownDifferences) {
		if knownHit[k] == 0 {
			fmt.Printf("known difference %q did not reproduce in this run\n", k)
		}
	}
	if len(info) > 0 {
		fmt.Printf("\ninformational (not failures):\n")
		for _, k := range sortedKeys(info) {
			fmt.Printf("  %-60s %6d  e.g. %s\n", k, info[k], infoEx[k])
		}
	}
	os.Exit(code)
}

// ---------------------------------------------------------------------------
// fake transport

type captured struct {
	req  *http.Request
	body []byte
}

type reply struct {
	status int
	header http.Header
	body   []byte
}

// fakeHTTP is an in-memory HTTP client: it records each request and answers
// with the configured reply.
type fakeHTTP struct {
	mu    sync.Mutex
	reqs  []captured
	reply reply
}

func (f *fakeHTTP) Do(r *http.Request) (*http.Response, error) {
	var body []byte
	if r.Body != nil {
		var err error
		if body, err = io.ReadAll(r.Body); err != nil {
			return nil, err
		}
		r.Body.Close()
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.reqs = append(f.reqs, captured{req: r, body: body})
	h := http.Header{}
	for k, v := range f.reply.header {
		h[k] = append([]string(nil), v...)
	}
	h.Set("X-Amzn-Requestid", requestID)
	if h.Get("Content-Type") == "" {
		h.Set("Content-Type", "application/x-amz-json-1.1")
	}
	return &http.Response{
		Status:        fmt.Sprintf("%d %s", f.reply.status, http.StatusText(f.reply.status)),
		StatusCode:    f.reply.status,
		Proto:         "HTTP/1.1",
		ProtoMajor:    1,
		ProtoMinor:    1,
		Header:        h,
		Body:          io.NopCloser(bytes.NewReader(f.reply.body)),
		ContentLength: int64(len(f.reply.body)),
		Request:       r,
	}, nil
}

func (f *fakeHTTP) set(r reply) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.reply = r
	f.reqs = nil
}

func (f *fakeHTTP) last() (captured, int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.reqs) == 0 {
		return captured{}, 0
	}
	return f.reqs[len(f.reqs)-1], len(f.reqs)
}

// ---------------------------------------------------------------------------
// clients and operations

type pair struct {
	gs, v2         reflect.Value // *Client of each side
	gsHTTP, v2HTTP *fakeHTTP
}

func newPair() *pair {
	p := &pair{gsHTTP: &fakeHTTP{}, v2HTTP: &fakeHTTP{}}
	provider := aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) { return creds, nil })
	p.gs = reflect.ValueOf(gs.New(gs.Options{
		Region:           region,
		Credentials:      provider,
		BaseEndpoint:     aws.String(endpoint),
		HTTPClient:       p.gsHTTP,
		RetryMaxAttempts: 1,
		HTTPSignerV4:     fixedSigner{},
	}))
	p.v2 = reflect.ValueOf(v2.New(v2.Options{
		Region:           region,
		Credentials:      provider,
		BaseEndpoint:     aws.String(endpoint),
		HTTPClient:       p.v2HTTP,
		RetryMaxAttempts: 1,
		HTTPSignerV4:     fixedSigner{},
	}))
	return p
}

// operations lists the gosmith client's operation methods: (ctx, *XInput,
// ...func(*Options)) (*XOutput, error).
func operations() []string {
	ctxType := reflect.TypeOf((*context.Context)(nil)).Elem()
	t := reflect.TypeOf(&gs.Client{})
	var ops []string
	for i := 0; i < t.NumMethod(); i++ {
		m := t.Method(i)
		mt := m.Type
		if mt.NumIn() == 4 && mt.IsVariadic() && mt.In(1) == ctxType && mt.NumOut() == 2 &&
			mt.In(2).Kind() == reflect.Pointer && mt.In(2).Elem().Name() == m.Name+"Input" {
			ops = append(ops, m.Name)
		}
	}
	sort.Strings(ops)
	return ops
}

func call(client reflect.Value, op string, in reflect.Value) (reflect.Value, error) {
	res := client.MethodByName(op).Call([]reflect.Value{reflect.ValueOf(context.Background()), in})
	err, _ := res[1].Interface().(error)
	return res[0], err
}

func opSeed(op string, i int) int64 {
	h := fnv.New64a()
	h.Write([]byte(op))
	return *seedFlag ^ int64(h.Sum64()&0x7fffffffffffffff) ^ int64(i)*1_000_003
}

// ---------------------------------------------------------------------------
// the test

func TestDiff(t *testing.T) {
	t.Logf("seed=%d cases=%d (rerun with -seed=%d -cases=%d)", *seedFlag, *casesFlag, *seedFlag, *casesFlag)
	ops := operations()
	if len(ops) != wantOperations {
		t.Errorf("gosmith client has %d operations, want %d", len(ops), wantOperations)
	}
	v2Type := reflect.TypeOf(&v2.Client{})
	p := newPair()
	for _, op := range ops {
		t.Run(op, func(t *testing.T) {
			if _, ok := v2Type.MethodByName(op); !ok {
				t.Skipf("aws-sdk-go-v2 has no %s", op)
			}
			c := &checker{t: t, op: op, printed: map[string]int{}}
			for i := 0; i < *casesFlag; i++ {
				runCase(c, p, op, opSeed(op, i), i)
			}
		})
	}
}

func runCase(c *checker, p *pair, op string, seed int64, caseNo int) {
	r := rand.New(rand.NewSource(seed))
	g := &gen{r: r, floatSpecials: true}
	gsMethod, _ := p.gs.Type().MethodByName(op)
	v2Method, _ := p.v2.Type().MethodByName(op)
	gsIn := g.value(gsMethod.Type.In(2), true)
	where := fmt.Sprintf("op=%s case=%d seed=%d", op, caseNo, seed)

	// 1+2. Validation and request equivalence. A random input may lack
	// required members; both clients must reject it alike. Then the missing
	// members v2 named are filled in and the call is retried until it sends.
	var sent bool
	for attempt := 0; attempt < 30; attempt++ {
		v2In := reflect.New(v2Method.Type.In(2).Elem())
		if missing := copyByName(v2In.Elem(), gsIn.Elem(), gsIn.Elem().Type().Name()); len(missing) > 0 {
			c.result("input-mapping", false, "%s: gosmith input fields v2 lacks: %v", where, missing)
		} else {
			c.result("input-mapping", true, "")
		}
		okReply := reply{status: 200, body: []byte("{}")}
		p.gsHTTP.set(okReply)
		p.v2HTTP.set(okReply)
		_, gsErr := call(p.gs, op, gsIn)
		_, v2Err := call(p.v2, op, v2In)
		var gsInv, v2Inv smithy.InvalidParamsError
		gsIsInv, v2IsInv := errors.As(gsErr, &gsInv), errors.As(v2Err, &v2Inv)
		if gsIsInv || v2IsInv {
			// The same members reported missing (in any order), then the
			// same error text (which includes the order).
			sameSet := gsIsInv == v2IsInv && reflect.DeepEqual(missingFields(gsInv), missingFields(v2Inv))
			c.result("validation-fields", sameSet, "%s: input %s\n gosmith: %v\n v2:      %v", where, jsonOf(gsIn), gsErr, v2Err)
			if sameSet {
				c.result("validation-text", errString(gsErr) == errString(v2Err), "%s: input %s\n gosmith: %v\n v2:      %v", where, jsonOf(gsIn), gsErr, v2Err)
			}
			if !v2IsInv || !fillRequired(g, gsIn, v2Inv) {
				break
			}
			continue
		}
		c.result("validation-fields", true, "")
		c.result("call-ok", gsErr == nil && v2Err == nil, "%s: 200 {} gave errors\n gosmith: %v\n v2: %v", where, gsErr, v2Err)
		compareRequests(c, p, where, gsIn)
		sent = true
		break
	}
	if !sent {
		c.result("request-sent", false, "%s: could not build an input both clients send", where)
		return
	}

	// 3. Response equivalence.
	compareResponse(c, p, op, gsIn, r, where)
	// 3b. Error equivalence.
	compareErrors(c, p, op, gsIn, r, where)
}

// missingFields lists the field paths of a validation error, sorted.
func missingFields(e smithy.InvalidParamsError) []string {
	var out []string
	for _, err := range e.Errs() {
		if pe, ok := err.(smithy.InvalidParamError); ok {
			out = append(out, pe.Field())
		} else {
			out = append(out, err.Error())
		}
	}
	sort.Strings(out)
	return out
}

func errString(err error) string {
	if err == nil {
		return "<nil>"
	}
	return err.Error()
}

func jsonOf(v reflect.Value) string {
	b, err := json.Marshal(neutral(v))
	if err != nil {
		return fmt.Sprintf("%#v", neutral(v))
	}
	return string(b)
}

var pathPart = regexp.MustCompile(`^([A-Za-z0-9_]+)((?:\[[0-9]+\])*)$`)

// fillRequired sets each member a v2 validation error names (paths like
// "XInput.Rules[0].PoolId") to a present random value. It reports whether
// it changed anything.
func fillRequired(g *gen, in reflect.Value, inv smithy.InvalidParamsError) bool {
	changed := false
	for _, e := range inv.Errs() {
		pe, ok := e.(smithy.InvalidParamError)
		if !ok {
			continue
		}
		parts := strings.Split(pe.Field(), ".")
		v := in.Elem()
		// parts[0] is the input type's name, possibly with an index.
		for i, part := range parts[1:] {
			m := pathPart.FindStringSubmatch(part)
			if m == nil {
				v = reflect.Value{}
				break
			}
			for v.Kind() == reflect.Pointer {
				v = v.Elem()
			}
			if v.Kind() != reflect.Struct {
				v = reflect.Value{}
				break
			}
			v = v.FieldByName(m[1])
			if !v.IsValid() {
				break
			}
			if i == len(parts)-2 && m[2] == "" {
				v.Set(g.value(v.Type(), true))
				changed = true
				break
			}
			for _, idx := range regexp.MustCompile(`[0-9]+`).FindAllString(m[2], -1) {
				n, _ := strconv.Atoi(idx)
				if v.Kind() != reflect.Slice || n >= v.Len() {
					v = reflect.Value{}
					break
				}
				v = v.Index(n)
			}
			if !v.IsValid() {
				break
			}
		}
	}
	return changed
}

// ---------------------------------------------------------------------------
// requests

var signedHeadersRE = regexp.MustCompile(`SignedHeaders=([^,]+)`)

func signedHeaders(auth string) string {
	m := signedHeadersRE.FindStringSubmatch(auth)
	if m == nil {
		return ""
	}
	return m[1]
}

// differingHeaders legitimately differ between the clients or between two
// calls; they are removed before re-signing.
var differingHeaders = []string{"Authorization", "X-Amz-Date", "Amz-Sdk-Invocation-Id", "Amz-Sdk-Request", "User-Agent", "X-Amz-Security-Token"}

func resign(c captured) (string, error) {
	r := c.req.Clone(context.Background())
	for _, h := range differingHeaders {
		r.Header.Del(h)
	}
	r.Body = io.NopCloser(bytes.NewReader(c.body))
	sum := sha256.Sum256(c.body)
	err := v4.NewSigner().SignHTTP(context.Background(), creds, r, hex.EncodeToString(sum[:]), "storagegateway", region,
		time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC))
	return r.Header.Get("Authorization"), err
}

// signingTime is the clock both clients sign with in this test.
var signingTime = time.Date(2024, 6, 11, 12, 0, 0, 0, time.UTC)

// fixedSigner is both clients' HTTPSignerV4: the aws-sdk-go-v2 signer at a
// fixed time, with the per-call random invocation ID pinned, so the two
// clients' Authorization headers can be compared byte for byte.
type fixedSigner struct{}

func (fixedSigner) SignHTTP(ctx context.Context, c aws.Credentials, r *http.Request, hash, service, region string, _ time.Time, optFns ...func(*v4.SignerOptions)) error {
	r.Header.Set("Amz-Sdk-Invocation-Id", "00000000-0000-4000-8000-000000000000")
	return v4.NewSigner().SignHTTP(ctx, c, r, hash, service, region, signingTime, optFns...)
}

func headerNames(h http.Header) string {
	var names []string
	for k := range h {
		names = append(names, strings.ToLower(k))
	}
	sort.Strings(names)
	return strings.Join(names, ";")
}

func compareRequests(c *checker, p *pair, where string, gsIn reflect.Value) {
	gsReq, gsN := p.gsHTTP.last()
	v2Req, v2N := p.v2HTTP.last()
	if gsN != 1 || v2N != 1 {
		c.result("request-count", false, "%s: requests sent: gosmith %d, v2 %d", where, gsN, v2N)
		if gsN == 0 || v2N == 0 {
			return
		}
	}
	a, b := gsReq.req, v2Req.req
	c.result("request-line", a.Method == b.Method && a.URL.String() == b.URL.String() && a.Host == b.Host,
		"%s: gosmith %s %s (host %q), v2 %s %s (host %q)", where, a.Method, a.URL, a.Host, b.Method, b.URL, b.Host)
	for _, h := range []string{"X-Amz-Target", "Content-Type", "Amz-Sdk-Request"} {
		c.result("header-"+h, a.Header.Get(h) == b.Header.Get(h), "%s: %s gosmith %q, v2 %q", where, h, a.Header.Get(h), b.Header.Get(h))
	}
	c.result("content-length", a.ContentLength == b.ContentLength && a.ContentLength == int64(len(gsReq.body)),
		"%s: Content-Length gosmith %d (body %d), v2 %d (body %d)", where, a.ContentLength, len(gsReq.body), b.ContentLength, len(v2Req.body))

	// body as JSON
	ja, errA := decodeJSON(gsReq.body)
	jb, errB := decodeJSON(v2Req.body)
	if errA != nil || errB != nil {
		c.result("body-json", false, "%s: body does not decode: gosmith %v (%q), v2 %v (%q)", where, errA, gsReq.body, errB, v2Req.body)
	} else {
		diff := cmp.Diff(jb, ja)
		c.result("body-json", diff == "", "%s: input %s\nbody diff (-v2 +gosmith):\n%s\n gosmith: %s\n v2:      %s", where, jsonOf(gsIn), diff, gsReq.body, v2Req.body)
	}
	if !bytes.Equal(gsReq.body, v2Req.body) {
		note("body bytes differ", fmt.Sprintf("%s\n      gosmith %s\n      v2      %s", where, gsReq.body, v2Req.body))
		classifyByteDiff(gsReq.body, v2Req.body, where)
	} else {
		note("body bytes identical", where)
	}

	// headers: names sent, names signed, and the signature recomputed at a
	// fixed time over what both sent.
	an, bn := headerNames(a.Header), headerNames(b.Header)
	if an != bn {
		note("header names differ", fmt.Sprintf("gosmith [%s] v2 [%s]", an, bn))
	}
	note("headers sent gosmith: "+an, where)
	note("headers sent v2:      "+bn, where)
	if a.Header.Get("User-Agent") != b.Header.Get("User-Agent") {
		note("User-Agent differs (unsigned)", fmt.Sprintf("gosmith %q v2 %q", a.Header.Get("User-Agent"), b.Header.Get("User-Agent")))
	}
	sa, sb := signedHeaders(a.Header.Get("Authorization")), signedHeaders(b.Header.Get("Authorization"))
	c.result("signed-headers", sa == sb && sa != "", "%s: SignedHeaders gosmith %q, v2 %q", where, sa, sb)
	note("signed headers gosmith: "+sa, where)
	note("signed headers v2:      "+sb, where)
	// When the bodies differ only in bytes (member order of a map, say) the
	// payload hashes differ by necessity; body-json judged the body, so the
	// signature check re-signs both over gosmith's body to judge headers.
	resignV2 := v2Req
	if errA == nil && errB == nil && cmp.Equal(ja, jb) {
		resignV2.body = gsReq.body
	}
	authA, errA := resign(gsReq)
	authB, errB := resign(resignV2)
	c.result("signature", errA == nil && errB == nil && authA == authB,
		"%s: re-signed Authorization differs\n gosmith %s (%v)\n v2      %s (%v)\n headers gosmith %v\n headers v2 %v",
		where, authA, errA, authB, errB, a.Header, b.Header)
	// Both clients signed with the same clock and invocation ID: their own
	// Authorization headers must be byte-identical.
	c.result("authorization-identical", a.Header.Get("Authorization") == b.Header.Get("Authorization") && a.Header.Get("Authorization") != "",
		"%s: Authorization differs\n gosmith %s\n v2      %s", where, a.Header.Get("Authorization"), b.Header.Get("Authorization"))
	c.result("security-token", a.Header.Get("X-Amz-Security-Token") == b.Header.Get("X-Amz-Security-Token") && a.Header.Get("X-Amz-Security-Token") == creds.SessionToken,
		"%s: X-Amz-Security-Token gosmith %q, v2 %q", where, a.Header.Get("X-Amz-Security-Token"), b.Header.Get("X-Amz-Security-Token"))
}

func clip(b []byte) string {
	if len(b) > 300 {
		return string(b[:300]) + "..."
	}
	return string(b)
}

func decodeJSON(b []byte) (any, error) {
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		return nil, err
	}
	if d.More() {
		return nil, errors.New("trailing data")
	}
	return v, nil
}

// classifyByteDiff says why two bodies that decode alike differ in bytes:
// key order, string escaping, number spelling or whitespace.
func classifyByteDiff(a, b []byte, where string) {
	ka, kb := tokens(a), tokens(b)
	if len(ka) != len(kb) {
		note("byte diff: structure/whitespace", where)
		return
	}
	sameMultiset := func() bool {
		x := append([]string(nil), ka...)
		y := append([]string(nil), kb...)
		sort.Strings(x)
		sort.Strings(y)
		return reflect.DeepEqual(x, y)
	}
	if !reflect.DeepEqual(ka, kb) && sameMultiset() {
		note("byte diff: member order", where)
		return
	}
	for i := range ka {
		if ka[i] == kb[i] {
			continue
		}
		kind := "other"
		switch {
		case strings.HasPrefix(ka[i], `"`):
			kind = "string escaping"
		case strings.ContainsAny(ka[i][:1], "-0123456789"):
			kind = "number spelling"
		}
		note("byte diff: "+kind, fmt.Sprintf("gosmith %s v2 %s (%s)", ka[i], kb[i], where))
		return
	}
	note("byte diff: whitespace", where)
}

// tokens splits a JSON text into its raw tokens (strings keep their escapes).
func tokens(b []byte) []string {
	var out []string
	for i := 0; i < len(b); {
		switch ch := b[i]; {
		case ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r':
			i++
		case ch == '"':
			j := i + 1
			for j < len(b) && b[j] != '"' {
				if b[j] == '\\' {
					j++
				}
				j++
			}
			out = append(out, string(b[i:min(j+1, len(b))]))
			i = j + 1
		case strings.IndexByte("{}[]:,", ch) >= 0:
			out = append(out, string(ch))
			i++
		default:
			j := i
			for j < len(b) && strings.IndexByte("{}[]:, \n\t\r\"", b[j]) < 0 {
				j++
			}
			out = append(out, string(b[i:j]))
			i = j
		}
	}
	return out
}

// ---------------------------------------------------------------------------
// responses

var cmpOpts = []cmp.Option{cmpopts.EquateNaNs()}

func compareResponse(c *checker, p *pair, op string, gsIn reflect.Value, r *rand.Rand, where string) {
	gsMethod, _ := p.gs.Type().MethodByName(op)
	outType := gsMethod.Type.Out(0).Elem()
	g := &gen{r: r, floatSpecials: true}
	outVal := g.value(outType, false)
	enc := &awsJSONEncoder{r: r, vary: true}
	body := enc.encode(outVal)
	if r.Intn(10) == 0 {
		body = append([]byte(" \n"), append(body, '\n')...)
	}
	v2In := reflect.New(reflect.Value(p.v2).MethodByName(op).Type().In(1).Elem())
	copyByName(v2In.Elem(), gsIn.Elem(), "")

	p.gsHTTP.set(reply{status: 200, body: body})
	p.v2HTTP.set(reply{status: 200, body: body})
	gsOut, gsErr := call(p.gs, op, gsIn)
	v2Out, v2Err := call(p.v2, op, v2In)
	if gsErr != nil || v2Err != nil {
		c.result("response", false, "%s: body %s\n gosmith error: %v\n v2 error: %v", where, body, gsErr, v2Err)
		return
	}
	a, b := neutral(gsOut), neutral(v2Out)
	diff := cmp.Diff(b, a, cmpOpts...)
	c.result("response", diff == "", "%s: body %s\n(-v2 +gosmith):\n%s", where, body, diff)
	noteKinds(body)
	// How each decodes against what was encoded (both may round, e.g. epoch
	// seconds): informational, reported per side.
	want := neutral(outVal)
	if d := cmp.Diff(want, a, cmpOpts...); d != "" {
		note("response round trip differs: gosmith", fmt.Sprintf("%s: %s", where, oneLine(d)))
	}
	if d := cmp.Diff(want, b, cmpOpts...); d != "" {
		note("response round trip differs: v2", fmt.Sprintf("%s: %s", where, oneLine(d)))
	}

	// Null elements in lists and null map values.
	nullBody := (&awsJSONEncoder{r: r, vary: true, nulls: true}).encode(outVal)
	if !bytes.Equal(nullBody, body) && bytes.Contains(nullBody, []byte("null")) {
		p.gsHTTP.set(reply{status: 200, body: nullBody})
		p.v2HTTP.set(reply{status: 200, body: nullBody})
		gsOut, gsErr = call(p.gs, op, gsIn)
		v2Out, v2Err = call(p.v2, op, v2In)
		if gsErr != nil || v2Err != nil {
			c.result("response-null-elements", (gsErr == nil) == (v2Err == nil), "%s: body %s\n gosmith error: %v\n v2 error: %v", where, nullBody, gsErr, v2Err)
		} else {
			diff := cmp.Diff(neutral(v2Out), neutral(gsOut), cmpOpts...)
			c.result("response-null-elements", diff == "", "%s: body %s\n(-v2 +gosmith):\n%s", where, nullBody, diff)
		}
	}

	// A malformed 200 body: both must fail to decode, with the same error
	// types (the decoders' messages differ by nature: informational).
	if len(body) > 2 {
		bad := body[:1+r.Intn(len(body)-2)]
		p.gsHTTP.set(reply{status: 200, body: bad})
		p.v2HTTP.set(reply{status: 200, body: bad})
		gsOut, gsErr = call(p.gs, op, gsIn)
		v2Out, v2Err = call(p.v2, op, v2In)
		if gsErr == nil && v2Err == nil {
			// e.g. a body cut down to whitespace: both read it as empty.
			diff := cmp.Diff(neutral(v2Out), neutral(gsOut), cmpOpts...)
			c.result("response-malformed", diff == "", "%s: truncated body %q decoded differently (-v2 +gosmith):\n%s", where, bad, diff)
		} else if gsErr == nil || v2Err == nil {
			c.result("response-malformed", false, "%s: truncated body %q: gosmith err %v, v2 err %v", where, bad, gsErr, v2Err)
		} else {
			// The wrapping down to *smithy.DeserializationError is API; what
			// it wraps is each decoder's own error.
			ga, vb := viewError(gsErr, true), viewError(v2Err, false)
			c.result("response-malformed", cmp.Equal(upToDeserialization(ga.Chain), upToDeserialization(vb.Chain)),
				"%s: truncated body %q\n gosmith %v %v\n v2      %v %v", where, bad, ga.Chain, gsErr, vb.Chain, v2Err)
			if errors.Is(gsErr, io.ErrUnexpectedEOF) != errors.Is(v2Err, io.ErrUnexpectedEOF) {
				note(fmt.Sprintf("malformed body: errors.Is(err, io.ErrUnexpectedEOF) gosmith %v, v2 %v", errors.Is(gsErr, io.ErrUnexpectedEOF), errors.Is(v2Err, io.ErrUnexpectedEOF)),
					fmt.Sprintf("%s body %q", where, bad))
			}
			if gsErr.Error() != v2Err.Error() {
				note("malformed-body error text differs", fmt.Sprintf("gosmith %q v2 %q", gsErr, v2Err))
			}
		}
	}
}

func upToDeserialization(chain []string) []string {
	for i, t := range chain {
		if t == "*smithy.DeserializationError" {
			return chain[:i+1]
		}
	}
	return chain
}

// noteKinds counts which awsJson value spellings the response bodies used,
// to show the run exercised them.
func noteKinds(body []byte) {
	for _, k := range []string{`"NaN"`, `"Infinity"`, `"-Infinity"`, `UnmodeledMember`, `:null`, `\u`, `e+`, `E+`} {
		if bytes.Contains(body, []byte(k)) {
			note("response bodies containing "+k, "")
		}
	}
}

func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 400 {
		s = s[:400] + "..."
	}
	return s
}

// ---------------------------------------------------------------------------
// errors

type errorCase struct {
	name string
	rep  reply
}

func errorCases(op string, r *rand.Rand) []errorCase {
	g := &gen{r: r}
	enc := &awsJSONEncoder{r: r, vary: true}
	var cases []errorCase
	for _, k := range errorKinds {
		// The modeled members: message and the StorageGatewayError detail.
		detail := g.value(reflect.TypeOf(&gstypes.StorageGatewayError{}), false)
		msg := g.str()
		members := map[string]string{}
		msgKey := []string{"message", "Message"}[r.Intn(2)]
		members[msgKey] = string(jsonString(msg))
		if !detail.IsNil() {
			members["error"] = string(enc.encode(detail))
		}
		h := http.Header{}
		code := k.name
		switch r.Intn(5) {
		case 0:
			h.Set("X-Amzn-Errortype", code+":http://internal.amazon.com/coral/com.amazonaws.storagegateway/")
		case 1:
			members["__type"] = string(jsonString("com.amazonaws.storagegateway#" + code))
		case 2:
			members["__type"] = string(jsonString(code))
		case 3:
			members["code"] = string(jsonString(code))
		default:
			members["__type"] = string(jsonString(strings.ToLower(code)))
		}
		status := 400
		if strings.Contains(k.name, "Server") || strings.Contains(k.name, "Unavailable") {
			status = 500
		}
		cases = append(cases, errorCase{"modeled " + k.name, reply{status: status, header: h, body: objectOf(members, r)}})
	}
	cases = append(cases,
		errorCase{"unknown code", reply{status: 400, body: []byte(`{"__type":"com.amazonaws.storagegateway#NoSuchThingException","message":` + string(jsonString(g.str())) + `}`)}},
		errorCase{"unknown code in header", reply{status: 403, header: http.Header{"X-Amzn-Errortype": {"AccessDeniedException"}}, body: []byte(`{"Message":"denied"}`)}},
		errorCase{"500 empty body", reply{status: 500}},
		errorCase{"500 json without code", reply{status: 500, body: []byte(`{"message":"boom"}`)}},
		errorCase{"503 throttling", reply{status: 503, body: []byte(`{"__type":"ThrottlingException","message":"slow down"}`)}},
	)
	return cases
}

// bodyHasMessage reports whether an error body has a non-empty "message"
// member in any letter case.
func bodyHasMessage(body []byte) bool {
	var m map[string]any
	if json.Unmarshal(body, &m) != nil {
		return false
	}
	for k, v := range m {
		if strings.EqualFold(k, "message") && v != "" && v != nil {
			return true
		}
	}
	return false
}

func jsonString(s string) []byte {
	b, _ := json.Marshal(s)
	return b
}

func objectOf(members map[string]string, r *rand.Rand) []byte {
	keys := sortedKeys(members)
	r.Shuffle(len(keys), func(i, j int) { keys[i], keys[j] = keys[j], keys[i] })
	var b bytes.Buffer
	b.WriteByte('{')
	for i, k := range keys {
		if i > 0 {
			b.WriteByte(',')
		}
		b.Write(jsonString(k))
		b.WriteByte(':')
		b.WriteString(members[k])
	}
	b.WriteByte('}')
	return b.Bytes()
}

// errorView is what the comparison looks at in an error from either side.
type errorView struct {
	Text          string
	Chain         []string // type names along errors.Unwrap, package paths dropped
	OpService     string
	OpName        string
	HTTPStatus    int
	RequestID     string
	Code, Message string
	Fault         string
	Typed         string // the modeled error errors.As finds, if any
	Fields        any    // its exported fields
}

func viewError(err error, gsSide bool) errorView {
	v := errorView{Text: errString(err)}
	for e := err; e != nil; e = errors.Unwrap(e) {
		v.Chain = append(v.Chain, reflect.TypeOf(e).String())
	}
	var oe *smithy.OperationError
	if errors.As(err, &oe) {
		v.OpService, v.OpName = oe.ServiceID, oe.OperationName
	}
	var re *awshttp.ResponseError
	if errors.As(err, &re) {
		v.HTTPStatus, v.RequestID = re.HTTPStatusCode(), re.ServiceRequestID()
	}
	var ae smithy.APIError
	if errors.As(err, &ae) {
		v.Code, v.Message, v.Fault = ae.ErrorCode(), ae.ErrorMessage(), ae.ErrorFault().String()
	}
	for _, k := range errorKinds {
		target := k.v2()
		if gsSide {
			target = k.gs()
		}
		if errors.As(err, target) {
			note(fmt.Sprintf("typed error matched (gosmith side=%v): %s", gsSide, k.name), "")
			v.Typed = k.name
			v.Fields = neutral(reflect.ValueOf(target).Elem())
		}
	}
	return v
}

func compareErrors(c *checker, p *pair, op string, gsIn reflect.Value, r *rand.Rand, where string) {
	v2In := reflect.New(reflect.Value(p.v2).MethodByName(op).Type().In(1).Elem())
	copyByName(v2In.Elem(), gsIn.Elem(), "")
	for _, ec := range errorCases(op, r) {
		p.gsHTTP.set(ec.rep)
		p.v2HTTP.set(ec.rep)
		_, gsErr := call(p.gs, op, gsIn)
		_, v2Err := call(p.v2, op, v2In)
		_, gsN := p.gsHTTP.last()
		_, v2N := p.v2HTTP.last()
		check := "error-" + strings.Fields(ec.name)[0]
		if gsErr == nil || v2Err == nil {
			c.result(check, false, "%s %s: an error response gave no error: gosmith %v, v2 %v", where, ec.name, gsErr, v2Err)
			continue
		}
		a, b := viewError(gsErr, true), viewError(v2Err, false)
		// The message (ErrorMessage and the Error() text that ends with it)
		// is judged apart, split by whether the body carried a message.
		msgCheck := "error-message"
		if !bodyHasMessage(ec.rep.body) {
			msgCheck = "error-message-absent"
		}
		c.result(msgCheck, a.Message == b.Message && a.Text == b.Text,
			"%s %s: status %d headers %v body %s\n ErrorMessage() gosmith %q, v2 %q\n Error() gosmith %q\n Error() v2      %q",
			where, ec.name, ec.rep.status, ec.rep.header, ec.rep.body, a.Message, b.Message, a.Text, b.Text)
		a.Message, a.Text, b.Message, b.Text = "", "", "", ""
		diff := cmp.Diff(b, a)
		c.result(check, diff == "" && gsN == v2N,
			"%s %s: status %d headers %v body %s\nattempts gosmith %d v2 %d\n(-v2 +gosmith):\n%s", where, ec.name, ec.rep.status, ec.rep.header, ec.rep.body, gsN, v2N, diff)
	}
}
