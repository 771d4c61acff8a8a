package qos_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/internal/testutil"
	"github.com/gocinder/cinder/qos"
	"github.com/gocinder/cinder/types"
)

// TestRecord drives a real cloud (OS_* is the admin; DEMO_OS_USERNAME,
// DEMO_OS_PASSWORD and DEMO_OS_PROJECT_NAME a non-admin user) and rewrites
// testdata/qos. Run: CINDER_RECORD=1 go test ./qos/ -run Record
func TestRecord(t *testing.T) {
	r := testutil.Record(t, "qos", 5*time.Minute)
	ctx, admin, demo, sc, save := r.Ctx, r.Admin, r.Demo, r.Scrub, r.Save
	sc.Alias(admin.ProjectID(), testutil.ProjectID)
	sc.Alias(demo.ProjectID(), "0a0a0a0a0a0a4a0a8a0a0a0a0a0a0002")
	q := admin.QoS
	cleanup := func(id string) {
		t.Cleanup(func() { _ = q.Delete(context.WithoutCancel(ctx), id, &qos.DeleteOptions{Force: true}) })
	}

	a, err := q.Create(ctx, qos.CreateRequest{Name: "gocinder-rec-qos-a", Consumer: qos.ConsumerFrontEnd,
		Specs: map[string]string{"read_iops_sec": "100", "write_iops_sec": "50"}})
	require.NoError(t, err)
	cleanup(a.ID)
	sc.Alias(a.ID, "00000000-0000-4000-8000-000000000021")
	save("create")
	b, err := q.Create(ctx, qos.CreateRequest{Name: "gocinder-rec-qos-b", Specs: map[string]string{"total_bytes_sec": "1048576"}})
	require.NoError(t, err)
	cleanup(b.ID)
	sc.Alias(b.ID, "00000000-0000-4000-8000-000000000022")
	save("create_default_consumer")
	_, err = q.Create(ctx, qos.CreateRequest{Name: "gocinder-rec-qos-a"})
	require.ErrorIs(t, err, cinder.ErrConflict)
	save("error_create_409")

	_, err = q.Get(ctx, a.ID)
	require.NoError(t, err)
	save("get")
	_, err = q.Get(ctx, "gocinder-rec-qos-a")
	require.ErrorIs(t, err, cinder.ErrNotFound)
	save("error_404")
	_, err = demo.QoS.Get(ctx, a.ID)
	require.ErrorIs(t, err, cinder.ErrForbidden)
	save("error_403")

	_, next, err := q.ListPage(ctx, &qos.ListOptions{Limit: 1, Sort: "created_at:desc"})
	require.NoError(t, err)
	save("list_page1")
	_, _, err = q.ListPage(ctx, &qos.ListOptions{Limit: 1, Sort: "created_at:desc", Marker: next})
	require.NoError(t, err)
	save("list_page2")

	require.NoError(t, q.SetKeys(ctx, a.ID, map[string]string{"read_iops_sec": "150", "consumer": "both"}))
	save("set_keys")
	require.NoError(t, q.UnsetKeys(ctx, a.ID, "write_iops_sec"))
	_, err = q.Get(ctx, a.ID)
	require.NoError(t, err)
	save("get_after_keys")
	err = q.UnsetKeys(ctx, a.ID, "write_iops_sec")
	require.ErrorIs(t, err, cinder.ErrNotFound)
	save("error_unset_keys")
	err = q.SetKeys(ctx, "00000000-0000-4000-8000-00000000dead", map[string]string{"x": "1"})
	require.ErrorIs(t, err, cinder.ErrNotFound)
	save("error_set_keys")

	vt, err := admin.Types.Create(ctx, types.CreateRequest{Name: "gocinder-rec-qos-type"})
	require.NoError(t, err)
	t.Cleanup(func() { _ = admin.Types.Delete(context.WithoutCancel(ctx), vt.ID) })
	sc.Alias(vt.ID, "00000000-0000-4000-8000-000000000011")
	require.NoError(t, q.Associate(ctx, a.ID, vt.ID))
	_, err = q.Associations(ctx, a.ID)
	require.NoError(t, err)
	save("associations")
	err = q.Associate(ctx, b.ID, vt.ID)
	require.ErrorIs(t, err, cinder.ErrBadRequest)
	save("error_associate_other")
	err = q.Associate(ctx, a.ID, "00000000-0000-4000-8000-00000000dead")
	require.ErrorIs(t, err, cinder.ErrNotFound)
	save("error_associate_404")
	_, err = q.Associations(ctx, "00000000-0000-4000-8000-00000000dead")
	require.ErrorIs(t, err, cinder.ErrNotFound)
	save("error_associations_404")
	err = q.Delete(ctx, a.ID, nil)
	require.ErrorIs(t, err, cinder.ErrBadRequest)
	save("error_delete_in_use")
	require.NoError(t, q.Disassociate(ctx, a.ID, vt.ID))
	err = q.Disassociate(ctx, a.ID, "00000000-0000-4000-8000-00000000dead")
	require.ErrorIs(t, err, cinder.ErrNotFound)
	save("error_disassociate_404")
	require.NoError(t, q.Associate(ctx, a.ID, vt.ID))
	require.NoError(t, q.DisassociateAll(ctx, a.ID))
	_, err = q.Associations(ctx, a.ID)
	require.NoError(t, err)
	save("associations_empty")
	err = q.DisassociateAll(ctx, "00000000-0000-4000-8000-00000000dead")
	require.ErrorIs(t, err, cinder.ErrNotFound)
	save("error_disassociate_all_404")
	require.NoError(t, q.Associate(ctx, a.ID, vt.ID))
	require.NoError(t, q.Delete(ctx, a.ID, &qos.DeleteOptions{Force: true}))
	require.NoError(t, q.Delete(ctx, b.ID, nil))
	err = q.Delete(ctx, b.ID, nil)
	require.ErrorIs(t, err, cinder.ErrNotFound)
	save("error_delete_404")
}
