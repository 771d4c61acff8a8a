package attachments_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/attachments"
	"github.com/gocinder/cinder/internal/testutil"
)

func TestList(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "attachments/detail", Version: "3.70",
		Query: "all_tenants=1&volume_id=" + volID}, http.StatusOK, "attachments/list.json")
	got, err := cinder.Collect(c.Attachments.List(t.Context(), &attachments.ListOptions{AllTenants: true, VolumeID: volID}))
	require.NoError(t, err)
	assert.Equal(t, []attachments.Attachment{fixtureAttachment()}, got)
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestListRefs(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "attachments", Version: "3.70",
		Query: "all_tenants=1&volume_id=" + volID}, http.StatusOK, "attachments/list_refs.json")
	got, err := cinder.Collect(c.Attachments.ListRefs(t.Context(), &attachments.ListOptions{AllTenants: true, VolumeID: volID}))
	require.NoError(t, err)
	assert.Equal(t, []attachments.Ref{{ID: attID, Status: attachments.StatusAttached, VolumeID: volID}}, got)
}

func TestListError(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "attachments/detail", Query: "bogus=1"},
		http.StatusBadRequest, "attachments/error_filter.json")
	var n int
	for _, err := range c.Attachments.List(t.Context(), &attachments.ListOptions{Filters: map[string]string{"bogus": "1"}}) {
		n++
		testutil.RequireAPIError(t, err, http.StatusBadRequest, cinder.ErrBadRequest, "Invalid filters bogus")
	}
	assert.Equal(t, 1, n, "the error is yielded once")
}

func TestListQuery(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		version string
		opts    attachments.ListOptions
		query   string
	}{
		{"3.27", attachments.ListOptions{}, ""},
		{"3.27", attachments.ListOptions{Status: attachments.StatusReserved}, "attach_status=reserved"},
		{"3.27", attachments.ListOptions{InstanceID: "srv"}, "instance_id=srv"},
		{"3.27", attachments.ListOptions{Limit: 2, Marker: "m", Sort: "created_at:desc,id"}, "limit=2&marker=m&sort=created_at%3Adesc%2Cid"},
		{"3.33", attachments.ListOptions{Filters: map[string]string{"volume_id": "v"}}, "volume_id=v"},
		{"3.33", attachments.ListOptions{Filters: map[string]string{"volume_id": "v"}, VolumeID: "w"}, "volume_id=w"},
		{"3.34", attachments.ListOptions{Filters: map[string]string{"volume_id~": "v"}}, "volume_id~=v"},
	} {
		c, mock := testutil.NewClient(t, tc.version)
		testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "attachments/detail", Version: tc.version, Query: tc.query},
			http.StatusOK, "attachments/list.json")
		_, err := cinder.Collect(c.Attachments.List(t.Context(), &tc.opts))
		require.NoError(t, err, "%+v", tc.opts)
		assert.Equal(t, 1, mock.GetTotalCallCount(), "%+v", tc.opts)
	}
}

func TestListFilterGates(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		version, need string
		filters       map[string]string
	}{
		{"3.32", "3.33", map[string]string{"volume_id": "v"}},
		{"3.33", "3.34", map[string]string{"volume_id~": "v"}},
	} {
		c, mock := testutil.NewClient(t, tc.version)
		opts := &attachments.ListOptions{Filters: tc.filters}
		_, err := cinder.Collect(c.Attachments.List(t.Context(), opts))
		testutil.RequireVersionError(t, err, tc.need)
		_, err = cinder.Collect(c.Attachments.ListRefs(t.Context(), opts))
		testutil.RequireVersionError(t, err, tc.need)
		_, _, err = c.Attachments.ListPage(t.Context(), opts)
		testutil.RequireVersionError(t, err, tc.need)
		assert.Equal(t, 0, mock.GetTotalCallCount())
	}
}

func TestListRefusedOptions(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		opts attachments.ListOptions
		msg  string
	}{
		{attachments.ListOptions{Limit: -1}, "negative"},
		{attachments.ListOptions{Sort: "status"}, "sort key"},
		{attachments.ListOptions{Sort: "id:sideways"}, "direction"},
	} {
		c, mock := testutil.NewClient(t, "3.70")
		_, err := cinder.Collect(c.Attachments.List(t.Context(), &tc.opts))
		require.ErrorContains(t, err, tc.msg)
		assert.Equal(t, 0, mock.GetTotalCallCount())
	}
}

// pagedServer answers page 1 (list.json, one item) without a marker and an
// empty page for marker=attID, as Cinder does: no next links.
func pagedServer(t *testing.T, path string) (*cinder.Client, func() int) {
	t.Helper()
	c, mock := testutil.NewClient(t, "3.70")
	fixture := map[string]string{"attachments/detail": "attachments/list.json", "attachments": "attachments/list_refs.json"}[path]
	mock.RegisterResponder(http.MethodGet, testutil.URL(path), func(r *http.Request) (*http.Response, error) {
		switch r.URL.RawQuery {
		case "limit=1":
			return testutil.Respond(http.StatusOK, testutil.Fixture(t, fixture)), nil
		case "limit=1&marker=" + attID:
			return testutil.Respond(http.StatusOK, []byte(`{"attachments": []}`)), nil
		}
		t.Errorf("unexpected query %s", r.URL.RawQuery)
		return testutil.Respond(http.StatusBadRequest, nil), nil
	})
	return c, mock.GetTotalCallCount
}

// TestListWalksFullPages: Cinder sends no next link for attachments, so a
// full page is followed by a request with marker = its last ID.
func TestListWalksFullPages(t *testing.T) {
	t.Parallel()
	c, calls := pagedServer(t, "attachments/detail")
	opts := &attachments.ListOptions{Limit: 1}
	got, err := cinder.Collect(c.Attachments.List(t.Context(), opts))
	require.NoError(t, err)
	assert.Equal(t, []attachments.Attachment{fixtureAttachment()}, got)
	assert.Equal(t, 2, calls())
	assert.Equal(t, &attachments.ListOptions{Limit: 1}, opts, "opts untouched")

	c, calls = pagedServer(t, "attachments")
	refs, err := cinder.Collect(c.Attachments.ListRefs(t.Context(), &attachments.ListOptions{Limit: 1}))
	require.NoError(t, err)
	assert.Len(t, refs, 1)
	assert.Equal(t, 2, calls())
}

func TestListWithoutLimitIsOneRequest(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "attachments/detail"}, http.StatusOK, "attachments/list.json")
	got, err := cinder.Collect(c.Attachments.List(t.Context(), nil))
	require.NoError(t, err)
	assert.Len(t, got, 1)
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestListBreakStops(t *testing.T) {
	t.Parallel()
	c, calls := pagedServer(t, "attachments/detail")
	for a, err := range c.Attachments.List(t.Context(), &attachments.ListOptions{Limit: 1}) {
		require.NoError(t, err)
		assert.Equal(t, attID, a.ID)
		break
	}
	assert.Equal(t, 1, calls(), "nothing fetched after break")
}

func TestListCanceled(t *testing.T) {
	t.Parallel()
	c, calls := pagedServer(t, "attachments/detail")
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	_, err := cinder.Collect(c.Attachments.List(ctx, &attachments.ListOptions{Limit: 1}))
	require.ErrorIs(t, err, context.Canceled)
	assert.Equal(t, 0, calls())
}

func TestListRepeatedMarker(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	// a server that ignores the marker: the same full page forever
	mock.RegisterResponder(http.MethodGet, testutil.URL("attachments/detail"), testutil.JSONResponder(t, http.StatusOK, "attachments/list.json"))
	n := 0
	var last error
	for _, err := range c.Attachments.List(t.Context(), &attachments.ListOptions{Limit: 1, Marker: "start"}) {
		n++
		last = err
		require.Less(t, n, 10, "the walk must stop")
	}
	require.ErrorContains(t, last, "repeats marker")
	assert.Equal(t, 2, mock.GetTotalCallCount())
}

func TestListPage(t *testing.T) {
	t.Parallel()
	c, calls := pagedServer(t, "attachments/detail")
	items, next, err := c.Attachments.ListPage(t.Context(), &attachments.ListOptions{Limit: 1})
	require.NoError(t, err)
	assert.Equal(t, []attachments.Attachment{fixtureAttachment()}, items)
	assert.Equal(t, attID, next, "a full page gives its last ID as the marker")
	items, next, err = c.Attachments.ListPage(t.Context(), &attachments.ListOptions{Limit: 1, Marker: next})
	require.NoError(t, err)
	assert.Empty(t, items)
	assert.Empty(t, next)
	assert.Equal(t, 2, calls())
}

func TestListPageShort(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "attachments/detail", Query: "limit=5"}, http.StatusOK, "attachments/list.json")
	items, next, err := c.Attachments.ListPage(t.Context(), &attachments.ListOptions{Limit: 5})
	require.NoError(t, err)
	assert.Len(t, items, 1)
	assert.Empty(t, next, "a short page is the last")
}
