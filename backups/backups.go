package backups

import (
	"context"
	"errors"
	"github.com/gocinder/cinder/volumes"
	"net/http"
	"time"

	"github.com/gocinder/cinder/internal/jsonx"
	"github.com/gocinder/cinder/internal/rest"
	mv "github.com/gocinder/cinder/microversion"
)

// Manager issues backup requests. Get one from cinder.Client.Backups.
type Manager struct{ rc *rest.Client }

// The root package builds the Manager (cinder.Client wires one per client).
func init() { rest.Register(func(rc *rest.Client) *Manager { return &Manager{rc: rc} }) }

// Status is a backup's status.
type Status string

// Backup statuses, as Cinder defines them. A new backup goes creating →
// available; a restore takes it restoring → available.
const (
	StatusCreating      Status = "creating"
	StatusAvailable     Status = "available"
	StatusRestoring     Status = "restoring"
	StatusDeleting      Status = "deleting"
	StatusDeleted       Status = "deleted"
	StatusError         Status = "error"
	StatusErrorDeleting Status = "error_deleting"
)

// Link is a hypermedia link: the SDK's one Link type, volumes.Link.
type Link = volumes.Link

// Backup is a volume backup as shown by GET /backups/{id}.
type Backup struct {
	ID                  string    `json:"id"`                    // the backup's UUID
	Name                string    `json:"name"`                  // the backup's name
	Description         string    `json:"description"`           // the backup's description
	Status              Status    `json:"status"`                // the backup's status
	Size                int       `json:"size"`                  // GiB
	ObjectCount         int       `json:"object_count"`          // number of objects the backup is stored as
	AvailabilityZone    string    `json:"availability_zone"`     // the backup service's availability zone
	Container           string    `json:"container"`             // where the backup driver keeps it (e.g. a Swift container)
	CreatedAt           time.Time `json:"-"`                     // wire: created_at, no zone, UTC
	UpdatedAt           time.Time `json:"-"`                     // wire: updated_at
	DataTimestamp       time.Time `json:"-"`                     // wire: data_timestamp; when the data was taken
	FailReason          string    `json:"fail_reason"`           // why the backup failed, when Status is error
	VolumeID            string    `json:"volume_id"`             // the volume backed up
	SnapshotID          string    `json:"snapshot_id"`           // set when backed up from a snapshot
	Links               []Link    `json:"links"`                 // self and bookmark links
	IsIncremental       bool      `json:"is_incremental"`        // an incremental backup, on top of an earlier one
	HasDependentBackups bool      `json:"has_dependent_backups"` // incremental backups depend on this one (it cannot be deleted first)

	Metadata        map[string]string `json:"metadata"`                          // since 3.43
	ProjectID       string            `json:"os-backup-project-attr:project_id"` // since 3.18, admin only
	UserID          string            `json:"user_id"`                           // since 3.56, admin only
	EncryptionKeyID string            `json:"encryption_key_id"`                 // since 3.64, encrypted volumes only
}

// UnmarshalJSON decodes Cinder's zone-less timestamps.
func (b *Backup) UnmarshalJSON(data []byte) error {
	type plain Backup
	var w struct {
		*plain
		CreatedAt     jsonx.Time `json:"created_at"`
		UpdatedAt     jsonx.Time `json:"updated_at"`
		DataTimestamp jsonx.Time `json:"data_timestamp"`
	}
	w.plain = (*plain)(b)
	if err := jsonx.Unmarshal(data, &w); err != nil {
		return err
	}
	b.CreatedAt, b.UpdatedAt, b.DataTimestamp = w.CreatedAt.Time, w.UpdatedAt.Time, w.DataTimestamp.Time
	return nil
}

type backupEnv struct {
	Backup Backup `json:"backup"`
}

// CreateRequest is the body of POST /backups.
type CreateRequest struct {
	VolumeID    string `json:"volume_id"`             // the volume to back up (required)
	Container   string `json:"container,omitempty"`   // driver-specific; the driver's default when empty
	Name        string `json:"name,omitempty"`        // the backup's name
	Description string `json:"description,omitempty"` // the backup's description
	Incremental bool   `json:"incremental,omitempty"` // on top of the volume's latest backup
	Force       bool   `json:"force,omitempty"`       // back up an in-use volume
	SnapshotID  string `json:"snapshot_id,omitempty"` // back up this snapshot of the volume

	Metadata         map[string]string `json:"metadata,omitempty"`          // since 3.43
	AvailabilityZone string            `json:"availability_zone,omitempty"` // since 3.51
}

// Create starts a backup; it returns at once with the backup in "creating"
// (see WaitForStatus). Cinder answers with the ID, name and links only.
// POST /backups. Metadata requires microversion 3.43, AvailabilityZone
// 3.51. The POST is replayed only when the server provably did not act
// (503, 429, 413 with Retry-After); an answer lost after it may have acted
// is a *cinder.MayExistError naming the backup.
func (m *Manager) Create(ctx context.Context, r CreateRequest) (*Backup, error) {
	if r.VolumeID == "" {
		return nil, errors.New("cinder: creating a backup needs a volume ID")
	}
	if r.Metadata != nil {
		if err := m.rc.Check("backups.Create with Metadata", mv.V(3, 43), mv.Version{}); err != nil {
			return nil, err
		}
	}
	if r.AvailabilityZone != "" {
		if err := m.rc.Check("backups.Create with AvailabilityZone", mv.V(3, 51), mv.Version{}); err != nil {
			return nil, err
		}
	}
	var env backupEnv
	err := m.rc.Do(ctx, rest.Call{Op: "backups.Create", Method: http.MethodPost, Path: "backups",
		Body: struct {
			Backup CreateRequest `json:"backup"`
		}{r}}, &env)
	if err != nil {
		return nil, rest.MayExist(err, "backup", r.Name, "")
	}
	return &env.Backup, nil
}

// Get returns the backup with the given ID. GET /backups/{id}
func (m *Manager) Get(ctx context.Context, id string) (*Backup, error) {
	var env backupEnv
	if err := m.rc.Do(ctx, rest.Call{Op: "backups.Get", Path: rest.Path("backups", id)}, &env); err != nil {
		return nil, err
	}
	return &env.Backup, nil
}

// UpdateRequest is the body of PUT /backups/{id}. Nil fields are left as
// they are.
type UpdateRequest struct {
	Name        *string           `json:"name,omitempty"`        // new name
	Description *string           `json:"description,omitempty"` // new description
	Metadata    map[string]string `json:"metadata,omitempty"`    // since 3.43; replaces all metadata when non-nil
}

// Update changes a backup's name, description or metadata. Cinder answers
// with the ID, name and links only. PUT /backups/{id}. Requires
// microversion 3.9; Metadata requires 3.43.
func (m *Manager) Update(ctx context.Context, id string, r UpdateRequest) (*Backup, error) {
	call := rest.Call{Op: "backups.Update", Method: http.MethodPut, Path: rest.Path("backups", id), Since: mv.V(3, 9),
		Body: struct {
			Backup UpdateRequest `json:"backup"`
		}{r}}
	if r.Metadata != nil {
		call.Op, call.Since = "backups.Update with Metadata", mv.V(3, 43)
	}
	var env backupEnv
	if err := m.rc.Do(ctx, call, &env); err != nil {
		return nil, err
	}
	return &env.Backup, nil
}

// Delete deletes a backup; it is "deleting" until the driver is done (see
// WaitForDeleted). A backup with incremental backups on top of it cannot
// be deleted (400). DELETE /backups/{id}. ForceDelete deletes whatever the
// status.
func (m *Manager) Delete(ctx context.Context, id string) error {
	return m.rc.Do(ctx, rest.Call{Op: "backups.Delete", Method: http.MethodDelete, Path: rest.Path("backups", id)}, nil)
}
