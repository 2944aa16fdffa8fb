// Package eventstreamapi is the protocol-neutral runtime of operations
// whose output is an event stream (Kinesis SubscribeToShard, Bedrock
// ConverseStream, ...).
//
// A Body reads the response's messages as their frames arrive (the
// framing is package eventstream's). A protocol may look at the first
// message before the stream is handed out (awsJson's initial-response);
// then a Reader takes the body: in a goroutine of its own it sorts each
// message by its :message-type, has the generated decoder of the union
// member its :event-type names turn it into a value, and hands the events
// out on a channel, as aws-sdk-go-v2's event stream readers do. A modeled
// exception (:message-type exception, :exception-type naming the union
// member) or an unmodeled error (:message-type error) ends the stream and
// is what Err returns.
//
// The channel is unbuffered: a caller that reads slowly holds the
// decoder back, so memory stays bounded by one frame and one event.
package eventstreamapi
