//go:build integration

package integration_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/limits"
	"github.com/gocinder/cinder/quotas"
	"github.com/gocinder/cinder/snapshots"
	"github.com/gocinder/cinder/types"
	"github.com/gocinder/cinder/volumes"
)

// restoreQuotas puts the run project's volumes, gigabytes and snapshots
// quotas back to what they are now, in t.Cleanup. Register it before the
// resources it counts, so that it runs after they are gone (a limit below
// the usage is refused).
func (b *backend) restoreQuotas(t *testing.T) *quotas.QuotaSet {
	t.Helper()
	project := b.admin.ProjectID()
	orig, err := b.admin.Quotas.Get(b.ctx, project)
	require.NoError(t, err)
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		_, err := b.admin.Quotas.Update(ctx, project, quotas.UpdateRequest{
			Volumes: new(orig.Volumes), Gigabytes: new(orig.Gigabytes), Snapshots: new(orig.Snapshots)})
		if err != nil {
			t.Errorf("cleanup: restoring the quotas of project %s: %v", project, err)
		}
	})
	return orig
}

// setQuota applies r to the run project and returns the new quotas.
func (b *backend) setQuota(t *testing.T, r quotas.UpdateRequest) *quotas.QuotaSet {
	t.Helper()
	qs, err := b.admin.Quotas.Update(b.ctx, b.admin.ProjectID(), r)
	require.NoError(t, err)
	return qs
}

// used returns in-use plus reserved.
func used(u quotas.Usage) int { return u.InUse + u.Reserved }

// overLimit asserts that err is Cinder's 413 overLimit fault naming exceeded.
func overLimit(t *testing.T, err error, exceeded string) {
	t.Helper()
	apiErr := apiError(t, err, cinder.ErrOverLimit)
	assert.Equal(t, http.StatusRequestEntityTooLarge, apiErr.StatusCode)
	assert.Equal(t, "overLimit", apiErr.Code)
	assert.Contains(t, apiErr.Message, exceeded)
	assert.NotErrorIs(t, err, cinder.ErrBadRequest)
}

// testQuotaLimits lowers the run project's quotas, one at a time, to what
// it uses and checks that the next create is refused with 413 overLimit.
func testQuotaLimits(t *testing.T, b *backend) {
	ctx, c := b.ctx, b.admin
	project := c.ProjectID()
	typ := b.volumeType(t, types.CreateRequest{Name: b.name("capped")})
	orig := b.restoreQuotas(t)
	// one volume for the snapshot quota, created before any limit is lowered
	vol := b.create(t, c, volumes.CreateRequest{Size: 1, Name: b.name("base")})

	usage, err := c.Quotas.Usage(ctx, project)
	require.NoError(t, err)
	require.GreaterOrEqual(t, usage.Volumes.InUse, 1)

	// createRefused tries to create a volume that must be refused.
	createRefused := func(t *testing.T, r volumes.CreateRequest) error {
		v, err := c.Volumes.Create(ctx, r)
		if v != nil && v.ID != "" {
			b.cleanupVolume(t, v.ID)
		}
		return err
	}

	t.Run("volumes", func(t *testing.T) {
		qs := b.setQuota(t, quotas.UpdateRequest{Volumes: new(used(usage.Volumes))})
		assert.Equal(t, used(usage.Volumes), qs.Volumes)
		err := createRefused(t, volumes.CreateRequest{Size: 1, Name: b.name("over-volumes")})
		overLimit(t, err, "VolumeLimitExceeded")
		b.setQuota(t, quotas.UpdateRequest{Volumes: new(orig.Volumes)})
	})

	t.Run("gigabytes", func(t *testing.T) {
		qs := b.setQuota(t, quotas.UpdateRequest{Gigabytes: new(used(usage.Gigabytes))})
		assert.Equal(t, used(usage.Gigabytes), qs.Gigabytes)
		err := createRefused(t, volumes.CreateRequest{Size: 1, Name: b.name("over-gigabytes")})
		overLimit(t, err, "VolumeSizeExceedsAvailableQuota")
		b.setQuota(t, quotas.UpdateRequest{Gigabytes: new(orig.Gigabytes)})
	})

	t.Run("per-type volumes", func(t *testing.T) {
		qs := b.setQuota(t, quotas.UpdateRequest{Types: map[string]quotas.TypeUpdate{typ.Name: {Volumes: new(0)}}})
		require.Contains(t, qs.Types, typ.Name)
		assert.Equal(t, 0, qs.Types[typ.Name].Volumes)
		got, err := c.Quotas.Get(ctx, project)
		require.NoError(t, err)
		assert.Equal(t, 0, got.Types[typ.Name].Volumes)
		assert.Equal(t, -1, got.Types[typ.Name].Gigabytes, "the other per-type quotas stay unlimited")

		err = createRefused(t, volumes.CreateRequest{Size: 1, Name: b.name("over-type"), VolumeType: typ.Name})
		overLimit(t, err, "volumes_"+typ.Name)
		// Other types are not capped.
		b.create(t, c, volumes.CreateRequest{Size: 1, Name: b.name("other-type")})
	})

	t.Run("snapshots", func(t *testing.T) {
		u, err := c.Quotas.Usage(ctx, project)
		require.NoError(t, err)
		b.setQuota(t, quotas.UpdateRequest{Snapshots: new(used(u.Snapshots))})
		s, err := c.Snapshots.Create(ctx, snapshots.CreateRequest{VolumeID: vol.ID, Name: b.name("over-snapshots")})
		if s != nil && s.ID != "" {
			b.cleanupSnapshot(t, s.ID)
		}
		overLimit(t, err, "SnapshotLimitExceeded")
		b.setQuota(t, quotas.UpdateRequest{Snapshots: new(orig.Snapshots)})
	})

	t.Run("below usage", func(t *testing.T) {
		u, err := c.Quotas.Usage(ctx, project)
		require.NoError(t, err)
		require.Positive(t, used(u.Volumes))
		_, err = c.Quotas.Update(ctx, project, quotas.UpdateRequest{Volumes: new(used(u.Volumes) - 1)})
		apiError(t, err, cinder.ErrBadRequest)
		got, err := c.Quotas.Get(ctx, project)
		require.NoError(t, err)
		assert.Equal(t, orig.Volumes, got.Volumes, "the refused update changed nothing")
	})
}

// testQuotaUsage checks that quota usage and the absolute limits count a
// volume and its snapshot as real Cinder does.
func testQuotaUsage(t *testing.T, b *backend) {
	ctx, c := b.ctx, b.admin
	project := c.ProjectID()

	before := b.usage(t, project)
	vol := b.create(t, c, volumes.CreateRequest{Size: 2, Name: b.name("vol")})
	typ := vol.VolumeType
	require.NotEmpty(t, typ)

	withVolume := b.usage(t, project)
	assert.Equal(t, before.Volumes.InUse+1, withVolume.Volumes.InUse, "volumes")
	assert.Equal(t, before.Gigabytes.InUse+2, withVolume.Gigabytes.InUse, "gigabytes")
	assert.Equal(t, before.Snapshots.InUse, withVolume.Snapshots.InUse, "snapshots")
	assert.Equal(t, before.Types[typ].Volumes.InUse+1, withVolume.Types[typ].Volumes.InUse, "volumes_%s", typ)
	assert.Equal(t, before.Types[typ].Gigabytes.InUse+2, withVolume.Types[typ].Gigabytes.InUse, "gigabytes_%s", typ)
	assert.Zero(t, withVolume.Volumes.Reserved, "nothing stays reserved once the volume is available")

	snap := b.snapshot(t, c, snapshots.CreateRequest{VolumeID: vol.ID, Name: b.name("snap")})
	withSnapshot := b.usage(t, project)
	assert.Equal(t, withVolume.Volumes.InUse, withSnapshot.Volumes.InUse, "volumes")
	assert.Equal(t, withVolume.Snapshots.InUse+1, withSnapshot.Snapshots.InUse, "snapshots")
	assert.Equal(t, withVolume.Gigabytes.InUse+2, withSnapshot.Gigabytes.InUse, "a snapshot counts its volume's size in gigabytes")
	assert.Equal(t, withVolume.Types[typ].Snapshots.InUse+1, withSnapshot.Types[typ].Snapshots.InUse, "snapshots_%s", typ)
	assert.Equal(t, withVolume.Types[typ].Gigabytes.InUse+2, withSnapshot.Types[typ].Gigabytes.InUse, "gigabytes_%s", typ)

	t.Run("delete", func(t *testing.T) {
		require.NoError(t, c.Snapshots.Delete(ctx, snap.ID))
		require.NoError(t, c.Snapshots.WaitForDeleted(b.waitCtx(t), snap.ID, nil))
		require.NoError(t, c.Volumes.Delete(ctx, vol.ID, nil))
		b.waitDeleted(t, c, vol.ID)
		after := b.usage(t, project)
		assert.Equal(t, before.Volumes.InUse, after.Volumes.InUse, "volumes")
		assert.Equal(t, before.Gigabytes.InUse, after.Gigabytes.InUse, "gigabytes")
		assert.Equal(t, before.Snapshots.InUse, after.Snapshots.InUse, "snapshots")
	})
}

// usage reads the quota usage of project and checks that GET /limits (as
// the admin, for its own project) agrees with it.
func (b *backend) usage(t *testing.T, project string) *quotas.UsageSet {
	t.Helper()
	u, err := b.admin.Quotas.Usage(b.ctx, project)
	require.NoError(t, err)
	assert.Equal(t, project, u.ID)
	l, err := b.admin.Limits.Get(b.ctx, nil)
	require.NoError(t, err)
	assert.Equal(t, limits.Absolute{
		MaxTotalVolumes:          u.Volumes.Limit,
		MaxTotalSnapshots:        u.Snapshots.Limit,
		MaxTotalVolumeGigabytes:  u.Gigabytes.Limit,
		MaxTotalBackups:          u.Backups.Limit,
		MaxTotalBackupGigabytes:  u.BackupGigabytes.Limit,
		TotalVolumesUsed:         u.Volumes.InUse,
		TotalGigabytesUsed:       u.Gigabytes.InUse,
		TotalSnapshotsUsed:       u.Snapshots.InUse,
		TotalBackupsUsed:         u.Backups.InUse,
		TotalBackupGigabytesUsed: u.BackupGigabytes.InUse,
		Raw:                      l.Absolute.Raw,
	}, l.Absolute, "limits agree with the quota usage")
	assert.Len(t, l.Absolute.Raw, 10, "the ten absolute limits")
	l2, err := b.admin.Limits.Get(b.ctx, &limits.Options{ProjectID: project})
	require.NoError(t, err)
	assert.Equal(t, l.Absolute, l2.Absolute, "limits with project_id (3.39)")
	return u
}
