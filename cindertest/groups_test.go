package cindertest_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder/cindertest"
)

const deadID = "00000000-0000-4000-8000-00000000dead"

// createGroup makes a group as user and returns its ID (available on the next request).
func (e *env) createGroup(user, body string) string {
	e.t.Helper()
	r := e.do(user, "3.70", "POST", "groups", body)
	require.Equal(e.t, http.StatusAccepted, r.code, string(r.body))
	return r.json(e.t)["group"].(map[string]any)["id"].(string)
}

func (e *env) group(user, mv, id string) map[string]any {
	e.t.Helper()
	r := e.do(user, mv, "GET", "groups/"+id, "")
	require.Equal(e.t, http.StatusOK, r.code, string(r.body))
	return r.json(e.t)["group"].(map[string]any)
}

// groupEnv is an env with a public group type "ctgrp-gt".
func groupEnv(t *testing.T, opts cindertest.Options) (*env, string) {
	e := newEnv(t, opts)
	return e, e.createGroupType(`{"group_type":{"name":"ctgrp-gt"}}`)
}

func TestGroupCreateShow(t *testing.T) {
	t.Parallel()
	e, gt := groupEnv(t, cindertest.Options{})
	r := e.do("demo", "3.70", "POST", "groups",
		`{"group":{"name":" ctgrp-g1 ","description":"first","group_type":"ctgrp-gt","volume_types":["__DEFAULT__"]}}`)
	require.Equal(t, http.StatusAccepted, r.code, string(r.body))
	created := r.json(t)["group"].(map[string]any)
	id := created["id"].(string)
	assert.Equal(t, map[string]any{"id": id, "name": "ctgrp-g1"}, created)

	g := e.group("demo", "3.70", id)
	defType := e.do("admin", "", "GET", "types/default", "").json(t)["volume_type"].(map[string]any)["id"]
	assert.Equal(t, map[string]any{"id": id, "status": "available", "availability_zone": "nova",
		"created_at": g["created_at"], "name": "ctgrp-g1", "description": "first", "group_type": gt,
		"volume_types": []any{defType}, "group_snapshot_id": nil, "source_group_id": nil,
		"replication_status": "disabled"}, g)
	assert.Equal(t, e.demoProj, e.group("admin", "3.70", id)["project_id"], "project_id for admins at 3.58")
	assert.NotContains(t, e.group("admin", "3.57", id), "project_id")
	assert.Len(t, e.group("demo", "3.13", id), 8, "3.13 has no snapshot/source/replication fields")
	assert.Equal(t, []any{}, e.group("demo", "3.70", id+"?list_volume=True")["volumes"])
	assert.NotContains(t, e.group("demo", "3.24", id+"?list_volume=True"), "volumes")

	assertFault(t, e.do("demo", "3.12", "GET", "groups/"+id, ""), 404, "The resource could not be found.")
	assertFault(t, e.do("admin", "3.70", "GET", "groups/"+deadID, ""), 404, "Group "+deadID+" could not be found.")
	other := e.createGroup("admin", `{"group":{"group_type":"`+gt+`","volume_types":["__DEFAULT__"]}}`)
	assertFault(t, e.do("demo", "3.70", "GET", "groups/"+other, ""), 404, "Group "+other+" could not be found.")
	assertFault(t, e.do("demo", "3.70", "DELETE", "groups/"+id, ""), 500,
		"The server has either erred or is incapable of performing the requested operation.")
}

func TestGroupCreateErrors(t *testing.T) {
	t.Parallel()
	e, gt := groupEnv(t, cindertest.Options{Quotas: cindertest.Quotas{Groups: 1}})
	cg := ""
	for _, x := range e.do("admin", "3.70", "GET", "group_types", "").json(t)["group_types"].([]any) {
		if m := x.(map[string]any); m["name"] == "default_cgsnapshot_type" {
			cg = m["id"].(string)
		}
	}
	require.NotEmpty(t, cg)
	for _, tc := range []struct {
		body string
		code int
		msg  string
	}{
		{`{"group_type":"` + deadID + `","volume_types":["__DEFAULT__"]}`, 404, "Group type " + deadID + " could not be found."},
		{`{"group_type":"nosuch","volume_types":["__DEFAULT__"]}`, 404, "Group type with name nosuch could not be found."},
		{`{"group_type":"` + gt + `","volume_types":["nosuch"]}`, 404, "Volume type with name nosuch could not be found."},
		{`{"group_type":"` + gt + `","volume_types":[]}`, 400, "Invalid input for field/attribute volume_types. Value: []. [] is too short"},
		{`{"group_type":"` + gt + `","volume_types":["__DEFAULT__","__DEFAULT__"]}`, 400,
			"Invalid input for field/attribute volume_types. Value: ['__DEFAULT__', '__DEFAULT__']. ['__DEFAULT__', '__DEFAULT__'] has non-unique elements"},
		{`{"group_type":"` + gt + `"}`, 400,
			"Invalid input for field/attribute group. Value: {'group_type': '" + gt + "'}. 'volume_types' is a required property"},
		{`{"volume_types":["__DEFAULT__"]}`, 400,
			"Invalid input for field/attribute group. Value: {'volume_types': ['__DEFAULT__']}. 'group_type' is a required property"},
		{`{"group_type":"` + gt + `","volume_types":["__DEFAULT__"],"availability_zone":"bogus"}`, 400,
			"Invalid input received: Availability zone 'bogus' is invalid."},
		{`{"group_type":"` + cg + `","volume_types":["__DEFAULT__"]}`, 400,
			"Group_type " + cg + " is reserved for migrating CGs to groups. Migrated group can only be operated by CG APIs."},
	} {
		assertFault(t, e.do("demo", "3.70", "POST", "groups", `{"group":`+tc.body+`}`), tc.code, tc.msg)
	}
	e.createGroup("demo", `{"group":{"group_type":"`+gt+`","volume_types":["__DEFAULT__"]}}`)
	assertFault(t, e.do("demo", "3.70", "POST", "groups", `{"group":{"group_type":"`+gt+`","volume_types":["__DEFAULT__"]}}`),
		413, "GroupLimitExceeded: Maximum number of groups allowed (1) exceeded")
	r := e.do("demo", "3.70", "GET", "os-quota-sets/"+e.demoProj+"?usage=true", "")
	assert.Equal(t, map[string]any{"limit": 1.0, "in_use": 1.0, "reserved": 0.0}, r.json(t)["quota_set"].(map[string]any)["groups"])
}

func TestGroupVolumesAndUpdate(t *testing.T) {
	t.Parallel()
	e, gt := groupEnv(t, cindertest.Options{})
	other := e.createType(`{"volume_type":{"name":"ctgrp-vt2"}}`)
	g := e.createGroup("demo", `{"group":{"name":"ctgrp-g","group_type":"`+gt+`","volume_types":["__DEFAULT__"]}}`)
	assertFault(t, e.do("demo", "3.70", "POST", "volumes", `{"volume":{"size":1,"group_id":"`+g+`"}}`), 400,
		"Invalid input received: volume_type must be provided when creating a volume in a group.")
	r := e.do("demo", "3.70", "POST", "volumes", `{"volume":{"size":1,"group_id":"`+g+`","volume_type":"ctgrp-vt2"}}`)
	assertFault(t, r, 400, r.json(t)["badRequest"].(map[string]any)["message"].(string))
	assert.True(t, strings.HasPrefix(r.json(t)["badRequest"].(map[string]any)["message"].(string),
		"Invalid input received: Invalid volume_type provided: VolumeType(created_at="))
	assert.Contains(t, r.json(t)["badRequest"].(map[string]any)["message"],
		"name='ctgrp-vt2',projects=[],qos_specs=<?>,qos_specs_id=None,updated_at=None) (requested type must be supported by this group).")
	assertFault(t, e.do("demo", "3.70", "POST", "volumes", `{"volume":{"size":1,"group_id":"`+deadID+`","volume_type":"__DEFAULT__"}}`),
		404, "Group "+deadID+" could not be found.")

	v1 := e.create("demo", `{"volume":{"size":1,"group_id":"`+g+`","volume_type":"__DEFAULT__"}}`)
	assert.Equal(t, g, e.volume("demo", "3.70", v1)["group_id"])
	v2 := e.create("demo", `{"volume":{"size":1}}`)
	v3 := e.create("demo", `{"volume":{"size":1,"volume_type":"ctgrp-vt2"}}`)
	assertFault(t, e.do("demo", "3.70", "DELETE", "volumes/"+v1, ""), 400, "Invalid volume: Volume status must be available "+
		"or error or error_restoring or error_extending or error_managing and must not be migrating, attached, belong to a "+
		"group, have snapshots, awaiting a transfer, or be disassociated from snapshots after volume transfer.")

	for _, tc := range []struct {
		body string
		msg  string
	}{
		{`{"add_volumes":"` + v3 + `"}`, "Invalid volume: Cannot add volume " + v3 + " to group " + g + " because volume type " + other + " is not supported by the group."},
		{`{"add_volumes":"` + deadID + `"}`, "Invalid volume: Cannot add volume " + deadID + " to group " + g + " because volume cannot be found."},
		{`{"remove_volumes":"` + v2 + `"}`, "Invalid volume: Cannot remove volume " + v2 + " from group " + g + " because it is not in the group."},
		{`{"add_volumes":"` + v2 + `","remove_volumes":"` + v2 + `"}`, "Invalid volume: UUIDs ['" + v2 + "'] are in both add and remove volume list."},
		{`{}`, "Invalid input for field/attribute group. Value: {}. {} is not valid under any of the given schemas"},
		{`{"bogus":"x"}`, "Invalid input for field/attribute group. Value: {'bogus': 'x'}. {'bogus': 'x'} is not valid under any of the given schemas"},
		{`{"name":"ctgrp-g"}`, "Invalid Group: Cannot update group " + g + " because no valid name, description, add_volumes, or remove_volumes were provided."},
	} {
		assertFault(t, e.do("demo", "3.70", "PUT", "groups/"+g, `{"group":`+tc.body+`}`), 400, tc.msg)
	}
	r = e.do("demo", "3.70", "PUT", "groups/"+g, `{"group":{"add_volumes":"`+v2+`,","description":"d"}}`)
	require.Equal(t, http.StatusAccepted, r.code, string(r.body))
	assert.Empty(t, r.body)
	// The answer to the first GET is built after the update completed.
	got := e.group("demo", "3.70", g+"?list_volume=true")
	assert.Equal(t, "available", got["status"])
	assert.Equal(t, "d", got["description"])
	assert.Equal(t, []any{v1, v2}, got["volumes"])
	assert.Equal(t, g, e.volume("demo", "3.70", v2)["group_id"])

	require.Equal(t, http.StatusAccepted, e.do("demo", "3.70", "PUT", "groups/"+g, `{"group":{"remove_volumes":"`+v1+`"}}`).code)
	assert.Nil(t, e.volume("demo", "3.70", v1)["group_id"])
	assertFault(t, e.do("demo", "3.70", "POST", "groups/"+g+"/action", `{"delete":{}}`), 400,
		"Invalid Group: Group "+g+" still contains volumes. The delete-volumes flag is required to delete it.")
}

func TestGroupListAndFilters(t *testing.T) {
	t.Parallel()
	e, gt := groupEnv(t, cindertest.Options{})
	body := func(name string) string {
		return `{"group":{"name":"` + name + `","group_type":"` + gt + `","volume_types":["__DEFAULT__"]}}`
	}
	a := e.createGroup("demo", body("ctgrp-a"))
	b := e.createGroup("demo", body("ctgrp-b"))
	e.createGroup("admin", body("ctgrp-admin"))

	assert.Equal(t, []string{"ctgrp-b", "ctgrp-a"}, namesOf(t, e.do("demo", "3.70", "GET", "groups", ""), "groups"))
	r := e.do("demo", "3.70", "GET", "groups/detail?limit=1&list_volume=True&sort=name:asc", "")
	require.Equal(t, http.StatusOK, r.code)
	out := r.json(t)
	require.Len(t, out["groups"], 1)
	assert.Equal(t, []any{}, out["groups"].([]any)[0].(map[string]any)["volumes"])
	href := out["group_links"].([]any)[0].(map[string]any)["href"].(string)
	assert.True(t, strings.HasSuffix(href, "/v3/"+e.demoProj+"/groups?limit=1&list_volume=True&sort=name%3Aasc&marker="+a), href)
	assert.Equal(t, []string{"ctgrp-b"}, namesOf(t, e.do("demo", "3.70", "GET", "groups?marker="+a+"&sort=name:asc", ""), "groups"))
	assertFault(t, e.do("demo", "3.70", "GET", "groups?marker="+deadID, ""), 404, "Group "+deadID+" could not be found.")
	assertFault(t, e.do("demo", "3.70", "GET", "groups?sort=bogus", ""), 400, "Invalid input received: Invalid sort key")
	assertFault(t, e.do("demo", "3.70", "GET", "groups?name=ctgrp-a", ""), 400, "Invalid filters name are found in query options.")
	assertFault(t, e.do("demo", "3.31", "GET", "groups?name=ctgrp-a", ""), 400, "Invalid filters name are found in query options.")
	assert.Len(t, namesOf(t, e.do("demo", "3.30", "GET", "groups?name=ctgrp-a", ""), "groups"), 2, "dropped before 3.31")
	assert.Equal(t, []string{"ctgrp-a"}, namesOf(t, e.do("admin", "3.70", "GET", "groups?all_tenants=1&name=ctgrp-a", ""), "groups"))
	assert.Len(t, namesOf(t, e.do("admin", "3.70", "GET", "groups?all_tenants=1", ""), "groups"), 3)
	assert.Len(t, namesOf(t, e.do("admin", "3.70", "GET", "groups?all_tenants=1&project_id="+e.demoProj, ""), "groups"), 2)
	assert.Equal(t, []string{"ctgrp-b"}, namesOf(t, e.do("admin", "3.70", "GET", "groups?all_tenants=1&id="+b, ""), "groups"))
}

func TestGroupActions(t *testing.T) {
	t.Parallel()
	e, gt := groupEnv(t, cindertest.Options{})
	g := e.createGroup("demo", `{"group":{"group_type":"`+gt+`","volume_types":["__DEFAULT__"]}}`)
	act := func(user, mv, body string) resp { return e.do(user, mv, "POST", "groups/"+g+"/action", body) }
	notRep := "Invalid group type: Group " + g + " is not a replication group type."
	for _, name := range []string{"enable_replication", "disable_replication", "failover_replication", "list_replication_targets"} {
		assertFault(t, act("demo", "3.70", `{"`+name+`":{}}`), 400, notRep)
		assertFault(t, act("demo", "3.37", `{"`+name+`":{}}`), 404, "The resource could not be found.")
	}
	assertFault(t, act("demo", "3.70", `{"failover_replication":{"bogus":1}}`), 400,
		"Invalid input for field/attribute failover_replication. Value: {'bogus': 1}. Additional properties are not allowed ('bogus' was unexpected)")
	assertFault(t, act("demo", "3.70", `{"bogus":{}}`), 400,
		"There is no such action: bogus. Verify the request body and Content-Type header and try again.")

	assertFault(t, act("admin", "3.70", `{"reset_status":{"status":"bogus"}}`), 400, "Invalid Group Status: Group status: bogus is invalid, "+
		"valid status are: ('error', 'available', 'creating', 'deleting', 'deleted', 'updating', 'in-use', 'error_deleting').")
	assertFault(t, act("admin", "3.70", `{"reset_status":{"status":""}}`), 400, "Invalid Group Status: The 'status' can not be empty.")
	assertFault(t, act("admin", "3.70", `{"reset_status":{}}`), 400,
		"Invalid input for field/attribute reset_status. Value: {}. 'status' is a required property")
	assertFault(t, act("admin", "3.19", `{"reset_status":{"status":"error"}}`), 404, "The resource could not be found.")
	assertFault(t, act("demo", "3.70", `{"reset_status":{"status":"error"}}`), 403, "Policy doesn't allow group:reset_status to be performed.")
	require.Equal(t, http.StatusAccepted, act("admin", "3.70", `{"reset_status":{"status":"ERROR"}}`).code)
	assert.Equal(t, "error", e.group("demo", "3.70", g)["status"])

	assertFault(t, act("demo", "3.70", `{"delete":{"delete-volumes":"maybe"}}`), 400,
		"Invalid input for field/attribute delete-volumes. Value: maybe. 'maybe' is not one of [True, 'True', 'TRUE', 'true', "+
			"'1', 'ON', 'On', 'on', 'YES', 'Yes', 'yes', 'y', 't', False, 'False', 'FALSE', 'false', '0', 'OFF', 'Off', 'off', 'NO', 'No', 'no', 'n', 'f']")
	assertFault(t, act("demo", "3.70", `{"delete":null}`), 400, "Invalid input for field/attribute delete. Value: None. None is not of type 'object'")
	require.Equal(t, http.StatusAccepted, act("admin", "3.70", `{"reset_status":{"status":"updating"}}`).code)
	assertFault(t, act("demo", "3.70", `{"delete":{}}`), 400, "Invalid Group: Group status must be available or error, but current status is: updating")
	require.Equal(t, http.StatusAccepted, act("demo", "3.70", `{"delete":{"delete-volumes":true}}`).code)
	assertFault(t, e.do("demo", "3.70", "GET", "groups/"+g, ""), 404, "Group "+g+" could not be found.")
}

func TestGroupReplication(t *testing.T) {
	t.Parallel()
	e := newEnv(t, cindertest.Options{})
	rep := e.createGroupType(`{"group_type":{"name":"ctgrp-rep","group_specs":{"group_replication_enabled":"<is> True"}}}`)
	vt := e.createType(`{"volume_type":{"name":"ctgrp-vtrep","extra_specs":{"replication_enabled":"<is> True"}}}`)
	plain := e.createGroup("admin", `{"group":{"group_type":"`+rep+`","volume_types":["__DEFAULT__"]}}`)
	defType := e.do("admin", "", "GET", "types/default", "").json(t)["volume_type"].(map[string]any)["id"].(string)
	assertFault(t, e.do("admin", "3.70", "POST", "groups/"+plain+"/action", `{"enable_replication":{}}`), 400,
		"Invalid volume type: Volume type "+defType+" does not have 'replication_enabled' spec key set to '<is> True'.")

	g := e.createGroup("admin", `{"group":{"group_type":"`+rep+`","volume_types":["`+vt+`"]}}`)
	assert.Equal(t, "error", e.group("admin", "3.70", g)["status"], "no backend reports replication")
	act := func(body string) resp { return e.do("admin", "3.70", "POST", "groups/"+g+"/action", body) }
	assertFault(t, act(`{"enable_replication":{}}`), 400,
		"Invalid Group: Group "+g+" status must be ['available'], but current status is: error. Cannot enable replication.")
	assertFault(t, act(`{"disable_replication":{}}`), 400, "Invalid Group: Group "+g+
		" replication status must be ['enabled', 'error'], but current status is: disabled. Cannot disable replication.")
	r := act(`{"list_replication_targets":{}}`)
	require.Equal(t, http.StatusOK, r.code)
	assert.JSONEq(t, `{"replication_targets": []}`, string(r.body))

	require.Equal(t, http.StatusAccepted, act(`{"reset_status":{"status":"available"}}`).code)
	require.Equal(t, http.StatusAccepted, act(`{"enable_replication":{}}`).code)
	assert.Equal(t, "enabled", e.group("admin", "3.70", g)["replication_status"])
	require.Equal(t, http.StatusAccepted, act(`{"failover_replication":{"allow_attached_volume":true}}`).code)
	assert.Equal(t, "failed-over", e.group("admin", "3.70", g)["replication_status"])
	assert.NotContains(t, e.group("admin", "3.37", g), "replication_status")

	// An unscheduled group is removed from the database at once.
	require.Equal(t, http.StatusAccepted, act(`{"delete":{}}`).code)
	assertFault(t, e.do("admin", "3.70", "GET", "groups/"+g, ""), 404, "Group "+g+" could not be found.")
	e.createGroup("admin", `{"group":{"group_type":"`+rep+`","volume_types":["`+vt+`"]}}`)
	assertFault(t, e.do("admin", "", "DELETE", "types/"+vt, ""), 400, "Target volume type is still in use.")
}
