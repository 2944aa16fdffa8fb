package main

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The fake generated for DynamoDB drives its paginators (map tokens
// included) and waiters, answers an operation whose func is unset with an
// error naming it, records calls from many goroutines, and API lists every
// operation of Client.
func TestFakeDrivesPaginatorsAndWaiters(t *testing.T) {
	models := sharedModels(t)
	dir := moduleTempDir(t)
	out := filepath.Join(dir, "dynamodb")
	generateOrFail(t, "-model", filepath.Join(models, "dynamodb.json"), "-out", out)
	importPath := thisModule + "/internal/" + filepath.Base(dir) + "/dynamodb"
	write(t, filepath.Join(out, "fake", "kit_test.go"), strings.ReplaceAll(dynamodbFakeTest, "$PKG", importPath))
	goCmd(t, dir, "vet", "./...")
	cmd := exec.Command("go", "test", "-count=1", "-race", "./dynamodb/fake/")
	cmd.Dir = dir
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go test of the fake: %v\n%s", err, b)
	}
}

const dynamodbFakeTest = `package fake

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"

	"$PKG"
	"$PKG/types"
)

func TestListTablesPaginator(t *testing.T) {
	f := &Client{ListTablesFunc: func(_ context.Context, in *dynamodb.ListTablesInput, _ ...func(*dynamodb.Options)) (*dynamodb.ListTablesOutput, error) {
		if in.ExclusiveStartTableName == nil {
			return &dynamodb.ListTablesOutput{TableNames: []string{"a", "b"}, LastEvaluatedTableName: aws.String("b")}, nil
		}
		return &dynamodb.ListTablesOutput{TableNames: []string{"c"}}, nil
	}}
	var names []string
	p := dynamodb.NewListTablesPaginator(f, &dynamodb.ListTablesInput{Limit: aws.Int32(2)})
	for p.HasMorePages() {
		page, err := p.NextPage(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, page.TableNames...)
	}
	if strings.Join(names, ",") != "a,b,c" {
		t.Errorf("tables %v, want a, b, c", names)
	}
	calls := f.Calls()
	if len(calls) != 2 || calls[0].Operation != "ListTables" {
		t.Fatalf("calls %+v, want two ListTables", calls)
	}
	if in := calls[1].Input.(*dynamodb.ListTablesInput); aws.ToString(in.ExclusiveStartTableName) != "b" || aws.ToInt32(in.Limit) != 2 {
		t.Errorf("second call's input %+v, want ExclusiveStartTableName b and Limit 2", in)
	}
}

func TestQueryPaginatorWithMapTokens(t *testing.T) {
	key := map[string]types.AttributeValue{"pk": &types.AttributeValueMemberS{Value: "k1"}}
	f := &Client{QueryFunc: func(_ context.Context, in *dynamodb.QueryInput, _ ...func(*dynamodb.Options)) (*dynamodb.QueryOutput, error) {
		if in.ExclusiveStartKey == nil {
			return &dynamodb.QueryOutput{Count: 1, LastEvaluatedKey: key}, nil
		}
		return &dynamodb.QueryOutput{Count: 2}, nil
	}}
	p := dynamodb.NewQueryPaginator(f, &dynamodb.QueryInput{TableName: aws.String("t")})
	total := int32(0)
	for p.HasMorePages() {
		page, err := p.NextPage(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		total += page.Count
	}
	if total != 3 || len(f.Calls()) != 2 {
		t.Errorf("%d items in %d calls, want 3 in 2", total, len(f.Calls()))
	}
}

func TestTableExistsWaiter(t *testing.T) {
	n := 0 // not found, then creating, then active
	f := &Client{DescribeTableFunc: func(_ context.Context, in *dynamodb.DescribeTableInput, _ ...func(*dynamodb.Options)) (*dynamodb.DescribeTableOutput, error) {
		if aws.ToString(in.TableName) != "t" {
			return nil, fmt.Errorf("table %q", aws.ToString(in.TableName))
		}
		n++
		switch n {
		case 1:
			return nil, &types.ResourceNotFoundException{Message: aws.String("not yet")}
		case 2:
			return &dynamodb.DescribeTableOutput{Table: &types.TableDescription{TableStatus: types.TableStatusCreating}}, nil
		}
		return &dynamodb.DescribeTableOutput{Table: &types.TableDescription{TableStatus: types.TableStatusActive}}, nil
	}}
	w := dynamodb.NewTableExistsWaiter(f, func(o *dynamodb.TableExistsWaiterOptions) {
		o.MinDelay, o.MaxDelay = time.Millisecond, 2*time.Millisecond
	})
	out, err := w.WaitForOutput(context.Background(), &dynamodb.DescribeTableInput{TableName: aws.String("t")}, time.Minute)
	if err != nil || out.Table.TableStatus != types.TableStatusActive {
		t.Fatalf("WaitForOutput: %+v, %v", out, err)
	}
	if n := len(f.Calls()); n != 3 {
		t.Errorf("%d calls, want 3 (not found, creating, active)", n)
	}

	gone := &Client{DescribeTableFunc: func(context.Context, *dynamodb.DescribeTableInput, ...func(*dynamodb.Options)) (*dynamodb.DescribeTableOutput, error) {
		return nil, &types.ResourceNotFoundException{}
	}}
	if err := dynamodb.NewTableNotExistsWaiter(gone).Wait(context.Background(), &dynamodb.DescribeTableInput{TableName: aws.String("t")}, time.Minute); err != nil {
		t.Errorf("TableNotExists: %v", err)
	}
}

func TestUnsetFuncIsAnErrorNamingTheOperation(t *testing.T) {
	f := &Client{}
	out, err := f.Scan(context.Background(), nil)
	if out != nil || err == nil || !strings.Contains(err.Error(), "Scan called, but ScanFunc is not set") {
		t.Errorf("Scan on a zero Client: %v, %v", out, err)
	}
	p := dynamodb.NewScanPaginator(f, &dynamodb.ScanInput{})
	if _, err := p.NextPage(context.Background()); err == nil || !strings.Contains(err.Error(), "ScanFunc") {
		t.Errorf("a paginator over an unset func: %v", err)
	}
	if calls := f.Calls(); len(calls) != 2 || calls[0].Operation != "Scan" {
		t.Errorf("calls %+v, want both Scans recorded", calls)
	}
	want := errors.New("throttled")
	f.GetItemFunc = func(context.Context, *dynamodb.GetItemInput, ...func(*dynamodb.Options)) (*dynamodb.GetItemOutput, error) {
		return nil, want
	}
	if _, err := f.GetItem(context.Background(), &dynamodb.GetItemInput{}); err != want {
		t.Errorf("GetItem: %v, want the func's error", err)
	}
}

func TestCallsAreRecordedFromManyGoroutines(t *testing.T) {
	f := &Client{PutItemFunc: func(context.Context, *dynamodb.PutItemInput, ...func(*dynamodb.Options)) (*dynamodb.PutItemOutput, error) {
		return &dynamodb.PutItemOutput{}, nil
	}}
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 50; j++ {
				f.PutItem(context.Background(), &dynamodb.PutItemInput{})
				_ = f.Calls()
			}
		}()
	}
	wg.Wait()
	if n := len(f.Calls()); n != 400 {
		t.Errorf("%d calls recorded, want 400", n)
	}
}

// API lists every operation method of Client, and the fake has them all.
func TestAPIListsEveryOperation(t *testing.T) {
	api := reflect.TypeOf((*dynamodb.API)(nil)).Elem()
	client := reflect.TypeOf(&dynamodb.Client{})
	var missing []string
	ops := 0
	for i := 0; i < client.NumMethod(); i++ {
		m := client.Method(i)
		if m.Type.NumIn() != 4 || !m.Type.IsVariadic() {
			continue // Options
		}
		ops++
		if _, ok := api.MethodByName(m.Name); !ok {
			missing = append(missing, m.Name)
		}
	}
	if len(missing) > 0 || api.NumMethod() != ops || ops < 50 {
		t.Errorf("API has %d methods, Client %d operations; missing from API: %v", api.NumMethod(), ops, missing)
	}
}
`
