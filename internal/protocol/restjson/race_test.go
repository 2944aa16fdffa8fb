//go:build race

package restjson

const raceEnabled = true
