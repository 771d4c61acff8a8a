package types_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/internal/testutil"
)

func TestExtraSpecs(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "types/" + pubID + "/extra_specs", Version: "3.70"},
		http.StatusOK, "types/extra_specs.json")
	specs, err := c.Types.ExtraSpecs(t.Context(), pubID)
	require.NoError(t, err)
	assert.Equal(t, map[string]string{"gocinder:rec": "1", "volume_backend_name": "localfile"}, specs)
}

func TestExtraSpecsError(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "types/" + deadTypeID + "/extra_specs"},
		http.StatusNotFound, "types/error_extra_specs_404.json")
	_, err := c.Types.ExtraSpecs(t.Context(), deadTypeID)
	testutil.RequireAPIError(t, err, http.StatusNotFound, cinder.ErrNotFound, "could not be found")
}

func TestSetExtraSpecs(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPost, Path: "types/" + pubID + "/extra_specs", Version: "3.70",
		Body: `{"extra_specs":{"gocinder:a":"1","gocinder:b":"2"}}`}, http.StatusOK, "types/extra_specs_set.json")
	got, err := c.Types.SetExtraSpecs(t.Context(), pubID, map[string]string{"gocinder:a": "1", "gocinder:b": "2"})
	require.NoError(t, err)
	assert.Equal(t, map[string]string{"gocinder:a": "1", "gocinder:b": "2"}, got, "what Cinder stored")
	assert.Equal(t, 1, mock.GetTotalCallCount())

	_, err = c.Types.SetExtraSpecs(t.Context(), pubID, nil)
	require.ErrorContains(t, err, "at least one key")
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestSetExtraSpecsError(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPost, Path: "types/" + pubID + "/extra_specs", Body: `{"extra_specs":{"x":"y"}}`},
		http.StatusForbidden, "types/error_extra_specs_403.json")
	_, err := c.Types.SetExtraSpecs(t.Context(), pubID, map[string]string{"x": "y"})
	testutil.RequireAPIError(t, err, http.StatusForbidden, cinder.ErrForbidden, "")
}

func TestExtraSpec(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "types/" + pubID + "/extra_specs/gocinder:a", Version: "3.70"},
		http.StatusOK, "types/extra_spec.json")
	v, err := c.Types.ExtraSpec(t.Context(), pubID, "gocinder:a")
	require.NoError(t, err)
	assert.Equal(t, "1", v)
}

func TestExtraSpecError(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "types/" + pubID + "/extra_specs/gocinder:b"},
		http.StatusNotFound, "types/error_extra_spec_404.json")
	_, err := c.Types.ExtraSpec(t.Context(), pubID, "gocinder:b")
	testutil.RequireAPIError(t, err, http.StatusNotFound, cinder.ErrNotFound, "has no extra specs with key gocinder:b")
}

func TestExtraSpecMissingInAnswer(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "types/" + pubID + "/extra_specs/other"},
		http.StatusOK, "types/extra_spec.json")
	_, err := c.Types.ExtraSpec(t.Context(), pubID, "other")
	require.ErrorContains(t, err, `lacks extra spec "other"`)
}

func TestSetExtraSpec(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPut, Path: "types/" + pubID + "/extra_specs/gocinder:a", Version: "3.70",
		Body: `{"gocinder:a":"11"}`}, http.StatusOK, "types/extra_spec_set.json")
	require.NoError(t, c.Types.SetExtraSpec(t.Context(), pubID, "gocinder:a", "11"))
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestSetExtraSpecError(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPut, Path: "types/" + deadTypeID + "/extra_specs/k", Body: `{"k":"v"}`},
		http.StatusNotFound, "types/error_extra_specs_404.json")
	err := c.Types.SetExtraSpec(t.Context(), deadTypeID, "k", "v")
	testutil.RequireAPIError(t, err, http.StatusNotFound, cinder.ErrNotFound, "could not be found")
}

func TestDeleteExtraSpec(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodDelete, Path: "types/" + pubID + "/extra_specs/gocinder:b", Version: "3.70"},
		http.StatusAccepted, "")
	require.NoError(t, c.Types.DeleteExtraSpec(t.Context(), pubID, "gocinder:b"))
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestDeleteExtraSpecError(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodDelete, Path: "types/" + pubID + "/extra_specs/gocinder:b"},
		http.StatusNotFound, "types/error_extra_spec_404.json")
	err := c.Types.DeleteExtraSpec(t.Context(), pubID, "gocinder:b")
	testutil.RequireAPIError(t, err, http.StatusNotFound, cinder.ErrNotFound, "has no extra specs")
}
