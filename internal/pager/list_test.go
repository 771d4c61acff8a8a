package pager_test

import (
	"errors"
	"net/http"
	"net/url"
	"testing"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder/internal/pager"
	"github.com/gocinder/cinder/internal/rest"
	mv "github.com/gocinder/cinder/microversion"
)

func TestFailed(t *testing.T) {
	t.Parallel()
	boom := errors.New("boom")
	var got []error
	for v, err := range pager.Failed[item](boom) {
		assert.Equal(t, item{}, v)
		got = append(got, err)
	}
	assert.Equal(t, []error{boom}, got)
}

func TestListAndListPageWithQueryError(t *testing.T) {
	t.Parallel()
	rc, mock := newClient(t)
	boom := errors.New("boom")
	call := rest.Call{Path: "volumes/detail"}
	n := 0
	for _, err := range pager.List[item](t.Context(), rc, call, "volumes", boom) {
		require.ErrorIs(t, err, boom)
		n++
	}
	assert.Equal(t, 1, n)
	items, next, err := pager.ListPage[item](t.Context(), rc, call, "volumes", boom)
	require.ErrorIs(t, err, boom)
	assert.Nil(t, items)
	assert.Empty(t, next)
	assert.Zero(t, mock.GetTotalCallCount(), "nothing is sent")
}

func TestListAndListPage(t *testing.T) {
	t.Parallel()
	rc, mock := newClient(t)
	serve(mock, nil)
	call := rest.Call{Path: "volumes/detail", Query: url.Values{"limit": {"2"}}}
	var ids []string
	for v, err := range pager.List[item](t.Context(), rc, call, "volumes", nil) {
		require.NoError(t, err)
		ids = append(ids, v.ID)
	}
	assert.Equal(t, []string{"v0", "v1", "v2", "v3", "v4", "v5"}, ids)
	items, next, err := pager.ListPage[item](t.Context(), rc, call, "volumes", nil)
	require.NoError(t, err)
	assert.Equal(t, []item{{"v0", "n0"}, {"v1", "n1"}}, items)
	assert.Equal(t, "v1", next)
}

func TestCount(t *testing.T) {
	t.Parallel()
	rc, mock := newClient(t)
	mock.RegisterResponder(http.MethodGet, endpoint+"volumes", func(r *http.Request) (*http.Response, error) {
		assert.Equal(t, "limit=1&status=available&with_count=true", r.URL.RawQuery, "marker dropped, limit 1")
		return httpmock.NewStringResponse(http.StatusOK, `{"volumes": [{"id": "v0"}], "count": 7}`), nil
	})
	q := url.Values{"status": {"available"}, "marker": {"v9"}, "limit": {"50"}}
	n, err := pager.Count(t.Context(), rc, rest.Call{Op: "volumes.Count", Path: "volumes", Query: q, Since: mv.V(3, 45)}, "volumes", nil)
	require.NoError(t, err)
	assert.Equal(t, 7, n)
	assert.Equal(t, url.Values{"status": {"available"}, "marker": {"v9"}, "limit": {"50"}}, q, "the caller's query is untouched")
}

func TestCountErrors(t *testing.T) {
	t.Parallel()
	rc, mock := newClient(t)
	boom := errors.New("boom")
	call := rest.Call{Op: "volumes.Count", Path: "volumes", Since: mv.V(3, 45)}

	old := *rc
	old.Version = mv.V(3, 44)
	_, err := pager.Count(t.Context(), &old, call, "volumes", boom)
	var verr *rest.VersionError
	require.ErrorAs(t, err, &verr, "the count's own version comes before the query's error")
	assert.Equal(t, "volumes.Count", verr.Op)

	_, err = pager.Count(t.Context(), rc, call, "volumes", boom)
	require.ErrorIs(t, err, boom)
	assert.Zero(t, mock.GetTotalCallCount())

	mock.RegisterResponder(http.MethodGet, endpoint+"volumes", httpmock.NewStringResponder(http.StatusOK, `{"volumes": []}`))
	_, err = pager.Count(t.Context(), rc, call, "volumes", nil)
	require.EqualError(t, err, "cinder: the server sent no count of volumes")
}
