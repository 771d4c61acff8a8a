package volumes

import (
	"context"
	"fmt"
	"iter"
	"net/url"
	"slices"
	"strings"

	"github.com/gocinder/cinder/internal/pager"
	"github.com/gocinder/cinder/internal/query"
	"github.com/gocinder/cinder/internal/rest"
	mv "github.com/gocinder/cinder/microversion"
)

var sortKeys = []string{"id", "name", "status", "size", "availability_zone", "bootable", "created_at", "updated_at",
	"volume_type", "project_id", "user_id", "host", "migration_status"}

// SortKeys returns the keys Cinder sorts volumes by (checked against a real
// Cinder: any other key, "reference" included, is a 400). The server maps
// "name" to its display_name column.
// Each call returns a fresh copy.
func SortKeys() []string { return slices.Clone(sortKeys) }

// ListOptions filter, sort and page a volume list. A nil *ListOptions lists
// everything visible. List never modifies it.
type ListOptions struct {
	Limit  int    // page size asked of the server (the server caps it); 0: server default
	Marker string // start after this volume ID
	// Sort is "key[:asc|desc][,key[:dir]…]" with keys from sortKeys.
	Sort string

	AllTenants bool   // admin: every project's volumes
	ProjectID  string // admin: with AllTenants, only this project's

	Name            string            // exact name
	Status          Status            // only volumes in this status
	Bootable        *bool             // only bootable (true) or non-bootable (false) volumes
	MigrationStatus string            // admin
	Metadata        map[string]string // all pairs must match
	// ImageMetadata matches glance_metadata (since 3.4). Real Cinder honours
	// it for admins only: for other users it is dropped before 3.31 and a
	// 400 from 3.31 on, unless the cloud's resource filters allow it.
	ImageMetadata map[string]string
	GroupID       string // since 3.10
	ConsumesQuota *bool  // since 3.65
	// Filters are generic key=value filters (since 3.33; the server's
	// resource_filters list says which keys it takes). A key ending in "~"
	// asks for an inexact match (since 3.34).
	Filters map[string]string
	// CreatedAt and UpdatedAt are time comparisons such as "gt:2024-01-01T00:00:00"
	// (operators gt, gte, lt, lte, eq, neq; since 3.60).
	CreatedAt string
	UpdatedAt string // like CreatedAt, on updated_at (since 3.60)
}

// query builds the URL query, checking each option's microversion.
func (o *ListOptions) query(rc *rest.Client) (url.Values, error) {
	b := query.New(rc, "volumes.List")
	if o == nil {
		return b.Values()
	}
	b.Page(o.Limit, o.Marker, o.Sort, sortKeys)
	b.Tenants(o.AllTenants, o.ProjectID)
	b.Set("name", o.Name)
	b.Set("status", string(o.Status))
	b.Bool("Bootable", "bootable", o.Bootable, mv.Version{})
	b.Set("migration_status", o.MigrationStatus)
	b.Dict("Metadata", "metadata", o.Metadata, mv.Version{})
	b.Dict("ImageMetadata", "glance_metadata", o.ImageMetadata, mv.V(3, 4))
	b.SetSince("GroupID", "group_id", o.GroupID, mv.V(3, 10))
	b.Bool("ConsumesQuota", "consumes_quota", o.ConsumesQuota, mv.V(3, 65))
	b.Filters(o.Filters)
	timeFilter(b, "created_at", o.CreatedAt)
	timeFilter(b, "updated_at", o.UpdatedAt)
	return b.Values()
}

// ParseSort checks a "key[:dir],…" sort spec against keys and returns it as
// Cinder takes it (keys and directions as given, spaces trimmed).
func ParseSort(spec string, keys []string) (string, error) { return query.ParseSort(spec, keys) }

var timeOps = []string{"gt", "gte", "lt", "lte", "eq", "neq"}

// timeFilter sets a time comparison filter (since 3.60), checking its form.
func timeFilter(b *query.Builder, key, v string) {
	if v == "" || !b.Need(key, mv.V(3, 60)) {
		return
	}
	op, _, ok := strings.Cut(v, ":")
	if !ok || !slices.Contains(timeOps, op) {
		b.Fail(fmt.Errorf("cinder: %s filter: %q: want OP:TIME with OP one of %s", key, v, strings.Join(timeOps, ", ")))
		return
	}
	b.Set(key, v)
}

// List yields every volume matching opts, with details, fetching pages as
// needed. GET /volumes/detail
func (m *Manager) List(ctx context.Context, opts *ListOptions) iter.Seq2[Volume, error] {
	q, err := opts.query(m.rc)
	return pager.ListVia(ctx, m.rc, rest.Call{Op: "volumes.List", Path: "volumes/detail", Query: q}, "volumes", err, (*volumeWire).volume)
}

// ListRefs yields the id, name and links of every matching volume.
// GET /volumes
func (m *Manager) ListRefs(ctx context.Context, opts *ListOptions) iter.Seq2[Ref, error] {
	q, err := opts.query(m.rc)
	return pager.List[Ref](ctx, m.rc, rest.Call{Op: "volumes.ListRefs", Path: "volumes", Query: q}, "volumes", err)
}

// ListPage returns one page of volumes and the marker of the next page
// ("" on the last page); pass it back as opts.Marker. GET /volumes/detail
func (m *Manager) ListPage(ctx context.Context, opts *ListOptions) ([]Volume, string, error) {
	q, err := opts.query(m.rc)
	return pager.ListPageVia(ctx, m.rc, rest.Call{Op: "volumes.ListPage", Path: "volumes/detail", Query: q}, "volumes", err, (*volumeWire).volume)
}

// Count returns how many volumes match opts (with_count). opts.Limit and
// Marker are ignored. GET /volumes?with_count=true. Requires microversion 3.45.
func (m *Manager) Count(ctx context.Context, opts *ListOptions) (int, error) {
	q, err := opts.query(m.rc)
	return pager.Count(ctx, m.rc, rest.Call{Op: "volumes.Count", Path: "volumes", Query: q, Since: mv.V(3, 45)}, "volumes", err)
}
