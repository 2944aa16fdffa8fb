package goview

import (
	"fmt"
	"sort"
	"strings"

	"github.com/gosmith/gosmith/codegen/model"
)

// selectOperations picks the operations of svc named in names (all of them
// when names is empty), sorted by name. A name the service does not bind is
// an error that suggests the name meant.
func selectOperations(svc *model.Shape, ops []*model.Shape, names []string) ([]*model.Shape, error) {
	if len(names) == 0 {
		return ops, nil
	}
	byName := map[string]*model.Shape{}
	known := make([]string, 0, len(ops))
	for _, op := range ops {
		byName[op.ID.Name()] = op
		known = append(known, op.ID.Name())
	}
	sort.Strings(known)
	var out []*model.Shape
	chosen := map[string]bool{}
	for _, n := range names {
		op, ok := byName[n]
		if !ok {
			return nil, shapeErr(svc, "", "operation %q is not bound to this service; %s", n, suggestOperation(n, known))
		}
		if !chosen[n] {
			chosen[n] = true
			out = append(out, op)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID.Name() < out[j].ID.Name() })
	return out, nil
}

// maxListedOperations is how many operation names an error lists before it
// only counts them.
const maxListedOperations = 20

// suggestOperation says which of known (sorted) the unknown name probably
// meant: the closest by a case-blind edit distance (so one that differs only
// in case comes first), if at most a third of the name differs; failing that
// it lists known, or counts it when the list would be long.
func suggestOperation(name string, known []string) string {
	best, bestDist := "", len(name)/3+1
	for _, k := range known {
		if d := editDistance(strings.ToLower(name), strings.ToLower(k)); d < bestDist {
			best, bestDist = k, d
		}
	}
	switch {
	case best != "":
		return "did you mean " + best + "?"
	case len(known) <= maxListedOperations:
		return "its operations are " + strings.Join(known, ", ")
	}
	return fmt.Sprintf("it has %d operations, none named like that", len(known))
}

// editDistance is the Levenshtein distance between a and b, in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev, cur := make([]int, len(rb)+1), make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
