package groupsnapshots

import (
	"context"
	"errors"
	"net/http"
	"time"

	"github.com/gocinder/cinder/internal/jsonx"
	"github.com/gocinder/cinder/internal/rest"
	mv "github.com/gocinder/cinder/microversion"
)

// since is the microversion that brought group snapshots.
var since = mv.V(3, 14)

// Manager issues group snapshot requests. Get one from
// cinder.Client.GroupSnapshots.
type Manager struct{ rc *rest.Client }

// The root package builds the Manager (cinder.Client wires one per client).
func init() { rest.Register(func(rc *rest.Client) *Manager { return &Manager{rc: rc} }) }

// Status is a group snapshot's status.
type Status string

// Group snapshot statuses, as Cinder defines them (and ResetStatus accepts).
const (
	StatusCreating      Status = "creating"
	StatusAvailable     Status = "available"
	StatusUpdating      Status = "updating"
	StatusDeleting      Status = "deleting"
	StatusDeleted       Status = "deleted"
	StatusError         Status = "error"
	StatusErrorDeleting Status = "error_deleting"
)

// GroupSnapshot is a group snapshot as GET /group_snapshots/{id} shows it.
// Create fills only ID, Name and GroupTypeID; the summary list (ListRefs)
// only ID and Name.
type GroupSnapshot struct {
	ID          string    `json:"id"`            // the group snapshot's UUID
	Name        string    `json:"name"`          // the group snapshot's name
	Description string    `json:"description"`   // null on the wire is ""
	Status      Status    `json:"status"`        // the group snapshot's status
	GroupID     string    `json:"group_id"`      // the group snapshotted
	GroupTypeID string    `json:"group_type_id"` // that group's type
	CreatedAt   time.Time `json:"-"`             // wire: created_at, no zone, UTC
	ProjectID   string    `json:"project_id"`    // since 3.58, admins by default policy
}

// UnmarshalJSON decodes Cinder's zone-less timestamp.
func (s *GroupSnapshot) UnmarshalJSON(b []byte) error {
	type plain GroupSnapshot
	var w struct {
		*plain
		CreatedAt jsonx.Time `json:"created_at"`
	}
	w.plain = (*plain)(s)
	if err := jsonx.Unmarshal(b, &w); err != nil {
		return err
	}
	s.CreatedAt = w.CreatedAt.Time
	return nil
}

type snapshotEnv struct {
	GroupSnapshot GroupSnapshot `json:"group_snapshot"`
}

// CreateRequest is the body of POST /group_snapshots.
type CreateRequest struct {
	GroupID     string `json:"group_id"`              // the group to snapshot (required)
	Name        string `json:"name,omitempty"`        // the group snapshot's name
	Description string `json:"description,omitempty"` // the group snapshot's description
}

// Create snapshots every volume of a group; it returns at once with the
// ID, name and group type (see WaitForStatus). POST /group_snapshots.
// Requires microversion 3.14. The POST is never retried on an answer.
func (m *Manager) Create(ctx context.Context, r CreateRequest) (*GroupSnapshot, error) {
	if r.GroupID == "" {
		return nil, errors.New("cinder: creating a group snapshot needs a group ID")
	}
	var env snapshotEnv
	err := m.rc.Do(ctx, rest.Call{Op: "groupsnapshots.Create", Method: http.MethodPost, Path: "group_snapshots", Since: since,
		Body: struct {
			GroupSnapshot CreateRequest `json:"group_snapshot"`
		}{r}}, &env)
	if err != nil {
		return nil, err
	}
	return &env.GroupSnapshot, nil
}

// Get returns the group snapshot with the given ID.
// GET /group_snapshots/{id}. Requires microversion 3.14.
func (m *Manager) Get(ctx context.Context, id string) (*GroupSnapshot, error) {
	var env snapshotEnv
	err := m.rc.Do(ctx, rest.Call{Op: "groupsnapshots.Get", Path: rest.Path("group_snapshots", id), Since: since}, &env)
	if err != nil {
		return nil, err
	}
	return &env.GroupSnapshot, nil
}

// Delete deletes a group snapshot and its volume snapshots; it is
// "deleting" until the backend is done (see WaitForDeleted).
// DELETE /group_snapshots/{id}. Requires microversion 3.14.
func (m *Manager) Delete(ctx context.Context, id string) error {
	return m.rc.Do(ctx, rest.Call{Op: "groupsnapshots.Delete", Method: http.MethodDelete,
		Path: rest.Path("group_snapshots", id), Since: since}, nil)
}

// ResetStatus sets the group snapshot's status in the database without
// touching the backend (admin only).
// POST /group_snapshots/{id}/action (reset_status). Requires microversion 3.19.
func (m *Manager) ResetStatus(ctx context.Context, id string, status Status) error {
	if status == "" {
		return errors.New("cinder: resetting a group snapshot's status needs a status")
	}
	return m.rc.Action(ctx, rest.Call{Op: "groupsnapshots.ResetStatus", Path: rest.Path("group_snapshots", id, "action"),
		Since: mv.V(3, 19)}, "reset_status", struct {
		Status Status `json:"status"`
	}{status})
}
