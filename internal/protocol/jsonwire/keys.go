package jsonwire

import (
	"encoding/binary"
	"math/bits"
	"unsafe"
)

// Keys matches an object's keys to case numbers, for generated
// deserializers of objects with many members:
//
//	switch keysTrainingJob.Find(key) {
//	case 0: // "AlgorithmSpecification"
//
// A switch on the key string compiles to a search tree of string
// comparisons, which is most of the code of a large client's deserializers;
// a switch on a small integer compiles to a jump table. The generator lays
// the keys out with PerfectKeys, so that each hashes to a slot of its own:
// finding a key is one hash and one comparison. A Keys is static data: a
// package-level composite literal, with nothing to build at start-up.
type Keys struct {
	// Seed is the hash seed, odd.
	Seed uint64
	// Shift is 64 minus the base-2 logarithm of len(Slots).
	Shift uint8
	// Slots holds, for each hash slot, 1 + the index in Names of the key
	// hashing there, or 0 when none does; its length is a power of two.
	Slots string
	// Names are the keys; a key's index is its case number.
	Names []string
}

// Find returns the case number of key, or -1 when it is not one of k's.
func (k *Keys) Find(key []byte) int {
	a, b := keyWords(key)
	n := len(key)
	slot := hashWords(a, b, n, k.Seed) >> (k.Shift & 63)
	if slot >= uint64(len(k.Slots)) {
		return -1 // only a Keys not made by PerfectKeys
	}
	i := int(k.Slots[slot]) - 1
	if uint(i) >= uint(len(k.Names)) || len(k.Names[i]) != n {
		return -1
	}
	// The words read cover a key of up to 16 bytes: equal words are equal
	// keys, with no call to compare them.
	name := unsafe.Slice(unsafe.StringData(k.Names[i]), n)
	if na, nb := keyWords(name); na != a || nb != b || n > 16 && string(key[8:n-8]) != string(name[8:n-8]) {
		return -1
	}
	return i
}

// KeyHash hashes key with seed; the top bits of the result pick a Keys slot.
// It reads at most the first and last 8 bytes and the length, so it costs
// the same for any key; keys that agree on all three (same length, longer
// than 16 bytes, differing only in the middle) always collide, and
// PerfectKeys then finds no table.
func KeyHash(key []byte, seed uint64) uint64 {
	a, b := keyWords(key)
	return hashWords(a, b, len(key), seed)
}

// hashWords is KeyHash of a key of length n whose words (keyWords) are a
// and b; Find computes the words once for the hash and the comparison.
func hashWords(a, b uint64, n int, seed uint64) uint64 {
	return (a^uint64(n)<<56)*seed + b*(seed^hashMix)
}

// hashMix derives KeyHash's second multiplier from the seed.
const hashMix = 0x9e3779b97f4a7c15

// keyWords reads key as two words: its first and last 8 bytes (4 bytes
// each when shorter than 8; up to 3 bytes into a when shorter than 4). Keys
// of the same length up to 16 bytes are equal if and only if their words
// are.
func keyWords(key []byte) (a, b uint64) {
	n := len(key)
	switch {
	case n >= 8:
		a = binary.LittleEndian.Uint64(key)
		b = binary.LittleEndian.Uint64(key[n-8:])
	case n >= 4:
		a = uint64(binary.LittleEndian.Uint32(key))
		b = uint64(binary.LittleEndian.Uint32(key[n-4:]))
	case n > 0:
		a = uint64(key[0]) | uint64(key[n/2])<<8 | uint64(key[n-1])<<16
	}
	return a, b
}

// MaxKeys is the most names a Keys can hold.
const MaxKeys = 254

// maxKeysBits bounds a table: 1<<maxKeysBits slots.
const maxKeysBits = 14

// seedsPerSize is how many seeds PerfectKeys tries at each table size.
const seedsPerSize = 1024

// PerfectKeys lays names out in a Keys where each hashes to a slot of its
// own, trying table sizes from twice the number of names up, and reports
// false when it finds none (more than MaxKeys names, duplicate names, or keys
// KeyHash cannot tell apart): the caller then matches keys another way. The
// result depends only on names, so generated code is reproducible.
func PerfectKeys(names []string) (Keys, bool) {
	if len(names) == 0 || len(names) > MaxKeys {
		return Keys{}, false
	}
	seen := make(map[string]bool, len(names))
	for _, n := range names {
		if seen[n] {
			return Keys{}, false
		}
		seen[n] = true
	}
	rng := uint64(0x243f6a8885a308d3) // splitmix64 state: the same seeds every run
	for b := bits.Len(uint(len(names))) + 1; b <= maxKeysBits; b++ {
		slots := make([]byte, 1<<b)
		for range seedsPerSize {
			rng += 0x9e3779b97f4a7c15
			z := rng
			z = (z ^ z>>30) * 0xbf58476d1ce4e5b9
			z = (z ^ z>>27) * 0x94d049bb133111eb
			seed := (z ^ z>>31) | 1
			clear(slots)
			ok := true
			for i, n := range names {
				s := KeyHash([]byte(n), seed) >> (64 - b)
				if slots[s] != 0 {
					ok = false
					break
				}
				slots[s] = byte(i + 1)
			}
			if ok {
				return Keys{Seed: seed, Shift: uint8(64 - b), Slots: string(slots), Names: names}, true
			}
		}
	}
	return Keys{}, false
}
