package volumes_test

import (
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder"
	"github.com/gocinder/cinder/volumes"
)

// IDs in the scrubbed fixtures.
const (
	idA       = "00000000-0000-4000-8000-000000000001" // gocinder-rec-a
	idB       = "00000000-0000-4000-8000-000000000004" // gocinder-rec-b
	typeID    = "00000000-0000-4000-8000-000000000002"
	svcUUID   = "00000000-0000-4000-8000-000000000003"
	projectID = "0a0a0a0a0a0a4a0a8a0a0a0a0a0a0001"
	userID    = "0a0a0a0a0a0a4a0a8a0a0a0a0a0a0003"
	base      = "https://cinder.example.com:8776"
)

var fixtureTime = time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)

func links(id string) []volumes.Link {
	return []volumes.Link{
		{Rel: "self", Href: base + "/v3/" + projectID + "/volumes/" + id},
		{Rel: "bookmark", Href: base + "/" + projectID + "/volumes/" + id},
	}
}

// volumeA is testdata/volumes/get.json decoded.
func volumeA() volumes.Volume {
	return volumes.Volume{
		ID: idA, Name: "gocinder-rec-a", Description: "recorded by gocinder",
		Status: volumes.StatusAvailable, Size: 1, AvailabilityZone: "nova",
		CreatedAt: fixtureTime, UpdatedAt: fixtureTime,
		VolumeType: "__DEFAULT__", Metadata: map[string]string{"gocinder-rec": "1"},
		Links: links(idA), UserID: userID, Attachments: []volumes.Attachment{},
		TenantID: projectID, Host: "cinder-host@backend#pool",
		SharedTargets: new(false), ServiceUUID: svcUUID, VolumeTypeID: typeID, ConsumesQuota: new(true),
	}
}

// volumeB is the second volume of list_page2.json.
func volumeB() volumes.Volume {
	v := volumeA()
	v.ID, v.Name, v.Links = idB, "gocinder-rec-b", links(idB)
	return v
}

// assertAPIError checks a recorded error fixture's decoding.
func assertAPIError(t *testing.T, err error, sentinel error, status int, code, msg string) {
	t.Helper()
	require.Error(t, err)
	assert.ErrorIs(t, err, sentinel)
	var apiErr *cinder.APIError
	require.True(t, errors.As(err, &apiErr), "want *cinder.APIError, got %T", err)
	assert.Equal(t, status, apiErr.StatusCode)
	assert.Equal(t, code, apiErr.Code)
	assert.Equal(t, msg, apiErr.Message)
	assert.Equal(t, "req-00000000-0000-4000-8000-000000000001", apiErr.RequestID)
}

// assertVersionError checks that a call was refused before sending.
func assertVersionError(t *testing.T, err error, need string, calls int) {
	t.Helper()
	var verr *cinder.VersionError
	require.ErrorAs(t, err, &verr)
	assert.Equal(t, need, verr.Need.String())
	assert.Equal(t, 0, calls, "nothing may be sent")
}
