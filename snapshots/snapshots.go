package snapshots

import (
	"context"
	"errors"
	"net/http"
	"time"

	"github.com/gocinder/cinder/internal/jsonx"
	"github.com/gocinder/cinder/internal/rest"
	mv "github.com/gocinder/cinder/microversion"
)

// Manager issues snapshot requests. Get one from cinder.Client.Snapshots.
type Manager struct{ rc *rest.Client }

// The root package builds the Manager (cinder.Client wires one per client).
func init() { rest.Register(func(rc *rest.Client) *Manager { return &Manager{rc: rc} }) }

// Status is a snapshot's status.
type Status string

// Snapshot statuses, as Cinder defines them.
const (
	StatusCreating      Status = "creating"
	StatusAvailable     Status = "available"
	StatusBackingUp     Status = "backing-up"
	StatusRestoring     Status = "restoring"
	StatusUpdating      Status = "updating"
	StatusDeleting      Status = "deleting"
	StatusDeleted       Status = "deleted"
	StatusUnmanaging    Status = "unmanaging"
	StatusError         Status = "error"
	StatusErrorDeleting Status = "error_deleting"
)

// Snapshot is a volume snapshot as shown by GET /snapshots/{id}.
type Snapshot struct {
	ID          string            `json:"id"`          // the snapshot's UUID
	Name        string            `json:"name"`        // the snapshot's name
	Description string            `json:"description"` // the snapshot's description
	Status      Status            `json:"status"`      // the snapshot's status
	Size        int               `json:"size"`        // GiB, the volume's size
	VolumeID    string            `json:"volume_id"`   // the volume the snapshot is of
	CreatedAt   time.Time         `json:"-"`           // wire: created_at, no zone, UTC
	UpdatedAt   time.Time         `json:"-"`           // wire: updated_at; zero when never updated
	Metadata    map[string]string `json:"metadata"`    // user key/value metadata

	ProjectID       string `json:"os-extended-snapshot-attributes:project_id"` // the owning project
	Progress        string `json:"os-extended-snapshot-attributes:progress"`   // e.g. "100%"
	GroupSnapshotID string `json:"group_snapshot_id"`                          // since 3.14
	UserID          string `json:"user_id"`                                    // since 3.41
	ConsumesQuota   *bool  `json:"consumes_quota"`                             // since 3.65; nil before
}

// UnmarshalJSON decodes Cinder's zone-less timestamps.
func (s *Snapshot) UnmarshalJSON(b []byte) error {
	type plain Snapshot
	var w struct {
		*plain
		CreatedAt jsonx.Time `json:"created_at"`
		UpdatedAt jsonx.Time `json:"updated_at"`
	}
	w.plain = (*plain)(s)
	if err := jsonx.Unmarshal(b, &w); err != nil {
		return err
	}
	s.CreatedAt, s.UpdatedAt = w.CreatedAt.Time, w.UpdatedAt.Time
	return nil
}

type snapshotEnv struct {
	Snapshot Snapshot `json:"snapshot"`
}

// CreateRequest is the body of POST /snapshots.
type CreateRequest struct {
	VolumeID    string            `json:"volume_id"`             // the volume to snapshot (required)
	Name        string            `json:"name,omitempty"`        // the snapshot's name
	Description string            `json:"description,omitempty"` // the snapshot's description
	Metadata    map[string]string `json:"metadata,omitempty"`    // user key/value metadata
	// Force allows a snapshot of an in-use volume before microversion 3.66.
	// From 3.66 on in-use volumes need no force: true is not sent, and
	// false is refused before sending (Cinder answers it with a 400).
	Force *bool `json:"force,omitempty"`
}

// Create snapshots a volume; it returns at once with the snapshot in
// "creating" (see WaitForStatus). POST /snapshots. The POST is replayed
// only when the server provably did not act (503, 429, 413 with
// Retry-After); an answer lost after it may have acted is a
// *cinder.MayExistError naming the snapshot.
func (m *Manager) Create(ctx context.Context, r CreateRequest) (*Snapshot, error) {
	if r.VolumeID == "" {
		return nil, errors.New("cinder: creating a snapshot needs a volume ID")
	}
	if r.Force != nil && !m.rc.Version.Less(mv.V(3, 66)) {
		if !*r.Force {
			return nil, errors.New("cinder: snapshots.Create: force=false is refused from microversion 3.66 on " +
				"(in-use volumes are snapshotted without force); leave Force nil")
		}
		r.Force = nil
	}
	var env snapshotEnv
	err := m.rc.Do(ctx, rest.Call{Op: "snapshots.Create", Method: http.MethodPost, Path: "snapshots",
		Body: struct {
			Snapshot CreateRequest `json:"snapshot"`
		}{r}}, &env)
	if err != nil {
		return nil, rest.MayExist(err, "snapshot", r.Name, "")
	}
	return &env.Snapshot, nil
}

// Get returns the snapshot with the given ID. GET /snapshots/{id}
func (m *Manager) Get(ctx context.Context, id string) (*Snapshot, error) {
	var env snapshotEnv
	if err := m.rc.Do(ctx, rest.Call{Op: "snapshots.Get", Path: rest.Path("snapshots", id)}, &env); err != nil {
		return nil, err
	}
	return &env.Snapshot, nil
}

// UpdateRequest is the body of PUT /snapshots/{id}. Nil fields are left as
// they are; at least one must be set.
type UpdateRequest struct {
	Name        *string `json:"name,omitempty"`        // new name
	Description *string `json:"description,omitempty"` // new description
}

// Update changes a snapshot's name or description and returns it.
// PUT /snapshots/{id}
func (m *Manager) Update(ctx context.Context, id string, r UpdateRequest) (*Snapshot, error) {
	if r.Name == nil && r.Description == nil {
		return nil, errors.New("cinder: a snapshot update needs a name or a description")
	}
	var env snapshotEnv
	err := m.rc.Do(ctx, rest.Call{Op: "snapshots.Update", Method: http.MethodPut, Path: rest.Path("snapshots", id),
		Body: struct {
			Snapshot UpdateRequest `json:"snapshot"`
		}{r}}, &env)
	if err != nil {
		return nil, err
	}
	return &env.Snapshot, nil
}

// Delete deletes a snapshot; it is "deleting" until the backend is done
// (see WaitForDeleted). DELETE /snapshots/{id}
func (m *Manager) Delete(ctx context.Context, id string) error {
	return m.rc.Do(ctx, rest.Call{Op: "snapshots.Delete", Method: http.MethodDelete, Path: rest.Path("snapshots", id)}, nil)
}
