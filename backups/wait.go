package backups

import (
	"context"

	"github.com/gocinder/cinder/internal/wait"
)

// WaitOptions tune WaitForStatus and WaitForDeleted.
type WaitOptions struct {
	// Progress, when set, is called with the backup after every poll.
	Progress func(*Backup)
}

// WaitForStatus polls the backup until its status is want and returns
// it: a new or imported backup goes creating → available, a restored one
// restoring → available. The deadline comes from ctx. A status starting
// with "error" (other than want) ends the wait at once with a
// *cinder.StatusError. Polls are 1 s apart at first, doubling up to 15 s. GET /backups/{id}, repeatedly.
func (m *Manager) WaitForStatus(ctx context.Context, id string, want Status, o *WaitOptions) (*Backup, error) {
	return wait.For(ctx, m.waitTarget(id, o), string(want))
}

// WaitForDeleted polls the backup until it is gone (GET answers 404).
// The deadline comes from ctx; an "error*" status ends the wait at once
// with a *cinder.StatusError. GET /backups/{id}, repeatedly.
func (m *Manager) WaitForDeleted(ctx context.Context, id string, o *WaitOptions) error {
	return wait.Gone(ctx, m.waitTarget(id, o))
}

func (m *Manager) waitTarget(id string, o *WaitOptions) wait.Target[Backup] {
	t := wait.Target[Backup]{Kind: "backup", ID: id, Get: m.Get, Status: func(b *Backup) string { return string(b.Status) }}
	if o != nil {
		t.Progress = o.Progress
	}
	return t
}
