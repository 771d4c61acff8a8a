package qos_test

import (
	"net/http"
	"testing"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/internal/testutil"
	"github.com/gocinder/cinder/qos"
)

const pageQuery = "limit=1&sort=created_at%3Adesc"

// markerQuery is pageQuery with a marker, encoded as url.Values does.
func markerQuery(marker string) string {
	return "limit=1&marker=" + marker + "&sort=created_at%3Adesc"
}

// pages answers the recorded pages by marker, then an empty last page.
func pages(t *testing.T) httpmock.Responder {
	return func(r *http.Request) (*http.Response, error) {
		assert.Equal(t, "volume 3.70", r.Header.Get("OpenStack-API-Version"))
		switch r.URL.RawQuery {
		case pageQuery:
			return testutil.Respond(http.StatusOK, testutil.Fixture(t, "qos/list_page1.json")), nil
		case markerQuery(specB):
			return testutil.Respond(http.StatusOK, testutil.Fixture(t, "qos/list_page2.json")), nil
		case markerQuery(specA):
			return testutil.Respond(http.StatusOK, []byte(`{"qos_specs": []}`)), nil
		}
		t.Errorf("unexpected query %s", r.URL.RawQuery)
		return httpmock.NewStringResponse(http.StatusTeapot, ""), nil
	}
}

func TestList(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	mock.RegisterResponder(http.MethodGet, "=~^"+testutil.URL("qos-specs")+`\?`, pages(t))
	opts := &qos.ListOptions{Limit: 1, Sort: "created_at:desc"}
	got, err := cinder.Collect(c.QoS.List(t.Context(), opts))
	require.NoError(t, err)
	assert.Equal(t, []qos.Spec{specBItem(), specAItem()}, got)
	assert.Equal(t, &qos.ListOptions{Limit: 1, Sort: "created_at:desc"}, opts, "List must not modify opts")
	assert.Equal(t, 3, mock.GetTotalCallCount())
}

func TestListPage(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "qos-specs", Query: markerQuery(specB), Version: "3.70"},
		http.StatusOK, "qos/list_page2.json")
	items, next, err := c.QoS.ListPage(t.Context(), &qos.ListOptions{Limit: 1, Sort: "created_at:desc", Marker: specB})
	require.NoError(t, err)
	assert.Equal(t, []qos.Spec{specAItem()}, items)
	assert.Equal(t, specA, next)
}

func TestListOptionErrors(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	for opts, msg := range map[*qos.ListOptions]string{
		{Limit: -1}:     "must not be negative",
		{Sort: "name"}:  "sort key",
		{Sort: "id:up"}: "sort direction",
	} {
		_, err := cinder.Collect(c.QoS.List(t.Context(), opts))
		require.ErrorContains(t, err, msg)
		_, _, err = c.QoS.ListPage(t.Context(), opts)
		require.ErrorContains(t, err, msg)
	}
	assert.Equal(t, 0, mock.GetTotalCallCount())
}

func TestListError(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "qos-specs"}, http.StatusForbidden, "qos/error_403.json")
	_, err := cinder.Collect(c.QoS.List(t.Context(), nil))
	testutil.RequireAPIError(t, err, http.StatusForbidden, cinder.ErrForbidden, "Policy doesn't allow")
}
