package qos

import (
	"context"
	"iter"
	"net/url"
	"slices"

	"github.com/gocinder/cinder/internal/pager"
	"github.com/gocinder/cinder/internal/query"
	"github.com/gocinder/cinder/internal/rest"
)

var sortKeys = []string{"id", "created_at", "updated_at"}

// SortKeys returns the keys Cinder sorts QoS specs by (checked against a real
// Cinder: "name" and "consumer" are a 400).
// Each call returns a fresh copy.
func SortKeys() []string { return slices.Clone(sortKeys) }

// ListOptions sort and page a QoS spec list. A nil *ListOptions lists
// everything. List never modifies it.
type ListOptions struct {
	Limit  int    // page size asked of the server; 0: server default
	Marker string // start after this spec ID
	// Sort is "key[:asc|desc][,key[:dir]…]" with keys from sortKeys.
	Sort string
}

func (o *ListOptions) query(rc *rest.Client) (url.Values, error) {
	b := query.New(rc, "qos.List")
	if o != nil {
		b.Page(o.Limit, o.Marker, o.Sort, sortKeys)
	}
	return b.Values()
}

// List yields every QoS spec, fetching pages as needed. GET /qos-specs
func (m *Manager) List(ctx context.Context, opts *ListOptions) iter.Seq2[Spec, error] {
	q, err := opts.query(m.rc)
	return pager.List[Spec](ctx, m.rc, rest.Call{Op: "qos.List", Path: "qos-specs", Query: q}, "qos_specs", err)
}

// ListPage returns one page of QoS specs and the marker of the next page
// ("" on the last page); pass it back as opts.Marker. GET /qos-specs
func (m *Manager) ListPage(ctx context.Context, opts *ListOptions) ([]Spec, string, error) {
	q, err := opts.query(m.rc)
	return pager.ListPage[Spec](ctx, m.rc, rest.Call{Op: "qos.ListPage", Path: "qos-specs", Query: q}, "qos_specs", err)
}
