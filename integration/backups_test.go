//go:build integration

package integration_test

import (
	"github.com/gocinder/cinder/internal/testutil"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/backups"
	"github.com/gocinder/cinder/quotas"
	"github.com/gocinder/cinder/volumes"
)

// testBackups takes a full backup, restores it to a new and to an existing
// volume, exports, deletes and re-imports its record, stacks an
// incremental backup on it, creates a volume from it (3.47) and checks the
// backup quota usage.
func testBackups(t *testing.T, b *backend) {
	c, ctx := b.admin, b.ctx
	top := t // resources the later subtests use are cleaned up with it
	project := c.ProjectID()
	usage0, err := c.Quotas.Usage(ctx, project)
	require.NoError(t, err)

	v := b.create(t, c, volumes.CreateRequest{Size: 1, Name: b.name("vol"), Description: "backed up"})
	full, flow := b.backup(t, c, backups.CreateRequest{VolumeID: v.ID, Name: b.name("full"), Description: "full"})
	subsetOf(t, flow, volumes.StatusBackingUp, volumes.StatusAvailable)
	if b.real() {
		// the emulator settles transient statuses at once (DIFFERENCES.md #8)
		assert.Contains(t, flow, volumes.StatusBackingUp, "the volume is backing-up while the backup runs")
	}
	assert.Equal(t, b.name("full"), full.Name)
	assert.Equal(t, "full", full.Description)
	assert.Equal(t, v.ID, full.VolumeID)
	assert.Equal(t, 1, full.Size)
	assert.False(t, full.IsIncremental)
	assert.False(t, full.HasDependentBackups)
	assert.Equal(t, project, full.ProjectID, "os-backup-project-attr:project_id (3.18, admin)")
	assert.NotEmpty(t, full.UserID, "user_id (3.56, admin)")
	assert.False(t, full.CreatedAt.IsZero(), "created_at")
	assert.False(t, full.DataTimestamp.IsZero(), "data_timestamp")

	t.Run("quota usage", func(t *testing.T) {
		u, err := c.Quotas.Usage(ctx, project)
		require.NoError(t, err)
		assert.Equal(t, usage0.Backups.InUse+1, u.Backups.InUse, "backups in use")
		assert.Equal(t, usage0.BackupGigabytes.InUse+1, u.BackupGigabytes.InUse, "backup_gigabytes in use")
	})

	t.Run("restore to new volume", func(t *testing.T) {
		r, err := c.Backups.Restore(ctx, full.ID, backups.RestoreRequest{Name: b.name("restored")})
		require.NoError(t, err)
		require.NotEmpty(t, r.VolumeID)
		b.cleanupVolume(t, r.VolumeID)
		assert.Equal(t, full.ID, r.BackupID)
		assert.Equal(t, b.name("restored"), r.VolumeName)
		flow := b.volumeFlow(t, c, r.VolumeID, volumes.StatusAvailable)
		subsetOf(t, flow, volumes.StatusCreating, volumes.StatusRestoringBackup, volumes.StatusAvailable)
		b.waitBackup(t, c, full.ID, backups.StatusAvailable)
		got, err := c.Volumes.Get(ctx, r.VolumeID)
		require.NoError(t, err)
		assert.Equal(t, 1, got.Size)
		assert.Equal(t, b.name("restored"), got.Name, "a name given to the restore is kept")
	})

	t.Run("restore without a name", func(t *testing.T) {
		r, err := c.Backups.Restore(ctx, full.ID, backups.RestoreRequest{})
		require.NoError(t, err)
		require.NotEmpty(t, r.VolumeID)
		b.cleanupVolume(t, r.VolumeID)
		assert.Equal(t, "restore_backup_"+full.ID, r.VolumeName)
		b.volumeFlow(t, c, r.VolumeID, volumes.StatusAvailable)
		b.waitBackup(t, c, full.ID, backups.StatusAvailable)
		got, err := c.Volumes.Get(ctx, r.VolumeID)
		require.NoError(t, err)
		// The backup carries the source's name and description; a restore
		// into a volume it created itself applies them.
		assert.Equal(t, v.Name, got.Name)
		assert.Equal(t, "backed up", got.Description)
	})

	t.Run("restore to existing volume", func(t *testing.T) {
		target := b.create(t, c, volumes.CreateRequest{Size: 1, Name: b.name("target")})
		r, err := c.Backups.Restore(ctx, full.ID, backups.RestoreRequest{VolumeID: target.ID})
		require.NoError(t, err)
		assert.Equal(t, target.ID, r.VolumeID)
		assert.Equal(t, full.ID, r.BackupID)
		flow := b.volumeFlow(t, c, target.ID, volumes.StatusAvailable)
		subsetOf(t, flow, volumes.StatusRestoringBackup, volumes.StatusAvailable)
		b.waitBackup(t, c, full.ID, backups.StatusAvailable)
		got, err := c.Volumes.Get(ctx, target.ID)
		require.NoError(t, err)
		assert.Equal(t, b.name("target"), got.Name, "a named target keeps its name")
		assert.Equal(t, 1, got.Size)
	})

	// inc is taken by "incremental"; "export and import the record" needs it.
	var inc *backups.Backup
	t.Run("incremental", func(t *testing.T) {
		var flow []volumes.Status
		inc, flow = b.backup(top, c, backups.CreateRequest{VolumeID: v.ID, Name: b.name("incr"), Incremental: true})
		subsetOf(t, flow, volumes.StatusBackingUp, volumes.StatusAvailable)
		assert.True(t, inc.IsIncremental)
		assert.Equal(t, v.ID, inc.VolumeID)
		got, err := c.Backups.Get(ctx, full.ID)
		require.NoError(t, err)
		assert.True(t, got.HasDependentBackups, "the full backup has a dependent now")

		err = c.Backups.Delete(ctx, full.ID)
		apiErr := apiError(t, err, cinder.ErrBadRequest)
		assert.Contains(t, apiErr.Message, "Incremental backups exist")
		got, err = c.Backups.Get(ctx, full.ID)
		require.NoError(t, err)
		assert.Equal(t, backups.StatusAvailable, got.Status, "the refused delete changed nothing")

		listed, err := cinder.Collect(c.Backups.List(ctx, &backups.ListOptions{VolumeID: v.ID, Sort: "created_at:asc"}))
		require.NoError(t, err)
		var ids []string
		for _, bk := range listed {
			ids = append(ids, bk.ID)
		}
		assert.ElementsMatch(t, []string{full.ID, inc.ID}, ids)

		u, err := c.Quotas.Usage(ctx, project)
		require.NoError(t, err)
		assert.Equal(t, usage0.Backups.InUse+2, u.Backups.InUse, "backups in use")
		assert.Equal(t, usage0.BackupGigabytes.InUse+2, u.BackupGigabytes.InUse, "backup_gigabytes in use")
	})

	t.Run("volume from backup", func(t *testing.T) {
		_, err := testutil.At(t, c, "3.46").Volumes.Create(ctx, volumes.CreateRequest{BackupID: full.ID, Name: b.name("old")})
		var verr *cinder.VersionError
		require.ErrorAs(t, err, &verr, "backup_id needs 3.47")

		nv := b.createNoWait(t, c, volumes.CreateRequest{BackupID: full.ID, Name: b.name("from-backup")})
		flow := b.volumeFlow(t, c, nv.ID, volumes.StatusAvailable)
		subsetOf(t, flow, volumes.StatusCreating, volumes.StatusRestoringBackup, volumes.StatusAvailable)
		b.waitBackup(t, c, full.ID, backups.StatusAvailable)
		got, err := c.Volumes.Get(ctx, nv.ID)
		require.NoError(t, err)
		assert.Equal(t, 1, got.Size, "the backup's size")
		assert.Equal(t, b.name("from-backup"), got.Name)
	})

	// Export, delete, import: the record comes back, the data does not
	// (the delete removed it from the backup store), so this goes last and
	// uses the incremental backup, which nothing depends on.
	t.Run("export and import the record", func(t *testing.T) {
		require.NotNil(t, inc, "incremental took the backup")
		_, err := b.demo.Backups.ExportRecord(ctx, inc.ID)
		require.Error(t, err, "export_record is admin only (and the backup is not the demo's)")

		rec, err := c.Backups.ExportRecord(ctx, inc.ID)
		require.NoError(t, err)
		assert.NotEmpty(t, rec.BackupService)
		assert.NotEmpty(t, rec.BackupURL)

		require.NoError(t, c.Backups.Delete(ctx, inc.ID))
		require.NoError(t, c.Backups.WaitForDeleted(b.waitCtx(t), inc.ID, nil))
		_, err = c.Backups.Get(ctx, inc.ID)
		apiError(t, err, cinder.ErrNotFound)

		imp, err := c.Backups.ImportRecord(ctx, *rec)
		require.NoError(t, err)
		assert.Equal(t, inc.ID, imp.ID, "the import recreates the backup with its ID")
		got := b.waitBackup(t, c, inc.ID, backups.StatusAvailable)
		assert.Equal(t, v.ID, got.VolumeID)
		assert.Equal(t, 1, got.Size)
		assert.Equal(t, b.name("incr"), got.Name)
		assert.True(t, got.IsIncremental)
	})

	t.Run("quota usage after import", func(t *testing.T) {
		u, err := c.Quotas.Usage(ctx, project)
		require.NoError(t, err)
		n, err := c.Backups.Count(ctx, &backups.ListOptions{VolumeID: v.ID})
		require.NoError(t, err)
		require.Equal(t, 2, n, "the full backup and the (imported) incremental one")
		logUsage(t, usage0, u)
		// The delete released the incremental backup's quota, the import
		// took it again.
		assert.Equal(t, usage0.Backups.InUse+2, u.Backups.InUse, "backups in use")
		assert.Equal(t, usage0.BackupGigabytes.InUse+2, u.BackupGigabytes.InUse, "backup_gigabytes in use")
	})
}

// logUsage logs the backup quota usage before and after.
func logUsage(t *testing.T, before, after *quotas.UsageSet) {
	t.Helper()
	t.Logf("backups in use %d → %d, backup_gigabytes in use %d → %d",
		before.Backups.InUse, after.Backups.InUse, before.BackupGigabytes.InUse, after.BackupGigabytes.InUse)
}
