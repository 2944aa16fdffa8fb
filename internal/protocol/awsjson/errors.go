package awsjson

import (
	"errors"
	"fmt"
	"net/http"
	"reflect"
	"strings"

	"github.com/aws/smithy-go"

	"github.com/gosmith/gosmith/internal/protocol/jsonerror"
	"github.com/gosmith/gosmith/internal/protocol/jsonwire"
)

// snapshotLimit bounds how much of a bad body an error carries.
const snapshotLimit = 1024

// decodeError turns a non-2xx response into the operation's modeled error
// when its code matches one (case-insensitively, as aws-sdk-go-v2 does), and
// into a *smithy.GenericAPIError otherwise.
func decodeError(svc *Service, header http.Header, body []byte, types []ErrorType) error {
	code, message, err := ErrorInfo(header, body)
	if err != nil {
		return &smithy.DeserializationError{
			Err:      fmt.Errorf("failed to decode error response body: %w", err),
			Snapshot: snapshot(body, err),
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
		err := decodeBody(body, func(d *jsonwire.Decoder) error {
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
			setErrorCodeOverride(modeled, queryCode)
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

// snapshot returns the part of body worth showing beside a decode error: the
// bytes around the failure when the decoder knows where it was, else the
// start of the body.
func snapshot(body []byte, err error) []byte {
	var werr *jsonwire.Error
	if errors.As(err, &werr) {
		return []byte(jsonwire.Snapshot(body, werr.Offset))
	}
	if len(body) > snapshotLimit {
		return body[:snapshotLimit]
	}
	return body
}

// setErrorCodeOverride sets the ErrorCodeOverride field every generated
// error type has; reflection keeps that field out of the exported API of the
// runtime, and this runs only on the error path.
func setErrorCodeOverride(err error, code string) {
	v := reflect.ValueOf(err)
	if v.Kind() != reflect.Pointer || v.IsNil() || v.Elem().Kind() != reflect.Struct {
		return
	}
	f := v.Elem().FieldByName("ErrorCodeOverride")
	if f.IsValid() && f.CanSet() && f.Type() == reflect.TypeOf((*string)(nil)) {
		f.Set(reflect.ValueOf(&code))
	}
}
