package metadata_test

import (
	"io"
	"net/http"
	"testing"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder/internal/metadata"
	"github.com/gocinder/cinder/internal/rest"
	mv "github.com/gocinder/cinder/microversion"
)

const endpoint = "http://cinder.test/v3/p1/"

func newAt(t *testing.T, v string) (metadata.At, *httpmock.MockTransport) {
	t.Helper()
	mock := httpmock.NewMockTransport()
	mock.RegisterNoResponder(func(r *http.Request) (*http.Response, error) {
		t.Errorf("unexpected request %s %s", r.Method, r.URL)
		return httpmock.NewStringResponse(http.StatusTeapot, ""), nil
	})
	rc := &rest.Client{HTTP: &http.Client{Transport: mock}, Endpoint: endpoint, Version: mv.MustParse(v)}
	return metadata.New(rc, "things", "t/1"), mock
}

// expect registers method on path (under things/t%2F1/metadata) checking
// the body and If-Match, answering status with resp.
func expect(t *testing.T, mock *httpmock.MockTransport, method, path, body, ifMatch string, status int, resp string) {
	t.Helper()
	mock.RegisterResponder(method, endpoint+"things/t%2F1/metadata"+path, func(r *http.Request) (*http.Response, error) {
		var got []byte
		if r.Body != nil {
			got, _ = io.ReadAll(r.Body)
		}
		if body == "" {
			assert.Empty(t, got)
		} else {
			assert.JSONEq(t, body, string(got))
		}
		assert.Equal(t, ifMatch, r.Header.Get("If-Match"))
		res := httpmock.NewStringResponse(status, resp)
		res.Header.Set("Etag", `"e1"`)
		return res, nil
	})
}

func TestGet(t *testing.T) {
	t.Parallel()
	a, mock := newAt(t, "3.0")
	expect(t, mock, http.MethodGet, "", "", "", 200, `{"metadata": null}`)
	md, err := a.Get(t.Context())
	require.NoError(t, err)
	assert.Equal(t, map[string]string{}, md, "never nil")
}

func TestGetWithETag(t *testing.T) {
	t.Parallel()
	a, mock := newAt(t, "3.15")
	expect(t, mock, http.MethodGet, "", "", "", 200, `{"metadata": {"k": "v"}}`)
	md, etag, err := a.GetWithETag(t.Context())
	require.NoError(t, err)
	assert.Equal(t, map[string]string{"k": "v"}, md)
	assert.Equal(t, `"e1"`, etag)

	old, oldMock := newAt(t, "3.14")
	_, _, err = old.GetWithETag(t.Context())
	var verr *rest.VersionError
	require.ErrorAs(t, err, &verr)
	assert.Equal(t, "things.MetadataWithETag", verr.Op)
	assert.Zero(t, oldMock.GetTotalCallCount())
}

func TestGetWithETagMissing(t *testing.T) {
	t.Parallel()
	a, mock := newAt(t, "3.15")
	mock.RegisterResponder(http.MethodGet, endpoint+"things/t%2F1/metadata", httpmock.NewStringResponder(200, `{"metadata": {}}`))
	_, _, err := a.GetWithETag(t.Context())
	require.EqualError(t, err, "cinder: the server sent no ETag for the thing metadata")
}

func TestSetAndReplace(t *testing.T) {
	t.Parallel()
	a, mock := newAt(t, "3.0")
	expect(t, mock, http.MethodPost, "", `{"metadata": {"a": "1"}}`, "", 200, `{"metadata": {"a": "1", "b": "2"}}`)
	md, err := a.Set(t.Context(), map[string]string{"a": "1"})
	require.NoError(t, err)
	assert.Equal(t, map[string]string{"a": "1", "b": "2"}, md)

	expect(t, mock, http.MethodPut, "", `{"metadata": {}}`, "", 200, `{}`)
	md, err = a.Replace(t.Context(), nil)
	require.NoError(t, err)
	assert.Equal(t, map[string]string{}, md, "nil is sent and read as {}")
}

func TestReplaceIfMatch(t *testing.T) {
	t.Parallel()
	a, mock := newAt(t, "3.15")
	expect(t, mock, http.MethodPut, "", `{"metadata": {"a": "1"}}`, `"e0"`, 200, `{"metadata": {"a": "1"}}`)
	md, err := a.ReplaceIfMatch(t.Context(), map[string]string{"a": "1"}, `"e0"`)
	require.NoError(t, err)
	assert.Equal(t, map[string]string{"a": "1"}, md)

	_, err = a.ReplaceIfMatch(t.Context(), nil, "")
	require.EqualError(t, err, "cinder: an empty ETag matches nothing; use ReplaceMetadata")

	old, oldMock := newAt(t, "3.14")
	_, err = old.ReplaceIfMatch(t.Context(), nil, `"e0"`)
	var verr *rest.VersionError
	require.ErrorAs(t, err, &verr)
	assert.Equal(t, "things.ReplaceMetadataIfMatch", verr.Op)
	assert.Zero(t, oldMock.GetTotalCallCount())
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestItems(t *testing.T) {
	t.Parallel()
	a, mock := newAt(t, "3.0")
	expect(t, mock, http.MethodGet, "/a%2Fb", "", "", 200, `{"meta": {"a/b": "1"}}`)
	v, err := a.Item(t.Context(), "a/b")
	require.NoError(t, err)
	assert.Equal(t, "1", v)

	expect(t, mock, http.MethodGet, "/other", "", "", 200, `{"meta": {}}`)
	_, err = a.Item(t.Context(), "other")
	require.EqualError(t, err, `cinder: the server's answer lacks metadata key "other"`)

	expect(t, mock, http.MethodPut, "/k", `{"meta": {"k": "v"}}`, "", 200, `{"meta": {"k": "v"}}`)
	require.NoError(t, a.SetItem(t.Context(), "k", "v"))

	expect(t, mock, http.MethodDelete, "/k", "", "", 200, ``)
	require.NoError(t, a.DeleteItem(t.Context(), "k"))

	mock.RegisterResponder(http.MethodDelete, endpoint+"things/t%2F1/metadata/gone",
		httpmock.NewStringResponder(404, `{"itemNotFound": {"code": 404, "message": "no"}}`))
	require.ErrorIs(t, a.DeleteItem(t.Context(), "gone"), rest.ErrNotFound)
	assert.Equal(t, 5, mock.GetTotalCallCount())
}

func TestDeleteKeyByKeyBefore315(t *testing.T) {
	t.Parallel()
	a, mock := newAt(t, "3.14")
	expect(t, mock, http.MethodDelete, "/a", "", "", 200, ``)
	expect(t, mock, http.MethodDelete, "/b", "", "", 200, ``)
	require.NoError(t, a.Delete(t.Context(), "a", "b"))
	assert.Equal(t, 2, mock.GetTotalCallCount())

	require.NoError(t, a.Delete(t.Context()), "no keys, no requests")
	assert.Equal(t, 2, mock.GetTotalCallCount())
}

func TestDeleteUnderETag(t *testing.T) {
	t.Parallel()
	a, mock := newAt(t, "3.15")
	expect(t, mock, http.MethodGet, "", "", "", 200, `{"metadata": {"a": "1", "b": "2"}}`)
	expect(t, mock, http.MethodPut, "", `{"metadata": {"b": "2"}}`, `"e1"`, 200, `{"metadata": {"b": "2"}}`)
	require.NoError(t, a.Delete(t.Context(), "a", "missing"))
	assert.Equal(t, 2, mock.GetTotalCallCount())

	require.NoError(t, a.Delete(t.Context(), "missing"), "nothing to remove: no write")
	assert.Equal(t, 3, mock.GetTotalCallCount())
}

func TestDeleteConflict(t *testing.T) {
	t.Parallel()
	a, mock := newAt(t, "3.15")
	expect(t, mock, http.MethodGet, "", "", "", 200, `{"metadata": {"a": "1"}}`)
	mock.RegisterResponder(http.MethodPut, endpoint+"things/t%2F1/metadata",
		httpmock.NewStringResponder(412, `{"badRequest": {"code": 412, "message": "changed"}}`))
	require.ErrorIs(t, a.Delete(t.Context(), "a"), rest.ErrPrecondition)
}
