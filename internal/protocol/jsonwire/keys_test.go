package jsonwire

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// keySets are name sets shaped like AWS structures': shared prefixes and
// suffixes, lengths from 1 to over 16 bytes, case variants.
func keySets() map[string][]string {
	sets := map[string][]string{
		"short":         {"a", "b", "A", "ab", "ba", "abc", "acb", "bbb"},
		"case variants": {"message", "Message", "MESSAGE", "Arn", "ARN", "arn", "Name", "name"},
		"shared prefix": {"TrainingJobName", "TrainingJobArn", "TrainingJobStatus", "TrainingJobStatusEquals",
			"TrainingJobDefinition", "TrainingJobDefinitions", "TrainingJobEarlyStoppingType", "TrainingJob"},
		"every length": nil,
		"max":          nil,
	}
	for n := 1; n <= 40; n++ {
		sets["every length"] = append(sets["every length"], strings.Repeat("k", n))
	}
	r := rand.New(rand.NewPCG(1, 2))
	for len(sets["max"]) < MaxKeys {
		b := make([]byte, 1+r.IntN(30))
		for i := range b {
			b[i] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"[r.IntN(52)]
		}
		name := "Hyper" + string(b)
		if !slices.Contains(sets["max"], name) {
			sets["max"] = append(sets["max"], name)
		}
	}
	return sets
}

func TestPerfectKeysFindEachNameAndNothingElse(t *testing.T) {
	for name, names := range keySets() {
		t.Run(name, func(t *testing.T) {
			k, ok := PerfectKeys(names)
			if !ok {
				t.Fatalf("no table for %d names", len(names))
			}
			if len(k.Slots)&(len(k.Slots)-1) != 0 || len(k.Slots) < 2*len(names) || 1<<(64-k.Shift) != len(k.Slots) {
				t.Errorf("%d slots, shift %d: want a power of two, at least twice the names, matching the shift", len(k.Slots), k.Shift)
			}
			for i, n := range names {
				if got := k.Find([]byte(n)); got != i {
					t.Errorf("Find(%q) = %d, want %d", n, got, i)
				}
			}
			// Near misses: each name changed at each position, cut, extended.
			for _, n := range names {
				var misses []string
				for i := range len(n) {
					b := []byte(n)
					b[i] ^= 0x20
					misses = append(misses, string(b))
				}
				misses = append(misses, n[:len(n)-1], n+"x", "x"+n, "")
				for _, m := range misses {
					if got := k.Find([]byte(m)); got >= 0 && names[got] != m {
						t.Errorf("Find(%q) = %d (%q), want -1", m, got, names[got])
					}
				}
			}
		})
	}
}

func TestPerfectKeysIsReproducible(t *testing.T) {
	names := keySets()["shared prefix"]
	a, _ := PerfectKeys(names)
	b, _ := PerfectKeys(append([]string(nil), names...))
	if diff := cmp.Diff(a, b); diff != "" {
		t.Errorf("two layouts of the same names differ (-first +second):\n%s", diff)
	}
}

func TestPerfectKeysRefusesWhatItCannotLayOut(t *testing.T) {
	var tooMany []string
	for i := range MaxKeys + 1 {
		tooMany = append(tooMany, fmt.Sprintf("Key%d", i))
	}
	tests := map[string][]string{
		"none":       nil,
		"duplicates": {"Name", "Arn", "Name"},
		"too many":   tooMany,
		// Same length, same first and last 8 bytes: KeyHash reads nothing else.
		"differing only in the middle": {"ModelPackageGroupArn", "ModelPacXageGroupArn"},
	}
	for name, names := range tests {
		if k, ok := PerfectKeys(names); ok {
			t.Errorf("%s: got a table (%d slots), want none", name, len(k.Slots))
		}
	}
}

func TestFindOnAMalformedTableIsAMiss(t *testing.T) {
	tables := []Keys{
		{},
		{Seed: 1, Shift: 0, Slots: "\x01", Names: []string{"a"}},
		{Seed: 1, Shift: 60, Slots: "\x05\x05", Names: []string{"a"}},
	}
	for _, k := range tables {
		for _, key := range []string{"", "a", "abcdefghijklmnopqrstuvwxyz"} {
			if got := k.Find([]byte(key)); got != -1 && k.Names[got] != key {
				t.Errorf("%+v: Find(%q) = %d, want -1", k, key, got)
			}
		}
	}
}

func TestFindAllocatesNothing(t *testing.T) {
	k, _ := PerfectKeys(keySets()["every length"])
	key := []byte(strings.Repeat("k", 33))
	if n := testing.AllocsPerRun(100, func() { k.Find(key) }); n != 0 {
		t.Errorf("Find allocates %v times, want 0", n)
	}
}
