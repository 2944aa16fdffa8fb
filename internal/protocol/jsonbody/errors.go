package jsonbody

import (
	"bytes"
	"net/http"
	"strings"

	"github.com/gosmith/gosmith/internal/protocol/jsonwire"
)

// ErrorInfo finds an error response's code and message. The code comes from
// the X-Amzn-ErrorType header, else the body's "__type", else its "code",
// sanitized to the bare shape name; it is "UnknownError" when none is
// present. The message is the body's "message" member in any letter case,
// else "UnknownError", as aws-sdk-go-v2 reports it.
func ErrorInfo(header http.Header, body []byte) (code, message string, err error) {
	var typ, bodyCode string
	if len(bytes.TrimSpace(body)) != 0 {
		d := jsonwire.NewDecoder(body)
		err = d.Object(func(d *jsonwire.Decoder, key []byte) error {
			switch {
			case string(key) == "__type":
				return d.String(&typ)
			case string(key) == "code":
				// Some services put a number here; only a string names the error.
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
	switch {
	case header.Get("X-Amzn-ErrorType") != "":
		code = header.Get("X-Amzn-ErrorType")
	case typ != "":
		code = typ
	case bodyCode != "":
		code = bodyCode
	default:
		code = "UnknownError"
	}
	code = SanitizeErrorCode(code)
	if message == "" {
		// aws-sdk-go-v2's message when the body carries none.
		message = "UnknownError"
	}
	return code, message, nil
}

// SanitizeErrorCode strips a namespace ("ns#Code") and a suffix
// ("Code:http://...") from an error code.
func SanitizeErrorCode(code string) string {
	if i := strings.IndexByte(code, ':'); i >= 0 {
		code = code[:i]
	}
	if i := strings.IndexByte(code, '#'); i >= 0 {
		code = code[i+1:]
	}
	return code
}
