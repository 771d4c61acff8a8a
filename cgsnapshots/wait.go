package cgsnapshots

import (
	"context"

	"github.com/gocinder/cinder/internal/wait"
)

// WaitOptions tune WaitForStatus and WaitForDeleted.
type WaitOptions struct {
	// Progress, when set, is called with the cgsnapshot after every poll.
	Progress func(*CGSnapshot)
}

// WaitForStatus polls the cgsnapshot until its status is want and
// returns it. The deadline comes from ctx. A status starting with "error"
// (other than want) ends the wait at once with the cgsnapshot and a
// *cinder.StatusError. Polls are 1 s apart at first, doubling up to 15 s.
// GET /cgsnapshots/{id}, repeatedly.
func (m *Manager) WaitForStatus(ctx context.Context, id string, want Status, o *WaitOptions) (*CGSnapshot, error) {
	return wait.For(ctx, m.waitTarget(id, o), string(want))
}

// WaitForDeleted polls the cgsnapshot until it is gone (GET answers
// 404). The deadline comes from ctx; an "error*" status ends the wait at
// once with a *cinder.StatusError. GET /cgsnapshots/{id}, repeatedly.
func (m *Manager) WaitForDeleted(ctx context.Context, id string, o *WaitOptions) error {
	return wait.Gone(ctx, m.waitTarget(id, o))
}

func (m *Manager) waitTarget(id string, o *WaitOptions) wait.Target[CGSnapshot] {
	t := wait.Target[CGSnapshot]{Kind: "cgsnapshot", ID: id, Get: m.Get,
		Status: func(g *CGSnapshot) string { return string(g.Status) }}
	if o != nil {
		t.Progress = o.Progress
	}
	return t
}
