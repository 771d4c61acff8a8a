//go:build integration

package integration_test

import (
	"github.com/gocinder/cinder/internal/testutil"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/snapshots"
	"github.com/gocinder/cinder/volumes"
)

// testSnapshots walks a volume through snapshot, create-from-snapshot,
// snapshot metadata, revert-to-snapshot, list by volume and delete with and
// without cascade, and snapshots an in-use volume at 3.65 and 3.66.
func testSnapshots(t *testing.T, b *backend) {
	c, ctx := b.admin, b.ctx
	top := t // resources the later subtests use are cleaned up with it
	v := b.create(t, c, volumes.CreateRequest{Size: 1, Name: b.name("vol"), Metadata: map[string]string{"role": "origin"}})

	s1 := b.snapshot(t, c, snapshots.CreateRequest{VolumeID: v.ID, Name: b.name("snap-1"), Description: "first",
		Metadata: map[string]string{"k1": "v1"}})
	assert.Equal(t, v.ID, s1.VolumeID)
	assert.Equal(t, b.name("snap-1"), s1.Name)
	assert.Equal(t, "first", s1.Description)
	assert.Equal(t, 1, s1.Size)
	assert.Equal(t, map[string]string{"k1": "v1"}, s1.Metadata)
	assert.Equal(t, c.ProjectID(), s1.ProjectID)
	assert.Equal(t, "100%", s1.Progress)
	assert.NotEmpty(t, s1.UserID, "user_id (3.41)")
	if assert.NotNil(t, s1.ConsumesQuota, "consumes_quota (3.65)") {
		assert.True(t, *s1.ConsumesQuota)
	}
	got, err := c.Volumes.Get(ctx, v.ID)
	require.NoError(t, err)
	assert.Equal(t, volumes.StatusAvailable, got.Status, "the snapshotted volume is available")

	t.Run("volume from snapshot", func(t *testing.T) {
		clone := b.create(t, c, volumes.CreateRequest{SnapshotID: s1.ID, Name: b.name("from-snap")})
		assert.Equal(t, s1.ID, clone.SnapshotID)
		assert.Equal(t, 1, clone.Size, "a volume from a snapshot without a size takes the snapshot's")
		assert.Equal(t, b.name("from-snap"), clone.Name)
		assert.Equal(t, v.VolumeType, clone.VolumeType)

		big := b.create(t, c, volumes.CreateRequest{SnapshotID: s1.ID, Size: 2, Name: b.name("from-snap-big")})
		assert.Equal(t, 2, big.Size)
		assert.Equal(t, s1.ID, big.SnapshotID)

		s, err := c.Snapshots.Get(ctx, s1.ID)
		require.NoError(t, err)
		assert.Equal(t, snapshots.StatusAvailable, s.Status)
	})

	t.Run("update", func(t *testing.T) {
		upd, err := c.Snapshots.Update(ctx, s1.ID, snapshots.UpdateRequest{Description: new("first, changed")})
		require.NoError(t, err)
		assert.Equal(t, "first, changed", upd.Description)
		assert.Equal(t, b.name("snap-1"), upd.Name, "an update without a name keeps it")
	})

	t.Run("metadata", func(t *testing.T) {
		md, err := c.Snapshots.SetMetadata(ctx, s1.ID, map[string]string{"k2": "v2"})
		require.NoError(t, err)
		assert.Equal(t, map[string]string{"k1": "v1", "k2": "v2"}, md)

		require.NoError(t, c.Snapshots.SetMetadataItem(ctx, s1.ID, "k1", "changed"))
		val, err := c.Snapshots.MetadataItem(ctx, s1.ID, "k1")
		require.NoError(t, err)
		assert.Equal(t, "changed", val)
		_, err = c.Snapshots.MetadataItem(ctx, s1.ID, "nope")
		apiError(t, err, cinder.ErrNotFound)

		md, err = c.Snapshots.ReplaceMetadata(ctx, s1.ID, map[string]string{"k3": "v3", "k4": "v4"})
		require.NoError(t, err)
		assert.Equal(t, map[string]string{"k3": "v3", "k4": "v4"}, md)

		require.NoError(t, c.Snapshots.DeleteMetadataItem(ctx, s1.ID, "k3"))
		err = c.Snapshots.DeleteMetadataItem(ctx, s1.ID, "k3")
		apiError(t, err, cinder.ErrNotFound)
		md, err = c.Snapshots.Metadata(ctx, s1.ID)
		require.NoError(t, err)
		assert.Equal(t, map[string]string{"k4": "v4"}, md)
		s, err := c.Snapshots.Get(ctx, s1.ID)
		require.NoError(t, err)
		assert.Equal(t, map[string]string{"k4": "v4"}, s.Metadata)
	})

	// s2 is taken by "revert"; "list" and "delete" expect it.
	var s2 *snapshots.Snapshot
	t.Run("revert", func(t *testing.T) {
		require.NoError(t, c.Volumes.RevertToSnapshot(ctx, v.ID, s1.ID))
		flow := b.volumeFlow(t, c, v.ID, volumes.StatusAvailable)
		subsetOf(t, flow, volumes.StatusReverting, volumes.StatusAvailable)
		s := b.waitSnapshot(t, c, s1.ID, snapshots.StatusAvailable)
		assert.Equal(t, v.ID, s.VolumeID)

		s2 = b.snapshot(top, c, snapshots.CreateRequest{VolumeID: v.ID, Name: b.name("snap-2")})

		// s1 is no longer the latest snapshot: refused, nothing changes.
		err := c.Volumes.RevertToSnapshot(ctx, v.ID, s1.ID)
		apiErr := apiError(t, err, cinder.ErrBadRequest)
		assert.Equal(t, http.StatusBadRequest, apiErr.StatusCode)
		assert.Contains(t, apiErr.Message, "not the latest one")
		got, err := c.Volumes.Get(ctx, v.ID)
		require.NoError(t, err)
		assert.Equal(t, volumes.StatusAvailable, got.Status, "the refused revert changed nothing")

		require.NoError(t, c.Volumes.RevertToSnapshot(ctx, v.ID, s2.ID))
		b.volumeFlow(t, c, v.ID, volumes.StatusAvailable)
		b.waitSnapshot(t, c, s2.ID, snapshots.StatusAvailable)
	})

	t.Run("in-use", func(t *testing.T) {
		u := b.create(t, c, volumes.CreateRequest{Size: 1, Name: b.name("in-use")})
		b.inUse(t, c, u.ID)

		c65, c66 := testutil.At(t, c, "3.65"), testutil.At(t, c, "3.66")
		s, err := c65.Snapshots.Create(ctx, snapshots.CreateRequest{VolumeID: u.ID, Name: b.name("in-use-noforce")})
		if s != nil && s.ID != "" {
			b.cleanupSnapshot(t, s.ID)
		}
		apiErr := apiError(t, err, cinder.ErrBadRequest)
		assert.Contains(t, apiErr.Message, "in-use", "3.65 refuses an in-use volume without force")

		forced := b.snapshot(t, c65, snapshots.CreateRequest{VolumeID: u.ID, Name: b.name("in-use-force"), Force: new(true)})
		assert.Equal(t, u.ID, forced.VolumeID)

		plain := b.snapshot(t, c66, snapshots.CreateRequest{VolumeID: u.ID, Name: b.name("in-use-366")})
		assert.Equal(t, u.ID, plain.VolumeID)

		before := b.adminTap.Sent()
		_, err = c66.Snapshots.Create(ctx, snapshots.CreateRequest{VolumeID: u.ID, Name: b.name("in-use-false"), Force: new(false)})
		require.Error(t, err)
		var apiE *cinder.APIError
		assert.NotErrorAs(t, err, &apiE, "force=false at 3.66 is refused before sending")
		assert.Equal(t, before, b.adminTap.Sent(), "nothing was sent")

		got, err := c.Volumes.Get(ctx, u.ID)
		require.NoError(t, err)
		assert.Equal(t, volumes.StatusInUse, got.Status, "snapshots leave the volume in-use")
	})

	t.Run("list by volume", func(t *testing.T) {
		require.NotNil(t, s2, "revert took the second snapshot")
		o := b.create(t, c, volumes.CreateRequest{Size: 1, Name: b.name("list-other")})
		os := b.snapshot(t, c, snapshots.CreateRequest{VolumeID: o.ID, Name: b.name("list-other")})
		others, err := cinder.Collect(c.Snapshots.List(ctx, &snapshots.ListOptions{VolumeID: o.ID}))
		require.NoError(t, err)
		require.Len(t, others, 1)
		assert.Equal(t, os.ID, others[0].ID)

		got, err := cinder.Collect(c.Snapshots.List(ctx, &snapshots.ListOptions{VolumeID: v.ID, Sort: "created_at:asc"}))
		require.NoError(t, err)
		var ids []string
		for _, s := range got {
			ids = append(ids, s.ID)
			assert.Equal(t, v.ID, s.VolumeID)
		}
		assert.Equal(t, []string{s1.ID, s2.ID}, ids)

		n, err := c.Snapshots.Count(ctx, &snapshots.ListOptions{VolumeID: v.ID})
		require.NoError(t, err)
		assert.Equal(t, 2, n)
	})

	t.Run("delete needs cascade", func(t *testing.T) {
		require.NotNil(t, s2, "revert took the second snapshot")
		err := c.Volumes.Delete(ctx, v.ID, nil)
		apiErr := apiError(t, err, cinder.ErrBadRequest)
		assert.Contains(t, apiErr.Message, "snapshots")
		got, err := c.Volumes.Get(ctx, v.ID)
		require.NoError(t, err)
		assert.Equal(t, volumes.StatusAvailable, got.Status, "the refused delete changed nothing")

		require.NoError(t, c.Volumes.Delete(ctx, v.ID, &volumes.DeleteOptions{Cascade: true}))
		b.waitDeleted(t, c, v.ID)
		for _, id := range []string{s1.ID, s2.ID} {
			_, err := c.Snapshots.Get(ctx, id)
			apiError(t, err, cinder.ErrNotFound)
		}
	})
}
