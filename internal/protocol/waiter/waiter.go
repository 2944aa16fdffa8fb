// Package waiter runs the waiters of generated clients: polling an
// operation until its acceptors say success or failure, with smithy-go's
// backoff, and evaluating acceptor paths (JMESPath) over outputs. It is its
// own package so that a client without waiters links none of it.
package waiter

import (
	"context"
	"fmt"
	"time"

	smithytime "github.com/aws/smithy-go/time"
	smithywaiter "github.com/aws/smithy-go/waiter"

	"github.com/gosmith/gosmith/internal/protocol/jmespath"
)

// Waiter is what a generated XxxWaiter hands the runtime: the operation to
// poll and the acceptors compiled into retryable. In and Out are pointer
// types, as for Operation.
type Waiter[In, Out any] struct {
	Name               string
	MinDelay, MaxDelay time.Duration
	// Call invokes the operation once.
	Call func(ctx context.Context, in In) (Out, error)
	// Retryable reports whether to poll again; an error ends the wait.
	Retryable func(ctx context.Context, in In, out Out, err error) (bool, error)
}

// Wait polls until the acceptors say success (returning that output), say
// failure or meet an unexpected error (returning it), or maxWaitDur passes.
// Delays follow smithy-go's waiter backoff between MinDelay and MaxDelay,
// and never outlast the context.
func Wait[In, Out any](ctx context.Context, w Waiter[In, Out], params In, maxWaitDur time.Duration) (Out, error) {
	var zero Out
	if maxWaitDur <= 0 {
		return zero, fmt.Errorf("maximum wait time for waiter must be greater than zero")
	}
	if w.MinDelay > w.MaxDelay {
		return zero, fmt.Errorf("minimum waiter delay %v must be lesser than or equal to maximum waiter delay of %v", w.MinDelay, w.MaxDelay)
	}
	parent := ctx
	ctx, cancel := context.WithTimeout(ctx, maxWaitDur)
	defer cancel()
	remaining := maxWaitDur
	for attempt := int64(1); ; attempt++ {
		start := time.Now()
		out, err := w.Call(ctx, params)
		if err != nil && ctx.Err() != nil && parent.Err() == nil {
			break // the call was cut off by maxWaitDur
		}
		retry, err := w.Retryable(ctx, params, out, err)
		if err != nil {
			return zero, err
		}
		if !retry {
			return out, nil
		}
		remaining -= time.Since(start)
		if remaining < w.MinDelay || remaining <= 0 {
			break
		}
		delay, err := smithywaiter.ComputeDelay(attempt, w.MinDelay, w.MaxDelay, remaining)
		if err != nil {
			return zero, fmt.Errorf("error computing waiter delay, %w", err)
		}
		remaining -= delay
		if err := smithytime.SleepWithContext(ctx, delay); err != nil {
			if parent.Err() == nil {
				break // our own maxWaitDur ran out, not the caller's context
			}
			return zero, fmt.Errorf("request cancelled while waiting, %w", err)
		}
	}
	return zero, fmt.Errorf("exceeded max wait time for %s waiter", w.Name)
}

// WaiterFailure is the error a waiter returns when an acceptor in the
// failure state matches.
func WaiterFailure() error {
	return fmt.Errorf("waiter state transitioned to Failure")
}

// AllEqual reports whether values is non-empty and every value is want
// (JMESPath allStringEquals).
func AllEqual[T comparable](values []T, want T) bool {
	if len(values) == 0 {
		return false
	}
	for _, v := range values {
		if v != want {
			return false
		}
	}
	return true
}

// AnyEqual reports whether some value is want (JMESPath anyStringEquals).
func AnyEqual[T comparable](values []T, want T) bool {
	for _, v := range values {
		if v == want {
			return true
		}
	}
	return false
}

// MatchPath evaluates a waiter acceptor's path over the JSON-like view of
// an output and compares the result as the acceptor's comparator says:
// stringEquals and booleanEquals compare the value, allStringEquals wants a
// non-empty list of equal strings, anyStringEquals one equal string.
func MatchPath(expr *jmespath.Expression, data any, comparator, expected string) (bool, error) {
	v, err := expr.Search(data)
	if err != nil {
		return false, fmt.Errorf("waiter path %s: %w", expr, err)
	}
	switch comparator {
	case "stringEquals":
		s, ok := v.(string)
		return ok && s == expected, nil
	case "booleanEquals":
		b, ok := v.(bool)
		return ok && b == (expected == "true"), nil
	case "allStringEquals", "anyStringEquals":
		list, ok := v.([]any)
		if !ok || len(list) == 0 {
			return false, nil
		}
		all, anyOf := true, false
		for _, e := range list {
			s, ok := e.(string)
			eq := ok && s == expected
			all = all && eq
			anyOf = anyOf || eq
		}
		if comparator == "allStringEquals" {
			return all, nil
		}
		return anyOf, nil
	}
	return false, fmt.Errorf("waiter path %s: unknown comparator %q", expr, comparator)
}
