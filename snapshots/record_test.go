package snapshots_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/internal/testutil"
	"github.com/gocinder/cinder/snapshots"
	"github.com/gocinder/cinder/volumes"
)

// deadID is a snapshot that does not exist.
const deadID = "00000000-0000-4000-8000-00000000dead"

// TestRecord drives a real cloud as the admin in OS_*, in a throwaway
// project of its own (made with the openstack CLI), and rewrites
// testdata/snapshots. It makes two 1 GiB volumes and seven snapshots, all
// named rec-sb-… (scrubbed to sb-…), and deletes them at the end. Each ID
// is pinned to the fake one the tests use.
// Run: CINDER_RECORD=1 go test ./snapshots/ -run Record
func TestRecord(t *testing.T) {
	rec := testutil.Record(t, "snapshots", 5*time.Minute)
	ctx, sc, save := rec.Ctx, rec.Scrub, rec.Save
	auth := testutil.LiveProject(t, ctx, "rec-sb-snap")
	admin, err := cinder.New(ctx, cinder.Options{Auth: auth, Microversion: "3.70", HTTPClient: rec.HTTP})
	require.NoError(t, err)
	sc.Alias(admin.ProjectID(), testutil.ProjectID) // the admin user becomes userID, the next hex ID
	sc.Alias(deadID, "00000000-0000-4000-8000-000000000008")
	sc.Replace("rec-sb-", "sb-")
	s := admin.Snapshots
	// snapshot creates a snapshot, pinned to the fake ID, and deletes it at the end.
	snapshot := func(m *snapshots.Manager, r snapshots.CreateRequest, fake string) *snapshots.Snapshot {
		t.Helper()
		snap, err := testutil.RetryLocked(ctx, func() (*snapshots.Snapshot, error) { return m.Create(ctx, r) })
		require.NoError(t, err)
		sc.Alias(snap.ID, fake)
		cleanup(t, ctx, s, snap.ID)
		return snap
	}
	wait := func(id string) {
		t.Helper()
		_, err := s.WaitForStatus(ctx, id, snapshots.StatusAvailable, nil)
		require.NoError(t, err)
	}

	vol := testutil.LiveVolume(t, ctx, admin, "rec-sb-vol")
	sc.Alias(vol.ID, volID)
	inUse := testutil.LiveVolume(t, ctx, admin, "rec-sb-vol-inuse")
	sc.Alias(inUse.ID, listVolID)

	// create, get, update, metadata
	snap1 := snapshot(s, snapshots.CreateRequest{VolumeID: vol.ID, Name: "rec-sb-snap1", Description: "first",
		Metadata: map[string]string{"k1": "v1"}}, "00000000-0000-4000-8000-000000000003")
	wait(snap1.ID)
	snap2 := snapshot(s, snapshots.CreateRequest{VolumeID: vol.ID, Name: "rec-sb-snap2", Description: "nightly",
		Metadata: map[string]string{"purpose": "test"}}, snapID)
	save("create")
	wait(snap2.ID)
	_, err = s.Get(ctx, snap2.ID)
	require.NoError(t, err)
	save("get")
	_, err = testutil.At(t, admin, "3.0").Snapshots.Get(ctx, snap2.ID)
	require.NoError(t, err)
	save("get_v30")
	_, err = s.Update(ctx, snap2.ID, snapshots.UpdateRequest{Name: new("rec-sb-snap2-renamed"), Description: new("weekly")})
	require.NoError(t, err)
	save("update")
	_, err = s.Metadata(ctx, snap2.ID)
	require.NoError(t, err)
	save("metadata")
	_, err = s.SetMetadata(ctx, snap2.ID, map[string]string{"tier": "gold"})
	require.NoError(t, err)
	save("metadata_set")
	_, err = s.ReplaceMetadata(ctx, snap2.ID, map[string]string{"tier": "silver", "owner": "ops"})
	require.NoError(t, err)
	save("metadata_replace")
	_, err = s.MetadataItem(ctx, snap2.ID, "tier")
	require.NoError(t, err)
	save("metadata_item")
	require.NoError(t, s.SetMetadataItem(ctx, snap2.ID, "tier", "bronze"))
	save("metadata_item_set")
	require.NoError(t, s.DeleteMetadataItem(ctx, snap2.ID, "owner"))
	_, err = s.MetadataItem(ctx, snap2.ID, "owner")
	require.ErrorIs(t, err, cinder.ErrNotFound)
	save("error_metadata_item_404")

	// status actions, errors
	require.NoError(t, s.ResetStatus(ctx, snap1.ID, snapshots.StatusError))
	_, err = s.Get(ctx, snap1.ID)
	require.NoError(t, err)
	save("get_error")
	err = s.ResetStatus(ctx, snap1.ID, "bogus")
	require.ErrorIs(t, err, cinder.ErrBadRequest)
	save("error_reset_status")
	// only a "creating" or "deleting" snapshot takes a status update
	err = s.UpdateStatus(ctx, snap2.ID, snapshots.UpdateStatusRequest{Status: snapshots.StatusError})
	require.ErrorIs(t, err, cinder.ErrBadRequest)
	save("error_update_status")
	_, err = s.Get(ctx, deadID)
	require.ErrorIs(t, err, cinder.ErrNotFound)
	save("error_404")

	// an in-use volume: refused without force before 3.66, then three
	// snapshots (force at 3.65, none needed at 3.70), listed and counted
	v := admin.Volumes
	require.NoError(t, v.Reserve(ctx, inUse.ID))
	require.NoError(t, v.Attach(ctx, inUse.ID, volumes.AttachRequest{HostName: "rec-sb-host", MountPoint: "/dev/vdb"}))
	attached, err := v.WaitForStatus(ctx, inUse.ID, volumes.StatusInUse, nil)
	require.NoError(t, err)
	require.NotEmpty(t, attached.Attachments)
	s365 := testutil.At(t, admin, "3.65").Snapshots
	_, err = s365.Create(ctx, snapshots.CreateRequest{VolumeID: inUse.ID})
	require.ErrorIs(t, err, cinder.ErrBadRequest)
	save("error_create_in_use")
	for i, fake := range []string{listSnap1, listSnap2, listSnap3} {
		m, r := s, snapshots.CreateRequest{VolumeID: inUse.ID, Name: "rec-sb-force"}
		if i == 0 {
			m, r.Force = s365, new(true)
		}
		wait(snapshot(m, r, fake).ID) // one at a time: the lists sort by created_at
	}
	require.NoError(t, v.Detach(ctx, inUse.ID, attached.Attachments[0].AttachmentID))
	_, _, err = s.ListPage(ctx, &snapshots.ListOptions{VolumeID: inUse.ID, Limit: 2, Sort: "created_at:asc"})
	require.NoError(t, err)
	save("list")
	_, err = cinder.Collect(s.ListRefs(ctx, &snapshots.ListOptions{VolumeID: inUse.ID}))
	require.NoError(t, err)
	save("list_refs")
	_, err = s.Count(ctx, &snapshots.ListOptions{VolumeID: inUse.ID})
	require.NoError(t, err)
	save("count")

	// manage: the localfile driver cannot list manageable snapshots (a
	// 500); managing a missing one is accepted, then goes to "error"
	_, err = cinder.Collect(s.ListManageable(ctx, &snapshots.ManageableListOptions{Host: vol.Host}))
	require.ErrorIs(t, err, cinder.ErrServer)
	save("error_manageable_500")
	managed, err := s.Manage(ctx, snapshots.ManageRequest{VolumeID: vol.ID, Ref: map[string]string{"source-name": "rec-sb-nonexistent"},
		Name: "rec-sb-managed", Description: "adopted", Metadata: map[string]string{"k": "v"}})
	require.NoError(t, err)
	sc.Alias(managed.ID, "00000000-0000-4000-8000-000000000009")
	cleanup(t, ctx, s, managed.ID)
	save("manage")
	legacy, err := testutil.At(t, admin, "3.7").Snapshots.Manage(ctx, snapshots.ManageRequest{VolumeID: vol.ID,
		Ref: map[string]string{"source-name": "rec-sb-nonexistent2"}, Name: "rec-sb-managed-legacy"})
	require.NoError(t, err)
	sc.Alias(legacy.ID, "00000000-0000-4000-8000-000000000010")
	cleanup(t, ctx, s, legacy.ID)
	save("manage_legacy")
	for _, id := range []string{managed.ID, legacy.ID} {
		_, err = s.WaitForStatus(ctx, id, snapshots.StatusAvailable, nil)
		var serr *cinder.StatusError
		require.ErrorAs(t, err, &serr, "no backend snapshot to manage")
	}
}

// cleanup deletes the snapshot when the test ends, whatever its status.
func cleanup(t *testing.T, ctx context.Context, s *snapshots.Manager, id string) {
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 2*time.Minute)
		defer cancel()
		if s.Delete(ctx, id) != nil {
			_ = s.ResetStatus(ctx, id, snapshots.StatusError)
			_ = s.ForceDelete(ctx, id)
		}
		if err := s.WaitForDeleted(ctx, id, nil); err != nil {
			t.Logf("snapshot %s left behind: %v", id, err)
		}
	})
}
