package goview

import (
	"strings"
	"testing"
)

const restService = `"t.s#Svc":{"type":"service","version":"2020-01-01","operations":[{"target":"t.s#Op"}],
	"traits":{"aws.protocols#restJson1":{},"aws.api#service":{"sdkId":"Test Svc"},"aws.auth#sigv4":{"name":"tsvc"}}},`

func TestProtocolIsTyped(t *testing.T) {
	for _, tc := range []struct {
		traits string
		want   Protocol
	}{
		{`"aws.protocols#awsJson1_1":{}`, AWSJSON11},
		{`"aws.protocols#awsJson1_0":{}`, AWSJSON10},
		{`"aws.protocols#restJson1":{}`, RESTJSON1},
		// A service that speaks several gets the one gosmith prefers.
		{`"aws.protocols#restJson1":{},"aws.protocols#awsJson1_0":{}`, AWSJSON10},
	} {
		pkg, err := build(t, `"t.s#Svc":{"type":"service","version":"1","traits":{`+tc.traits+`}}`)
		if err != nil {
			t.Fatalf("%s: %v", tc.traits, err)
		}
		if got := pkg.Service.Protocol; got != tc.want {
			t.Errorf("%s: protocol %v, want %v", tc.traits, got, tc.want)
		}
	}
	_, err := build(t, `"t.s#Svc":{"type":"service","version":"1","traits":{"aws.protocols#restXml":{}}}`)
	if err == nil || !strings.Contains(err.Error(), "aws.protocols#restXml") {
		t.Errorf("restXml: want an error naming the protocol, got %v", err)
	}
}

// Under restJson1 every member knows where it travels and under which
// name; under awsJson the same member is a body member under its own name.
func TestMembersKnowTheirHTTPLocationAndWireName(t *testing.T) {
	shapes := `
	"t.s#Op":{"type":"operation","input":{"target":"t.s#In"},"output":{"target":"t.s#Out"},
		"traits":{"smithy.api#http":{"method":"PUT","uri":"/things/{Id}/files/{Path+}?kind=a&flag","code":201}}},
	"t.s#In":{"type":"structure","members":{
		"Id":{"target":"smithy.api#String","traits":{"smithy.api#httpLabel":{},"smithy.api#required":{}}},
		"Path":{"target":"smithy.api#String","traits":{"smithy.api#httpLabel":{},"smithy.api#required":{}}},
		"Limit":{"target":"smithy.api#Integer","traits":{"smithy.api#httpQuery":"max-items"}},
		"Extra":{"target":"t.s#Dict","traits":{"smithy.api#httpQueryParams":{}}},
		"Token":{"target":"smithy.api#String","traits":{"smithy.api#httpHeader":"X-Token"}},
		"Meta":{"target":"t.s#Dict","traits":{"smithy.api#httpPrefixHeaders":"X-Meta-"}},
		"Name":{"target":"smithy.api#String","traits":{"smithy.api#jsonName":"name"}}}},
	"t.s#Out":{"type":"structure","members":{
		"Status":{"target":"smithy.api#Integer","traits":{"smithy.api#httpResponseCode":{}}},
		"Data":{"target":"smithy.api#Blob","traits":{"smithy.api#httpPayload":{}}}}},
	"t.s#Dict":{"type":"map","key":{"target":"smithy.api#String"},"value":{"target":"smithy.api#String"}}`
	pkg, err := build(t, restService+shapes)
	if err != nil {
		t.Fatal(err)
	}
	op := pkg.Operations[0]
	got := map[string]string{}
	for _, st := range []*Struct{op.Input, op.Output} {
		for _, f := range st.Fields {
			got[f.Name] = f.Location.String() + "|" + f.LocationName + "|" + f.WireName
		}
	}
	for name, w := range map[string]string{
		"Id":     "label|Id|Id",
		"Path":   "greedy label|Path|Path",
		"Limit":  "query|max-items|Limit",
		"Extra":  "query map||Extra",
		"Token":  "header|X-Token|Token",
		"Meta":   "prefix headers|X-Meta-|Meta",
		"Name":   "body||name",
		"Status": "response code||Status",
		"Data":   "payload||Data",
	} {
		if got[name] != w {
			t.Errorf("restJson1 %s: %s, want %s", name, got[name], w)
		}
	}
	h := op.HTTP
	if h == nil || h.Method != "PUT" || h.Code != 201 || h.Query != "kind=a&flag" || len(h.Path) != 4 ||
		h.Path[0].Literal != "/things/" || h.Path[1].Label.Name != "Id" || h.Path[2].Literal != "/files/" ||
		h.Path[3].Label.Name != "Path" || !h.Path[3].Greedy {
		t.Errorf("http binding = %+v", h)
	}

	pkg, err = build(t, testService+shapes)
	if err != nil {
		t.Fatal(err)
	}
	if pkg.Operations[0].HTTP != nil {
		t.Error("awsJson operation got an HTTP binding")
	}
	for _, f := range pkg.Operations[0].Input.Fields {
		if f.Location != LocationBody || f.WireName != f.Name {
			t.Errorf("awsJson %s: %s as %q, want the body under its own name", f.Name, f.Location, f.WireName)
		}
	}
}

func TestHTTPLabelsMustMatchTheURI(t *testing.T) {
	for _, tc := range []struct {
		name, uri, members, want string
	}{
		{"label without member", "/a/{Missing}", `"Id":{"target":"smithy.api#String","traits":{"smithy.api#httpLabel":{},"smithy.api#required":{}}}`, "label {Missing} is not an @httpLabel member"},
		{"member without label", "/a", `"Id":{"target":"smithy.api#String","traits":{"smithy.api#httpLabel":{},"smithy.api#required":{}}}`, "member Id: @httpLabel member is not in the http uri"},
		{"unclosed", "/a/{Id", `"Id":{"target":"smithy.api#String","traits":{"smithy.api#httpLabel":{},"smithy.api#required":{}}}`, "unclosed {"},
		{"no http trait", "", `"Id":{"target":"smithy.api#String"}`, "has no smithy.api#http trait"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			traits := `"traits":{"smithy.api#http":{"method":"GET","uri":"` + tc.uri + `"}}`
			if tc.uri == "" {
				traits = `"traits":{}`
			}
			_, err := build(t, restService+`"t.s#Op":{"type":"operation","input":{"target":"t.s#In"},`+traits+`},
				"t.s#In":{"type":"structure","members":{`+tc.members+`}}`)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("want an error containing %q, got %v", tc.want, err)
			}
		})
	}
}
