package types_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/internal/testutil"
	"github.com/gocinder/cinder/types"
)

// stamp is the time every fixture timestamp is scrubbed to.
var stamp = time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)

func encPath(key ...string) string {
	p := "types/" + pubID + "/encryption"
	for _, k := range key {
		p += "/" + k
	}
	return p
}

func TestGetEncryption(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: encPath(), Version: "3.70"}, http.StatusOK, "types/encryption_get.json")
	e, err := c.Types.GetEncryption(t.Context(), pubID)
	require.NoError(t, err)
	assert.Equal(t, types.Encryption{VolumeTypeID: pubID, EncryptionID: encID, Provider: "luks", Cipher: "aes-xts-plain64",
		KeySize: 512, ControlLocation: types.BackEnd, CreatedAt: stamp, UpdatedAt: stamp}, *e)
}

// TestGetEncryptionNone: Cinder answers {} for a type without encryption.
func TestGetEncryptionNone(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: encPath()}, http.StatusOK, "types/encryption_none.json")
	e, err := c.Types.GetEncryption(t.Context(), pubID)
	require.NoError(t, err)
	assert.Nil(t, e)
}

func TestGetEncryptionError(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "types/" + deadTypeID + "/encryption"},
		http.StatusNotFound, "types/error_encryption_404.json")
	_, err := c.Types.GetEncryption(t.Context(), deadTypeID)
	testutil.RequireAPIError(t, err, http.StatusNotFound, cinder.ErrNotFound, "could not be found")
}

func TestEncryptionSpec(t *testing.T) {
	t.Parallel()
	for key, tc := range map[string]struct{ fixture, want string }{
		"provider": {"types/encryption_spec.json", "luks"},
		"key_size": {"types/encryption_spec_key_size.json", "512"},
	} {
		c, mock := testutil.NewClient(t, "3.70")
		testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: encPath(key), Version: "3.70"}, http.StatusOK, tc.fixture)
		v, err := c.Types.EncryptionSpec(t.Context(), pubID, key)
		require.NoError(t, err, key)
		assert.Equal(t, tc.want, v, key)
	}
	c, mock := testutil.NewClient(t, "3.70")
	mock.RegisterResponder(http.MethodGet, testutil.URL(encPath("cipher")), func(*http.Request) (*http.Response, error) {
		return testutil.Respond(http.StatusOK, []byte(`{"cipher": null}`)), nil
	})
	v, err := c.Types.EncryptionSpec(t.Context(), pubID, "cipher")
	require.NoError(t, err)
	assert.Empty(t, v)
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: encPath("cipher2")}, http.StatusOK, "types/encryption_spec.json")
	_, err = c.Types.EncryptionSpec(t.Context(), pubID, "cipher2")
	require.ErrorContains(t, err, `lacks encryption field "cipher2"`)
}

func TestEncryptionSpecError(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: encPath("bogus")}, http.StatusNotFound, "types/error_encryption_spec_404.json")
	_, err := c.Types.EncryptionSpec(t.Context(), pubID, "bogus")
	testutil.RequireAPIError(t, err, http.StatusNotFound, cinder.ErrNotFound, "does not exist")
}

func TestCreateEncryption(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPost, Path: encPath(), Version: "3.70",
		Body: `{"encryption":{"provider":"luks","control_location":"front-end","cipher":"aes-xts-plain64","key_size":256}}`},
		http.StatusOK, "types/encryption_create.json")
	e, err := c.Types.CreateEncryption(t.Context(), pubID, types.CreateEncryptionRequest{Provider: "luks", ControlLocation: types.FrontEnd,
		Cipher: "aes-xts-plain64", KeySize: 256})
	require.NoError(t, err)
	assert.Equal(t, types.Encryption{VolumeTypeID: pubID, EncryptionID: encID, Provider: "luks", Cipher: "aes-xts-plain64",
		KeySize: 256, ControlLocation: types.FrontEnd}, *e)

	_, err = c.Types.CreateEncryption(t.Context(), pubID, types.CreateEncryptionRequest{Provider: "luks"})
	require.ErrorContains(t, err, "needs a provider and a control location")
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestCreateEncryptionError(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPost, Path: encPath(),
		Body: `{"encryption":{"provider":"luks","control_location":"front-end"}}`}, http.StatusBadRequest, "types/error_encryption_exists.json")
	_, err := c.Types.CreateEncryption(t.Context(), pubID, types.CreateEncryptionRequest{Provider: "luks", ControlLocation: types.FrontEnd})
	testutil.RequireAPIError(t, err, http.StatusBadRequest, cinder.ErrBadRequest, "already exists")
}

func TestUpdateEncryption(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPut, Path: encPath("provider"), Version: "3.70",
		Body: `{"encryption":{"key_size":512,"control_location":"back-end"}}`}, http.StatusOK, "types/encryption_update.json")
	require.NoError(t, c.Types.UpdateEncryption(t.Context(), pubID, types.UpdateEncryptionRequest{KeySize: new(512), ControlLocation: types.BackEnd}))
	assert.Equal(t, 1, mock.GetTotalCallCount())

	require.ErrorContains(t, c.Types.UpdateEncryption(t.Context(), pubID, types.UpdateEncryptionRequest{}), "needs a field")
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestUpdateEncryptionClear(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPut, Path: encPath("provider"), Version: "3.70",
		Body: `{"encryption":{"cipher":null,"key_size":null,"provider":"plain"}}`}, http.StatusOK, "types/encryption_update.json")
	require.NoError(t, c.Types.UpdateEncryption(t.Context(), pubID, types.UpdateEncryptionRequest{
		Provider: new("plain"), Cipher: new("aes-xts-plain64"), ClearCipher: true, ClearKeySize: true,
	}))
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestUpdateEncryptionError(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPut, Path: "types/" + deadTypeID + "/encryption/provider",
		Body: `{"encryption":{"cipher":""}}`}, http.StatusNotFound, "types/error_encryption_404.json")
	err := c.Types.UpdateEncryption(t.Context(), deadTypeID, types.UpdateEncryptionRequest{Cipher: new("")})
	testutil.RequireAPIError(t, err, http.StatusNotFound, cinder.ErrNotFound, "could not be found")
}

func TestDeleteEncryption(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodDelete, Path: encPath("provider"), Version: "3.70"}, http.StatusAccepted, "")
	require.NoError(t, c.Types.DeleteEncryption(t.Context(), pubID))
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestDeleteEncryptionError(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodDelete, Path: encPath("provider")}, http.StatusNotFound, "types/error_encryption_delete_404.json")
	err := c.Types.DeleteEncryption(t.Context(), pubID)
	testutil.RequireAPIError(t, err, http.StatusNotFound, cinder.ErrNotFound, "does not exist")
}

// TestListEncryptions lists every type, then yields the encrypted ones.
func TestListEncryptions(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "types", Query: "is_public=None"}, http.StatusOK, "types/list.json")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "types/" + privID + "/encryption"}, http.StatusOK, "types/encryption_none.json")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: encPath()}, http.StatusOK, "types/encryption_get.json")
	got, err := cinder.Collect(c.Types.ListEncryptions(t.Context()))
	require.NoError(t, err)
	assert.Equal(t, []types.Encryption{{VolumeTypeID: pubID, EncryptionID: encID, Provider: "luks", Cipher: "aes-xts-plain64",
		KeySize: 512, ControlLocation: types.BackEnd, CreatedAt: stamp, UpdatedAt: stamp}}, got)
	assert.Equal(t, 3, mock.GetTotalCallCount())
}

func TestListEncryptionsError(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "types", Query: "is_public=None"}, http.StatusOK, "types/list.json")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "types/" + privID + "/encryption"}, http.StatusNotFound, "types/error_encryption_404.json")
	n := 0
	var last error
	for _, err := range c.Types.ListEncryptions(t.Context()) {
		n++
		last = err
	}
	assert.Equal(t, 1, n, "one error, then the end")
	testutil.RequireAPIError(t, last, http.StatusNotFound, cinder.ErrNotFound, "could not be found")
}
