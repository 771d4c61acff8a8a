package clusters_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/clusters"
	"github.com/gocinder/cinder/internal/testutil"
)

const name = "gocinder-rec-cluster"

var recorded = time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)

// detail is testdata/clusters/get.json decoded.
func detail() clusters.Cluster {
	return clusters.Cluster{Name: name, Binary: "cinder-volume", State: clusters.StateDown, Status: clusters.StatusEnabled,
		NumHosts: 1, NumDownHosts: 1, LastHeartbeat: recorded, CreatedAt: recorded, UpdatedAt: recorded,
		ReplicationStatus: "disabled"}
}

func TestGet(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "clusters/" + name, Version: "3.70"}, http.StatusOK, "clusters/get.json")
	got, err := c.Clusters.Get(t.Context(), name, "")
	require.NoError(t, err)
	assert.Equal(t, detail(), *got)
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestGetBinary(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.7")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "clusters/a%2Fb", Query: "binary=cinder-volume", Version: "3.7"},
		http.StatusOK, "clusters/get.json")
	_, err := c.Clusters.Get(t.Context(), "a/b", "cinder-volume")
	require.NoError(t, err)
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestGetErrors(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "clusters/nocluster"}, http.StatusNotFound, "clusters/error_404.json")
	_, err := c.Clusters.Get(t.Context(), "nocluster", "")
	testutil.RequireAPIError(t, err, http.StatusNotFound, cinder.ErrNotFound, "'name': 'nocluster'} could not be found")
	_, err = c.Clusters.Get(t.Context(), "", "")
	require.ErrorContains(t, err, "needs a cluster name")
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestEnable(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPut, Path: "clusters/enable", Version: "3.70",
		Body: `{"name":"gocinder-rec-cluster","binary":"cinder-volume"}`}, http.StatusOK, "clusters/enable.json")
	got, err := c.Clusters.Enable(t.Context(), name, "cinder-volume")
	require.NoError(t, err)
	assert.Equal(t, clusters.Cluster{Name: name, Binary: "cinder-volume", State: clusters.StateDown, Status: clusters.StatusEnabled,
		ReplicationStatus: "disabled"}, *got)
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestDisable(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPut, Path: "clusters/disable", Version: "3.70",
		Body: `{"name":"gocinder-rec-cluster","disabled_reason":"recorded"}`}, http.StatusOK, "clusters/disable.json")
	got, err := c.Clusters.Disable(t.Context(), clusters.DisableRequest{Name: name, Reason: "recorded"})
	require.NoError(t, err)
	assert.Equal(t, clusters.Cluster{Name: name, Binary: "cinder-volume", State: clusters.StateDown, Status: clusters.StatusDisabled,
		DisabledReason: "recorded", ReplicationStatus: "disabled"}, *got)
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestEnableDisableErrors(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPut, Path: "clusters/enable", Body: `{"name":"nocluster"}`},
		http.StatusNotFound, "clusters/error_enable_404.json")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPut, Path: "clusters/disable", Body: `{"name":"nocluster"}`},
		http.StatusForbidden, "clusters/error_403.json")
	_, err := c.Clusters.Enable(t.Context(), "nocluster", "")
	testutil.RequireAPIError(t, err, http.StatusNotFound, cinder.ErrNotFound, "could not be found")
	_, err = c.Clusters.Disable(t.Context(), clusters.DisableRequest{Name: "nocluster"})
	testutil.RequireAPIError(t, err, http.StatusForbidden, cinder.ErrForbidden, "Policy doesn't allow")
	_, err = c.Clusters.Enable(t.Context(), "", "")
	require.ErrorContains(t, err, "needs a cluster name")
	_, err = c.Clusters.Disable(t.Context(), clusters.DisableRequest{Reason: "x"})
	require.ErrorContains(t, err, "needs a cluster name")
	assert.Equal(t, 2, mock.GetTotalCallCount())
}

func TestVersion(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.6")
	_, err := c.Clusters.Get(t.Context(), name, "")
	testutil.RequireVersionError(t, err, "3.7")
	_, err = c.Clusters.Enable(t.Context(), name, "")
	testutil.RequireVersionError(t, err, "3.7")
	_, err = c.Clusters.Disable(t.Context(), clusters.DisableRequest{Name: name})
	testutil.RequireVersionError(t, err, "3.7")
	_, err = c.Clusters.List(t.Context(), nil)
	testutil.RequireVersionError(t, err, "3.7")
	_, err = c.Clusters.ListSummary(t.Context(), &clusters.ListOptions{Frozen: new(true)})
	testutil.RequireVersionError(t, err, "3.7")
	assert.Equal(t, 0, mock.GetTotalCallCount())
}
