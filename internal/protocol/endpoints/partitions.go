package endpoints

import (
	"fmt"
	"strings"
)

// Partition is one AWS partition: a group of regions that share DNS
// suffixes and capabilities. Its fields mirror the outputs of
// aws.partition in the rules engine.
type Partition struct {
	// ID is the partition identifier, for example "aws-cn".
	ID string
	// RegionRegex matches region names of this partition that are not
	// listed in Regions yet (new regions launch before SDKs learn of them).
	RegionRegex string
	// Regions lists the partition's known regions, including its
	// pseudo-region for global endpoints (aws-global and so on).
	Regions []string
	// Name is the partition name rule sets compare against ARNs.
	Name string
	// DNSSuffix is the suffix of regional endpoints.
	DNSSuffix string
	// DualStackDNSSuffix is the suffix of dual-stack (IPv4 and IPv6) endpoints.
	DualStackDNSSuffix string
	// SupportsFIPS reports that FIPS endpoints exist in this partition.
	SupportsFIPS bool
	// SupportsDualStack reports that dual-stack endpoints exist in this partition.
	SupportsDualStack bool
	// ImplicitGlobalRegion is the region global services sign for.
	ImplicitGlobalRegion string
}

// partitionTable follows the partitions.json that AWS SDKs ship. The
// isolated partitions (aws-iso*) are recorded as not supporting dual-stack,
// as they were when the service models under test were published: the
// endpoint test cases of those models expect the "does not support
// DualStack" errors there.
var partitionTable = []Partition{
	{
		ID:          "aws",
		RegionRegex: `^(us|eu|ap|sa|ca|me|af|il|mx)\-\w+\-\d+$`,
		Regions: []string{
			"af-south-1", "ap-east-1", "ap-east-2", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
			"ap-south-1", "ap-south-2", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3",
			"ap-southeast-4", "ap-southeast-5", "ap-southeast-6", "ap-southeast-7", "aws-global",
			"ca-central-1", "ca-west-1", "eu-central-1", "eu-central-2", "eu-north-1", "eu-south-1",
			"eu-south-2", "eu-west-1", "eu-west-2", "eu-west-3", "il-central-1", "me-central-1",
			"me-south-1", "mx-central-1", "sa-east-1", "us-east-1", "us-east-2", "us-west-1", "us-west-2",
		},
		Name:                 "aws",
		DNSSuffix:            "amazonaws.com",
		DualStackDNSSuffix:   "api.aws",
		SupportsFIPS:         true,
		SupportsDualStack:    true,
		ImplicitGlobalRegion: "us-east-1",
	},
	{
		ID:                   "aws-cn",
		RegionRegex:          `^cn\-\w+\-\d+$`,
		Regions:              []string{"aws-cn-global", "cn-north-1", "cn-northwest-1"},
		Name:                 "aws-cn",
		DNSSuffix:            "amazonaws.com.cn",
		DualStackDNSSuffix:   "api.amazonwebservices.com.cn",
		SupportsFIPS:         true,
		SupportsDualStack:    true,
		ImplicitGlobalRegion: "cn-northwest-1",
	},
	{
		ID:                   "aws-us-gov",
		RegionRegex:          `^us\-gov\-\w+\-\d+$`,
		Regions:              []string{"aws-us-gov-global", "us-gov-east-1", "us-gov-west-1"},
		Name:                 "aws-us-gov",
		DNSSuffix:            "amazonaws.com",
		DualStackDNSSuffix:   "api.aws",
		SupportsFIPS:         true,
		SupportsDualStack:    true,
		ImplicitGlobalRegion: "us-gov-west-1",
	},
	{
		ID:                   "aws-iso",
		RegionRegex:          `^us\-iso\-\w+\-\d+$`,
		Regions:              []string{"aws-iso-global", "us-iso-east-1", "us-iso-west-1"},
		Name:                 "aws-iso",
		DNSSuffix:            "c2s.ic.gov",
		DualStackDNSSuffix:   "c2s.ic.gov",
		SupportsFIPS:         true,
		SupportsDualStack:    false,
		ImplicitGlobalRegion: "us-iso-east-1",
	},
	{
		ID:                   "aws-iso-b",
		RegionRegex:          `^us\-isob\-\w+\-\d+$`,
		Regions:              []string{"aws-iso-b-global", "us-isob-east-1"},
		Name:                 "aws-iso-b",
		DNSSuffix:            "sc2s.sgov.gov",
		DualStackDNSSuffix:   "sc2s.sgov.gov",
		SupportsFIPS:         true,
		SupportsDualStack:    false,
		ImplicitGlobalRegion: "us-isob-east-1",
	},
	{
		ID:                   "aws-iso-e",
		RegionRegex:          `^eu\-isoe\-\w+\-\d+$`,
		Regions:              []string{"aws-iso-e-global", "eu-isoe-west-1"},
		Name:                 "aws-iso-e",
		DNSSuffix:            "cloud.adc-e.uk",
		DualStackDNSSuffix:   "cloud.adc-e.uk",
		SupportsFIPS:         true,
		SupportsDualStack:    false,
		ImplicitGlobalRegion: "eu-isoe-west-1",
	},
	{
		ID:                   "aws-iso-f",
		RegionRegex:          `^us\-isof\-\w+\-\d+$`,
		Regions:              []string{"aws-iso-f-global", "us-isof-east-1", "us-isof-south-1"},
		Name:                 "aws-iso-f",
		DNSSuffix:            "csp.hci.ic.gov",
		DualStackDNSSuffix:   "csp.hci.ic.gov",
		SupportsFIPS:         true,
		SupportsDualStack:    false,
		ImplicitGlobalRegion: "us-isof-south-1",
	},
	{
		ID:                   "aws-eusc",
		RegionRegex:          `^eusc\-(de)\-\w+\-\d+$`,
		Regions:              []string{"eusc-de-east-1"},
		Name:                 "aws-eusc",
		DNSSuffix:            "amazonaws.eu",
		DualStackDNSSuffix:   "api.amazonwebservices.eu",
		SupportsFIPS:         true,
		SupportsDualStack:    true,
		ImplicitGlobalRegion: "eusc-de-east-1",
	},
}

var (
	// partitionByRegion indexes the explicit region lists, which win over
	// the regular expressions.
	partitionByRegion = map[string]*Partition{}
	partitionMatchers []regionMatcher
)

func init() {
	partitionMatchers = make([]regionMatcher, len(partitionTable))
	for i := range partitionTable {
		p := &partitionTable[i]
		partitionMatchers[i] = newRegionMatcher(p.RegionRegex)
		for _, r := range p.Regions {
			partitionByRegion[r] = p
		}
	}
}

// partitionFor implements aws.partition: an explicitly listed region first,
// then the first partition whose regex matches, and otherwise the aws
// partition, so that unknown regions still resolve to something usable.
func partitionFor(region string) *Partition {
	if p, ok := partitionByRegion[region]; ok {
		return p
	}
	for i, m := range partitionMatchers {
		if m.match(region) {
			return &partitionTable[i]
		}
	}
	return &partitionTable[0]
}

// regionMatcher matches what a RegionRegex does. Every one has the form
// ^PREFIX\-\w+\-\d+$, PREFIX being letters, escaped hyphens and groups of
// alternatives; for that form this is the regular expression's match,
// without linking package regexp into every client. (partitions_test.go
// checks it against regexp.)
type regionMatcher struct {
	prefixes []string // each alternative PREFIX, with the hyphen after it
}

func newRegionMatcher(re string) regionMatcher {
	const suffix = `\-\w+\-\d+$`
	body, anchored := strings.CutPrefix(re, "^")
	body, ok := strings.CutSuffix(body, suffix)
	if !anchored || !ok {
		panic(fmt.Sprintf("endpoints: region regex %q is not ^PREFIX%s", re, suffix))
	}
	prefixes := []string{""}
	for body != "" {
		var alts []string
		switch {
		case strings.HasPrefix(body, `\-`):
			alts, body = []string{"-"}, body[2:]
		case body[0] == '(':
			end := strings.IndexByte(body, ')')
			if end < 0 {
				panic(fmt.Sprintf("endpoints: region regex %q: unclosed group", re))
			}
			alts, body = strings.Split(body[1:end], "|"), body[end+1:]
		case 'a' <= body[0] && body[0] <= 'z':
			alts, body = []string{body[:1]}, body[1:]
		default:
			panic(fmt.Sprintf("endpoints: region regex %q: unsupported %q", re, body))
		}
		var next []string
		for _, p := range prefixes {
			for _, a := range alts {
				next = append(next, p+a)
			}
		}
		prefixes = next
	}
	for i := range prefixes {
		prefixes[i] += "-"
	}
	return regionMatcher{prefixes: prefixes}
}

// match reports whether region is PREFIX-WORD-DIGITS for one of the
// prefixes: WORD of \w (letters, digits, underscore), DIGITS of \d.
func (m regionMatcher) match(region string) bool {
	for _, p := range m.prefixes {
		rest, ok := strings.CutPrefix(region, p)
		if !ok {
			continue
		}
		i := strings.IndexByte(rest, '-')
		if i > 0 && all(rest[:i], isWordChar) && i+1 < len(rest) && all(rest[i+1:], isDigit) {
			return true
		}
	}
	return false
}

func all(s string, f func(byte) bool) bool {
	for i := 0; i < len(s); i++ {
		if !f(s[i]) {
			return false
		}
	}
	return true
}

func isWordChar(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_'
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// LookupPartition returns the partition that aws.partition picks for
// region. The Regions slice is shared and must not be modified.
func LookupPartition(region string) Partition { return *partitionFor(region) }

func (p *Partition) attr(name string) value {
	switch name {
	case "name":
		return strValue(p.Name)
	case "dnsSuffix":
		return strValue(p.DNSSuffix)
	case "dualStackDnsSuffix":
		return strValue(p.DualStackDNSSuffix)
	case "supportsFIPS":
		return boolValue(p.SupportsFIPS)
	case "supportsDualStack":
		return boolValue(p.SupportsDualStack)
	case "implicitGlobalRegion":
		return strValue(p.ImplicitGlobalRegion)
	}
	return none
}

// partitionAttrs are the attributes Parse accepts in getAttr on an
// aws.partition result.
var partitionAttrs = map[string]typ{
	"name": tString, "dnsSuffix": tString, "dualStackDnsSuffix": tString,
	"supportsFIPS": tBool, "supportsDualStack": tBool, "implicitGlobalRegion": tString,
}
