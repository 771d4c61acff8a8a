package attachments_test

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/attachments"
	"github.com/gocinder/cinder/internal/testutil"
	"github.com/gocinder/cinder/volumes"
)

// TestRecord drives a real cloud (OS_* is the admin; DEMO_OS_USERNAME,
// DEMO_OS_PASSWORD and DEMO_OS_PROJECT_NAME a non-admin user, whose project
// holds the one volume made) and rewrites testdata/attachments. Attachments
// are made without an instance: deleting one with an instance makes Cinder
// call Nova. Run: CINDER_RECORD=1 go test ./attachments/ -run Record
func TestRecord(t *testing.T) {
	r := testutil.Record(t, "attachments", 5*time.Minute)
	ctx, admin, c, sc, save := r.Ctx, r.Admin, r.Demo, r.Scrub, r.Save
	// this cloud refuses every list filter of non-admins (400), so the
	// filtered lists are the admin's
	sc.Alias(c.ProjectID(), testutil.ProjectID)
	sc.Alias(admin.ProjectID(), "0a0a0a0a0a0a4a0a8a0a0a0a0a0a0002")
	if state := os.Getenv("OPENSTACK_STATE"); state != "" {
		sc.Replace(state+"/", "/var/lib/openstack/")
	}
	a := c.Attachments

	v, err := c.Volumes.Create(ctx, volumes.CreateRequest{Size: 1, Name: "att-rec-vol"})
	require.NoError(t, err)
	t.Cleanup(func() {
		ctx := context.WithoutCancel(ctx)
		for at, err := range admin.Attachments.ListRefs(ctx, &attachments.ListOptions{AllTenants: true, VolumeID: v.ID}) {
			if err == nil {
				_ = a.Delete(ctx, at.ID)
			}
		}
		_ = c.Volumes.Delete(ctx, v.ID, nil)
		_ = c.Volumes.WaitForDeleted(ctx, v.ID, nil)
	})
	_, err = c.Volumes.WaitForStatus(ctx, v.ID, volumes.StatusAvailable, nil)
	require.NoError(t, err)

	// reserve, export, complete, list, delete
	at, err := a.Create(ctx, attachments.CreateRequest{VolumeID: v.ID})
	require.NoError(t, err)
	save("create")
	_, err = a.Get(ctx, at.ID)
	require.NoError(t, err)
	save("get_reserved")
	conn := attachments.Connector{Initiator: "iqn.1993-08.org.debian:01:abc", IP: "127.0.0.1", Host: "localhost",
		Platform: "x86_64", OSType: "linux"}
	_, err = a.Update(ctx, at.ID, conn)
	require.NoError(t, err)
	save("update")
	require.NoError(t, a.Complete(ctx, at.ID))
	_, err = a.Get(ctx, at.ID)
	require.NoError(t, err)
	save("get")
	_, err = cinder.Collect(admin.Attachments.List(ctx, &attachments.ListOptions{AllTenants: true, VolumeID: v.ID}))
	require.NoError(t, err)
	save("list")
	_, err = cinder.Collect(admin.Attachments.ListRefs(ctx, &attachments.ListOptions{AllTenants: true, VolumeID: v.ID}))
	require.NoError(t, err)
	save("list_refs")
	_, err = a.Create(ctx, attachments.CreateRequest{VolumeID: v.ID, Mode: attachments.ModeReadOnly})
	t.Logf("second attachment of an attached volume: %v", err)
	if err != nil {
		save("error_create_attached")
	}
	_, err = cinder.Collect(a.List(ctx, &attachments.ListOptions{Filters: map[string]string{"bogus": "1"}}))
	require.Error(t, err)
	save("error_filter")
	require.NoError(t, a.Delete(ctx, at.ID))
	save("delete")
	_, err = a.Get(ctx, at.ID)
	require.Error(t, err)
	save("error_404")

	// read-only reservation (3.54), then an export at once (connector in the create)
	at, err = a.Create(ctx, attachments.CreateRequest{VolumeID: v.ID, Mode: attachments.ModeReadOnly})
	require.NoError(t, err)
	save("create_ro")
	require.NoError(t, a.Delete(ctx, at.ID))
	at, err = a.Create(ctx, attachments.CreateRequest{VolumeID: v.ID, Connector: &conn, Mode: attachments.ModeReadWrite})
	require.NoError(t, err)
	save("create_connector")
	require.NoError(t, a.Delete(ctx, at.ID))
}
