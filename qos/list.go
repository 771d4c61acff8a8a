package qos

import (
	"context"
	"fmt"
	"iter"
	"net/url"
	"strconv"

	"github.com/gocinder/cinder/internal/pager"
	"github.com/gocinder/cinder/internal/rest"
	"github.com/gocinder/cinder/volumes"
)

// SortKeys are the keys Cinder sorts QoS specs by (checked against a real
// Cinder: "name" and "consumer" are a 400).
var SortKeys = []string{"id", "created_at", "updated_at"}

// ListOptions sort and page a QoS spec list. A nil *ListOptions lists
// everything. List never modifies it.
type ListOptions struct {
	Limit  int    // page size asked of the server; 0: server default
	Marker string // start after this spec ID
	// Sort is "key[:asc|desc][,key[:dir]…]" with keys from SortKeys.
	Sort string
}

func (o *ListOptions) query() (url.Values, error) {
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
	return q, nil
}

// List yields every QoS spec, fetching pages as needed. GET /qos-specs
func (m *Manager) List(ctx context.Context, opts *ListOptions) iter.Seq2[Spec, error] {
	q, err := opts.query()
	if err != nil {
		return func(yield func(Spec, error) bool) { yield(Spec{}, err) }
	}
	return pager.Seq[Spec](ctx, m.rc, rest.Call{Op: "qos.List", Path: "qos-specs", Query: q}, "qos_specs")
}

// ListPage returns one page of QoS specs and the marker of the next page
// ("" on the last page); pass it back as opts.Marker. GET /qos-specs
func (m *Manager) ListPage(ctx context.Context, opts *ListOptions) ([]Spec, string, error) {
	q, err := opts.query()
	if err != nil {
		return nil, "", err
	}
	p, err := pager.First[Spec](ctx, m.rc, rest.Call{Op: "qos.ListPage", Path: "qos-specs", Query: q}, "qos_specs")
	return p.Items, p.Next, err
}
