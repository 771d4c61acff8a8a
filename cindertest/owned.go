package cindertest

// Helpers for the resources a project owns (volumes, snapshots, backups,
// groups, group snapshots): who may see one, and the usual list endpoint.

import "time"

// visibleIn returns m[id] if the caller may see it: one of its project's,
// or any for admins.
func visibleIn[T any](c *call, m map[string]*T, id string, project func(*T) string) *T {
	x := m[id]
	if x == nil || (project(x) != c.tok.projectID && !c.admin) {
		return nil
	}
	return x
}

// visibleOr404 is visibleIn that answers Cinder's 404 (notFound takes the
// ID) for a resource the caller can not see.
func visibleOr404[T any](c *call, m map[string]*T, id string, project func(*T) string, notFound string) *T {
	x := visibleIn(c, m, id, project)
	if x == nil {
		c.fault(404, notFound, id)
	}
	return x
}

// ownedItems returns the items of m in the caller's project (in every
// project with allTenants) for which keep holds.
func ownedItems[T any](c *call, m map[string]*T, allTenants bool, project func(*T) string, keep func(*T) bool) []*T {
	var items []*T
	for _, x := range m {
		if (allTenants || project(x) == c.tok.projectID) && keep(x) {
			items = append(items, x)
		}
	}
	return items
}

// ownedList is a list endpoint of owned resources with filters, with_count
// and a name sort key that needs microversion 3.<nameSortSince>.
type ownedList[T any] struct {
	nameSortSince int
	filters       []string
	all           map[string]*T
	project       func(*T) string
	match         func(*T, []volumeFilter) bool
	// spec is the listing; its marker and count are filled in.
	spec listSpec[*T]
}

func listOwned[T any](c *call, l ownedList[T]) {
	if !c.at(l.nameSortSince) && c.sortNamed("name") {
		c.fault(400, "Invalid input received: Invalid sort key")
		return
	}
	filters, allTenants, withCount, ok := c.parseFilters(l.filters)
	if !ok {
		return
	}
	items := ownedItems(c, l.all, allTenants, l.project, func(x *T) bool { return l.match(x, filters) })
	spec := l.spec
	spec.count = withCount
	spec.marker = func(id string) (*T, bool) { x := visibleIn(c, l.all, id, l.project); return x, x != nil }
	listItems(c, items, spec)
}

// ownedFields are the fields snapshots and backups share for filters and
// sort keys.
type ownedFields struct {
	id, volumeID, projectID, userID, status string
	name, description                       *string
	size                                    int
	createdAt                               time.Time
	updatedAt                               *time.Time
}

// matches applies a filter on a shared field; any other key matches nothing.
func (o ownedFields) matches(f volumeFilter) bool {
	switch f.key {
	case "name":
		return o.name != nil && matchStr(*o.name, f)
	case "description", "display_description":
		return o.description != nil && matchStr(*o.description, f)
	case "status":
		return matchStr(o.status, f)
	case "volume_id":
		return o.volumeID == f.value
	case "project_id":
		return o.projectID == f.value
	case "user_id":
		return o.userID == f.value
	case "id":
		return o.id == f.value
	}
	return false
}

// sortField is the sort value of a shared field; "" for any other key.
func (o ownedFields) sortField(k string) string {
	switch k {
	case "id":
		return o.id
	case "name":
		return deref(o.name)
	case "description":
		return deref(o.description)
	case "status":
		return o.status
	case "size":
		return sizeKey(o.size)
	case "created_at":
		return o.createdAt.Format(time.RFC3339Nano)
	case "updated_at":
		return fmtTimePtrStr(o.updatedAt)
	case "volume_id":
		return o.volumeID
	case "project_id":
		return o.projectID
	case "user_id":
		return o.userID
	}
	return ""
}

// matchesAll reports whether every filter holds by match.
func matchesAll(filters []volumeFilter, match func(volumeFilter) bool) bool {
	for _, f := range filters {
		if !match(f) {
			return false
		}
	}
	return true
}
