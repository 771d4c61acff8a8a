//go:build integration

package integration_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/volumes"
)

// testLifecycle walks one volume through create, show, update, metadata
// (with an ETag conflict), extend, retype, reset-state and delete.
func testLifecycle(t *testing.T, b *backend) {
	c, ctx := b.admin, b.ctx

	// Types first: their cleanup then runs after the volume's.
	gold := b.createType(t, b.name("gold"))

	v := b.create(t, c, volumes.CreateRequest{Size: 1, Name: b.name("vol"), Description: "lifecycle",
		Metadata: map[string]string{"k1": "v1"}})
	b.save(t, "volumes/wait_available")

	got, err := c.Volumes.Get(ctx, v.ID)
	require.NoError(t, err)
	b.save(t, "volumes/get")
	assert.Equal(t, b.name("vol"), got.Name)
	assert.Equal(t, "lifecycle", got.Description)
	assert.Equal(t, 1, got.Size)
	assert.Equal(t, volumes.StatusAvailable, got.Status)
	assert.Equal(t, map[string]string{"k1": "v1"}, got.Metadata)
	assert.Equal(t, c.ProjectID(), got.TenantID)
	assert.False(t, got.CreatedAt.IsZero(), "created_at")
	assert.NotEmpty(t, got.VolumeType, "volume_type (the default type)")
	assert.NotEmpty(t, got.VolumeTypeID, "volume_type_id (3.63)")

	t.Run("update", func(t *testing.T) {
		upd, err := c.Volumes.Update(ctx, v.ID, volumes.UpdateRequest{Name: new(b.name("renamed")), Description: new("changed")})
		require.NoError(t, err)
		b.save(t, "volumes/update")
		assert.Equal(t, b.name("renamed"), upd.Name)
		assert.Equal(t, "changed", upd.Description)
		got, err := c.Volumes.Get(ctx, v.ID)
		require.NoError(t, err)
		assert.Equal(t, b.name("renamed"), got.Name)
		assert.Equal(t, "changed", got.Description)
		assert.Equal(t, map[string]string{"k1": "v1"}, got.Metadata, "update without metadata keeps it")
	})

	t.Run("metadata", func(t *testing.T) {
		md, err := c.Volumes.SetMetadata(ctx, v.ID, map[string]string{"k2": "v2"})
		require.NoError(t, err)
		assert.Equal(t, map[string]string{"k1": "v1", "k2": "v2"}, md)

		md, err = c.Volumes.Metadata(ctx, v.ID)
		require.NoError(t, err)
		b.save(t, "volumes/metadata")
		assert.Equal(t, map[string]string{"k1": "v1", "k2": "v2"}, md)

		val, err := c.Volumes.MetadataItem(ctx, v.ID, "k2")
		require.NoError(t, err)
		assert.Equal(t, "v2", val)
		_, err = c.Volumes.MetadataItem(ctx, v.ID, "nope")
		apiError(t, err, cinder.ErrNotFound)

		md, etag, err := c.Volumes.MetadataWithETag(ctx, v.ID)
		require.NoError(t, err)
		require.NotEmpty(t, etag)
		assert.Equal(t, map[string]string{"k1": "v1", "k2": "v2"}, md)

		md, err = c.Volumes.ReplaceMetadataIfMatch(ctx, v.ID, map[string]string{"k3": "v3"}, etag)
		require.NoError(t, err)
		assert.Equal(t, map[string]string{"k3": "v3"}, md)

		// etag is stale now: the second replace must be refused, changing nothing.
		_, err = c.Volumes.ReplaceMetadataIfMatch(ctx, v.ID, map[string]string{"k4": "v4"}, etag)
		apiErr := apiError(t, err, cinder.ErrPrecondition)
		assert.Equal(t, 412, apiErr.StatusCode)
		md, err = c.Volumes.Metadata(ctx, v.ID)
		require.NoError(t, err)
		assert.Equal(t, map[string]string{"k3": "v3"}, md)

		require.NoError(t, c.Volumes.DeleteMetadataItem(ctx, v.ID, "k3"))
		md, err = c.Volumes.Metadata(ctx, v.ID)
		require.NoError(t, err)
		assert.Empty(t, md)
	})

	t.Run("extend", func(t *testing.T) {
		require.NoError(t, c.Volumes.Extend(ctx, v.ID, 2))
		got := b.wait(t, c, v.ID, volumes.StatusAvailable)
		assert.Equal(t, 2, got.Size)
	})

	t.Run("retype", func(t *testing.T) {
		require.NoError(t, c.Volumes.Retype(ctx, v.ID, gold.Name, volumes.MigrateNever))
		got := b.waitType(t, v.ID, gold.Name)
		assert.Equal(t, gold.ID, got.VolumeTypeID)
		assert.Equal(t, 2, got.Size)
	})

	t.Run("reset-state", func(t *testing.T) {
		require.NoError(t, c.Volumes.ResetStatus(ctx, v.ID, volumes.ResetStatusRequest{Status: volumes.StatusError}))
		got, err := c.Volumes.Get(ctx, v.ID)
		require.NoError(t, err)
		assert.Equal(t, volumes.StatusError, got.Status)
		require.NoError(t, c.Volumes.ResetStatus(ctx, v.ID, volumes.ResetStatusRequest{Status: volumes.StatusAvailable}))
		got, err = c.Volumes.Get(ctx, v.ID)
		require.NoError(t, err)
		assert.Equal(t, volumes.StatusAvailable, got.Status)
	})

	t.Run("delete", func(t *testing.T) {
		require.NoError(t, c.Volumes.Delete(ctx, v.ID, nil))
		b.waitDeleted(t, c, v.ID)
		_, err := c.Volumes.Get(ctx, v.ID)
		apiError(t, err, cinder.ErrNotFound)
	})
}

// waitType waits until the retype of volume id to typeName has finished.
func (b *backend) waitType(t *testing.T, id, typeName string) *volumes.Volume {
	t.Helper()
	var got *volumes.Volume
	require.EventuallyWithT(t, func(c *assert.CollectT) {
		v, err := b.admin.Volumes.Get(b.ctx, id)
		require.NoError(c, err)
		require.Equal(c, volumes.StatusAvailable, v.Status)
		require.Equal(c, typeName, v.VolumeType)
		got = v
	}, waitTimeout, waitPoll)
	return got
}

// testClone creates a volume from another one (source_volid).
func testClone(t *testing.T, b *backend) {
	c, ctx := b.admin, b.ctx
	src := b.create(t, c, volumes.CreateRequest{Size: 1, Name: b.name("src"), Metadata: map[string]string{"role": "source"}})
	clone := b.create(t, c, volumes.CreateRequest{SourceVolID: src.ID, Name: b.name("clone")})
	assert.Equal(t, src.ID, clone.SourceVolID)
	assert.Equal(t, src.Size, clone.Size, "a clone without a size takes the source's")
	assert.Equal(t, b.name("clone"), clone.Name)
	assert.Equal(t, src.VolumeType, clone.VolumeType)

	got, err := c.Volumes.Get(ctx, src.ID)
	require.NoError(t, err)
	assert.Equal(t, volumes.StatusAvailable, got.Status, "the source is available again")

	// A clone larger than its source.
	big := b.create(t, c, volumes.CreateRequest{SourceVolID: src.ID, Size: 2, Name: b.name("clone-big")})
	assert.Equal(t, 2, big.Size)
	assert.Equal(t, src.ID, big.SourceVolID)
}
