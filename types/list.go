package types

import (
	"context"
	"encoding/json"
	"fmt"
	"iter"
	"net/url"
	"strconv"

	"github.com/gocinder/cinder/internal/mv"
	"github.com/gocinder/cinder/internal/pager"
	"github.com/gocinder/cinder/internal/rest"
	"github.com/gocinder/cinder/volumes"
)

// SortKeys are the keys Cinder sorts volume types by.
var SortKeys = []string{"id", "name", "description", "is_public", "qos_specs_id", "created_at", "updated_at"}

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
	// Sort is "key[:asc|desc][,key[:dir]…]" with keys from SortKeys.
	Sort       string
	Visibility Visibility
	// ExtraSpecs keeps the types having all these extra specs (since 3.52;
	// non-admins may only use user-visible keys).
	ExtraSpecs map[string]string
	// Filters are further generic key=value filters (since 3.52).
	Filters map[string]string
}

func (o *ListOptions) query(have *rest.Client) (url.Values, error) {
	q := url.Values{}
	if o == nil {
		return q, nil
	}
	if o.Limit < 0 {
		return nil, fmt.Errorf("cinder: limit %d must not be negative", o.Limit)
	}
	if o.Limit > 0 {
		q.Set("limit", strconv.Itoa(o.Limit))
	}
	if o.Marker != "" {
		q.Set("marker", o.Marker)
	}
	if o.Sort != "" {
		s, err := volumes.ParseSort(o.Sort, SortKeys)
		if err != nil {
			return nil, err
		}
		q.Set("sort", s)
	}
	switch o.Visibility {
	case VisibilityDefault:
	case VisibilityAll:
		q.Set("is_public", "None")
	case VisibilityPublic:
		q.Set("is_public", "true")
	case VisibilityPrivate:
		q.Set("is_public", "false")
	default:
		return nil, fmt.Errorf("cinder: visibility %q: want all, public or private", o.Visibility)
	}
	if len(o.Filters) > 0 {
		if err := have.Check("types.List option Filters", mv.V(3, 52), mv.Version{}); err != nil {
			return nil, err
		}
		for k, v := range o.Filters {
			q.Set(k, v)
		}
	}
	if len(o.ExtraSpecs) > 0 {
		if err := have.Check("types.List option ExtraSpecs", mv.V(3, 52), mv.Version{}); err != nil {
			return nil, err
		}
		// Cinder reads the dict with Python's literal_eval; JSON is a subset
		// of its syntax for string maps and needs no escaping rules of ours.
		b, err := json.Marshal(o.ExtraSpecs)
		if err != nil {
			return nil, fmt.Errorf("cinder: extra specs filter: %w", err)
		}
		q.Set("extra_specs", string(b))
	}
	return q, nil
}

// List yields every volume type matching opts, fetching pages as needed.
// GET /types
func (m *Manager) List(ctx context.Context, opts *ListOptions) iter.Seq2[VolumeType, error] {
	q, err := opts.query(m.rc)
	if err != nil {
		return failed[VolumeType](err)
	}
	return pager.Seq[VolumeType](ctx, m.rc, rest.Call{Op: "types.List", Path: "types", Query: q}, "volume_types")
}

// ListPage returns one page of volume types and the marker of the next
// page ("" on the last page); pass it back as opts.Marker. GET /types
func (m *Manager) ListPage(ctx context.Context, opts *ListOptions) ([]VolumeType, string, error) {
	q, err := opts.query(m.rc)
	if err != nil {
		return nil, "", err
	}
	p, err := pager.First[VolumeType](ctx, m.rc, rest.Call{Op: "types.ListPage", Path: "types", Query: q}, "volume_types")
	return p.Items, p.Next, err
}

func failed[T any](err error) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		var zero T
		yield(zero, err)
	}
}
