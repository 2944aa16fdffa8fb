package endpoints

import "regexp"

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
	partitionRegexps  []*regexp.Regexp
)

func init() {
	partitionRegexps = make([]*regexp.Regexp, len(partitionTable))
	for i := range partitionTable {
		p := &partitionTable[i]
		partitionRegexps[i] = regexp.MustCompile(p.RegionRegex)
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
	for i, re := range partitionRegexps {
		if re.MatchString(region) {
			return &partitionTable[i]
		}
	}
	return &partitionTable[0]
}

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
