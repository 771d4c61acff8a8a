package groups

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/gocinder/cinder/internal/jsonx"
	"github.com/gocinder/cinder/internal/rest"
	mv "github.com/gocinder/cinder/microversion"
)

// since is the microversion that brought generic volume groups.
var since = mv.V(3, 13)

// Manager issues group requests. Get one from cinder.Client.Groups.
type Manager struct{ rc *rest.Client }

// The root package builds the Manager (cinder.Client wires one per client).
func init() { rest.Register(func(rc *rest.Client) *Manager { return &Manager{rc: rc} }) }

// Status is a group's status.
type Status string

// Group statuses, as Cinder defines them (and ResetStatus accepts).
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

// ReplicationStatus is a group's replication status.
type ReplicationStatus string

// Replication statuses, as Cinder defines them.
const (
	ReplicationEnabled     ReplicationStatus = "enabled"
	ReplicationDisabled    ReplicationStatus = "disabled"
	ReplicationNotCapable  ReplicationStatus = "not-capable"
	ReplicationEnabling    ReplicationStatus = "enabling"
	ReplicationDisabling   ReplicationStatus = "disabling"
	ReplicationFailingOver ReplicationStatus = "failing-over"
	ReplicationFailedOver  ReplicationStatus = "failed-over"
	ReplicationError       ReplicationStatus = "error"
)

// Group is a generic volume group as GET /groups/{id} shows it. The
// summary list (ListRefs) and Create fill only ID and Name.
type Group struct {
	ID               string    `json:"id"`                // the group's UUID
	Name             string    `json:"name"`              // the group's name
	Description      string    `json:"description"`       // null on the wire is ""
	Status           Status    `json:"status"`            // the group's status
	AvailabilityZone string    `json:"availability_zone"` // the group's availability zone
	CreatedAt        time.Time `json:"-"`                 // wire: created_at, no zone, UTC
	GroupType        string    `json:"group_type"`        // the group type's ID
	VolumeTypes      []string  `json:"volume_types"`      // IDs of the volume types the group supports

	GroupSnapshotID string `json:"group_snapshot_id"` // since 3.14: the snapshot it was made from
	SourceGroupID   string `json:"source_group_id"`   // since 3.14: the group it was cloned from
	// Volumes are the IDs of the group's volumes; only GetWithVolumes and
	// ListOptions.ListVolume ask for them (since 3.25), nil otherwise.
	Volumes           []string          `json:"volumes"`
	ReplicationStatus ReplicationStatus `json:"replication_status"` // since 3.38
	ProjectID         string            `json:"project_id"`         // since 3.58, admins by default policy
}

// UnmarshalJSON decodes Cinder's zone-less timestamp.
func (g *Group) UnmarshalJSON(b []byte) error {
	type plain Group
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
	Group Group `json:"group"`
}

// Get returns the group with the given ID. GET /groups/{id}. Requires
// microversion 3.13.
func (m *Manager) Get(ctx context.Context, id string) (*Group, error) {
	return m.get(ctx, rest.Call{Op: "groups.Get", Path: rest.Path("groups", id), Since: since})
}

// GetWithVolumes is Get with the group's volume IDs in Volumes.
// GET /groups/{id}?list_volume=True. Requires microversion 3.25.
func (m *Manager) GetWithVolumes(ctx context.Context, id string) (*Group, error) {
	return m.get(ctx, rest.Call{Op: "groups.GetWithVolumes", Path: rest.Path("groups", id), Since: mv.V(3, 25),
		Query: url.Values{"list_volume": {"True"}}})
}

func (m *Manager) get(ctx context.Context, call rest.Call) (*Group, error) {
	var env groupEnv
	if err := m.rc.Do(ctx, call, &env); err != nil {
		return nil, err
	}
	if env.Group.Volumes == nil && call.Query.Has("list_volume") {
		env.Group.Volumes = []string{}
	}
	return &env.Group, nil
}

// CreateRequest is the body of POST /groups.
type CreateRequest struct {
	GroupType        string   `json:"group_type"`                  // the group type's ID or name
	VolumeTypes      []string `json:"volume_types"`                // IDs or names; at least one
	Name             string   `json:"name,omitempty"`              // the group's name
	Description      string   `json:"description,omitempty"`       // the group's description
	AvailabilityZone string   `json:"availability_zone,omitempty"` // the group's availability zone
}

// Create makes an empty group; it returns at once with only the ID and
// name (see WaitForStatus). Volumes join it at creation
// (volumes.CreateRequest.GroupID) or with Update. POST /groups. Requires
// microversion 3.13. The POST is never retried on an answer.
func (m *Manager) Create(ctx context.Context, r CreateRequest) (*Group, error) {
	if r.GroupType == "" || len(r.VolumeTypes) == 0 {
		return nil, errors.New("cinder: creating a group needs a group type and at least one volume type")
	}
	var env groupEnv
	err := m.rc.Do(ctx, rest.Call{Op: "groups.Create", Method: http.MethodPost, Path: "groups", Since: since,
		Body: struct {
			Group CreateRequest `json:"group"`
		}{r}}, &env)
	if err != nil {
		return nil, err
	}
	return &env.Group, nil
}

// CreateFromSourceRequest is the body of the create-from-src action; set
// exactly one of GroupSnapshotID and SourceGroupID.
type CreateFromSourceRequest struct {
	GroupSnapshotID string `json:"group_snapshot_id,omitempty"` // create from this group snapshot (one of it and SourceGroupID)
	SourceGroupID   string `json:"source_group_id,omitempty"`   // clone this group
	Name            string `json:"name,omitempty"`              // the new group's name
	Description     string `json:"description,omitempty"`       // the new group's description
}

// CreateFromSource makes a group with a copy of every volume of a group
// snapshot, or of a source group; it returns at once with only the ID and
// name (see WaitForStatus). POST /groups/action (create-from-src).
// Requires microversion 3.14.
func (m *Manager) CreateFromSource(ctx context.Context, r CreateFromSourceRequest) (*Group, error) {
	if (r.GroupSnapshotID == "") == (r.SourceGroupID == "") {
		return nil, errors.New("cinder: creating a group from a source needs either a group snapshot ID or a source group ID")
	}
	var env groupEnv
	err := m.rc.ActionResult(ctx, rest.Call{Op: "groups.CreateFromSource", Path: "groups/action", Since: mv.V(3, 14)},
		"create-from-src", r, &env)
	if err != nil {
		return nil, err
	}
	return &env.Group, nil
}

// UpdateRequest changes a group: its name, its description, and which
// volumes belong to it. Nil and empty fields are left as they are; at
// least one must be set.
type UpdateRequest struct {
	Name          *string  // new name
	Description   *string  // "" clears it
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

// Update changes a group; Cinder answers with no body, and a membership
// change leaves the group "updating" for a while (see WaitForStatus).
// PUT /groups/{id}. Requires microversion 3.13.
func (m *Manager) Update(ctx context.Context, id string, r UpdateRequest) error {
	if r.Name == nil && r.Description == nil && len(r.AddVolumes) == 0 && len(r.RemoveVolumes) == 0 {
		return errors.New("cinder: a group update needs a name, a description or volumes to add or remove")
	}
	return m.rc.Do(ctx, rest.Call{Op: "groups.Update", Method: http.MethodPut, Path: rest.Path("groups", id), Since: since,
		Body: struct {
			Group UpdateRequest `json:"group"`
		}{r}}, nil)
}

// DeleteOptions tune Delete.
type DeleteOptions struct {
	// DeleteVolumes deletes the group's volumes too; without it a group
	// that has volumes is refused (cinder.ErrBadRequest).
	DeleteVolumes bool
}

// Delete deletes a group; it is "deleting" until the backend is done (see
// WaitForDeleted). POST /groups/{id}/action (delete). Requires
// microversion 3.13.
func (m *Manager) Delete(ctx context.Context, id string, o *DeleteOptions) error {
	body := struct {
		DeleteVolumes bool `json:"delete-volumes"`
	}{o != nil && o.DeleteVolumes}
	return m.rc.Action(ctx, action("Delete", id, since), "delete", body)
}

// action is the call every group action starts from.
func action(op, id string, since mv.Version) rest.Call {
	return rest.Call{Op: "groups." + op, Path: rest.Path("groups", id, "action"), Since: since}
}
