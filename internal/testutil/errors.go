package testutil

import (
	"context"
	"errors"
	"net/http"
	"testing"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
)

// RequireAPIError checks an error decoded from a recorded fault: it matches
// sentinel, carries status and RequestID, and its message contains msg.
func RequireAPIError(t testing.TB, err error, status int, sentinel error, msg string) {
	t.Helper()
	require.Error(t, err)
	assert.ErrorIs(t, err, sentinel)
	var apiErr *cinder.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, status, apiErr.StatusCode)
	assert.Equal(t, RequestID, apiErr.RequestID)
	assert.Contains(t, apiErr.Message, msg)
}

// RequireVersionError checks a microversion refusal that needs version need.
func RequireVersionError(t testing.TB, err error, need string) {
	t.Helper()
	var verr *cinder.VersionError
	require.True(t, errors.As(err, &verr), "want *cinder.VersionError, got %v", err)
	assert.Equal(t, need, verr.Need.String())
}

// RetryingClient is NewClient's client at v, but one that retries (3
// attempts) whatever the transport layer considers retryable, and without
// a no-responder check.
func RetryingClient(t testing.TB, v string) (*cinder.Client, *httpmock.MockTransport) {
	t.Helper()
	mock := httpmock.NewMockTransport()
	c, err := cinder.New(context.Background(), cinder.Options{
		Endpoint: Endpoint, Auth: cinder.Auth{Token: "tok"}, Microversion: v,
		HTTPClient: &http.Client{Transport: mock}, MaxAttempts: 3,
	})
	require.NoError(t, err)
	return c, mock
}

// GatewayTimeout answers 504 with Retry-After: 0: the proxy gave up, so the
// server may have acted, and a POST must not be replayed.
func GatewayTimeout(*http.Request) (*http.Response, error) {
	resp := Respond(http.StatusGatewayTimeout, []byte(`<html><body><h1>504 Gateway Time-out</h1></body></html>`))
	resp.Header.Set("Retry-After", "0")
	return resp, nil
}

// Unavailable answers 503 with Retry-After: 0, so that a wrong retry is fast.
func Unavailable(*http.Request) (*http.Response, error) {
	resp := Respond(http.StatusServiceUnavailable, []byte(`{"serviceUnavailable":{"code":503,"message":"busy"}}`))
	resp.Header.Set("Retry-After", "0")
	return resp, nil
}
