package volumes

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
	// Progress, when set, is called with the volume after every poll.
	Progress func(*Volume)
}

func (o *WaitOptions) progress(v *Volume) {
	if o != nil && o.Progress != nil {
		o.Progress(v)
	}
}

// Polling intervals: the first wait, and the cap the doubling stops at.
const (
	waitFirst = time.Second
	waitMax   = 15 * time.Second
)

// WaitForStatus polls the volume until its status is want and returns it.
// The deadline comes from ctx. A status starting with "error" (other than
// want) ends the wait at once with a *cinder.StatusError. Polls are 1 s
// apart at first, doubling up to 15 s. GET /volumes/{id}, repeatedly.
func (m *Manager) WaitForStatus(ctx context.Context, id string, want Status, o *WaitOptions) (*Volume, error) {
	var last Status
	for delay := waitFirst; ; delay = min(2*delay, waitMax) {
		v, err := m.Get(ctx, id)
		if err != nil {
			return nil, waitErr(ctx, err, "volume %s to be %s (last status %q)", id, want, last)
		}
		o.progress(v)
		last = v.Status
		if v.Status == want {
			return v, nil
		}
		if isErrorStatus(v.Status) {
			return v, &rest.StatusError{ID: id, Status: string(v.Status), Reason: "waiting for " + string(want)}
		}
		if err := sleep(ctx, delay); err != nil {
			return nil, waitErr(ctx, err, "volume %s to be %s (last status %q)", id, want, last)
		}
	}
}

// WaitForDeleted polls the volume until it is gone (GET answers 404). The
// deadline comes from ctx; "error_deleting" ends the wait at once with a
// *cinder.StatusError. GET /volumes/{id}, repeatedly.
func (m *Manager) WaitForDeleted(ctx context.Context, id string, o *WaitOptions) error {
	var last Status
	for delay := waitFirst; ; delay = min(2*delay, waitMax) {
		v, err := m.Get(ctx, id)
		if errors.Is(err, rest.ErrNotFound) {
			return nil
		}
		if err != nil {
			return waitErr(ctx, err, "volume %s to be deleted (last status %q)", id, last)
		}
		o.progress(v)
		last = v.Status
		if isErrorStatus(v.Status) {
			return &rest.StatusError{ID: id, Status: string(v.Status), Reason: "waiting for deletion"}
		}
		if err := sleep(ctx, delay); err != nil {
			return waitErr(ctx, err, "volume %s to be deleted (last status %q)", id, last)
		}
	}
}

func isErrorStatus(s Status) bool { return strings.HasPrefix(string(s), "error") }

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
