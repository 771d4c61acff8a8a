package cindertest

import (
	"net/http"
	"strings"
)

// Quota sets (os-quota-sets) and quota classes (os-quota-class-sets).
func quotaRoutes() []route {
	return []route{
		rt("GET", "os-quota-sets/{project}", (*call).showQuota),
		rt("GET", "os-quota-sets/{project}/defaults", (*call).showQuotaDefaults),
		rt("PUT", "os-quota-sets/{project}", (*call).updateQuota),
		rt("DELETE", "os-quota-sets/{project}", (*call).deleteQuota),
		rt("GET", "os-quota-class-sets/{class}", (*call).showQuotaClass),
		rt("PUT", "os-quota-class-sets/{class}", (*call).updateQuotaClass),
	}
}

// quotaResources are the per-type quota resources (volumes_<type>, ...).
var quotaResources = []string{"volumes", "gigabytes", "snapshots"}

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

// classQuota is the quota class's limits (the defaults for "default").
func (st *store) classQuota(class string) Quotas {
	q := st.defaults
	for _, f := range quotaFields(&q) {
		if n, ok := st.classes["default"][f.name]; ok {
			*f.p = n
		}
		if n, ok := st.classes[class][f.name]; ok && class != "default" {
			*f.p = n
		}
	}
	return q
}

// typeLimit is the limit of a per-type resource ("volumes", "gigabytes",
// "snapshots") for project ("" = the defaults); -1 is unlimited.
func (st *store) typeLimit(project, res, typeID string) int {
	key := res + "_" + typeID
	if n, ok := st.quotas[project][key]; ok && project != "" {
		return n
	}
	if n, ok := st.classes["default"][key]; ok {
		return n
	}
	return -1
}

func (st *store) classTypeLimit(class, res, typeID string) int {
	if n, ok := st.classes[class][res+"_"+typeID]; ok {
		return n
	}
	return st.typeLimit("", res, typeID)
}

// quotaKey resolves a quota key of a request body to its storage key
// (per-type keys use the type ID); ok false for a bad key.
func (st *store) quotaKey(k string) (string, bool) {
	var q Quotas
	for _, f := range quotaFields(&q) {
		if f.name == k {
			return k, true
		}
	}
	for _, res := range quotaResources {
		if name, ok := strings.CutPrefix(k, res+"_"); ok {
			for _, t := range st.types {
				if t.Name == name {
					return res + "_" + t.ID, true
				}
			}
		}
	}
	return "", false
}

// quotaView renders limits (and usage when usage is set) of project, or of
// a class when class is not "".
func (c *call) quotaView(project, class string, usage bool) map[string]any {
	st := c.s.st
	q := st.quota(project)
	if class != "" {
		q = st.classQuota(class)
	}
	out := map[string]any{}
	inUse := st.inUse(project)
	put := func(key string, limit, used int) {
		if usage {
			out[key] = map[string]int{"limit": limit, "in_use": used, "reserved": 0}
		} else {
			out[key] = limit
		}
	}
	for _, f := range quotaFields(&q) {
		put(f.name, *f.p, inUse[f.name])
	}
	for _, t := range st.types {
		tu := st.typeUsage(project, t.ID)
		for _, r := range quotaResources {
			limit := st.typeLimit(project, r, t.ID)
			if class != "" {
				limit = st.classTypeLimit(class, r, t.ID)
			}
			put(r+"_"+t.Name, limit, tu[r])
		}
	}
	return out
}

func (c *call) showQuota() {
	project := c.params[0]
	if project != c.tok.projectID && !c.admin {
		c.policy("volume_extension:quotas:show")
		return
	}
	usage, ok := c.boolQuery("usage")
	if !ok {
		return
	}
	out := c.quotaView(project, "", usage)
	out["id"] = project
	c.json(http.StatusOK, map[string]any{"quota_set": out})
}

func (c *call) showQuotaDefaults() {
	project := c.params[0]
	if project != c.tok.projectID && !c.admin {
		c.policy("volume_extension:quotas:show")
		return
	}
	out := c.quotaView(project, "default", false)
	out["id"] = project
	c.json(http.StatusOK, map[string]any{"quota_set": out})
}

// quotaBody decodes {"<key>": {...}} with at least one property.
func (c *call) quotaBody(key string) (map[string]any, bool) {
	body, ok := c.envelope(key)
	if ok && len(body) == 0 {
		c.invalidField(key, body, "{} does not have enough properties")
		return nil, false
	}
	return body, ok
}

func (c *call) updateQuota() {
	body, ok := c.quotaBody("quota_set")
	if !ok || !c.requireAdmin("volume_extension:quotas:update") {
		return
	}
	st := c.s.st
	project := c.params[0]
	var bad []string
	keys := map[string]string{}
	for _, k := range orderedKeys(body) {
		if k == "id" || k == "tenant_id" {
			continue
		}
		sk, valid := st.quotaKey(k)
		if !valid {
			bad = append(bad, k)
		}
		keys[k] = sk
	}
	if len(bad) > 0 {
		c.fault(400, "Invalid input received: Bad key(s) in quota set: %s", strings.Join(bad, ","))
		return
	}
	inUse := st.inUse(project)
	values := map[string]int{}
	for _, k := range orderedKeys(body) {
		sk, present := keys[k]
		if !present {
			continue
		}
		var n int
		switch x := body[k].(type) {
		case float64:
			if x != float64(int(x)) {
				c.fault(400, "%s must be an integer", k)
				return
			}
			n = int(x)
		case string:
			c.fault(400, "The server could not comply with the request since it is either malformed or otherwise incorrect.")
			return
		default:
			c.fault(400, "%s must be an integer", k)
			return
		}
		switch {
		case n < -1:
			c.fault(400, "%s must be >= -1", k)
			return
		case n > 2147483647:
			c.fault(400, "%s must be <= 2147483647", k)
			return
		}
		used := inUse[k]
		if res, typeID, isType := strings.Cut(sk, "_"); isType && k != sk {
			used = st.typeUsage(project, typeID)[res]
		}
		if k != "per_volume_gigabytes" && n != -1 && n < used {
			c.fault(400, "Quota %s limit must be equal or greater than existing resources. "+
				"Current usage is %d and the requested limit is %d.", k, used, n)
			return
		}
		values[sk] = n
	}
	if st.quotas[project] == nil {
		st.quotas[project] = map[string]int{}
	}
	for k, n := range values {
		st.quotas[project][k] = n
	}
	c.json(http.StatusOK, map[string]any{"quota_set": c.quotaView(project, "", false)})
}

func (c *call) deleteQuota() {
	if !c.requireAdmin("volume_extension:quotas:delete") {
		return
	}
	delete(c.s.st.quotas, c.params[0])
	c.w.Header().Set("Content-Type", "text/html; charset=UTF-8")
	c.w.WriteHeader(http.StatusOK)
}

func (c *call) showQuotaClass() {
	if !c.requireAdmin("volume_extension:quota_classes:get") {
		return
	}
	out := c.quotaView("", c.params[0], false)
	out["id"] = c.params[0]
	c.json(http.StatusOK, map[string]any{"quota_class_set": out})
}

func (c *call) updateQuotaClass() {
	body, ok := c.quotaBody("quota_class_set")
	if !ok {
		return
	}
	st := c.s.st
	values := map[string]int{}
	var bad []string
	for _, k := range orderedKeys(body) {
		n := 0
		switch x := body[k].(type) {
		case float64:
			if x != float64(int(x)) {
				c.invalidField(k, x, pyRepr(x, true)+" is not valid under any of the given schemas")
				return
			}
			n = int(x)
		case string:
			if !digitsOrEmpty(x) {
				c.invalidField(k, x, "'"+x+"' does not match '^[0-9]*$'")
				return
			}
			n = atoiOr(x, 0)
		default:
			c.invalidField(k, body[k], pyRepr(body[k], true)+" is not valid under any of the given schemas")
			return
		}
		if n < -1 {
			c.invalidField(k, body[k], itoa(n)+" is less than the minimum of -1")
			return
		}
		if n > 2147483647 {
			c.invalidField(k, body[k], itoa(n)+" is greater than the maximum of 2147483647")
			return
		}
		sk, valid := st.quotaKey(k)
		if !valid {
			bad = append(bad, k)
			continue
		}
		values[sk] = n
	}
	if len(bad) > 0 {
		c.fault(400, "Invalid input received: Bad key(s) in quota class set: %s", strings.Join(bad, ","))
		return
	}
	if !c.requireAdmin("volume_extension:quota_classes:update") {
		return
	}
	class := c.params[0]
	if st.classes[class] == nil {
		st.classes[class] = map[string]int{}
	}
	for k, n := range values {
		st.classes[class][k] = n
	}
	c.json(http.StatusOK, map[string]any{"quota_class_set": c.quotaView("", class, false)})
}

func digitsOrEmpty(s string) bool { return s == "" || digits.MatchString(s) }

func atoiOr(s string, def int) int {
	n := 0
	for _, r := range s {
		if r < '0' || r > '9' || n > 1<<40 {
			return def
		}
		n = n*10 + int(r-'0')
	}
	if s == "" {
		return def
	}
	return n
}

// inUse is the project's usage per quota resource.
func (st *store) inUse(project string) map[string]int {
	vols, gigs, snaps := st.usage(project)
	backups, backupGigs := st.backupUsage(project)
	return map[string]int{"volumes": vols, "gigabytes": gigs, "snapshots": snaps, "backups": backups,
		"backup_gigabytes": backupGigs, "groups": st.groupCount(project)}
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
