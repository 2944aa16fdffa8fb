package goview

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"path"
	"sort"
	"strings"

	"github.com/gosmith/gosmith/codegen/model"
)

// Config chooses what to generate from a model.
type Config struct {
	// Service is the service shape to generate; empty selects the model's
	// only service.
	Service model.ShapeID
	// Package is the Go package name; empty derives it from the SDK ID.
	Package string
	// ImportPath is the generated package's import path (the types package
	// lives below it).
	ImportPath string
	// Operations limits generation to these operation names; empty means all.
	Operations []string
	// RuntimePath is where the generated code imports the runtime from;
	// empty means this module's internal/protocol. VendorRuntime asks for a
	// copy of the runtime to be written beside the client at RuntimePath.
	RuntimePath   string
	VendorRuntime bool
	// OmitFake leaves the fake package (testkit.go) out.
	OmitFake bool
	// Strict turns every warning (an unsupported operation left out) into an
	// error.
	Strict bool
}

// DefaultRuntimePath is this module's runtime, which generated clients
// inside the module import directly.
const DefaultRuntimePath = "github.com/gosmith/gosmith/internal/protocol"

// Service trait IDs the generator understands.
const (
	traitAWSService model.ShapeID = "aws.api#service"
	traitSigV4      model.ShapeID = "aws.auth#sigv4"
)

// builder carries the state of one Build: the caches that make every shape
// map to exactly one Type, Struct or Enum.
type builder struct {
	m        *model.Model
	pkg      *Package
	types    map[model.ShapeID]*Type
	structs  map[*Type]*Struct
	enums    map[model.ShapeID]*Enum
	ser, des map[*Type]bool
	// viewed are the aggregates waiters read through the JMESPath runtime.
	viewed map[*Type]bool
	// documents records that some shape the package uses is a document.
	documents bool
	// svc is the service shape being generated (its rename map names shapes).
	svc *model.Shape
	// resolving marks lists and maps whose element type is being resolved,
	// to reject a collection that contains itself without a structure between.
	resolving map[model.ShapeID]bool
	// eventStreams holds each streaming union once resolved, by its Type.
	eventStreams map[*Type]*EventStream
}

// Build resolves the Go view of one service of m.
func Build(m *model.Model, cfg Config) (*Package, error) {
	svcShape, err := pickService(m, cfg.Service)
	if err != nil {
		return nil, err
	}
	b := &builder{
		m:            m,
		types:        map[model.ShapeID]*Type{},
		structs:      map[*Type]*Struct{},
		enums:        map[model.ShapeID]*Enum{},
		ser:          map[*Type]bool{},
		des:          map[*Type]bool{},
		viewed:       map[*Type]bool{},
		eventStreams: map[*Type]*EventStream{},
	}
	b.svc = svcShape
	svc, err := b.service(svcShape)
	if err != nil {
		return nil, err
	}
	name := cfg.Package
	if name == "" {
		name = packageName(svc.SdkID)
	}
	if name == "" {
		return nil, shapeErr(svcShape, "", "cannot derive a Go package name from sdkId %q; pass -package", svc.SdkID)
	}
	if err := CheckPackageName(name); err != nil {
		return nil, shapeErr(svcShape, "", "%v; pass -package", err)
	}
	b.pkg = &Package{Name: name, ImportPath: cfg.ImportPath, TypesPath: path.Join(cfg.ImportPath, "types"), Service: svc,
		RuntimePath: cfg.RuntimePath, VendorRuntime: cfg.VendorRuntime}
	if b.pkg.RuntimePath == "" {
		b.pkg.RuntimePath = DefaultRuntimePath
	}

	ops, err := m.ServiceOperations(svcShape.ID)
	if err != nil {
		return nil, err
	}
	ops, err = selectOperations(svcShape, ops, cfg.Operations)
	if err != nil {
		return nil, err
	}
	for _, opShape := range ops {
		if reason := unsupported(m, opShape, svc.Protocol); reason != "" {
			msg := fmt.Sprintf("operation %s skipped: %s", opShape.ID.Name(), reason)
			if cfg.Strict {
				return nil, shapeErr(opShape, "", "%s", reason)
			}
			b.pkg.Warnings = append(b.pkg.Warnings, msg)
			continue
		}
		op, err := b.operation(svcShape, opShape)
		if err != nil {
			return nil, err
		}
		b.pkg.Operations = append(b.pkg.Operations, op)
	}
	sort.Slice(b.pkg.Operations, func(i, j int) bool { return b.pkg.Operations[i].Name < b.pkg.Operations[j].Name })
	if err := b.endpointDiscovery(svcShape); err != nil {
		return nil, err
	}
	if cfg.Strict && len(b.pkg.Warnings) > 0 {
		return nil, shapeErr(svcShape, "", "-strict: %s", strings.Join(b.pkg.Warnings, "; "))
	}
	b.collect()
	if err := b.resolveNames(); err != nil {
		return nil, err
	}
	b.resolveFake(cfg.OmitFake)
	return b.pkg, nil
}

func pickService(m *model.Model, id model.ShapeID) (*model.Shape, error) {
	services := m.Services()
	if id != "" {
		s, ok := m.Shape(id)
		if !ok || s.Type != model.TypeService {
			return nil, fmt.Errorf("service %s not found in the model (services: %s)", id, serviceList(services))
		}
		return s, nil
	}
	switch len(services) {
	case 0:
		return nil, fmt.Errorf("the model has no service shape")
	case 1:
		return services[0], nil
	}
	return nil, fmt.Errorf("the model has %d services; choose one with -service (%s)", len(services), serviceList(services))
}

func serviceList(services []*model.Shape) string {
	names := make([]string, len(services))
	for i, s := range services {
		names[i] = string(s.ID)
	}
	return strings.Join(names, ", ")
}

func (b *builder) service(s *model.Shape) (*Service, error) {
	svc := &Service{
		Shape:        s,
		TargetPrefix: s.ID.Name(),
		APIVersion:   s.Version,
		Title:        s.Traits.Title(),
		Doc:          s.Traits.Documentation(),
	}
	p, err := protocolOf(s)
	if err != nil {
		return nil, err
	}
	svc.Protocol = p
	switch p {
	case AWSJSON11:
		svc.ContentType = "application/x-amz-json-1.1"
	case AWSJSON10:
		svc.ContentType = "application/x-amz-json-1.0"
	}
	var info struct {
		SdkID          string `json:"sdkId"`
		EndpointPrefix string `json:"endpointPrefix"`
	}
	if s.Traits.Has(traitAWSService) {
		if err := s.Traits.Decode(traitAWSService, &info); err != nil {
			return nil, shapeErr(s, "", "trait aws.api#service: %v", err)
		}
	}
	svc.SdkID = info.SdkID
	if svc.SdkID == "" {
		svc.SdkID = s.ID.Name()
	}
	svc.EndpointPrefix = info.EndpointPrefix
	if svc.EndpointPrefix == "" {
		svc.EndpointPrefix = strings.ToLower(packageName(svc.SdkID))
	}
	var sig struct {
		Name string `json:"name"`
	}
	if s.Traits.Has(traitSigV4) {
		if err := s.Traits.Decode(traitSigV4, &sig); err != nil {
			return nil, shapeErr(s, "", "trait aws.auth#sigv4: %v", err)
		}
	}
	svc.SigningName = sig.Name
	svc.QueryCompatible = s.Traits.Has("aws.protocols#awsQueryCompatible")
	rules, err := endpointRules(s)
	if err != nil {
		return nil, err
	}
	svc.Endpoints = rules
	if svc.ClientContextParams, err = clientContextParams(s, rules); err != nil {
		return nil, err
	}
	if svc.SigningName == "" {
		svc.SigningName = svc.EndpointPrefix
	}
	return svc, nil
}

// unsupported says why an operation cannot be generated yet, or "".
// Streaming blobs are supported where they can be: as the @httpPayload of
// a protocol with HTTP bindings. Event streams (streaming unions) are, but
// for input ones over awsJson, whose initial-request message no service
// uses.
func unsupported(m *model.Model, op *model.Shape, p Protocol) string {
	for i, id := range []model.ShapeID{op.Input, op.Output} {
		s, ok := m.Shape(id)
		if !ok {
			continue
		}
		for _, mem := range s.Members {
			t, ok := m.Shape(mem.Target)
			if !ok || !(t.Traits.Streaming() || mem.Traits.Streaming()) {
				continue
			}
			input := i == 0
			switch {
			case isEventStream(t) && input && !p.HTTPBindings():
				return fmt.Sprintf("member %s targets event stream %s: input event streams over %s are not supported", mem.Name, t.ID, p)
			case isEventStream(t) && p.HTTPBindings() && !mem.Traits.Has(model.TraitHTTPPayload):
				return fmt.Sprintf("member %s targets event stream %s but is not the @httpPayload", mem.Name, t.ID)
			case isEventStream(t):
				continue
			case t.Type != model.TypeBlob:
				return fmt.Sprintf("member %s targets streaming %s %s, which only a blob or union can be", mem.Name, t.Type, t.ID)
			case !p.HTTPBindings():
				return fmt.Sprintf("member %s targets streaming blob %s, which %s cannot carry", mem.Name, t.ID, p)
			case !mem.Traits.Has(model.TraitHTTPPayload):
				return fmt.Sprintf("member %s targets streaming blob %s but is not the @httpPayload", mem.Name, t.ID)
			}
		}
	}
	return ""
}

func (b *builder) operation(svc, s *model.Shape) (*Operation, error) {
	op := &Operation{
		Shape:      s,
		Name:       exportedName(s.ID.Name()),
		Doc:        s.Traits.Documentation(),
		Deprecated: s.Traits.Deprecated(),
	}
	var err error
	if op.Input, err = b.ioStruct(s, s.Input, op.Name+"Input", true); err != nil {
		return nil, err
	}
	if op.Output, err = b.ioStruct(s, s.Output, op.Name+"Output", false); err != nil {
		return nil, err
	}
	if err := b.operationEventStream(op); err != nil {
		return nil, err
	}
	errs := append(append([]model.ShapeID{}, s.Errors...), svc.Errors...)
	seen := map[model.ShapeID]bool{}
	for _, id := range errs {
		if seen[id] {
			continue
		}
		seen[id] = true
		st, err := b.structOf(id)
		if err != nil {
			return nil, err
		}
		if st.Error == nil {
			return nil, shapeErr(s, "", "error %s lacks the smithy.api#error trait", id)
		}
		b.markDes(b.types[id])
		op.Errors = append(op.Errors, st)
	}
	sort.Slice(op.Errors, func(i, j int) bool { return op.Errors[i].Name < op.Errors[j].Name })
	if err := b.operationTraits(op); err != nil {
		return nil, err
	}
	if b.pkg.Service.Protocol.HTTPBindings() {
		if op.HTTP, err = httpBinding(s, op.Input); err != nil {
			return nil, err
		}
	}
	if op.EndpointBindings, err = b.endpointBindings(op); err != nil {
		return nil, err
	}
	if err := b.attachTests(op, b.pkg.Service.Protocol); err != nil {
		return nil, err
	}
	waiters, warnings, err := b.waiters(op)
	if err != nil {
		return nil, err
	}
	op.Waiters = waiters
	b.pkg.Warnings = append(b.pkg.Warnings, warnings...)
	if p := b.m.OperationPaginated(svc.ID, s.ID); p != nil {
		pg, err := b.paginator(op, p)
		if err != nil {
			return nil, shapeErr(s, "", "paginated: %v", err)
		}
		op.Paginator = pg
	}
	return op, nil
}

// endpointDiscovery finds the service's endpoint discovery operation among
// those generated; without it (-ops left it out), operations go to the
// endpoint the rules give, with a warning where discovery is required.
func (b *builder) endpointDiscovery(s *model.Shape) error {
	const trait = "aws.api#clientEndpointDiscovery"
	if !s.Traits.Has(trait) {
		return nil
	}
	var d struct {
		Operation model.ShapeID `json:"operation"`
	}
	if err := s.Traits.Decode(trait, &d); err != nil {
		return shapeErr(s, "", "trait %s: %v", trait, err)
	}
	for _, op := range b.pkg.Operations {
		if op.Shape.ID == d.Operation {
			b.pkg.Service.EndpointDiscovery = op
			return nil
		}
	}
	for _, op := range b.pkg.Operations {
		if op.DiscoveredEndpoint != nil && op.DiscoveredEndpoint.Required {
			b.pkg.Warnings = append(b.pkg.Warnings, fmt.Sprintf("endpoint discovery left out: its operation %s is not generated", d.Operation.Name()))
			break
		}
	}
	for _, op := range b.pkg.Operations {
		op.DiscoveredEndpoint = nil
	}
	return nil
}

// operationTraits resolves @endpoint host prefixes, idempotency tokens and
// @requestCompression.
func (b *builder) operationTraits(op *Operation) error {
	s := op.Shape
	if ep := s.Traits.Endpoint(); ep != nil {
		op.HostPrefix = ep.HostPrefix
		for rest := ep.HostPrefix; ; {
			i := strings.IndexByte(rest, '{')
			if i < 0 {
				break
			}
			j := strings.IndexByte(rest[i:], '}')
			if j < 0 {
				return shapeErr(s, "", "endpoint hostPrefix %q has an unclosed label", ep.HostPrefix)
			}
			label := rest[i+1 : i+j]
			f, err := fieldPath(op.Input, label, "hostPrefix label")
			if err != nil {
				return shapeErr(s, "", "%v", err)
			}
			if !f.Member.Traits.HostLabel() || f.Type.Kind != KindString {
				return shapeErr(s, "", "hostPrefix label %q must name a string input member with @hostLabel", label)
			}
			rest = rest[i+j+1:]
		}
	}
	for _, f := range op.Input.Fields {
		if f.Member.Traits.IdempotencyToken() && f.Type.Kind == KindString && f.Pointer {
			op.IdempotencyToken = f
		}
	}
	op.ChecksumRequired = s.Traits.Has("smithy.api#httpChecksumRequired")
	if s.Traits.Has("smithy.api#auth") {
		var schemes []string
		if err := s.Traits.Decode("smithy.api#auth", &schemes); err != nil {
			return shapeErr(s, "", "trait smithy.api#auth: %v", err)
		}
		op.NoAuth = len(schemes) == 0
	}
	if s.Traits.Has("aws.api#clientDiscoveredEndpoint") {
		var d DiscoveredEndpoint
		var raw struct {
			Required bool `json:"required"`
		}
		if err := s.Traits.Decode("aws.api#clientDiscoveredEndpoint", &raw); err != nil {
			return shapeErr(s, "", "trait aws.api#clientDiscoveredEndpoint: %v", err)
		}
		d.Required = raw.Required
		op.DiscoveredEndpoint = &d
	}
	if s.Traits.Has("smithy.api#requestCompression") {
		var rc struct {
			Encodings []string `json:"encodings"`
		}
		if err := s.Traits.Decode("smithy.api#requestCompression", &rc); err != nil {
			return shapeErr(s, "", "trait smithy.api#requestCompression: %v", err)
		}
		op.Compress = rc.Encodings
	}
	return nil
}

// ioStruct builds an operation's input or output struct under the name
// aws-sdk-go-v2 gives it, whatever the shape is called.
func (b *builder) ioStruct(op *model.Shape, id model.ShapeID, name string, input bool) (*Struct, error) {
	// Inputs and outputs are copies of their shapes, as in aws-sdk-go-v2: a
	// member elsewhere that targets the same shape gets the types-package
	// struct, never the client package's XxxInput.
	st := &Struct{Name: name, Input: input, Output: !input}
	if id == "" || id == "smithy.api#Unit" {
		st.Unit = true
		st.Shape = &model.Shape{ID: op.ID + model.ShapeID(strings.TrimPrefix(name, op.ID.Name())), Type: model.TypeStructure}
		t := &Type{Kind: KindStruct, Shape: st.Shape, Name: name, CodecName: "Op" + name}
		st.Type = t
		b.structs[t] = st
		b.mark(t, input)
		return st, nil
	}
	s, ok := b.m.Shape(id)
	if !ok || s.Type != model.TypeStructure {
		return nil, shapeErr(op, "", "input/output %s is not a structure", id)
	}
	st.Shape = s
	st.Doc = s.Traits.Documentation()
	t := &Type{Kind: KindStruct, Shape: s, Name: name, CodecName: "Op" + name}
	st.Type = t
	b.structs[t] = st
	if err := b.fields(st); err != nil {
		return nil, err
	}
	b.mark(t, input)
	return st, nil
}

func (b *builder) mark(t *Type, input bool) {
	if input {
		b.markSer(t)
	} else {
		b.markDes(t)
	}
}

// markSer and markDes record every aggregate reachable from t as needing a
// serializer or deserializer function.
func (b *builder) markSer(t *Type) { walkAggregates(t, b.ser, b.structs) }
func (b *builder) markDes(t *Type) { walkAggregates(t, b.des, b.structs) }

func walkAggregates(t *Type, seen map[*Type]bool, structs map[*Type]*Struct) {
	if t == nil || !t.IsAggregate() || seen[t] {
		return
	}
	seen[t] = true
	switch t.Kind {
	case KindList, KindMap:
		walkAggregates(t.Elem, seen, structs)
	case KindStruct, KindUnion:
		for _, f := range structs[t].Fields {
			walkAggregates(f.Type, seen, structs)
		}
	}
}

// structOf returns the Struct of a types-package structure, building it (and
// everything it refers to) the first time.
func (b *builder) structOf(id model.ShapeID) (*Struct, error) {
	t, err := b.typeOf(id, nil)
	if err != nil {
		return nil, err
	}
	st, ok := b.structs[t]
	if !ok {
		return nil, fmt.Errorf("shape %s is not a structure", id)
	}
	return st, nil
}

func (b *builder) resolvingCollection(id model.ShapeID, on bool) {
	if b.resolving == nil {
		b.resolving = map[model.ShapeID]bool{}
	}
	if on {
		b.resolving[id] = true
	} else {
		delete(b.resolving, id)
	}
}

// shapeName is a shape's Go name: the service's rename, else its own name.
func (b *builder) shapeName(s *model.Shape) string {
	if r, ok := b.svc.Rename[s.ID]; ok {
		return exportedName(r)
	}
	return exportedName(s.ID.Name())
}

// typeOf resolves the Go type of a shape, once. from names the member being
// resolved, for error messages.
func (b *builder) typeOf(id model.ShapeID, from *model.Member) (*Type, error) {
	if t, ok := b.types[id]; ok {
		if b.resolving[id] {
			// A list or map reached itself again with no structure or union
			// between: no Go type can hold it.
			s := t.Shape
			return nil, shapeErr(s, "", "%s %s contains itself without a structure or union in between", s.Type, s.ID)
		}
		return t, nil
	}
	s, ok := b.m.Shape(id)
	if !ok {
		if from != nil {
			return nil, fmt.Errorf("shape %s member %s: target %s not found", from.Container, from.Name, id)
		}
		return nil, fmt.Errorf("shape %s not found", id)
	}
	name := b.shapeName(s)
	t := &Type{Shape: s, Name: name, CodecName: name}
	if s.Type == model.TypeTimestamp {
		// Only an explicit format: the default depends on where a member
		// travels (see locationTimestampFormat).
		t.TimestampFormat = s.Traits.TimestampFormat()
	}
	switch s.Type {
	case model.TypeString:
		t.Kind = KindString
		if len(s.Traits.EnumDefinitions()) > 0 {
			t.Kind = KindEnum
		}
	case model.TypeEnum:
		t.Kind = KindEnum
	case model.TypeIntEnum:
		t.Kind = KindIntEnum
	case model.TypeBoolean:
		t.Kind = KindBool
	case model.TypeByte:
		t.Kind = KindInt8
	case model.TypeShort:
		t.Kind = KindInt16
	case model.TypeInteger:
		t.Kind = KindInt32
	case model.TypeLong:
		t.Kind = KindInt64
	case model.TypeFloat:
		t.Kind = KindFloat32
	case model.TypeDouble:
		t.Kind = KindFloat64
	case model.TypeTimestamp:
		t.Kind = KindTimestamp
	case model.TypeBlob:
		t.Kind = KindBlob
	case model.TypeList, model.TypeSet:
		t.Kind = KindList
		t.Sparse = s.Traits.Sparse()
	case model.TypeMap:
		t.Kind = KindMap
		t.Sparse = s.Traits.Sparse()
	case model.TypeStructure:
		t.Kind = KindStruct
	case model.TypeUnion:
		t.Kind = KindUnion
	case model.TypeDocument:
		t.Kind = KindDocument
		// Wherever it is reached from (a member, a list, a map, a union),
		// a document needs the document package.
		b.documents = true
	default:
		return nil, shapeErr(s, "", "shape type %s is not supported by the awsJson generator yet", s.Type)
	}
	b.types[id] = t // before recursing, so recursive shapes terminate
	switch t.Kind {
	case KindEnum, KindIntEnum:
		e, err := enumOf(s, t)
		if err != nil {
			delete(b.types, id)
			return nil, err
		}
		b.enums[id] = e
	case KindList:
		b.resolvingCollection(id, true)
		elem, err := b.typeOf(s.Member.Target, s.Member)
		b.resolvingCollection(id, false)
		if err != nil {
			delete(b.types, id)
			return nil, err
		}
		t.Elem = elem
	case KindMap:
		key, err := b.typeOf(s.Key.Target, s.Key)
		if err != nil {
			delete(b.types, id)
			return nil, err
		}
		if key.Kind != KindString && key.Kind != KindEnum {
			delete(b.types, id)
			return nil, shapeErr(s, "key", "map keys must target a string shape, not %s", key.Shape.Type)
		}
		b.resolvingCollection(id, true)
		elem, err := b.typeOf(s.Value.Target, s.Value)
		b.resolvingCollection(id, false)
		if err != nil {
			delete(b.types, id)
			return nil, err
		}
		t.Elem = elem
	case KindStruct, KindUnion:
		st := &Struct{Shape: s, Type: t, Name: t.Name, InTypes: true, Union: t.Kind == KindUnion, Doc: s.Traits.Documentation(), Deprecated: s.Traits.Deprecated()}
		if kind := s.Traits.ErrorKind(); kind != "" {
			st.Error = &ErrorInfo{Code: s.ID.Name(), Fault: kind}
		}
		b.structs[t] = st
		// A structure or union breaks a collection cycle: its members may
		// lead back to lists and maps being resolved.
		saved := b.resolving
		b.resolving = nil
		err := b.fields(st)
		b.resolving = saved
		if err != nil {
			delete(b.types, id)
			delete(b.structs, t)
			return nil, err
		}
	}
	return t, nil
}

func (b *builder) fields(st *Struct) error {
	for _, mem := range st.Shape.Members {
		t, err := b.typeOf(mem.Target, mem)
		if err != nil {
			var merr *model.Error
			if errors.As(err, &merr) && merr.Shape != st.Shape.ID && !model.IsPrelude(st.Shape.ID) {
				return shapeErr(st.Shape, mem.Name, "%v", err)
			}
			return err
		}
		if (st.Input || st.Output) && isEventStream(t.Shape) {
			// Reached through the output's GetStream, never a field.
			st.EventStreamMember = &Field{Member: mem, Name: mem.Name, GoName: exportedName(mem.Name), Type: t, Doc: mem.Traits.Documentation()}
			continue
		}
		f := &Field{
			Member:     mem,
			Name:       mem.Name,
			GoName:     exportedName(mem.Name),
			Type:       t,
			Required:   mem.Traits.Required(),
			Doc:        mem.Traits.Documentation(),
			Deprecated: mem.Traits.Deprecated(),
			Sensitive:  mem.Traits.Sensitive() || t.Shape.Traits.Sensitive(),
			MediaType:  firstNonEmpty(mem.Traits.MediaType(), t.Shape.Traits.MediaType()),
		}
		bindField(b.pkg.Service.Protocol, f, directionOf(st))
		if st.Error != nil && errorMethodNames[f.GoName] || st.Output && outputReservedNames[f.GoName] {
			f.GoName += "_"
		}
		zeroDefault := hasZeroDefault(mem)
		f.Pointer = t.Nillable() && !(zeroDefault && isScalarNumberOrBool(t.Kind)) && !st.Union
		if t.Kind == KindBlob && (t.Shape.Traits.Streaming() || mem.Traits.Streaming()) {
			switch {
			case st.Input:
				f.Stream = StreamIn
			case st.Output:
				f.Stream = StreamOut
			default:
				return shapeErr(st.Shape, mem.Name, "streaming blob outside an operation's input or output")
			}
		}
		f.OmitZero = !f.Pointer && zeroDefault && !f.Required && isScalarNumberOrBool(t.Kind)
		if f.Doc == "" {
			f.Doc = t.Shape.Traits.Documentation()
		}
		if t.Kind == KindTimestamp || t.Kind == KindList && t.Elem != nil && t.Elem.Kind == KindTimestamp {
			f.TimestampFormat = firstNonEmpty(mem.Traits.TimestampFormat(), t.TimestampFormat, locationTimestampFormat(f.Location))
			if t.Kind == KindList {
				f.TimestampFormat = firstNonEmpty(mem.Traits.TimestampFormat(), t.Elem.TimestampFormat, locationTimestampFormat(f.Location))
			}
		}
		st.Fields = append(st.Fields, f)
	}
	for _, f := range st.Fields {
		for _, g := range st.Fields {
			if f != g && f.GoName == g.GoName {
				return shapeErr(st.Shape, f.Name, "members %q and %q both become Go field %s", f.Name, g.Name, f.GoName)
			}
		}
	}
	st.ModelFields = append([]*Field(nil), st.Fields...)
	st.WireFields = append([]*Field(nil), st.Fields...)
	// aws-sdk-go-v2 writes members in case-insensitive name order.
	sort.SliceStable(st.WireFields, func(i, j int) bool {
		a, c := strings.ToLower(st.WireFields[i].Name), strings.ToLower(st.WireFields[j].Name)
		if a != c {
			return a < c
		}
		return st.WireFields[i].Name < st.WireFields[j].Name
	})
	for _, f := range st.WireFields {
		if f.Location == LocationBody {
			st.BodyFields = append(st.BodyFields, f)
		}
	}
	if st.Error != nil {
		// aws-sdk-go-v2 declares an error's members in the model's order
		// (after Message and ErrorCodeOverride).
		return nil
	}
	sort.SliceStable(st.Fields, func(i, j int) bool {
		a, c := st.Fields[i], st.Fields[j]
		if a.Required != c.Required {
			return a.Required
		}
		return a.Name < c.Name
	})
	return nil
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}

func isScalarNumberOrBool(k Kind) bool {
	switch k {
	case KindBool, KindInt8, KindInt16, KindInt32, KindInt64, KindFloat32, KindFloat64:
		return true
	}
	return false
}

// hasZeroDefault reports whether a member's @default is the zero value, the
// condition under which aws-sdk-go-v2 drops the pointer. A null default
// removes the target's default (Lambda's VersionNumber labels): the member
// stays a pointer.
func hasZeroDefault(mem *model.Member) bool {
	raw, ok := mem.Traits.Default()
	if !ok {
		return false
	}
	raw = bytes.TrimSpace(raw)
	switch string(raw) {
	case "false", `""`:
		return true
	case "null":
		return false
	}
	var f float64
	if err := json.Unmarshal(raw, &f); err == nil {
		return f == 0
	}
	return false
}

func enumOf(s *model.Shape, t *Type) (*Enum, error) {
	e := &Enum{Shape: s, Name: t.Name, Int: t.Kind == KindIntEnum, Doc: s.Traits.Documentation()}
	seen := map[string]string{}
	add := func(member, value, doc string) error {
		if prev, dup := seen[value]; dup {
			return shapeErr(s, member, "enum value %q repeats member %s", value, prev)
		}
		seen[value] = member
		suffix := enumVariantName(value)
		if e.Int || suffix == "" {
			suffix = exportedName(member)
		}
		e.Values = append(e.Values, &EnumValue{GoName: e.Name + suffix, Value: value, Doc: doc})
		return nil
	}
	if defs := s.Traits.EnumDefinitions(); len(defs) > 0 {
		for _, d := range defs {
			name := d.Name
			if name == "" {
				name = d.Value
			}
			if err := add(name, d.Value, d.Documentation); err != nil {
				return nil, err
			}
		}
	} else {
		for _, mem := range s.Members {
			value := mem.Name
			if raw, ok := mem.Traits.EnumValue(); ok {
				if e.Int {
					var n int32
					if err := json.Unmarshal(raw, &n); err != nil {
						return nil, shapeErr(s, mem.Name, "intEnum value %s does not fit int32", raw)
					}
					value = fmt.Sprint(n)
				} else if err := json.Unmarshal(raw, &value); err != nil {
					return nil, shapeErr(s, mem.Name, "enum value %s is not a string", raw)
				}
			}
			if err := add(mem.Name, value, mem.Traits.Documentation()); err != nil {
				return nil, err
			}
		}
	}
	// Distinct values can still collide as Go names ("a-b" and "a_b"): the
	// later ones take their position as a suffix, then underscores until
	// unique ("a b 0" may already hold EAB0).
	names := map[string]int{}
	for _, v := range e.Values {
		names[v.GoName]++
	}
	taken := map[string]bool{}
	for i, v := range e.Values {
		name := v.GoName
		if names[name] > 1 {
			name = fmt.Sprintf("%s%d", name, i)
		}
		for taken[name] {
			name += "_"
		}
		taken[name] = true
		v.GoName = name
	}
	return e, nil
}

func (b *builder) paginator(op *Operation, p *model.Paginated) (*Paginator, error) {
	pg := &Paginator{}
	var err error
	if pg.InputToken, err = fieldPath(op.Input, p.InputToken, "inputToken"); err != nil {
		return nil, err
	}
	in := pg.InputToken
	if in.Type.Kind != KindString && in.Type.Kind != KindMap {
		return nil, fmt.Errorf("inputToken %s must be a string or map member", p.InputToken)
	}
	out, err := b.fieldPathList(op.Output, p.OutputToken, "outputToken")
	if err != nil {
		return nil, err
	}
	pg.OutputToken = out
	// Two string shapes are one Go type (*string); aws-sdk-go-v2 accepts them.
	if last := out[len(out)-1]; last.Type != in.Type && (last.Type.Kind != KindString || in.Type.Kind != KindString) {
		return nil, fmt.Errorf("outputToken %s and inputToken %s must have the same type", p.OutputToken, p.InputToken)
	}
	if p.Items != "" {
		if pg.Items, err = b.fieldPathList(op.Output, p.Items, "items"); err != nil {
			return nil, err
		}
	}
	if p.PageSize != "" {
		if pg.PageSize, err = fieldPath(op.Input, p.PageSize, "pageSize"); err != nil {
			return nil, err
		}
		if k := pg.PageSize.Type.Kind; k != KindInt32 && k != KindInt64 && k != KindInt16 && k != KindInt8 {
			return nil, fmt.Errorf("pageSize %s must be an integer member", p.PageSize)
		}
	}
	return pg, nil
}

func fieldPath(st *Struct, name, what string) (*Field, error) {
	for _, f := range st.Fields {
		if f.Name == name {
			return f, nil
		}
	}
	return nil, fmt.Errorf("%s names member %q, which %s does not have", what, name, st.Name)
}

// fieldPathList resolves a dotted member path such as "Result.NextToken".
func (b *builder) fieldPathList(st *Struct, p, what string) ([]*Field, error) {
	if p == "" {
		return nil, fmt.Errorf("%s is empty", what)
	}
	var out []*Field
	for i, part := range strings.Split(p, ".") {
		if st == nil {
			return nil, fmt.Errorf("%s path %q: member %d is not a structure", what, p, i)
		}
		f, err := fieldPath(st, part, what)
		if err != nil {
			return nil, err
		}
		out = append(out, f)
		st = nil
		if f.Type.Kind == KindStruct {
			st = b.structs[f.Type]
		}
	}
	return out, nil
}

// collect fills the package-level lists in a deterministic order.
func (b *builder) collect() {
	for _, st := range b.structs {
		if !st.InTypes {
			continue
		}
		if st.Error != nil {
			b.pkg.Errors = append(b.pkg.Errors, st)
		} else {
			b.pkg.Structs = append(b.pkg.Structs, st)
		}
	}
	for _, e := range b.enums {
		b.pkg.Enums = append(b.pkg.Enums, e)
	}
	sort.Slice(b.pkg.Structs, func(i, j int) bool { return b.pkg.Structs[i].Name < b.pkg.Structs[j].Name })
	sort.Slice(b.pkg.Errors, func(i, j int) bool { return b.pkg.Errors[i].Name < b.pkg.Errors[j].Name })
	sort.Slice(b.pkg.Enums, func(i, j int) bool { return b.pkg.Enums[i].Name < b.pkg.Enums[j].Name })
	returned := map[*Struct]bool{}
	for _, op := range b.pkg.Operations {
		for _, e := range op.Errors {
			returned[e] = true
		}
	}
	for _, e := range b.pkg.Errors {
		if returned[e] {
			b.pkg.OperationErrors = append(b.pkg.OperationErrors, e)
		}
	}
	for _, es := range b.eventStreams {
		b.pkg.EventStreams = append(b.pkg.EventStreams, es)
	}
	sort.Slice(b.pkg.EventStreams, func(i, j int) bool { return b.pkg.EventStreams[i].Union.Name < b.pkg.EventStreams[j].Union.Name })
	b.pkg.structs = b.structs
	b.pkg.HasDocuments = b.documents
	sensitive := map[string]bool{}
	for _, st := range b.structs {
		for _, f := range st.Fields {
			if f.Sensitive {
				sensitive[f.WireName] = true
			}
		}
	}
	for k := range sensitive {
		b.pkg.SensitiveKeys = append(b.pkg.SensitiveKeys, k)
	}
	sort.Strings(b.pkg.SensitiveKeys)
	b.pkg.Serialized = sortedTypes(b.ser)
	b.pkg.Deserialized = sortedTypes(b.des)
	b.pkg.Viewed = sortedTypes(b.viewed)
}

func sortedTypes(set map[*Type]bool) []*Type {
	out := make([]*Type, 0, len(set))
	for t := range set {
		out = append(out, t)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].CodecName < out[j].CodecName })
	return out
}

// StructOf returns the Struct a struct-kind Type renders.
func (p *Package) StructOf(t *Type) *Struct { return p.structs[t] }

func shapeErr(s *model.Shape, member, format string, args ...any) error {
	return &model.Error{File: s.Source, Shape: s.ID, Member: member, Msg: fmt.Sprintf(format, args...)}
}
