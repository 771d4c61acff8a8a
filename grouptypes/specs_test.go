package grouptypes_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/internal/testutil"
)

func TestGroupSpecs(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "group_types/" + gtID + "/group_specs", Version: "3.70"},
		http.StatusOK, "grouptypes/specs.json")
	got, err := c.GroupTypes.GroupSpecs(t.Context(), gtID)
	require.NoError(t, err)
	assert.Equal(t, map[string]string{"consistent_group_snapshot_enabled": "<is> True"}, got)
}

func TestGroupSpecsEmptyAndError(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	mock.RegisterResponder(http.MethodGet, testutil.URL("group_types/"+gtID+"/group_specs"),
		func(*http.Request) (*http.Response, error) {
			return testutil.Respond(http.StatusOK, []byte(`{"group_specs": {}}`)), nil
		})
	got, err := c.GroupTypes.GroupSpecs(t.Context(), gtID)
	require.NoError(t, err)
	assert.Equal(t, map[string]string{}, got)

	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "group_types/" + deadID + "/group_specs"},
		http.StatusNotFound, "grouptypes/error_404.json")
	_, err = c.GroupTypes.GroupSpecs(t.Context(), deadID)
	testutil.RequireAPIError(t, err, http.StatusNotFound, cinder.ErrNotFound, "could not be found")
}

func TestSetGroupSpecs(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPost, Path: "group_types/" + gtID + "/group_specs", Version: "3.70",
		Body: `{"group_specs":{"rec:a":"1","rec:b":"2"}}`}, http.StatusAccepted, "grouptypes/specs_set.json")
	got, err := c.GroupTypes.SetGroupSpecs(t.Context(), gtID, map[string]string{"rec:a": "1", "rec:b": "2"})
	require.NoError(t, err)
	assert.Equal(t, map[string]string{"rec:a": "1", "rec:b": "2"}, got)
}

func TestSetGroupSpecsErrors(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	_, err := c.GroupTypes.SetGroupSpecs(t.Context(), gtID, nil)
	require.ErrorContains(t, err, "at least one key")
	assert.Zero(t, mock.GetTotalCallCount())
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPost, Path: "group_types/" + gtID + "/group_specs",
		Body: `{"group_specs":{"x":"y"}}`}, http.StatusForbidden, "grouptypes/error_specs_403.json")
	_, err = c.GroupTypes.SetGroupSpecs(t.Context(), gtID, map[string]string{"x": "y"})
	testutil.RequireAPIError(t, err, http.StatusForbidden, cinder.ErrForbidden, "group:group_types_specs:create")
}

func TestGroupSpec(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "group_types/" + gtID + "/group_specs/rec:a", Version: "3.70"},
		http.StatusOK, "grouptypes/spec.json")
	got, err := c.GroupTypes.GroupSpec(t.Context(), gtID, "rec:a")
	require.NoError(t, err)
	assert.Equal(t, "1", got)
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestGroupSpecErrors(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "group_types/" + gtID + "/group_specs/rec:b"},
		http.StatusNotFound, "grouptypes/error_spec_404.json")
	_, err := c.GroupTypes.GroupSpec(t.Context(), gtID, "rec:b")
	testutil.RequireAPIError(t, err, http.StatusNotFound, cinder.ErrNotFound, "has no extra spec with key rec:b")

	mock.RegisterResponder(http.MethodGet, testutil.URL("group_types/"+gtID+"/group_specs/other"),
		func(*http.Request) (*http.Response, error) {
			return testutil.Respond(http.StatusOK, []byte(`{"rec:a": "1"}`)), nil
		})
	_, err = c.GroupTypes.GroupSpec(t.Context(), gtID, "other")
	require.EqualError(t, err, `cinder: the server's answer lacks group spec "other"`)
}

func TestSetGroupSpec(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPut, Path: "group_types/" + gtID + "/group_specs/rec:a", Version: "3.70",
		Body: `{"rec:a":"11"}`}, http.StatusOK, "grouptypes/spec_set.json")
	require.NoError(t, c.GroupTypes.SetGroupSpec(t.Context(), gtID, "rec:a", "11"))
	require.ErrorContains(t, c.GroupTypes.SetGroupSpec(t.Context(), gtID, "", "11"), "needs a key")
	assert.Equal(t, 1, mock.GetTotalCallCount())

	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPut, Path: "group_types/" + deadID + "/group_specs/k", Body: `{"k":"v"}`},
		http.StatusNotFound, "grouptypes/error_404.json")
	err := c.GroupTypes.SetGroupSpec(t.Context(), deadID, "k", "v")
	testutil.RequireAPIError(t, err, http.StatusNotFound, cinder.ErrNotFound, "could not be found")
}

func TestDeleteGroupSpec(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodDelete, Path: "group_types/" + gtID + "/group_specs/rec:b", Version: "3.70"},
		http.StatusAccepted, "")
	require.NoError(t, c.GroupTypes.DeleteGroupSpec(t.Context(), gtID, "rec:b"))

	c, mock = testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodDelete, Path: "group_types/" + gtID + "/group_specs/rec:b"},
		http.StatusNotFound, "grouptypes/error_spec_delete_404.json")
	err := c.GroupTypes.DeleteGroupSpec(t.Context(), gtID, "rec:b")
	testutil.RequireAPIError(t, err, http.StatusNotFound, cinder.ErrNotFound, "has no specs with key rec:b")
}
