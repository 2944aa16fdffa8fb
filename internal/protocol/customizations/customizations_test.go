package customizations

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"testing"
	"testing/iotest"
)

// referenceTreeHash is the tree hash as the Glacier documentation defines
// it, built level by level from every chunk's hash.
func referenceTreeHash(data []byte) []byte {
	var level [][]byte
	for i := 0; i < len(data) || i == 0; i += treeHashChunk {
		sum := sha256.Sum256(data[i:min(i+treeHashChunk, len(data))])
		level = append(level, sum[:])
	}
	for len(level) > 1 {
		var next [][]byte
		for i := 0; i < len(level); i += 2 {
			if i+1 == len(level) {
				next = append(next, level[i])
				continue
			}
			next = append(next, pairHash(level[i], level[i+1]))
		}
		level = next
	}
	return level[0]
}

func TestTreeHash(t *testing.T) {
	hello, _, _ := TreeHash(bytes.NewReader([]byte("hello world")))
	if got := hex.EncodeToString(hello); got != "b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9" {
		t.Errorf("linear hash of hello world = %s", got)
	}
	for _, size := range []int{0, 1, treeHashChunk - 1, treeHashChunk, treeHashChunk + 1, 3 * treeHashChunk, 5*treeHashChunk + 7, 8 * treeHashChunk} {
		data := make([]byte, size)
		for i := range data {
			data[i] = byte(i*7 + i/251)
		}
		linear, tree, err := TreeHash(iotest.HalfReader(bytes.NewReader(data)))
		if err != nil {
			t.Fatal(err)
		}
		want := sha256.Sum256(data)
		if !bytes.Equal(linear, want[:]) {
			t.Errorf("size %d: linear hash differs", size)
		}
		if ref := referenceTreeHash(data); !bytes.Equal(tree, ref) {
			t.Errorf("size %d: tree hash %x, want %x", size, tree, ref)
		}
	}
}

func TestDefaultAccountIDCopiesTheInput(t *testing.T) {
	type input struct {
		AccountId *string
		VaultName *string
	}
	empty, mine := "", "123"
	for _, tc := range []struct {
		in   *input
		want string
	}{
		{&input{}, "-"},
		{&input{AccountId: &empty}, "-"},
		{&input{AccountId: &mine}, "123"},
	} {
		before := *tc.in
		got := withDefaultAccountID(tc.in).(*input)
		if *got.AccountId != tc.want {
			t.Errorf("AccountId = %q, want %q", *got.AccountId, tc.want)
		}
		if *tc.in != before {
			t.Errorf("the caller's input was changed")
		}
	}
	if got := withDefaultAccountID(42); got != 42 {
		t.Errorf("a non-struct input was changed: %v", got)
	}
}
