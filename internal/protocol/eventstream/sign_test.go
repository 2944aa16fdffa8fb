package eventstream

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"io"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/google/go-cmp/cmp"
)

// referenceSignature is SigV4 event signing written out from the
// specification, independently of aws-sdk-go-v2: the signing key of the
// day, region and service signs a string naming the previous signature and
// the SHA-256 of the headers and of the payload.
func referenceSignature(secret, region, service string, t time.Time, prev, headers, payload []byte) []byte {
	mac := func(key []byte, data string) []byte {
		h := hmac.New(sha256.New, key)
		h.Write([]byte(data))
		return h.Sum(nil)
	}
	hash := func(b []byte) string {
		s := sha256.Sum256(b)
		return hex.EncodeToString(s[:])
	}
	t = t.UTC()
	day := t.Format("20060102")
	key := mac(mac(mac(mac([]byte("AWS4"+secret), day), region), service), "aws4_request")
	toSign := "AWS4-HMAC-SHA256-PAYLOAD\n" +
		t.Format("20060102T150405Z") + "\n" +
		day + "/" + region + "/" + service + "/aws4_request\n" +
		hex.EncodeToString(prev) + "\n" +
		hash(headers) + "\n" +
		hash(payload)
	return mac(key, toSign)
}

// dateHeader is the wire form of a :date header, written out by hand.
func dateHeader(t time.Time) []byte {
	b := append([]byte{5}, ":date"...)
	b = append(b, 8)
	return binary.BigEndian.AppendUint64(b, uint64(t.UnixMilli()))
}

func TestReferenceSignatureMatchesPublishedVector(t *testing.T) {
	// aws-sdk-go-v2's aws/signer/v4 stream_test.go: first message.
	got := referenceSignature("SECRET", "us-east-1", "transcribestreaming", time.Unix(10, 0), []byte("foobarbazqux"), []byte("foo"), []byte("foo"))
	if want := "e3a136405ec1152f62136742efd41f8639cd647a1cf21fab12aedb22cccd8999"; hex.EncodeToString(got) != want {
		t.Fatalf("reference signature %x, want %s", got, want)
	}
}

// TestSignerChainsSignatures signs three events and the end of the stream
// and checks every signed message against the reference: headers, chained
// signatures, the original frame as payload, and that it decodes back.
func TestSignerChainsSignatures(t *testing.T) {
	creds := aws.Credentials{AccessKeyID: "AKIDEXAMPLE", SecretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"}
	seed, _ := hex.DecodeString("fe5f80f77d5fa3beca038a248ff027d0445342fe2855ddc963176630326f1024")
	s := NewSigner(creds, "transcribe", "us-west-2", seed)

	events := []Message{
		NewEvent("AudioEvent", "application/octet-stream", []byte("audio chunk 1")),
		NewEvent("AudioEvent", "application/octet-stream", bytes.Repeat([]byte{0x7f}, 3000)),
		NewEvent("ConfigurationEvent", "application/json", []byte(`{"ChannelDefinitions":[]}`)),
	}
	start := time.Date(2024, 5, 6, 7, 8, 9, 987654321, time.UTC)
	prev := seed
	var stream bytes.Buffer
	enc := NewEncoder(&stream)
	for i := 0; i <= len(events); i++ {
		var frame []byte // the end of the stream signs an empty payload
		if i < len(events) {
			frame = mustEncode(t, events[i])
		}
		at := start.Add(time.Duration(i) * 1500 * time.Millisecond)
		signed, err := s.Sign(context.Background(), frame, at)
		if err != nil {
			t.Fatal(err)
		}
		want := referenceSignature(creds.SecretAccessKey, "us-west-2", "transcribe", at, prev, dateHeader(at), frame)
		wantHeaders := Headers{{":date", Timestamp(at)}, {":chunk-signature", ByteArray(want)}}
		if diff := cmp.Diff(wantHeaders, signed.Headers); diff != "" {
			t.Errorf("message %d headers (-want +got):\n%s", i, diff)
		}
		if !bytes.Equal(signed.Payload, frame) {
			t.Errorf("message %d: payload is not the frame", i)
		}
		if err := enc.Encode(signed); err != nil {
			t.Fatal(err)
		}
		prev = want
	}

	// On the wire: signed messages whose payloads decode to the events.
	outer, err := decodeAll(&stream)
	if err != io.EOF || len(outer) != len(events)+1 {
		t.Fatalf("%d signed messages, %v", len(outer), err)
	}
	for i, m := range outer[:len(events)] {
		inner, err := decodeAll(bytes.NewReader(m.Payload))
		if err != io.EOF || len(inner) != 1 || !cmp.Equal(inner[0], events[i]) {
			t.Errorf("message %d wraps %v (%v), want %v", i, inner, err, events[i])
		}
	}
	if len(outer[len(events)].Payload) != 0 {
		t.Errorf("end of stream carries %d bytes", len(outer[len(events)].Payload))
	}
	if d, _ := outer[0].Headers.Get(":date"); !d.Time().Equal(start.Truncate(time.Millisecond)) {
		t.Errorf(":date %v, want %v to the millisecond", d.Time(), start)
	}
}
