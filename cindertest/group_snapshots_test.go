package cindertest_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder/cindertest"
)

// groupWithVolumes makes a demo group with n volumes; it returns the group
// and volume IDs.
func (e *env) groupWithVolumes(gt string, n int) (string, []string) {
	e.t.Helper()
	g := e.createGroup("demo", `{"group":{"name":"ctgrp-g","group_type":"`+gt+`","volume_types":["__DEFAULT__"]}}`)
	var vols []string
	for range n {
		vols = append(vols, e.create("demo", `{"volume":{"size":1,"group_id":"`+g+`","volume_type":"__DEFAULT__"}}`))
	}
	return g, vols
}

func (e *env) createGroupSnapshot(g, name string) string {
	e.t.Helper()
	r := e.do("demo", "3.70", "POST", "group_snapshots", `{"group_snapshot":{"group_id":"`+g+`","name":"`+name+`","description":"nightly"}}`)
	require.Equal(e.t, http.StatusAccepted, r.code, string(r.body))
	return r.json(e.t)["group_snapshot"].(map[string]any)["id"].(string)
}

func TestGroupSnapshotCreateShowDelete(t *testing.T) {
	t.Parallel()
	e, gt := groupEnv(t, cindertest.Options{})
	g, vols := e.groupWithVolumes(gt, 2)
	r := e.do("demo", "3.70", "POST", "group_snapshots", `{"group_snapshot":{"group_id":"`+g+`","name":"ctgrp-gs1","description":"nightly"}}`)
	require.Equal(t, http.StatusAccepted, r.code, string(r.body))
	created := r.json(t)["group_snapshot"].(map[string]any)
	id := created["id"].(string)
	assert.Equal(t, map[string]any{"id": id, "name": "ctgrp-gs1", "group_type_id": gt}, created)

	r = e.do("demo", "3.70", "GET", "group_snapshots/"+id, "")
	require.Equal(t, http.StatusOK, r.code)
	gs := r.json(t)["group_snapshot"].(map[string]any)
	assert.Equal(t, map[string]any{"id": id, "group_id": g, "group_type_id": gt, "status": "available",
		"created_at": gs["created_at"], "name": "ctgrp-gs1", "description": "nightly"}, gs)
	assert.Equal(t, e.demoProj, e.do("admin", "3.70", "GET", "group_snapshots/"+id, "").json(t)["group_snapshot"].(map[string]any)["project_id"])

	r = e.do("admin", "3.70", "GET", "snapshots/detail?all_tenants=1&group_snapshot_id="+id, "")
	require.Equal(t, http.StatusOK, r.code)
	members := r.json(t)["snapshots"].([]any)
	require.Len(t, members, 2)
	var onVols []string
	for _, m := range members {
		s := m.(map[string]any)
		assert.Equal(t, "ctgrp-gs1", s["name"])
		assert.Equal(t, "nightly", s["description"])
		assert.Equal(t, "available", s["status"])
		onVols = append(onVols, s["volume_id"].(string))
	}
	assert.ElementsMatch(t, vols, onVols)
	sid := members[0].(map[string]any)["id"].(string)
	assertFault(t, e.do("demo", "3.70", "DELETE", "snapshots/"+sid, ""), 400,
		"Invalid snapshot: Snapshot status must be available or error and must not be part of a group.")
	assertFault(t, e.do("demo", "3.70", "POST", "groups/"+g+"/action", `{"delete":{"delete-volumes":true}}`), 400,
		"Invalid Group: Group has existing snapshots.")

	assertFault(t, e.do("demo", "3.70", "GET", "group_snapshots/"+deadID, ""), 404, "GroupSnapshot "+deadID+" could not be found.")
	assertFault(t, e.do("demo", "3.13", "GET", "group_snapshots/"+id, ""), 404, "The resource could not be found.")
	assertFault(t, e.do("demo", "3.70", "PUT", "group_snapshots/"+id, `{"group_snapshot":{}}`), 400,
		"There is no such action: update. Verify the request body and Content-Type header and try again.")

	require.Equal(t, http.StatusAccepted, e.do("demo", "3.70", "DELETE", "group_snapshots/"+id, "").code)
	assertFault(t, e.do("demo", "3.70", "GET", "group_snapshots/"+id, ""), 404, "GroupSnapshot "+id+" could not be found.")
	r = e.do("admin", "3.70", "GET", "snapshots?all_tenants=1", "")
	assert.Empty(t, r.json(t)["snapshots"], "member snapshots go with the group snapshot")
	require.Equal(t, http.StatusAccepted, e.do("demo", "3.70", "POST", "groups/"+g+"/action", `{"delete":{"delete-volumes":true}}`).code)
}

func TestGroupSnapshotCreateErrors(t *testing.T) {
	t.Parallel()
	e, gt := groupEnv(t, cindertest.Options{Quotas: cindertest.Quotas{Snapshots: 1}})
	g, _ := e.groupWithVolumes(gt, 2)
	for _, tc := range []struct {
		mv, body string
		code     int
		msg      string
	}{
		{"3.70", `{"group_id":"` + deadID + `"}`, 404, "Group " + deadID + " could not be found."},
		{"3.70", `{}`, 400, "Invalid input for field/attribute group_snapshot. Value: {}. 'group_id' is a required property"},
		{"3.70", `{"group_id":"x"}`, 400, "Invalid input for field/attribute group_id. Value: x. 'x' is not a 'uuid'"},
		{"3.13", `{"group_id":"` + g + `"}`, 404, "The resource could not be found."},
		{"3.70", `{"group_id":"` + g + `"}`, 413, "SnapshotLimitExceeded: Maximum number of snapshots allowed (1) exceeded"},
	} {
		assertFault(t, e.do("demo", tc.mv, "POST", "group_snapshots", `{"group_snapshot":`+tc.body+`}`), tc.code, tc.msg)
	}
	r := e.do("admin", "3.70", "GET", "group_snapshots?all_tenants=1", "")
	assert.Empty(t, r.json(t)["group_snapshots"], "a refused create leaves nothing behind")
}

func TestGroupSnapshotListAndReset(t *testing.T) {
	t.Parallel()
	e, gt := groupEnv(t, cindertest.Options{})
	g, _ := e.groupWithVolumes(gt, 1)
	a := e.createGroupSnapshot(g, "ctgrp-a")
	b := e.createGroupSnapshot(g, "ctgrp-b")

	r := e.do("demo", "3.70", "GET", "group_snapshots", "")
	require.Equal(t, http.StatusOK, r.code)
	assert.Equal(t, map[string]any{"id": b, "name": "ctgrp-b"}, r.json(t)["group_snapshots"].([]any)[0], "summary: id and name")
	assert.Equal(t, []string{"ctgrp-a"}, namesOf(t, e.do("demo", "3.70", "GET",
		"group_snapshots/detail?status=available&group_id="+g+"&sort=name:asc&limit=1", ""), "group_snapshots"))
	r = e.do("demo", "3.70", "GET", "group_snapshots?group_id="+g+"&limit=1&sort=name:asc", "")
	href := r.json(t)["group_snapshot_links"].([]any)[0].(map[string]any)["href"].(string)
	assert.True(t, strings.HasSuffix(href, "/group_snapshots?group_id="+g+"&limit=1&sort=name%3Aasc&marker="+a), href)
	assertFault(t, e.do("demo", "3.70", "GET", "group_snapshots?name=x", ""), 400, "Invalid filters name are found in query options.")
	assertFault(t, e.do("demo", "3.70", "GET", "group_snapshots/detail?marker="+deadID, ""), 404, "GroupSnapshot "+deadID+" could not be found.")
	assertFault(t, e.do("admin", "3.70", "GET", "group_snapshots?sort=bogus", ""), 400, "Invalid input received: Invalid sort key")
	assert.Equal(t, []string{"ctgrp-b"}, namesOf(t, e.do("admin", "3.70", "GET", "group_snapshots?all_tenants=1&name=ctgrp-b", ""), "group_snapshots"))
	assert.Empty(t, e.do("demo", "3.70", "GET", "group_snapshots?limit=0", "").json(t)["group_snapshots"])

	// Before 3.29 Cinder reads no query parameter, but still links on limit.
	r = e.do("demo", "3.28", "GET", "group_snapshots?name=x&limit=0", "")
	require.Equal(t, http.StatusOK, r.code)
	out := r.json(t)
	assert.Len(t, out["group_snapshots"], 2)
	href = out["group_snapshot_links"].([]any)[0].(map[string]any)["href"].(string)
	assert.True(t, strings.HasSuffix(href, "/group_snapshots?name=x&limit=0&marker="+a), href)
	assert.NotContains(t, e.do("demo", "3.28", "GET", "group_snapshots", "").json(t), "group_snapshot_links")

	act := func(user, mv, body string) resp { return e.do(user, mv, "POST", "group_snapshots/"+a+"/action", body) }
	assertFault(t, act("admin", "3.70", `{"reset_status":{"status":"bogus"}}`), 400, "Invalid GroupSnapshot Status: Group snapshot "+
		"status: bogus is invalid, valid statuses are: ('error', 'available', 'creating', 'deleting', 'deleted', 'updating', 'error_deleting').")
	assertFault(t, act("admin", "3.18", `{"reset_status":{"status":"error"}}`), 404, "The resource could not be found.")
	assertFault(t, act("demo", "3.70", `{"reset_status":{"status":"error"}}`), 403,
		"Policy doesn't allow group:reset_group_snapshot_status to be performed.")
	assertFault(t, act("demo", "3.70", `{"bogus":{}}`), 400,
		"There is no such action: bogus. Verify the request body and Content-Type header and try again.")
	require.Equal(t, http.StatusAccepted, act("admin", "3.70", `{"reset_status":{"status":"deleting"}}`).code)
	assertFault(t, e.do("demo", "3.70", "DELETE", "group_snapshots/"+a, ""), 400, "Invalid GroupSnapshot: GroupSnapshot status "+
		"must be available or error, and no Group can be currently using it as source for its creation.")
}

func TestGroupCreateFromSource(t *testing.T) {
	t.Parallel()
	e, gt := groupEnv(t, cindertest.Options{Quotas: cindertest.Quotas{Volumes: 5}})
	g, vols := e.groupWithVolumes(gt, 2)
	gs := e.createGroupSnapshot(g, "ctgrp-gs")
	r := e.do("demo", "3.70", "POST", "groups/action", `{"create-from-src":{"group_snapshot_id":"`+gs+`","name":"ctgrp-fs","description":"from snapshot"}}`)
	require.Equal(t, http.StatusAccepted, r.code, string(r.body))
	fs := r.json(t)["group"].(map[string]any)["id"].(string)
	got := e.group("demo", "3.70", fs+"?list_volume=1")
	assert.Equal(t, "available", got["status"])
	assert.Equal(t, gs, got["group_snapshot_id"])
	assert.Nil(t, got["source_group_id"])
	assert.Equal(t, gt, got["group_type"])
	require.Len(t, got["volumes"], 2)
	nv := e.volume("demo", "3.70", got["volumes"].([]any)[0].(string))
	assert.Equal(t, fs, nv["group_id"])
	assert.NotNil(t, nv["snapshot_id"])

	for _, tc := range []struct {
		mv, body string
		code     int
		msg      string
	}{
		{"3.70", `{"source_group_id":"` + g + `"}`, 400, "Maximum number of volumes allowed (5) exceeded for quota 'volumes'."},
		{"3.70", `{"group_snapshot_id":"` + deadID + `"}`, 404, "GroupSnapshot " + deadID + " could not be found."},
		{"3.70", `{"source_group_id":"` + deadID + `"}`, 404, "Group " + deadID + " could not be found."},
		{"3.70", `{}`, 400, "Invalid input for field/attribute create-from-src. Value: {}. {} is not valid under any of the given schemas"},
		{"3.70", `{"source_group_id":"` + g + `","group_snapshot_id":"` + gs + `"}`, 400,
			"Invalid input for field/attribute create-from-src. Value: {'group_snapshot_id': '" + gs + "', 'source_group_id': '" + g +
				"'}. {'group_snapshot_id': '" + gs + "', 'source_group_id': '" + g + "'} is valid under each of " +
				"{'required': ['source_group_id']}, {'required': ['group_snapshot_id']}"},
		{"3.13", `{"source_group_id":"` + g + `"}`, 404, "The resource could not be found."},
	} {
		assertFault(t, e.do("demo", tc.mv, "POST", "groups/action", `{"create-from-src":`+tc.body+`}`), tc.code, tc.msg)
	}
	assertFault(t, e.do("demo", "3.70", "POST", "groups/action", `{"bogus":{}}`), 400,
		"There is no such action: bogus. Verify the request body and Content-Type header and try again.")

	empty := e.createGroup("demo", `{"group":{"group_type":"`+gt+`","volume_types":["__DEFAULT__"]}}`)
	assertFault(t, e.do("demo", "3.70", "POST", "groups/action", `{"create-from-src":{"source_group_id":"`+empty+`"}}`), 400,
		"Invalid Group: Source Group is empty. No group will be created.")

	require.Equal(t, http.StatusAccepted, e.do("demo", "3.70", "POST", "groups/"+fs+"/action", `{"delete":{"delete-volumes":true}}`).code)
	require.Equal(t, http.StatusAccepted, e.do("demo", "3.70", "DELETE", "group_snapshots/"+gs, "").code)
	r = e.do("demo", "3.70", "POST", "groups/action", `{"create-from-src":{"source_group_id":"`+g+`","name":"ctgrp-fg"}}`)
	require.Equal(t, http.StatusAccepted, r.code, string(r.body))
	fg := r.json(t)["group"].(map[string]any)["id"].(string)
	got = e.group("demo", "3.70", fg+"?list_volume=1")
	assert.Equal(t, g, got["source_group_id"])
	require.Len(t, got["volumes"], 2)
	assert.Contains(t, vols, e.volume("demo", "3.70", got["volumes"].([]any)[0].(string))["source_volid"])
}
