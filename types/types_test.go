package types_test

import (
	"encoding/json"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/internal/testutil"
	"github.com/gocinder/cinder/types"
)

func TestGet(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "types/" + pubID, Version: "3.70"}, http.StatusOK, "types/get.json")
	vt, err := c.Types.Get(t.Context(), pubID)
	require.NoError(t, err)
	assert.Equal(t, pubType(), *vt)
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

// TestGetAsNonAdmin: a non-admin sees no qos_specs_id and only the
// user-visible extra specs.
func TestGetAsNonAdmin(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "types/" + pubID}, http.StatusOK, "types/get_demo.json")
	vt, err := c.Types.Get(t.Context(), pubID)
	require.NoError(t, err)
	assert.Equal(t, types.VolumeType{ID: pubID, Name: "gocinder-rec-pub", Description: "recorded", IsPublic: true,
		ExtraSpecs: map[string]string{}}, *vt)
}

func TestGetNotFound(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "types/gocinder-rec-pub"}, http.StatusNotFound, "types/error_404.json")
	_, err := c.Types.Get(t.Context(), "gocinder-rec-pub")
	testutil.RequireAPIError(t, err, http.StatusNotFound, cinder.ErrNotFound, "could not be found")

	_, err = c.Types.Get(t.Context(), "")
	require.ErrorContains(t, err, "needs its ID")
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestDefault(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.62")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "types/default", Version: "3.62"}, http.StatusOK, "types/default.json")
	vt, err := c.Types.Default(t.Context())
	require.NoError(t, err)
	assert.Equal(t, types.VolumeType{ID: defID, Name: "__DEFAULT__", Description: "Default Volume Type", IsPublic: true,
		ExtraSpecs: map[string]string{}}, *vt)
}

func TestDefaultError(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "types/default"}, http.StatusNotFound, "types/error_404.json")
	_, err := c.Types.Default(t.Context())
	testutil.RequireAPIError(t, err, http.StatusNotFound, cinder.ErrNotFound, "could not be found")
}

func TestCreate(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPost, Path: "types", Version: "3.70",
		Body: `{"volume_type":{"name":"gocinder-rec-pub","description":"recorded","extra_specs":{"gocinder:rec":"1","volume_backend_name":"localfile"}}}`},
		http.StatusOK, "types/create.json")
	vt, err := c.Types.Create(t.Context(), types.CreateRequest{Name: "gocinder-rec-pub", Description: "recorded",
		ExtraSpecs: map[string]string{"gocinder:rec": "1", "volume_backend_name": "localfile"}})
	require.NoError(t, err)
	assert.Equal(t, pubType(), *vt)
}

func TestCreatePrivate(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPost, Path: "types",
		Body: `{"volume_type":{"name":"gocinder-rec-priv","os-volume-type-access:is_public":false,"extra_specs":{"gocinder:rec":"1"}}}`},
		http.StatusOK, "types/create_private.json")
	vt, err := c.Types.Create(t.Context(), types.CreateRequest{Name: "gocinder-rec-priv", IsPublic: new(false),
		ExtraSpecs: map[string]string{"gocinder:rec": "1"}})
	require.NoError(t, err)
	assert.Equal(t, privType(), *vt)
}

func TestCreateError(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPost, Path: "types", Body: `{"volume_type":{"name":"gocinder-rec-pub"}}`},
		http.StatusConflict, "types/error_create_409.json")
	_, err := c.Types.Create(t.Context(), types.CreateRequest{Name: "gocinder-rec-pub"})
	testutil.RequireAPIError(t, err, http.StatusConflict, cinder.ErrConflict, "already exists")

	_, err = c.Types.Create(t.Context(), types.CreateRequest{Description: "no name"})
	require.ErrorContains(t, err, "needs a name")
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestUpdate(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPut, Path: "types/" + privID, Version: "3.70",
		Body: `{"volume_type":{"name":"gocinder-rec-priv2","description":"private, renamed"}}`}, http.StatusOK, "types/update.json")
	vt, err := c.Types.Update(t.Context(), privID, types.UpdateRequest{Name: new("gocinder-rec-priv2"), Description: new("private, renamed")})
	require.NoError(t, err)
	assert.Equal(t, types.VolumeType{ID: privID, Name: "gocinder-rec-priv2", Description: "private, renamed",
		ExtraSpecs: map[string]string{"gocinder:rec": "1"}}, *vt)
}

func TestUpdateShapes(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		req  types.UpdateRequest
		body string
	}{
		{types.UpdateRequest{IsPublic: new(true)}, `{"volume_type":{"is_public":true}}`},
		{types.UpdateRequest{IsPublic: new(false), Description: new("")}, `{"volume_type":{"is_public":false,"description":""}}`},
	} {
		c, mock := testutil.NewClient(t, "3.0")
		testutil.Route(t, mock, testutil.Expect{Method: http.MethodPut, Path: "types/" + privID, Body: tc.body}, http.StatusOK, "types/update.json")
		_, err := c.Types.Update(t.Context(), privID, tc.req)
		require.NoError(t, err, tc.body)
		assert.Equal(t, 1, mock.GetTotalCallCount(), tc.body)
	}
	c, mock := testutil.NewClient(t, "3.70")
	_, err := c.Types.Update(t.Context(), privID, types.UpdateRequest{})
	require.ErrorContains(t, err, "needs a name, description or is_public")
	assert.Equal(t, 0, mock.GetTotalCallCount())
}

func TestUpdateError(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPut, Path: "types/" + privID, Body: `{"volume_type":{"name":"gocinder-rec-pub"}}`},
		http.StatusConflict, "types/error_update_409.json")
	_, err := c.Types.Update(t.Context(), privID, types.UpdateRequest{Name: new("gocinder-rec-pub")})
	testutil.RequireAPIError(t, err, http.StatusConflict, cinder.ErrConflict, "already exists")
}

func TestDelete(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodDelete, Path: "types/" + privID, Version: "3.70"}, http.StatusAccepted, "")
	require.NoError(t, c.Types.Delete(t.Context(), privID))
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestDeleteErrors(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		id       string
		status   int
		fixture  string
		sentinel error
		msg      string
	}{
		{pubID, http.StatusBadRequest, "types/error_delete_in_use.json", cinder.ErrBadRequest, "still in use"},
		{defID, http.StatusBadRequest, "types/error_delete_default.json", cinder.ErrBadRequest, "is a default volume type"},
		{privID, http.StatusNotFound, "types/error_delete_404.json", cinder.ErrNotFound, "could not be found"},
	} {
		c, mock := testutil.NewClient(t, "3.70")
		testutil.Route(t, mock, testutil.Expect{Method: http.MethodDelete, Path: "types/" + tc.id}, tc.status, tc.fixture)
		testutil.RequireAPIError(t, c.Types.Delete(t.Context(), tc.id), tc.status, tc.sentinel, tc.msg)
	}
}

// TestIsPublicWireKeys: is_public wins; the extension's key is the fallback.
func TestIsPublicWireKeys(t *testing.T) {
	t.Parallel()
	for body, want := range map[string]bool{
		`{"is_public": false, "os-volume-type-access:is_public": true}`: false,
		`{"os-volume-type-access:is_public": true}`:                     true,
		`{"is_public": true}`:                                           true,
		`{}`:                                                            false,
	} {
		var vt types.VolumeType
		require.NoError(t, json.Unmarshal([]byte(body), &vt))
		assert.Equal(t, want, vt.IsPublic, body)
	}
	var vt types.VolumeType
	assert.Error(t, json.Unmarshal([]byte(`{"is_public": "yes"}`), &vt))
}
