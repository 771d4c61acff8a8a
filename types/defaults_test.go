package types_test

import (
	"net/http"
	"testing"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/internal/testutil"
	"github.com/gocinder/cinder/types"
)

// The default types live at /v3/default-types, without the project in the path.

func TestListDefaults(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.62")
	routeRoot(t, mock, testutil.Expect{Method: http.MethodGet, Path: "default-types", Version: "3.62"}, http.StatusOK, "types/default_list.json")
	got, err := c.Types.ListDefaults(t.Context())
	require.NoError(t, err)
	assert.Equal(t, []types.DefaultType{
		{ProjectID: demoProj, VolumeTypeID: "00000000-0000-4000-8000-000000000001"},
		{ProjectID: tmpProj, VolumeTypeID: pubID},
	}, got)
}

func TestListDefaultsError(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	routeRoot(t, mock, testutil.Expect{Method: http.MethodGet, Path: "default-types"}, http.StatusForbidden, "types/error_default_list_403.json")
	_, err := c.Types.ListDefaults(t.Context())
	testutil.RequireAPIError(t, err, http.StatusForbidden, cinder.ErrForbidden, "not authorized")
}

func TestGetDefault(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	routeRoot(t, mock, testutil.Expect{Method: http.MethodGet, Path: "default-types/" + tmpProj, Version: "3.70"}, http.StatusOK, "types/default_get.json")
	got, err := c.Types.GetDefault(t.Context(), tmpProj)
	require.NoError(t, err)
	assert.Equal(t, types.DefaultType{ProjectID: tmpProj, VolumeTypeID: pubID}, *got)

	_, err = c.Types.GetDefault(t.Context(), "")
	require.ErrorContains(t, err, "needs a project ID")
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestGetDefaultError(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	routeRoot(t, mock, testutil.Expect{Method: http.MethodGet, Path: "default-types/" + tmpProj}, http.StatusNotFound, "types/error_default_404.json")
	_, err := c.Types.GetDefault(t.Context(), tmpProj)
	testutil.RequireAPIError(t, err, http.StatusNotFound, cinder.ErrNotFound, "Default type for project")
}

func TestSetDefault(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.62")
	routeRoot(t, mock, testutil.Expect{Method: http.MethodPut, Path: "default-types/" + tmpProj, Version: "3.62",
		Body: `{"default_type":{"volume_type":"gocinder-rec-pub"}}`}, http.StatusOK, "types/default_set.json")
	got, err := c.Types.SetDefault(t.Context(), tmpProj, "gocinder-rec-pub")
	require.NoError(t, err)
	assert.Equal(t, types.DefaultType{ProjectID: tmpProj, VolumeTypeID: pubID}, *got)

	_, err = c.Types.SetDefault(t.Context(), tmpProj, "")
	require.ErrorContains(t, err, "needs a project ID and a volume type")
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestSetDefaultError(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	routeRoot(t, mock, testutil.Expect{Method: http.MethodPut, Path: "default-types/" + tmpProj,
		Body: `{"default_type":{"volume_type":"gocinder-rec-nosuch"}}`}, http.StatusBadRequest, "types/error_default_set.json")
	_, err := c.Types.SetDefault(t.Context(), tmpProj, "gocinder-rec-nosuch")
	testutil.RequireAPIError(t, err, http.StatusBadRequest, cinder.ErrBadRequest, "could not be found")
}

func TestUnsetDefault(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	routeRoot(t, mock, testutil.Expect{Method: http.MethodDelete, Path: "default-types/" + tmpProj, Version: "3.70"}, http.StatusNoContent, "")
	require.NoError(t, c.Types.UnsetDefault(t.Context(), tmpProj))
	require.ErrorContains(t, c.Types.UnsetDefault(t.Context(), ""), "needs a project ID")
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestUnsetDefaultError(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	routeRoot(t, mock, testutil.Expect{Method: http.MethodDelete, Path: "default-types/" + tmpProj}, http.StatusForbidden, "types/error_default_list_403.json")
	err := c.Types.UnsetDefault(t.Context(), tmpProj)
	testutil.RequireAPIError(t, err, http.StatusForbidden, cinder.ErrForbidden, "not authorized")
}

func TestDefaultsVersion(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.61")
	_, err := c.Types.ListDefaults(t.Context())
	testutil.RequireVersionError(t, err, "3.62")
	_, err = c.Types.GetDefault(t.Context(), tmpProj)
	testutil.RequireVersionError(t, err, "3.62")
	_, err = c.Types.SetDefault(t.Context(), tmpProj, pubID)
	testutil.RequireVersionError(t, err, "3.62")
	testutil.RequireVersionError(t, c.Types.UnsetDefault(t.Context(), tmpProj), "3.62")
	assert.Equal(t, 0, mock.GetTotalCallCount())
}

// TestDefaultsOnProjectlessEndpoint: an endpoint without a project in its
// path is already the v3 root.
func TestDefaultsOnProjectlessEndpoint(t *testing.T) {
	t.Parallel()
	mock := httpmock.NewMockTransport()
	c, err := cinder.New(t.Context(), cinder.Options{Endpoint: rootURL, Auth: cinder.Auth{Token: "tok"}, Microversion: "3.70",
		HTTPClient: &http.Client{Transport: mock}, MaxAttempts: 1})
	require.NoError(t, err)
	routeRoot(t, mock, testutil.Expect{Method: http.MethodGet, Path: "default-types"}, http.StatusOK, "types/default_list.json")
	got, err := c.Types.ListDefaults(t.Context())
	require.NoError(t, err)
	assert.Len(t, got, 2)
}
