package types

import (
	"context"
	"fmt"
	"iter"
	"net/url"
	"slices"

	"github.com/gocinder/cinder/internal/pager"
	"github.com/gocinder/cinder/internal/query"
	"github.com/gocinder/cinder/internal/rest"
	mv "github.com/gocinder/cinder/microversion"
)

var sortKeys = []string{"id", "name", "description", "is_public", "qos_specs_id", "created_at", "updated_at"}

// SortKeys returns the keys Cinder sorts volume types by.
// Each call returns a fresh copy.
func SortKeys() []string { return slices.Clone(sortKeys) }

// Visibility selects public or private types in an admin's list.
type Visibility string

// Visibilities. Cinder honours is_public for admins only: below 3.52 it
// ignores it for others, from 3.52 on it refuses it (400).
const (
	// VisibilityDefault sends nothing: admins get the public types, other
	// users the public types and the private ones their project may use.
	VisibilityDefault Visibility = ""
	VisibilityAll     Visibility = "all"     // wire: is_public=None, as python-cinderclient sends
	VisibilityPublic  Visibility = "public"  // wire: is_public=true
	VisibilityPrivate Visibility = "private" // wire: is_public=false
)

// ListOptions filter, sort and page a volume type list. A nil *ListOptions
// lists with the server's defaults. List never modifies it.
type ListOptions struct {
	Limit  int    // page size asked of the server; 0: every type in one page (up to the server's cap)
	Marker string // start after this type ID
	// Sort is "key[:asc|desc][,key[:dir]…]" with keys from sortKeys.
	Sort       string
	Visibility Visibility // public, private or all volume types (admin)
	// ExtraSpecs keeps the types having all these extra specs (since 3.52;
	// non-admins may only use user-visible keys).
	ExtraSpecs map[string]string
	// Filters are further generic key=value filters (since 3.52).
	Filters map[string]string
}

func (o *ListOptions) query(rc *rest.Client) (url.Values, error) {
	b := query.New(rc, "types.List")
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
	b.FiltersSince(o.Filters, mv.V(3, 52))
	b.Dict("ExtraSpecs", "extra_specs", o.ExtraSpecs, mv.V(3, 52))
	return b.Values()
}

// List yields every volume type matching opts, fetching pages as needed.
// GET /types
func (m *Manager) List(ctx context.Context, opts *ListOptions) iter.Seq2[VolumeType, error] {
	q, err := opts.query(m.rc)
	return pager.List[VolumeType](ctx, m.rc, rest.Call{Op: "types.List", Path: "types", Query: q}, "volume_types", err)
}

// ListPage returns one page of volume types and the marker of the next
// page ("" on the last page); pass it back as opts.Marker. GET /types
func (m *Manager) ListPage(ctx context.Context, opts *ListOptions) ([]VolumeType, string, error) {
	q, err := opts.query(m.rc)
	return pager.ListPage[VolumeType](ctx, m.rc, rest.Call{Op: "types.ListPage", Path: "types", Query: q}, "volume_types", err)
}
