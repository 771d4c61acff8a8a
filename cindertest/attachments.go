package cindertest

import (
	"cmp"
	"net/http"
	"slices"
	"strings"
	"time"
)

func attachmentRoutes() []route {
	return []route{
		rt("GET", "attachments", func(c *call) { c.listAttachments(false) }),
		rt("GET", "attachments/detail", func(c *call) { c.listAttachments(true) }),
		rt("POST", "attachments", (*call).createAttachment),
		rt("GET", "attachments/{id}", (*call).showAttachment),
		rt("PUT", "attachments/{id}", (*call).updateAttachment),
		rt("DELETE", "attachments/{id}", (*call).deleteAttachment),
		rt("POST", "attachments/{id}/action", (*call).attachmentAction),
	}
}

func (a *attachment) status() string {
	if a.Status == "" {
		return "attached"
	}
	return a.Status
}

func (c *call) attachmentSummary(a *attachment) map[string]any {
	return map[string]any{"id": a.ID, "status": a.status(), "instance": nilIfEmpty(a.ServerID), "volume_id": a.VolumeID}
}

func (c *call) attachmentDetail(a *attachment) map[string]any {
	out := c.attachmentSummary(a)
	// attach_mode is the stored mode in every status: the requested one, or
	// "null" until a connector update sets "rw" (a create with a connector
	// but no mode keeps "null").
	out["attached_at"], out["detached_at"], out["attach_mode"] = "", "", cmp.Or(a.Mode, "null")
	if a.status() != "reserved" {
		out["attached_at"] = fmtTime(a.AttachedAt)
	}
	if a.DetachedAt != nil {
		out["detached_at"] = fmtTime(*a.DetachedAt)
	}
	out["connection_info"] = c.connectionInfo(a)
	return out
}

// connectionInfo is what the local backend returns once a connector is known.
func (c *call) connectionInfo(a *attachment) map[string]any {
	if a.Connector == nil {
		return map[string]any{}
	}
	v := c.s.st.volumes[a.VolumeID]
	encrypted := v != nil && v.Encrypted
	return map[string]any{"device_path": "/dev/cindertest/volume-" + a.VolumeID, "access_mode": a.AccessMode,
		"qos_specs": nil, "encrypted": encrypted, "cacheable": false, "driver_volume_type": "local",
		"attachment_id": a.ID}
}

// findAttachment returns the attachment and its volume if the caller may see them.
func (c *call) findAttachment(id string) (*attachment, *volume) {
	for _, v := range c.s.st.volumes {
		for _, a := range v.Attachments {
			if a.ID == id && (v.ProjectID == c.tok.projectID || c.admin) {
				return a, v
			}
		}
	}
	return nil, nil
}

func (c *call) attachmentOr404(id string) (*attachment, *volume) {
	a, v := c.findAttachment(id)
	if a == nil {
		c.fault(404, "Volume attachment could not be found with filter: attachment_id = %s.", id)
	}
	return a, v
}

var attachmentFilters = []string{"volume_id", "status", "instance_id", "attach_status"}

var attachmentSortKeys = []string{"id", "volume_id", "instance_uuid", "attach_status", "attach_mode",
	"attach_time", "detach_time", "mountpoint", "attached_host", "created_at", "updated_at"}

func (c *call) listAttachments(detail bool) {
	if !c.at(27) {
		c.notFound()
		return
	}
	filters, allTenants, _, ok := c.parseFilters(attachmentFilters)
	if !ok {
		return
	}
	var items []*attachment
	for _, v := range c.s.st.volumes {
		if !allTenants && v.ProjectID != c.tok.projectID {
			continue
		}
		for _, a := range v.Attachments {
			if attachmentMatches(a, v, filters) {
				items = append(items, a)
			}
		}
	}
	path, view := "attachments", c.attachmentSummary
	if detail {
		path, view = "attachments/detail", c.attachmentDetail
	}
	listItems(c, items, listSpec[*attachment]{path: path, key: "attachments", sort: attachmentSortKeys,
		id: func(a *attachment) string { return a.ID }, field: attachmentSortField,
		marker: func(id string) (*attachment, bool) { a, _ := c.findAttachment(id); return a, a != nil },
		notFnd: "Volume attachment could not be found with filter: attachment_id = %s.",
		view:   func(a *attachment) any { return view(a) }})
}

func attachmentMatches(a *attachment, v *volume, filters []volumeFilter) bool {
	for _, f := range filters {
		var ok bool
		switch f.key {
		case "volume_id":
			ok = a.VolumeID == f.value
		case "status", "attach_status":
			ok = a.status() == f.value
		case "instance_id", "instance_uuid":
			ok = a.ServerID == f.value
		case "project_id":
			ok = v.ProjectID == f.value
		case "id":
			ok = a.ID == f.value
		}
		if !ok {
			return false
		}
	}
	return true
}

func attachmentSortField(a *attachment, k string) string {
	switch k {
	case "id":
		return a.ID
	case "volume_id":
		return a.VolumeID
	case "instance_uuid":
		return a.ServerID
	case "attach_status":
		return a.status()
	case "attach_mode":
		return a.Mode
	case "mountpoint":
		return a.Device
	case "attached_host":
		return a.HostName
	case "attach_time":
		return a.AttachedAt.Format(time.RFC3339Nano)
	case "detach_time":
		return fmtTimePtrStr(a.DetachedAt)
	case "created_at", "updated_at":
		return a.CreatedAt.Format(time.RFC3339Nano)
	}
	return ""
}

func (c *call) showAttachment() {
	if !c.at(27) {
		c.notFound()
		return
	}
	if a, _ := c.attachmentOr404(c.params[0]); a != nil {
		c.json(http.StatusOK, map[string]any{"attachment": c.attachmentDetail(a)})
	}
}

func (c *call) createAttachment() {
	if !c.at(27) {
		c.notFound()
		return
	}
	body, ok := c.envelope("attachment")
	if !ok || !c.required("attachment", body, "volume_uuid") {
		return
	}
	allowed := []string{"volume_uuid", "instance_uuid", "connector"}
	if c.at(54) {
		allowed = append(allowed, "mode")
	}
	if !c.additional("attachment", body, allowed) {
		return
	}
	mode := "null"
	if raw, present := body["mode"]; present {
		m, _ := raw.(string)
		if m != "rw" && m != "ro" {
			c.invalidField("mode", raw, pyRepr(raw, true)+" is not one of ['rw', 'ro']")
			return
		}
		mode = m
	}
	instance, _ := body["instance_uuid"].(string)
	if _, ok := c.uuidField(body, "instance_uuid"); !ok {
		return
	}
	connector, _ := body["connector"].(map[string]any)
	vid, _ := body["volume_uuid"].(string)
	v := c.volumeOr404(vid)
	if v == nil {
		return
	}
	if strings.Contains(v.Status, "error") {
		c.invalidVolume("Volume attachments can not be created if the volume is in an error state. "+
			"The Volume %s currently has a status of: %s ", v.ID, v.Status)
		return
	}
	expected := []string{"available", "downloading"}
	if v.Multiattach {
		expected = []string{"available", "in-use", "downloading"}
	}
	if !slices.Contains(expected, v.Status) {
		override := instance != "" && (v.Status == "in-use" || v.Status == "reserved") &&
			slices.ContainsFunc(v.Attachments, func(a *attachment) bool { return a.ServerID == instance })
		if !override {
			c.invalidVolume("Volume %s status must be %s to reserve, but the current status is %s.",
				v.ID, strings.Join(expected, " or "), v.Status)
			return
		}
	}
	st := c.s.st
	a := &attachment{ID: newUUID(), VolumeID: v.ID, ServerID: instance, Status: "reserved", Mode: mode,
		CreatedAt: st.now()}
	// Cinder tests the admin metadata key for truth as a string, so a
	// volume whose read-only flag was ever set, even back to false, gets "ro".
	if _, flagged := v.AdminMetadata["readonly"]; flagged {
		a.Mode = "ro"
	}
	v.Attachments = append(v.Attachments, a)
	v.pending = false
	if v.Status != "in-use" {
		v.Status = "reserved"
	}
	st.touch(v)
	view := c.attachmentDetail(a)
	if connector != nil {
		c.connect(v, a, connector, false)
		view["connection_info"] = c.connectionInfo(a)
	}
	c.json(http.StatusOK, map[string]any{"attachment": view})
}

// connect records the connector: the attachment and volume go to attaching.
// An update (not a create) also sets a missing mode to "rw". The device is
// the connector's mountpoint, "na" without one.
func (c *call) connect(v *volume, a *attachment, connector map[string]any, update bool) {
	a.Connector = connector
	a.Status = "attaching"
	if update && (a.Mode == "null" || a.Mode == "") {
		a.Mode = "rw"
	}
	a.AttachedAt = c.s.st.now()
	a.HostName, _ = connector["host"].(string)
	a.Device, _ = connector["mountpoint"].(string)
	if a.Device == "" {
		a.Device = "na"
	}
	// access_mode does not follow the attachment's mode: the backend reads
	// the volume's read-only flag, which it only sees in an admin's request.
	a.AccessMode = "rw"
	if c.admin && v.AdminMetadata["readonly"] == "True" {
		a.AccessMode = "ro"
	}
	if v.Status != "in-use" {
		v.Status = "attaching"
	}
	c.s.st.touch(v)
}

func (c *call) updateAttachment() {
	if !c.at(27) {
		c.notFound()
		return
	}
	body, ok := c.envelope("attachment")
	if !ok || !c.required("attachment", body, "connector") {
		return
	}
	connector, isObj := body["connector"].(map[string]any)
	if !isObj {
		c.invalidField("connector", body["connector"], pyRepr(body["connector"], true)+" is not of type 'object'")
		return
	}
	a, v := c.attachmentOr404(c.params[0])
	if a == nil {
		return
	}
	if strings.Contains(v.Status, "error") {
		c.invalidVolume("Volume attachments can not be updated if the volume is in an error state. "+
			"The Volume %s currently has a status of: %s ", v.ID, v.Status)
		return
	}
	// Cinder answers with the attachment as read before the backend
	// connected it: status and mode are the old ones.
	view := c.attachmentDetail(a)
	c.connect(v, a, connector, true)
	view["connection_info"] = c.connectionInfo(a)
	c.json(http.StatusOK, map[string]any{"attachment": view})
}

func (c *call) attachmentAction() {
	if !c.at(44) {
		c.notFound()
		return
	}
	name, _, ok := c.actionBody()
	if !ok {
		return
	}
	if name != "os-complete" {
		c.noSuchAction(name)
		return
	}
	a, v := c.attachmentOr404(c.params[0])
	if a == nil {
		return
	}
	a.Status = "attached"
	v.Status, v.AttachStatus = "in-use", "attached"
	c.s.st.touch(v)
	c.w.WriteHeader(http.StatusNoContent)
}

func (c *call) deleteAttachment() {
	if !c.at(27) {
		c.notFound()
		return
	}
	a, v := c.attachmentOr404(c.params[0])
	if a == nil {
		return
	}
	v.Attachments = slices.DeleteFunc(v.Attachments, func(x *attachment) bool { return x == a })
	switch {
	case len(v.Attachments) == 0:
		v.Status, v.AttachStatus = "available", "detached"
	case slices.ContainsFunc(v.Attachments, (*attachment).attached):
		v.Status = "in-use"
	default:
		v.Status = "reserved"
	}
	c.s.st.touch(v)
	left := []any{}
	for _, o := range v.Attachments {
		left = append(left, c.attachmentDetail(o))
	}
	c.json(http.StatusOK, map[string]any{"attachments": left})
}
