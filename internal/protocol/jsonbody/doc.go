// Package jsonbody holds what the JSON protocols (awsJson1_0, awsJson1_1,
// restJson1) share about HTTP bodies: decoding a response body as it
// arrives, error codes and messages of error responses, documents, and
// redacting sensitive members from logged bodies.
package jsonbody
