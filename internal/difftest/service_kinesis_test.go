package difftest

import (
	v2 "github.com/aws/aws-sdk-go-v2/service/kinesis"
	v2types "github.com/aws/aws-sdk-go-v2/service/kinesis/types"

	gs "github.com/gosmith/gosmith/internal/difftest/kinesisfull"
	gstypes "github.com/gosmith/gosmith/internal/difftest/kinesisfull/types"
)

// kinesis compares Kinesis (awsJson1_1) with aws-sdk-go-v2's
// service/kinesis v1.33.2. No BaseEndpoint: the endpoint rules choose the
// host from the stream, consumer or resource ARN in the input and the
// operation's type (control or data plane).
var kinesis = &service{
	name:           "kinesis",
	model:          "kinesis.json",
	protocol:       awsJSON11,
	wantOperations: 32,
	newGS:          gs.New,
	newV2:          v2.New,
	unions: []unionPair{
		unionMember(&gstypes.SubscribeToShardEventStreamMemberSubscribeToShardEvent{}, &v2types.SubscribeToShardEventStreamMemberSubscribeToShardEvent{}),
	},
	errorTypes: []errorType{
		errorPair(&gstypes.AccessDeniedException{}, &v2types.AccessDeniedException{}),
		errorPair(&gstypes.ExpiredIteratorException{}, &v2types.ExpiredIteratorException{}),
		errorPair(&gstypes.ExpiredNextTokenException{}, &v2types.ExpiredNextTokenException{}),
		errorPair(&gstypes.InternalFailureException{}, &v2types.InternalFailureException{}),
		errorPair(&gstypes.InvalidArgumentException{}, &v2types.InvalidArgumentException{}),
		errorPair(&gstypes.KMSAccessDeniedException{}, &v2types.KMSAccessDeniedException{}),
		errorPair(&gstypes.KMSDisabledException{}, &v2types.KMSDisabledException{}),
		errorPair(&gstypes.KMSInvalidStateException{}, &v2types.KMSInvalidStateException{}),
		errorPair(&gstypes.KMSNotFoundException{}, &v2types.KMSNotFoundException{}),
		errorPair(&gstypes.KMSOptInRequired{}, &v2types.KMSOptInRequired{}),
		errorPair(&gstypes.KMSThrottlingException{}, &v2types.KMSThrottlingException{}),
		errorPair(&gstypes.LimitExceededException{}, &v2types.LimitExceededException{}),
		errorPair(&gstypes.ProvisionedThroughputExceededException{}, &v2types.ProvisionedThroughputExceededException{}),
		errorPair(&gstypes.ResourceInUseException{}, &v2types.ResourceInUseException{}),
		errorPair(&gstypes.ResourceNotFoundException{}, &v2types.ResourceNotFoundException{}),
		errorPair(&gstypes.ValidationException{}, &v2types.ValidationException{}),
	},
}
