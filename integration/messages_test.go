//go:build integration

package integration_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/messages"
	"github.com/gocinder/cinder/quotas"
	"github.com/gocinder/cinder/volumes"
)

// hugeSize is larger than the backend of either cloud (the real test
// cloud's localfile pool; the emulator's Options.Capacity, 5000 GiB by
// default): the scheduler finds no backend for it.
const hugeSize = 100000

// testMessages creates a volume no backend can hold, waits for it to fail
// and reads, then deletes, the user message Cinder left about it.
func testMessages(t *testing.T, b *backend) {
	ctx, c := b.ctx, b.admin
	project := c.ProjectID()

	// Raise the gigabytes quota first, so that the API accepts the volume;
	// restored after the volume is gone.
	orig := b.restoreQuotas(t)
	b.setQuota(t, quotas.UpdateRequest{Gigabytes: new(orig.Gigabytes + hugeSize)})

	v := b.createNoWait(t, c, volumes.CreateRequest{Size: hugeSize, Name: b.name("huge")})
	_, err := c.Volumes.WaitForStatus(b.waitCtx(t), v.ID, volumes.StatusAvailable, nil)
	var serr *cinder.StatusError
	require.ErrorAs(t, err, &serr)
	assert.Equal(t, v.ID, serr.ID)
	assert.Equal(t, string(volumes.StatusError), serr.Status)

	var msg messages.Message
	require.EventuallyWithT(t, func(ct *assert.CollectT) {
		got, err := cinder.Collect(c.Messages.List(ctx, &messages.ListOptions{ResourceUUID: v.ID}))
		require.NoError(ct, err)
		require.Len(ct, got, 1)
		msg = got[0]
	}, waitTimeout, waitPoll, "a user message about volume %s", v.ID)

	assert.Equal(t, v.ID, msg.ResourceUUID)
	assert.Equal(t, messages.ResourceVolume, msg.ResourceType)
	assert.Equal(t, "VOLUME_VOLUME_001_003", msg.EventID)
	assert.Equal(t, messages.LevelError, msg.Level)
	assert.Contains(t, msg.UserMessage, "schedule allocate volume")
	assert.Contains(t, msg.UserMessage, "Could not find any available weighted backend")
	assert.True(t, strings.HasPrefix(msg.RequestID, "req-"), "request_id %q", msg.RequestID)
	assert.False(t, msg.CreatedAt.IsZero(), "created_at")
	assert.True(t, msg.GuaranteedUntil.After(msg.CreatedAt), "guaranteed_until after created_at")

	t.Run("filters", func(t *testing.T) {
		got, err := cinder.Collect(c.Messages.List(ctx, &messages.ListOptions{
			ResourceUUID: v.ID, EventID: "VOLUME_VOLUME_001_003", ResourceType: messages.ResourceVolume,
			Level: messages.LevelError, Sort: "created_at:desc"}))
		require.NoError(t, err)
		require.Len(t, got, 1)
		assert.Equal(t, msg.ID, got[0].ID)

		got, err = cinder.Collect(c.Messages.List(ctx, &messages.ListOptions{ResourceUUID: v.ID, EventID: "VOLUME_VOLUME_001_002"}))
		require.NoError(t, err)
		assert.Empty(t, got)

		got, err = cinder.Collect(c.Messages.List(ctx, &messages.ListOptions{RequestID: msg.RequestID}))
		require.NoError(t, err)
		require.Len(t, got, 1)
		assert.Equal(t, msg.ID, got[0].ID)
	})

	t.Run("other project", func(t *testing.T) {
		_, err := b.demo.Messages.Get(ctx, msg.ID)
		apiError(t, err, cinder.ErrNotFound)
	})

	t.Run("get and delete", func(t *testing.T) {
		got, err := c.Messages.Get(ctx, msg.ID)
		require.NoError(t, err)
		assert.Equal(t, msg.ID, got.ID)
		assert.Equal(t, msg.EventID, got.EventID)
		assert.Equal(t, msg.UserMessage, got.UserMessage)
		assert.Equal(t, v.ID, got.ResourceUUID)

		require.NoError(t, c.Messages.Delete(ctx, msg.ID))
		_, err = c.Messages.Get(ctx, msg.ID)
		apiErr := apiError(t, err, cinder.ErrNotFound)
		assert.Equal(t, "itemNotFound", apiErr.Code)
		left, err := cinder.Collect(c.Messages.List(ctx, &messages.ListOptions{ResourceUUID: v.ID}))
		require.NoError(t, err)
		assert.Empty(t, left)
		err = c.Messages.Delete(ctx, msg.ID)
		apiError(t, err, cinder.ErrNotFound)
	})

	t.Run("volume in error", func(t *testing.T) {
		got, err := c.Volumes.Get(ctx, v.ID)
		require.NoError(t, err)
		assert.Equal(t, volumes.StatusError, got.Status)
		assert.Equal(t, hugeSize, got.Size)
		u, err := c.Quotas.Usage(ctx, project)
		require.NoError(t, err)
		assert.GreaterOrEqual(t, u.Gigabytes.InUse, hugeSize, "a volume in error still counts")
		require.NoError(t, c.Volumes.Delete(ctx, v.ID, nil))
		b.waitDeleted(t, c, v.ID)
	})
}
