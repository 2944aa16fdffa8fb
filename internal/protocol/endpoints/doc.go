// Package endpoints evaluates Smithy endpoint rule sets (the
// smithy.rules#endpointRuleSet trait) to pick the URL, headers and
// properties a request is sent with.
//
// A generated client does not hand-write per-service endpoint logic. The
// generator copies the service's rule set JSON into the generated package
// (as an embedded file or a string constant), and the client parses it once:
//
//	//go:embed endpoint_rules.json
//	var endpointRules []byte
//
//	var ruleSet = sync.OnceValues(func() (*endpoints.RuleSet, error) {
//		return endpoints.Parse(endpointRules)
//	})
//
// For every operation it then calls Resolve with the built-in parameters
// taken from its configuration, plus any context parameters the model
// declares for the operation (for example StreamARN and OperationType for
// Kinesis, ResourceArn for DynamoDB):
//
//	rs, err := ruleSet()
//	if err != nil {
//		return err // a broken embedded rule set is a generator bug
//	}
//	params := endpoints.Params{
//		"Region":       cfg.Region,
//		"UseFIPS":      cfg.UseFIPS,
//		"UseDualStack": cfg.UseDualStack,
//	}
//	if cfg.BaseEndpoint != "" {
//		params["Endpoint"] = cfg.BaseEndpoint
//	}
//	ep, err := rs.Resolve(params)
//
// The client then sends the request to ep.URL (plus the operation's path),
// adds ep.Headers, and reads signing overrides such as the signing region
// from ep.Properties["authSchemes"]. RuleSet.Parameters lists the declared
// parameters with their built-in names, so the generator can decide which
// client options feed which parameter.
//
// Parse does all the JSON work, validation and compilation up front
// (references become slot indices, templates are split into literal and
// variable parts), so Resolve only walks a small tree of compiled nodes and
// costs a few microseconds. A *RuleSet is immutable after Parse and safe for
// concurrent use.
//
// An error rule in the rule set surfaces as a *RuleError whose message is the
// rule's (templated) error text, so it can be shown to users unchanged.
//
// The aws.partition function is backed by the partition table in
// partitions.go, which follows the partitions.json file that AWS SDKs ship.
package endpoints
