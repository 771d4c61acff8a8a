package consistencygroups_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/consistencygroups"
	"github.com/gocinder/cinder/internal/testutil"
)

// listed is testdata/consistencygroups/list.json decoded.
func listed() []consistencygroups.ConsistencyGroup {
	cg0 := consistencygroups.ConsistencyGroup{ID: cg0ID, Name: "cg-cg0", Status: consistencygroups.StatusAvailable,
		AvailabilityZone: "nova", CreatedAt: stamp, VolumeTypes: []string{vtNowhereID}}
	g1 := fixtureGroup()
	g1.Description = "first, updated"
	g2 := fixtureGroup()
	g2.ID, g2.Name, g2.Description = g2ID, "cg-g2", "from cgsnapshot"
	g3 := fixtureGroup()
	g3.ID, g3.Name, g3.Description = g3ID, "cg-g3", ""
	return []consistencygroups.ConsistencyGroup{cg0, g1, g2, g3}
}

func TestList(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "consistencygroups/detail", Version: "3.70",
		Query: "sort=name%3Aasc"}, http.StatusOK, "consistencygroups/list.json")
	got, err := cinder.Collect(c.ConsistencyGroups.List(t.Context(), &consistencygroups.ListOptions{Sort: "name:asc"}))
	require.NoError(t, err)
	assert.Equal(t, listed(), got)
}

func TestListPage(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "consistencygroups/detail", Version: "3.70",
		Query: "limit=2&sort=name%3Aasc"}, http.StatusOK, "consistencygroups/list_page.json")
	got, next, err := c.ConsistencyGroups.ListPage(t.Context(), &consistencygroups.ListOptions{Sort: "name:asc", Limit: 2})
	require.NoError(t, err)
	assert.Equal(t, listed()[:2], got)
	assert.Equal(t, g1ID, next)
}

func TestListFollowsNext(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	page1 := testutil.Fixture(t, "consistencygroups/list_page.json")
	mock.RegisterResponder(http.MethodGet, testutil.URL("consistencygroups/detail"), func(r *http.Request) (*http.Response, error) {
		if r.URL.Query().Get("marker") == "" {
			assert.Equal(t, "limit=2&sort=name%3Aasc", r.URL.RawQuery)
			return testutil.Respond(http.StatusOK, page1), nil
		}
		assert.Equal(t, g1ID, r.URL.Query().Get("marker"), "the consistencygroup_links href")
		return testutil.Respond(http.StatusOK, []byte(`{"consistencygroups": []}`)), nil
	})
	got, err := cinder.Collect(c.ConsistencyGroups.List(t.Context(), &consistencygroups.ListOptions{Limit: 2, Sort: "name:asc"}))
	require.NoError(t, err)
	assert.Equal(t, listed()[:2], got)
	assert.Equal(t, 2, mock.GetTotalCallCount())
}

func TestListRefs(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.0")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "consistencygroups", Version: "3.0",
		Query: "name=cg-g1"}, http.StatusOK, "consistencygroups/list_refs.json")
	got, err := cinder.Collect(c.ConsistencyGroups.ListRefs(t.Context(), &consistencygroups.ListOptions{Name: "cg-g1"}))
	require.NoError(t, err)
	assert.Equal(t, []consistencygroups.ConsistencyGroup{{ID: g1ID, Name: "cg-g1"}}, got)
}

func TestListQuery(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name  string
		opts  *consistencygroups.ListOptions
		query string
	}{
		{"nil", nil, ""},
		{"empty", &consistencygroups.ListOptions{}, ""},
		{"paging", &consistencygroups.ListOptions{Limit: 5, Marker: g1ID, Sort: "created_at:desc,name"},
			"limit=5&marker=" + g1ID + "&sort=created_at%3Adesc%2Cname"},
		{"filters", &consistencygroups.ListOptions{AllTenants: true, Name: "cg-g1", Status: consistencygroups.StatusError,
			Filters: map[string]string{"availability_zone": "nova"}},
			"all_tenants=1&availability_zone=nova&name=cg-g1&status=error"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c, mock := testutil.NewClient(t, "3.70")
			testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "consistencygroups/detail", Query: tc.query},
				http.StatusOK, "consistencygroups/list_refs.json")
			_, err := cinder.Collect(c.ConsistencyGroups.List(t.Context(), tc.opts))
			require.NoError(t, err)
			assert.Equal(t, 1, mock.GetTotalCallCount())
		})
	}
}

func TestListOptionsUnchanged(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "consistencygroups/detail", Query: "limit=2&sort=name%3Aasc"},
		http.StatusOK, "consistencygroups/list_page.json")
	opts := &consistencygroups.ListOptions{Limit: 2, Sort: "name:asc"}
	_, _, err := c.ConsistencyGroups.ListPage(t.Context(), opts)
	require.NoError(t, err)
	assert.Equal(t, &consistencygroups.ListOptions{Limit: 2, Sort: "name:asc"}, opts)
}

func TestListBadOptions(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	_, err := cinder.Collect(c.ConsistencyGroups.List(t.Context(), &consistencygroups.ListOptions{Sort: "size"}))
	require.ErrorContains(t, err, `cinder: sort key "size"`)
	_, _, err = c.ConsistencyGroups.ListPage(t.Context(), &consistencygroups.ListOptions{Limit: -1})
	require.ErrorContains(t, err, "must not be negative")
	assert.Zero(t, mock.GetTotalCallCount())
}

func TestListError(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	mock.RegisterResponder(http.MethodGet, testutil.URL("consistencygroups/detail"),
		testutil.JSONResponder(t, http.StatusNotFound, "consistencygroups/error_404.json"))
	var n int
	for g, err := range c.ConsistencyGroups.List(t.Context(), nil) {
		n++
		assert.Zero(t, g)
		testutil.RequireAPIError(t, err, http.StatusNotFound, cinder.ErrNotFound, "could not be found")
	}
	assert.Equal(t, 1, n)
}

func TestFind(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "consistencygroups/" + g1ID}, http.StatusOK,
		"consistencygroups/get.json")
	g, err := c.ConsistencyGroups.Find(t.Context(), g1ID, nil)
	require.NoError(t, err)
	assert.Equal(t, fixtureGroup(), *g)
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestFindByName(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "consistencygroups/cg-g1"}, http.StatusNotFound,
		"consistencygroups/error_404.json")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "consistencygroups", Query: "name=cg-g1"}, http.StatusOK,
		"consistencygroups/list_refs.json")
	g, err := c.ConsistencyGroups.Find(t.Context(), "cg-g1", nil)
	require.NoError(t, err)
	assert.Equal(t, consistencygroups.ConsistencyGroup{ID: g1ID, Name: "cg-g1"}, *g)
}

func TestFindAmbiguousAndMissing(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	mock.RegisterResponder(http.MethodGet, testutil.URL("consistencygroups/twin"),
		testutil.JSONResponder(t, http.StatusNotFound, "consistencygroups/error_404.json"))
	mock.RegisterResponder(http.MethodGet, testutil.URL("consistencygroups/none"),
		testutil.JSONResponder(t, http.StatusNotFound, "consistencygroups/error_404.json"))
	mock.RegisterResponder(http.MethodGet, testutil.URL("consistencygroups"), func(r *http.Request) (*http.Response, error) {
		if r.URL.Query().Get("name") == "none" {
			return testutil.Respond(http.StatusOK, []byte(`{"consistencygroups": []}`)), nil
		}
		return testutil.Respond(http.StatusOK, []byte(`{"consistencygroups": [{"id": "a", "name": "twin"}, {"id": "b", "name": "twin"}]}`)), nil
	})
	_, err := c.ConsistencyGroups.Find(t.Context(), "twin", nil)
	var amb *cinder.AmbiguousError
	require.ErrorAs(t, err, &amb)
	assert.Equal(t, []string{"a", "b"}, amb.IDs)
	_, err = c.ConsistencyGroups.Find(t.Context(), "none", nil)
	require.ErrorIs(t, err, cinder.ErrNotFound)
	assert.Contains(t, err.Error(), `cinder: no consistency group with name or ID "none"`)
}
