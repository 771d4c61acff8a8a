package consistencygroups

import (
	"context"
	"iter"
	"net/url"
	"slices"

	"github.com/gocinder/cinder/find"
	"github.com/gocinder/cinder/internal/pager"
	"github.com/gocinder/cinder/internal/query"
	"github.com/gocinder/cinder/internal/rest"
)

var sortKeys = []string{"id", "name", "description", "status", "availability_zone", "group_type_id",
	"project_id", "created_at", "updated_at"}

// SortKeys returns the keys Cinder sorts consistency groups by (the group
// columns; others are a 400).
// Each call returns a fresh copy.
func SortKeys() []string { return slices.Clone(sortKeys) }

// ListOptions filter, sort and page a consistency group list. A nil
// *ListOptions lists the project's groups. The list methods never modify
// it.
type ListOptions struct {
	Limit  int    // page size asked of the server (the server caps it); 0: server default
	Marker string // start after this group ID
	// Sort is "key[:asc|desc][,key[:dir]…]" with keys from sortKeys.
	Sort string

	AllTenants bool // admin: every project's groups

	Name   string // exact name
	Status Status // only groups in this status
	// Filters are further key=value filters on the group's columns, passed
	// through as they are; an unknown key matches nothing.
	Filters map[string]string
}

func (o *ListOptions) query(rc *rest.Client) (url.Values, error) {
	b := query.New(rc, "consistencygroups.List")
	if o == nil {
		return b.Values()
	}
	b.Page(o.Limit, o.Marker, o.Sort, sortKeys)
	b.Tenants(o.AllTenants, "")
	for k, v := range o.Filters {
		b.Set(k, v)
	}
	b.Set("name", o.Name)
	b.Set("status", string(o.Status))
	return b.Values()
}

// List yields every consistency group matching opts, with details,
// fetching pages as needed. GET /consistencygroups/detail.
func (m *Manager) List(ctx context.Context, opts *ListOptions) iter.Seq2[ConsistencyGroup, error] {
	q, err := opts.query(m.rc)
	return pager.List[ConsistencyGroup](ctx, m.rc, rest.Call{Op: "consistencygroups.List", Path: "consistencygroups/detail",
		Query: q}, "consistencygroups", err)
}

// ListRefs yields every matching consistency group from the summary list:
// ID and Name only. GET /consistencygroups.
func (m *Manager) ListRefs(ctx context.Context, opts *ListOptions) iter.Seq2[ConsistencyGroup, error] {
	q, err := opts.query(m.rc)
	return pager.List[ConsistencyGroup](ctx, m.rc, rest.Call{Op: "consistencygroups.ListRefs", Path: "consistencygroups",
		Query: q}, "consistencygroups", err)
}

// ListPage returns one page of consistency groups and the marker of the
// next page ("" on the last page); pass it back as opts.Marker.
// GET /consistencygroups/detail.
func (m *Manager) ListPage(ctx context.Context, opts *ListOptions) ([]ConsistencyGroup, string, error) {
	q, err := opts.query(m.rc)
	return pager.ListPage[ConsistencyGroup](ctx, m.rc, rest.Call{Op: "consistencygroups.ListPage",
		Path: "consistencygroups/detail", Query: q}, "consistencygroups", err)
}

// Find returns the consistency group whose ID or else exact name is nameOrID. An ID-shaped nameOrID
// (see find.IsID) is fetched by ID; otherwise, or when that answers 404, it lists the groups named
// so (GET /consistencygroups?name=…). No match is an error matching cinder.ErrNotFound; several are
// a *find.AmbiguousError. With opts.AllTenants (admins only) the name is looked up in every project
// (all_tenants=1).
func (m *Manager) Find(ctx context.Context, nameOrID string, opts *find.Options) (*ConsistencyGroup, error) {
	return find.One(ctx, "consistency group", nameOrID, m.Get, m.ListRefs(ctx, &ListOptions{Name: nameOrID, AllTenants: opts != nil && opts.AllTenants}),
		func(g ConsistencyGroup) (string, string) { return g.ID, g.Name })
}
