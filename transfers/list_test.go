package transfers_test

import (
	"net/http"
	"testing"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/internal/testutil"
	"github.com/gocinder/cinder/transfers"
)

func TestList(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "volume-transfers/detail", Version: "3.70",
		Query: "volume_id=" + volID}, http.StatusOK, "transfers/list.json")
	got, err := cinder.Collect(c.Transfers.List(t.Context(), &transfers.ListOptions{VolumeID: volID}))
	require.NoError(t, err)
	assert.Equal(t, []transfers.Transfer{fixtureTransfer()}, got)
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestListRefs(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "volume-transfers", Version: "3.70",
		Query: "volume_id=" + volID}, http.StatusOK, "transfers/list_refs.json")
	got, err := cinder.Collect(c.Transfers.ListRefs(t.Context(), &transfers.ListOptions{VolumeID: volID}))
	require.NoError(t, err)
	assert.Equal(t, []transfers.Ref{{ID: transferID, Name: "tx-rec-1", VolumeID: volID, Links: links(adminProj, transferID)}}, got)
}

func TestListLegacy(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.54")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "os-volume-transfer/detail", Version: "3.54",
		Query: "all_tenants=1&name=tx-rec-1"}, http.StatusOK, "transfers/list.json")
	got, err := cinder.Collect(c.Transfers.List(t.Context(), &transfers.ListOptions{AllTenants: true, Name: "tx-rec-1"}))
	require.NoError(t, err)
	assert.Len(t, got, 1)
}

// demoTransfer is a transfer of the paging fixtures.
func demoTransfer(id, name, vol string) transfers.Transfer {
	return transfers.Transfer{ID: id, Name: name, VolumeID: vol, CreatedAt: stamp, Links: links(demoProj, id), SourceProjectID: demoProj}
}

// TestListFollowsPages: the next link (which Cinder points at
// os-volume-transfer, without /detail) is followed on the detail path,
// until a page without one.
func TestListFollowsPages(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	pages := map[string]string{
		"limit=1&sort=display_name%3Aasc":                        "transfers/list_page1.json",
		"limit=1&marker=" + page1ID + "&sort=display_name%3Aasc": "transfers/list_page2.json",
	}
	mock.RegisterResponder(http.MethodGet, testutil.URL("volume-transfers/detail"), func(r *http.Request) (*http.Response, error) {
		if r.URL.Query().Get("marker") == page2ID {
			return testutil.Respond(http.StatusOK, []byte(`{"transfers": []}`)), nil
		}
		f, ok := pages[r.URL.RawQuery]
		require.True(t, ok, "unexpected query %s", r.URL.RawQuery)
		return testutil.Respond(http.StatusOK, testutil.Fixture(t, f)), nil
	})
	got, err := cinder.Collect(c.Transfers.List(t.Context(), &transfers.ListOptions{Limit: 1, Sort: "display_name:asc"}))
	require.NoError(t, err)
	assert.Equal(t, []transfers.Transfer{demoTransfer(page1ID, "tx-rec-p1", volID), demoTransfer(page2ID, "tx-rec-p2", vol2ID)}, got)
	assert.Equal(t, 3, mock.GetTotalCallCount())
}

func TestListPage(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.59")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "volume-transfers/detail", Version: "3.59",
		Query: "limit=1&sort=display_name%3Aasc"}, http.StatusOK, "transfers/list_page1.json")
	opts := &transfers.ListOptions{Limit: 1, Sort: "display_name:asc"}
	items, next, err := c.Transfers.ListPage(t.Context(), opts)
	require.NoError(t, err)
	assert.Equal(t, []transfers.Transfer{demoTransfer(page1ID, "tx-rec-p1", volID)}, items)
	assert.Equal(t, page1ID, next)
	assert.Equal(t, &transfers.ListOptions{Limit: 1, Sort: "display_name:asc"}, opts, "opts untouched")
}

func TestListError(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	// the answer Cinder gives a sort key it does not know
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "volume-transfers/detail", Query: "sort=accepted"},
		http.StatusBadRequest, "transfers/error_sort_key.json")
	var n int
	for _, err := range c.Transfers.List(t.Context(), &transfers.ListOptions{Sort: "accepted"}) {
		n++
		testutil.RequireAPIError(t, err, http.StatusBadRequest, cinder.ErrBadRequest, "Invalid sort key")
	}
	assert.Equal(t, 1, n, "the error is yielded once")
}

func TestListQuery(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		opts  transfers.ListOptions
		query string
	}{
		{transfers.ListOptions{}, ""},
		{transfers.ListOptions{AllTenants: true}, "all_tenants=1"},
		{transfers.ListOptions{Name: "a b"}, "name=a+b"},
		{transfers.ListOptions{VolumeID: volID}, "volume_id=" + volID},
		{transfers.ListOptions{Filters: map[string]string{"source_project_id": adminProj}}, "source_project_id=" + adminProj},
		{transfers.ListOptions{Filters: map[string]string{"name": "x"}, Name: "y"}, "name=y"},
		{transfers.ListOptions{Limit: 5, Marker: "m", Sort: "created_at:desc,id"}, "limit=5&marker=m&sort=created_at%3Adesc%2Cid"},
	} {
		c, mock := testutil.NewClient(t, "3.70")
		testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "volume-transfers/detail", Query: tc.query},
			http.StatusOK, "transfers/list.json")
		_, err := cinder.Collect(c.Transfers.List(t.Context(), &tc.opts))
		require.NoError(t, err, "%+v", tc.opts)
		assert.Equal(t, 1, mock.GetTotalCallCount(), "%+v", tc.opts)
	}
}

// TestListPagingNeeds359: below 3.59 Cinder treats limit, marker and sort
// as column filters and answers an empty list, so they are refused.
func TestListPagingNeeds359(t *testing.T) {
	t.Parallel()
	for _, opts := range []transfers.ListOptions{{Limit: 1}, {Marker: transferID}, {Sort: "created_at"}} {
		for _, v := range []string{"3.0", "3.58"} {
			c, mock := testutil.NewClient(t, v)
			_, err := cinder.Collect(c.Transfers.List(t.Context(), &opts))
			testutil.RequireVersionError(t, err, "3.59")
			_, err = cinder.Collect(c.Transfers.ListRefs(t.Context(), &opts))
			testutil.RequireVersionError(t, err, "3.59")
			_, _, err = c.Transfers.ListPage(t.Context(), &opts)
			testutil.RequireVersionError(t, err, "3.59")
			assert.Equal(t, 0, mock.GetTotalCallCount())
		}
	}
}

func TestListRefusedOptions(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		opts transfers.ListOptions
		msg  string
	}{
		{transfers.ListOptions{Limit: -1}, "negative"},
		{transfers.ListOptions{Sort: "name"}, "sort key"},
		{transfers.ListOptions{Sort: "id:up"}, "direction"},
		{transfers.ListOptions{Filters: map[string]string{"limit": "1"}}, "ListOptions.Limit"},
	} {
		c, mock := testutil.NewClient(t, "3.70")
		_, err := cinder.Collect(c.Transfers.List(t.Context(), &tc.opts))
		require.ErrorContains(t, err, tc.msg)
		assert.Equal(t, 0, mock.GetTotalCallCount())
	}
}

func TestFindByID(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "volume-transfers/" + transferID}, http.StatusOK, "transfers/get.json")
	tr, err := c.Transfers.Find(t.Context(), transferID, nil)
	require.NoError(t, err)
	assert.Equal(t, fixtureTransfer(), *tr)
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestFindByName(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "volume-transfers/detail", Query: "name=tx-rec-1"},
		http.StatusOK, "transfers/list.json")
	tr, err := c.Transfers.Find(t.Context(), "tx-rec-1", nil)
	require.NoError(t, err)
	assert.Equal(t, fixtureTransfer(), *tr)
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestFindNone(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	mock.RegisterResponder(http.MethodGet, testutil.URL("volume-transfers/detail"),
		httpmock.NewStringResponder(http.StatusOK, `{"transfers": []}`))
	_, err := c.Transfers.Find(t.Context(), "nope", nil)
	require.ErrorIs(t, err, cinder.ErrNotFound)
	assert.Contains(t, err.Error(), `"nope"`)
}

func TestFindAmbiguous(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	mock.RegisterResponder(http.MethodGet, testutil.URL("volume-transfers/detail"),
		httpmock.NewStringResponder(http.StatusOK, `{"transfers": [{"id": "a", "name": "twin"}, {"id": "b", "name": "twin"}, {"id": "c", "name": "twins"}]}`))
	_, err := c.Transfers.Find(t.Context(), "twin", nil)
	var amb *cinder.AmbiguousError
	require.ErrorAs(t, err, &amb)
	assert.Equal(t, []string{"a", "b"}, amb.IDs)
	assert.Contains(t, err.Error(), "cinder: 2 transfers are named")
}

func TestFindEmpty(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	_, err := c.Transfers.Find(t.Context(), "", nil)
	require.Error(t, err)
	assert.Equal(t, 0, mock.GetTotalCallCount())
}
