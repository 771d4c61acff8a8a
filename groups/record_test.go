package groups_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/groups"
	"github.com/gocinder/cinder/groupsnapshots"
	"github.com/gocinder/cinder/grouptypes"
	"github.com/gocinder/cinder/internal/testutil"
	"github.com/gocinder/cinder/types"
	"github.com/gocinder/cinder/volumes"
)

// TestRecord drives a real cloud as the admin in OS_*, in a throwaway
// project of its own (made with the openstack CLI), and rewrites
// testdata/groups, testdata/grouptypes and testdata/groupsnapshots. It
// makes two group types, two volume types, four groups (one from a group
// snapshot, one from a source group, one that fails to schedule), a group
// snapshot and two volumes, all named rec-grp-… (scrubbed to grp-…), and
// deletes them at the end. Each ID is pinned to the fake one the tests use.
// Run: CINDER_RECORD=1 go test ./groups/ -run Record
func TestRecord(t *testing.T) {
	rec := testutil.Record(t, "", 10*time.Minute)
	ctx, sc, save := rec.Ctx, rec.Scrub, rec.Save
	auth := testutil.LiveProject(t, ctx, "rec-grp")
	admin, err := cinder.New(ctx, cinder.Options{Auth: auth, Microversion: "3.70", HTTPClient: rec.HTTP})
	require.NoError(t, err)
	sc.Alias(admin.ProjectID(), testutil.ProjectID)
	// global names (group and volume types) carry a suffix; fixtures do not
	suffix := "-" + time.Now().Format("150405")
	for _, n := range []string{"gt-rep", "gt", "vt-rep", "vt"} {
		sc.Replace("rec-grp-"+n+suffix, "grp-"+n)
	}
	sc.Replace("rec-grp-", "grp-")
	gt, g, gs := admin.GroupTypes, admin.Groups, admin.GroupSnapshots

	// group types
	typ, err := gt.Create(ctx, grouptypes.CreateRequest{Name: "rec-grp-gt" + suffix, Description: "recorded",
		GroupSpecs: map[string]string{"consistent_group_snapshot_enabled": "<is> True"}})
	require.NoError(t, err)
	sc.Alias(typ.ID, gtID)
	t.Cleanup(func() { _ = gt.Delete(context.WithoutCancel(ctx), typ.ID) })
	save("grouptypes/create")
	_, err = gt.Create(ctx, grouptypes.CreateRequest{Name: typ.Name})
	require.ErrorIs(t, err, cinder.ErrConflict)
	save("grouptypes/error_create_409")
	repType, err := gt.Create(ctx, grouptypes.CreateRequest{Name: "rec-grp-gt-rep" + suffix, IsPublic: new(false),
		GroupSpecs: map[string]string{"group_replication_enabled": "<is> True"}})
	require.NoError(t, err)
	sc.Alias(repType.ID, gtRepID)
	t.Cleanup(func() { _ = gt.Delete(context.WithoutCancel(ctx), repType.ID) })
	save("grouptypes/create_private")
	_, err = gt.Get(ctx, typ.ID)
	require.NoError(t, err)
	save("grouptypes/get")
	_, err = gt.Get(ctx, deadID)
	require.ErrorIs(t, err, cinder.ErrNotFound)
	save("grouptypes/error_404")
	_, err = gt.Default(ctx)
	require.ErrorIs(t, err, cinder.ErrNotFound, "this cloud has no default_group_type")
	save("grouptypes/error_default_404")
	_, err = gt.Update(ctx, typ.ID, grouptypes.UpdateRequest{Description: new("recorded, updated")})
	require.NoError(t, err)
	save("grouptypes/update")
	_, err = gt.Update(ctx, repType.ID, grouptypes.UpdateRequest{Name: new(typ.Name)})
	require.Error(t, err)
	save("grouptypes/error_update")
	_, next, err := gt.ListPage(ctx, &grouptypes.ListOptions{Visibility: grouptypes.VisibilityAll, Sort: "created_at:desc", Limit: 2})
	require.NoError(t, err)
	require.NotEmpty(t, next)
	save("grouptypes/list_page")
	_, err = cinder.Collect(gt.List(ctx, &grouptypes.ListOptions{Visibility: grouptypes.VisibilityPrivate}))
	require.NoError(t, err)
	save("grouptypes/list_private")

	// group specs
	_, err = gt.GroupSpecs(ctx, typ.ID)
	require.NoError(t, err)
	save("grouptypes/specs")
	_, err = gt.SetGroupSpecs(ctx, typ.ID, map[string]string{"rec:a": "1", "rec:b": "2"})
	require.NoError(t, err)
	save("grouptypes/specs_set")
	_, err = gt.GroupSpec(ctx, typ.ID, "rec:a")
	require.NoError(t, err)
	save("grouptypes/spec")
	require.NoError(t, gt.SetGroupSpec(ctx, typ.ID, "rec:a", "11"))
	save("grouptypes/spec_set")
	require.NoError(t, gt.DeleteGroupSpec(ctx, typ.ID, "rec:b"))
	err = gt.DeleteGroupSpec(ctx, typ.ID, "rec:b")
	require.ErrorIs(t, err, cinder.ErrNotFound)
	save("grouptypes/error_spec_delete_404")
	_, err = gt.GroupSpec(ctx, typ.ID, "rec:b")
	require.ErrorIs(t, err, cinder.ErrNotFound)
	save("grouptypes/error_spec_404")
	_, err = rec.Demo.GroupTypes.SetGroupSpecs(ctx, typ.ID, map[string]string{"x": "y"})
	require.ErrorIs(t, err, cinder.ErrForbidden)
	save("grouptypes/error_specs_403")

	// volume types for the groups
	vt := volumeType(t, ctx, admin, "rec-grp-vt"+suffix, map[string]string{"volume_backend_name": "localfile"})
	sc.Alias(vt.ID, vtID)
	vtRep := volumeType(t, ctx, admin, "rec-grp-vt-rep"+suffix, map[string]string{"replication_enabled": "<is> True"})
	sc.Alias(vtRep.ID, vtRepID)

	// groups: create, get, errors
	_, err = g.Create(ctx, groups.CreateRequest{GroupType: deadID, VolumeTypes: []string{vt.ID}})
	require.ErrorIs(t, err, cinder.ErrNotFound)
	save("groups/error_create_404")
	g1 := group(t, rec, g, func() (*groups.Group, error) {
		return g.Create(ctx, groups.CreateRequest{Name: "rec-grp-g1", Description: "first", GroupType: typ.ID,
			VolumeTypes: []string{vt.ID}})
	}, g1ID)
	save("groups/create")
	_, err = g.WaitForStatus(ctx, g1.ID, groups.StatusAvailable, nil)
	require.NoError(t, err)
	_, err = g.Get(ctx, g1.ID)
	require.NoError(t, err)
	save("groups/get")
	_, err = testutil.At(t, admin, "3.13").Groups.Get(ctx, g1.ID)
	require.NoError(t, err)
	save("groups/get_v313")
	_, err = g.Get(ctx, deadID)
	require.ErrorIs(t, err, cinder.ErrNotFound)
	save("groups/error_404")

	// volumes: one made in the group, one added with Update
	volume(t, rec, admin, volumes.CreateRequest{Size: 1, Name: "rec-grp-v1", VolumeType: vt.ID, GroupID: g1.ID}, vol1ID)
	v2 := volume(t, rec, admin, volumes.CreateRequest{Size: 1, Name: "rec-grp-v2", VolumeType: vt.ID}, vol2ID)
	require.NoError(t, g.Update(ctx, g1.ID, groups.UpdateRequest{AddVolumes: []string{v2.ID}}))
	_, err = g.WaitForStatus(ctx, g1.ID, groups.StatusAvailable, nil)
	require.NoError(t, err)
	_, err = g.GetWithVolumes(ctx, g1.ID)
	require.NoError(t, err)
	save("groups/get_volumes")
	require.NoError(t, g.Update(ctx, g1.ID, groups.UpdateRequest{RemoveVolumes: []string{v2.ID}, Name: new("rec-grp-g1"), Description: new("first, updated")}))
	_, err = g.WaitForStatus(ctx, g1.ID, groups.StatusAvailable, nil)
	require.NoError(t, err)
	err = g.Update(ctx, g1.ID, groups.UpdateRequest{AddVolumes: []string{deadID}})
	require.ErrorIs(t, err, cinder.ErrBadRequest)
	save("groups/error_update")

	// group snapshots
	_, err = gs.Create(ctx, groupsnapshots.CreateRequest{GroupID: deadID})
	require.ErrorIs(t, err, cinder.ErrNotFound)
	save("groupsnapshots/error_create_404")
	snap, err := testutil.RetryLocked(ctx, func() (*groupsnapshots.GroupSnapshot, error) {
		return gs.Create(ctx, groupsnapshots.CreateRequest{GroupID: g1.ID, Name: "rec-grp-gs1", Description: "nightly"})
	})
	require.NoError(t, err)
	sc.Alias(snap.ID, gs1ID)
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 2*time.Minute)
		defer cancel()
		if gs.Delete(ctx, snap.ID) != nil {
			_ = gs.ResetStatus(ctx, snap.ID, groupsnapshots.StatusAvailable)
			_ = gs.Delete(ctx, snap.ID)
		}
		_ = gs.WaitForDeleted(ctx, snap.ID, nil)
	})
	save("groupsnapshots/create")
	_, err = gs.WaitForStatus(ctx, snap.ID, groupsnapshots.StatusAvailable, nil)
	require.NoError(t, err)
	_, err = gs.Get(ctx, snap.ID)
	require.NoError(t, err)
	save("groupsnapshots/get")
	_, err = testutil.At(t, admin, "3.14").GroupSnapshots.Get(ctx, snap.ID)
	require.NoError(t, err)
	save("groupsnapshots/get_v314")
	_, err = gs.Get(ctx, deadID)
	require.ErrorIs(t, err, cinder.ErrNotFound)
	save("groupsnapshots/error_404")
	_, _, err = gs.ListPage(ctx, &groupsnapshots.ListOptions{GroupID: g1.ID, Status: groupsnapshots.StatusAvailable, Sort: "name:asc", Limit: 1})
	require.NoError(t, err)
	save("groupsnapshots/list_page")
	_, err = cinder.Collect(gs.ListRefs(ctx, nil))
	require.NoError(t, err)
	save("groupsnapshots/list_refs")
	err = gs.ResetStatus(ctx, snap.ID, "bogus")
	require.ErrorIs(t, err, cinder.ErrBadRequest)
	save("groupsnapshots/error_reset_status")
	require.NoError(t, gs.ResetStatus(ctx, snap.ID, groupsnapshots.StatusAvailable))
	_, err = cinder.Collect(rec.Demo.GroupSnapshots.List(ctx, &groupsnapshots.ListOptions{Filters: map[string]string{"name": "x"}}))
	require.ErrorIs(t, err, cinder.ErrBadRequest)
	save("groupsnapshots/error_list_filter")

	// groups from a source
	_, err = g.CreateFromSource(ctx, groups.CreateFromSourceRequest{GroupSnapshotID: deadID})
	require.ErrorIs(t, err, cinder.ErrNotFound)
	save("groups/error_create_from_src_404")
	g2 := group(t, rec, g, func() (*groups.Group, error) {
		return g.CreateFromSource(ctx, groups.CreateFromSourceRequest{GroupSnapshotID: snap.ID, Name: "rec-grp-g2", Description: "from snapshot"})
	}, g2ID)
	save("groups/create_from_snapshot")
	g3 := group(t, rec, g, func() (*groups.Group, error) {
		return g.CreateFromSource(ctx, groups.CreateFromSourceRequest{SourceGroupID: g1.ID, Name: "rec-grp-g3"})
	}, g3ID)
	save("groups/create_from_group")
	_, err = g.WaitForStatus(ctx, g2.ID, groups.StatusAvailable, nil)
	require.NoError(t, err)
	_, err = g.Get(ctx, g2.ID)
	require.NoError(t, err)
	save("groups/get_from_snapshot")
	_, err = g.WaitForStatus(ctx, g3.ID, groups.StatusAvailable, nil)
	require.NoError(t, err)
	_, err = g.Get(ctx, g3.ID)
	require.NoError(t, err)
	save("groups/get_from_group")

	// lists
	_, _, err = g.ListPage(ctx, &groups.ListOptions{Sort: "name:asc", Limit: 2, ListVolume: true})
	require.NoError(t, err)
	save("groups/list_page")
	_, err = cinder.Collect(g.ListRefs(ctx, &groups.ListOptions{Filters: map[string]string{"name~": "grp-g"}, Sort: "name:asc"}))
	require.NoError(t, err)
	save("groups/list_refs")
	_, err = cinder.Collect(rec.Demo.Groups.ListRefs(ctx, &groups.ListOptions{Filters: map[string]string{"name": "x"}}))
	require.ErrorIs(t, err, cinder.ErrBadRequest)
	save("groups/error_list_filter")

	// reset status
	err = g.ResetStatus(ctx, g3.ID, "bogus")
	require.ErrorIs(t, err, cinder.ErrBadRequest)
	save("groups/error_reset_status")
	require.NoError(t, g.ResetStatus(ctx, g3.ID, groups.StatusError))
	_, err = g.Get(ctx, g3.ID)
	require.NoError(t, err)
	save("groups/get_error")
	require.NoError(t, g.ResetStatus(ctx, g3.ID, groups.StatusAvailable))

	// replication: g1's type is not a replication type; g4's is, but its
	// volume type asks for replication, which no backend here offers, so
	// it is scheduled nowhere and goes to "error"
	err = g.EnableReplication(ctx, g1.ID)
	require.ErrorIs(t, err, cinder.ErrBadRequest)
	save("groups/error_enable_replication")
	err = g.DisableReplication(ctx, g1.ID)
	require.ErrorIs(t, err, cinder.ErrBadRequest)
	save("groups/error_disable_replication")
	err = g.FailoverReplication(ctx, g1.ID, groups.FailoverRequest{SecondaryBackendID: "rec-grp-secondary"})
	require.ErrorIs(t, err, cinder.ErrBadRequest)
	save("groups/error_failover_replication")
	_, err = g.ReplicationTargets(ctx, g1.ID)
	require.ErrorIs(t, err, cinder.ErrBadRequest)
	save("groups/error_replication_targets")
	g4 := group(t, rec, g, func() (*groups.Group, error) {
		return g.Create(ctx, groups.CreateRequest{Name: "rec-grp-g4", GroupType: repType.ID, VolumeTypes: []string{vtRep.ID}})
	}, g4ID)
	_, err = g.WaitForStatus(ctx, g4.ID, groups.StatusAvailable, nil)
	var serr *cinder.StatusError
	require.ErrorAs(t, err, &serr, "no backend offers replication")
	_, err = g.ReplicationTargets(ctx, g4.ID)
	require.NoError(t, err)
	save("groups/replication_targets")
	err = g.EnableReplication(ctx, g4.ID)
	require.ErrorIs(t, err, cinder.ErrBadRequest)
	save("groups/error_enable_replication_status")

	// deletion: refused while the type is in use or the group has snapshots
	err = gt.Delete(ctx, typ.ID)
	require.ErrorIs(t, err, cinder.ErrBadRequest)
	save("grouptypes/error_delete_in_use")
	err = g.Delete(ctx, g1.ID, nil)
	require.ErrorIs(t, err, cinder.ErrBadRequest)
	save("groups/error_delete_snapshots")
	require.NoError(t, gs.Delete(ctx, snap.ID))
	require.NoError(t, gs.WaitForDeleted(ctx, snap.ID, nil))
	for _, id := range []string{g2.ID, g3.ID, g1.ID, g4.ID} {
		_, err := testutil.RetryLocked(ctx, func() (struct{}, error) {
			return struct{}{}, g.Delete(ctx, id, &groups.DeleteOptions{DeleteVolumes: id != g4.ID})
		})
		require.NoError(t, err)
		require.NoError(t, g.WaitForDeleted(ctx, id, nil))
	}
	require.NoError(t, gt.Delete(ctx, repType.ID))
	err = gt.Delete(ctx, repType.ID)
	require.ErrorIs(t, err, cinder.ErrNotFound)
	save("grouptypes/error_delete_404")
}

// group makes a group with create, pins its ID to fake and deletes it (and
// its volumes) when the test ends.
func group(t *testing.T, rec *testutil.Recording, g *groups.Manager, create func() (*groups.Group, error), fake string) *groups.Group {
	t.Helper()
	grp, err := testutil.RetryLocked(rec.Ctx, create)
	require.NoError(t, err)
	rec.Scrub.Alias(grp.ID, fake)
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.WithoutCancel(rec.Ctx), 3*time.Minute)
		defer cancel()
		if _, err := g.Get(ctx, grp.ID); errors.Is(err, cinder.ErrNotFound) {
			return
		}
		if g.Delete(ctx, grp.ID, &groups.DeleteOptions{DeleteVolumes: true}) != nil {
			_ = g.ResetStatus(ctx, grp.ID, groups.StatusAvailable)
			_ = g.Delete(ctx, grp.ID, &groups.DeleteOptions{DeleteVolumes: true})
		}
		if err := g.WaitForDeleted(ctx, grp.ID, nil); err != nil {
			t.Logf("group %s left behind: %v", grp.ID, err)
		}
	})
	return grp
}

// volumeType makes a volume type, deleted when the test ends.
func volumeType(t *testing.T, ctx context.Context, c *cinder.Client, name string, specs map[string]string) *types.VolumeType {
	t.Helper()
	vt, err := c.Types.Create(ctx, types.CreateRequest{Name: name, ExtraSpecs: specs})
	require.NoError(t, err)
	t.Cleanup(func() { _ = c.Types.Delete(context.WithoutCancel(ctx), vt.ID) })
	return vt
}

// volume makes a volume, pins its ID to fake, waits until it is available
// and deletes it when the test ends (unless a group deletion took it).
func volume(t *testing.T, rec *testutil.Recording, c *cinder.Client, r volumes.CreateRequest, fake string) *volumes.Volume {
	t.Helper()
	ctx := rec.Ctx
	v, err := testutil.RetryLocked(ctx, func() (*volumes.Volume, error) { return c.Volumes.Create(ctx, r) })
	require.NoError(t, err)
	rec.Scrub.Alias(v.ID, fake)
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 2*time.Minute)
		defer cancel()
		if c.Volumes.Delete(ctx, v.ID, nil) == nil {
			_ = c.Volumes.WaitForDeleted(ctx, v.ID, nil)
		}
	})
	v, err = c.Volumes.WaitForStatus(ctx, v.ID, volumes.StatusAvailable, nil)
	require.NoError(t, err)
	return v
}
