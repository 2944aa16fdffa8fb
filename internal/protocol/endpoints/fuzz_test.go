package endpoints

import "testing"

// FuzzParse feeds arbitrary documents to Parse and resolves whatever
// compiles: neither step may panic, whatever the rule set says.
func FuzzParse(f *testing.F) {
	f.Add(ruleSet(stdParams, `{"type":"endpoint","conditions":[{"fn":"isSet","argv":[{"ref":"Region"}]},{"fn":"aws.partition","argv":[{"ref":"Region"}],"assign":"P"}],"endpoint":{"url":"https://svc.{Region}.{P#dnsSuffix}","headers":{"h":["{Region}"]},"properties":{"a":[{"b":"{P#name}"}]}}},{"type":"error","conditions":[],"error":"Missing Region"}`))
	f.Add(ruleSet(stdParams, `{"type":"tree","conditions":[{"fn":"getAttr","argv":[{"ref":"Names"},"[0]"],"assign":"N"},{"fn":"substring","argv":["{N}",0,3,true],"assign":"S"}],"rules":[{"type":"endpoint","conditions":[{"fn":"parseURL","argv":["https://{S}"],"assign":"U"}],"endpoint":{"url":"{U#scheme}://{U#authority}/{{x}}"}}]}`))
	params := []Params{
		{},
		{"Region": "us-east-1", "UseFIPS": true, "UseDualStack": true},
		{"Region": "cn-north-1", "Endpoint": "https://example.com", "Names": []string{"abcdef"}},
		{"Region": "", "Endpoint": "arn:aws:kinesis:us-east-1:123:stream/s", "Names": []string{}},
	}
	f.Fuzz(func(t *testing.T, doc []byte) {
		rs, err := Parse(doc)
		if err != nil {
			return
		}
		for _, p := range params {
			_, _ = rs.Resolve(p)
		}
		_ = rs.Parameters()
	})
}
