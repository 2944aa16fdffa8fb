package goview

import (
	"fmt"
	"sort"
	"strings"

	"github.com/gosmith/gosmith/codegen/model"
)

// Protocol is a service's wire protocol.
type Protocol int

// The protocols the generator knows, in the order it prefers them when a
// service offers several.
const (
	AWSJSON11 Protocol = iota + 1
	AWSJSON10
	RESTJSON1
)

// protocols lists every known protocol in preference order.
var protocols = []Protocol{AWSJSON11, AWSJSON10, RESTJSON1}

// String is the protocol's Smithy name: "awsJson1_1".
func (p Protocol) String() string {
	switch p {
	case AWSJSON11:
		return "awsJson1_1"
	case AWSJSON10:
		return "awsJson1_0"
	case RESTJSON1:
		return "restJson1"
	}
	return fmt.Sprintf("Protocol(%d)", int(p))
}

// Trait is the protocol trait a service carries: "aws.protocols#awsJson1_1".
func (p Protocol) Trait() model.ShapeID { return model.ShapeID("aws.protocols#" + p.String()) }

// HTTPBindings: members travel where their HTTP binding traits put them
// (labels, query, headers, payload); otherwise every member is in the body.
func (p Protocol) HTTPBindings() bool { return p == RESTJSON1 }

// JSONNames: @jsonName renames members on the wire (restJson1 honours it,
// awsJson ignores it).
func (p Protocol) JSONNames() bool { return p == RESTJSON1 }

// Location is where a member travels in an HTTP request or response.
type Location int

// The locations of the HTTP binding traits. Body is the zero value: a
// member of the JSON body, the only location under awsJson.
const (
	LocationBody          Location = iota
	LocationLabel                  // @httpLabel: a {label} of the URI
	LocationGreedyLabel            // @httpLabel bound to {label+}
	LocationQuery                  // @httpQuery
	LocationQueryParams            // @httpQueryParams: a map of query parameters
	LocationHeader                 // @httpHeader
	LocationPrefixHeaders          // @httpPrefixHeaders: a map of headers
	LocationPayload                // @httpPayload: the whole body
	LocationResponseCode           // @httpResponseCode: the HTTP status code
)

var locationNames = [...]string{"body", "label", "greedy label", "query", "query map", "header", "prefix headers", "payload", "response code"}

func (l Location) String() string {
	if int(l) < len(locationNames) {
		return locationNames[l]
	}
	return fmt.Sprintf("Location(%d)", int(l))
}

// HTTPBinding is an operation's @http trait: how a restJson1 request is
// addressed.
type HTTPBinding struct {
	Method string
	URI    string // the pattern as the model writes it
	// Path is the URI pattern's path split into segments: literal text and
	// {label} / {label+} references, in order.
	Path []URISegment
	// Query is the literal query of the URI pattern ("a=b&flag"), or "".
	Query string
	Code  int // the success status code: 200 unless the trait says
}

// URISegment is one part of a URI pattern's path: Literal text (with its
// slashes), or the member bound to a label.
type URISegment struct {
	Literal string
	Label   *Field
	Greedy  bool
}

// protocolOf picks the service's protocol: the first the generator knows,
// in preference order.
func protocolOf(s *model.Shape) (Protocol, error) {
	for _, p := range protocols {
		if s.Traits.Has(p.Trait()) {
			return p, nil
		}
	}
	var found []string
	for id := range s.Traits {
		if id.Namespace() == "aws.protocols" || strings.HasPrefix(id.Name(), "rest") {
			found = append(found, string(id))
		}
	}
	sort.Strings(found)
	return 0, shapeErr(s, "", "unsupported protocol %v: gosmith generates awsJson1_0, awsJson1_1 and restJson1 clients", found)
}

// bindField sets a field's wire name and HTTP location from its member's
// traits under protocol p. HTTP binding traits mean something only on the
// members of an operation's input, output or error; elsewhere every member
// is a body member.
func bindField(p Protocol, f *Field, dir bindDirection) {
	f.WireName = f.Name
	if !p.JSONNames() {
		return
	}
	tr := f.Member.Traits
	if n := tr.JSONName(); n != "" {
		f.WireName = n
	}
	if !p.HTTPBindings() || dir == notBound {
		return
	}
	// A trait that means nothing in this direction (a query parameter on an
	// output, a status code on an input) leaves the member in the body.
	switch {
	case tr.Has(model.TraitHTTPLabel) && dir == boundInput:
		f.Location, f.LocationName = LocationLabel, f.Name
	case tr.Has(model.TraitHTTPQuery) && dir == boundInput:
		f.Location, f.LocationName = LocationQuery, tr.HTTPQuery()
	case tr.Has(model.TraitHTTPQueryParams) && dir == boundInput:
		f.Location = LocationQueryParams
	case tr.Has(model.TraitHTTPHeader):
		f.Location, f.LocationName = LocationHeader, tr.HTTPHeader()
	case tr.Has(model.TraitHTTPPrefixHeader):
		prefix, _ := tr.HTTPPrefixHeaders()
		f.Location, f.LocationName = LocationPrefixHeaders, prefix
	case tr.Has(model.TraitHTTPPayload):
		f.Location = LocationPayload
	case tr.Has(model.TraitHTTPRespCode) && dir == boundOutput:
		f.Location = LocationResponseCode
	}
}

// bindDirection says which HTTP binding traits apply to a structure's
// members: an operation input's, an output's or error's, or none (a
// structure nested in a body).
type bindDirection int

const (
	notBound bindDirection = iota
	boundInput
	boundOutput
)

func directionOf(st *Struct) bindDirection {
	switch {
	case st.Input:
		return boundInput
	case st.Output || st.Error != nil:
		return boundOutput
	}
	return notBound
}

// httpBinding reads an operation's @http trait and binds its URI labels to
// input fields. Every label must name an @httpLabel member and every
// @httpLabel member must appear in the pattern.
func httpBinding(op *model.Shape, in *Struct) (*HTTPBinding, error) {
	h := op.Traits.HTTP()
	if h == nil {
		return nil, shapeErr(op, "", "restJson1 operation has no smithy.api#http trait")
	}
	b := &HTTPBinding{Method: h.Method, URI: h.URI, Code: h.Code}
	if b.Code == 0 {
		b.Code = 200
	}
	path, query, _ := strings.Cut(h.URI, "?")
	b.Query = query
	bound := map[*Field]bool{}
	for rest := path; rest != ""; {
		i := strings.IndexByte(rest, '{')
		if i < 0 {
			b.Path = append(b.Path, URISegment{Literal: rest})
			break
		}
		if i > 0 {
			b.Path = append(b.Path, URISegment{Literal: rest[:i]})
		}
		j := strings.IndexByte(rest[i:], '}')
		if j < 0 {
			return nil, shapeErr(op, "", "http uri %q: unclosed {", h.URI)
		}
		name := rest[i+1 : i+j]
		greedy := strings.HasSuffix(name, "+")
		name = strings.TrimSuffix(name, "+")
		var field *Field
		for _, f := range in.Fields {
			if f.Name == name && f.Location == LocationLabel {
				field = f
			}
		}
		if field == nil {
			return nil, shapeErr(op, "", "http uri %q: label {%s} is not an @httpLabel member of the input", h.URI, name)
		}
		if greedy {
			field.Location = LocationGreedyLabel
		}
		bound[field] = true
		b.Path = append(b.Path, URISegment{Label: field, Greedy: greedy})
		rest = rest[i+j+1:]
	}
	for _, f := range in.Fields {
		if (f.Location == LocationLabel || f.Location == LocationGreedyLabel) && !bound[f] {
			return nil, shapeErr(in.Shape, f.Name, "@httpLabel member is not in the http uri %q", h.URI)
		}
	}
	return b, nil
}

// locationTimestampFormat is the timestamp format of a location when
// neither the member nor its target names one: HTTP dates in headers, RFC
// 3339 in labels and query strings, epoch seconds in JSON bodies.
func locationTimestampFormat(l Location) string {
	switch l {
	case LocationHeader:
		return HTTPDate
	case LocationLabel, LocationGreedyLabel, LocationQuery:
		return DateTime
	}
	return EpochSeconds
}
