package endpoints

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
)

// TestRegionMatchersMatchAsTheRegexps: each partition's matcher accepts
// exactly the region names its RegionRegex does, on the listed regions,
// names close to them and random strings from the characters that matter.
func TestRegionMatchersMatchAsTheRegexps(t *testing.T) {
	names := []string{"", "-", "us", "us-", "us-east", "us-east-", "us-east-1", "us-east-1-", "us-east-1a", "us-east_x-10",
		"us-gov-west-1", "us-iso-east-1", "us-isob-east-1", "eusc-de-east-1", "eusc-fr-east-1", "cn-north-1", "mx-central-1",
		"US-east-1", "us-East-1", "us-e$st-1", "us--1", "us-east-1\n", "xus-east-1", "us-east-99999"}
	for _, p := range partitionTable {
		names = append(names, p.Regions...)
	}
	rng := rand.New(rand.NewPCG(5, 6))
	const alphabet = "usegovcnisobdefrmx-_1209aEZ$"
	for range 20000 {
		var b strings.Builder
		for range 1 + rng.IntN(16) {
			b.WriteByte(alphabet[rng.IntN(len(alphabet))])
		}
		names = append(names, b.String())
		// And a plausible region with one character changed.
		r := []byte(names[rng.IntN(24)])
		if len(r) > 0 {
			r[rng.IntN(len(r))] = alphabet[rng.IntN(len(alphabet))]
		}
		names = append(names, string(r))
	}
	for i, p := range partitionTable {
		re := regexp.MustCompile(p.RegionRegex)
		for _, name := range names {
			if got, want := partitionMatchers[i].match(name), re.MatchString(name); got != want {
				t.Errorf("%s: %q: matcher says %v, %s says %v", p.ID, name, got, p.RegionRegex, want)
			}
		}
	}
}

func TestRegionMatcherRejectsOtherRegexps(t *testing.T) {
	for _, re := range []string{`^us\-\w+$`, `us\-\w+\-\d+$`, `^(us|eu\-\w+\-\d+$`, `^u.\-\w+\-\d+$`} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s: accepted", re)
				}
			}()
			newRegionMatcher(re)
		}()
	}
}
