package cindertest

import (
	"fmt"
	"maps"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"
)

func volumeRoutes() []route {
	return []route{
		rt("GET", "volumes", func(c *call) { c.listVolumes(false) }),
		rt("GET", "volumes/detail", func(c *call) { c.listVolumes(true) }),
		rt("GET", "volumes/summary", (*call).volumeSummaryTotals),
		rt("POST", "volumes", (*call).createVolume),
		rt("GET", "volumes/{id}", (*call).showVolume),
		rt("PUT", "volumes/{id}", (*call).updateVolume),
		rt("DELETE", "volumes/{id}", (*call).deleteVolume),
		rt("GET", "volumes/{id}/encryption", (*call).volumeEncryption),
		rt("GET", "volumes/{id}/encryption/{key}", (*call).volumeEncryptionKey),
		rt("POST", "volumes/{id}/action", (*call).volumeAction),
	}
}

func (c *call) showVolume() {
	if v := c.volumeOr404(c.params[0]); v != nil {
		c.json(http.StatusOK, map[string]any{"volume": c.volumeDetail(v, true)})
	}
}

var digits = regexp.MustCompile(`^[0-9]+$`)

// createKeys are the properties allowed by the 3.53 create schema.
var createKeys = []string{"name", "description", "display_name", "display_description", "size",
	"availability_zone", "source_volid", "snapshot_id", "backup_id", "group_id", "consistencygroup_id",
	"imageRef", "image_id", "volume_type", "metadata", "multiattach", "source_replica"}

// parseSize validates a size property like Cinder's schema; ok false means a 400 was sent.
func (c *call) parseSize(field string, raw any) (int, bool) {
	switch x := raw.(type) {
	case float64:
		if x != float64(int(x)) {
			c.invalidField(field, x, pyRepr(x, true)+" is not valid under any of the given schemas")
			return 0, false
		}
		if x < 1 {
			c.invalidField(field, x, fmt.Sprintf("%d is less than the minimum of 1", int(x)))
			return 0, false
		}
		return int(x), true
	case string:
		if !digits.MatchString(x) {
			c.invalidField(field, x, fmt.Sprintf("'%s' does not match '^[0-9]+$'", x))
			return 0, false
		}
		n := 0
		_, _ = fmt.Sscan(x, &n)
		if n < 1 {
			c.invalidField(field, x, fmt.Sprintf("'%s' is less than the minimum of 1", x))
			return 0, false
		}
		return n, true
	}
	c.invalidField(field, raw, pyRepr(raw, true)+" is not valid under any of the given schemas")
	return 0, false
}

// textField validates name/description: string or null, at most 255 characters.
func (c *call) textField(body map[string]any, keys ...string) (*string, bool) {
	for _, k := range keys {
		raw, present := body[k]
		if !present {
			continue
		}
		if raw == nil {
			return nil, true
		}
		s, isStr := raw.(string)
		if !isStr {
			c.invalidField(k, raw, pyRepr(raw, true)+" is not valid under any of the given schemas")
			return nil, false
		}
		if n := utf8.RuneCountInString(s); n > 255 {
			c.fault(400, "Invalid input received: %s has %d characters, more than 255.", keys[0], n)
			return nil, false
		}
		return &s, true
	}
	return nil, true
}

// metadataField validates a {string: string} object.
func (c *call) metadataField(raw any, field string) (map[string]string, bool) {
	obj, isObj := raw.(map[string]any)
	if !isObj {
		c.invalidField(field, raw, pyRepr(raw, true)+" is not of type 'object'")
		return nil, false
	}
	out := map[string]string{}
	for _, k := range orderedKeys(obj) {
		s, isStr := obj[k].(string)
		if !isStr {
			c.invalidField(k, obj[k], pyRepr(obj[k], true)+" is not of type 'string'")
			return nil, false
		}
		if len(k) > 255 || len(s) > 255 {
			c.invalidField(k, s, "is too long")
			return nil, false
		}
		out[k] = s
	}
	return out, true
}

// envelope decodes {"<key>": {...}} and answers Cinder's 400s.
func (c *call) envelope(key string) (map[string]any, bool) {
	var top map[string]any
	if !c.decode(&top) {
		return nil, false
	}
	raw, ok := top[key]
	if !ok {
		c.fault(400, "'%s' is a required property", key)
		return nil, false
	}
	body, ok := raw.(map[string]any)
	if !ok {
		c.invalidField(key, raw, pyRepr(raw, true)+" is not of type 'object'")
		return nil, false
	}
	return body, true
}

func (c *call) uuidField(body map[string]any, key string) (*string, bool) {
	raw, present := body[key]
	if !present || raw == nil {
		return nil, true
	}
	s, isStr := raw.(string)
	if !isStr || !isUUID(s) {
		c.invalidField(key, raw, pyRepr(raw, true)+" is not valid under any of the given schemas")
		return nil, false
	}
	return &s, true
}

func (c *call) createVolume() {
	body, ok := c.envelope("volume")
	if !ok {
		return
	}
	if c.at(53) {
		for _, k := range orderedKeys(body) {
			if !slices.Contains(createKeys, k) {
				c.invalidField("volume", body, fmt.Sprintf("Additional properties are not allowed ('%s' was unexpected)", k))
				return
			}
		}
	}
	st := c.s.st
	v := &volume{ID: newUUID(), ProjectID: c.tok.projectID, UserID: c.tok.userID, AZ: "nova",
		TypeID: st.projectDefaultType(c.tok.projectID), Metadata: map[string]string{}, CreatedAt: st.now(), Host: defaultHost,
		AttachStatus: "detached", ConsumesQuota: true}
	if v.Name, ok = c.textField(body, "name", "display_name"); !ok {
		return
	}
	if v.Description, ok = c.textField(body, "description", "display_description"); !ok {
		return
	}
	size := 0
	if raw, present := body["size"]; present && raw != nil {
		if size, ok = c.parseSize("size", raw); !ok {
			return
		}
	}
	if raw, present := body["metadata"]; present && raw != nil {
		if v.Metadata, ok = c.metadataField(raw, "metadata"); !ok {
			return
		}
	}
	if raw, present := body["multiattach"]; present {
		b, valid := jsonBool(raw)
		if !valid {
			c.invalidField("multiattach", raw, pyRepr(raw, true)+" is not valid under any of the given schemas")
			return
		}
		v.Multiattach = b
	}
	for _, k := range []string{"snapshot_id", "source_volid", "backup_id", "group_id"} {
		if _, ok := c.uuidField(body, k); !ok {
			return
		}
	}
	if raw, present := body["availability_zone"]; present && raw != nil {
		if az, _ := raw.(string); az != "nova" {
			c.fault(400, "Availability zone '%s' is invalid.", pyRepr(raw, false))
			return
		}
	}
	if raw, present := body["volume_type"]; present && raw != nil {
		name := pyRepr(raw, false)
		t := st.typeByNameOrID(name)
		if t == nil {
			if isUUID(name) {
				c.fault(404, "Volume type %s could not be found.", name)
			} else {
				c.fault(404, "Volume type with name %s could not be found.", name)
			}
			return
		}
		if !c.typeVisible(t) {
			c.fault(404, "Volume type %s could not be found.", t.ID)
			return
		}
		v.TypeID = t.ID
	}
	if t := st.types[v.TypeID]; t != nil && t.Encryption != nil {
		v.Encrypted = true
	}
	if t := st.types[v.TypeID]; t != nil && strings.EqualFold(derefOr(t.ExtraSpecs["multiattach"], ""), "<is> True") {
		v.Multiattach = true
	}
	if sid, _ := body["snapshot_id"].(string); sid != "" {
		sn := st.snapshots[sid]
		if sn == nil || (sn.ProjectID != c.tok.projectID && !c.admin) {
			c.fault(404, "Snapshot %s could not be found.", sid)
			return
		}
		if sn.Status != "available" {
			c.fault(400, "Invalid snapshot: Originating snapshot status must be one of 'available' values")
			return
		}
		if size != 0 && size < sn.Size {
			c.fault(400, "Invalid input received: Volume size '%d'GB cannot be smaller than the snapshot size %dGB. "+
				"They must be >= original snapshot size.", size, sn.Size)
			return
		}
		v.SnapshotID = &sid
		size = max(size, sn.Size)
		if src := st.volumes[sn.VolumeID]; src != nil {
			v.TypeID, v.Bootable = src.TypeID, src.Bootable
		}
	}
	if src, _ := body["source_volid"].(string); src != "" {
		sv := c.visibleVolume(src)
		if sv == nil {
			c.fault(404, "Volume %s could not be found.", src)
			return
		}
		if sv.Status != "available" && sv.Status != "in-use" {
			c.fault(400, "Invalid volume: Originating source volume status must be one of 'available, in-use' values")
			return
		}
		if size != 0 && size < sv.Size {
			c.fault(400, "Invalid input received: Volume size '%d'GB cannot be smaller than original volume size  %dGB. "+
				"They must be >= original volume size.", size, sv.Size)
			return
		}
		v.SourceVol = &src
		size = max(size, sv.Size)
		v.TypeID = sv.TypeID
		v.Bootable = sv.Bootable
	}
	if bid, _ := body["backup_id"].(string); bid != "" && c.at(47) {
		b := c.backupOr404(bid)
		if b == nil {
			return
		}
		if b.Status != "available" {
			c.fault(400, "Invalid backup: Originating backup status must be one of 'available' values")
			return
		}
		if size != 0 && size < b.Size {
			c.fault(400, "Invalid input received: Volume size %dGB cannot be smaller than the backup size %dGB. "+
				"It must be >= backup size.", size, b.Size)
			return
		}
		v.BackupID = &bid
		size = max(size, b.Size)
	}
	if gid, _ := body["group_id"].(string); gid != "" {
		g := c.groupOr404(gid)
		if g == nil {
			return
		}
		t := st.types[v.TypeID]
		switch {
		case body["volume_type"] == nil:
			c.fault(400, "Invalid input received: volume_type must be provided when creating a volume in a group.")
			return
		case t == nil || !slices.Contains(g.VolumeTypes, t.ID):
			c.fault(400, "Invalid input received: Invalid volume_type provided: %s (requested type must be "+
				"supported by this group).", volumeTypeRepr(t))
			return
		}
		v.GroupID, v.AZ = &g.ID, g.AZ
	}
	img, _ := body["imageRef"].(string)
	if img == "" {
		img, _ = body["image_id"].(string)
	}
	if img != "" {
		v.ImageMetadata = map[string]string{"image_id": img, "image_name": "image-" + img[:min(8, len(img))],
			"container_format": "bare", "disk_format": "raw", "min_disk": "0", "min_ram": "0",
			"checksum": stableID(img), "size": "1073741824"}
		v.Bootable = true
		size = max(size, 1)
	}
	if size == 0 {
		c.fault(400, "The server could not comply with the request since it is either malformed or otherwise incorrect.")
		return
	}
	v.Size = size
	if msg := st.checkQuota(v.ProjectID, v.TypeID, 1, size); msg != "" {
		c.fault(413, "%s", msg)
		return
	}
	placed := c.s.schedulable(size, st.types[v.TypeID])
	st.volumes[v.ID] = v
	if placed {
		st.transition(v, "creating", "available", c.s.opts.CreateDelay, nil)
	} else {
		v.Host = ""
		project, reqID, ttl := v.ProjectID, c.reqID, c.s.opts.MessageTTL
		st.transition(v, "creating", "error", c.s.opts.CreateDelay, func(v *volume) {
			st.addMessage(project, eventScheduleFailed, msgScheduleFailed, reqID, v.ID, ttl)
		})
	}
	v.UpdatedAt = nil
	view := c.volumeDetail(v, false)
	if c.at(48) {
		// The create answer is built before the volume is scheduled to a backend.
		view["service_uuid"], view["shared_targets"] = nil, true
	}
	c.json(http.StatusAccepted, map[string]any{"volume": view})
}

var updateKeys = []string{"name", "description", "display_name", "display_description", "metadata"}

func (c *call) updateVolume() {
	body, ok := c.envelope("volume")
	if !ok {
		return
	}
	if c.at(53) {
		if len(body) == 0 {
			c.invalidField("volume", body, "{} is not valid under any of the given schemas")
			return
		}
		for _, k := range orderedKeys(body) {
			if !slices.Contains(updateKeys, k) {
				c.invalidField("volume", body, fmt.Sprintf("Additional properties are not allowed ('%s' was unexpected)", k))
				return
			}
		}
	}
	v := c.volumeOr404(c.params[0])
	if v == nil {
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
	var md map[string]string
	if raw, present := body["metadata"]; present && raw != nil {
		if md, ok = c.metadataField(raw, "metadata"); !ok {
			return
		}
	}
	changed := false
	if _, p := body["name"]; p || body["display_name"] != nil {
		v.Name, changed = name, true
	}
	if _, p := body["description"]; p || body["display_description"] != nil {
		v.Description, changed = desc, true
	}
	if md != nil {
		v.Metadata, changed = md, true
	}
	if changed {
		c.s.st.touch(v)
	}
	c.json(http.StatusOK, map[string]any{"volume": c.volumeDetail(v, false)})
}

// deletable are the statuses Cinder allows a (non-forced) delete from.
var deletable = []string{"available", "error", "error_restoring", "error_extending", "error_managing"}

const msgCannotDelete = "Invalid volume: Volume status must be available or error or error_restoring or " +
	"error_extending or error_managing and must not be migrating, attached, belong to a group, have snapshots, " +
	"awaiting a transfer, or be disassociated from snapshots after volume transfer."

func (c *call) boolQuery(name string) (val, ok bool) {
	raw := c.r.URL.Query().Get(name)
	if raw == "" {
		return false, true
	}
	b, valid := parseBool(raw)
	if !valid {
		c.fault(400, "Value '%s' for '%s' is not a boolean.", raw, name)
		return false, false
	}
	return b, true
}

func (c *call) deleteVolume() {
	cascade, ok := c.boolQuery("cascade")
	if !ok {
		return
	}
	force := false
	if c.at(23) {
		if force, ok = c.boolQuery("force"); !ok {
			return
		}
		if force && !c.requireAdmin("volume:force_delete") {
			return
		}
	}
	v := c.volumeOr404(c.params[0])
	if v == nil {
		return
	}
	st := c.s.st
	bad := len(v.Attachments) > 0 || v.GroupID != nil || (v.MigrationStatus != nil && *v.MigrationStatus == "migrating") ||
		(!force && !slices.Contains(deletable, v.Status)) || !c.snapshotsAllowDelete(v, cascade, force)
	if bad {
		c.fault(400, "%s", msgCannotDelete)
		return
	}
	st.transition(v, "deleting", "", c.s.opts.CreateDelay, nil)
	c.accepted()
}

// snapshotsAllowDelete applies Cinder's snapshot conditions of a volume
// delete: without cascade any snapshot blocks it; a cascade needs every
// snapshot available or error (unless forced), and a non-admin may not
// cascade over a snapshot of another project (one left behind by a transfer
// with no_snapshots).
func (c *call) snapshotsAllowDelete(v *volume, cascade, force bool) bool {
	snaps := c.s.st.snapshotsOf(v.ID)
	if !cascade {
		return len(snaps) == 0
	}
	for _, sn := range snaps {
		if !force && sn.Status != "available" && sn.Status != "error" {
			return false
		}
		if !force && !c.admin && sn.ProjectID != v.ProjectID {
			return false
		}
	}
	return true
}

func (c *call) volumeEncryption() {
	v := c.volumeOr404(c.params[0])
	if v == nil {
		return
	}
	// Cinder reads the volume's key ID and its type's current encryption.
	out := map[string]any{"encryption_key_id": nil}
	if v.Encrypted {
		out["encryption_key_id"] = stableUUID("key" + v.ID)
	}
	if t := c.s.st.types[v.TypeID]; t != nil && t.Encryption != nil {
		maps.Copy(out, t.Encryption.fields())
	}
	c.json(http.StatusOK, out)
}

func (c *call) volumeEncryptionKey() {
	if c.volumeOr404(c.params[0]) == nil {
		return
	}
	c.w.WriteHeader(http.StatusOK)
}

func (c *call) volumeSummaryTotals() {
	if !c.at(12) {
		c.notFound()
		return
	}
	all := c.admin && c.r.URL.Query().Has("all_tenants")
	count, size := 0, 0
	md := map[string][]string{}
	for _, v := range c.s.st.volumes {
		if !all && v.ProjectID != c.tok.projectID {
			continue
		}
		count++
		size += v.Size
		for k, val := range v.Metadata {
			if !slices.Contains(md[k], val) {
				md[k] = append(md[k], val)
			}
		}
	}
	out := map[string]any{"total_count": count, "total_size": size}
	if c.at(36) {
		out["metadata"] = md
	}
	c.json(http.StatusOK, map[string]any{"volume-summary": out})
}
