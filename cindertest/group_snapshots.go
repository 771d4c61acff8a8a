package cindertest

import (
	"net/http"
	"slices"
	"strings"
	"time"
)

// groupSnapshot is one stored group snapshot; guarded by Server.mu.
type groupSnapshot struct {
	ID, GroupID, TypeID, ProjectID, UserID string
	Name, Description                      *string
	Status                                 string
	CreatedAt                              time.Time
	UpdatedAt                              *time.Time
}

// groupSnapshotStatuses are the statuses reset_status accepts, in Cinder's order.
var groupSnapshotStatuses = []string{"error", "available", "creating", "deleting", "deleted", "updating", "error_deleting"}

// Group snapshots (3.14).
func groupSnapshotRoutes() []route {
	return []route{
		rt("GET", "group_snapshots", func(c *call) { c.listGroupSnapshots(false) }),
		rt("GET", "group_snapshots/detail", func(c *call) { c.listGroupSnapshots(true) }),
		rt("POST", "group_snapshots", (*call).createGroupSnapshot),
		rt("GET", "group_snapshots/{id}", (*call).showGroupSnapshot),
		// Cinder routes PUT to its action dispatcher, which knows no "update".
		rt("PUT", "group_snapshots/{id}", func(c *call) { c.noSuchAction("update") }),
		rt("DELETE", "group_snapshots/{id}", (*call).deleteGroupSnapshot),
		rt("POST", "group_snapshots/{id}/action", (*call).groupSnapshotAction),
	}
}

func (c *call) groupSnapshotView(gs *groupSnapshot) map[string]any {
	out := map[string]any{"id": gs.ID, "group_id": gs.GroupID, "group_type_id": gs.TypeID, "status": gs.Status,
		"created_at": fmtTime(gs.CreatedAt), "name": strOrNil(gs.Name), "description": strOrNil(gs.Description)}
	if c.at(58) && c.admin {
		out["project_id"] = gs.ProjectID
	}
	return out
}

func (c *call) visibleGroupSnapshot(id string) *groupSnapshot {
	return visibleIn(c, c.s.st.groupSnaps, id, groupSnapshotProject)
}

func groupSnapshotProject(gs *groupSnapshot) string { return gs.ProjectID }

func (c *call) groupSnapshotOr404(id string) *groupSnapshot {
	return visibleOr404(c, c.s.st.groupSnaps, id, groupSnapshotProject, "GroupSnapshot %s could not be found.")
}

const reservedSnapshotMsg = "Migrated group snapshots can only be operated by CG snapshot APIs."

func (c *call) showGroupSnapshot() {
	if !c.groupV(14) {
		return
	}
	gs := c.groupSnapshotOr404(c.params[0])
	if gs == nil || c.reservedGroupType(gs.TypeID, reservedSnapshotMsg) {
		return
	}
	c.json(http.StatusOK, map[string]any{"group_snapshot": c.groupSnapshotView(gs)})
}

// groupSnapshotFilters are the non-admin filters of Cinder's default
// resource_filters.json.
var groupSnapshotFilters = []string{"status", "group_id"}

var groupSnapshotSortKeys = []string{"id", "name", "description", "status", "group_id", "group_type_id",
	"project_id", "created_at", "updated_at"}

func (c *call) listGroupSnapshots(detail bool) {
	if !c.groupV(14) {
		return
	}
	st := c.s.st
	view := func(gs *groupSnapshot) any {
		if detail {
			return c.groupSnapshotView(gs)
		}
		return map[string]any{"id": gs.ID, "name": strOrNil(gs.Name)}
	}
	visible := func(gs *groupSnapshot) bool {
		t := st.groupTypes[gs.TypeID]
		return t == nil || t.Name != defaultCGSnapshotType
	}
	if !c.at(29) {
		c.listGroupSnapshotsUnpaged(visible, view)
		return
	}
	filters, allTenants, _, ok := c.parseFilters(groupSnapshotFilters)
	if !ok {
		return
	}
	items := ownedItems(c, st.groupSnaps, allTenants, groupSnapshotProject, func(gs *groupSnapshot) bool {
		return visible(gs) && groupSnapshotMatches(gs, filters)
	})
	listItems(c, items, listSpec[*groupSnapshot]{path: "group_snapshots", key: "group_snapshots",
		linksKey: "group_snapshot_links", sort: groupSnapshotSortKeys,
		id: func(gs *groupSnapshot) string { return gs.ID }, field: groupSnapshotSortField,
		marker: func(id string) (*groupSnapshot, bool) { gs := c.visibleGroupSnapshot(id); return gs, gs != nil },
		notFnd: "GroupSnapshot %s could not be found.", view: view})
}

// listGroupSnapshotsUnpaged is the list before 3.29: Cinder reads no query
// parameter, yet still adds a next link when the request's limit (or the
// maximum) is not above the number of items.
func (c *call) listGroupSnapshotsUnpaged(visible func(*groupSnapshot) bool, view func(*groupSnapshot) any) {
	var items []*groupSnapshot
	for _, gs := range c.s.st.groupSnaps {
		if gs.ProjectID == c.tok.projectID && visible(gs) {
			items = append(items, gs)
		}
	}
	sortItems(items, page{keys: []string{"created_at", "id"}, dirs: []string{"desc", "desc"}}, groupSnapshotSortField)
	list := []any{}
	for _, gs := range items {
		list = append(list, view(gs))
	}
	out := map[string]any{"group_snapshots": list}
	limit := c.s.opts.MaxLimit
	if raw := c.r.URL.Query().Get("limit"); raw != "" {
		limit = min(atoiOr(raw, limit), limit)
	}
	if len(items) > 0 && limit <= len(items) {
		out["group_snapshot_links"] = c.nextLink("group_snapshots", page{limit: len(items)}, len(items),
			items[len(items)-1].ID)
	}
	c.json(http.StatusOK, out)
}

func groupSnapshotMatches(gs *groupSnapshot, filters []volumeFilter) bool {
	for _, f := range filters {
		var ok bool
		switch f.key {
		case "name":
			ok = gs.Name != nil && matchStr(*gs.Name, f)
		case "description":
			ok = gs.Description != nil && matchStr(*gs.Description, f)
		case "status":
			ok = matchStr(gs.Status, f)
		case "group_id":
			ok = gs.GroupID == f.value
		case "group_type_id":
			ok = gs.TypeID == f.value
		case "id":
			ok = gs.ID == f.value
		case "project_id":
			ok = gs.ProjectID == f.value
		}
		if !ok {
			return false
		}
	}
	return true
}

func groupSnapshotSortField(gs *groupSnapshot, k string) string {
	switch k {
	case "id":
		return gs.ID
	case "name":
		return deref(gs.Name)
	case "description":
		return deref(gs.Description)
	case "status":
		return gs.Status
	case "group_id":
		return gs.GroupID
	case "group_type_id":
		return gs.TypeID
	case "project_id":
		return gs.ProjectID
	case "updated_at":
		return fmtTimePtrStr(gs.UpdatedAt)
	}
	return gs.CreatedAt.Format(time.RFC3339Nano)
}

func (c *call) createGroupSnapshot() {
	if !c.groupV(14) {
		return
	}
	body, ok := c.envelope("group_snapshot")
	if !ok {
		return
	}
	if _, has := body["group_id"]; !has {
		c.invalidField("group_snapshot", body, "'group_id' is a required property")
		return
	}
	if !c.additional("group_snapshot", body, []string{"group_id", "name", "description"}) {
		return
	}
	gid, isStr := body["group_id"].(string)
	if !isStr || !isUUID(gid) {
		c.invalidField("group_id", body["group_id"], pyRepr(body["group_id"], true)+" is not a 'uuid'")
		return
	}
	gs := &groupSnapshot{ID: newUUID(), ProjectID: c.tok.projectID, UserID: c.tok.userID, Status: "creating"}
	if gs.Name, ok = c.groupText(body, "name"); !ok {
		return
	}
	if gs.Description, ok = c.groupText(body, "description"); !ok {
		return
	}
	g := c.groupOr404(gid)
	if g == nil || c.reservedGroupType(g.TypeID, reservedSnapshotMsg) {
		return
	}
	st := c.s.st
	vols := st.groupVolumes(g.ID)
	for _, v := range vols {
		var why string
		switch {
		case v.Host == "":
			why = "The snapshot cannot be created because volume has not been scheduled to any host."
		case v.Status == "maintenance":
			why = "The snapshot cannot be created when the volume is in maintenance mode."
		case v.MigrationStatus != nil && *v.MigrationStatus == "migrating":
			why = "Snapshot cannot be created while volume is migrating."
		case v.Status == "error":
			why = "The snapshot cannot be created when the volume is in error status."
		}
		if why != "" {
			c.invalidVolume("%s", why)
			return
		}
	}
	if msg := st.checkSnapshotsQuota(g.ProjectID, vols); msg != "" {
		c.fault(413, "%s", msg)
		return
	}
	gs.GroupID, gs.TypeID, gs.CreatedAt = g.ID, g.TypeID, st.now()
	st.groupSnaps[gs.ID] = gs
	var members []*snapshot
	for _, v := range vols {
		s := &snapshot{ID: newUUID(), VolumeID: v.ID, ProjectID: v.ProjectID, UserID: c.tok.userID,
			Status: "creating", Progress: "0%", Name: gs.Name, Description: gs.Description, Size: v.Size,
			Metadata: map[string]string{}, GroupSnapshotID: &gs.ID, ConsumesQuota: true, CreatedAt: st.now()}
		st.snapshots[s.ID] = s
		members = append(members, s)
	}
	c.later(func() {
		for _, s := range members {
			if s.Status == "creating" {
				s.Status, s.Progress = "available", "100%"
				st.touchSnapshot(s)
			}
		}
		if gs.Status == "creating" {
			gs.Status = "available"
			st.touchGroupSnapshot(gs)
		}
	})
	c.json(http.StatusAccepted, map[string]any{"group_snapshot": map[string]any{"id": gs.ID,
		"name": strOrNil(gs.Name), "group_type_id": gs.TypeID}})
}

func (st *store) touchGroupSnapshot(gs *groupSnapshot) {
	t := st.now()
	gs.UpdatedAt = &t
}

// checkSnapshotsQuota returns Cinder's 413 message for one snapshot of
// each volume, or "".
func (st *store) checkSnapshotsQuota(project string, vols []*volume) string {
	gigs := 0
	for _, v := range vols {
		gigs += v.Size
	}
	if len(vols) == 0 {
		return ""
	}
	if msg := st.checkQuota(project, "", 0, gigs); msg != "" {
		return msg
	}
	q := st.quota(project)
	if _, _, n := st.usage(project); q.Snapshots >= 0 && n+len(vols) > q.Snapshots {
		return "SnapshotLimitExceeded: Maximum number of snapshots allowed (" + itoa(q.Snapshots) + ") exceeded"
	}
	return ""
}

// snapshotsOfGroupSnapshot returns the member snapshots of a group snapshot.
func (st *store) snapshotsOfGroupSnapshot(id string) []*snapshot {
	var out []*snapshot
	for _, s := range st.snapshots {
		if s.GroupSnapshotID != nil && *s.GroupSnapshotID == id {
			out = append(out, s)
		}
	}
	slices.SortFunc(out, func(a, b *snapshot) int { return a.CreatedAt.Compare(b.CreatedAt) })
	return out
}

func (c *call) deleteGroupSnapshot() {
	if !c.groupV(14) {
		return
	}
	gs := c.groupSnapshotOr404(c.params[0])
	if gs == nil || c.reservedGroupType(gs.TypeID, reservedSnapshotMsg) {
		return
	}
	st := c.s.st
	busy := false
	for _, g := range st.groups {
		busy = busy || (g.Status == "creating" && g.GroupSnapshotID != nil && *g.GroupSnapshotID == gs.ID)
	}
	if (gs.Status != "available" && gs.Status != "error") || busy {
		c.fault(400, "Invalid GroupSnapshot: GroupSnapshot status must be available or error, and no Group can be "+
			"currently using it as source for its creation.")
		return
	}
	members := st.snapshotsOfGroupSnapshot(gs.ID)
	for _, s := range members {
		s.Status = "deleting"
		st.touchSnapshot(s)
	}
	gs.Status = "deleting"
	st.touchGroupSnapshot(gs)
	c.later(func() {
		for _, s := range members {
			if s.Status == "deleting" {
				delete(st.snapshots, s.ID)
			}
		}
		if gs.Status == "deleting" {
			delete(st.groupSnaps, gs.ID)
		}
	})
	c.accepted()
}

func (c *call) groupSnapshotAction() {
	name, raw, ok := c.actionBody()
	if !ok {
		return
	}
	if name != "reset_status" {
		c.noSuchAction(name)
		return
	}
	if !c.groupV(19) {
		return
	}
	body, ok := c.objectBody(name, raw, "status")
	if !ok || !c.required(name, body, "status") {
		return
	}
	status, isStr := body["status"].(string)
	switch {
	case !isStr:
		c.invalidField("status", body["status"], pyRepr(body["status"], true)+" is not of type 'string'")
		return
	case status == "":
		c.fault(400, "Invalid GroupSnapshot Status: The 'status' can not be empty.")
		return
	case !slices.Contains(groupSnapshotStatuses, strings.ToLower(status)):
		c.fault(400, "Invalid GroupSnapshot Status: Group snapshot status: %s is invalid, valid statuses are: %s.",
			status, pyTuple(groupSnapshotStatuses))
		return
	}
	gs := c.groupSnapshotOr404(c.params[0])
	if gs == nil || !c.requireAdmin("group:reset_group_snapshot_status") {
		return
	}
	gs.Status = strings.ToLower(status)
	c.s.st.touchGroupSnapshot(gs)
	c.accepted()
}
