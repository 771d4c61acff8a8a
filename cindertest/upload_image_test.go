package cindertest_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/gocinder/cinder/cindertest"
)

// The os-volume_upload_image schema answers, as real Zed gives them.
func TestUploadImageSchema(t *testing.T) {
	t.Parallel()
	e := newEnv(t, cindertest.Options{})
	id := e.create("demo", `{"volume":{"size":1}}`)
	const bools = "[True, 'True', 'TRUE', 'true', '1', 'ON', 'On', 'on', 'YES', 'Yes', 'yes', 'y', 't', False, 'False', 'FALSE', 'false', '0', 'OFF', 'Off', 'off', 'NO', 'No', 'no', 'n', 'f']"
	long := strings.Repeat("x", 256)
	cases := []struct{ body, msg string }{
		{`{"image_name": ""}`, "image_name. Value: . '' is too short"},
		{`{"image_name": "` + long + `"}`, "image_name. Value: " + long + ". '" + long + "' is too long"},
		{`{"image_name": 5}`, "image_name. Value: 5. 5 is not of type 'string'"},
		{`{"image_name": null}`, "image_name. Value: None. None is not of type 'string'"},
		{`{}`, "os-volume_upload_image. Value: {}. 'image_name' is a required property"},
		{`{"bogus": 1}`, "os-volume_upload_image. Value: {'bogus': 1}. 'image_name' is a required property"},
		{`{"force": "x"}`, "force. Value: x. 'x' is not one of " + bools},
		{`{"image_name": "", "force": "x"}`, "image_name. Value: . '' is too short"},
		{`{"image_name": "a", "force": null}`, "force. Value: None. None is not of type 'boolean', 'string'"},
		{`{"image_name": "a", "protected": "maybe"}`, "protected. Value: maybe. 'maybe' is not one of " + bools},
		{`{"image_name": "a", "disk_format": "QCOW2"}`, "disk_format. Value: QCOW2. 'QCOW2' is not one of ['raw', 'vmdk', 'vdi', 'qcow2', 'vhd', 'vhdx', 'ploop']"},
		{`{"image_name": "a", "disk_format": null}`, "disk_format. Value: None. None is not of type 'string'"},
		{`{"image_name": "a", "container_format": 7}`, "container_format. Value: 7. 7 is not of type 'string', 'null'"},
		{`{"image_name": "a", "visibility": "bogus"}`, "visibility. Value: bogus. 'bogus' is not one of ['community', 'public', 'private', 'shared']"},
		{`{"image_name": "a", "protected": "x", "visibility": "x", "disk_format": "x", "force": "x", "container_format": 7}`,
			"force. Value: x. 'x' is not one of " + bools},
		{`{"image_name": "a", "protected": "x", "visibility": "x", "container_format": 7}`,
			"container_format. Value: 7. 7 is not of type 'string', 'null'"},
		{`null`, "os-volume_upload_image. Value: None. None is not of type 'object'"},
	}
	for _, tc := range cases {
		r := e.action("demo", "", id, `{"os-volume_upload_image": `+tc.body+`}`)
		assert.JSONEq(t, `{"badRequest": {"code": 400, "message": "Invalid input for field/attribute `+tc.msg+`"}}`, string(r.body), tc.body)
	}
	// Real Zed shows the body's keys in request order; the emulator sorts them.
	r := e.action("demo", "", id, `{"os-volume_upload_image": {"image_name": "a", "bogus": 1}}`)
	assert.Contains(t, string(r.body), ". Additional properties are not allowed ('bogus' was unexpected)")
	r = e.action("demo", "", id, `{"os-volume_upload_image": {"image_name": "a", "b": 1, "a": 2}}`)
	assert.Contains(t, string(r.body), ". Additional properties are not allowed ('a', 'b' were unexpected)")
	assert.Equal(t, 400, r.code)
	assert.Equal(t, "available", e.volume("demo", "", id)["status"])
	r = e.action("demo", "", id, `{"os-volume_upload_image": {"image_name": "a", "force": "On", "container_format": null}}`)
	assert.Equal(t, 202, r.code, string(r.body))
}
