package cindertest

import "net/http"

func limitRoutes() []route {
	return []route{rt("GET", "limits", (*call).showLimits)}
}

// showLimits answers GET /limits: absolute limits from the quotas plus
// usage; admins may ask for another project from 3.39.
func (c *call) showLimits() {
	project := c.tok.projectID
	if p := c.r.URL.Query().Get("project_id"); p != "" && c.admin && c.at(39) {
		project = p
	}
	q := c.s.st.quota(project)
	u := c.s.st.inUse(project)
	c.json(http.StatusOK, map[string]any{"limits": map[string]any{"rate": []any{}, "absolute": map[string]int{
		"maxTotalVolumes": q.Volumes, "maxTotalSnapshots": q.Snapshots, "maxTotalVolumeGigabytes": q.Gigabytes,
		"maxTotalBackups": q.Backups, "maxTotalBackupGigabytes": q.BackupGigabytes,
		"totalVolumesUsed": u["volumes"], "totalGigabytesUsed": u["gigabytes"], "totalSnapshotsUsed": u["snapshots"],
		"totalBackupsUsed": u["backups"], "totalBackupGigabytesUsed": u["backup_gigabytes"]}}})
}
