package grouptypes_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/grouptypes"
	"github.com/gocinder/cinder/internal/testutil"
)

func TestListPage(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "group_types", Version: "3.70",
		Query: "is_public=None&limit=2&sort=created_at%3Adesc"}, http.StatusOK, "grouptypes/list_page.json")
	got, next, err := c.GroupTypes.ListPage(t.Context(), &grouptypes.ListOptions{Visibility: grouptypes.VisibilityAll, Sort: "created_at:desc", Limit: 2})
	require.NoError(t, err)
	updated := fixtureType()
	updated.Description = "recorded, updated"
	assert.Equal(t, []grouptypes.GroupType{repType(), updated}, got)
	assert.Equal(t, gtID, next)
}

func TestListFollowsNext(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	page1 := testutil.Fixture(t, "grouptypes/list_page.json")
	mock.RegisterResponder(http.MethodGet, testutil.URL("group_types"), func(r *http.Request) (*http.Response, error) {
		if r.URL.Query().Get("marker") == "" {
			assert.Equal(t, "is_public=None&limit=2", r.URL.RawQuery)
			return testutil.Respond(http.StatusOK, page1), nil
		}
		assert.Equal(t, gtID, r.URL.Query().Get("marker"))
		return testutil.Respond(http.StatusOK, []byte(`{"group_types": []}`)), nil
	})
	got, err := cinder.Collect(c.GroupTypes.List(t.Context(), &grouptypes.ListOptions{Visibility: grouptypes.VisibilityAll, Limit: 2}))
	require.NoError(t, err)
	assert.Len(t, got, 2)
	assert.Equal(t, 2, mock.GetTotalCallCount())
}

func TestListVisibility(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "group_types", Query: "is_public=false"},
		http.StatusOK, "grouptypes/list_private.json")
	got, err := cinder.Collect(c.GroupTypes.List(t.Context(), &grouptypes.ListOptions{Visibility: grouptypes.VisibilityPrivate}))
	require.NoError(t, err)
	assert.Equal(t, []grouptypes.GroupType{repType()}, got)
}

func TestListQuery(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		opts  *grouptypes.ListOptions
		query string
	}{
		{nil, ""},
		{&grouptypes.ListOptions{}, ""},
		{&grouptypes.ListOptions{Visibility: grouptypes.VisibilityPublic}, "is_public=true"},
		{&grouptypes.ListOptions{Marker: gtID, Sort: "name:asc,id"}, "marker=" + gtID + "&sort=name%3Aasc%2Cid"},
	} {
		c, mock := testutil.NewClient(t, "3.70")
		testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "group_types", Query: tc.query}, http.StatusOK, "grouptypes/list_private.json")
		_, _, err := c.GroupTypes.ListPage(t.Context(), tc.opts)
		require.NoError(t, err)
		assert.Equal(t, 1, mock.GetTotalCallCount())
	}
}

func TestListBadOptions(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	for opts, msg := range map[*grouptypes.ListOptions]string{
		{Visibility: "hidden"}: `visibility "hidden"`,
		{Sort: "size"}:         `sort key "size"`,
		{Limit: -1}:            "must not be negative",
	} {
		_, err := cinder.Collect(c.GroupTypes.List(t.Context(), opts))
		require.ErrorContains(t, err, msg)
	}
	assert.Zero(t, mock.GetTotalCallCount())
}

func TestListError(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "group_types"}, http.StatusForbidden, "grouptypes/error_specs_403.json")
	n := 0
	for _, err := range c.GroupTypes.List(t.Context(), nil) {
		n++
		testutil.RequireAPIError(t, err, http.StatusForbidden, cinder.ErrForbidden, "Policy")
	}
	assert.Equal(t, 1, n)
}

func TestFindByID(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "group_types/" + gtID}, http.StatusOK, "grouptypes/get.json")
	got, err := c.GroupTypes.Find(t.Context(), gtID, nil)
	require.NoError(t, err)
	assert.Equal(t, fixtureType(), *got)
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestFindByName(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "group_types/grp-gt-rep"}, http.StatusNotFound, "grouptypes/error_404.json")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "group_types", Query: "is_public=None"}, http.StatusOK, "grouptypes/list_private.json")
	got, err := c.GroupTypes.Find(t.Context(), "grp-gt-rep", nil)
	require.NoError(t, err)
	assert.Equal(t, repType(), *got)

	_, err = c.GroupTypes.Find(t.Context(), "", nil)
	require.ErrorContains(t, err, "needs a group type name or ID")
}

func TestFindMissingAndAmbiguous(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	mock.RegisterResponder(http.MethodGet, `=~/group_types/[a-z]`, testutil.JSONResponder(t, http.StatusNotFound, "grouptypes/error_404.json"))
	mock.RegisterResponder(http.MethodGet, testutil.URL("group_types"), func(*http.Request) (*http.Response, error) {
		return testutil.Respond(http.StatusOK, []byte(`{"group_types": [{"id": "a", "name": "dup"}, {"id": "b", "name": "dup"}]}`)), nil
	})
	_, err := c.GroupTypes.Find(t.Context(), "nothing", nil)
	require.ErrorIs(t, err, cinder.ErrNotFound)
	assert.Contains(t, err.Error(), `no group type with name or ID "nothing"`)
	_, err = c.GroupTypes.Find(t.Context(), "dup", nil)
	var amb *cinder.AmbiguousError
	require.ErrorAs(t, err, &amb)
	assert.Equal(t, []string{"a", "b"}, amb.IDs)
}
