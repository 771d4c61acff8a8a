package services_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/internal/testutil"
	"github.com/gocinder/cinder/services"
)

const host = "cinder-host@backend"

var recorded = time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)

func TestList(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "os-services", Version: "3.70"}, http.StatusOK, "services/list.json")
	list, err := c.Services.List(t.Context(), nil)
	require.NoError(t, err)
	assert.Equal(t, []services.Service{
		{Binary: "cinder-backup", Host: "cinder-host", Zone: "nova", Status: services.StatusEnabled, State: services.StateUp, UpdatedAt: recorded},
		{Binary: "cinder-scheduler", Host: "cinder-host", Zone: "nova", Status: services.StatusEnabled, State: services.StateUp, UpdatedAt: recorded},
		{Binary: "cinder-volume", Host: host, Zone: "nova", Status: services.StatusEnabled, State: services.StateUp, UpdatedAt: recorded,
			ReplicationStatus: "disabled", BackendState: "up"},
		{Binary: "cinder-volume", Host: host, Zone: "nova", Status: services.StatusDisabled, State: services.StateDown, UpdatedAt: recorded,
			Cluster: "gocinder-rec-cluster", ReplicationStatus: "disabled"},
	}, list)
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestListFilters(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		opts  *services.ListOptions
		query string
	}{
		{&services.ListOptions{}, ""},
		{&services.ListOptions{Binary: services.BinaryVolume}, "binary=cinder-volume"},
		{&services.ListOptions{Host: "node1@lvm", Binary: services.BinaryVolume}, "binary=cinder-volume&host=node1%40lvm"},
	} {
		c, mock := testutil.NewClient(t, "3.0")
		testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "os-services", Query: tc.query, Version: "3.0"},
			http.StatusOK, "services/list_v30.json")
		list, err := c.Services.List(t.Context(), tc.opts)
		require.NoError(t, err, tc.query)
		assert.Len(t, list, 2, tc.query)
		assert.Equal(t, 1, mock.GetTotalCallCount(), tc.query)
	}
}

// TestListV30: before 3.7 there is no cluster, before 3.49 no backend_state.
func TestListV30(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.0")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "os-services", Query: "binary=cinder-volume"}, http.StatusOK, "services/list_v30.json")
	list, err := c.Services.List(t.Context(), &services.ListOptions{Binary: services.BinaryVolume})
	require.NoError(t, err)
	assert.Equal(t, []services.Service{
		{Binary: "cinder-volume", Host: host, Zone: "nova", Status: services.StatusEnabled, State: services.StateUp, UpdatedAt: recorded, ReplicationStatus: "disabled"},
		{Binary: "cinder-volume", Host: host, Zone: "nova", Status: services.StatusDisabled, State: services.StateDown, UpdatedAt: recorded, ReplicationStatus: "disabled"},
	}, list)
}

func TestListForbidden(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "os-services"}, http.StatusForbidden, "services/error_403.json")
	_, err := c.Services.List(t.Context(), nil)
	testutil.RequireAPIError(t, err, http.StatusForbidden, cinder.ErrForbidden, "volume_extension:services:index")
}

func TestEnable(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPut, Path: "os-services/enable", Version: "3.70",
		Body: `{"host":"cinder-host@backend","binary":"cinder-volume"}`}, http.StatusOK, "services/enable.json")
	got, err := c.Services.Enable(t.Context(), host, services.BinaryVolume)
	require.NoError(t, err)
	assert.Equal(t, services.StatusChange{Host: host, Binary: "cinder-volume", Status: services.StatusEnabled}, *got)
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestDisable(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		req     services.DisableRequest
		path    string
		body    string
		fixture string
		want    services.StatusChange
	}{
		{services.DisableRequest{Host: host, Binary: services.BinaryVolume}, "os-services/disable",
			`{"host":"cinder-host@backend","binary":"cinder-volume"}`, "services/disable.json",
			services.StatusChange{Host: host, Binary: "cinder-volume", Status: services.StatusDisabled, Disabled: true}},
		{services.DisableRequest{Host: host, Binary: services.BinaryVolume, Reason: "recorded"}, "os-services/disable-log-reason",
			`{"host":"cinder-host@backend","binary":"cinder-volume","disabled_reason":"recorded"}`, "services/disable_reason.json",
			services.StatusChange{Host: host, Binary: "cinder-volume", Status: services.StatusDisabled, Disabled: true, DisabledReason: "recorded"}},
	} {
		c, mock := testutil.NewClient(t, "3.0")
		testutil.Route(t, mock, testutil.Expect{Method: http.MethodPut, Path: tc.path, Version: "3.0", Body: tc.body}, http.StatusOK, tc.fixture)
		got, err := c.Services.Disable(t.Context(), tc.req)
		require.NoError(t, err, tc.path)
		assert.Equal(t, tc.want, *got, tc.path)
		assert.Equal(t, 1, mock.GetTotalCallCount(), tc.path)
	}
}

func TestDisableNotFound(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPut, Path: "os-services/disable",
		Body: `{"host":"nohost@none","binary":"cinder-volume"}`}, http.StatusNotFound, "services/error_disable_404.json")
	_, err := c.Services.Disable(t.Context(), services.DisableRequest{Host: "nohost@none", Binary: services.BinaryVolume})
	testutil.RequireAPIError(t, err, http.StatusNotFound, cinder.ErrNotFound, "could not be found on host nohost@none")

	c, mock = testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPut, Path: "os-services/enable",
		Body: `{"host":"nohost@none","binary":"cinder-volume"}`}, http.StatusNotFound, "services/error_disable_404.json")
	_, err = c.Services.Enable(t.Context(), "nohost@none", services.BinaryVolume)
	testutil.RequireAPIError(t, err, http.StatusNotFound, cinder.ErrNotFound, "could not be found")
}
