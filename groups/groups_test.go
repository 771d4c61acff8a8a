package groups_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/groups"
	"github.com/gocinder/cinder/internal/testutil"
)

func TestGet(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "groups/" + g1ID, Version: "3.70"}, http.StatusOK, "groups/get.json")
	g, err := c.Groups.Get(t.Context(), g1ID)
	require.NoError(t, err)
	assert.Equal(t, fixtureGroup(), *g)
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestGetAt313(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.13")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "groups/" + g1ID, Version: "3.13"}, http.StatusOK, "groups/get_v313.json")
	g, err := c.Groups.Get(t.Context(), g1ID)
	require.NoError(t, err)
	want := fixtureGroup()
	want.ReplicationStatus, want.ProjectID = "", "" // since 3.38 and 3.58
	assert.Equal(t, want, *g)
}

func TestGetFromSource(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "groups/" + g2ID}, http.StatusOK, "groups/get_from_snapshot.json")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "groups/" + g3ID}, http.StatusOK, "groups/get_from_group.json")
	g, err := c.Groups.Get(t.Context(), g2ID)
	require.NoError(t, err)
	want := fixtureGroup()
	want.ID, want.Name, want.Description, want.GroupSnapshotID = g2ID, "grp-g2", "from snapshot", gs1ID
	assert.Equal(t, want, *g)
	g, err = c.Groups.Get(t.Context(), g3ID)
	require.NoError(t, err)
	want.ID, want.Name, want.Description, want.GroupSnapshotID, want.SourceGroupID = g3ID, "grp-g3", "", "", g1ID
	assert.Equal(t, want, *g)
}

func TestGetNotFound(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "groups/" + deadID}, http.StatusNotFound, "groups/error_404.json")
	g, err := c.Groups.Get(t.Context(), deadID)
	assert.Nil(t, g)
	testutil.RequireAPIError(t, err, http.StatusNotFound, cinder.ErrNotFound, "could not be found")
}

func TestGetWithVolumes(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "groups/" + g1ID, Query: "list_volume=True", Version: "3.70"},
		http.StatusOK, "groups/get_volumes.json")
	g, err := c.Groups.GetWithVolumes(t.Context(), g1ID)
	require.NoError(t, err)
	want := fixtureGroup()
	want.Volumes = []string{vol1ID, vol2ID}
	assert.Equal(t, want, *g)

	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "groups/" + deadID, Query: "list_volume=True"},
		http.StatusNotFound, "groups/error_404.json")
	_, err = c.Groups.GetWithVolumes(t.Context(), deadID)
	testutil.RequireAPIError(t, err, http.StatusNotFound, cinder.ErrNotFound, "could not be found")
}

func TestGetWithVolumesVersion(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.24")
	_, err := c.Groups.GetWithVolumes(t.Context(), g1ID)
	testutil.RequireVersionError(t, err, "3.25")
	assert.Zero(t, mock.GetTotalCallCount())
}

func TestCreate(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPost, Path: "groups", Version: "3.70",
		Body: `{"group":{"name":"grp-g1","description":"first","group_type":"` + gtID + `","volume_types":["` + vtID + `"]}}`},
		http.StatusAccepted, "groups/create.json")
	g, err := c.Groups.Create(t.Context(), groups.CreateRequest{Name: "grp-g1", Description: "first", GroupType: gtID, VolumeTypes: []string{vtID}})
	require.NoError(t, err)
	assert.Equal(t, groups.Group{ID: g1ID, Name: "grp-g1"}, *g)
}

func TestCreateErrors(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	for _, r := range []groups.CreateRequest{{GroupType: gtID}, {VolumeTypes: []string{vtID}}} {
		_, err := c.Groups.Create(t.Context(), r)
		require.ErrorContains(t, err, "needs a group type and at least one volume type")
	}
	assert.Zero(t, mock.GetTotalCallCount())
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPost, Path: "groups",
		Body: `{"group":{"group_type":"` + deadID + `","volume_types":["` + vtID + `"],"availability_zone":"nova"}}`},
		http.StatusNotFound, "groups/error_create_404.json")
	_, err := c.Groups.Create(t.Context(), groups.CreateRequest{GroupType: deadID, VolumeTypes: []string{vtID}, AvailabilityZone: "nova"})
	testutil.RequireAPIError(t, err, http.StatusNotFound, cinder.ErrNotFound, "Group type "+deadID+" could not be found")
}

func TestCreateFromSource(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		r       groups.CreateFromSourceRequest
		body    string
		fixture string
		want    groups.Group
	}{
		{groups.CreateFromSourceRequest{GroupSnapshotID: gs1ID, Name: "grp-g2", Description: "from snapshot"},
			`{"create-from-src":{"group_snapshot_id":"` + gs1ID + `","name":"grp-g2","description":"from snapshot"}}`,
			"groups/create_from_snapshot.json", groups.Group{ID: g2ID, Name: "grp-g2"}},
		{groups.CreateFromSourceRequest{SourceGroupID: g1ID, Name: "grp-g3"},
			`{"create-from-src":{"source_group_id":"` + g1ID + `","name":"grp-g3"}}`,
			"groups/create_from_group.json", groups.Group{ID: g3ID, Name: "grp-g3"}},
	} {
		c, mock := testutil.NewClient(t, "3.14")
		testutil.Route(t, mock, testutil.Expect{Method: http.MethodPost, Path: "groups/action", Version: "3.14", Body: tc.body},
			http.StatusAccepted, tc.fixture)
		g, err := c.Groups.CreateFromSource(t.Context(), tc.r)
		require.NoError(t, err)
		assert.Equal(t, tc.want, *g)
	}
}

func TestCreateFromSourceErrors(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	for _, r := range []groups.CreateFromSourceRequest{{}, {GroupSnapshotID: gs1ID, SourceGroupID: g1ID}} {
		_, err := c.Groups.CreateFromSource(t.Context(), r)
		require.ErrorContains(t, err, "either a group snapshot ID or a source group ID")
	}
	assert.Zero(t, mock.GetTotalCallCount())
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPost, Path: "groups/action",
		Body: `{"create-from-src":{"group_snapshot_id":"` + deadID + `"}}`}, http.StatusNotFound, "groups/error_create_from_src_404.json")
	_, err := c.Groups.CreateFromSource(t.Context(), groups.CreateFromSourceRequest{GroupSnapshotID: deadID})
	testutil.RequireAPIError(t, err, http.StatusNotFound, cinder.ErrNotFound, "GroupSnapshot "+deadID+" could not be found")

	old, mock := testutil.NewClient(t, "3.13")
	_, err = old.Groups.CreateFromSource(t.Context(), groups.CreateFromSourceRequest{SourceGroupID: g1ID})
	testutil.RequireVersionError(t, err, "3.14")
	assert.Zero(t, mock.GetTotalCallCount())
}

func TestUpdate(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		r    groups.UpdateRequest
		body string
	}{
		{groups.UpdateRequest{AddVolumes: []string{vol2ID}}, `{"group":{"add_volumes":"` + vol2ID + `"}}`},
		{groups.UpdateRequest{RemoveVolumes: []string{vol1ID, vol2ID}, Name: new("grp-g1"), Description: new("first, updated")},
			`{"group":{"remove_volumes":"` + vol1ID + `,` + vol2ID + `","name":"grp-g1","description":"first, updated"}}`},
		{groups.UpdateRequest{Description: new("")}, `{"group":{"description":""}}`},
	} {
		c, mock := testutil.NewClient(t, "3.70")
		testutil.Route(t, mock, testutil.Expect{Method: http.MethodPut, Path: "groups/" + g1ID, Version: "3.70", Body: tc.body},
			http.StatusAccepted, "")
		require.NoError(t, c.Groups.Update(t.Context(), g1ID, tc.r))
		assert.Equal(t, 1, mock.GetTotalCallCount())
	}
}

func TestUpdateErrors(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	err := c.Groups.Update(t.Context(), g1ID, groups.UpdateRequest{AddVolumes: []string{}})
	require.ErrorContains(t, err, "a group update needs")
	assert.Zero(t, mock.GetTotalCallCount())
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPut, Path: "groups/" + g1ID,
		Body: `{"group":{"add_volumes":"` + deadID + `"}}`}, http.StatusBadRequest, "groups/error_update.json")
	err = c.Groups.Update(t.Context(), g1ID, groups.UpdateRequest{AddVolumes: []string{deadID}})
	testutil.RequireAPIError(t, err, http.StatusBadRequest, cinder.ErrBadRequest, "volume cannot be found")
}

func TestDelete(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		o    *groups.DeleteOptions
		body string
	}{
		{nil, `{"delete":{"delete-volumes":false}}`},
		{&groups.DeleteOptions{}, `{"delete":{"delete-volumes":false}}`},
		{&groups.DeleteOptions{DeleteVolumes: true}, `{"delete":{"delete-volumes":true}}`},
	} {
		c, mock := testutil.NewClient(t, "3.70")
		testutil.Route(t, mock, testutil.Expect{Method: http.MethodPost, Path: "groups/" + g1ID + "/action", Version: "3.70", Body: tc.body},
			http.StatusAccepted, "")
		require.NoError(t, c.Groups.Delete(t.Context(), g1ID, tc.o))
		assert.Equal(t, 1, mock.GetTotalCallCount())
	}
}

func TestDeleteError(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPost, Path: "groups/" + g1ID + "/action",
		Body: `{"delete":{"delete-volumes":false}}`}, http.StatusBadRequest, "groups/error_delete_snapshots.json")
	err := c.Groups.Delete(t.Context(), g1ID, nil)
	testutil.RequireAPIError(t, err, http.StatusBadRequest, cinder.ErrBadRequest, "Group has existing snapshots")
}
