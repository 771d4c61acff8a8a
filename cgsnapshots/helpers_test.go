package cgsnapshots_test

import (
	"time"

	"github.com/gocinder/cinder/cgsnapshots"
)

// Fixture IDs (scrubbed; pinned by consistencygroups.TestRecord).
const (
	cgs1ID = "00000000-0000-4000-8000-000000000231"
	g1ID   = "00000000-0000-4000-8000-000000000202"
	deadID = "00000000-0000-4000-8000-00000000dead"
)

// fixtureSnapshot is testdata/cgsnapshots/get.json decoded.
func fixtureSnapshot() cgsnapshots.CGSnapshot {
	return cgsnapshots.CGSnapshot{ID: cgs1ID, Name: "cg-s1", Description: "nightly", Status: cgsnapshots.StatusAvailable,
		ConsistencyGroupID: g1ID, CreatedAt: time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)}
}
