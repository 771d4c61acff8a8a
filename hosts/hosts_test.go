package hosts_test

import (
	"encoding/json"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/hosts"
	"github.com/gocinder/cinder/internal/testutil"
)

const backend = "cinder-host@backend"

var recorded = time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)

func TestList(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "os-hosts", Version: "3.70"}, http.StatusOK, "hosts/list.json")
	got, err := c.Hosts.List(t.Context(), "")
	require.NoError(t, err)
	assert.Equal(t, []hosts.Host{
		{Name: "cinder-host", Service: "cinder-backup", Zone: "nova", ServiceStatus: "available", ServiceState: "enabled", LastUpdate: recorded},
		{Name: "cinder-host", Service: "cinder-scheduler", Zone: "nova", ServiceStatus: "available", ServiceState: "enabled", LastUpdate: recorded},
		{Name: backend, Service: "cinder-volume", Zone: "nova", ServiceStatus: "available", ServiceState: "enabled", LastUpdate: recorded},
		{Name: backend, Service: "cinder-volume", Zone: "nova", ServiceStatus: "unavailable", ServiceState: "disabled", LastUpdate: recorded},
	}, got)
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestListZone(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.0")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "os-hosts", Query: "zone=nova", Version: "3.0"}, http.StatusOK, "hosts/list.json")
	got, err := c.Hosts.List(t.Context(), "nova")
	require.NoError(t, err)
	assert.Len(t, got, 4)
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestListForbidden(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "os-hosts"}, http.StatusForbidden, "hosts/error_403.json")
	_, err := c.Hosts.List(t.Context(), "")
	testutil.RequireAPIError(t, err, http.StatusForbidden, cinder.ErrForbidden, "Policy doesn't allow")
}

func TestGet(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "os-hosts/cinder-host@backend", Version: "3.70"}, http.StatusOK, "hosts/get.json")
	got, err := c.Hosts.Get(t.Context(), backend)
	require.NoError(t, err)
	assert.Equal(t, []hosts.Usage{
		{Host: backend, Project: hosts.Total, VolumeCount: 3, TotalVolumeGB: 3, SnapshotCount: 1, TotalSnapshotGB: 1},
		{Host: backend, Project: testutil.ProjectID, VolumeCount: 3, TotalVolumeGB: 3, SnapshotCount: 1, TotalSnapshotGB: 1},
	}, got)
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestGetErrors(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "os-hosts/nohost@none"}, http.StatusNotFound, "hosts/error_404.json")
	_, err := c.Hosts.Get(t.Context(), "nohost@none")
	testutil.RequireAPIError(t, err, http.StatusNotFound, cinder.ErrNotFound, "nohost@none")
	_, err = c.Hosts.Get(t.Context(), "")
	require.ErrorContains(t, err, "needs a host name")
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

// TestUsageNumbers: counts come as strings, numbers are taken too.
func TestUsageNumbers(t *testing.T) {
	t.Parallel()
	var u hosts.Usage
	require.NoError(t, json.Unmarshal([]byte(`{"volume_count": 2, "total_volume_gb": "10"}`), &u))
	assert.Equal(t, hosts.Usage{VolumeCount: 2, TotalVolumeGB: 10}, u)
	assert.Error(t, json.Unmarshal([]byte(`{"volume_count": "2.5"}`), &u))
	assert.Error(t, json.Unmarshal([]byte(`{"volume_count": "many"}`), &u))
}
