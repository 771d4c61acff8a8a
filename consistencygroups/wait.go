package consistencygroups

import (
	"context"

	"github.com/gocinder/cinder/internal/wait"
)

// WaitOptions tune WaitForStatus and WaitForDeleted.
type WaitOptions struct {
	// Progress, when set, is called with the group after every poll.
	Progress func(*ConsistencyGroup)
}

// WaitForStatus polls the consistency group until its status is want and
// returns it. The deadline comes from ctx. A status starting with "error"
// (other than want) ends the wait at once with the group and a
// *cinder.StatusError. Polls are 1 s apart at first, doubling up to 15 s.
// GET /consistencygroups/{id}, repeatedly.
func (m *Manager) WaitForStatus(ctx context.Context, id string, want Status, o *WaitOptions) (*ConsistencyGroup, error) {
	return wait.For(ctx, m.waitTarget(id, o), string(want))
}

// WaitForDeleted polls the consistency group until it is gone (GET answers
// 404). The deadline comes from ctx; an "error*" status ends the wait at
// once with a *cinder.StatusError. GET /consistencygroups/{id}, repeatedly.
func (m *Manager) WaitForDeleted(ctx context.Context, id string, o *WaitOptions) error {
	return wait.Gone(ctx, m.waitTarget(id, o))
}

func (m *Manager) waitTarget(id string, o *WaitOptions) wait.Target[ConsistencyGroup] {
	t := wait.Target[ConsistencyGroup]{Kind: "consistency group", ID: id, Get: m.Get,
		Status: func(g *ConsistencyGroup) string { return string(g.Status) }}
	if o != nil {
		t.Progress = o.Progress
	}
	return t
}
