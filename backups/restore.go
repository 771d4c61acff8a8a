package backups

import (
	"context"
	"errors"
	"net/http"

	"github.com/gocinder/cinder/internal/rest"
	mv "github.com/gocinder/cinder/microversion"
)

// RestoreRequest says where a backup is restored to. With VolumeID the
// backup overwrites that (available, large enough) volume; without it a
// new volume is created, named Name. VolumeType or AvailabilityZone
// (since 3.47) create the new volume with POST /volumes {"backup_id"}
// instead, the only call that takes them; they exclude VolumeID.
type RestoreRequest struct {
	VolumeID         string // overwrite this volume; "": create a new one
	Name             string // name of the new volume (without VolumeID)
	VolumeType       string // since 3.47
	AvailabilityZone string // since 3.47
}

// Restore is where a restore goes.
type Restore struct {
	BackupID   string `json:"backup_id"`   // the backup restored
	VolumeID   string `json:"volume_id"`   // the volume restored to
	VolumeName string `json:"volume_name"` // that volume's name
}

// Restore restores a backup to a volume and returns at once: the backup is
// "restoring" and the volume "restoring-backup" until done (wait for the
// backup to be available again). POST /backups/{id}/restore, or POST
// /volumes with backup_id when VolumeType or AvailabilityZone is set
// (requires microversion 3.47). The POST is never retried on an answer.
func (m *Manager) Restore(ctx context.Context, id string, r RestoreRequest) (*Restore, error) {
	if r.VolumeType != "" || r.AvailabilityZone != "" {
		return m.restoreToNewVolume(ctx, id, r)
	}
	body := struct {
		VolumeID string `json:"volume_id,omitempty"`
		Name     string `json:"name,omitempty"`
	}{r.VolumeID, r.Name}
	var env struct {
		Restore Restore `json:"restore"`
	}
	err := m.rc.Do(ctx, rest.Call{Op: "backups.Restore", Method: http.MethodPost, Path: rest.Path("backups", id, "restore"),
		Body: map[string]any{"restore": body}}, &env)
	if err != nil {
		return nil, err
	}
	return &env.Restore, nil
}

func (m *Manager) restoreToNewVolume(ctx context.Context, id string, r RestoreRequest) (*Restore, error) {
	if r.VolumeID != "" {
		return nil, errors.New("cinder: a restore to an existing volume takes no volume type or availability zone")
	}
	body := struct {
		BackupID         string `json:"backup_id"`
		Name             string `json:"name,omitempty"`
		VolumeType       string `json:"volume_type,omitempty"`
		AvailabilityZone string `json:"availability_zone,omitempty"`
	}{id, r.Name, r.VolumeType, r.AvailabilityZone}
	var env struct {
		Volume struct {
			ID   string `json:"id"`
			Name string `json:"name"`
		} `json:"volume"`
	}
	err := m.rc.Do(ctx, rest.Call{Op: "backups.Restore with VolumeType or AvailabilityZone", Method: http.MethodPost,
		Path: "volumes", Since: mv.V(3, 47), Body: map[string]any{"volume": body}}, &env)
	if err != nil {
		return nil, err
	}
	return &Restore{BackupID: id, VolumeID: env.Volume.ID, VolumeName: env.Volume.Name}, nil
}

// Record is a backup's exported metadata: with it ImportRecord recreates
// the backup in another Cinder (or after its database record was lost).
type Record struct {
	BackupService string `json:"backup_service"` // the backup driver, e.g. cinder.backup.drivers.posix.PosixBackupDriver
	BackupURL     string `json:"backup_url"`     // opaque, base64-encoded
}

type recordEnv struct {
	Record Record `json:"backup-record"`
}

// ExportRecord returns the backup's record (admin only).
// GET /backups/{id}/export_record
func (m *Manager) ExportRecord(ctx context.Context, id string) (*Record, error) {
	var env recordEnv
	if err := m.rc.Do(ctx, rest.Call{Op: "backups.ExportRecord", Path: rest.Path("backups", id, "export_record")}, &env); err != nil {
		return nil, err
	}
	return &env.Record, nil
}

// ImportRecord recreates a backup from an exported record (admin only); a
// backup with the record's ID must not exist. The backup is "creating"
// until the driver checks it; Cinder answers with the ID, name (null) and
// links only. POST /backups/import_record (201).
func (m *Manager) ImportRecord(ctx context.Context, r Record) (*Backup, error) {
	if r.BackupService == "" || r.BackupURL == "" {
		return nil, errors.New("cinder: importing a backup record needs its backup service and URL")
	}
	var env backupEnv
	err := m.rc.Do(ctx, rest.Call{Op: "backups.ImportRecord", Method: http.MethodPost, Path: "backups/import_record",
		Body: recordEnv{r}}, &env)
	if err != nil {
		return nil, err
	}
	return &env.Backup, nil
}
