package volumes_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/internal/testutil"
)

const etag = "5f2b3e0f7c1d4a8e9b6c0d1e2f3a4b5c"

func withETag(resp *http.Response) *http.Response {
	resp.Header.Set("Etag", etag)
	return resp
}

func TestMetadata(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "volumes/" + idA + "/metadata", Version: "3.70"}, http.StatusOK, "volumes/metadata_show.json")
	md, err := c.Volumes.Metadata(t.Context(), idA)
	require.NoError(t, err)
	assert.Equal(t, map[string]string{"gocinder-rec": "1", "color": "blue", "size": "small"}, md)
}

func TestMetadataWithETag(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.15")
	mock.RegisterResponder(http.MethodGet, testutil.URL("volumes/"+idA+"/metadata"), func(r *http.Request) (*http.Response, error) {
		testutil.Check(t, testutil.Expect{Method: http.MethodGet, Path: "volumes/" + idA + "/metadata", Version: "3.15"}, r)
		return withETag(testutil.Respond(200, testutil.Fixture(t, "volumes/metadata_show.json"))), nil
	})
	md, tag, err := c.Volumes.MetadataWithETag(t.Context(), idA)
	require.NoError(t, err)
	assert.Equal(t, map[string]string{"gocinder-rec": "1", "color": "blue", "size": "small"}, md)
	assert.Equal(t, etag, tag)

	old, oldMock := testutil.NewClient(t, "3.14")
	_, _, err = old.Volumes.MetadataWithETag(t.Context(), idA)
	assertVersionError(t, err, "3.15", oldMock.GetTotalCallCount())
}

func TestMetadataWithoutETag(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	mock.RegisterResponder(http.MethodGet, testutil.URL("volumes/"+idA+"/metadata"), testutil.JSONResponder(t, 200, "volumes/metadata_show.json"))
	_, _, err := c.Volumes.MetadataWithETag(t.Context(), idA)
	require.ErrorContains(t, err, "cinder: the server sent no ETag")
}

func TestSetAndReplaceMetadata(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPost, Path: "volumes/" + idA + "/metadata", Version: "3.70",
		Body: `{"metadata":{"color":"blue","size":"small"}}`}, http.StatusOK, "volumes/metadata_set.json")
	md, err := c.Volumes.SetMetadata(t.Context(), idA, map[string]string{"color": "blue", "size": "small"})
	require.NoError(t, err)
	assert.Equal(t, map[string]string{"gocinder-rec": "1", "color": "blue", "size": "small"}, md)

	c2, mock2 := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock2, testutil.Expect{Method: http.MethodPut, Path: "volumes/" + idA + "/metadata", Version: "3.70",
		Body: `{"metadata":{"gocinder-rec":"1","only":"this"}}`}, http.StatusOK, "volumes/metadata_replace.json")
	md, err = c2.Volumes.ReplaceMetadata(t.Context(), idA, map[string]string{"gocinder-rec": "1", "only": "this"})
	require.NoError(t, err)
	assert.Equal(t, map[string]string{"gocinder-rec": "1", "only": "this"}, md)
}

func TestReplaceMetadataIfMatch(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPut, Path: "volumes/" + idA + "/metadata", Version: "3.70",
		Header: map[string]string{"If-Match": etag}, Body: `{"metadata":{"gocinder-rec":"1","only":"this"}}`}, http.StatusOK, "volumes/metadata_replace.json")
	md, err := c.Volumes.ReplaceMetadataIfMatch(t.Context(), idA, map[string]string{"gocinder-rec": "1", "only": "this"}, etag)
	require.NoError(t, err)
	assert.Equal(t, map[string]string{"gocinder-rec": "1", "only": "this"}, md)
}

func TestReplaceMetadataIfMatchStale(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	// real Cinder answers a stale ETag with a bare 412 and an empty body
	mock.RegisterResponder(http.MethodPut, testutil.URL("volumes/"+idA+"/metadata"), testutil.JSONResponder(t, 412, "volumes/error_412.json"))
	_, err := c.Volumes.ReplaceMetadataIfMatch(t.Context(), idA, map[string]string{"a": "b"}, "stale")
	assertAPIError(t, err, cinder.ErrPrecondition, 412, "", "Precondition Failed")

	old, oldMock := testutil.NewClient(t, "3.14")
	_, err = old.Volumes.ReplaceMetadataIfMatch(t.Context(), idA, nil, etag)
	assertVersionError(t, err, "3.15", oldMock.GetTotalCallCount())

	_, err = c.Volumes.ReplaceMetadataIfMatch(t.Context(), idA, nil, "")
	require.ErrorContains(t, err, "cinder: an empty ETag")
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestMetadataItem(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodGet, Path: "volumes/" + idA + "/metadata/color", Version: "3.70"}, http.StatusOK, "volumes/metadata_item.json")
	v, err := c.Volumes.MetadataItem(t.Context(), idA, "color")
	require.NoError(t, err)
	assert.Equal(t, "blue", v)

	mock.RegisterResponder(http.MethodGet, testutil.URL("volumes/"+idA+"/metadata/size"), testutil.JSONResponder(t, 200, "volumes/metadata_item.json"))
	_, err = c.Volumes.MetadataItem(t.Context(), idA, "size") // the answer names another key
	require.ErrorContains(t, err, `lacks metadata key "size"`)
}

func TestMetadataItemNotFound(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	mock.RegisterResponder(http.MethodGet, testutil.URL("volumes/"+idA+"/metadata/color"), testutil.JSONResponder(t, 404, "volumes/error_metadata_item_404.json"))
	_, err := c.Volumes.MetadataItem(t.Context(), idA, "color")
	assertAPIError(t, err, cinder.ErrNotFound, 404, "itemNotFound", "Volume "+idA+" has no metadata with key color.")
}

func TestSetMetadataItem(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPut, Path: "volumes/" + idA + "/metadata/color", Version: "3.70",
		Body: `{"meta":{"color":"red"}}`}, http.StatusOK, "volumes/metadata_item_set.json")
	require.NoError(t, c.Volumes.SetMetadataItem(t.Context(), idA, "color", "red"))
	assert.Equal(t, 1, mock.GetTotalCallCount())

	c2, mock2 := testutil.NewClient(t, "3.70")
	mock2.RegisterResponder(http.MethodPut, testutil.URL("volumes/x/metadata/color"), testutil.JSONResponder(t, 404, "volumes/error_404.json"))
	err := c2.Volumes.SetMetadataItem(t.Context(), "x", "color", "red")
	assertAPIError(t, err, cinder.ErrNotFound, 404, "itemNotFound", "Volume 00000000-0000-4000-8000-00000000dead could not be found.")
}

func TestDeleteMetadataItem(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodDelete, Path: "volumes/" + idA + "/metadata/a%2Fb", Version: "3.70"}, http.StatusOK, "")
	require.NoError(t, c.Volumes.DeleteMetadataItem(t.Context(), idA, "a/b"))
	assert.Equal(t, 1, mock.GetTotalCallCount())

	c2, mock2 := testutil.NewClient(t, "3.70")
	mock2.RegisterResponder(http.MethodDelete, testutil.URL("volumes/"+idA+"/metadata/color"), testutil.JSONResponder(t, 404, "volumes/error_metadata_item_404.json"))
	err := c2.Volumes.DeleteMetadataItem(t.Context(), idA, "color")
	assertAPIError(t, err, cinder.ErrNotFound, 404, "itemNotFound", "Volume "+idA+" has no metadata with key color.")
}

func TestDeleteMetadataWithETag(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.15")
	mock.RegisterResponder(http.MethodGet, testutil.URL("volumes/"+idA+"/metadata"), func(r *http.Request) (*http.Response, error) {
		return withETag(testutil.Respond(200, testutil.Fixture(t, "volumes/metadata_show.json"))), nil
	})
	testutil.Route(t, mock, testutil.Expect{Method: http.MethodPut, Path: "volumes/" + idA + "/metadata", Version: "3.15",
		Header: map[string]string{"If-Match": etag}, Body: `{"metadata":{"gocinder-rec":"1"}}`}, http.StatusOK, "volumes/metadata_replace.json")
	require.NoError(t, c.Volumes.DeleteMetadata(t.Context(), idA, "color", "size", "absent"))
	assert.Equal(t, 2, mock.GetTotalCallCount())

	// nothing to delete: no write
	require.NoError(t, c.Volumes.DeleteMetadata(t.Context(), idA, "absent"))
	assert.Equal(t, 3, mock.GetTotalCallCount())
}

func TestDeleteMetadataLostUpdate(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.70")
	mock.RegisterResponder(http.MethodGet, testutil.URL("volumes/"+idA+"/metadata"), func(r *http.Request) (*http.Response, error) {
		return withETag(testutil.Respond(200, testutil.Fixture(t, "volumes/metadata_show.json"))), nil
	})
	mock.RegisterResponder(http.MethodPut, testutil.URL("volumes/"+idA+"/metadata"), testutil.JSONResponder(t, 412, "volumes/error_412.json"))
	err := c.Volumes.DeleteMetadata(t.Context(), idA, "color")
	assertAPIError(t, err, cinder.ErrPrecondition, 412, "", "Precondition Failed")
}

func TestDeleteMetadataBefore315(t *testing.T) {
	t.Parallel()
	c, mock := testutil.NewClient(t, "3.14")
	for _, k := range []string{"color", "size"} {
		testutil.Route(t, mock, testutil.Expect{Method: http.MethodDelete, Path: "volumes/" + idA + "/metadata/" + k, Version: "3.14"}, http.StatusOK, "")
	}
	require.NoError(t, c.Volumes.DeleteMetadata(t.Context(), idA, "color", "size"))
	assert.Equal(t, 2, mock.GetTotalCallCount())
	require.NoError(t, c.Volumes.DeleteMetadata(t.Context(), idA))
	assert.Equal(t, 2, mock.GetTotalCallCount())
}
