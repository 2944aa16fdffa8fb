// Package difftest compares gosmith's generated clients with
// aws-sdk-go-v2's, service by service and operation by operation: Storage
// Gateway (awsJson1_1), Lambda and API Gateway V2 (restJson1); see
// README.md.
package difftest
