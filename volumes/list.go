package volumes

import (
	"context"
	"fmt"
	"iter"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/gocinder/cinder/internal/mv"
	"github.com/gocinder/cinder/internal/pager"
	"github.com/gocinder/cinder/internal/rest"
)

// SortKeys are the keys Cinder sorts volumes by (checked against a real
// Cinder: any other key, "reference" included, is a 400). The server maps
// "name" to its display_name column.
var SortKeys = []string{"id", "name", "status", "size", "availability_zone", "bootable", "created_at", "updated_at",
	"volume_type", "project_id", "user_id", "host", "migration_status"}

// ListOptions filter, sort and page a volume list. A nil *ListOptions lists
// everything visible. List never modifies it.
type ListOptions struct {
	Limit  int    // page size asked of the server (the server caps it); 0: server default
	Marker string // start after this volume ID
	// Sort is "key[:asc|desc][,key[:dir]…]" with keys from SortKeys.
	Sort string

	AllTenants bool   // admin: every project's volumes
	ProjectID  string // admin: with AllTenants, only this project's

	Name            string
	Status          Status
	Bootable        *bool
	MigrationStatus string            // admin
	Metadata        map[string]string // all pairs must match
	// ImageMetadata matches glance_metadata (since 3.4). Real Cinder honours
	// it for admins only: for other users it is dropped before 3.31 and a
	// 400 from 3.31 on, unless the cloud's resource filters allow it.
	ImageMetadata map[string]string
	GroupID       string // since 3.10
	ConsumesQuota *bool  // since 3.65
	// Filters are generic key=value filters (since 3.33; the server's
	// resource_filters list says which keys it takes). A key ending in "~"
	// asks for an inexact match (since 3.34).
	Filters map[string]string
	// CreatedAt and UpdatedAt are time comparisons such as "gt:2024-01-01T00:00:00"
	// (operators gt, gte, lt, lte, eq, neq; since 3.60).
	CreatedAt string
	UpdatedAt string
}

// query builds the URL query, checking each option's microversion.
func (o *ListOptions) query(have *rest.Client) (url.Values, error) {
	q := url.Values{}
	if o == nil {
		return q, nil
	}
	need := func(op string, since mv.Version) error {
		return have.Check("volumes.List option "+op, since, mv.Version{})
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
		s, err := ParseSort(o.Sort, SortKeys)
		if err != nil {
			return nil, err
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
	if o.Bootable != nil {
		q.Set("bootable", strconv.FormatBool(*o.Bootable))
	}
	if o.MigrationStatus != "" {
		q.Set("migration_status", o.MigrationStatus)
	}
	if len(o.Metadata) > 0 {
		q.Set("metadata", pyDict(o.Metadata))
	}
	if len(o.ImageMetadata) > 0 {
		if err := need("ImageMetadata", mv.V(3, 4)); err != nil {
			return nil, err
		}
		q.Set("glance_metadata", pyDict(o.ImageMetadata))
	}
	if o.GroupID != "" {
		if err := need("GroupID", mv.V(3, 10)); err != nil {
			return nil, err
		}
		q.Set("group_id", o.GroupID)
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
	for key, v := range map[string]string{"created_at": o.CreatedAt, "updated_at": o.UpdatedAt} {
		if v == "" {
			continue
		}
		if err := need(key, mv.V(3, 60)); err != nil {
			return nil, err
		}
		if err := checkTimeFilter(v); err != nil {
			return nil, fmt.Errorf("cinder: %s filter: %w", key, err)
		}
		q.Set(key, v)
	}
	return q, nil
}

// ParseSort checks a "key[:dir],…" sort spec against keys and returns it as
// Cinder takes it (keys and directions as given, spaces trimmed).
func ParseSort(spec string, keys []string) (string, error) {
	var parts []string
	for _, p := range strings.Split(spec, ",") {
		key, dir, hasDir := strings.Cut(strings.TrimSpace(p), ":")
		if !slices.Contains(keys, key) {
			return "", fmt.Errorf("cinder: sort key %q: want one of %s", key, strings.Join(keys, ", "))
		}
		if hasDir && dir != "asc" && dir != "desc" {
			return "", fmt.Errorf("cinder: sort direction %q: want asc or desc", dir)
		}
		parts = append(parts, strings.TrimSpace(p))
	}
	return strings.Join(parts, ","), nil
}

var timeOps = []string{"gt", "gte", "lt", "lte", "eq", "neq"}

func checkTimeFilter(v string) error {
	op, _, ok := strings.Cut(v, ":")
	if !ok || !slices.Contains(timeOps, op) {
		return fmt.Errorf("%q: want OP:TIME with OP one of %s", v, strings.Join(timeOps, ", "))
	}
	return nil
}

// pyDict renders a map the way python-cinderclient sends dict filters:
// {'k': 'v'}, keys sorted for stable URLs.
func pyDict(m map[string]string) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var b strings.Builder
	b.WriteByte('{')
	for i, k := range keys {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "'%s': '%s'", pyEscape(k), pyEscape(m[k]))
	}
	b.WriteByte('}')
	return b.String()
}

func pyEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(s)
}

// List yields every volume matching opts, with details, fetching pages as
// needed. GET /volumes/detail
func (m *Manager) List(ctx context.Context, opts *ListOptions) iter.Seq2[Volume, error] {
	q, err := opts.query(m.rc)
	if err != nil {
		return failed[Volume](err)
	}
	return pager.Seq[Volume](ctx, m.rc, rest.Call{Op: "volumes.List", Path: "volumes/detail", Query: q}, "volumes")
}

// ListRefs yields the id, name and links of every matching volume.
// GET /volumes
func (m *Manager) ListRefs(ctx context.Context, opts *ListOptions) iter.Seq2[Ref, error] {
	q, err := opts.query(m.rc)
	if err != nil {
		return failed[Ref](err)
	}
	return pager.Seq[Ref](ctx, m.rc, rest.Call{Op: "volumes.ListRefs", Path: "volumes", Query: q}, "volumes")
}

// ListPage returns one page of volumes and the marker of the next page
// ("" on the last page); pass it back as opts.Marker. GET /volumes/detail
func (m *Manager) ListPage(ctx context.Context, opts *ListOptions) ([]Volume, string, error) {
	q, err := opts.query(m.rc)
	if err != nil {
		return nil, "", err
	}
	p, err := pager.First[Volume](ctx, m.rc, rest.Call{Op: "volumes.ListPage", Path: "volumes/detail", Query: q}, "volumes")
	return p.Items, p.Next, err
}

// Count returns how many volumes match opts (with_count). opts.Limit and
// Marker are ignored. GET /volumes?with_count=true. Requires microversion 3.45.
func (m *Manager) Count(ctx context.Context, opts *ListOptions) (int, error) {
	if err := m.rc.Check("volumes.Count", mv.V(3, 45), mv.Version{}); err != nil {
		return 0, err
	}
	q, err := opts.query(m.rc)
	if err != nil {
		return 0, err
	}
	q.Del("marker")
	q.Set("limit", "1")
	q.Set("with_count", "true")
	p, err := pager.First[Ref](ctx, m.rc, rest.Call{Op: "volumes.Count", Path: "volumes", Query: q}, "volumes")
	if err != nil {
		return 0, err
	}
	if p.Count < 0 {
		return 0, fmt.Errorf("cinder: the server sent no count")
	}
	return p.Count, nil
}

func failed[T any](err error) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		var zero T
		yield(zero, err)
	}
}
