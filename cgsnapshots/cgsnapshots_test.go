package cgsnapshots_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/cgsnapshots"
	"github.com/gocinder/cinder/internal/testutil"
)

func TestCreate(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPost, Path: "cgsnapshots", Version: "3.70",
		Body: `{"cgsnapshot":{"consistencygroup_id":"` + g1ID + `","name":"cg-s1","description":"nightly"}}`},
		http.StatusAccepted, "cgsnapshots/create.json")
	s, err := c.CGSnapshots.Create(t.Context(), cgsnapshots.CreateRequest{ConsistencyGroupID: g1ID, Name: "cg-s1", Description: "nightly"})
	require.NoError(t, err)
	assert.Equal(t, cgsnapshots.CGSnapshot{ID: cgs1ID, Name: "cg-s1"}, *s)
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestCreateErrors(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	_, err := c.CGSnapshots.Create(t.Context(), cgsnapshots.CreateRequest{Name: "x"})
	require.ErrorContains(t, err, "cinder: creating a cgsnapshot needs a consistency group ID")
	assert.Zero(t, mock.GetTotalCallCount())
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPost, Path: "cgsnapshots",
		Body: `{"cgsnapshot":{"consistencygroup_id":"` + deadID + `"}}`}, http.StatusNotFound, "cgsnapshots/error_create_404.json")
	_, err = c.CGSnapshots.Create(t.Context(), cgsnapshots.CreateRequest{ConsistencyGroupID: deadID})
	testutil.RequireAPIError(t, err, http.StatusNotFound, cinder.ErrNotFound, "Group "+deadID+" could not be found")
}

func TestGet(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.0")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "cgsnapshots/" + cgs1ID, Version: "3.0"},
		http.StatusOK, "cgsnapshots/get.json")
	s, err := c.CGSnapshots.Get(t.Context(), cgs1ID)
	require.NoError(t, err)
	assert.Equal(t, fixtureSnapshot(), *s)
}

func TestGetNotFound(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "cgsnapshots/" + deadID}, http.StatusNotFound,
		"cgsnapshots/error_404.json")
	s, err := c.CGSnapshots.Get(t.Context(), deadID)
	assert.Nil(t, s)
	testutil.RequireAPIError(t, err, http.StatusNotFound, cinder.ErrNotFound, "GroupSnapshot "+deadID+" could not be found")
}

func TestDelete(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodDelete, Path: "cgsnapshots/" + cgs1ID, Version: "3.70"},
		http.StatusAccepted, "")
	require.NoError(t, c.CGSnapshots.Delete(t.Context(), cgs1ID))
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestDeleteNotFound(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodDelete, Path: "cgsnapshots/" + cgs1ID}, http.StatusNotFound,
		"cgsnapshots/error_delete_404.json")
	err := c.CGSnapshots.Delete(t.Context(), cgs1ID)
	testutil.RequireAPIError(t, err, http.StatusNotFound, cinder.ErrNotFound, "could not be found")
}

func TestList(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "cgsnapshots/detail", Version: "3.70"},
		http.StatusOK, "cgsnapshots/list.json")
	got, err := cinder.Collect(c.CGSnapshots.List(t.Context(), nil))
	require.NoError(t, err)
	assert.Equal(t, []cgsnapshots.CGSnapshot{fixtureSnapshot()}, got)
}

func TestListRefs(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "cgsnapshots", Version: "3.70", Query: "limit=5"},
		http.StatusOK, "cgsnapshots/list_refs.json")
	opts := &cgsnapshots.ListOptions{Limit: 5}
	got, err := cinder.Collect(c.CGSnapshots.ListRefs(t.Context(), opts))
	require.NoError(t, err)
	assert.Equal(t, []cgsnapshots.CGSnapshot{{ID: cgs1ID, Name: "cg-s1"}}, got)
	assert.Equal(t, &cgsnapshots.ListOptions{Limit: 5}, opts)
}

func TestListQuery(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name  string
		opts  *cgsnapshots.ListOptions
		query string
	}{
		{"nil", nil, ""},
		{"empty", &cgsnapshots.ListOptions{}, ""},
		{"limit and offset", &cgsnapshots.ListOptions{Limit: 2, Offset: 4}, "limit=2&offset=4"},
		{"all tenants", &cgsnapshots.ListOptions{AllTenants: true}, "all_tenants=1"},
		{"all tenants paged", &cgsnapshots.ListOptions{AllTenants: true, Limit: 1, Offset: 1}, "all_tenants=1&limit=1&offset=1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c, mock := testutil.NewClient(t, "3.70")
			testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "cgsnapshots/detail", Query: tc.query},
				http.StatusOK, "cgsnapshots/list.json")
			_, err := cinder.Collect(c.CGSnapshots.List(t.Context(), tc.opts))
			require.NoError(t, err)
			assert.Equal(t, 1, mock.GetTotalCallCount())
		})
	}
}

func TestListBadOptions(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	_, err := cinder.Collect(c.CGSnapshots.List(t.Context(), &cgsnapshots.ListOptions{Offset: -1}))
	require.ErrorContains(t, err, "cinder: offset -1 must not be negative")
	_, err = cinder.Collect(c.CGSnapshots.ListRefs(t.Context(), &cgsnapshots.ListOptions{Limit: -1}))
	require.ErrorContains(t, err, "must not be negative")
	assert.Zero(t, mock.GetTotalCallCount())
}

func TestListError(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	mock.RegisterResponder(http.MethodGet, testutil.URL("cgsnapshots/detail"),
		testutil.JSONResponder(t, http.StatusNotFound, "cgsnapshots/error_404.json"))
	var n int
	for s, err := range c.CGSnapshots.List(t.Context(), nil) {
		n++
		assert.Zero(t, s)
		testutil.RequireAPIError(t, err, http.StatusNotFound, cinder.ErrNotFound, "could not be found")
	}
	assert.Equal(t, 1, n)
}

func TestFind(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "cgsnapshots/cg-s1"}, http.StatusNotFound,
		"cgsnapshots/error_404.json")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "cgsnapshots"}, http.StatusOK, "cgsnapshots/list_refs.json")
	s, err := c.CGSnapshots.Find(t.Context(), "cg-s1", nil)
	require.NoError(t, err)
	assert.Equal(t, cgsnapshots.CGSnapshot{ID: cgs1ID, Name: "cg-s1"}, *s)
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "cgsnapshots/cg-none"}, http.StatusNotFound,
		"cgsnapshots/error_404.json")
	_, err = c.CGSnapshots.Find(t.Context(), "cg-none", nil)
	require.ErrorIs(t, err, cinder.ErrNotFound)
}
