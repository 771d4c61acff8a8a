package cindertest

import "net/http"

func manageRoutes() []route {
	return []route{
		rt("GET", "manageable_volumes", func(c *call) { c.listManageable(false) }),
		rt("GET", "manageable_volumes/detail", func(c *call) { c.listManageable(true) }),
		rt("POST", "manageable_volumes", func(c *call) {
			if !c.at(8) {
				c.notFound()
				return
			}
			c.manageVolume()
		}),
		rt("POST", "os-volume-manage", (*call).manageVolume),
	}
}

// backendVolume is a volume on the emulated backend, by its driver name.
type backendVolume struct {
	ref  string
	size int
}

// unmanaged are the backend volumes no Cinder volume came from, offered by manageable_volumes.
var unmanaged = []backendVolume{{"emu-unmanaged-1", 1}, {"emu-unmanaged-2", 2}}

func (c *call) listManageable(detail bool) {
	if !c.at(8) {
		c.notFound()
		return
	}
	if !c.requireAdmin("volume_extension:list_manageable") {
		return
	}
	host := c.r.URL.Query().Get("host")
	cluster := c.r.URL.Query().Get("cluster")
	if host == "" && (cluster == "" || !c.at(17)) {
		c.fault(400, "Invalid input received: Host field is missing.")
		return
	}
	list := []any{}
	for _, u := range c.s.st.backendVolumes {
		managed := false
		for _, v := range c.s.st.volumes {
			if v.AdminMetadata["source-name"] == u.ref {
				managed = true
			}
		}
		e := map[string]any{"reference": map[string]string{"source-name": u.ref}, "size": u.size,
			"safe_to_manage": !managed}
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
	c.json(http.StatusOK, map[string]any{"manageable-volumes": list})
}

func (c *call) manageVolume() {
	body, ok := c.envelope("volume")
	if !ok {
		return
	}
	if !c.required("volume", body, "host", "ref") {
		return
	}
	if !c.requireAdmin("volume_extension:volume_manage") {
		return
	}
	host, _ := body["host"].(string)
	ref, _ := body["ref"].(map[string]any)
	src, _ := ref["source-name"].(string)
	size, known := 0, false
	for _, u := range c.s.st.backendVolumes {
		if u.ref == src {
			size, known = u.size, true
		}
	}
	st := c.s.st
	v := &volume{ID: newUUID(), ProjectID: c.tok.projectID, UserID: c.tok.userID, AZ: "nova",
		TypeID: st.defType, Metadata: map[string]string{}, CreatedAt: st.now(), Host: host,
		AttachStatus: "detached", ConsumesQuota: true,
		AdminMetadata: map[string]string{"source-name": src}}
	if v.Name, ok = c.textField(body, "name"); !ok {
		return
	}
	if v.Description, ok = c.textField(body, "description"); !ok {
		return
	}
	if raw, present := body["metadata"]; present && raw != nil {
		if v.Metadata, ok = c.metadataField(raw, "metadata"); !ok {
			return
		}
	}
	if tn, _ := body["volume_type"].(string); tn != "" {
		t := st.typeByNameOrID(tn)
		if t == nil {
			c.fault(404, "Volume type with name %s could not be found.", tn)
			return
		}
		v.TypeID = t.ID
	}
	if b, ok := jsonBool(body["bootable"]); ok {
		v.Bootable = b
	}
	// The size is unknown until the backend answers: the quota check and
	// the answer count 0 GiB.
	if msg := st.checkQuota(v.ProjectID, v.TypeID, 1, 0); msg != "" {
		c.fault(413, "%s", msg)
		return
	}
	st.volumes[v.ID] = v
	// A backend volume the inventory does not know fails like a missing
	// one on real Cinder: the volume goes to error and keeps size 0.
	final := "error"
	if known {
		final = "available"
	}
	st.transition(v, "creating", final, c.s.opts.CreateDelay, func(v *volume) { v.Size = size })
	v.UpdatedAt = nil // as created: Cinder's answer shows null
	c.json(http.StatusAccepted, map[string]any{"volume": c.manageView(v)})
}

// manageView is the manage answer: the detail view without the keys later
// microversions add, plus migration_status (for every caller).
func (c *call) manageView(v *volume) map[string]any {
	out := map[string]any{}
	detail := c.volumeDetail(v, false)
	for _, k := range manageViewKeys {
		if val, ok := detail[k]; ok {
			out[k] = val
		}
	}
	out["migration_status"] = strOrNil(v.MigrationStatus)
	return out
}

var manageViewKeys = []string{"id", "status", "size", "availability_zone", "created_at", "updated_at", "name",
	"description", "volume_type", "snapshot_id", "source_volid", "metadata", "links", "user_id", "bootable",
	"encrypted", "replication_status", "consistencygroup_id", "multiattach", "attachments"}
