package backups

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/gocinder/cinder/internal/rest"
)

// WaitOptions tune WaitForStatus and WaitForDeleted.
type WaitOptions struct {
	// Progress, when set, is called with the backup after every poll.
	Progress func(*Backup)
}

func (o *WaitOptions) progress(b *Backup) {
	if o != nil && o.Progress != nil {
		o.Progress(b)
	}
}

// Polling intervals: the first wait, and the cap the doubling stops at.
const (
	waitFirst = time.Second
	waitMax   = 15 * time.Second
)

// WaitForStatus polls the backup until its status is want and returns
// it: a new or imported backup goes creating → available, a restored one
// restoring → available. The deadline comes from ctx. A status starting
// with "error" (other than want) ends the wait at once with a
// *cinder.StatusError. Polls are 1 s apart at first, doubling up to 15 s. GET /backups/{id}, repeatedly.
func (m *Manager) WaitForStatus(ctx context.Context, id string, want Status, o *WaitOptions) (*Backup, error) {
	var last Status
	for delay := waitFirst; ; delay = min(2*delay, waitMax) {
		b, err := m.Get(ctx, id)
		if err != nil {
			return nil, waitErr(ctx, err, "backup %s to be %s (last status %q)", id, want, last)
		}
		o.progress(b)
		last = b.Status
		if b.Status == want {
			return b, nil
		}
		if isErrorStatus(b.Status) {
			return b, &rest.StatusError{ID: id, Status: string(b.Status), Reason: "waiting for " + string(want)}
		}
		if err := sleep(ctx, delay); err != nil {
			return nil, waitErr(ctx, err, "backup %s to be %s (last status %q)", id, want, last)
		}
	}
}

// WaitForDeleted polls the backup until it is gone (GET answers 404).
// The deadline comes from ctx; an "error*" status ends the wait at once
// with a *cinder.StatusError. GET /backups/{id}, repeatedly.
func (m *Manager) WaitForDeleted(ctx context.Context, id string, o *WaitOptions) error {
	var last Status
	for delay := waitFirst; ; delay = min(2*delay, waitMax) {
		b, err := m.Get(ctx, id)
		if errors.Is(err, rest.ErrNotFound) {
			return nil
		}
		if err != nil {
			return waitErr(ctx, err, "backup %s to be deleted (last status %q)", id, last)
		}
		o.progress(b)
		last = b.Status
		if isErrorStatus(b.Status) {
			return &rest.StatusError{ID: id, Status: string(b.Status), Reason: "waiting for deletion"}
		}
		if err := sleep(ctx, delay); err != nil {
			return waitErr(ctx, err, "backup %s to be deleted (last status %q)", id, last)
		}
	}
}

func isErrorStatus(b Status) bool { return strings.HasPrefix(string(b), "error") }

// waitErr adds what was awaited to a context error; other errors (API
// errors) are returned as they are.
func waitErr(ctx context.Context, err error, format string, args ...any) error {
	if ctx.Err() == nil || !errors.Is(err, ctx.Err()) {
		return err
	}
	return fmt.Errorf("cinder: waiting for "+format+": %w", append(args, err)...)
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
