package snapshots_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/internal/testutil"
)

func TestMetadata(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "snapshots/" + snapID + "/metadata", Version: "3.70"},
		http.StatusOK, "snapshots/metadata.json")
	md, err := c.Snapshots.Metadata(t.Context(), snapID)
	require.NoError(t, err)
	assert.Equal(t, map[string]string{"purpose": "test"}, md)
}

func TestSetMetadata(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPost, Path: "snapshots/" + snapID + "/metadata", Version: "3.70",
		Body: `{"metadata":{"tier":"gold"}}`}, http.StatusOK, "snapshots/metadata_set.json")
	md, err := c.Snapshots.SetMetadata(t.Context(), snapID, map[string]string{"tier": "gold"})
	require.NoError(t, err)
	assert.Equal(t, map[string]string{"purpose": "test", "tier": "gold"}, md)
}

func TestReplaceMetadata(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPut, Path: "snapshots/" + snapID + "/metadata", Version: "3.70",
		Body: `{"metadata":{"tier":"silver","owner":"ops"}}`}, http.StatusOK, "snapshots/metadata_replace.json")
	md, err := c.Snapshots.ReplaceMetadata(t.Context(), snapID, map[string]string{"tier": "silver", "owner": "ops"})
	require.NoError(t, err)
	assert.Equal(t, map[string]string{"tier": "silver", "owner": "ops"}, md)
}

func TestReplaceMetadataNilClears(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	mock.RegisterResponder(http.MethodPut, testutil.URL("snapshots/"+snapID+"/metadata"), func(r *http.Request) (*http.Response, error) {
		testutil.Check(t, testutil.Expect{Method: http.MethodPut, Path: "snapshots/" + snapID + "/metadata", Body: `{"metadata":{}}`}, r)
		return testutil.Respond(http.StatusOK, []byte(`{"metadata": {}}`)), nil
	})
	md, err := c.Snapshots.ReplaceMetadata(t.Context(), snapID, nil)
	require.NoError(t, err)
	assert.Equal(t, map[string]string{}, md)
}

func TestMetadataItem(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "snapshots/" + snapID + "/metadata/tier", Version: "3.70"},
		http.StatusOK, "snapshots/metadata_item.json")
	v, err := c.Snapshots.MetadataItem(t.Context(), snapID, "tier")
	require.NoError(t, err)
	assert.Equal(t, "silver", v)
}

func TestMetadataItemEscapesKey(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "snapshots/" + snapID + "/metadata/a%2Fb"},
		http.StatusOK, "snapshots/metadata_item.json")
	_, err := c.Snapshots.MetadataItem(t.Context(), snapID, "a/b")
	require.ErrorContains(t, err, `lacks metadata key "a/b"`)
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestMetadataItemNotFound(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "snapshots/" + snapID + "/metadata/owner"},
		http.StatusNotFound, "snapshots/error_metadata_item_404.json")
	_, err := c.Snapshots.MetadataItem(t.Context(), snapID, "owner")
	testutil.RequireAPIError(t, err, http.StatusNotFound, cinder.ErrNotFound, "has no metadata with key owner")
}

func TestSetMetadataItem(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPut, Path: "snapshots/" + snapID + "/metadata/tier", Version: "3.70",
		Body: `{"meta":{"tier":"bronze"}}`}, http.StatusOK, "snapshots/metadata_item_set.json")
	require.NoError(t, c.Snapshots.SetMetadataItem(t.Context(), snapID, "tier", "bronze"))
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestSetMetadataItemNotFound(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPut, Path: "snapshots/nope/metadata/k", Body: `{"meta":{"k":"v"}}`},
		http.StatusNotFound, "snapshots/error_404.json")
	err := c.Snapshots.SetMetadataItem(t.Context(), "nope", "k", "v")
	testutil.RequireAPIError(t, err, http.StatusNotFound, cinder.ErrNotFound, "could not be found")
}

func TestDeleteMetadataItem(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodDelete, Path: "snapshots/" + snapID + "/metadata/owner", Version: "3.70"},
		http.StatusOK, "")
	require.NoError(t, c.Snapshots.DeleteMetadataItem(t.Context(), snapID, "owner"))
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestDeleteMetadataItemNotFound(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodDelete, Path: "snapshots/" + snapID + "/metadata/owner"},
		http.StatusNotFound, "snapshots/error_metadata_item_404.json")
	err := c.Snapshots.DeleteMetadataItem(t.Context(), snapID, "owner")
	testutil.RequireAPIError(t, err, http.StatusNotFound, cinder.ErrNotFound, "has no metadata with key owner")
}

func TestMetadataErrors(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "snapshots/nope/metadata"}, http.StatusNotFound, "snapshots/error_404.json")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPost, Path: "snapshots/nope/metadata", Body: `{"metadata":{"a":"b"}}`},
		http.StatusNotFound, "snapshots/error_404.json")
	_, err := c.Snapshots.Metadata(t.Context(), "nope")
	testutil.RequireAPIError(t, err, http.StatusNotFound, cinder.ErrNotFound, "could not be found")
	_, err = c.Snapshots.SetMetadata(t.Context(), "nope", map[string]string{"a": "b"})
	testutil.RequireAPIError(t, err, http.StatusNotFound, cinder.ErrNotFound, "could not be found")
}
