package transfers

import (
	"context"
	"fmt"
	"iter"
	"net/url"
	"strconv"

	"github.com/gocinder/cinder/internal/mv"
	"github.com/gocinder/cinder/internal/pager"
	"github.com/gocinder/cinder/internal/rest"
	"github.com/gocinder/cinder/volumes"
)

// SortKeys are the keys Cinder sorts transfers by (checked against a real
// Cinder: these are the table's columns, so the name is "display_name";
// "name" is a 400).
var SortKeys = []string{"id", "display_name", "volume_id", "created_at", "updated_at",
	"no_snapshots", "source_project_id", "destination_project_id", "accepted"}

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
	// Sort is "key[:asc|desc][,key[:dir]…]" with keys from SortKeys; since 3.59.
	Sort string

	AllTenants bool // admin: every project's transfers

	Name     string
	VolumeID string
	// Filters are further column filters, e.g. source_project_id (the
	// server takes them at every microversion). Boolean columns do not
	// match this way.
	Filters map[string]string
}

// query builds the URL query, checking each option's microversion.
func (o *ListOptions) query(rc *rest.Client) (url.Values, error) {
	q := url.Values{}
	if o == nil {
		return q, nil
	}
	need := func(op string) error {
		return rc.Check("transfers.List option "+op, paging, mv.Version{})
	}
	if o.Limit < 0 {
		return nil, fmt.Errorf("cinder: limit %d must not be negative", o.Limit)
	}
	for k, v := range o.Filters {
		switch k {
		case "limit", "marker", "sort", "sort_key", "sort_dir", "offset":
			return nil, fmt.Errorf("cinder: filter %q: use ListOptions.Limit, Marker and Sort", k)
		}
		q.Set(k, v)
	}
	if o.Limit > 0 {
		if err := need("Limit"); err != nil {
			return nil, err
		}
		q.Set("limit", strconv.Itoa(o.Limit))
	}
	if o.Marker != "" {
		if err := need("Marker"); err != nil {
			return nil, err
		}
		q.Set("marker", o.Marker)
	}
	if o.Sort != "" {
		if err := need("Sort"); err != nil {
			return nil, err
		}
		s, err := volumes.ParseSort(o.Sort, SortKeys)
		if err != nil {
			return nil, err
		}
		q.Set("sort", s)
	}
	if o.AllTenants {
		q.Set("all_tenants", "1")
	}
	if o.Name != "" {
		q.Set("name", o.Name)
	}
	if o.VolumeID != "" {
		q.Set("volume_id", o.VolumeID)
	}
	return q, nil
}

// List yields every transfer matching opts, with details, fetching pages
// as needed. GET /volume-transfers/detail (/os-volume-transfer/detail
// below 3.55)
func (m *Manager) List(ctx context.Context, opts *ListOptions) iter.Seq2[Transfer, error] {
	q, err := opts.query(m.rc)
	if err != nil {
		return failed[Transfer](err)
	}
	return pager.Seq[Transfer](ctx, m.rc, rest.Call{Op: "transfers.List", Path: rest.Path(m.base(), "detail"), Query: q}, "transfers")
}

// ListRefs yields the id, name, volume and links of every matching
// transfer. GET /volume-transfers (/os-volume-transfer below 3.55)
func (m *Manager) ListRefs(ctx context.Context, opts *ListOptions) iter.Seq2[Ref, error] {
	q, err := opts.query(m.rc)
	if err != nil {
		return failed[Ref](err)
	}
	return pager.Seq[Ref](ctx, m.rc, rest.Call{Op: "transfers.ListRefs", Path: m.base(), Query: q}, "transfers")
}

// ListPage returns one page of transfers and the marker of the next page
// ("" on the last page); pass it back as opts.Marker (since 3.59).
// GET /volume-transfers/detail (/os-volume-transfer/detail below 3.55)
func (m *Manager) ListPage(ctx context.Context, opts *ListOptions) ([]Transfer, string, error) {
	q, err := opts.query(m.rc)
	if err != nil {
		return nil, "", err
	}
	p, err := pager.First[Transfer](ctx, m.rc, rest.Call{Op: "transfers.ListPage", Path: rest.Path(m.base(), "detail"), Query: q}, "transfers")
	return p.Items, p.Next, err
}

func failed[T any](err error) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		var zero T
		yield(zero, err)
	}
}
