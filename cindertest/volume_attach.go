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
	// Cinder checks the read-only flag before the status.
	if v.AdminMetadata["readonly"] == "True" && mode == "rw" {
		c.fault(400, "Invalid attaching mode '%s' for volume %s.", mode, v.ID)
		return
	}
	ok := slices.Contains([]string{"available", "reserved", "attaching"}, v.Status) ||
		(v.Status == "in-use" && v.Multiattach)
	if !ok {
		c.invalidVolume("Volume %s status must be available or reserved to attach, currently %s.", v.ID, v.Status)
		return
	}
	v.Attachments = append(v.Attachments, &attachment{ID: newUUID(), VolumeID: v.ID, CreatedAt: c.s.st.now(), ServerID: server, HostName: host,
		Device: mount, AttachedAt: c.s.st.now(), Mode: mode})
	c.s.st.transition(v, "attaching", "in-use", c.s.opts.CreateDelay, func(v *volume) { v.AttachStatus = "attached" })
	c.accepted()
}

// detach removes one attachment of v (all without an ID). Like Cinder, an
// unknown attachment ID is a 409 telling to detach through Nova (with an
// empty instance, hence the two spaces), another volume's a 400.
func (c *call) detach(v *volume, attachmentID string) bool {
	if attachmentID == "" {
		v.Attachments = nil
	} else {
		i := slices.IndexFunc(v.Attachments, func(a *attachment) bool { return a.ID == attachmentID })
		if i < 0 {
			if a, _ := c.findAttachment(attachmentID); a != nil {
				c.fault(400, "Invalid input received: Mismatched volume and attachment")
				return false
			}
			c.fault(409, "ConflictNovaUsingAttachment: Detach volume from instance  using the Compute API")
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
	if len(v.Attachments) == 0 && id == "" {
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
	if len(v.Attachments) == 0 && id == "" {
		c.s.st.touch(v)
		c.accepted()
		return
	}
	if c.detach(v, id) {
		c.accepted()
	}
}

// actReserve is the legacy os-reserve: the volume shows "attaching" (the
// attachments API's reservation shows "reserved").
func (c *call) actReserve(v *volume, _ map[string]any) {
	if v.Status != "available" && !(v.Multiattach && v.Status == "in-use") {
		c.invalidVolume("Volume status must be available to reserve, but the status is %s.", v.Status)
		return
	}
	v.pending = false
	v.Status = "attaching"
	c.s.st.touch(v)
	c.accepted()
}

// actUnreserve undoes os-reserve only: an "attaching" volume goes back to
// in-use if it still has attachments, else available; any other status
// (a "reserved" from the attachments API included) stays.
func (c *call) actUnreserve(v *volume, _ map[string]any) {
	if v.Status == "attaching" {
		v.pending = false
		v.Status = "available"
		if len(v.Attachments) > 0 {
			v.Status = "in-use"
		}
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
