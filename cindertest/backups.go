package cindertest

import (
	"fmt"
	"maps"
	"net/http"
	"time"
)

// backup is one stored volume backup; guarded by Server.mu.
type backup struct {
	ID, VolumeID, ProjectID, UserID string
	Status                          string
	Name, Description               *string
	Size, ObjectCount               int
	AZ                              *string
	Container                       string
	FailReason                      *string
	ParentID, SnapshotID            *string
	EncryptionKeyID                 *string
	Metadata                        map[string]string
	DataTimestamp, CreatedAt        time.Time
	UpdatedAt                       *time.Time
	// Source is the backed-up volume's base metadata as stored with the
	// data at backup time; nil for an imported record.
	Source *backupSource
}

// backupSource is what a restore copies back into the target volume.
type backupSource struct {
	Name, Description *string
	Metadata          map[string]string
}

func (st *store) touchBackup(b *backup) {
	t := st.now()
	b.UpdatedAt = &t
}

func backupRoutes() []route {
	return []route{
		rt("GET", "backups", func(c *call) { c.listBackups(false) }),
		rt("GET", "backups/detail", func(c *call) { c.listBackups(true) }),
		rt("POST", "backups", (*call).createBackup),
		rt("POST", "backups/import_record", (*call).importBackup),
		rt("GET", "backups/{id}", (*call).showBackup),
		rt("PUT", "backups/{id}", (*call).updateBackup),
		rt("DELETE", "backups/{id}", (*call).deleteBackup),
		rt("POST", "backups/{id}/restore", (*call).restoreBackup),
		rt("GET", "backups/{id}/export_record", (*call).exportBackup),
		rt("POST", "backups/{id}/action", (*call).backupAction),
	}
}

func (c *call) backupSummary(b *backup) map[string]any {
	return map[string]any{"id": b.ID, "name": strOrNil(b.Name), "links": c.links("backups", b.ID)}
}

func (st *store) hasDependents(b *backup) bool {
	for _, o := range st.backups {
		if o.ParentID != nil && *o.ParentID == b.ID {
			return true
		}
	}
	return false
}

func (c *call) backupDetail(b *backup) map[string]any {
	out := c.backupSummary(b)
	for k, v := range map[string]any{"status": b.Status, "size": b.Size, "object_count": b.ObjectCount,
		"availability_zone": strOrNil(b.AZ), "container": b.Container, "created_at": fmtTime(b.CreatedAt),
		"updated_at": fmtTimePtr(b.UpdatedAt), "description": strOrNil(b.Description),
		"fail_reason": strOrNil(b.FailReason), "volume_id": b.VolumeID, "is_incremental": b.ParentID != nil,
		"has_dependent_backups": c.s.st.hasDependents(b), "snapshot_id": strOrNil(b.SnapshotID),
		"data_timestamp": fmtTime(b.DataTimestamp)} {
		out[k] = v
	}
	if c.at(43) {
		md := map[string]string{}
		for k, v := range b.Metadata {
			md[k] = v
		}
		out["metadata"] = md
	}
	if c.at(18) && c.admin {
		out["os-backup-project-attr:project_id"] = b.ProjectID
	}
	if c.at(56) && c.admin {
		out["user_id"] = b.UserID
	}
	if c.at(64) && b.EncryptionKeyID != nil {
		out["encryption_key_id"] = *b.EncryptionKeyID
	}
	return out
}

var backupFilters = []string{"name", "status", "volume_id"}

var backupSortKeys = []string{"id", "name", "status", "size", "created_at", "updated_at", "volume_id",
	"project_id", "user_id", "description", "object_count", "container", "availability_zone", "data_timestamp"}

func (c *call) listBackups(detail bool) {
	path, view := "backups", c.backupSummary
	if detail {
		path, view = "backups/detail", c.backupDetail
	}
	listOwned(c, ownedList[backup]{nameSortSince: 37, filters: backupFilters, all: c.s.st.backups,
		project: backupProject, match: c.backupMatches,
		spec: listSpec[*backup]{path: path, key: "backups", sort: backupSortKeys,
			id: func(b *backup) string { return b.ID }, field: backupSortField,
			notFnd: "Backup %s could not be found.", view: func(b *backup) any { return view(b) }}})
}

func backupProject(b *backup) string { return b.ProjectID }

func backupFields(b *backup) ownedFields {
	return ownedFields{id: b.ID, volumeID: b.VolumeID, projectID: b.ProjectID, userID: b.UserID, status: b.Status,
		name: b.Name, description: b.Description, size: b.Size, createdAt: b.CreatedAt, updatedAt: b.UpdatedAt}
}

func (c *call) backupMatches(b *backup, filters []volumeFilter) bool {
	return matchesAll(filters, func(f volumeFilter) bool {
		switch f.key {
		case "snapshot_id":
			return b.SnapshotID != nil && *b.SnapshotID == f.value
		case "metadata":
			return matchMetadata(b.Metadata, f.value)
		}
		return backupFields(b).matches(f)
	})
}

func backupSortField(b *backup, k string) string {
	switch k {
	case "object_count":
		return sizeKey(b.ObjectCount)
	case "data_timestamp":
		return b.DataTimestamp.Format(time.RFC3339Nano)
	case "container":
		return b.Container
	case "availability_zone":
		return deref(b.AZ)
	}
	return backupFields(b).sortField(k)
}

func (c *call) backupOr404(id string) *backup {
	return visibleOr404(c, c.s.st.backups, id, backupProject, "Backup %s could not be found.")
}

func (c *call) showBackup() {
	if b := c.backupOr404(c.params[0]); b != nil {
		c.json(http.StatusOK, map[string]any{"backup": c.backupDetail(b)})
	}
}

// latestBackup returns the newest available backup of the volume, or nil.
func (st *store) latestBackup(volID string) *backup {
	var best *backup
	for _, b := range st.backups {
		if b.VolumeID == volID && b.Status == "available" && (best == nil || b.DataTimestamp.After(best.DataTimestamp)) {
			best = b
		}
	}
	return best
}

func (c *call) createBackup() {
	body, ok := c.envelope("backup")
	if !ok || !c.required("backup", body, "volume_id") {
		return
	}
	b := &backup{ID: newUUID(), UserID: c.tok.userID, Status: "creating", Metadata: map[string]string{}}
	if b.Name, ok = c.textField(body, "name", "display_name"); !ok {
		return
	}
	if b.Description, ok = c.textField(body, "description", "display_description"); !ok {
		return
	}
	if raw, present := body["metadata"]; present && raw != nil && c.at(43) {
		if b.Metadata, ok = c.metadataField(raw, "metadata"); !ok {
			return
		}
	}
	if az, _ := body["availability_zone"].(string); az != "" && c.at(51) {
		if az != "nova" {
			c.fault(400, "Invalid input received: Backup availability zone '%s' is invalid.", az)
			return
		}
		b.AZ = &az
	}
	incremental, _ := jsonBool(body["incremental"])
	force, _ := jsonBool(body["force"])
	vid, _ := body["volume_id"].(string)
	v := c.volumeOr404(vid)
	if v == nil {
		return
	}
	st := c.s.st
	var snap *snapshot
	if sid, _ := body["snapshot_id"].(string); sid != "" {
		if snap = c.snapshotOr404(sid); snap == nil {
			return
		}
		if snap.Status != "available" {
			c.fault(400, "Invalid snapshot: Snapshot to be backed up must be available, but the current status is \"%s\".", snap.Status)
			return
		}
		b.SnapshotID = &snap.ID
	} else {
		switch {
		case v.Status == "in-use" && !force:
			c.invalidVolume("Backing up an in-use volume must use the force flag.")
			return
		case v.Status != "available" && v.Status != "in-use":
			c.invalidVolume("Volume to be backed up must be available or in-use, but the current status is \"%s\".", v.Status)
			return
		}
	}
	if incremental {
		parent := st.latestBackup(v.ID)
		if parent == nil {
			c.fault(400, "Invalid backup: No backups available to do an incremental backup.")
			return
		}
		b.ParentID = &parent.ID
	}
	if msg := st.checkBackupQuota(v.ProjectID, v.Size); msg != "" {
		c.fault(413, "%s", msg)
		return
	}
	b.VolumeID, b.ProjectID, b.Size = v.ID, v.ProjectID, v.Size
	b.Source = &backupSource{Name: copyPtr(v.Name), Description: copyPtr(v.Description), Metadata: maps.Clone(v.Metadata)}
	b.CreatedAt = st.now()
	b.DataTimestamp = b.CreatedAt
	if snap != nil {
		b.DataTimestamp = snap.CreatedAt
	}
	b.Container = b.ID[0:2] + "/" + b.ID[2:4] + "/" + b.ID
	if ct, _ := body["container"].(string); ct != "" {
		b.Container = ct
	}
	if v.Encrypted {
		b.EncryptionKeyID = ptr(newUUID())
	}
	st.backups[b.ID] = b
	c.beginBackup(b, v, snap)
	c.json(http.StatusAccepted, map[string]any{"backup": c.backupSummary(b)})
}

// beginBackup moves the source to backing-up until the backup is available.
func (c *call) beginBackup(b *backup, v *volume, snap *snapshot) {
	st := c.s.st
	prev := v.Status
	if snap != nil {
		snap.Status = "backing-up"
	} else {
		v.Status = "backing-up"
		st.touch(v)
	}
	c.later(func() {
		if b.Status == "creating" {
			b.Status, b.ObjectCount = "available", 1
			st.touchBackup(b)
		}
		if snap != nil && snap.Status == "backing-up" {
			snap.Status = "available"
		}
		if snap == nil && v.Status == "backing-up" {
			v.Status = prev
			st.touch(v)
		}
	})
}

// checkBackupQuota returns Cinder's 413 message for one more backup of gigs GiB, or "".
func (st *store) checkBackupQuota(project string, gigs int) string {
	q := st.quota(project)
	n, used := st.backupUsage(project)
	if q.BackupGigabytes >= 0 && used+gigs > q.BackupGigabytes {
		return fmt.Sprintf("VolumeBackupSizeExceedsAvailableQuota: Requested backup exceeds allowed Backup gigabytes "+
			"quota. Requested %dG, quota is %dG and %dG has been consumed.", gigs, q.BackupGigabytes, used)
	}
	if q.Backups >= 0 && n+1 > q.Backups {
		return fmt.Sprintf("BackupLimitExceeded: Maximum number of backups allowed (%d) exceeded", q.Backups)
	}
	return ""
}

func (c *call) updateBackup() {
	if !c.at(9) {
		c.notFound()
		return
	}
	body, ok := c.envelope("backup")
	if !ok {
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
	if raw, present := body["metadata"]; present && raw != nil && c.at(43) {
		if md, ok = c.metadataField(raw, "metadata"); !ok {
			return
		}
	}
	b := c.backupOr404(c.params[0])
	if b == nil {
		return
	}
	if _, p := body["name"]; p || body["display_name"] != nil {
		b.Name = name
	}
	if _, p := body["description"]; p || body["display_description"] != nil {
		b.Description = desc
	}
	if md != nil {
		b.Metadata = md
	}
	c.s.st.touchBackup(b)
	c.json(http.StatusOK, map[string]any{"backup": c.backupSummary(b)})
}

func (c *call) deleteBackup() {
	b := c.backupOr404(c.params[0])
	if b == nil {
		return
	}
	if b.Status != "available" && b.Status != "error" {
		c.fault(400, "Invalid backup: Backup status must be available or error")
		return
	}
	if c.s.st.hasDependents(b) {
		c.fault(400, "Invalid backup: Incremental backups exist for this backup.")
		return
	}
	c.removeBackup(b)
	c.accepted()
}

func (c *call) removeBackup(b *backup) {
	st := c.s.st
	b.Status = "deleting"
	st.touchBackup(b)
	c.later(func() {
		if b.Status == "deleting" {
			delete(st.backups, b.ID)
		}
	})
}
