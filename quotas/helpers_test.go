package quotas_test

import (
	"github.com/gocinder/cinder/quotas"
)

// demoProject is the project whose quotas the fixtures show (scrubbed).
const demoProject = "0a0a0a0a0a0a4a0a8a0a0a0a0a0a0002"

// unlimited is a volume type's quotas when none are set.
var unlimited = quotas.TypeSet[int]{Volumes: -1, Gigabytes: -1, Snapshots: -1}

// defaults is testdata/quotas/defaults.json decoded (the cloud's types at
// recording time: the recording's own gocinder-qrec, two other engineers'
// and __DEFAULT__).
func defaults(id string) quotas.QuotaSet {
	return quotas.QuotaSet{
		ID: id, Volumes: 10, Snapshots: 10, Gigabytes: 1000, Backups: 10, BackupGigabytes: 1000,
		PerVolumeGigabytes: -1, Groups: 10,
		Types: map[string]quotas.TypeSet[int]{
			"gocinder-qrec": unlimited, "tq-priv2": unlimited, "tq-pub": unlimited, "__DEFAULT__": unlimited,
		},
	}
}

// updated is the demo project's quotas after the recorded update.
func updated() quotas.QuotaSet {
	s := defaults(demoProject)
	s.Volumes, s.Gigabytes = 12, -1
	s.Types["gocinder-qrec"] = quotas.TypeSet[int]{Volumes: 5, Gigabytes: 50, Snapshots: -1}
	return s
}
