package cindertest_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	cinder "github.com/gocinder/cinder"
	"github.com/gocinder/cinder/cgsnapshots"
	"github.com/gocinder/cinder/cindertest"
	"github.com/gocinder/cinder/consistencygroups"
	"github.com/gocinder/cinder/volumes"
)

// TestConsistencyGroupsSDK drives every consistency group and cgsnapshot
// method of the SDK against the emulator.
func TestConsistencyGroupsSDK(t *testing.T) {
	t.Parallel()
	srv := cindertest.NewServer(cindertest.Options{})
	defer srv.Close()
	ctx := t.Context()
	c, err := srv.Client(ctx)
	require.NoError(t, err)

	cg, err := c.ConsistencyGroups.Create(ctx, consistencygroups.CreateRequest{VolumeTypes: []string{"__DEFAULT__"},
		Name: "cg1", Description: "first"})
	require.NoError(t, err)
	assert.Equal(t, "cg1", cg.Name)
	got, err := c.ConsistencyGroups.WaitForStatus(ctx, cg.ID, consistencygroups.StatusAvailable, nil)
	require.NoError(t, err)
	assert.Equal(t, "first", got.Description)
	assert.Len(t, got.VolumeTypes, 1)

	v, err := c.Volumes.Create(ctx, volumes.CreateRequest{Size: 1, Name: "cgv"})
	require.NoError(t, err)
	_, err = c.Volumes.WaitForStatus(ctx, v.ID, volumes.StatusAvailable, nil)
	require.NoError(t, err)
	require.NoError(t, c.ConsistencyGroups.Update(ctx, cg.ID, consistencygroups.UpdateRequest{
		Name: new("cg1b"), AddVolumes: []string{v.ID}}))
	_, err = c.ConsistencyGroups.WaitForStatus(ctx, cg.ID, consistencygroups.StatusAvailable, nil)
	require.NoError(t, err)
	err = c.ConsistencyGroups.Update(ctx, cg.ID, consistencygroups.UpdateRequest{AddVolumes: []string{"00000000-0000-4000-8000-00000000dead"}})
	assert.ErrorIs(t, err, cinder.ErrBadRequest)

	all, err := cinder.Collect(c.ConsistencyGroups.List(ctx, nil))
	require.NoError(t, err)
	require.Len(t, all, 1)
	assert.Equal(t, "cg1b", all[0].Name)
	refs, err := cinder.Collect(c.ConsistencyGroups.ListRefs(ctx, nil))
	require.NoError(t, err)
	assert.Equal(t, cg.ID, refs[0].ID)
	found, err := c.ConsistencyGroups.Find(ctx, "cg1b", nil)
	require.NoError(t, err)
	assert.Equal(t, cg.ID, found.ID)

	snap, err := c.CGSnapshots.Create(ctx, cgsnapshots.CreateRequest{ConsistencyGroupID: cg.ID, Name: "s1", Description: "nightly"})
	require.NoError(t, err)
	s1, err := c.CGSnapshots.WaitForStatus(ctx, snap.ID, cgsnapshots.StatusAvailable, nil)
	require.NoError(t, err)
	assert.Equal(t, cg.ID, s1.ConsistencyGroupID)
	snaps, err := cinder.Collect(c.CGSnapshots.List(ctx, nil))
	require.NoError(t, err)
	assert.Len(t, snaps, 1)
	_, err = c.CGSnapshots.Find(ctx, "s1", nil)
	require.NoError(t, err)

	err = c.ConsistencyGroups.Delete(ctx, cg.ID, nil)
	assert.ErrorIs(t, err, cinder.ErrBadRequest, "it has a cgsnapshot")

	clone, err := c.ConsistencyGroups.CreateFromSource(ctx, consistencygroups.CreateFromSourceRequest{CGSnapshotID: snap.ID, Name: "cg2"})
	require.NoError(t, err)
	_, err = c.ConsistencyGroups.WaitForStatus(ctx, clone.ID, consistencygroups.StatusAvailable, nil)
	require.NoError(t, err)
	copyCG, err := c.ConsistencyGroups.CreateFromSource(ctx, consistencygroups.CreateFromSourceRequest{SourceCGID: cg.ID, Name: "cg3"})
	require.NoError(t, err)
	_, err = c.ConsistencyGroups.WaitForStatus(ctx, copyCG.ID, consistencygroups.StatusAvailable, nil)
	require.NoError(t, err)
	_, err = c.ConsistencyGroups.CreateFromSource(ctx, consistencygroups.CreateFromSourceRequest{CGSnapshotID: "00000000-0000-4000-8000-00000000dead"})
	assert.ErrorIs(t, err, cinder.ErrNotFound)

	for _, id := range []string{clone.ID, copyCG.ID} {
		require.NoError(t, c.ConsistencyGroups.Delete(ctx, id, &consistencygroups.DeleteOptions{Force: true}))
		require.NoError(t, c.ConsistencyGroups.WaitForDeleted(ctx, id, nil))
	}
	require.NoError(t, c.CGSnapshots.Delete(ctx, snap.ID))
	require.NoError(t, c.CGSnapshots.WaitForDeleted(ctx, snap.ID, nil))
	require.NoError(t, c.ConsistencyGroups.Delete(ctx, cg.ID, &consistencygroups.DeleteOptions{Force: true}))
	require.NoError(t, c.ConsistencyGroups.WaitForDeleted(ctx, cg.ID, nil))
}

// The expected bodies are the real cloud's (testdata/consistencygroups, testdata/cgsnapshots).
func TestConsistencyGroupErrors(t *testing.T) {
	t.Parallel()
	e := newEnv(t, cindertest.Options{})
	dead := "00000000-0000-4000-8000-00000000dead"
	for _, tc := range []struct{ method, path, body, want string }{
		{"GET", "consistencygroups/" + dead, "", `{"itemNotFound": {"code": 404, "message": "Group ` + dead + ` could not be found."}}`},
		{"POST", "consistencygroups", `{"consistencygroup": {"volume_types": "` + dead + `"}}`, `{"itemNotFound": {"code": 404, "message": "Volume type ` + dead + ` could not be found."}}`},
		{"POST", "consistencygroups/create_from_src", `{"consistencygroup-from-src": {"cgsnapshot_id": "` + dead + `"}}`, `{"itemNotFound": {"code": 404, "message": "GroupSnapshot ` + dead + ` could not be found."}}`},
		{"POST", "consistencygroups/" + dead + "/delete", `{"consistencygroup": {"force": false}}`, `{"itemNotFound": {"code": 404, "message": "Group ` + dead + ` could not be found."}}`},
		{"GET", "cgsnapshots/" + dead, "", `{"itemNotFound": {"code": 404, "message": "GroupSnapshot ` + dead + ` could not be found."}}`},
		{"POST", "cgsnapshots", `{"cgsnapshot": {"consistencygroup_id": "` + dead + `"}}`, `{"itemNotFound": {"code": 404, "message": "Group ` + dead + ` could not be found."}}`},
		{"DELETE", "cgsnapshots/" + dead, "", `{"itemNotFound": {"code": 404, "message": "GroupSnapshot ` + dead + ` could not be found."}}`},
	} {
		r := e.do("demo", "", tc.method, tc.path, tc.body)
		assert.JSONEq(t, tc.want, string(r.body), tc.method+" "+tc.path)
	}
	r := e.do("demo", "", "POST", "consistencygroups", `{"consistencygroup": {"name": "x"}}`)
	assert.Equal(t, http.StatusBadRequest, r.code)
	assert.Contains(t, string(r.body), "volume_types must be provided to create consistency group x.")
}
