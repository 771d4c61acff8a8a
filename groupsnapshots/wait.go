package groupsnapshots

import (
	"context"

	"github.com/gocinder/cinder/internal/wait"
)

// WaitOptions tune WaitForStatus and WaitForDeleted.
type WaitOptions struct {
	// Progress, when set, is called with the group snapshot after every poll.
	Progress func(*GroupSnapshot)
}

// WaitForStatus polls the group snapshot until its status is want and returns it.
// The deadline comes from ctx. A status starting with "error" (other than
// want) ends the wait at once with the group snapshot and a *cinder.StatusError.
// Polls are 1 s apart at first, doubling up to 15 s. GET /group_snapshots/{id},
// repeatedly.
func (m *Manager) WaitForStatus(ctx context.Context, id string, want Status, o *WaitOptions) (*GroupSnapshot, error) {
	return wait.For(ctx, m.waitTarget(id, o), string(want))
}

// WaitForDeleted polls the group snapshot until it is gone (GET answers 404). The
// deadline comes from ctx; an "error*" status ends the wait at once with a
// *cinder.StatusError. GET /group_snapshots/{id}, repeatedly.
func (m *Manager) WaitForDeleted(ctx context.Context, id string, o *WaitOptions) error {
	return wait.Gone(ctx, m.waitTarget(id, o))
}

func (m *Manager) waitTarget(id string, o *WaitOptions) wait.Target[GroupSnapshot] {
	t := wait.Target[GroupSnapshot]{Kind: "group snapshot", ID: id, Get: m.Get, Status: func(g *GroupSnapshot) string { return string(g.Status) }}
	if o != nil {
		t.Progress = o.Progress
	}
	return t
}
