package cindertest

import (
	"fmt"
	"maps"
	"net/http"
	"slices"
	"strings"
)

// service is one row of Cinder's services table: the emulator runs a
// scheduler, a backup service and one volume service (backendHost), all up.
type service struct {
	id            int
	binary, host  string
	disabled      bool
	reason        *string
	frozen        bool
	replication   string // replication_status of a volume service: always "disabled"
	activeBackend *string
}

func newServices() []*service {
	return []*service{
		{id: 1, binary: "cinder-backup", host: serviceHost},
		{id: 2, binary: "cinder-scheduler", host: serviceHost},
		{id: 3, binary: "cinder-volume", host: backendHost, replication: "disabled"},
	}
}

// serviceHost is the host of the emulated non-volume services and of cinder-api (CONF.host).
const serviceHost = "emulator"

// service returns the service with this binary and host (nil if none).
func (st *store) service(binary, host string) *service {
	for _, s := range st.services {
		if s.binary == binary && s.host == host {
			return s
		}
	}
	return nil
}

func serviceRoutes() []route {
	return []route{
		rt("GET", "os-services", (*call).listServices),
		rt("PUT", "os-services/{action}", (*call).updateService),
		rt("GET", "os-hosts", (*call).listHosts),
		rt("GET", "os-hosts/{host}", (*call).showHost),
		rt("GET", "clusters", (*call).listClusters),
		rt("GET", "clusters/detail", (*call).listClusters),
		rt("GET", "clusters/{name}", (*call).showCluster),
		rt("PUT", "clusters/{action}", (*call).updateCluster),
		rt("POST", "workers/cleanup", (*call).workersCleanup),
	}
}

func (c *call) listServices() {
	if !c.requireAdmin("volume_extension:services:index") {
		return
	}
	q := c.r.URL.Query()
	now := fmtTime(c.s.now())
	list := []any{}
	for _, svc := range c.s.st.services {
		if b := q.Get("binary"); b != "" && b != svc.binary {
			continue
		}
		if h := q.Get("host"); h != "" && h != svc.host {
			continue
		}
		out := map[string]any{"binary": svc.binary, "host": svc.host, "zone": "nova", "status": "enabled",
			"state": "up", "updated_at": now, "disabled_reason": svc.reason}
		if svc.disabled {
			out["status"] = "disabled"
		}
		if c.at(7) {
			out["cluster"] = nil
		}
		if svc.binary == "cinder-volume" {
			out["replication_status"], out["active_backend_id"], out["frozen"] = svc.replication, svc.activeBackend, svc.frozen
			if c.at(49) {
				out["backend_state"] = "up"
			}
		}
		list = append(list, out)
	}
	c.json(http.StatusOK, map[string]any{"services": list})
}

// updateService is PUT /os-services/{action} (services.py ServiceController.update).
func (c *call) updateService() {
	if !c.requireAdmin("volume_extension:services:update") {
		return
	}
	body := map[string]any{}
	if len(c.body) > 0 && !c.decode(&body) {
		return
	}
	action := c.params[0]
	switch {
	case action == "enable" || action == "disable" || action == "disable-log-reason":
		c.setServiceEnabled(action, body)
	case action == "freeze" || action == "thaw":
		c.freezeThaw(action == "freeze", body)
	case action == "failover_host" || (action == "failover" && c.at(26)):
		c.failoverHost(action == "failover", body)
	case (action == "set-log" || action == "get-log") && c.at(32):
		c.serviceLog(action == "set-log", body)
	default:
		c.fault(400, "Invalid input received: Unknown action")
	}
}

// rootSchema checks a body against a jsonschema with additionalProperties
// false and string-or-null properties; errors at the root are reported bare.
func (c *call) rootSchema(body map[string]any, allowed ...string) bool {
	for _, k := range orderedKeys(body) {
		if !slices.Contains(allowed, k) {
			c.fault(400, "Additional properties are not allowed ('%s' was unexpected)", k)
			return false
		}
		if _, isStr := body[k].(string); !isStr && body[k] != nil {
			c.invalidField(k, body[k], pyRepr(body[k], true)+" is not of type 'string', 'null'")
			return false
		}
	}
	return true
}

// clusterHost is common.get_cluster_host: exactly one of cluster and host
// (only host when clustered is false); the emulator has no clusters.
func (c *call) clusterHost(body map[string]any, clustered bool) (cluster, host string, ok bool) {
	host, _ = body["host"].(string)
	msg := "Host field is missing."
	if clustered {
		cluster, _ = body["cluster"].(string)
		msg = "One and only one of cluster and host must be set."
	}
	if (cluster != "") == (host != "") {
		c.fault(400, "Invalid input received: %s", msg)
		return "", "", false
	}
	return cluster, host, true
}

func (c *call) setServiceEnabled(action string, body map[string]any) {
	allowed := []string{"binary", "host", "cluster", "service"}
	if action == "disable-log-reason" {
		allowed = append(allowed, "disabled_reason")
	}
	if !c.rootSchema(body, allowed...) {
		return
	}
	if body["binary"] == nil && body["service"] == nil {
		c.fault(400, "%s is not valid under any of the given schemas", pyRepr(body, true))
		return
	}
	if r, has := body["disabled_reason"]; has {
		if s, _ := r.(string); strings.TrimSpace(s) == "" || len(s) > 255 {
			c.invalidField("disabled_reason", r, pyRepr(r, true)+" is not a 'disabled_reason'")
			return
		}
	}
	_, host, ok := c.clusterHost(body, false)
	if !ok {
		return
	}
	serviceKey, _ := body["service"].(string)
	binary, _ := body["binary"].(string)
	key := binary
	if key == "" {
		key = serviceKey
	}
	svc := c.s.st.service(key, host)
	if svc == nil {
		c.fault(404, "Service %s could not be found on host %s.", key, host)
		return
	}
	out := map[string]any{"disabled": action != "enable", "host": host, "service": serviceKey, "binary": binary,
		"status": "enabled"}
	svc.disabled = action != "enable"
	if svc.disabled {
		out["status"] = "disabled"
	}
	if action == "disable-log-reason" {
		r, _ := body["disabled_reason"].(string)
		svc.reason = &r
		out["disabled_reason"] = r
	}
	c.json(http.StatusOK, out)
}

// volumeServices are the volume services on host (by backend name), as
// volume.API._get_cluster_and_services_for_replication finds them.
func (c *call) volumeServices(host string) []*service {
	var out []*service
	for _, s := range c.s.st.services {
		if s.binary == "cinder-volume" && (s.host == host || strings.HasPrefix(s.host, host+"@")) {
			out = append(out, s)
		}
	}
	return out
}

func (c *call) replicationTarget(body map[string]any, clustered bool, allowed ...string) []*service {
	if !c.rootSchema(body, allowed...) {
		return nil
	}
	cluster, host, ok := c.clusterHost(body, clustered)
	if !ok {
		return nil
	}
	if cluster != "" {
		c.fault(400, "No service found with cluster=%s", cluster)
		return nil
	}
	svcs := c.volumeServices(host)
	if len(svcs) == 0 {
		c.fault(400, "No service found with host=%s", host)
	}
	return svcs
}

func hostList(svcs []*service) string {
	hosts := make([]any, len(svcs))
	for i, s := range svcs {
		hosts[i] = s.host
	}
	return pyRepr(hosts, true)
}

// freezeThaw is os-services/freeze and thaw: the volume manager sets
// frozen and disables (reason "frozen") or re-enables the service.
func (c *call) freezeThaw(freeze bool, body map[string]any) {
	svcs := c.replicationTarget(body, c.at(26), "cluster", "host")
	if svcs == nil {
		return
	}
	var changed []*service
	for _, s := range svcs {
		if s.frozen != freeze {
			changed = append(changed, s)
		}
	}
	if len(changed) == 0 {
		c.fault(400, "Invalid input received: No service could be changed: frozen in %s must be %s to failover.",
			hostList(svcs), pyRepr(!freeze, true))
		return
	}
	for _, s := range changed {
		s.frozen, s.disabled = freeze, freeze
		reason := ""
		if freeze {
			reason = "frozen"
		}
		s.reason = &reason
	}
	c.w.Header().Set("Content-Type", "application/json")
	c.w.WriteHeader(http.StatusOK)
}

// failoverHost needs replication enabled, which the emulated backend never
// has: it answers what real Cinder answers for such a backend.
func (c *call) failoverHost(clustered bool, body map[string]any) {
	svcs := c.replicationTarget(body, clustered, "host", "backend_id", "cluster")
	if svcs == nil {
		return
	}
	c.fault(400, "Invalid input received: No service could be changed: replication_status in %s must be "+
		"['enabled', 'failed-over'] and must be up to failover.", hostList(svcs))
}

// logBinaries are constants.LOG_BINARIES; emulatedLoggers the loggers
// each emulated process reports (real processes report every logger they
// have; these are the ones the API reference and cinderclient show).
var (
	logBinaries     = []string{"cinder-scheduler", "cinder-volume", "cinder-backup", "cinder-api"}
	emulatedLoggers = map[string][]string{
		"cinder-api":       {"cinder.api.contrib.hosts", "cinder.api.openstack.wsgi", "cinder.api.v3.volumes"},
		"cinder-scheduler": {"cinder.scheduler.host_manager", "cinder.scheduler.manager"},
		"cinder-volume":    {"cinder.volume.drivers", "cinder.volume.manager"},
		"cinder-backup":    {"cinder.backup.manager"},
	}
	logLevels = []string{"INFO", "WARNING", "ERROR", "DEBUG"}
)

// serviceLog is os-services/set-log and get-log (3.32).
func (c *call) serviceLog(set bool, body map[string]any) {
	allowed := []string{"binary", "server", "prefix"}
	if set {
		allowed = append(allowed, "level")
	}
	if !c.rootSchema(body, allowed...) {
		return
	}
	binary, _ := body["binary"].(string)
	server, _ := body["server"].(string)
	prefix, _ := body["prefix"].(string)
	if binary != "" && binary != "*" && !slices.Contains(logBinaries, binary) {
		c.invalidField("binary", binary, pyRepr(binary, true)+" is not one of "+pyRepr(append([]any{"*"},
			anySlice(logBinaries)...), true))
		return
	}
	level := ""
	if set {
		level, _ = body["level"].(string)
		level = strings.ToUpper(level)
		if !slices.Contains(logLevels, level) {
			c.fault(400, "Invalid input received: %s is not a valid log level.", body["level"])
			return
		}
	}
	type target struct{ binary, host string }
	var targets []target
	for _, b := range logBinaries {
		if binary != "" && binary != "*" && binary != b {
			continue
		}
		if b == "cinder-api" {
			if server == "" || server == serviceHost {
				targets = append(targets, target{b, serviceHost})
			}
			continue
		}
		for _, s := range c.s.st.services {
			if s.binary == b && (server == "" || server == s.host) {
				targets = append(targets, target{b, s.host})
			}
		}
	}
	st := c.s.st
	if st.logLevels == nil {
		st.logLevels = map[string]string{}
	}
	result := []any{}
	for _, t := range targets {
		levels := map[string]string{}
		for _, name := range emulatedLoggers[t.binary] {
			if !strings.HasPrefix(name, prefix) {
				continue
			}
			key := t.binary + " " + t.host + " " + name
			if set {
				st.logLevels[key] = level
			}
			levels[name] = "INFO"
			if l, ok := st.logLevels[key]; ok {
				levels[name] = l
			}
		}
		result = append(result, map[string]any{"host": t.host, "binary": t.binary, "levels": levels})
	}
	if set {
		c.accepted()
		return
	}
	c.json(http.StatusOK, map[string]any{"log_levels": result})
}

func anySlice(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

// listHosts is GET /os-hosts: the enabled services (hosts.py _list_hosts).
func (c *call) listHosts() {
	if !c.requireAdmin("volume_extension:hosts") {
		return
	}
	hosts := []any{}
	zone := c.r.URL.Query().Get("zone")
	now := fmtTime(c.s.now())
	for _, s := range c.s.st.services {
		if s.disabled || (zone != "" && zone != "nova") {
			continue
		}
		hosts = append(hosts, map[string]any{"host_name": s.host, "service": s.binary, "zone": "nova",
			"service-status": "available", "service-state": "enabled", "last-update": now})
	}
	c.json(http.StatusOK, map[string]any{"hosts": hosts})
}

// showHost is GET /os-hosts/{host}: volume and snapshot usage on a volume host, in total and per project.
func (c *call) showHost() {
	if !c.requireAdmin("volume_extension:hosts") {
		return
	}
	host := c.params[0]
	if c.s.st.service("cinder-volume", host) == nil {
		c.fault(404, "Service cinder-volume could not be found on host %s.", host)
		return
	}
	type usage struct{ vols, volGB, snaps, snapGB int }
	per := map[string]*usage{}
	var projects []string
	vols := slices.SortedFunc(maps.Values(c.s.st.volumes), func(a, b *volume) int { return a.CreatedAt.Compare(b.CreatedAt) })
	for _, v := range vols {
		if v.Host != host && !strings.HasPrefix(v.Host, host+"#") {
			continue
		}
		u := per[v.ProjectID]
		if u == nil {
			u = &usage{}
			per[v.ProjectID] = u
			projects = append(projects, v.ProjectID)
		}
		u.vols++
		u.volGB += v.Size
		for _, sn := range c.s.st.snapshots {
			if sn.VolumeID == v.ID {
				u.snaps++
				u.snapGB += sn.Size
			}
		}
	}
	row := func(project string, u usage) any {
		return map[string]any{"resource": map[string]string{"host": host, "project": project,
			"volume_count": itoa(u.vols), "total_volume_gb": itoa(u.volGB),
			"snapshot_count": itoa(u.snaps), "total_snapshot_gb": itoa(u.snapGB)}}
	}
	var total usage
	rows := []any{nil}
	for _, p := range projects {
		u := *per[p]
		total.vols, total.volGB, total.snaps, total.snapGB = total.vols+u.vols, total.volGB+u.volGB,
			total.snaps+u.snaps, total.snapGB+u.snapGB
		rows = append(rows, row(p, u))
	}
	rows[0] = row("(total)", total)
	c.json(http.StatusOK, map[string]any{"host": rows})
}

// clusterFilters are ClusterController.allowed_list_keys (the last three since 3.26).
var clusterFilters = []string{"name", "binary", "is_up", "disabled", "num_hosts", "num_down_hosts",
	"replication_status", "frozen", "active_backend_id"}

// listClusters is GET /clusters and /clusters/detail (3.7). The emulated
// deployment, like the real test cloud, runs no clustered service, so the
// list is empty once the filters are valid.
func (c *call) listClusters() {
	if !c.at(7) {
		c.notFound()
		return
	}
	if !c.requireAdmin("clusters:get_all") {
		return
	}
	allowed := clusterFilters
	if !c.at(26) {
		allowed = allowed[:6]
	}
	var bad []string
	for _, k := range sortedQueryKeys(c.r.URL.Query()) {
		if !slices.Contains(allowed, k) {
			bad = append(bad, k)
		}
	}
	if len(bad) > 0 {
		c.fault(400, "Invalid input received: Invalid filter keys: %s", strings.Join(bad, ", "))
		return
	}
	for _, k := range []string{"disabled", "is_up"} {
		if v := c.r.URL.Query().Get(k); c.r.URL.Query().Has(k) {
			if _, ok := parseBool(v); !ok {
				c.fault(400, "Invalid input received: Invalid value '%s' for %s", v, k)
				return
			}
		}
	}
	c.json(http.StatusOK, map[string]any{"clusters": []any{}})
}

func (c *call) clusterNotFound(binary, name string) {
	c.fault(404, "Cluster %s could not be found.", pyRepr(map[string]any{"binary": binary, "name": name}, true))
}

func (c *call) showCluster() {
	if !c.at(7) {
		c.notFound()
		return
	}
	if !c.requireAdmin("clusters:get") {
		return
	}
	binary := c.r.URL.Query().Get("binary")
	if binary == "" {
		binary = "cinder-volume"
	}
	c.clusterNotFound(binary, c.params[0])
}

// updateCluster is PUT /clusters/enable and /clusters/disable (3.7).
func (c *call) updateCluster() {
	if !c.at(7) {
		c.notFound()
		return
	}
	if !c.requireAdmin("clusters:update") {
		return
	}
	action := c.params[0]
	if action != "enable" && action != "disable" {
		c.fault(404, "Unknown action")
		return
	}
	body := map[string]any{}
	if !c.decode(&body) {
		return
	}
	allowed := []string{"name", "binary"}
	if action == "disable" {
		allowed = append(allowed, "disabled_reason")
	}
	if !c.rootSchema(body, allowed...) {
		return
	}
	name, _ := body["name"].(string)
	if _, has := body["name"]; !has {
		c.fault(400, "'name' is a required property")
		return
	}
	binary, _ := body["binary"].(string)
	if binary == "" {
		binary = "cinder-volume"
	}
	c.clusterNotFound(binary, name)
}

// cleanupKeys are the properties of the workers cleanup schema.
var cleanupKeys = []string{"cluster_name", "disabled", "host", "is_up", "binary", "resource_id",
	"resource_type", "service_id"}

// workersCleanup is POST /workers/cleanup (3.24): the scheduler sends a
// cleanup to the matching services that are up and lists the down ones as
// unavailable. Every emulated service is up, and is_up defaults to false.
func (c *call) workersCleanup() {
	if !c.at(24) {
		c.notFound()
		return
	}
	if !c.requireAdmin("workers:cleanup") {
		return
	}
	body := map[string]any{}
	if len(c.body) > 0 && !c.decode(&body) {
		return
	}
	if body == nil {
		body = map[string]any{}
	}
	for _, k := range orderedKeys(body) {
		if !slices.Contains(cleanupKeys, k) {
			c.fault(400, "Additional properties are not allowed ('%s' was unexpected)", k)
			return
		}
	}
	if b, has := body["binary"]; has && b != "cinder-volume" && b != "cinder-scheduler" {
		c.invalidField("binary", b, pyRepr(b, true)+" is not one of ['cinder-volume', 'cinder-scheduler']")
		return
	}
	if rt, has := body["resource_type"].(string); has {
		title := strings.ToUpper(rt[:min(1, len(rt))]) + strings.ToLower(rt[min(1, len(rt)):])
		if title != "Volume" && title != "Snapshot" {
			c.fault(400, "Invalid input received: Resource type %s not valid, must be Volume or Snapshot", title)
			return
		}
	}
	boolOf := func(k string) (val, given, ok bool) {
		switch v := body[k].(type) {
		case nil:
			return false, false, true
		case bool:
			return v, true, true
		case string:
			b, ok := parseBool(v)
			return b, true, ok
		}
		return false, true, false
	}
	isUp, _, ok1 := boolOf("is_up")
	disabled, disabledGiven, ok2 := boolOf("disabled")
	if !ok1 || !ok2 {
		c.fault(400, "Invalid input received: is_up and disabled must be booleans")
		return
	}
	host, _ := body["host"].(string)
	binary, _ := body["binary"].(string)
	cleaning, unavailable := []any{}, []any{}
	for _, s := range c.s.st.services {
		if (host != "" && s.host != host) || (binary != "" && s.binary != binary) ||
			(disabledGiven && s.disabled != disabled) || body["cluster_name"] != nil {
			continue
		}
		if id, has := body["service_id"]; has && fmt.Sprint(id) != itoa(s.id) {
			continue
		}
		if !isUp { // every emulated service is up: is_up=false matches none
			continue
		}
		cleaning = append(cleaning, map[string]any{"id": s.id, "host": s.host, "binary": s.binary, "cluster_name": nil})
	}
	c.json(http.StatusAccepted, map[string]any{"cleaning": cleaning, "unavailable": unavailable})
}
