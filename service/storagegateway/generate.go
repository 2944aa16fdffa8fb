package storagegateway

//go:generate go run ../../codegen -model ../../models/storagegateway.json -out .
