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

func TestFindByID(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "qos-specs/" + specA}, http.StatusOK, "qos/get.json")
	s, err := c.QoS.Find(t.Context(), specA)
	require.NoError(t, err)
	assert.Equal(t, withLinks(specAItem()), *s)
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestFindByName(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "qos-specs/gocinder-rec-qos-a"}, http.StatusNotFound, "qos/error_404.json")
	// the first page is asked for without a query; the next links carry the recorded one
	first := testutil.JSONResponder(t, http.StatusOK, "qos/list_page1.json")
	next := pages(t)
	mock.RegisterResponder(http.MethodGet, "=~^"+testutil.URL("qos-specs")+`(\?.*)?$`, func(r *http.Request) (*http.Response, error) {
		if r.URL.RawQuery == "" {
			return first(r)
		}
		return next(r)
	})
	s, err := c.QoS.Find(t.Context(), "gocinder-rec-qos-a")
	require.NoError(t, err)
	assert.Equal(t, specAItem(), *s)
	assert.Equal(t, 4, mock.GetTotalCallCount())
}

func TestFindMisses(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "qos-specs/nope"}, http.StatusNotFound, "qos/error_404.json")
	mock.RegisterResponder(http.MethodGet, testutil.URL("qos-specs"), httpmock.NewStringResponder(http.StatusOK,
		`{"qos_specs": [{"id": "a", "name": "twin"}, {"id": "b", "name": "twin"}]}`))
	_, err := c.QoS.Find(t.Context(), "nope")
	require.ErrorIs(t, err, cinder.ErrNotFound)

	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "qos-specs/twin"}, http.StatusNotFound, "qos/error_404.json")
	_, err = c.QoS.Find(t.Context(), "twin")
	var amb *qos.AmbiguousError
	require.ErrorAs(t, err, &amb)
	assert.Equal(t, []string{"a", "b"}, amb.IDs)

	_, err = c.QoS.Find(t.Context(), "")
	require.ErrorContains(t, err, "needs a QoS spec name or ID")
	assert.Equal(t, 4, mock.GetTotalCallCount())
}

func TestFindError(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "qos-specs/x"}, http.StatusForbidden, "qos/error_403.json")
	_, err := c.QoS.Find(t.Context(), "x")
	testutil.RequireAPIError(t, err, http.StatusForbidden, cinder.ErrForbidden, "Policy")
	assert.Equal(t, 1, mock.GetTotalCallCount())
}
