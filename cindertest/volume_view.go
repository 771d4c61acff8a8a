package cindertest

import (
	"strings"
	"time"
)

func fmtTime(t time.Time) string { return t.UTC().Format(cinderTime) }

func fmtTimePtr(t *time.Time) any {
	if t == nil {
		return nil
	}
	return fmtTime(*t)
}

func strOrNil(p *string) any {
	if p == nil {
		return nil
	}
	return *p
}

func (c *call) links(kind, id string) []any {
	base := c.s.CinderURL()
	return []any{
		map[string]string{"rel": "self", "href": base + "/v3/" + c.project + "/" + kind + "/" + id},
		map[string]string{"rel": "bookmark", "href": base + "/" + c.project + "/" + kind + "/" + id},
	}
}

func boolStr(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

// volumeSummary is the GET /volumes element.
func (c *call) volumeSummary(v *volume) map[string]any {
	return map[string]any{"id": v.ID, "name": strOrNil(v.Name), "links": c.links("volumes", v.ID)}
}

// volumeDetail is the detailed view. ext adds the attributes Cinder's
// extensions add on show and detail lists (tenant, host, migration status),
// which are absent from create and update responses.
func (c *call) volumeDetail(v *volume, ext bool) map[string]any {
	st := c.s.st
	typeName := ""
	if t := st.types[v.TypeID]; t != nil {
		typeName = t.Name
	}
	atts := []any{}
	for _, a := range v.Attachments {
		if !a.attached() {
			continue
		}
		host := nilIfEmpty(a.HostName)
		if !c.admin {
			host = nil // the attached host is shown to admins only
		}
		atts = append(atts, map[string]any{"id": v.ID, "attachment_id": a.ID, "volume_id": v.ID,
			"server_id": nilIfEmpty(a.ServerID), "host_name": host, "device": a.Device,
			"attached_at": fmtTime(a.AttachedAt)})
	}
	md := map[string]string{}
	for k, val := range v.Metadata {
		md[k] = val
	}
	out := map[string]any{
		"id": v.ID, "status": v.Status, "size": v.Size, "availability_zone": v.AZ,
		"created_at": fmtTime(v.CreatedAt), "updated_at": fmtTimePtr(v.UpdatedAt),
		"name": strOrNil(v.Name), "description": strOrNil(v.Description), "volume_type": typeName,
		"snapshot_id": strOrNil(v.SnapshotID), "source_volid": strOrNil(v.SourceVol), "metadata": md,
		"links": c.links("volumes", v.ID), "user_id": v.UserID, "bootable": boolStr(v.Bootable),
		"encrypted": v.Encrypted, "replication_status": nil, "consistencygroup_id": nil,
		"multiattach": v.Multiattach, "attachments": atts,
	}
	if v.ImageMetadata != nil {
		im := map[string]string{}
		for k, val := range v.ImageMetadata {
			im[k] = val
		}
		out["volume_image_metadata"] = im
	}
	if c.at(13) {
		out["group_id"] = strOrNil(v.GroupID)
	}
	if c.at(21) && c.admin {
		out["provider_id"] = nil
	}
	if c.at(48) {
		out["shared_targets"] = false
		out["service_uuid"] = nil
		if v.Host != "" {
			out["service_uuid"] = stableUUID(v.Host)
		}
	}
	if c.at(61) && c.admin {
		out["cluster_name"] = nil
	}
	if c.at(63) {
		out["volume_type_id"] = v.TypeID
	}
	if c.at(64) && v.Encrypted {
		out["encryption_key_id"] = stableUUID("key" + v.ID)
	}
	if c.at(65) {
		out["consumes_quota"] = v.ConsumesQuota
	}
	if ext {
		out["os-vol-tenant-attr:tenant_id"] = v.ProjectID
		if c.admin {
			out["migration_status"] = strOrNil(v.MigrationStatus)
			out["os-vol-mig-status-attr:migstat"] = strOrNil(v.MigrationStatus)
			out["os-vol-mig-status-attr:name_id"] = nil
			out["os-vol-host-attr:host"] = nilIfEmpty(v.Host)
		}
	}
	return out
}

func nilIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// stableUUID derives a UUID-shaped string from name.
func stableUUID(name string) string {
	h := stableID(name)
	return strings.Join([]string{h[0:8], h[8:12], h[12:16], h[16:20], h[20:32]}, "-")
}

// isUUID reports whether s looks like a UUID (with or without dashes).
func isUUID(s string) bool {
	h := strings.ReplaceAll(s, "-", "")
	if len(h) != 32 {
		return false
	}
	for _, r := range h {
		if !strings.ContainsRune("0123456789abcdefABCDEF", r) {
			return false
		}
	}
	return true
}

// parseBool accepts the spellings oslo's bool_from_string(strict=True) does.
func parseBool(s string) (val, ok bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "1", "t", "true", "on", "y", "yes":
		return true, true
	case "0", "f", "false", "off", "n", "no":
		return false, true
	}
	return false, false
}

// jsonBool accepts a JSON boolean or one of the strings parseBool accepts.
func jsonBool(v any) (val, ok bool) {
	switch x := v.(type) {
	case bool:
		return x, true
	case string:
		return parseBool(x)
	}
	return false, false
}

const boolEnum = "[True, 'True', 'TRUE', 'true', '1', 'ON', 'On', 'on', 'YES', 'Yes', 'yes', 'y', 't', " +
	"False, 'False', 'FALSE', 'false', '0', 'OFF', 'Off', 'off', 'NO', 'No', 'no', 'n', 'f']"

// volumeTypeRepr renders a volume type the way Cinder's VolumeType object
// prints itself in some messages.
func volumeTypeRepr(t *volumeType) string {
	if t == nil {
		return "None"
	}
	desc := "None"
	if t.Description != nil {
		desc = "'" + *t.Description + "'"
	}
	specs := map[string]any{}
	for k, v := range t.ExtraSpecs {
		if v == nil {
			specs[k] = nil
		} else {
			specs[k] = *v
		}
	}
	var projects []any
	for _, p := range sortedKeys(boolKeys(t.Access)) {
		projects = append(projects, p)
	}
	qos := "None"
	if t.QosID != "" {
		qos = t.QosID
	}
	return "VolumeType(created_at=" + t.CreatedAt.UTC().Format("2006-01-02T15:04:05Z") + ",deleted=False,deleted_at=None," +
		"description=" + desc + ",extra_specs=" + pyRepr(specs, true) + ",id=" + t.ID + ",is_public=" +
		pyRepr(t.IsPublic, false) + ",name='" + t.Name + "',projects=" + pyRepr(append([]any{}, projects...), true) +
		",qos_specs=<?>,qos_specs_id=" + qos + ",updated_at=None)"
}

func boolKeys(m map[string]bool) map[string]string {
	out := map[string]string{}
	for k, v := range m {
		if v {
			out[k] = ""
		}
	}
	return out
}
