package cindertest

import "net/http"

// Availability zones, extensions and resource filters.
func discoveryRoutes() []route {
	return []route{
		rt("GET", "os-availability-zone", (*call).listZones),
		rt("GET", "extensions", (*call).listExtensions),
		rt("GET", "resource_filters", (*call).listResourceFilters),
	}
}

func (c *call) listZones() {
	c.json(http.StatusOK, map[string]any{"availabilityZoneInfo": []any{
		map[string]any{"zoneName": "nova", "zoneState": map[string]bool{"available": true}}}})
}

func (c *call) listExtensions() {
	list := make([]any, 0, len(extensions))
	for _, e := range extensions {
		list = append(list, map[string]any{"name": e[0], "alias": e[1], "description": e[2], "updated": e[3],
			"links": []any{}})
	}
	c.json(http.StatusOK, map[string]any{"extensions": list})
}

// resourceFilters is Cinder's default etc/cinder/resource_filters.json, in its order.
var resourceFilters = []struct {
	resource string
	filters  []string
}{
	{"volume", []string{"name", "status", "metadata", "bootable", "migration_status", "availability_zone", "group_id",
		"size", "created_at", "updated_at"}},
	{"backup", []string{"name", "status", "volume_id"}},
	{"snapshot", []string{"name", "status", "volume_id", "metadata", "availability_zone"}},
	{"group", []string{}},
	{"group_snapshot", []string{"status", "group_id"}},
	{"attachment", []string{"volume_id", "status", "instance_id", "attach_status"}},
	{"message", []string{"resource_uuid", "resource_type", "event_id", "request_id", "message_level"}},
	{"pool", []string{"name", "volume_type"}},
	{"volume_type", []string{"is_public"}},
}

func (c *call) listResourceFilters() {
	if !c.at(33) {
		c.notFound()
		return
	}
	want, has := c.r.URL.Query()["resource"]
	list := []any{}
	for _, rf := range resourceFilters {
		if has && want[0] != rf.resource {
			continue
		}
		list = append(list, map[string]any{"resource": rf.resource, "filters": rf.filters})
	}
	c.json(http.StatusOK, map[string]any{"resource_filters": list})
}
