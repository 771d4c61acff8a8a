package cindertest_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder/cindertest"
)

func (e *env) backup(user, mv, vol, extra string) string {
	e.t.Helper()
	r := e.do(user, mv, "POST", "backups", `{"backup":{"volume_id":"`+vol+`"`+extra+`}}`)
	require.Equal(e.t, http.StatusAccepted, r.code, string(r.body))
	return r.json(e.t)["backup"].(map[string]any)["id"].(string)
}

func TestBackupCreateFlowAndFields(t *testing.T) {
	t.Parallel()
	e := newEnv(t, cindertest.Options{})
	vol := e.create("demo", `{"volume":{"size":2}}`)
	e.volume("demo", "", vol)
	r := e.do("demo", "3.70", "POST", "backups", `{"backup":{"volume_id":"`+vol+`","name":"b","metadata":{"k":"v"}}}`)
	require.Equal(t, http.StatusAccepted, r.code, string(r.body))
	b := r.json(t)["backup"].(map[string]any)
	assert.ElementsMatch(t, []string{"id", "name", "links"}, keys(b))
	id := b["id"].(string)
	// The response was sent while the volume was backing-up; now it is done.
	base := []string{"id", "status", "size", "object_count", "availability_zone", "container", "created_at",
		"updated_at", "name", "description", "fail_reason", "volume_id", "links", "is_incremental",
		"has_dependent_backups", "snapshot_id", "data_timestamp"}
	got := e.do("demo", "3.0", "GET", "backups/"+id, "").json(t)["backup"].(map[string]any)
	assert.ElementsMatch(t, base, keys(got))
	assert.Equal(t, "available", got["status"])
	assert.Equal(t, id[0:2]+"/"+id[2:4]+"/"+id, got["container"])
	got = e.do("demo", "3.70", "GET", "backups/"+id, "").json(t)["backup"].(map[string]any)
	assert.ElementsMatch(t, append(base, "metadata"), keys(got))
	got = e.do("admin", "3.70", "GET", "backups/"+id, "").json(t)["backup"].(map[string]any)
	assert.ElementsMatch(t, append(base, "metadata", "os-backup-project-attr:project_id", "user_id"), keys(got))
	assert.Equal(t, "available", e.volume("demo", "", vol)["status"])
}

func TestBackupVolumeStatusDuringCreate(t *testing.T) {
	t.Parallel()
	e := newEnv(t, cindertest.Options{})
	vol := e.create("demo", `{"volume":{"size":1}}`)
	e.volume("demo", "", vol)
	// Two requests in a row: the second sees backing-up only if nothing settled in between,
	// so check through the rejection of a second backup in the same request sequence.
	r := e.do("demo", "", "POST", "backups", `{"backup":{"volume_id":"`+vol+`","incremental":true}}`)
	assert.JSONEq(t, `{"badRequest": {"code": 400, "message": "Invalid backup: No backups available to do an incremental backup."}}`, string(r.body))
	e.inUse(vol)
	r = e.do("demo", "", "POST", "backups", `{"backup":{"volume_id":"`+vol+`"}}`)
	assert.JSONEq(t, `{"badRequest": {"code": 400, "message": "Invalid volume: Backing up an in-use volume must use the force flag."}}`, string(r.body))
	full := e.backup("demo", "", vol, `,"force":true`)
	inc := e.backup("demo", "", vol, `,"force":true,"incremental":true`)
	got := e.do("demo", "", "GET", "backups/"+inc, "").json(t)["backup"].(map[string]any)
	assert.Equal(t, true, got["is_incremental"])
	parent := e.do("demo", "", "GET", "backups/"+full, "").json(t)["backup"].(map[string]any)
	assert.Equal(t, true, parent["has_dependent_backups"])
	r = e.do("demo", "", "DELETE", "backups/"+full, "")
	assert.JSONEq(t, `{"badRequest": {"code": 400, "message": "Invalid backup: Incremental backups exist for this backup."}}`, string(r.body))
	assert.Equal(t, "in-use", e.volume("demo", "", vol)["status"])

	bad := e.create("demo", `{"volume":{"size":1}}`)
	require.Equal(t, http.StatusAccepted, e.action("admin", "", bad, `{"os-reset_status":{"status":"error"}}`).code)
	r = e.do("demo", "", "POST", "backups", `{"backup":{"volume_id":"`+bad+`"}}`)
	assert.JSONEq(t, `{"badRequest": {"code": 400, "message": "Invalid volume: Volume to be backed up must be available or in-use, but the current status is \"error\"."}}`, string(r.body))
}

func TestBackupRestore(t *testing.T) {
	t.Parallel()
	e := newEnv(t, cindertest.Options{})
	vol := e.create("demo", `{"volume":{"size":2}}`)
	id := e.backup("demo", "", vol, "")
	e.inUse(vol)
	r := e.do("demo", "", "POST", "backups/"+id+"/restore", `{"restore":{"volume_id":"`+vol+`"}}`)
	assert.JSONEq(t, `{"badRequest": {"code": 400, "message": "Invalid volume: Volume to be restored to must be available"}}`, string(r.body))
	small := e.create("demo", `{"volume":{"size":1}}`)
	r = e.do("demo", "", "POST", "backups/"+id+"/restore", `{"restore":{"volume_id":"`+small+`"}}`)
	assert.JSONEq(t, `{"badRequest": {"code": 400, "message": "Invalid volume: volume size 1 is too small to restore backup of size 2."}}`, string(r.body))
	r = e.do("demo", "", "POST", "backups/"+id+"/restore", `{"restore":{"name":"r"}}`)
	require.Equal(t, http.StatusAccepted, r.code, string(r.body))
	out := r.json(t)["restore"].(map[string]any)
	assert.Equal(t, id, out["backup_id"])
	assert.Equal(t, "r", out["volume_name"])
	nv := out["volume_id"].(string)
	v := e.volume("demo", "", nv)
	assert.Equal(t, "available", v["status"])
	assert.Equal(t, map[string]any{"src_backup_id": id}, v["metadata"])
	big := e.create("demo", `{"volume":{"size":3}}`)
	r = e.do("demo", "", "POST", "backups/"+id+"/restore", `{"restore":{"volume_id":"`+big+`"}}`)
	require.Equal(t, http.StatusAccepted, r.code)
	assert.Equal(t, "available", e.volume("demo", "", big)["status"])
	r = e.do("demo", "", "POST", "volumes", `{"volume":{"backup_id":"`+id+`"}}`)
	assert.Equal(t, http.StatusBadRequest, r.code, "backup_id is ignored before 3.47")
	r = e.do("demo", "3.47", "POST", "volumes", `{"volume":{"backup_id":"`+id+`"}}`)
	require.Equal(t, http.StatusAccepted, r.code)
	assert.Equal(t, float64(2), r.json(t)["volume"].(map[string]any)["size"])
}

func TestBackupUpdateDeleteActionsAndRecords(t *testing.T) {
	t.Parallel()
	e := newEnv(t, cindertest.Options{})
	vol := e.create("demo", `{"volume":{"size":1}}`)
	id := e.backup("demo", "", vol, "")
	assert.Equal(t, http.StatusNotFound, e.do("demo", "3.8", "PUT", "backups/"+id, `{"backup":{"name":"x"}}`).code)
	r := e.do("demo", "3.9", "PUT", "backups/"+id, `{"backup":{"name":"x"}}`)
	require.Equal(t, http.StatusOK, r.code)
	assert.Equal(t, "x", r.json(t)["backup"].(map[string]any)["name"])
	assert.JSONEq(t, `{"forbidden": {"code": 403, "message": "Policy doesn't allow backup:export-import to be performed."}}`,
		string(e.do("demo", "", "GET", "backups/"+id+"/export_record", "").body))
	rec := e.do("admin", "", "GET", "backups/"+id+"/export_record", "").json(t)["backup-record"].(map[string]any)
	assert.Equal(t, "cinder.backup.drivers.posix.PosixBackupDriver", rec["backup_service"])
	body := `{"backup-record":{"backup_service":"x","backup_url":"` + rec["backup_url"].(string) + `"}}`
	assert.JSONEq(t, `{"badRequest": {"code": 400, "message": "Invalid backup: Backup already exists in database."}}`,
		string(e.do("admin", "", "POST", "backups/import_record", body).body))
	assert.JSONEq(t, `{"badRequest": {"code": 400, "message": "Invalid input received: Can't parse backup record."}}`,
		string(e.do("admin", "", "POST", "backups/import_record", `{"backup-record":{"backup_service":"x","backup_url":"eyJ9"}}`).body))
	act := func(user, b string) resp { return e.do(user, "", "POST", "backups/"+id+"/action", b) }
	assert.Equal(t, http.StatusForbidden, act("demo", `{"os-reset_status":{"status":"error"}}`).code)
	assert.JSONEq(t, `{"badRequest": {"code": 400, "message": "Backup status: creating is invalid, valid statuses are: ['available', 'error']."}}`,
		string(act("admin", `{"os-reset_status":{"status":"creating"}}`).body))
	require.Equal(t, http.StatusAccepted, act("admin", `{"os-reset_status":{"status":"error"}}`).code)
	assert.JSONEq(t, `{"badRequest": {"code": 400, "message": "Invalid backup: Backup status must be available and not error."}}`,
		string(e.do("admin", "", "GET", "backups/"+id+"/export_record", "").body))
	require.Equal(t, http.StatusAccepted, e.do("demo", "", "DELETE", "backups/"+id, "").code)
	z := "00000000-0000-0000-0000-000000000000"
	assert.JSONEq(t, `{"itemNotFound": {"code": 404, "message": "Backup `+z+` could not be found."}}`,
		string(e.do("demo", "", "GET", "backups/"+z, "").body))
	// the exported record imports again once the backup is gone
	r = e.do("admin", "", "POST", "backups/import_record", body)
	require.Equal(t, http.StatusCreated, r.code, string(r.body))
}

func TestBackupQuotasAndList(t *testing.T) {
	t.Parallel()
	e := newEnv(t, cindertest.Options{Quotas: cindertest.Quotas{Backups: 3, BackupGigabytes: 100}})
	vol := e.create("demo", `{"volume":{"size":2}}`)
	for _, n := range []string{"b", "a", "c"} {
		e.backup("demo", "", vol, `,"name":"`+n+`"`)
		e.volume("demo", "", vol)
	}
	r := e.do("demo", "", "POST", "backups", `{"backup":{"volume_id":"`+vol+`"}}`)
	assert.JSONEq(t, `{"overLimit": {"code": 413, "message": "BackupLimitExceeded: Maximum number of backups allowed (3) exceeded", "retryAfter": "0"}}`, string(r.body))
	q := e.do("demo", "", "GET", "os-quota-sets/"+e.demoProj+"?usage=True", "").json(t)["quota_set"].(map[string]any)
	assert.Equal(t, float64(3), q["backups"].(map[string]any)["in_use"])
	assert.Equal(t, float64(6), q["backup_gigabytes"].(map[string]any)["in_use"])
	assert.JSONEq(t, `{"badRequest": {"code": 400, "message": "Invalid input received: Invalid sort key"}}`,
		string(e.do("demo", "3.36", "GET", "backups?sort=name", "").body))
	m := e.do("demo", "3.45", "GET", "backups/detail?sort=name:asc&limit=2&with_count=1", "").json(t)
	assert.Equal(t, float64(3), m["count"])
	list := m["backups"].([]any)
	require.Len(t, list, 2)
	assert.Equal(t, "a", list[0].(map[string]any)["name"])
	next := m["backups_links"].([]any)[0].(map[string]any)["href"].(string)
	m = e.do("demo", "3.45", "GET", next[len(e.srv.URL()):], "").json(t)
	assert.Equal(t, "c", m["backups"].([]any)[0].(map[string]any)["name"])
	assert.Len(t, e.do("demo", "", "GET", "backups?name=b", "").json(t)["backups"], 1)
}

// A restore into a volume it creates itself names it restore_backup_<id>,
// then copies the backed-up volume's name, description and metadata as
// they were at backup time; a named target keeps its name.
func TestBackupRestoreCopiesSourceNameAndDescription(t *testing.T) {
	t.Parallel()
	e := newEnv(t, cindertest.Options{})
	vol := e.create("demo", `{"volume":{"size":1,"name":"src","description":"d","metadata":{"k":"v"}}}`)
	id := e.backup("demo", "", vol, "")
	require.Equal(t, http.StatusOK, e.do("demo", "", "PUT", "volumes/"+vol, `{"volume":{"name":"renamed","description":"new"}}`).code)

	r := e.do("demo", "", "POST", "backups/"+id+"/restore", `{"restore":{}}`)
	require.Equal(t, http.StatusAccepted, r.code, string(r.body))
	out := r.json(t)["restore"].(map[string]any)
	assert.Equal(t, "restore_backup_"+id, out["volume_name"])
	v := e.volume("demo", "", out["volume_id"].(string))
	assert.Equal(t, "available", v["status"])
	assert.Equal(t, "src", v["name"])
	assert.Equal(t, "d", v["description"])
	assert.Equal(t, map[string]any{"k": "v", "src_backup_id": id}, v["metadata"])

	r = e.do("demo", "", "POST", "backups/"+id+"/restore", `{"restore":{"name":"mine"}}`)
	require.Equal(t, http.StatusAccepted, r.code, string(r.body))
	v = e.volume("demo", "", r.json(t)["restore"].(map[string]any)["volume_id"].(string))
	assert.Equal(t, "mine", v["name"])
	assert.Nil(t, v["description"])

	r = e.do("demo", "", "POST", "backups/"+id+"/restore", `{"restore":{"volume_id":"`+vol+`"}}`)
	require.Equal(t, http.StatusAccepted, r.code, string(r.body))
	v = e.volume("demo", "", vol)
	assert.Equal(t, "renamed", v["name"])
	assert.Equal(t, map[string]any{"k": "v"}, v["metadata"], "no src_backup_id on the backup's own volume")
}
