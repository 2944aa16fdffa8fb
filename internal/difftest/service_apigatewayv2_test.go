package difftest

import (
	v2 "github.com/aws/aws-sdk-go-v2/service/apigatewayv2"
	v2types "github.com/aws/aws-sdk-go-v2/service/apigatewayv2/types"

	gs "github.com/gosmith/gosmith/internal/difftest/apigatewayv2full"
	gstypes "github.com/gosmith/gosmith/internal/difftest/apigatewayv2full/types"
)

// apiGatewayV2 compares API Gateway V2 (restJson1) with aws-sdk-go-v2's
// service/apigatewayv2 v1.27.1.
var apiGatewayV2 = &service{
	name:           "apigatewayv2",
	model:          "apigatewayv2.json",
	protocol:       restJSON1,
	endpoint:       "https://apigw.example.com/stage%2Fone/v",
	wantOperations: 72,
	newGS:          gs.New,
	newV2:          v2.New,
	errorTypes: []errorType{
		errorPair(&gstypes.AccessDeniedException{}, &v2types.AccessDeniedException{}),
		errorPair(&gstypes.BadRequestException{}, &v2types.BadRequestException{}),
		errorPair(&gstypes.ConflictException{}, &v2types.ConflictException{}),
		errorPair(&gstypes.NotFoundException{}, &v2types.NotFoundException{}),
		errorPair(&gstypes.TooManyRequestsException{}, &v2types.TooManyRequestsException{}),
	},
}
