package cindertest

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
)

// groupStatuses are the statuses reset_status accepts, in Cinder's order.
var groupStatuses = []string{"error", "available", "creating", "deleting", "deleted", "updating", "in-use",
	"error_deleting"}

// objectBody validates an action body that must be an object with only
// the allowed keys.
func (c *call) objectBody(name string, raw any, allowed ...string) (map[string]any, bool) {
	body, isObj := raw.(map[string]any)
	if !isObj {
		c.invalidField(name, raw, pyRepr(raw, true)+" is not of type 'object'")
		return nil, false
	}
	if allowed != nil && !c.additional(name, body, allowed) {
		return nil, false
	}
	return body, true
}

func (c *call) groupAction() {
	name, raw, ok := c.actionBody()
	if !ok {
		return
	}
	since := map[string]int{"delete": 13, "reset_status": 20, "enable_replication": 38,
		"disable_replication": 38, "failover_replication": 38, "list_replication_targets": 38}
	minor, known := since[name]
	if !known {
		c.noSuchAction(name)
		return
	}
	if !c.groupV(minor) {
		return
	}
	switch name {
	case "delete":
		body, ok := c.objectBody(name, raw, "delete-volumes")
		if !ok {
			return
		}
		del, ok := c.boolField(body, "delete-volumes")
		if ok {
			c.deleteGroup(del != nil && *del)
		}
	case "reset_status":
		c.resetGroupStatus(raw)
	case "failover_replication":
		body, ok := c.objectBody(name, raw, "allow_attached_volume", "secondary_backend_id")
		if !ok {
			return
		}
		allow, ok := c.boolField(body, "allow_attached_volume")
		if ok {
			c.replicationAction(name, allow != nil && *allow)
		}
	default:
		if _, ok := c.objectBody(name, raw); ok {
			c.replicationAction(name, false)
		}
	}
}

func (c *call) deleteGroup(deleteVolumes bool) {
	g := c.groupOr404(c.params[0])
	if g == nil || c.reservedGroupType(g.TypeID, reservedGroupMsg) {
		return
	}
	st := c.s.st
	if g.Host == "" {
		// Never scheduled: Cinder removes it from the database at once.
		delete(st.groups, g.ID)
		c.accepted()
		return
	}
	if !deleteVolumes && g.Status != "available" && g.Status != "error" {
		c.fault(400, "Invalid Group: Group status must be available or error, but current status is: %s", g.Status)
		return
	}
	if st.groupHasSnapshots(g.ID) {
		c.fault(400, "Invalid Group: Group has existing snapshots.")
		return
	}
	vols := st.groupVolumes(g.ID)
	if len(vols) > 0 && !deleteVolumes {
		c.fault(400, "Invalid Group: Group %s still contains volumes. The delete-volumes flag is required to delete it.", g.ID)
		return
	}
	for _, v := range vols {
		if len(v.Attachments) > 0 {
			c.fault(400, "Invalid Group: Volume in group %s is attached. Need to detach first.", g.ID)
			return
		}
		if len(st.snapshotsOf(v.ID)) > 0 {
			c.fault(400, "Invalid Group: Volume in group still has dependent snapshots.")
			return
		}
	}
	if st.groupIsSource(g.ID) {
		reason := "Group must not have attached volumes, volumes with snapshots, or dependent group snapshots"
		if deleteVolumes {
			reason = "Group status must be available or error and must not have dependent group snapshots"
		}
		c.fault(400, "Invalid Group: Cannot delete group %s. %s, and it cannot be the source for an ongoing group "+
			"or group snapshot creation.", g.ID, reason)
		return
	}
	for _, v := range vols {
		v.Status = "deleting"
		st.touch(v)
	}
	g.Status = "deleting"
	st.touchGroup(g)
	c.later(func() {
		for _, v := range vols {
			if st.volumes[v.ID] == v && v.Status == "deleting" {
				delete(st.volumes, v.ID)
			}
		}
		if g.Status == "deleting" {
			delete(st.groups, g.ID)
		}
	})
	c.accepted()
}

func (st *store) groupHasSnapshots(id string) bool {
	for _, gs := range st.groupSnaps {
		if gs.GroupID == id {
			return true
		}
	}
	return false
}

// groupIsSource reports whether a group being created copies group id.
func (st *store) groupIsSource(id string) bool {
	for _, g := range st.groups {
		if g.Status == "creating" && g.SourceGroupID != nil && *g.SourceGroupID == id {
			return true
		}
	}
	return false
}

func (c *call) resetGroupStatus(raw any) {
	body, ok := c.objectBody("reset_status", raw, "status")
	if !ok || !c.required("reset_status", body, "status") {
		return
	}
	status, isStr := body["status"].(string)
	switch {
	case body["status"] == nil:
		c.fault(400, "The 'status' can not be None.")
		return
	case !isStr:
		c.invalidField("status", body["status"], pyRepr(body["status"], true)+" is not of type 'string'")
		return
	case status == "":
		c.fault(400, "Invalid Group Status: The 'status' can not be empty.")
		return
	case !slices.Contains(groupStatuses, strings.ToLower(status)):
		c.fault(400, "Invalid Group Status: Group status: %s is invalid, valid status are: %s.", status, pyTuple(groupStatuses))
		return
	}
	g := c.groupOr404(c.params[0])
	if g == nil || !c.requireAdmin("group:reset_status") {
		return
	}
	g.Status = strings.ToLower(status)
	c.s.st.touchGroup(g)
	c.accepted()
}

// replicationAction runs one of the group replication actions (3.38).
func (c *call) replicationAction(name string, allowAttached bool) {
	g := c.groupOr404(c.params[0])
	if g == nil {
		return
	}
	st := c.s.st
	if t := st.groupTypes[g.TypeID]; t == nil || !isTrueSpec(t.Specs["group_replication_enabled"]) {
		c.fault(400, "Invalid group type: Group %s is not a replication group type.", g.ID)
		return
	}
	for _, id := range g.VolumeTypes {
		if t := st.types[id]; t == nil || !isTrueSpec(t.ExtraSpecs["replication_enabled"]) {
			c.fault(400, "Invalid volume type: Volume type %s does not have 'replication_enabled' spec key set to '<is> True'.", id)
			return
		}
	}
	if name == "list_replication_targets" {
		c.json(http.StatusOK, map[string]any{"replication_targets": []any{}})
		return
	}
	verb := map[string]string{"enable_replication": "enable", "disable_replication": "disable",
		"failover_replication": "failover"}[name]
	statuses := map[string][]string{"enable": {"available"}, "disable": {"available", "error"}, "failover": {"available"}}[verb]
	repStatuses := map[string][]string{"enable": {"disabled", "enabled"}, "disable": {"enabled", "error"},
		"failover": {"enabled", "failed-over"}}[verb]
	if !slices.Contains(statuses, g.Status) {
		c.fault(400, "Invalid Group: Group %s status must be %s, but current status is: %s. Cannot %s replication.",
			g.ID, pyList(statuses), g.Status, verb)
		return
	}
	if !slices.Contains(repStatuses, g.ReplicationStatus) {
		c.fault(400, "Invalid Group: Group %s replication status must be %s, but current status is: %s. Cannot %s replication.",
			g.ID, pyList(repStatuses), g.ReplicationStatus, verb)
		return
	}
	for _, v := range st.groupVolumes(g.ID) {
		if verb != "disable" && v.Status != "available" && v.Status != "in-use" {
			c.invalidVolume("Volume %s status must be ['available', 'in-use'], but current status is: %s. Cannot %s replication.",
				v.ID, v.Status, verb)
			return
		}
		if verb == "failover" && v.Status == "in-use" && !allowAttached {
			c.invalidVolume("Volume %s is attached but allow_attached_volume flag is False. Cannot failover replication.", v.ID)
			return
		}
	}
	states := map[string][2]string{"enable": {"enabling", "enabled"}, "disable": {"disabling", "disabled"},
		"failover": {"failing-over", "failed-over"}}[verb]
	transient, final := states[0], states[1]
	g.ReplicationStatus = transient
	st.touchGroup(g)
	c.later(func() {
		if g.ReplicationStatus == transient {
			g.ReplicationStatus = final
		}
	})
	c.accepted()
}

func isTrueSpec(v *string) bool {
	return v != nil && strings.EqualFold(strings.Join(strings.Fields(*v), " "), "<is> True")
}

// groupsAction is POST /groups/action: create-from-src (3.14).
func (c *call) groupsAction() {
	name, raw, ok := c.actionBody()
	if !ok {
		return
	}
	if name != "create-from-src" {
		c.noSuchAction(name)
		return
	}
	if !c.groupV(14) {
		return
	}
	body, ok := c.objectBody(name, raw, "name", "description", "source_group_id", "group_snapshot_id")
	if !ok {
		return
	}
	_, hasSnap := body["group_snapshot_id"]
	_, hasSrc := body["source_group_id"]
	switch {
	case hasSnap && hasSrc:
		c.invalidField(name, body, fmt.Sprintf("%s is valid under each of {'required': ['source_group_id']}, "+
			"{'required': ['group_snapshot_id']}", pyRepr(body, true)))
		return
	case !hasSnap && !hasSrc:
		c.invalidField(name, body, pyRepr(body, true)+" is not valid under any of the given schemas")
		return
	}
	for _, k := range []string{"group_snapshot_id", "source_group_id"} {
		if raw, has := body[k]; has {
			if s, isStr := raw.(string); !isStr || !isUUID(s) {
				c.invalidField(k, raw, pyRepr(raw, true)+" is not a 'uuid'")
				return
			}
		}
	}
	c.createGroupFromSource(body)
}
