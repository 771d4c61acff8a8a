package volumes

import (
	"context"
	"errors"
	"iter"
	"net/http"
	"slices"

	"github.com/gocinder/cinder/internal/manageable"
	"github.com/gocinder/cinder/internal/rest"
	mv "github.com/gocinder/cinder/microversion"
)

var manageableSortKeys = []string{"reference", "size"}

// ManageableSortKeys returns the keys Cinder sorts manageable volumes by.
// Each call returns a fresh copy.
func ManageableSortKeys() []string { return slices.Clone(manageableSortKeys) }

// ManageableListOptions select the backend whose unmanaged volumes are
// listed: exactly one of Host and Cluster (since 3.17).
type ManageableListOptions struct {
	Host    string // e.g. "cinder@lvm#pool"
	Cluster string // since 3.17
	Limit   int    // page size asked of the server; 0: server default
	Marker  string // start after this entry
	Offset  int    // skip this many entries
	Sort    string // "key[:asc|desc],…" with keys from manageableSortKeys
}

// Manageable is a volume on a backend that Cinder does not manage (yet).
type Manageable struct {
	Reference     map[string]any `json:"reference"`       // pass as ManageRequest.Ref, e.g. {"source-name": "lv1"}
	Size          int            `json:"size"`            // GiB
	SafeToManage  bool           `json:"safe_to_manage"`  // whether Cinder can take the volume over (false when it is in use)
	ReasonNotSafe string         `json:"reason_not_safe"` // why not, when SafeToManage is false
	CinderID      string         `json:"cinder_id"`       // set when Cinder already manages it
	ExtraInfo     any            `json:"extra_info"`      // driver-specific, usually a string or null
}

// ListManageable yields the volumes on a backend that Cinder could manage
// (admin only). GET /manageable_volumes/detail. Requires microversion 3.8.
func (m *Manager) ListManageable(ctx context.Context, opts *ManageableListOptions) iter.Seq2[Manageable, error] {
	return manageable.List[Manageable](ctx, m.rc, "volumes", (*manageable.Options)(opts), manageableSortKeys)
}

// ManageRequest is the body of a manage request: Ref names the volume on
// the backend (driver-specific, e.g. {"source-name": "lv1"}); exactly one of
// Host and Cluster (since 3.16) names the backend.
type ManageRequest struct {
	Host             string            `json:"host,omitempty"`              // the backend, "host@backend#pool"
	Cluster          string            `json:"cluster,omitempty"`           // since 3.16
	Ref              map[string]string `json:"ref"`                         // names the volume on the backend, e.g. {"source-name": "lv1"}
	Name             string            `json:"name,omitempty"`              // name of the new Cinder volume
	Description      string            `json:"description,omitempty"`       // its description
	VolumeType       string            `json:"volume_type,omitempty"`       // its volume type (name or ID)
	AvailabilityZone string            `json:"availability_zone,omitempty"` // its availability zone
	Metadata         map[string]string `json:"metadata,omitempty"`          // its metadata
	Bootable         bool              `json:"bootable,omitempty"`          // mark it bootable
}

// Manage brings an existing backend volume under Cinder's management
// (admin only). Real Cinder answers with the volume "creating", size 0,
// until the backend confirms (or the volume goes to "error").
// POST /manageable_volumes from microversion 3.8 on, POST /os-volume-manage
// before. Cluster requires microversion 3.16.
func (m *Manager) Manage(ctx context.Context, r ManageRequest) (*Volume, error) {
	if (r.Host == "") == (r.Cluster == "") {
		return nil, errors.New("cinder: manage needs exactly one of a host and a cluster")
	}
	if len(r.Ref) == 0 {
		return nil, errors.New("cinder: manage needs a reference to the backend volume")
	}
	call := rest.Call{Op: "volumes.Manage", Method: http.MethodPost, Path: "os-volume-manage",
		Body: struct {
			Volume ManageRequest `json:"volume"`
		}{r}}
	if !m.rc.Version.Less(mv.V(3, 8)) {
		call.Path = "manageable_volumes"
	}
	if r.Cluster != "" {
		call.Op, call.Since = "volumes.Manage with Cluster", mv.V(3, 16)
	}
	var env struct {
		Volume Volume `json:"volume"`
	}
	if err := m.rc.Do(ctx, call, &env); err != nil {
		return nil, err
	}
	return &env.Volume, nil
}

// EncryptionMetadata is how an encrypted volume is encrypted; for a volume
// of an unencrypted type only EncryptionKeyID is set (to "").
type EncryptionMetadata struct {
	EncryptionKeyID string `json:"encryption_key_id"` // the key manager's ID of the volume's key
	ControlLocation string `json:"control_location"`  // front-end or back-end
	Cipher          string `json:"cipher"`            // e.g. aes-xts-plain64
	KeySize         int    `json:"key_size"`          // bits
	Provider        string `json:"provider"`          // e.g. luks
}

// EncryptionMetadata returns the volume's encryption metadata.
// GET /volumes/{id}/encryption
func (m *Manager) EncryptionMetadata(ctx context.Context, id string) (*EncryptionMetadata, error) {
	var out EncryptionMetadata
	if err := m.rc.Do(ctx, rest.Call{Op: "volumes.EncryptionMetadata", Path: rest.Path("volumes", id, "encryption")}, &out); err != nil {
		return nil, err
	}
	return &out, nil
}
