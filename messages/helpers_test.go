package messages_test

import (
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/internal/testutil"
	"github.com/gocinder/cinder/messages"
)

// Fixture IDs (scrubbed): two volumes that found no backend, and an older
// message about a failed extend.
const (
	msgNewer = "00000000-0000-4000-8000-000000000001"
	volNewer = "00000000-0000-4000-8000-000000000002"
	msgOlder = "00000000-0000-4000-8000-000000000003"
	volOlder = "00000000-0000-4000-8000-000000000004"
	msgExt   = "00000000-0000-4000-8000-000000000005"
	volExt   = "00000000-0000-4000-8000-000000000006"
	adminPrj = "0a0a0a0a0a0a4a0a8a0a0a0a0a0a0009" // the admin's project, in list_like.json
)

var stamp = time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)

// msg is a recorded message; project is the one in its links.
func msg(id, vol, project string) messages.Message {
	m := messages.Message{
		ID: id, EventID: "VOLUME_VOLUME_001_003", Level: messages.LevelError,
		UserMessage:  "schedule allocate volume:Could not find any available weighted backend.",
		ResourceType: messages.ResourceVolume, ResourceUUID: vol, RequestID: testutil.RequestID,
		CreatedAt: stamp, GuaranteedUntil: stamp,
		Links: []messages.Link{
			{Rel: "self", Href: "https://cinder.example.com:8776/v3/" + project + "/messages/" + id},
			{Rel: "bookmark", Href: "https://cinder.example.com:8776/" + project + "/messages/" + id},
		},
	}
	if id == msgExt {
		m.EventID, m.UserMessage = "VOLUME_VOLUME_007_009", "extend volume:Compute service failed to extend volume."
	}
	return m
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
