package awsjson

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/aws/smithy-go"

	"github.com/gosmith/gosmith/internal/protocol/client"
	"github.com/gosmith/gosmith/internal/protocol/jsonbody"
	"github.com/gosmith/gosmith/internal/protocol/jsonwire"
)

// decodeError turns a non-2xx response into the operation's modeled error
// when its code matches one (case-insensitively, as aws-sdk-go-v2 does), and
// into a *smithy.GenericAPIError otherwise.
func decodeError(svc *Service, header http.Header, body []byte, types []ErrorType) error {
	code, message, err := jsonbody.ErrorInfo(header, body)
	if err != nil {
		return &smithy.DeserializationError{
			Err:      fmt.Errorf("failed to decode error response body: %w", err),
			Snapshot: jsonbody.Snapshot(body, err),
		}
	}
	queryCode := ""
	if svc.QueryCompatible {
		// "Code;Fault": the code the service exposed under awsQuery.
		if q := header.Get("X-Amzn-Query-Error"); q != "" {
			queryCode, _, _ = strings.Cut(q, ";")
		}
	}
	for _, t := range types {
		if !strings.EqualFold(t.Code, code) {
			continue
		}
		var modeled error
		err := jsonbody.DecodeBody(body, func(d *jsonwire.Decoder) error {
			var err error
			modeled, err = t.Decode(d)
			return err
		})
		if err != nil {
			return err
		}
		if modeled == nil {
			// Empty body: the modeled error without members.
			modeled, _ = t.Decode(jsonwire.NewDecoder([]byte("{}")))
		}
		if queryCode != "" {
			client.SetErrorCodeOverride(modeled, queryCode)
		}
		return modeled
	}
	if queryCode != "" {
		code = queryCode
	}
	return &smithy.GenericAPIError{Code: code, Message: message}
}
