package types_test

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/internal/testutil"
	"github.com/gocinder/cinder/types"
)

// recQuery is the query the list fixtures were recorded with.
func recQuery(extra url.Values) string {
	q := url.Values{"extra_specs": {`{'gocinder:rec': '1'}`}, "is_public": {"None"}, "sort": {"name:asc"}}
	for k, v := range extra {
		q[k] = v
	}
	return q.Encode()
}

func recOpts() *types.ListOptions {
	return &types.ListOptions{Visibility: types.VisibilityAll, ExtraSpecs: map[string]string{"gocinder:rec": "1"}, Sort: "name:asc"}
}

func TestList(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "types", Query: recQuery(nil), Version: "3.70"},
		http.StatusOK, "types/list.json")
	opts := recOpts()
	got, err := cinder.Collect(c.Types.List(t.Context(), opts))
	require.NoError(t, err)
	assert.Equal(t, []types.VolumeType{privType(), pubType()}, got)
	assert.Equal(t, recOpts(), opts, "List must not modify opts")
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

// TestListFollowsPages walks the recorded pages: Cinder names the links
// volume_type_links, not volume_types_links.
func TestListFollowsPages(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	pages := map[string]string{
		"":     "types/list_page1.json",
		privID: "types/list_page2.json",
		pubID:  "types/list_page3.json",
	}
	mock.RegisterResponder(http.MethodGet, "=~^"+testutil.URL("types")+`\?`, func(r *http.Request) (*http.Response, error) {
		marker := r.URL.Query().Get("marker")
		extra := url.Values{"limit": {"1"}}
		if marker != "" {
			extra.Set("marker", marker)
		}
		assert.Equal(t, recQuery(extra), r.URL.RawQuery)
		return testutil.Respond(http.StatusOK, testutil.Fixture(t, pages[marker])), nil
	})
	opts := recOpts()
	opts.Limit = 1
	got, err := cinder.Collect(c.Types.List(t.Context(), opts))
	require.NoError(t, err)
	assert.Equal(t, []types.VolumeType{privType(), pubType()}, got)
	assert.Equal(t, 3, mock.GetTotalCallCount())
}

func TestListPage(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "types", Query: recQuery(url.Values{"limit": {"1"}})},
		http.StatusOK, "types/list_page1.json")
	opts := recOpts()
	opts.Limit = 1
	items, next, err := c.Types.ListPage(t.Context(), opts)
	require.NoError(t, err)
	assert.Equal(t, []types.VolumeType{privType()}, items)
	assert.Equal(t, privID, next)

	c, mock = testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "types"}, http.StatusOK, "types/list_page3.json")
	items, next, err = c.Types.ListPage(t.Context(), nil)
	require.NoError(t, err)
	assert.Empty(t, items)
	assert.Empty(t, next)
}

func TestListQuery(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		opts  *types.ListOptions
		query string
	}{
		{nil, ""},
		{&types.ListOptions{}, ""},
		{&types.ListOptions{Visibility: types.VisibilityAll}, "is_public=None"},
		{&types.ListOptions{Visibility: types.VisibilityPublic}, "is_public=true"},
		{&types.ListOptions{Visibility: types.VisibilityPrivate, Limit: 5, Marker: "m"}, "is_public=false&limit=5&marker=m"},
		{&types.ListOptions{Sort: "name:desc, id"}, "sort=name%3Adesc%2Cid"},
		{&types.ListOptions{Filters: map[string]string{"name": "x"}}, "name=x"},
		{&types.ListOptions{ExtraSpecs: map[string]string{"b": "it's", "a": "1"}}, `extra_specs=` + url.QueryEscape(`{'a': '1', 'b': 'it\'s'}`)},
	} {
		c, mock := testutil.NewClient(t, "3.52")
		testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "types", Query: tc.query, Version: "3.52"},
			http.StatusOK, "types/list_page3.json")
		_, err := cinder.Collect(c.Types.List(t.Context(), tc.opts))
		require.NoError(t, err, tc.query)
		assert.Equal(t, 1, mock.GetTotalCallCount(), tc.query)
	}
}

func TestListOptionErrors(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		version string
		opts    *types.ListOptions
		need    string // a *VersionError's need, or "" for a plain error
		msg     string
	}{
		{"3.51", &types.ListOptions{ExtraSpecs: map[string]string{"a": "b"}}, "3.52", ""},
		{"3.51", &types.ListOptions{Filters: map[string]string{"a": "b"}}, "3.52", ""},
		{"3.70", &types.ListOptions{Limit: -1}, "", "must not be negative"},
		{"3.70", &types.ListOptions{Sort: "size"}, "", "sort key"},
		{"3.70", &types.ListOptions{Visibility: "everyone"}, "", "visibility"},
	} {
		c, mock := testutil.NewClient(t, tc.version)
		_, err := cinder.Collect(c.Types.List(t.Context(), tc.opts))
		_, _, err2 := c.Types.ListPage(t.Context(), tc.opts)
		for _, err := range []error{err, err2} {
			if tc.need != "" {
				testutil.RequireVersionError(t, err, tc.need)
			} else {
				require.ErrorContains(t, err, tc.msg)
			}
		}
		assert.Equal(t, 0, mock.GetTotalCallCount())
	}
}

// TestListError replays a non-admin's filter refused at 3.52 and later.
func TestListError(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "types", Query: "name=x"}, http.StatusBadRequest, "types/error_list_filter.json")
	_, err := cinder.Collect(c.Types.List(t.Context(), &types.ListOptions{Filters: map[string]string{"name": "x"}}))
	testutil.RequireAPIError(t, err, http.StatusBadRequest, cinder.ErrBadRequest, "Invalid filters name")
}
