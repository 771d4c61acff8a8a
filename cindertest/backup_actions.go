package cindertest

import (
	"encoding/base64"
	"encoding/json"
	"maps"
	"net/http"
	"strings"
	"time"
)

const posixDriver = "cinder.backup.drivers.posix.PosixBackupDriver"

func (c *call) restoreBackup() {
	body, ok := c.envelope("restore")
	if !ok {
		return
	}
	b := c.backupOr404(c.params[0])
	if b == nil {
		return
	}
	st := c.s.st
	var v *volume
	if vid, _ := body["volume_id"].(string); vid != "" {
		if v = c.volumeOr404(vid); v == nil {
			return
		}
	}
	if b.Status != "available" {
		c.fault(400, "Invalid backup: Backup status must be available")
		return
	}
	if v != nil {
		if v.Status != "available" {
			c.invalidVolume("Volume to be restored to must be available")
			return
		}
		if v.Size < b.Size {
			c.invalidVolume("volume size %d is too small to restore backup of size %d.", v.Size, b.Size)
			return
		}
	} else {
		name, ok := c.textField(body, "name")
		if !ok {
			return
		}
		if name == nil {
			name = ptr("restore_backup_" + b.ID)
		}
		v = &volume{ID: newUUID(), ProjectID: c.tok.projectID, UserID: c.tok.userID, AZ: "nova",
			TypeID: st.defType, Metadata: map[string]string{"src_backup_id": b.ID}, CreatedAt: st.now(),
			Host: defaultHost, AttachStatus: "detached", ConsumesQuota: true, Size: b.Size, Name: name}
		if c.at(47) {
			if tn, _ := body["volume_type"].(string); tn != "" {
				t := st.typeByNameOrID(tn)
				if t == nil {
					c.fault(404, "Volume type with name %s could not be found.", tn)
					return
				}
				v.TypeID = t.ID
			}
			if az, _ := body["availability_zone"].(string); az != "" && az != "nova" {
				c.fault(400, "Availability zone '%s' is invalid.", az)
				return
			}
		}
		if msg := st.checkQuota(v.ProjectID, v.TypeID, 1, v.Size); msg != "" {
			c.fault(413, "%s", msg)
			return
		}
		st.volumes[v.ID] = v
	}
	v.pending = false
	v.Status = "restoring-backup"
	st.touch(v)
	b.Status = "restoring"
	st.touchBackup(b)
	c.later(func() {
		if v.Status == "restoring-backup" {
			v.Status = "available"
			restoreSource(b, v)
			st.touch(v)
		}
		if b.Status == "restoring" {
			b.Status = "available"
			st.touchBackup(b)
		}
	})
	c.json(http.StatusAccepted, map[string]any{"restore": map[string]any{"backup_id": b.ID,
		"volume_id": v.ID, "volume_name": strOrNil(v.Name)}})
}

// restoreSource copies the backed-up volume's base metadata into the
// target like Cinder's backup driver: a non-empty metadata set replaces the
// target's; name and description are restored unless the source had no name
// or the target has a name of its own (one not starting "restore_backup_").
// The manager then records src_backup_id unless the target is the source.
func restoreSource(b *backup, v *volume) {
	if src := b.Source; src != nil {
		if len(src.Metadata) > 0 {
			v.Metadata = maps.Clone(src.Metadata)
		}
		name := deref(v.Name)
		if deref(src.Name) != "" && (name == "" || strings.HasPrefix(name, "restore_backup_")) {
			v.Name, v.Description = copyPtr(src.Name), copyPtr(src.Description)
		}
	}
	if old := v.Metadata["src_backup_id"]; b.VolumeID != v.ID || (old != "" && old != b.ID) {
		v.Metadata = setKey(v.Metadata, "src_backup_id", b.ID)
	}
}

// copyPtr returns a pointer to a copy of *p, or nil.
func copyPtr[T any](p *T) *T {
	if p == nil {
		return nil
	}
	return ptr(*p)
}

// backupRecord is the decoded backup_url of export_record.
type backupRecord struct {
	ID            string            `json:"id"`
	UserID        string            `json:"user_id"`
	ProjectID     string            `json:"project_id"`
	VolumeID      string            `json:"volume_id"`
	Container     string            `json:"container"`
	ParentID      *string           `json:"parent_id"`
	Status        string            `json:"status"`
	Size          int               `json:"size"`
	DisplayName   *string           `json:"display_name"`
	DisplayDesc   *string           `json:"display_description"`
	Service       string            `json:"service"`
	ObjectCount   int               `json:"object_count"`
	SnapshotID    *string           `json:"snapshot_id"`
	DataTimestamp string            `json:"data_timestamp"`
	Metadata      map[string]string `json:"metadata"`
	CreatedAt     string            `json:"created_at"`
}

func (c *call) exportBackup() {
	if !c.requireAdmin("backup:export-import") {
		return
	}
	b := c.backupOr404(c.params[0])
	if b == nil {
		return
	}
	if b.Status != "available" {
		c.fault(400, "Invalid backup: Backup status must be available and not %s.", b.Status)
		return
	}
	rec := backupRecord{ID: b.ID, UserID: b.UserID, ProjectID: b.ProjectID, VolumeID: b.VolumeID,
		Container: b.Container, ParentID: b.ParentID, Status: b.Status, Size: b.Size, DisplayName: b.Name,
		DisplayDesc: b.Description, Service: posixDriver, ObjectCount: b.ObjectCount, SnapshotID: b.SnapshotID,
		DataTimestamp: b.DataTimestamp.Format(time.RFC3339), Metadata: b.Metadata,
		CreatedAt: b.CreatedAt.Format(time.RFC3339)}
	raw, _ := json.Marshal(rec)
	c.json(http.StatusOK, map[string]any{"backup-record": map[string]any{"backup_service": posixDriver,
		"backup_url": base64.StdEncoding.EncodeToString(raw)}})
}

func (c *call) importBackup() {
	body, ok := c.envelope("backup-record")
	if !ok || !c.required("backup-record", body, "backup_service", "backup_url") {
		return
	}
	if !c.requireAdmin("backup:export-import") {
		return
	}
	url, _ := body["backup_url"].(string)
	raw, err := base64.StdEncoding.DecodeString(url)
	var rec backupRecord
	if err != nil || json.Unmarshal(raw, &rec) != nil || rec.ID == "" {
		c.fault(400, "Invalid input received: Can't parse backup record.")
		return
	}
	st := c.s.st
	if st.backups[rec.ID] != nil {
		c.fault(400, "Invalid backup: Backup already exists in database.")
		return
	}
	b := &backup{ID: rec.ID, VolumeID: rec.VolumeID, ProjectID: c.tok.projectID, UserID: c.tok.userID,
		Status: "creating", Name: rec.DisplayName, Description: rec.DisplayDesc, Size: rec.Size,
		ObjectCount: rec.ObjectCount, Container: rec.Container, ParentID: rec.ParentID, SnapshotID: rec.SnapshotID,
		Metadata: rec.Metadata, CreatedAt: st.now()}
	if b.Metadata == nil {
		b.Metadata = map[string]string{}
	}
	b.DataTimestamp, _ = time.Parse(time.RFC3339, rec.DataTimestamp)
	st.backups[b.ID] = b
	c.later(func() {
		if b.Status == "creating" {
			b.Status = "available"
			st.touchBackup(b)
		}
	})
	c.json(http.StatusCreated, map[string]any{"backup": c.backupSummary(b)})
}

func (c *call) backupAction() {
	name, raw, ok := c.actionBody()
	if !ok {
		return
	}
	body, _ := raw.(map[string]any)
	switch name {
	case "os-reset_status":
		if !c.required(name, body, "status") || !c.requireAdmin("volume_extension:backup_admin_actions:reset_status") {
			return
		}
		b := c.backupOr404(c.params[0])
		if b == nil {
			return
		}
		status, _ := body["status"].(string)
		status = strings.ToLower(status)
		if status != "available" && status != "error" {
			c.fault(400, "Backup status: %s is invalid, valid statuses are: ['available', 'error'].", status)
			return
		}
		b.Status = status
		c.s.st.touchBackup(b)
		c.accepted()
	case "os-force_delete":
		if !c.requireAdmin("volume_extension:backup_admin_actions:force_delete") {
			return
		}
		b := c.backupOr404(c.params[0])
		if b == nil {
			return
		}
		c.removeBackup(b)
		c.accepted()
	default:
		c.noSuchAction(name)
	}
}
