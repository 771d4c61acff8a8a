package snapshots

import (
	"context"
	"iter"
	"net/url"
	"slices"

	"github.com/gocinder/cinder/internal/pager"
	"github.com/gocinder/cinder/internal/query"
	"github.com/gocinder/cinder/internal/rest"
	mv "github.com/gocinder/cinder/microversion"
)

var sortKeys = []string{"id", "name", "display_name", "status", "volume_id", "volume_size", "progress",
	"created_at", "updated_at", "project_id", "user_id", "group_snapshot_id"}

// SortKeys returns the keys Cinder sorts snapshots by (checked against a real
// Cinder: others, "size" included, are a 400). "name" needs microversion
// 3.30; "volume_size" is the size.
// Each call returns a fresh copy.
func SortKeys() []string { return slices.Clone(sortKeys) }

// ListOptions filter, sort and page a snapshot list. A nil *ListOptions
// lists everything visible. The list methods never modify it.
type ListOptions struct {
	Limit  int    // page size asked of the server (the server caps it); 0: server default
	Marker string // start after this snapshot ID
	// Sort is "key[:asc|desc][,key[:dir]…]" with keys from sortKeys.
	Sort string

	AllTenants bool   // admin: every project's snapshots
	ProjectID  string // admin: with AllTenants, only this project's

	Name          string            // exact name
	Status        Status            // only snapshots in this status
	VolumeID      string            // only snapshots of this volume
	Metadata      map[string]string // all pairs must match; since 3.22
	ConsumesQuota *bool             // since 3.65
	// Filters are generic key=value filters (since 3.33; the server's
	// resource_filters list says which keys it takes). A key ending in "~"
	// asks for an inexact match (since 3.34).
	Filters map[string]string
}

// query builds the URL query, checking each option's microversion.
func (o *ListOptions) query(rc *rest.Client) (url.Values, error) {
	b := query.New(rc, "snapshots.List")
	if o == nil {
		return b.Values()
	}
	b.Limit(o.Limit)
	b.Marker(o.Marker)
	b.Sort(o.Sort, sortKeys, map[string]mv.Version{"name": mv.V(3, 30)})
	b.Tenants(o.AllTenants, o.ProjectID)
	b.Set("name", o.Name)
	b.Set("status", string(o.Status))
	b.Set("volume_id", o.VolumeID)
	b.Dict("Metadata", "metadata", o.Metadata, mv.V(3, 22))
	b.Bool("ConsumesQuota", "consumes_quota", o.ConsumesQuota, mv.V(3, 65))
	b.Filters(o.Filters)
	return b.Values()
}

// List yields every snapshot matching opts, with details, fetching pages
// as needed. GET /snapshots/detail
func (m *Manager) List(ctx context.Context, opts *ListOptions) iter.Seq2[Snapshot, error] {
	q, err := opts.query(m.rc)
	return pager.List[Snapshot](ctx, m.rc, rest.Call{Op: "snapshots.List", Path: "snapshots/detail", Query: q}, "snapshots", err)
}

// ListRefs yields every matching snapshot from the summary list, which
// lacks the detail list's project, progress, group snapshot, user and
// quota fields. GET /snapshots
func (m *Manager) ListRefs(ctx context.Context, opts *ListOptions) iter.Seq2[Snapshot, error] {
	q, err := opts.query(m.rc)
	return pager.List[Snapshot](ctx, m.rc, rest.Call{Op: "snapshots.ListRefs", Path: "snapshots", Query: q}, "snapshots", err)
}

// ListPage returns one page of snapshots and the marker of the next page
// ("" on the last page); pass it back as opts.Marker. GET /snapshots/detail
func (m *Manager) ListPage(ctx context.Context, opts *ListOptions) ([]Snapshot, string, error) {
	q, err := opts.query(m.rc)
	return pager.ListPage[Snapshot](ctx, m.rc, rest.Call{Op: "snapshots.ListPage", Path: "snapshots/detail", Query: q}, "snapshots", err)
}

// Count returns how many snapshots match opts (with_count). opts.Limit and
// Marker are ignored. GET /snapshots?with_count=true. Requires microversion 3.45.
func (m *Manager) Count(ctx context.Context, opts *ListOptions) (int, error) {
	q, err := opts.query(m.rc)
	return pager.Count(ctx, m.rc, rest.Call{Op: "snapshots.Count", Path: "snapshots", Query: q, Since: mv.V(3, 45)}, "snapshots", err)
}
