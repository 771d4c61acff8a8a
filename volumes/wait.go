package volumes

import (
	"context"

	"github.com/gocinder/cinder/internal/wait"
)

// WaitOptions tune WaitForStatus and WaitForDeleted.
type WaitOptions struct {
	// Progress, when set, is called with the volume after every poll.
	Progress func(*Volume)
}

// WaitForStatus polls the volume until its status is want and returns it.
// The deadline comes from ctx. A status starting with "error" (other than
// want) ends the wait at once with a *cinder.StatusError. Polls are 1 s
// apart at first, doubling up to 15 s. GET /volumes/{id}, repeatedly.
func (m *Manager) WaitForStatus(ctx context.Context, id string, want Status, o *WaitOptions) (*Volume, error) {
	return wait.For(ctx, m.waitTarget(id, o), string(want))
}

// WaitForDeleted polls the volume until it is gone (GET answers 404). The
// deadline comes from ctx; "error_deleting" ends the wait at once with a
// *cinder.StatusError. GET /volumes/{id}, repeatedly.
func (m *Manager) WaitForDeleted(ctx context.Context, id string, o *WaitOptions) error {
	return wait.Gone(ctx, m.waitTarget(id, o))
}

func (m *Manager) waitTarget(id string, o *WaitOptions) wait.Target[Volume] {
	t := wait.Target[Volume]{Kind: "volume", ID: id, Get: m.Get, Status: func(v *Volume) string { return string(v.Status) }}
	if o != nil {
		t.Progress = o.Progress
	}
	return t
}
