package cindertest

import (
	"net/http"
	"slices"
	"strings"
)

var snapshotStatuses = []string{"error", "available", "creating", "deleting", "deleted", "updating",
	"error_deleting", "unmanaging", "backing-up", "restoring"}

// snapshotStatusMap lists, per current status, the statuses
// os-update_snapshot_status may set.
var snapshotStatusMap = map[string][]string{
	"creating": {"creating", "available", "error"},
	"deleting": {"deleting", "error_deleting"},
}

func (c *call) snapshotAction() {
	name, raw, ok := c.actionBody()
	if !ok {
		return
	}
	body, _ := raw.(map[string]any)
	if body == nil {
		body = map[string]any{}
	}
	switch name {
	case "os-reset_status", "os-update_snapshot_status", "os-force_delete", "os-unmanage":
	default:
		c.noSuchAction(name)
		return
	}
	if (name == "os-reset_status" || name == "os-update_snapshot_status") && !c.required(name, body, "status") {
		return
	}
	rules := map[string]string{"os-reset_status": "volume_extension:snapshot_admin_actions:reset_status",
		"os-force_delete": "volume_extension:snapshot_admin_actions:force_delete",
		"os-unmanage":     "snapshot_extension:snapshot_unmanage"}
	if rule := rules[name]; rule != "" && !c.requireAdmin(rule) {
		return
	}
	s := c.snapshotOr404(c.params[0])
	if s == nil {
		return
	}
	status, _ := body["status"].(string)
	switch name {
	case "os-reset_status":
		status = strings.ToLower(status)
		if !slices.Contains(snapshotStatuses, status) {
			quoted := make([]string, len(snapshotStatuses))
			for i, st := range snapshotStatuses {
				quoted[i] = "'" + st + "'"
			}
			c.fault(400, "Snapshot status: %s is invalid, valid statuses are: (%s).", status, strings.Join(quoted, ", "))
			return
		}
		s.Status = status
	case "os-update_snapshot_status":
		allowed, known := snapshotStatusMap[s.Status]
		if !known {
			c.fault(400, "Snapshot status %s not allowed for update_snapshot_status", s.Status)
			return
		}
		if !slices.Contains(allowed, status) {
			c.fault(400, "Provided snapshot status %s not allowed for snapshot with status %s.", status, s.Status)
			return
		}
		s.Status = status
		if p, ok := body["progress"].(string); ok {
			s.Progress = p
		}
	case "os-force_delete":
		c.removeSnapshot(s, "deleting")
		c.accepted()
		return
	case "os-unmanage":
		if s.Status != "available" && s.Status != "error" {
			c.fault(400, "Invalid snapshot: Snapshot status must be available or error and must not be part of a group.")
			return
		}
		c.removeSnapshot(s, "unmanaging")
		c.accepted()
		return
	}
	c.s.st.touchSnapshot(s)
	c.accepted()
}

// unmanagedSnapshots are the fake backend snapshots offered by manageable_snapshots.
var unmanagedSnapshots = []struct {
	ref  string
	size int
}{{"emu-unmanaged-snap-1", 1}}

func (c *call) listManageableSnapshots(detail bool) {
	if !c.at(8) {
		c.notFound()
		return
	}
	if !c.requireAdmin("snapshot_extension:list_manageable") {
		return
	}
	q := c.r.URL.Query()
	if q.Get("host") == "" && (q.Get("cluster") == "" || !c.at(17)) {
		c.fault(400, "Invalid input received: Host field is missing.")
		return
	}
	list := []any{}
	for _, u := range unmanagedSnapshots {
		managed := slices.ContainsFunc(mapValues(c.s.st.snapshots), func(s *snapshot) bool { return s.ProviderRef == u.ref })
		e := map[string]any{"reference": map[string]string{"source-name": u.ref}, "size": u.size,
			"safe_to_manage": !managed, "source_reference": map[string]string{"source-name": "emu-unmanaged-1"}}
		if detail {
			e["reason_not_safe"] = nil
			if managed {
				e["reason_not_safe"] = "already managed"
			}
			e["cinder_id"] = nil
			e["extra_info"] = nil
		}
		list = append(list, e)
	}
	c.json(http.StatusOK, map[string]any{"manageable-snapshots": list})
}

func mapValues[K comparable, V any](m map[K]V) []V {
	out := make([]V, 0, len(m))
	for _, v := range m {
		out = append(out, v)
	}
	return out
}

func (c *call) manageSnapshot() {
	body, ok := c.envelope("snapshot")
	if !ok || !c.required("snapshot", body, "volume_id", "ref") {
		return
	}
	if !c.requireAdmin("snapshot_extension:snapshot_manage") {
		return
	}
	vid, _ := body["volume_id"].(string)
	v := c.volumeOr404(vid)
	if v == nil {
		return
	}
	ref, _ := body["ref"].(map[string]any)
	src, _ := ref["source-name"].(string)
	size := 1
	for _, u := range unmanagedSnapshots {
		if u.ref == src {
			size = u.size
		}
	}
	st := c.s.st
	s := &snapshot{ID: newUUID(), VolumeID: v.ID, ProjectID: v.ProjectID, UserID: c.tok.userID,
		Status: "creating", Progress: "0%", Size: size, Metadata: map[string]string{}, ConsumesQuota: true,
		ProviderRef: src}
	if s.Name, ok = c.textField(body, "name"); !ok {
		return
	}
	if s.Description, ok = c.textField(body, "description"); !ok {
		return
	}
	if raw, present := body["metadata"]; present && raw != nil {
		if s.Metadata, ok = c.metadataField(raw, "metadata"); !ok {
			return
		}
	}
	if msg := st.checkSnapshotQuota(v.ProjectID, v.TypeID, size); msg != "" {
		c.fault(413, "%s", msg)
		return
	}
	s.CreatedAt = st.now()
	st.snapshots[s.ID] = s
	c.later(func() {
		if s.Status == "creating" {
			s.Status, s.Progress = "available", "100%"
			st.touchSnapshot(s)
		}
	})
	c.json(http.StatusAccepted, map[string]any{"snapshot": c.snapshotView(s, false)})
}
