package eventstream

import (
	"encoding/base64"
	"encoding/hex"
	"strconv"
	"time"
)

// Type is the type of a header value: the byte that tags the value on the
// wire. The set is fixed by the specification.
type Type uint8

// The ten header value types, with their wire tags.
const (
	TypeBoolTrue  Type = 0 // boolean true; no value bytes
	TypeBoolFalse Type = 1 // boolean false; no value bytes
	TypeByte      Type = 2 // int8
	TypeInt16     Type = 3 // big-endian int16 ("short")
	TypeInt32     Type = 4 // big-endian int32 ("integer")
	TypeInt64     Type = 5 // big-endian int64 ("long")
	TypeByteArray Type = 6 // uint16 length, then the bytes (a Smithy blob)
	TypeString    Type = 7 // uint16 length, then UTF-8 bytes
	TypeTimestamp Type = 8 // int64 milliseconds since the Unix epoch
	TypeUUID      Type = 9 // 16 bytes
)

// String returns the type's name in the specification ("bool true",
// "byte", "short", ..., "uuid").
func (t Type) String() string {
	if int(t) < len(typeNames) {
		return typeNames[t]
	}
	return "type " + strconv.Itoa(int(t))
}

var typeNames = [...]string{"bool true", "bool false", "byte", "short", "integer", "long", "byte_array", "string", "timestamp", "uuid"}

// fixedSize is the size of a value of each type after its tag; -1 marks the
// two length-prefixed types.
var fixedSize = [...]int{0, 0, 1, 2, 4, 8, -1, -1, 8, 16}

// Value is a header value of one of the ten types. Build one with Bool,
// Byte, Int16, Int32, Int64, ByteArray, String, Timestamp or UUID; read it
// with the accessor of its Type. The zero Value is no value: encoding it is
// an error.
type Value struct {
	// kind is the Type plus one, so that the zero Value is not "true".
	kind uint8
	// n holds the integer of byte, short, integer and long values and the
	// milliseconds of a timestamp.
	n int64
	s string
	// b holds a byte array's bytes or a UUID's 16 bytes. In a decoded
	// message it shares the Decoder's buffer.
	b []byte
}

// Bool returns a boolean value.
func Bool(v bool) Value {
	if v {
		return Value{kind: uint8(TypeBoolTrue) + 1}
	}
	return Value{kind: uint8(TypeBoolFalse) + 1}
}

// Byte returns a byte value.
func Byte(v int8) Value { return Value{kind: uint8(TypeByte) + 1, n: int64(v)} }

// Int16 returns a short value.
func Int16(v int16) Value { return Value{kind: uint8(TypeInt16) + 1, n: int64(v)} }

// Int32 returns an integer value.
func Int32(v int32) Value { return Value{kind: uint8(TypeInt32) + 1, n: int64(v)} }

// Int64 returns a long value.
func Int64(v int64) Value { return Value{kind: uint8(TypeInt64) + 1, n: v} }

// ByteArray returns a byte array value holding b (not a copy). At most
// MaxHeaderValueLength bytes can be encoded.
func ByteArray(b []byte) Value { return Value{kind: uint8(TypeByteArray) + 1, b: b} }

// String returns a string value. At most MaxHeaderValueLength bytes can be
// encoded.
func String(s string) Value { return Value{kind: uint8(TypeString) + 1, s: s} }

// Timestamp returns a timestamp value; the wire keeps milliseconds, so t is
// truncated to the millisecond.
func Timestamp(t time.Time) Value {
	return Value{kind: uint8(TypeTimestamp) + 1, n: t.UnixMilli()}
}

// UUID returns a UUID value.
func UUID(u [16]byte) Value { return Value{kind: uint8(TypeUUID) + 1, b: u[:]} }

// Type returns the value's type. The zero Value has none: its Type is
// outside the ten and prints as "type 255".
func (v Value) Type() Type { return Type(v.kind - 1) }

// valid reports whether v is one of the ten types (not the zero Value).
func (v Value) valid() bool { return v.kind != 0 }

// Bool returns true for a TypeBoolTrue value and false for any other.
func (v Value) Bool() bool { return v.Type() == TypeBoolTrue }

// Int returns the integer of a byte, short, integer or long value, and the
// milliseconds since the Unix epoch of a timestamp; 0 for other types.
func (v Value) Int() int64 {
	switch v.Type() {
	case TypeByte, TypeInt16, TypeInt32, TypeInt64, TypeTimestamp:
		return v.n
	}
	return 0
}

// Time returns the time of a timestamp value, in UTC; the zero time for
// other types.
func (v Value) Time() time.Time {
	if v.Type() != TypeTimestamp {
		return time.Time{}
	}
	return time.UnixMilli(v.n).UTC()
}

// Bytes returns the bytes of a byte array or UUID value; nil for other
// types. The slice is the value's own: for a decoded message it is valid
// until the next Decode (see Message.Clone).
func (v Value) Bytes() []byte {
	switch v.Type() {
	case TypeByteArray, TypeUUID:
		return v.b
	}
	return nil
}

// UUID returns the 16 bytes of a UUID value; zero for other types.
func (v Value) UUID() [16]byte {
	var u [16]byte
	if v.Type() == TypeUUID {
		copy(u[:], v.b)
	}
	return u
}

// String returns a string value's text. For the other types (it is also
// the fmt.Stringer) it renders the value: "true", "-3", base64 for byte
// arrays, RFC 3339 for timestamps, 8-4-4-4-12 hex for UUIDs.
func (v Value) String() string {
	switch v.Type() {
	case TypeString:
		return v.s
	case TypeBoolTrue:
		return "true"
	case TypeBoolFalse:
		return "false"
	case TypeByte, TypeInt16, TypeInt32, TypeInt64:
		return strconv.FormatInt(v.n, 10)
	case TypeByteArray:
		return base64.StdEncoding.EncodeToString(v.b)
	case TypeTimestamp:
		return v.Time().Format(time.RFC3339Nano)
	case TypeUUID:
		h := hex.EncodeToString(v.b)
		if len(h) != 32 {
			return h
		}
		return h[:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
	}
	return "<no value>"
}

// Equal reports whether v and o have the same type and the same value.
func (v Value) Equal(o Value) bool {
	return v.kind == o.kind && v.n == o.n && v.s == o.s && string(v.b) == string(o.b)
}
