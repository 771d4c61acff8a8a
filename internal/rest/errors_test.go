package rest_test

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder/internal/rest"
	mv "github.com/gocinder/cinder/microversion"
)

func errResponse(code int, header http.Header, body string) *http.Response {
	u, _ := url.Parse("http://cinder.test/v3/p/volumes/nope")
	if header == nil {
		header = http.Header{}
	}
	return &http.Response{
		StatusCode: code,
		Header:     header,
		Body:       io.NopCloser(strings.NewReader(body)),
		Request:    &http.Request{Method: http.MethodGet, URL: u},
	}
}

func TestParseError(t *testing.T) {
	t.Parallel()
	// Bodies recorded from the real Cinder (Zed) and Keystone.
	tests := []struct {
		name     string
		code     int
		body     string
		wantCode string
		wantMsg  string
	}{
		{"cinder itemNotFound", 404, `{"itemNotFound": {"code": 404, "message": "Volume nope could not be found."}}`,
			"itemNotFound", "Volume nope could not be found."},
		{"cinder badRequest", 400, `{"badRequest": {"code": 400, "message": "Invalid input for field/attribute size. Value: x. 'x' does not match '^[0-9]+$'"}}`,
			"badRequest", "Invalid input for field/attribute size. Value: x. 'x' does not match '^[0-9]+$'"},
		{"cinder overLimit", 413, `{"overLimit": {"code": 413, "message": "VolumeSizeExceedsAvailableQuota: Requested volume or snapshot exceeds allowed gigabytes quota.", "retryAfter": "0"}}`,
			"overLimit", "VolumeSizeExceedsAvailableQuota: Requested volume or snapshot exceeds allowed gigabytes quota."},
		{"cinder forbidden", 403, `{"forbidden": {"code": 403, "message": "Policy doesn't allow volume:force_delete to be performed."}}`,
			"forbidden", "Policy doesn't allow volume:force_delete to be performed."},
		{"microversion not acceptable", 406, `{"computeFault": {"code": 406, "message": "Version 3.99 is not supported by the API. Minimum is 3.0 and maximum is 3.70."}}`,
			"computeFault", "Version 3.99 is not supported by the API. Minimum is 3.0 and maximum is 3.70."},
		{"keystone error", 401, `{"error": {"code": 401, "title": "Unauthorized", "message": "The request you have made requires authentication."}}`,
			"Unauthorized", "The request you have made requires authentication."},
		{"fault with an empty message", 400, `{"badRequest":{"code":400,"message":""}}`, "badRequest", "Bad Request"},
		{"top-level message", 409, `{"message": "conflicting"}`, "", "conflicting"},
		{"html page", 502, "<html><body><h1>502 Bad Gateway</h1>\n</body></html>", "", "Bad Gateway"},
		{"plain text", 503, "upstream connect error\nor disconnect", "", "upstream connect error"},
		{"empty body", 500, "", "", "Internal Server Error"},
		{"unknown json", 500, `{"foo": 1}`, "", "Internal Server Error"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			h := http.Header{}
			h.Set("X-Openstack-Request-Id", "req-3f79fb3b-5141-4428-94e5-7aa2248eff96")
			e := rest.ParseError(errResponse(tt.code, h, tt.body))
			assert.Equal(t, tt.code, e.StatusCode)
			assert.Equal(t, tt.wantCode, e.Code)
			assert.Equal(t, tt.wantMsg, e.Message)
			assert.Equal(t, "req-3f79fb3b-5141-4428-94e5-7aa2248eff96", e.RequestID)
			assert.Equal(t, http.MethodGet, e.Method)
			assert.Equal(t, "http://cinder.test/v3/p/volumes/nope", e.URL)
		})
	}
}

func TestParseErrorKeepsRetryAfter(t *testing.T) {
	t.Parallel()
	e := rest.ParseError(errResponse(429, http.Header{"Retry-After": {"30"}}, ""))
	assert.Equal(t, "30", e.RetryAfter)
	assert.Equal(t, "Too Many Requests", e.Message)
}

func TestAPIErrorFormat(t *testing.T) {
	t.Parallel()
	e := &rest.APIError{StatusCode: 404, Code: "itemNotFound", Message: "Volume nope could not be found.",
		RequestID: "req-1", Method: "GET", URL: "http://cinder.test/v3/p/volumes/nope"}
	assert.Equal(t, "cinder: GET http://cinder.test/v3/p/volumes/nope: 404 itemNotFound: Volume nope could not be found. (request req-1)", e.Error())
	bare := &rest.APIError{StatusCode: 500, Method: "DELETE", URL: "http://h/x"}
	assert.Equal(t, "cinder: DELETE http://h/x: 500", bare.Error())
}

func TestAPIErrorIsSentinels(t *testing.T) {
	t.Parallel()
	all := []error{rest.ErrBadRequest, rest.ErrUnauthorized, rest.ErrForbidden, rest.ErrNotFound, rest.ErrNotAcceptable,
		rest.ErrConflict, rest.ErrPrecondition, rest.ErrOverLimit, rest.ErrTooManyRequests, rest.ErrServer,
		rest.ErrNotImplemented, rest.ErrServiceUnavailable}
	tests := []struct {
		code int
		want error
	}{
		{400, rest.ErrBadRequest},
		{401, rest.ErrUnauthorized},
		{403, rest.ErrForbidden},
		{404, rest.ErrNotFound},
		{406, rest.ErrNotAcceptable},
		{409, rest.ErrConflict},
		{412, rest.ErrPrecondition},
		{413, rest.ErrOverLimit},
		{429, rest.ErrTooManyRequests},
		{500, rest.ErrServer},
		{501, rest.ErrNotImplemented},
		{502, rest.ErrServer},
		{503, rest.ErrServiceUnavailable},
		{504, rest.ErrServer},
		{405, nil},
		{418, nil},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.code), func(t *testing.T) {
			t.Parallel()
			var err error = fmt.Errorf("volumes.Get: %w", &rest.APIError{StatusCode: tt.code})
			for _, s := range all {
				assert.Equal(t, s == tt.want, errors.Is(err, s), "%d vs %v", tt.code, s)
			}
			var apiErr *rest.APIError
			require.ErrorAs(t, err, &apiErr)
			assert.Equal(t, tt.code, apiErr.StatusCode)
		})
	}
}

func TestRequestID(t *testing.T) {
	t.Parallel()
	h := http.Header{}
	assert.Empty(t, rest.RequestID(h))
	h.Set("X-Compute-Request-Id", "req-compute")
	assert.Equal(t, "req-compute", rest.RequestID(h))
	h.Set("X-Openstack-Request-Id", "req-openstack")
	assert.Equal(t, "req-openstack", rest.RequestID(h))
	// Keystone sends it lower case; Header.Get canonicalises.
	lower := http.Header{"X-Openstack-Request-Id": {"req-a7f68202"}}
	assert.Equal(t, "req-a7f68202", rest.RequestID(lower))
}

func TestCheckAndVersionError(t *testing.T) {
	t.Parallel()
	c := &rest.Client{Version: mv.V(3, 30)}
	require.NoError(t, c.Check("op", mv.Version{}, mv.Version{}))
	require.NoError(t, c.Check("op", mv.V(3, 30), mv.V(3, 30)))

	err := c.Check("volumes.RevertToSnapshot", mv.V(3, 40), mv.Version{})
	var verr *rest.VersionError
	require.ErrorAs(t, err, &verr)
	assert.Equal(t, mv.V(3, 40), verr.Need)
	assert.Equal(t, mv.V(3, 30), verr.Have)
	assert.Equal(t, "cinder: volumes.RevertToSnapshot requires microversion 3.40 or later; this client uses 3.30", err.Error())

	err = c.Check("volumes.Legacy", mv.V(3, 0), mv.V(3, 20))
	require.ErrorAs(t, err, &verr)
	assert.Equal(t, mv.V(3, 20), verr.Until)
	assert.Equal(t, "cinder: volumes.Legacy is served up to microversion 3.20; this client uses 3.30", err.Error())
}

func TestStatusAndUnreachableErrorFormat(t *testing.T) {
	t.Parallel()
	s := &rest.StatusError{ID: "v1", Status: "error", Reason: "no valid host"}
	assert.Equal(t, `cinder: v1 went to status "error": no valid host`, s.Error())
	inner := errors.New("dial tcp: refused")
	u := &rest.UnreachableError{URL: "http://cinder.test:8776", Err: inner}
	assert.Equal(t, "cinder: service unreachable at http://cinder.test:8776: dial tcp: refused", u.Error())
	assert.ErrorIs(t, u, inner)
}

func TestParseFault(t *testing.T) {
	t.Parallel()
	code, msg := rest.ParseFault([]byte(`{"error": {"code": 401, "message": "bad", "title": "Unauthorized"}}`))
	assert.Equal(t, "Unauthorized", code)
	assert.Equal(t, "bad", msg)
	code, msg = rest.ParseFault([]byte(`{"badRequest": {"code": 400, "message": ""}}`))
	assert.Equal(t, "badRequest", code, "the fault name stays when the message is empty")
	assert.Empty(t, msg)
	code, msg = rest.ParseFault([]byte(`{"itemNotFound": {"code": 404}}`))
	assert.Equal(t, "itemNotFound", code)
	assert.Empty(t, msg)
	code, msg = rest.ParseFault(nil)
	assert.Empty(t, code)
	assert.Empty(t, msg)
	_, msg = rest.ParseFault([]byte(strings.Repeat("x", 500)))
	assert.Len(t, msg, 200, "long plain bodies are cut")
}
