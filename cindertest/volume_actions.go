package cindertest

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"
)

// volumeAction is one os-* action: minimum microversion and handler.
type volumeAction struct {
	since int
	h     func(c *call, v *volume, body map[string]any)
	// noLookup actions validate their body before looking the volume up.
}

// newVolumeActions builds the action table (once per server: a package
// variable would be an initialization cycle, as the handlers reach it).
func newVolumeActions() map[string]volumeAction {
	return map[string]volumeAction{
		"os-extend":                    {0, (*call).actExtend},
		"os-extend_volume_completion":  {71, (*call).actExtendCompletion},
		"os-reset_status":              {0, (*call).actResetStatus},
		"revert":                       {40, (*call).actRevert},
		"os-set_image_metadata":        {0, (*call).actSetImageMetadata},
		"os-unset_image_metadata":      {0, (*call).actUnsetImageMetadata},
		"os-show_image_metadata":       {0, (*call).actShowImageMetadata},
		"os-attach":                    {0, (*call).actAttach},
		"os-detach":                    {0, (*call).actDetach},
		"os-force_detach":              {0, (*call).actForceDetach},
		"os-reserve":                   {0, (*call).actReserve},
		"os-unreserve":                 {0, (*call).actUnreserve},
		"os-begin_detaching":           {0, (*call).actBeginDetaching},
		"os-roll_detaching":            {0, (*call).actRollDetaching},
		"os-initialize_connection":     {0, (*call).actInitializeConnection},
		"os-terminate_connection":      {0, (*call).actTerminateConnection},
		"os-update_readonly_flag":      {0, (*call).actUpdateReadonly},
		"os-set_bootable":              {0, (*call).actSetBootable},
		"os-retype":                    {0, (*call).actRetype},
		"os-migrate_volume":            {0, (*call).actMigrate},
		"os-migrate_volume_completion": {0, (*call).actMigrateCompletion},
		"os-force_delete":              {0, (*call).actForceDelete},
		"os-unmanage":                  {0, (*call).actUnmanage},
		"os-volume_upload_image":       {0, (*call).actUploadImage},
		"os-reimage":                   {68, (*call).actReimage},
	}
}

// objectActions are the actions whose schema wants an object body (null
// is refused; the others treat it as {}).
var objectActions = []string{"os-force_detach", "os-volume_upload_image"}

func (c *call) volumeAction() {
	name, raw, ok := c.actionBody()
	if !ok {
		return
	}
	act, ok := c.s.volumeActions[name]
	if !ok {
		c.noSuchAction(name)
		return
	}
	if !c.at(act.since) {
		c.notFound()
		return
	}
	body, isObj := raw.(map[string]any)
	if !isObj && slices.Contains(objectActions, name) {
		c.invalidField(name, raw, pyRepr(raw, true)+" is not of type 'object'")
		return
	}
	if body == nil {
		body = map[string]any{}
	}
	v := c.volumeOr404(c.params[0])
	if v == nil {
		return
	}
	act.h(c, v, body)
}

// required answers jsonschema's "'x' is a required property" for the action.
func (c *call) required(action string, body map[string]any, keys ...string) bool {
	for _, k := range keys {
		if _, ok := body[k]; !ok {
			c.invalidField(action, body, fmt.Sprintf("'%s' is a required property", k))
			return false
		}
	}
	return true
}

func (c *call) invalidVolume(format string, args ...any) {
	c.fault(400, "Invalid volume: "+format, args...)
}

func (c *call) actExtend(v *volume, body map[string]any) {
	if !c.required("os-extend", body, "new_size") {
		return
	}
	size, ok := c.parseSize("new_size", body["new_size"])
	if !ok {
		return
	}
	switch {
	case v.Status == "available":
	case v.Status == "in-use" && c.at(42):
	case c.at(42):
		c.invalidVolume("Volume %s status must be '{'status': ('available', 'in-use')}' to extend, currently %s.", v.ID, v.Status)
		return
	default:
		c.invalidVolume("Volume %s status must be '{'status': 'available'}' to extend, currently %s.", v.ID, v.Status)
		return
	}
	if size <= v.Size {
		c.fault(400, "Invalid input received: New size for extend must be greater than current size. (current: %d, extended: %d).", v.Size, size)
		return
	}
	st := c.s.st
	if q := st.quota(v.ProjectID); q.PerVolumeGigabytes >= 0 && size > q.PerVolumeGigabytes {
		c.fault(413, "VolumeSizeExceedsLimit: Requested volume size %dG is larger than maximum allowed limit %dG.", size, q.PerVolumeGigabytes)
		return
	}
	if msg := st.checkQuota(v.ProjectID, v.TypeID, 0, size-v.Size); msg != "" {
		c.fault(413, "%s", msg)
		return
	}
	v.AdminMetadata = setKey(v.AdminMetadata, "extend_new_size", itoa(size))
	st.transition(v, "extending", v.Status, c.s.opts.CreateDelay, func(v *volume) {
		v.Size = size
		delete(v.AdminMetadata, "extend_new_size")
	})
	c.accepted()
}

func setKey(m map[string]string, k, v string) map[string]string {
	if m == nil {
		m = map[string]string{}
	}
	m[k] = v
	return m
}

func (c *call) actExtendCompletion(v *volume, body map[string]any) {
	if !c.requireAdmin("volume_extension:volume_admin_actions:extend_volume_completion") {
		return
	}
	failed := false
	if raw, ok := body["error"]; ok {
		b, valid := jsonBool(raw)
		if !valid {
			c.invalidField("error", raw, pyRepr(raw, true)+" is not of type 'boolean'")
			return
		}
		failed = b
	}
	newSize := v.AdminMetadata["extend_new_size"]
	if v.Status != "extending" || newSize == "" {
		c.invalidVolume("Volume %s status must be 'extending', currently %s.", v.ID, v.Status)
		return
	}
	final := v.pendingStatus
	v.pending = false
	v.Status = final
	if !failed {
		_, _ = fmt.Sscan(newSize, &v.Size)
	}
	delete(v.AdminMetadata, "extend_new_size")
	c.s.st.touch(v)
	c.accepted()
}

var volumeStatuses = []string{"creating", "available", "deleting", "error", "error_deleting", "error_managing",
	"managing", "attaching", "in-use", "detaching", "maintenance", "restoring-backup", "error_restoring",
	"reserved", "awaiting-transfer", "backing-up", "error_backing-up", "error_extending", "downloading",
	"uploading", "retyping", "extending"}

// migrationStatuses are the values os-reset_status takes for migration_status.
var migrationStatuses = []string{"migrating", "error", "success", "completing", "none", "starting"}

func (c *call) actResetStatus(v *volume, body map[string]any) {
	// Cinder validates the body before the policy check.
	status, _ := body["status"].(string)
	attach, _ := body["attach_status"].(string)
	mig, _ := body["migration_status"].(string)
	if status == "" && attach == "" && mig == "" {
		c.fault(400, "Must specify 'status', 'attach_status' or 'migration_status' for update.")
		return
	}
	if status != "" && !slices.Contains(volumeStatuses, strings.ToLower(status)) {
		quoted := make([]string, len(volumeStatuses))
		for i, s := range volumeStatuses {
			quoted[i] = "'" + s + "'"
		}
		c.fault(400, "Volume status: %s is invalid, valid statuses are: (%s).", status, strings.Join(quoted, ", "))
		return
	}
	if attach != "" && attach != "attached" && attach != "detached" {
		c.fault(400, "Volume attach status: %s is invalid, valid statuses are: ('attached', 'detached').", attach)
		return
	}
	if mig != "" && !slices.Contains(migrationStatuses, strings.ToLower(mig)) {
		c.fault(400, "Volume migration status: %s is invalid, valid statuses are: "+
			"('migrating', 'error', 'success', 'completing', 'none', 'starting').", mig)
		return
	}
	if !c.requireAdmin("volume_extension:volume_admin_actions:reset_status") {
		return
	}
	v.pending = false
	if status != "" {
		v.Status = strings.ToLower(status)
	}
	if attach != "" {
		v.AttachStatus = attach
		if attach == "detached" {
			v.Attachments = nil
		}
	}
	if mig != "" {
		mig = strings.ToLower(mig)
		if mig == "none" {
			v.MigrationStatus = nil
		} else {
			v.MigrationStatus = &mig
		}
	}
	c.s.st.touch(v)
	c.accepted()
}

func (c *call) actRevert(v *volume, body map[string]any) {
	snaps := c.s.st.snapshotsOf(v.ID)
	if len(snaps) == 0 {
		c.fault(400, "Volume %s doesn't have any snapshots.", v.ID)
		return
	}
	sid, _ := body["snapshot_id"].(string)
	if sid != snaps[0].ID {
		c.fault(400, "Specified snapshot %s is None or not the latest one of volume %s.", pyRepr(body["snapshot_id"], false), v.ID)
		return
	}
	if v.Status != "available" || snaps[0].Status != "available" {
		c.invalidVolume("Volume status must be available and snapshot status must be available to revert, but volume %s status is %s.", v.ID, v.Status)
		return
	}
	if v.Size != snaps[0].Size {
		c.invalidVolume("Volume %s size %d does not match snapshot %s size %d.", v.ID, v.Size, sid, snaps[0].Size)
		return
	}
	c.s.st.transition(v, "reverting", "available", c.s.opts.CreateDelay, nil)
	c.accepted()
}

func (c *call) actSetImageMetadata(v *volume, body map[string]any) {
	if !c.required("os-set_image_metadata", body, "metadata") {
		return
	}
	md, ok := c.metadataField(body["metadata"], "metadata")
	if !ok {
		return
	}
	if v.ImageMetadata == nil {
		v.ImageMetadata = map[string]string{}
	}
	for k, val := range md {
		v.ImageMetadata[k] = val
	}
	c.json(http.StatusOK, map[string]any{"metadata": v.ImageMetadata})
}

func (c *call) glanceNotFound(v *volume) {
	c.fault(404, "Glance metadata for volume/snapshot %s cannot be found.", v.ID)
}

func (c *call) actUnsetImageMetadata(v *volume, body map[string]any) {
	if !c.required("os-unset_image_metadata", body, "key") {
		return
	}
	key, _ := body["key"].(string)
	if _, ok := v.ImageMetadata[key]; !ok {
		c.glanceNotFound(v)
		return
	}
	delete(v.ImageMetadata, key)
	c.w.WriteHeader(http.StatusOK)
}

func (c *call) actShowImageMetadata(v *volume, _ map[string]any) {
	if len(v.ImageMetadata) == 0 {
		c.glanceNotFound(v)
		return
	}
	c.json(http.StatusOK, map[string]any{"metadata": v.ImageMetadata})
}

func (c *call) boolAction(action, field string, body map[string]any) (bool, bool) {
	if !c.required(action, body, field) {
		return false, false
	}
	b, ok := jsonBool(body[field])
	if !ok {
		c.invalidField(field, body[field], fmt.Sprintf("%s is not one of %s", pyRepr(body[field], true), boolEnum))
	}
	return b, ok
}

func (c *call) actUpdateReadonly(v *volume, body map[string]any) {
	ro, ok := c.boolAction("os-update_readonly_flag", "readonly", body)
	if !ok {
		return
	}
	if v.Status != "available" {
		c.invalidVolume("Volume %s status must be available to update readonly flag, but current status is: %s.", v.ID, v.Status)
		return
	}
	v.AdminMetadata = setKey(v.AdminMetadata, "readonly", map[bool]string{true: "True", false: "False"}[ro])
	c.s.st.touch(v)
	c.accepted()
}

func (c *call) actSetBootable(v *volume, body map[string]any) {
	b, ok := c.boolAction("os-set_bootable", "bootable", body)
	if !ok {
		return
	}
	v.Bootable = b
	c.s.st.touch(v)
	c.w.WriteHeader(http.StatusOK)
}

func (c *call) actRetype(v *volume, body map[string]any) {
	if !c.required("os-retype", body, "new_type") {
		return
	}
	if raw, ok := body["migration_policy"]; ok && raw != nil {
		if p, _ := raw.(string); p != "on-demand" && p != "never" {
			c.invalidField("migration_policy", raw, fmt.Sprintf("%s is not one of ['on-demand', 'never']", pyRepr(raw, true)))
			return
		}
	}
	name := pyRepr(body["new_type"], false)
	t := c.s.st.typeByNameOrID(name)
	if t == nil {
		if isUUID(name) {
			c.fault(404, "Volume type %s could not be found.", name)
		} else {
			c.fault(404, "Volume type with name %s could not be found.", name)
		}
		return
	}
	if (v.Status != "available" && v.Status != "in-use") || t.ID == v.TypeID ||
		(v.MigrationStatus != nil && *v.MigrationStatus == "migrating") {
		c.invalidVolume("Retype needs volume to be in available or in-use state, not be part of an active migration " +
			"or a consistency group, requested type has to be different that the one from the volume, and for " +
			"in-use volumes front-end qos specs cannot change.")
		return
	}
	c.s.st.transition(v, "retyping", v.Status, c.s.opts.CreateDelay, func(v *volume) { v.TypeID = t.ID })
	c.accepted()
}

// knownHosts are the backends the emulator pretends to run.
var knownHosts = []string{"emulator", "emulator@lvm", defaultHost, "emulator@lvm2", "emulator@lvm2#pool"}

func (c *call) actMigrate(v *volume, body map[string]any) {
	host, _ := body["host"].(string)
	cluster, hasCluster := body["cluster"].(string)
	if !c.at(16) || !hasCluster {
		if !c.required("os-migrate_volume", body, "host") {
			return
		}
	}
	if !c.requireAdmin("volume_extension:volume_admin_actions:migrate_volume") {
		return
	}
	if host != "" && hasCluster && c.at(16) {
		c.fault(400, "Invalid input received: One and only one of cluster and host must be set.")
		return
	}
	target := host
	if target == "" {
		target = cluster
	}
	if !slices.Contains(knownHosts, target) || hasCluster && host == "" {
		c.fault(400, "Invalid host: No available service named '%s'", target)
		return
	}
	if v.Status != "available" && v.Status != "in-use" {
		c.invalidVolume("Volume %s status must be available or in-use, currently %s.", v.ID, v.Status)
		return
	}
	if strings.HasPrefix(v.Host, target) && v.Host == strings.TrimSuffix(target, "#pool")+"#pool" {
		c.fault(400, "Invalid host: Destination host must be different than the current host.")
		return
	}
	v.MigrationStatus = ptr("migrating")
	c.s.st.transition(v, v.Status, v.Status, c.s.opts.CreateDelay, func(v *volume) {
		v.MigrationStatus = ptr("success")
		v.Host = strings.TrimSuffix(target, "#pool") + "#pool"
		if !strings.Contains(target, "@") {
			v.Host = target + "@lvm#pool"
		}
	})
	c.accepted()
}

func (c *call) actMigrateCompletion(v *volume, body map[string]any) {
	if !c.required("os-migrate_volume_completion", body, "new_volume") {
		return
	}
	nv, _ := body["new_volume"].(string)
	if !isUUID(nv) {
		c.invalidField("new_volume", body["new_volume"], fmt.Sprintf("'%s' is not a 'uuid'", nv))
		return
	}
	if !c.requireAdmin("volume_extension:volume_admin_actions:migrate_volume_completion") {
		return
	}
	dst := c.s.st.volumes[nv]
	if dst == nil {
		c.fault(404, "Volume %s could not be found.", nv)
		return
	}
	failed, _ := jsonBool(body["error"])
	if v.MigrationStatus == nil && dst.MigrationStatus == nil {
		// A swap Nova started, not a Cinder migration: the attachments
		// move to the new volume (in rw mode), which Nova keeps.
		if !failed {
			c.moveAttachments(v, dst)
		}
		c.json(http.StatusOK, map[string]any{"save_volume_id": dst.ID})
		return
	}
	switch {
	case v.MigrationStatus == nil:
		c.invalidVolume("Source volume not mid-migration.")
		return
	case dst.MigrationStatus == nil:
		c.invalidVolume("Destination volume not mid-migration.")
		return
	case *dst.MigrationStatus != "target:"+v.ID:
		c.invalidVolume("Destination has migration_status %s, expected target:%s.", *dst.MigrationStatus, v.ID)
		return
	}
	if !failed {
		v.MigrationStatus = ptr("success")
	} else {
		v.MigrationStatus = ptr("error")
	}
	c.json(http.StatusOK, map[string]any{"save_volume_id": v.ID})
}

// moveAttachments detaches src's attachments and attaches dst in rw mode
// to the same servers, hosts and devices.
func (c *call) moveAttachments(src, dst *volume) {
	st := c.s.st
	moved := 0
	for _, a := range src.Attachments {
		if !a.attached() {
			continue
		}
		now := st.now()
		dst.Attachments = append(dst.Attachments, &attachment{ID: newUUID(), VolumeID: dst.ID, CreatedAt: now,
			ServerID: a.ServerID, HostName: a.HostName, Device: a.Device, AttachedAt: now, Mode: "rw"})
		moved++
	}
	if moved == 0 {
		return
	}
	src.Attachments = slices.DeleteFunc(src.Attachments, (*attachment).attached)
	if len(src.Attachments) == 0 {
		src.pending, src.Status, src.AttachStatus = false, "available", "detached"
	}
	st.touch(src)
	dst.pending, dst.Status, dst.AttachStatus = false, "in-use", "attached"
	st.touch(dst)
}

func (c *call) actForceDelete(v *volume, _ map[string]any) {
	if !c.requireAdmin("volume_extension:volume_admin_actions:force_delete") {
		return
	}
	if len(c.s.st.snapshotsOf(v.ID)) > 0 {
		c.invalidVolume("Volume %s still has dependent snapshots.", v.ID)
		return
	}
	v.Attachments = nil
	c.s.st.transition(v, "deleting", "", c.s.opts.CreateDelay, nil)
	c.accepted()
}

func (c *call) actUnmanage(v *volume, _ map[string]any) {
	if !c.requireAdmin("volume_extension:volume_unmanage") {
		return
	}
	if !slices.Contains(deletable, v.Status) || len(v.Attachments) > 0 || len(c.s.st.snapshotsOf(v.ID)) > 0 {
		c.fault(400, "%s", msgCannotDelete)
		return
	}
	c.s.st.transition(v, "unmanaging", "", c.s.opts.CreateDelay, nil)
	// The backend keeps the volume under the driver's name: it is manageable now.
	c.s.st.backendVolumes = append(c.s.st.backendVolumes, backendVolume{"volume-" + v.ID, v.Size})
	c.accepted()
}

func (c *call) actUploadImage(v *volume, body map[string]any) {
	if !c.uploadImageBody(body) {
		return
	}
	force, _ := jsonBool(body["force"])
	if v.Status != "available" && !(force && v.Status == "in-use") {
		c.invalidVolume("Volume %s status must be available or in-use, but current status is: %s.", v.ID, v.Status)
		return
	}
	str := func(k, def string) string {
		if s, ok := body[k].(string); ok && s != "" {
			return s
		}
		return def
	}
	prev := v.Status
	c.s.st.transition(v, "uploading", prev, c.s.opts.CreateDelay, nil)
	t := c.s.st.types[v.TypeID]
	protected, _ := jsonBool(body["protected"])
	c.json(http.StatusAccepted, map[string]any{"os-volume_upload_image": map[string]any{
		"id": v.ID, "updated_at": fmtTimePtr(v.UpdatedAt), "status": "uploading",
		"display_description": strOrNil(v.Description), "size": v.Size,
		"volume_type": map[string]any{"id": t.ID, "name": t.Name, "is_public": t.IsPublic,
			"description": t.Description, "extra_specs": t.ExtraSpecs, "deleted": false,
			"created_at": fmtTime(time.Unix(0, 0)), "updated_at": nil, "deleted_at": nil, "qos_specs_id": nil},
		"image_id": newUUID(), "container_format": str("container_format", "bare"),
		"disk_format": str("disk_format", "raw"), "image_name": str("image_name", ""),
		"protected": protected, "visibility": str("visibility", "private"),
	}})
}

func (c *call) actReimage(v *volume, body map[string]any) {
	if !c.required("os-reimage", body, "image_id") {
		return
	}
	img, _ := body["image_id"].(string)
	if !isUUID(img) {
		c.invalidField("image_id", body["image_id"], fmt.Sprintf("'%s' is not a 'uuid'", img))
		return
	}
	reserved, _ := jsonBool(body["reimage_reserved"])
	if v.Status != "available" && v.Status != "error" && !(reserved && v.Status == "reserved") {
		c.invalidVolume("Volume %s status must be available or error, currently %s.", v.ID, v.Status)
		return
	}
	c.s.st.transition(v, "downloading", "available", c.s.opts.CreateDelay, func(v *volume) {
		v.ImageMetadata = map[string]string{"image_id": img, "container_format": "bare", "disk_format": "raw"}
		v.Bootable = true
	})
	c.accepted()
}
