package cindertest

import (
	"fmt"
	"net/http"
	"slices"
	"sort"
	"strings"
	"time"
)

// group is one stored generic volume group; guarded by Server.mu.
type group struct {
	ID, ProjectID, UserID          string
	Name, Description              *string
	Status                         string
	AZ                             string
	TypeID                         string
	VolumeTypes                    []string // volume type IDs
	GroupSnapshotID, SourceGroupID *string
	ReplicationStatus              string
	Host                           string // "" when no backend took it
	CreatedAt                      time.Time
	UpdatedAt                      *time.Time
}

func (st *store) touchGroup(g *group) {
	t := st.now()
	g.UpdatedAt = &t
}

// Generic volume groups (3.13).
func groupRoutes() []route {
	return []route{
		rt("GET", "groups", func(c *call) { c.listGroups(false) }),
		rt("GET", "groups/detail", func(c *call) { c.listGroups(true) }),
		rt("POST", "groups", (*call).createGroup),
		rt("POST", "groups/action", (*call).groupsAction),
		rt("GET", "groups/{id}", (*call).showGroup),
		rt("PUT", "groups/{id}", (*call).updateGroup),
		// Cinder routes DELETE but its controller has no such method.
		rt("DELETE", "groups/{id}", func(c *call) {
			c.fault(500, "The server has either erred or is incapable of performing the requested operation.")
		}),
		rt("POST", "groups/{id}/action", (*call).groupAction),
	}
}

// groupVolumes returns the group's volumes, oldest first.
func (st *store) groupVolumes(id string) []*volume {
	var out []*volume
	for _, v := range st.volumes {
		if v.GroupID != nil && *v.GroupID == id {
			out = append(out, v)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].CreatedAt.Before(out[j].CreatedAt) })
	return out
}

// groupView is the detailed view of a group; volumes adds the volume IDs.
func (c *call) groupView(g *group, volumes bool) map[string]any {
	vts := append([]string{}, g.VolumeTypes...)
	out := map[string]any{"id": g.ID, "status": g.Status, "availability_zone": g.AZ,
		"created_at": fmtTime(g.CreatedAt), "name": strOrNil(g.Name), "description": strOrNil(g.Description),
		"group_type": g.TypeID, "volume_types": vts}
	if c.at(14) {
		out["group_snapshot_id"] = strOrNil(g.GroupSnapshotID)
		out["source_group_id"] = strOrNil(g.SourceGroupID)
	}
	if c.at(25) && volumes {
		ids := []string{}
		for _, v := range c.s.st.groupVolumes(g.ID) {
			ids = append(ids, v.ID)
		}
		out["volumes"] = ids
	}
	if c.at(38) {
		out["replication_status"] = g.ReplicationStatus
	}
	if c.at(58) && c.admin {
		out["project_id"] = g.ProjectID
	}
	return out
}

func groupSummary(g *group) map[string]any {
	return map[string]any{"id": g.ID, "name": strOrNil(g.Name)}
}

// visibleGroup returns the group if the caller may see it.
func (c *call) visibleGroup(id string) *group {
	return visibleIn(c, c.s.st.groups, id, groupProject)
}

func groupProject(g *group) string { return g.ProjectID }

func (c *call) groupOr404(id string) *group {
	return visibleOr404(c, c.s.st.groups, id, groupProject, "Group %s could not be found.")
}

// reservedGroupType answers Cinder's 400 for groups of the type reserved
// for migrated consistency groups.
func (c *call) reservedGroupType(typeID, what string) bool {
	if c.cgAPI {
		return false // the consistency group APIs operate every group
	}
	if t := c.s.st.groupTypes[typeID]; t != nil && t.Name == defaultCGSnapshotType {
		c.fault(400, "Group_type %s is reserved for migrating CGs to groups. %s", typeID, what)
		return true
	}
	return false
}

const reservedGroupMsg = "Migrated group can only be operated by CG APIs."

// listVolume reports whether the request asks for the volume IDs (3.25).
func (c *call) listVolume() bool {
	b, _ := parseBool(c.r.URL.Query().Get("list_volume"))
	return b
}

func (c *call) showGroup() {
	if !c.groupV(13) {
		return
	}
	g := c.groupOr404(c.params[0])
	if g == nil || c.reservedGroupType(g.TypeID, reservedGroupMsg) {
		return
	}
	c.json(http.StatusOK, map[string]any{"group": c.groupView(g, c.listVolume())})
}

var groupSortKeys = []string{"id", "name", "description", "status", "availability_zone", "group_type_id",
	"project_id", "created_at", "updated_at"}

func (c *call) listGroups(detail bool) {
	if !c.groupV(13) {
		return
	}
	// resource_filters.json lists no group filter for non-admins.
	filters, allTenants, _, ok := c.parseFilters(nil, "list_volume")
	if !ok {
		return
	}
	items := ownedItems(c, c.s.st.groups, allTenants, groupProject, func(g *group) bool {
		return groupMatches(g, filters) &&
			c.s.st.groupTypes[g.TypeID] != nil && c.s.st.groupTypes[g.TypeID].Name != defaultCGSnapshotType
	})
	withVolumes := c.listVolume()
	listItems(c, items, listSpec[*group]{path: "groups", key: "groups", linksKey: "group_links", sort: groupSortKeys,
		id: func(g *group) string { return g.ID }, field: groupSortField,
		marker: func(id string) (*group, bool) { g := c.visibleGroup(id); return g, g != nil },
		notFnd: "Group %s could not be found.",
		view: func(g *group) any {
			if detail {
				return c.groupView(g, withVolumes)
			}
			return groupSummary(g)
		}})
}

// groupMatches applies the filters Cinder's database layer knows for
// groups (their columns); any other key matches nothing.
func groupMatches(g *group, filters []volumeFilter) bool {
	for _, f := range filters {
		var ok bool
		switch f.key {
		case "name":
			ok = g.Name != nil && matchStr(*g.Name, f)
		case "description":
			ok = g.Description != nil && matchStr(*g.Description, f)
		case "status":
			ok = matchStr(g.Status, f)
		case "availability_zone":
			ok = matchStr(g.AZ, f)
		case "group_type_id":
			ok = g.TypeID == f.value
		case "id":
			ok = g.ID == f.value
		case "project_id":
			ok = g.ProjectID == f.value
		case "replication_status":
			ok = g.ReplicationStatus == f.value
		}
		if !ok {
			return false
		}
	}
	return true
}

func groupSortField(g *group, k string) string {
	switch k {
	case "id":
		return g.ID
	case "name":
		return deref(g.Name)
	case "description":
		return deref(g.Description)
	case "status":
		return g.Status
	case "availability_zone":
		return g.AZ
	case "group_type_id":
		return g.TypeID
	case "project_id":
		return g.ProjectID
	case "updated_at":
		return fmtTimePtrStr(g.UpdatedAt)
	}
	return g.CreatedAt.Format(time.RFC3339Nano)
}

// groupText validates a name or description: string or null, at most 255.
func (c *call) groupText(body map[string]any, key string) (*string, bool) {
	raw, present := body[key]
	if !present || raw == nil {
		return nil, true
	}
	s, isStr := raw.(string)
	if !isStr {
		c.invalidField(key, raw, pyRepr(raw, true)+" is not of type 'string', 'null'")
		return nil, false
	}
	if len([]rune(s)) > 255 {
		c.invalidField(key, raw, "'"+s+"' is too long")
		return nil, false
	}
	s = strings.TrimSpace(s)
	return &s, true
}

// checkGroupQuota returns Cinder's 413 message for one more group, or "".
func (st *store) checkGroupQuota(project string) string {
	q := st.quota(project)
	if q.Groups >= 0 && st.groupCount(project)+1 > q.Groups {
		return fmt.Sprintf("GroupLimitExceeded: Maximum number of groups allowed (%d) exceeded", q.Groups)
	}
	return ""
}

func (st *store) groupCount(project string) int {
	n := 0
	for _, g := range st.groups {
		if g.ProjectID == project {
			n++
		}
	}
	return n
}

func (c *call) createGroup() {
	if !c.groupV(13) {
		return
	}
	body, ok := c.envelope("group")
	if !ok {
		return
	}
	for _, k := range []string{"group_type", "volume_types"} {
		if _, has := body[k]; !has {
			c.invalidField("group", body, "'"+k+"' is a required property")
			return
		}
	}
	if !c.additional("group", body, []string{"name", "description", "group_type", "volume_types", "availability_zone"}) {
		return
	}
	g := &group{ID: newUUID(), ProjectID: c.tok.projectID, UserID: c.tok.userID, Status: "creating", AZ: "nova",
		ReplicationStatus: "disabled"}
	if g.Name, ok = c.groupText(body, "name"); !ok {
		return
	}
	if g.Description, ok = c.groupText(body, "description"); !ok {
		return
	}
	gtName, isStr := body["group_type"].(string)
	if !isStr {
		c.invalidField("group_type", body["group_type"], pyRepr(body["group_type"], true)+" is not of type 'string'")
		return
	}
	vtNames, ok := c.volumeTypesField(body["volume_types"])
	if !ok {
		return
	}
	az, hasAZ := body["availability_zone"]
	if hasAZ && az != nil {
		if _, isStr := az.(string); !isStr {
			c.invalidField("availability_zone", az, pyRepr(az, true)+" is not of type 'string', 'null'")
			return
		}
	}
	st := c.s.st
	var gt *groupType
	if !isUUID(gtName) {
		if gt = c.groupTypeByName(gtName); gt == nil {
			c.fault(404, "Group type with name %s could not be found.", gtName)
			return
		}
	}
	if gt != nil && c.reservedGroupType(gt.ID, reservedGroupMsg) {
		return
	}
	var vts []*volumeType
	for _, n := range vtNames {
		t := st.typeByNameOrID(n)
		if t == nil {
			if isUUID(n) {
				c.fault(404, "Volume type %s could not be found.", n)
			} else {
				c.fault(404, "Volume type with name %s could not be found.", n)
			}
			return
		}
		vts = append(vts, t)
	}
	if gt == nil {
		if gt = c.visibleGroupType(gtName); gt == nil {
			gt = c.groupTypeByName(gtName)
		}
		if gt == nil {
			c.fault(404, "Group type %s could not be found.", gtName)
			return
		}
		if c.reservedGroupType(gt.ID, reservedGroupMsg) {
			return
		}
	}
	if hasAZ && az != nil && az != "nova" {
		c.fault(400, "Invalid input received: Availability zone '%s' is invalid.", az)
		return
	}
	if msg := st.checkGroupQuota(g.ProjectID); msg != "" {
		c.fault(413, "%s", msg)
		return
	}
	g.TypeID = gt.ID
	placed := true
	for _, t := range vts {
		g.VolumeTypes = append(g.VolumeTypes, t.ID)
		placed = placed && c.s.schedulable(0, t)
	}
	g.CreatedAt = st.now()
	st.groups[g.ID] = g
	final := "available"
	if placed {
		g.Host = defaultHost
	} else {
		final = "error"
	}
	c.later(func() {
		if g.Status == "creating" {
			g.Status = final
			st.touchGroup(g)
		}
	})
	c.json(http.StatusAccepted, map[string]any{"group": groupSummary(g)})
}

// volumeTypesField validates the volume_types array of a group create.
func (c *call) volumeTypesField(raw any) ([]string, bool) {
	list, isList := raw.([]any)
	if !isList {
		c.invalidField("volume_types", raw, pyRepr(raw, true)+" is not of type 'array'")
		return nil, false
	}
	if len(list) == 0 {
		c.invalidField("volume_types", raw, "[] is too short")
		return nil, false
	}
	var out []string
	for _, e := range list {
		s, isStr := e.(string)
		if !isStr {
			c.invalidField("volume_types", raw, pyRepr(e, true)+" is not of type 'string'")
			return nil, false
		}
		if len([]rune(s)) > 255 {
			c.invalidField("volume_types", raw, "'"+s+"' is too long")
			return nil, false
		}
		if slices.Contains(out, s) {
			c.invalidField("volume_types", raw, pyRepr(raw, true)+" has non-unique elements")
			return nil, false
		}
		out = append(out, s)
	}
	return out, true
}

// typeInGroup reports whether a group lists the volume type.
func (st *store) typeInGroup(id string) bool {
	for _, g := range st.groups {
		if slices.Contains(g.VolumeTypes, id) {
			return true
		}
	}
	return false
}
