package transfers_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/internal/testutil"
	"github.com/gocinder/cinder/transfers"
	"github.com/gocinder/cinder/volumes"
)

// fakeKey is what every real auth key is scrubbed to.
const fakeKey = "0123456789abcdef"

// TestRecord drives a real cloud (OS_* is the admin; DEMO_OS_USERNAME,
// DEMO_OS_PASSWORD and DEMO_OS_PROJECT_NAME a non-admin user in another
// project) and rewrites testdata/transfers. It creates three 1 GiB
// volumes, transfers one from the admin to the demo project and deletes
// everything it made. Run: CINDER_RECORD=1 go test ./transfers/ -run Record
func TestRecord(t *testing.T) {
	r := testutil.Record(t, "transfers", 5*time.Minute)
	ctx, admin, demo, sc, save := r.Ctx, r.Admin, r.Demo, r.Scrub, r.Save
	sc.Alias(admin.ProjectID(), testutil.ProjectID)
	sc.Alias(demo.ProjectID(), "0a0a0a0a0a0a4a0a8a0a0a0a0a0a0002")
	key := func(tr *transfers.Transfer) string { sc.Replace(tr.AuthKey, fakeKey); return tr.AuthKey }

	// The volume is deleted by whichever project owns it at the end.
	newVolume := func(c *cinder.Client, name string) string {
		v, err := c.Volumes.Create(ctx, volumes.CreateRequest{Size: 1, Name: name})
		require.NoError(t, err)
		t.Cleanup(func() {
			ctx := context.WithoutCancel(ctx)
			for _, c := range []*cinder.Client{admin, demo} {
				if c.Volumes.Delete(ctx, v.ID, nil) == nil {
					_ = c.Volumes.WaitForDeleted(ctx, v.ID, nil)
				}
			}
		})
		_, err = c.Volumes.WaitForStatus(ctx, v.ID, volumes.StatusAvailable, nil)
		require.NoError(t, err)
		return v.ID
	}
	vol := newVolume(admin, "tx-rec-vol")

	// 3.70: /volume-transfers
	tr, err := admin.Transfers.Create(ctx, transfers.CreateRequest{VolumeID: vol, Name: "tx-rec-1", NoSnapshots: true})
	require.NoError(t, err)
	key(tr)
	save("create")
	_, err = admin.Transfers.Create(ctx, transfers.CreateRequest{VolumeID: vol, Name: "tx-rec-again"})
	require.Error(t, err)
	save("error_create_state")
	_, err = admin.Transfers.Get(ctx, tr.ID)
	require.NoError(t, err)
	save("get")
	_, err = cinder.Collect(admin.Transfers.List(ctx, &transfers.ListOptions{VolumeID: vol}))
	require.NoError(t, err)
	save("list")
	_, err = cinder.Collect(admin.Transfers.ListRefs(ctx, &transfers.ListOptions{VolumeID: vol}))
	require.NoError(t, err)
	save("list_refs")
	_, err = admin.Transfers.Get(ctx, "00000000-0000-4000-8000-00000000dead")
	require.Error(t, err)
	save("error_404")
	_, err = demo.Transfers.Accept(ctx, tr.ID, "wrong-key")
	require.Error(t, err)
	save("error_accept_key")

	// 3.0: /os-volume-transfer
	old := testutil.At(t, admin, "3.0")
	_, err = old.Transfers.Get(ctx, tr.ID)
	require.NoError(t, err)
	save("get_v30")
	require.NoError(t, admin.Transfers.Delete(ctx, tr.ID))
	tr, err = old.Transfers.Create(ctx, transfers.CreateRequest{VolumeID: vol, Name: "tx-rec-2"})
	require.NoError(t, err)
	key(tr)
	save("create_v30")

	// accept as demo: the volume moves to the demo project
	acc, err := demo.Transfers.Accept(ctx, tr.ID, tr.AuthKey)
	require.NoError(t, err)
	save("accept")
	require.Equal(t, vol, acc.VolumeID)

	// paging (3.59) in the demo project: two transfers, one per page
	var ids []string
	for _, name := range []string{"tx-rec-p1", "tx-rec-p2"} {
		v := vol
		if name == "tx-rec-p2" {
			v = newVolume(demo, "tx-rec-vol2")
		}
		tr, err := demo.Transfers.Create(ctx, transfers.CreateRequest{VolumeID: v, Name: name})
		require.NoError(t, err)
		key(tr)
		ids = append(ids, tr.ID)
		t.Cleanup(func() { _ = demo.Transfers.Delete(context.WithoutCancel(ctx), tr.ID) })
	}
	_, next, err := demo.Transfers.ListPage(ctx, &transfers.ListOptions{Limit: 1, Sort: "display_name:asc"})
	require.NoError(t, err)
	save("list_page1")
	require.NotEmpty(t, next)
	_, next, err = demo.Transfers.ListPage(ctx, &transfers.ListOptions{Limit: 1, Sort: "display_name:asc", Marker: next})
	require.NoError(t, err)
	save("list_page2")
	t.Logf("page 2 next marker %q", next)
	for _, id := range ids {
		require.NoError(t, demo.Transfers.Delete(ctx, id))
	}
}
