package cindertest_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder/cindertest"
)

// GET /volumes/{id}/encryption shows the key ID and the values of the
// volume type's encryption, as Cinder reads them.
func TestVolumeEncryptionFromType(t *testing.T) {
	t.Parallel()
	e := newEnv(t, cindertest.Options{})
	r := e.do("admin", "", "POST", "types", `{"volume_type":{"name":"enc"}}`)
	require.Equal(t, http.StatusOK, r.code, string(r.body))
	typeID := r.json(t)["volume_type"].(map[string]any)["id"].(string)
	r = e.do("admin", "", "POST", "types/"+typeID+"/encryption",
		`{"encryption":{"provider":"plain","control_location":"back-end","cipher":"aes-cbc-essiv","key_size":128}}`)
	require.Equal(t, http.StatusOK, r.code, string(r.body))
	id := e.create("admin", `{"volume":{"size":1,"volume_type":"enc"}}`)
	key := e.do("admin", "3.64", "GET", "volumes/"+id, "").json(t)["volume"].(map[string]any)["encryption_key_id"]
	require.NotEmpty(t, key)
	r = e.do("admin", "", "GET", "volumes/"+id+"/encryption", "")
	assert.JSONEq(t, `{"encryption_key_id": "`+key.(string)+`", "provider": "plain", "control_location": "back-end",
		"cipher": "aes-cbc-essiv", "key_size": 128}`, string(r.body))

	plain := e.create("admin", `{"volume":{"size":1}}`)
	assert.JSONEq(t, `{"encryption_key_id": null}`, string(e.do("admin", "", "GET", "volumes/"+plain+"/encryption", "").body))
}
