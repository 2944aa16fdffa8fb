package main

import (
	"context"
	"errors"
	"net/url"
	"reflect"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"

	"github.com/gosmith/gosmith/examples/dynamodbmovies/internal/dynamodb"
	"github.com/gosmith/gosmith/examples/dynamodbmovies/internal/dynamodb/types"
)

const (
	testKeyID  = "AKIDSTANDIN"
	testRegion = "eu-west-1"
)

// testClient is a client configured as a program would configure one for
// DynamoDB Local: static credentials, a region, and BaseEndpoint.
func testClient(endpoint string) *dynamodb.Client {
	cfg := aws.Config{
		Region:      testRegion,
		Credentials: credentials.NewStaticCredentialsProvider(testKeyID, "secret", ""),
	}
	return dynamodb.NewFromConfig(cfg, func(o *dynamodb.Options) {
		o.BaseEndpoint = aws.String(endpoint)
	})
}

var movies2013 = []Movie{
	{2013, "Rush", 8.1},
	{2013, "The Great Gatsby", 7.3},
	{2013, "Gravity", 7.7},
	{2013, "The Hunger Games: Catching Fire", 7.5},
	{2013, "Prisoners", 0},
}

// addMovies adds the movies, failing the test on an error.
func addMovies(t *testing.T, client dynamodb.API, movies ...Movie) {
	t.Helper()
	for _, m := range movies {
		if err := AddMovie(context.Background(), client, "Movies", m); err != nil {
			t.Fatalf("AddMovie(%v): %v", m, err)
		}
	}
}

// queries returns the Query requests the stand-in answered, oldest first.
func queries(s *standIn) []call {
	var out []call
	for _, c := range s.requests() {
		if c.Operation == "Query" {
			out = append(out, c)
		}
	}
	return out
}

func TestMoviesOfYearReadsEveryPage(t *testing.T) {
	for _, tt := range []struct {
		name     string
		prefix   string
		pageSize int32
		want     []string // titles, in the order returned
		// The title in each Query's ExclusiveStartKey, "" for none: the
		// paginator starts each page where the one before ended.
		wantStarts []string
	}{
		{
			name:       "two per page",
			pageSize:   2,
			want:       []string{"Gravity", "Prisoners", "Rush", "The Great Gatsby", "The Hunger Games: Catching Fire"},
			wantStarts: []string{"", "Prisoners", "The Great Gatsby"},
		},
		{
			name:       "DynamoDB's page size",
			want:       []string{"Gravity", "Prisoners", "Rush", "The Great Gatsby", "The Hunger Games: Catching Fire"},
			wantStarts: []string{""},
		},
		{
			// A page that reaches the limit ends with a LastEvaluatedKey
			// even when nothing follows; the last page is then empty.
			name:       "titles beginning with The, one per page",
			prefix:     "The ",
			pageSize:   1,
			want:       []string{"The Great Gatsby", "The Hunger Games: Catching Fire"},
			wantStarts: []string{"", "The Great Gatsby", "The Hunger Games: Catching Fire"},
		},
		{
			name:       "no match",
			prefix:     "Z",
			pageSize:   2,
			wantStarts: []string{""},
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := newStandIn(t, "Movies")
			client := testClient(s.start())
			addMovies(t, client, movies2013...)
			addMovies(t, client, Movie{2014, "Interstellar", 8.7}, Movie{2012, "Skyfall", 7.8})

			got, err := MoviesOfYear(context.Background(), client, "Movies", 2013, tt.prefix, tt.pageSize)
			if err != nil {
				t.Fatal(err)
			}
			added := map[string]Movie{}
			for _, m := range movies2013 {
				added[m.Title] = m
			}
			var titles []string
			for _, m := range got {
				if m != added[m.Title] {
					t.Errorf("got %+v, added %+v", m, added[m.Title])
				}
				titles = append(titles, m.Title)
			}
			if !reflect.DeepEqual(titles, tt.want) {
				t.Errorf("titles\n  %q\nwant\n  %q", titles, tt.want)
			}

			var starts []string
			for _, q := range queries(s) {
				start := ""
				if k, ok := q.Body["ExclusiveStartKey"].(map[string]any); ok {
					start = k["title"].(map[string]any)["S"].(string)
				}
				starts = append(starts, start)
				if limit, _ := q.Body["Limit"].(float64); limit != float64(tt.pageSize) {
					t.Errorf("Query sent Limit %v, want %d (0: none)", q.Body["Limit"], tt.pageSize)
				}
			}
			if !reflect.DeepEqual(starts, tt.wantStarts) {
				t.Errorf("ExclusiveStartKey titles of the Queries\n  %q\nwant\n  %q", starts, tt.wantStarts)
			}
		})
	}
}

func TestAddMovieRefusesADuplicate(t *testing.T) {
	s := newStandIn(t, "Movies")
	client := testClient(s.start())
	ctx := context.Background()
	if err := AddMovie(ctx, client, "Movies", Movie{2013, "Rush", 8.1}); err != nil {
		t.Fatal(err)
	}

	err := AddMovie(ctx, client, "Movies", Movie{2013, "Rush", 5})
	var exists *ExistsError
	if !errors.As(err, &exists) {
		t.Fatalf("second AddMovie: %v (%T), want an *ExistsError", err, err)
	}
	if want := (Movie{2013, "Rush", 8.1}); exists.Existing != want {
		t.Errorf("Existing = %+v, want %+v (the item in the table)", exists.Existing, want)
	}
	if want := "Rush (2013) is already in Movies, rated 8.1"; err.Error() != want {
		t.Errorf("error %q, want %q", err, want)
	}
	got, err := MoviesOfYear(ctx, client, "Movies", 2013, "", 0)
	if err != nil || len(got) != 1 || got[0].Rating != 8.1 {
		t.Errorf("the table holds %+v (%v), want Rush rated 8.1 only", got, err)
	}

	// A movie of the same title from another year is another item.
	if err := AddMovie(ctx, client, "Movies", Movie{1983, "Rush", 0}); err != nil {
		t.Errorf("Rush (1983): %v", err)
	}
	if got := s.titles("1983"); !reflect.DeepEqual(got, []string{"Rush"}) {
		t.Errorf("1983 holds %q", got)
	}
}

func TestUnknownTable(t *testing.T) {
	s := newStandIn(t, "Movies")
	client := testClient(s.start())
	ctx := context.Background()
	_, err := MoviesOfYear(ctx, client, "Films", 2013, "", 0)
	var notFound *types.ResourceNotFoundException
	if !errors.As(err, &notFound) {
		t.Errorf("Query of an unknown table: %v (%T), want a *types.ResourceNotFoundException", err, err)
	}
	err = AddMovie(ctx, client, "Films", Movie{2013, "Rush", 0})
	var exists *ExistsError
	if !errors.As(err, &notFound) || errors.As(err, &exists) {
		t.Errorf("PutItem to an unknown table: %v (%T), want a *types.ResourceNotFoundException", err, err)
	}
}

// Without BaseEndpoint, the endpoint rules send requests to the account's
// endpoint when the credentials carry its ID (AccountIDEndpointMode
// "preferred", the default), to the regional one when the mode is
// "disabled". (With BaseEndpoint, as in the other tests, everything goes to
// the stand-in.)
func TestAccountIDPicksTheEndpoint(t *testing.T) {
	for _, tt := range []struct {
		name string
		mode aws.AccountIDEndpointMode
		want string
	}{
		{"preferred, the default", "", "111122223333.ddb." + testRegion + ".amazonaws.com"},
		{"disabled", aws.AccountIDEndpointModeDisabled, "dynamodb." + testRegion + ".amazonaws.com"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := newStandIn(t, "Movies")
			standIn, err := url.Parse(s.start())
			if err != nil {
				t.Fatal(err)
			}
			rec := &hostRecorder{standIn: standIn}
			client := dynamodb.NewFromConfig(aws.Config{
				Region: testRegion,
				Credentials: credentials.StaticCredentialsProvider{Value: aws.Credentials{
					AccessKeyID: testKeyID, SecretAccessKey: "secret", AccountID: "111122223333",
				}},
				AccountIDEndpointMode: tt.mode,
				HTTPClient:            rec,
			})
			addMovies(t, client, movies2013...)
			if _, err := MoviesOfYear(context.Background(), client, "Movies", 2013, "", 2); err != nil {
				t.Fatal(err)
			}
			if len(rec.hosts) != 8 {
				t.Errorf("%d requests, want 8 (5 PutItem, 3 Query)", len(rec.hosts))
			}
			for _, h := range rec.hosts {
				if h != tt.want {
					t.Errorf("a request went to %s, want %s", h, tt.want)
				}
			}
		})
	}
}

func TestMovieFromItem(t *testing.T) {
	for _, tt := range []struct {
		name string
		item map[string]types.AttributeValue
		want Movie
		err  string
	}{
		{"rated", Movie{2013, "Rush", 8.1}.item(), Movie{2013, "Rush", 8.1}, ""},
		{"not rated", Movie{2013, "Rush", 0}.item(), Movie{2013, "Rush", 0}, ""},
		{"no title", map[string]types.AttributeValue{"year": &types.AttributeValueMemberN{Value: "2013"}}, Movie{}, "an item has no title string"},
		{"year as a string", map[string]types.AttributeValue{
			"year":  &types.AttributeValueMemberS{Value: "2013"},
			"title": &types.AttributeValueMemberS{Value: "Rush"},
		}, Movie{}, `item "Rush" has no year number`},
		{"rating as a string", map[string]types.AttributeValue{
			"year":   &types.AttributeValueMemberN{Value: "2013"},
			"title":  &types.AttributeValueMemberS{Value: "Rush"},
			"rating": &types.AttributeValueMemberS{Value: "good"},
		}, Movie{}, `item "Rush" (2013): rating is not a number`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := movieFromItem(tt.item)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Errorf("error %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("got %+v, %v; want %+v", got, err, tt.want)
			}
		})
	}
}
