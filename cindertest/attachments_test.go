package cindertest_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder/cindertest"
)

func TestAttachmentReserveUpdateCompleteDelete(t *testing.T) {
	t.Parallel()
	e := newEnv(t, cindertest.Options{})
	vol := e.create("demo", `{"volume":{"size":1}}`)
	r := e.do("demo", "3.70", "POST", "attachments", `{"attachment":{"volume_uuid":"`+vol+`"}}`)
	require.Equal(t, http.StatusOK, r.code, string(r.body))
	a := r.json(t)["attachment"].(map[string]any)
	id := a["id"].(string)
	assert.Equal(t, map[string]any{"id": id, "status": "reserved", "instance": nil, "volume_id": vol, "attached_at": "",
		"detached_at": "", "attach_mode": "null", "connection_info": map[string]any{}}, a)
	v := e.volume("demo", "", vol)
	assert.Equal(t, "reserved", v["status"])
	assert.Empty(t, v["attachments"])

	r = e.do("demo", "3.70", "PUT", "attachments/"+id, `{"attachment":{}}`)
	assert.JSONEq(t, `{"badRequest": {"code": 400, "message": "Invalid input for field/attribute attachment. Value: {}. 'connector' is a required property"}}`, string(r.body))
	r = e.do("demo", "3.70", "PUT", "attachments/"+id, `{"attachment":{"connector":{"host":"h","mountpoint":"/dev/vdb"}}}`)
	require.Equal(t, http.StatusOK, r.code)
	ci := r.json(t)["attachment"].(map[string]any)["connection_info"].(map[string]any)
	assert.Equal(t, "local", ci["driver_volume_type"])
	assert.Equal(t, id, ci["attachment_id"])
	assert.Equal(t, "attaching", e.volume("demo", "", vol)["status"])
	got := e.do("demo", "3.70", "GET", "attachments/"+id, "").json(t)["attachment"].(map[string]any)
	assert.Equal(t, "attaching", got["status"])
	assert.Equal(t, "rw", got["attach_mode"])

	assert.Equal(t, http.StatusNotFound, e.do("demo", "3.43", "POST", "attachments/"+id+"/action", `{"os-complete":{}}`).code)
	require.Equal(t, http.StatusNoContent, e.do("demo", "3.44", "POST", "attachments/"+id+"/action", `{"os-complete":{}}`).code)
	v = e.volume("demo", "", vol)
	assert.Equal(t, "in-use", v["status"])
	require.Len(t, v["attachments"], 1)
	assert.Equal(t, "/dev/vdb", v["attachments"].([]any)[0].(map[string]any)["device"])

	r = e.do("demo", "3.70", "POST", "attachments", `{"attachment":{"volume_uuid":"`+vol+`"}}`)
	assert.JSONEq(t, `{"badRequest": {"code": 400, "message": "Invalid volume: Volume `+vol+` status must be available or downloading to reserve, but the current status is in-use."}}`, string(r.body))
	r = e.do("demo", "3.70", "DELETE", "attachments/"+id, "")
	assert.JSONEq(t, `{"attachments": []}`, string(r.body))
	assert.Equal(t, "available", e.volume("demo", "", vol)["status"])
	z := "00000000-0000-0000-0000-000000000000"
	assert.JSONEq(t, `{"itemNotFound": {"code": 404, "message": "Volume attachment could not be found with filter: attachment_id = `+id+`."}}`,
		string(e.do("demo", "3.70", "GET", "attachments/"+id, "").body))
	assert.JSONEq(t, `{"itemNotFound": {"code": 404, "message": "Volume attachment could not be found with filter: attachment_id = `+z+`."}}`,
		string(e.do("demo", "3.70", "DELETE", "attachments/"+z, "").body))
}

func TestAttachmentCreateErrorsAndMultiattach(t *testing.T) {
	t.Parallel()
	e := newEnv(t, cindertest.Options{})
	vol := e.create("demo", `{"volume":{"size":1}}`)
	assert.Equal(t, http.StatusNotFound, e.do("demo", "3.26", "POST", "attachments", `{"attachment":{"volume_uuid":"`+vol+`"}}`).code)
	r := e.do("demo", "3.27", "POST", "attachments", `{"attachment":{"volume_uuid":"`+vol+`","mode":"ro"}}`)
	assert.Contains(t, string(r.body), "Additional properties are not allowed ('mode' was unexpected)")
	r = e.do("demo", "3.54", "POST", "attachments", `{"attachment":{"volume_uuid":"`+vol+`","mode":"xx"}}`)
	assert.JSONEq(t, `{"badRequest": {"code": 400, "message": "Invalid input for field/attribute mode. Value: xx. 'xx' is not one of ['rw', 'ro']"}}`, string(r.body))
	r = e.do("demo", "3.70", "POST", "attachments", `{"attachment":{"volume_id":"`+vol+`"}}`)
	assert.Contains(t, string(r.body), "'volume_uuid' is a required property")

	multi := e.create("demo", `{"volume":{"size":1,"multiattach":true}}`)
	e.volume("demo", "", multi)
	e.inUse(multi)
	e.inUse(multi)
	v := e.volume("demo", "", multi)
	assert.Equal(t, "in-use", v["status"])
	assert.Len(t, v["attachments"], 2)
	list := e.do("demo", "3.70", "GET", "attachments?volume_id="+multi, "").json(t)["attachments"].([]any)
	require.Len(t, list, 2)
	assert.ElementsMatch(t, []string{"id", "status", "instance", "volume_id"}, keys(list[0].(map[string]any)))
	first := list[0].(map[string]any)["id"].(string)
	r = e.do("demo", "3.70", "DELETE", "attachments/"+first, "")
	require.Equal(t, http.StatusOK, r.code)
	assert.Len(t, r.json(t)["attachments"], 1)
	assert.Equal(t, "in-use", e.volume("demo", "", multi)["status"])
	m := e.do("demo", "3.70", "GET", "attachments/detail?limit=1", "").json(t)
	assert.Len(t, m["attachments"], 1)
	assert.Contains(t, m, "attachments_links", "a full page always gets a next link")
	assert.Empty(t, e.do("admin", "3.70", "GET", "attachments", "").json(t)["attachments"])
	assert.Len(t, e.do("admin", "3.70", "GET", "attachments?all_tenants=1", "").json(t)["attachments"], 1)
}

func TestLimitsAndTypeDelete(t *testing.T) {
	t.Parallel()
	e := newEnv(t, cindertest.Options{})
	vol := e.create("demo", `{"volume":{"size":2}}`)
	e.backup("demo", "", vol, "")
	e.snap("demo", "", vol, "")
	abs := e.do("demo", "", "GET", "limits", "").json(t)["limits"].(map[string]any)["absolute"].(map[string]any)
	assert.Equal(t, float64(1), abs["totalVolumesUsed"])
	assert.Equal(t, float64(4), abs["totalGigabytesUsed"])
	assert.Equal(t, float64(1), abs["totalSnapshotsUsed"])
	assert.Equal(t, float64(1), abs["totalBackupsUsed"])
	assert.Equal(t, float64(2), abs["totalBackupGigabytesUsed"])
	assert.Equal(t, float64(10), abs["maxTotalVolumes"])

	r := e.do("admin", "", "POST", "types", `{"volume_type":{"name":"gone"}}`)
	require.Equal(t, http.StatusOK, r.code)
	id := r.json(t)["volume_type"].(map[string]any)["id"].(string)
	assert.JSONEq(t, `{"forbidden": {"code": 403, "message": "Policy doesn't allow volume_extension:type_delete to be performed."}}`,
		string(e.do("demo", "", "DELETE", "types/"+id, "").body))
	assert.Equal(t, http.StatusAccepted, e.do("admin", "", "DELETE", "types/"+id, "").code)
	assert.Equal(t, http.StatusNotFound, e.do("admin", "", "GET", "types/"+id, "").code)
	r = e.action("demo", "", vol, `{"os-reset_status":{"status":"bogus"}}`)
	assert.Equal(t, http.StatusBadRequest, r.code, "body validated before policy")
}

// The attachment's mode shows in every answer, "null" until a connector
// update sets "rw"; access_mode is "rw" unless the volume is read-only.
func TestAttachmentModeAndAccessMode(t *testing.T) {
	t.Parallel()
	e := newEnv(t, cindertest.Options{})
	vol := e.create("demo", `{"volume":{"size":1}}`)
	create := func(body string) map[string]any {
		r := e.do("demo", "3.54", "POST", "attachments", `{"attachment":{"volume_uuid":"`+vol+`"`+body+`}}`)
		require.Equal(t, http.StatusOK, r.code, string(r.body))
		return r.json(t)["attachment"].(map[string]any)
	}
	get := func(id string) map[string]any {
		return e.do("demo", "3.54", "GET", "attachments/"+id, "").json(t)["attachment"].(map[string]any)
	}
	remove := func(id string) {
		require.Equal(t, http.StatusOK, e.do("demo", "3.54", "DELETE", "attachments/"+id, "").code)
	}
	access := func(a map[string]any) any { return a["connection_info"].(map[string]any)["access_mode"] }

	a := create(`,"mode":"ro","connector":{"host":"it-host","multipath":false}`)
	assert.Equal(t, "reserved", a["status"])
	assert.Equal(t, "ro", a["attach_mode"])
	assert.Empty(t, a["attached_at"])
	assert.Equal(t, "rw", access(a))
	require.Equal(t, http.StatusNoContent, e.do("demo", "3.54", "POST", "attachments/"+a["id"].(string)+"/action", `{"os-complete":{}}`).code)
	got := get(a["id"].(string))
	assert.Equal(t, "ro", got["attach_mode"])
	assert.Equal(t, "rw", access(got))
	att := e.volume("demo", "", vol)["attachments"].([]any)[0].(map[string]any)
	assert.Equal(t, "na", att["device"], "no mountpoint in the connector")
	assert.Nil(t, att["host_name"], "hidden from non-admins")
	assert.Equal(t, "it-host", e.volume("admin", "", vol)["attachments"].([]any)[0].(map[string]any)["host_name"])
	remove(a["id"].(string))

	a = create(`,"mode":"ro"`)
	assert.Equal(t, "ro", get(a["id"].(string))["attach_mode"], "reserved")
	remove(a["id"].(string))

	a = create(`,"connector":{"host":"h"}`)
	assert.Equal(t, "null", a["attach_mode"])
	assert.Equal(t, "null", get(a["id"].(string))["attach_mode"], "a create with a connector sets no mode")
	remove(a["id"].(string))

	a = create("")
	r := e.do("demo", "3.54", "PUT", "attachments/"+a["id"].(string), `{"attachment":{"connector":{"host":"h"}}}`)
	assert.Equal(t, "null", r.json(t)["attachment"].(map[string]any)["attach_mode"], "answer read before the update")
	assert.Equal(t, "rw", get(a["id"].(string))["attach_mode"])
	remove(a["id"].(string))

	// The read-only flag: any value makes the mode "ro"; access_mode is
	// "ro" only when an admin connects a volume flagged true.
	require.Equal(t, http.StatusAccepted, e.action("demo", "", vol, `{"os-update_readonly_flag":{"readonly":true}}`).code)
	a = create(`,"connector":{"host":"h"}`)
	assert.Equal(t, "ro", a["attach_mode"])
	assert.Equal(t, "rw", access(a), "connected by demo")
	remove(a["id"].(string))
	r = e.do("admin", "3.54", "POST", "attachments", `{"attachment":{"volume_uuid":"`+vol+`","connector":{"host":"h"}}}`)
	require.Equal(t, http.StatusOK, r.code, string(r.body))
	a = r.json(t)["attachment"].(map[string]any)
	assert.Equal(t, "ro", access(a), "connected by an admin")
	remove(a["id"].(string))
	require.Equal(t, http.StatusAccepted, e.action("demo", "", vol, `{"os-update_readonly_flag":{"readonly":false}}`).code)
	a = create(`,"connector":{"host":"h"}`)
	assert.Equal(t, "ro", a["attach_mode"], "the flag is tested as a non-empty string")
	assert.Equal(t, "rw", access(a))
}
