package grouptypes

import (
	"context"
	"fmt"
	"iter"
	"net/url"
	"slices"

	"github.com/gocinder/cinder/find"
	"github.com/gocinder/cinder/internal/pager"
	"github.com/gocinder/cinder/internal/query"
	"github.com/gocinder/cinder/internal/rest"
)

var sortKeys = []string{"id", "name", "description", "is_public", "created_at", "updated_at"}

// SortKeys returns the keys Cinder sorts group types by (checked against a
// real Cinder; others are a 400).
// Each call returns a fresh copy.
func SortKeys() []string { return slices.Clone(sortKeys) }

// Visibility selects public or private types in an admin's list; Cinder
// ignores it for other users, who always get the public types.
type Visibility string

// Visibilities.
const (
	VisibilityDefault Visibility = ""        // sends nothing: the public types
	VisibilityAll     Visibility = "all"     // wire: is_public=None
	VisibilityPublic  Visibility = "public"  // wire: is_public=true
	VisibilityPrivate Visibility = "private" // wire: is_public=false
)

// ListOptions page, sort and filter a group type list. A nil *ListOptions
// lists with the server's defaults. The list methods never modify it.
type ListOptions struct {
	Limit  int    // page size asked of the server; 0: the server's default
	Marker string // start after this type ID
	// Sort is "key[:asc|desc][,key[:dir]…]" with keys from sortKeys.
	Sort       string
	Visibility Visibility // public, private or all group types (admin)
}

func (o *ListOptions) query(rc *rest.Client) (url.Values, error) {
	b := query.New(rc, "grouptypes.List")
	if o == nil {
		return b.Values()
	}
	b.Page(o.Limit, o.Marker, o.Sort, sortKeys)
	switch o.Visibility {
	case VisibilityDefault:
	case VisibilityAll:
		b.Set("is_public", "None")
	case VisibilityPublic:
		b.Set("is_public", "true")
	case VisibilityPrivate:
		b.Set("is_public", "false")
	default:
		b.Fail(fmt.Errorf("cinder: visibility %q: want all, public or private", o.Visibility))
	}
	return b.Values()
}

// List yields every group type matching opts, fetching pages as needed.
// GET /group_types. Requires microversion 3.11.
func (m *Manager) List(ctx context.Context, opts *ListOptions) iter.Seq2[GroupType, error] {
	q, err := opts.query(m.rc)
	return pager.List[GroupType](ctx, m.rc, rest.Call{Op: "grouptypes.List", Path: "group_types", Query: q, Since: since}, "group_types", err)
}

// ListPage returns one page of group types and the marker of the next page
// ("" on the last page); pass it back as opts.Marker. GET /group_types.
// Requires microversion 3.11.
func (m *Manager) ListPage(ctx context.Context, opts *ListOptions) ([]GroupType, string, error) {
	q, err := opts.query(m.rc)
	return pager.ListPage[GroupType](ctx, m.rc, rest.Call{Op: "grouptypes.ListPage", Path: "group_types", Query: q, Since: since}, "group_types", err)
}

// Find returns the group type whose ID or else exact name is nameOrID. An ID-shaped nameOrID (see
// find.IsID) is fetched by ID; otherwise, or when that answers 404, it looks for the name among
// every type the caller may see (is_public=None, which Cinder honours for admins only). No match is
// an error matching cinder.ErrNotFound; several are a *find.AmbiguousError. Requires microversion
// 3.11.
func (m *Manager) Find(ctx context.Context, nameOrID string, opts *find.Options) (*GroupType, error) {
	return find.One(ctx, "group type", nameOrID, m.Get, m.List(ctx, &ListOptions{Visibility: VisibilityAll}),
		func(t GroupType) (string, string) { return t.ID, t.Name })
}
