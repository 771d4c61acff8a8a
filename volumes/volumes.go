package volumes

import (
	"context"
	"encoding/json"
	"maps"
	"net/http"
	"time"

	"github.com/gocinder/cinder/internal/jsonx"
	"github.com/gocinder/cinder/internal/rest"
	mv "github.com/gocinder/cinder/microversion"
)

// Manager issues volume requests. Get one from cinder.Client.Volumes.
type Manager struct{ rc *rest.Client }

// The root package builds the Manager (cinder.Client wires one per client).
func init() { rest.Register(func(rc *rest.Client) *Manager { return &Manager{rc: rc} }) }

// Status is a volume's status.
type Status string

// Volume statuses, as documented in the Block Storage API reference.
const (
	StatusCreating         Status = "creating"
	StatusAvailable        Status = "available"
	StatusReserved         Status = "reserved"
	StatusAttaching        Status = "attaching"
	StatusDetaching        Status = "detaching"
	StatusInUse            Status = "in-use"
	StatusMaintenance      Status = "maintenance"
	StatusDeleting         Status = "deleting"
	StatusAwaitingTransfer Status = "awaiting-transfer"
	StatusError            Status = "error"
	StatusErrorDeleting    Status = "error_deleting"
	StatusBackingUp        Status = "backing-up"
	StatusRestoringBackup  Status = "restoring-backup"
	StatusErrorBackingUp   Status = "error_backing-up"
	StatusErrorRestoring   Status = "error_restoring"
	StatusErrorExtending   Status = "error_extending"
	StatusDownloading      Status = "downloading"
	StatusUploading        Status = "uploading"
	StatusRetyping         Status = "retyping"
	StatusExtending        Status = "extending"
	StatusReverting        Status = "reverting"
	StatusErrorManaging    Status = "error_managing"
	StatusManaging         Status = "managing"
)

// Link is a hypermedia link.
type Link struct {
	Rel  string `json:"rel"`  // the relation: self, bookmark or next
	Href string `json:"href"` // the link's URL
}

// Attachment is one attachment of a volume, as shown in the volume.
type Attachment struct {
	ID           string    `json:"id"`            // the volume's ID (Cinder repeats it here)
	AttachmentID string    `json:"attachment_id"` // the attachment's ID
	VolumeID     string    `json:"volume_id"`     // the volume's ID
	ServerID     string    `json:"server_id"`     // the Nova server attached to; "" for a bare host
	HostName     string    `json:"host_name"`     // the host attached to; "" when unknown
	Device       string    `json:"device"`        // device path on the server, e.g. /dev/vdb
	AttachedAt   time.Time `json:"-"`             // wire: attached_at, no zone
}

// UnmarshalJSON decodes Cinder's zone-less attached_at.
func (a *Attachment) UnmarshalJSON(b []byte) error {
	type plain Attachment
	var s struct {
		*plain
		AttachedAt jsonx.Time `json:"attached_at"`
	}
	s.plain = (*plain)(a)
	if err := jsonx.Unmarshal(b, &s); err != nil {
		return err
	}
	a.AttachedAt = s.AttachedAt.Time
	return nil
}

// Volume is a Block Storage volume as shown by GET /volumes/{id}.
type Volume struct {
	ID                 string            `json:"id"`                    // the volume's UUID
	Name               string            `json:"name"`                  // the volume's name; may be ""
	Description        string            `json:"description"`           // the volume's description
	Status             Status            `json:"status"`                // the volume's status
	Size               int               `json:"size"`                  // GiB
	AvailabilityZone   string            `json:"availability_zone"`     // the availability zone the volume is in
	CreatedAt          time.Time         `json:"-"`                     // wire: created_at, no zone, UTC
	UpdatedAt          time.Time         `json:"-"`                     // wire: updated_at; zero when never updated
	VolumeType         string            `json:"volume_type"`           // the volume type's name
	SnapshotID         string            `json:"snapshot_id"`           // the snapshot the volume was created from, if any
	SourceVolID        string            `json:"source_volid"`          // the volume it was cloned from, if any
	BackupID           string            `json:"backup_id"`             // shown by some deployments after 3.47 creates
	Metadata           map[string]string `json:"metadata"`              // user key/value metadata
	Links              []Link            `json:"links"`                 // self and bookmark links
	UserID             string            `json:"user_id"`               // the user who created the volume
	Bootable           bool              `json:"-"`                     // wire: "true"/"false"
	Encrypted          bool              `json:"encrypted"`             // the volume type is encrypted
	ReplicationStatus  string            `json:"replication_status"`    // e.g. disabled, enabled, failed-over
	ConsistencyGroupID string            `json:"consistencygroup_id"`   // the legacy consistency group, if any
	Multiattach        bool              `json:"multiattach"`           // can be attached to several servers at once
	Attachments        []Attachment      `json:"attachments"`           // the volume's attachments; empty when not attached
	MigrationStatus    string            `json:"migration_status"`      // admin only: migrating, success, error, …; "" when never migrated
	ImageMetadata      map[string]string `json:"volume_image_metadata"` // when created from an image

	TenantID        string `json:"os-vol-tenant-attr:tenant_id"`   // the owning project
	Host            string `json:"os-vol-host-attr:host"`          // admin only
	MigStat         string `json:"os-vol-mig-status-attr:migstat"` // admin only
	NameID          string `json:"os-vol-mig-status-attr:name_id"` // admin only
	GroupID         string `json:"group_id"`                       // since 3.13
	ProviderID      string `json:"provider_id"`                    // since 3.21, admin only
	SharedTargets   *bool  `json:"shared_targets"`                 // since 3.48; may be null since 3.69
	ServiceUUID     string `json:"service_uuid"`                   // since 3.48
	ClusterName     string `json:"cluster_name"`                   // since 3.61, admin only
	VolumeTypeID    string `json:"volume_type_id"`                 // since 3.63
	EncryptionKeyID string `json:"encryption_key_id"`              // since 3.64
	ConsumesQuota   *bool  `json:"consumes_quota"`                 // since 3.65
}

// plainVolume is Volume without its methods.
type plainVolume Volume

// volumeWire is a volume as Cinder sends it: zone-less timestamps, a
// string boolean, image metadata of any JSON type. The embedded volume
// takes every other key.
type volumeWire struct {
	plainVolume
	CreatedAt jsonx.Time     `json:"created_at"`
	UpdatedAt jsonx.Time     `json:"updated_at"`
	Bootable  jsonx.Bool     `json:"bootable"`
	ImageMeta map[string]any `json:"volume_image_metadata"`
}

func (w *volumeWire) volume() Volume {
	v := Volume(w.plainVolume)
	v.CreatedAt, v.UpdatedAt, v.Bootable = w.CreatedAt.Time, w.UpdatedAt.Time, bool(w.Bootable)
	v.ImageMetadata = stringMap(w.ImageMeta)
	return v
}

// UnmarshalJSON decodes Cinder's zone-less timestamps and string booleans.
func (v *Volume) UnmarshalJSON(b []byte) error {
	var w volumeWire
	if err := jsonx.Unmarshal(b, &w); err != nil {
		return err
	}
	*v = w.volume()
	return nil
}

// Ref is a volume as listed by the summary list (GET /volumes).
type Ref struct {
	ID    string `json:"id"`    // the volume's UUID
	Name  string `json:"name"`  // the volume's name
	Links []Link `json:"links"` // self and bookmark links
}

// SchedulerHints steer the scheduler's placement of a new volume.
type SchedulerHints struct {
	SameHost        []string       `json:"same_host,omitempty"`         // place on the same backend as these volume IDs
	DifferentHost   []string       `json:"different_host,omitempty"`    // place on another backend than these volume IDs
	LocalToInstance string         `json:"local_to_instance,omitempty"` // place on the host of this Nova server
	Query           string         `json:"query,omitempty"`             // a JSON filter expression for the JsonFilter scheduler filter
	Extra           map[string]any `json:"-"`                           // further driver-specific hints
}

// MarshalJSON merges Extra into the hints.
func (h SchedulerHints) MarshalJSON() ([]byte, error) {
	type plain SchedulerHints
	base, err := json.Marshal(plain(h))
	if err != nil || len(h.Extra) == 0 {
		return base, err
	}
	m := map[string]any{}
	if err := json.Unmarshal(base, &m); err != nil {
		return nil, err
	}
	for k, v := range h.Extra {
		m[k] = v
	}
	return json.Marshal(m)
}

// CreateRequest is the body of POST /volumes. Size is required unless the
// volume comes from a snapshot, a source volume or a backup.
type CreateRequest struct {
	Size               int               `json:"size,omitempty"`                // GiB
	Name               string            `json:"name,omitempty"`                // the volume's name
	Description        string            `json:"description,omitempty"`         // the volume's description
	VolumeType         string            `json:"volume_type,omitempty"`         // the volume type (name or ID); "": the default type
	AvailabilityZone   string            `json:"availability_zone,omitempty"`   // the availability zone; "": the default
	Metadata           map[string]string `json:"metadata,omitempty"`            // user key/value metadata
	SnapshotID         string            `json:"snapshot_id,omitempty"`         // create from this snapshot
	SourceVolID        string            `json:"source_volid,omitempty"`        // clone this volume
	ImageRef           string            `json:"imageRef,omitempty"`            // create from this Glance image (ID)
	BackupID           string            `json:"backup_id,omitempty"`           // since 3.47
	GroupID            string            `json:"group_id,omitempty"`            // since 3.13
	ConsistencyGroupID string            `json:"consistencygroup_id,omitempty"` // create in this legacy consistency group
	Multiattach        *bool             `json:"multiattach,omitempty"`         // deprecated: use a multiattach volume type
	SchedulerHints     *SchedulerHints   `json:"-"`                             // sent as OS-SCH-HNT:scheduler_hints
	// ClientToken opts into safe retries of a create whose answer is lost
	// (a connection broken after sending, an unreadable answer, a 500, 502
	// or 504): the volume is created with the metadata pair
	// gocinder_client_token=<ClientToken>, and after a lost answer Create
	// looks the volume up by it, returning it when found and sending the
	// create again when not. Use a fresh unique value (a UUID) per volume.
	// Without it a lost answer is a *cinder.MayExistError naming the volume.
	ClientToken string `json:"-"`
}

// Create creates a volume; it returns at once with the volume in "creating"
// (see WaitForStatus). POST /volumes. backup_id needs 3.47, group_id 3.13.
// The POST is replayed only when the server provably did not act on it
// (503, 429, 413 with Retry-After, a refused connection); an answer lost
// after the server may have acted is a *cinder.MayExistError, or, with
// r.ClientToken set, recovered by looking the volume up (see ClientToken).
func (m *Manager) Create(ctx context.Context, r CreateRequest) (*Volume, error) {
	if r.BackupID != "" {
		if err := m.rc.Check("volumes.Create with BackupID", mv.V(3, 47), mv.Version{}); err != nil {
			return nil, err
		}
	}
	if r.GroupID != "" {
		if err := m.rc.Check("volumes.Create with GroupID", mv.V(3, 13), mv.Version{}); err != nil {
			return nil, err
		}
	}
	if r.ClientToken != "" {
		md := make(map[string]string, len(r.Metadata)+1)
		maps.Copy(md, r.Metadata)
		md[rest.ClientTokenKey] = r.ClientToken
		r.Metadata = md
	}
	body := struct {
		Volume CreateRequest   `json:"volume"`
		Hints  *SchedulerHints `json:"OS-SCH-HNT:scheduler_hints,omitempty"`
	}{r, r.SchedulerHints}
	post := func(ctx context.Context) (*Volume, error) {
		var env struct {
			Volume Volume `json:"volume"`
		}
		err := m.rc.Do(ctx, rest.Call{Op: "volumes.Create", Method: http.MethodPost, Path: "volumes", Body: body}, &env)
		if err != nil {
			return nil, err
		}
		return &env.Volume, nil
	}
	lookup := func(ctx context.Context) (*Volume, error) {
		for v, err := range m.List(ctx, &ListOptions{Metadata: map[string]string{rest.ClientTokenKey: r.ClientToken}}) {
			if err != nil {
				return nil, err
			}
			if v.Metadata[rest.ClientTokenKey] == r.ClientToken {
				return &v, nil
			}
		}
		return nil, nil
	}
	return rest.CreateOnce(ctx, "volume", r.Name, r.ClientToken, post, lookup)
}

// Get returns the volume with the given ID. GET /volumes/{id}
func (m *Manager) Get(ctx context.Context, id string) (*Volume, error) {
	var env struct {
		Volume Volume `json:"volume"`
	}
	if err := m.rc.Do(ctx, rest.Call{Op: "volumes.Get", Path: rest.Path("volumes", id)}, &env); err != nil {
		return nil, err
	}
	return &env.Volume, nil
}

// UpdateRequest is the body of PUT /volumes/{id}. Nil fields are left as they are.
type UpdateRequest struct {
	Name        *string           `json:"name,omitempty"`        // new name
	Description *string           `json:"description,omitempty"` // new description
	Metadata    map[string]string `json:"metadata,omitempty"`    // replaces all metadata when non-nil
}

// Update changes a volume's name, description or metadata. PUT /volumes/{id}
func (m *Manager) Update(ctx context.Context, id string, r UpdateRequest) (*Volume, error) {
	var env struct {
		Volume Volume `json:"volume"`
	}
	err := m.rc.Do(ctx, rest.Call{Op: "volumes.Update", Method: http.MethodPut, Path: rest.Path("volumes", id),
		Body: struct {
			Volume UpdateRequest `json:"volume"`
		}{r}}, &env)
	if err != nil {
		return nil, err
	}
	return &env.Volume, nil
}

// DeleteOptions modify Delete.
type DeleteOptions struct {
	Cascade bool // also delete the volume's snapshots
	Force   bool // delete whatever the status; since 3.23, admin only
}

// Delete deletes a volume. DELETE /volumes/{id}. Force requires microversion 3.23.
func (m *Manager) Delete(ctx context.Context, id string, o *DeleteOptions) error {
	q := map[string][]string{}
	if o != nil && o.Cascade {
		q["cascade"] = []string{"true"}
	}
	if o != nil && o.Force {
		if err := m.rc.Check("volumes.Delete with Force", mv.V(3, 23), mv.Version{}); err != nil {
			return err
		}
		q["force"] = []string{"true"}
	}
	return m.rc.Do(ctx, rest.Call{Op: "volumes.Delete", Method: http.MethodDelete, Path: rest.Path("volumes", id), Query: q}, nil)
}

// Summary is the answer of GET /volumes/summary.
type Summary struct {
	TotalCount int                 `json:"total_count"` // number of volumes
	TotalSize  int                 `json:"total_size"`  // GiB
	Metadata   map[string][]string `json:"metadata"`    // since 3.36
}

// Summary totals the project's volumes (all projects with allTenants, admin).
// GET /volumes/summary. Requires microversion 3.12.
func (m *Manager) Summary(ctx context.Context, allTenants bool) (*Summary, error) {
	var env struct {
		Summary Summary `json:"volume-summary"`
	}
	var q map[string][]string
	if allTenants {
		q = map[string][]string{"all_tenants": {"1"}}
	}
	err := m.rc.Do(ctx, rest.Call{Op: "volumes.Summary", Path: "volumes/summary", Query: q, Since: mv.V(3, 12)}, &env)
	if err != nil {
		return nil, err
	}
	return &env.Summary, nil
}

// stringMap flattens a JSON object of scalars into strings.
func stringMap(m map[string]any) map[string]string {
	if m == nil {
		return nil
	}
	out := make(map[string]string, len(m))
	for k, v := range m {
		switch x := v.(type) {
		case string:
			out[k] = x
		case nil:
			out[k] = ""
		default:
			b, _ := json.Marshal(x)
			out[k] = string(b)
		}
	}
	return out
}
