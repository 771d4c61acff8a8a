package cindertest

import (
	"net/http"
	"strings"
)

// createGroupFromSource makes a group with a copy of every volume of a
// group snapshot or of a source group (create-from-src, 3.14); body was
// validated by groupsAction.
func (c *call) createGroupFromSource(body map[string]any) {
	st := c.s.st
	g := &group{ID: newUUID(), ProjectID: c.tok.projectID, UserID: c.tok.userID, Status: "creating", AZ: "nova",
		ReplicationStatus: "disabled"}
	var ok bool
	if g.Name, ok = c.groupText(body, "name"); !ok {
		return
	}
	if g.Description, ok = c.groupText(body, "description"); !ok {
		return
	}
	var src *group
	var snaps []*snapshot
	if id, _ := body["group_snapshot_id"].(string); id != "" {
		gs := c.groupSnapshotOr404(id)
		if gs == nil || c.reservedGroupType(gs.TypeID, reservedGroupMsg) {
			return
		}
		if src = c.groupOr404(gs.GroupID); src == nil {
			return
		}
		g.GroupSnapshotID = &gs.ID
		snaps = st.snapshotsOfGroupSnapshot(gs.ID)
	} else {
		id, _ := body["source_group_id"].(string)
		if src = c.groupOr404(id); src == nil || c.reservedGroupType(src.TypeID, reservedGroupMsg) {
			return
		}
		g.SourceGroupID = &src.ID
	}
	if msg := st.checkGroupQuota(g.ProjectID); msg != "" {
		c.fault(413, "%s", msg)
		return
	}
	g.TypeID, g.VolumeTypes, g.Host, g.AZ = src.TypeID, append([]string{}, src.VolumeTypes...), src.Host, src.AZ
	if g.Host == "" {
		c.fault(400, "Invalid Group: No valid host to create group %s.", g.ID)
		return
	}
	// Each copy is a volume of the source's size and type.
	type copySpec struct {
		size           int
		typeID         string
		snapID, srcVol *string
	}
	var copies []copySpec
	if g.GroupSnapshotID != nil {
		if len(snaps) == 0 {
			c.fault(400, "Invalid Group: Group snapshot is empty. No group will be created.")
			return
		}
		for _, s := range snaps {
			typeID := ""
			if v := st.volumes[s.VolumeID]; v != nil {
				typeID = v.TypeID
			}
			copies = append(copies, copySpec{size: s.Size, typeID: typeID, snapID: ptr(s.ID)})
		}
	} else {
		vols := st.groupVolumes(src.ID)
		if len(vols) == 0 {
			c.fault(400, "Invalid Group: Source Group is empty. No group will be created.")
			return
		}
		for _, v := range vols {
			copies = append(copies, copySpec{size: v.Size, typeID: v.TypeID, srcVol: ptr(v.ID)})
		}
	}
	gigs := 0
	for _, cp := range copies {
		gigs += cp.size
	}
	if msg := st.checkQuota(g.ProjectID, "", len(copies), gigs); msg != "" {
		// Raised as a plain CinderException: a 400 without the class name.
		_, text, _ := strings.Cut(msg, ": ")
		c.fault(400, "%s", text)
		return
	}
	g.CreatedAt = st.now()
	st.groups[g.ID] = g
	gid := g.ID
	for _, cp := range copies {
		v := &volume{ID: newUUID(), ProjectID: g.ProjectID, UserID: c.tok.userID, AZ: g.AZ, TypeID: cp.typeID,
			Size: cp.size, SnapshotID: cp.snapID, SourceVol: cp.srcVol, GroupID: &gid, Metadata: map[string]string{},
			CreatedAt: st.now(), Host: g.Host, AttachStatus: "detached", ConsumesQuota: true}
		st.volumes[v.ID] = v
		st.transition(v, "creating", "available", c.s.opts.CreateDelay, nil)
		v.UpdatedAt = nil
	}
	c.later(func() {
		if g.Status == "creating" {
			g.Status = "available"
			st.touchGroup(g)
		}
	})
	c.json(http.StatusAccepted, map[string]any{"group": groupSummary(g)})
}
