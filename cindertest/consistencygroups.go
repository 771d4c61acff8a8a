package cindertest

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strings"
)

// Legacy consistency groups and cgsnapshots. Cinder implements them on top
// of generic groups (consistencygroups.py calls group_api): a consistency
// group is a group, created with the default_cgsnapshot_type group type,
// and a cgsnapshot is a group snapshot. The handlers here translate the
// request body, run the group handler with c.cgAPI set, and translate the
// answer's envelope; views are the consistency group ones.
func consistencyGroupRoutes() []route {
	return []route{
		rt("GET", "consistencygroups", func(c *call) { c.listConsistencyGroups(false) }),
		rt("GET", "consistencygroups/detail", func(c *call) { c.listConsistencyGroups(true) }),
		rt("GET", "consistencygroups/{id}", (*call).showConsistencyGroup),
		rt("POST", "consistencygroups", (*call).createConsistencyGroup),
		rt("POST", "consistencygroups/create_from_src", (*call).createConsistencyGroupFromSource),
		rt("POST", "consistencygroups/{id}/delete", (*call).deleteConsistencyGroup),
		rt("PUT", "consistencygroups/{id}/update", (*call).updateConsistencyGroup),
		rt("GET", "cgsnapshots", func(c *call) { c.listCGSnapshots(false) }),
		rt("GET", "cgsnapshots/detail", func(c *call) { c.listCGSnapshots(true) }),
		rt("GET", "cgsnapshots/{id}", (*call).showCGSnapshot),
		rt("POST", "cgsnapshots", (*call).createCGSnapshot),
		rt("DELETE", "cgsnapshots/{id}", (*call).deleteCGSnapshot),
	}
}

func cgView(g *group) map[string]any {
	return map[string]any{"id": g.ID, "status": g.Status, "availability_zone": g.AZ,
		"created_at": fmtTime(g.CreatedAt), "name": strOrNil(g.Name), "description": strOrNil(g.Description),
		"volume_types": append([]string{}, g.VolumeTypes...)}
}

func cgSnapshotView(gs *groupSnapshot) map[string]any {
	return map[string]any{"id": gs.ID, "consistencygroup_id": gs.GroupID, "status": gs.Status,
		"created_at": fmtTime(gs.CreatedAt), "name": strOrNil(gs.Name), "description": strOrNil(gs.Description)}
}

// cgBody reads the {"<envelope>": {...}} body of a consistency group request
// (assert_valid_body: a missing or non-object envelope is a 400).
func (c *call) cgBody(envelope string) (map[string]any, bool) {
	var top map[string]any
	if !c.decode(&top) {
		return nil, false
	}
	body, isObj := top[envelope].(map[string]any)
	if !isObj {
		c.fault(400, "Missing required element '%s' in request body.", envelope)
		return nil, false
	}
	return body, true
}

// asGroupCall runs h as a group handler on body (the translated request
// body), rewriting the answer's top-level key from to into.
func (c *call) asGroupCall(body map[string]any, from, into string, h func(*call)) {
	raw, _ := json.Marshal(body)
	rec := &bufferWriter{header: http.Header{}}
	gc := *c
	gc.w, gc.body, gc.cgAPI = rec, raw, true
	h(&gc)
	out := rec.body.Bytes()
	if from != "" && rec.status < 300 {
		var env map[string]json.RawMessage
		if json.Unmarshal(out, &env) == nil && env[from] != nil {
			out, _ = json.Marshal(map[string]json.RawMessage{into: env[from]})
			rec.header.Set("Content-Length", itoa(len(out)))
		}
	}
	for k, v := range rec.header {
		c.w.Header()[k] = v
	}
	if rec.status == 0 {
		rec.status = http.StatusOK
	}
	c.w.WriteHeader(rec.status)
	_, _ = c.w.Write(bytes.Clone(out))
}

func (c *call) listConsistencyGroups(detail bool) {
	allTenants := c.admin && c.r.URL.Query().Get("all_tenants") != "" && c.r.URL.Query().Get("all_tenants") != "0"
	items := ownedItems(c, c.s.st.groups, allTenants, groupProject, func(*group) bool { return true })
	listItems(c, items, listSpec[*group]{path: "consistencygroups", key: "consistencygroups",
		linksKey: "consistencygroup_links", sort: groupSortKeys,
		id: func(g *group) string { return g.ID }, field: groupSortField,
		marker: func(id string) (*group, bool) { g := c.visibleGroup(id); return g, g != nil },
		notFnd: "Group %s could not be found.",
		view: func(g *group) any {
			if detail {
				return cgView(g)
			}
			return groupSummary(g)
		}})
}

func (c *call) showConsistencyGroup() {
	if g := c.groupOr404(c.params[0]); g != nil {
		c.json(http.StatusOK, map[string]any{"consistencygroup": cgView(g)})
	}
}

func (c *call) createConsistencyGroup() {
	body, ok := c.cgBody("consistencygroup")
	if !ok {
		return
	}
	vts, _ := body["volume_types"].(string)
	if vts == "" {
		c.fault(400, "volume_types must be provided to create consistency group %s.", pyRepr(body["name"], false))
		return
	}
	var cgType string
	for _, gt := range c.s.st.groupTypes {
		if gt.Name == defaultCGSnapshotType {
			cgType = gt.ID
		}
	}
	names := []any{}
	for _, n := range strings.Split(strings.TrimRight(vts, ","), ",") {
		names = append(names, n)
	}
	g := map[string]any{"group_type": cgType, "volume_types": names}
	for _, k := range []string{"name", "description", "availability_zone"} {
		if v, has := body[k]; has {
			g[k] = v
		}
	}
	c.asGroupCall(map[string]any{"group": g}, "group", "consistencygroup", (*call).createGroup)
}

func (c *call) createConsistencyGroupFromSource() {
	body, ok := c.cgBody("consistencygroup-from-src")
	if !ok {
		return
	}
	snapID, _ := body["cgsnapshot_id"].(string)
	srcID, _ := body["source_cgid"].(string)
	name := pyRepr(body["name"], false)
	switch {
	case snapID == "" && srcID == "":
		c.fault(400, "Either 'cgsnapshot_id' or 'source_cgid' must be provided to create consistency group %s from source.", name)
		return
	case snapID != "" && srcID != "":
		c.fault(400, "Cannot provide both 'cgsnapshot_id' and 'source_cgid' to create consistency group %s from source.", name)
		return
	}
	g := map[string]any{}
	for _, k := range []string{"name", "description"} {
		if v, has := body[k]; has {
			g[k] = v
		}
	}
	if snapID != "" {
		g["group_snapshot_id"] = snapID
	} else {
		g["source_group_id"] = srcID
	}
	c.asGroupCall(nil, "group", "consistencygroup", func(gc *call) { gc.createGroupFromSource(g) })
}

func (c *call) deleteConsistencyGroup() {
	force := false
	if len(bytes.TrimSpace(c.body)) > 0 {
		body, ok := c.cgBody("consistencygroup")
		if !ok {
			return
		}
		switch v := body["force"].(type) {
		case nil:
		case bool:
			force = v
		case string:
			b, ok := parseBool(v)
			if !ok {
				c.fault(400, "Invalid value '%s' for force.", v)
				return
			}
			force = b
		default:
			c.fault(400, "Invalid value '%s' for force.", pyRepr(v, false))
			return
		}
	}
	c.asGroupCall(nil, "", "", func(gc *call) { gc.deleteGroup(force) })
}

func (c *call) updateConsistencyGroup() {
	if len(bytes.TrimSpace(c.body)) == 0 {
		c.fault(400, "Missing request body.")
		return
	}
	body, ok := c.cgBody("consistencygroup")
	if !ok {
		return
	}
	empty := true
	for _, k := range []string{"name", "description", "add_volumes", "remove_volumes"} {
		if s, _ := body[k].(string); s != "" {
			empty = false
		}
	}
	if empty {
		if c.groupOr404(c.params[0]) != nil {
			c.fault(400, "Name, description, add_volumes, and remove_volumes can not be all empty in the request body.")
		}
		return
	}
	c.asGroupCall(map[string]any{"group": body}, "", "", (*call).updateGroup)
}

func (c *call) listCGSnapshots(detail bool) {
	allTenants := c.admin && c.r.URL.Query().Get("all_tenants") != "" && c.r.URL.Query().Get("all_tenants") != "0"
	items := ownedItems(c, c.s.st.groupSnaps, allTenants, groupSnapshotProject, func(*groupSnapshot) bool { return true })
	listItems(c, items, listSpec[*groupSnapshot]{path: "cgsnapshots", key: "cgsnapshots",
		linksKey: "cgsnapshot_links", sort: groupSnapshotSortKeys,
		id: func(gs *groupSnapshot) string { return gs.ID }, field: groupSnapshotSortField,
		marker: func(id string) (*groupSnapshot, bool) { gs := c.visibleGroupSnapshot(id); return gs, gs != nil },
		notFnd: "GroupSnapshot %s could not be found.",
		view: func(gs *groupSnapshot) any {
			if detail {
				return cgSnapshotView(gs)
			}
			return map[string]any{"id": gs.ID, "name": strOrNil(gs.Name)}
		}})
}

func (c *call) showCGSnapshot() {
	if gs := c.groupSnapshotOr404(c.params[0]); gs != nil {
		c.json(http.StatusOK, map[string]any{"cgsnapshot": cgSnapshotView(gs)})
	}
}

func (c *call) createCGSnapshot() {
	body, ok := c.cgBody("cgsnapshot")
	if !ok {
		return
	}
	gid, _ := body["consistencygroup_id"].(string)
	if gid == "" {
		c.fault(400, "'consistencygroup_id' must be specified")
		return
	}
	gs := map[string]any{"group_id": gid}
	for _, k := range []string{"name", "description"} {
		if v, has := body[k]; has {
			gs[k] = v
		}
	}
	c.asGroupCall(map[string]any{"group_snapshot": gs}, "group_snapshot", "cgsnapshot", (*call).createGroupSnapshot)
}

func (c *call) deleteCGSnapshot() {
	c.asGroupCall(nil, "", "", (*call).deleteGroupSnapshot)
}
