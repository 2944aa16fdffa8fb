package customizations

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"reflect"

	"github.com/aws/smithy-go"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// GlacierVersion sends the API version in X-Amz-Glacier-Version, which
// Glacier requires of every request.
func GlacierVersion(apiVersion string) func(*middleware.Stack) error {
	return func(stack *middleware.Stack) error {
		return stack.Build.Add(setHeader{id: "Glacier:APIVersion", name: "X-Amz-Glacier-Version", value: apiVersion}, middleware.After)
	}
}

// GlacierAccountID sends "-" (the caller's own account) as the AccountId
// of an input that leaves it nil or empty. The caller's input is not
// changed: the call gets a copy.
func GlacierAccountID(stack *middleware.Stack) error {
	return stack.Initialize.Add(defaultAccountID{}, middleware.Before)
}

type defaultAccountID struct{}

func (defaultAccountID) ID() string { return "Glacier:DefaultAccountID" }

func (defaultAccountID) HandleInitialize(ctx context.Context, in middleware.InitializeInput, next middleware.InitializeHandler) (
	middleware.InitializeOutput, middleware.Metadata, error,
) {
	in.Parameters = withDefaultAccountID(in.Parameters)
	return next.HandleInitialize(ctx, in)
}

// withDefaultAccountID returns params, or a copy of it with AccountId "-"
// when params is a pointer to a struct whose *string AccountId is nil or
// empty. Reflection keeps this out of every generated input; it runs once
// per Glacier call.
func withDefaultAccountID(params any) any {
	v := reflect.ValueOf(params)
	if v.Kind() != reflect.Pointer || v.IsNil() || v.Elem().Kind() != reflect.Struct {
		return params
	}
	f := v.Elem().FieldByName("AccountId")
	if !f.IsValid() || f.Type() != reflect.TypeOf((*string)(nil)) || !f.IsNil() && f.Elem().String() != "" {
		return params
	}
	c := reflect.New(v.Elem().Type())
	c.Elem().Set(v.Elem())
	dash := "-"
	c.Elem().FieldByName("AccountId").Set(reflect.ValueOf(&dash))
	return c.Interface()
}

// GlacierChecksums sends the SHA-256 of the body (X-Amz-Content-Sha256)
// and its tree hash (X-Amz-Sha256-Tree-Hash), which Glacier requires of
// uploads, unless the caller set the tree hash. The body must be seekable:
// it is read once for the hashes, then sent.
func GlacierChecksums(stack *middleware.Stack) error {
	return stack.Finalize.Add(treeHash{}, middleware.Before)
}

type treeHash struct{}

func (treeHash) ID() string { return "Glacier:TreeHash" }

func (treeHash) HandleFinalize(ctx context.Context, in middleware.FinalizeInput, next middleware.FinalizeHandler) (
	middleware.FinalizeOutput, middleware.Metadata, error,
) {
	req, ok := in.Request.(*smithyhttp.Request)
	if !ok {
		return middleware.FinalizeOutput{}, middleware.Metadata{}, &smithy.SerializationError{Err: fmt.Errorf("unknown transport type %T", in.Request)}
	}
	if req.GetStream() != nil && req.Header.Get("X-Amz-Sha256-Tree-Hash") == "" {
		if !req.IsStreamSeekable() {
			return middleware.FinalizeOutput{}, middleware.Metadata{}, &smithy.SerializationError{
				Err: fmt.Errorf("glacier checksums can be computed only for a seekable body; set X-Amz-Sha256-Tree-Hash yourself"),
			}
		}
		linear, tree, err := TreeHash(req.GetStream())
		if err == nil {
			err = req.RewindStream()
		}
		if err != nil {
			return middleware.FinalizeOutput{}, middleware.Metadata{}, &smithy.SerializationError{Err: fmt.Errorf("glacier checksums: %w", err)}
		}
		req.Header.Set("X-Amz-Content-Sha256", hex.EncodeToString(linear))
		req.Header.Set("X-Amz-Sha256-Tree-Hash", hex.EncodeToString(tree))
	}
	return next.HandleFinalize(ctx, in)
}

// treeHashChunk is the leaf size of Glacier's tree hash.
const treeHashChunk = 1 << 20

// TreeHash reads r to its end and returns its SHA-256 and its Glacier tree
// hash: the SHA-256 of each 1 MiB chunk, then of each pair of hashes, level
// by level, an odd hash carried up as it is. It keeps one hash per level,
// not one per chunk. An empty body has the empty SHA-256 as both.
func TreeHash(r io.Reader) (linear, tree []byte, err error) {
	all := sha256.New()
	chunk := sha256.New()
	buf := make([]byte, 32<<10)
	var levels [][]byte // levels[i]: a pending hash of 2^i chunks, or nil
	n := 0              // bytes in the current chunk
	chunks := 0
	flush := func() {
		h := chunk.Sum(nil)
		chunk.Reset()
		n = 0
		chunks++
		for i := 0; ; i++ {
			if i == len(levels) {
				levels = append(levels, h)
				return
			}
			if levels[i] == nil {
				levels[i] = h
				return
			}
			h = pairHash(levels[i], h)
			levels[i] = nil
		}
	}
	for {
		m, rerr := r.Read(buf)
		for p := buf[:m]; len(p) > 0; {
			take := min(len(p), treeHashChunk-n)
			chunk.Write(p[:take])
			all.Write(p[:take])
			n += take
			p = p[take:]
			if n == treeHashChunk {
				flush()
			}
		}
		if rerr == io.EOF {
			break
		}
		if rerr != nil {
			return nil, nil, rerr
		}
	}
	if n > 0 || chunks == 0 {
		flush()
	}
	// Fold the pending levels, lowest first: an odd subtree is carried up.
	for _, h := range levels {
		switch {
		case h == nil:
		case tree == nil:
			tree = h
		default:
			tree = pairHash(h, tree)
		}
	}
	return all.Sum(nil), tree, nil
}

func pairHash(a, b []byte) []byte {
	h := sha256.New()
	h.Write(a)
	h.Write(b)
	return h.Sum(nil)
}
