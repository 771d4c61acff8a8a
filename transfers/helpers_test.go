package transfers_test

import (
	"time"

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
