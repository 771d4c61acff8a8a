package snapshots

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

// ManageableSortKeys returns the keys Cinder sorts manageable snapshots by.
// Each call returns a fresh copy.
func ManageableSortKeys() []string { return slices.Clone(manageableSortKeys) }

// ManageableListOptions select the backend whose unmanaged snapshots are
// listed: exactly one of Host and Cluster (since 3.17).
type ManageableListOptions struct {
	Host    string // e.g. "cinder@lvm#pool"
	Cluster string // since 3.17
	Limit   int    // page size asked of the server; 0: server default
	Marker  string // start after this entry
	Offset  int    // skip this many entries
	Sort    string // "key[:asc|desc],…" with keys from manageableSortKeys
}

// Manageable is a snapshot on a backend that Cinder does not manage (yet).
type Manageable struct {
	Reference       map[string]any `json:"reference"`        // pass as ManageRequest.Ref
	Size            int            `json:"size"`             // GiB
	SafeToManage    bool           `json:"safe_to_manage"`   // whether Cinder can take the snapshot over
	ReasonNotSafe   string         `json:"reason_not_safe"`  // why not, when SafeToManage is false
	CinderID        string         `json:"cinder_id"`        // set when Cinder already manages it
	SourceReference map[string]any `json:"source_reference"` // the snapshotted backend volume
	ExtraInfo       any            `json:"extra_info"`       // driver-specific, usually a string or null
}

// ListManageable yields the snapshots on a backend that Cinder could
// manage (admin only). GET /manageable_snapshots/detail. Requires
// microversion 3.8; opts.Cluster requires 3.17.
func (m *Manager) ListManageable(ctx context.Context, opts *ManageableListOptions) iter.Seq2[Manageable, error] {
	return manageable.List[Manageable](ctx, m.rc, "snapshots", (*manageable.Options)(opts), manageableSortKeys)
}

// ManageRequest is the body of a snapshot manage request: Ref names the
// snapshot on the backend (driver-specific, e.g. {"source-name": "snap1"})
// and VolumeID the Cinder volume it is a snapshot of. Cinder takes no host
// or cluster here: the volume's backend is used.
type ManageRequest struct {
	VolumeID    string            `json:"volume_id"`             // the Cinder volume the snapshot belongs to (required)
	Ref         map[string]string `json:"ref"`                   // names the snapshot on the back end, e.g. {"source-name": "snap1"}
	Name        string            `json:"name,omitempty"`        // name of the new Cinder snapshot
	Description string            `json:"description,omitempty"` // its description
	Metadata    map[string]string `json:"metadata,omitempty"`    // its metadata
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
