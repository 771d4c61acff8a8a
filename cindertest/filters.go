package cindertest

import (
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
)

// volumeFilters are the enabled volume filters of Cinder's default
// etc/cinder/resource_filters.json (plus consumes_quota, 3.65). Admins may
// filter on anything; for others, unknown filters are dropped before 3.31
// and rejected from 3.31 on. The default file lists no inexact ("key~")
// filter, so those are admin-only.
var volumeFilters = []string{"name", "status", "metadata", "bootable", "migration_status",
	"availability_zone", "group_id", "size", "created_at", "updated_at", "consumes_quota", "glance_metadata"}

// volumeSortKeys are the keys real Cinder sorts volumes by: "name" (the API
// maps it and display_name to the display_name column), the columns of its
// volumes table and its relationships. "description" is not among them: the
// column is display_description.
var volumeSortKeys = []string{"id", "name", "status", "size", "availability_zone", "bootable",
	"created_at", "updated_at", "deleted_at", "deleted", "user_id", "project_id", "volume_type_id", "multiattach",
	"host", "cluster_name", "migration_status", "attach_status", "display_description", "snapshot_id",
	"source_volid", "encryption_key_id", "consistencygroup_id", "group_id", "replication_status",
	"replication_extended_status", "replication_driver_data", "previous_status", "service_uuid",
	"shared_targets", "use_quota", "provider_location", "provider_auth", "provider_geometry", "provider_id",
	"scheduled_at", "launched_at", "terminated_at", "_name_id", "ec2_id",
	// relationships
	"volume_type", "volume_metadata", "volume_admin_metadata", "volume_glance_metadata", "volume_attachment",
	"snapshots", "consistencygroup", "group", "service"}

// volumeFilter is one parsed filter: key (without "~"), value, like-match.
type volumeFilter struct {
	key, value string
	like       bool
}

// parseVolumeFilters turns the query into filters; ok false means a 400 was sent.
func (c *call) parseVolumeFilters() (filters []volumeFilter, allTenants bool, ok bool) {
	var invalid []string
	seen := map[string]bool{}
	for _, kv := range strings.Split(c.r.URL.RawQuery, "&") {
		k, _, _ := strings.Cut(kv, "=")
		k = unescape(k)
		if k == "" || seen[k] || slices.Contains(paginationParams, k) {
			continue
		}
		seen[k] = true
		v := c.r.URL.Query().Get(k)
		switch {
		case k == "all_tenants":
			allTenants = c.admin
			continue
		case k == "with_count" && c.at(45):
			continue
		case k == "glance_metadata" && !c.at(4), k == "group_id" && !c.at(10),
			(k == "created_at" || k == "updated_at") && !c.at(60):
			continue // not known at this version: silently ignored
		}
		f := volumeFilter{key: k, value: v}
		if strings.HasSuffix(k, "~") {
			f.key, f.like = strings.TrimSuffix(k, "~"), true
		}
		if !c.admin {
			// Cinder checks the raw key: "name~" is valid for non-admins
			// only where resource_filters.json lists "name~" itself, which
			// the default file does for no key.
			allowed := slices.Contains(volumeFilters, k) && (f.key != "consumes_quota" || c.at(65))
			if !allowed {
				if c.at(31) {
					invalid = append(invalid, k)
				}
				continue
			}
		}
		if k == "project_id" && !allTenants {
			continue
		}
		filters = append(filters, f)
	}
	if len(invalid) > 0 {
		c.fault(400, "Invalid filters %s are found in query options.", strings.Join(invalid, ","))
		return nil, false, false
	}
	for _, f := range filters {
		switch f.key {
		case "bootable":
			if _, valid := parseBool(f.value); !valid {
				c.fault(400, "Invalid input received: 'bootable = %s'", f.value)
				return nil, false, false
			}
		case "created_at", "updated_at":
			if !c.checkTimeFilter(f.value) {
				return nil, false, false
			}
		}
	}
	return filters, allTenants, true
}

func unescape(s string) string {
	if u, err := url.QueryUnescape(s); err == nil {
		return u
	}
	return s
}

var timeOps = []string{"gt", "gte", "lt", "lte", "eq", "neq"}

func (c *call) checkTimeFilter(v string) bool {
	for _, item := range strings.Split(v, ",") {
		op, val, _ := strings.Cut(item, ":")
		if !slices.Contains(timeOps, op) {
			c.fault(400, "Invalid %s operator", op)
			return false
		}
		if _, err := parseFilterTime(val); err != nil {
			c.fault(400, "Invalid %s value", val)
			return false
		}
	}
	return true
}

func parseFilterTime(s string) (time.Time, error) {
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05.999999", "2006-01-02T15:04:05", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, strconv.ErrSyntax
}

// parsePyDict parses cinderclient's metadata filter, a Python dict literal
// such as {'k': 'v'} (JSON objects are accepted too).
func parsePyDict(s string) (map[string]string, bool) {
	out := map[string]string{}
	if json.Unmarshal([]byte(s), &out) == nil {
		return out, true
	}
	conv := strings.ReplaceAll(s, `"`, `\"`)
	conv = strings.ReplaceAll(conv, "'", `"`)
	var anyMap map[string]any
	if json.Unmarshal([]byte(conv), &anyMap) != nil {
		return nil, false
	}
	for k, v := range anyMap {
		out[k] = pyRepr(v, false)
	}
	return out, true
}

func matchStr(got string, f volumeFilter) bool {
	if f.like {
		return strings.Contains(strings.ToLower(got), strings.ToLower(f.value))
	}
	return got == f.value
}

// match reports whether v passes every filter.
func (v *volume) match(c *call, filters []volumeFilter) bool {
	for _, f := range filters {
		if !v.matchOne(c, f) {
			return false
		}
	}
	return true
}

func (v *volume) matchOne(c *call, f volumeFilter) bool {
	switch f.key {
	case "name", "display_name":
		return v.Name != nil && matchStr(*v.Name, f)
	case "description", "display_description":
		return v.Description != nil && matchStr(*v.Description, f)
	case "status":
		return matchStr(v.Status, f)
	case "availability_zone":
		return matchStr(v.AZ, f)
	case "migration_status":
		return v.MigrationStatus != nil && matchStr(*v.MigrationStatus, f)
	case "size":
		return strconv.Itoa(v.Size) == f.value
	case "project_id":
		return v.ProjectID == f.value
	case "user_id":
		return v.UserID == f.value
	case "id":
		return v.ID == f.value
	case "group_id":
		return v.GroupID != nil && *v.GroupID == f.value
	case "volume_type", "volume_type_id":
		t := c.s.st.types[v.TypeID]
		return t != nil && (t.ID == f.value || t.Name == f.value)
	case "bootable":
		b, _ := parseBool(f.value)
		return v.Bootable == b
	case "consumes_quota":
		b, valid := parseBool(f.value)
		return valid && v.ConsumesQuota == b && c.at(65)
	case "metadata", "glance_metadata":
		want, valid := parsePyDict(f.value)
		have := v.Metadata
		if f.key == "glance_metadata" {
			have = v.ImageMetadata
		}
		if !valid {
			return false
		}
		for k, val := range want {
			if have[k] != val {
				return false
			}
		}
		return true
	case "created_at", "updated_at":
		t := v.CreatedAt
		if f.key == "updated_at" {
			if v.UpdatedAt == nil {
				return false
			}
			t = *v.UpdatedAt
		}
		return matchTime(t, f.value)
	}
	return false // unknown attribute: Cinder's query matches nothing
}

func matchTime(t time.Time, expr string) bool {
	for _, item := range strings.Split(expr, ",") {
		op, val, _ := strings.Cut(item, ":")
		ref, _ := parseFilterTime(val)
		ok := map[string]bool{"gt": t.After(ref), "gte": !t.Before(ref), "lt": t.Before(ref),
			"lte": !t.After(ref), "eq": t.Equal(ref), "neq": !t.Equal(ref)}[op]
		if !ok {
			return false
		}
	}
	return true
}

func (v *volume) sortField(c *call, k string) string {
	switch k {
	case "id":
		return v.ID
	case "name":
		return deref(v.Name)
	case "display_description":
		return deref(v.Description)
	case "status":
		return v.Status
	case "size":
		return strconv.FormatInt(int64(v.Size)+1e12, 10)
	case "availability_zone":
		return v.AZ
	case "bootable":
		return boolStr(v.Bootable)
	case "multiattach":
		return boolStr(v.Multiattach)
	case "created_at":
		return v.CreatedAt.Format(time.RFC3339Nano)
	case "updated_at":
		return fmtTimePtrStr(v.UpdatedAt)
	case "user_id":
		return v.UserID
	case "project_id":
		return v.ProjectID
	case "volume_type_id", "volume_type":
		return v.TypeID
	case "host":
		return v.Host
	case "migration_status":
		return deref(v.MigrationStatus)
	case "attach_status":
		return v.AttachStatus
	case "snapshot_id":
		return deref(v.SnapshotID)
	case "source_volid":
		return deref(v.SourceVol)
	case "group_id", "group":
		return deref(v.GroupID)
	case "use_quota":
		return boolStr(v.ConsumesQuota)
	case "encryption_key_id":
		if v.Encrypted {
			return stableUUID("key" + v.ID)
		}
	}
	return ""
}

func deref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

func fmtTimePtrStr(t *time.Time) string {
	if t == nil {
		return ""
	}
	return t.Format(time.RFC3339Nano)
}

func (c *call) listVolumes(detail bool) {
	filters, allTenants, ok := c.parseVolumeFilters()
	if !ok {
		return
	}
	withCount := false
	if c.at(45) {
		if withCount, ok = c.boolQuery("with_count"); !ok {
			return
		}
	}
	p, ok := c.parsePage(volumeSortKeys)
	if !ok {
		return
	}
	var items []*volume
	for _, v := range c.s.st.volumes {
		if (allTenants || v.ProjectID == c.tok.projectID) && v.match(c, filters) {
			items = append(items, v)
		}
	}
	total := len(items)
	markerIdx := -1
	if p.marker != "" && !slices.ContainsFunc(items, func(v *volume) bool { return v.ID == p.marker }) {
		// Cinder pages from the marker's sort position even when filters exclude it.
		mv := c.visibleVolume(p.marker)
		if mv == nil {
			c.fault(404, "Volume %s could not be found.", p.marker)
			return
		}
		items = append(items, mv)
	}
	sortItems(items, p, func(v *volume, k string) string { return v.sortField(c, k) })
	if p.marker != "" {
		markerIdx = slices.IndexFunc(items, func(v *volume) bool { return v.ID == p.marker })
	}
	pageItems := paginate(items, p, markerIdx)
	list := []any{}
	for _, v := range pageItems {
		if detail {
			list = append(list, c.volumeDetail(v, true))
		} else {
			list = append(list, c.volumeSummary(v))
		}
	}
	out := map[string]any{"volumes": list}
	path := "volumes"
	if detail {
		path = "volumes/detail"
	}
	if len(pageItems) > 0 {
		if l := c.nextLink(path, p, len(pageItems), pageItems[len(pageItems)-1].ID); l != nil {
			out["volumes_links"] = l
		}
	}
	if withCount {
		out["count"] = total
	}
	c.json(http.StatusOK, out)
}
