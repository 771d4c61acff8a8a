package volumes

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"net/http"
	"net/url"
	"strconv"

	"github.com/gocinder/cinder/internal/mv"
	"github.com/gocinder/cinder/internal/pager"
	"github.com/gocinder/cinder/internal/rest"
)

// ManageableSortKeys are the keys Cinder sorts manageable volumes by.
var ManageableSortKeys = []string{"reference", "size"}

// ManageableListOptions select the backend whose unmanaged volumes are
// listed: exactly one of Host and Cluster (since 3.17).
type ManageableListOptions struct {
	Host    string // e.g. "cinder@lvm#pool"
	Cluster string // since 3.17
	Limit   int
	Marker  string
	Offset  int
	Sort    string // "key[:asc|desc],…" with keys from ManageableSortKeys
}

func (o *ManageableListOptions) query(rc *rest.Client) (url.Values, error) {
	if o == nil || (o.Host == "") == (o.Cluster == "") {
		return nil, errors.New("cinder: listing manageable volumes needs exactly one of a host and a cluster")
	}
	q := url.Values{}
	if o.Host != "" {
		q.Set("host", o.Host)
	}
	if o.Cluster != "" {
		if err := rc.Check("volumes.ListManageable option Cluster", mv.V(3, 17), mv.Version{}); err != nil {
			return nil, err
		}
		q.Set("cluster", o.Cluster)
	}
	if o.Limit < 0 || o.Offset < 0 {
		return nil, fmt.Errorf("cinder: limit %d and offset %d must not be negative", o.Limit, o.Offset)
	}
	if o.Limit > 0 {
		q.Set("limit", strconv.Itoa(o.Limit))
	}
	if o.Marker != "" {
		q.Set("marker", o.Marker)
	}
	if o.Offset > 0 {
		q.Set("offset", strconv.Itoa(o.Offset))
	}
	if o.Sort != "" {
		s, err := ParseSort(o.Sort, ManageableSortKeys)
		if err != nil {
			return nil, err
		}
		q.Set("sort", s)
	}
	return q, nil
}

// Manageable is a volume on a backend that Cinder does not manage (yet).
type Manageable struct {
	Reference     map[string]any `json:"reference"` // pass as ManageRequest.Ref, e.g. {"source-name": "lv1"}
	Size          int            `json:"size"`      // GiB
	SafeToManage  bool           `json:"safe_to_manage"`
	ReasonNotSafe string         `json:"reason_not_safe"`
	CinderID      string         `json:"cinder_id"`  // set when Cinder already manages it
	ExtraInfo     any            `json:"extra_info"` // driver-specific, usually a string or null
}

// ListManageable yields the volumes on a backend that Cinder could manage
// (admin only). GET /manageable_volumes/detail. Requires microversion 3.8.
func (m *Manager) ListManageable(ctx context.Context, opts *ManageableListOptions) iter.Seq2[Manageable, error] {
	if err := m.rc.Check("volumes.ListManageable", mv.V(3, 8), mv.Version{}); err != nil {
		return failed[Manageable](err)
	}
	q, err := opts.query(m.rc)
	if err != nil {
		return failed[Manageable](err)
	}
	return pager.Seq[Manageable](ctx, m.rc, rest.Call{Op: "volumes.ListManageable", Path: "manageable_volumes/detail",
		Query: q, Since: mv.V(3, 8)}, "manageable-volumes")
}

// ManageRequest is the body of a manage request: Ref names the volume on
// the backend (driver-specific, e.g. {"source-name": "lv1"}); exactly one of
// Host and Cluster (since 3.16) names the backend.
type ManageRequest struct {
	Host             string            `json:"host,omitempty"`
	Cluster          string            `json:"cluster,omitempty"` // since 3.16
	Ref              map[string]string `json:"ref"`
	Name             string            `json:"name,omitempty"`
	Description      string            `json:"description,omitempty"`
	VolumeType       string            `json:"volume_type,omitempty"`
	AvailabilityZone string            `json:"availability_zone,omitempty"`
	Metadata         map[string]string `json:"metadata,omitempty"`
	Bootable         bool              `json:"bootable,omitempty"`
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
	EncryptionKeyID string `json:"encryption_key_id"`
	ControlLocation string `json:"control_location"` // front-end or back-end
	Cipher          string `json:"cipher"`
	KeySize         int    `json:"key_size"` // bits
	Provider        string `json:"provider"` // e.g. luks
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
