package transfers

import (
	"context"
	"fmt"
	"iter"
	"maps"
	"net/url"
	"slices"

	"github.com/gocinder/cinder/internal/pager"
	"github.com/gocinder/cinder/internal/query"
	"github.com/gocinder/cinder/internal/rest"
	mv "github.com/gocinder/cinder/microversion"
)

var sortKeys = []string{"id", "display_name", "volume_id", "created_at", "updated_at",
	"no_snapshots", "source_project_id", "destination_project_id", "accepted"}

// SortKeys returns the keys Cinder sorts transfers by (checked against a real
// Cinder: these are the table's columns, so the name is "display_name";
// "name" is a 400).
// Each call returns a fresh copy.
func SortKeys() []string { return slices.Clone(sortKeys) }

// paging is the microversion from which Cinder pages and sorts transfers.
var paging = mv.V(3, 59)

// ListOptions filter, sort and page a transfer list. A nil *ListOptions
// lists every transfer of the project. The list methods never modify it.
//
// Cinder compares every query key with a column of its transfers table: a
// key that is not a column, and below 3.59 limit, marker and sort too,
// silently give an empty list. That is why Limit, Marker and Sort are
// refused with a *cinder.VersionError below 3.59.
type ListOptions struct {
	Limit  int    // page size; since 3.59
	Marker string // start after this transfer ID; since 3.59
	// Sort is "key[:asc|desc][,key[:dir]…]" with keys from sortKeys; since 3.59.
	Sort string

	AllTenants bool // admin: every project's transfers

	Name     string // exact name
	VolumeID string // only transfers of this volume
	// Filters are further column filters, e.g. source_project_id (the
	// server takes them at every microversion). Boolean columns do not
	// match this way.
	Filters map[string]string
}

// query builds the URL query, checking each option's microversion.
func (o *ListOptions) query(rc *rest.Client) (url.Values, error) {
	b := query.New(rc, "transfers.List").PagingSince(paging)
	if o == nil {
		return b.Values()
	}
	if o.Limit < 0 {
		return nil, fmt.Errorf("cinder: limit %d must not be negative", o.Limit)
	}
	for _, k := range slices.Sorted(maps.Keys(o.Filters)) {
		switch k {
		case "limit", "marker", "sort", "sort_key", "sort_dir", "offset":
			return nil, fmt.Errorf("cinder: filter %q: use ListOptions.Limit, Marker and Sort", k)
		}
	}
	b.FiltersSince(o.Filters, mv.Version{})
	b.Page(o.Limit, o.Marker, o.Sort, sortKeys)
	b.Tenants(o.AllTenants, "")
	b.Set("name", o.Name)
	b.Set("volume_id", o.VolumeID)
	return b.Values()
}

// List yields every transfer matching opts, with details, fetching pages
// as needed. GET /volume-transfers/detail (/os-volume-transfer/detail
// below 3.55)
func (m *Manager) List(ctx context.Context, opts *ListOptions) iter.Seq2[Transfer, error] {
	q, err := opts.query(m.rc)
	return pager.List[Transfer](ctx, m.rc, rest.Call{Op: "transfers.List", Path: rest.Path(m.base(), "detail"), Query: q}, "transfers", err)
}

// ListRefs yields the id, name, volume and links of every matching
// transfer. GET /volume-transfers (/os-volume-transfer below 3.55)
func (m *Manager) ListRefs(ctx context.Context, opts *ListOptions) iter.Seq2[Ref, error] {
	q, err := opts.query(m.rc)
	return pager.List[Ref](ctx, m.rc, rest.Call{Op: "transfers.ListRefs", Path: m.base(), Query: q}, "transfers", err)
}

// ListPage returns one page of transfers and the marker of the next page
// ("" on the last page); pass it back as opts.Marker (since 3.59).
// GET /volume-transfers/detail (/os-volume-transfer/detail below 3.55)
func (m *Manager) ListPage(ctx context.Context, opts *ListOptions) ([]Transfer, string, error) {
	q, err := opts.query(m.rc)
	return pager.ListPage[Transfer](ctx, m.rc, rest.Call{Op: "transfers.ListPage", Path: rest.Path(m.base(), "detail"), Query: q}, "transfers", err)
}
