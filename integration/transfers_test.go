//go:build integration

package integration_test

import (
	"context"
	"errors"
	"github.com/gocinder/cinder/internal/testutil"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/snapshots"
	"github.com/gocinder/cinder/transfers"
	"github.com/gocinder/cinder/volumes"
)

// testTransfers offers the admin's volumes to the demo project: a transfer
// deleted before acceptance, a wrong key, an accepted transfer, and one
// without the volume's snapshots (3.55).
func testTransfers(t *testing.T, b *backend) {
	c, ctx := b.admin, b.ctx
	adminProject, demoProject := c.ProjectID(), b.demo.ProjectID()
	require.NotEqual(t, adminProject, demoProject)
	v := b.create(t, c, volumes.CreateRequest{Size: 1, Name: b.name("vol")})

	t.Run("create, show, refuse, delete", func(t *testing.T) {
		tr := b.transfer(t, c, transfers.CreateRequest{VolumeID: v.ID, Name: b.name("cancelled")})
		assert.NotEmpty(t, tr.AuthKey, "the auth key comes with the create answer")
		assert.Equal(t, v.ID, tr.VolumeID)
		assert.Equal(t, b.name("cancelled"), tr.Name)
		assert.False(t, tr.NoSnapshots)
		assert.False(t, tr.CreatedAt.IsZero(), "created_at")
		b.wait(t, c, v.ID, volumes.StatusAwaitingTransfer)

		got, err := c.Transfers.Get(ctx, tr.ID)
		require.NoError(t, err)
		assert.Empty(t, got.AuthKey, "the auth key is shown once")
		assert.Equal(t, v.ID, got.VolumeID)
		assert.Equal(t, adminProject, got.SourceProjectID, "source_project_id (3.57)")
		assert.Empty(t, got.DestinationProjectID)
		assert.False(t, got.Accepted)

		listed, err := cinder.Collect(c.Transfers.List(ctx, &transfers.ListOptions{VolumeID: v.ID}))
		require.NoError(t, err)
		require.Len(t, listed, 1)
		assert.Equal(t, tr.ID, listed[0].ID)
		assert.Empty(t, listed[0].AuthKey)
		refs, err := cinder.Collect(c.Transfers.ListRefs(ctx, &transfers.ListOptions{Name: b.name("cancelled")}))
		require.NoError(t, err)
		require.Len(t, refs, 1)
		assert.Equal(t, tr.ID, refs[0].ID)

		_, err = b.demo.Transfers.Accept(ctx, tr.ID, tr.AuthKey+"x")
		apiError(t, err, cinder.ErrBadRequest)
		gotV, err := c.Volumes.Get(ctx, v.ID)
		require.NoError(t, err)
		assert.Equal(t, volumes.StatusAwaitingTransfer, gotV.Status, "the wrong key changed nothing")
		assert.Equal(t, adminProject, gotV.TenantID)

		require.NoError(t, c.Transfers.Delete(ctx, tr.ID))
		b.wait(t, c, v.ID, volumes.StatusAvailable)
		_, err = c.Transfers.Get(ctx, tr.ID)
		apiError(t, err, cinder.ErrNotFound)
	})

	t.Run("accept", func(t *testing.T) {
		tr := b.transfer(t, c, transfers.CreateRequest{VolumeID: v.ID, Name: b.name("accepted")})
		b.wait(t, c, v.ID, volumes.StatusAwaitingTransfer)
		acc, err := b.demo.Transfers.Accept(ctx, tr.ID, tr.AuthKey)
		require.NoError(t, err)
		assert.Equal(t, tr.ID, acc.ID)
		assert.Equal(t, v.ID, acc.VolumeID)

		got := b.wait(t, b.demo, v.ID, volumes.StatusAvailable)
		assert.Equal(t, demoProject, got.TenantID, "the volume belongs to demo now")
		mine, err := cinder.Collect(c.Volumes.ListRefs(ctx, &volumes.ListOptions{Name: b.name("vol")}))
		require.NoError(t, err)
		assert.Empty(t, mine, "the admin's project no longer lists the volume")
		_, err = c.Transfers.Get(ctx, tr.ID)
		apiError(t, err, cinder.ErrNotFound)

		require.NoError(t, b.demo.Volumes.Delete(ctx, v.ID, nil))
		b.waitDeleted(t, b.demo, v.ID)
	})

	t.Run("no snapshots", func(t *testing.T) {
		w := b.create(t, c, volumes.CreateRequest{Size: 1, Name: b.name("with-snap")})
		s := b.snapshot(t, c, snapshots.CreateRequest{VolumeID: w.ID, Name: b.name("stays")})

		_, err := testutil.At(t, c, "3.54").Transfers.Create(ctx, transfers.CreateRequest{VolumeID: w.ID, NoSnapshots: true})
		var verr *cinder.VersionError
		require.ErrorAs(t, err, &verr, "no_snapshots needs 3.55")

		tr := b.transfer(t, c, transfers.CreateRequest{VolumeID: w.ID, Name: b.name("no-snaps"), NoSnapshots: true})
		assert.True(t, tr.NoSnapshots)
		_, err = b.demo.Transfers.Accept(ctx, tr.ID, tr.AuthKey)
		require.NoError(t, err)
		got := b.wait(t, b.demo, w.ID, volumes.StatusAvailable)
		assert.Equal(t, demoProject, got.TenantID)

		snap, err := c.Snapshots.Get(ctx, s.ID)
		require.NoError(t, err)
		assert.Equal(t, adminProject, snap.ProjectID, "the snapshot stayed in the admin's project")
		assert.Equal(t, w.ID, snap.VolumeID)
		_, err = b.demo.Snapshots.Get(ctx, s.ID)
		apiError(t, err, cinder.ErrNotFound)

		// Demo cannot delete a volume with another project's snapshot,
		// even with cascade.
		err = b.demo.Volumes.Delete(ctx, w.ID, &volumes.DeleteOptions{Cascade: true})
		apiError(t, err, cinder.ErrBadRequest)

		require.NoError(t, c.Snapshots.Delete(ctx, s.ID))
		require.NoError(t, c.Snapshots.WaitForDeleted(b.waitCtx(t), s.ID, nil))
		require.NoError(t, b.demo.Volumes.Delete(ctx, w.ID, nil))
		b.waitDeleted(t, b.demo, w.ID)
	})
}

// transfer creates a transfer with c and deletes it in t.Cleanup unless it
// was accepted or deleted.
func (b *backend) transfer(t *testing.T, c *cinder.Client, r transfers.CreateRequest) *transfers.Transfer {
	t.Helper()
	tr := retryCreate(t, b, "transfer "+r.Name, func() (*transfers.Transfer, error) {
		return c.Transfers.Create(b.ctx, r)
	}, func() (*transfers.Transfer, bool, error) {
		// The auth key was lost with the answer: cancel a transfer the
		// failed attempt made after all, and retry.
		got, err := cinder.Collect(c.Transfers.List(b.ctx, &transfers.ListOptions{VolumeID: r.VolumeID}))
		for _, tr := range got {
			err = errors.Join(err, c.Transfers.Delete(b.ctx, tr.ID))
		}
		return nil, false, err
	})
	require.NotEmpty(t, tr.ID)
	id := tr.ID
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		err := retryServer(func() error { return b.admin.Transfers.Delete(ctx, id) })
		if err != nil && !errors.Is(err, cinder.ErrNotFound) {
			t.Errorf("cleanup: transfer %s left behind: %v", id, err)
		}
	})
	return tr
}
