package groupsnapshots_test

import (
	"time"

	"github.com/gocinder/cinder/groupsnapshots"
)

// Fixture IDs (scrubbed; pinned by groups.TestRecord).
const (
	gs1ID     = "00000000-0000-4000-8000-000000000131"
	g1ID      = "00000000-0000-4000-8000-000000000101"
	gtID      = "00000000-0000-4000-8000-000000000111"
	deadID    = "00000000-0000-4000-8000-00000000dead"
	projectID = "0a0a0a0a0a0a4a0a8a0a0a0a0a0a0001"
)

// fixtureSnapshot is testdata/groupsnapshots/get.json decoded.
func fixtureSnapshot() groupsnapshots.GroupSnapshot {
	return groupsnapshots.GroupSnapshot{ID: gs1ID, Name: "grp-gs1", Description: "nightly", Status: groupsnapshots.StatusAvailable,
		GroupID: g1ID, GroupTypeID: gtID, CreatedAt: time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC), ProjectID: projectID}
}
