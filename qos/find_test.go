package qos_test

import (
	"net/http"
	"testing"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/internal/testutil"
)

func TestFindByID(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "qos-specs/" + specA}, http.StatusOK, "qos/get.json")
	s, err := c.QoS.Find(t.Context(), specA, nil)
	require.NoError(t, err)
	assert.Equal(t, withLinks(specAItem()), *s)
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestFindByName(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	// the first page is asked for without a query; the next links carry the recorded one
	first := testutil.JSONResponder(t, http.StatusOK, "qos/list_page1.json")
	next := pages(t)
	mock.RegisterResponder(http.MethodGet, "=~^"+testutil.URL("qos-specs")+`(\?.*)?$`, func(r *http.Request) (*http.Response, error) {
		if r.URL.RawQuery == "" {
			return first(r)
		}
		return next(r)
	})
	s, err := c.QoS.Find(t.Context(), "gocinder-rec-qos-a", nil)
	require.NoError(t, err)
	assert.Equal(t, specAItem(), *s)
	assert.Equal(t, 3, mock.GetTotalCallCount())
}

func TestFindMisses(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	mock.RegisterResponder(http.MethodGet, testutil.URL("qos-specs"), httpmock.NewStringResponder(http.StatusOK,
		`{"qos_specs": [{"id": "a", "name": "twin"}, {"id": "b", "name": "twin"}]}`))
	_, err := c.QoS.Find(t.Context(), "nope", nil)
	require.ErrorIs(t, err, cinder.ErrNotFound)

	_, err = c.QoS.Find(t.Context(), "twin", nil)
	var amb *cinder.AmbiguousError
	require.ErrorAs(t, err, &amb)
	assert.Equal(t, []string{"a", "b"}, amb.IDs)

	_, err = c.QoS.Find(t.Context(), "", nil)
	require.ErrorContains(t, err, "needs a QoS spec name or ID")
	assert.Equal(t, 2, mock.GetTotalCallCount())
}

func TestFindError(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "qos-specs/00000000-0000-4000-8000-0000000000aa"}, http.StatusForbidden, "qos/error_403.json")
	_, err := c.QoS.Find(t.Context(), "00000000-0000-4000-8000-0000000000aa", nil)
	testutil.RequireAPIError(t, err, http.StatusForbidden, cinder.ErrForbidden, "Policy")
	assert.Equal(t, 1, mock.GetTotalCallCount())
}
