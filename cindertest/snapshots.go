package cindertest

import (
	"fmt"
	"net/http"
	"slices"
	"time"
)

// snapshot is one stored volume snapshot; guarded by Server.mu.
type snapshot struct {
	ID, VolumeID, ProjectID, UserID string
	Status, Progress                string
	Name, Description               *string
	Size                            int
	Metadata                        map[string]string
	GroupSnapshotID                 *string
	ConsumesQuota                   bool
	CreatedAt                       time.Time
	UpdatedAt                       *time.Time
	ProviderRef                     string // set by manage
}

func (st *store) touchSnapshot(s *snapshot) {
	t := st.now()
	s.UpdatedAt = &t
}

func snapshotRoutes() []route {
	rs := []route{
		rt("GET", "snapshots", func(c *call) { c.listSnapshots(false) }),
		rt("GET", "snapshots/detail", func(c *call) { c.listSnapshots(true) }),
		rt("POST", "snapshots", (*call).createSnapshot),
		rt("GET", "snapshots/{id}", (*call).showSnapshot),
		rt("PUT", "snapshots/{id}", (*call).updateSnapshot),
		rt("DELETE", "snapshots/{id}", (*call).deleteSnapshot),
		rt("POST", "snapshots/{id}/action", (*call).snapshotAction),
		rt("GET", "manageable_snapshots", func(c *call) { c.listManageableSnapshots(false) }),
		rt("GET", "manageable_snapshots/detail", func(c *call) { c.listManageableSnapshots(true) }),
		rt("POST", "manageable_snapshots", func(c *call) {
			if !c.at(8) {
				c.notFound()
				return
			}
			c.manageSnapshot()
		}),
		rt("POST", "os-snapshot-manage", (*call).manageSnapshot),
	}
	return append(rs, metadataRoutesFor("snapshots", func(c *call) (metaOwner, bool) {
		s := c.snapshotOr404(c.params[0])
		if s == nil {
			return metaOwner{}, false
		}
		return metaOwner{kind: "Snapshot", id: s.ID, md: &s.Metadata, touch: func() { c.s.st.touchSnapshot(s) }}, true
	})...)
}

// snapshotView is the snapshot as Cinder shows it; ext adds the
// os-extended-snapshot-attributes of show and detail lists.
func (c *call) snapshotView(s *snapshot, ext bool) map[string]any {
	md := map[string]string{}
	for k, v := range s.Metadata {
		md[k] = v
	}
	out := map[string]any{"id": s.ID, "created_at": fmtTime(s.CreatedAt), "updated_at": fmtTimePtr(s.UpdatedAt),
		"name": strOrNil(s.Name), "description": strOrNil(s.Description), "volume_id": s.VolumeID,
		"status": s.Status, "size": s.Size, "metadata": md}
	if c.at(14) {
		out["group_snapshot_id"] = strOrNil(s.GroupSnapshotID)
	}
	if c.at(41) {
		out["user_id"] = s.UserID
	}
	if c.at(65) {
		out["consumes_quota"] = s.ConsumesQuota
	}
	if ext {
		out["os-extended-snapshot-attributes:project_id"] = s.ProjectID
		out["os-extended-snapshot-attributes:progress"] = s.Progress
	}
	return out
}

var snapshotFilters = []string{"name", "status", "volume_id", "metadata", "availability_zone"}

var snapshotSortKeys = []string{"id", "name", "status", "size", "created_at", "updated_at", "volume_id",
	"project_id", "user_id", "description"}

func (c *call) listSnapshots(detail bool) {
	path := "snapshots"
	if detail {
		path = "snapshots/detail"
	}
	listOwned(c, ownedList[snapshot]{nameSortSince: 30, filters: snapshotFilters, all: c.s.st.snapshots,
		project: snapshotProject, match: c.snapshotMatches,
		spec: listSpec[*snapshot]{path: path, key: "snapshots", sort: snapshotSortKeys,
			id: func(s *snapshot) string { return s.ID }, field: snapshotSortField,
			notFnd: "Snapshot %s could not be found.", view: func(s *snapshot) any { return c.snapshotView(s, detail) }}})
}

func snapshotProject(s *snapshot) string { return s.ProjectID }

func snapshotFields(s *snapshot) ownedFields {
	return ownedFields{id: s.ID, volumeID: s.VolumeID, projectID: s.ProjectID, userID: s.UserID, status: s.Status,
		name: s.Name, description: s.Description, size: s.Size, createdAt: s.CreatedAt, updatedAt: s.UpdatedAt}
}

func (c *call) snapshotMatches(s *snapshot, filters []volumeFilter) bool {
	return matchesAll(filters, func(f volumeFilter) bool {
		switch f.key {
		case "availability_zone":
			return f.value == "nova"
		case "metadata":
			return c.at(22) && matchMetadata(s.Metadata, f.value)
		case "group_snapshot_id":
			return s.GroupSnapshotID != nil && *s.GroupSnapshotID == f.value
		case "consumes_quota":
			b, valid := parseBool(f.value)
			return valid && s.ConsumesQuota == b
		}
		return snapshotFields(s).matches(f)
	})
}

func snapshotSortField(s *snapshot, k string) string {
	return snapshotFields(s).sortField(k)
}

var snapshotCreateKeys = []string{"name", "description", "display_name", "display_description", "volume_id",
	"force", "metadata"}

func (c *call) additional(envelope string, body map[string]any, allowed []string) bool {
	for _, k := range orderedKeys(body) {
		if !slices.Contains(allowed, k) {
			c.invalidField(envelope, body, fmt.Sprintf("Additional properties are not allowed ('%s' was unexpected)", k))
			return false
		}
	}
	return true
}

func (c *call) createSnapshot() {
	body, ok := c.envelope("snapshot")
	if !ok || !c.required("snapshot", body, "volume_id") || !c.additional("snapshot", body, snapshotCreateKeys) {
		return
	}
	vid, _ := body["volume_id"].(string)
	if !isUUID(vid) {
		c.invalidField("volume_id", body["volume_id"], pyRepr(body["volume_id"], true)+" is not valid under any of the given schemas")
		return
	}
	s := &snapshot{ID: newUUID(), Status: "creating", Progress: "0%", UserID: c.tok.userID,
		Metadata: map[string]string{}, ConsumesQuota: true}
	if s.Name, ok = c.textField(body, "name", "display_name"); !ok {
		return
	}
	if s.Description, ok = c.textField(body, "description", "display_description"); !ok {
		return
	}
	if raw, present := body["metadata"]; present && raw != nil {
		if s.Metadata, ok = c.metadataField(raw, "metadata"); !ok {
			return
		}
	}
	raw, hasForce := body["force"]
	force := false
	if hasForce {
		if force, ok = jsonBool(raw); !ok {
			c.invalidField("force", raw, fmt.Sprintf("%s is not one of %s", pyRepr(raw, true), boolEnum))
			return
		}
	}
	v := c.volumeOr404(vid)
	if v == nil {
		return
	}
	if c.at(66) {
		if hasForce && !force {
			c.fault(400, "Since microversion 3.66 the 'force' flag is invalid for this request.  For backward "+
				"compatability, however, when the 'force' flag is passed with a value evaluating to True, it is silently ignored.")
			return
		}
		force = true
	}
	switch {
	case v.Host == "":
		c.invalidVolume("volume is not assigned to a host")
		return
	case v.Status == "error":
		c.invalidVolume("The snapshot cannot be created when the volume is in error status.")
		return
	case v.Status == "maintenance":
		c.invalidVolume("The snapshot cannot be created when the volume is in maintenance mode.")
		return
	case v.MigrationStatus != nil && *v.MigrationStatus == "migrating":
		c.invalidVolume("Snapshot cannot be created while volume is migrating.")
		return
	case !force && v.Status != "available":
		c.invalidVolume("Volume %s status must be available, but current status is: %s.", v.ID, v.Status)
		return
	case force && v.Status != "available" && v.Status != "in-use":
		c.invalidVolume("Volume %s status must be available or in-use, but current status is: %s.", v.ID, v.Status)
		return
	}
	st := c.s.st
	if msg := st.checkSnapshotQuota(v.ProjectID, v.TypeID, v.Size); msg != "" {
		c.fault(413, "%s", msg)
		return
	}
	s.VolumeID, s.ProjectID, s.Size, s.CreatedAt = v.ID, v.ProjectID, v.Size, st.now()
	st.snapshots[s.ID] = s
	c.later(func() {
		if s.Status == "creating" {
			s.Status, s.Progress = "available", "100%"
			st.touchSnapshot(s)
		}
	})
	c.json(http.StatusAccepted, map[string]any{"snapshot": c.snapshotView(s, false)})
}

// checkSnapshotQuota returns Cinder's 413 message for one more snapshot of gigs GiB, or "".
func (st *store) checkSnapshotQuota(project, typeID string, gigs int) string {
	if msg := st.checkQuota(project, typeID, 0, gigs); msg != "" {
		return msg
	}
	q := st.quota(project)
	over := func(limit int) string {
		return fmt.Sprintf("SnapshotLimitExceeded: Maximum number of snapshots allowed (%d) exceeded", limit)
	}
	if _, _, n := st.usage(project); q.Snapshots >= 0 && n+1 > q.Snapshots {
		return over(q.Snapshots)
	}
	if t := st.types[typeID]; t != nil {
		if l := st.typeLimit(project, "snapshots", t.ID); l >= 0 && st.typeUsage(project, t.ID)["snapshots"]+1 > l {
			return over(l)
		}
	}
	return ""
}

func (c *call) snapshotOr404(id string) *snapshot {
	return visibleOr404(c, c.s.st.snapshots, id, snapshotProject, "Snapshot %s could not be found.")
}

func (c *call) showSnapshot() {
	if s := c.snapshotOr404(c.params[0]); s != nil {
		c.json(http.StatusOK, map[string]any{"snapshot": c.snapshotView(s, true)})
	}
}

func (c *call) updateSnapshot() {
	body, ok := c.envelope("snapshot")
	if !ok {
		return
	}
	if len(body) == 0 {
		c.invalidField("snapshot", body, "{} is not valid under any of the given schemas")
		return
	}
	if !c.additional("snapshot", body, []string{"name", "description", "display_name", "display_description"}) {
		return
	}
	name, ok := c.textField(body, "name", "display_name")
	if !ok {
		return
	}
	desc, ok := c.textField(body, "description", "display_description")
	if !ok {
		return
	}
	s := c.snapshotOr404(c.params[0])
	if s == nil {
		return
	}
	// Cinder answers with the snapshot as read before the update was saved,
	// so updated_at is the previous one.
	view := c.snapshotView(s, false)
	if _, p := body["name"]; p || body["display_name"] != nil {
		s.Name = name
		view["name"] = strOrNil(name)
	}
	if _, p := body["description"]; p || body["display_description"] != nil {
		s.Description = desc
		view["description"] = strOrNil(desc)
	}
	c.s.st.touchSnapshot(s)
	c.json(http.StatusOK, map[string]any{"snapshot": view})
}

func (c *call) deleteSnapshot() {
	s := c.snapshotOr404(c.params[0])
	if s == nil {
		return
	}
	if (s.Status != "available" && s.Status != "error") || s.GroupSnapshotID != nil {
		c.fault(400, "Invalid snapshot: Snapshot status must be available or error and must not be part of a group.")
		return
	}
	c.removeSnapshot(s, "deleting")
	c.accepted()
}

// removeSnapshot puts s into transient and deletes it at the next settle.
func (c *call) removeSnapshot(s *snapshot, transient string) {
	st := c.s.st
	s.Status = transient
	st.touchSnapshot(s)
	c.later(func() {
		if s.Status == transient {
			delete(st.snapshots, s.ID)
		}
	})
}
