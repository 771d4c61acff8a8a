package messages_test

import (
	"time"

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
