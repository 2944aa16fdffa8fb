package goview

import (
	"flag"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/gosmith/gosmith/codegen/model"
)

// The golden tests in ./codegen take -update; `go test ./codegen/... -update`
// passes it to every package, so it must parse here too.
var _ = flag.Bool("update", false, "rewrite golden files (used by ./codegen)")

func TestEnumVariantNamesFollowAWSSDKGoV2(t *testing.T) {
	for value, want := range map[string]string{
		"DEEP_ARCHIVE":                "DeepArchive",
		"public-read":                 "PublicRead",
		"bucket-owner-full-control":   "BucketOwnerFullControl",
		"HYPER-V":                     "HyperV",
		"LunAlreadyAllocated ":        "LunAlreadyAllocated",
		"ClientSpecified":             "ClientSpecified",
		"NFS":                         "Nfs",
		"MandatoryEncryptionNoAes128": "MandatoryEncryptionNoAes128",
		"private":                     "Private",
		"t2.micro":                    "T2Micro",
		"":                            "",
	} {
		if got := enumVariantName(value); got != want {
			t.Errorf("enumVariantName(%q) = %q, want %q", value, got, want)
		}
	}
}

func TestExportedNames(t *testing.T) {
	for in, want := range map[string]string{
		"errorCode":  "ErrorCode",
		"GatewayARN": "GatewayARN",
		"type":       "Type",
		"é":          "É",
	} {
		if got := exportedName(in); got != want {
			t.Errorf("exportedName(%q) = %q, want %q", in, got, want)
		}
	}
	if got := packageName("Storage Gateway"); got != "storagegateway" {
		t.Errorf("packageName = %q", got)
	}
}

func TestDocLinesRenderTheHTMLSubset(t *testing.T) {
	doc := `<p>Returns a list of <code>Tapes</code> &amp; more.</p> <p>Use:</p><ul><li><p>one</p></li><li>two</li></ul>`
	want := []string{
		"Returns a list of Tapes & more.",
		"",
		"Use:",
		"",
		"  - one",
		"  - two",
	}
	if diff := cmp.Diff(want, DocLines(doc)); diff != "" {
		t.Errorf("DocLines (-want +got):\n%s", diff)
	}
	long := strings.Repeat("word ", 40)
	for _, l := range DocLines(long) {
		if len(l) > docWidth {
			t.Errorf("line longer than %d: %q", docWidth, l)
		}
	}
	if got := DocLines("a < b"); len(got) != 1 || got[0] != "a < b" {
		t.Errorf("a lone < is text: %q", got)
	}
}

const testService = `"t.s#Svc":{"type":"service","version":"2020-01-01","operations":[{"target":"t.s#Op"}],
	"traits":{"aws.protocols#awsJson1_1":{},"aws.api#service":{"sdkId":"Test Svc","endpointPrefix":"tsvc"},"aws.auth#sigv4":{"name":"tsvc"}}},`

func build(t *testing.T, shapes string) (*Package, error) {
	t.Helper()
	m, err := model.Parse("test.json", []byte(`{"smithy":"2.0","shapes":{`+shapes+`}}`))
	if err != nil {
		t.Fatalf("model: %v", err)
	}
	return Build(m, Config{ImportPath: "example.com/tsvc"})
}

func TestPointerRulesAndFieldOrder(t *testing.T) {
	pkg, err := build(t, testService+`
	"t.s#Op":{"type":"operation","input":{"target":"t.s#In"}},
	"t.s#In":{"type":"structure","members":{
		"Str":{"target":"smithy.api#String"},
		"Zero":{"target":"smithy.api#Integer","traits":{"smithy.api#default":0}},
		"Five":{"target":"smithy.api#Integer","traits":{"smithy.api#default":5}},
		"Num":{"target":"smithy.api#Long"},
		"NoDefault":{"target":"t.s#ZeroLong","traits":{"smithy.api#default":null}},
		"Flag":{"target":"smithy.api#Boolean","traits":{"smithy.api#default":false,"smithy.api#required":{}}},
		"Color":{"target":"t.s#Color"},
		"List":{"target":"t.s#Strings"},
		"Map":{"target":"t.s#Dict"},
		"When":{"target":"smithy.api#Timestamp","traits":{"smithy.api#timestampFormat":"date-time"}},
		"Blob":{"target":"smithy.api#Blob"},
		"Nested":{"target":"t.s#Nested","traits":{"smithy.api#required":{}}}}},
	"t.s#Color":{"type":"enum","members":{"RED":{"target":"smithy.api#Unit"}}},
	"t.s#Strings":{"type":"list","member":{"target":"smithy.api#String"}},
	"t.s#Dict":{"type":"map","key":{"target":"smithy.api#String"},"value":{"target":"smithy.api#String"}},
	"t.s#Nested":{"type":"structure","members":{}},
	"t.s#ZeroLong":{"type":"long","traits":{"smithy.api#default":0}}`)
	if err != nil {
		t.Fatal(err)
	}
	in := pkg.Operations[0].Input
	type row struct {
		Name    string
		Pointer bool
		Omit    bool
	}
	var got []row
	for _, f := range in.Fields {
		got = append(got, row{f.GoName, f.Pointer, f.OmitZero})
	}
	want := []row{ // required first, then by name
		{"Flag", false, false},
		{"Nested", true, false},
		{"Blob", false, false},
		{"Color", false, false},
		{"Five", true, false},
		{"List", false, false},
		{"Map", false, false},
		{"NoDefault", true, false}, // a null default removes the target's
		{"Num", true, false},
		{"Str", true, false},
		{"When", true, false},
		{"Zero", false, true},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("fields (-want +got):\n%s", diff)
	}
	var wire []string
	for _, f := range in.WireFields {
		wire = append(wire, f.Name)
	}
	if diff := cmp.Diff([]string{"Blob", "Color", "Five", "Flag", "List", "Map", "Nested", "NoDefault", "Num", "Str", "When", "Zero"}, wire); diff != "" {
		t.Errorf("wire order (-want +got):\n%s", diff)
	}
	for _, f := range in.Fields {
		if f.GoName == "When" && f.TimestampFormat != DateTime {
			t.Errorf("When format = %q", f.TimestampFormat)
		}
	}
	if pkg.Name != "testsvc" || pkg.Service.SigningName != "tsvc" || pkg.Service.ContentType != "application/x-amz-json-1.1" {
		t.Errorf("service = %+v, package %s", pkg.Service, pkg.Name)
	}
}

func TestErrorMembersAvoidMethodNames(t *testing.T) {
	pkg, err := build(t, testService+`
	"t.s#Op":{"type":"operation","errors":[{"target":"t.s#Oops"}]},
	"t.s#Oops":{"type":"structure","members":{"error":{"target":"smithy.api#String"},"message":{"target":"smithy.api#String"}},
		"traits":{"smithy.api#error":"server"}}`)
	if err != nil {
		t.Fatal(err)
	}
	e := pkg.Errors[0]
	if e.Error.Fault != "server" || e.Error.Code != "Oops" {
		t.Errorf("error info = %+v", e.Error)
	}
	var names []string
	for _, f := range e.Fields {
		names = append(names, f.GoName)
	}
	if diff := cmp.Diff([]string{"Error_", "Message"}, names); diff != "" {
		t.Errorf("fields (-want +got):\n%s", diff)
	}
}

// Lambda's TooManyRequestsException: aws-sdk-go-v2 declares an error's
// fields in the model's order, required or not, whatever their case.
func TestErrorFieldsKeepTheModelOrder(t *testing.T) {
	pkg, err := build(t, testService+`
	"t.s#Op":{"type":"operation","errors":[{"target":"t.s#Slow"}]},
	"t.s#Slow":{"type":"structure","members":{
		"retryAfterSeconds":{"target":"smithy.api#String","traits":{"smithy.api#httpHeader":"Retry-After"}},
		"Type":{"target":"smithy.api#String"},
		"message":{"target":"smithy.api#String"},
		"Reason":{"target":"smithy.api#String","traits":{"smithy.api#required":{}}}},
		"traits":{"smithy.api#error":"client"}}`)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range pkg.Errors[0].Fields {
		names = append(names, f.GoName)
	}
	if diff := cmp.Diff([]string{"RetryAfterSeconds", "Type", "Message", "Reason"}, names); diff != "" {
		t.Errorf("fields (-want +got):\n%s", diff)
	}
}

func TestBuildRejectsWhatItCannotGenerate(t *testing.T) {
	tests := []struct {
		name, shapes, mention string
	}{
		{"unsupported protocol", `"t.s#Svc":{"type":"service","version":"1","traits":{"aws.protocols#awsQuery":{}}}`, "awsQuery"},
		{"no service", `"t.s#S":{"type":"string"}`, "no service"},
		{"paginator names a missing member", testService + `
			"t.s#Op":{"type":"operation","input":{"target":"t.s#In"},"output":{"target":"t.s#Out"},
				"traits":{"smithy.api#paginated":{"inputToken":"Next","outputToken":"Next","items":"Nope"}}},
			"t.s#In":{"type":"structure","members":{"Next":{"target":"smithy.api#String"}}},
			"t.s#Out":{"type":"structure","members":{"Next":{"target":"smithy.api#String"}}}`, "Nope"},
		{"enum with a repeated value", testService + `
			"t.s#Op":{"type":"operation","input":{"target":"t.s#In"}},
			"t.s#In":{"type":"structure","members":{"C":{"target":"t.s#E"}}},
			"t.s#E":{"type":"enum","members":{"A":{"target":"smithy.api#Unit","traits":{"smithy.api#enumValue":"x"}},"B":{"target":"smithy.api#Unit","traits":{"smithy.api#enumValue":"x"}}}}`, `"x"`},
		{"bigInteger not yet supported", testService + `
			"t.s#Op":{"type":"operation","input":{"target":"t.s#In"}},
			"t.s#In":{"type":"structure","members":{"U":{"target":"t.s#Big"}}},
			"t.s#Big":{"type":"bigInteger"}`, "t.s#Big"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := build(t, tt.shapes)
			if err == nil {
				t.Fatal("want an error")
			}
			if !strings.Contains(err.Error(), tt.mention) {
				t.Errorf("error %q does not mention %s", err, tt.mention)
			}
		})
	}
}

// eventStreamShapes is an operation whose output is an event stream with
// an event of every binding (headers, an explicit payload, an implicit
// JSON payload) and a modeled error.
const eventStreamShapes = testService + `
	"t.s#Op":{"type":"operation","output":{"target":"t.s#Out"}},
	"t.s#Out":{"type":"structure","members":{"Shard":{"target":"smithy.api#String"},"Events":{"target":"t.s#Stream"}}},
	"t.s#Stream":{"type":"union","traits":{"smithy.api#streaming":{}},"members":{
		"chunk":{"target":"t.s#Chunk"},"note":{"target":"t.s#Note"},"oops":{"target":"t.s#Oops"}}},
	"t.s#Chunk":{"type":"structure","members":{
		"seq":{"target":"smithy.api#Long","traits":{"smithy.api#eventHeader":{}}},
		"bytes":{"target":"smithy.api#Blob","traits":{"smithy.api#eventPayload":{}}}}},
	"t.s#Note":{"type":"structure","members":{
		"kind":{"target":"smithy.api#String","traits":{"smithy.api#eventHeader":{}}},
		"text":{"target":"smithy.api#String"}}},
	"t.s#Oops":{"type":"structure","traits":{"smithy.api#error":"server"},"members":{"message":{"target":"smithy.api#String"}}}`

func TestOutputEventStreamsSplitEventsFromErrors(t *testing.T) {
	pkg, err := build(t, eventStreamShapes)
	if err != nil {
		t.Fatal(err)
	}
	if len(pkg.Operations) != 1 || len(pkg.Warnings) != 0 {
		t.Fatalf("operations %d, warnings %q", len(pkg.Operations), pkg.Warnings)
	}
	op := pkg.Operations[0]
	es := op.EventStream
	if es == nil || es.Input != nil || es.OutputMember.Name != "Events" || es.Name != "OpEventStream" || es.NewName != "NewOpEventStream" || es.Output.ReaderName != "StreamReader" {
		t.Fatalf("event stream %+v", es)
	}
	for _, f := range op.Output.Fields {
		if f.Name == "Events" {
			t.Error("the stream member is an output field")
		}
	}
	if len(op.Output.BodyFields) != 1 || op.Output.BodyFields[0].Name != "Shard" {
		t.Errorf("output body fields %v: want Shard alone (awsJson's initial response)", op.Output.BodyFields)
	}
	var names []string
	for _, f := range es.Output.Union.Fields {
		names = append(names, f.Name)
	}
	if strings.Join(names, ",") != "chunk,note" {
		t.Errorf("union members %v, want the events only", names)
	}
	chunk, note := es.Output.Events[0], es.Output.Events[1]
	if len(chunk.Headers) != 1 || chunk.Payload == nil || chunk.Payload.Name != "bytes" || chunk.Body {
		t.Errorf("chunk: %+v", chunk)
	}
	if len(note.Headers) != 1 || note.Payload != nil || !note.Body {
		t.Errorf("note: %+v", note)
	}
	if len(es.Output.Errors) != 1 || es.Output.Errors[0].Name != "oops" || es.Output.Errors[0].Struct.Error == nil || !es.Output.Errors[0].Body {
		t.Errorf("errors %+v", es.Output.Errors)
	}
	if len(pkg.EventStreams) != 1 || pkg.EventStreams[0] != es.Output || pkg.UnknownEventMessageError != "UnknownEventMessageError" {
		t.Errorf("package event streams %v, %q", pkg.EventStreams, pkg.UnknownEventMessageError)
	}
	des := map[string]bool{}
	for _, t := range pkg.Deserialized {
		des[t.Name] = true
	}
	if !des["Note"] || !des["Oops"] || des["Chunk"] || des["Stream"] {
		t.Errorf("JSON deserializers for %v: want the JSON payloads' (Note, Oops) only", des)
	}
}

func TestInputEventStreamsOverAWSJSONAreSkippedWithAWarning(t *testing.T) {
	shapes := testService + `
	"t.s#Op":{"type":"operation","input":{"target":"t.s#In"}},
	"t.s#In":{"type":"structure","members":{"Events":{"target":"t.s#Stream"}}},
	"t.s#Stream":{"type":"union","members":{"A":{"target":"t.s#Ev"}},"traits":{"smithy.api#streaming":{}}},
	"t.s#Ev":{"type":"structure","members":{}}`
	pkg, err := build(t, shapes)
	if err != nil {
		t.Fatal(err)
	}
	if len(pkg.Operations) != 0 || len(pkg.Warnings) != 1 || !strings.Contains(pkg.Warnings[0], "operation Op skipped") ||
		!strings.Contains(pkg.Warnings[0], "input event streams over awsJson1_1 are not supported") {
		t.Errorf("operations %d, warnings %q", len(pkg.Operations), pkg.Warnings)
	}
	m, _ := model.Parse("test.json", []byte(`{"smithy":"2.0","shapes":{`+shapes+`}}`))
	if _, err := Build(m, Config{ImportPath: "x", Strict: true}); err == nil || !strings.Contains(err.Error(), "input event streams") {
		t.Errorf("strict: want an input event stream error, got %v", err)
	}
}

// A restJson1 operation with an event stream each way, as Transcribe
// Streaming's: the input's union gets a writer, its events' payload
// members serializers.
func TestDuplexEventStreams(t *testing.T) {
	shapes := strings.Replace(testService, "awsJson1_1", "restJson1", 1) + `
	"t.s#Op":{"type":"operation","input":{"target":"t.s#In"},"output":{"target":"t.s#Out"},"traits":{"smithy.api#http":{"method":"POST","uri":"/stream"}}},
	"t.s#In":{"type":"structure","members":{
		"Lang":{"target":"smithy.api#String","traits":{"smithy.api#httpHeader":"x-lang"}},
		"Audio":{"target":"t.s#AudioStream","traits":{"smithy.api#httpPayload":{},"smithy.api#required":{}}}}},
	"t.s#Out":{"type":"structure","members":{
		"Results":{"target":"t.s#ResultStream","traits":{"smithy.api#httpPayload":{}}}}},
	"t.s#AudioStream":{"type":"union","traits":{"smithy.api#streaming":{}},"members":{
		"Audio":{"target":"t.s#AudioEvent"},"Config":{"target":"t.s#ConfigEvent"}}},
	"t.s#AudioEvent":{"type":"structure","members":{"Chunk":{"target":"smithy.api#Blob","traits":{"smithy.api#eventPayload":{}}}}},
	"t.s#ConfigEvent":{"type":"structure","members":{
		"Id":{"target":"smithy.api#String","traits":{"smithy.api#eventHeader":{}}},
		"Channels":{"target":"t.s#Channels"}}},
	"t.s#Channels":{"type":"list","member":{"target":"t.s#Channel"}},
	"t.s#Channel":{"type":"structure","members":{"N":{"target":"smithy.api#Integer"}}},
	"t.s#ResultStream":{"type":"union","traits":{"smithy.api#streaming":{}},"members":{"Result":{"target":"t.s#ResultEvent"}}},
	"t.s#ResultEvent":{"type":"structure","members":{"Text":{"target":"smithy.api#String"}}}`
	pkg, err := build(t, shapes)
	if err != nil {
		t.Fatal(err)
	}
	if len(pkg.Operations) != 1 || len(pkg.Warnings) != 0 {
		t.Fatalf("operations %d, warnings %q", len(pkg.Operations), pkg.Warnings)
	}
	op := pkg.Operations[0]
	es := op.EventStream
	if es == nil || es.Input == nil || es.Output == nil || es.InputMember.Name != "Audio" || es.OutputMember.Name != "Results" || es.Name != "OpEventStream" {
		t.Fatalf("event stream %+v", es)
	}
	if es.Input.WriterName != "AudioStreamWriter" || es.Input.ReaderName != "" || es.Output.ReaderName != "ResultStreamReader" || es.Output.WriterName != "" {
		t.Errorf("writer %q reader %q, output's writer %q reader %q", es.Input.WriterName, es.Input.ReaderName, es.Output.WriterName, es.Output.ReaderName)
	}
	for _, f := range op.Input.Fields {
		if f.Name == "Audio" {
			t.Error("the input stream member is an input field")
		}
	}
	config := es.Input.Events[1]
	if body := config.BodyFields(); len(body) != 1 || body[0].Name != "Channels" || len(config.Headers) != 1 {
		t.Errorf("ConfigEvent: headers %v, body %v; want Id, Channels", config.Headers, body)
	}
	ser := map[string]bool{}
	for _, t := range pkg.Serialized {
		ser[t.Name] = true
	}
	if !ser["Channel"] || ser["ConfigEvent"] || ser["AudioEvent"] || ser["AudioStream"] {
		t.Errorf("JSON serializers for %v: want the body members' (Channels, Channel) only", ser)
	}
}

func TestMalformedEventStreamsAreErrorsNamingTheMember(t *testing.T) {
	tests := []struct{ name, from, to, mention string }{
		{"a member that is not a structure",
			`"note":{"target":"t.s#Note"}`, `"note":{"target":"smithy.api#String"}`, "t.s#Stream member note: an event stream member must target a structure"},
		{"a payload beside other members",
			`"kind":{"target":"smithy.api#String","traits":{"smithy.api#eventHeader":{}}}`, `"kind":{"target":"smithy.api#String","traits":{"smithy.api#eventPayload":{}}}`, "t.s#Note member kind"},
		{"a header that is a structure",
			`"seq":{"target":"smithy.api#Long",`, `"seq":{"target":"t.s#Note",`, "t.s#Chunk member seq: an @eventHeader member cannot be a structure"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			shapes := strings.Replace(eventStreamShapes, tt.from, tt.to, 1)
			if shapes == eventStreamShapes {
				t.Fatalf("%q not in the model", tt.from)
			}
			_, err := build(t, shapes)
			if err == nil || !strings.Contains(err.Error(), tt.mention) {
				t.Errorf("err = %v, want one mentioning %q", err, tt.mention)
			}
		})
	}
}

func TestUnknownOperationSuggestsTheNameMeant(t *testing.T) {
	few := []string{"DescribeTapeArchives", "DescribeTapes", "ListTapes"}
	many := append([]string{}, few...)
	for i := range maxListedOperations {
		many = append(many, fmt.Sprintf("Operation%02d", i))
	}
	tests := []struct {
		name, unknown string
		known         []string
		want          string
	}{
		{"a name differing only in case comes first", "DESCRIBETAPES", []string{"DescribeTape", "DescribeTapes"}, "did you mean DescribeTapes?"},
		{"one letter missing", "DescribeTape", few, "did you mean DescribeTapes?"},
		{"a transposition", "LsitTapes", few, "did you mean ListTapes?"},
		{"too far from every name lists the few there are", "CreateGateway", few, "its operations are DescribeTapeArchives, DescribeTapes, ListTapes"},
		{"too far from every name in a long list only counts them", "CreateGateway", many, "it has 23 operations, none named like that"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := suggestOperation(tt.unknown, tt.known); got != tt.want {
				t.Errorf("suggestOperation(%q) = %q, want %q", tt.unknown, got, tt.want)
			}
		})
	}
}

func TestPackageNamesThatCannotBeImported(t *testing.T) {
	for _, name := range []string{"my-pkg", "type", "func", "_", "main", "9lives", ""} {
		if CheckPackageName(name) == nil {
			t.Errorf("CheckPackageName(%q) = nil, want an error", name)
		}
	}
	for _, name := range []string{"storagegateway", "dynamodb", "string", "Sg2"} {
		if err := CheckPackageName(name); err != nil {
			t.Errorf("CheckPackageName(%q) = %v", name, err)
		}
	}
}
