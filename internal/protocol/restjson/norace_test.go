//go:build !race

package restjson

const raceEnabled = false
