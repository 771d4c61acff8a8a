package cindertest

import (
	"net/http"
	"slices"
	"strings"
)

// listSpec describes one paginated collection for listItems.
type listSpec[T any] struct {
	path string // collection path for the next link, e.g. "snapshots/detail"
	key  string // JSON key, e.g. "snapshots"
	// linksKey is the next-link key (default key+"_links").
	linksKey string
	// ignoreMarker makes an unknown marker start at the first item.
	ignoreMarker bool
	sort         []string
	id           func(T) string
	field        func(T, string) string
	marker       func(id string) (T, bool) // looks up a marker outside the filtered set
	notFnd       string                    // 404 message format for an unknown marker
	view         func(T) any
	count        bool // with_count requested
}

// listItems sorts, pages and writes items; it handles the marker like Cinder:
// pages start at the marker's sort position even when filters exclude it.
func listItems[T any](c *call, items []T, spec listSpec[T]) {
	p, ok := c.parsePage(spec.sort)
	if !ok {
		return
	}
	total := len(items)
	if spec.ignoreMarker && !slices.ContainsFunc(items, func(x T) bool { return spec.id(x) == p.marker }) {
		p.marker = ""
	}
	if p.marker != "" && !slices.ContainsFunc(items, func(x T) bool { return spec.id(x) == p.marker }) {
		m, found := spec.marker(p.marker)
		if !found {
			c.fault(404, spec.notFnd, p.marker)
			return
		}
		items = append(items, m)
	}
	sortItems(items, p, spec.field)
	markerIdx := -1
	if p.marker != "" {
		markerIdx = slices.IndexFunc(items, func(x T) bool { return spec.id(x) == p.marker })
	}
	pageItems := paginate(items, p, markerIdx)
	list := []any{}
	for _, x := range pageItems {
		list = append(list, spec.view(x))
	}
	out := map[string]any{spec.key: list}
	if len(pageItems) > 0 {
		if l := c.nextLink(spec.path, p, len(pageItems), spec.id(pageItems[len(pageItems)-1])); l != nil {
			lk := spec.linksKey
			if lk == "" {
				lk = spec.key + "_links"
			}
			out[lk] = l
		}
	}
	if spec.count {
		out["count"] = total
	}
	c.json(http.StatusOK, out)
}

// sortNamed reports whether the sort parameters name key literally (not
// through its display_ alias), for keys only valid from some microversion.
func (c *call) sortNamed(key string) bool {
	q := c.r.URL.Query()
	for _, item := range strings.Split(q.Get("sort"), ",") {
		k, _, _ := strings.Cut(strings.TrimSpace(item), ":")
		if strings.TrimSpace(k) == key {
			return true
		}
	}
	return q.Get("sort_key") == key
}

// parseFilters parses a list query for a resource whose non-admin filters
// are allowed (Cinder's resource_filters.json). Admins may filter on
// anything; for others unknown filters are dropped before 3.31 and rejected
// from 3.31 on. ok false means a 400 was sent.
// Keys in skip are neither filters nor refused.
func (c *call) parseFilters(allowed []string, skip ...string) (filters []volumeFilter, allTenants, withCount, ok bool) {
	var invalid []string
	seen := map[string]bool{}
	q := c.r.URL.Query()
	for _, kv := range strings.Split(c.r.URL.RawQuery, "&") {
		k, _, _ := strings.Cut(kv, "=")
		k = unescape(k)
		if k == "" || seen[k] || slices.Contains(paginationParams, k) || slices.Contains(skip, k) {
			continue
		}
		seen[k] = true
		v := q.Get(k)
		switch {
		case k == "all_tenants":
			allTenants = c.admin
			continue
		case k == "with_count" && c.at(45):
			b, valid := parseBool(v)
			if !valid {
				c.fault(400, "Value '%s' for 'with_count' is not a boolean.", v)
				return nil, false, false, false
			}
			withCount = b
			continue
		}
		f := volumeFilter{key: k, value: v}
		if strings.HasSuffix(k, "~") {
			f.key, f.like = strings.TrimSuffix(k, "~"), true
		}
		if f.key == "display_name" {
			f.key = "name"
		}
		if !c.admin && !slices.Contains(allowed, k) { // raw key: "name~" must itself be listed
			if c.at(31) {
				invalid = append(invalid, k)
			}
			continue
		}
		if k == "project_id" && !allTenants {
			continue
		}
		filters = append(filters, f)
	}
	if len(invalid) > 0 {
		c.fault(400, "Invalid filters %s are found in query options.", strings.Join(invalid, ","))
		return nil, false, false, false
	}
	return filters, allTenants, withCount, true
}

// matchMetadata reports whether have contains the dict literal want.
func matchMetadata(have map[string]string, want string) bool {
	w, valid := parsePyDict(want)
	if !valid {
		return false
	}
	for k, val := range w {
		if have[k] != val {
			return false
		}
	}
	return true
}

// sizeKey renders an int so that it sorts numerically as a string.
func sizeKey(n int) string { return itoa(n + 1e9) }
