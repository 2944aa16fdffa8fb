// Package goview is the generator's Go view of a Smithy model: every shape an
// emitter needs, already carrying its Go name, Go type, pointer rule, wire
// name and documentation. It is built once, between the loader
// (codegen/model) and the emitters (codegen/emit), so emitters never
// re-derive a name or re-resolve a target.
package goview

import (
	"github.com/gosmith/gosmith/codegen/model"
)

// Package is one generated client package.
type Package struct {
	Name       string // Go package name, e.g. "storagegateway"
	ImportPath string // e.g. "github.com/gosmith/gosmith/service/storagegateway"
	TypesPath  string // ImportPath + "/types"
	// RuntimePath is the import path of the runtime packages; a client in
	// another module gets a copy under its own tree (VendorRuntime).
	RuntimePath   string
	VendorRuntime bool
	Service       *Service
	Operations    []*Operation // sorted by Name
	Structs       []*Struct    // structures and unions of the types package, sorted by Name
	Errors        []*Struct    // error structures, sorted by Name
	// OperationErrors are the Errors some operation returns (others only
	// end an event stream), sorted by Name: a protocol binds their codes.
	OperationErrors []*Struct
	Enums           []*Enum // sorted by Name
	// UnknownUnionMember names the type of union members this client does
	// not know ("UnknownUnionMember" unless a shape took that name).
	UnknownUnionMember string
	// HasDocuments: some shape is a document, so a document package is
	// generated beside types.
	HasDocuments bool
	// SensitiveKeys are the JSON names of every @sensitive member (or
	// member targeting a @sensitive shape), sorted: logged bodies redact them.
	SensitiveKeys []string
	// Serialized and Deserialized are the aggregate types (structures, lists,
	// maps) that need a serializer or deserializer function, in a stable order.
	Serialized   []*Type
	Deserialized []*Type
	// Viewed are the aggregates waiters read through the JMESPath runtime:
	// each gets a function returning its JSON-like view (members by their
	// model names).
	Viewed []*Type
	// Fake names the fake package (testkit.go); nil when it is left out.
	Fake *Fake
	// EventStreams are the streaming unions of the operations' inputs and
	// outputs, sorted by name.
	EventStreams []*EventStream
	// UnknownEventMessageError names the error type of messages of an
	// unknown :message-type ("" when no operation has an event stream).
	UnknownEventMessageError string
	// Warnings name what was left out (unsupported operations, paginators)
	// and why.
	Warnings []string

	structs map[*Type]*Struct
}

// Service is the service shape with its protocol facts.
type Service struct {
	Shape          *model.Shape
	SdkID          string // aws.api#service sdkId: "Storage Gateway"
	Protocol       Protocol
	TargetPrefix   string // X-Amz-Target prefix: the service shape's name
	ContentType    string
	SigningName    string
	EndpointPrefix string
	// QueryCompatible: aws.protocols#awsQueryCompatible — requests carry
	// x-amzn-query-mode and error codes may come from x-amzn-query-error.
	QueryCompatible bool
	APIVersion      string
	// Endpoints is the service's endpoint rule set; nil means the regional
	// default https://{EndpointPrefix}.{region}.{dnsSuffix}.
	Endpoints *EndpointRules
	// ClientContextParams are the Options fields bound to rule-set
	// parameters.
	ClientContextParams []*ClientContextParam
	// EndpointDiscovery is the operation that discovers endpoints
	// (aws.api#clientEndpointDiscovery, DescribeEndpoints); nil when the
	// service has none or it is not generated.
	EndpointDiscovery *Operation
	Title             string
	Doc               string
}

// Operation is one client method.
type Operation struct {
	Shape      *model.Shape
	Name       string // Go method name and wire name
	Doc        string
	Deprecated *model.Deprecated
	Input      *Struct // never nil: an operation without input gets an empty one
	Output     *Struct // never nil
	Errors     []*Struct
	Paginator  *Paginator
	// APIClient names the one-method interface paginators and waiters take
	// (aws-sdk-go-v2's XxxAPIClient); empty when the operation has neither.
	APIClient string
	// FakeFunc names the fake client's field answering the operation.
	FakeFunc string
	// RequestTests and ResponseTests are the operation's protocol
	// compliance cases for the service's protocol.
	RequestTests  []*RequestTest
	ResponseTests []*ResponseTest
	// HTTP is the operation's @http binding under a protocol with HTTP
	// bindings; nil otherwise.
	HTTP *HTTPBinding
	// HostPrefix is the @endpoint hostPrefix, e.g. "foo.{label}."; its
	// labels name input members with @hostLabel.
	HostPrefix string
	// IdempotencyToken is the input member filled with a fresh UUID when the
	// caller leaves it nil.
	IdempotencyToken *Field
	// ChecksumRequired: @httpChecksumRequired, requests carry Content-MD5.
	ChecksumRequired bool
	// EndpointBindings set endpoint parameters from the input.
	EndpointBindings []*EndpointBinding
	// Waiters are the operation's smithy.waiters#waitable entries.
	Waiters []*Waiter
	// Compress lists the request encodings (@requestCompression) the
	// client may apply; only "gzip" is supported.
	Compress []string
	// EventStream is the operation's event stream: its output's, its
	// input's, or both; nil when it has none.
	EventStream *OperationEventStream
	// DiscoveredEndpoint: aws.api#clientDiscoveredEndpoint, the operation
	// may (or, Required, must) go to an endpoint the service discovers.
	DiscoveredEndpoint *DiscoveredEndpoint
	// NoAuth: the operation's @auth is empty, so its requests go unsigned
	// (Cognito's sign-in operations, for instance).
	NoAuth bool
}

// DiscoveredEndpoint is an operation's aws.api#clientDiscoveredEndpoint.
type DiscoveredEndpoint struct {
	Required bool
}

// Paginator is an operation's @paginated trait resolved to fields.
type Paginator struct {
	InputToken  *Field   // member of the input
	OutputToken []*Field // path through the output
	Items       []*Field // path through the output; nil when not modeled
	PageSize    *Field   // member of the input; nil when not modeled
}

// Struct is a structure, union or error shape rendered as a Go struct.
type Struct struct {
	Shape   *model.Shape
	Type    *Type  // the Type members refer to it by
	Name    string // Go type name
	InTypes bool   // declared in the types package (not an operation input/output)
	// Unit: an operation input or output the model does not have
	// (smithy.api#Unit); aws-sdk-go-v2 discards such a response body unread.
	Unit bool
	Doc  string
	// Fields in declaration order: required members first, then the rest,
	// each group sorted by member name (aws-sdk-go-v2's order); for an
	// error, the model's member order (v2's order there).
	Fields []*Field
	// WireFields are the same fields sorted by member name, ignoring case:
	// the order aws-sdk-go-v2 writes them on the wire.
	WireFields []*Field
	// BodyFields are the WireFields that travel in the JSON body: all of
	// them but those an HTTP binding trait puts elsewhere.
	BodyFields []*Field
	// ModelFields are the same fields in the model's member order, the
	// order aws-sdk-go-v2 reports missing required members in.
	ModelFields []*Field
	Input       bool // an operation's input: gets ResultMetadata-free validation
	Output      bool // an operation's output: gets ResultMetadata
	// EventStreamMember is an input's or output's member that targets an
	// event stream; it is not among the Fields (see Operation.EventStream).
	EventStreamMember *Field
	// Union: the struct is a union, rendered as an interface Name with one
	// struct per member (Name + "Member" + field GoName) holding Value.
	Union      bool
	Error      *ErrorInfo
	Deprecated *model.Deprecated
	// ErrorTests are an error structure's protocol compliance cases.
	ErrorTests []*ResponseTest
}

// ErrorInfo describes an error structure.
type ErrorInfo struct {
	Code  string // the code on the wire: the shape's name
	Fault string // "client" or "server"
}

// Field is a structure member.
type Field struct {
	Member *model.Member
	Name   string // member name
	GoName string
	// WireName is the member's key in a JSON body: its name, or its
	// @jsonName under a protocol that honours it.
	WireName string
	// Location is where the member travels in an operation's HTTP request
	// or response (body unless an HTTP binding trait says otherwise, and
	// always body under awsJson); LocationName is the header name, query
	// key, header prefix or label it is bound to.
	Location     Location
	LocationName string
	Type         *Type
	Pointer      bool // the Go field is *T
	Required     bool
	// OmitZero: a value field with a zero @default that is not required is
	// left out of the request when it holds the zero value.
	OmitZero   bool
	Doc        string
	Deprecated *model.Deprecated
	Sensitive  bool
	// MediaType is the @mediaType of the member or its target, or "".
	MediaType string
	// TimestampFormat is the member's @timestampFormat, else its target's,
	// else epoch-seconds (the awsJson default); empty for other kinds.
	TimestampFormat string
	// Stream is set on the @streaming blob payload of an input or output.
	Stream Stream
	// UnionMember names the struct carrying this member of a union.
	UnionMember string
}

// Enum is a string enum (enum shape or 1.0 @enum string) or an intEnum.
type Enum struct {
	Shape  *model.Shape
	Name   string
	Int    bool // intEnum: int32 values
	Doc    string
	Values []*EnumValue // in model order
}

// EnumValue is one constant.
type EnumValue struct {
	GoName string // full constant name, e.g. "ErrorCodeGatewayNotFound"
	Value  string // string value, or the decimal integer for intEnum
	Doc    string
}

// Stream says how a @streaming blob member is held: an input's as an
// io.Reader the client sends as it reads, an output's as the response
// body's io.ReadCloser, which the caller reads and closes (aws-sdk-go-v2's
// types).
type Stream int

// The kinds of streaming member.
const (
	NotStreaming Stream = iota
	StreamIn
	StreamOut
)
