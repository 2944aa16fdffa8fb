// Package eventstream is the application/vnd.amazon.eventstream framing
// that AWS event stream operations (awsJson and restJson1 alike) send and
// receive: a sequence of messages, each a set of typed headers and an
// opaque payload.
//
// A frame on the wire (integers big-endian):
//
//	total length   uint32  the whole frame, these 4 bytes to the last CRC
//	headers length uint32
//	prelude CRC    uint32  CRC32 (IEEE) of the 8 bytes above
//	headers        name length (1 byte), name, type (1 byte), value; repeated
//	payload        total length - headers length - 16 bytes
//	message CRC    uint32  CRC32 of everything before it
//
// A Decoder reads frames from a stream as they arrive, verifies both
// checksums and decodes the headers in place, reusing one buffer: a
// decoded payload is valid until the next Decode (Message.Clone keeps it).
// An Encoder (or AppendMessage) writes frames. Classify sorts a received
// message into an event, a modeled exception or an unmodeled error;
// NewEvent, NewException and NewError build them. A Signer signs the
// messages of an input stream with SigV4.
//
// Nothing here depends on aws-sdk-go-v2's own event stream module, which is
// a separate module; the wire bytes are the same.
package eventstream
