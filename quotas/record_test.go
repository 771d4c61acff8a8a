package quotas_test

import (
	"context"
	"os/exec"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/internal/testutil"
	"github.com/gocinder/cinder/quotas"
)

// recType is the volume type the recording makes for the per-type keys.
const recType = "gocinder-qrec"

// TestRecord drives a real cloud (OS_* is the admin; DEMO_OS_USERNAME,
// DEMO_OS_PASSWORD and DEMO_OS_PROJECT_NAME a non-admin user) and rewrites
// testdata/quotas. Only the demo project's quotas are changed, and they are
// put back at the end; the admin project's are never touched. It also
// leaves a quota class "gocinder-rec" behind (Cinder cannot delete one).
// Needs the openstack CLI, for the volume type.
// Run: CINDER_RECORD=1 go test ./quotas/ -run Record
func TestRecord(t *testing.T) {
	r := testutil.Record(t, "quotas", 5*time.Minute)
	ctx, admin, demo, sc, save := r.Ctx, r.Admin, r.Demo, r.Scrub, r.Save
	adminID, demoID := admin.ProjectID(), demo.ProjectID()
	require.NotEqual(t, adminID, demoID)
	sc.Alias(adminID, testutil.ProjectID)
	sc.Alias(demoID, demoProject)

	out, err := exec.CommandContext(ctx, "openstack", "volume", "type", "create", "--private", recType).CombinedOutput()
	require.NoError(t, err, "%s", out)
	q := admin.Quotas
	orig, err := q.Get(ctx, demoID)
	require.NoError(t, err)
	t.Cleanup(func() {
		ctx := context.WithoutCancel(ctx)
		restore(t, ctx, q, demoID, orig)
		out, err := exec.CommandContext(ctx, "openstack", "volume", "type", "delete", recType).CombinedOutput()
		if err != nil {
			t.Logf("deleting type %s: %v: %s", recType, err, out)
		}
	})

	_, err = q.Defaults(ctx, demoID)
	require.NoError(t, err)
	save("defaults")
	_, err = q.Update(ctx, demoID, quotas.UpdateRequest{Volumes: new(12), Gigabytes: new(-1),
		Types: map[string]quotas.TypeUpdate{recType: {Volumes: new(5), Gigabytes: new(50)}}})
	require.NoError(t, err)
	save("update")
	_, err = q.Get(ctx, demoID)
	require.NoError(t, err)
	save("get")
	_, err = q.Usage(ctx, demoID)
	require.NoError(t, err)
	save("usage")
	_, err = q.Update(ctx, demoID, quotas.UpdateRequest{Types: map[string]quotas.TypeUpdate{"gocinder-nosuchtype": {Volumes: new(1)}}})
	require.ErrorIs(t, err, cinder.ErrBadRequest)
	save("error_update_bad_key")
	_, err = demo.Quotas.Update(ctx, demoID, quotas.UpdateRequest{Volumes: new(11)})
	require.ErrorIs(t, err, cinder.ErrForbidden)
	save("error_update_403")
	err = demo.Quotas.Delete(ctx, demoID)
	require.ErrorIs(t, err, cinder.ErrForbidden)
	save("error_delete_403")
	_, err = demo.Quotas.Get(ctx, adminID)
	require.ErrorIs(t, err, cinder.ErrForbidden)
	save("error_get_403")

	_, err = q.GetClass(ctx, "default")
	require.NoError(t, err)
	save("get_class")
	_, err = q.UpdateClass(ctx, "gocinder-rec", quotas.UpdateRequest{Volumes: new(7), Types: map[string]quotas.TypeUpdate{recType: {Snapshots: new(3)}}})
	require.NoError(t, err)
	save("update_class")
	_, err = demo.Quotas.GetClass(ctx, "default")
	require.ErrorIs(t, err, cinder.ErrForbidden)
	save("error_class_403")

	require.NoError(t, q.Delete(ctx, demoID))
	save("delete")
	_, err = q.Get(ctx, demoID)
	require.NoError(t, err)
	save("get_after_delete")
}

// restore puts the demo project's quotas back: defaults, then whatever
// differed from them before the recording.
func restore(t *testing.T, ctx context.Context, q *quotas.Manager, project string, orig *quotas.QuotaSet) {
	t.Helper()
	if err := q.Delete(ctx, project); err != nil {
		t.Errorf("resetting the quotas of %s: %v", project, err)
		return
	}
	def, err := q.Defaults(ctx, project)
	if err != nil {
		t.Errorf("reading default quotas: %v", err)
		return
	}
	var r quotas.UpdateRequest
	changed := false
	pick := func(dst **int, was, now int) {
		if was != now {
			*dst, changed = new(was), true
		}
	}
	pick(&r.Volumes, orig.Volumes, def.Volumes)
	pick(&r.Snapshots, orig.Snapshots, def.Snapshots)
	pick(&r.Gigabytes, orig.Gigabytes, def.Gigabytes)
	pick(&r.Backups, orig.Backups, def.Backups)
	pick(&r.BackupGigabytes, orig.BackupGigabytes, def.BackupGigabytes)
	pick(&r.PerVolumeGigabytes, orig.PerVolumeGigabytes, def.PerVolumeGigabytes)
	pick(&r.Groups, orig.Groups, def.Groups)
	for typ, was := range orig.Types {
		now := def.Types[typ]
		var tu quotas.TypeUpdate
		pick(&tu.Volumes, was.Volumes, now.Volumes)
		pick(&tu.Gigabytes, was.Gigabytes, now.Gigabytes)
		pick(&tu.Snapshots, was.Snapshots, now.Snapshots)
		if tu != (quotas.TypeUpdate{}) {
			if r.Types == nil {
				r.Types = map[string]quotas.TypeUpdate{}
			}
			r.Types[typ] = tu
		}
	}
	if !changed {
		return
	}
	if _, err := q.Update(ctx, project, r); err != nil {
		t.Errorf("restoring the quotas of %s: %v", project, err)
	}
}
