package cindertest_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder/cindertest"
)

// snap creates a snapshot of vol as user and returns its ID.
func (e *env) snap(user, mv, vol, extra string) string {
	e.t.Helper()
	r := e.do(user, mv, "POST", "snapshots", `{"snapshot":{"volume_id":"`+vol+`"`+extra+`}}`)
	require.Equal(e.t, http.StatusAccepted, r.code, string(r.body))
	return r.json(e.t)["snapshot"].(map[string]any)["id"].(string)
}

func (e *env) inUse(vol string) {
	e.t.Helper()
	r := e.do("demo", "3.70", "POST", "attachments", `{"attachment":{"volume_uuid":"`+vol+`","connector":{"host":"h"}}}`)
	require.Equal(e.t, http.StatusOK, r.code, string(r.body))
	id := r.json(e.t)["attachment"].(map[string]any)["id"].(string)
	require.Equal(e.t, http.StatusNoContent, e.do("demo", "3.70", "POST", "attachments/"+id+"/action", `{"os-complete":{}}`).code)
}

func TestSnapshotCreateShowFields(t *testing.T) {
	t.Parallel()
	e := newEnv(t, cindertest.Options{})
	vol := e.create("demo", `{"volume":{"size":2}}`)
	r := e.do("demo", "3.70", "POST", "snapshots", `{"snapshot":{"volume_id":"`+vol+`","name":"s","metadata":{"a":"b"}}}`)
	require.Equal(t, http.StatusAccepted, r.code, string(r.body))
	s := r.json(t)["snapshot"].(map[string]any)
	assert.Equal(t, "creating", s["status"])
	assert.NotContains(t, s, "os-extended-snapshot-attributes:project_id")
	id := s["id"].(string)
	base := []string{"id", "created_at", "updated_at", "name", "description", "volume_id", "status", "size", "metadata"}
	ext := []string{"os-extended-snapshot-attributes:project_id", "os-extended-snapshot-attributes:progress"}
	got := e.do("demo", "3.0", "GET", "snapshots/"+id, "").json(t)["snapshot"].(map[string]any)
	assert.ElementsMatch(t, append(base, ext...), keys(got))
	assert.Equal(t, "available", got["status"])
	assert.Equal(t, "100%", got["os-extended-snapshot-attributes:progress"])
	assert.Equal(t, e.demoProj, got["os-extended-snapshot-attributes:project_id"])
	got = e.do("demo", "3.70", "GET", "snapshots/"+id, "").json(t)["snapshot"].(map[string]any)
	assert.ElementsMatch(t, append(append(base, ext...), "group_snapshot_id", "user_id", "consumes_quota"), keys(got))
	list := e.do("demo", "3.70", "GET", "snapshots", "").json(t)["snapshots"].([]any)
	require.Len(t, list, 1)
	assert.ElementsMatch(t, append(base, "group_snapshot_id", "user_id", "consumes_quota"), keys(list[0].(map[string]any)))
	assert.Equal(t, float64(2), got["size"])
}

func TestSnapshotCreateRules(t *testing.T) {
	t.Parallel()
	e := newEnv(t, cindertest.Options{})
	vol := e.create("demo", `{"volume":{"size":1}}`)
	e.inUse(vol)
	msg := `{"badRequest": {"code": 400, "message": "Invalid volume: Volume ` + vol + ` status must be available, but current status is: in-use."}}`
	for _, extra := range []string{``, `,"force":false`} {
		r := e.do("demo", "3.65", "POST", "snapshots", `{"snapshot":{"volume_id":"`+vol+`"`+extra+`}}`)
		assert.JSONEq(t, msg, string(r.body))
	}
	e.snap("demo", "3.65", vol, `,"force":true`)
	e.snap("demo", "3.66", vol, ``)
	e.snap("demo", "3.66", vol, `,"force":true`)
	r := e.do("demo", "3.66", "POST", "snapshots", `{"snapshot":{"volume_id":"`+vol+`","force":false}}`)
	assert.JSONEq(t, `{"badRequest": {"code": 400, "message": "Since microversion 3.66 the 'force' flag is invalid for this request.  For backward compatability, however, when the 'force' flag is passed with a value evaluating to True, it is silently ignored."}}`, string(r.body))
	r = e.do("demo", "3.70", "POST", "snapshots", `{"snapshot":{}}`)
	assert.JSONEq(t, `{"badRequest": {"code": 400, "message": "Invalid input for field/attribute snapshot. Value: {}. 'volume_id' is a required property"}}`, string(r.body))

	bad := e.create("demo", `{"volume":{"size":1}}`)
	require.Equal(t, http.StatusAccepted, e.action("admin", "", bad, `{"os-reset_status":{"status":"error"}}`).code)
	r = e.do("demo", "3.70", "POST", "snapshots", `{"snapshot":{"volume_id":"`+bad+`"}}`)
	assert.JSONEq(t, `{"badRequest": {"code": 400, "message": "Invalid volume: The snapshot cannot be created when the volume is in error status."}}`, string(r.body))
}

func TestSnapshotBlocksVolumeDeleteAndQuota(t *testing.T) {
	t.Parallel()
	e := newEnv(t, cindertest.Options{Quotas: cindertest.Quotas{Snapshots: 1, Gigabytes: 5}})
	vol := e.create("demo", `{"volume":{"size":2}}`)
	sid := e.snap("demo", "", vol, "")
	r := e.do("demo", "", "DELETE", "volumes/"+vol, "")
	assert.Equal(t, http.StatusBadRequest, r.code)
	assert.Contains(t, string(r.body), "have snapshots")
	r = e.do("demo", "", "POST", "snapshots", `{"snapshot":{"volume_id":"`+vol+`"}}`)
	assert.JSONEq(t, `{"overLimit": {"code": 413, "message": "VolumeSizeExceedsAvailableQuota: Requested volume or snapshot exceeds allowed gigabytes quota. Requested 2G, quota is 5G and 4G has been consumed.", "retryAfter": "0"}}`, string(r.body), "gigabytes is checked before snapshots, as on real Cinder")
	q := e.do("demo", "", "GET", "os-quota-sets/"+e.demoProj+"?usage=True", "").json(t)["quota_set"].(map[string]any)
	assert.Equal(t, float64(1), q["snapshots"].(map[string]any)["in_use"])
	assert.Equal(t, float64(4), q["gigabytes"].(map[string]any)["in_use"])
	assert.Equal(t, float64(1), q["snapshots___DEFAULT__"].(map[string]any)["in_use"])
	r = e.do("demo", "", "POST", "volumes", `{"volume":{"size":2}}`)
	assert.Equal(t, http.StatusRequestEntityTooLarge, r.code)

	// create from snapshot copies size; cascade delete removes the snapshot.
	r = e.do("demo", "", "POST", "volumes", `{"volume":{"snapshot_id":"`+sid+`"}}`)
	assert.Equal(t, http.StatusRequestEntityTooLarge, r.code, "2+2+2 > 5")
	require.Equal(t, http.StatusAccepted, e.do("demo", "", "DELETE", "volumes/"+vol+"?cascade=true", "").code)
	e.do("demo", "", "GET", "volumes", "")
	assert.Equal(t, http.StatusNotFound, e.do("demo", "", "GET", "snapshots/"+sid, "").code)
}

func TestSnapshotCreateVolumeFromSnapshot(t *testing.T) {
	t.Parallel()
	e := newEnv(t, cindertest.Options{})
	vol := e.create("demo", `{"volume":{"size":3}}`)
	sid := e.snap("demo", "", vol, "")
	r := e.do("demo", "", "POST", "volumes", `{"volume":{"snapshot_id":"`+sid+`","size":1}}`)
	assert.JSONEq(t, `{"badRequest": {"code": 400, "message": "Invalid input received: Volume size '1'GB cannot be smaller than the snapshot size 3GB. They must be >= original snapshot size."}}`, string(r.body))
	id := e.create("demo", `{"volume":{"snapshot_id":"`+sid+`"}}`)
	v := e.volume("demo", "", id)
	assert.Equal(t, sid, v["snapshot_id"])
	assert.Equal(t, float64(3), v["size"])
	clone := e.create("demo", `{"volume":{"source_volid":"`+vol+`"}}`)
	assert.Equal(t, vol, e.volume("demo", "", clone)["source_volid"])
}

func TestSnapshotUpdateDeleteAndErrors(t *testing.T) {
	t.Parallel()
	e := newEnv(t, cindertest.Options{})
	vol := e.create("demo", `{"volume":{"size":1}}`)
	sid := e.snap("demo", "", vol, "")
	r := e.do("demo", "3.70", "PUT", "snapshots/"+sid, `{"snapshot":{"name":"n","description":"d"}}`)
	require.Equal(t, http.StatusOK, r.code)
	assert.Equal(t, "n", r.json(t)["snapshot"].(map[string]any)["name"])
	r = e.do("demo", "3.70", "PUT", "snapshots/"+sid, `{"snapshot":{}}`)
	assert.JSONEq(t, `{"badRequest": {"code": 400, "message": "Invalid input for field/attribute snapshot. Value: {}. {} is not valid under any of the given schemas"}}`, string(r.body))
	r = e.do("demo", "3.0", "PUT", "snapshots/"+sid, `{"snapshot":{"foo":1}}`)
	assert.JSONEq(t, `{"badRequest": {"code": 400, "message": "Invalid input for field/attribute snapshot. Value: {'foo': 1}. Additional properties are not allowed ('foo' was unexpected)"}}`, string(r.body))
	z := "00000000-0000-0000-0000-000000000000"
	r = e.do("demo", "", "GET", "snapshots/"+z, "")
	assert.JSONEq(t, `{"itemNotFound": {"code": 404, "message": "Snapshot `+z+` could not be found."}}`, string(r.body))
	assert.Equal(t, http.StatusAccepted, e.do("demo", "", "DELETE", "snapshots/"+sid, "").code)
	r = e.do("demo", "", "GET", "snapshots/"+sid, "")
	assert.Equal(t, http.StatusNotFound, r.code)
}

func TestSnapshotMetadata(t *testing.T) {
	t.Parallel()
	e := newEnv(t, cindertest.Options{})
	sid := e.snap("demo", "", e.create("demo", `{"volume":{"size":1}}`), `,"metadata":{"a":"b"}`)
	p := "snapshots/" + sid + "/metadata"
	assert.JSONEq(t, `{"metadata":{"a":"b","c":"d"}}`, string(e.do("demo", "", "POST", p, `{"metadata":{"c":"d"}}`).body))
	assert.JSONEq(t, `{"metadata":{"x":"y"}}`, string(e.do("demo", "", "PUT", p, `{"metadata":{"x":"y"}}`).body))
	assert.JSONEq(t, `{"meta":{"x":"y"}}`, string(e.do("demo", "", "GET", p+"/x", "").body))
	assert.JSONEq(t, `{"meta":{"x":"z"}}`, string(e.do("demo", "", "PUT", p+"/x", `{"meta":{"x":"z"}}`).body))
	assert.JSONEq(t, `{"badRequest": {"code": 400, "message": "Request body and URI mismatch"}}`,
		string(e.do("demo", "", "PUT", p+"/x", `{"meta":{"q":"z"}}`).body))
	assert.Equal(t, http.StatusOK, e.do("demo", "", "DELETE", p+"/x", "").code)
	assert.JSONEq(t, `{"itemNotFound": {"code": 404, "message": "Snapshot `+sid+` has no metadata with key x."}}`,
		string(e.do("demo", "", "DELETE", p+"/x", "").body))
	assert.JSONEq(t, `{"metadata":{}}`, string(e.do("demo", "", "GET", p, "").body))
}

func TestSnapshotActions(t *testing.T) {
	t.Parallel()
	e := newEnv(t, cindertest.Options{})
	sid := e.snap("demo", "", e.create("demo", `{"volume":{"size":1}}`), "")
	act := func(user, body string) resp { return e.do(user, "", "POST", "snapshots/"+sid+"/action", body) }
	assert.JSONEq(t, `{"forbidden": {"code": 403, "message": "Policy doesn't allow volume_extension:snapshot_admin_actions:reset_status to be performed."}}`,
		string(act("demo", `{"os-reset_status":{"status":"error"}}`).body))
	assert.JSONEq(t, `{"badRequest": {"code": 400, "message": "Snapshot status: bogus is invalid, valid statuses are: ('error', 'available', 'creating', 'deleting', 'deleted', 'updating', 'error_deleting', 'unmanaging', 'backing-up', 'restoring')."}}`,
		string(act("admin", `{"os-reset_status":{"status":"bogus"}}`).body))
	assert.JSONEq(t, `{"badRequest": {"code": 400, "message": "Invalid input for field/attribute os-reset_status. Value: {}. 'status' is a required property"}}`,
		string(act("admin", `{"os-reset_status":{}}`).body))
	assert.JSONEq(t, `{"badRequest": {"code": 400, "message": "Snapshot status available not allowed for update_snapshot_status"}}`,
		string(act("demo", `{"os-update_snapshot_status":{"status":"error"}}`).body))
	require.Equal(t, http.StatusAccepted, act("admin", `{"os-reset_status":{"status":"creating"}}`).code)
	assert.JSONEq(t, `{"badRequest": {"code": 400, "message": "Provided snapshot status deleting not allowed for snapshot with status creating."}}`,
		string(act("demo", `{"os-update_snapshot_status":{"status":"deleting"}}`).body))
	require.Equal(t, http.StatusAccepted, act("demo", `{"os-update_snapshot_status":{"status":"available","progress":"50%"}}`).code)
	s := e.do("demo", "", "GET", "snapshots/"+sid, "").json(t)["snapshot"].(map[string]any)
	assert.Equal(t, "50%", s["os-extended-snapshot-attributes:progress"])
	assert.Equal(t, "available", s["status"])
	assert.Equal(t, http.StatusForbidden, act("demo", `{"os-force_delete":{}}`).code)
	assert.JSONEq(t, `{"forbidden": {"code": 403, "message": "Policy doesn't allow snapshot_extension:snapshot_unmanage to be performed."}}`,
		string(act("demo", `{"os-unmanage":{}}`).body))
	assert.Equal(t, http.StatusBadRequest, act("demo", `{"os-foo":{}}`).code)
	require.Equal(t, http.StatusAccepted, act("admin", `{"os-force_delete":{}}`).code)
	assert.Equal(t, http.StatusNotFound, e.do("demo", "", "GET", "snapshots/"+sid, "").code)
}

func TestSnapshotListFiltersSortPaging(t *testing.T) {
	t.Parallel()
	e := newEnv(t, cindertest.Options{})
	vol := e.create("demo", `{"volume":{"size":1}}`)
	for _, n := range []string{"b", "a", "c"} {
		e.snap("demo", "", vol, `,"name":"`+n+`","metadata":{"n":"`+n+`"}`)
	}
	names := func(r resp) []string {
		var out []string
		for _, s := range r.json(t)["snapshots"].([]any) {
			out = append(out, s.(map[string]any)["name"].(string))
		}
		return out
	}
	assert.Equal(t, []string{"a", "b", "c"}, names(e.do("demo", "3.30", "GET", "snapshots?sort=name:asc", "")))
	assert.JSONEq(t, `{"badRequest": {"code": 400, "message": "Invalid input received: Invalid sort key"}}`,
		string(e.do("demo", "3.29", "GET", "snapshots?sort=name", "").body))
	assert.Equal(t, []string{"a", "b", "c"}, names(e.do("demo", "3.29", "GET", "snapshots?sort_key=display_name&sort_dir=asc", "")))
	assert.Equal(t, []string{"a"}, names(e.do("demo", "3.70", "GET", "snapshots/detail?name=a", "")))
	assert.Equal(t, []string{"c"}, names(e.do("demo", "3.22", "GET", "snapshots?metadata=%7B%27n%27%3A%27c%27%7D", "")))
	assert.JSONEq(t, `{"badRequest": {"code": 400, "message": "Invalid filters foo are found in query options."}}`,
		string(e.do("demo", "3.31", "GET", "snapshots?foo=1", "").body))
	assert.JSONEq(t, `{"badRequest": {"code": 400, "message": "Invalid filters with_count are found in query options."}}`,
		string(e.do("demo", "3.44", "GET", "snapshots?with_count=true", "").body))
	r := e.do("demo", "3.45", "GET", "snapshots?with_count=true&limit=2&sort=name:asc", "")
	m := r.json(t)
	assert.Equal(t, float64(3), m["count"])
	require.Len(t, m["snapshots"], 2)
	next := m["snapshots_links"].([]any)[0].(map[string]any)["href"].(string)
	assert.Contains(t, next, "/snapshots?with_count=true&limit=2&sort=name%3Aasc&marker=")
	r = e.do("demo", "3.45", "GET", next[len(e.srv.URL()):], "")
	assert.Equal(t, []string{"c"}, names(r))
	assert.Empty(t, e.do("admin", "", "GET", "snapshots", "").json(t)["snapshots"])
	assert.Len(t, e.do("admin", "", "GET", "snapshots/detail?all_tenants=1", "").json(t)["snapshots"], 3)
}

func TestSnapshotManage(t *testing.T) {
	t.Parallel()
	e := newEnv(t, cindertest.Options{})
	vol := e.create("admin", `{"volume":{"size":1}}`)
	assert.Equal(t, http.StatusNotFound, e.do("admin", "3.7", "GET", "manageable_snapshots?host=emulator", "").code)
	assert.Equal(t, http.StatusForbidden, e.do("demo", "3.8", "GET", "manageable_snapshots?host=emulator", "").code)
	r := e.do("admin", "3.8", "GET", "manageable_snapshots/detail?host=emulator", "")
	require.Equal(t, http.StatusOK, r.code)
	require.Len(t, r.json(t)["manageable-snapshots"], 1)
	r = e.do("admin", "3.8", "POST", "manageable_snapshots", `{"snapshot":{"volume_id":"`+vol+`","ref":{"source-name":"emu-unmanaged-snap-1"}}}`)
	require.Equal(t, http.StatusAccepted, r.code, string(r.body))
	r = e.do("admin", "3.8", "GET", "manageable_snapshots/detail?host=emulator", "")
	assert.Equal(t, false, r.json(t)["manageable-snapshots"].([]any)[0].(map[string]any)["safe_to_manage"])
}
