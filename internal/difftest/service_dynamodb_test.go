package difftest

import (
	v2 "github.com/aws/aws-sdk-go-v2/service/dynamodb"
	v2types "github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	gs "github.com/gosmith/gosmith/internal/difftest/ddbfull"
	gstypes "github.com/gosmith/gosmith/internal/difftest/ddbfull/types"
)

// dynamoDB compares DynamoDB (awsJson1_0) with aws-sdk-go-v2's
// service/dynamodb v1.42.1. No BaseEndpoint: the endpoint rules choose the
// host, from the credentials' account ID and the tables named in the input.
// Responses carry X-Amz-Crc32.
var dynamoDB = &service{
	name:           "dynamodb",
	model:          "dynamodb.json",
	protocol:       awsJSON10,
	wantOperations: 57,
	crc32:          true,
	newGS:          gs.New,
	newV2:          v2.New,
	unions: []unionPair{
		unionMember(&gstypes.AttributeValueMemberB{}, &v2types.AttributeValueMemberB{}),
		unionMember(&gstypes.AttributeValueMemberBOOL{}, &v2types.AttributeValueMemberBOOL{}),
		unionMember(&gstypes.AttributeValueMemberBS{}, &v2types.AttributeValueMemberBS{}),
		unionMember(&gstypes.AttributeValueMemberL{}, &v2types.AttributeValueMemberL{}),
		unionMember(&gstypes.AttributeValueMemberM{}, &v2types.AttributeValueMemberM{}),
		unionMember(&gstypes.AttributeValueMemberN{}, &v2types.AttributeValueMemberN{}),
		unionMember(&gstypes.AttributeValueMemberNS{}, &v2types.AttributeValueMemberNS{}),
		unionMember(&gstypes.AttributeValueMemberNULL{}, &v2types.AttributeValueMemberNULL{}),
		unionMember(&gstypes.AttributeValueMemberS{}, &v2types.AttributeValueMemberS{}),
		unionMember(&gstypes.AttributeValueMemberSS{}, &v2types.AttributeValueMemberSS{}),
	},
	errorTypes: []errorType{
		errorPair(&gstypes.BackupInUseException{}, &v2types.BackupInUseException{}),
		errorPair(&gstypes.BackupNotFoundException{}, &v2types.BackupNotFoundException{}),
		errorPair(&gstypes.ConditionalCheckFailedException{}, &v2types.ConditionalCheckFailedException{}),
		errorPair(&gstypes.ContinuousBackupsUnavailableException{}, &v2types.ContinuousBackupsUnavailableException{}),
		errorPair(&gstypes.DuplicateItemException{}, &v2types.DuplicateItemException{}),
		errorPair(&gstypes.ExportConflictException{}, &v2types.ExportConflictException{}),
		errorPair(&gstypes.ExportNotFoundException{}, &v2types.ExportNotFoundException{}),
		errorPair(&gstypes.GlobalTableAlreadyExistsException{}, &v2types.GlobalTableAlreadyExistsException{}),
		errorPair(&gstypes.GlobalTableNotFoundException{}, &v2types.GlobalTableNotFoundException{}),
		errorPair(&gstypes.IdempotentParameterMismatchException{}, &v2types.IdempotentParameterMismatchException{}),
		errorPair(&gstypes.ImportConflictException{}, &v2types.ImportConflictException{}),
		errorPair(&gstypes.ImportNotFoundException{}, &v2types.ImportNotFoundException{}),
		errorPair(&gstypes.IndexNotFoundException{}, &v2types.IndexNotFoundException{}),
		errorPair(&gstypes.InternalServerError{}, &v2types.InternalServerError{}),
		errorPair(&gstypes.InvalidEndpointException{}, &v2types.InvalidEndpointException{}),
		errorPair(&gstypes.InvalidExportTimeException{}, &v2types.InvalidExportTimeException{}),
		errorPair(&gstypes.InvalidRestoreTimeException{}, &v2types.InvalidRestoreTimeException{}),
		errorPair(&gstypes.ItemCollectionSizeLimitExceededException{}, &v2types.ItemCollectionSizeLimitExceededException{}),
		errorPair(&gstypes.LimitExceededException{}, &v2types.LimitExceededException{}),
		errorPair(&gstypes.PointInTimeRecoveryUnavailableException{}, &v2types.PointInTimeRecoveryUnavailableException{}),
		errorPair(&gstypes.PolicyNotFoundException{}, &v2types.PolicyNotFoundException{}),
		errorPair(&gstypes.ProvisionedThroughputExceededException{}, &v2types.ProvisionedThroughputExceededException{}),
		errorPair(&gstypes.ReplicaAlreadyExistsException{}, &v2types.ReplicaAlreadyExistsException{}),
		errorPair(&gstypes.ReplicaNotFoundException{}, &v2types.ReplicaNotFoundException{}),
		errorPair(&gstypes.ReplicatedWriteConflictException{}, &v2types.ReplicatedWriteConflictException{}),
		errorPair(&gstypes.RequestLimitExceeded{}, &v2types.RequestLimitExceeded{}),
		errorPair(&gstypes.ResourceInUseException{}, &v2types.ResourceInUseException{}),
		errorPair(&gstypes.ResourceNotFoundException{}, &v2types.ResourceNotFoundException{}),
		errorPair(&gstypes.TableAlreadyExistsException{}, &v2types.TableAlreadyExistsException{}),
		errorPair(&gstypes.TableInUseException{}, &v2types.TableInUseException{}),
		errorPair(&gstypes.TableNotFoundException{}, &v2types.TableNotFoundException{}),
		errorPair(&gstypes.TransactionCanceledException{}, &v2types.TransactionCanceledException{}),
		errorPair(&gstypes.TransactionConflictException{}, &v2types.TransactionConflictException{}),
		errorPair(&gstypes.TransactionInProgressException{}, &v2types.TransactionInProgressException{}),
	},
}
