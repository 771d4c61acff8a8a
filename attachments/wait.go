package attachments

import (
	"context"

	"github.com/gocinder/cinder/internal/wait"
)

// WaitOptions tune WaitForStatus and WaitForDeleted.
type WaitOptions struct {
	// Progress, when set, is called with the attachment after every poll.
	Progress func(*Attachment)
}

// WaitForStatus polls the attachment until its status is want (e.g.
// StatusAttached after Complete) and returns it. The deadline comes from
// ctx. A status starting with "error" (error_attaching, error_detaching)
// other than want ends the wait at once with a *cinder.StatusError. Polls
// are 1 s apart at first, doubling up to 15 s. GET /attachments/{id},
// repeatedly. Requires microversion 3.27.
func (m *Manager) WaitForStatus(ctx context.Context, id string, want Status, o *WaitOptions) (*Attachment, error) {
	return wait.For(ctx, m.waitTarget(id, o), string(want))
}

// WaitForDeleted polls the attachment until it is gone (GET answers 404).
// The deadline comes from ctx; an error status ends the wait at once with a
// *cinder.StatusError. GET /attachments/{id}, repeatedly. Requires
// microversion 3.27.
func (m *Manager) WaitForDeleted(ctx context.Context, id string, o *WaitOptions) error {
	return wait.Gone(ctx, m.waitTarget(id, o))
}

func (m *Manager) waitTarget(id string, o *WaitOptions) wait.Target[Attachment] {
	t := wait.Target[Attachment]{Kind: "attachment", ID: id, Get: m.Get, Status: func(a *Attachment) string { return string(a.Status) }}
	if o != nil {
		t.Progress = o.Progress
	}
	return t
}
