package awsjson

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/aws/smithy-go"

	"github.com/gosmith/gosmith/internal/protocol/client"
	"github.com/gosmith/gosmith/internal/protocol/jsonbody"
	"github.com/gosmith/gosmith/internal/protocol/jsonerror"
	"github.com/gosmith/gosmith/internal/protocol/jsonwire"
)

// decodeError turns a non-2xx response into the operation's modeled error
// when its code matches one (case-insensitively, as aws-sdk-go-v2 does), and
// into a *smithy.GenericAPIError otherwise.
func decodeError(svc *Service, header http.Header, body []byte, types []ErrorType) error {
	code, message, err := ErrorInfo(header, body)
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

// ErrorInfo finds an error response's code and message by the awsJson
// rules: the X-Amzn-ErrorType header, else the body's "__type", else its
// "code", sanitized to the bare shape name ("UnknownError" when none is
// present); the message is the body's "message" member in any letter case,
// else "UnknownError", as aws-sdk-go-v2 reports it.
func ErrorInfo(header http.Header, body []byte) (code, message string, err error) {
	return jsonerror.Identify(jsonerror.AWSJSON, header, body)
}
