package groups_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/groups"
	"github.com/gocinder/cinder/internal/testutil"
)

func TestListPage(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "groups/detail", Version: "3.70",
		Query: "limit=2&list_volume=True&sort=name%3Aasc"}, http.StatusOK, "groups/list_page.json")
	got, next, err := c.Groups.ListPage(t.Context(), &groups.ListOptions{Sort: "name:asc", Limit: 2, ListVolume: true})
	require.NoError(t, err)
	g1 := fixtureGroup()
	g1.Description, g1.Volumes = "first, updated", []string{vol1ID}
	g2 := fixtureGroup()
	g2.ID, g2.Name, g2.Description, g2.GroupSnapshotID = g2ID, "grp-g2", "from snapshot", gs1ID
	g2.Volumes = []string{"00000000-0000-4000-8000-000000000001"} // the clone of vol1 (not pinned)
	assert.Equal(t, []groups.Group{g1, g2}, got)
	assert.Equal(t, g2ID, next)
}

func TestListFollowsNext(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	page1 := testutil.Fixture(t, "groups/list_page.json")
	mock.RegisterResponder(http.MethodGet, testutil.URL("groups/detail"), func(r *http.Request) (*http.Response, error) {
		if r.URL.Query().Get("marker") == "" {
			assert.Equal(t, "all_tenants=1&limit=2", r.URL.RawQuery)
			return testutil.Respond(http.StatusOK, page1), nil
		}
		assert.Equal(t, g2ID, r.URL.Query().Get("marker"))
		return testutil.Respond(http.StatusOK, []byte(`{"groups": []}`)), nil
	})
	got, err := cinder.Collect(c.Groups.List(t.Context(), &groups.ListOptions{Limit: 2, AllTenants: true}))
	require.NoError(t, err)
	assert.Len(t, got, 2)
	assert.Equal(t, 2, mock.GetTotalCallCount())
}

func TestListRefs(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "groups", Version: "3.70",
		Query: "name~=grp-g&sort=name%3Aasc"}, http.StatusOK, "groups/list_refs.json")
	got, err := cinder.Collect(c.Groups.ListRefs(t.Context(), &groups.ListOptions{Filters: map[string]string{"name~": "grp-g"}, Sort: "name:asc"}))
	require.NoError(t, err)
	assert.Equal(t, []groups.Group{{ID: g1ID, Name: "grp-g1"}, {ID: g2ID, Name: "grp-g2"}, {ID: g3ID, Name: "grp-g3"}}, got)
}

func TestListQuery(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		version string
		opts    *groups.ListOptions
		query   string
	}{
		{"3.70", nil, ""},
		{"3.70", &groups.ListOptions{AllTenants: true, ProjectID: projectID}, "all_tenants=1&project_id=" + projectID},
		{"3.70", &groups.ListOptions{Marker: g1ID, Sort: "created_at:desc"}, "marker=" + g1ID + "&sort=created_at%3Adesc"},
		{"3.13", &groups.ListOptions{Filters: map[string]string{"status": "available"}}, "status=available"}, // passed through before 3.33
		{"3.33", &groups.ListOptions{Filters: map[string]string{"name": "grp-g1"}}, "name=grp-g1"},
	} {
		c, mock := testutil.NewClient(t, tc.version)
		testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "groups/detail", Version: tc.version, Query: tc.query},
			http.StatusOK, "groups/list_refs.json")
		_, _, err := c.Groups.ListPage(t.Context(), tc.opts)
		require.NoError(t, err, tc.query)
		assert.Equal(t, 1, mock.GetTotalCallCount())
	}
}

func TestListErrors(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	_, err := cinder.Collect(c.Groups.List(t.Context(), &groups.ListOptions{Sort: "size"}))
	require.ErrorContains(t, err, `sort key "size"`)
	assert.Zero(t, mock.GetTotalCallCount())

	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "groups", Query: "name=x"}, http.StatusBadRequest, "groups/error_list_filter.json")
	n := 0
	for _, err := range c.Groups.ListRefs(t.Context(), &groups.ListOptions{Filters: map[string]string{"name": "x"}}) {
		n++
		testutil.RequireAPIError(t, err, http.StatusBadRequest, cinder.ErrBadRequest, "Invalid filters name")
	}
	assert.Equal(t, 1, n)
}

func TestFindByID(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "groups/" + g1ID}, http.StatusOK, "groups/get.json")
	g, err := c.Groups.Find(t.Context(), g1ID, nil)
	require.NoError(t, err)
	assert.Equal(t, fixtureGroup(), *g)
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestFindByName(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "groups", Query: "name=grp-g2"}, http.StatusOK, "groups/list_refs.json")
	g, err := c.Groups.Find(t.Context(), "grp-g2", nil)
	require.NoError(t, err)
	assert.Equal(t, groups.Group{ID: g2ID, Name: "grp-g2"}, *g)
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

// TestFindFilterRefused: a non-admin from 3.33 on may not filter groups by
// name (400); Find then looks through every group of the project.
func TestFindFilterRefused(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	mock.RegisterResponder(http.MethodGet, testutil.URL("groups"), func(r *http.Request) (*http.Response, error) {
		if r.URL.RawQuery == "name=grp-g3" {
			return testutil.Respond(http.StatusBadRequest, testutil.Fixture(t, "groups/error_list_filter.json")), nil
		}
		assert.Empty(t, r.URL.RawQuery)
		return testutil.Respond(http.StatusOK, testutil.Fixture(t, "groups/list_refs.json")), nil
	})
	g, err := c.Groups.Find(t.Context(), "grp-g3", nil)
	require.NoError(t, err)
	assert.Equal(t, groups.Group{ID: g3ID, Name: "grp-g3"}, *g)
	assert.Equal(t, 2, mock.GetTotalCallCount())
}

func TestFindMissingAmbiguousAndError(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	mock.RegisterResponder(http.MethodGet, `=~/groups/[a-z]`, testutil.JSONResponder(t, http.StatusNotFound, "groups/error_404.json"))
	mock.RegisterResponder(http.MethodGet, testutil.URL("groups"), func(r *http.Request) (*http.Response, error) {
		switch r.URL.Query().Get("name") {
		case "dup":
			return testutil.Respond(http.StatusOK, []byte(`{"groups": [{"id": "a", "name": "dup"}, {"id": "b", "name": "dup"}]}`)), nil
		case "broken":
			return testutil.Respond(http.StatusForbidden, []byte(`{"forbidden": {"code": 403, "message": "no"}}`)), nil
		}
		return testutil.Respond(http.StatusOK, []byte(`{"groups": []}`)), nil
	})
	_, err := c.Groups.Find(t.Context(), "nothing", nil)
	require.ErrorIs(t, err, cinder.ErrNotFound)
	assert.Contains(t, err.Error(), `no group with name or ID "nothing"`)
	_, err = c.Groups.Find(t.Context(), "dup", nil)
	var amb *cinder.AmbiguousError
	require.ErrorAs(t, err, &amb)
	assert.Equal(t, []string{"a", "b"}, amb.IDs)
	_, err = c.Groups.Find(t.Context(), "broken", nil)
	require.ErrorIs(t, err, cinder.ErrForbidden, "an error other than 400 is not retried unfiltered")
}
