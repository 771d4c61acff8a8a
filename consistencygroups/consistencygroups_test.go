package consistencygroups_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/consistencygroups"
	"github.com/gocinder/cinder/internal/testutil"
)

func TestGet(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "consistencygroups/" + g1ID, Version: "3.70"},
		http.StatusOK, "consistencygroups/get.json")
	g, err := c.ConsistencyGroups.Get(t.Context(), g1ID)
	require.NoError(t, err)
	assert.Equal(t, fixtureGroup(), *g)
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestGetError(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.0")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "consistencygroups/" + cg0ID, Version: "3.0"},
		http.StatusOK, "consistencygroups/get_error.json")
	g, err := c.ConsistencyGroups.Get(t.Context(), cg0ID)
	require.NoError(t, err)
	assert.Equal(t, consistencygroups.ConsistencyGroup{ID: cg0ID, Name: "cg-cg0", Description: "legacy",
		Status: consistencygroups.StatusError, AvailabilityZone: "nova", CreatedAt: stamp, VolumeTypes: []string{vtNowhereID}}, *g)
}

func TestGetNotFound(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "consistencygroups/" + deadID}, http.StatusNotFound,
		"consistencygroups/error_404.json")
	g, err := c.ConsistencyGroups.Get(t.Context(), deadID)
	assert.Nil(t, g)
	testutil.RequireAPIError(t, err, http.StatusNotFound, cinder.ErrNotFound, "Group "+deadID+" could not be found")
}

func TestCreate(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPost, Path: "consistencygroups", Version: "3.70",
		Body: `{"consistencygroup":{"name":"cg-cg0","description":"legacy","volume_types":"` + vtNowhereID + `,fast","availability_zone":"nova"}}`},
		http.StatusAccepted, "consistencygroups/create.json")
	g, err := c.ConsistencyGroups.Create(t.Context(), consistencygroups.CreateRequest{Name: "cg-cg0", Description: "legacy",
		VolumeTypes: []string{vtNowhereID, "fast"}, AvailabilityZone: "nova"})
	require.NoError(t, err)
	assert.Equal(t, consistencygroups.ConsistencyGroup{ID: cg0ID, Name: "cg-cg0"}, *g)
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestCreateErrors(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	_, err := c.ConsistencyGroups.Create(t.Context(), consistencygroups.CreateRequest{Name: "x"})
	require.ErrorContains(t, err, "cinder: creating a consistency group needs at least one volume type")
	assert.Zero(t, mock.GetTotalCallCount())
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPost, Path: "consistencygroups",
		Body: `{"consistencygroup":{"volume_types":"` + deadID + `"}}`}, http.StatusNotFound, "consistencygroups/error_create_404.json")
	_, err = c.ConsistencyGroups.Create(t.Context(), consistencygroups.CreateRequest{VolumeTypes: []string{deadID}})
	testutil.RequireAPIError(t, err, http.StatusNotFound, cinder.ErrNotFound, "Volume type "+deadID+" could not be found")
}

func TestCreateNotRetried(t *testing.T) {
	t.Parallel()
	c, mock := testutil.RetryingClient(t, "3.70")
	mock.RegisterResponder(http.MethodPost, testutil.URL("consistencygroups"), testutil.GatewayTimeout)
	_, err := c.ConsistencyGroups.Create(t.Context(), consistencygroups.CreateRequest{VolumeTypes: []string{vtID}})
	var apiErr *cinder.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, http.StatusGatewayTimeout, apiErr.StatusCode)
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestCreateFromSource(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name    string
		r       consistencygroups.CreateFromSourceRequest
		body    string
		fixture string
		want    consistencygroups.ConsistencyGroup
	}{
		{"cgsnapshot", consistencygroups.CreateFromSourceRequest{CGSnapshotID: cgs1ID, Name: "cg-g2", Description: "from cgsnapshot"},
			`{"consistencygroup-from-src":{"cgsnapshot_id":"` + cgs1ID + `","name":"cg-g2","description":"from cgsnapshot"}}`,
			"consistencygroups/create_from_cgsnapshot.json", consistencygroups.ConsistencyGroup{ID: g2ID, Name: "cg-g2"}},
		{"source group", consistencygroups.CreateFromSourceRequest{SourceCGID: g1ID, Name: "cg-g3"},
			`{"consistencygroup-from-src":{"source_cgid":"` + g1ID + `","name":"cg-g3"}}`,
			"consistencygroups/create_from_cg.json", consistencygroups.ConsistencyGroup{ID: g3ID, Name: "cg-g3"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c, mock := testutil.NewClient(t, "3.70")
			testutil.Route(t, mock, testutil.Expect{Method: http.MethodPost, Path: "consistencygroups/create_from_src",
				Version: "3.70", Body: tc.body}, http.StatusAccepted, tc.fixture)
			g, err := c.ConsistencyGroups.CreateFromSource(t.Context(), tc.r)
			require.NoError(t, err)
			assert.Equal(t, tc.want, *g)
			assert.Equal(t, 1, mock.GetTotalCallCount())
		})
	}
}

func TestCreateFromSourceErrors(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	for _, r := range []consistencygroups.CreateFromSourceRequest{{Name: "x"}, {CGSnapshotID: cgs1ID, SourceCGID: g1ID}} {
		_, err := c.ConsistencyGroups.CreateFromSource(t.Context(), r)
		require.ErrorContains(t, err, "needs either a cgsnapshot ID or a source consistency group ID")
	}
	assert.Zero(t, mock.GetTotalCallCount())
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPost, Path: "consistencygroups/create_from_src",
		Body: `{"consistencygroup-from-src":{"cgsnapshot_id":"` + deadID + `"}}`}, http.StatusNotFound,
		"consistencygroups/error_create_from_src_404.json")
	_, err := c.ConsistencyGroups.CreateFromSource(t.Context(), consistencygroups.CreateFromSourceRequest{CGSnapshotID: deadID})
	testutil.RequireAPIError(t, err, http.StatusNotFound, cinder.ErrNotFound, "GroupSnapshot "+deadID+" could not be found")
}

func TestUpdate(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name    string
		version string
		r       consistencygroups.UpdateRequest
		path    string
		body    string
	}{
		{"volumes", "3.0", consistencygroups.UpdateRequest{AddVolumes: []string{vol1ID, vol2ID}, RemoveVolumes: []string{deadID}},
			"consistencygroups/" + g1ID + "/update",
			`{"consistencygroup":{"add_volumes":"` + vol1ID + `,` + vol2ID + `","remove_volumes":"` + deadID + `"}}`},
		{"name and description", "3.70", consistencygroups.UpdateRequest{Name: new("cg-g1"), Description: new("first, updated")},
			"consistencygroups/" + g1ID + "/update", `{"consistencygroup":{"name":"cg-g1","description":"first, updated"}}`},
		{"clear with a volume change", "3.5", consistencygroups.UpdateRequest{Description: new(""), RemoveVolumes: []string{vol2ID}},
			"consistencygroups/" + g1ID + "/update", `{"consistencygroup":{"description":"","remove_volumes":"` + vol2ID + `"}}`},
		{"clear only", "3.6", consistencygroups.UpdateRequest{Name: new(""), Description: new("")},
			"consistencygroups/" + g1ID, `{"consistencygroup":{"name":"","description":""}}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c, mock := testutil.NewClient(t, tc.version)
			testutil.Route(t, mock, testutil.Expect{Method: http.MethodPut, Path: tc.path, Version: tc.version, Body: tc.body},
				http.StatusAccepted, "")
			require.NoError(t, c.ConsistencyGroups.Update(t.Context(), g1ID, tc.r))
			assert.Equal(t, 1, mock.GetTotalCallCount())
		})
	}
}

func TestUpdateClearVersion(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.5")
	err := c.ConsistencyGroups.Update(t.Context(), g1ID, consistencygroups.UpdateRequest{Description: new("")})
	testutil.RequireVersionError(t, err, "3.6")
	assert.Zero(t, mock.GetTotalCallCount())
}

func TestUpdateErrors(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	err := c.ConsistencyGroups.Update(t.Context(), g1ID, consistencygroups.UpdateRequest{})
	require.ErrorContains(t, err, "cinder: a consistency group update needs")
	assert.Zero(t, mock.GetTotalCallCount())
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPut, Path: "consistencygroups/" + g1ID + "/update",
		Body: `{"consistencygroup":{"add_volumes":"` + deadID + `"}}`}, http.StatusBadRequest, "consistencygroups/error_update.json")
	err = c.ConsistencyGroups.Update(t.Context(), g1ID, consistencygroups.UpdateRequest{AddVolumes: []string{deadID}})
	testutil.RequireAPIError(t, err, http.StatusBadRequest, cinder.ErrBadRequest, "because volume cannot be found")
}

func TestDelete(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		o    *consistencygroups.DeleteOptions
		body string
	}{
		{"nil options", nil, `{"consistencygroup":{"force":false}}`},
		{"force", &consistencygroups.DeleteOptions{Force: true}, `{"consistencygroup":{"force":true}}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c, mock := testutil.NewClient(t, "3.70")
			testutil.Route(t, mock, testutil.Expect{Method: http.MethodPost, Path: "consistencygroups/" + g1ID + "/delete",
				Version: "3.70", Body: tc.body}, http.StatusAccepted, "")
			require.NoError(t, c.ConsistencyGroups.Delete(t.Context(), g1ID, tc.o))
			assert.Equal(t, 1, mock.GetTotalCallCount())
		})
	}
}

func TestDeleteErrors(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPost, Path: "consistencygroups/" + g1ID + "/delete",
		Body: `{"consistencygroup":{"force":false}}`}, http.StatusBadRequest, "consistencygroups/error_delete.json")
	err := c.ConsistencyGroups.Delete(t.Context(), g1ID, nil)
	testutil.RequireAPIError(t, err, http.StatusBadRequest, cinder.ErrBadRequest, "Group has existing snapshots")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPost, Path: "consistencygroups/" + cg0ID + "/delete",
		Body: `{"consistencygroup":{"force":false}}`}, http.StatusNotFound, "consistencygroups/error_delete_404.json")
	err = c.ConsistencyGroups.Delete(t.Context(), cg0ID, nil)
	testutil.RequireAPIError(t, err, http.StatusNotFound, cinder.ErrNotFound, "could not be found")
}
