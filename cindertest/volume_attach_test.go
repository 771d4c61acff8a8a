package cindertest_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder/cindertest"
)

// Real Zed: os-reserve shows "attaching" (the attachments API's reservation
// "reserved"), and os-unreserve only undoes the former.
func TestReserveShowsAttaching(t *testing.T) {
	t.Parallel()
	e := newEnv(t, cindertest.Options{})
	id := e.create("admin", `{"volume":{"size":1}}`)
	assert.Equal(t, 202, e.action("admin", "", id, `{"os-reserve":null}`).code)
	assert.Equal(t, "attaching", e.volume("admin", "", id)["status"])
	r := e.action("admin", "", id, `{"os-reserve":null}`)
	assert.JSONEq(t, `{"badRequest": {"code": 400, "message": "Invalid volume: Volume status must be available to reserve, but the status is attaching."}}`, string(r.body))
	r = e.do("admin", "3.27", "GET", "attachments", "")
	assert.JSONEq(t, `{"attachments": []}`, string(r.body), "os-reserve makes no attachment")
	assert.Equal(t, 202, e.action("admin", "", id, `{"os-unreserve":null}`).code)
	assert.Equal(t, "available", e.volume("admin", "", id)["status"])

	r = e.do("admin", "3.27", "POST", "attachments",
		`{"attachment":{"volume_uuid":"`+id+`","instance_uuid":"11111111-2222-4333-8444-555555555555"}}`)
	require.Equal(t, http.StatusOK, r.code, string(r.body))
	assert.Equal(t, "reserved", e.volume("admin", "", id)["status"])
	r = e.action("admin", "", id, `{"os-reserve":null}`)
	assert.JSONEq(t, `{"badRequest": {"code": 400, "message": "Invalid volume: Volume status must be available to reserve, but the status is reserved."}}`, string(r.body))
	assert.Equal(t, 202, e.action("admin", "", id, `{"os-unreserve":null}`).code)
	assert.Equal(t, "reserved", e.volume("admin", "", id)["status"], "os-unreserve leaves an attachment's reservation")
}

// Real Zed: detaching an attachment ID the volume does not have is a 409
// (with two spaces: no instance), another volume's attachment a 400.
func TestDetachUnknownAttachment(t *testing.T) {
	t.Parallel()
	e := newEnv(t, cindertest.Options{})
	a := e.create("admin", `{"volume":{"size":1}}`)
	b := e.create("admin", `{"volume":{"size":1}}`)
	const conflict = `{"conflictingRequest": {"code": 409, "message": "ConflictNovaUsingAttachment: Detach volume from instance  using the Compute API"}}`
	const unknown = `"attachment_id":"9b7d9f0e-0000-4000-8000-00000000dead"`
	for _, act := range []string{"os-force_detach", "os-detach"} {
		r := e.action("admin", "", a, `{"`+act+`":{`+unknown+`}}`)
		assert.Equal(t, http.StatusConflict, r.code, act)
		assert.JSONEq(t, conflict, string(r.body), act)
	}
	assert.Equal(t, 202, e.action("admin", "", a, `{"os-force_detach":{}}`).code, "no ID, nothing attached")
	r := e.action("admin", "", a, `{"os-force_detach":null}`)
	assert.JSONEq(t, `{"badRequest": {"code": 400, "message": "Invalid input for field/attribute os-force_detach. Value: None. None is not of type 'object'"}}`, string(r.body))

	require.Equal(t, 202, e.action("admin", "", a, `{"os-attach":{"instance_uuid":"11111111-2222-4333-8444-555555555555","mountpoint":"/dev/vdb"}}`).code)
	require.Equal(t, 202, e.action("admin", "", b, `{"os-attach":{"host_name":"h","mountpoint":"/dev/vdc"}}`).code)
	bAtt := e.volume("admin", "", b)["attachments"].([]any)[0].(map[string]any)["attachment_id"].(string)
	for _, act := range []string{"os-force_detach", "os-detach"} {
		r = e.action("admin", "", a, `{"`+act+`":{`+unknown+`}}`)
		assert.JSONEq(t, conflict, string(r.body), act)
		r = e.action("admin", "", a, `{"`+act+`":{"attachment_id":"`+bAtt+`"}}`)
		assert.JSONEq(t, `{"badRequest": {"code": 400, "message": "Invalid input received: Mismatched volume and attachment"}}`, string(r.body), act)
	}
	assert.Equal(t, "in-use", e.volume("admin", "", a)["status"])
	assert.Equal(t, "in-use", e.volume("admin", "", b)["status"])
}

// Real Zed checks the read-only flag first, without the "Invalid volume" prefix.
func TestAttachReadOnlyInRWMode(t *testing.T) {
	t.Parallel()
	e := newEnv(t, cindertest.Options{})
	id := e.create("admin", `{"volume":{"size":1}}`)
	require.Equal(t, 202, e.action("admin", "", id, `{"os-update_readonly_flag":{"readonly":true}}`).code)
	want := `{"badRequest": {"code": 400, "message": "Invalid attaching mode 'rw' for volume ` + id + `."}}`
	for _, mode := range []string{`,"mode":"rw"`, ``} {
		r := e.action("admin", "", id, `{"os-attach":{"instance_uuid":"11111111-2222-4333-8444-555555555555","mountpoint":"/dev/vdb"`+mode+`}}`)
		assert.JSONEq(t, want, string(r.body), mode)
	}
	v := e.volume("admin", "", id)
	assert.Equal(t, "available", v["status"])
	assert.Empty(t, v["attachments"])
	assert.Equal(t, 202, e.action("admin", "", id, `{"os-attach":{"instance_uuid":"11111111-2222-4333-8444-555555555555","mountpoint":"/dev/vdb","mode":"ro"}}`).code)
}
