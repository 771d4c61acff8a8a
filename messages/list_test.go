package messages_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/internal/testutil"
	"github.com/gocinder/cinder/messages"
)

func TestListPage(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.5")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "messages", Query: "limit=1&sort=created_at%3Adesc", Version: "3.5"},
		http.StatusOK, "messages/list_page1.json")
	ms, next, err := c.Messages.ListPage(t.Context(), &messages.ListOptions{Limit: 1, Sort: "created_at:desc"})
	require.NoError(t, err)
	assert.Equal(t, []messages.Message{msg(msgNewer, volNewer, testutil.ProjectID)}, ms)
	assert.Equal(t, msgNewer, next)
}

func TestListPageWithMarker(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "messages",
		Query: "limit=1&marker=" + msgNewer + "&sort=created_at%3Adesc", Version: "3.70"}, http.StatusOK, "messages/list_page2.json")
	ms, next, err := c.Messages.ListPage(t.Context(), &messages.ListOptions{Limit: 1, Sort: "created_at:desc", Marker: msgNewer})
	require.NoError(t, err)
	assert.Equal(t, []messages.Message{msg(msgOlder, volOlder, testutil.ProjectID)}, ms)
	assert.Equal(t, msgOlder, next)
}

// TestListFollowsPages: List walks page 1's next link (limit=1, marker)
// to the recorded rest of the list, which has no next link.
func TestListFollowsPages(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	page1 := testutil.JSONResponder(t, http.StatusOK, "messages/list_page1.json")
	rest := testutil.JSONResponder(t, http.StatusOK, "messages/list_rest.json")
	var queries []string
	mock.RegisterResponder(http.MethodGet, "=~^"+testutil.URL("messages"), func(r *http.Request) (*http.Response, error) {
		queries = append(queries, r.URL.RawQuery)
		if r.URL.Query().Get("marker") == "" {
			return page1(r)
		}
		return rest(r)
	})
	opts := &messages.ListOptions{Limit: 1, Sort: "created_at:desc"}
	ms, err := cinder.Collect(c.Messages.List(t.Context(), opts))
	require.NoError(t, err)
	assert.Equal(t, []messages.Message{
		msg(msgNewer, volNewer, testutil.ProjectID), msg(msgOlder, volOlder, testutil.ProjectID), msg(msgExt, volExt, testutil.ProjectID),
	}, ms)
	assert.Equal(t, []string{"limit=1&sort=created_at%3Adesc", "limit=1&marker=" + msgNewer + "&sort=created_at%3Adesc"}, queries)
	assert.Equal(t, &messages.ListOptions{Limit: 1, Sort: "created_at:desc"}, opts, "opts untouched")
}

func TestListNoOptionsAt33(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.3")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "messages", Version: "3.3"}, http.StatusOK, "messages/list_rest.json")
	ms, err := cinder.Collect(c.Messages.List(t.Context(), nil))
	require.NoError(t, err)
	assert.Len(t, ms, 2)
}

func TestListFiltered(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "messages",
		Query: "message_level=ERROR&resource_uuid=" + volOlder, Version: "3.70"}, http.StatusOK, "messages/list_filtered.json")
	ms, err := cinder.Collect(c.Messages.List(t.Context(), &messages.ListOptions{ResourceUUID: volOlder, Level: messages.LevelError}))
	require.NoError(t, err)
	assert.Equal(t, []messages.Message{msg(msgOlder, volOlder, testutil.ProjectID)}, ms)
}

func TestListLike(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.34")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "messages", Query: "event_id~=VOLUME_001", Version: "3.34"},
		http.StatusOK, "messages/list_like.json")
	ms, err := cinder.Collect(c.Messages.List(t.Context(), &messages.ListOptions{Filters: map[string]string{"event_id~": "VOLUME_001"}}))
	require.NoError(t, err)
	assert.Equal(t, []messages.Message{msg(msgNewer, volNewer, adminPrj), msg(msgOlder, volOlder, adminPrj)}, ms)
}

func TestListQuery(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		version string
		opts    messages.ListOptions
		query   string
	}{
		{"3.5", messages.ListOptions{ResourceType: messages.ResourceBackup, EventID: "VOLUME_BACKUP_001_002", RequestID: "req-1"},
			"event_id=VOLUME_BACKUP_001_002&request_id=req-1&resource_type=VOLUME_BACKUP"},
		{"3.5", messages.ListOptions{Sort: "expires_at:asc, id", Marker: "m"}, "marker=m&sort=expires_at%3Aasc%2Cid"},
		{"3.33", messages.ListOptions{Filters: map[string]string{"resource_uuid": "v"}}, "resource_uuid=v"},
	} {
		c, mock := testutil.NewClient(t, tc.version)
		testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "messages", Query: tc.query, Version: tc.version},
			http.StatusOK, "messages/list_filtered.json")
		_, _, err := c.Messages.ListPage(t.Context(), &tc.opts)
		require.NoError(t, err, tc.query)
		assert.Equal(t, 1, mock.GetTotalCallCount(), tc.query)
	}
}

func TestListBadFilter(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "messages", Query: "bogus=x"}, http.StatusBadRequest, "messages/error_list_filter.json")
	_, err := cinder.Collect(c.Messages.List(t.Context(), &messages.ListOptions{Filters: map[string]string{"bogus": "x"}}))
	testutil.RequireAPIError(t, err, http.StatusBadRequest, cinder.ErrBadRequest, "Invalid filters bogus")
	_, _, err = c.Messages.ListPage(t.Context(), &messages.ListOptions{Filters: map[string]string{"bogus": "x"}})
	testutil.RequireAPIError(t, err, http.StatusBadRequest, cinder.ErrBadRequest, "Invalid filters bogus")
}

// TestListOptionVersions: below 3.5 Cinder ignores the query, so each
// option is refused; Filters need 3.33, inexact keys 3.34.
func TestListOptionVersions(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		version string
		opts    messages.ListOptions
		need    string
	}{
		{"3.4", messages.ListOptions{Limit: 5}, "3.5"},
		{"3.4", messages.ListOptions{Marker: "m"}, "3.5"},
		{"3.4", messages.ListOptions{Sort: "id"}, "3.5"},
		{"3.4", messages.ListOptions{ResourceUUID: "v"}, "3.5"},
		{"3.4", messages.ListOptions{ResourceType: messages.ResourceVolume}, "3.5"},
		{"3.4", messages.ListOptions{EventID: "e"}, "3.5"},
		{"3.4", messages.ListOptions{RequestID: "r"}, "3.5"},
		{"3.4", messages.ListOptions{Level: messages.LevelError}, "3.5"},
		{"3.32", messages.ListOptions{Filters: map[string]string{"event_id": "e"}}, "3.33"},
		{"3.33", messages.ListOptions{Filters: map[string]string{"event_id~": "e"}}, "3.34"},
	} {
		c, mock := testutil.NewClient(t, tc.version)
		_, err := cinder.Collect(c.Messages.List(t.Context(), &tc.opts))
		testutil.RequireVersionError(t, err, tc.need)
		_, _, err = c.Messages.ListPage(t.Context(), &tc.opts)
		testutil.RequireVersionError(t, err, tc.need)
		assert.Equal(t, 0, mock.GetTotalCallCount())
	}
}

func TestListBadOptions(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	_, _, err := c.Messages.ListPage(t.Context(), &messages.ListOptions{Limit: -1})
	require.ErrorContains(t, err, "must not be negative")
	_, _, err = c.Messages.ListPage(t.Context(), &messages.ListOptions{Sort: "guaranteed_until"})
	require.ErrorContains(t, err, "sort key")
	_, _, err = c.Messages.ListPage(t.Context(), &messages.ListOptions{Sort: "id:up"})
	require.ErrorContains(t, err, "sort direction")
	assert.Equal(t, 0, mock.GetTotalCallCount())
}
