package groupsnapshots_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/groupsnapshots"
	"github.com/gocinder/cinder/internal/testutil"
)

func TestListPage(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "group_snapshots/detail", Version: "3.70",
		Query: "group_id=" + g1ID + "&limit=1&sort=name%3Aasc&status=available"}, http.StatusOK, "groupsnapshots/list_page.json")
	got, next, err := c.GroupSnapshots.ListPage(t.Context(), &groupsnapshots.ListOptions{GroupID: g1ID,
		Status: groupsnapshots.StatusAvailable, Sort: "name:asc", Limit: 1})
	require.NoError(t, err)
	assert.Equal(t, []groupsnapshots.GroupSnapshot{fixtureSnapshot()}, got)
	assert.Equal(t, gs1ID, next)
}

func TestListFollowsNext(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	page1 := testutil.Fixture(t, "groupsnapshots/list_page.json")
	mock.RegisterResponder(http.MethodGet, testutil.URL("group_snapshots/detail"), func(r *http.Request) (*http.Response, error) {
		if r.URL.Query().Get("marker") == "" {
			assert.Equal(t, "all_tenants=1&limit=1", r.URL.RawQuery)
			return testutil.Respond(http.StatusOK, page1), nil
		}
		assert.Equal(t, gs1ID, r.URL.Query().Get("marker"))
		return testutil.Respond(http.StatusOK, []byte(`{"group_snapshots": []}`)), nil
	})
	got, err := cinder.Collect(c.GroupSnapshots.List(t.Context(), &groupsnapshots.ListOptions{Limit: 1, AllTenants: true}))
	require.NoError(t, err)
	assert.Equal(t, []groupsnapshots.GroupSnapshot{fixtureSnapshot()}, got)
	assert.Equal(t, 2, mock.GetTotalCallCount())
}

func TestListRefs(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.14")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "group_snapshots", Version: "3.14"}, http.StatusOK, "groupsnapshots/list_refs.json")
	got, err := cinder.Collect(c.GroupSnapshots.ListRefs(t.Context(), nil))
	require.NoError(t, err)
	assert.Equal(t, []groupsnapshots.GroupSnapshot{{ID: gs1ID, Name: "grp-gs1"}}, got)
}

func TestListQuery(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		version string
		opts    *groupsnapshots.ListOptions
		query   string
	}{
		{"3.14", nil, ""},
		{"3.29", &groupsnapshots.ListOptions{Filters: map[string]string{"name": "x"}}, "name=x"},
		{"3.34", &groupsnapshots.ListOptions{Filters: map[string]string{"name~": "x"}}, "name~=x"},
		{"3.70", &groupsnapshots.ListOptions{AllTenants: true, ProjectID: projectID, Marker: gs1ID},
			"all_tenants=1&marker=" + gs1ID + "&project_id=" + projectID},
	} {
		c, mock := testutil.NewClient(t, tc.version)
		testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "group_snapshots/detail", Version: tc.version, Query: tc.query},
			http.StatusOK, "groupsnapshots/list_refs.json")
		_, _, err := c.GroupSnapshots.ListPage(t.Context(), tc.opts)
		require.NoError(t, err, tc.query)
	}
}

func TestListErrors(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	_, err := cinder.Collect(c.GroupSnapshots.List(t.Context(), &groupsnapshots.ListOptions{Sort: "availability_zone"}))
	require.ErrorContains(t, err, `sort key "availability_zone"`)
	assert.Zero(t, mock.GetTotalCallCount())
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "group_snapshots/detail", Query: "name=x"},
		http.StatusBadRequest, "groupsnapshots/error_list_filter.json")
	n := 0
	for _, err := range c.GroupSnapshots.List(t.Context(), &groupsnapshots.ListOptions{Filters: map[string]string{"name": "x"}}) {
		n++
		testutil.RequireAPIError(t, err, http.StatusBadRequest, cinder.ErrBadRequest, "Invalid filters name")
	}
	assert.Equal(t, 1, n)
}

func TestFind(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "group_snapshots/" + gs1ID}, http.StatusOK, "groupsnapshots/get.json")
	s, err := c.GroupSnapshots.Find(t.Context(), gs1ID, nil)
	require.NoError(t, err)
	assert.Equal(t, fixtureSnapshot(), *s)

	// by name: the name filter is refused (a non-admin), so every one is listed
	mock.RegisterResponder(http.MethodGet, testutil.URL("group_snapshots"), func(r *http.Request) (*http.Response, error) {
		if r.URL.Query().Has("name") {
			return testutil.Respond(http.StatusBadRequest, testutil.Fixture(t, "groupsnapshots/error_list_filter.json")), nil
		}
		assert.Empty(t, r.URL.RawQuery)
		return testutil.Respond(http.StatusOK, testutil.Fixture(t, "groupsnapshots/list_refs.json")), nil
	})
	s, err = c.GroupSnapshots.Find(t.Context(), "grp-gs1", nil)
	require.NoError(t, err)
	assert.Equal(t, groupsnapshots.GroupSnapshot{ID: gs1ID, Name: "grp-gs1"}, *s)
	assert.Equal(t, 3, mock.GetTotalCallCount())

	_, err = c.GroupSnapshots.Find(t.Context(), "grp-nothing", nil)
	require.ErrorIs(t, err, cinder.ErrNotFound)
	assert.Contains(t, err.Error(), `no group snapshot with name or ID "grp-nothing"`)
}

// TestFindBefore329: Cinder reads no query before 3.29, so Find lists all.
func TestFindBefore329(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.28")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "group_snapshots", Version: "3.28"}, http.StatusOK, "groupsnapshots/list_refs.json")
	s, err := c.GroupSnapshots.Find(t.Context(), "grp-gs1", nil)
	require.NoError(t, err)
	assert.Equal(t, gs1ID, s.ID)
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestVersionGates(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		version, need string
		call          func(*groupsnapshots.Manager) error
	}{
		{"3.13", "3.14", func(m *groupsnapshots.Manager) error { _, err := m.Get(t.Context(), gs1ID); return err }},
		{"3.13", "3.14", func(m *groupsnapshots.Manager) error {
			_, err := m.Create(t.Context(), groupsnapshots.CreateRequest{GroupID: g1ID})
			return err
		}},
		{"3.13", "3.14", func(m *groupsnapshots.Manager) error { return m.Delete(t.Context(), gs1ID) }},
		{"3.13", "3.14", func(m *groupsnapshots.Manager) error { _, err := cinder.Collect(m.List(t.Context(), nil)); return err }},
		{"3.13", "3.14", func(m *groupsnapshots.Manager) error {
			_, err := cinder.Collect(m.ListRefs(t.Context(), nil))
			return err
		}},
		{"3.13", "3.14", func(m *groupsnapshots.Manager) error { _, _, err := m.ListPage(t.Context(), nil); return err }},
		{"3.13", "3.14", func(m *groupsnapshots.Manager) error { _, err := m.Find(t.Context(), "x", nil); return err }},
		{"3.13", "3.14", func(m *groupsnapshots.Manager) error { return m.WaitForDeleted(t.Context(), gs1ID, nil) }},
		{"3.18", "3.19", func(m *groupsnapshots.Manager) error {
			return m.ResetStatus(t.Context(), gs1ID, groupsnapshots.StatusAvailable)
		}},
		{"3.28", "3.29", func(m *groupsnapshots.Manager) error {
			_, _, err := m.ListPage(t.Context(), &groupsnapshots.ListOptions{Limit: 1})
			return err
		}},
		{"3.28", "3.29", func(m *groupsnapshots.Manager) error {
			_, _, err := m.ListPage(t.Context(), &groupsnapshots.ListOptions{GroupID: g1ID})
			return err
		}},
		{"3.28", "3.29", func(m *groupsnapshots.Manager) error {
			_, _, err := m.ListPage(t.Context(), &groupsnapshots.ListOptions{AllTenants: true})
			return err
		}},
		{"3.33", "3.34", func(m *groupsnapshots.Manager) error {
			_, _, err := m.ListPage(t.Context(), &groupsnapshots.ListOptions{Filters: map[string]string{"name~": "x"}})
			return err
		}},
	} {
		c, mock := testutil.NewClient(t, tc.version)
		err := tc.call(c.GroupSnapshots)
		testutil.RequireVersionError(t, err, tc.need)
		assert.Zero(t, mock.GetTotalCallCount(), tc.need)
	}
}
