package groups

import (
	"context"
	"iter"
	"net/url"
	"slices"

	"github.com/gocinder/cinder/find"
	"github.com/gocinder/cinder/internal/pager"
	"github.com/gocinder/cinder/internal/query"
	"github.com/gocinder/cinder/internal/rest"
	mv "github.com/gocinder/cinder/microversion"
)

var sortKeys = []string{"id", "name", "description", "status", "availability_zone", "group_type_id",
	"project_id", "created_at", "updated_at"}

// SortKeys returns the keys Cinder sorts groups by (checked against a real
// Cinder; others are a 400).
// Each call returns a fresh copy.
func SortKeys() []string { return slices.Clone(sortKeys) }

// ListOptions filter, sort and page a group list. A nil *ListOptions lists
// the project's groups. The list methods never modify it.
type ListOptions struct {
	Limit  int    // page size asked of the server (the server caps it); 0: server default
	Marker string // start after this group ID
	// Sort is "key[:asc|desc][,key[:dir]…]" with keys from sortKeys.
	Sort string

	AllTenants bool   // admin: every project's groups
	ProjectID  string // admin: with AllTenants, only this project's

	// ListVolume fills each Group's Volumes (List only; since 3.25).
	ListVolume bool
	// Filters are key=value filters on the group's columns (name, status,
	// …). Cinder passes them through as they are before 3.33; from 3.33 on
	// only admins may use them with the default resource_filters, and a
	// key ending in "~" asks for an inexact match (since 3.34).
	Filters map[string]string
}

func (o *ListOptions) query(rc *rest.Client) (url.Values, error) {
	b := query.New(rc, "groups.List")
	if o == nil {
		return b.Values()
	}
	b.Page(o.Limit, o.Marker, o.Sort, sortKeys)
	b.Tenants(o.AllTenants, o.ProjectID)
	if o.ListVolume && b.Need("ListVolume", mv.V(3, 25)) {
		b.Set("list_volume", "True")
	}
	if rc.Version.Less(mv.V(3, 33)) {
		b.FiltersSince(o.Filters, since)
	} else {
		b.Filters(o.Filters)
	}
	return b.Values()
}

// List yields every group matching opts, with details, fetching pages as
// needed. GET /groups/detail. Requires microversion 3.13.
func (m *Manager) List(ctx context.Context, opts *ListOptions) iter.Seq2[Group, error] {
	q, err := opts.query(m.rc)
	return pager.List[Group](ctx, m.rc, rest.Call{Op: "groups.List", Path: "groups/detail", Query: q, Since: since}, "groups", err)
}

// ListRefs yields every matching group from the summary list: ID and Name
// only. GET /groups. Requires microversion 3.13.
func (m *Manager) ListRefs(ctx context.Context, opts *ListOptions) iter.Seq2[Group, error] {
	q, err := opts.query(m.rc)
	return pager.List[Group](ctx, m.rc, rest.Call{Op: "groups.ListRefs", Path: "groups", Query: q, Since: since}, "groups", err)
}

// ListPage returns one page of groups and the marker of the next page (""
// on the last page); pass it back as opts.Marker. GET /groups/detail.
// Requires microversion 3.13.
func (m *Manager) ListPage(ctx context.Context, opts *ListOptions) ([]Group, string, error) {
	q, err := opts.query(m.rc)
	return pager.ListPage[Group](ctx, m.rc, rest.Call{Op: "groups.ListPage", Path: "groups/detail", Query: q, Since: since}, "groups", err)
}

// Find returns the group whose ID or else exact name is nameOrID. An ID-shaped nameOrID (an integer
// or a UUID, see find.IsID) is fetched by ID; a name, or an ID that answers 404 (as in
// python-cinderclient), is looked up by name: it lists the groups named so (GET /groups?name=…);
// when Cinder refuses that filter (a non-admin from 3.33 on: 400) it looks through every group of
// the project. No match is an error matching cinder.ErrNotFound; several are a
// *find.AmbiguousError. Requires microversion 3.13. With opts.AllTenants (admins only) the name is
// looked up in every project (all_tenants=1).
func (m *Manager) Find(ctx context.Context, nameOrID string, opts *find.Options) (*Group, error) {
	all := opts != nil && opts.AllTenants
	named := m.ListRefs(ctx, &ListOptions{Filters: map[string]string{"name": nameOrID}, AllTenants: all})
	return find.One(ctx, "group", nameOrID, m.Get, pager.OrAll(named, m.ListRefs(ctx, &ListOptions{AllTenants: all})),
		func(g Group) (string, string) { return g.ID, g.Name })
}
