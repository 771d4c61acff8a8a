package backups

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

var sortKeys = []string{"id", "name", "display_name", "status", "size", "volume_id", "snapshot_id", "parent_id",
	"container", "availability_zone", "object_count", "data_timestamp", "created_at", "updated_at", "project_id", "user_id"}

// SortKeys returns the keys Cinder sorts backups by (checked against a real
// Cinder: others are a 400). "name" needs microversion 3.37.
// Each call returns a fresh copy.
func SortKeys() []string { return slices.Clone(sortKeys) }

// ListOptions filter, sort and page a backup list. A nil *ListOptions
// lists everything visible. The list methods never modify it.
type ListOptions struct {
	Limit  int    // page size asked of the server (the server caps it); 0: server default
	Marker string // start after this backup ID
	// Sort is "key[:asc|desc][,key[:dir]…]" with keys from sortKeys.
	Sort string

	AllTenants bool   // admin: every project's backups
	ProjectID  string // admin: with AllTenants, only this project's

	Name     string // exact name
	Status   Status // only backups in this status
	VolumeID string // only backups of this volume
	// Filters are generic key=value filters (since 3.33; the server's
	// resource_filters list says which keys it takes). A key ending in "~"
	// asks for an inexact match (since 3.34).
	Filters map[string]string
}

// query builds the URL query, checking each option's microversion.
func (o *ListOptions) query(rc *rest.Client) (url.Values, error) {
	b := query.New(rc, "backups.List")
	if o == nil {
		return b.Values()
	}
	b.Limit(o.Limit)
	b.Marker(o.Marker)
	b.Sort(o.Sort, sortKeys, map[string]mv.Version{"name": mv.V(3, 37)})
	b.Tenants(o.AllTenants, o.ProjectID)
	b.Set("name", o.Name)
	b.Set("status", string(o.Status))
	b.Set("volume_id", o.VolumeID)
	b.Filters(o.Filters)
	return b.Values()
}

// Ref is a backup as listed by the summary list (GET /backups).
type Ref struct {
	ID    string `json:"id"`    // the backup's UUID
	Name  string `json:"name"`  // the backup's name
	Links []Link `json:"links"` // self and bookmark links
}

// List yields every backup matching opts, with details, fetching pages as
// needed. GET /backups/detail
func (m *Manager) List(ctx context.Context, opts *ListOptions) iter.Seq2[Backup, error] {
	q, err := opts.query(m.rc)
	return pager.List[Backup](ctx, m.rc, rest.Call{Op: "backups.List", Path: "backups/detail", Query: q}, "backups", err)
}

// ListRefs yields the ID, name and links of every matching backup.
// GET /backups
func (m *Manager) ListRefs(ctx context.Context, opts *ListOptions) iter.Seq2[Ref, error] {
	q, err := opts.query(m.rc)
	return pager.List[Ref](ctx, m.rc, rest.Call{Op: "backups.ListRefs", Path: "backups", Query: q}, "backups", err)
}

// ListPage returns one page of backups and the marker of the next page
// ("" on the last page); pass it back as opts.Marker. GET /backups/detail
func (m *Manager) ListPage(ctx context.Context, opts *ListOptions) ([]Backup, string, error) {
	q, err := opts.query(m.rc)
	return pager.ListPage[Backup](ctx, m.rc, rest.Call{Op: "backups.ListPage", Path: "backups/detail", Query: q}, "backups", err)
}

// Count returns how many backups match opts (with_count). opts.Limit and
// Marker are ignored. GET /backups?with_count=true. Requires microversion 3.45.
func (m *Manager) Count(ctx context.Context, opts *ListOptions) (int, error) {
	q, err := opts.query(m.rc)
	return pager.Count(ctx, m.rc, rest.Call{Op: "backups.Count", Path: "backups", Query: q, Since: mv.V(3, 45)}, "backups", err)
}
