package main

import "testing"

const waiterModel = `{"smithy":"2.0","shapes":{
 "w.t#Svc":{"type":"service","version":"1","operations":[{"target":"w.t#DescribeThing"}],
  "traits":{"aws.protocols#awsJson1_1":{},"aws.api#service":{"sdkId":"Things"}}},
 "w.t#DescribeThing":{"type":"operation","input":{"target":"w.t#In"},"output":{"target":"w.t#Out"},
  "errors":[{"target":"w.t#NotFound"}],
  "traits":{"smithy.waiters#waitable":{
   "ThingReady":{"minDelay":1,"acceptors":[
     {"state":"success","matcher":{"output":{"path":"Thing.Status","expected":"READY","comparator":"stringEquals"}}},
     {"state":"failure","matcher":{"output":{"path":"Thing.Status","expected":"FAILED","comparator":"stringEquals"}}},
     {"state":"retry","matcher":{"errorType":"NotFound"}}]},
   "AllPartsReady":{"acceptors":[
     {"state":"success","matcher":{"output":{"path":"Thing.Parts[].State","expected":"OK","comparator":"allStringEquals"}}}]},
   "ThingGone":{"acceptors":[{"state":"success","matcher":{"errorType":"NotFound"}}]},
   "ThingStable":{"acceptors":[
     {"state":"success","matcher":{"output":{"path":"length(Thing.Parts[?!(State == 'OK' && Weight == Goal)]) == ` + "`0`" + `","expected":"true","comparator":"booleanEquals"}}},
     {"state":"failure","matcher":{"output":{"path":"Thing.Status != 'CREATING' && Thing.Status != 'READY'","expected":"true","comparator":"booleanEquals"}}}]},
   "NamedAsAsked":{"acceptors":[
     {"state":"success","matcher":{"inputOutput":{"path":"input.Id == output.Thing.Name","expected":"true","comparator":"booleanEquals"}}}]}}}},
 "w.t#In":{"type":"structure","members":{"Id":{"target":"smithy.api#String"}}},
 "w.t#Out":{"type":"structure","members":{"Thing":{"target":"w.t#Thing"}}},
 "w.t#Thing":{"type":"structure","members":{"Status":{"target":"w.t#Status"},"Parts":{"target":"w.t#Parts"},
  "Name":{"target":"smithy.api#String"},"Target":{"target":"smithy.api#Integer"}}},
 "w.t#Parts":{"type":"list","member":{"target":"w.t#Part"}},
 "w.t#Part":{"type":"structure","members":{"State":{"target":"smithy.api#String"},"Weight":{"target":"smithy.api#Integer"},"Goal":{"target":"smithy.api#Integer"}}},
 "w.t#Status":{"type":"enum","members":{"CREATING":{"target":"smithy.api#Unit"},"READY":{"target":"smithy.api#Unit"},"FAILED":{"target":"smithy.api#Unit"}}},
 "w.t#NotFound":{"type":"structure","members":{"message":{"target":"smithy.api#String"}},"traits":{"smithy.api#error":"client"}}
}}`

const waiterSmoke = `package things

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
)

// script serves the responses in order, repeating the last.
func script(t *testing.T, bodies ...string) (*Client, *int) {
	var mu sync.Mutex
	n := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.ReadAll(r.Body)
		mu.Lock()
		b := bodies[min(n, len(bodies)-1)]
		n++
		mu.Unlock()
		if strings.Contains(b, "NotFound") {
			w.WriteHeader(400)
		}
		io.WriteString(w, b)
	}))
	t.Cleanup(srv.Close)
	return New(Options{Region: "us-east-1", BaseEndpoint: aws.String(srv.URL), Credentials: aws.AnonymousCredentials{}}), &n
}

func fast(o *ThingReadyWaiterOptions) { o.MinDelay, o.MaxDelay = time.Millisecond, 5*time.Millisecond }

func TestWaiterRetriesUntilSuccess(t *testing.T) {
	c, n := script(t, ` + "`" + `{"__type":"NotFound"}` + "`" + `, ` + "`" + `{"Thing":{"Status":"CREATING"}}` + "`" + `, ` + "`" + `{"Thing":{"Status":"READY"}}` + "`" + `)
	out, err := NewThingReadyWaiter(c, fast).WaitForOutput(context.Background(), &DescribeThingInput{Id: aws.String("a")}, time.Minute)
	if err != nil || string(out.Thing.Status) != "READY" {
		t.Fatalf("got %+v, %v", out, err)
	}
	if *n != 3 {
		t.Errorf("polled %d times, want 3", *n)
	}
}

func TestWaiterFailureState(t *testing.T) {
	c, _ := script(t, ` + "`" + `{"Thing":{"Status":"FAILED"}}` + "`" + `)
	err := NewThingReadyWaiter(c, fast).Wait(context.Background(), &DescribeThingInput{}, time.Minute)
	if err == nil || !strings.Contains(err.Error(), "Failure") {
		t.Fatalf("want the failure state, got %v", err)
	}
}

func TestWaiterGivesUpAtMaxWait(t *testing.T) {
	c, _ := script(t, ` + "`" + `{"Thing":{"Status":"CREATING"}}` + "`" + `)
	start := time.Now()
	err := NewThingReadyWaiter(c, fast).Wait(context.Background(), &DescribeThingInput{}, 50*time.Millisecond)
	if err == nil || !strings.Contains(err.Error(), "exceeded max wait time") {
		t.Fatalf("want a timeout, got %v", err)
	}
	if time.Since(start) > 5*time.Second {
		t.Error("the waiter overstayed its maximum wait")
	}
	if err := NewThingReadyWaiter(c).Wait(context.Background(), &DescribeThingInput{}, 0); err == nil {
		t.Error("a zero maximum wait must be an error")
	}
}

func TestWaiterProjectionAndErrorMatcher(t *testing.T) {
	c, _ := script(t, ` + "`" + `{"Thing":{"Parts":[{"State":"OK"},{"State":"PENDING"}]}}` + "`" + `, ` + "`" + `{"Thing":{"Parts":[{"State":"OK"},{"State":"OK"}]}}` + "`" + `)
	w := NewAllPartsReadyWaiter(c, func(o *AllPartsReadyWaiterOptions) { o.MinDelay, o.MaxDelay = time.Millisecond, time.Millisecond })
	if err := w.Wait(context.Background(), &DescribeThingInput{}, time.Minute); err != nil {
		t.Fatal(err)
	}
	c, _ = script(t, ` + "`" + `{"Thing":{}}` + "`" + `, ` + "`" + `{"__type":"NotFound"}` + "`" + `)
	g0 := NewThingGoneWaiter(c, func(o *ThingGoneWaiterOptions) { o.MinDelay, o.MaxDelay = time.Millisecond, time.Millisecond })
	if err := g0.Wait(context.Background(), &DescribeThingInput{}, time.Minute); err != nil {
		t.Fatal(err)
	}
}

// Paths beyond member access and projections run on the JMESPath runtime:
// filters, functions, comparisons, && and !, and inputOutput paths.
func TestWaiterJMESPathRuntime(t *testing.T) {
	opt := func(o *ThingStableWaiterOptions) { o.MinDelay, o.MaxDelay = time.Millisecond, time.Millisecond }
	c, n := script(t,
		` + "`" + `{"Thing":{"Status":"CREATING","Parts":[{"State":"OK","Weight":2,"Goal":2},{"State":"OK","Weight":1,"Goal":2}]}}` + "`" + `,
		` + "`" + `{"Thing":{"Status":"READY","Parts":[{"State":"OK","Weight":2,"Goal":2},{"State":"OK","Weight":2,"Goal":2}]}}` + "`" + `)
	if err := NewThingStableWaiter(c, opt).Wait(context.Background(), &DescribeThingInput{}, time.Minute); err != nil || *n != 2 {
		t.Fatalf("stable after %d calls: %v; want success on the second", *n, err)
	}
	c, _ = script(t, ` + "`" + `{"Thing":{"Status":"FAILED","Parts":[{"State":"BAD"}]}}` + "`" + `)
	if err := NewThingStableWaiter(c, opt).Wait(context.Background(), &DescribeThingInput{}, time.Minute); err == nil || !strings.Contains(err.Error(), "Failure") {
		t.Fatalf("a failed thing: %v, want the failure state", err)
	}
	c, n = script(t, ` + "`" + `{"Thing":{"Name":"other"}}` + "`" + `, ` + "`" + `{"Thing":{"Name":"mine"}}` + "`" + `)
	named := NewNamedAsAskedWaiter(c, func(o *NamedAsAskedWaiterOptions) { o.MinDelay, o.MaxDelay = time.Millisecond, time.Millisecond })
	if err := named.Wait(context.Background(), &DescribeThingInput{Id: aws.String("mine")}, time.Minute); err != nil || *n != 2 {
		t.Fatalf("inputOutput after %d calls: %v", *n, err)
	}
}
`

// Waiters generated from smithy.waiters#waitable poll with backoff until an
// acceptor decides, as aws-sdk-go-v2's do.
func TestGeneratedWaiters(t *testing.T) {
	generateAndTest(t, "things", waiterModel, "waiters_smoke_test.go", waiterSmoke)
}
