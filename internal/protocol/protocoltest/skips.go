package protocoltest

import "testing"

// defaultsReason explains the @default cases: aws-sdk-go-v2 neither fills
// @default values into requests and outputs nor error-corrects missing
// required output members, and gosmith keeps v2's bytes on the wire and
// v2's typed outputs. (smithy-go's codegen skips the same cases.)
const defaultsReason = "aws-sdk-go-v2 does not apply @default values or error-correct missing required members; gosmith keeps v2's behaviour"

// Skipped lists every client case of the awsJson1_0/awsJson1_1 and
// restJson1 compliance suites that gosmith does not run, with the reason. It is the one place a
// skipped case is written down; the README counts from it. Cases that apply
// only to servers are skipped by Skip itself.
var Skipped = map[string]string{
	"AwsJson10ClientPopulatesDefaultValuesInInput":                                          defaultsReason,
	"AwsJson10ClientUsesExplicitlyProvidedValuesInTopLevel":                                 defaultsReason + " (v2 omits a zero value whose @default is zero)",
	"AwsJson10ClientPopulatesDefaultsValuesWhenMissingInResponse":                           defaultsReason,
	"AwsJson10ClientPopulatesNestedDefaultValuesWhenMissing":                                defaultsReason,
	"AwsJson10ClientPopulatesNestedDefaultsWhenMissingInResponseBody":                       defaultsReason,
	"AwsJson10ClientErrorCorrectsWhenServerFailsToSerializeRequiredValues":                  defaultsReason,
	"AwsJson10ClientErrorCorrectsWithDefaultValuesWhenServerFailsToSerializeRequiredValues": defaultsReason,
	"RestJsonClientPopulatesDefaultValuesInInput":                                           defaultsReason,
	"RestJsonClientUsesExplicitlyProvidedValuesInTopLevel":                                  defaultsReason + " (v2 omits a zero value whose @default is zero)",
	"RestJsonClientPopulatesDefaultsValuesWhenMissingInResponse":                            defaultsReason,
	"RestJsonClientPopulatesNestedDefaultValuesWhenMissing":                                 defaultsReason,
	"RestJsonClientPopulatesNestedDefaultsWhenMissingInResponseBody":                        defaultsReason,
}

// Skip skips a case that applies only to servers, or one listed in Skipped.
func Skip(t testing.TB, id, appliesTo string) {
	t.Helper()
	if appliesTo == "server" {
		t.Skip("applies to servers; gosmith generates clients")
	}
	if reason, ok := Skipped[id]; ok {
		t.Skip(reason)
	}
}
