//go:build integration

package integration_test

import (
	"github.com/gocinder/cinder/internal/testutil"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/volumes"
)

// testMicroversion checks negotiation ("latest" settles on the server's
// maximum), the header on the wire, and gating before sending.
func testMicroversion(t *testing.T, b *backend) {
	c, ctx := b.admin, b.ctx
	assert.Equal(t, b.wantMV, c.Microversion().String(), "negotiated microversion")
	assert.Equal(t, b.wantMV, c.ServerVersions().Max.String(), "server maximum")

	v := b.adminVolume(t)
	got, err := c.Volumes.Get(ctx, v.ID)
	require.NoError(t, err)
	assert.Equal(t, "volume "+b.wantMV, b.adminTap.LastVersion())
	assert.NotEmpty(t, got.VolumeTypeID, "volume_type_id is shown since 3.63")

	t.Run("older version hides newer fields", func(t *testing.T) {
		old, err := testutil.At(t, c, "3.62").Volumes.Get(ctx, v.ID)
		require.NoError(t, err)
		assert.Equal(t, "volume 3.62", b.adminTap.LastVersion())
		assert.Empty(t, old.VolumeTypeID, "no volume_type_id before 3.63")
		assert.Equal(t, got.ID, old.ID)
		assert.Equal(t, got.VolumeType, old.VolumeType)
	})

	t.Run("fixed version client", func(t *testing.T) {
		c30, tp := b.connect(t, b.adminEnv, "3.0")
		assert.Equal(t, "3.0", c30.Microversion().String())
		_, _, err := c30.Volumes.ListPage(ctx, &volumes.ListOptions{Limit: 1})
		require.NoError(t, err)
		assert.Equal(t, "volume 3.0", tp.LastVersion())
		_, err = c30.Volumes.Summary(ctx, false)
		var verr *cinder.VersionError
		require.ErrorAs(t, err, &verr)
	})

	t.Run("gating sends nothing", func(t *testing.T) {
		before := b.adminTap.Sent()
		err := testutil.At(t, c, "3.39").Volumes.RevertToSnapshot(ctx, v.ID, "8a3ba8f6-7d4a-4b4c-9d5e-000000000001")
		var verr *cinder.VersionError
		require.ErrorAs(t, err, &verr)
		assert.Equal(t, "3.40", verr.Need.String())
		assert.Equal(t, "3.39", verr.Have.String())
		assert.Equal(t, before, b.adminTap.Sent(), "nothing was sent")
	})

	t.Run("beyond the server", func(t *testing.T) {
		before := b.adminTap.Sent()
		cp, err := c.WithMicroversion("3.99")
		require.Error(t, err)
		assert.Nil(t, cp)
		assert.Equal(t, before, b.adminTap.Sent(), "nothing was sent")
	})
}

// testReauth revokes a client's token in Keystone; the next call must get a
// 401, re-authenticate exactly once and succeed.
func testReauth(t *testing.T, b *backend) {
	c, tp := b.connect(t, b.adminEnv, "latest")
	issued := tp.Issued()
	require.Len(t, issued, 1, "one token after New")
	stale := issued[0]
	require.NotEmpty(t, stale)

	// Revoke before Cinder ever validated the token: real Cinder
	// (keystonemiddleware) caches validations, see DIFFERENCES.md.
	b.revoke(t, stale)

	_, _, err := c.Volumes.ListPage(b.ctx, &volumes.ListOptions{Limit: 1})
	require.NoError(t, err)
	assert.Equal(t, 1, tp.Unauthorized(), "one 401 for the revoked token")
	issued = tp.Issued()
	require.Len(t, issued, 2, "exactly one re-authentication")
	assert.NotEqual(t, stale, issued[1])
	assert.Equal(t, issued[1], tp.Token(), "the replay used the new token")

	_, _, err = c.Volumes.ListPage(b.ctx, &volumes.ListOptions{Limit: 1})
	require.NoError(t, err)
	assert.Len(t, tp.Issued(), 2, "no further re-authentication")
	assert.Equal(t, 1, tp.Unauthorized())
}
