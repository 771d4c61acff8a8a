package messages

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

var sortKeys = []string{"id", "event_id", "message_level", "resource_type", "resource_uuid", "request_id",
	"project_id", "action_id", "detail_id", "created_at", "updated_at", "expires_at"}

// SortKeys returns the keys Cinder sorts messages by (checked against a real
// Cinder: others are a 400). expires_at is the wire's guaranteed_until.
// Each call returns a fresh copy.
func SortKeys() []string { return slices.Clone(sortKeys) }

// ListOptions filter, sort and page a message list. A nil *ListOptions
// lists every visible message. The list methods never modify it.
//
// Below microversion 3.5 Cinder ignores every query parameter, so setting
// any option there is a *cinder.VersionError rather than a silently
// unfiltered list.
type ListOptions struct {
	Limit  int    // page size asked of the server; 0: server default (since 3.5)
	Marker string // start after this message ID (since 3.5)
	// Sort is "key[:asc|desc][,key[:dir]…]" with keys from sortKeys (since 3.5).
	Sort string

	// Exact-match filters (since 3.5).
	ResourceUUID string
	ResourceType ResourceType // only messages about this resource type
	EventID      string       // only messages of this event
	RequestID    string       // only messages of this request
	Level        Level        // only messages of this level

	// Filters are further key=value filters on message fields (since
	// 3.33). A key ending in "~" asks for an inexact match (since 3.34).
	// From 3.33 a non-admin may only use the keys the server's
	// resource_filters list allows for "message".
	Filters map[string]string
}

// query builds the URL query, checking each option's microversion: every
// option needs 3.5.
func (o *ListOptions) query(rc *rest.Client) (url.Values, error) {
	b := query.New(rc, "messages.List").PagingSince(options)
	if o == nil {
		return b.Values()
	}
	b.Page(o.Limit, o.Marker, o.Sort, sortKeys)
	b.SetSince("ResourceUUID", "resource_uuid", o.ResourceUUID, options)
	b.SetSince("ResourceType", "resource_type", string(o.ResourceType), options)
	b.SetSince("EventID", "event_id", o.EventID, options)
	b.SetSince("RequestID", "request_id", o.RequestID, options)
	b.SetSince("Level", "message_level", string(o.Level), options)
	b.Filters(o.Filters)
	return b.Values()
}

// options is the microversion from which Cinder reads a message list's query.
var options = mv.V(3, 5)

// List yields every message matching opts, fetching pages as needed.
// GET /messages. Requires microversion 3.3; options need 3.5 (see ListOptions).
func (m *Manager) List(ctx context.Context, opts *ListOptions) iter.Seq2[Message, error] {
	q, err := m.listQuery(opts)
	return pager.List[Message](ctx, m.rc, rest.Call{Op: "messages.List", Path: "messages", Query: q, Since: since}, "messages", err)
}

// ListPage returns one page of messages and the marker of the next page
// ("" on the last page); pass it back as opts.Marker.
// GET /messages. Requires microversion 3.3; options need 3.5.
func (m *Manager) ListPage(ctx context.Context, opts *ListOptions) ([]Message, string, error) {
	q, err := m.listQuery(opts)
	return pager.ListPage[Message](ctx, m.rc, rest.Call{Op: "messages.ListPage", Path: "messages", Query: q, Since: since}, "messages", err)
}

// listQuery checks the API's own version first, so that a 3.0 client hears
// about messages needing 3.3 rather than about an option.
func (m *Manager) listQuery(opts *ListOptions) (url.Values, error) {
	if err := m.rc.Check("messages.List", since, mv.Version{}); err != nil {
		return nil, err
	}
	return opts.query(m.rc)
}
