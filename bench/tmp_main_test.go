package bench
import (
	_ "github.com/aws/aws-sdk-go-v2/service/storagegateway"
	_ "github.com/gosmith/gosmith/service/storagegateway"
)
