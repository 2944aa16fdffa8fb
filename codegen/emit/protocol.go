package emit

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/gosmith/gosmith/codegen/goview"
)

// protocolEmitter is what one wire protocol adds to a generated package. The
// client, operation, paginator, waiter, validator and endpoint emitters
// never ask which protocol is in use: they ask it, through this interface.
// Each implementation lives in a file named after its protocol.
type protocolEmitter interface {
	// runtime names the protocol's runtime package (under internal/protocol).
	runtime() string
	// serviceValue is the value of the package's service variable: the
	// runtime's Service with the neutral facts and the protocol's own.
	serviceValue(g *gen, neutral jen.Dict) jen.Code
	// descriptor fills an operation's descriptor with the protocol's fields
	// (codecs, modeled errors) beside the neutral Spec.
	descriptor(g *gen, op *goview.Operation, d jen.Dict)
	// errorBindings declares the function that decodes each modeled error
	// (errorBinding); descriptors refer to them by errorDecoder.
	errorBindings(g *gen, f *jen.File)
	// serializers and deserializers add the protocol's own functions to
	// serializers.go and deserializers.go, beside the JSON body codecs.
	serializers(g *gen, f *jen.File)
	deserializers(g *gen, f *jen.File)
	// eventStream is the descriptor's EventStream of an operation whose
	// output has one: a call of the runtime's ReadEventStream with the
	// operation's starter (startStream).
	eventStream(g *gen, op *goview.Operation) jen.Code
	// bodyCodecsInDescriptor: descriptors name the JSON body codecs of
	// inputs and outputs themselves (awsJson), which then take them as any;
	// otherwise they name the protocol's binders, which call the codecs.
	bodyCodecsInDescriptor() bool
}

// protocolFor returns the emitter of the package's protocol.
func protocolFor(p goview.Protocol) (protocolEmitter, error) {
	switch p {
	case goview.AWSJSON10, goview.AWSJSON11:
		return awsJSON{}, nil
	case goview.RESTJSON1:
		return restJSON{}, nil
	}
	return nil, fmt.Errorf("protocol %s is not generated yet: gosmith generates awsJson1_0 and awsJson1_1 clients", p.Trait())
}

// errorBinding declares the function that decodes a modeled error,
// param => decode; descriptors pair it with the error's code.
func (g *gen) errorBinding(f *jen.File, st *goview.Struct, param, decode jen.Code) {
	f.Func().Id(errorDecoder(st)).Params(param).Params(jen.Error(), jen.Error()).Block(jen.Return(decode))
	f.Line()
}

// errorsAndCompression adds the descriptor fields every protocol's
// Operation has: its modeled errors (the runtime's ErrorType values: a
// code and its errorDecoder, written out so the descriptor stays a
// constant) and, when gzip request compression is allowed, the runtime's
// compressor.
func (g *gen) errorsAndCompression(op *goview.Operation, d jen.Dict, runtime string) {
	if len(op.Errors) > 0 {
		d[jen.Id("Errors")] = jen.Index().Qual(runtime, "ErrorType").ValuesFunc(func(gr *jen.Group) {
			for _, e := range op.Errors {
				gr.Line().Values(jen.Id("Code").Op(":").Lit(e.Error.Code), jen.Id("Decode").Op(":").Id(errorDecoder(e)))
			}
			gr.Line()
		})
	}
	for _, enc := range op.Compress {
		if enc == "gzip" {
			d[jen.Id("Compress")] = jen.Qual(g.rt("client"), "CompressBody")
		}
	}
}
