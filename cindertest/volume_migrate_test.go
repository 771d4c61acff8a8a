package cindertest_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder/cindertest"
)

// Real Zed: with neither volume migrating, os-migrate_volume_completion is a
// swap Nova started: the answer names the new volume, neither volume's
// migration_status changes, and attachments move to the new volume.
func TestMigrateCompletionNotMigrating(t *testing.T) {
	t.Parallel()
	e := newEnv(t, cindertest.Options{})
	a := e.create("admin", `{"volume":{"size":1}}`)
	b := e.create("admin", `{"volume":{"size":1}}`)
	before := e.volume("admin", "", a)
	for _, failed := range []string{"false", "true"} {
		r := e.action("admin", "", a, `{"os-migrate_volume_completion":{"new_volume":"`+b+`","error":`+failed+`}}`)
		assert.JSONEq(t, `{"save_volume_id": "`+b+`"}`, string(r.body), failed)
	}
	after := e.volume("admin", "", a)
	assert.Nil(t, after["migration_status"])
	assert.Equal(t, before["updated_at"], after["updated_at"], "nothing changes")
	assert.Nil(t, e.volume("admin", "", b)["migration_status"])

	require.Equal(t, 202, e.action("admin", "", a, `{"os-attach":{"instance_uuid":"11111111-2222-4333-8444-555555555555","mountpoint":"/dev/vdb","mode":"rw"}}`).code)
	r := e.action("admin", "", a, `{"os-migrate_volume_completion":{"new_volume":"`+b+`"}}`)
	assert.JSONEq(t, `{"save_volume_id": "`+b+`"}`, string(r.body))
	src, dst := e.volume("admin", "", a), e.volume("admin", "", b)
	assert.Equal(t, "available", src["status"])
	assert.Empty(t, src["attachments"])
	assert.Equal(t, "in-use", dst["status"])
	require.Len(t, dst["attachments"], 1)
	att := dst["attachments"].([]any)[0].(map[string]any)
	assert.Equal(t, "11111111-2222-4333-8444-555555555555", att["server_id"])
	assert.Equal(t, "/dev/vdb", att["device"])
	assert.Equal(t, b, att["volume_id"])
}

func TestMigrateCompletionMidMigration(t *testing.T) {
	t.Parallel()
	e := newEnv(t, cindertest.Options{})
	a := e.create("admin", `{"volume":{"size":1}}`)
	b := e.create("admin", `{"volume":{"size":1}}`)
	complete := func() string {
		return string(e.action("admin", "", a, `{"os-migrate_volume_completion":{"new_volume":"`+b+`"}}`).body)
	}
	require.Equal(t, 202, e.action("admin", "", a, `{"os-reset_status":{"migration_status":"migrating"}}`).code)
	assert.JSONEq(t, `{"badRequest": {"code": 400, "message": "Invalid volume: Destination volume not mid-migration."}}`, complete())
	require.Equal(t, 202, e.action("admin", "", b, `{"os-reset_status":{"migration_status":"MIGRATING"}}`).code)
	assert.Equal(t, "migrating", e.volume("admin", "", b)["migration_status"])
	assert.JSONEq(t, `{"badRequest": {"code": 400, "message": "Invalid volume: Destination has migration_status migrating, expected target:`+a+`."}}`, complete())
	require.Equal(t, 202, e.action("admin", "", a, `{"os-reset_status":{"migration_status":"none"}}`).code)
	assert.Nil(t, e.volume("admin", "", a)["migration_status"])
	assert.JSONEq(t, `{"badRequest": {"code": 400, "message": "Invalid volume: Source volume not mid-migration."}}`, complete())

	r := e.action("admin", "", a, `{"os-reset_status":{"migration_status":"target:`+a+`"}}`)
	assert.JSONEq(t, `{"badRequest": {"code": 400, "message": "Volume migration status: target:`+a+` is invalid, valid statuses are: ('migrating', 'error', 'success', 'completing', 'none', 'starting')."}}`, string(r.body))
}
