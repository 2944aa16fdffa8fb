package model

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestTypedTraitAccessorsReadValues(t *testing.T) {
	tr := Traits{
		TraitDocumentation:    json.RawMessage(`"docs"`),
		TraitRequired:         json.RawMessage(`{}`),
		TraitDefault:          json.RawMessage(`null`),
		TraitClientOptional:   json.RawMessage(`{}`),
		TraitPaginated:        json.RawMessage(`{"inputToken": "in", "outputToken": "out", "items": "things", "pageSize": "max"}`),
		TraitError:            json.RawMessage(`"client"`),
		TraitHTTPError:        json.RawMessage(`429`),
		TraitRetryable:        json.RawMessage(`{"throttling": true}`),
		TraitTimestampFormat:  json.RawMessage(`"epoch-seconds"`),
		TraitSparse:           json.RawMessage(`{}`),
		TraitEnumValue:        json.RawMessage(`"v"`),
		TraitIdempotencyToken: json.RawMessage(`{}`),
		TraitDeprecated:       json.RawMessage(`{"message": "gone", "since": "2020"}`),
		TraitSensitive:        json.RawMessage(`{}`),
		TraitEndpoint:         json.RawMessage(`{"hostPrefix": "{Foo}."}`),
		TraitHostLabel:        json.RawMessage(`{}`),
		TraitInput:            json.RawMessage(`{}`),
		TraitOutput:           json.RawMessage(`{}`),
		TraitStreaming:        json.RawMessage(`{}`),
		TraitBox:              json.RawMessage(`{}`),
		TraitJSONName:         json.RawMessage(`"Name"`),
		TraitUniqueItems:      json.RawMessage(`{}`),
		TraitTitle:            json.RawMessage(`"Title"`),
		TraitEnum:             json.RawMessage(`[{"value": "x"}]`),
	}
	got := map[string]any{
		"Documentation":    tr.Documentation(),
		"Required":         tr.Required(),
		"ClientOptional":   tr.ClientOptional(),
		"Paginated":        tr.Paginated(),
		"ErrorKind":        tr.ErrorKind(),
		"HTTPError":        tr.HTTPError(),
		"Retryable":        tr.Retryable(),
		"TimestampFormat":  tr.TimestampFormat(),
		"Sparse":           tr.Sparse(),
		"EnumDefinitions":  tr.EnumDefinitions(),
		"IdempotencyToken": tr.IdempotencyToken(),
		"Deprecated":       tr.Deprecated(),
		"Sensitive":        tr.Sensitive(),
		"Endpoint":         tr.Endpoint(),
		"HostLabel":        tr.HostLabel(),
		"IsInput":          tr.IsInput(),
		"IsOutput":         tr.IsOutput(),
		"Streaming":        tr.Streaming(),
		"Box":              tr.Box(),
		"JSONName":         tr.JSONName(),
		"UniqueItems":      tr.UniqueItems(),
		"Title":            tr.Title(),
	}
	want := map[string]any{
		"Documentation":    "docs",
		"Required":         true,
		"ClientOptional":   true,
		"Paginated":        &Paginated{InputToken: "in", OutputToken: "out", Items: "things", PageSize: "max"},
		"ErrorKind":        "client",
		"HTTPError":        429,
		"Retryable":        &Retryable{Throttling: true},
		"TimestampFormat":  "epoch-seconds",
		"Sparse":           true,
		"EnumDefinitions":  []EnumDefinition{{Value: "x"}},
		"IdempotencyToken": true,
		"Deprecated":       &Deprecated{Message: "gone", Since: "2020"},
		"Sensitive":        true,
		"Endpoint":         &Endpoint{HostPrefix: "{Foo}."},
		"HostLabel":        true,
		"IsInput":          true,
		"IsOutput":         true,
		"Streaming":        true,
		"Box":              true,
		"JSONName":         "Name",
		"UniqueItems":      true,
		"Title":            "Title",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("accessors (-want +got):\n%s", diff)
	}
	if d, ok := tr.Default(); !ok || string(d) != "null" {
		t.Errorf("Default() = %s, %v; a null default is still a default", d, ok)
	}
	if v, ok := tr.EnumValue(); !ok || string(v) != `"v"` {
		t.Errorf("EnumValue() = %s, %v", v, ok)
	}
}

func TestTypedTraitAccessorsReturnZeroWhenAbsent(t *testing.T) {
	var tr Traits
	if tr.Documentation() != "" || tr.Required() || tr.Paginated() != nil || tr.ErrorKind() != "" ||
		tr.HTTPError() != 0 || tr.Retryable() != nil || tr.Deprecated() != nil || tr.Endpoint() != nil ||
		tr.EnumDefinitions() != nil || tr.JSONName() != "" || tr.Title() != "" || tr.Box() {
		t.Errorf("nil Traits returned a non-zero value")
	}
	if _, ok := tr.Default(); ok {
		t.Errorf("Default reported present")
	}
	if _, ok := tr.EnumValue(); ok {
		t.Errorf("EnumValue reported present")
	}
}

func TestTraitsDecode(t *testing.T) {
	tr := Traits{"smithy.api#length": json.RawMessage(`{"min": 1, "max": 5}`)}
	var length struct{ Min, Max int }
	if err := tr.Decode("smithy.api#length", &length); err != nil || length.Min != 1 || length.Max != 5 {
		t.Errorf("Decode = %+v, %v", length, err)
	}
	if err := tr.Decode("smithy.api#range", &length); !errors.Is(err, ErrTraitAbsent) {
		t.Errorf("Decode of absent trait = %v, want ErrTraitAbsent", err)
	}
	var s string
	if err := tr.Decode("smithy.api#length", &s); err == nil {
		t.Errorf("Decode into the wrong type succeeded")
	}
	if raw, ok := tr.Raw("smithy.api#length"); !ok || len(raw) == 0 {
		t.Errorf("Raw = %s, %v", raw, ok)
	}
}
