package restjson

import (
	"math/rand/v2"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"
)

// suiteForm rewrites an encoded query as the compliance suite writes its
// queryParams: one "key=value" per parameter with a space as %20 (how
// smithy-go's protocol tests compare aws-sdk-go-v2's '+').
func suiteForm(raw string) []string {
	if raw == "" {
		return nil
	}
	params := strings.Split(strings.ReplaceAll(raw, "+", "%20"), "&")
	slices.Sort(params)
	return params
}

func TestQuery(t *testing.T) {
	stringLists := map[string][]string{
		// RestJsonAllQueryStringTypes sets the map too; every key is bound.
		"String": {"Hello there"}, "StringList": {"a", "b", "c"}, "Integer": {"3"}, "Timestamp": {"1970-01-01T00:00:01Z"},
	}
	tests := []struct {
		name  string
		build func(q *Query)
		want  string   // the encoded query, as aws-sdk-go-v2 sends it unsigned
		suite []string // the case's queryParams
	}{
		{
			"RestJsonAllQueryStringTypes",
			func(q *Query) {
				q.Add("String", "Hello there")
				for _, v := range []string{"a", "b", "c"} {
					q.Add("StringList", v)
					q.Add("StringSet", v)
				}
				q.Add("Byte", FormatInt(int8(1)))
				q.Add("Short", FormatInt(int16(2)))
				q.Add("Integer", FormatInt(int32(3)))
				for _, v := range []int32{1, 2, 3} {
					q.Add("IntegerList", FormatInt(v))
					q.Add("IntegerSet", FormatInt(v))
					q.Add("IntegerEnumList", FormatInt(v))
				}
				q.Add("Long", FormatInt(int64(4)))
				q.Add("Float", FormatFloat(float32(1.1)))
				q.Add("Double", FormatFloat(1.1))
				for _, v := range []float64{1.1, 2.1, 3.1} {
					q.Add("DoubleList", FormatFloat(v))
				}
				q.Add("Boolean", "true")
				for _, v := range []string{"true", "false", "true"} {
					q.Add("BooleanList", v)
				}
				q.Add("Timestamp", FormatDateTime(time.Unix(1, 0)))
				for _, s := range []int64{1, 2, 3} {
					q.Add("TimestampList", FormatDateTime(time.Unix(s, 0)))
				}
				q.Add("Enum", "Foo")
				for _, v := range []string{"Foo", "Baz", "Bar"} {
					q.Add("EnumList", v)
				}
				q.Add("IntegerEnum", FormatInt(int32(1)))
				q.AddParamLists(stringLists)
			},
			"Boolean=true&BooleanList=true&BooleanList=false&BooleanList=true&Byte=1&Double=1.1&DoubleList=1.1&DoubleList=2.1&DoubleList=3.1&Enum=Foo&EnumList=Foo&EnumList=Baz&EnumList=Bar&Float=1.1&Integer=3&IntegerEnum=1&IntegerEnumList=1&IntegerEnumList=2&IntegerEnumList=3&IntegerList=1&IntegerList=2&IntegerList=3&IntegerSet=1&IntegerSet=2&IntegerSet=3&Long=4&Short=2&String=Hello+there&StringList=a&StringList=b&StringList=c&StringSet=a&StringSet=b&StringSet=c&Timestamp=1970-01-01T00%3A00%3A01Z&TimestampList=1970-01-01T00%3A00%3A01Z&TimestampList=1970-01-01T00%3A00%3A02Z&TimestampList=1970-01-01T00%3A00%3A03Z",
			[]string{"String=Hello%20there", "StringList=a", "StringList=b", "StringList=c", "StringSet=a", "StringSet=b", "StringSet=c", "Byte=1", "Short=2", "Integer=3", "IntegerList=1", "IntegerList=2", "IntegerList=3", "IntegerSet=1", "IntegerSet=2", "IntegerSet=3", "Long=4", "Float=1.1", "Double=1.1", "DoubleList=1.1", "DoubleList=2.1", "DoubleList=3.1", "Boolean=true", "BooleanList=true", "BooleanList=false", "BooleanList=true", "Timestamp=1970-01-01T00%3A00%3A01Z", "TimestampList=1970-01-01T00%3A00%3A01Z", "TimestampList=1970-01-01T00%3A00%3A02Z", "TimestampList=1970-01-01T00%3A00%3A03Z", "Enum=Foo", "EnumList=Foo", "EnumList=Baz", "EnumList=Bar", "IntegerEnum=1", "IntegerEnumList=1", "IntegerEnumList=2", "IntegerEnumList=3"},
		},
		{
			"RestJsonQueryStringMap",
			func(q *Query) {
				q.AddParamLists(map[string][]string{"QueryParamsStringKeyA": {"Foo"}, "QueryParamsStringKeyB": {"Bar"}})
			},
			"QueryParamsStringKeyA=Foo&QueryParamsStringKeyB=Bar",
			[]string{"QueryParamsStringKeyA=Foo", "QueryParamsStringKeyB=Bar"},
		},
		{
			"RestJsonQueryStringEscaping",
			func(q *Query) {
				q.Add("String", " %:/?#[]@!$&'()*+,;=😹")
				q.AddParamLists(map[string][]string{"String": {" %:/?#[]@!$&'()*+,;=😹"}})
			},
			"String=+%25%3A%2F%3F%23%5B%5D%40%21%24%26%27%28%29%2A%2B%2C%3B%3D%F0%9F%98%B9",
			[]string{"String=%20%25%3A%2F%3F%23%5B%5D%40%21%24%26%27%28%29%2A%2B%2C%3B%3D%F0%9F%98%B9"},
		},
		{"RestJsonSupportsNaNFloatQueryValues", func(q *Query) { q.Add("Float", FormatFloat(float32(nan()))); q.Add("Double", FormatFloat(nan())) }, "Double=NaN&Float=NaN", []string{"Float=NaN", "Double=NaN"}},
		{"RestJsonSupportsInfinityFloatQueryValues", func(q *Query) { q.Add("Float", FormatFloat(float32(inf(1)))); q.Add("Double", FormatFloat(inf(1))) }, "Double=Infinity&Float=Infinity", []string{"Float=Infinity", "Double=Infinity"}},
		{"RestJsonSupportsNegativeInfinityFloatQueryValues", func(q *Query) { q.Add("Float", FormatFloat(float32(inf(-1)))); q.Add("Double", FormatFloat(inf(-1))) }, "Double=-Infinity&Float=-Infinity", []string{"Float=-Infinity", "Double=-Infinity"}},
		{"RestJsonZeroAndFalseQueryValues", func(q *Query) { q.Add("Integer", FormatInt(int32(0))); q.Add("Boolean", "false") }, "Boolean=false&Integer=0", []string{"Integer=0", "Boolean=false"}},
		{
			"RestJsonConstantAndVariableQueryStringMissingOneValue",
			func(q *Query) {
				q.AddLiteral(MustParseURI("/ConstantAndVariableQueryString?foo=bar"))
				q.Add("baz", "bam")
			},
			"baz=bam&foo=bar",
			[]string{"foo=bar", "baz=bam"},
		},
		{
			"RestJsonConstantQueryString: a literal key without a value gets '='",
			func(q *Query) { q.AddLiteral(MustParseURI("/ConstantQueryString/{hello}?foo=bar&hello")) },
			"foo=bar&hello=",
			[]string{"foo=bar", "hello="}, // the suite writes "hello", which reads the same
		},
		{"RestJsonSerializesEmptyQueryValue", func(q *Query) { q.Add("Empty", "") }, "Empty=", []string{"Empty="}},
		{"RestJsonOmitsEmptyListQueryValues", func(q *Query) {}, "", nil},
		{
			"RestJsonQueryIdempotencyTokenAutoFill",
			func(q *Query) { q.Add("token", "00000000-0000-4000-8000-000000000000") },
			"token=00000000-0000-4000-8000-000000000000",
			[]string{"token=00000000-0000-4000-8000-000000000000"},
		},
		{
			"RestJsonQueryParamsStringListMap",
			func(q *Query) { q.Add("corge", "named"); q.AddParamLists(map[string][]string{"baz": {"bar", "qux"}}) },
			"baz=bar&baz=qux&corge=named",
			[]string{"corge=named", "baz=bar", "baz=qux"},
		},
		{
			"RestJsonQueryPrecedence: a bound key beats the map's",
			func(q *Query) {
				q.Add("bar", "named")
				q.AddParams(map[string]string{"bar": "fromMap", "qux": "alsoFromMap"})
			},
			"bar=named&qux=alsoFromMap",
			[]string{"bar=named", "qux=alsoFromMap"},
		},
		{
			"a bound empty value beats the map's too",
			func(q *Query) { q.Add("bar", ""); q.AddParams(map[string]string{"bar": "fromMap"}) },
			"bar=",
			[]string{"bar="},
		},
		{"HttpQueryParamsOnlyRequest", func(q *Query) { q.AddParams(map[string]string{"a": "b", "c": "d"}) }, "a=b&c=d", []string{"a=b", "c=d"}},
		{"HttpQueryParamsOnlyEmptyRequest", func(q *Query) { q.AddParams(map[string]string{}) }, "", nil},
		{
			"the endpoint's query, then the literal one, then the members",
			func(q *Query) {
				if err := q.AddRaw("z=1&a=x+y&a=%7E"); err != nil {
					panic(err)
				}
				q.AddLiteral(MustParseURI("/?a=lit"))
				q.Add("a", "member")
			},
			"a=x+y&a=~&a=lit&a=member&z=1",
			[]string{"a=x%20y", "a=~", "a=lit", "a=member", "z=1"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var q Query
			tt.build(&q)
			got := q.Encode()
			if got != tt.want {
				t.Errorf("Encode() =\n%s\nwant\n%s", got, tt.want)
			}
			want := slices.Clone(tt.suite)
			slices.Sort(want)
			if g := suiteForm(got); !slices.Equal(g, want) {
				t.Errorf("parameters %q, the case wants %q", g, want)
			}
		})
	}
}

func TestQueryAddRawRejectsMalformedQueries(t *testing.T) {
	var q Query
	if err := q.AddRaw("a=%zz"); err == nil {
		t.Error("AddRaw accepted a bad escape")
	}
	if (&Query{}).Has("x") {
		t.Error("an empty Query has x")
	}
}

// Encode is url.Values.Encode for the same parameters added in the same
// order, whatever the keys and values.
func TestQueryEncodeMatchesURLValues(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	alphabet := []rune("aAzZ09-_.~ +%&=?/#é😹\x00\x7f")
	word := func() string {
		b := make([]rune, r.IntN(5))
		for i := range b {
			b[i] = alphabet[r.IntN(len(alphabet))]
		}
		return string(b)
	}
	for range 2000 {
		var q Query
		values := url.Values{}
		for range r.IntN(6) {
			k, v := word(), word()
			q.Add(k, v)
			values.Add(k, v)
		}
		if got, want := q.Encode(), values.Encode(); got != want {
			t.Fatalf("Encode() = %q, url.Values gives %q", got, want)
		}
	}
}
