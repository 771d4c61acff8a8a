package snapshots

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
	"github.com/gocinder/cinder/volumes"
)

// ManageableSortKeys are the keys Cinder sorts manageable snapshots by.
var ManageableSortKeys = []string{"reference", "size"}

// ManageableListOptions select the backend whose unmanaged snapshots are
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
		return nil, errors.New("cinder: listing manageable snapshots needs exactly one of a host and a cluster")
	}
	q := url.Values{}
	if o.Host != "" {
		q.Set("host", o.Host)
	}
	if o.Cluster != "" {
		if err := rc.Check("snapshots.ListManageable option Cluster", mv.V(3, 17), mv.Version{}); err != nil {
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
		s, err := volumes.ParseSort(o.Sort, ManageableSortKeys)
		if err != nil {
			return nil, err
		}
		q.Set("sort", s)
	}
	return q, nil
}

// Manageable is a snapshot on a backend that Cinder does not manage (yet).
type Manageable struct {
	Reference       map[string]any `json:"reference"` // pass as ManageRequest.Ref
	Size            int            `json:"size"`      // GiB
	SafeToManage    bool           `json:"safe_to_manage"`
	ReasonNotSafe   string         `json:"reason_not_safe"`
	CinderID        string         `json:"cinder_id"`        // set when Cinder already manages it
	SourceReference map[string]any `json:"source_reference"` // the snapshotted backend volume
	ExtraInfo       any            `json:"extra_info"`       // driver-specific, usually a string or null
}

// ListManageable yields the snapshots on a backend that Cinder could
// manage (admin only). GET /manageable_snapshots/detail. Requires
// microversion 3.8; opts.Cluster requires 3.17.
func (m *Manager) ListManageable(ctx context.Context, opts *ManageableListOptions) iter.Seq2[Manageable, error] {
	if err := m.rc.Check("snapshots.ListManageable", mv.V(3, 8), mv.Version{}); err != nil {
		return failed[Manageable](err)
	}
	q, err := opts.query(m.rc)
	if err != nil {
		return failed[Manageable](err)
	}
	return pager.Seq[Manageable](ctx, m.rc, rest.Call{Op: "snapshots.ListManageable", Path: "manageable_snapshots/detail",
		Query: q, Since: mv.V(3, 8)}, "manageable-snapshots")
}

// ManageRequest is the body of a snapshot manage request: Ref names the
// snapshot on the backend (driver-specific, e.g. {"source-name": "snap1"})
// and VolumeID the Cinder volume it is a snapshot of. Cinder takes no host
// or cluster here: the volume's backend is used.
type ManageRequest struct {
	VolumeID    string            `json:"volume_id"`
	Ref         map[string]string `json:"ref"`
	Name        string            `json:"name,omitempty"`
	Description string            `json:"description,omitempty"`
	Metadata    map[string]string `json:"metadata,omitempty"`
}

// Manage brings an existing backend snapshot under Cinder's management
// (admin only); it is "creating" until the backend confirms. POST
// /manageable_snapshots from microversion 3.8 on, POST /os-snapshot-manage
// before. The answer is the summary view (no project or progress).
func (m *Manager) Manage(ctx context.Context, r ManageRequest) (*Snapshot, error) {
	if r.VolumeID == "" {
		return nil, errors.New("cinder: managing a snapshot needs the ID of its volume")
	}
	if len(r.Ref) == 0 {
		return nil, errors.New("cinder: managing a snapshot needs a reference to the backend snapshot")
	}
	call := rest.Call{Op: "snapshots.Manage", Method: http.MethodPost, Path: "os-snapshot-manage",
		Body: struct {
			Snapshot ManageRequest `json:"snapshot"`
		}{r}}
	if !m.rc.Version.Less(mv.V(3, 8)) {
		call.Path = "manageable_snapshots"
	}
	var env snapshotEnv
	if err := m.rc.Do(ctx, call, &env); err != nil {
		return nil, err
	}
	return &env.Snapshot, nil
}
