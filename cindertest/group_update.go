package cindertest

import (
	"fmt"
	"slices"
	"strings"
)

// validRemoveStatuses and validAddStatuses are the volume statuses a group
// update accepts, in Cinder's order (its messages print them as a tuple).
var (
	validRemoveStatuses = []string{"available", "in-use", "error", "error_deleting"}
	validAddStatuses    = []string{"available", "in-use"}
)

func pyTuple(items []string) string {
	q := make([]string, len(items))
	for i, s := range items {
		q[i] = "'" + s + "'"
	}
	return "(" + strings.Join(q, ", ") + ")"
}

func pyList(items []string) string {
	q := make([]string, len(items))
	for i, s := range items {
		q[i] = "'" + s + "'"
	}
	return "[" + strings.Join(q, ", ") + "]"
}

// splitVolumeList splits Cinder's comma-separated volume ID string.
func splitVolumeList(s *string) []string {
	if s == nil || *s == "" {
		return nil
	}
	return strings.Split(strings.Trim(*s, ","), ",")
}

func (c *call) updateGroup() {
	if !c.groupV(13) {
		return
	}
	body, ok := c.envelope("group")
	if !ok {
		return
	}
	keys := []string{"name", "description", "add_volumes", "remove_volumes"}
	valid := slices.ContainsFunc(keys, func(k string) bool { _, has := body[k]; return has })
	for k := range body {
		valid = valid && slices.Contains(keys, k)
	}
	if !valid {
		c.invalidField("group", body, pyRepr(body, true)+" is not valid under any of the given schemas")
		return
	}
	fields := map[string]*string{}
	for _, k := range keys {
		v, ok := c.groupText(body, k)
		if !ok {
			return
		}
		fields[k] = v
	}
	g := c.groupOr404(c.params[0])
	if g == nil || c.reservedGroupType(g.TypeID, reservedGroupMsg) {
		return
	}
	name, desc := fields["name"], fields["description"]
	if name != nil && g.Name != nil && *name == *g.Name {
		name = nil
	}
	if desc != nil && g.Description != nil && *desc == *g.Description {
		desc = nil
	}
	add, remove := splitVolumeList(fields["add_volumes"]), splitVolumeList(fields["remove_volumes"])
	var both []string
	for _, id := range add {
		if slices.Contains(remove, id) {
			both = append(both, id)
		}
	}
	if len(both) > 0 {
		c.invalidVolume("UUIDs %s are in both add and remove volume list.", pyList(both))
		return
	}
	addNew, ok := c.validateAddVolumes(g, add)
	if !ok {
		return
	}
	removeNew, ok := c.validateRemoveVolumes(g, remove)
	if !ok {
		return
	}
	if name == nil && desc == nil && len(addNew) == 0 && len(removeNew) == 0 {
		c.fault(400, "Invalid Group: Cannot update group %s because no valid name, description, add_volumes, "+
			"or remove_volumes were provided.", g.ID)
		return
	}
	st := c.s.st
	membership := len(addNew) > 0 || len(removeNew) > 0
	if membership && g.Status != "available" {
		c.fault(400, "Invalid Group: Group status must be available.")
		return
	}
	if name != nil {
		g.Name = name
	}
	if desc != nil {
		g.Description = desc
	}
	st.touchGroup(g)
	if !membership {
		g.Status = "available"
		c.accepted()
		return
	}
	g.Status = "updating"
	gid := g.ID
	c.later(func() {
		for _, id := range addNew {
			if v := st.volumes[id]; v != nil {
				v.GroupID = &gid
			}
		}
		for _, id := range removeNew {
			if v := st.volumes[id]; v != nil {
				v.GroupID = nil
			}
		}
		if g.Status == "updating" {
			g.Status = "available"
			st.touchGroup(g)
		}
	})
	c.accepted()
}

// validateAddVolumes applies Cinder's checks to the volumes to add and
// returns those not already in the group.
func (c *call) validateAddVolumes(g *group, ids []string) ([]string, bool) {
	st := c.s.st
	var out []string
	for _, id := range ids {
		if v := st.volumes[id]; v != nil && v.GroupID != nil && *v.GroupID == g.ID {
			continue
		}
		v := c.visibleVolume(id)
		var why string
		switch {
		case v == nil:
			why = fmt.Sprintf("Cannot add volume %s to group %s because volume cannot be found.", id, g.ID)
		case v.GroupID != nil:
			why = fmt.Sprintf("Cannot add volume %s to group %s because it is already in group %s.", v.ID, g.ID, *v.GroupID)
		case v.ProjectID != g.ProjectID:
			why = fmt.Sprintf("Cannot add volume %s to group %s as they belong to different projects.", v.ID, g.ID)
		case !slices.Contains(g.VolumeTypes, v.TypeID):
			why = fmt.Sprintf("Cannot add volume %s to group %s because volume type %s is not supported by the group.",
				v.ID, g.ID, v.TypeID)
		case !slices.Contains(validAddStatuses, v.Status):
			why = fmt.Sprintf("Cannot add volume %s to group %s because volume is in an invalid state: %s. "+
				"Valid states are: %s.", v.ID, g.ID, v.Status, pyTuple(validAddStatuses))
		case v.Host != g.Host:
			why = "Volume is not local to this node."
		}
		if why != "" {
			c.invalidVolume("%s", why)
			return nil, false
		}
		out = append(out, v.ID)
	}
	return out, true
}

// validateRemoveVolumes applies Cinder's checks to the volumes to remove.
func (c *call) validateRemoveVolumes(g *group, ids []string) ([]string, bool) {
	var out []string
	for _, v := range c.s.st.groupVolumes(g.ID) {
		if !slices.Contains(ids, v.ID) {
			continue
		}
		if !slices.Contains(validRemoveStatuses, v.Status) {
			c.invalidVolume("Cannot remove volume %s from group %s because volume is in an invalid state: %s. "+
				"Valid states are: %s.", v.ID, g.ID, v.Status, pyTuple(validRemoveStatuses))
			return nil, false
		}
		out = append(out, v.ID)
	}
	joined := strings.Join(out, ",")
	for _, id := range ids {
		if !strings.Contains(joined, id) {
			c.invalidVolume("Cannot remove volume %s from group %s because it is not in the group.", id, g.ID)
			return nil, false
		}
	}
	return out, true
}
