package cindertest_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder/cindertest"
)

// The volume sort keys, each checked against real Zed: "name" and
// display_name, the columns of the volumes table and its relationships;
// "description" is no column (display_description is).
func TestVolumeSortKeys(t *testing.T) {
	t.Parallel()
	e := newEnv(t, cindertest.Options{})
	e.create("admin", `{"volume":{"size":1}}`)
	accepted := []string{"id", "status", "size", "availability_zone", "name", "display_name", "bootable",
		"created_at", "updated_at", "volume_type", "volume_type_id", "project_id", "user_id", "host",
		"migration_status", "display_description", "multiattach", "attach_status", "replication_status",
		"consistencygroup_id", "group_id", "encryption_key_id", "provider_location", "deleted", "deleted_at",
		"launched_at", "terminated_at", "scheduled_at", "snapshot_id", "source_volid", "cluster_name",
		"service_uuid", "shared_targets", "use_quota", "previous_status", "provider_auth", "provider_id",
		"provider_geometry", "_name_id", "ec2_id", "replication_extended_status", "replication_driver_data",
		"volume_metadata", "volume_admin_metadata", "volume_glance_metadata", "volume_attachment", "snapshots",
		"consistencygroup", "group", "service", "size:asc", "display_name:desc"}
	for _, k := range accepted {
		r := e.do("admin", "3.70", "GET", "volumes/detail?sort="+k, "")
		assert.Equal(t, http.StatusOK, r.code, k)
	}
	refused := []string{"description", "bogus", "reference", "instance_uuid", "mountpoint", "admin_metadata",
		"metadata", "glance_metadata", "attached_host", "availability_zone_id", "volume_type_name", "name_id",
		"cluster", "glance_image_id", "encrypted"}
	for _, k := range refused {
		r := e.do("admin", "3.70", "GET", "volumes/detail?sort="+k, "")
		assert.JSONEq(t, `{"badRequest": {"code": 400, "message": "Invalid input received: Invalid sort key"}}`, string(r.body), k)
	}
}

func TestVolumeSortByHost(t *testing.T) {
	t.Parallel()
	e := newEnv(t, cindertest.Options{})
	a := e.create("admin", `{"volume":{"size":1}}`)
	b := e.create("admin", `{"volume":{"size":1}}`)
	require.Equal(t, 202, e.action("admin", "", a, `{"os-migrate_volume":{"host":"emulator@lvm2#pool"}}`).code)
	ids := func(sort string) []string {
		var out []string
		for _, v := range e.do("admin", "", "GET", "volumes?sort="+sort, "").json(t)["volumes"].([]any) {
			out = append(out, v.(map[string]any)["id"].(string))
		}
		return out
	}
	assert.Equal(t, []string{b, a}, ids("host:asc"), "emulator@lvm#pool < emulator@lvm2#pool")
	assert.Equal(t, []string{a, b}, ids("host:desc"))
	assert.Equal(t, []string{b, a}, ids("migration_status:asc"), "null before success")
}
