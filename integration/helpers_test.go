//go:build integration

package integration_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/types"
	"github.com/gocinder/cinder/volumes"
)

// waitTimeout bounds every wait for a status: real Cinder is slow-ish.
const waitTimeout = 2 * time.Minute

// waitCtx returns b.ctx bounded by waitTimeout.
func (b *backend) waitCtx(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(b.ctx, waitTimeout)
	t.Cleanup(cancel)
	return ctx
}

// create creates a volume with c (admin or demo), deletes it in t.Cleanup
// whatever happens, and waits for it to be available.
func (b *backend) create(t *testing.T, c *cinder.Client, r volumes.CreateRequest) *volumes.Volume {
	t.Helper()
	v := b.createNoWait(t, c, r)
	return b.wait(t, c, v.ID, volumes.StatusAvailable)
}

// createNoWait creates a volume and deletes it in t.Cleanup. On the real
// cloud, a 500 (its sqlite database answers "database is locked" under
// concurrent writes) is retried twice when no volume of that name exists.
func (b *backend) createNoWait(t *testing.T, c *cinder.Client, r volumes.CreateRequest) *volumes.Volume {
	t.Helper()
	require.NotEmpty(t, r.Name, "the suite names every volume")
	for attempt := 1; ; attempt++ {
		v, err := c.Volumes.Create(b.ctx, r)
		if err == nil {
			require.NotEmpty(t, v.ID)
			b.cleanupVolume(t, v.ID)
			return v
		}
		if !b.real() || !errors.Is(err, cinder.ErrServer) || attempt == 3 {
			require.NoError(t, err, "creating volume %q", r.Name)
		}
		got, lerr := cinder.Collect(c.Volumes.List(b.ctx, &volumes.ListOptions{Name: r.Name}))
		require.NoError(t, lerr)
		if len(got) > 0 {
			b.cleanupVolume(t, got[0].ID)
			return &got[0]
		}
		t.Logf("creating volume %q: %v; retrying", r.Name, err)
		time.Sleep(time.Duration(attempt) * time.Second)
	}
}

// wait waits for volume id to reach status.
func (b *backend) wait(t *testing.T, c *cinder.Client, id string, status volumes.Status) *volumes.Volume {
	t.Helper()
	v, err := c.Volumes.WaitForStatus(b.waitCtx(t), id, status, nil)
	require.NoError(t, err, "waiting for volume %s to be %s", id, status)
	require.Equal(t, status, v.Status)
	return v
}

// waitDeleted waits until volume id is gone.
func (b *backend) waitDeleted(t *testing.T, c *cinder.Client, id string) {
	t.Helper()
	require.NoError(t, c.Volumes.WaitForDeleted(b.waitCtx(t), id, nil), "waiting for volume %s to be deleted", id)
}

// cleanupVolume deletes volume id when the test ends, as the admin: a plain
// delete, then reset-state + force-delete if that is refused. It reports
// (as a test error) a volume it could not remove.
func (b *backend) cleanupVolume(t *testing.T, id string) {
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
		defer cancel()
		c := b.admin
		err := c.Volumes.Delete(ctx, id, &volumes.DeleteOptions{Cascade: true})
		if errors.Is(err, cinder.ErrNotFound) {
			return
		}
		if err != nil {
			t.Logf("cleanup: delete %s: %v; resetting and force-deleting", id, err)
			_ = c.Volumes.ResetStatus(ctx, id, volumes.ResetStatusRequest{Status: volumes.StatusAvailable, AttachStatus: volumes.AttachStatusDetached, MigrationStatus: "none"})
			err = c.Volumes.ForceDelete(ctx, id)
		}
		if err != nil && !errors.Is(err, cinder.ErrNotFound) {
			t.Errorf("cleanup: volume %s left behind: %v", id, err)
			return
		}
		if err := c.Volumes.WaitForDeleted(ctx, id, nil); err != nil {
			t.Errorf("cleanup: volume %s not deleted: %v", id, err)
		}
	})
}

// createType creates a public volume type as the admin (see volumeType).
func (b *backend) createType(t *testing.T, name string) *types.VolumeType {
	t.Helper()
	return b.volumeType(t, types.CreateRequest{Name: name, Description: "gocinder integration test", IsPublic: new(true)})
}

// apiError asserts that err is an *cinder.APIError matching sentinel, with a request id.
func apiError(t *testing.T, err error, sentinel error) *cinder.APIError {
	t.Helper()
	require.Error(t, err)
	require.ErrorIs(t, err, sentinel)
	var apiErr *cinder.APIError
	require.ErrorAs(t, err, &apiErr)
	require.NotEmpty(t, apiErr.RequestID, "request id of %v", err)
	return apiErr
}
