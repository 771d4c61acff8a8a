package snapshots_test

import (
	"time"

	"github.com/gocinder/cinder/snapshots"
)

// Fixture IDs (scrubbed).
const (
	snapID    = "00000000-0000-4000-8000-000000000001"
	volID     = "00000000-0000-4000-8000-000000000002"
	projectID = "0a0a0a0a0a0a4a0a8a0a0a0a0a0a0001"
	userID    = "0a0a0a0a0a0a4a0a8a0a0a0a0a0a0002"
)

// stamp is the time every fixture timestamp is scrubbed to.
var stamp = time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)

// fixtureSnapshot is testdata/snapshots/get.json decoded.
func fixtureSnapshot() snapshots.Snapshot {
	return snapshots.Snapshot{
		ID: snapID, Name: "sb-snap2", Description: "nightly", Status: snapshots.StatusAvailable, Size: 1,
		VolumeID: volID, CreatedAt: stamp, UpdatedAt: stamp, Metadata: map[string]string{"purpose": "test"},
		ProjectID: projectID, Progress: "100%", UserID: userID, ConsumesQuota: new(true),
	}
}
