package clusters_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/clusters"
	"github.com/gocinder/cinder/internal/testutil"
)

func TestList(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "clusters/detail", Version: "3.70"}, http.StatusOK, "clusters/list.json")
	got, err := c.Clusters.List(t.Context(), nil)
	require.NoError(t, err)
	assert.Equal(t, []clusters.Cluster{detail()}, got)
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

// TestListV325: no replication fields before 3.26.
func TestListV325(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.25")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "clusters/detail", Version: "3.25"}, http.StatusOK, "clusters/list_v325.json")
	got, err := c.Clusters.List(t.Context(), nil)
	require.NoError(t, err)
	want := detail()
	want.ReplicationStatus = ""
	assert.Equal(t, []clusters.Cluster{want}, got)
}

func TestListSummary(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "clusters", Query: "binary=cinder-volume&is_up=false", Version: "3.70"},
		http.StatusOK, "clusters/list_summary.json")
	got, err := c.Clusters.ListSummary(t.Context(), &clusters.ListOptions{Binary: "cinder-volume", IsUp: new(false)})
	require.NoError(t, err)
	assert.Equal(t, []clusters.Cluster{{Name: name, Binary: "cinder-volume", State: clusters.StateDown, Status: clusters.StatusEnabled,
		ReplicationStatus: "disabled"}}, got)
}

func TestListFilters(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		opts  clusters.ListOptions
		query string
	}{
		{clusters.ListOptions{Name: "c1", Disabled: new(true)}, "disabled=true&name=c1"},
		{clusters.ListOptions{NumHosts: new(0), NumDownHosts: new(2)}, "num_down_hosts=2&num_hosts=0"},
		{clusters.ListOptions{ReplicationStatus: "enabled", Frozen: new(false), ActiveBackendID: "s1"},
			"active_backend_id=s1&frozen=false&replication_status=enabled"},
	} {
		c, mock := testutil.NewClient(t, "3.26")
		testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "clusters/detail", Query: tc.query}, http.StatusOK, "clusters/list.json")
		_, err := c.Clusters.List(t.Context(), &tc.opts)
		require.NoError(t, err, tc.query)
		assert.Equal(t, 1, mock.GetTotalCallCount(), tc.query)
	}
}

func TestListFilterVersions(t *testing.T) {
	t.Parallel()
	for _, opts := range []clusters.ListOptions{{ReplicationStatus: "enabled"}, {Frozen: new(true)}, {ActiveBackendID: "s1"}} {
		c, mock := testutil.NewClient(t, "3.25")
		_, err := c.Clusters.List(t.Context(), &opts)
		testutil.RequireVersionError(t, err, "3.26")
		assert.Equal(t, 0, mock.GetTotalCallCount())
	}
}

func TestListForbidden(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "clusters/detail"}, http.StatusForbidden, "clusters/error_403.json")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "clusters"}, http.StatusForbidden, "clusters/error_403.json")
	_, err := c.Clusters.List(t.Context(), nil)
	testutil.RequireAPIError(t, err, http.StatusForbidden, cinder.ErrForbidden, "clusters:get_all")
	_, err = c.Clusters.ListSummary(t.Context(), nil)
	testutil.RequireAPIError(t, err, http.StatusForbidden, cinder.ErrForbidden, "clusters:get_all")
}
