package volumes

import (
	"context"
	"errors"
	"time"

	"github.com/gocinder/cinder/internal/jsonx"
	"github.com/gocinder/cinder/internal/rest"
	mv "github.com/gocinder/cinder/microversion"
)

// action is the call every volume action starts from.
func action(op, id string) rest.Call {
	return rest.Call{Op: "volumes." + op, Path: rest.Path("volumes", id, "action")}
}

// Extend grows the volume to newSize GiB. POST /volumes/{id}/action
// (os-extend). An in-use volume can be extended from microversion 3.42 on,
// when the policy, the driver and Nova allow it; the server enforces that.
func (m *Manager) Extend(ctx context.Context, id string, newSize int) error {
	return m.rc.Action(ctx, action("Extend", id), "os-extend", struct {
		NewSize int `json:"new_size"`
	}{newSize})
}

// ExtendCompletion tells Cinder that Nova finished (or failed, with failed
// set) extending an in-use volume. POST /volumes/{id}/action
// (os-extend_volume_completion). Requires microversion 3.71.
func (m *Manager) ExtendCompletion(ctx context.Context, id string, failed bool) error {
	call := action("ExtendCompletion", id)
	call.Since = mv.V(3, 71)
	return m.rc.Action(ctx, call, "os-extend_volume_completion", struct {
		Error bool `json:"error"`
	}{failed})
}

// AttachStatus is a volume's attach status.
type AttachStatus string

// Attach statuses.
const (
	AttachStatusAttached       AttachStatus = "attached"
	AttachStatusAttaching      AttachStatus = "attaching"
	AttachStatusDetached       AttachStatus = "detached"
	AttachStatusDetaching      AttachStatus = "detaching"
	AttachStatusReserved       AttachStatus = "reserved"
	AttachStatusErrorAttaching AttachStatus = "error_attaching"
	AttachStatusErrorDetaching AttachStatus = "error_detaching"
)

// ResetStatusRequest is the body of os-reset_status; empty fields are left
// as they are.
type ResetStatusRequest struct {
	Status          Status       `json:"status,omitempty"`           // new status; "" leaves it
	AttachStatus    AttachStatus `json:"attach_status,omitempty"`    // new attach_status; "" leaves it
	MigrationStatus string       `json:"migration_status,omitempty"` // new migration_status; "" leaves it
}

// ResetStatus overwrites the volume's status fields in the database,
// without touching the backend (admin only). POST /volumes/{id}/action
// (os-reset_status).
func (m *Manager) ResetStatus(ctx context.Context, id string, r ResetStatusRequest) error {
	if r == (ResetStatusRequest{}) {
		return errors.New("cinder: reset status needs a status, an attach status or a migration status")
	}
	return m.rc.Action(ctx, action("ResetStatus", id), "os-reset_status", r)
}

// RevertToSnapshot reverts the volume to snapshotID, which must be its
// latest snapshot. POST /volumes/{id}/action (revert). Requires microversion 3.40.
func (m *Manager) RevertToSnapshot(ctx context.Context, id, snapshotID string) error {
	call := action("RevertToSnapshot", id)
	call.Since = mv.V(3, 40)
	return m.rc.Action(ctx, call, "revert", struct {
		SnapshotID string `json:"snapshot_id"`
	}{snapshotID})
}

// SetImageMetadata adds or changes image metadata pairs of the volume and
// returns all of them. POST /volumes/{id}/action (os-set_image_metadata).
func (m *Manager) SetImageMetadata(ctx context.Context, id string, md map[string]string) (map[string]string, error) {
	var out struct {
		Metadata map[string]any `json:"metadata"`
	}
	err := m.rc.ActionResult(ctx, action("SetImageMetadata", id), "os-set_image_metadata", struct {
		Metadata map[string]string `json:"metadata"`
	}{md}, &out)
	if err != nil {
		return nil, err
	}
	return stringMap(out.Metadata), nil
}

// UnsetImageMetadata removes one image metadata key of the volume.
// POST /volumes/{id}/action (os-unset_image_metadata).
func (m *Manager) UnsetImageMetadata(ctx context.Context, id, key string) error {
	return m.rc.Action(ctx, action("UnsetImageMetadata", id), "os-unset_image_metadata", struct {
		Key string `json:"key"`
	}{key})
}

// ShowImageMetadata returns the volume's image metadata. A volume that has
// none (not created from an image, nothing set) gives an error matching
// cinder.ErrNotFound. POST /volumes/{id}/action (os-show_image_metadata).
func (m *Manager) ShowImageMetadata(ctx context.Context, id string) (map[string]string, error) {
	var out struct {
		Metadata map[string]any `json:"metadata"`
	}
	if err := m.rc.ActionResult(ctx, action("ShowImageMetadata", id), "os-show_image_metadata", nil, &out); err != nil {
		return nil, err
	}
	md := stringMap(out.Metadata)
	if md == nil {
		md = map[string]string{}
	}
	return md, nil
}

// AttachMode is the access mode of an attachment.
type AttachMode string

// Attach modes.
const (
	ModeReadWrite AttachMode = "rw"
	ModeReadOnly  AttachMode = "ro"
)

// AttachRequest is the body of os-attach: give InstanceUUID (a server) or
// HostName (a bare host); MountPoint is required.
type AttachRequest struct {
	InstanceUUID string     `json:"instance_uuid,omitempty"` // the Nova server the volume is attached to
	HostName     string     `json:"host_name,omitempty"`     // the host, for an attachment to a bare host
	MountPoint   string     `json:"mountpoint"`              // device path on the server, e.g. /dev/vdb
	Mode         AttachMode `json:"mode,omitempty"`          // default rw
}

// Attach marks a reserved volume as attached to a server or host; the
// caller has done the attachment itself (see InitializeConnection).
// POST /volumes/{id}/action (os-attach).
func (m *Manager) Attach(ctx context.Context, id string, r AttachRequest) error {
	if r.InstanceUUID == "" && r.HostName == "" {
		return errors.New("cinder: attach needs an instance UUID or a host name")
	}
	return m.rc.Action(ctx, action("Attach", id), "os-attach", r)
}

// Detach marks the attachment as gone (attachmentID may be empty for a
// volume with a single attachment). POST /volumes/{id}/action (os-detach).
func (m *Manager) Detach(ctx context.Context, id, attachmentID string) error {
	return m.rc.Action(ctx, action("Detach", id), "os-detach", struct {
		AttachmentID string `json:"attachment_id,omitempty"`
	}{attachmentID})
}

// ForceDetachRequest is the body of os-force_detach.
type ForceDetachRequest struct {
	AttachmentID string     `json:"attachment_id,omitempty"` // the attachment to remove (see Volume.Attachments)
	Connector    *Connector `json:"connector,omitempty"`     // terminates this connection first
}

// ForceDetach detaches the volume whatever its state (admin only).
// POST /volumes/{id}/action (os-force_detach).
func (m *Manager) ForceDetach(ctx context.Context, id string, r ForceDetachRequest) error {
	return m.rc.Action(ctx, action("ForceDetach", id), "os-force_detach", r)
}

// Unmanage removes the volume from Cinder but leaves it on the backend
// (admin only). POST /volumes/{id}/action (os-unmanage).
func (m *Manager) Unmanage(ctx context.Context, id string) error {
	return m.rc.Action(ctx, action("Unmanage", id), "os-unmanage", nil)
}

// MigrationPolicy says whether a retype may migrate the volume.
type MigrationPolicy string

// Migration policies.
const (
	MigrateNever    MigrationPolicy = "never"
	MigrateOnDemand MigrationPolicy = "on-demand"
)

// Retype changes the volume's type; policy "" lets the server default
// (never). POST /volumes/{id}/action (os-retype).
func (m *Manager) Retype(ctx context.Context, id, newType string, policy MigrationPolicy) error {
	return m.rc.Action(ctx, action("Retype", id), "os-retype", struct {
		NewType string          `json:"new_type"`
		Policy  MigrationPolicy `json:"migration_policy,omitempty"`
	}{newType, policy})
}

// MigrateRequest is the body of os-migrate_volume: exactly one of Host and
// Cluster (since 3.16).
type MigrateRequest struct {
	Host          string `json:"host,omitempty"`            // destination backend, "host@backend#pool"
	Cluster       string `json:"cluster,omitempty"`         // since 3.16
	ForceHostCopy bool   `json:"force_host_copy,omitempty"` // copy the data through the host even when the driver could move it
	LockVolume    bool   `json:"lock_volume,omitempty"`     // an available volume goes to "maintenance" for the migration, blocking other operations
}

// Migrate moves the volume to another backend (admin only).
// POST /volumes/{id}/action (os-migrate_volume). Cluster requires microversion 3.16.
func (m *Manager) Migrate(ctx context.Context, id string, r MigrateRequest) error {
	if (r.Host == "") == (r.Cluster == "") {
		return errors.New("cinder: migrate needs exactly one of a host and a cluster")
	}
	call := action("Migrate", id)
	if r.Cluster != "" {
		call.Op = "volumes.Migrate with Cluster"
		call.Since = mv.V(3, 16)
	}
	return m.rc.Action(ctx, call, "os-migrate_volume", r)
}

// MigrateCompletion finishes a migration driven by Nova: newVolumeID is the
// migration's destination; failed reports that the copy failed. It returns
// the ID the volume keeps. POST /volumes/{id}/action (os-migrate_volume_completion).
func (m *Manager) MigrateCompletion(ctx context.Context, id, newVolumeID string, failed bool) (string, error) {
	var out struct {
		SaveVolumeID string `json:"save_volume_id"`
	}
	err := m.rc.ActionResult(ctx, action("MigrateCompletion", id), "os-migrate_volume_completion", struct {
		NewVolume string `json:"new_volume"`
		Error     bool   `json:"error"`
	}{newVolumeID, failed}, &out)
	return out.SaveVolumeID, err
}

// ForceDelete deletes the volume whatever its status (admin only).
// POST /volumes/{id}/action (os-force_delete).
func (m *Manager) ForceDelete(ctx context.Context, id string) error {
	return m.rc.Action(ctx, action("ForceDelete", id), "os-force_delete", nil)
}

// SetBootable sets the volume's bootable flag. POST /volumes/{id}/action (os-set_bootable).
func (m *Manager) SetBootable(ctx context.Context, id string, bootable bool) error {
	return m.rc.Action(ctx, action("SetBootable", id), "os-set_bootable", struct {
		Bootable bool `json:"bootable"`
	}{bootable})
}

// SetReadOnly sets the volume's read-only access mode flag.
// POST /volumes/{id}/action (os-update_readonly_flag).
func (m *Manager) SetReadOnly(ctx context.Context, id string, readOnly bool) error {
	return m.rc.Action(ctx, action("SetReadOnly", id), "os-update_readonly_flag", struct {
		ReadOnly bool `json:"readonly"`
	}{readOnly})
}

// UploadImageRequest is the body of os-volume_upload_image.
type UploadImageRequest struct {
	ImageName       string `json:"image_name"`                 // name of the new Glance image
	Force           bool   `json:"force,omitempty"`            // upload an in-use volume
	DiskFormat      string `json:"disk_format,omitempty"`      // default raw
	ContainerFormat string `json:"container_format,omitempty"` // default bare
	Visibility      string `json:"visibility,omitempty"`       // since 3.1: public, private, shared, community
	Protected       bool   `json:"protected,omitempty"`        // since 3.1
}

// UploadImageResult is the answer of os-volume_upload_image; the volume is
// "uploading" until Glance has the data.
type UploadImageResult struct {
	ID              string           `json:"id"`                  // the volume
	Status          Status           `json:"status"`              // the volume's status: "uploading" until Glance has the data
	Size            int              `json:"size"`                // the volume's size in GiB
	Description     string           `json:"display_description"` // the volume's description
	VolumeType      *UploadImageType `json:"volume_type"`         // the volume's type; nil for a volume without one
	UpdatedAt       time.Time        `json:"-"`                   // wire: updated_at, no zone
	ImageID         string           `json:"image_id"`            // ID of the new Glance image
	ImageName       string           `json:"image_name"`          // name of the new Glance image
	DiskFormat      string           `json:"disk_format"`         // the image's disk format, e.g. raw, qcow2
	ContainerFormat string           `json:"container_format"`    // the image's container format, e.g. bare
	Visibility      string           `json:"visibility"`          // the image's visibility (since 3.1)
	Protected       bool             `json:"protected"`           // whether the image is protected from deletion (since 3.1)
}

// UploadImageType is the volume type as os-volume_upload_image shows it.
type UploadImageType struct {
	ID          string            `json:"id"`           // the type's ID
	Name        string            `json:"name"`         // the type's name
	Description string            `json:"description"`  // the type's description
	IsPublic    bool              `json:"is_public"`    // visible to every project
	ExtraSpecs  map[string]string `json:"extra_specs"`  // the type's extra specs
	QoSSpecsID  string            `json:"qos_specs_id"` // the QoS specs associated with the type, "" if none
}

// UnmarshalJSON decodes the zone-less updated_at.
func (u *UploadImageResult) UnmarshalJSON(b []byte) error {
	type plain UploadImageResult
	var s struct {
		*plain
		UpdatedAt jsonx.Time `json:"updated_at"`
	}
	s.plain = (*plain)(u)
	if err := jsonx.Unmarshal(b, &s); err != nil {
		return err
	}
	u.UpdatedAt = s.UpdatedAt.Time
	return nil
}

// UploadToImage copies the volume into a new Glance image.
// POST /volumes/{id}/action (os-volume_upload_image). Visibility and
// Protected require microversion 3.1.
func (m *Manager) UploadToImage(ctx context.Context, id string, r UploadImageRequest) (*UploadImageResult, error) {
	call := action("UploadToImage", id)
	if r.Visibility != "" || r.Protected {
		call.Op = "volumes.UploadToImage with Visibility or Protected"
		call.Since = mv.V(3, 1)
	}
	var out struct {
		Result UploadImageResult `json:"os-volume_upload_image"`
	}
	if err := m.rc.ActionResult(ctx, call, "os-volume_upload_image", r, &out); err != nil {
		return nil, err
	}
	return &out.Result, nil
}

// Reserve marks an available volume "attaching" so nobody else takes it.
// POST /volumes/{id}/action (os-reserve).
func (m *Manager) Reserve(ctx context.Context, id string) error {
	return m.rc.Action(ctx, action("Reserve", id), "os-reserve", nil)
}

// Unreserve undoes Reserve. POST /volumes/{id}/action (os-unreserve).
func (m *Manager) Unreserve(ctx context.Context, id string) error {
	return m.rc.Action(ctx, action("Unreserve", id), "os-unreserve", nil)
}

// BeginDetaching marks an in-use volume "detaching".
// POST /volumes/{id}/action (os-begin_detaching).
func (m *Manager) BeginDetaching(ctx context.Context, id string) error {
	return m.rc.Action(ctx, action("BeginDetaching", id), "os-begin_detaching", nil)
}

// RollDetaching undoes BeginDetaching. POST /volumes/{id}/action (os-roll_detaching).
func (m *Manager) RollDetaching(ctx context.Context, id string) error {
	return m.rc.Action(ctx, action("RollDetaching", id), "os-roll_detaching", nil)
}

// InitializeConnection exports the volume to the host described by the
// connector and returns how to connect to it.
// POST /volumes/{id}/action (os-initialize_connection).
func (m *Manager) InitializeConnection(ctx context.Context, id string, c Connector) (*ConnectionInfo, error) {
	var out struct {
		Info ConnectionInfo `json:"connection_info"`
	}
	err := m.rc.ActionResult(ctx, action("InitializeConnection", id), "os-initialize_connection", struct {
		Connector Connector `json:"connector"`
	}{c}, &out)
	if err != nil {
		return nil, err
	}
	return &out.Info, nil
}

// TerminateConnection ends the export to the connector's host.
// POST /volumes/{id}/action (os-terminate_connection).
func (m *Manager) TerminateConnection(ctx context.Context, id string, c Connector) error {
	return m.rc.Action(ctx, action("TerminateConnection", id), "os-terminate_connection", struct {
		Connector Connector `json:"connector"`
	}{c})
}

// Reimage overwrites the volume with imageID; with reimageReserved a
// "reserved" volume may be reimaged too. POST /volumes/{id}/action (os-reimage).
// Requires microversion 3.68.
func (m *Manager) Reimage(ctx context.Context, id, imageID string, reimageReserved bool) error {
	call := action("Reimage", id)
	call.Since = mv.V(3, 68)
	return m.rc.Action(ctx, call, "os-reimage", struct {
		ImageID         string `json:"image_id"`
		ReimageReserved bool   `json:"reimage_reserved"`
	}{imageID, reimageReserved})
}
