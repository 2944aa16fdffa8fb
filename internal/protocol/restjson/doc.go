// Package restjson is the runtime of the restJson1 protocol's HTTP
// bindings: what generated serializers and deserializers call to put input
// members in the request path, query string and headers, to read output
// members from response headers, to pick a request's Content-Type and body,
// and to identify the error a response names.
//
// Every function produces the bytes aws-sdk-go-v2 (smithy-go's httpbinding
// encoder) puts on the wire for the same input, and reads what its
// deserializers read. Nothing here uses reflection or interface{} values;
// the generic functions take the member's Go type and a formatter or parser
// for it, so a generated binding is one call per member.
//
// A request is built in this order:
//
//  1. The path: a URI (ParseURI, once per operation) expands its labels
//     onto the endpoint's path with Expand. An unset or empty label is a
//     *LabelError naming the member.
//  2. The query: a Query starts with the endpoint's own query (AddRaw) and
//     the uri's literal one (AddLiteral), takes every @httpQuery member
//     (Add), then the @httpQueryParams map (AddParams, AddParamLists),
//     which skips keys a bound member already set, and is encoded once
//     (Encode).
//  3. The headers: SetHeader, AddHeaderStrings and AddHeaderList for
//     @httpHeader members, then SetPrefixHeaders for @httpPrefixHeaders,
//     which skips headers a bound member already set.
//  4. The body: Body says what the operation sends and which Content-Type.
//
// Values are formatted for all three locations by FormatInt, FormatFloat,
// strconv.FormatBool, FormatDateTime, FormatHTTPDate, FormatEpochSeconds and
// FormatMediaType; response headers are read by Header, HeaderPtr,
// HeaderList and HeaderHTTPDates with the Parse functions, and
// PrefixHeaders. A malformed header value is a *HeaderError naming the
// header.
package restjson
