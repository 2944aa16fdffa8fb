// Package jsonerror identifies the error in an error response of the AWS
// JSON protocols (awsJson1_0, awsJson1_1 and restJson1): its code, from the
// X-Amzn-ErrorType header or the body's "__type" or "code" member, and its
// message, from the body's "message" member.
package jsonerror

import (
	"bytes"
	"net/http"
	"strings"

	"github.com/gosmith/gosmith/internal/protocol/jsonwire"
)

// Protocol selects the rules a protocol reads an error body by. They differ
// in which member names the error first and in how keys are matched.
type Protocol uint8

const (
	// AWSJSON is awsJson1_0 and awsJson1_1: "__type", then "code", keys
	// matched exactly.
	AWSJSON Protocol = iota
	// RESTJSON is restJson1 as aws-sdk-go-v2 reads it with encoding/json:
	// "code", then "__type", keys matched in any letter case.
	RESTJSON
)

// unknown is aws-sdk-go-v2's code and message when a response names none.
const unknown = "UnknownError"

// Identify finds an error response's code and message. The code comes from
// the X-Amzn-ErrorType header, else from the body as p says, sanitized to the
// bare shape name (Sanitize); it is "UnknownError" when none is present (or,
// for restJson1, when the body's code sanitizes to nothing). The
// message is the body's "message" member in any letter case, else
// "UnknownError". A "code" that is not a string is ignored (some services put
// an HTTP status there); a body that is not a JSON object, or whose "__type"
// or "message" is not a string, is an error (a *jsonwire.Error).
func Identify(p Protocol, header http.Header, body []byte) (code, message string, err error) {
	var typ, bodyCode string
	if len(bytes.TrimSpace(body)) != 0 {
		fold := p == RESTJSON
		d := jsonwire.NewDecoder(body)
		err = d.Object(func(d *jsonwire.Decoder, key []byte) error {
			switch {
			case keyIs(key, "__type", fold):
				return d.String(&typ)
			case keyIs(key, "code", fold):
				if raw, err := d.Raw(); err != nil || len(raw) == 0 || raw[0] != '"' {
					return err
				} else {
					return jsonwire.NewDecoder(raw).String(&bodyCode)
				}
			case bytes.EqualFold(key, []byte("message")):
				return d.String(&message)
			default:
				return d.Skip()
			}
		})
		if err == nil {
			err = d.End()
		}
		if err != nil {
			return "", "", err
		}
	}
	if message == "" {
		message = unknown
	}
	if h := header.Get("X-Amzn-ErrorType"); h != "" {
		return Sanitize(h), message, nil
	}
	code = unknown
	switch p {
	case RESTJSON:
		// As aws-sdk-go-v2's restJson deserializers: "code" when not empty,
		// else "__type", sanitized once in restjson.GetErrorInfo and again
		// by the caller, which keeps "UnknownError" when the first pass
		// leaves nothing ("#").
		raw := bodyCode
		if raw == "" {
			raw = typ
		}
		if c := Sanitize(raw); c != "" {
			code = Sanitize(c)
		}
	default:
		if typ != "" {
			code = Sanitize(typ)
		} else if bodyCode != "" {
			code = Sanitize(bodyCode)
		}
	}
	return code, message, nil
}

func keyIs(key []byte, name string, fold bool) bool {
	if fold {
		return bytes.EqualFold(key, []byte(name))
	}
	return string(key) == name
}

// Sanitize strips a suffix ("Code:http://...") and then a namespace
// ("ns#Code") from an error code, as aws-sdk-go-v2's SanitizeErrorCode does:
// what precedes the first ':', then what follows the first '#'.
func Sanitize(code string) string {
	if i := strings.IndexByte(code, ':'); i >= 0 {
		code = code[:i]
	}
	if i := strings.IndexByte(code, '#'); i >= 0 {
		code = code[i+1:]
	}
	return code
}
