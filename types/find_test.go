package types_test

import (
	"net/http"
	"testing"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/internal/testutil"
	"github.com/gocinder/cinder/types"
)

func TestFindByID(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "types/" + pubID}, http.StatusOK, "types/get.json")
	vt, err := c.Types.Find(t.Context(), pubID, nil)
	require.NoError(t, err)
	assert.Equal(t, pubType(), *vt)
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

// TestFindByName: a name is not fetched by ID; every type is listed with
// is_public=None so an admin finds private types too.
func TestFindByName(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "types", Query: "is_public=None"}, http.StatusOK, "types/list.json")
	vt, err := c.Types.Find(t.Context(), "gocinder-rec-priv", nil)
	require.NoError(t, err)
	assert.Equal(t, privType(), *vt)
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

// TestFindFallsBack: when is_public is refused (a non-admin at 3.52+), the
// list is asked again with the defaults, which show the project's private types.
func TestFindFallsBack(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	list := testutil.JSONResponder(t, http.StatusOK, "types/list_demo.json")
	refused := testutil.JSONResponder(t, http.StatusBadRequest, "types/error_list_filter.json")
	mock.RegisterResponder(http.MethodGet, "=~^"+testutil.URL("types")+`(\?.*)?$`, func(r *http.Request) (*http.Response, error) {
		if r.URL.RawQuery == "is_public=None" {
			return refused(r)
		}
		assert.Empty(t, r.URL.RawQuery)
		return list(r)
	})
	vt, err := c.Types.Find(t.Context(), "gocinder-rec-priv2", nil)
	require.NoError(t, err)
	assert.Equal(t, types.VolumeType{ID: privID, Name: "gocinder-rec-priv2", Description: "private, renamed",
		ExtraSpecs: map[string]string{}}, *vt)
	assert.Equal(t, 2, mock.GetTotalCallCount())
}

func TestFindMisses(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "types", Query: "is_public=None"}, http.StatusOK, "types/list.json")
	_, err := c.Types.Find(t.Context(), "nope", nil)
	require.ErrorIs(t, err, cinder.ErrNotFound)
	assert.ErrorContains(t, err, `no volume type with name or ID "nope"`)

	_, err = c.Types.Find(t.Context(), "", nil)
	require.ErrorContains(t, err, "needs a volume type name or ID")
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestFindAmbiguous(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	mock.RegisterResponder(http.MethodGet, testutil.URL("types")+"?is_public=None", httpmock.NewStringResponder(http.StatusOK,
		`{"volume_types": [{"id": "a", "name": "twin"}, {"id": "b", "name": "twin"}]}`))
	_, err := c.Types.Find(t.Context(), "twin", nil)
	var amb *cinder.AmbiguousError
	require.ErrorAs(t, err, &amb)
	assert.Equal(t, []string{"a", "b"}, amb.IDs)
	assert.EqualError(t, err, `cinder: 2 volume types are named "twin" (a, b); use an ID`)
}

// TestFindError: an error other than 404 ends the lookup.
func TestFindError(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "types/" + privID}, http.StatusForbidden, "types/error_extra_specs_403.json")
	_, err := c.Types.Find(t.Context(), privID, nil)
	testutil.RequireAPIError(t, err, http.StatusForbidden, cinder.ErrForbidden, "")
	assert.Equal(t, 1, mock.GetTotalCallCount())
}
