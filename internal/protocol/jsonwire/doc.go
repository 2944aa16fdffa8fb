// Package jsonwire is the JSON codec used by generated clients for the AWS
// JSON protocols (awsJson1_0, awsJson1_1 and restJson1).
//
// The Encoder appends JSON to a byte slice and produces output that is
// byte-identical to github.com/aws/smithy-go/encoding/json for the same
// values, so requests (and their signatures) match those of aws-sdk-go-v2.
//
// The Decoder is a pull parser over an in-memory document or a stream read
// through a buffer (NewReaderDecoder); both decode identically, the stream
// holding only the buffer and what it has decoded. Generated code
// walks objects and arrays in loops (Member, Element), matches keys with a
// switch (or a Keys table for objects with many members) and reads scalars
// straight into typed fields; no reflection, no interface{} values and no
// intermediate trees are involved. Errors are *Error values that carry the byte offset
// and the JSON path (for example $.Items[3].Size) of the failing value.
//
// The timestamp helpers (AppendDateTime, ParseHTTPDate, EpochSecondsTime, ...)
// format and parse the three Smithy timestamp formats as smithy-go does; the
// HTTP-binding protocols use them for headers, query strings and paths too.
package jsonwire
