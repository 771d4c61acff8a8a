package cindertest

import (
	"cmp"
	"net/url"
	"slices"
	"strconv"
	"strings"
)

// page holds the parsed pagination parameters of a list request.
type page struct {
	limit  int // effective page size
	marker string
	keys   []string
	dirs   []string
}

// paginationParams are never treated as filters.
var paginationParams = []string{"limit", "marker", "sort", "sort_key", "sort_dir", "offset"}

// parsePage validates limit/marker/sort like cinder.api.common; ok false means a 400 was sent.
func (c *call) parsePage(validKeys []string) (page, bool) {
	q := c.r.URL.Query()
	p := page{limit: c.s.opts.MaxLimit, marker: q.Get("marker")}
	n, ok := c.parseLimit()
	if !ok {
		return p, false
	}
	p.limit = min(n, c.s.opts.MaxLimit)
	_, hasSort := q["sort"]
	if hasSort && (q.Has("sort_key") || q.Has("sort_dir")) {
		c.fault(400, "The 'sort_key' and 'sort_dir' parameters are deprecated and cannot be used with the 'sort' parameter.")
		return p, false
	}
	switch {
	case hasSort:
		for _, item := range strings.Split(q.Get("sort"), ",") {
			k, d, _ := strings.Cut(strings.TrimSpace(item), ":")
			p.keys = append(p.keys, strings.TrimSpace(k))
			p.dirs = append(p.dirs, strings.ToLower(cmp.Or(strings.TrimSpace(d), "desc")))
		}
	case q.Has("sort_key") || q.Has("sort_dir"):
		p.keys = []string{cmp.Or(q.Get("sort_key"), "created_at")}
		p.dirs = []string{strings.ToLower(cmp.Or(q.Get("sort_dir"), "desc"))}
	}
	for i, k := range p.keys {
		if k == "display_name" {
			p.keys[i] = "name"
		}
		if !slices.Contains(validKeys, p.keys[i]) {
			c.fault(400, "Invalid input received: Invalid sort key")
			return p, false
		}
		if p.dirs[i] != "asc" && p.dirs[i] != "desc" {
			c.fault(400, "Invalid input received: Unknown sort direction, must be 'desc' or 'asc'.")
			return p, false
		}
	}
	// Cinder's DB layer always appends created_at and id as tie-breakers.
	first := "desc"
	if len(p.dirs) > 0 {
		first = p.dirs[0]
	}
	for _, k := range []string{"created_at", "id"} {
		if !slices.Contains(p.keys, k) {
			p.keys = append(p.keys, k)
			p.dirs = append(p.dirs, first)
		}
	}
	return p, true
}

// parseLimit reads the limit parameter (MaxLimit when absent); ok false
// means a 400 was sent.
func (c *call) parseLimit() (int, bool) {
	raw, has := c.r.URL.Query()["limit"]
	if !has {
		return c.s.opts.MaxLimit, true
	}
	n, err := strconv.Atoi(raw[0])
	if err != nil {
		c.fault(400, "limit param must be an integer")
		return 0, false
	}
	if n < 0 {
		c.fault(400, "limit param must be positive")
		return 0, false
	}
	return n, true
}

// sortItems orders items by p's keys using field to read a comparable value.
func sortItems[T any](items []T, p page, field func(T, string) string) {
	slices.SortStableFunc(items, func(a, b T) int {
		for i, k := range p.keys {
			r := strings.Compare(field(a, k), field(b, k))
			if p.dirs[i] == "desc" {
				r = -r
			}
			if r != 0 {
				return r
			}
		}
		return 0
	})
}

// paginate cuts items after marker (index of the marker item, -1 = none) to one page.
func paginate[T any](items []T, p page, markerIdx int) []T {
	if markerIdx >= 0 {
		items = items[markerIdx+1:]
	}
	if len(items) > p.limit {
		items = items[:p.limit]
	}
	return items
}

// nextLink is Cinder's <collection>_links: present only when the page is full.
// The href repeats the request's query (marker replaced) in its original order.
func (c *call) nextLink(collectionPath string, p page, n int, lastID string) []any {
	if n == 0 || n != p.limit {
		return nil
	}
	var parts []string
	for _, kv := range strings.Split(c.r.URL.RawQuery, "&") {
		if kv == "" {
			continue
		}
		k, v, _ := strings.Cut(kv, "=")
		k, _ = url.QueryUnescape(k)
		v, _ = url.QueryUnescape(v)
		if k == "marker" {
			continue
		}
		parts = append(parts, url.QueryEscape(k)+"="+url.QueryEscape(v))
	}
	parts = append(parts, "marker="+url.QueryEscape(lastID))
	href := c.s.CinderURL() + "/v3/" + c.project + "/" + collectionPath + "?" + strings.Join(parts, "&")
	return []any{map[string]string{"rel": "next", "href": href}}
}
