package cindertest

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
)

// Minimal quota sets (show, defaults, usage, update) so tests can lower
// limits; the full resource comes later.
func quotaRoutes() []route {
	return []route{
		rt("GET", "os-quota-sets/{project}", (*call).showQuota),
		rt("GET", "os-quota-sets/{project}/defaults", func(c *call) { c.quotaJSON(c.s.st.defaults, c.params[0], false, true) }),
		rt("PUT", "os-quota-sets/{project}", (*call).updateQuota),
		rt("GET", "limits", (*call).showLimits),
	}
}

func quotaFields(q *Quotas) []struct {
	name string
	p    *int
} {
	return []struct {
		name string
		p    *int
	}{{"volumes", &q.Volumes}, {"per_volume_gigabytes", &q.PerVolumeGigabytes}, {"snapshots", &q.Snapshots},
		{"gigabytes", &q.Gigabytes}, {"backups", &q.Backups}, {"backup_gigabytes", &q.BackupGigabytes},
		{"groups", &q.Groups}}
}

func (c *call) quotaJSON(q Quotas, project string, usage, withID bool) {
	out := map[string]any{}
	inUse := c.s.st.inUse(project)
	for _, f := range quotaFields(&q) {
		if usage {
			out[f.name] = map[string]int{"limit": *f.p, "in_use": inUse[f.name], "reserved": 0}
		} else {
			out[f.name] = *f.p
		}
	}
	for _, t := range c.s.st.types {
		for _, r := range []string{"volumes", "gigabytes", "snapshots"} {
			if usage {
				n := c.s.st.typeUsage(project, t.ID)[r]
				out[r+"_"+t.Name] = map[string]int{"limit": -1, "in_use": n, "reserved": 0}
			} else {
				out[r+"_"+t.Name] = -1
			}
		}
	}
	if withID {
		out["id"] = project
	}
	c.json(http.StatusOK, map[string]any{"quota_set": out})
}

func (c *call) showQuota() {
	project := c.params[0]
	if project != c.tok.projectID && !c.admin {
		c.policy("volume_extension:quotas:show")
		return
	}
	usage := false
	if raw := c.r.URL.Query().Get("usage"); raw != "" {
		usage, _ = parseBool(raw)
	}
	c.quotaJSON(c.s.st.quota(project), project, usage, true)
}

func (c *call) updateQuota() {
	if !c.requireAdmin("volume_extension:quotas:update") {
		return
	}
	body, ok := c.envelope("quota_set")
	if !ok {
		return
	}
	project := c.params[0]
	q := c.s.st.quota(project)
	fields := quotaFields(&q)
	var bad []string
	for _, k := range orderedKeys(body) {
		if k == "id" || strings.Contains(k, "___") || strings.HasPrefix(k, "volumes_") ||
			strings.HasPrefix(k, "gigabytes_") || strings.HasPrefix(k, "snapshots_") {
			continue
		}
		found := false
		for _, f := range fields {
			if f.name == k {
				found = true
			}
		}
		if !found {
			bad = append(bad, k)
		}
	}
	if len(bad) > 0 {
		c.fault(400, "Invalid input received: Bad key(s) in quota set: %s", strings.Join(bad, ","))
		return
	}
	inUse := c.s.st.inUse(project)
	for _, f := range fields {
		raw, present := body[f.name]
		if !present {
			continue
		}
		n, valid := 0, false
		switch x := raw.(type) {
		case float64:
			n, valid = int(x), x == float64(int(x))
		case string:
			var err error
			n, err = strconv.Atoi(x)
			valid = err == nil
		}
		if !valid {
			c.fault(400, "%s must be an integer", f.name)
			return
		}
		if n < -1 {
			c.fault(400, "Invalid input received: Quota limit %d for %s must be greater than or equal to -1.", n, f.name)
			return
		}
		if n >= 0 && n < inUse[f.name] {
			c.fault(400, "%s", fmt.Sprintf("Quota %s limit must be equal or greater than existing resources. "+
				"Current usage is %d and the requested limit is %d.", f.name, inUse[f.name], n))
			return
		}
		*f.p = n
	}
	c.s.st.quotas[project] = q
	c.quotaJSON(q, project, false, false)
}

// inUse is the project's usage per quota resource.
func (st *store) inUse(project string) map[string]int {
	vols, gigs, snaps := st.usage(project)
	backups, backupGigs := st.backupUsage(project)
	return map[string]int{"volumes": vols, "gigabytes": gigs, "snapshots": snaps, "backups": backups,
		"backup_gigabytes": backupGigs}
}

// typeUsage is the project's volumes, gigabytes and snapshots of one volume type.
func (st *store) typeUsage(project, typeID string) map[string]int {
	out := map[string]int{}
	for _, v := range st.volumes {
		if v.ProjectID == project && v.TypeID == typeID && v.ConsumesQuota {
			out["volumes"]++
			out["gigabytes"] += v.Size
		}
	}
	for _, s := range st.snapshots {
		if v := st.volumes[s.VolumeID]; s.ProjectID == project && v != nil && v.TypeID == typeID && s.ConsumesQuota {
			out["snapshots"]++
			out["gigabytes"] += s.Size
		}
	}
	return out
}

func (c *call) showLimits() {
	project := c.tok.projectID
	q := c.s.st.quota(project)
	u := c.s.st.inUse(project)
	c.json(http.StatusOK, map[string]any{"limits": map[string]any{"rate": []any{}, "absolute": map[string]int{
		"maxTotalVolumes": q.Volumes, "maxTotalSnapshots": q.Snapshots, "maxTotalVolumeGigabytes": q.Gigabytes,
		"maxTotalBackups": q.Backups, "maxTotalBackupGigabytes": q.BackupGigabytes,
		"totalVolumesUsed": u["volumes"], "totalGigabytesUsed": u["gigabytes"], "totalSnapshotsUsed": u["snapshots"],
		"totalBackupsUsed": u["backups"], "totalBackupGigabytesUsed": u["backup_gigabytes"]}}})
}
