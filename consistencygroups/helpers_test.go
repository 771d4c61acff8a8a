package consistencygroups_test

import (
	"time"

	"github.com/gocinder/cinder/consistencygroups"
)

// Fixture IDs (scrubbed; pinned by TestRecord).
const (
	cg0ID       = "00000000-0000-4000-8000-000000000201" // cg-cg0, made with Create, never scheduled
	g1ID        = "00000000-0000-4000-8000-000000000202" // cg-g1, a generic group
	g2ID        = "00000000-0000-4000-8000-000000000203" // cg-g2, from cgs1
	g3ID        = "00000000-0000-4000-8000-000000000204" // cg-g3, from g1
	gtID        = "00000000-0000-4000-8000-000000000211"
	vtID        = "00000000-0000-4000-8000-000000000221"
	vtNowhereID = "00000000-0000-4000-8000-000000000222"
	cgs1ID      = "00000000-0000-4000-8000-000000000231"
	vol1ID      = "00000000-0000-4000-8000-000000000241"
	vol2ID      = "00000000-0000-4000-8000-000000000242"
	deadID      = "00000000-0000-4000-8000-00000000dead"
)

// stamp is the time every fixture timestamp is scrubbed to.
var stamp = time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)

// fixtureGroup is testdata/consistencygroups/get.json decoded.
func fixtureGroup() consistencygroups.ConsistencyGroup {
	return consistencygroups.ConsistencyGroup{ID: g1ID, Name: "cg-g1", Description: "first", Status: consistencygroups.StatusAvailable,
		AvailabilityZone: "nova", CreatedAt: stamp, VolumeTypes: []string{vtID}}
}
