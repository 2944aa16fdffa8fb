package storagegateway_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/gosmith/gosmith/service/storagegateway"
)

// A paginator lists every recovery point of a gateway; here the service is a
// local stand-in that answers with two pages.
func ExampleNewDescribeTapeRecoveryPointsPaginator() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		if string(body) == `{"GatewayARN":"arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-12A3456B"}` {
			io.WriteString(w, `{"TapeRecoveryPointInfos":[{"TapeARN":"tape-1","TapeSizeInBytes":1471550497}],"Marker":"1"}`)
			return
		}
		io.WriteString(w, `{"TapeRecoveryPointInfos":[{"TapeARN":"tape-2","TapeSizeInBytes":107374182400}]}`)
	}))
	defer srv.Close()

	client := storagegateway.New(storagegateway.Options{
		Region:       "us-east-1",
		BaseEndpoint: aws.String(srv.URL),
		Credentials:  aws.AnonymousCredentials{},
	})
	p := storagegateway.NewDescribeTapeRecoveryPointsPaginator(client, &storagegateway.DescribeTapeRecoveryPointsInput{
		GatewayARN: aws.String("arn:aws:storagegateway:us-east-1:111122223333:gateway/sgw-12A3456B"),
	})
	for p.HasMorePages() {
		page, err := p.NextPage(context.Background())
		if err != nil {
			fmt.Println("error:", err)
			return
		}
		for _, rp := range page.TapeRecoveryPointInfos {
			fmt.Println(aws.ToString(rp.TapeARN), aws.ToInt64(rp.TapeSizeInBytes))
		}
	}
	// Output:
	// tape-1 1471550497
	// tape-2 107374182400
}
