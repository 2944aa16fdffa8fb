package difftest

import (
	v2 "github.com/aws/aws-sdk-go-v2/service/storagegateway"
	v2types "github.com/aws/aws-sdk-go-v2/service/storagegateway/types"

	gs "github.com/gosmith/gosmith/internal/difftest/sgfull"
	gstypes "github.com/gosmith/gosmith/internal/difftest/sgfull/types"
)

// storageGateway compares Storage Gateway (awsJson1_1) with aws-sdk-go-v2's
// service/storagegateway v1.43.18.
var storageGateway = &service{
	name:           "storagegateway",
	model:          "storage-gateway.json",
	protocol:       awsJSON11,
	endpoint:       "https://sg.example.com",
	wantOperations: 96,
	newGS:          gs.New,
	newV2:          v2.New,
	errorTypes: []errorType{
		errorPair(&gstypes.InternalServerError{}, &v2types.InternalServerError{}),
		errorPair(&gstypes.InvalidGatewayRequestException{}, &v2types.InvalidGatewayRequestException{}),
		errorPair(&gstypes.ServiceUnavailableError{}, &v2types.ServiceUnavailableError{}),
	},
}
