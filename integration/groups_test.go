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
	"github.com/gocinder/cinder/groups"
	"github.com/gocinder/cinder/groupsnapshots"
	"github.com/gocinder/cinder/grouptypes"
	"github.com/gocinder/cinder/snapshots"
	"github.com/gocinder/cinder/volumes"
)

// consistent is the group spec that lets a group type's groups be
// snapshotted together.
var consistent = map[string]string{"consistent_group_snapshot_enabled": "<is> True"}

// testGroups walks a generic volume group through its life: a group type
// (with group spec CRUD) and a volume type, a group of them with two
// volumes, membership updates, a group snapshot and a group made from it,
// the refusals (group with snapshots, group type in use, replication on a
// type without it, reset_status as demo, a microversion below 3.13), and
// the deletes with the volumes.
func testGroups(t *testing.T, b *backend) {
	c, ctx := b.admin, b.ctx
	top := t // resources the later subtests use are cleaned up with it

	gt := b.groupType(t, grouptypes.CreateRequest{Name: b.name("gtype"), Description: "gocinder integration test",
		IsPublic: new(true), GroupSpecs: consistent})
	assert.Equal(t, b.name("gtype"), gt.Name)
	assert.True(t, gt.IsPublic)
	assert.Equal(t, consistent, gt.GroupSpecs)

	t.Run("group specs", func(t *testing.T) {
		// Scoped keys other than capabilities: are ignored by the scheduler.
		set, err := c.GroupTypes.SetGroupSpecs(ctx, gt.ID, map[string]string{"it:color": "blue", "it:size": "big"})
		require.NoError(t, err)
		assert.Equal(t, map[string]string{"it:color": "blue", "it:size": "big"}, set)

		require.NoError(t, c.GroupTypes.SetGroupSpec(ctx, gt.ID, "it:color", "red"))
		val, err := c.GroupTypes.GroupSpec(ctx, gt.ID, "it:color")
		require.NoError(t, err)
		assert.Equal(t, "red", val)

		require.NoError(t, c.GroupTypes.DeleteGroupSpec(ctx, gt.ID, "it:size"))
		_, err = c.GroupTypes.GroupSpec(ctx, gt.ID, "it:size")
		apiError(t, err, cinder.ErrNotFound)
		err = c.GroupTypes.DeleteGroupSpec(ctx, gt.ID, "it:size")
		apiError(t, err, cinder.ErrNotFound)

		specs, err := c.GroupTypes.GroupSpecs(ctx, gt.ID)
		require.NoError(t, err)
		assert.Equal(t, map[string]string{"consistent_group_snapshot_enabled": "<is> True", "it:color": "red"}, specs)
		require.NoError(t, c.GroupTypes.DeleteGroupSpec(ctx, gt.ID, "it:color"))
		got, err := c.GroupTypes.Get(ctx, gt.ID)
		require.NoError(t, err)
		assert.Equal(t, consistent, got.GroupSpecs)
	})

	vt := b.createType(t, b.name("vtype"))
	g := b.group(t, c, groups.CreateRequest{GroupType: gt.ID, VolumeTypes: []string{vt.ID}, Name: b.name("group"),
		Description: "first"})
	assert.Equal(t, b.name("group"), g.Name)
	assert.Equal(t, "first", g.Description)
	assert.Equal(t, gt.ID, g.GroupType)
	assert.Equal(t, []string{vt.ID}, g.VolumeTypes)
	assert.NotEmpty(t, g.AvailabilityZone)
	assert.Nil(t, g.Volumes, "a plain get lists no volumes")

	v1 := b.create(t, c, volumes.CreateRequest{Size: 1, Name: b.name("vol-1"), VolumeType: vt.Name, GroupID: g.ID})
	v2 := b.create(t, c, volumes.CreateRequest{Size: 1, Name: b.name("vol-2"), VolumeType: vt.Name, GroupID: g.ID})
	assert.Equal(t, g.ID, v1.GroupID)
	assert.Equal(t, g.ID, v2.GroupID)
	// A volume in a group cannot be deleted alone: the group goes first.
	b.cleanupGroup(t, g.ID)

	t.Run("volumes", func(t *testing.T) {
		got, err := c.Groups.GetWithVolumes(ctx, g.ID)
		require.NoError(t, err)
		assert.ElementsMatch(t, []string{v1.ID, v2.ID}, got.Volumes)
		assert.Equal(t, groups.StatusAvailable, got.Status)

		in, err := cinder.Collect(c.Volumes.List(ctx, &volumes.ListOptions{GroupID: g.ID}))
		require.NoError(t, err)
		assert.ElementsMatch(t, []string{v1.Name, v2.Name}, namesOf(in))

		all, err := cinder.Collect(c.Groups.List(ctx, &groups.ListOptions{ListVolume: true}))
		require.NoError(t, err)
		var found bool
		for _, l := range all {
			if l.ID == g.ID {
				found = true
				assert.ElementsMatch(t, []string{v1.ID, v2.ID}, l.Volumes)
			}
		}
		assert.True(t, found, "the detail list holds the group")
	})

	t.Run("update", func(t *testing.T) {
		require.NoError(t, c.Groups.Update(ctx, g.ID, groups.UpdateRequest{RemoveVolumes: []string{v2.ID}}))
		b.waitGroup(t, c, g.ID, groups.StatusAvailable)
		got, err := c.Groups.GetWithVolumes(ctx, g.ID)
		require.NoError(t, err)
		assert.Equal(t, []string{v1.ID}, got.Volumes)
		out := b.wait(t, c, v2.ID, volumes.StatusAvailable)
		assert.Empty(t, out.GroupID, "the removed volume left the group")

		require.NoError(t, c.Groups.Update(ctx, g.ID, groups.UpdateRequest{AddVolumes: []string{v2.ID},
			Name: new(b.name("group-renamed")), Description: new("second")}))
		got = b.waitGroup(t, c, g.ID, groups.StatusAvailable)
		assert.Equal(t, b.name("group-renamed"), got.Name)
		assert.Equal(t, "second", got.Description)
		got, err = c.Groups.GetWithVolumes(ctx, g.ID)
		require.NoError(t, err)
		assert.ElementsMatch(t, []string{v1.ID, v2.ID}, got.Volumes)
		back := b.wait(t, c, v2.ID, volumes.StatusAvailable)
		assert.Equal(t, g.ID, back.GroupID)
	})

	gs := b.groupSnapshot(top, c, groupsnapshots.CreateRequest{GroupID: g.ID, Name: b.name("gsnap"), Description: "together"})
	assert.Equal(t, g.ID, gs.GroupID)
	assert.Equal(t, gt.ID, gs.GroupTypeID)
	assert.Equal(t, b.name("gsnap"), gs.Name)
	assert.Equal(t, "together", gs.Description)
	var members []snapshots.Snapshot

	t.Run("member snapshots", func(t *testing.T) {
		for _, v := range []*volumes.Volume{v1, v2} {
			got, err := cinder.Collect(c.Snapshots.List(ctx, &snapshots.ListOptions{VolumeID: v.ID}))
			require.NoError(t, err)
			require.Len(t, got, 1, "one snapshot of volume %s", v.Name)
			assert.Equal(t, gs.ID, got[0].GroupSnapshotID)
			assert.Equal(t, snapshots.StatusAvailable, got[0].Status)
			members = append(members, got[0])
		}
	})

	var clone *groups.Group
	t.Run("create from group snapshot", func(t *testing.T) {
		clone = b.groupFromSource(top, c, groups.CreateFromSourceRequest{GroupSnapshotID: gs.ID, Name: b.name("clone")})
		assert.Equal(t, gs.ID, clone.GroupSnapshotID)
		assert.Equal(t, gt.ID, clone.GroupType)
		assert.Equal(t, []string{vt.ID}, clone.VolumeTypes)
		got, err := c.Groups.GetWithVolumes(ctx, clone.ID)
		require.NoError(t, err)
		require.Len(t, got.Volumes, 2)
		for _, id := range got.Volumes { // the clone's cleanup deletes them
			v := b.wait(t, c, id, volumes.StatusAvailable)
			assert.Equal(t, clone.ID, v.GroupID)
			assert.Equal(t, vt.Name, v.VolumeType)
		}
	})

	t.Run("list group snapshots", func(t *testing.T) {
		got, err := cinder.Collect(c.GroupSnapshots.List(ctx, &groupsnapshots.ListOptions{GroupID: g.ID}))
		require.NoError(t, err)
		require.Len(t, got, 1)
		assert.Equal(t, gs.ID, got[0].ID)
		assert.Equal(t, groupsnapshots.StatusAvailable, got[0].Status)
		if clone != nil {
			none, err := cinder.Collect(c.GroupSnapshots.List(ctx, &groupsnapshots.ListOptions{GroupID: clone.ID}))
			require.NoError(t, err)
			assert.Empty(t, none, "the clone has no group snapshot")
		}
	})

	t.Run("replication refused", func(t *testing.T) {
		err := c.Groups.EnableReplication(ctx, g.ID)
		apiErr := apiError(t, err, cinder.ErrBadRequest)
		assert.Contains(t, apiErr.Message, "is not a replication group type", "enable_replication")
		err = c.Groups.DisableReplication(ctx, g.ID)
		apiErr = apiError(t, err, cinder.ErrBadRequest)
		assert.Contains(t, apiErr.Message, "is not a replication group type", "disable_replication")
		err = c.Groups.FailoverReplication(ctx, g.ID, groups.FailoverRequest{})
		apiErr = apiError(t, err, cinder.ErrBadRequest)
		assert.Contains(t, apiErr.Message, "is not a replication group type", "failover_replication")
		got, err := c.Groups.Get(ctx, g.ID)
		require.NoError(t, err)
		assert.Equal(t, groups.StatusAvailable, got.Status, "the refused actions changed nothing")
	})

	t.Run("reset status", func(t *testing.T) {
		require.NotNil(t, clone, "create from group snapshot made the clone")
		// demo may not reset its own group's status (nor see the admin's)
		own := b.group(t, b.demo, groups.CreateRequest{GroupType: gt.ID, VolumeTypes: []string{vt.ID},
			Name: b.name("demo-group")})
		err := b.demo.Groups.ResetStatus(ctx, own.ID, groups.StatusError)
		apiErr := apiError(t, err, cinder.ErrForbidden)
		assert.Contains(t, apiErr.Message, "group:reset_status", "reset_status as demo")
		got, err := b.demo.Groups.Get(ctx, own.ID)
		require.NoError(t, err)
		assert.Equal(t, groups.StatusAvailable, got.Status, "the refused reset changed nothing")
		err = b.demo.Groups.ResetStatus(ctx, clone.ID, groups.StatusError)
		apiError(t, err, cinder.ErrNotFound)

		require.NoError(t, c.Groups.ResetStatus(ctx, clone.ID, groups.StatusError))
		got, err = c.Groups.Get(ctx, clone.ID)
		require.NoError(t, err)
		assert.Equal(t, groups.StatusError, got.Status)
		require.NoError(t, c.Groups.ResetStatus(ctx, clone.ID, groups.StatusAvailable))
		got, err = c.Groups.Get(ctx, clone.ID)
		require.NoError(t, err)
		assert.Equal(t, groups.StatusAvailable, got.Status)
	})

	t.Run("microversion gate", func(t *testing.T) {
		before := b.adminTap.Sent()
		_, err := testutil.At(t, c, "3.12").Groups.Get(ctx, g.ID)
		var verr *cinder.VersionError
		require.ErrorAs(t, err, &verr)
		_, err = testutil.At(t, c, "3.24").Groups.GetWithVolumes(ctx, g.ID)
		require.ErrorAs(t, err, &verr)
		err = testutil.At(t, c, "3.19").Groups.ResetStatus(ctx, g.ID, groups.StatusAvailable)
		require.ErrorAs(t, err, &verr)
		_, _, err = testutil.At(t, c, "3.28").GroupSnapshots.ListPage(ctx, &groupsnapshots.ListOptions{GroupID: g.ID})
		require.ErrorAs(t, err, &verr)
		_, err = testutil.At(t, c, "3.10").GroupTypes.Get(ctx, gt.ID)
		require.ErrorAs(t, err, &verr)
		assert.Equal(t, before, b.adminTap.Sent(), "nothing was sent")
	})

	t.Run("delete with snapshots refused", func(t *testing.T) {
		err := c.Groups.Delete(ctx, g.ID, &groups.DeleteOptions{DeleteVolumes: true})
		apiErr := apiError(t, err, cinder.ErrBadRequest)
		assert.Contains(t, apiErr.Message, "existing snapshots", "delete with a group snapshot")
		got, err := c.Groups.Get(ctx, g.ID)
		require.NoError(t, err)
		assert.Equal(t, groups.StatusAvailable, got.Status, "the refused delete changed nothing")
	})

	t.Run("delete group snapshot", func(t *testing.T) {
		require.NoError(t, retryServer(func() error { return c.GroupSnapshots.Delete(ctx, gs.ID) }))
		require.NoError(t, c.GroupSnapshots.WaitForDeleted(b.waitCtx(t), gs.ID, nil))
		_, err := c.GroupSnapshots.Get(ctx, gs.ID)
		apiError(t, err, cinder.ErrNotFound)
		for _, s := range members {
			_, err := c.Snapshots.Get(ctx, s.ID)
			apiError(t, err, cinder.ErrNotFound)
		}
	})

	t.Run("delete groups", func(t *testing.T) {
		err := c.GroupTypes.Delete(ctx, gt.ID)
		apiErr := apiError(t, err, cinder.ErrBadRequest)
		assert.Contains(t, apiErr.Message, "still in use", "group type in use")
		_, err = c.GroupTypes.Get(ctx, gt.ID)
		require.NoError(t, err, "the refused delete kept the group type")

		err = c.Groups.Delete(ctx, g.ID, nil)
		apiErr = apiError(t, err, cinder.ErrBadRequest)
		assert.Contains(t, apiErr.Message, "delete-volumes", "delete a group with volumes without delete-volumes")

		ids := []string{g.ID}
		if clone != nil {
			ids = append(ids, clone.ID)
		}
		for _, id := range ids { // one after the other: see deleteGroup
			b.deleteGroup(t, id)
			_, err := c.Groups.Get(ctx, id)
			apiError(t, err, cinder.ErrNotFound)
		}
		for _, v := range []*volumes.Volume{v1, v2} {
			b.waitDeleted(t, c, v.ID)
		}

		require.NoError(t, retryServer(func() error { return c.GroupTypes.Delete(ctx, gt.ID) }))
		_, err = c.GroupTypes.Get(ctx, gt.ID)
		apiError(t, err, cinder.ErrNotFound)
	})
}

// deleteGroup deletes group id with its volumes as the admin and waits
// until it is gone. On the real cloud, a 500 is retried and a group that
// went to "error" (its volume service lost a race for the sqlite database:
// "database is locked") is reset and deleted once more.
func (b *backend) deleteGroup(t *testing.T, id string) {
	t.Helper()
	c := b.admin
	del := func() error {
		return retryServer(func() error { return c.Groups.Delete(b.ctx, id, &groups.DeleteOptions{DeleteVolumes: true}) })
	}
	require.NoError(t, del(), "deleting group %s", id)
	err := c.Groups.WaitForDeleted(b.waitCtx(t), id, nil)
	var serr *cinder.StatusError
	if b.real() && errors.As(err, &serr) {
		t.Logf("deleting group %s: %v; resetting and deleting again", id, err)
		require.NoError(t, c.Groups.ResetStatus(b.ctx, id, groups.StatusAvailable))
		require.NoError(t, del(), "deleting group %s again", id)
		err = c.Groups.WaitForDeleted(b.waitCtx(t), id, nil)
	}
	require.NoError(t, err, "waiting for group %s to be deleted", id)
}

// groupType creates a group type as the admin and deletes it in t.Cleanup.
// Register it before any group of that type, so that its cleanup runs
// after theirs.
func (b *backend) groupType(t *testing.T, r grouptypes.CreateRequest) *grouptypes.GroupType {
	t.Helper()
	require.NotEmpty(t, r.Name, "the suite names every group type")
	gt := retryCreate(t, b, "group type "+r.Name, func() (*grouptypes.GroupType, error) {
		return b.admin.GroupTypes.Create(b.ctx, r)
	}, func() (*grouptypes.GroupType, bool, error) {
		got, err := b.admin.GroupTypes.Find(b.ctx, r.Name, nil)
		if errors.Is(err, cinder.ErrNotFound) {
			return nil, false, nil
		}
		return got, err == nil, err
	})
	require.NotEmpty(t, gt.ID)
	id := gt.ID
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		err := retryServer(func() error { return b.admin.GroupTypes.Delete(ctx, id) })
		if err != nil && !errors.Is(err, cinder.ErrNotFound) {
			t.Errorf("cleanup: group type %s left behind: %v", id, err)
		}
	})
	return gt
}

// group creates a group with c, deletes it (with its volumes) in
// t.Cleanup and waits for it to be available.
func (b *backend) group(t *testing.T, c *cinder.Client, r groups.CreateRequest) *groups.Group {
	t.Helper()
	require.NotEmpty(t, r.Name, "the suite names every group")
	g := retryCreate(t, b, "group "+r.Name, func() (*groups.Group, error) {
		return c.Groups.Create(b.ctx, r)
	}, b.findGroup(c, r.Name))
	require.NotEmpty(t, g.ID)
	b.cleanupGroup(t, g.ID)
	return b.waitGroup(t, c, g.ID, groups.StatusAvailable)
}

// groupFromSource is group for create-from-src.
func (b *backend) groupFromSource(t *testing.T, c *cinder.Client, r groups.CreateFromSourceRequest) *groups.Group {
	t.Helper()
	require.NotEmpty(t, r.Name, "the suite names every group")
	g := retryCreate(t, b, "group "+r.Name, func() (*groups.Group, error) {
		return c.Groups.CreateFromSource(b.ctx, r)
	}, b.findGroup(c, r.Name))
	require.NotEmpty(t, g.ID)
	b.cleanupGroup(t, g.ID)
	return b.waitGroup(t, c, g.ID, groups.StatusAvailable)
}

// findGroup returns a retryCreate find for the group named name.
func (b *backend) findGroup(c *cinder.Client, name string) func() (*groups.Group, bool, error) {
	return func() (*groups.Group, bool, error) {
		got, err := c.Groups.Find(b.ctx, name, nil)
		if errors.Is(err, cinder.ErrNotFound) {
			return nil, false, nil
		}
		return got, err == nil, err
	}
}

// waitGroup waits for group id to reach status.
func (b *backend) waitGroup(t *testing.T, c *cinder.Client, id string, status groups.Status) *groups.Group {
	t.Helper()
	g, err := c.Groups.WaitForStatus(b.waitCtx(t), id, status, nil)
	require.NoError(t, err, "waiting for group %s to be %s", id, status)
	require.Equal(t, status, g.Status)
	return g
}

// cleanupGroup deletes group id and its volumes when the test ends, as the
// admin, resetting its status to available first if the delete is refused.
func (b *backend) cleanupGroup(t *testing.T, id string) {
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
		defer cancel()
		c := b.admin
		del := func() error {
			return retryServer(func() error { return c.Groups.Delete(ctx, id, &groups.DeleteOptions{DeleteVolumes: true}) })
		}
		err := del()
		if errors.Is(err, cinder.ErrNotFound) {
			return
		}
		if err != nil {
			t.Logf("cleanup: delete group %s: %v; resetting and deleting again", id, err)
			_ = c.Groups.ResetStatus(ctx, id, groups.StatusAvailable)
			err = del()
		}
		if err != nil && !errors.Is(err, cinder.ErrNotFound) {
			t.Errorf("cleanup: group %s left behind: %v", id, err)
			return
		}
		if err := c.Groups.WaitForDeleted(ctx, id, nil); err != nil {
			t.Errorf("cleanup: group %s not deleted: %v", id, err)
		}
	})
}

// groupSnapshot creates a group snapshot with c, deletes it in t.Cleanup
// and waits for it to be available.
func (b *backend) groupSnapshot(t *testing.T, c *cinder.Client, r groupsnapshots.CreateRequest) *groupsnapshots.GroupSnapshot {
	t.Helper()
	require.NotEmpty(t, r.Name, "the suite names every group snapshot")
	gs := retryCreate(t, b, "group snapshot "+r.Name, func() (*groupsnapshots.GroupSnapshot, error) {
		return c.GroupSnapshots.Create(b.ctx, r)
	}, func() (*groupsnapshots.GroupSnapshot, bool, error) {
		got, err := c.GroupSnapshots.Find(b.ctx, r.Name, nil)
		if errors.Is(err, cinder.ErrNotFound) {
			return nil, false, nil
		}
		return got, err == nil, err
	})
	require.NotEmpty(t, gs.ID)
	id := gs.ID
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
		defer cancel()
		err := retryServer(func() error { return b.admin.GroupSnapshots.Delete(ctx, id) })
		if errors.Is(err, cinder.ErrNotFound) {
			return
		}
		if err != nil {
			t.Logf("cleanup: delete group snapshot %s: %v; resetting and deleting again", id, err)
			_ = b.admin.GroupSnapshots.ResetStatus(ctx, id, groupsnapshots.StatusAvailable)
			err = retryServer(func() error { return b.admin.GroupSnapshots.Delete(ctx, id) })
		}
		if err != nil && !errors.Is(err, cinder.ErrNotFound) {
			t.Errorf("cleanup: group snapshot %s left behind: %v", id, err)
			return
		}
		if err := b.admin.GroupSnapshots.WaitForDeleted(ctx, id, nil); err != nil {
			t.Errorf("cleanup: group snapshot %s not deleted: %v", id, err)
		}
	})
	got, err := c.GroupSnapshots.WaitForStatus(b.waitCtx(t), id, groupsnapshots.StatusAvailable, nil)
	require.NoError(t, err, "waiting for group snapshot %s to be available", id)
	return got
}
