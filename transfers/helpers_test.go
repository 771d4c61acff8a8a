package transfers_test

import (
	"context"
	"errors"
	"net/http"
	"testing"
	"time"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/internal/testutil"
	"github.com/gocinder/cinder/transfers"
)

// Fixture IDs (scrubbed).
const (
	transferID = "00000000-0000-4000-8000-000000000001"
	volID      = "00000000-0000-4000-8000-000000000002"
	legacyID   = "00000000-0000-4000-8000-000000000003" // created at 3.0, then accepted
	page1ID    = "00000000-0000-4000-8000-000000000004"
	page2ID    = "00000000-0000-4000-8000-000000000005"
	vol2ID     = "00000000-0000-4000-8000-000000000006"
	adminProj  = testutil.ProjectID
	demoProj   = "0a0a0a0a0a0a4a0a8a0a0a0a0a0a0002"
)

// stamp is the time every fixture timestamp is scrubbed to.
var stamp = time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)

// links are the self and bookmark links Cinder gives a transfer (always
// under os-volume-transfer, whichever path was asked).
func links(project, id string) []transfers.Link {
	return []transfers.Link{
		{Rel: "self", Href: "https://cinder.example.com:8776/v3/" + project + "/os-volume-transfer/" + id},
		{Rel: "bookmark", Href: "https://cinder.example.com:8776/" + project + "/os-volume-transfer/" + id},
	}
}

// fixtureTransfer is testdata/transfers/get.json decoded (3.70).
func fixtureTransfer() transfers.Transfer {
	return transfers.Transfer{
		ID: transferID, Name: "tx-rec-1", VolumeID: volID, CreatedAt: stamp, Links: links(adminProj, transferID),
		NoSnapshots: true, SourceProjectID: adminProj,
	}
}

// requireAPIError checks an error decoded from a recorded fault.
func requireAPIError(t *testing.T, err error, status int, sentinel error, msg string) {
	t.Helper()
	require.Error(t, err)
	assert.ErrorIs(t, err, sentinel)
	var apiErr *cinder.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, status, apiErr.StatusCode)
	assert.Equal(t, testutil.RequestID, apiErr.RequestID)
	assert.Contains(t, apiErr.Message, msg)
}

// requireVersionError checks a microversion refusal.
func requireVersionError(t *testing.T, err error, need string) {
	t.Helper()
	var verr *cinder.VersionError
	require.True(t, errors.As(err, &verr), "want *cinder.VersionError, got %v", err)
	assert.Equal(t, need, verr.Need.String())
}

// retryingClient is a client at v that would retry (3 attempts) whatever
// the transport layer considers retryable.
func retryingClient(t *testing.T, v string) (*cinder.Client, *httpmock.MockTransport) {
	t.Helper()
	mock := httpmock.NewMockTransport()
	c, err := cinder.New(context.Background(), cinder.Options{
		Endpoint: testutil.Endpoint, Auth: cinder.Auth{Token: "tok"}, Microversion: v,
		HTTPClient: &http.Client{Transport: mock}, MaxAttempts: 3,
	})
	require.NoError(t, err)
	return c, mock
}

// unavailable answers 503 with Retry-After: 0, so a wrong retry would be fast.
func unavailable(*http.Request) (*http.Response, error) {
	resp := testutil.Respond(http.StatusServiceUnavailable, []byte(`{"serviceUnavailable":{"code":503,"message":"busy"}}`))
	resp.Header.Set("Retry-After", "0")
	return resp, nil
}
