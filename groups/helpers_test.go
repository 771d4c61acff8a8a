package groups_test

import (
	"time"

	"github.com/gocinder/cinder/groups"
)

// Fixture IDs (scrubbed; pinned by TestRecord).
const (
	g1ID    = "00000000-0000-4000-8000-000000000101" // grp-g1
	g2ID    = "00000000-0000-4000-8000-000000000102" // grp-g2, from gs1
	g3ID    = "00000000-0000-4000-8000-000000000103" // grp-g3, from g1
	g4ID    = "00000000-0000-4000-8000-000000000104" // grp-g4, replication type, status error
	gtID    = "00000000-0000-4000-8000-000000000111"
	gtRepID = "00000000-0000-4000-8000-000000000112"
	vtID    = "00000000-0000-4000-8000-000000000121"
	vtRepID = "00000000-0000-4000-8000-000000000122"
	gs1ID   = "00000000-0000-4000-8000-000000000131"
	vol1ID  = "00000000-0000-4000-8000-000000000141"
	vol2ID  = "00000000-0000-4000-8000-000000000142"
	deadID  = "00000000-0000-4000-8000-00000000dead"
)

// stamp is the time every fixture timestamp is scrubbed to.
var stamp = time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)

// fixtureGroup is testdata/groups/get.json decoded.
func fixtureGroup() groups.Group {
	return groups.Group{ID: g1ID, Name: "grp-g1", Description: "first", Status: groups.StatusAvailable,
		AvailabilityZone: "nova", CreatedAt: stamp, GroupType: gtID, VolumeTypes: []string{vtID},
		ReplicationStatus: groups.ReplicationDisabled, ProjectID: projectID}
}

const projectID = "0a0a0a0a0a0a4a0a8a0a0a0a0a0a0001"
