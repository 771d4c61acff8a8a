package backups_test

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/backups"
	"github.com/gocinder/cinder/internal/testutil"
	"github.com/gocinder/cinder/snapshots"
	"github.com/gocinder/cinder/volumes"
)

// deadID is a backup that does not exist.
const deadID = "00000000-0000-4000-8000-00000000dead"

// TestRecord drives a real cloud as the admin in OS_*, in a throwaway
// project of its own (made with the openstack CLI), and rewrites
// testdata/backups. It makes a 1 GiB volume with a snapshot, three backups
// of it (full, incremental, from the snapshot; ~10 s each), restores them
// to two new volumes and imports a copy of the full backup's record, all
// named rec-sb-… (scrubbed to sb-…), and deletes everything at the end.
// Each ID is pinned to the fake one the tests use.
// Run: CINDER_RECORD=1 go test ./backups/ -run Record
func TestRecord(t *testing.T) {
	rec := testutil.Record(t, "backups", 10*time.Minute)
	ctx, sc, save := rec.Ctx, rec.Scrub, rec.Save
	auth := testutil.LiveProject(t, ctx, "rec-sb-bak")
	admin, err := cinder.New(ctx, cinder.Options{Auth: auth, Microversion: "3.70", HTTPClient: rec.HTTP})
	require.NoError(t, err)
	// pinned sends every request at the given microversion, to record
	// Cinder's answer to what the SDK refuses to send there
	pinned := func(v string) *cinder.Client {
		c, err := cinder.New(ctx, cinder.Options{Auth: auth, Microversion: "3.70",
			HTTPClient: &http.Client{Transport: atVersion{v, rec.HTTP.Transport}}})
		require.NoError(t, err)
		return c
	}
	sc.Alias(admin.ProjectID(), testutil.ProjectID) // the admin user becomes userID, the next hex ID
	sc.Alias(deadID, "00000000-0000-4000-8000-000000000008")
	sc.Replace("rec-sb-", "sb-")
	b := admin.Backups
	// backup starts a backup, pinned to the fake ID, deleted at the end.
	backup := func(m *backups.Manager, r backups.CreateRequest, fake string) string {
		t.Helper()
		bk, err := testutil.RetryLocked(ctx, func() (*backups.Backup, error) { return m.Create(ctx, r) })
		require.NoError(t, err)
		sc.Alias(bk.ID, fake)
		cleanup(t, ctx, b, bk.ID)
		return bk.ID
	}
	wait := func(id string) {
		t.Helper()
		_, err := b.WaitForStatus(ctx, id, backups.StatusAvailable, nil)
		require.NoError(t, err)
	}

	vol := testutil.LiveVolume(t, ctx, admin, "rec-sb-bak-vol")
	sc.Alias(vol.ID, volID)
	snap, err := testutil.RetryLocked(ctx, func() (*snapshots.Snapshot, error) {
		return admin.Snapshots.Create(ctx, snapshots.CreateRequest{VolumeID: vol.ID, Name: "rec-sb-bak-snap"})
	})
	require.NoError(t, err)
	sc.Alias(snap.ID, snapID)
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 2*time.Minute)
		defer cancel()
		_ = admin.Snapshots.Delete(ctx, snap.ID)
		_ = admin.Snapshots.WaitForDeleted(ctx, snap.ID, nil)
	})
	_, err = admin.Snapshots.WaitForStatus(ctx, snap.ID, snapshots.StatusAvailable, nil)
	require.NoError(t, err)

	// full, incremental (at 3.0) and from the snapshot (at 3.51)
	full := backup(b, backups.CreateRequest{VolumeID: vol.ID, Name: "rec-sb-bak1", Description: "full",
		Container: "rec-sb-container", Metadata: map[string]string{"env": "test"}}, bak1)
	save("create")
	got, err := b.Get(ctx, full)
	require.NoError(t, err)
	require.Equal(t, backups.StatusCreating, got.Status)
	save("get_creating")
	wait(full)
	_, err = b.Get(ctx, full)
	require.NoError(t, err)
	save("get")
	_, err = testutil.At(t, admin, "3.0").Backups.Get(ctx, full)
	require.NoError(t, err)
	save("get_v30")
	incr := backup(testutil.At(t, admin, "3.0").Backups, backups.CreateRequest{VolumeID: vol.ID, Name: "rec-sb-bak2",
		Incremental: true, Container: "rec-sb-container"}, bak2)
	save("create_incremental")
	wait(incr)
	fromSnap := backup(testutil.At(t, admin, "3.51").Backups, backups.CreateRequest{VolumeID: vol.ID, SnapshotID: snap.ID,
		Name: "rec-sb-bak3", AvailabilityZone: "nova"}, bak3)
	// the driver's default container is <id[0:2]>/<id[2:4]>/<id>
	sc.Replace(fromSnap[0:2]+"/"+fromSnap[2:4]+"/"+fromSnap, "00/00/"+fromSnap)
	save("create_from_snapshot")
	wait(fromSnap)
	_, err = b.Get(ctx, fromSnap)
	require.NoError(t, err)
	save("get_from_snapshot")

	_, _, err = b.ListPage(ctx, &backups.ListOptions{VolumeID: vol.ID, Limit: 2, Sort: "created_at:asc"})
	require.NoError(t, err)
	save("list")
	_, err = cinder.Collect(b.ListRefs(ctx, &backups.ListOptions{VolumeID: vol.ID}))
	require.NoError(t, err)
	save("list_refs")
	_, err = b.Count(ctx, &backups.ListOptions{VolumeID: vol.ID})
	require.NoError(t, err)
	save("count")

	// update, errors
	err = b.Delete(ctx, full)
	require.ErrorIs(t, err, cinder.ErrBadRequest)
	save("error_delete_dependent")
	_, err = b.Update(ctx, full, backups.UpdateRequest{Name: new("rec-sb-bak1-renamed"), Description: new("full, renamed"),
		Metadata: map[string]string{"env": "prod"}})
	require.NoError(t, err)
	save("update")
	_, err = b.Get(ctx, deadID)
	require.ErrorIs(t, err, cinder.ErrNotFound)
	save("error_404")
	_, err = pinned("3.8").Backups.Update(ctx, full, backups.UpdateRequest{Name: new("rec-sb-x")})
	require.ErrorIs(t, err, cinder.ErrNotFound)
	save("error_update_404")
	_, err = pinned("3.50").Backups.Create(ctx, backups.CreateRequest{VolumeID: vol.ID, AvailabilityZone: "nova"})
	require.ErrorIs(t, err, cinder.ErrBadRequest)
	save("error_create_az")

	// export, import: the same record is refused (the backup exists); a
	// copy with a new ID and name is imported, then set to "error"
	exp, err := b.ExportRecord(ctx, full)
	require.NoError(t, err)
	inner, err := base64.StdEncoding.DecodeString(exp.BackupURL)
	require.NoError(t, err)
	sc.Replace(exp.BackupURL, base64.StdEncoding.EncodeToString(sc.Scrub(objectPrefixTime.ReplaceAll(inner, []byte("${1}20240501120000${2}")))))
	save("export")
	_, err = b.ImportRecord(ctx, *exp)
	require.ErrorIs(t, err, cinder.ErrBadRequest)
	save("error_import")
	var fields map[string]any
	require.NoError(t, json.Unmarshal(inner, &fields))
	// a copy: nothing is incremental on top of it
	fields["id"], fields["display_name"], fields["num_dependent_backups"] = newUUID(t), "rec-sb-bak1-imported", 0
	inner, err = json.Marshal(fields)
	require.NoError(t, err)
	imp, err := b.ImportRecord(ctx, backups.Record{BackupService: exp.BackupService, BackupURL: base64.StdEncoding.EncodeToString(inner)})
	require.NoError(t, err)
	sc.Alias(imp.ID, bakImp)
	cleanup(t, ctx, b, imp.ID)
	save("import")
	wait(imp.ID)
	require.NoError(t, b.ResetStatus(ctx, imp.ID, backups.StatusError)) // done by the backup service, later
	_, err = b.WaitForStatus(ctx, imp.ID, backups.StatusError, nil)
	require.NoError(t, err)
	save("get_error")
	err = b.ResetStatus(ctx, imp.ID, backups.StatusCreating)
	require.ErrorIs(t, err, cinder.ErrBadRequest)
	save("error_reset_status")

	// restores: to a new volume, to an existing one (refused while it is
	// still restoring), to a new volume of a type in a zone (3.47)
	r, err := b.Restore(ctx, full, backups.RestoreRequest{Name: "rec-sb-restored"})
	require.NoError(t, err)
	sc.Alias(r.VolumeID, restVolID)
	deleteVolume(t, ctx, admin, r.VolumeID)
	save("restore")
	_, err = b.Restore(ctx, incr, backups.RestoreRequest{VolumeID: r.VolumeID})
	require.ErrorIs(t, err, cinder.ErrBadRequest)
	save("error_restore")
	wait(full)
	_, err = admin.Volumes.WaitForStatus(ctx, r.VolumeID, volumes.StatusAvailable, nil)
	require.NoError(t, err)
	_, err = b.Restore(ctx, incr, backups.RestoreRequest{VolumeID: r.VolumeID})
	require.NoError(t, err)
	save("restore_to_volume")
	wait(incr)
	_, err = admin.Volumes.WaitForStatus(ctx, r.VolumeID, volumes.StatusAvailable, nil)
	require.NoError(t, err)
	// done with the first restored volume: at most two volumes at a time
	require.NoError(t, admin.Volumes.Delete(ctx, r.VolumeID, nil))
	require.NoError(t, admin.Volumes.WaitForDeleted(ctx, r.VolumeID, nil))
	def, err := admin.Types.Default(ctx)
	require.NoError(t, err)
	r, err = testutil.At(t, admin, "3.47").Backups.Restore(ctx, fromSnap, backups.RestoreRequest{Name: "rec-sb-restored-347",
		VolumeType: def.Name, AvailabilityZone: "nova"})
	require.NoError(t, err)
	sc.Alias(r.VolumeID, "00000000-0000-4000-8000-000000000016")
	deleteVolume(t, ctx, admin, r.VolumeID)
	save("restore_create_volume")
	_, err = admin.Volumes.WaitForStatus(ctx, r.VolumeID, volumes.StatusAvailable, nil)
	require.NoError(t, err)
	wait(fromSnap)
}

// objectPrefixTime is the creation time in the posix driver's object
// prefix, volume_<volume id>_<YYYYMMDDhhmmss>_backup_<backup id>.
var objectPrefixTime = regexp.MustCompile(`(volume_[0-9a-f-]{36}_)\d{14}(_backup_)`)

// atVersion sends every request at microversion v, whatever the client's.
type atVersion struct {
	v    string
	next http.RoundTripper
}

func (a atVersion) RoundTrip(r *http.Request) (*http.Response, error) {
	r = r.Clone(r.Context())
	r.Header.Set("OpenStack-API-Version", "volume "+a.v)
	return a.next.RoundTrip(r)
}

// cleanup deletes the backup when the test ends, whatever its status.
func cleanup(t *testing.T, ctx context.Context, b *backups.Manager, id string) {
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 2*time.Minute)
		defer cancel()
		if b.Delete(ctx, id) != nil {
			_ = b.ForceDelete(ctx, id)
		}
		if err := b.WaitForDeleted(ctx, id, nil); err != nil {
			t.Logf("backup %s left behind: %v", id, err)
		}
	})
}

// deleteVolume deletes a volume a restore made when the test ends.
func deleteVolume(t *testing.T, ctx context.Context, c *cinder.Client, id string) {
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 2*time.Minute)
		defer cancel()
		if c.Volumes.Delete(ctx, id, nil) != nil {
			_ = c.Volumes.ForceDelete(ctx, id)
		}
		if err := c.Volumes.WaitForDeleted(ctx, id, nil); err != nil {
			t.Logf("volume %s left behind: %v", id, err)
		}
	})
}

func newUUID(t *testing.T) string {
	var u [16]byte
	_, err := rand.Read(u[:])
	require.NoError(t, err)
	u[6], u[8] = u[6]&0x0f|0x40, u[8]&0x3f|0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", u[0:4], u[4:6], u[6:8], u[8:10], u[10:])
}
