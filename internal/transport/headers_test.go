package transport_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder/internal/transport"
	mv "github.com/gocinder/cinder/microversion"
)

func TestHeadersSetsUserAgentMicroversionAndRequestID(t *testing.T) {
	t.Parallel()
	var got http.Header
	h := &transport.Headers{
		UserAgent:       "myapp/1 gocinder/0.1.0",
		GlobalRequestID: "req-0f1e2d3c-aaaa-bbbb-cccc-000000000001",
		Next: rtFunc(func(r *http.Request) (*http.Response, error) {
			got = r.Header.Clone()
			return respond(http.StatusOK, nil, ""), nil
		}),
	}
	ctx := transport.WithMicroversion(t.Context(), mv.V(3, 64))
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://cinder.test/v3/p/volumes", nil)
	require.NoError(t, err)
	req.Header.Set("If-Match", "etag")

	resp, err := h.RoundTrip(req)
	require.NoError(t, err)
	defer resp.Body.Close()

	assert.Equal(t, "myapp/1 gocinder/0.1.0", got.Get("User-Agent"))
	assert.Equal(t, "volume 3.64", got.Get("OpenStack-API-Version"))
	assert.Equal(t, "req-0f1e2d3c-aaaa-bbbb-cccc-000000000001", got.Get("X-OpenStack-Request-ID"))
	assert.Equal(t, "application/json", got.Get("Accept"))
	assert.Equal(t, "etag", got.Get("If-Match"), "caller's headers are kept")

	// The caller's request is not mutated.
	assert.Empty(t, req.Header.Get("User-Agent"))
	assert.Empty(t, req.Header.Get("OpenStack-API-Version"))
	assert.Empty(t, req.Header.Get("X-OpenStack-Request-ID"))
	assert.Empty(t, req.Header.Get("Accept"))
	assert.Len(t, req.Header, 1)
}

func TestHeadersOmitsUnsetValues(t *testing.T) {
	t.Parallel()
	var got http.Header
	h := &transport.Headers{Next: rtFunc(func(r *http.Request) (*http.Response, error) {
		got = r.Header.Clone()
		return respond(http.StatusOK, nil, ""), nil
	})}
	req, err := http.NewRequestWithContext(t.Context(), http.MethodGet, "http://cinder.test/", nil)
	require.NoError(t, err)
	req.Header.Set("Accept", "text/plain")

	resp, err := h.RoundTrip(req)
	require.NoError(t, err)
	defer resp.Body.Close()

	assert.NotContains(t, got, "Openstack-Api-Version")
	assert.NotContains(t, got, "X-Openstack-Request-Id")
	assert.NotContains(t, got, "User-Agent")
	assert.Equal(t, "text/plain", got.Get("Accept"), "an explicit Accept wins")
}
