package endpoints

import "testing"

// BenchmarkResolveStorageGateway measures the common case: a regional
// endpoint from the Storage Gateway rule set.
func BenchmarkResolveStorageGateway(b *testing.B) {
	raw, _ := loadModelRules(b, "storage-gateway.json", "com.amazonaws.storagegateway#StorageGateway_20130630")
	rs, err := Parse(raw)
	if err != nil {
		b.Fatal(err)
	}
	for _, bc := range []struct {
		name string
		p    Params
	}{
		{"regional", Params{"Region": "us-west-2", "UseFIPS": false, "UseDualStack": false}},
		{"fips-dualstack", Params{"Region": "us-gov-east-1", "UseFIPS": true, "UseDualStack": true}},
		{"regex-region", Params{"Region": "ap-southeast-9", "UseFIPS": false, "UseDualStack": false}},
		{"custom-endpoint", Params{"Region": "us-east-1", "Endpoint": "https://example.com"}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := rs.Resolve(bc.p); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkResolveDynamoDBAccountEndpoint exercises ARN parsing and the
// deeper DynamoDB tree.
func BenchmarkResolveDynamoDBAccountEndpoint(b *testing.B) {
	raw, _ := loadModelRules(b, "dynamodb.json", "com.amazonaws.dynamodb#DynamoDB_20120810")
	rs, err := Parse(raw)
	if err != nil {
		b.Fatal(err)
	}
	p := Params{"Region": "us-east-1", "ResourceArn": "arn:aws:dynamodb:us-east-1:222222222222:table/table_name", "AccountIdEndpointMode": "preferred"}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := rs.Resolve(p); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkResolveParallel checks that concurrent resolution scales (the
// per-call state comes from a pool, not a lock).
func BenchmarkResolveParallel(b *testing.B) {
	raw, _ := loadModelRules(b, "storage-gateway.json", "com.amazonaws.storagegateway#StorageGateway_20130630")
	rs, err := Parse(raw)
	if err != nil {
		b.Fatal(err)
	}
	p := Params{"Region": "eu-west-1", "UseFIPS": true}
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if _, err := rs.Resolve(p); err != nil {
				b.Error(err)
				return
			}
		}
	})
}

// BenchmarkParseStorageGateway measures the one-time compile cost.
func BenchmarkParseStorageGateway(b *testing.B) {
	raw, _ := loadModelRules(b, "storage-gateway.json", "com.amazonaws.storagegateway#StorageGateway_20130630")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(raw); err != nil {
			b.Fatal(err)
		}
	}
}
