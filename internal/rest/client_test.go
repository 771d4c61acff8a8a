package rest_test

import (
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder/internal/rest"
	"github.com/gocinder/cinder/internal/transport"
	mv "github.com/gocinder/cinder/microversion"
)

const endpoint = "http://cinder.test/v3/p1/"

// newClient returns a rest.Client on a mock transport, wrapped in the
// Headers layer so that the microversion header is set as in production.
func newClient(t *testing.T, v mv.Version) (*rest.Client, *httpmock.MockTransport) {
	t.Helper()
	mock := httpmock.NewMockTransport()
	mock.RegisterNoResponder(func(r *http.Request) (*http.Response, error) {
		t.Errorf("unexpected request %s %s", r.Method, r.URL)
		return httpmock.NewStringResponse(http.StatusTeapot, ""), nil
	})
	hc := &http.Client{Transport: &transport.Headers{Next: mock}}
	return &rest.Client{HTTP: hc, Endpoint: endpoint, Version: v}, mock
}

func TestPathEscapesEachSegment(t *testing.T) {
	t.Parallel()
	tests := []struct {
		segs []string
		want string
	}{
		{[]string{"volumes", "v1", "action"}, "volumes/v1/action"},
		{[]string{"volumes", "a/b"}, "volumes/a%2Fb"},
		{[]string{"volumes", "my vol"}, "volumes/my%20vol"},
		{[]string{"volumes", "tøm-卷"}, "volumes/t%C3%B8m-%E5%8D%B7"},
		{[]string{"volumes", "a?b#c"}, "volumes/a%3Fb%23c"},
		{[]string{"volumes", ".."}, "volumes/.."},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, rest.Path(tt.segs...))
	}
}

func TestPathReachesServerEscaped(t *testing.T) {
	t.Parallel()
	rc, mock := newClient(t, mv.V(3, 0))
	var got string
	mock.RegisterResponder(http.MethodGet, "=~^http://cinder.test/v3/p1/volumes/",
		func(r *http.Request) (*http.Response, error) {
			got = r.URL.EscapedPath()
			return httpmock.NewStringResponse(200, `{}`), nil
		})
	require.NoError(t, rc.Do(t.Context(), rest.Call{Path: rest.Path("volumes", "a/b c")}, nil))
	assert.Equal(t, "/v3/p1/volumes/a%2Fb%20c", got)
}

func TestDoSendsRequestAndDecodes(t *testing.T) {
	t.Parallel()
	rc, mock := newClient(t, mv.V(3, 64))
	mock.RegisterResponder(http.MethodPut, endpoint+"volumes/v1",
		func(r *http.Request) (*http.Response, error) {
			assert.Equal(t, "volume 3.64", r.Header.Get("OpenStack-API-Version"))
			assert.Equal(t, "application/json", r.Header.Get("Content-Type"))
			assert.Equal(t, "etag-1", r.Header.Get("If-Match"))
			assert.Equal(t, "a=1&b=x+y", r.URL.RawQuery)
			b, _ := io.ReadAll(r.Body)
			assert.JSONEq(t, `{"volume":{"name":"n"}}`, string(b))
			return httpmock.NewStringResponse(200, `{"volume":{"id":"v1","name":"n"}}`), nil
		})
	var out struct {
		Volume struct{ ID, Name string } `json:"volume"`
	}
	err := rc.Do(t.Context(), rest.Call{
		Method: http.MethodPut, Path: rest.Path("volumes", "v1"),
		Query:  url.Values{"a": {"1"}, "b": {"x y"}},
		Header: http.Header{"If-Match": {"etag-1"}},
		Body:   map[string]any{"volume": map[string]string{"name": "n"}},
	}, &out)
	require.NoError(t, err)
	assert.Equal(t, "v1", out.Volume.ID)
	assert.Equal(t, 1, mock.GetTotalCallCount())
}

func TestActionWrapsBody(t *testing.T) {
	t.Parallel()
	rc, mock := newClient(t, mv.V(3, 0))
	var bodies []string
	mock.RegisterResponder(http.MethodPost, endpoint+"volumes/v1/action",
		func(r *http.Request) (*http.Response, error) {
			b, _ := io.ReadAll(r.Body)
			bodies = append(bodies, string(b))
			return httpmock.NewStringResponse(202, ""), nil
		})
	require.NoError(t, rc.Action(t.Context(), rest.Call{Path: rest.Path("volumes", "v1", "action")}, "os-extend", map[string]int{"new_size": 2}))
	require.NoError(t, rc.Action(t.Context(), rest.Call{Path: rest.Path("volumes", "v1", "action")}, "os-roll_detaching", nil))
	require.Len(t, bodies, 2)
	assert.JSONEq(t, `{"os-extend":{"new_size":2}}`, bodies[0])
	assert.JSONEq(t, `{"os-roll_detaching":null}`, bodies[1])
}

func TestDefaultAcceptedStatusPerMethod(t *testing.T) {
	t.Parallel()
	tests := []struct {
		method string
		code   int
		expect []int
		ok     bool
	}{
		{http.MethodGet, 200, nil, true},
		{http.MethodGet, 203, nil, true},
		{http.MethodGet, 202, nil, false},
		{http.MethodGet, 300, nil, false},
		{http.MethodHead, 200, nil, true},
		{http.MethodPost, 200, nil, true},
		{http.MethodPost, 201, nil, true},
		{http.MethodPost, 202, nil, true},
		{http.MethodPost, 400, nil, false},
		{http.MethodPut, 200, nil, true},
		{http.MethodDelete, 202, nil, true},
		{http.MethodDelete, 204, nil, true},
		{http.MethodDelete, 404, nil, false},
		{http.MethodPost, 202, []int{200}, false},
		{http.MethodGet, 300, []int{200, 300}, true},
		{http.MethodDelete, 404, []int{202, 404}, true},
	}
	for _, tt := range tests {
		rc, mock := newClient(t, mv.V(3, 0))
		mock.RegisterResponder(tt.method, endpoint+"x", httpmock.NewStringResponder(tt.code, ""))
		err := rc.Do(t.Context(), rest.Call{Method: tt.method, Path: "x", Expect: tt.expect}, nil)
		if tt.ok {
			assert.NoError(t, err, "%s %d %v", tt.method, tt.code, tt.expect)
			continue
		}
		var apiErr *rest.APIError
		if assert.ErrorAs(t, err, &apiErr, "%s %d %v", tt.method, tt.code, tt.expect) {
			assert.Equal(t, tt.code, apiErr.StatusCode)
		}
	}
}

func TestAPIErrorFromServer(t *testing.T) {
	t.Parallel()
	rc, mock := newClient(t, mv.V(3, 70))
	mock.RegisterResponder(http.MethodGet, endpoint+"volumes/nope",
		httpmock.NewStringResponder(404, `{"itemNotFound": {"code": 404, "message": "Volume nope could not be found."}}`).
			HeaderSet(http.Header{"X-Openstack-Request-Id": {"req-3f79fb3b"}}))
	err := rc.Do(t.Context(), rest.Call{Path: rest.Path("volumes", "nope")}, &struct{}{})
	require.ErrorIs(t, err, rest.ErrNotFound)
	var apiErr *rest.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "req-3f79fb3b", apiErr.RequestID)
	assert.Equal(t, "itemNotFound", apiErr.Code)
	assert.Equal(t, http.MethodGet, apiErr.Method)
	assert.Equal(t, endpoint+"volumes/nope", apiErr.URL)
}

func TestResponseCapture(t *testing.T) {
	t.Parallel()
	rc, mock := newClient(t, mv.V(3, 0))
	mock.RegisterResponder(http.MethodDelete, endpoint+"volumes/v1",
		httpmock.NewStringResponder(202, "").HeaderSet(http.Header{"X-Openstack-Request-Id": {"req-del"}, "X-Extra": {"1"}}))
	mock.RegisterResponder(http.MethodGet, endpoint+"volumes/v2",
		httpmock.NewStringResponder(404, "").HeaderSet(http.Header{"X-Openstack-Request-Id": {"req-404"}}))

	var direct, viaCtx rest.Response
	ctx := rest.WithResponse(t.Context(), &viaCtx)
	require.NoError(t, rc.Do(ctx, rest.Call{Method: http.MethodDelete, Path: "volumes/v1", Response: &direct}, nil))
	for _, r := range []rest.Response{direct, viaCtx} {
		assert.Equal(t, 202, r.StatusCode)
		assert.Equal(t, "req-del", r.RequestID)
		assert.Equal(t, "1", r.Header.Get("X-Extra"))
	}

	err := rc.Do(ctx, rest.Call{Path: "volumes/v2"}, nil)
	require.ErrorIs(t, err, rest.ErrNotFound)
	assert.Equal(t, 404, viaCtx.StatusCode, "the last call wins, errors included")
	assert.Equal(t, "req-404", viaCtx.RequestID)
}

func TestVersionCheckedBeforeSending(t *testing.T) {
	t.Parallel()
	rc, mock := newClient(t, mv.V(3, 30))
	err := rc.Do(t.Context(), rest.Call{Op: "volumes.Revert", Path: "volumes/v1/action", Since: mv.V(3, 40)}, nil)
	var verr *rest.VersionError
	require.ErrorAs(t, err, &verr)
	assert.Equal(t, "volumes.Revert", verr.Op)
	err = rc.Do(t.Context(), rest.Call{Path: "os-old", Until: mv.V(3, 0)}, nil)
	require.ErrorAs(t, err, &verr)
	assert.Equal(t, "GET /os-old", verr.Op, "op defaults to method and path")
	assert.Zero(t, mock.GetTotalCallCount())
}

func TestWithVersionCopies(t *testing.T) {
	t.Parallel()
	rc, _ := newClient(t, mv.V(3, 0))
	cp := rc.WithVersion(mv.V(3, 1))
	assert.Equal(t, mv.V(3, 1), cp.Version)
	assert.Equal(t, mv.V(3, 0), rc.Version, "WithVersion copies")
}

func TestDecodeErrors(t *testing.T) {
	t.Parallel()
	rc, mock := newClient(t, mv.V(3, 0))
	mock.RegisterResponder(http.MethodGet, endpoint+"empty", httpmock.NewStringResponder(200, ""))
	mock.RegisterResponder(http.MethodGet, endpoint+"bad", httpmock.NewStringResponder(200, `{"volume": [`))
	mock.RegisterResponder(http.MethodDelete, endpoint+"nocontent", httpmock.NewStringResponder(204, ""))
	var out map[string]any
	err := rc.Do(t.Context(), rest.Call{Path: "empty"}, &out)
	require.Error(t, err)
	assert.Equal(t, "cinder: GET "+endpoint+"empty: empty response body", err.Error())
	err = rc.Do(t.Context(), rest.Call{Path: "bad"}, &out)
	require.Error(t, err)
	assert.True(t, strings.HasPrefix(err.Error(), "cinder: GET "+endpoint+"bad: decoding response: "), err.Error())
	assert.NoError(t, rc.Do(t.Context(), rest.Call{Method: http.MethodDelete, Path: "nocontent"}, &out))
}

func TestEncodeErrorFailsBeforeSending(t *testing.T) {
	t.Parallel()
	rc, mock := newClient(t, mv.V(3, 0))
	err := rc.Do(t.Context(), rest.Call{Op: "volumes.Create", Method: http.MethodPost, Path: "volumes", Body: map[string]any{"x": func() {}}}, nil)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "cinder: encoding volumes.Create body")
	var jerr *json.UnsupportedTypeError
	assert.ErrorAs(t, err, &jerr)
	assert.Zero(t, mock.GetTotalCallCount())
}

func TestUnreachableEndpoint(t *testing.T) {
	t.Parallel()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := ln.Addr().String()
	require.NoError(t, ln.Close())

	rc := &rest.Client{HTTP: &http.Client{Transport: &http.Transport{}}, Endpoint: "http://" + addr + "/v3/p1/"}
	err = rc.Do(t.Context(), rest.Call{Path: "volumes"}, nil)
	var uerr *rest.UnreachableError
	require.ErrorAs(t, err, &uerr)
	assert.Equal(t, "http://"+addr, uerr.URL)
	assert.Contains(t, err.Error(), "unreachable")
	assert.Contains(t, err.Error(), addr)
	var op *net.OpError
	assert.ErrorAs(t, err, &op, "the cause is kept")
}

func TestContextCancellation(t *testing.T) {
	t.Parallel()
	rc, mock := newClient(t, mv.V(3, 0))
	ctx, cancel := context.WithCancel(t.Context())
	mock.RegisterResponder(http.MethodGet, endpoint+"volumes", func(r *http.Request) (*http.Response, error) {
		cancel()
		<-r.Context().Done()
		return nil, r.Context().Err()
	})
	err := rc.Do(ctx, rest.Call{Path: "volumes"}, nil)
	assert.Equal(t, context.Canceled, err, "ctx.Err() itself, unwrapped")

	ctx2, cancel2 := context.WithCancel(t.Context())
	cancel2()
	err = rc.Do(ctx2, rest.Call{Path: "volumes"}, nil)
	assert.Equal(t, context.Canceled, err)
	assert.Equal(t, 1, mock.GetTotalCallCount(), "a done ctx sends nothing")
}

func TestTransportErrorWrapped(t *testing.T) {
	t.Parallel()
	rc, mock := newClient(t, mv.V(3, 0))
	mock.RegisterResponder(http.MethodGet, endpoint+"volumes", httpmock.NewErrorResponder(io.ErrUnexpectedEOF))
	err := rc.Do(t.Context(), rest.Call{Path: "volumes"}, nil)
	require.ErrorIs(t, err, io.ErrUnexpectedEOF)
	assert.True(t, strings.HasPrefix(err.Error(), "cinder: GET "+endpoint+"volumes: "), err.Error())
}

func TestURL(t *testing.T) {
	t.Parallel()
	rc := &rest.Client{Endpoint: endpoint}
	assert.Equal(t, endpoint+"volumes", rc.URL("/volumes", nil))
	assert.Equal(t, endpoint+"volumes?limit=5&marker=m", rc.URL("volumes", url.Values{"marker": {"m"}, "limit": {"5"}}))
}
