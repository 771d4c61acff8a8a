package attachments

import (
	"context"
	"errors"
	"net/http"
	"time"

	"github.com/gocinder/cinder/internal/jsonx"
	"github.com/gocinder/cinder/internal/rest"
	mv "github.com/gocinder/cinder/microversion"
	"github.com/gocinder/cinder/volumes"
)

// Manager issues attachment requests. Get one from cinder.Client.Attachments.
type Manager struct{ rc *rest.Client }

// The root package builds the Manager (cinder.Client wires one per client).
func init() { rest.Register(func(rc *rest.Client) *Manager { return &Manager{rc: rc} }) }

// since is the microversion that introduced the attachment API.
var since = mv.V(3, 27)

// Connector describes the host a volume is exported to; it is the volumes
// package's type, shared with volumes.Manager.InitializeConnection.
type Connector = volumes.Connector

// Status is an attachment's status (Cinder's attach_status).
type Status string

// Attachment statuses.
const (
	StatusReserved       Status = "reserved"  // created without a connector
	StatusAttaching      Status = "attaching" // connector given, not yet completed
	StatusAttached       Status = "attached"  // completed
	StatusDetached       Status = "detached"
	StatusErrorAttaching Status = "error_attaching"
	StatusErrorDetaching Status = "error_detaching"
	StatusDeleted        Status = "deleted"
)

// Mode is an attachment's access mode.
type Mode string

// Access modes.
const (
	ModeReadWrite Mode = "rw"
	ModeReadOnly  Mode = "ro"
)

// Attachment is one attachment of a volume, as GET /attachments/{id} shows it.
type Attachment struct {
	ID     string `json:"id"`     // the attachment's UUID
	Status Status `json:"status"` // the attachment's status
	// InstanceID is the server (or other consumer) the volume is attached
	// to; "" when the attachment was created without one.
	InstanceID string    `json:"instance"`
	VolumeID   string    `json:"volume_id"` // the attached volume
	AttachedAt time.Time `json:"-"`         // wire: attached_at; zero until a connector is given
	DetachedAt time.Time `json:"-"`         // wire: detached_at; zero while attached
	// AttachMode is rw or ro; "" until it is known (Cinder sends the
	// string "null" for a reservation made without a mode).
	AttachMode Mode `json:"-"`
	// ConnectionInfo is what the host needs to connect: the transport in
	// "driver_volume_type" and the driver's keys next to it (device_path,
	// target_iqn, access_mode, attachment_id, …). Empty until a connector
	// is given.
	ConnectionInfo map[string]any `json:"connection_info"`
}

// UnmarshalJSON decodes Cinder's zone-less (or empty) timestamps and its
// "null" attach mode.
func (a *Attachment) UnmarshalJSON(b []byte) error {
	type plain Attachment
	var s struct {
		*plain
		AttachedAt jsonx.Time `json:"attached_at"`
		DetachedAt jsonx.Time `json:"detached_at"`
		AttachMode *string    `json:"attach_mode"`
	}
	s.plain = (*plain)(a)
	if err := jsonx.Unmarshal(b, &s); err != nil {
		return err
	}
	a.AttachedAt, a.DetachedAt = s.AttachedAt.Time, s.DetachedAt.Time
	a.AttachMode = ""
	if s.AttachMode != nil && *s.AttachMode != "null" {
		a.AttachMode = Mode(*s.AttachMode)
	}
	return nil
}

// Ref is an attachment as the summary list (ListRefs) shows it.
type Ref struct {
	ID         string `json:"id"`        // the attachment's UUID
	Status     Status `json:"status"`    // the attachment's status
	InstanceID string `json:"instance"`  // the server the volume is attached to; "" when none
	VolumeID   string `json:"volume_id"` // the attached volume
}

// CreateRequest is the body of POST /attachments.
type CreateRequest struct {
	VolumeID string `json:"volume_uuid"` // the volume to attach (wire: volume_uuid; required)
	// InstanceID is the server the volume is for (wire: instance_uuid, a
	// UUID). Optional; note that Cinder notifies Nova when an attachment
	// with an instance is deleted.
	InstanceID string `json:"instance_uuid,omitempty"`
	// Connector, when set, exports the volume at once (as Update does);
	// without it the attachment only reserves the volume.
	Connector *Connector `json:"connector,omitempty"`
	Mode      Mode       `json:"mode,omitempty"` // since 3.54
}

type envelope struct {
	Attachment Attachment `json:"attachment"`
}

// Create creates an attachment: a reservation (the volume becomes
// reserved) or, with a Connector, an export (the answer carries the
// ConnectionInfo). POST /attachments. Requires microversion 3.27; Mode
// requires 3.54. The POST is never retried: a replay would attach twice.
func (m *Manager) Create(ctx context.Context, r CreateRequest) (*Attachment, error) {
	if r.VolumeID == "" {
		return nil, errors.New("cinder: an attachment needs a volume ID")
	}
	if r.Mode != "" {
		if err := m.rc.Check("attachments.Create with Mode", mv.V(3, 54), mv.Version{}); err != nil {
			return nil, err
		}
	}
	var env envelope
	err := m.rc.Do(ctx, rest.Call{Op: "attachments.Create", Method: http.MethodPost, Path: "attachments", Since: since,
		Body: map[string]any{"attachment": r}}, &env)
	if err != nil {
		return nil, err
	}
	return &env.Attachment, nil
}

// Get returns the attachment with the given ID. GET /attachments/{id}.
// Requires microversion 3.27.
func (m *Manager) Get(ctx context.Context, id string) (*Attachment, error) {
	var env envelope
	err := m.rc.Do(ctx, rest.Call{Op: "attachments.Get", Path: rest.Path("attachments", id), Since: since}, &env)
	if err != nil {
		return nil, err
	}
	return &env.Attachment, nil
}

// Update exports the volume of a reserved attachment to the host described
// by the connector and returns the attachment with its ConnectionInfo (the
// answer still shows the status before the update; Get shows attaching).
// PUT /attachments/{id}. Requires microversion 3.27.
func (m *Manager) Update(ctx context.Context, id string, c Connector) (*Attachment, error) {
	body := map[string]any{"attachment": struct {
		Connector Connector `json:"connector"`
	}{c}}
	var env envelope
	err := m.rc.Do(ctx, rest.Call{Op: "attachments.Update", Method: http.MethodPut, Path: rest.Path("attachments", id),
		Since: since, Body: body}, &env)
	if err != nil {
		return nil, err
	}
	return &env.Attachment, nil
}

// Complete marks the attachment attached and its volume in-use, once the
// host has connected. POST /attachments/{id}/action (os-complete).
// Requires microversion 3.44.
func (m *Manager) Complete(ctx context.Context, id string) error {
	return m.rc.Action(ctx, rest.Call{Op: "attachments.Complete", Path: rest.Path("attachments", id, "action"),
		Since: mv.V(3, 44)}, "os-complete", nil)
}

// Delete detaches the volume and removes the attachment; the volume goes
// back to available when it was its last attachment.
// DELETE /attachments/{id}. Requires microversion 3.27.
func (m *Manager) Delete(ctx context.Context, id string) error {
	return m.rc.Do(ctx, rest.Call{Op: "attachments.Delete", Method: http.MethodDelete, Path: rest.Path("attachments", id),
		Since: since}, nil)
}
