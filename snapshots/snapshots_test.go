package snapshots_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/internal/testutil"
	"github.com/gocinder/cinder/snapshots"
)

func TestGet(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "snapshots/" + snapID, Version: "3.70"},
		http.StatusOK, "snapshots/get.json")
	s, err := c.Snapshots.Get(t.Context(), snapID)
	require.NoError(t, err)
	assert.Equal(t, fixtureSnapshot(), *s)
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestGetAt30(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.0")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "snapshots/" + snapID, Version: "3.0"},
		http.StatusOK, "snapshots/get_v30.json")
	s, err := c.Snapshots.Get(t.Context(), snapID)
	require.NoError(t, err)
	want := fixtureSnapshot()
	want.UserID, want.ConsumesQuota = "", nil // not shown before 3.41 and 3.65
	assert.Equal(t, want, *s)
}

func TestGetNotFound(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "snapshots/nope"}, http.StatusNotFound, "snapshots/error_404.json")
	s, err := c.Snapshots.Get(t.Context(), "nope")
	assert.Nil(t, s)
	testutil.RequireAPIError(t, err, http.StatusNotFound, cinder.ErrNotFound, "could not be found")
	var apiErr *cinder.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "itemNotFound", apiErr.Code)
}

func TestCreate(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPost, Path: "snapshots", Version: "3.70",
		Body: `{"snapshot":{"volume_id":"` + volID + `","name":"sb-snap2","description":"nightly","metadata":{"purpose":"test"}}}`},
		http.StatusAccepted, "snapshots/create.json")
	s, err := c.Snapshots.Create(t.Context(), snapshots.CreateRequest{
		VolumeID: volID, Name: "sb-snap2", Description: "nightly", Metadata: map[string]string{"purpose": "test"}})
	require.NoError(t, err)
	want := fixtureSnapshot()
	// the create answer is the detail view without the extended attributes
	want.Status, want.UpdatedAt, want.ProjectID, want.Progress = snapshots.StatusCreating, time.Time{}, "", ""
	assert.Equal(t, want, *s)
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

// TestCreateForce reproduces Cinder's rule: before 3.66 force is sent as
// given; from 3.66 on true is dropped (Cinder ignores it) and false is
// refused before sending (Cinder answers it with a 400).
func TestCreateForce(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		version string
		force   *bool
		body    string // "" means refused
	}{
		{"3.65", nil, `{"snapshot":{"volume_id":"v"}}`},
		{"3.65", new(true), `{"snapshot":{"volume_id":"v","force":true}}`},
		{"3.65", new(false), `{"snapshot":{"volume_id":"v","force":false}}`},
		{"3.66", nil, `{"snapshot":{"volume_id":"v"}}`},
		{"3.66", new(true), `{"snapshot":{"volume_id":"v"}}`},
		{"3.70", new(true), `{"snapshot":{"volume_id":"v"}}`},
		{"3.66", new(false), ""},
		{"3.70", new(false), ""},
	} {
		c, mock := testutil.NewClient(t, tc.version)
		if tc.body != "" {
			testutil.Route(t, mock, testutil.Expect{Method: http.MethodPost, Path: "snapshots", Version: tc.version, Body: tc.body},
				http.StatusAccepted, "snapshots/create.json")
		}
		r := snapshots.CreateRequest{VolumeID: "v", Force: tc.force}
		_, err := c.Snapshots.Create(t.Context(), r)
		if tc.body == "" {
			require.Error(t, err, "%s force=%v", tc.version, *tc.force)
			assert.Contains(t, err.Error(), "force=false is refused from microversion 3.66")
			assert.Equal(t, 0, mock.GetTotalCallCount())
			continue
		}
		require.NoError(t, err, "%s", tc.version)
		assert.Equal(t, 1, mock.GetTotalCallCount(), "%s", tc.version)
		assert.Equal(t, tc.force, r.Force, "the caller's request is not modified")
	}
}

func TestCreateInUseError(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.65")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPost, Path: "snapshots", Version: "3.65",
		Body: `{"snapshot":{"volume_id":"` + volID + `"}}`}, http.StatusBadRequest, "snapshots/error_create_in_use.json")
	_, err := c.Snapshots.Create(t.Context(), snapshots.CreateRequest{VolumeID: volID})
	testutil.RequireAPIError(t, err, http.StatusBadRequest, cinder.ErrBadRequest, "status must be available")
}

func TestCreateNeedsVolume(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	_, err := c.Snapshots.Create(t.Context(), snapshots.CreateRequest{Name: "x"})
	require.ErrorContains(t, err, "volume ID")
	assert.Equal(t, 0, mock.GetTotalCallCount())
}

func TestUpdate(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPut, Path: "snapshots/" + snapID, Version: "3.70",
		Body: `{"snapshot":{"name":"sb-snap2-renamed","description":"weekly"}}`}, http.StatusOK, "snapshots/update.json")
	s, err := c.Snapshots.Update(t.Context(), snapID, snapshots.UpdateRequest{Name: new("sb-snap2-renamed"), Description: new("weekly")})
	require.NoError(t, err)
	want := fixtureSnapshot()
	want.Name, want.Description, want.ProjectID, want.Progress = "sb-snap2-renamed", "weekly", "", ""
	assert.Equal(t, want, *s)
}

func TestUpdateClearsDescription(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPut, Path: "snapshots/" + snapID,
		Body: `{"snapshot":{"description":""}}`}, http.StatusOK, "snapshots/update.json")
	_, err := c.Snapshots.Update(t.Context(), snapID, snapshots.UpdateRequest{Description: new("")})
	require.NoError(t, err)
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestUpdateNeedsAField(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	_, err := c.Snapshots.Update(t.Context(), snapID, snapshots.UpdateRequest{})
	require.ErrorContains(t, err, "name or a description")
	assert.Equal(t, 0, mock.GetTotalCallCount())
}

func TestUpdateNotFound(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPut, Path: "snapshots/nope", Body: `{"snapshot":{"name":"n"}}`},
		http.StatusNotFound, "snapshots/error_404.json")
	_, err := c.Snapshots.Update(t.Context(), "nope", snapshots.UpdateRequest{Name: new("n")})
	testutil.RequireAPIError(t, err, http.StatusNotFound, cinder.ErrNotFound, "could not be found")
}

func TestDelete(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodDelete, Path: "snapshots/" + snapID, Version: "3.70"},
		http.StatusAccepted, "")
	require.NoError(t, c.Snapshots.Delete(t.Context(), snapID))
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestDeleteNotFound(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodDelete, Path: "snapshots/nope"}, http.StatusNotFound, "snapshots/error_404.json")
	err := c.Snapshots.Delete(t.Context(), "nope")
	testutil.RequireAPIError(t, err, http.StatusNotFound, cinder.ErrNotFound, "could not be found")
}
