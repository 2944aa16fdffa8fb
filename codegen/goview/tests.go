package goview

import (
	"encoding/json"
	"fmt"

	"github.com/gosmith/gosmith/codegen/model"
)

// Protocol compliance test traits (smithy.test), read into typed cases the
// protocol-test emitter renders as Go tests.
const (
	traitRequestTests  model.ShapeID = "smithy.test#httpRequestTests"
	traitResponseTests model.ShapeID = "smithy.test#httpResponseTests"
)

// RequestTest is one smithy.test#httpRequestTests case.
type RequestTest struct {
	ID             string            `json:"id"`
	Protocol       string            `json:"protocol"`
	Method         string            `json:"method"`
	URI            string            `json:"uri"`
	Host           string            `json:"host"`
	ResolvedHost   string            `json:"resolvedHost"`
	Headers        map[string]string `json:"headers"`
	ForbidHeaders  []string          `json:"forbidHeaders"`
	RequireHeaders []string          `json:"requireHeaders"`
	QueryParams    []string          `json:"queryParams"`
	ForbidQuery    []string          `json:"forbidQueryParams"`
	RequireQuery   []string          `json:"requireQueryParams"`
	Body           *string           `json:"body"`
	BodyMediaType  string            `json:"bodyMediaType"`
	Params         json.RawMessage   `json:"params"`
	AppliesTo      string            `json:"appliesTo"`
	Documentation  string            `json:"documentation"`
}

// ResponseTest is one smithy.test#httpResponseTests case.
type ResponseTest struct {
	ID            string            `json:"id"`
	Protocol      string            `json:"protocol"`
	Code          int               `json:"code"`
	Headers       map[string]string `json:"headers"`
	Body          *string           `json:"body"`
	BodyMediaType string            `json:"bodyMediaType"`
	Params        json.RawMessage   `json:"params"`
	AppliesTo     string            `json:"appliesTo"`
	Documentation string            `json:"documentation"`
	// VendorParams.Code is the error code callers must see, where a case
	// says so (awsQueryCompatible).
	VendorParams struct {
		Code string `json:"code"`
	} `json:"vendorParams"`
}

// protocolTests reads the test cases on a shape that target the service's
// protocol; cases for other protocols are none of this client's business.
func protocolTests[T interface{ protocol() string }](s *model.Shape, trait model.ShapeID, protocol Protocol) ([]*T, error) {
	if !s.Traits.Has(trait) {
		return nil, nil
	}
	var all []*T
	if err := s.Traits.Decode(trait, &all); err != nil {
		return nil, shapeErr(s, "", "trait %s: %v", trait, err)
	}
	var out []*T
	for _, c := range all {
		if (*c).protocol() == string(protocol.Trait()) {
			out = append(out, c)
		}
	}
	return out, nil
}

func (t RequestTest) protocol() string  { return t.Protocol }
func (t ResponseTest) protocol() string { return t.Protocol }

// attachTests fills the operation's and its errors' protocol tests.
func (b *builder) attachTests(op *Operation, protocol Protocol) error {
	var err error
	if op.RequestTests, err = protocolTests[RequestTest](op.Shape, traitRequestTests, protocol); err != nil {
		return err
	}
	if op.ResponseTests, err = protocolTests[ResponseTest](op.Shape, traitResponseTests, protocol); err != nil {
		return err
	}
	for _, e := range op.Errors {
		if e.ErrorTests != nil {
			continue
		}
		if e.ErrorTests, err = protocolTests[ResponseTest](e.Shape, traitResponseTests, protocol); err != nil {
			return err
		}
		if e.ErrorTests == nil {
			e.ErrorTests = []*ResponseTest{}
		}
	}
	for _, c := range op.RequestTests {
		if c.ID == "" {
			return shapeErr(op.Shape, "", "a request test has no id")
		}
	}
	for _, c := range op.ResponseTests {
		if c.ID == "" {
			return fmt.Errorf("operation %s: a response test has no id", op.Name)
		}
	}
	return nil
}
