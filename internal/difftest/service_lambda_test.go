package difftest

import (
	v2 "github.com/aws/aws-sdk-go-v2/service/lambda"
	v2types "github.com/aws/aws-sdk-go-v2/service/lambda/types"

	gs "github.com/gosmith/gosmith/internal/difftest/lambdafull"
	gstypes "github.com/gosmith/gosmith/internal/difftest/lambdafull/types"
)

// lambdaService compares Lambda (restJson1) with aws-sdk-go-v2's
// service/lambda v1.71.1.
var lambdaService = &service{
	name:           "lambda",
	model:          "lambda.json",
	protocol:       restJSON1,
	endpoint:       "https://lambda.example.com",
	wantOperations: 68,
	newGS:          gs.New,
	newV2:          v2.New,
	errorTypes: []errorType{
		errorPair(&gstypes.CodeSigningConfigNotFoundException{}, &v2types.CodeSigningConfigNotFoundException{}),
		errorPair(&gstypes.CodeStorageExceededException{}, &v2types.CodeStorageExceededException{}),
		errorPair(&gstypes.CodeVerificationFailedException{}, &v2types.CodeVerificationFailedException{}),
		errorPair(&gstypes.EC2AccessDeniedException{}, &v2types.EC2AccessDeniedException{}),
		errorPair(&gstypes.EC2ThrottledException{}, &v2types.EC2ThrottledException{}),
		errorPair(&gstypes.EC2UnexpectedException{}, &v2types.EC2UnexpectedException{}),
		errorPair(&gstypes.EFSIOException{}, &v2types.EFSIOException{}),
		errorPair(&gstypes.EFSMountConnectivityException{}, &v2types.EFSMountConnectivityException{}),
		errorPair(&gstypes.EFSMountFailureException{}, &v2types.EFSMountFailureException{}),
		errorPair(&gstypes.EFSMountTimeoutException{}, &v2types.EFSMountTimeoutException{}),
		errorPair(&gstypes.ENILimitReachedException{}, &v2types.ENILimitReachedException{}),
		errorPair(&gstypes.InvalidCodeSignatureException{}, &v2types.InvalidCodeSignatureException{}),
		errorPair(&gstypes.InvalidParameterValueException{}, &v2types.InvalidParameterValueException{}),
		errorPair(&gstypes.InvalidRequestContentException{}, &v2types.InvalidRequestContentException{}),
		errorPair(&gstypes.InvalidRuntimeException{}, &v2types.InvalidRuntimeException{}),
		errorPair(&gstypes.InvalidSecurityGroupIDException{}, &v2types.InvalidSecurityGroupIDException{}),
		errorPair(&gstypes.InvalidSubnetIDException{}, &v2types.InvalidSubnetIDException{}),
		errorPair(&gstypes.InvalidZipFileException{}, &v2types.InvalidZipFileException{}),
		errorPair(&gstypes.KMSAccessDeniedException{}, &v2types.KMSAccessDeniedException{}),
		errorPair(&gstypes.KMSDisabledException{}, &v2types.KMSDisabledException{}),
		errorPair(&gstypes.KMSInvalidStateException{}, &v2types.KMSInvalidStateException{}),
		errorPair(&gstypes.KMSNotFoundException{}, &v2types.KMSNotFoundException{}),
		errorPair(&gstypes.PolicyLengthExceededException{}, &v2types.PolicyLengthExceededException{}),
		errorPair(&gstypes.PreconditionFailedException{}, &v2types.PreconditionFailedException{}),
		errorPair(&gstypes.ProvisionedConcurrencyConfigNotFoundException{}, &v2types.ProvisionedConcurrencyConfigNotFoundException{}),
		errorPair(&gstypes.RecursiveInvocationException{}, &v2types.RecursiveInvocationException{}),
		errorPair(&gstypes.RequestTooLargeException{}, &v2types.RequestTooLargeException{}),
		errorPair(&gstypes.ResourceConflictException{}, &v2types.ResourceConflictException{}),
		errorPair(&gstypes.ResourceInUseException{}, &v2types.ResourceInUseException{}),
		errorPair(&gstypes.ResourceNotFoundException{}, &v2types.ResourceNotFoundException{}),
		errorPair(&gstypes.ResourceNotReadyException{}, &v2types.ResourceNotReadyException{}),
		errorPair(&gstypes.ServiceException{}, &v2types.ServiceException{}),
		errorPair(&gstypes.SnapStartException{}, &v2types.SnapStartException{}),
		errorPair(&gstypes.SnapStartNotReadyException{}, &v2types.SnapStartNotReadyException{}),
		errorPair(&gstypes.SnapStartTimeoutException{}, &v2types.SnapStartTimeoutException{}),
		errorPair(&gstypes.SubnetIPAddressLimitReachedException{}, &v2types.SubnetIPAddressLimitReachedException{}),
		errorPair(&gstypes.TooManyRequestsException{}, &v2types.TooManyRequestsException{}),
		errorPair(&gstypes.UnsupportedMediaTypeException{}, &v2types.UnsupportedMediaTypeException{}),
	},
}
