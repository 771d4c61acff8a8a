package snapshots

import (
	"context"
	"iter"

	"github.com/gocinder/cinder/internal/manageable"
)

// ManageableSummary is the summary view of a snapshot on a backend that
// Cinder does not manage (yet); ListManageable gives the detailed one.
type ManageableSummary struct {
	Reference       map[string]any `json:"reference"`        // pass as ManageRequest.Ref
	Size            int            `json:"size"`             // GiB
	SafeToManage    bool           `json:"safe_to_manage"`   // whether Cinder can take the snapshot over
	SourceReference map[string]any `json:"source_reference"` // the snapshotted backend volume
}

// ListManageableSummary yields the summary view of the snapshots on a
// backend that Cinder could manage (admin only). GET /manageable_snapshots.
// Requires microversion 3.8.
func (m *Manager) ListManageableSummary(ctx context.Context, opts *ManageableListOptions) iter.Seq2[ManageableSummary, error] {
	return manageable.ListSummary[ManageableSummary](ctx, m.rc, "snapshots", (*manageable.Options)(opts), manageableSortKeys)
}
