package cindertest_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder/cindertest"
)

// Real Zed's manage answer (testdata/volumes/manage.json): "creating",
// size 0, no keys of later microversions, migration_status; a backend
// volume that does not exist ends in error with size 0.
func TestManageAnswer(t *testing.T) {
	t.Parallel()
	e := newEnv(t, cindertest.Options{})
	r := e.do("admin", "3.70", "POST", "manageable_volumes",
		`{"volume":{"host":"emulator@lvm#pool","ref":{"source-name":"missing"},"name":"m","metadata":{"k":"v"}}}`)
	require.Equal(t, http.StatusAccepted, r.code, string(r.body))
	v := r.json(t)["volume"].(map[string]any)
	assert.ElementsMatch(t, []string{"id", "status", "size", "availability_zone", "created_at", "updated_at", "name",
		"description", "volume_type", "snapshot_id", "source_volid", "metadata", "links", "user_id", "bootable",
		"encrypted", "replication_status", "consistencygroup_id", "multiattach", "attachments", "migration_status"}, keys(v))
	assert.Equal(t, "creating", v["status"])
	assert.Equal(t, 0.0, v["size"])
	assert.Nil(t, v["updated_at"])
	assert.Nil(t, v["migration_status"])
	assert.Equal(t, map[string]any{"k": "v"}, v["metadata"])
	got := e.volume("admin", "", v["id"].(string))
	assert.Equal(t, "error", got["status"])
	assert.Equal(t, 0.0, got["size"])

	r = e.do("admin", "3.70", "POST", "manageable_volumes",
		`{"volume":{"host":"emulator@lvm#pool","ref":{"source-name":"emu-unmanaged-2"}}}`)
	require.Equal(t, http.StatusAccepted, r.code, string(r.body))
	v = r.json(t)["volume"].(map[string]any)
	assert.Equal(t, "creating", v["status"])
	assert.Equal(t, 0.0, v["size"])
	got = e.volume("admin", "", v["id"].(string))
	assert.Equal(t, "available", got["status"])
	assert.Equal(t, 2.0, got["size"], "the backend volume's size")

	r = e.do("admin", "3.7", "POST", "os-volume-manage",
		`{"volume":{"host":"emulator@lvm#pool","ref":{"source-name":"emu-unmanaged-1"}}}`)
	require.Equal(t, http.StatusAccepted, r.code, string(r.body))
	v = r.json(t)["volume"].(map[string]any)
	assert.Equal(t, "creating", v["status"])
	assert.Contains(t, v, "migration_status")
	assert.Equal(t, 1.0, e.volume("admin", "", v["id"].(string))["size"])
}

// An unmanaged volume stays on the backend as volume-<id> and can be managed
// again, as gophercloud's TestManageableVolumes does on a real cloud.
func TestUnmanageThenManage(t *testing.T) {
	t.Parallel()
	e := newEnv(t, cindertest.Options{})
	id := e.create("admin", `{"volume":{"size":3,"name":"back"}}`)
	host := e.volume("admin", "3.8", id)["os-vol-host-attr:host"].(string)
	require.Equal(t, http.StatusAccepted, e.action("admin", "", id, `{"os-unmanage": {}}`).code)
	r := e.do("admin", "3.8", "POST", "manageable_volumes", `{"volume":{"host":"`+host+`","ref":{"source-name":"volume-`+id+`"},"name":"back"}}`)
	require.Equal(t, http.StatusAccepted, r.code, string(r.body))
	v := e.volume("admin", "3.8", r.json(t)["volume"].(map[string]any)["id"].(string))
	assert.Equal(t, "available", v["status"])
	assert.Equal(t, 3.0, v["size"])
}
