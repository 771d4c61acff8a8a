package cindertest_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder/cindertest"
)

// The expected bodies were answered by the real test cloud (Zed) to the
// same requests; host names differ (localhost@localfile there).

func TestServiceActionErrors(t *testing.T) {
	t.Parallel()
	e := newEnv(t, cindertest.Options{})
	for _, tc := range []struct{ mv, action, body, want string }{
		{"", "enable", `{}`, `{"badRequest": {"code": 400, "message": "{} is not valid under any of the given schemas"}}`},
		{"", "enable", `{"binary":"cinder-volume"}`, `{"badRequest": {"code": 400, "message": "Invalid input received: Host field is missing."}}`},
		{"", "enable", `{"binary":"cinder-volume","x":1}`, `{"badRequest": {"code": 400, "message": "Additional properties are not allowed ('x' was unexpected)"}}`},
		{"", "foo", `{}`, `{"badRequest": {"code": 400, "message": "Invalid input received: Unknown action"}}`},
		{"3.31", "set-log", `{}`, `{"badRequest": {"code": 400, "message": "Invalid input received: Unknown action"}}`},
		{"3.70", "set-log", `{"level":"LOUD"}`, `{"badRequest": {"code": 400, "message": "Invalid input received: LOUD is not a valid log level."}}`},
		{"3.70", "freeze", `{}`, `{"badRequest": {"code": 400, "message": "Invalid input received: One and only one of cluster and host must be set."}}`},
		{"", "freeze", `{"host":"nohost@none"}`, `{"badRequest": {"code": 400, "message": "No service found with host=nohost@none"}}`},
		{"", "disable-log-reason", `{"binary":"cinder-volume","host":"nohost","disabled_reason":"x"}`,
			`{"itemNotFound": {"code": 404, "message": "Service cinder-volume could not be found on host nohost."}}`},
		{"", "thaw", `{"host":"emulator@lvm"}`, `{"badRequest": {"code": 400, "message": "Invalid input received: No service could be changed: frozen in ['emulator@lvm'] must be True to failover."}}`},
		{"", "failover_host", `{"host":"emulator@lvm"}`, `{"badRequest": {"code": 400, "message": "Invalid input received: No service could be changed: replication_status in ['emulator@lvm'] must be ['enabled', 'failed-over'] and must be up to failover."}}`},
	} {
		r := e.do("admin", tc.mv, "PUT", "os-services/"+tc.action, tc.body)
		assert.JSONEq(t, tc.want, string(r.body), tc.action+" "+tc.body)
	}
	r := e.do("demo", "", "PUT", "os-services/enable", `{}`)
	assert.JSONEq(t, `{"forbidden": {"code": 403, "message": "Policy doesn't allow volume_extension:services:update to be performed."}}`, string(r.body))
}

func TestServiceDisableFreezeAndLogs(t *testing.T) {
	t.Parallel()
	e := newEnv(t, cindertest.Options{})
	r := e.do("admin", "", "PUT", "os-services/disable-log-reason", `{"binary":"cinder-volume","host":"emulator@lvm","disabled_reason":"maint"}`)
	require.Equal(t, http.StatusOK, r.code, string(r.body))
	assert.JSONEq(t, `{"disabled_reason": "maint", "disabled": true, "host": "emulator@lvm", "service": "", "binary": "cinder-volume", "status": "disabled"}`, string(r.body))
	svcs := e.do("admin", "", "GET", "os-services?binary=cinder-volume", "").json(t)["services"].([]any)
	assert.Equal(t, "disabled", svcs[0].(map[string]any)["status"])
	assert.Equal(t, "maint", svcs[0].(map[string]any)["disabled_reason"])
	hosts := e.do("admin", "", "GET", "os-hosts", "").json(t)["hosts"].([]any)
	assert.Len(t, hosts, 2, "os-hosts lists enabled services only")
	id := e.create("admin", `{"volume":{"size":1}}`)
	assert.Equal(t, "error", e.volume("admin", "", id)["status"], "no enabled backend")

	r = e.do("admin", "", "PUT", "os-services/enable", `{"binary":"cinder-volume","host":"emulator@lvm"}`)
	assert.JSONEq(t, `{"disabled": false, "host": "emulator@lvm", "service": "", "binary": "cinder-volume", "status": "enabled"}`, string(r.body))

	r = e.do("admin", "", "PUT", "os-services/freeze", `{"host":"emulator@lvm"}`)
	assert.Equal(t, http.StatusOK, r.code, string(r.body))
	svcs = e.do("admin", "", "GET", "os-services?binary=cinder-volume", "").json(t)["services"].([]any)
	assert.Equal(t, true, svcs[0].(map[string]any)["frozen"])
	assert.Equal(t, "frozen", svcs[0].(map[string]any)["disabled_reason"])
	assert.Equal(t, http.StatusOK, e.do("admin", "", "PUT", "os-services/thaw", `{"host":"emulator@lvm"}`).code)

	r = e.do("admin", "3.32", "PUT", "os-services/set-log", `{"binary":"cinder-volume","prefix":"cinder.volume.manager","level":"debug"}`)
	assert.Equal(t, http.StatusAccepted, r.code, string(r.body))
	r = e.do("admin", "3.32", "PUT", "os-services/get-log", `{"binary":"cinder-volume","prefix":"cinder.volume.manager"}`)
	assert.JSONEq(t, `{"log_levels": [{"host": "emulator@lvm", "binary": "cinder-volume", "levels": {"cinder.volume.manager": "DEBUG"}}]}`, string(r.body))
	r = e.do("admin", "3.32", "PUT", "os-services/get-log", `{"binary":"cinder-api","prefix":"cinder.volume.manager"}`)
	assert.JSONEq(t, `{"log_levels": [{"host": "emulator", "binary": "cinder-api", "levels": {}}]}`, string(r.body))
}

func TestClustersHostsWorkers(t *testing.T) {
	t.Parallel()
	e := newEnv(t, cindertest.Options{})
	for _, tc := range []struct{ mv, method, path, body, want string }{
		{"3.7", "GET", "clusters", "", `{"clusters": []}`},
		{"3.6", "GET", "clusters", "", `{"itemNotFound": {"code": 404, "message": "The resource could not be found."}}`},
		{"3.7", "GET", "clusters/detail?foo=1", "", `{"badRequest": {"code": 400, "message": "Invalid input received: Invalid filter keys: foo"}}`},
		{"3.7", "GET", "clusters/x", "", `{"itemNotFound": {"code": 404, "message": "Cluster {'binary': 'cinder-volume', 'name': 'x'} could not be found."}}`},
		{"3.7", "PUT", "clusters/enable", `{}`, `{"badRequest": {"code": 400, "message": "'name' is a required property"}}`},
		{"3.7", "PUT", "clusters/foo", `{}`, `{"itemNotFound": {"code": 404, "message": "Unknown action"}}`},
		{"3.7", "PUT", "clusters/disable", `{"name":"x","disabled_reason":"r"}`, `{"itemNotFound": {"code": 404, "message": "Cluster {'binary': 'cinder-volume', 'name': 'x'} could not be found."}}`},
		{"", "GET", "os-hosts/nohost", "", `{"itemNotFound": {"code": 404, "message": "Service cinder-volume could not be found on host nohost."}}`},
		{"3.24", "POST", "workers/cleanup", `{}`, `{"cleaning": [], "unavailable": []}`},
		{"3.23", "POST", "workers/cleanup", `{}`, `{"itemNotFound": {"code": 404, "message": "The resource could not be found."}}`},
		{"3.24", "POST", "workers/cleanup", `{"resource_type":"backup"}`, `{"badRequest": {"code": 400, "message": "Invalid input received: Resource type Backup not valid, must be Volume or Snapshot"}}`},
	} {
		r := e.do("admin", tc.mv, tc.method, tc.path, tc.body)
		assert.JSONEq(t, tc.want, string(r.body), tc.method+" "+tc.path)
	}
	r := e.do("demo", "3.24", "POST", "workers/cleanup", `{}`)
	assert.JSONEq(t, `{"forbidden": {"code": 403, "message": "Policy doesn't allow workers:cleanup to be performed."}}`, string(r.body))
	hosts := e.do("admin", "", "GET", "os-hosts", "").json(t)["hosts"].([]any)
	require.Len(t, hosts, 3)
	assert.Equal(t, map[string]any{"host_name": "emulator@lvm", "service": "cinder-volume", "zone": "nova",
		"service-status": "available", "service-state": "enabled", "last-update": hosts[2].(map[string]any)["last-update"]}, hosts[2])
	e.create("demo", `{"volume":{"size":2}}`)
	r = e.do("admin", "", "GET", "os-hosts/emulator@lvm", "")
	require.Equal(t, http.StatusOK, r.code, string(r.body))
	rows := r.json(t)["host"].([]any)
	require.Len(t, rows, 2)
	assert.Equal(t, map[string]any{"host": "emulator@lvm", "project": "(total)", "volume_count": "1",
		"total_volume_gb": "2", "snapshot_count": "0", "total_snapshot_gb": "0"}, rows[0].(map[string]any)["resource"])
	assert.Equal(t, e.demoProj, rows[1].(map[string]any)["resource"].(map[string]any)["project"])
	r = e.do("admin", "3.24", "POST", "workers/cleanup", `{"is_up":true,"binary":"cinder-volume"}`)
	assert.JSONEq(t, `{"cleaning": [{"id": 3, "host": "emulator@lvm", "binary": "cinder-volume", "cluster_name": null}], "unavailable": []}`, string(r.body))
}
