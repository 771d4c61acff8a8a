package snapshots_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/internal/testutil"
	"github.com/gocinder/cinder/snapshots"
)

const (
	listVolID = "00000000-0000-4000-8000-000000000005"
	listSnap1 = "00000000-0000-4000-8000-000000000004"
	listSnap2 = "00000000-0000-4000-8000-000000000006"
	listSnap3 = "00000000-0000-4000-8000-000000000007"
)

func listed(id string, detail bool) snapshots.Snapshot {
	s := snapshots.Snapshot{ID: id, Name: "sb-force", Status: snapshots.StatusAvailable, Size: 1, VolumeID: listVolID,
		CreatedAt: stamp, UpdatedAt: stamp, Metadata: map[string]string{}}
	if detail {
		s.ProjectID, s.Progress, s.UserID, s.ConsumesQuota = projectID, "100%", userID, new(true)
	}
	return s
}

func TestListPage(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "snapshots/detail", Version: "3.70",
		Query: "limit=2&sort=created_at%3Aasc&volume_id=" + listVolID}, http.StatusOK, "snapshots/list.json")
	got, next, err := c.Snapshots.ListPage(t.Context(), &snapshots.ListOptions{VolumeID: listVolID, Limit: 2, Sort: "created_at:asc"})
	require.NoError(t, err)
	assert.Equal(t, []snapshots.Snapshot{listed(listSnap1, true), listed(listSnap2, true)}, got)
	assert.Equal(t, listSnap2, next)
}

func TestListFollowsNext(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	page1 := testutil.Fixture(t, "snapshots/list.json")
	mock.RegisterResponder(http.MethodGet, testutil.URL("snapshots/detail"), func(r *http.Request) (*http.Response, error) {
		if r.URL.Query().Get("marker") == "" {
			assert.Equal(t, "limit=2&volume_id="+listVolID, r.URL.RawQuery)
			return testutil.Respond(http.StatusOK, page1), nil
		}
		assert.Equal(t, listSnap2, r.URL.Query().Get("marker"))
		return testutil.Respond(http.StatusOK, []byte(`{"snapshots": []}`)), nil
	})
	got, err := cinder.Collect(c.Snapshots.List(t.Context(), &snapshots.ListOptions{VolumeID: listVolID, Limit: 2}))
	require.NoError(t, err)
	assert.Equal(t, []snapshots.Snapshot{listed(listSnap1, true), listed(listSnap2, true)}, got)
	assert.Equal(t, 2, mock.GetTotalCallCount())
}

func TestListRefs(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "snapshots", Version: "3.70",
		Query: "volume_id=" + listVolID}, http.StatusOK, "snapshots/list_refs.json")
	got, err := cinder.Collect(c.Snapshots.ListRefs(t.Context(), &snapshots.ListOptions{VolumeID: listVolID}))
	require.NoError(t, err)
	assert.Equal(t, []snapshots.Snapshot{listed(listSnap3, false), listed(listSnap2, false), listed(listSnap1, false)}, got)
}

func TestListError(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "snapshots/detail"}, http.StatusNotFound, "snapshots/error_404.json")
	n := 0
	for _, err := range c.Snapshots.List(t.Context(), nil) {
		n++
		testutil.RequireAPIError(t, err, http.StatusNotFound, cinder.ErrNotFound, "could not be found")
	}
	assert.Equal(t, 1, n, "the error is yielded once")
}

func TestCount(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "snapshots", Version: "3.70",
		Query: "limit=1&volume_id=" + listVolID + "&with_count=true"}, http.StatusOK, "snapshots/count.json")
	n, err := c.Snapshots.Count(t.Context(), &snapshots.ListOptions{VolumeID: listVolID, Limit: 5, Marker: "m"})
	require.NoError(t, err)
	assert.Equal(t, 3, n)
}

func TestCountError(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "snapshots", Query: "limit=1&with_count=true"},
		http.StatusNotFound, "snapshots/error_404.json")
	_, err := c.Snapshots.Count(t.Context(), nil)
	testutil.RequireAPIError(t, err, http.StatusNotFound, cinder.ErrNotFound, "could not be found")
}

func TestCountNeeds345(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.44")
	_, err := c.Snapshots.Count(t.Context(), nil)
	testutil.RequireVersionError(t, err, "3.45")
	assert.Equal(t, 0, mock.GetTotalCallCount())
}

func TestListQuery(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name    string
		version string
		opts    snapshots.ListOptions
		query   string
	}{
		{"marker", "3.0", snapshots.ListOptions{Marker: "m1"}, "marker=m1"},
		{"sort", "3.0", snapshots.ListOptions{Sort: "status:desc,id"}, "sort=status%3Adesc%2Cid"},
		{"sort by name", "3.30", snapshots.ListOptions{Sort: "name"}, "sort=name"},
		{"all tenants", "3.0", snapshots.ListOptions{AllTenants: true, ProjectID: "p"}, "all_tenants=1&project_id=p"},
		{"name status", "3.0", snapshots.ListOptions{Name: "n", Status: snapshots.StatusError}, "name=n&status=error"},
		{"metadata", "3.22", snapshots.ListOptions{Metadata: map[string]string{"b": "it's", "a": "1"}},
			"metadata=%7B%27a%27%3A+%271%27%2C+%27b%27%3A+%27it%5C%27s%27%7D"},
		{"consumes quota", "3.65", snapshots.ListOptions{ConsumesQuota: new(false)}, "consumes_quota=false"},
		{"filters", "3.33", snapshots.ListOptions{Filters: map[string]string{"group_snapshot_id": "g"}}, "group_snapshot_id=g"},
		{"like", "3.34", snapshots.ListOptions{Filters: map[string]string{"name~": "sb"}}, "name~=sb"},
	} {
		c, mock := testutil.NewClient(t, tc.version)
		testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "snapshots/detail", Query: tc.query, Version: tc.version},
			http.StatusOK, "snapshots/list_refs.json")
		opts := tc.opts
		_, _, err := c.Snapshots.ListPage(t.Context(), &opts)
		require.NoError(t, err, tc.name)
		assert.Equal(t, tc.opts, opts, "%s: options are not modified", tc.name)
		assert.Equal(t, 1, mock.GetTotalCallCount(), tc.name)
	}
}

func TestListOptionVersions(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		version string
		opts    snapshots.ListOptions
		need    string
	}{
		{"3.29", snapshots.ListOptions{Sort: "id,name:asc"}, "3.30"},
		{"3.21", snapshots.ListOptions{Metadata: map[string]string{"a": "b"}}, "3.22"},
		{"3.64", snapshots.ListOptions{ConsumesQuota: new(true)}, "3.65"},
		{"3.32", snapshots.ListOptions{Filters: map[string]string{"a": "b"}}, "3.33"},
		{"3.33", snapshots.ListOptions{Filters: map[string]string{"name~": "b"}}, "3.34"},
	} {
		c, mock := testutil.NewClient(t, tc.version)
		for _, err := range c.Snapshots.List(t.Context(), &tc.opts) {
			testutil.RequireVersionError(t, err, tc.need)
		}
		assert.Equal(t, 0, mock.GetTotalCallCount())
	}
}

func TestListBadOptions(t *testing.T) {
	t.Parallel()
	for _, opts := range []snapshots.ListOptions{{Limit: -1}, {Sort: "size"}, {Sort: "id:up"}} {
		c, mock := testutil.NewClient(t, "3.70")
		_, _, err := c.Snapshots.ListPage(t.Context(), &opts)
		require.Error(t, err, "%+v", opts)
		assert.Equal(t, 0, mock.GetTotalCallCount())
	}
}
