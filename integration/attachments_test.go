//go:build integration

package integration_test

import (
	"github.com/gocinder/cinder/internal/testutil"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/attachments"
	"github.com/gocinder/cinder/volumes"
)

// testAttachments walks an attachment without a server (there is no Nova)
// through reserve, connector update, complete and delete, checking the
// volume's status at each step, and creates a read-only one (3.54).
func testAttachments(t *testing.T, b *backend) {
	c, ctx := b.admin, b.ctx
	v := b.create(t, c, volumes.CreateRequest{Size: 1, Name: b.name("vol")})
	other := b.create(t, c, volumes.CreateRequest{Size: 1, Name: b.name("other")})

	a := b.attachment(t, c, attachments.CreateRequest{VolumeID: v.ID})
	assert.Equal(t, attachments.StatusReserved, a.Status)
	assert.Equal(t, v.ID, a.VolumeID)
	assert.Empty(t, a.InstanceID, "no server")
	assert.Empty(t, a.ConnectionInfo, "no connector yet")
	b.wait(t, c, v.ID, volumes.StatusReserved)
	otherA := b.attachment(t, c, attachments.CreateRequest{VolumeID: other.ID})

	t.Run("update with a connector", func(t *testing.T) {
		upd, err := c.Attachments.Update(ctx, a.ID, testConnector)
		require.NoError(t, err)
		assert.Equal(t, a.ID, upd.ID)
		require.NotEmpty(t, upd.ConnectionInfo, "connection_info")
		assert.NotEmpty(t, upd.ConnectionInfo["driver_volume_type"])
		got, err := c.Attachments.Get(ctx, a.ID)
		require.NoError(t, err)
		assert.Equal(t, attachments.StatusAttaching, got.Status)
		assert.NotEmpty(t, got.ConnectionInfo)
		b.wait(t, c, v.ID, volumes.StatusAttaching)
	})

	t.Run("complete", func(t *testing.T) {
		_, err := testutil.At(t, c, "3.43").Attachments.Get(ctx, a.ID)
		require.NoError(t, err, "show exists since 3.27")
		err = testutil.At(t, c, "3.43").Attachments.Complete(ctx, a.ID)
		var verr *cinder.VersionError
		require.ErrorAs(t, err, &verr, "os-complete needs 3.44")

		require.NoError(t, c.Attachments.Complete(ctx, a.ID))
		got, err := c.Attachments.Get(ctx, a.ID)
		require.NoError(t, err)
		assert.Equal(t, attachments.StatusAttached, got.Status)
		assert.Equal(t, attachments.ModeReadWrite, got.AttachMode)
		assert.False(t, got.AttachedAt.IsZero(), "attached_at")
		vol := b.wait(t, c, v.ID, volumes.StatusInUse)
		require.Len(t, vol.Attachments, 1)
		assert.Equal(t, a.ID, vol.Attachments[0].AttachmentID)
		assert.Equal(t, v.ID, vol.Attachments[0].VolumeID)
		assert.Equal(t, testConnector.Host, vol.Attachments[0].HostName)

		// An in-use volume is not deleted.
		err = c.Volumes.Delete(ctx, v.ID, nil)
		apiError(t, err, cinder.ErrBadRequest)
	})

	t.Run("list by volume", func(t *testing.T) {
		for vol, want := range map[string]string{v.ID: a.ID, other.ID: otherA.ID} {
			got, err := cinder.Collect(c.Attachments.List(ctx, &attachments.ListOptions{VolumeID: vol}))
			require.NoError(t, err)
			require.Len(t, got, 1)
			assert.Equal(t, want, got[0].ID)
			assert.Equal(t, vol, got[0].VolumeID)
			refs, err := cinder.Collect(c.Attachments.ListRefs(ctx, &attachments.ListOptions{VolumeID: vol}))
			require.NoError(t, err)
			require.Len(t, refs, 1)
			assert.Equal(t, want, refs[0].ID)
		}
		got, err := cinder.Collect(c.Attachments.List(ctx, &attachments.ListOptions{VolumeID: v.ID, Status: attachments.StatusReserved}))
		require.NoError(t, err)
		assert.Empty(t, got, "v's attachment is attached, not reserved")
	})

	t.Run("delete", func(t *testing.T) {
		require.NoError(t, c.Attachments.Delete(ctx, a.ID))
		vol := b.wait(t, c, v.ID, volumes.StatusAvailable)
		assert.Empty(t, vol.Attachments)
		_, err := c.Attachments.Get(ctx, a.ID)
		apiError(t, err, cinder.ErrNotFound)

		require.NoError(t, c.Attachments.Delete(ctx, otherA.ID))
		b.wait(t, c, other.ID, volumes.StatusAvailable)
	})

	t.Run("read-only", func(t *testing.T) {
		_, err := testutil.At(t, c, "3.53").Attachments.Create(ctx, attachments.CreateRequest{VolumeID: v.ID, Mode: attachments.ModeReadOnly})
		var verr *cinder.VersionError
		require.ErrorAs(t, err, &verr, "mode needs 3.54")

		ro := b.attachment(t, c, attachments.CreateRequest{VolumeID: v.ID, Mode: attachments.ModeReadOnly, Connector: &testConnector})
		assert.Equal(t, attachments.ModeReadOnly, ro.AttachMode)
		assert.NotEmpty(t, ro.ConnectionInfo, "a create with a connector exports at once")
		require.NoError(t, c.Attachments.Complete(ctx, ro.ID))
		got, err := c.Attachments.Get(ctx, ro.ID)
		require.NoError(t, err)
		assert.Equal(t, attachments.StatusAttached, got.Status)
		assert.Equal(t, attachments.ModeReadOnly, got.AttachMode)
		b.wait(t, c, v.ID, volumes.StatusInUse)

		require.NoError(t, c.Attachments.Delete(ctx, ro.ID))
		b.wait(t, c, v.ID, volumes.StatusAvailable)
	})
}
