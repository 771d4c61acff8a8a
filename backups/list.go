package backups

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

// SortKeys are the keys Cinder sorts backups by (checked against a real
// Cinder: others are a 400). "name" needs microversion 3.37.
var SortKeys = []string{"id", "name", "display_name", "status", "size", "volume_id", "snapshot_id", "parent_id",
	"container", "availability_zone", "object_count", "data_timestamp", "created_at", "updated_at", "project_id", "user_id"}

// ListOptions filter, sort and page a backup list. A nil *ListOptions
// lists everything visible. The list methods never modify it.
type ListOptions struct {
	Limit  int    // page size asked of the server (the server caps it); 0: server default
	Marker string // start after this backup ID
	// Sort is "key[:asc|desc][,key[:dir]…]" with keys from SortKeys.
	Sort string

	AllTenants bool   // admin: every project's backups
	ProjectID  string // admin: with AllTenants, only this project's

	Name     string
	Status   Status
	VolumeID string
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
		return rc.Check("backups.List option "+op, since, mv.Version{})
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
			if err := need("Sort by name", mv.V(3, 37)); err != nil {
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

// Ref is a backup as listed by the summary list (GET /backups).
type Ref struct {
	ID    string `json:"id"`
	Name  string `json:"name"`
	Links []Link `json:"links"`
}

// List yields every backup matching opts, with details, fetching pages as
// needed. GET /backups/detail
func (m *Manager) List(ctx context.Context, opts *ListOptions) iter.Seq2[Backup, error] {
	q, err := opts.query(m.rc)
	if err != nil {
		return failed[Backup](err)
	}
	return pager.Seq[Backup](ctx, m.rc, rest.Call{Op: "backups.List", Path: "backups/detail", Query: q}, "backups")
}

// ListRefs yields the ID, name and links of every matching backup.
// GET /backups
func (m *Manager) ListRefs(ctx context.Context, opts *ListOptions) iter.Seq2[Ref, error] {
	q, err := opts.query(m.rc)
	if err != nil {
		return failed[Ref](err)
	}
	return pager.Seq[Ref](ctx, m.rc, rest.Call{Op: "backups.ListRefs", Path: "backups", Query: q}, "backups")
}

// ListPage returns one page of backups and the marker of the next page
// ("" on the last page); pass it back as opts.Marker. GET /backups/detail
func (m *Manager) ListPage(ctx context.Context, opts *ListOptions) ([]Backup, string, error) {
	q, err := opts.query(m.rc)
	if err != nil {
		return nil, "", err
	}
	p, err := pager.First[Backup](ctx, m.rc, rest.Call{Op: "backups.ListPage", Path: "backups/detail", Query: q}, "backups")
	return p.Items, p.Next, err
}

// Count returns how many backups match opts (with_count). opts.Limit and
// Marker are ignored. GET /backups?with_count=true. Requires microversion 3.45.
func (m *Manager) Count(ctx context.Context, opts *ListOptions) (int, error) {
	if err := m.rc.Check("backups.Count", mv.V(3, 45), mv.Version{}); err != nil {
		return 0, err
	}
	q, err := opts.query(m.rc)
	if err != nil {
		return 0, err
	}
	q.Del("marker")
	q.Set("limit", "1")
	q.Set("with_count", "true")
	p, err := pager.First[Ref](ctx, m.rc, rest.Call{Op: "backups.Count", Path: "backups", Query: q}, "backups")
	if err != nil {
		return 0, err
	}
	if p.Count < 0 {
		return 0, fmt.Errorf("cinder: the server sent no backup count")
	}
	return p.Count, nil
}

func failed[T any](err error) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		var zero T
		yield(zero, err)
	}
}
