package attachments

import (
	"context"
	"iter"
	"net/url"
	"slices"

	"github.com/gocinder/cinder/internal/pager"
	"github.com/gocinder/cinder/internal/query"
	"github.com/gocinder/cinder/internal/rest"
	mv "github.com/gocinder/cinder/microversion"
)

var sortKeys = []string{"id", "volume_id", "instance_uuid", "attach_status", "attach_mode", "attach_time",
	"detach_time", "attached_host", "mountpoint", "created_at", "updated_at"}

// SortKeys returns the keys Cinder sorts attachments by (checked against a real
// Cinder: they are the table's columns, so "attach_status", not "status",
// and "instance_uuid", not "instance_id").
// Each call returns a fresh copy.
func SortKeys() []string { return slices.Clone(sortKeys) }

// ListOptions filter, sort and page an attachment list. A nil *ListOptions
// lists every attachment of the project. The list methods never modify it.
type ListOptions struct {
	Limit  int    // page size; 0: everything in one answer
	Marker string // start after this attachment ID
	// Sort is "key[:asc|desc][,key[:dir]…]" with keys from sortKeys.
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
	b.Sort(o.Sort, sortKeys, nil)
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
	call, err := m.listCall("attachments.List", "attachments/detail", opts)
	return pager.ByMarker(ctx, m.rc, call, "attachments", err, opts.limit(), func(a Attachment) string { return a.ID })
}

// ListRefs yields the id, status, instance and volume of every matching
// attachment. GET /attachments. Requires microversion 3.27.
func (m *Manager) ListRefs(ctx context.Context, opts *ListOptions) iter.Seq2[Ref, error] {
	call, err := m.listCall("attachments.ListRefs", "attachments", opts)
	return pager.ByMarker(ctx, m.rc, call, "attachments", err, opts.limit(), func(r Ref) string { return r.ID })
}

// ListPage returns one page of attachments and the marker of the next page;
// pass it back as opts.Marker. Cinder sends no next link for attachments,
// so the marker is the last ID of a full page (opts.Limit items), and ""
// otherwise; a full last page is followed by an empty one.
// GET /attachments/detail. Requires microversion 3.27.
func (m *Manager) ListPage(ctx context.Context, opts *ListOptions) ([]Attachment, string, error) {
	call, err := m.listCall("attachments.ListPage", "attachments/detail", opts)
	return pager.ByMarkerPage(ctx, m.rc, call, "attachments", err, opts.limit(), func(a Attachment) string { return a.ID })
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

// limit is opts.Limit, 0 for nil opts.
func (o *ListOptions) limit() int {
	if o == nil {
		return 0
	}
	return o.Limit
}
