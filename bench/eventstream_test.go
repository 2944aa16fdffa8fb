package bench

import (
	"bytes"
	"context"
	"encoding/hex"
	"fmt"
	"io"
	"math/rand/v2"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v2es "github.com/aws/aws-sdk-go-v2/aws/protocol/eventstream"
	v2esapi "github.com/aws/aws-sdk-go-v2/aws/protocol/eventstream/eventstreamapi"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/google/go-cmp/cmp"

	"github.com/gosmith/gosmith/internal/protocol/eventstream"
)

// Event stream decoding, gosmith's internal/protocol/eventstream against
// aws-sdk-go-v2's aws/protocol/eventstream, over the same bytes: a Bedrock
// ConverseStream-like response of text deltas.

// converseStream returns n contentBlockDelta events, headers in the order
// Bedrock sends them, JSON payloads of 100 to 300 bytes (the text varies,
// and Bedrock's "p" padding field hides the token length), framed by v2's
// encoder so that neither decoder reads its own encoder's output.
func converseStream(tb testing.TB, n int) []byte {
	rng := rand.New(rand.NewPCG(1, 2))
	const alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
	var out bytes.Buffer
	enc := v2es.NewEncoder()
	for i := 0; i < n; i++ {
		// 50 bytes of JSON around the two: payloads of 100 to 299 bytes.
		text := strings.Repeat("lorem ipsum ", 10)[:10+rng.IntN(100)]
		pad := make([]byte, 40+rng.IntN(101))
		for j := range pad {
			pad[j] = alphabet[rng.IntN(len(alphabet))]
		}
		payload := fmt.Sprintf(`{"contentBlockIndex":0,"delta":{"text":%q},"p":%q}`, text, pad)
		var m v2es.Message
		m.Headers.Set(":event-type", v2es.StringValue("contentBlockDelta"))
		m.Headers.Set(":content-type", v2es.StringValue("application/json"))
		m.Headers.Set(":message-type", v2es.StringValue("event"))
		m.Payload = []byte(payload)
		if err := enc.Encode(&out, m); err != nil {
			tb.Fatal(err)
		}
	}
	return out.Bytes()
}

// esImpl decodes a whole stream the way each client's generated code does
// per event: decode the frame, read :message-type and :event-type, and
// hand the payload on (here: count its bytes).
type esImpl struct {
	name string
	// newDecodeAll returns a func that decodes every event of stream.
	newDecodeAll func(tb testing.TB) func(stream []byte) (events, payloadBytes int)
}

var esImpls = []esImpl{
	{"gosmith", func(tb testing.TB) func([]byte) (int, int) {
		r := bytes.NewReader(nil)
		d := eventstream.NewDecoder(r)
		var m eventstream.Message
		return func(stream []byte) (events, payloadBytes int) {
			r.Reset(stream)
			d.Reset(r)
			for {
				if err := d.Decode(&m); err != nil {
					if err != io.EOF {
						tb.Fatal(err)
					}
					return events, payloadBytes
				}
				kind, typ, err := eventstream.Classify(&m)
				if err != nil || kind != eventstream.KindEvent || typ != "contentBlockDelta" {
					tb.Fatalf("event %d: %v %q %v", events, kind, typ, err)
				}
				events++
				payloadBytes += len(m.Payload)
			}
		}
	}},
	{"v2", func(tb testing.TB) func([]byte) (int, int) {
		r := bytes.NewReader(nil)
		d := v2es.NewDecoder()
		payloadBuf := make([]byte, 10*1024) // as v2's generated readers do
		return func(stream []byte) (events, payloadBytes int) {
			r.Reset(stream)
			for {
				m, err := d.Decode(r, payloadBuf[:0])
				if err != nil {
					if err != io.EOF {
						tb.Fatal(err)
					}
					return events, payloadBytes
				}
				mt := m.Headers.Get(v2esapi.MessageTypeHeader)
				et := m.Headers.Get(v2esapi.EventTypeHeader)
				if mt == nil || mt.String() != v2esapi.EventMessageType || et == nil || et.String() != "contentBlockDelta" {
					tb.Fatalf("event %d: %v %v", events, mt, et)
				}
				events++
				payloadBytes += len(m.Payload)
			}
		}
	}},
}

// BenchmarkEventStream decodes a stream of N events per op; events/s and
// allocs/event are the numbers to compare.
func BenchmarkEventStream(b *testing.B) {
	for _, im := range esImpls {
		b.Run("impl="+im.name, func(b *testing.B) {
			for _, n := range []int{1000} {
				b.Run("events="+strconv.Itoa(n), func(b *testing.B) {
					stream := converseStream(b, n)
					decodeAll := im.newDecodeAll(b)
					if got, _ := decodeAll(stream); got != n {
						b.Fatalf("%d events, want %d", got, n)
					}
					b.SetBytes(int64(len(stream)))
					b.ReportAllocs()
					var before, after runtime.MemStats
					runtime.ReadMemStats(&before)
					b.ResetTimer()
					for i := 0; i < b.N; i++ {
						decodeAll(stream)
					}
					b.StopTimer()
					runtime.ReadMemStats(&after)
					events := float64(b.N) * float64(n)
					b.ReportMetric(events/b.Elapsed().Seconds(), "events/s")
					b.ReportMetric(float64(after.Mallocs-before.Mallocs)/events, "allocs/event")
				})
			}
		})
	}
}

// header is an implementation-neutral decoded header: its name, type tag
// and value rendered as text (integers in decimal, timestamps in epoch
// milliseconds, bytes and UUIDs in hex).
type header struct {
	Name  string
	Type  uint8
	Value string
}

type message struct {
	Headers []header
	Payload string // hex
}

func fromGosmithMessage(m eventstream.Message) message {
	out := message{Payload: hex.EncodeToString(m.Payload)}
	for _, h := range m.Headers {
		v := h.Value
		var s string
		switch v.Type() {
		case eventstream.TypeBoolTrue, eventstream.TypeBoolFalse:
			s = strconv.FormatBool(v.Bool())
		case eventstream.TypeByte, eventstream.TypeInt16, eventstream.TypeInt32, eventstream.TypeInt64, eventstream.TypeTimestamp:
			s = strconv.FormatInt(v.Int(), 10)
		case eventstream.TypeByteArray, eventstream.TypeUUID:
			s = hex.EncodeToString(v.Bytes())
		case eventstream.TypeString:
			s = v.String()
		}
		out.Headers = append(out.Headers, header{h.Name, uint8(v.Type()), s})
	}
	return out
}

func fromV2Message(tb testing.TB, m v2es.Message) message {
	out := message{Payload: hex.EncodeToString(m.Payload)}
	for _, h := range m.Headers {
		var typ uint8
		var s string
		switch v := h.Value.(type) {
		case v2es.BoolValue:
			typ, s = 1, strconv.FormatBool(bool(v))
			if v {
				typ = 0
			}
		case v2es.Int8Value:
			typ, s = 2, strconv.FormatInt(int64(v), 10)
		case v2es.Int16Value:
			typ, s = 3, strconv.FormatInt(int64(v), 10)
		case v2es.Int32Value:
			typ, s = 4, strconv.FormatInt(int64(v), 10)
		case v2es.Int64Value:
			typ, s = 5, strconv.FormatInt(int64(v), 10)
		case v2es.BytesValue:
			typ, s = 6, hex.EncodeToString(v)
		case v2es.StringValue:
			typ, s = 7, string(v)
		case v2es.TimestampValue:
			typ, s = 8, strconv.FormatInt(time.Time(v).UnixMilli(), 10)
		case v2es.UUIDValue:
			typ, s = 9, hex.EncodeToString(v[:])
		default:
			tb.Fatalf("v2 header %q has value %T", h.Name, h.Value)
		}
		out.Headers = append(out.Headers, header{h.Name, typ, s})
	}
	return out
}

// everyHeaderType is one message with a header of each of the ten types,
// at their edges.
func everyHeaderType() eventstream.Message {
	return eventstream.Message{Headers: eventstream.Headers{
		{Name: "t", Value: eventstream.Bool(true)},
		{Name: "f", Value: eventstream.Bool(false)},
		{Name: "byte", Value: eventstream.Byte(-128)},
		{Name: "short", Value: eventstream.Int16(-32768)},
		{Name: "int", Value: eventstream.Int32(2147483647)},
		{Name: "long", Value: eventstream.Int64(-1 << 63)},
		{Name: "bytes", Value: eventstream.ByteArray([]byte{0, 0xff, 7})},
		{Name: "empty", Value: eventstream.String("")},
		{Name: "string", Value: eventstream.String("héllo")},
		{Name: "ts", Value: eventstream.Timestamp(time.UnixMilli(1714000000123))},
		{Name: "uuid", Value: eventstream.UUID([16]byte{0xde, 0xad, 0xbe, 0xef, 15: 1})},
		{Name: strings.Repeat("n", 255), Value: eventstream.String("longest name")},
	}, Payload: []byte(`{"k":"v"}`)}
}

// toV2Message is the same message for v2's encoder.
func toV2Message(tb testing.TB, m eventstream.Message) v2es.Message {
	var out v2es.Message
	for _, h := range m.Headers {
		var v v2es.Value
		switch x := h.Value; x.Type() {
		case eventstream.TypeBoolTrue, eventstream.TypeBoolFalse:
			v = v2es.BoolValue(x.Bool())
		case eventstream.TypeByte:
			v = v2es.Int8Value(x.Int())
		case eventstream.TypeInt16:
			v = v2es.Int16Value(x.Int())
		case eventstream.TypeInt32:
			v = v2es.Int32Value(x.Int())
		case eventstream.TypeInt64:
			v = v2es.Int64Value(x.Int())
		case eventstream.TypeByteArray:
			v = v2es.BytesValue(x.Bytes())
		case eventstream.TypeString:
			v = v2es.StringValue(x.String())
		case eventstream.TypeTimestamp:
			v = v2es.TimestampValue(x.Time())
		case eventstream.TypeUUID:
			v = v2es.UUIDValue(x.UUID())
		default:
			tb.Fatalf("header %q: type %v", h.Name, x.Type())
		}
		out.Headers = append(out.Headers, v2es.Header{Name: h.Name, Value: v})
	}
	out.Payload = m.Payload
	return out
}

// TestEventStreamDecodersEqual: both decoders read the same headers and
// payloads from the same bytes, for the benchmark's stream and for a
// message with every header type.
func TestEventStreamDecodersEqual(t *testing.T) {
	every, err := eventstream.AppendMessage(nil, everyHeaderType())
	if err != nil {
		t.Fatal(err)
	}
	for name, stream := range map[string][]byte{
		"converse stream":   converseStream(t, 200),
		"every header type": every,
	} {
		t.Run(name, func(t *testing.T) {
			var want, got []message
			d2 := v2es.NewDecoder()
			r := bytes.NewReader(stream)
			for {
				m, err := d2.Decode(r, nil)
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatal(err)
				}
				want = append(want, fromV2Message(t, m))
			}
			d := eventstream.NewDecoder(bytes.NewReader(stream))
			var m eventstream.Message
			for {
				err := d.Decode(&m)
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatal(err)
				}
				got = append(got, fromGosmithMessage(m))
			}
			if len(want) == 0 {
				t.Fatal("no messages")
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("(-v2 +gosmith):\n%s", diff)
			}
		})
	}
}

// TestEventStreamEncodersEqual: both encoders put the same bytes on the
// wire for the same message.
func TestEventStreamEncodersEqual(t *testing.T) {
	for _, m := range []eventstream.Message{
		everyHeaderType(),
		{},
		eventstream.NewEvent("AudioEvent", "application/octet-stream", []byte{1, 2, 3}),
		eventstream.NewError("InternalError", "boom"),
	} {
		got, err := eventstream.AppendMessage(nil, m)
		if err != nil {
			t.Fatal(err)
		}
		var want bytes.Buffer
		if err := v2es.NewEncoder().Encode(&want, toV2Message(t, m)); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want.Bytes()) {
			t.Errorf("gosmith\n%x\nv2\n%x", got, want.Bytes())
		}
	}
}

// TestEventStreamSignedEqual: an input stream signed by gosmith's Signer is
// byte for byte what aws-sdk-go-v2's generated event writers send (their
// signEvent: a :date header, v4.StreamSigner over the encoded :date header
// and the encoded event, then :chunk-signature), signature chain and
// end-of-stream message included.
func TestEventStreamSignedEqual(t *testing.T) {
	creds := aws.Credentials{AccessKeyID: "AKIDEXAMPLE", SecretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"}
	seed := []byte("seed-signature-of-the-request..")
	ctx := context.Background()
	gs := eventstream.NewSigner(creds, "transcribe", "us-east-1", seed)
	v2signer := v4.NewStreamSigner(creds, "transcribe", "us-east-1", seed)
	v2enc := v2es.NewEncoder()

	events := []eventstream.Message{
		eventstream.NewEvent("AudioEvent", "application/octet-stream", bytes.Repeat([]byte{0x42}, 1024)),
		eventstream.NewEvent("AudioEvent", "application/octet-stream", []byte("short")),
		{}, // the end of the stream: an empty payload
	}
	at := time.Date(2024, 4, 15, 12, 0, 0, 456e6, time.UTC)
	for i, ev := range events {
		at = at.Add(time.Second)
		var frame []byte
		if i < len(events)-1 {
			var err error
			if frame, err = eventstream.AppendMessage(nil, ev); err != nil {
				t.Fatal(err)
			}
		}
		signed, err := gs.Sign(ctx, frame, at)
		if err != nil {
			t.Fatal(err)
		}
		got, err := eventstream.AppendMessage(nil, signed)
		if err != nil {
			t.Fatal(err)
		}

		var msg v2es.Message
		msg.Headers.Set(v2esapi.DateHeader, v2es.TimestampValue(at))
		msg.Payload = frame
		if frame == nil {
			msg.Payload = []byte{}
		}
		var headers bytes.Buffer
		if err := v2es.EncodeHeaders(&headers, msg.Headers); err != nil {
			t.Fatal(err)
		}
		sig, err := v2signer.GetSignature(ctx, headers.Bytes(), msg.Payload, at)
		if err != nil {
			t.Fatal(err)
		}
		msg.Headers.Set(v2esapi.ChunkSignatureHeader, v2es.BytesValue(sig))
		var want bytes.Buffer
		if err := v2enc.Encode(&want, msg); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want.Bytes()) {
			t.Errorf("signed message %d:\ngosmith %x\nv2      %x", i, got, want.Bytes())
		}
	}
}
