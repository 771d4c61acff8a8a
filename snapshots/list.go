package snapshots

import (
	"context"
	"fmt"
	"iter"
	"maps"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/gocinder/cinder/internal/mv"
	"github.com/gocinder/cinder/internal/pager"
	"github.com/gocinder/cinder/internal/rest"
	"github.com/gocinder/cinder/volumes"
)

// SortKeys are the keys Cinder sorts snapshots by (checked against a real
// Cinder: others, "size" included, are a 400). "name" needs microversion
// 3.30; "volume_size" is the size.
var SortKeys = []string{"id", "name", "display_name", "status", "volume_id", "volume_size", "progress",
	"created_at", "updated_at", "project_id", "user_id", "group_snapshot_id"}

// ListOptions filter, sort and page a snapshot list. A nil *ListOptions
// lists everything visible. The list methods never modify it.
type ListOptions struct {
	Limit  int    // page size asked of the server (the server caps it); 0: server default
	Marker string // start after this snapshot ID
	// Sort is "key[:asc|desc][,key[:dir]…]" with keys from SortKeys.
	Sort string

	AllTenants bool   // admin: every project's snapshots
	ProjectID  string // admin: with AllTenants, only this project's

	Name          string
	Status        Status
	VolumeID      string
	Metadata      map[string]string // all pairs must match; since 3.22
	ConsumesQuota *bool             // since 3.65
	// Filters are generic key=value filters (since 3.33; the server's
	// resource_filters list says which keys it takes). A key ending in "~"
	// asks for an inexact match (since 3.34).
	Filters map[string]string
}

// query builds the URL query, checking each option's microversion.
func (o *ListOptions) query(rc *rest.Client) (url.Values, error) {
	q := url.Values{}
	if o == nil {
		return q, nil
	}
	need := func(op string, since mv.Version) error {
		return rc.Check("snapshots.List option "+op, since, mv.Version{})
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
		if sortsBy(s, "name") {
			if err := need("Sort by name", mv.V(3, 30)); err != nil {
				return nil, err
			}
		}
		q.Set("sort", s)
	}
	if o.AllTenants {
		q.Set("all_tenants", "1")
	}
	if o.ProjectID != "" {
		q.Set("project_id", o.ProjectID)
	}
	if o.Name != "" {
		q.Set("name", o.Name)
	}
	if o.Status != "" {
		q.Set("status", string(o.Status))
	}
	if o.VolumeID != "" {
		q.Set("volume_id", o.VolumeID)
	}
	if len(o.Metadata) > 0 {
		if err := need("Metadata", mv.V(3, 22)); err != nil {
			return nil, err
		}
		q.Set("metadata", pyDict(o.Metadata))
	}
	if o.ConsumesQuota != nil {
		if err := need("ConsumesQuota", mv.V(3, 65)); err != nil {
			return nil, err
		}
		q.Set("consumes_quota", strconv.FormatBool(*o.ConsumesQuota))
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

// sortsBy reports whether a checked sort spec uses key.
func sortsBy(spec, key string) bool {
	for _, p := range strings.Split(spec, ",") {
		if k, _, _ := strings.Cut(p, ":"); k == key {
			return true
		}
	}
	return false
}

// pyDict renders a map as Cinder's metadata filter takes it (a Python dict
// literal): {'k': 'v'}, keys sorted for stable URLs.
func pyDict(m map[string]string) string {
	esc := strings.NewReplacer(`\`, `\\`, `'`, `\'`)
	parts := make([]string, 0, len(m))
	for _, k := range slices.Sorted(maps.Keys(m)) {
		parts = append(parts, "'"+esc.Replace(k)+"': '"+esc.Replace(m[k])+"'")
	}
	return "{" + strings.Join(parts, ", ") + "}"
}

// List yields every snapshot matching opts, with details, fetching pages
// as needed. GET /snapshots/detail
func (m *Manager) List(ctx context.Context, opts *ListOptions) iter.Seq2[Snapshot, error] {
	q, err := opts.query(m.rc)
	if err != nil {
		return failed[Snapshot](err)
	}
	return pager.Seq[Snapshot](ctx, m.rc, rest.Call{Op: "snapshots.List", Path: "snapshots/detail", Query: q}, "snapshots")
}

// ListRefs yields every matching snapshot from the summary list, which
// lacks the detail list's project, progress, group snapshot, user and
// quota fields. GET /snapshots
func (m *Manager) ListRefs(ctx context.Context, opts *ListOptions) iter.Seq2[Snapshot, error] {
	q, err := opts.query(m.rc)
	if err != nil {
		return failed[Snapshot](err)
	}
	return pager.Seq[Snapshot](ctx, m.rc, rest.Call{Op: "snapshots.ListRefs", Path: "snapshots", Query: q}, "snapshots")
}

// ListPage returns one page of snapshots and the marker of the next page
// ("" on the last page); pass it back as opts.Marker. GET /snapshots/detail
func (m *Manager) ListPage(ctx context.Context, opts *ListOptions) ([]Snapshot, string, error) {
	q, err := opts.query(m.rc)
	if err != nil {
		return nil, "", err
	}
	p, err := pager.First[Snapshot](ctx, m.rc, rest.Call{Op: "snapshots.ListPage", Path: "snapshots/detail", Query: q}, "snapshots")
	return p.Items, p.Next, err
}

// Count returns how many snapshots match opts (with_count). opts.Limit and
// Marker are ignored. GET /snapshots?with_count=true. Requires microversion 3.45.
func (m *Manager) Count(ctx context.Context, opts *ListOptions) (int, error) {
	if err := m.rc.Check("snapshots.Count", mv.V(3, 45), mv.Version{}); err != nil {
		return 0, err
	}
	q, err := opts.query(m.rc)
	if err != nil {
		return 0, err
	}
	q.Del("marker")
	q.Set("limit", "1")
	q.Set("with_count", "true")
	p, err := pager.First[Snapshot](ctx, m.rc, rest.Call{Op: "snapshots.Count", Path: "snapshots", Query: q}, "snapshots")
	if err != nil {
		return 0, err
	}
	if p.Count < 0 {
		return 0, fmt.Errorf("cinder: the server sent no snapshot count")
	}
	return p.Count, nil
}

func failed[T any](err error) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		var zero T
		yield(zero, err)
	}
}
