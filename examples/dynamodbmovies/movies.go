package main

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/gosmith/gosmith/examples/dynamodbmovies/internal/dynamodb"
	"github.com/gosmith/gosmith/examples/dynamodbmovies/internal/dynamodb/types"
)

// A Movie is an item of the movies table, laid out as in the DynamoDB
// developer guide: partition key year (a number), sort key title (a string).
type Movie struct {
	Year   int
	Title  string
	Rating float64 // 0: not rated, and no rating attribute
}

// ExistsError is AddMovie's error when the table already has a movie of that
// year and title.
type ExistsError struct {
	Table    string
	Existing Movie // the movie as the table has it
}

func (e *ExistsError) Error() string {
	s := fmt.Sprintf("%s (%d) is already in %s", e.Existing.Title, e.Existing.Year, e.Table)
	if e.Existing.Rating != 0 {
		s += ", rated " + formatRating(e.Existing.Rating)
	}
	return s
}

// AddMovie puts m into the table unless a movie of the same year and title is
// there: then nothing is written and the error is an *ExistsError.
func AddMovie(ctx context.Context, client dynamodb.API, table string, m Movie) error {
	_, err := client.PutItem(ctx, &dynamodb.PutItemInput{
		TableName: aws.String(table),
		Item:      m.item(),
		// Checked against the item with m's key, if there is one: every
		// item has a title, so this holds only when there is none.
		ConditionExpression: aws.String("attribute_not_exists(title)"),
		// On a failed condition, the error carries the item that is there.
		ReturnValuesOnConditionCheckFailure: types.ReturnValuesOnConditionCheckFailureAllOld,
	})
	var conflict *types.ConditionalCheckFailedException
	if errors.As(err, &conflict) {
		existing, convErr := movieFromItem(conflict.Item)
		if convErr != nil {
			existing = Movie{Year: m.Year, Title: m.Title} // the key is what matters
		}
		return &ExistsError{Table: table, Existing: existing}
	}
	return err
}

// MoviesOfYear returns the movies of a year whose titles begin with
// titlePrefix ("" for all), sorted by title. Each request reads at most
// pageSize items (0 lets DynamoDB choose); the paginator follows
// LastEvaluatedKey until the year is read.
func MoviesOfYear(ctx context.Context, client dynamodb.QueryAPIClient, table string, year int, titlePrefix string, pageSize int32) ([]Movie, error) {
	in := &dynamodb.QueryInput{
		TableName: aws.String(table),
		// "year" is a reserved word in expressions: it needs a placeholder.
		KeyConditionExpression:   aws.String("#year = :year"),
		ExpressionAttributeNames: map[string]string{"#year": "year"},
		ExpressionAttributeValues: map[string]types.AttributeValue{
			":year": &types.AttributeValueMemberN{Value: strconv.Itoa(year)},
		},
	}
	if titlePrefix != "" {
		in.KeyConditionExpression = aws.String("#year = :year AND begins_with(title, :prefix)")
		in.ExpressionAttributeValues[":prefix"] = &types.AttributeValueMemberS{Value: titlePrefix}
	}
	p := dynamodb.NewQueryPaginator(client, in, func(o *dynamodb.QueryPaginatorOptions) {
		o.Limit = pageSize
	})
	var movies []Movie
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil, err
		}
		for _, item := range page.Items {
			m, err := movieFromItem(item)
			if err != nil {
				return nil, err
			}
			movies = append(movies, m)
		}
	}
	return movies, nil
}

// item is m as a DynamoDB item.
func (m Movie) item() map[string]types.AttributeValue {
	item := map[string]types.AttributeValue{
		"year":  &types.AttributeValueMemberN{Value: strconv.Itoa(m.Year)},
		"title": &types.AttributeValueMemberS{Value: m.Title},
	}
	if m.Rating != 0 {
		item["rating"] = &types.AttributeValueMemberN{Value: formatRating(m.Rating)}
	}
	return item
}

// movieFromItem reads a movie from an item of the table; an attribute of
// another type than the table's is an error naming it.
func movieFromItem(item map[string]types.AttributeValue) (Movie, error) {
	var m Movie
	title, ok := item["title"].(*types.AttributeValueMemberS)
	if !ok {
		return m, errors.New("an item has no title string")
	}
	year, ok := item["year"].(*types.AttributeValueMemberN)
	if !ok {
		return m, fmt.Errorf("item %q has no year number", title.Value)
	}
	var err error
	if m.Year, err = strconv.Atoi(year.Value); err != nil {
		return m, fmt.Errorf("item %q: year: %w", title.Value, err)
	}
	m.Title = title.Value
	switch r := item["rating"].(type) {
	case nil:
	case *types.AttributeValueMemberN:
		if m.Rating, err = strconv.ParseFloat(r.Value, 64); err != nil {
			return m, fmt.Errorf("item %q (%d): rating: %w", m.Title, m.Year, err)
		}
	default:
		return m, fmt.Errorf("item %q (%d): rating is not a number", m.Title, m.Year)
	}
	return m, nil
}

func formatRating(r float64) string {
	return strconv.FormatFloat(r, 'f', -1, 64)
}
