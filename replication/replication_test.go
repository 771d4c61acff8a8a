package replication_test

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/internal/testutil"
	"github.com/gocinder/cinder/replication"
	"github.com/gocinder/cinder/services"
)

const host = "cinder-host@backend"

func TestStatus(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "os-services", Query: "binary=cinder-volume&host=" + url.QueryEscape(host)},
		http.StatusOK, "services/list.json")
	got, err := c.Replication.Status(t.Context(), host)
	require.NoError(t, err)
	var volumeServices []string
	for _, s := range got {
		if s.Binary == services.BinaryVolume {
			volumeServices = append(volumeServices, s.ReplicationStatus)
		}
	}
	assert.Equal(t, []string{"disabled", "disabled"}, volumeServices)
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestFreezeThaw(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		version string
		target  replication.Target
		body    string
	}{
		{"3.0", replication.Target{Host: host}, `{"host":"cinder-host@backend"}`},
		{"3.26", replication.Target{Cluster: "c1"}, `{"cluster":"c1"}`},
	} {
		c, mock := testutil.NewClient(t, tc.version)
		testutil.Route(t, mock, testutil.Expect{Method: http.MethodPut, Path: "os-services/freeze", Version: tc.version, Body: tc.body}, http.StatusOK, "")
		testutil.Route(t, mock, testutil.Expect{Method: http.MethodPut, Path: "os-services/thaw", Version: tc.version, Body: tc.body}, http.StatusOK, "")
		require.NoError(t, c.Replication.Freeze(t.Context(), tc.target), tc.body)
		require.NoError(t, c.Replication.Thaw(t.Context(), tc.target), tc.body)
		assert.Equal(t, 2, mock.GetTotalCallCount(), tc.body)
	}
}

func TestFreezeThawErrors(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPut, Path: "os-services/freeze", Body: `{"host":"nohost@none"}`},
		http.StatusBadRequest, "services/error_freeze.json")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPut, Path: "os-services/thaw", Body: `{"host":"cinder-host@backend"}`},
		http.StatusBadRequest, "services/error_thaw.json")
	err := c.Replication.Freeze(t.Context(), replication.Target{Host: "nohost@none"})
	testutil.RequireAPIError(t, err, http.StatusBadRequest, cinder.ErrBadRequest, "No service found with host=nohost@none")
	err = c.Replication.Thaw(t.Context(), replication.Target{Host: host})
	testutil.RequireAPIError(t, err, http.StatusBadRequest, cinder.ErrBadRequest, "must be True")
	assert.Equal(t, 2, mock.GetTotalCallCount())
}

// TestTargetChecks: exactly one of host and cluster; a cluster needs 3.26.
func TestTargetChecks(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.25")
	for _, tg := range []replication.Target{{}, {Host: host, Cluster: "c1"}} {
		assert.ErrorContains(t, c.Replication.Freeze(t.Context(), tg), "needs a host or a cluster, not both")
		assert.ErrorContains(t, c.Replication.Thaw(t.Context(), tg), "needs a host or a cluster, not both")
		assert.ErrorContains(t, c.Replication.Failover(t.Context(), replication.FailoverRequest{Target: tg}), "needs a host or a cluster, not both")
	}
	testutil.RequireVersionError(t, c.Replication.Freeze(t.Context(), replication.Target{Cluster: "c1"}), "3.26")
	testutil.RequireVersionError(t, c.Replication.Thaw(t.Context(), replication.Target{Cluster: "c1"}), "3.26")
	testutil.RequireVersionError(t, c.Replication.Failover(t.Context(), replication.FailoverRequest{Target: replication.Target{Cluster: "c1"}}), "3.26")
	assert.Equal(t, 0, mock.GetTotalCallCount())
}

func TestFailover(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		version string
		req     replication.FailoverRequest
		path    string
		body    string
	}{
		{"3.0", replication.FailoverRequest{Target: replication.Target{Host: host}}, "os-services/failover_host", `{"host":"cinder-host@backend"}`},
		{"3.25", replication.FailoverRequest{Target: replication.Target{Host: host}, BackendID: "default"}, "os-services/failover_host",
			`{"host":"cinder-host@backend","backend_id":"default"}`},
		{"3.26", replication.FailoverRequest{Target: replication.Target{Cluster: "c1"}, BackendID: "s1"}, "os-services/failover",
			`{"cluster":"c1","backend_id":"s1"}`},
	} {
		c, mock := testutil.NewClient(t, tc.version)
		testutil.Route(t, mock, testutil.Expect{Method: http.MethodPut, Path: tc.path, Version: tc.version, Body: tc.body}, http.StatusAccepted, "")
		require.NoError(t, c.Replication.Failover(t.Context(), tc.req), tc.body)
		assert.Equal(t, 1, mock.GetTotalCallCount(), tc.body)
	}
}

func TestFailoverErrors(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPut, Path: "os-services/failover",
		Body: `{"host":"cinder-host@backend","backend_id":"secondary"}`}, http.StatusBadRequest, "services/error_failover.json")
	err := c.Replication.Failover(t.Context(), replication.FailoverRequest{Target: replication.Target{Host: host}, BackendID: "secondary"})
	testutil.RequireAPIError(t, err, http.StatusBadRequest, cinder.ErrBadRequest, "must be ['enabled', 'failed-over']")

	c, mock = testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPut, Path: "os-services/failover",
		Body: `{"cluster":"gocinder-rec-cluster"}`}, http.StatusBadRequest, "services/error_failover_cluster.json")
	err = c.Replication.Failover(t.Context(), replication.FailoverRequest{Target: replication.Target{Cluster: "gocinder-rec-cluster"}})
	testutil.RequireAPIError(t, err, http.StatusBadRequest, cinder.ErrBadRequest, "replication_status in gocinder-rec-cluster")
}
