// Package wait polls a resource until it reaches a status or is gone, for
// the resource packages' WaitForStatus and WaitForDeleted.
package wait

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/gocinder/cinder/internal/rest"
)

// Polling intervals: the first wait, and the cap the doubling stops at.
const (
	First = time.Second
	Max   = 15 * time.Second
)

// Target is the resource a wait polls.
type Target[T any] struct {
	Kind     string                                    // the resource, for messages: "volume"
	ID       string                                    // its ID
	Get      func(context.Context, string) (*T, error) // one poll
	Status   func(*T) string                           // the resource's status
	Progress func(*T)                                  // when set, called after every poll
}

// For polls t until its status is want and returns it. A status starting
// with "error" (other than want) ends the wait at once with the resource
// and a *rest.StatusError. Polls are First apart, doubling up to Max; the
// deadline comes from ctx.
func For[T any](ctx context.Context, t Target[T], want string) (*T, error) {
	what := fmt.Sprintf("%s %s to be %s", t.Kind, t.ID, want)
	var last string
	for delay := First; ; delay = min(2*delay, Max) {
		v, err := t.Get(ctx, t.ID)
		if err != nil {
			return nil, waitErr(ctx, err, what, last)
		}
		last = t.poll(v)
		if last == want {
			return v, nil
		}
		if isError(last) {
			return v, &rest.StatusError{ID: t.ID, Status: last, Reason: "waiting for " + want}
		}
		if err := sleep(ctx, delay); err != nil {
			return nil, waitErr(ctx, err, what, last)
		}
	}
}

// Gone polls t until Get fails with rest.ErrNotFound. A status starting
// with "error" ends the wait at once with a *rest.StatusError; the timing
// is For's.
func Gone[T any](ctx context.Context, t Target[T]) error {
	what := fmt.Sprintf("%s %s to be deleted", t.Kind, t.ID)
	var last string
	for delay := First; ; delay = min(2*delay, Max) {
		v, err := t.Get(ctx, t.ID)
		if errors.Is(err, rest.ErrNotFound) {
			return nil
		}
		if err != nil {
			return waitErr(ctx, err, what, last)
		}
		last = t.poll(v)
		if isError(last) {
			return &rest.StatusError{ID: t.ID, Status: last, Reason: "waiting for deletion"}
		}
		if err := sleep(ctx, delay); err != nil {
			return waitErr(ctx, err, what, last)
		}
	}
}

func (t Target[T]) poll(v *T) string {
	if t.Progress != nil {
		t.Progress(v)
	}
	return t.Status(v)
}

func isError(status string) bool { return strings.HasPrefix(status, "error") }

// waitErr adds what was awaited to a context error; other errors (API
// errors) are returned as they are.
func waitErr(ctx context.Context, err error, what, last string) error {
	if ctx.Err() == nil || !errors.Is(err, ctx.Err()) {
		return err
	}
	return fmt.Errorf("cinder: waiting for %s (last status %q): %w", what, last, err)
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
