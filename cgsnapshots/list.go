package cgsnapshots

import (
	"context"
	"fmt"
	"iter"
	"net/url"
	"strconv"

	"github.com/gocinder/cinder/find"
	"github.com/gocinder/cinder/internal/pager"
	"github.com/gocinder/cinder/internal/query"
	"github.com/gocinder/cinder/internal/rest"
)

// ListOptions cut a cgsnapshot list. Cinder lists the project's
// cgsnapshots, oldest first, with no filters, sorting or next links: only
// an offset, a limit and, for an admin, every project's. A nil
// *ListOptions lists them all (up to the server's maximum page size). The
// list methods never modify it.
type ListOptions struct {
	AllTenants bool // every project's cgsnapshots (admin only): all_tenants=1
	Limit      int  // at most this many (the server caps it); 0: server default
	Offset     int  // skip this many
}

func (o *ListOptions) query(rc *rest.Client) (url.Values, error) {
	b := query.New(rc, "cgsnapshots.List")
	if o == nil {
		return b.Values()
	}
	b.Tenants(o.AllTenants, "")
	b.Limit(o.Limit)
	if o.Offset < 0 {
		b.Fail(fmt.Errorf("cinder: offset %d must not be negative", o.Offset))
	}
	if o.Offset > 0 {
		b.Set("offset", strconv.Itoa(o.Offset))
	}
	return b.Values()
}

// List yields the cgsnapshots opts selects, with details.
// GET /cgsnapshots/detail
func (m *Manager) List(ctx context.Context, opts *ListOptions) iter.Seq2[CGSnapshot, error] {
	q, err := opts.query(m.rc)
	return pager.List[CGSnapshot](ctx, m.rc, rest.Call{Op: "cgsnapshots.List", Path: "cgsnapshots/detail", Query: q},
		"cgsnapshots", err)
}

// ListPage returns one page of cgsnapshots (opts.Limit of them from
// opts.Offset), with details, and the marker of the next page, the same
// shape as every package's ListPage. Cinder sends no next links for
// cgsnapshots, so the marker is "" and the next page is asked for with
// Offset += len(page). GET /cgsnapshots/detail
func (m *Manager) ListPage(ctx context.Context, opts *ListOptions) ([]CGSnapshot, string, error) {
	q, err := opts.query(m.rc)
	return pager.ListPage[CGSnapshot](ctx, m.rc, rest.Call{Op: "cgsnapshots.ListPage", Path: "cgsnapshots/detail", Query: q},
		"cgsnapshots", err)
}

// ListRefs yields the cgsnapshots opts selects from the summary list: ID
// and Name only. GET /cgsnapshots
func (m *Manager) ListRefs(ctx context.Context, opts *ListOptions) iter.Seq2[CGSnapshot, error] {
	q, err := opts.query(m.rc)
	return pager.List[CGSnapshot](ctx, m.rc, rest.Call{Op: "cgsnapshots.ListRefs", Path: "cgsnapshots", Query: q},
		"cgsnapshots", err)
}

// Find returns the cgsnapshot whose ID or else exact name is nameOrID. An ID-shaped nameOrID (see
// find.IsID) is fetched by ID; otherwise, or when that answers 404, it looks through the project's
// cgsnapshots (GET /cgsnapshots; Cinder filters none). No match is an error matching
// cinder.ErrNotFound; several are a *find.AmbiguousError. With opts.AllTenants (admins only) the
// name is looked up in every project (all_tenants=1).
func (m *Manager) Find(ctx context.Context, nameOrID string, opts *find.Options) (*CGSnapshot, error) {
	return find.One(ctx, "cgsnapshot", nameOrID, m.Get, m.ListRefs(ctx, &ListOptions{AllTenants: opts != nil && opts.AllTenants}),
		func(s CGSnapshot) (string, string) { return s.ID, s.Name })
}
