package customizations

import (
	"context"
	"crypto/md5"
	"encoding/hex"
	"errors"
	"fmt"
	"reflect"

	"github.com/aws/smithy-go/middleware"
)

// SQSMessageChecksums checks the MD5 digests SQS returns for message
// bodies (SendMessage, SendMessageBatch, ReceiveMessage) against the
// bodies, unless disabled (DisableMessageChecksumValidation): a mismatch
// means a message was damaged on the way. Other operations are left alone.
func SQSMessageChecksums(disable bool) func(*middleware.Stack) error {
	return func(stack *middleware.Stack) error {
		if disable {
			return nil
		}
		var check func(in, out reflect.Value) []error
		switch stack.ID() {
		case "SendMessage":
			check = checkSendMessage
		case "SendMessageBatch":
			check = checkSendMessageBatch
		case "ReceiveMessage":
			check = checkReceiveMessage
		default:
			return nil
		}
		return stack.Initialize.Add(messageChecksums{check: check}, middleware.Before)
	}
}

type messageChecksums struct {
	check func(in, out reflect.Value) []error
}

func (messageChecksums) ID() string { return "SQSValidateMessageChecksum" }

func (m messageChecksums) HandleInitialize(ctx context.Context, in middleware.InitializeInput, next middleware.InitializeHandler) (
	middleware.InitializeOutput, middleware.Metadata, error,
) {
	out, metadata, err := next.HandleInitialize(ctx, in)
	if err != nil {
		return out, metadata, err
	}
	if errs := m.check(structOf(in.Parameters), structOf(out.Result)); len(errs) > 0 {
		return out, metadata, fmt.Errorf("message checksum validation failed: %w", errors.Join(errs...))
	}
	return out, metadata, nil
}

// structOf is the struct a pointer points to, or the zero Value.
func structOf(v any) reflect.Value {
	r := reflect.ValueOf(v)
	for r.Kind() == reflect.Pointer || r.Kind() == reflect.Interface {
		if r.IsNil() {
			return reflect.Value{}
		}
		r = r.Elem()
	}
	if r.Kind() != reflect.Struct {
		return reflect.Value{}
	}
	return r
}

// stringField is a *string field's value; ok is false when it is absent.
func stringField(v reflect.Value, name string) (string, bool) {
	if !v.IsValid() {
		return "", false
	}
	f := v.FieldByName(name)
	if !f.IsValid() || f.Kind() != reflect.Pointer || f.IsNil() || f.Elem().Kind() != reflect.String {
		return "", false
	}
	return f.Elem().String(), true
}

// checkMD5 compares a body with the digest SQS computed of it.
func checkMD5(id, body, digest string) error {
	sum := md5.Sum([]byte(body))
	if got := hex.EncodeToString(sum[:]); got != digest {
		if id != "" {
			return fmt.Errorf("message %s: MD5 of the body is %s, SQS says %s", id, got, digest)
		}
		return fmt.Errorf("MD5 of the message body is %s, SQS says %s", got, digest)
	}
	return nil
}

func checkSendMessage(in, out reflect.Value) []error {
	body, ok1 := stringField(in, "MessageBody")
	digest, ok2 := stringField(out, "MD5OfMessageBody")
	if !ok1 || !ok2 {
		return nil
	}
	id, _ := stringField(out, "MessageId")
	if err := checkMD5(id, body, digest); err != nil {
		return []error{err}
	}
	return nil
}

func checkSendMessageBatch(in, out reflect.Value) []error {
	if !in.IsValid() || !out.IsValid() {
		return nil
	}
	bodies := map[string]string{}
	entries := in.FieldByName("Entries")
	for i := 0; entries.IsValid() && i < entries.Len(); i++ {
		e := structOf(entries.Index(i).Addr().Interface())
		id, ok1 := stringField(e, "Id")
		body, ok2 := stringField(e, "MessageBody")
		if ok1 && ok2 {
			bodies[id] = body
		}
	}
	var errs []error
	done := out.FieldByName("Successful")
	for i := 0; done.IsValid() && i < done.Len(); i++ {
		e := structOf(done.Index(i).Addr().Interface())
		id, _ := stringField(e, "Id")
		digest, ok := stringField(e, "MD5OfMessageBody")
		body, sent := bodies[id]
		if !ok || !sent {
			continue
		}
		msgID, _ := stringField(e, "MessageId")
		if err := checkMD5(msgID, body, digest); err != nil {
			errs = append(errs, err)
		}
	}
	return errs
}

func checkReceiveMessage(_, out reflect.Value) []error {
	if !out.IsValid() {
		return nil
	}
	var errs []error
	msgs := out.FieldByName("Messages")
	for i := 0; msgs.IsValid() && i < msgs.Len(); i++ {
		m := structOf(msgs.Index(i).Addr().Interface())
		body, ok1 := stringField(m, "Body")
		digest, ok2 := stringField(m, "MD5OfBody")
		if !ok1 || !ok2 {
			continue
		}
		id, _ := stringField(m, "MessageId")
		if err := checkMD5(id, body, digest); err != nil {
			errs = append(errs, err)
		}
	}
	return errs
}
