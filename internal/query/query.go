// Package query builds the URL queries of Cinder's list calls: paging and
// sorting, tenant scope, dict filters and the generic filters, each
// checked against the client's microversion before anything is sent.
package query

import (
	"fmt"
	"maps"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/gocinder/cinder/internal/rest"
	mv "github.com/gocinder/cinder/microversion"
)

// Builder accumulates a query. The first failed check is kept and every
// later call is a no-op, so a list option's query reads as a straight run
// of calls ending in Values.
type Builder struct {
	rc     *rest.Client
	op     string
	q      url.Values
	err    error
	paging mv.Version
}

// New starts the query of the list call op ("volumes.List"); version
// errors name the option as "<op> option <name>".
func New(rc *rest.Client, op string) *Builder {
	return &Builder{rc: rc, op: op, q: url.Values{}}
}

// PagingSince makes Limit, Marker and Sort need microversion v.
func (b *Builder) PagingSince(v mv.Version) *Builder {
	b.paging = v
	return b
}

// Need checks that the client's microversion serves option (since v) and
// reports whether the query is still good.
func (b *Builder) Need(option string, v mv.Version) bool {
	if b.err == nil {
		b.err = b.rc.Check(b.op+" option "+option, v, mv.Version{})
	}
	return b.err == nil
}

// Fail records err unless an earlier error is already kept.
func (b *Builder) Fail(err error) {
	if b.err == nil {
		b.err = err
	}
}

// Limit sets the page size; 0 sends nothing, a negative one is an error.
func (b *Builder) Limit(n int) {
	if n < 0 {
		b.Fail(fmt.Errorf("cinder: limit %d must not be negative", n))
	}
	if n > 0 && b.Need("Limit", b.paging) {
		b.q.Set("limit", strconv.Itoa(n))
	}
}

// Marker sets the ID to start after.
func (b *Builder) Marker(id string) {
	if id != "" && b.Need("Marker", b.paging) {
		b.q.Set("marker", id)
	}
}

// Sort checks spec against keys (see ParseSort) and sets it; a key in
// since needs that microversion too.
func (b *Builder) Sort(spec string, keys []string, since map[string]mv.Version) {
	if spec == "" || !b.Need("Sort", b.paging) {
		return
	}
	s, err := ParseSort(spec, keys)
	if err != nil {
		b.Fail(err)
		return
	}
	for _, p := range strings.Split(s, ",") {
		key, _, _ := strings.Cut(p, ":")
		if v, ok := since[key]; ok && !b.Need("Sort by "+key, v) {
			return
		}
	}
	b.Set("sort", s)
}

// Page is Limit, Marker and Sort without per-key microversions.
func (b *Builder) Page(limit int, marker, sort string, keys []string) {
	b.Limit(limit)
	b.Marker(marker)
	b.Sort(sort, keys, nil)
}

// Tenants scopes an admin's list: every project's resources, or with
// projectID only that project's.
func (b *Builder) Tenants(all bool, projectID string) {
	if all {
		b.Set("all_tenants", "1")
	}
	b.Set("project_id", projectID)
}

// Set sets key to v when v is not empty.
func (b *Builder) Set(key, v string) {
	if v != "" && b.err == nil {
		b.q.Set(key, v)
	}
}

// SetSince is Set for an option served from microversion since.
func (b *Builder) SetSince(option, key, v string, since mv.Version) {
	if v != "" && b.Need(option, since) {
		b.q.Set(key, v)
	}
}

// Bool sets key to "true" or "false" when v is not nil; since may be zero.
func (b *Builder) Bool(option, key string, v *bool, since mv.Version) {
	if v != nil && b.Need(option, since) {
		b.q.Set(key, strconv.FormatBool(*v))
	}
}

// Dict sets key to m as a Python dict literal (see PyDict) when m is not
// empty; since may be zero.
func (b *Builder) Dict(option, key string, m map[string]string, since mv.Version) {
	if len(m) > 0 && b.Need(option, since) {
		b.q.Set(key, PyDict(m))
	}
}

// Filters sets Cinder's generic key=value filters (since 3.33); a key
// ending in "~" asks for an inexact match (since 3.34). Empty values are
// sent as they are.
func (b *Builder) Filters(f map[string]string) {
	b.filters(f, mv.V(3, 33), mv.V(3, 34))
}

// FiltersSince sets key=value filters that a resource takes from
// microversion since on, with no inexact form.
func (b *Builder) FiltersSince(f map[string]string, since mv.Version) {
	b.filters(f, since, mv.Version{})
}

func (b *Builder) filters(f map[string]string, since, inexact mv.Version) {
	if len(f) == 0 || !b.Need("Filters", since) {
		return
	}
	for _, k := range slices.Sorted(maps.Keys(f)) {
		if !inexact.IsZero() && strings.HasSuffix(k, "~") && !b.Need("Filters (inexact "+k+")", inexact) {
			return
		}
		b.q.Set(k, f[k])
	}
}

// Values returns the query, or the first error met.
func (b *Builder) Values() (url.Values, error) {
	if b.err != nil {
		return nil, b.err
	}
	return b.q, nil
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

// PyDict renders a map the way python-cinderclient sends dict filters (a
// Python dict literal, which Cinder reads with literal_eval): {'k': 'v'},
// keys sorted for stable URLs.
func PyDict(m map[string]string) string {
	esc := strings.NewReplacer(`\`, `\\`, `'`, `\'`)
	parts := make([]string, 0, len(m))
	for _, k := range slices.Sorted(maps.Keys(m)) {
		parts = append(parts, "'"+esc.Replace(k)+"': '"+esc.Replace(m[k])+"'")
	}
	return "{" + strings.Join(parts, ", ") + "}"
}
