package backups_test

import (
	"time"

	"github.com/gocinder/cinder/backups"
	"github.com/gocinder/cinder/internal/testutil"
)

// Fixture IDs (scrubbed).
const (
	bak1      = "00000000-0000-4000-8000-000000000011" // full backup
	bak2      = "00000000-0000-4000-8000-000000000012" // incremental on bak1
	bak3      = "00000000-0000-4000-8000-000000000013" // from a snapshot
	bakImp    = "00000000-0000-4000-8000-000000000014" // imported
	volID     = "00000000-0000-4000-8000-000000000002"
	snapID    = "00000000-0000-4000-8000-000000000001"
	restVolID = "00000000-0000-4000-8000-000000000015"
	projectID = "0a0a0a0a0a0a4a0a8a0a0a0a0a0a0001"
	userID    = "0a0a0a0a0a0a4a0a8a0a0a0a0a0a0002"
)

// stamp is the time every fixture timestamp is scrubbed to.
var stamp = time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)

func links(id string) []backups.Link {
	return []backups.Link{
		{Rel: "self", Href: testutil.Endpoint + "/backups/" + id},
		{Rel: "bookmark", Href: "https://cinder.example.com:8776/" + projectID + "/backups/" + id},
	}
}

// fixtureBackup is testdata/backups/get.json decoded.
func fixtureBackup() backups.Backup {
	return backups.Backup{
		ID: bak1, Name: "sb-bak1", Description: "full", Status: backups.StatusAvailable, Size: 1, ObjectCount: 1,
		Container: "sb-container", CreatedAt: stamp, UpdatedAt: stamp, DataTimestamp: stamp, VolumeID: volID,
		Links: links(bak1), Metadata: map[string]string{"env": "test"}, ProjectID: projectID, UserID: userID,
	}
}

// ref is a summary answer (create, update, import) decoded as a Backup.
func ref(id, name string) backups.Backup {
	return backups.Backup{ID: id, Name: name, Links: links(id)}
}
