package backups_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/backups"
	"github.com/gocinder/cinder/internal/testutil"
)

// listedBackups is testdata/backups/list.json decoded.
func listedBackups() []backups.Backup {
	full := fixtureBackup()
	full.HasDependentBackups = true
	incr := backups.Backup{
		ID: bak2, Name: "sb-bak2", Status: backups.StatusAvailable, Size: 1, Container: "sb-container",
		CreatedAt: stamp, UpdatedAt: stamp, DataTimestamp: stamp, VolumeID: volID, Links: links(bak2), IsIncremental: true,
		Metadata: map[string]string{}, ProjectID: projectID, UserID: userID,
	}
	return []backups.Backup{full, incr}
}

func TestListPage(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "backups/detail", Version: "3.70",
		Query: "limit=2&sort=created_at%3Aasc&volume_id=" + volID}, http.StatusOK, "backups/list.json")
	got, next, err := c.Backups.ListPage(t.Context(), &backups.ListOptions{VolumeID: volID, Limit: 2, Sort: "created_at:asc"})
	require.NoError(t, err)
	assert.Equal(t, listedBackups(), got)
	assert.Equal(t, bak2, next)
}

func TestListFollowsNext(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	page1 := testutil.Fixture(t, "backups/list.json")
	mock.RegisterResponder(http.MethodGet, testutil.URL("backups/detail"), func(r *http.Request) (*http.Response, error) {
		if r.URL.Query().Get("marker") == "" {
			return testutil.Respond(http.StatusOK, page1), nil
		}
		assert.Equal(t, bak2, r.URL.Query().Get("marker"))
		return testutil.Respond(http.StatusOK, []byte(`{"backups": []}`)), nil
	})
	got, err := cinder.Collect(c.Backups.List(t.Context(), &backups.ListOptions{VolumeID: volID, Limit: 2}))
	require.NoError(t, err)
	assert.Equal(t, listedBackups(), got)
	assert.Equal(t, 2, mock.GetTotalCallCount())
}

func TestListRefs(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "backups", Version: "3.70", Query: "volume_id=" + volID},
		http.StatusOK, "backups/list_refs.json")
	got, err := cinder.Collect(c.Backups.ListRefs(t.Context(), &backups.ListOptions{VolumeID: volID}))
	require.NoError(t, err)
	assert.Equal(t, []backups.Ref{
		{ID: bak3, Name: "sb-bak3", Links: links(bak3)},
		{ID: bak2, Name: "sb-bak2", Links: links(bak2)},
		{ID: bak1, Name: "sb-bak1", Links: links(bak1)},
	}, got)
}

func TestListError(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "backups"}, http.StatusNotFound, "backups/error_404.json")
	n := 0
	for _, err := range c.Backups.ListRefs(t.Context(), nil) {
		n++
		testutil.RequireAPIError(t, err, http.StatusNotFound, cinder.ErrNotFound, "could not be found")
	}
	assert.Equal(t, 1, n)
}

func TestCount(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "backups", Version: "3.70",
		Query: "limit=1&volume_id=" + volID + "&with_count=true"}, http.StatusOK, "backups/count.json")
	n, err := c.Backups.Count(t.Context(), &backups.ListOptions{VolumeID: volID, Marker: "m"})
	require.NoError(t, err)
	assert.Equal(t, 3, n)
}

func TestCountErrors(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.44")
	_, err := c.Backups.Count(t.Context(), nil)
	testutil.RequireVersionError(t, err, "3.45")
	assert.Equal(t, 0, mock.GetTotalCallCount())

	c, mock = testutil.NewClient(t, "3.45")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "backups", Query: "limit=1&with_count=true"},
		http.StatusNotFound, "backups/error_404.json")
	_, err = c.Backups.Count(t.Context(), nil)
	testutil.RequireAPIError(t, err, http.StatusNotFound, cinder.ErrNotFound, "could not be found")
}

func TestListQuery(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name    string
		version string
		opts    backups.ListOptions
		query   string
	}{
		{"marker", "3.0", backups.ListOptions{Marker: "m1"}, "marker=m1"},
		{"sort", "3.0", backups.ListOptions{Sort: "data_timestamp:desc,size"}, "sort=data_timestamp%3Adesc%2Csize"},
		{"sort by name", "3.37", backups.ListOptions{Sort: "name:asc"}, "sort=name%3Aasc"},
		{"all tenants", "3.0", backups.ListOptions{AllTenants: true, ProjectID: "p"}, "all_tenants=1&project_id=p"},
		{"name status", "3.0", backups.ListOptions{Name: "n", Status: backups.StatusError}, "name=n&status=error"},
		{"filters", "3.33", backups.ListOptions{Filters: map[string]string{"availability_zone": "nova"}}, "availability_zone=nova"},
		{"like", "3.34", backups.ListOptions{Filters: map[string]string{"name~": "sb"}}, "name~=sb"},
	} {
		c, mock := testutil.NewClient(t, tc.version)
		testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "backups/detail", Query: tc.query, Version: tc.version},
			http.StatusOK, "backups/list.json")
		opts := tc.opts
		_, _, err := c.Backups.ListPage(t.Context(), &opts)
		require.NoError(t, err, tc.name)
		assert.Equal(t, tc.opts, opts, "%s: options are not modified", tc.name)
	}
}

func TestListOptionVersions(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		version string
		opts    backups.ListOptions
		need    string
	}{
		{"3.36", backups.ListOptions{Sort: "name"}, "3.37"},
		{"3.32", backups.ListOptions{Filters: map[string]string{"a": "b"}}, "3.33"},
		{"3.33", backups.ListOptions{Filters: map[string]string{"name~": "b"}}, "3.34"},
	} {
		c, mock := testutil.NewClient(t, tc.version)
		for _, err := range c.Backups.List(t.Context(), &tc.opts) {
			testutil.RequireVersionError(t, err, tc.need)
		}
		assert.Equal(t, 0, mock.GetTotalCallCount())
	}
	for _, opts := range []backups.ListOptions{{Limit: -1}, {Sort: "is_incremental"}} {
		c, mock := testutil.NewClient(t, "3.70")
		_, _, err := c.Backups.ListPage(t.Context(), &opts)
		require.Error(t, err)
		assert.Equal(t, 0, mock.GetTotalCallCount())
	}
}
