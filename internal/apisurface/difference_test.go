package apisurface

import "strings"

// differences lists every exported name that only one side has, keyed
// "package: only v2|only gosmith: name", with the reason. Everything else
// of aws-sdk-go-v2's packages (client options and functions, endpoint and
// auth APIs, operations, paginators, waiters, types, errors, enums) has the
// same names in gosmith's.
var differences = map[string]string{}

// testKit explains the client interface of gosmith's test kit: the
// interface API, which lists every operation (aws-sdk-go-v2 has none; its
// fake is in the separate fake package, which has no v2 counterpart).
func testKit(key string) bool {
	_, name, ok := strings.Cut(key, ": only gosmith: ")
	return ok && (name == "type API" || strings.HasPrefix(name, "method API."))
}

func explain(reason string, keys ...string) {
	for _, k := range keys {
		differences[k] = reason
	}
}

func init() {
	explain("model difference: aws-sdk-go-v2 v1.43.18 was built from a newer Storage Gateway model, in which ListCacheReports is @paginated (../shared/models/SOURCES.md)",
		"storagegateway: only v2: field ListCacheReportsPaginatorOptions.StopOnDuplicateToken",
		"storagegateway: only v2: func NewListCacheReportsPaginator",
		"storagegateway: only v2: method ListCacheReportsAPIClient.ListCacheReports",
		"storagegateway: only v2: method ListCacheReportsPaginator.HasMorePages",
		"storagegateway: only v2: method ListCacheReportsPaginator.NextPage",
		"storagegateway: only v2: type ListCacheReportsAPIClient",
		"storagegateway: only v2: type ListCacheReportsPaginator",
		"storagegateway: only v2: type ListCacheReportsPaginatorOptions",
	)
	explain("model difference: the newer model v1.43.18 was built from has this enum value (internal/difftest/KNOWN_DIFFERENCES.md, entry 1)",
		"storagegateway/types: only v2: const ActiveDirectoryStatusInsufficientPermissions",
	)
	explain("gosmith addition: inputs and types with @sensitive members print with those members redacted (String), so a logged input does not leak passwords",
		"storagegateway: only gosmith: method AssociateFileSystemInput.String",
		"storagegateway: only gosmith: method JoinDomainInput.String",
		"storagegateway: only gosmith: method SetLocalConsolePasswordInput.String",
		"storagegateway: only gosmith: method SetSMBGuestPasswordInput.String",
		"storagegateway: only gosmith: method UpdateChapCredentialsInput.String",
		"storagegateway: only gosmith: method UpdateFileSystemAssociationInput.String",
		"storagegateway/types: only gosmith: method ChapInfo.String",
	)
	explain("version difference: gosmith follows current aws-sdk-go-v2 (v1.48.0 core), which has interceptors and auth scheme preference; the v1.42.1 (DynamoDB) and v1.33.2 (Kinesis) releases built from the same model snapshot predate them",
		"dynamodb: only gosmith: field Options.AuthSchemePreference",
		"dynamodb: only gosmith: field Options.Interceptors",
		"kinesis: only gosmith: field Options.AuthSchemePreference",
		"kinesis: only gosmith: field Options.Interceptors",
	)
}
