package cindertest_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder/cindertest"
)

func TestActionErrors(t *testing.T) {
	t.Parallel()
	e := newEnv(t, cindertest.Options{})
	id := e.create("demo", `{"volume":{"size":1}}`)
	cases := []struct{ mv, body, want string }{
		{"", `{"os-foo":{}}`, `{"badRequest": {"code": 400, "message": "There is no such action: os-foo. Verify the request body and Content-Type header and try again."}}`},
		{"", `{}`, `{"badRequest": {"code": 400, "message": "Malformed request body"}}`},
		{"", `{"os-extend":{"new_size":1}}`, `{"badRequest": {"code": 400, "message": "Invalid input received: New size for extend must be greater than current size. (current: 1, extended: 1)."}}`},
		{"", `{"os-extend":{}}`, `{"badRequest": {"code": 400, "message": "Invalid input for field/attribute os-extend. Value: {}. 'new_size' is a required property"}}`},
		{"", `{"os-extend":{"new_size":100000}}`, `{"overLimit": {"code": 413, "message": "VolumeSizeExceedsAvailableQuota: Requested volume or snapshot exceeds allowed gigabytes quota. Requested 99999G, quota is 1000G and 1G has been consumed.", "retryAfter": "0"}}`},
		{"", `{"os-reset_status":{"status":"error"}}`, `{"forbidden": {"code": 403, "message": "Policy doesn't allow volume_extension:volume_admin_actions:reset_status to be performed."}}`},
		{"", `{"os-force_delete":{}}`, `{"forbidden": {"code": 403, "message": "Policy doesn't allow volume_extension:volume_admin_actions:force_delete to be performed."}}`},
		{"", `{"os-migrate_volume":{"host":"x"}}`, `{"forbidden": {"code": 403, "message": "Policy doesn't allow volume_extension:volume_admin_actions:migrate_volume to be performed."}}`},
		{"", `{"os-force_detach":{}}`, `{"forbidden": {"code": 403, "message": "Policy doesn't allow volume_extension:volume_admin_actions:force_detach to be performed."}}`},
		{"", `{"os-unmanage":{}}`, `{"forbidden": {"code": 403, "message": "Policy doesn't allow volume_extension:volume_unmanage to be performed."}}`},
		{"", `{"os-migrate_volume_completion":{"new_volume":"x"}}`, `{"badRequest": {"code": 400, "message": "Invalid input for field/attribute new_volume. Value: x. 'x' is not a 'uuid'"}}`},
		{"3.39", `{"revert":{"snapshot_id":"x"}}`, `{"itemNotFound": {"code": 404, "message": "The resource could not be found."}}`},
		{"3.40", `{"revert":{}}`, `{"badRequest": {"code": 400, "message": "Volume ` + id + ` doesn't have any snapshots."}}`},
		{"3.70", `{"os-extend_volume_completion":{"error":false}}`, `{"itemNotFound": {"code": 404, "message": "The resource could not be found."}}`},
		{"3.67", `{"os-reimage":{"image_id":"00000000-0000-0000-0000-000000000000"}}`, `{"itemNotFound": {"code": 404, "message": "The resource could not be found."}}`},
		{"", `{"os-set_bootable":{}}`, `{"badRequest": {"code": 400, "message": "Invalid input for field/attribute os-set_bootable. Value: {}. 'bootable' is a required property"}}`},
		{"", `{"os-retype":{"new_type":"nope"}}`, `{"itemNotFound": {"code": 404, "message": "Volume type with name nope could not be found."}}`},
		{"", `{"os-retype":{"new_type":"__DEFAULT__","migration_policy":"bad"}}`, `{"badRequest": {"code": 400, "message": "Invalid input for field/attribute migration_policy. Value: bad. 'bad' is not one of ['on-demand', 'never']"}}`},
		{"", `{"os-show_image_metadata":{}}`, `{"itemNotFound": {"code": 404, "message": "Glance metadata for volume/snapshot ` + id + ` cannot be found."}}`},
		{"", `{"os-begin_detaching":{}}`, `{"badRequest": {"code": 400, "message": "Invalid volume: Unable to detach volume. Volume status must be 'in-use' and attach_status must be 'attached' to detach."}}`},
		{"", `{"os-initialize_connection":{}}`, `{"badRequest": {"code": 400, "message": "Invalid input for field/attribute os-initialize_connection. Value: {}. 'connector' is a required property"}}`},
		{"", `{"os-volume_upload_image":{}}`, `{"badRequest": {"code": 400, "message": "Invalid input for field/attribute os-volume_upload_image. Value: {}. 'image_name' is a required property"}}`},
	}
	for _, tc := range cases {
		assert.JSONEq(t, tc.want, string(e.action("demo", tc.mv, id, tc.body).body), tc.body)
	}
	r := e.action("demo", "", id, `{"os-retype":{"new_type":"__DEFAULT__"}}`)
	assert.Contains(t, string(r.body), "Retype needs volume to be in available or in-use state")
}

func TestAttachDetachFlow(t *testing.T) {
	t.Parallel()
	e := newEnv(t, cindertest.Options{})
	id := e.create("demo", `{"volume":{"size":1}}`)
	assert.Equal(t, 202, e.action("demo", "", id, `{"os-reserve":{}}`).code)
	assert.Equal(t, "attaching", e.volume("demo", "", id)["status"], "real Zed: os-reserve shows attaching")
	r := e.action("demo", "", id, `{"os-reserve":{}}`)
	assert.JSONEq(t, `{"badRequest": {"code": 400, "message": "Invalid volume: Volume status must be available to reserve, but the status is attaching."}}`, string(r.body))
	assert.Equal(t, 202, e.action("demo", "", id, `{"os-unreserve":{}}`).code)
	r = e.action("demo", "", id, `{"os-initialize_connection":{"connector":{"host":"h"}}}`)
	require.Equal(t, http.StatusOK, r.code)
	assert.Equal(t, "rw", r.json(t)["connection_info"].(map[string]any)["data"].(map[string]any)["access_mode"])
	assert.Equal(t, 202, e.action("demo", "", id, `{"os-attach":{"instance_uuid":"00000000-0000-0000-0000-000000000001","mountpoint":"/dev/vdb","mode":"rw"}}`).code)
	v := e.volume("demo", "", id)
	assert.Equal(t, "in-use", v["status"])
	att := v["attachments"].([]any)[0].(map[string]any)
	assert.Equal(t, "/dev/vdb", att["device"])
	r = e.action("demo", "", id, `{"os-extend":{"new_size":2}}`)
	assert.JSONEq(t, `{"badRequest": {"code": 400, "message": "Invalid volume: Volume `+id+` status must be '{'status': 'available'}' to extend, currently in-use."}}`, string(r.body))
	assert.Equal(t, 202, e.action("demo", "3.42", id, `{"os-extend":{"new_size":2}}`).code)
	v = e.volume("demo", "", id)
	assert.Equal(t, "in-use", v["status"])
	assert.Equal(t, 2.0, v["size"])
	assert.Equal(t, 202, e.action("demo", "", id, `{"os-begin_detaching":{}}`).code)
	assert.Equal(t, "detaching", e.volume("demo", "", id)["status"])
	assert.Equal(t, 202, e.action("demo", "", id, `{"os-roll_detaching":{}}`).code)
	assert.Equal(t, "in-use", e.volume("demo", "", id)["status"])
	assert.Equal(t, 202, e.action("demo", "", id, `{"os-detach":{"attachment_id":"`+att["attachment_id"].(string)+`"}}`).code)
	assert.Equal(t, "available", e.volume("demo", "", id)["status"])
	assert.Equal(t, 202, e.action("demo", "", id, `{"os-terminate_connection":{"connector":{}}}`).code)
	assert.Equal(t, 202, e.action("demo", "", id, `{"os-attach":{"host_name":"h","mountpoint":"/dev/vdc"}}`).code)
	assert.Equal(t, 202, e.action("admin", "", id, `{"os-force_detach":{}}`).code)
	assert.Equal(t, "available", e.volume("demo", "", id)["status"])
}

func TestAdminActions(t *testing.T) {
	t.Parallel()
	e := newEnv(t, cindertest.Options{})
	id := e.create("demo", `{"volume":{"size":1}}`)
	r := e.action("admin", "", id, `{"os-reset_status":{}}`)
	assert.JSONEq(t, `{"badRequest": {"code": 400, "message": "Must specify 'status', 'attach_status' or 'migration_status' for update."}}`, string(r.body))
	assert.Contains(t, string(e.action("admin", "", id, `{"os-reset_status":{"status":"bogus"}}`).body), "Volume status: bogus is invalid")
	assert.Equal(t, 202, e.action("admin", "", id, `{"os-reset_status":{"status":"error"}}`).code)
	assert.Equal(t, "error", e.volume("demo", "", id)["status"])
	assert.Equal(t, 202, e.action("admin", "", id, `{"os-reset_status":{"status":"available"}}`).code)

	r = e.action("admin", "", id, `{"os-migrate_volume":{"host":"nohost"}}`)
	assert.JSONEq(t, `{"badRequest": {"code": 400, "message": "Invalid host: No available service named 'nohost'"}}`, string(r.body))
	r = e.action("admin", "3.16", id, `{"os-migrate_volume":{"cluster":"c","host":"h"}}`)
	assert.JSONEq(t, `{"badRequest": {"code": 400, "message": "Invalid input received: One and only one of cluster and host must be set."}}`, string(r.body))
	assert.Equal(t, 202, e.action("admin", "", id, `{"os-migrate_volume":{"host":"emulator@lvm2#pool"}}`).code)
	v := e.do("admin", "", "GET", "volumes/detail?all_tenants=1", "").json(t)["volumes"].([]any)[0].(map[string]any)
	assert.Equal(t, "success", v["migration_status"])
	assert.Equal(t, "emulator@lvm2#pool", v["os-vol-host-attr:host"])

	r = e.do("admin", "", "POST", "types", `{"volume_type":{"name":"gold"}}`)
	require.Equal(t, 200, r.code)
	assert.Equal(t, 202, e.action("demo", "", id, `{"os-retype":{"new_type":"gold","migration_policy":"never"}}`).code)
	assert.Equal(t, "gold", e.volume("demo", "", id)["volume_type"])
	r = e.do("demo", "", "POST", "types", `{"volume_type":{"name":"x"}}`)
	assert.JSONEq(t, `{"forbidden": {"code": 403, "message": "Policy doesn't allow volume_extension:type_create to be performed."}}`, string(r.body))
	assert.Equal(t, "__DEFAULT__", e.do("demo", "", "GET", "types/default", "").json(t)["volume_type"].(map[string]any)["name"])

	assert.Equal(t, 200, e.action("demo", "", id, `{"os-set_bootable":{"bootable":"yes"}}`).code)
	assert.Equal(t, "true", e.volume("demo", "", id)["bootable"])
	assert.Equal(t, 202, e.action("demo", "", id, `{"os-update_readonly_flag":{"readonly":true}}`).code)
	r = e.action("demo", "", id, `{"os-set_image_metadata":{"metadata":{"a":"b"}}}`)
	assert.JSONEq(t, `{"metadata": {"a": "b"}}`, string(r.body))
	assert.JSONEq(t, `{"metadata": {"a": "b"}}`, string(e.action("demo", "", id, `{"os-show_image_metadata":{}}`).body))
	assert.Equal(t, 200, e.action("demo", "", id, `{"os-unset_image_metadata":{"key":"a"}}`).code)
	assert.Equal(t, 404, e.action("demo", "", id, `{"os-unset_image_metadata":{"key":"a"}}`).code)
	r = e.action("demo", "", id, `{"os-volume_upload_image":{"image_name":"img"}}`)
	require.Equal(t, 202, r.code)
	assert.Equal(t, "img", r.json(t)["os-volume_upload_image"].(map[string]any)["image_name"])
	assert.Equal(t, "available", e.volume("demo", "", id)["status"])
	assert.Equal(t, 202, e.action("demo", "3.68", id, `{"os-reimage":{"image_id":"00000000-0000-0000-0000-000000000000"}}`).code)
	assert.JSONEq(t, `{"encryption_key_id": null}`, string(e.do("demo", "", "GET", "volumes/"+id+"/encryption", "").body))

	r = e.do("demo", "", "POST", "snapshots", `{"snapshot":{"volume_id":"`+id+`"}}`)
	snap := r.json(t)["snapshot"].(map[string]any)["id"].(string)
	assert.Equal(t, 202, e.action("demo", "3.40", id, `{"revert":{"snapshot_id":"`+snap+`"}}`).code)
	assert.Equal(t, "available", e.volume("demo", "", id)["status"])
	assert.Equal(t, 202, e.do("demo", "", "DELETE", "snapshots/"+snap, "").code)
	assert.Equal(t, 202, e.action("admin", "", id, `{"os-force_delete":{}}`).code)
	assert.Equal(t, 404, e.do("demo", "", "GET", "volumes/"+id, "").code)
}

func TestExtendCompletionAndManage(t *testing.T) {
	t.Parallel()
	e := newEnv(t, cindertest.Options{CreateDelay: 0})
	r := e.do("demo", "3.8", "GET", "manageable_volumes?host=emulator@lvm", "")
	assert.JSONEq(t, `{"forbidden": {"code": 403, "message": "Policy doesn't allow volume_extension:list_manageable to be performed."}}`, string(r.body))
	r = e.do("admin", "3.8", "GET", "manageable_volumes", "")
	assert.JSONEq(t, `{"badRequest": {"code": 400, "message": "Invalid input received: Host field is missing."}}`, string(r.body))
	r = e.do("admin", "3.8", "GET", "manageable_volumes/detail?host=emulator@lvm", "")
	require.Equal(t, 200, r.code)
	assert.Len(t, r.json(t)["manageable-volumes"], 2)
	assert.Equal(t, 404, e.do("admin", "3.7", "GET", "manageable_volumes?host=x", "").code)
	r = e.do("admin", "3.8", "POST", "manageable_volumes", `{"volume":{"host":"emulator@lvm#pool","ref":{"source-name":"emu-unmanaged-2"},"name":"m"}}`)
	require.Equal(t, 202, r.code, string(r.body))
	id := r.json(t)["volume"].(map[string]any)["id"].(string)
	v := e.volume("admin", "", id)
	assert.Equal(t, 2.0, v["size"])
	assert.Equal(t, "available", v["status"])
	r = e.do("admin", "", "POST", "os-volume-manage", `{"volume":{"host":"h"}}`)
	assert.Equal(t, 400, r.code)
	assert.Equal(t, 202, e.action("admin", "", id, `{"os-unmanage":{}}`).code)
	assert.Equal(t, 404, e.do("admin", "", "GET", "volumes/"+id, "").code)
}

func TestRevertOnlyToTheLatestSnapshot(t *testing.T) {
	t.Parallel()
	e := newEnv(t, cindertest.Options{})
	id := e.create("demo", `{"volume":{"size":1}}`)
	older := e.snap("demo", "", id, "")
	latest := e.snap("demo", "", id, "")
	msg := func(sid string) string {
		return `{"badRequest": {"code": 400, "message": "Specified snapshot ` + sid + ` is None or not the latest one of volume ` + id + `."}}`
	}
	assert.JSONEq(t, msg(older), string(e.action("demo", "3.40", id, `{"revert":{"snapshot_id":"`+older+`"}}`).body))
	assert.JSONEq(t, msg("None"), string(e.action("demo", "3.40", id, `{"revert":{}}`).body))
	assert.JSONEq(t, msg("x"), string(e.action("demo", "3.40", id, `{"revert":{"snapshot_id":"x"}}`).body))
	assert.Equal(t, http.StatusAccepted, e.action("demo", "3.40", id, `{"revert":{"snapshot_id":"`+latest+`"}}`).code)
}
