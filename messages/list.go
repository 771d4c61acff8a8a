package messages

import (
	"context"
	"fmt"
	"iter"
	"net/url"
	"strconv"
	"strings"

	"github.com/gocinder/cinder/internal/mv"
	"github.com/gocinder/cinder/internal/pager"
	"github.com/gocinder/cinder/internal/rest"
	"github.com/gocinder/cinder/volumes"
)

// SortKeys are the keys Cinder sorts messages by (checked against a real
// Cinder: others are a 400). expires_at is the wire's guaranteed_until.
var SortKeys = []string{"id", "event_id", "message_level", "resource_type", "resource_uuid", "request_id",
	"project_id", "action_id", "detail_id", "created_at", "updated_at", "expires_at"}

// ListOptions filter, sort and page a message list. A nil *ListOptions
// lists every visible message. The list methods never modify it.
//
// Below microversion 3.5 Cinder ignores every query parameter, so setting
// any option there is a *cinder.VersionError rather than a silently
// unfiltered list.
type ListOptions struct {
	Limit  int    // page size asked of the server; 0: server default (since 3.5)
	Marker string // start after this message ID (since 3.5)
	// Sort is "key[:asc|desc][,key[:dir]…]" with keys from SortKeys (since 3.5).
	Sort string

	// Exact-match filters (since 3.5).
	ResourceUUID string
	ResourceType ResourceType
	EventID      string
	RequestID    string
	Level        Level

	// Filters are further key=value filters on message fields (since
	// 3.33). A key ending in "~" asks for an inexact match (since 3.34).
	// From 3.33 a non-admin may only use the keys the server's
	// resource_filters list allows for "message".
	Filters map[string]string
}

// query builds the URL query, checking each option's microversion.
func (o *ListOptions) query(rc *rest.Client) (url.Values, error) {
	q := url.Values{}
	if o == nil {
		return q, nil
	}
	need := func(op string, since mv.Version) error {
		return rc.Check("messages.List option "+op, since, mv.Version{})
	}
	if o.Limit < 0 {
		return nil, fmt.Errorf("cinder: limit %d must not be negative", o.Limit)
	}
	set := func(op, key, val string) error {
		if val == "" {
			return nil
		}
		if err := need(op, mv.V(3, 5)); err != nil {
			return err
		}
		q.Set(key, val)
		return nil
	}
	limit := ""
	if o.Limit > 0 {
		limit = strconv.Itoa(o.Limit)
	}
	sort := ""
	if o.Sort != "" {
		s, err := volumes.ParseSort(o.Sort, SortKeys)
		if err != nil {
			return nil, err
		}
		sort = s
	}
	for _, f := range []struct{ op, key, val string }{
		{"Limit", "limit", limit},
		{"Marker", "marker", o.Marker},
		{"Sort", "sort", sort},
		{"ResourceUUID", "resource_uuid", o.ResourceUUID},
		{"ResourceType", "resource_type", string(o.ResourceType)},
		{"EventID", "event_id", o.EventID},
		{"RequestID", "request_id", o.RequestID},
		{"Level", "message_level", string(o.Level)},
	} {
		if err := set(f.op, f.key, f.val); err != nil {
			return nil, err
		}
	}
	if len(o.Filters) > 0 {
		if err := need("Filters", mv.V(3, 33)); err != nil {
			return nil, err
		}
		for k, v := range o.Filters {
			if strings.HasSuffix(k, "~") {
				if err := need("Filters (inexact "+k+")", mv.V(3, 34)); err != nil {
					return nil, err
				}
			}
			q.Set(k, v)
		}
	}
	return q, nil
}

// List yields every message matching opts, fetching pages as needed.
// GET /messages. Requires microversion 3.3; options need 3.5 (see ListOptions).
func (m *Manager) List(ctx context.Context, opts *ListOptions) iter.Seq2[Message, error] {
	q, err := m.listQuery(opts)
	if err != nil {
		return func(yield func(Message, error) bool) { yield(Message{}, err) }
	}
	return pager.Seq[Message](ctx, m.rc, rest.Call{Op: "messages.List", Path: "messages", Query: q, Since: since}, "messages")
}

// ListPage returns one page of messages and the marker of the next page
// ("" on the last page); pass it back as opts.Marker.
// GET /messages. Requires microversion 3.3; options need 3.5.
func (m *Manager) ListPage(ctx context.Context, opts *ListOptions) ([]Message, string, error) {
	q, err := m.listQuery(opts)
	if err != nil {
		return nil, "", err
	}
	p, err := pager.First[Message](ctx, m.rc, rest.Call{Op: "messages.ListPage", Path: "messages", Query: q, Since: since}, "messages")
	return p.Items, p.Next, err
}

// listQuery checks the API's own version first, so that a 3.0 client hears
// about messages needing 3.3 rather than about an option.
func (m *Manager) listQuery(opts *ListOptions) (url.Values, error) {
	if err := m.rc.Check("messages.List", since, mv.Version{}); err != nil {
		return nil, err
	}
	return opts.query(m.rc)
}
