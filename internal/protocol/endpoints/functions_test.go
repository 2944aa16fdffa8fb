package endpoints

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestSubstring(t *testing.T) {
	tests := []struct {
		name        string
		in          string
		start, stop int
		reverse     bool
		want        string
		ok          bool
	}{
		{"substring takes the leading span", "abcdefg", 0, 4, false, "abcd", true},
		{"substring counts from the end when reversed", "abcdefg", 0, 4, true, "defg", true},
		{"substring reversed skips the last characters", "abcdefg", 1, 3, true, "ef", true},
		{"substring may span the whole input", "abc", 0, 3, false, "abc", true},
		{"substring rejects stop past the end", "abc", 0, 4, false, "", false},
		{"substring rejects an empty span", "abc", 2, 2, false, "", false},
		{"substring rejects start after stop", "abc", 2, 1, false, "", false},
		{"substring rejects negative start", "abc", -1, 2, false, "", false},
		{"substring rejects non-ASCII input", "aé-bcd", 0, 2, false, "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := substring(tc.in, tc.start, tc.stop, tc.reverse)
			if got != tc.want || ok != tc.ok {
				t.Errorf("substring(%q, %d, %d, %v) = %q, %v; want %q, %v", tc.in, tc.start, tc.stop, tc.reverse, got, ok, tc.want, tc.ok)
			}
		})
	}
}

func TestURIEncode(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"uriEncode escapes like the spec", "/:,?#[]{}|@! $&'()*+;=%<>\"^`\\", "%2F%3A%2C%3F%23%5B%5D%7B%7D%7C%40%21%20%24%26%27%28%29%2A%2B%3B%3D%25%3C%3E%22%5E%60%5C"},
		{"uriEncode leaves unreserved characters alone", "AZaz09-_.~", "AZaz09-_.~"},
		{"uriEncode encodes UTF-8 bytes with upper-case hex", "é", "%C3%A9"},
		{"uriEncode keeps the empty string", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := uriEncode(tc.in); got != tc.want {
				t.Errorf("uriEncode(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestParseURL(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want *urlValue
	}{
		{"parseURL splits a plain https URL", "https://example.com", &urlValue{"https", "example.com", "", "/", false}},
		{"parseURL keeps the port in the authority", "http://example.com:8443/foo/bar", &urlValue{"http", "example.com:8443", "/foo/bar", "/foo/bar/", false}},
		{"parseURL keeps a trailing slash", "https://example.com/foo/", &urlValue{"https", "example.com", "/foo/", "/foo/", false}},
		{"parseURL recognises an IPv4 host", "https://127.0.0.1:8000", &urlValue{"https", "127.0.0.1:8000", "", "/", true}},
		{"parseURL recognises a bracketed IPv6 host", "https://[fe80::1]/p", &urlValue{"https", "[fe80::1]", "/p", "/p/", true}},
		{"parseURL rejects a URL with a query", "https://example.com?foo=bar", nil},
		{"parseURL rejects an empty query", "https://example.com/?", nil},
		{"parseURL rejects a fragment", "https://example.com/#x", nil},
		{"parseURL rejects other schemes", "ftp://example.com", nil},
		{"parseURL rejects a URL without host", "https:///path", nil},
		{"parseURL rejects garbage", "://", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := parseURL(tc.in)
			if diff := cmp.Diff(tc.want, got, cmp.AllowUnexported(urlValue{})); diff != "" {
				t.Errorf("parseURL(%q) (-want +got):\n%s", tc.in, diff)
			}
		})
	}
}

func TestIsValidHostLabel(t *testing.T) {
	tests := []struct {
		name string
		in   string
		sub  bool
		want bool
	}{
		{"isValidHostLabel accepts letters digits and hyphens", "us-east-1", false, true},
		{"isValidHostLabel accepts a single character", "a", false, true},
		{"isValidHostLabel accepts 63 characters", "a" + strings.Repeat("b", 62), false, true},
		{"isValidHostLabel rejects 64 characters", strings.Repeat("b", 64), false, false},
		{"isValidHostLabel rejects the empty string", "", false, false},
		{"isValidHostLabel rejects a leading hyphen", "-abc", false, false},
		{"isValidHostLabel rejects underscores", "a_b", false, false},
		{"isValidHostLabel rejects dots unless asked", "a.b", false, false},
		{"isValidHostLabel allows dots only when asked", "a.b", true, true},
		{"isValidHostLabel rejects an empty label between dots", "a..b", true, false},
		{"isValidHostLabel rejects a trailing dot", "a.b.", true, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := isValidHostLabel(tc.in, tc.sub); got != tc.want {
				t.Errorf("isValidHostLabel(%q, %v) = %v, want %v", tc.in, tc.sub, got, tc.want)
			}
		})
	}
}

func TestIsVirtualHostableS3Bucket(t *testing.T) {
	tests := []struct {
		name string
		in   string
		sub  bool
		want bool
	}{
		{"bucket names may use lower-case letters digits and hyphens", "my-bucket-1", false, true},
		{"bucket names must have at least 3 characters", "ab", false, false},
		{"bucket names must have at most 63 characters", strings.Repeat("a", 64), false, false},
		{"bucket names reject upper case", "MyBucket", false, false},
		{"bucket names must not end with a hyphen", "bucket-", false, false},
		{"bucket names reject dots unless subdomains are allowed", "a.bucket", false, false},
		{"bucket names accept dots when subdomains are allowed", "a.bucket", true, true},
		{"bucket names reject a hyphen next to a dot", "a-.bucket", true, false},
		{"bucket names reject adjacent dots", "a..bucket", true, false},
		{"bucket names reject IP addresses", "192.168.1.1", true, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := isVirtualHostableS3Bucket(tc.in, tc.sub); got != tc.want {
				t.Errorf("isVirtualHostableS3Bucket(%q, %v) = %v, want %v", tc.in, tc.sub, got, tc.want)
			}
		})
	}
}

func TestParseARN(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want *arnValue
	}{
		{"parseArn splits a stream ARN", "arn:aws:kinesis:us-east-1:123456789012:stream/testStream",
			&arnValue{"aws", "kinesis", "us-east-1", "123456789012", []string{"stream", "testStream"}}},
		{"parseArn splits the resource on both colons and slashes", "arn:aws:kinesis:us-east-1:1:stream/s/consumer/c:1525898737",
			&arnValue{"aws", "kinesis", "us-east-1", "1", []string{"stream", "s", "consumer", "c", "1525898737"}}},
		{"parseArn allows an empty region and account", "arn:aws:s3:::bucket",
			&arnValue{"aws", "s3", "", "", []string{"bucket"}}},
		{"parseArn rejects a missing resource", "arn:aws:s3:us-east-1:1:", nil},
		{"parseArn rejects an empty service", "arn:aws::us-east-1:1:x", nil},
		{"parseArn rejects too few sections", "arn:aws:s3:us-east-1", nil},
		{"parseArn rejects another prefix", "urn:aws:s3:::bucket", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, parseARN(tc.in), cmp.AllowUnexported(arnValue{})); diff != "" {
				t.Errorf("parseARN(%q) (-want +got):\n%s", tc.in, diff)
			}
		})
	}
}

func TestPartitionLookup(t *testing.T) {
	tests := []struct{ name, region, want, dns, dualStack string }{
		{"aws.partition finds a listed aws region", "us-west-2", "aws", "amazonaws.com", "api.aws"},
		{"aws.partition finds the global pseudo-region", "aws-global", "aws", "amazonaws.com", "api.aws"},
		{"aws.partition matches an unlisted aws region by regex", "ap-southeast-99", "aws", "amazonaws.com", "api.aws"},
		{"aws.partition finds China", "cn-north-1", "aws-cn", "amazonaws.com.cn", "api.amazonwebservices.com.cn"},
		{"aws.partition matches GovCloud by regex", "us-gov-south-7", "aws-us-gov", "amazonaws.com", "api.aws"},
		{"aws.partition finds ISO", "us-iso-east-1", "aws-iso", "c2s.ic.gov", "c2s.ic.gov"},
		{"aws.partition finds ISO-B", "us-isob-east-1", "aws-iso-b", "sc2s.sgov.gov", "sc2s.sgov.gov"},
		{"aws.partition finds ISO-E", "eu-isoe-west-1", "aws-iso-e", "cloud.adc-e.uk", "cloud.adc-e.uk"},
		{"aws.partition finds ISO-F", "us-isof-south-1", "aws-iso-f", "csp.hci.ic.gov", "csp.hci.ic.gov"},
		{"aws.partition matches the European Sovereign Cloud", "eusc-de-west-2", "aws-eusc", "amazonaws.eu", "api.amazonwebservices.eu"},
		{"aws.partition falls back to aws for unknown regions", "local", "aws", "amazonaws.com", "api.aws"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := LookupPartition(tc.region)
			if p.ID != tc.want || p.Name != tc.want || p.DNSSuffix != tc.dns || p.DualStackDNSSuffix != tc.dualStack {
				t.Errorf("LookupPartition(%q) = %s (%s, %s), want %s (%s, %s)", tc.region, p.ID, p.DNSSuffix, p.DualStackDNSSuffix, tc.want, tc.dns, tc.dualStack)
			}
		})
	}
}

func TestPartitionRegionsMatchTheirRegex(t *testing.T) {
	for i, p := range partitionTable {
		for _, r := range p.Regions {
			if partitionMatchers[i].match(r) {
				continue
			}
			if r != p.ID+"-global" && r != "aws-global" {
				t.Errorf("%s: listed region %q does not match %s", p.ID, r, p.RegionRegex)
			}
		}
	}
}
