package cindertest_test

import (
	"fmt"
	"net/http"
	"net/url"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gocinder/cinder/cindertest"
)

func keys(m map[string]any) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func TestVolumeCreateShowFieldsByMicroversion(t *testing.T) {
	t.Parallel()
	e := newEnv(t, cindertest.Options{})
	r := e.do("demo", "", "POST", "volumes", `{"volume":{"size":1,"name":"a","description":"d","metadata":{"k":"v"}}}`)
	require.Equal(t, http.StatusAccepted, r.code)
	v := r.json(t)["volume"].(map[string]any)
	assert.Equal(t, "creating", v["status"])
	assert.Equal(t, "__DEFAULT__", v["volume_type"])
	assert.Equal(t, "false", v["bootable"])
	assert.NotContains(t, v, "os-vol-tenant-attr:tenant_id")
	id := v["id"].(string)

	base := []string{"id", "status", "size", "availability_zone", "created_at", "updated_at", "name", "description",
		"volume_type", "snapshot_id", "source_volid", "metadata", "links", "user_id", "bootable", "encrypted",
		"replication_status", "consistencygroup_id", "multiattach", "attachments", "os-vol-tenant-attr:tenant_id"}
	got := e.volume("demo", "3.0", id)
	assert.Equal(t, "available", got["status"])
	assert.ElementsMatch(t, base, keys(got))
	got = e.volume("demo", "3.70", id)
	assert.ElementsMatch(t, append(base, "group_id", "shared_targets", "service_uuid", "volume_type_id", "consumes_quota"), keys(got))
	adm := e.do("admin", "3.70", "GET", "volumes/detail?all_tenants=1", "").json(t)["volumes"].([]any)[0].(map[string]any)
	assert.ElementsMatch(t, append(base, "group_id", "shared_targets", "service_uuid", "volume_type_id", "consumes_quota",
		"provider_id", "cluster_name", "migration_status", "os-vol-mig-status-attr:migstat",
		"os-vol-mig-status-attr:name_id", "os-vol-host-attr:host"), keys(adm))
	links := got["links"].([]any)
	assert.Equal(t, e.srv.CinderURL()+"/v3/"+e.demoProj+"/volumes/"+id, links[0].(map[string]any)["href"])
	assert.Equal(t, e.srv.CinderURL()+"/"+e.demoProj+"/volumes/"+id, links[1].(map[string]any)["href"])
}

func TestVolumeCreateErrors(t *testing.T) {
	t.Parallel()
	e := newEnv(t, cindertest.Options{})
	z := "00000000-0000-0000-0000-000000000000"
	cases := []struct{ mv, body, want string }{
		{"", `{"volume":{}}`, `{"badRequest": {"code": 400, "message": "The server could not comply with the request since it is either malformed or otherwise incorrect."}}`},
		{"", `{"volume":{"size":0}}`, `{"badRequest": {"code": 400, "message": "Invalid input for field/attribute size. Value: 0. 0 is less than the minimum of 1"}}`},
		{"", `{"volume":{"size":"abc"}}`, `{"badRequest": {"code": 400, "message": "Invalid input for field/attribute size. Value: abc. 'abc' does not match '^[0-9]+$'"}}`},
		{"", `{}`, `{"badRequest": {"code": 400, "message": "'volume' is a required property"}}`},
		{"", `garbage`, `{"badRequest": {"code": 400, "message": "Malformed request body"}}`},
		{"", `{"volume":{"size":1,"volume_type":"nope"}}`, `{"itemNotFound": {"code": 404, "message": "Volume type with name nope could not be found."}}`},
		{"", `{"volume":{"size":1,"snapshot_id":"` + z + `"}}`, `{"itemNotFound": {"code": 404, "message": "Snapshot ` + z + ` could not be found."}}`},
		{"", `{"volume":{"size":1,"source_volid":"` + z + `"}}`, `{"itemNotFound": {"code": 404, "message": "Volume ` + z + ` could not be found."}}`},
		{"3.47", `{"volume":{"size":1,"backup_id":"` + z + `"}}`, `{"itemNotFound": {"code": 404, "message": "Backup ` + z + ` could not be found."}}`},
		{"3.13", `{"volume":{"size":1,"group_id":"` + z + `"}}`, `{"itemNotFound": {"code": 404, "message": "Group ` + z + ` could not be found."}}`},
		{"", `{"volume":{"size":1,"snapshot_id":"abc"}}`, `{"badRequest": {"code": 400, "message": "Invalid input for field/attribute snapshot_id. Value: abc. 'abc' is not valid under any of the given schemas"}}`},
		{"", `{"volume":{"size":1,"availability_zone":"zzz"}}`, `{"badRequest": {"code": 400, "message": "Availability zone 'zzz' is invalid."}}`},
		{"", `{"volume":{"size":1,"metadata":{"a":1}}}`, `{"badRequest": {"code": 400, "message": "Invalid input for field/attribute a. Value: 1. 1 is not of type 'string'"}}`},
		{"3.53", `{"volume":{"size":1,"foo":1}}`, `{"badRequest": {"code": 400, "message": "Invalid input for field/attribute volume. Value: {'foo': 1, 'size': 1}. Additional properties are not allowed ('foo' was unexpected)"}}`},
	}
	for _, tc := range cases {
		r := e.do("demo", tc.mv, "POST", "volumes", tc.body)
		assert.JSONEq(t, tc.want, string(r.body), tc.body)
	}
	r := e.do("demo", "", "GET", "volumes/"+z, "")
	assert.Equal(t, http.StatusNotFound, r.code)
	assert.JSONEq(t, `{"itemNotFound": {"code": 404, "message": "Volume `+z+` could not be found."}}`, string(r.body))
}

func TestVolumeCreateFromSourcesAndImage(t *testing.T) {
	t.Parallel()
	e := newEnv(t, cindertest.Options{})
	src := e.create("demo", `{"volume":{"size":2}}`)
	clone := e.create("demo", `{"volume":{"source_volid":"`+src+`"}}`)
	assert.Equal(t, 2.0, e.volume("demo", "", clone)["size"])
	r := e.do("demo", "", "POST", "snapshots", `{"snapshot":{"volume_id":"`+src+`"}}`)
	require.Equal(t, http.StatusAccepted, r.code)
	snap := r.json(t)["snapshot"].(map[string]any)["id"].(string)
	fromSnap := e.create("demo", `{"volume":{"snapshot_id":"`+snap+`"}}`)
	assert.Equal(t, snap, e.volume("demo", "", fromSnap)["snapshot_id"])
	img := e.create("demo", `{"volume":{"size":1,"imageRef":"11111111-2222-3333-4444-555555555555"}}`)
	v := e.volume("demo", "", img)
	assert.Equal(t, "true", v["bootable"])
	assert.Equal(t, "11111111-2222-3333-4444-555555555555", v["volume_image_metadata"].(map[string]any)["image_id"])
}

func TestVolumeUpdateDelete(t *testing.T) {
	t.Parallel()
	e := newEnv(t, cindertest.Options{})
	id := e.create("demo", `{"volume":{"size":1,"name":"a"}}`)
	r := e.do("demo", "", "PUT", "volumes/"+id, `{"volume":{"name":"b","description":"d"}}`)
	require.Equal(t, http.StatusOK, r.code)
	assert.Equal(t, "b", r.json(t)["volume"].(map[string]any)["name"])
	r = e.do("demo", "3.53", "PUT", "volumes/"+id, `{"volume":{}}`)
	assert.JSONEq(t, `{"badRequest": {"code": 400, "message": "Invalid input for field/attribute volume. Value: {}. {} is not valid under any of the given schemas"}}`, string(r.body))
	assert.Equal(t, http.StatusOK, e.do("demo", "3.0", "PUT", "volumes/"+id, `{"volume":{}}`).code)

	r = e.do("demo", "", "DELETE", "volumes/"+id+"?cascade=maybe", "")
	assert.JSONEq(t, `{"badRequest": {"code": 400, "message": "Value 'maybe' for 'cascade' is not a boolean."}}`, string(r.body))
	r = e.do("demo", "3.23", "DELETE", "volumes/"+id+"?force=true", "")
	assert.JSONEq(t, `{"forbidden": {"code": 403, "message": "Policy doesn't allow volume:force_delete to be performed."}}`, string(r.body))
	require.Equal(t, http.StatusAccepted, e.action("demo", "", id, `{"os-attach":{"instance_uuid":"00000000-0000-0000-0000-000000000001","mountpoint":"/dev/vdb"}}`).code)
	r = e.do("demo", "", "DELETE", "volumes/"+id, "")
	assert.Equal(t, http.StatusBadRequest, r.code)
	assert.Contains(t, string(r.body), "Invalid volume: Volume status must be available or error")
	require.Equal(t, http.StatusAccepted, e.action("demo", "", id, `{"os-detach":{}}`).code)
	_ = e.volume("demo", "", id) // detaching -> available
	r = e.do("demo", "", "POST", "snapshots", `{"snapshot":{"volume_id":"`+id+`"}}`)
	require.Equal(t, http.StatusAccepted, r.code)
	assert.Equal(t, http.StatusBadRequest, e.do("demo", "", "DELETE", "volumes/"+id, "").code)
	r = e.do("demo", "", "DELETE", "volumes/"+id+"?cascade=true", "")
	assert.Equal(t, http.StatusAccepted, r.code)
	assert.Equal(t, http.StatusNotFound, e.do("demo", "", "GET", "volumes/"+id, "").code)
}

func TestVolumeMetadataETag(t *testing.T) {
	t.Parallel()
	e := newEnv(t, cindertest.Options{})
	id := e.create("demo", `{"volume":{"size":1,"metadata":{"k":"v","k2":"v2"}}}`)
	r := e.do("demo", "3.15", "GET", "volumes/"+id+"/metadata", "")
	// md5 of json.dumps({"metadata": {"k": "v", "k2": "v2"}}), as on real Cinder
	assert.Equal(t, "6f7fd55b8f235d943fe5b45a0e2dd811", r.header.Get("ETag"))
	assert.Empty(t, e.do("demo", "3.14", "GET", "volumes/"+id+"/metadata", "").header.Get("ETag"))
	r = e.do("demo", "3.15", "PUT", "volumes/"+id+"/metadata", `{"metadata":{"k":"x"}}`, "If-Match", "bogus")
	assert.Equal(t, http.StatusPreconditionFailed, r.code)
	assert.Empty(t, r.body)
	r = e.do("demo", "3.15", "PUT", "volumes/"+id+"/metadata", `{"metadata":{"k":"x"}}`, "If-Match", `"6f7fd55b8f235d943fe5b45a0e2dd811"`)
	assert.JSONEq(t, `{"metadata": {"k": "x"}}`, string(r.body))
	r = e.do("demo", "3.14", "PUT", "volumes/"+id+"/metadata", `{"metadata":{"k":"v"}}`, "If-Match", "bogus")
	assert.Equal(t, http.StatusOK, r.code)
	r = e.do("demo", "", "POST", "volumes/"+id+"/metadata", `{"metadata":{"k3":"v3"}}`)
	assert.JSONEq(t, `{"metadata": {"k": "v", "k3": "v3"}}`, string(r.body))
	assert.JSONEq(t, `{"meta": {"k": "v"}}`, string(e.do("demo", "", "GET", "volumes/"+id+"/metadata/k", "").body))
	r = e.do("demo", "", "GET", "volumes/"+id+"/metadata/nokey", "")
	assert.JSONEq(t, `{"itemNotFound": {"code": 404, "message": "Volume `+id+` has no metadata with key nokey."}}`, string(r.body))
	r = e.do("demo", "", "PUT", "volumes/"+id+"/metadata/k", `{"meta":{"x":"1"}}`)
	assert.JSONEq(t, `{"badRequest": {"code": 400, "message": "Request body and URI mismatch"}}`, string(r.body))
	assert.Equal(t, http.StatusOK, e.do("demo", "", "PUT", "volumes/"+id+"/metadata/k", `{"meta":{"k":"z"}}`).code)
	assert.Equal(t, http.StatusOK, e.do("demo", "", "DELETE", "volumes/"+id+"/metadata/k3", "").code)
	assert.Equal(t, http.StatusNotFound, e.do("demo", "", "DELETE", "volumes/"+id+"/metadata/k3", "").code)
	r = e.do("demo", "", "PUT", "volumes/"+id+"/metadata", `{"meta":{}}`)
	assert.JSONEq(t, `{"badRequest": {"code": 400, "message": "'metadata' is a required property"}}`, string(r.body))
}

func TestPagination(t *testing.T) {
	t.Parallel()
	e := newEnv(t, cindertest.Options{MaxLimit: 3})
	var ids []string
	for i := range 5 {
		ids = append(ids, e.create("demo", fmt.Sprintf(`{"volume":{"size":1,"name":"v%d"}}`, i)))
	}
	r := e.do("demo", "", "GET", "volumes?limit=1&sort=name:asc", "")
	body := r.json(t)
	assert.Equal(t, "v0", body["volumes"].([]any)[0].(map[string]any)["name"])
	next := body["volumes_links"].([]any)[0].(map[string]any)
	assert.Equal(t, "next", next["rel"])
	assert.Equal(t, e.srv.CinderURL()+"/v3/"+e.demoProj+"/volumes?limit=1&sort=name%3Aasc&marker="+ids[0], next["href"])

	// follow next links with the server max limit (3): 3 + 2, default order created_at desc
	var seen []string
	u := e.srv.CinderURL() + "/v3/" + e.demoProj + "/volumes/detail"
	for pages := 0; u != ""; pages++ {
		require.Less(t, pages, 4)
		pu, _ := url.Parse(u)
		b := e.do("demo", "", "GET", pu.RequestURI(), "").json(t)
		for _, v := range b["volumes"].([]any) {
			seen = append(seen, v.(map[string]any)["id"].(string))
		}
		u = ""
		if l, ok := b["volumes_links"].([]any); ok {
			u = l[0].(map[string]any)["href"].(string)
		}
	}
	assert.Equal(t, []string{ids[4], ids[3], ids[2], ids[1], ids[0]}, seen)

	r = e.do("demo", "3.45", "GET", "volumes?with_count=true&limit=2", "")
	assert.Equal(t, 5.0, r.json(t)["count"])
	r = e.do("demo", "3.44", "GET", "volumes?with_count=true", "")
	assert.JSONEq(t, `{"badRequest": {"code": 400, "message": "Invalid filters with_count are found in query options."}}`, string(r.body))
	r = e.do("demo", "", "GET", "volumes?sort_key=name&sort_dir=desc&limit=1", "")
	assert.Equal(t, "v4", r.json(t)["volumes"].([]any)[0].(map[string]any)["name"])

	errs := map[string]string{
		"volumes?marker=00000000-0000-0000-0000-000000000000": `{"itemNotFound": {"code": 404, "message": "Volume 00000000-0000-0000-0000-000000000000 could not be found."}}`,
		"volumes?limit=-1":                `{"badRequest": {"code": 400, "message": "limit param must be positive"}}`,
		"volumes?limit=abc":               `{"badRequest": {"code": 400, "message": "limit param must be an integer"}}`,
		"volumes?sort=foo:asc":            `{"badRequest": {"code": 400, "message": "Invalid input received: Invalid sort key"}}`,
		"volumes?sort=name:up":            `{"badRequest": {"code": 400, "message": "Invalid input received: Unknown sort direction, must be 'desc' or 'asc'."}}`,
		"volumes?sort=name&sort_key=name": `{"badRequest": {"code": 400, "message": "The 'sort_key' and 'sort_dir' parameters are deprecated and cannot be used with the 'sort' parameter."}}`,
	}
	for q, want := range errs {
		assert.JSONEq(t, want, string(e.do("demo", "", "GET", q, "").body), q)
	}
}

func names(t *testing.T, r resp) []string {
	t.Helper()
	out := []string{}
	for _, v := range r.json(t)["volumes"].([]any) {
		out = append(out, v.(map[string]any)["name"].(string))
	}
	return out
}

func TestFilters(t *testing.T) {
	t.Parallel()
	e := newEnv(t, cindertest.Options{})
	e.create("demo", `{"volume":{"size":1,"name":"emu-a","metadata":{"k":"v"}}}`)
	b := e.create("demo", `{"volume":{"size":2,"name":"emu-b"}}`)
	e.create("admin", `{"volume":{"size":1,"name":"adm"}}`)
	require.Equal(t, 200, e.action("demo", "", b, `{"os-set_bootable":{"bootable":true}}`).code)
	q := func(user, mv, query string) resp { return e.do(user, mv, "GET", "volumes?"+query, "") }
	assert.Equal(t, []string{"emu-a"}, names(t, q("demo", "", "name=emu-a")))
	assert.Equal(t, []string{"emu-a"}, names(t, q("demo", "", "metadata="+url.QueryEscape("{'k': 'v'}"))))
	assert.Equal(t, []string{"emu-b"}, names(t, q("demo", "3.2", "bootable=true")))
	assert.Equal(t, []string{"emu-b"}, names(t, q("admin", "3.34", "all_tenants=1&name~=emu-b")))
	// the default resource_filters.json lists no "name~": admin-only
	assert.JSONEq(t, `{"badRequest": {"code": 400, "message": "Invalid filters name~ are found in query options."}}`, string(q("demo", "3.34", "name~=b").body))
	assert.ElementsMatch(t, []string{"emu-a", "emu-b"}, names(t, q("demo", "3.60", "created_at=gt:2020-01-01T00:00:00")))
	assert.Empty(t, names(t, q("demo", "3.60", "created_at=lt:2020-01-01T00:00:00")))
	assert.Empty(t, names(t, q("demo", "3.65", "consumes_quota=false")))
	assert.ElementsMatch(t, []string{"emu-a", "emu-b"}, names(t, q("demo", "", "foo=bar")))
	assert.ElementsMatch(t, []string{"emu-a", "emu-b"}, names(t, q("demo", "", "all_tenants=1")))
	assert.JSONEq(t, `{"badRequest": {"code": 400, "message": "Invalid filters foo are found in query options."}}`, string(q("demo", "3.31", "foo=bar").body))
	assert.JSONEq(t, `{"badRequest": {"code": 400, "message": "Invalid input received: 'bootable = xyz'"}}`, string(q("admin", "", "bootable=xyz").body))
	assert.JSONEq(t, `{"badRequest": {"code": 400, "message": "Invalid xx operator"}}`, string(q("admin", "3.60", "created_at=xx:2020-01-01").body))
	assert.JSONEq(t, `{"badRequest": {"code": 400, "message": "Invalid garbage value"}}`, string(q("admin", "3.60", "created_at=gt:garbage").body))
	assert.Equal(t, []string{"adm"}, names(t, q("admin", "", "")))
	assert.ElementsMatch(t, []string{"adm", "emu-a", "emu-b"}, names(t, q("admin", "", "all_tenants=1")))
	assert.ElementsMatch(t, []string{"emu-a", "emu-b"}, names(t, q("admin", "", "all_tenants=1&project_id="+e.demoProj)))
	assert.Empty(t, names(t, q("admin", "", "all_tenants=1&foo=bar")))

	r := e.do("demo", "3.36", "GET", "volumes/summary", "")
	assert.JSONEq(t, `{"volume-summary": {"total_count": 2, "total_size": 3, "metadata": {"k": ["v"]}}}`, string(r.body))
	assert.Equal(t, http.StatusNotFound, e.do("demo", "3.11", "GET", "volumes/summary", "").code)
}

func TestConcurrency(t *testing.T) {
	t.Parallel()
	e := newEnv(t, cindertest.Options{Quotas: cindertest.Quotas{Volumes: 100}})
	var wg sync.WaitGroup
	for i := range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			id := e.create("demo", fmt.Sprintf(`{"volume":{"size":1,"name":"c%d"}}`, i))
			e.volume("demo", "3.70", id)
			e.do("demo", "", "GET", "volumes/detail", "")
			e.action("demo", "", id, `{"os-extend":{"new_size":2}}`)
		}()
	}
	wg.Wait()
	r := e.do("demo", "3.45", "GET", "volumes?with_count=true", "")
	assert.Equal(t, 20.0, r.json(t)["count"])
	assert.GreaterOrEqual(t, len(e.srv.Requests()), 80)
}
