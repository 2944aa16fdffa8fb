// Package protocol holds the runtime generated clients call (client,
// awsjson, restjson, jsonbody, jsonerror, jsonwire, document, endpoints,
// eventstream, eventstreamapi, customizations, jmespath, protocoltest, sigv4, waiter) and
// embeds its own sources, so the generator can write a copy beside a client
// that lives in another module.
package protocol

import "embed"

// Sources is the runtime's source tree; test files are embedded too and
// skipped by the generator.
//
//go:embed client/*.go awsjson/*.go jsonbody/*.go jsonerror/*.go jsonwire/*.go restjson/*.go document/*.go endpoints/*.go eventstream/*.go eventstreamapi/*.go customizations/*.go jmespath/*.go protocoltest/*.go sigv4/*.go waiter/*.go
var Sources embed.FS

// ImportPath is where the runtime lives in this module.
const ImportPath = "github.com/gosmith/gosmith/internal/protocol"
