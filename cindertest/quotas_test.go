package cindertest_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder/cindertest"
)

func (e *env) setQuota(project, body string) {
	e.t.Helper()
	r := e.do("admin", "", "PUT", "os-quota-sets/"+project, `{"quota_set":`+body+`}`)
	require.Equal(e.t, http.StatusOK, r.code, string(r.body))
}

func overLimit(msg string) string {
	return `{"overLimit": {"code": 413, "message": "` + msg + `", "retryAfter": "0"}}`
}

func TestQuotaUpdateAndDelete(t *testing.T) {
	t.Parallel()
	e := newEnv(t, cindertest.Options{})
	e.createType(`{"volume_type":{"name":"fast"}}`)
	r := e.do("admin", "", "PUT", "os-quota-sets/"+e.demoProj, `{"quota_set":{"volumes":3,"volumes_fast":1,"groups":-1}}`)
	require.Equal(t, http.StatusOK, r.code, string(r.body))
	qs := r.json(t)["quota_set"].(map[string]any)
	assert.NotContains(t, qs, "id")
	assert.Equal(t, float64(3), qs["volumes"])
	assert.Equal(t, float64(1), qs["volumes_fast"])
	assert.Equal(t, float64(-1), qs["gigabytes_fast"])

	e.create("demo", `{"volume":{"size":2,"volume_type":"fast"}}`)
	u := e.do("demo", "", "GET", "os-quota-sets/"+e.demoProj+"?usage=True", "").json(t)["quota_set"].(map[string]any)
	assert.Equal(t, map[string]any{"limit": float64(1), "in_use": float64(1), "reserved": float64(0)}, u["volumes_fast"])
	assert.Equal(t, map[string]any{"limit": float64(-1), "in_use": float64(2), "reserved": float64(0)}, u["gigabytes_fast"])
	assert.Equal(t, e.demoProj, u["id"])

	cases := []struct{ user, method, path, body, want string }{
		{"demo", "PUT", "os-quota-sets/" + e.demoProj, `{"quota_set":{"volumes":5}}`, `{"forbidden": {"code": 403, "message": "Policy doesn't allow volume_extension:quotas:update to be performed."}}`},
		{"admin", "PUT", "os-quota-sets/" + e.demoProj, `{"quota_set":{"volumes_bogus":1}}`, `{"badRequest": {"code": 400, "message": "Invalid input received: Bad key(s) in quota set: volumes_bogus"}}`},
		{"admin", "PUT", "os-quota-sets/" + e.demoProj, `{"quota_set":{"volumes":-2}}`, `{"badRequest": {"code": 400, "message": "volumes must be >= -1"}}`},
		{"admin", "PUT", "os-quota-sets/" + e.demoProj, `{"quota_set":{"volumes":2147483648}}`, `{"badRequest": {"code": 400, "message": "volumes must be <= 2147483647"}}`},
		{"admin", "PUT", "os-quota-sets/" + e.demoProj, `{"quota_set":{"volumes":null}}`, `{"badRequest": {"code": 400, "message": "volumes must be an integer"}}`},
		{"admin", "PUT", "os-quota-sets/" + e.demoProj, `{"quota_set":{}}`, `{"badRequest": {"code": 400, "message": "Invalid input for field/attribute quota_set. Value: {}. {} does not have enough properties"}}`},
		{"admin", "PUT", "os-quota-sets/" + e.demoProj, `{"quota_set":{"volumes":0}}`, `{"badRequest": {"code": 400, "message": "Quota volumes limit must be equal or greater than existing resources. Current usage is 1 and the requested limit is 0."}}`},
		{"admin", "PUT", "os-quota-sets/" + e.demoProj, `{"quota_set":{"gigabytes_fast":1}}`, `{"badRequest": {"code": 400, "message": "Quota gigabytes_fast limit must be equal or greater than existing resources. Current usage is 2 and the requested limit is 1."}}`},
		{"demo", "GET", "os-quota-sets/" + e.adminProj, "", `{"forbidden": {"code": 403, "message": "Policy doesn't allow volume_extension:quotas:show to be performed."}}`},
		{"demo", "GET", "os-quota-sets/" + e.demoProj + "?usage=abc", "", `{"badRequest": {"code": 400, "message": "Value 'abc' for 'usage' is not a boolean."}}`},
		{"demo", "DELETE", "os-quota-sets/" + e.demoProj, "", `{"forbidden": {"code": 403, "message": "Policy doesn't allow volume_extension:quotas:delete to be performed."}}`},
	}
	for _, tc := range cases {
		assert.JSONEq(t, tc.want, string(e.do(tc.user, "", tc.method, tc.path, tc.body).body), tc.method+" "+tc.path+" "+tc.body)
	}
	r = e.do("admin", "", "PUT", "os-quota-sets/"+e.demoProj, `{"quota_set":{"per_volume_gigabytes":1}}`)
	assert.Equal(t, http.StatusOK, r.code, "per_volume_gigabytes is not checked against usage")

	r = e.do("admin", "", "DELETE", "os-quota-sets/"+e.demoProj, "")
	assert.Equal(t, http.StatusOK, r.code)
	qs = e.do("demo", "", "GET", "os-quota-sets/"+e.demoProj, "").json(t)["quota_set"].(map[string]any)
	assert.Equal(t, float64(10), qs["volumes"])
	assert.Equal(t, float64(-1), qs["volumes_fast"])
}

func TestQuotaClasses(t *testing.T) {
	t.Parallel()
	e := newEnv(t, cindertest.Options{})
	e.createType(`{"volume_type":{"name":"fast"}}`)
	r := e.do("admin", "", "PUT", "os-quota-class-sets/default", `{"quota_class_set":{"volumes":"7","volumes_fast":4}}`)
	require.Equal(t, http.StatusOK, r.code, string(r.body))
	qc := r.json(t)["quota_class_set"].(map[string]any)
	assert.NotContains(t, qc, "id")
	assert.Equal(t, float64(7), qc["volumes"])
	show := e.do("admin", "", "GET", "os-quota-class-sets/default", "").json(t)["quota_class_set"].(map[string]any)
	assert.Equal(t, "default", show["id"])
	assert.Equal(t, float64(4), show["volumes_fast"])
	def := e.do("demo", "", "GET", "os-quota-sets/"+e.demoProj+"/defaults", "").json(t)["quota_set"].(map[string]any)
	assert.Equal(t, float64(7), def["volumes"], "the default class sets the defaults")
	lim := e.do("demo", "", "GET", "limits", "").json(t)["limits"].(map[string]any)["absolute"].(map[string]any)
	assert.Equal(t, float64(7), lim["maxTotalVolumes"])

	cases := []struct{ user, method, path, body, want string }{
		{"demo", "GET", "os-quota-class-sets/default", "", `{"forbidden": {"code": 403, "message": "Policy doesn't allow volume_extension:quota_classes:get to be performed."}}`},
		{"demo", "PUT", "os-quota-class-sets/x", `{"quota_class_set":{"volumes":3}}`, `{"forbidden": {"code": 403, "message": "Policy doesn't allow volume_extension:quota_classes:update to be performed."}}`},
		{"admin", "PUT", "os-quota-class-sets/x", `{"quota_class_set":{"bogus":3}}`, `{"badRequest": {"code": 400, "message": "Invalid input received: Bad key(s) in quota class set: bogus"}}`},
		{"admin", "PUT", "os-quota-class-sets/x", `{"quota_class_set":{"volumes":-2}}`, `{"badRequest": {"code": 400, "message": "Invalid input for field/attribute volumes. Value: -2. -2 is less than the minimum of -1"}}`},
		{"admin", "PUT", "os-quota-class-sets/x", `{"quota_class_set":{"volumes":"abc"}}`, `{"badRequest": {"code": 400, "message": "Invalid input for field/attribute volumes. Value: abc. 'abc' does not match '^[0-9]*$'"}}`},
		{"admin", "PUT", "os-quota-class-sets/x", `{"x":{}}`, `{"badRequest": {"code": 400, "message": "'quota_class_set' is a required property"}}`},
	}
	for _, tc := range cases {
		assert.JSONEq(t, tc.want, string(e.do(tc.user, "", tc.method, tc.path, tc.body).body), tc.method+" "+tc.path+" "+tc.body)
	}
}

func TestQuotaEnforcement(t *testing.T) {
	t.Parallel()
	e := newEnv(t, cindertest.Options{})
	e.createType(`{"volume_type":{"name":"fast"}}`)
	vol := e.create("demo", `{"volume":{"size":2,"volume_type":"fast"}}`)
	e.setQuota(e.demoProj, `{"volumes_fast":1,"snapshots_fast":0}`)
	r := e.do("demo", "", "POST", "volumes", `{"volume":{"size":1,"volume_type":"fast"}}`)
	assert.JSONEq(t, overLimit("VolumeLimitExceeded: Maximum number of volumes allowed (1) exceeded for quota 'volumes_fast'."), string(r.body))
	r = e.do("demo", "", "POST", "snapshots", `{"snapshot":{"volume_id":"`+vol+`"}}`)
	assert.JSONEq(t, overLimit("SnapshotLimitExceeded: Maximum number of snapshots allowed (0) exceeded"), string(r.body))

	e.setQuota(e.demoProj, `{"volumes_fast":5,"gigabytes_fast":3}`)
	r = e.do("demo", "", "POST", "volumes", `{"volume":{"size":2,"volume_type":"fast"}}`)
	assert.JSONEq(t, overLimit("VolumeSizeExceedsAvailableQuota: Requested volume or snapshot exceeds allowed gigabytes_fast quota. Requested 2G, quota is 3G and 2G has been consumed."), string(r.body))
	r = e.action("demo", "", vol, `{"os-extend":{"new_size":4}}`)
	assert.JSONEq(t, overLimit("VolumeSizeExceedsAvailableQuota: Requested volume or snapshot exceeds allowed gigabytes_fast quota. Requested 2G, quota is 3G and 2G has been consumed."), string(r.body))

	e.setQuota(e.demoProj, `{"per_volume_gigabytes":1,"volumes":1}`)
	r = e.do("demo", "", "POST", "volumes", `{"volume":{"size":2}}`)
	assert.JSONEq(t, overLimit("VolumeSizeExceedsLimit: Requested volume size 2G is larger than maximum allowed limit 1G."), string(r.body))
	r = e.do("demo", "", "POST", "volumes", `{"volume":{"size":1}}`)
	assert.JSONEq(t, overLimit("VolumeLimitExceeded: Maximum number of volumes allowed (1) exceeded for quota 'volumes'."), string(r.body))

	e.setQuota(e.demoProj, `{"backups":0}`)
	r = e.do("demo", "", "POST", "backups", `{"backup":{"volume_id":"`+vol+`"}}`)
	assert.JSONEq(t, overLimit("BackupLimitExceeded: Maximum number of backups allowed (0) exceeded"), string(r.body))
	e.setQuota(e.demoProj, `{"backups":5,"backup_gigabytes":1}`)
	r = e.do("demo", "", "POST", "backups", `{"backup":{"volume_id":"`+vol+`"}}`)
	assert.JSONEq(t, overLimit("VolumeBackupSizeExceedsAvailableQuota: Requested backup exceeds allowed Backup gigabytes quota. Requested 2G, quota is 1G and 0G has been consumed."), string(r.body))
	e.setQuota(e.demoProj, `{"gigabytes":3}`)
	r = e.do("demo", "", "POST", "snapshots", `{"snapshot":{"volume_id":"`+vol+`"}}`)
	assert.JSONEq(t, overLimit("VolumeSizeExceedsAvailableQuota: Requested volume or snapshot exceeds allowed gigabytes quota. Requested 2G, quota is 3G and 2G has been consumed."), string(r.body))
}

func TestLimits(t *testing.T) {
	t.Parallel()
	e := newEnv(t, cindertest.Options{})
	e.create("demo", `{"volume":{"size":3}}`)
	e.setQuota(e.demoProj, `{"volumes":4}`)
	want := map[string]any{"maxTotalVolumes": float64(4), "maxTotalSnapshots": float64(10), "maxTotalVolumeGigabytes": float64(1000),
		"maxTotalBackups": float64(10), "maxTotalBackupGigabytes": float64(1000), "totalVolumesUsed": float64(1),
		"totalGigabytesUsed": float64(3), "totalSnapshotsUsed": float64(0), "totalBackupsUsed": float64(0), "totalBackupGigabytesUsed": float64(0)}
	l := e.do("demo", "", "GET", "limits", "").json(t)["limits"].(map[string]any)
	assert.Equal(t, []any{}, l["rate"])
	assert.Equal(t, want, l["absolute"])
	assert.Equal(t, want, e.do("admin", "3.39", "GET", "limits?project_id="+e.demoProj, "").json(t)["limits"].(map[string]any)["absolute"])
	own := e.do("admin", "3.38", "GET", "limits?project_id="+e.demoProj, "").json(t)["limits"].(map[string]any)["absolute"].(map[string]any)
	assert.Equal(t, float64(0), own["totalVolumesUsed"], "project_id is ignored before 3.39")
	other := e.do("demo", "3.39", "GET", "limits?project_id="+e.adminProj, "").json(t)["limits"].(map[string]any)["absolute"].(map[string]any)
	assert.Equal(t, float64(1), other["totalVolumesUsed"], "members always get their own limits")
}
