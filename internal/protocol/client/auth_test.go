package client

import (
	"strings"
	"testing"

	smithyauth "github.com/aws/smithy-go/auth"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

func TestSortAuthOptions(t *testing.T) {
	opts := []*smithyauth.Option{{SchemeID: "aws.auth#sigv4"}, {SchemeID: "aws.auth#sigv4a"}, {SchemeID: "smithy.api#noAuth"}}
	ids := func(os []*smithyauth.Option) string {
		var s []string
		for _, o := range os {
			s = append(s, o.SchemeID)
		}
		return strings.Join(s, ",")
	}
	tests := []struct {
		preferred []string
		want      string
	}{
		{nil, "aws.auth#sigv4,aws.auth#sigv4a,smithy.api#noAuth"},
		{[]string{"sigv4a"}, "aws.auth#sigv4a,aws.auth#sigv4,smithy.api#noAuth"},
		{[]string{"noAuth", "sigv4a"}, "smithy.api#noAuth,aws.auth#sigv4a,aws.auth#sigv4"},
		{[]string{"unknown"}, "aws.auth#sigv4,aws.auth#sigv4a,smithy.api#noAuth"},
	}
	for _, tt := range tests {
		if got := ids(sortAuthOptions(opts, tt.preferred)); got != tt.want {
			t.Errorf("preference %v: got %s, want %s", tt.preferred, got, tt.want)
		}
	}
}

func TestMatchSchemeID(t *testing.T) {
	for _, tt := range []struct {
		registered, option string
		want               bool
	}{
		{"aws.auth#sigv4", "aws.auth#sigv4", true},
		{"aws.auth#sigv4", "sigv4", true},
		{"aws.auth#sigv4", "sigv4a", false},
		{"sigv4", "aws.auth#sigv4", false},
	} {
		if got := matchSchemeID(tt.registered, tt.option); got != tt.want {
			t.Errorf("matchSchemeID(%q, %q) = %v", tt.registered, tt.option, got)
		}
	}
}

// A rule's authSchemes become auth options in aws-sdk-go-v2's form.
func TestAuthSchemeOptions(t *testing.T) {
	opts := authSchemeOptions([]any{
		map[string]any{"name": "sigv4", "signingName": "dynamodb", "signingRegion": "us-east-1", "disableDoubleEncoding": true},
		map[string]any{"name": "sigv4a", "signingName": "s3", "signingRegionSet": []any{"*"}},
		map[string]any{"name": "sigv4-s3express"},
	})
	if len(opts) != 2 || opts[0].SchemeID != smithyauth.SchemeIDSigV4 || opts[1].SchemeID != smithyauth.SchemeIDSigV4A {
		t.Fatalf("got %d options: %+v", len(opts), opts)
	}
	p := &opts[0].SignerProperties
	name, _ := smithyhttp.GetSigV4SigningName(p)
	region, _ := smithyhttp.GetSigV4SigningRegion(p)
	noEscape, _ := smithyhttp.GetDisableDoubleEncoding(p)
	if name != "dynamodb" || region != "us-east-1" || !noEscape {
		t.Errorf("sigv4 properties: name %q region %q disableDoubleEncoding %v", name, region, noEscape)
	}
	if regions, _ := smithyhttp.GetSigV4ASigningRegions(&opts[1].SignerProperties); len(regions) != 1 || regions[0] != "*" {
		t.Errorf("sigv4a regions = %v", regions)
	}
}
