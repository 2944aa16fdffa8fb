package restjson

import (
	"net/http"

	"github.com/gosmith/gosmith/internal/protocol/jsonerror"
)

// ErrorInfo finds the code and message of a restJson1 error response as
// aws-sdk-go-v2 does: the code from the X-Amzn-ErrorType header, else the
// body's "code", else its "__type" (keys in any letter case), sanitized to
// the bare shape name ("aws.protocoltests.restjson#FooError:http://..."
// gives FooError), "UnknownError" when none is present; the message from the
// body's "message" in any letter case, else "UnknownError". The generated
// deserializer matches the code to the operation's modeled errors without
// regard to case. A body that is not a JSON object is an error.
func ErrorInfo(header http.Header, body []byte) (code, message string, err error) {
	return jsonerror.Identify(jsonerror.RESTJSON, header, body)
}
