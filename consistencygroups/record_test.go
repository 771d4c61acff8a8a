package consistencygroups_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/cgsnapshots"
	"github.com/gocinder/cinder/consistencygroups"
	"github.com/gocinder/cinder/groups"
	"github.com/gocinder/cinder/grouptypes"
	"github.com/gocinder/cinder/internal/testutil"
	"github.com/gocinder/cinder/types"
	"github.com/gocinder/cinder/volumes"
)

// TestRecord drives a real cloud as the admin in OS_*, in a throwaway
// project of its own (made with the openstack CLI), and rewrites
// testdata/consistencygroups and testdata/cgsnapshots. It makes a group
// type with consistent_group_snapshot_enabled, two volume types (one no
// backend serves), four groups, a cgsnapshot and two volumes, all named
// cg-rec-… (scrubbed to cg-…), and deletes them at the end.
//
// A group made with POST /consistencygroups gets the group type
// default_cgsnapshot_type, for which Cinder calls the driver's legacy
// consistency group methods; a backend without them (the test cloud's)
// leaves the group in "error" and can never delete it. So the one group
// made that way (cg0) has a volume type no backend serves: it fails to
// schedule, has no host, and Cinder deletes it from the database. The
// other groups are generic groups, which this API shows and handles too.
// Run: CINDER_RECORD=1 go test ./consistencygroups/ -run Record
func TestRecord(t *testing.T) {
	rec := testutil.Record(t, "", 10*time.Minute)
	ctx, sc, save := rec.Ctx, rec.Scrub, rec.Save
	auth := testutil.LiveProject(t, ctx, "cg-rec")
	admin, err := cinder.New(ctx, cinder.Options{Auth: auth, Microversion: "3.70", HTTPClient: rec.HTTP})
	require.NoError(t, err)
	sc.Alias(admin.ProjectID(), testutil.ProjectID)
	suffix := "-" + time.Now().Format("150405")
	for _, n := range []string{"gt", "vt-nowhere", "vt"} {
		sc.Replace("cg-rec-"+n+suffix, "cg-"+n)
	}
	sc.Replace("cg-rec-", "cg-")
	cg, cs := admin.ConsistencyGroups, admin.CGSnapshots

	typ, err := admin.GroupTypes.Create(ctx, grouptypes.CreateRequest{Name: "cg-rec-gt" + suffix,
		GroupSpecs: map[string]string{"consistent_group_snapshot_enabled": "<is> True"}})
	require.NoError(t, err)
	sc.Alias(typ.ID, gtID)
	t.Cleanup(func() { _ = admin.GroupTypes.Delete(context.WithoutCancel(ctx), typ.ID) })
	vt := volumeType(t, ctx, admin, "cg-rec-vt"+suffix, "localfile")
	sc.Alias(vt.ID, vtID)
	vtNowhere := volumeType(t, ctx, admin, "cg-rec-vt-nowhere"+suffix, "cg-rec-nowhere")
	sc.Alias(vtNowhere.ID, vtNowhereID)

	// POST /consistencygroups
	_, err = cg.Create(ctx, consistencygroups.CreateRequest{VolumeTypes: []string{deadID}})
	require.ErrorIs(t, err, cinder.ErrNotFound)
	save("consistencygroups/error_create_404")
	cg0 := group(t, rec, cg, func() (*consistencygroups.ConsistencyGroup, error) {
		return cg.Create(ctx, consistencygroups.CreateRequest{Name: "cg-rec-cg0", Description: "legacy",
			VolumeTypes: []string{vtNowhere.ID}, AvailabilityZone: "nova"})
	}, cg0ID)
	save("consistencygroups/create")
	_, err = cg.WaitForStatus(ctx, cg0.ID, consistencygroups.StatusAvailable, nil)
	var serr *cinder.StatusError
	require.ErrorAs(t, err, &serr, "no backend serves the volume type")
	_, err = cg.Get(ctx, cg0.ID)
	require.NoError(t, err)
	save("consistencygroups/get_error")
	_, err = cg.Get(ctx, deadID)
	require.ErrorIs(t, err, cinder.ErrNotFound)
	save("consistencygroups/error_404")
	_, err = cs.Create(ctx, cgsnapshots.CreateRequest{ConsistencyGroupID: deadID})
	require.ErrorIs(t, err, cinder.ErrNotFound)
	save("cgsnapshots/error_create_404")

	// a generic group of a consistent-snapshot type, with two volumes
	g1 := group(t, rec, cg, func() (*consistencygroups.ConsistencyGroup, error) {
		g, err := admin.Groups.Create(ctx, groups.CreateRequest{Name: "cg-rec-g1", Description: "first",
			GroupType: typ.ID, VolumeTypes: []string{vt.ID}})
		if err != nil {
			return nil, err
		}
		return &consistencygroups.ConsistencyGroup{ID: g.ID, Name: g.Name}, nil
	}, g1ID)
	_, err = cg.WaitForStatus(ctx, g1.ID, consistencygroups.StatusAvailable, nil)
	require.NoError(t, err)
	_, err = cg.Get(ctx, g1.ID)
	require.NoError(t, err)
	save("consistencygroups/get")
	volume(t, rec, admin, volumes.CreateRequest{Size: 1, Name: "cg-rec-v1", VolumeType: vt.ID, GroupID: g1.ID}, vol1ID)
	v2 := volume(t, rec, admin, volumes.CreateRequest{Size: 1, Name: "cg-rec-v2", VolumeType: vt.ID}, vol2ID)

	// PUT /consistencygroups/{id}/update, and PUT /consistencygroups/{id}
	require.NoError(t, cg.Update(ctx, g1.ID, consistencygroups.UpdateRequest{AddVolumes: []string{v2.ID}}))
	_, err = cg.WaitForStatus(ctx, g1.ID, consistencygroups.StatusAvailable, nil)
	require.NoError(t, err)
	require.NoError(t, cg.Update(ctx, g1.ID, consistencygroups.UpdateRequest{RemoveVolumes: []string{v2.ID},
		Name: new("cg-rec-g1"), Description: new("first, updated")}))
	_, err = cg.WaitForStatus(ctx, g1.ID, consistencygroups.StatusAvailable, nil)
	require.NoError(t, err)
	err = cg.Update(ctx, g1.ID, consistencygroups.UpdateRequest{AddVolumes: []string{deadID}})
	require.ErrorIs(t, err, cinder.ErrBadRequest)
	save("consistencygroups/error_update")
	require.NoError(t, cg.Update(ctx, cg0.ID, consistencygroups.UpdateRequest{Description: new("")}))
	_, err = cg.Get(ctx, cg0.ID)
	require.NoError(t, err)
	save("consistencygroups/get_cleared")

	// cgsnapshots
	snap, err := testutil.RetryLocked(ctx, func() (*cgsnapshots.CGSnapshot, error) {
		return cs.Create(ctx, cgsnapshots.CreateRequest{ConsistencyGroupID: g1.ID, Name: "cg-rec-s1", Description: "nightly"})
	})
	require.NoError(t, err)
	sc.Alias(snap.ID, cgs1ID)
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 2*time.Minute)
		defer cancel()
		if cs.Delete(ctx, snap.ID) == nil {
			_ = cs.WaitForDeleted(ctx, snap.ID, nil)
		}
	})
	save("cgsnapshots/create")
	_, err = cs.WaitForStatus(ctx, snap.ID, cgsnapshots.StatusAvailable, nil)
	require.NoError(t, err)
	_, err = cs.Get(ctx, snap.ID)
	require.NoError(t, err)
	save("cgsnapshots/get")
	_, err = cs.Get(ctx, deadID)
	require.ErrorIs(t, err, cinder.ErrNotFound)
	save("cgsnapshots/error_404")
	_, err = cinder.Collect(cs.List(ctx, nil))
	require.NoError(t, err)
	save("cgsnapshots/list")
	_, err = cinder.Collect(cs.ListRefs(ctx, &cgsnapshots.ListOptions{Limit: 5}))
	require.NoError(t, err)
	save("cgsnapshots/list_refs")

	// POST /consistencygroups/create_from_src
	_, err = cg.CreateFromSource(ctx, consistencygroups.CreateFromSourceRequest{CGSnapshotID: deadID})
	require.ErrorIs(t, err, cinder.ErrNotFound)
	save("consistencygroups/error_create_from_src_404")
	g2 := group(t, rec, cg, func() (*consistencygroups.ConsistencyGroup, error) {
		return cg.CreateFromSource(ctx, consistencygroups.CreateFromSourceRequest{CGSnapshotID: snap.ID, Name: "cg-rec-g2",
			Description: "from cgsnapshot"})
	}, g2ID)
	save("consistencygroups/create_from_cgsnapshot")
	g3 := group(t, rec, cg, func() (*consistencygroups.ConsistencyGroup, error) {
		return cg.CreateFromSource(ctx, consistencygroups.CreateFromSourceRequest{SourceCGID: g1.ID, Name: "cg-rec-g3"})
	}, g3ID)
	save("consistencygroups/create_from_cg")
	for _, id := range []string{g2.ID, g3.ID} {
		_, err = cg.WaitForStatus(ctx, id, consistencygroups.StatusAvailable, nil)
		require.NoError(t, err)
	}

	// lists
	_, next, err := cg.ListPage(ctx, &consistencygroups.ListOptions{Sort: "name:asc", Limit: 2})
	require.NoError(t, err)
	require.NotEmpty(t, next)
	save("consistencygroups/list_page")
	_, err = cinder.Collect(cg.List(ctx, &consistencygroups.ListOptions{Sort: "name:asc"}))
	require.NoError(t, err)
	save("consistencygroups/list")
	_, err = cinder.Collect(cg.ListRefs(ctx, &consistencygroups.ListOptions{Name: "cg-rec-g1"}))
	require.NoError(t, err)
	save("consistencygroups/list_refs")
	_, err = cinder.Collect(cg.List(ctx, &consistencygroups.ListOptions{Sort: "size"}))
	require.ErrorContains(t, err, "sort key")

	// deletion
	err = cg.Delete(ctx, g1.ID, nil)
	require.ErrorIs(t, err, cinder.ErrBadRequest)
	save("consistencygroups/error_delete")
	require.NoError(t, cs.Delete(ctx, snap.ID))
	require.NoError(t, cs.WaitForDeleted(ctx, snap.ID, nil))
	err = cs.Delete(ctx, snap.ID)
	require.ErrorIs(t, err, cinder.ErrNotFound)
	save("cgsnapshots/error_delete_404")
	for _, id := range []string{g2.ID, g3.ID, g1.ID, cg0.ID} {
		_, err := testutil.RetryLocked(ctx, func() (struct{}, error) {
			return struct{}{}, cg.Delete(ctx, id, &consistencygroups.DeleteOptions{Force: true})
		})
		require.NoError(t, err)
		require.NoError(t, cg.WaitForDeleted(ctx, id, nil))
	}
	err = cg.Delete(ctx, cg0.ID, nil)
	require.ErrorIs(t, err, cinder.ErrNotFound)
	save("consistencygroups/error_delete_404")
}

// group makes a group with create, pins its ID to fake and deletes it (and
// its volumes) when the test ends.
func group(t *testing.T, rec *testutil.Recording, cg *consistencygroups.Manager,
	create func() (*consistencygroups.ConsistencyGroup, error), fake string) *consistencygroups.ConsistencyGroup {
	t.Helper()
	g, err := testutil.RetryLocked(rec.Ctx, create)
	require.NoError(t, err)
	rec.Scrub.Alias(g.ID, fake)
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.WithoutCancel(rec.Ctx), 3*time.Minute)
		defer cancel()
		if _, err := cg.Get(ctx, g.ID); errors.Is(err, cinder.ErrNotFound) {
			return
		}
		_ = cg.Delete(ctx, g.ID, &consistencygroups.DeleteOptions{Force: true})
		if err := cg.WaitForDeleted(ctx, g.ID, nil); err != nil {
			t.Logf("consistency group %s left behind: %v", g.ID, err)
		}
	})
	return g
}

// volumeType makes a volume type for backend, deleted when the test ends.
func volumeType(t *testing.T, ctx context.Context, c *cinder.Client, name, backend string) *types.VolumeType {
	t.Helper()
	vt, err := c.Types.Create(ctx, types.CreateRequest{Name: name, ExtraSpecs: map[string]string{"volume_backend_name": backend}})
	require.NoError(t, err)
	t.Cleanup(func() {
		if err := c.Types.Delete(context.WithoutCancel(ctx), vt.ID); err != nil {
			t.Logf("volume type %s left behind: %v", name, err)
		}
	})
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
