package groupsnapshots

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

var sortKeys = []string{"id", "name", "description", "status", "group_id", "group_type_id", "project_id",
	"created_at", "updated_at"}

// SortKeys returns the keys Cinder sorts group snapshots by (checked against a
// real Cinder; others, availability_zone included, are a 400).
// Each call returns a fresh copy.
func SortKeys() []string { return slices.Clone(sortKeys) }

// filtering is the microversion from which Cinder reads a group snapshot
// list's query at all: paging, sorting and filters (3.29).
var filtering = mv.V(3, 29)

// ListOptions filter, sort and page a group snapshot list; every option
// needs microversion 3.29, before which Cinder ignores the query. A nil
// *ListOptions lists the project's group snapshots. The list methods never
// modify it.
type ListOptions struct {
	Limit  int    // page size asked of the server (the server caps it); 0: server default
	Marker string // start after this group snapshot ID
	// Sort is "key[:asc|desc][,key[:dir]…]" with keys from sortKeys.
	Sort string

	AllTenants bool   // admin: every project's group snapshots
	ProjectID  string // admin: with AllTenants, only this project's

	Status  Status // only group snapshots in this status
	GroupID string // only snapshots of this group
	// Filters are further key=value filters. From 3.33 on non-admins may
	// use only the server's resource_filters (status, group_id by
	// default), and a key ending in "~" asks for an inexact match (3.34).
	Filters map[string]string
}

func (o *ListOptions) query(rc *rest.Client) (url.Values, error) {
	b := query.New(rc, "groupsnapshots.List").PagingSince(filtering)
	if o == nil {
		return b.Values()
	}
	b.Page(o.Limit, o.Marker, o.Sort, sortKeys)
	if (o.AllTenants || o.ProjectID != "") && b.Need("AllTenants", filtering) {
		b.Tenants(o.AllTenants, o.ProjectID)
	}
	b.SetSince("Status", "status", string(o.Status), filtering)
	b.SetSince("GroupID", "group_id", o.GroupID, filtering)
	if rc.Version.Less(mv.V(3, 33)) {
		b.FiltersSince(o.Filters, filtering)
	} else {
		b.Filters(o.Filters)
	}
	return b.Values()
}

// List yields every group snapshot matching opts, with details, fetching
// pages as needed. GET /group_snapshots/detail. Requires microversion 3.14.
func (m *Manager) List(ctx context.Context, opts *ListOptions) iter.Seq2[GroupSnapshot, error] {
	q, err := opts.query(m.rc)
	return pager.List[GroupSnapshot](ctx, m.rc, rest.Call{Op: "groupsnapshots.List", Path: "group_snapshots/detail",
		Query: q, Since: since}, "group_snapshots", err)
}

// ListRefs yields every matching group snapshot from the summary list: ID
// and Name only. GET /group_snapshots. Requires microversion 3.14.
func (m *Manager) ListRefs(ctx context.Context, opts *ListOptions) iter.Seq2[GroupSnapshot, error] {
	q, err := opts.query(m.rc)
	return pager.List[GroupSnapshot](ctx, m.rc, rest.Call{Op: "groupsnapshots.ListRefs", Path: "group_snapshots",
		Query: q, Since: since}, "group_snapshots", err)
}

// ListPage returns one page of group snapshots and the marker of the next
// page ("" on the last page); pass it back as opts.Marker.
// GET /group_snapshots/detail. Requires microversion 3.14 (3.29 to page).
func (m *Manager) ListPage(ctx context.Context, opts *ListOptions) ([]GroupSnapshot, string, error) {
	q, err := opts.query(m.rc)
	return pager.ListPage[GroupSnapshot](ctx, m.rc, rest.Call{Op: "groupsnapshots.ListPage", Path: "group_snapshots/detail",
		Query: q, Since: since}, "group_snapshots", err)
}

// Find returns the group snapshot whose ID or else exact name is nameOrID. An ID-shaped nameOrID
// (see find.IsID) is fetched by ID; otherwise, or when that answers 404, it lists the group
// snapshots named so (from 3.29; before, Cinder lists them all), or every one of the project when
// Cinder refuses the name filter (a non-admin from 3.33 on: 400). No match is an error matching
// cinder.ErrNotFound; several are a *find.AmbiguousError. Requires microversion 3.14. With
// opts.AllTenants (admins only) the name is looked up in every project (all_tenants=1).
func (m *Manager) Find(ctx context.Context, nameOrID string, opts *find.Options) (*GroupSnapshot, error) {
	all := &ListOptions{AllTenants: opts != nil && opts.AllTenants}
	named := all
	if !m.rc.Version.Less(filtering) {
		named = &ListOptions{Filters: map[string]string{"name": nameOrID}, AllTenants: all.AllTenants}
	}
	return find.One(ctx, "group snapshot", nameOrID, m.Get, pager.OrAll(m.ListRefs(ctx, named), m.ListRefs(ctx, all)),
		func(s GroupSnapshot) (string, string) { return s.ID, s.Name })
}
