package cgsnapshots

import (
	"context"
	"errors"
	"net/http"
	"time"

	"github.com/gocinder/cinder/internal/jsonx"
	"github.com/gocinder/cinder/internal/rest"
)

// Manager issues cgsnapshot requests. Get one from cinder.Client.CGSnapshots.
type Manager struct{ rc *rest.Client }

// The root package builds the Manager (cinder.Client wires one per client).
func init() { rest.Register(func(rc *rest.Client) *Manager { return &Manager{rc: rc} }) }

// Status is a cgsnapshot's status (the status of the group snapshot it is).
type Status string

// Cgsnapshot statuses, as Cinder defines them for group snapshots.
const (
	StatusCreating      Status = "creating"
	StatusAvailable     Status = "available"
	StatusUpdating      Status = "updating"
	StatusDeleting      Status = "deleting"
	StatusDeleted       Status = "deleted"
	StatusError         Status = "error"
	StatusErrorDeleting Status = "error_deleting"
)

// CGSnapshot is a consistency group snapshot as GET /cgsnapshots/{id}
// shows it. Create and the summary list (ListRefs) fill only ID and Name.
type CGSnapshot struct {
	ID                 string    `json:"id"`                  // the cgsnapshot's UUID
	Name               string    `json:"name"`                // the cgsnapshot's name
	Description        string    `json:"description"`         // null on the wire is ""
	Status             Status    `json:"status"`              // the cgsnapshot's status
	ConsistencyGroupID string    `json:"consistencygroup_id"` // the group snapshotted
	CreatedAt          time.Time `json:"-"`                   // wire: created_at, no zone, UTC
}

// UnmarshalJSON decodes Cinder's zone-less timestamp.
func (s *CGSnapshot) UnmarshalJSON(b []byte) error {
	type plain CGSnapshot
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
	CGSnapshot CGSnapshot `json:"cgsnapshot"`
}

// CreateRequest is the body of POST /cgsnapshots.
type CreateRequest struct {
	ConsistencyGroupID string `json:"consistencygroup_id"`   // the consistency group to snapshot (required)
	Name               string `json:"name,omitempty"`        // the cgsnapshot's name
	Description        string `json:"description,omitempty"` // the cgsnapshot's description
}

// Create snapshots every volume of a consistency group (it must have
// volumes and be "available"); it returns at once with the ID and name
// (see WaitForStatus). POST /cgsnapshots. The POST is never retried on an
// answer.
func (m *Manager) Create(ctx context.Context, r CreateRequest) (*CGSnapshot, error) {
	if r.ConsistencyGroupID == "" {
		return nil, errors.New("cinder: creating a cgsnapshot needs a consistency group ID")
	}
	var env snapshotEnv
	err := m.rc.Do(ctx, rest.Call{Op: "cgsnapshots.Create", Method: http.MethodPost, Path: "cgsnapshots",
		Body: struct {
			CGSnapshot CreateRequest `json:"cgsnapshot"`
		}{r}}, &env)
	if err != nil {
		return nil, err
	}
	return &env.CGSnapshot, nil
}

// Get returns the cgsnapshot with the given ID. GET /cgsnapshots/{id}
func (m *Manager) Get(ctx context.Context, id string) (*CGSnapshot, error) {
	var env snapshotEnv
	err := m.rc.Do(ctx, rest.Call{Op: "cgsnapshots.Get", Path: rest.Path("cgsnapshots", id)}, &env)
	if err != nil {
		return nil, err
	}
	return &env.CGSnapshot, nil
}

// Delete deletes a cgsnapshot and its volume snapshots; it is "deleting"
// until the backend is done (see WaitForDeleted). DELETE /cgsnapshots/{id}
func (m *Manager) Delete(ctx context.Context, id string) error {
	return m.rc.Do(ctx, rest.Call{Op: "cgsnapshots.Delete", Method: http.MethodDelete,
		Path: rest.Path("cgsnapshots", id)}, nil)
}
