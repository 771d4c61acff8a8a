package messages_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/internal/testutil"
	"github.com/gocinder/cinder/messages"
	"github.com/gocinder/cinder/quotas"
	"github.com/gocinder/cinder/volumes"
)

// TestRecord drives a real cloud (OS_* is the admin; DEMO_OS_USERNAME,
// DEMO_OS_PASSWORD and DEMO_OS_PROJECT_NAME a non-admin user) and rewrites
// testdata/messages. Messages come from two demo volumes too big for any
// backend ("No valid backend"); to get past the quota check the demo
// project's gigabytes quota is lifted meanwhile and put back at the end.
// Run: CINDER_RECORD=1 go test ./messages/ -run Record
func TestRecord(t *testing.T) {
	r := testutil.Record(t, "messages", 5*time.Minute)
	ctx, admin, demo, sc, save := r.Ctx, r.Admin, r.Demo, r.Scrub, r.Save
	demoID := demo.ProjectID()
	sc.Alias(admin.ProjectID(), "0a0a0a0a0a0a4a0a8a0a0a0a0a0a0009")
	sc.Alias(demoID, testutil.ProjectID) // the fixtures' hrefs are the demo's

	orig, err := admin.Quotas.Get(ctx, demoID)
	require.NoError(t, err)
	_, err = admin.Quotas.Update(ctx, demoID, quotas.UpdateRequest{Gigabytes: new(-1)})
	require.NoError(t, err)
	t.Cleanup(func() {
		_, err := admin.Quotas.Update(context.WithoutCancel(ctx), demoID, quotas.UpdateRequest{Gigabytes: new(orig.Gigabytes)})
		require.NoError(t, err)
	})

	var vols []string
	for _, name := range []string{"gocinder-msg-rec-1", "gocinder-msg-rec-2"} {
		v, err := demo.Volumes.Create(ctx, volumes.CreateRequest{Size: 100000, Name: name})
		require.NoError(t, err)
		vols = append(vols, v.ID)
		t.Cleanup(func() {
			ctx := context.WithoutCancel(ctx)
			_ = demo.Volumes.Delete(ctx, v.ID, nil)
			_ = demo.Volumes.WaitForDeleted(ctx, v.ID, nil)
		})
		_, err = demo.Volumes.WaitForStatus(ctx, v.ID, volumes.StatusAvailable, nil)
		var serr *cinder.StatusError
		require.ErrorAs(t, err, &serr, "volume %s should find no backend", name)
	}
	// one message per volume, each found by its resource UUID
	byVol := map[string]string{}
	for len(byVol) < len(vols) {
		for m, err := range demo.Messages.List(ctx, nil) {
			require.NoError(t, err)
			if slices.Contains(vols, m.ResourceUUID) {
				byVol[m.ResourceUUID] = m.ID
			}
		}
		if len(byVol) < len(vols) {
			time.Sleep(time.Second)
		}
	}
	msg1, msg2 := byVol[vols[0]], byVol[vols[1]]
	t.Cleanup(func() {
		ctx := context.WithoutCancel(ctx)
		for _, id := range []string{msg1, msg2} {
			_ = demo.Messages.Delete(ctx, id)
		}
	})

	sorted := &messages.ListOptions{Limit: 1, Sort: "created_at:desc"}
	_, next, err := demo.Messages.ListPage(ctx, sorted)
	require.NoError(t, err)
	require.Equal(t, msg2, next)
	save("list_page1")
	_, _, err = demo.Messages.ListPage(ctx, &messages.ListOptions{Limit: 1, Sort: "created_at:desc", Marker: next})
	require.NoError(t, err)
	save("list_page2")
	_, last, err := demo.Messages.ListPage(ctx, &messages.ListOptions{Sort: "created_at:desc", Marker: next})
	require.NoError(t, err)
	require.Empty(t, last)
	save("list_rest")

	_, err = cinder.Collect(demo.Messages.List(ctx, &messages.ListOptions{Filters: map[string]string{"bogus": "x"}}))
	require.ErrorIs(t, err, cinder.ErrBadRequest)
	save("error_list_filter")
	got, err := cinder.Collect(demo.Messages.List(ctx, &messages.ListOptions{ResourceUUID: vols[0], Level: messages.LevelError}))
	require.NoError(t, err)
	require.Len(t, got, 1)
	save("list_filtered")
	_, err = cinder.Collect(admin.Messages.List(ctx, &messages.ListOptions{Filters: map[string]string{"event_id~": "VOLUME_001"}}))
	require.NoError(t, err)
	save("list_like")

	_, err = demo.Messages.Get(ctx, msg1)
	require.NoError(t, err)
	save("get")
	require.NoError(t, demo.Messages.Delete(ctx, msg1))
	save("delete")
	_, err = demo.Messages.Get(ctx, msg1)
	require.ErrorIs(t, err, cinder.ErrNotFound)
	save("error_404")
}
