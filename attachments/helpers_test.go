package attachments_test

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
	"github.com/gocinder/cinder/attachments"
	"github.com/gocinder/cinder/internal/testutil"
)

// Fixture IDs (scrubbed).
const (
	attID       = "00000000-0000-4000-8000-000000000001"
	volID       = "00000000-0000-4000-8000-000000000002"
	roID        = "00000000-0000-4000-8000-000000000003"
	connectedID = "00000000-0000-4000-8000-000000000004"
)

// stamp is the time every fixture timestamp is scrubbed to.
var stamp = time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)

// connector is the connector the fixtures were recorded with.
var connector = attachments.Connector{Initiator: "iqn.1993-08.org.debian:01:abc", IP: "127.0.0.1", Host: "localhost",
	Platform: "x86_64", OSType: "linux"}

// connectorJSON is connector on the wire.
const connectorJSON = `{"initiator":"iqn.1993-08.org.debian:01:abc","ip":"127.0.0.1","host":"localhost",` +
	`"platform":"x86_64","os_type":"linux","multipath":false}`

// connInfo is the connection_info the localfile backend gives attachment id.
func connInfo(id string) map[string]any {
	return map[string]any{
		"device_path":        "/var/lib/openstack/cinder/localfile/volume-" + volID,
		"access_mode":        "rw",
		"qos_specs":          nil,
		"encrypted":          false,
		"cacheable":          false,
		"driver_volume_type": "local",
		"attachment_id":      id,
	}
}

// fixtureAttachment is testdata/attachments/get.json decoded.
func fixtureAttachment() attachments.Attachment {
	return attachments.Attachment{ID: attID, Status: attachments.StatusAttached, VolumeID: volID, AttachedAt: stamp,
		AttachMode: attachments.ModeReadWrite, ConnectionInfo: connInfo(attID)}
}

// reserved is testdata/attachments/create.json decoded.
func reserved() attachments.Attachment {
	return attachments.Attachment{ID: attID, Status: attachments.StatusReserved, VolumeID: volID, ConnectionInfo: map[string]any{}}
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
