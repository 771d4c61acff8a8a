package snapshots

import (
	"context"
	"errors"

	"github.com/gocinder/cinder/internal/rest"
)

// action is the call every snapshot action starts from.
func action(op, id string) rest.Call {
	return rest.Call{Op: "snapshots." + op, Path: rest.Path("snapshots", id, "action")}
}

// ResetStatus sets the snapshot's status in the database without touching
// the backend (admin only). POST /snapshots/{id}/action (os-reset_status).
func (m *Manager) ResetStatus(ctx context.Context, id string, status Status) error {
	if status == "" {
		return errors.New("cinder: resetting a snapshot's status needs a status")
	}
	return m.rc.Action(ctx, action("ResetStatus", id), "os-reset_status", struct {
		Status Status `json:"status"`
	}{status})
}

// UpdateStatusRequest is the body of os-update_snapshot_status.
type UpdateStatusRequest struct {
	// Status is the new status. Cinder allows creating → creating,
	// available or error, and deleting → deleting or error_deleting.
	Status Status `json:"status"`
	// Progress is an integer percentage such as "90%"; "" leaves it.
	Progress string `json:"progress,omitempty"`
}

// UpdateStatus reports the progress of a snapshot being created or deleted
// by an outside agent (Nova, for assisted snapshots).
// POST /snapshots/{id}/action (os-update_snapshot_status).
func (m *Manager) UpdateStatus(ctx context.Context, id string, r UpdateStatusRequest) error {
	if r.Status == "" {
		return errors.New("cinder: updating a snapshot's status needs a status")
	}
	return m.rc.Action(ctx, action("UpdateStatus", id), "os-update_snapshot_status", r)
}

// ForceDelete deletes the snapshot whatever its status (admin only).
// POST /snapshots/{id}/action (os-force_delete).
func (m *Manager) ForceDelete(ctx context.Context, id string) error {
	return m.rc.Action(ctx, action("ForceDelete", id), "os-force_delete", nil)
}

// Unmanage removes the snapshot from Cinder, leaving it on the backend
// (admin only). POST /snapshots/{id}/action (os-unmanage).
func (m *Manager) Unmanage(ctx context.Context, id string) error {
	return m.rc.Action(ctx, action("Unmanage", id), "os-unmanage", nil)
}
