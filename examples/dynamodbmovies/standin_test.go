package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"hash/crc32"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// standIn is a local DynamoDB with one table keyed like the Movies table
// (partition key year, a number; sort key title, a string), held in memory.
// It speaks awsJson1_0 as DynamoDB does for what this program sends: PutItem
// with an attribute_not_exists condition, and Query with a key condition,
// Limit and ExclusiveStartKey, paging with LastEvaluatedKey. Errors have
// DynamoDB's bodies (__type with the shape ID, message), responses its
// X-Amz-Crc32 header. A request it does not expect fails the test.
type standIn struct {
	t      *testing.T
	table  string
	keyID  string // every request must be signed with this access key ID
	region string // ... for this region

	mu    sync.Mutex
	years map[string][]item // by year (as its number reads), sorted by title
	calls []call
}

// call is one request the stand-in answered.
type call struct {
	Operation string // PutItem, Query
	Body      map[string]any
}

// item is an item as DynamoDB's JSON has it: attribute name to a value such
// as {"S": "Rush"} or {"N": "2013"}.
type item map[string]attributeValue

type attributeValue map[string]any

func newStandIn(t *testing.T, table string) *standIn {
	return &standIn{t: t, table: table, keyID: testKeyID, region: testRegion, years: map[string][]item{}}
}

// start serves the stand-in on a loopback port and returns its URL.
func (s *standIn) start() string {
	srv := httptest.NewServer(s)
	s.t.Cleanup(srv.Close)
	return srv.URL
}

// hostRecorder is an HTTP client that sends every request to the stand-in,
// whichever host the client resolved for it, and records that host.
type hostRecorder struct {
	standIn *url.URL

	mu    sync.Mutex
	hosts []string
}

func (h *hostRecorder) Do(r *http.Request) (*http.Response, error) {
	h.mu.Lock()
	h.hosts = append(h.hosts, r.URL.Host)
	h.mu.Unlock()
	r = r.Clone(r.Context())
	r.URL.Scheme, r.URL.Host = h.standIn.Scheme, h.standIn.Host
	return http.DefaultClient.Do(r)
}

// requests returns the calls made so far, oldest first.
func (s *standIn) requests() []call {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.calls)
}

// titles returns the titles the table holds for a year, in key order.
func (s *standIn) titles(year string) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []string
	for _, it := range s.years[year] {
		out = append(out, it["title"].str("S"))
	}
	return out
}

// str returns the value of type typ ("S", "N"), or "" when v has another type.
func (v attributeValue) str(typ string) string {
	if len(v) != 1 {
		return ""
	}
	s, _ := v[typ].(string)
	return s
}

// apiError is an error response (HTTP 400 for every error here): the
// error's name and message.
type apiError struct {
	name string
	msg  string
	item item // ConditionalCheckFailedException's Item, when asked for
}

func validation(format string, a ...any) *apiError {
	return &apiError{"ValidationException", fmt.Sprintf(format, a...), nil}
}

func (s *standIn) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	raw, _ := io.ReadAll(r.Body)
	op, _ := strings.CutPrefix(r.Header.Get("X-Amz-Target"), "DynamoDB_20120810.")
	var problems []string
	check := func(ok bool, format string, a ...any) {
		if !ok {
			problems = append(problems, fmt.Sprintf(format, a...))
		}
	}
	check(r.Method == http.MethodPost && r.URL.Path == "/", "request line %s %s, want POST /", r.Method, r.URL.Path)
	check(r.Header.Get("Content-Type") == "application/x-amz-json-1.0", "Content-Type = %q", r.Header.Get("Content-Type"))
	auth := r.Header.Get("Authorization")
	scope := "/" + s.region + "/dynamodb/aws4_request"
	check(strings.HasPrefix(auth, "AWS4-HMAC-SHA256 Credential="+s.keyID+"/") && strings.Contains(auth, scope),
		"Authorization = %q, want SigV4 by %s for %s", auth, s.keyID, scope)
	var body map[string]any
	check(json.Unmarshal(raw, &body) == nil, "body %s is not a JSON object", raw)

	var out any
	var apiErr *apiError
	if len(problems) == 0 {
		s.mu.Lock()
		s.calls = append(s.calls, call{op, body})
		var err error
		out, apiErr, err = s.answer(op, raw)
		s.mu.Unlock()
		check(err == nil, "%v", err)
	}
	if len(problems) > 0 {
		for _, p := range problems {
			s.t.Errorf("stand-in: %s", p)
		}
		apiErr = validation("the stand-in rejected the request")
	}
	if apiErr != nil {
		e := map[string]any{"__type": "com.amazonaws.dynamodb.v20120810#" + apiErr.name, "message": apiErr.msg}
		if apiErr.item != nil {
			e["Item"] = apiErr.item
		}
		reply(w, http.StatusBadRequest, e)
		return
	}
	reply(w, http.StatusOK, out)
}

// answer runs one operation on the table. err is a request the stand-in
// did not expect; apiErr is the answer of DynamoDB that failed.
func (s *standIn) answer(op string, raw []byte) (out any, apiErr *apiError, err error) {
	switch op {
	case "PutItem":
		return serve(op, raw, s.putItem)
	case "Query":
		return serve(op, raw, s.query)
	}
	return nil, nil, fmt.Errorf("X-Amz-Target names %q, want DynamoDB_20120810.PutItem or .Query", op)
}

// serve decodes an operation's input, failing on members the stand-in does
// not implement, and runs the operation.
func serve[In any](op string, raw []byte, run func(In) (any, *apiError)) (any, *apiError, error) {
	var in In
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&in); err != nil {
		return nil, nil, fmt.Errorf("%s body %s: %v", op, raw, err)
	}
	out, apiErr := run(in)
	return out, apiErr, nil
}

func reply(w http.ResponseWriter, status int, v any) {
	body, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	w.Header().Set("Content-Type", "application/x-amz-json-1.0")
	w.Header().Set("X-Amzn-Requestid", "STANDIN0REQUEST0ID")
	w.Header().Set("X-Amz-Crc32", strconv.FormatUint(uint64(crc32.ChecksumIEEE(body)), 10))
	w.WriteHeader(status)
	w.Write(body)
}

type putItemInput struct {
	TableName                           string
	Item                                item
	ConditionExpression                 string
	ExpressionAttributeNames            map[string]string
	ExpressionAttributeValues           item
	ReturnValuesOnConditionCheckFailure string
}

var attributeNotExists = regexp.MustCompile(`^\s*attribute_not_exists\(\s*([#\w]+)\s*\)\s*$`)

func (s *standIn) putItem(in putItemInput) (any, *apiError) {
	if in.TableName != s.table {
		return nil, &apiError{"ResourceNotFoundException", "Requested resource not found", nil}
	}
	year, title := in.Item["year"].str("N"), in.Item["title"].str("S")
	if year == "" || title == "" {
		return nil, validation("One or more parameter values were invalid: the key is year (N) and title (S), item has %v", in.Item)
	}
	year, err := canonicalNumber(year)
	if err != nil {
		return nil, err
	}
	names := expressionNames{given: in.ExpressionAttributeNames}
	items := s.years[year]
	i, found := slices.BinarySearchFunc(items, title, func(it item, title string) int {
		return strings.Compare(it["title"].str("S"), title)
	})
	if in.ConditionExpression != "" {
		m := attributeNotExists.FindStringSubmatch(in.ConditionExpression)
		if m == nil {
			return nil, validation("the stand-in knows only attribute_not_exists(name) conditions, not %q", in.ConditionExpression)
		}
		attr, err := names.resolve(m[1])
		if err != nil {
			return nil, err
		}
		if found && items[i][attr] != nil {
			e := &apiError{"ConditionalCheckFailedException", "The conditional request failed", nil}
			if in.ReturnValuesOnConditionCheckFailure == "ALL_OLD" {
				e.item = items[i]
			}
			return nil, e
		}
	}
	if err := names.allUsed(); err != nil {
		return nil, err
	}
	if len(in.ExpressionAttributeValues) > 0 {
		return nil, validation("Value provided in ExpressionAttributeValues unused in expressions")
	}
	if found {
		items[i] = in.Item
	} else {
		s.years[year] = slices.Insert(items, i, in.Item)
	}
	return map[string]any{}, nil
}

type queryInput struct {
	TableName                 string
	KeyConditionExpression    string
	ExpressionAttributeNames  map[string]string
	ExpressionAttributeValues item
	Limit                     int
	ExclusiveStartKey         item
}

// keyCondition is what the stand-in understands of key conditions: the
// partition key equal to a value, and optionally begins_with on the sort key.
var keyCondition = regexp.MustCompile(`^\s*([#\w]+)\s*=\s*(:\w+)\s*(?:(?i:AND)\s+begins_with\(\s*([#\w]+)\s*,\s*(:\w+)\s*\))?\s*$`)

func (s *standIn) query(in queryInput) (any, *apiError) {
	if in.TableName != s.table {
		return nil, &apiError{"ResourceNotFoundException", "Requested resource not found", nil}
	}
	m := keyCondition.FindStringSubmatch(in.KeyConditionExpression)
	if m == nil {
		return nil, validation("the stand-in knows only key conditions of the form year = :v [AND begins_with(title, :p)], not %q", in.KeyConditionExpression)
	}
	names := expressionNames{given: in.ExpressionAttributeNames}
	values := expressionValues{given: in.ExpressionAttributeValues}
	partition, err := names.resolve(m[1])
	if err != nil {
		return nil, err
	}
	if partition != "year" {
		return nil, validation("Query condition missed key schema element: year")
	}
	year, err := values.get(m[2], "N")
	if err != nil {
		return nil, err
	}
	if year, err = canonicalNumber(year); err != nil {
		return nil, err
	}
	prefix := ""
	if m[3] != "" {
		sortKey, err := names.resolve(m[3])
		if err != nil {
			return nil, err
		}
		if sortKey != "title" {
			return nil, validation("Query key condition not supported: begins_with on %s, which is not the sort key", sortKey)
		}
		if prefix, err = values.get(m[4], "S"); err != nil {
			return nil, err
		}
	}
	if err := names.allUsed(); err != nil {
		return nil, err
	}
	if err := values.allUsed(); err != nil {
		return nil, err
	}
	after := ""
	if in.ExclusiveStartKey != nil {
		if in.ExclusiveStartKey["year"].str("N") == "" || in.ExclusiveStartKey["title"].str("S") == "" || len(in.ExclusiveStartKey) != 2 {
			return nil, validation("The provided starting key is invalid")
		}
		after = in.ExclusiveStartKey["title"].str("S")
	}

	// Items come in sort-key order; Limit caps the items read, and reaching
	// it ends the page with the last key read, whether or not more follow.
	page := []item{}
	var last item
	for _, it := range s.years[year] {
		title := it["title"].str("S")
		if in.ExclusiveStartKey != nil && title <= after {
			continue
		}
		if !strings.HasPrefix(title, prefix) {
			continue
		}
		page = append(page, it)
		if in.Limit > 0 && len(page) == in.Limit {
			last = item{"year": it["year"], "title": it["title"]}
			break
		}
	}
	out := map[string]any{"Items": page, "Count": len(page), "ScannedCount": len(page)}
	if last != nil {
		out["LastEvaluatedKey"] = last
	}
	return out, nil
}

// canonicalNumber spells a number the way the stand-in keys it, so that 2013
// and 2013.0 are the same year, as in DynamoDB.
func canonicalNumber(n string) (string, *apiError) {
	f, err := strconv.ParseFloat(n, 64)
	if err != nil {
		return "", validation("The parameter cannot be converted to a numeric value: %s", n)
	}
	return strconv.FormatFloat(f, 'f', -1, 64), nil
}

// expressionNames resolves attribute names in an expression: #placeholders
// from ExpressionAttributeNames, each of which must be used, as DynamoDB
// requires; a reserved word must not appear as it is.
type expressionNames struct {
	given map[string]string
	used  map[string]bool
}

func (n *expressionNames) resolve(name string) (string, *apiError) {
	if !strings.HasPrefix(name, "#") {
		if strings.EqualFold(name, "year") {
			return "", validation("Invalid KeyConditionExpression: Attribute name is a reserved keyword; reserved keyword: %s", name)
		}
		return name, nil
	}
	real, ok := n.given[name]
	if !ok {
		return "", validation("An expression attribute name used in the document path is not defined; attribute name: %s", name)
	}
	if n.used == nil {
		n.used = map[string]bool{}
	}
	n.used[name] = true
	return real, nil
}

func (n *expressionNames) allUsed() *apiError {
	return unused("ExpressionAttributeNames", n.given, n.used)
}

// expressionValues looks up :placeholders in ExpressionAttributeValues, each
// of which must be used.
type expressionValues struct {
	given item
	used  map[string]bool
}

func (v *expressionValues) get(name, typ string) (string, *apiError) {
	av, ok := v.given[name]
	if !ok {
		return "", validation("An expression attribute value used in expression is not defined; attribute value: %s", name)
	}
	if v.used == nil {
		v.used = map[string]bool{}
	}
	v.used[name] = true
	s := av.str(typ)
	if s == "" {
		return "", validation("One or more parameter values were invalid: Condition parameter type does not match schema type")
	}
	return s, nil
}

func (v *expressionValues) allUsed() *apiError {
	return unused("ExpressionAttributeValues", v.given, v.used)
}

// unused is DynamoDB's error for a placeholder given in member but not used
// in the expressions, or nil.
func unused[V any](member string, given map[string]V, used map[string]bool) *apiError {
	for k := range given {
		if !used[k] {
			return validation("Value provided in %s unused in expressions: keys: {%s}", member, k)
		}
	}
	return nil
}
