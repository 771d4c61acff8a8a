//go:build integration

package integration_test

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/attachments"
	"github.com/gocinder/cinder/backups"
	"github.com/gocinder/cinder/snapshots"
	"github.com/gocinder/cinder/volumes"
)

// backupTimeout bounds a wait for a backup or a restore: the real cloud's
// posix driver reads and compresses the whole volume.
const backupTimeout = 5 * time.Minute

// retryCreate runs create; on the real cloud a 500 (its sqlite database
// answers "database is locked" under concurrent writes) is retried twice,
// unless find reports that the first attempt created the resource after
// all. what names the resource for messages.
func retryCreate[T any](t *testing.T, b *backend, what string, create func() (T, error), find func() (T, bool, error)) T {
	t.Helper()
	for attempt := 1; ; attempt++ {
		v, err := create()
		if err == nil {
			return v
		}
		if !b.real() || !errors.Is(err, cinder.ErrServer) || attempt == 3 {
			require.NoError(t, err, "creating %s", what)
		}
		got, ok, ferr := find()
		require.NoError(t, ferr, "looking for %s after a 500", what)
		if ok {
			return got
		}
		t.Logf("creating %s: %v; retrying", what, err)
		time.Sleep(time.Duration(attempt) * time.Second)
	}
}

// retryServer runs an idempotent call (a cleanup's delete) up to three
// times while it fails with a 500: the real cloud's sqlite database answers
// "database is locked" under concurrent writes.
func retryServer(fn func() error) error {
	var err error
	for attempt := 1; attempt <= 3; attempt++ {
		if err = fn(); !errors.Is(err, cinder.ErrServer) {
			return err
		}
		time.Sleep(time.Duration(attempt) * time.Second)
	}
	return err
}

// snapshot creates a snapshot with c, deletes it in t.Cleanup and waits
// for it to be available.
func (b *backend) snapshot(t *testing.T, c *cinder.Client, r snapshots.CreateRequest) *snapshots.Snapshot {
	t.Helper()
	s := b.snapshotNoWait(t, c, r)
	return b.waitSnapshot(t, c, s.ID, snapshots.StatusAvailable)
}

// snapshotNoWait creates a snapshot and deletes it in t.Cleanup.
func (b *backend) snapshotNoWait(t *testing.T, c *cinder.Client, r snapshots.CreateRequest) *snapshots.Snapshot {
	t.Helper()
	require.NotEmpty(t, r.Name, "the suite names every snapshot")
	s := retryCreate(t, b, "snapshot "+r.Name, func() (*snapshots.Snapshot, error) {
		return c.Snapshots.Create(b.ctx, r)
	}, func() (*snapshots.Snapshot, bool, error) {
		got, err := cinder.Collect(c.Snapshots.List(b.ctx, &snapshots.ListOptions{Name: r.Name}))
		if err != nil || len(got) == 0 {
			return nil, false, err
		}
		return &got[0], true, nil
	})
	require.NotEmpty(t, s.ID)
	b.cleanupSnapshot(t, s.ID)
	return s
}

// waitSnapshot waits for snapshot id to reach status.
func (b *backend) waitSnapshot(t *testing.T, c *cinder.Client, id string, status snapshots.Status) *snapshots.Snapshot {
	t.Helper()
	s, err := c.Snapshots.WaitForStatus(b.waitCtx(t), id, status, nil)
	require.NoError(t, err, "waiting for snapshot %s to be %s", id, status)
	return s
}

// cleanupSnapshot deletes snapshot id when the test ends, as the admin,
// falling back to reset-state and force-delete.
func (b *backend) cleanupSnapshot(t *testing.T, id string) {
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
		defer cancel()
		c := b.admin
		err := retryServer(func() error { return c.Snapshots.Delete(ctx, id) })
		if errors.Is(err, cinder.ErrNotFound) {
			return
		}
		if err != nil {
			t.Logf("cleanup: delete snapshot %s: %v; resetting and force-deleting", id, err)
			_ = c.Snapshots.ResetStatus(ctx, id, snapshots.StatusAvailable)
			err = c.Snapshots.ForceDelete(ctx, id)
		}
		if err != nil && !errors.Is(err, cinder.ErrNotFound) {
			t.Errorf("cleanup: snapshot %s left behind: %v", id, err)
			return
		}
		if err := c.Snapshots.WaitForDeleted(ctx, id, nil); err != nil {
			t.Errorf("cleanup: snapshot %s not deleted: %v", id, err)
		}
	})
}

// backup starts a backup with c, deletes it in t.Cleanup and waits for it
// to be available; it returns the statuses the volume went through.
func (b *backend) backup(t *testing.T, c *cinder.Client, r backups.CreateRequest) (*backups.Backup, []volumes.Status) {
	t.Helper()
	require.NotEmpty(t, r.Name, "the suite names every backup")
	bk := retryCreate(t, b, "backup "+r.Name, func() (*backups.Backup, error) {
		return c.Backups.Create(b.ctx, r)
	}, func() (*backups.Backup, bool, error) {
		got, err := cinder.Collect(c.Backups.List(b.ctx, &backups.ListOptions{Name: r.Name}))
		if err != nil || len(got) == 0 {
			return nil, false, err
		}
		return &got[0], true, nil
	})
	require.NotEmpty(t, bk.ID)
	b.cleanupBackup(t, bk.ID)
	flow := b.volumeFlow(t, c, r.VolumeID, volumes.StatusAvailable)
	return b.waitBackup(t, c, bk.ID, backups.StatusAvailable), flow
}

// waitBackup waits for backup id to reach status.
func (b *backend) waitBackup(t *testing.T, c *cinder.Client, id string, status backups.Status) *backups.Backup {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, backupTimeout)
	defer cancel()
	bk, err := c.Backups.WaitForStatus(ctx, id, status, nil)
	require.NoError(t, err, "waiting for backup %s to be %s", id, status)
	return bk
}

// cleanupBackup deletes backup id when the test ends, as the admin,
// falling back to reset-state and force-delete.
func (b *backend) cleanupBackup(t *testing.T, id string) {
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), backupTimeout)
		defer cancel()
		c := b.admin
		// a backup still being created or restored cannot be deleted
		_, _ = c.Backups.WaitForStatus(ctx, id, backups.StatusAvailable, nil)
		err := retryServer(func() error { return c.Backups.Delete(ctx, id) })
		if errors.Is(err, cinder.ErrNotFound) {
			return
		}
		if err != nil {
			t.Logf("cleanup: delete backup %s: %v; resetting and force-deleting", id, err)
			_ = c.Backups.ResetStatus(ctx, id, backups.StatusAvailable)
			err = c.Backups.ForceDelete(ctx, id)
		}
		if err != nil && !errors.Is(err, cinder.ErrNotFound) {
			t.Errorf("cleanup: backup %s left behind: %v", id, err)
			return
		}
		if err := c.Backups.WaitForDeleted(ctx, id, nil); err != nil {
			t.Errorf("cleanup: backup %s not deleted: %v", id, err)
		}
	})
}

// volumeFlow polls volume id until it is want and returns the distinct
// statuses seen on the way, want included. Restores and backups can take
// minutes on the real cloud.
func (b *backend) volumeFlow(t *testing.T, c *cinder.Client, id string, want volumes.Status) []volumes.Status {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, backupTimeout)
	defer cancel()
	var seen []volumes.Status
	_, err := c.Volumes.WaitForStatus(ctx, id, want, &volumes.WaitOptions{Progress: func(v *volumes.Volume) {
		if len(seen) == 0 || seen[len(seen)-1] != v.Status {
			seen = append(seen, v.Status)
		}
	}})
	require.NoError(t, err, "waiting for volume %s to be %s (seen %v)", id, want, seen)
	return seen
}

// subsetOf asserts that every status in seen is one of allowed.
func subsetOf[S ~string](t *testing.T, seen []S, allowed ...S) {
	t.Helper()
	for _, s := range seen {
		require.True(t, slices.Contains(allowed, s), "status %q in %v; allowed %v", s, seen, allowed)
	}
}

// testConnector is the host the suite "attaches" volumes to: the real
// cloud's localfile driver exports any volume to any connector.
var testConnector = attachments.Connector{Host: "it-host", IP: "127.0.0.1", Platform: "x86_64", OSType: "linux"}

// attachment creates an attachment of volume r.VolumeID with c, deleting
// it in t.Cleanup (before the volume's own cleanup).
func (b *backend) attachment(t *testing.T, c *cinder.Client, r attachments.CreateRequest) *attachments.Attachment {
	t.Helper()
	a := retryCreate(t, b, "attachment of "+r.VolumeID, func() (*attachments.Attachment, error) {
		return c.Attachments.Create(b.ctx, r)
	}, func() (*attachments.Attachment, bool, error) {
		got, err := cinder.Collect(c.Attachments.List(b.ctx, &attachments.ListOptions{VolumeID: r.VolumeID}))
		if err != nil || len(got) == 0 {
			return nil, false, err
		}
		return &got[0], true, nil
	})
	require.NotEmpty(t, a.ID)
	id := a.ID
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		err := retryServer(func() error { return b.admin.Attachments.Delete(ctx, id) })
		if err != nil && !errors.Is(err, cinder.ErrNotFound) {
			t.Errorf("cleanup: attachment %s left behind: %v", id, err)
		}
	})
	return a
}

// inUse makes volume id in-use through an attachment (create with the
// test connector, complete) and returns the attachment.
func (b *backend) inUse(t *testing.T, c *cinder.Client, id string) *attachments.Attachment {
	t.Helper()
	a := b.attachment(t, c, attachments.CreateRequest{VolumeID: id, Connector: &testConnector})
	require.NoError(t, c.Attachments.Complete(b.ctx, a.ID))
	b.wait(t, c, id, volumes.StatusInUse)
	return a
}
