package cindertest

import (
	"fmt"
	"net/http"
	"slices"
)

// Attach/detach flow actions: os-reserve, os-attach, os-begin_detaching,
// os-detach, os-force_detach, os-roll_detaching, connections.

func (c *call) actAttach(v *volume, body map[string]any) {
	server, _ := body["instance_uuid"].(string)
	host, _ := body["host_name"].(string)
	mount, _ := body["mountpoint"].(string)
	mode, _ := body["mode"].(string)
	if (server == "" && host == "") || mount == "" {
		c.invalidField("os-attach", body, pyRepr(body, true)+" is not valid under any of the given schemas")
		return
	}
	if mode == "" {
		mode = "rw"
	}
	if mode != "rw" && mode != "ro" {
		c.invalidField("mode", mode, fmt.Sprintf("'%s' is not one of ['rw', 'ro']", mode))
		return
	}
	ok := slices.Contains([]string{"available", "reserved", "attaching"}, v.Status) ||
		(v.Status == "in-use" && v.Multiattach)
	if !ok {
		c.invalidVolume("Volume %s status must be available or reserved to attach, currently %s.", v.ID, v.Status)
		return
	}
	if v.AdminMetadata["readonly"] == "True" && mode == "rw" {
		c.invalidVolume("Volume %s is read-only and cannot be attached in rw mode.", v.ID)
		return
	}
	v.Attachments = append(v.Attachments, &attachment{ID: newUUID(), VolumeID: v.ID, CreatedAt: c.s.st.now(), ServerID: server, HostName: host,
		Device: mount, AttachedAt: c.s.st.now(), Mode: mode})
	c.s.st.transition(v, "attaching", "in-use", c.s.opts.CreateDelay, func(v *volume) { v.AttachStatus = "attached" })
	c.accepted()
}

func (c *call) detach(v *volume, attachmentID string) bool {
	if attachmentID == "" {
		v.Attachments = nil
	} else {
		i := slices.IndexFunc(v.Attachments, func(a *attachment) bool { return a.ID == attachmentID })
		if i < 0 {
			c.fault(404, "Volume attachment could not be found with filter: attachment_id = %s.", attachmentID)
			return false
		}
		v.Attachments = slices.Delete(v.Attachments, i, i+1)
	}
	if len(v.Attachments) == 0 && (v.Status == "in-use" || v.Status == "detaching") {
		c.s.st.transition(v, "detaching", "available", c.s.opts.CreateDelay, func(v *volume) { v.AttachStatus = "detached" })
	}
	return true
}

func (c *call) actDetach(v *volume, body map[string]any) {
	id, _ := body["attachment_id"].(string)
	if len(v.Attachments) == 0 {
		c.accepted()
		return
	}
	if c.detach(v, id) {
		c.accepted()
	}
}

func (c *call) actForceDetach(v *volume, body map[string]any) {
	if !c.requireAdmin("volume_extension:volume_admin_actions:force_detach") {
		return
	}
	id, _ := body["attachment_id"].(string)
	if len(v.Attachments) == 0 {
		c.accepted()
		return
	}
	if c.detach(v, id) {
		c.accepted()
	}
}

func (c *call) actReserve(v *volume, _ map[string]any) {
	if v.Status != "available" && !(v.Multiattach && v.Status == "in-use") {
		c.invalidVolume("Volume status must be available to reserve, but the status is %s.", v.Status)
		return
	}
	v.Status = "reserved"
	c.s.st.touch(v)
	c.accepted()
}

func (c *call) actUnreserve(v *volume, _ map[string]any) {
	if v.Status == "reserved" {
		v.Status = "available"
		c.s.st.touch(v)
	}
	c.accepted()
}

func (c *call) actBeginDetaching(v *volume, _ map[string]any) {
	if v.Status != "in-use" || len(v.Attachments) == 0 {
		c.invalidVolume("Unable to detach volume. Volume status must be 'in-use' and attach_status must be 'attached' to detach.")
		return
	}
	v.Status = "detaching"
	c.s.st.touch(v)
	c.accepted()
}

func (c *call) actRollDetaching(v *volume, _ map[string]any) {
	if v.Status == "detaching" {
		v.pending = false
		v.Status = "in-use"
		c.s.st.touch(v)
	}
	c.accepted()
}

func (c *call) actInitializeConnection(v *volume, body map[string]any) {
	if !c.required("os-initialize_connection", body, "connector") {
		return
	}
	mode := "rw"
	if v.AdminMetadata["readonly"] == "True" {
		mode = "ro"
	}
	c.json(http.StatusOK, map[string]any{"connection_info": map[string]any{
		"driver_volume_type": "local",
		"data": map[string]any{"device_path": "/dev/cindertest/volume-" + v.ID, "access_mode": mode,
			"qos_specs": nil, "encrypted": v.Encrypted, "cacheable": false},
	}})
}

func (c *call) actTerminateConnection(_ *volume, body map[string]any) {
	if c.required("os-terminate_connection", body, "connector") {
		c.accepted()
	}
}
