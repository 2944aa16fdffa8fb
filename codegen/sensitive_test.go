package main

import "testing"

const sensitiveModel = `{"smithy":"2.0","shapes":{
 "s.v#Svc":{"type":"service","version":"1","operations":[{"target":"s.v#Login"}],
  "traits":{"aws.protocols#awsJson1_1":{},"aws.api#service":{"sdkId":"Vault"},"aws.auth#sigv4":{"name":"vault"}}},
 "s.v#Login":{"type":"operation","input":{"target":"s.v#LoginInput"},"output":{"target":"s.v#LoginOutput"}},
 "s.v#LoginInput":{"type":"structure","members":{
   "User":{"target":"smithy.api#String"},
   "Password":{"target":"smithy.api#String","traits":{"smithy.api#sensitive":{}}},
   "Pin":{"target":"s.v#Pin"}}},
 "s.v#Pin":{"type":"string","traits":{"smithy.api#sensitive":{}}},
 "s.v#LoginOutput":{"type":"structure","members":{
   "Token":{"target":"s.v#Pin"},
   "Profile":{"target":"s.v#Profile"}}},
 "s.v#Profile":{"type":"structure","members":{
   "Name":{"target":"smithy.api#String"},
   "Ssn":{"target":"smithy.api#String","traits":{"smithy.api#sensitive":{}}}}}
}}`

const sensitiveSmoke = `package vault

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/smithy-go/logging"
)

type logs struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *logs) Logf(_ logging.Classification, f string, v ...any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	fmt.Fprintf(&l.b, f+"\n", v...)
}

func TestSecretsStayOutOfLogsAndStrings(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.ReadAll(r.Body)
		io.WriteString(w, ` + "`" + `{"Token":"tok-SECRET-3","Profile":{"Name":"bob","Ssn":"ssn-SECRET-4"}}` + "`" + `)
	}))
	defer srv.Close()
	l := &logs{}
	c := New(Options{
		Region: "us-east-1", BaseEndpoint: aws.String(srv.URL), Logger: l,
		ClientLogMode: aws.LogRequestWithBody | aws.LogResponseWithBody | aws.LogRetries,
		Credentials: aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
			return aws.Credentials{AccessKeyID: "AKID", SecretAccessKey: "key-SECRET-5", SessionToken: "session-SECRET-6"}, nil
		}),
	})
	in := &LoginInput{User: aws.String("bob"), Password: aws.String("pw-SECRET-1"), Pin: aws.String("pin-SECRET-2")}
	out, err := c.Login(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	if aws.ToString(out.Profile.Ssn) != "ssn-SECRET-4" || aws.ToString(in.Password) != "pw-SECRET-1" {
		t.Fatal("redaction must not touch the values themselves")
	}
	printed := fmt.Sprintf("%v %+v %s %v %+v", in, *in, in, out, *out.Profile)
	all := l.b.String() + printed
	for _, secret := range []string{"SECRET-1", "SECRET-2", "SECRET-3", "SECRET-4", "SECRET-5", "SECRET-6"} {
		if strings.Contains(all, secret) {
			t.Errorf("%s leaked:\n%s", secret, all)
		}
	}
	for _, want := range []string{"bob", "*** Sensitive Data Redacted ***", "Authorization: [REDACTED]"} {
		if !strings.Contains(all, want) {
			t.Errorf("output lacks %q:\n%s", want, all)
		}
	}
}
`

// @sensitive members and credentials stay out of logs (ClientLogMode with
// bodies) and out of fmt output of the generated types.
func TestSensitiveMembersAreRedacted(t *testing.T) {
	generateAndTest(t, "vault", sensitiveModel, "secrets_test.go", sensitiveSmoke)
}
