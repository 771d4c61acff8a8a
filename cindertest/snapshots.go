package cindertest

import "net/http"

// Minimal snapshots (create/show/delete) so that revert, cascade delete and
// create-from-snapshot can be exercised; the full resource comes later.
func snapshotRoutes() []route {
	return []route{
		rt("POST", "snapshots", (*call).createSnapshot),
		rt("GET", "snapshots/{id}", (*call).showSnapshot),
		rt("DELETE", "snapshots/{id}", (*call).deleteSnapshot),
	}
}

func (c *call) snapshotView(s *snapshot) map[string]any {
	return map[string]any{"id": s.ID, "volume_id": s.VolumeID, "status": s.Status, "size": s.Size,
		"name": s.Name, "description": nil, "created_at": fmtTime(s.CreatedAt), "updated_at": nil,
		"metadata": map[string]string{}}
}

func (c *call) createSnapshot() {
	body, ok := c.envelope("snapshot")
	if !ok || !c.required("snapshot", body, "volume_id") {
		return
	}
	vid, _ := body["volume_id"].(string)
	v := c.volumeOr404(vid)
	if v == nil {
		return
	}
	force, _ := jsonBool(body["force"])
	if v.Status != "available" && !(v.Status == "in-use" && (force || c.at(66))) {
		c.invalidVolume("Volume %s status must be available, but current status is: %s.", v.ID, v.Status)
		return
	}
	st := c.s.st
	q := st.quota(v.ProjectID)
	if _, _, n := st.usage(v.ProjectID); q.Snapshots >= 0 && n+1 > q.Snapshots {
		c.fault(413, "SnapshotLimitExceeded: Maximum number of snapshots allowed (%d) exceeded", q.Snapshots)
		return
	}
	if msg := st.checkQuota(v.ProjectID, 0, v.Size); msg != "" {
		c.fault(413, "%s", msg)
		return
	}
	name, _ := body["name"].(string)
	s := &snapshot{ID: newUUID(), VolumeID: v.ID, ProjectID: v.ProjectID, Status: "available",
		Name: name, Size: v.Size, CreatedAt: st.now()}
	st.snapshots[s.ID] = s
	c.json(http.StatusAccepted, map[string]any{"snapshot": c.snapshotView(s)})
}

func (c *call) snapshotOr404(id string) *snapshot {
	s := c.s.st.snapshots[id]
	if s == nil || (s.ProjectID != c.tok.projectID && !c.admin) {
		c.fault(404, "Snapshot %s could not be found.", id)
		return nil
	}
	return s
}

func (c *call) showSnapshot() {
	if s := c.snapshotOr404(c.params[0]); s != nil {
		c.json(http.StatusOK, map[string]any{"snapshot": c.snapshotView(s)})
	}
}

func (c *call) deleteSnapshot() {
	if s := c.snapshotOr404(c.params[0]); s != nil {
		delete(c.s.st.snapshots, s.ID)
		c.accepted()
	}
}
