package cindertest

import (
	"math"
	"net/http"
	"strings"
)

// The emulated backend: one cinder-volume service with one pool (defaultHost).
func poolRoutes() []route {
	return []route{
		rt("GET", "scheduler-stats/get_pools", (*call).listPools),
		rt("GET", "capabilities/{host}", (*call).showCapabilities),
	}
}

const (
	backendHost = "emulator@lvm"
	backendName = "lvm"
)

// allocated is the capacity used by the volumes placed on the backend.
func (st *store) allocated() int {
	n := 0
	for _, v := range st.volumes {
		if v.Host != "" {
			n += v.Size
		}
	}
	return n
}

// poolCapabilities are the stats the volume service reports for its pool.
func (s *Server) poolCapabilities() map[string]any {
	alloc := s.st.allocated()
	return map[string]any{"volume_backend_name": backendName, "vendor_name": "Open Source", "driver_version": "1.0.0",
		"storage_protocol": "local", "total_capacity_gb": float64(s.opts.Capacity),
		"free_capacity_gb":    math.Max(0, float64(s.opts.Capacity-alloc)),
		"reserved_percentage": 0, "thin_provisioning_support": false, "thick_provisioning_support": true,
		"max_over_subscription_ratio": 1.0, "QoS_support": true, "multiattach": true, "online_extend_support": true,
		"consistent_group_snapshot_enabled": true, "sparse_copy_volume": true, "allocated_capacity_gb": alloc,
		"filter_function": nil, "goodness_function": nil, "timestamp": fmtTime(s.now())}
}

// schedulable reports whether the backend can take a volume of size GiB
// and type t, like the capacity and capabilities filters of the scheduler.
func (s *Server) schedulable(size int, t *volumeType) bool {
	if vs := s.st.service("cinder-volume", backendHost); vs.disabled || vs.frozen {
		return false // the scheduler skips disabled backends; a frozen one refuses
	}
	if size > s.opts.Capacity-s.st.allocated() {
		return false
	}
	if t == nil {
		return true
	}
	caps := s.poolCapabilities()
	for k, v := range t.ExtraSpecs {
		if strings.Contains(k, ":") && !strings.HasPrefix(k, "capabilities:") {
			continue
		}
		have, ok := caps[strings.TrimPrefix(k, "capabilities:")]
		if !ok || v == nil || !capabilityMatches(have, *v) {
			return false
		}
	}
	return true
}

// capabilityMatches compares a capability with an extra spec value; "<is>"
// compares booleans, other operators are accepted, plain values compare as
// Python strings.
func capabilityMatches(have any, want string) bool {
	op, arg, _ := strings.Cut(strings.TrimSpace(want), " ")
	switch {
	case op == "<is>":
		b, _ := have.(bool)
		wb, _ := parseBool(arg)
		return b == wb
	case strings.HasPrefix(op, "<") || strings.ContainsAny(op, "=><"):
		return true
	}
	return pyRepr(have, false) == want
}

func (c *call) listPools() {
	if !c.requireAdmin("scheduler_extension:scheduler_stats:get_pools") {
		return
	}
	detail, ok := c.boolQuery("detail")
	if !ok {
		return
	}
	q := c.r.URL.Query()
	pool := map[string]any{"name": defaultHost}
	if name, has := q["name"]; has && name[0] != defaultHost {
		c.json(http.StatusOK, map[string]any{"pools": []any{}})
		return
	}
	if tn := q.Get("volume_type"); tn != "" && c.at(35) {
		t := c.s.st.typeByNameOrID(tn)
		if t == nil {
			c.fault(404, "Volume type %s could not be found.", tn)
			return
		}
		if !c.s.schedulable(0, t) {
			c.json(http.StatusOK, map[string]any{"pools": []any{}})
			return
		}
	}
	if detail {
		pool["capabilities"] = c.s.poolCapabilities()
	}
	c.json(http.StatusOK, map[string]any{"pools": []any{pool}})
}

func (c *call) showCapabilities() {
	if !c.requireAdmin("volume_extension:capabilities") {
		return
	}
	host := c.params[0]
	if host != backendHost {
		c.fault(404, "Can't find service: %s", host)
		return
	}
	prop := func(title, desc string) map[string]string {
		return map[string]string{"title": title, "description": desc, "type": "boolean"}
	}
	c.json(http.StatusOK, map[string]any{"namespace": "OS::Storage::Capabilities::" + host,
		"vendor_name": "Open Source", "volume_backend_name": backendName, "pool_name": nil, "driver_version": "1.0.0",
		"storage_protocol": "local", "display_name": nil, "description": nil, "visibility": nil,
		"replication_targets": []any{}, "properties": map[string]any{
			"thin_provisioning":   prop("Thin Provisioning", "Sets thin provisioning."),
			"compression":         prop("Compression", "Enables compression."),
			"qos":                 prop("QoS", "Enables QoS."),
			"replication_enabled": prop("Replication", "Enables replication.")}})
}
