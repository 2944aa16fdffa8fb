package endpoints

import (
	"errors"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// ruleSet builds a rule set document from parameter and rule JSON.
func ruleSet(params, rules string) []byte {
	return []byte(`{"version":"1.0","parameters":{` + params + `},"rules":[` + rules + `]}`)
}

const stdParams = `
	"Region": {"type": "String", "builtIn": "AWS::Region"},
	"UseFIPS": {"type": "Boolean", "required": true, "default": false},
	"Names": {"type": "stringArray"},
	"Endpoint": {"type": "String"}`

func mustParse(t *testing.T, doc []byte) *RuleSet {
	t.Helper()
	rs, err := Parse(doc)
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return rs
}

func TestParseRejectsBadRuleSets(t *testing.T) {
	okRule := `{"type":"endpoint","conditions":[],"endpoint":{"url":"https://x"}}`
	tests := []struct {
		name  string
		doc   []byte
		wantE string
	}{
		{"unknown function names its path", ruleSet(stdParams, okRule+`,`+okRule+`,{"type":"tree","conditions":[],"rules":[{"type":"endpoint","conditions":[{"fn":"isSet","argv":[{"ref":"Region"}]},{"fn":"foo","argv":[]}],"endpoint":{"url":"https://x"}}]}`),
			`rules[2].rules[0].conditions[1]: unknown function "foo"`},
		{"unknown reference", ruleSet(stdParams, `{"type":"error","conditions":[{"fn":"isSet","argv":[{"ref":"Regoin"}]}],"error":"x"}`),
			`rules[0].conditions[0].argv[0]: unknown reference "Regoin"`},
		{"unknown template variable", ruleSet(stdParams, `{"type":"endpoint","conditions":[],"endpoint":{"url":"https://{Nope}.com"}}`),
			`rules[0].endpoint.url: template "https://{Nope}.com": unknown reference "Nope"`},
		{"assign is not visible to a sibling rule", ruleSet(stdParams, `{"type":"tree","conditions":[{"fn":"aws.partition","argv":[{"ref":"Region"}],"assign":"P"}],"rules":[`+okRule+`]},{"type":"error","conditions":[],"error":"{P#name}"}`),
			`rules[1].error: template "{P#name}": unknown reference "P"`},
		{"boolean passed where a string is wanted", ruleSet(stdParams, `{"type":"error","conditions":[{"fn":"stringEquals","argv":[{"ref":"UseFIPS"},"x"]}],"error":"x"}`),
			`rules[0].conditions[0].argv[0]: stringEquals wants String, got Boolean`},
		{"wrong argument count", ruleSet(stdParams, `{"type":"error","conditions":[{"fn":"not","argv":[true,false]}],"error":"x"}`),
			`rules[0].conditions[0]: not takes 1 arguments, got 2`},
		{"unknown partition attribute", ruleSet(stdParams, `{"type":"endpoint","conditions":[{"fn":"aws.partition","argv":["us-east-1"],"assign":"P"}],"endpoint":{"url":"https://{P#dnsSufix}"}}`),
			`rules[0].endpoint.url: template "https://{P#dnsSufix}": getAttr "dnsSufix": Partition has no attribute "dnsSufix"`},
		{"boolean attribute in a template", ruleSet(stdParams, `{"type":"endpoint","conditions":[{"fn":"aws.partition","argv":["us-east-1"],"assign":"P"}],"endpoint":{"url":"https://{P#supportsFIPS}"}}`),
			`rules[0].endpoint.url: template "https://{P#supportsFIPS}": {P#supportsFIPS} is Boolean, want String`},
		{"assign shadowing a parameter", ruleSet(stdParams, `{"type":"endpoint","conditions":[{"fn":"aws.partition","argv":["us-east-1"],"assign":"Region"}],"endpoint":{"url":"https://x"}}`),
			`rules[0].conditions[0].assign: "Region" shadows an existing parameter or assign`},
		{"unclosed template brace", ruleSet(stdParams, `{"type":"error","conditions":[],"error":"bad {Region"}`),
			`rules[0].error: template "bad {Region": unclosed '{'`},
		{"unknown rule type", ruleSet(stdParams, `{"type":"redirect","conditions":[]}`),
			`rules[0]: unknown rule type "redirect"`},
		{"empty tree", ruleSet(stdParams, `{"type":"tree","conditions":[],"rules":[]}`),
			`rules[0].rules: tree rule has no rules`},
		{"condition that is not a call", ruleSet(stdParams, `{"type":"error","conditions":[{"ref":"UseFIPS"}],"error":"x"}`),
			`rules[0].conditions[0]: condition must be a function call`},
		{"bad getAttr index", ruleSet(stdParams, `{"type":"error","conditions":[{"fn":"getAttr","argv":[{"ref":"Names"},"[x]"]}],"error":"x"}`),
			`rules[0].conditions[0].argv[1]: bad getAttr path "[x]": index must be a non-negative integer`},
		{"unknown parameter type", ruleSet(`"Region":{"type":"Integer"}`, okRule),
			`parameters.Region: unknown parameter type "Integer"`},
		{"default of the wrong type", ruleSet(`"UseFIPS":{"type":"Boolean","default":"no"}`, okRule),
			`parameters.UseFIPS.default: is a string, want Boolean`},
		{"missing rules", []byte(`{"version":"1.0","parameters":{}}`),
			`rules: is null or missing, want an array`},
		{"not an object", []byte(`[]`), `rule set is an array, want an object`},
		{"malformed JSON", []byte(`{"rules":`), `decode rule set`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse(tc.doc)
			if err == nil {
				t.Fatalf("Parse succeeded, want error containing %q", tc.wantE)
			}
			if !strings.Contains(err.Error(), tc.wantE) {
				t.Errorf("Parse error = %q, want it to contain %q", err, tc.wantE)
			}
		})
	}
}

func TestResolve(t *testing.T) {
	rs := mustParse(t, ruleSet(stdParams, `
	{"type":"endpoint","conditions":[{"fn":"isSet","argv":[{"ref":"Endpoint"}]},{"fn":"parseURL","argv":[{"ref":"Endpoint"}],"assign":"U"}],
	 "endpoint":{"url":"{U#scheme}://{U#authority}{U#normalizedPath}svc","headers":{"x-region":["{Region}","fixed"]},
	             "properties":{"authSchemes":[{"name":"sigv4","signingRegion":"{Region}","disableDoubleEncoding":true,"n":2}]}}},
	{"type":"error","conditions":[{"fn":"isSet","argv":[{"ref":"Endpoint"}]}],"error":"Endpoint {Endpoint} is not a URL"},
	{"type":"endpoint","conditions":[{"fn":"getAttr","argv":[{"ref":"Names"},"[1]"],"assign":"Second"}],"endpoint":{"url":"https://{Second}.{{literal}}"}},
	{"type":"tree","conditions":[{"fn":"isSet","argv":[{"ref":"Region"}]},{"fn":"aws.partition","argv":[{"ref":"Region"}],"assign":"P"}],"rules":[
		{"type":"error","conditions":[{"fn":"booleanEquals","argv":[{"ref":"UseFIPS"},true]},{"fn":"not","argv":[{"fn":"getAttr","argv":[{"ref":"P"},"supportsDualStack"]}]}],"error":"no FIPS in {P#name}"},
		{"type":"endpoint","conditions":[{"fn":"booleanEquals","argv":[{"ref":"UseFIPS"},true]}],"endpoint":{"url":"https://svc-fips.{Region}.{P#dnsSuffix}"}},
		{"type":"endpoint","conditions":[{"fn":"stringEquals","argv":[{"ref":"Region"},"us-east-1"]}],"endpoint":{"url":"https://svc.{P#dnsSuffix}"}}
	]},
	{"type":"error","conditions":[],"error":"Missing Region"}`))

	tests := []struct {
		name    string
		params  Params
		want    Endpoint
		wantErr string
	}{
		{"custom endpoint is normalised and carries headers and properties",
			Params{"Endpoint": "https://example.com:8443/base", "Region": "eu-west-1"},
			Endpoint{URL: "https://example.com:8443/base/svc", Headers: map[string][]string{"x-region": {"eu-west-1", "fixed"}},
				Properties: map[string]any{"authSchemes": []any{map[string]any{"name": "sigv4", "signingRegion": "eu-west-1", "disableDoubleEncoding": true, "n": 2.0}}}}, ""},
		{"error rule message is templated", Params{"Endpoint": "https://example.com?q=1"}, Endpoint{}, "Endpoint https://example.com?q=1 is not a URL"},
		{"getAttr indexes a string array and braces escape", Params{"Names": []string{"a", "b"}}, Endpoint{URL: "https://b.{literal}"}, ""},
		{"getAttr out of range makes the condition false", Params{"Names": []string{"a"}}, Endpoint{}, "Missing Region"},
		{"default fills an absent boolean", Params{"Region": "us-east-1"}, Endpoint{URL: "https://svc.amazonaws.com"}, ""},
		{"partition attributes feed templates", Params{"Region": "cn-north-1", "UseFIPS": true}, Endpoint{URL: "https://svc-fips.cn-north-1.amazonaws.com.cn"}, ""},
		{"error inside a tree names the partition", Params{"Region": "us-iso-east-1", "UseFIPS": true}, Endpoint{}, "no FIPS in aws-iso"},
		{"a matched tree with no matching rule is an error", Params{"Region": "eu-west-1"}, Endpoint{}, "endpoints: rules[3]: tree rule matched but none of its rules did"},
		{"parameter of the wrong type is an error", Params{"Region": 42}, Endpoint{}, `endpoints: parameter "Region" is int, want String`},
		{"nil parameter counts as unset", Params{"Region": nil}, Endpoint{}, "Missing Region"},
		{"undeclared parameters are ignored", Params{"Region": "us-east-1", "Bogus": 1}, Endpoint{URL: "https://svc.amazonaws.com"}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := rs.Resolve(tc.params)
			if tc.wantErr != "" {
				if err == nil || err.Error() != tc.wantErr {
					t.Fatalf("Resolve error = %v, want %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("Resolve: %v", err)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Resolve (-want +got):\n%s", diff)
			}
		})
	}
}

func TestResolveReportsRuleErrors(t *testing.T) {
	rs := mustParse(t, ruleSet(stdParams, `{"type":"tree","conditions":[],"rules":[{"type":"error","conditions":[],"error":"nope"}]}`))
	_, err := rs.Resolve(nil)
	var re *RuleError
	if !errors.As(err, &re) || re.Message != "nope" || re.Rule != "rules[0].rules[0]" {
		t.Fatalf("Resolve error = %#v, want RuleError{nope, rules[0].rules[0]}", err)
	}
}

func TestResolveRequiresRequiredParameters(t *testing.T) {
	rs := mustParse(t, ruleSet(`"Bucket":{"type":"String","required":true}`, `{"type":"endpoint","conditions":[],"endpoint":{"url":"https://{Bucket}.s3"}}`))
	if _, err := rs.Resolve(Params{}); err == nil || err.Error() != `endpoints: missing required parameter "Bucket"` {
		t.Fatalf("Resolve error = %v, want missing required parameter", err)
	}
	if ep, err := rs.Resolve(Params{"Bucket": "b"}); err != nil || ep.URL != "https://b.s3" {
		t.Fatalf("Resolve = %v, %v", ep, err)
	}
}

func TestResolveAssignsDoNotLeakBetweenCalls(t *testing.T) {
	rs := mustParse(t, ruleSet(stdParams, `
	{"type":"endpoint","conditions":[{"fn":"aws.parseArn","argv":[{"ref":"Endpoint"}],"assign":"A"},{"fn":"stringEquals","argv":[{"fn":"getAttr","argv":[{"ref":"A"},"resourceId[0]"]},"stream"]}],"endpoint":{"url":"https://{A#accountId}.example"}},
	{"type":"error","conditions":[],"error":"no arn"}`))
	if ep, err := rs.Resolve(Params{"Endpoint": "arn:aws:kinesis:us-east-1:123:stream/s"}); err != nil || ep.URL != "https://123.example" {
		t.Fatalf("Resolve = %v, %v", ep, err)
	}
	if _, err := rs.Resolve(Params{}); err == nil || err.Error() != "no arn" {
		t.Fatalf("Resolve error = %v, want no arn", err)
	}
}

func TestParametersDescribeTheRuleSet(t *testing.T) {
	rs := mustParse(t, ruleSet(stdParams, `{"type":"error","conditions":[],"error":"x"}`))
	want := []Parameter{
		{Name: "Endpoint", Type: "String"},
		{Name: "Names", Type: "StringArray"},
		{Name: "Region", Type: "String", BuiltIn: "AWS::Region"},
		{Name: "UseFIPS", Type: "Boolean", Required: true, Default: false},
	}
	if diff := cmp.Diff(want, rs.Parameters()); diff != "" {
		t.Errorf("Parameters (-want +got):\n%s", diff)
	}
	if rs.Version() != "1.0" {
		t.Errorf("Version = %q", rs.Version())
	}
}

func TestResolveIsSafeForConcurrentUse(t *testing.T) {
	rs := mustParse(t, ruleSet(stdParams, `
	{"type":"endpoint","conditions":[{"fn":"isSet","argv":[{"ref":"Region"}]},{"fn":"aws.partition","argv":[{"ref":"Region"}],"assign":"P"}],"endpoint":{"url":"https://svc.{Region}.{P#dnsSuffix}"}},
	{"type":"error","conditions":[],"error":"Missing Region"}`))
	regions := []string{"us-east-1", "cn-north-1", "us-gov-west-1", "eu-west-1"}
	want := []string{"https://svc.us-east-1.amazonaws.com", "https://svc.cn-north-1.amazonaws.com.cn", "https://svc.us-gov-west-1.amazonaws.com", "https://svc.eu-west-1.amazonaws.com"}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 200 {
				k := (g + i) % len(regions)
				p := Params{"Region": regions[k]}
				if i%5 == 0 {
					p = Params{}
				}
				ep, err := rs.Resolve(p)
				switch {
				case i%5 == 0 && (err == nil || err.Error() != "Missing Region"):
					t.Errorf("Resolve(no region) = %v, %v", ep, err)
				case i%5 != 0 && (err != nil || ep.URL != want[k]):
					t.Errorf("Resolve(%s) = %v, %v; want %s", regions[k], ep, err, want[k])
				}
			}
		})
	}
	wg.Wait()
}
