package backups_test

import (
	"net/http"
	"testing"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/backups"
	"github.com/gocinder/cinder/internal/testutil"
)

func TestGet(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "backups/" + bak1, Version: "3.70"}, http.StatusOK, "backups/get.json")
	b, err := c.Backups.Get(t.Context(), bak1)
	require.NoError(t, err)
	assert.Equal(t, fixtureBackup(), *b)
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestGetAt30(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.0")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "backups/" + bak1, Version: "3.0"}, http.StatusOK, "backups/get_v30.json")
	b, err := c.Backups.Get(t.Context(), bak1)
	require.NoError(t, err)
	want := fixtureBackup()
	want.Metadata, want.ProjectID, want.UserID = nil, "", "" // shown from 3.43, 3.18, 3.56
	assert.Equal(t, want, *b)
}

func TestGetFromSnapshot(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "backups/" + bak3}, http.StatusOK, "backups/get_from_snapshot.json")
	b, err := c.Backups.Get(t.Context(), bak3)
	require.NoError(t, err)
	assert.Equal(t, backups.Backup{
		ID: bak3, Name: "sb-bak3", Status: backups.StatusAvailable, Size: 1, ObjectCount: 1,
		Container: "00/00/" + bak3, CreatedAt: stamp, UpdatedAt: stamp, DataTimestamp: stamp, VolumeID: volID, SnapshotID: snapID,
		Links: links(bak3), Metadata: map[string]string{}, ProjectID: projectID, UserID: userID,
	}, *b)
}

func TestGetNotFound(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "backups/nope"}, http.StatusNotFound, "backups/error_404.json")
	_, err := c.Backups.Get(t.Context(), "nope")
	testutil.RequireAPIError(t, err, http.StatusNotFound, cinder.ErrNotFound, "could not be found")
}

func TestCreate(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPost, Path: "backups", Version: "3.70",
		Body: `{"backup":{"volume_id":"` + volID + `","name":"sb-bak1","description":"full","container":"sb-container","metadata":{"env":"test"}}}`},
		http.StatusAccepted, "backups/create.json")
	b, err := c.Backups.Create(t.Context(), backups.CreateRequest{VolumeID: volID, Name: "sb-bak1", Description: "full",
		Container: "sb-container", Metadata: map[string]string{"env": "test"}})
	require.NoError(t, err)
	assert.Equal(t, ref(bak1, "sb-bak1"), *b)
}

func TestCreateShapes(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name    string
		version string
		req     backups.CreateRequest
		body    string
		fixture string
		want    backups.Backup
	}{
		{"incremental", "3.0", backups.CreateRequest{VolumeID: volID, Name: "sb-bak2", Incremental: true, Container: "sb-container"},
			`{"backup":{"volume_id":"` + volID + `","name":"sb-bak2","incremental":true,"container":"sb-container"}}`,
			"backups/create_incremental.json", ref(bak2, "sb-bak2")},
		{"from snapshot in a zone", "3.51", backups.CreateRequest{VolumeID: volID, SnapshotID: snapID, Name: "sb-bak3", AvailabilityZone: "nova"},
			`{"backup":{"volume_id":"` + volID + `","snapshot_id":"` + snapID + `","name":"sb-bak3","availability_zone":"nova"}}`,
			"backups/create_from_snapshot.json", ref(bak3, "sb-bak3")},
		{"forced", "3.43", backups.CreateRequest{VolumeID: volID, Force: true, Metadata: map[string]string{}},
			`{"backup":{"volume_id":"` + volID + `","force":true}}`, "backups/create.json", ref(bak1, "sb-bak1")},
	} {
		c, mock := testutil.NewClient(t, tc.version)
		testutil.Route(t, mock, testutil.Expect{Method: http.MethodPost, Path: "backups", Version: tc.version, Body: tc.body},
			http.StatusAccepted, tc.fixture)
		b, err := c.Backups.Create(t.Context(), tc.req)
		require.NoError(t, err, tc.name)
		assert.Equal(t, tc.want, *b, tc.name)
	}
}

func TestCreateVersions(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		version string
		req     backups.CreateRequest
		need    string
	}{
		{"3.42", backups.CreateRequest{VolumeID: volID, Metadata: map[string]string{"a": "b"}}, "3.43"},
		{"3.50", backups.CreateRequest{VolumeID: volID, AvailabilityZone: "nova"}, "3.51"},
	} {
		c, mock := testutil.NewClient(t, tc.version)
		_, err := c.Backups.Create(t.Context(), tc.req)
		testutil.RequireVersionError(t, err, tc.need)
		assert.Equal(t, 0, mock.GetTotalCallCount())
	}
	c, mock := testutil.NewClient(t, "3.70")
	_, err := c.Backups.Create(t.Context(), backups.CreateRequest{Name: "x"})
	require.ErrorContains(t, err, "volume ID")
	assert.Equal(t, 0, mock.GetTotalCallCount())
}

// TestCreateError replays Cinder's answer to an option it does not know at
// the request's microversion (what Create's own check prevents).
func TestCreateError(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPost, Path: "backups", Body: `{"backup":{"volume_id":"` + volID + `"}}`},
		http.StatusBadRequest, "backups/error_create_az.json")
	_, err := c.Backups.Create(t.Context(), backups.CreateRequest{VolumeID: volID})
	testutil.RequireAPIError(t, err, http.StatusBadRequest, cinder.ErrBadRequest, "Additional properties are not allowed")
}

func TestCreateIsNotRetried(t *testing.T) {
	t.Parallel()
	mock := httpmock.NewMockTransport()
	mock.RegisterResponder(http.MethodPost, testutil.URL("backups"), testutil.JSONResponder(t, http.StatusGatewayTimeout, ""))
	c, err := cinder.New(t.Context(), cinder.Options{Endpoint: testutil.Endpoint, Auth: cinder.Auth{Token: "t"}, Microversion: "3.70",
		HTTPClient: &http.Client{Transport: mock}, MaxAttempts: 3}) // retries on, unlike testutil.NewClient
	require.NoError(t, err)
	_, err = c.Backups.Create(t.Context(), backups.CreateRequest{VolumeID: volID})
	require.ErrorIs(t, err, cinder.ErrServer)
	var me *cinder.MayExistError
	require.ErrorAs(t, err, &me, "a 504 may follow the server's work: the backup may exist")
	assert.Equal(t, "backup", me.Kind)
	assert.Equal(t, 1, mock.GetTotalCallCount(), "a POST /backups answered 504 is sent once")
}

func TestUpdate(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPut, Path: "backups/" + bak1, Version: "3.70",
		Body: `{"backup":{"name":"sb-bak1-renamed","description":"full, renamed","metadata":{"env":"prod"}}}`},
		http.StatusOK, "backups/update.json")
	b, err := c.Backups.Update(t.Context(), bak1, backups.UpdateRequest{Name: new("sb-bak1-renamed"),
		Description: new("full, renamed"), Metadata: map[string]string{"env": "prod"}})
	require.NoError(t, err)
	assert.Equal(t, ref(bak1, "sb-bak1-renamed"), *b)
}

func TestUpdateVersions(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.8")
	_, err := c.Backups.Update(t.Context(), bak1, backups.UpdateRequest{Name: new("x")})
	testutil.RequireVersionError(t, err, "3.9")
	c, mock2 := testutil.NewClient(t, "3.42")
	_, err = c.Backups.Update(t.Context(), bak1, backups.UpdateRequest{Metadata: map[string]string{"a": "b"}})
	testutil.RequireVersionError(t, err, "3.43")
	assert.Equal(t, 0, mock.GetTotalCallCount()+mock2.GetTotalCallCount())

	c, mock = testutil.NewClient(t, "3.9")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPut, Path: "backups/" + bak1, Version: "3.9", Body: `{"backup":{"description":""}}`},
		http.StatusOK, "backups/update.json")
	_, err = c.Backups.Update(t.Context(), bak1, backups.UpdateRequest{Description: new("")})
	require.NoError(t, err)
}

// TestUpdateError replays Cinder's answer to a PUT below 3.9.
func TestUpdateError(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPut, Path: "backups/" + bak1, Body: `{"backup":{"name":"x"}}`},
		http.StatusNotFound, "backups/error_update_404.json")
	_, err := c.Backups.Update(t.Context(), bak1, backups.UpdateRequest{Name: new("x")})
	testutil.RequireAPIError(t, err, http.StatusNotFound, cinder.ErrNotFound, "could not be found")
}

func TestDelete(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodDelete, Path: "backups/" + bak2, Version: "3.70"}, http.StatusAccepted, "")
	require.NoError(t, c.Backups.Delete(t.Context(), bak2))
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestDeleteWithDependents(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodDelete, Path: "backups/" + bak1}, http.StatusBadRequest, "backups/error_delete_dependent.json")
	err := c.Backups.Delete(t.Context(), bak1)
	testutil.RequireAPIError(t, err, http.StatusBadRequest, cinder.ErrBadRequest, "Incremental backups exist")
}
