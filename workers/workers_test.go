package workers_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/internal/testutil"
	"github.com/gocinder/cinder/workers"
)

func TestCleanup(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.24")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPost, Path: "workers/cleanup", Version: "3.24",
		Body: `{"host":"cinder-host@backend"}`}, http.StatusAccepted, "workers/cleanup.json")
	got, err := c.Workers.Cleanup(t.Context(), workers.CleanupRequest{Host: "cinder-host@backend"})
	require.NoError(t, err)
	assert.Equal(t, workers.CleanupResult{
		Cleaning: []workers.Service{},
		Unavailable: []workers.Service{{ID: 4, Host: "cinder-host@backend", Binary: "cinder-volume",
			ClusterName: "gocinder-rec-cluster"}},
	}, *got)
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestCleanupBodies(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		req  workers.CleanupRequest
		body string
	}{
		{workers.CleanupRequest{}, `{}`},
		{workers.CleanupRequest{ClusterName: "c1", Binary: "cinder-volume", IsUp: new(false), Disabled: new(true)},
			`{"cluster_name":"c1","binary":"cinder-volume","is_up":false,"disabled":true}`},
		{workers.CleanupRequest{ResourceID: "00000000-0000-4000-8000-000000000001", ResourceType: workers.ResourceSnapshot, ServiceID: 7},
			`{"resource_id":"00000000-0000-4000-8000-000000000001","resource_type":"Snapshot","service_id":7}`},
	} {
		c, mock := testutil.NewClient(t, "3.70")
		testutil.Route(t, mock, testutil.Expect{Method: http.MethodPost, Path: "workers/cleanup", Body: tc.body}, http.StatusAccepted, "workers/cleanup.json")
		_, err := c.Workers.Cleanup(t.Context(), tc.req)
		require.NoError(t, err, tc.body)
		assert.Equal(t, 1, mock.GetTotalCallCount(), tc.body)
	}
}

func TestCleanupErrors(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		req      workers.CleanupRequest
		body     string
		status   int
		fixture  string
		sentinel error
		msg      string
	}{
		{workers.CleanupRequest{Host: "cinder-host@backend", ResourceType: "Backup"}, `{"host":"cinder-host@backend","resource_type":"Backup"}`,
			http.StatusBadRequest, "workers/error_400.json", cinder.ErrBadRequest, "must be Volume or Snapshot"},
		{workers.CleanupRequest{}, `{}`, http.StatusForbidden, "workers/error_403.json", cinder.ErrForbidden, "workers:cleanup"},
	} {
		c, mock := testutil.NewClient(t, "3.70")
		testutil.Route(t, mock, testutil.Expect{Method: http.MethodPost, Path: "workers/cleanup", Body: tc.body}, tc.status, tc.fixture)
		_, err := c.Workers.Cleanup(t.Context(), tc.req)
		testutil.RequireAPIError(t, err, tc.status, tc.sentinel, tc.msg)
	}
}

// TestCleanupStatus: Cinder answers 202; a 200 is not what it documents.
func TestCleanupStatus(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPost, Path: "workers/cleanup", Body: `{}`}, http.StatusOK, "workers/cleanup.json")
	_, err := c.Workers.Cleanup(t.Context(), workers.CleanupRequest{})
	require.Error(t, err)
}

func TestCleanupVersion(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.23")
	_, err := c.Workers.Cleanup(t.Context(), workers.CleanupRequest{})
	testutil.RequireVersionError(t, err, "3.24")
	assert.Equal(t, 0, mock.GetTotalCallCount())
}
