package attachments

import (
	"context"
	"fmt"
	"iter"
	"maps"
	"net/url"

	"github.com/gocinder/cinder/internal/pager"
	"github.com/gocinder/cinder/internal/query"
	"github.com/gocinder/cinder/internal/rest"
	mv "github.com/gocinder/cinder/microversion"
)

// SortKeys are the keys Cinder sorts attachments by (checked against a real
// Cinder: they are the table's columns, so "attach_status", not "status",
// and "instance_uuid", not "instance_id").
var SortKeys = []string{"id", "volume_id", "instance_uuid", "attach_status", "attach_mode", "attach_time",
	"detach_time", "attached_host", "mountpoint", "created_at", "updated_at"}

// ListOptions filter, sort and page an attachment list. A nil *ListOptions
// lists every attachment of the project. The list methods never modify it.
type ListOptions struct {
	Limit  int    // page size; 0: everything in one answer
	Marker string // start after this attachment ID
	// Sort is "key[:asc|desc][,key[:dir]…]" with keys from SortKeys.
	Sort string

	AllTenants bool // admin: every project's attachments

	VolumeID   string // only attachments of this volume
	InstanceID string // only attachments to this server
	// Status is sent as attach_status: Cinder's "status" filter matches
	// nothing (checked against a real Cinder).
	Status Status
	// Filters are generic key=value filters (since 3.33; the server's
	// resource_filters list says which keys it takes). A key ending in "~"
	// asks for an inexact match (since 3.34).
	Filters map[string]string
}

// query builds the URL query, checking each option's microversion.
func (o *ListOptions) query(rc *rest.Client) (url.Values, error) {
	b := query.New(rc, "attachments.List")
	if o == nil {
		return b.Values()
	}
	b.Limit(o.Limit)
	b.Filters(o.Filters)
	b.Marker(o.Marker)
	b.Sort(o.Sort, SortKeys, nil)
	b.Tenants(o.AllTenants, "")
	b.Set("volume_id", o.VolumeID)
	b.Set("instance_id", o.InstanceID)
	b.Set("attach_status", string(o.Status))
	return b.Values()
}

// List yields every attachment matching opts, with details, fetching pages
// as needed. GET /attachments/detail. Requires microversion 3.27.
//
// Cinder sends no next link for attachments, so with opts.Limit set List
// asks for the next page (marker = the last ID) whenever a page is full.
func (m *Manager) List(ctx context.Context, opts *ListOptions) iter.Seq2[Attachment, error] {
	return walk(ctx, m, "attachments.List", "attachments/detail", opts, func(a Attachment) string { return a.ID })
}

// ListRefs yields the id, status, instance and volume of every matching
// attachment. GET /attachments. Requires microversion 3.27.
func (m *Manager) ListRefs(ctx context.Context, opts *ListOptions) iter.Seq2[Ref, error] {
	return walk(ctx, m, "attachments.ListRefs", "attachments", opts, func(r Ref) string { return r.ID })
}

// ListPage returns one page of attachments and the marker of the next page;
// pass it back as opts.Marker. Cinder sends no next link for attachments,
// so the marker is the last ID of a full page (opts.Limit items), and ""
// otherwise; a full last page is followed by an empty one.
// GET /attachments/detail. Requires microversion 3.27.
func (m *Manager) ListPage(ctx context.Context, opts *ListOptions) ([]Attachment, string, error) {
	call, err := m.listCall("attachments.ListPage", "attachments/detail", opts)
	if err != nil {
		return nil, "", err
	}
	p, err := pager.First[Attachment](ctx, m.rc, call, "attachments")
	if err != nil {
		return nil, "", err
	}
	return p.Items, nextMarker(opts, p.Items, func(a Attachment) string { return a.ID }), nil
}

func (m *Manager) listCall(op, path string, opts *ListOptions) (rest.Call, error) {
	if err := m.rc.Check(op, since, mv.Version{}); err != nil {
		return rest.Call{}, err
	}
	q, err := opts.query(m.rc)
	if err != nil {
		return rest.Call{}, err
	}
	return rest.Call{Op: op, Path: path, Query: q, Since: since}, nil
}

// nextMarker is the last item's ID when the page is full, else "".
func nextMarker[T any](opts *ListOptions, items []T, id func(T) string) string {
	if opts == nil || opts.Limit <= 0 || len(items) < opts.Limit {
		return ""
	}
	return id(items[len(items)-1])
}

// walk yields the items of every page, asking for the next one (marker =
// the last ID) after each full page.
func walk[T any](ctx context.Context, m *Manager, op, path string, opts *ListOptions, id func(T) string) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		var zero T
		call, err := m.listCall(op, path, opts)
		if err != nil {
			yield(zero, err)
			return
		}
		for {
			p, err := pager.First[T](ctx, m.rc, call, "attachments")
			if err != nil {
				yield(zero, err)
				return
			}
			for _, v := range p.Items {
				if err := ctx.Err(); err != nil {
					yield(zero, err)
					return
				}
				if !yield(v, nil) {
					return
				}
			}
			next := nextMarker(opts, p.Items, id)
			if next == "" {
				return
			}
			if next == call.Query.Get("marker") {
				yield(zero, fmt.Errorf("cinder: attachments pagination repeats marker %s", next))
				return
			}
			call.Query = maps.Clone(call.Query)
			call.Query.Set("marker", next)
		}
	}
}
