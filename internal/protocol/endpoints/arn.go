package endpoints

import "strings"

// arnValue is the record aws.parseArn returns.
type arnValue struct {
	partition, service, region, accountID string
	resourceID                            []string
}

func (a *arnValue) attr(name string) value {
	switch name {
	case "partition":
		return strValue(a.partition)
	case "service":
		return strValue(a.service)
	case "region":
		return strValue(a.region)
	case "accountId":
		return strValue(a.accountID)
	case "resourceId":
		return value{kind: kindArray, arr: a.resourceID}
	}
	return none
}

// arnAttrs are the attributes Parse accepts in getAttr on an aws.parseArn
// result.
var arnAttrs = map[string]typ{"partition": tString, "service": tString, "region": tString, "accountId": tString, "resourceId": tArray}

// parseARN splits arn:partition:service:region:account-id:resource. Region
// and account may be empty (S3 and IAM ARNs leave them out); partition,
// service and resource may not. The resource is split on both ':' and '/'
// because services use either as the separator between resource type and
// name; empty pieces are kept so indexes stay positional.
func parseARN(s string) *arnValue {
	parts := strings.SplitN(s, ":", 6)
	if len(parts) != 6 || parts[0] != "arn" || parts[1] == "" || parts[2] == "" || parts[5] == "" {
		return nil
	}
	return &arnValue{
		partition:  parts[1],
		service:    parts[2],
		region:     parts[3],
		accountID:  parts[4],
		resourceID: splitResource(parts[5]),
	}
}

func splitResource(s string) []string {
	out := make([]string, 0, 2+strings.Count(s, "/")+strings.Count(s, ":"))
	start := 0
	for i := 0; i < len(s); i++ {
		if s[i] == ':' || s[i] == '/' {
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}
