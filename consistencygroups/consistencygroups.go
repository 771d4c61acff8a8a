package consistencygroups

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"time"

	"github.com/gocinder/cinder/internal/jsonx"
	"github.com/gocinder/cinder/internal/rest"
	mv "github.com/gocinder/cinder/microversion"
)

// Manager issues consistency group requests. Get one from
// cinder.Client.ConsistencyGroups.
type Manager struct{ rc *rest.Client }

// The root package builds the Manager (cinder.Client wires one per client).
func init() { rest.Register(func(rc *rest.Client) *Manager { return &Manager{rc: rc} }) }

// Status is a consistency group's status (the status of the group it is).
type Status string

// Consistency group statuses, as Cinder defines them for groups.
const (
	StatusCreating      Status = "creating"
	StatusAvailable     Status = "available"
	StatusUpdating      Status = "updating"
	StatusInUse         Status = "in-use"
	StatusDeleting      Status = "deleting"
	StatusDeleted       Status = "deleted"
	StatusError         Status = "error"
	StatusErrorDeleting Status = "error_deleting"
)

// ConsistencyGroup is a consistency group as GET /consistencygroups/{id}
// shows it. The summary list (ListRefs), Create and CreateFromSource fill
// only ID and Name.
type ConsistencyGroup struct {
	ID               string    `json:"id"`                // the group's UUID
	Name             string    `json:"name"`              // the group's name
	Description      string    `json:"description"`       // null on the wire is ""
	Status           Status    `json:"status"`            // the group's status
	AvailabilityZone string    `json:"availability_zone"` // the group's availability zone
	CreatedAt        time.Time `json:"-"`                 // wire: created_at, no zone, UTC
	VolumeTypes      []string  `json:"volume_types"`      // volume type IDs
}

// UnmarshalJSON decodes Cinder's zone-less timestamp.
func (g *ConsistencyGroup) UnmarshalJSON(b []byte) error {
	type plain ConsistencyGroup
	var w struct {
		*plain
		CreatedAt jsonx.Time `json:"created_at"`
	}
	w.plain = (*plain)(g)
	if err := jsonx.Unmarshal(b, &w); err != nil {
		return err
	}
	g.CreatedAt = w.CreatedAt.Time
	return nil
}

type groupEnv struct {
	ConsistencyGroup ConsistencyGroup `json:"consistencygroup"`
}

// Get returns the consistency group with the given ID.
// GET /consistencygroups/{id}
func (m *Manager) Get(ctx context.Context, id string) (*ConsistencyGroup, error) {
	var env groupEnv
	err := m.rc.Do(ctx, rest.Call{Op: "consistencygroups.Get", Path: rest.Path("consistencygroups", id)}, &env)
	if err != nil {
		return nil, err
	}
	return &env.ConsistencyGroup, nil
}

// CreateRequest is the body of POST /consistencygroups.
type CreateRequest struct {
	VolumeTypes      []string // IDs or names; at least one (sent comma-separated)
	Name             string   // the group's name
	Description      string   // the group's description
	AvailabilityZone string   // the group's availability zone
}

// MarshalJSON writes the volume types the way Cinder takes them: one
// comma-separated string.
func (r CreateRequest) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Name             string `json:"name,omitempty"`
		Description      string `json:"description,omitempty"`
		VolumeTypes      string `json:"volume_types"`
		AvailabilityZone string `json:"availability_zone,omitempty"`
	}{r.Name, r.Description, strings.Join(r.VolumeTypes, ","), r.AvailabilityZone})
}

// Create makes an empty consistency group, a group of the cloud's
// "default_cgsnapshot_type" group type; it returns at once with only the
// ID and name (see WaitForStatus). A cloud without that group type answers
// 400; a backend without consistency group support leaves the group in
// "error". POST /consistencygroups. The POST is never retried on an answer.
func (m *Manager) Create(ctx context.Context, r CreateRequest) (*ConsistencyGroup, error) {
	if len(r.VolumeTypes) == 0 {
		return nil, errors.New("cinder: creating a consistency group needs at least one volume type")
	}
	var env groupEnv
	err := m.rc.Do(ctx, rest.Call{Op: "consistencygroups.Create", Method: http.MethodPost, Path: "consistencygroups",
		Body: struct {
			ConsistencyGroup CreateRequest `json:"consistencygroup"`
		}{r}}, &env)
	if err != nil {
		return nil, err
	}
	return &env.ConsistencyGroup, nil
}

// CreateFromSourceRequest is the body of POST
// /consistencygroups/create_from_src; set exactly one of CGSnapshotID and
// SourceCGID.
type CreateFromSourceRequest struct {
	CGSnapshotID string `json:"cgsnapshot_id,omitempty"` // create from this cgsnapshot (one of it and SourceCGID)
	SourceCGID   string `json:"source_cgid,omitempty"`   // clone this consistency group
	Name         string `json:"name,omitempty"`          // the new group's name
	Description  string `json:"description,omitempty"`   // the new group's description
}

// CreateFromSource makes a consistency group with a copy of every volume
// of a cgsnapshot, or of a source consistency group; it returns at once
// with only the ID and name (see WaitForStatus).
// POST /consistencygroups/create_from_src. The POST is never retried on an
// answer.
func (m *Manager) CreateFromSource(ctx context.Context, r CreateFromSourceRequest) (*ConsistencyGroup, error) {
	if (r.CGSnapshotID == "") == (r.SourceCGID == "") {
		return nil, errors.New("cinder: creating a consistency group from a source needs either a cgsnapshot ID or a source consistency group ID")
	}
	var env groupEnv
	err := m.rc.Do(ctx, rest.Call{Op: "consistencygroups.CreateFromSource", Method: http.MethodPost,
		Path: "consistencygroups/create_from_src", Body: struct {
			Src CreateFromSourceRequest `json:"consistencygroup-from-src"`
		}{r}}, &env)
	if err != nil {
		return nil, err
	}
	return &env.ConsistencyGroup, nil
}

// UpdateRequest changes a consistency group: its name, its description,
// and which volumes belong to it. Nil and empty fields are left as they
// are; at least one must be set.
type UpdateRequest struct {
	Name          *string  // "" clears it (since 3.6)
	Description   *string  // "" clears it (since 3.6)
	AddVolumes    []string // IDs of volumes to add
	RemoveVolumes []string // IDs of volumes to remove
}

// MarshalJSON writes the volume lists the way Cinder takes them: one
// comma-separated string each.
func (r UpdateRequest) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Name          *string `json:"name,omitempty"`
		Description   *string `json:"description,omitempty"`
		AddVolumes    string  `json:"add_volumes,omitempty"`
		RemoveVolumes string  `json:"remove_volumes,omitempty"`
	}{r.Name, r.Description, strings.Join(r.AddVolumes, ","), strings.Join(r.RemoveVolumes, ",")})
}

// clearsOnly reports whether r only empties the name or description, which
// Cinder refuses before 3.6.
func (r UpdateRequest) clearsOnly() bool {
	return (r.Name == nil || *r.Name == "") && (r.Description == nil || *r.Description == "") &&
		len(r.AddVolumes) == 0 && len(r.RemoveVolumes) == 0
}

// Update changes a consistency group; Cinder answers with no body, and a
// membership change leaves the group "updating" for a while (see
// WaitForStatus). PUT /consistencygroups/{id}/update. An update that only
// clears the name or description requires microversion 3.6 and is sent as
// PUT /consistencygroups/{id}: Cinder's …/update route refuses it at every
// microversion.
func (m *Manager) Update(ctx context.Context, id string, r UpdateRequest) error {
	if r.Name == nil && r.Description == nil && len(r.AddVolumes) == 0 && len(r.RemoveVolumes) == 0 {
		return errors.New("cinder: a consistency group update needs a name, a description or volumes to add or remove")
	}
	call := rest.Call{Op: "consistencygroups.Update", Method: http.MethodPut, Path: rest.Path("consistencygroups", id, "update"),
		Body: struct {
			ConsistencyGroup UpdateRequest `json:"consistencygroup"`
		}{r}}
	if r.clearsOnly() {
		call.Path, call.Since = rest.Path("consistencygroups", id), mv.V(3, 6)
	}
	return m.rc.Do(ctx, call, nil)
}

// DeleteOptions tune Delete.
type DeleteOptions struct {
	// Force deletes the group's volumes too and skips the status check;
	// without it a group that has volumes, or is neither "available" nor
	// "error", is refused (cinder.ErrBadRequest).
	Force bool
}

// Delete deletes a consistency group; it is "deleting" until the backend
// is done (see WaitForDeleted). POST /consistencygroups/{id}/delete.
func (m *Manager) Delete(ctx context.Context, id string, o *DeleteOptions) error {
	body := struct {
		ConsistencyGroup struct {
			Force bool `json:"force"`
		} `json:"consistencygroup"`
	}{}
	body.ConsistencyGroup.Force = o != nil && o.Force
	return m.rc.Do(ctx, rest.Call{Op: "consistencygroups.Delete", Method: http.MethodPost,
		Path: rest.Path("consistencygroups", id, "delete"), Body: body}, nil)
}
