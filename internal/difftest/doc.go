// Package difftest compares gosmith's generated Storage Gateway client with
// aws-sdk-go-v2's, operation by operation; see README.md.
package difftest
