package backups

import (
	"context"
	"errors"

	"github.com/gocinder/cinder/internal/rest"
)

// action is the call every backup action starts from.
func action(op, id string) rest.Call {
	return rest.Call{Op: "backups." + op, Path: rest.Path("backups", id, "action")}
}

// ResetStatus sets the backup's status in the database (admin only);
// Cinder accepts only StatusAvailable and StatusError.
// POST /backups/{id}/action (os-reset_status).
func (m *Manager) ResetStatus(ctx context.Context, id string, status Status) error {
	if status == "" {
		return errors.New("cinder: resetting a backup's status needs a status")
	}
	return m.rc.Action(ctx, action("ResetStatus", id), "os-reset_status", struct {
		Status Status `json:"status"`
	}{status})
}

// ForceDelete deletes the backup whatever its status (admin only).
// POST /backups/{id}/action (os-force_delete).
func (m *Manager) ForceDelete(ctx context.Context, id string) error {
	return m.rc.Action(ctx, action("ForceDelete", id), "os-force_delete", nil)
}
